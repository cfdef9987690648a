"""XLSX: every sheet through openpyxl, merged ranges as spans.

Cells read as the sheet shows them (display): a number with its format (0.853 under '0.0%' is
85.3%, '#,##0.00' keeps its separators and decimals), a date serial under a Chinese date format
as 2023年6月30日, a formula as its cached value (a formula cell with none is named in a warning).
A sheet the workbook lists but whose part is missing is named in a warning; the others are read.
A Strict Open XML workbook has its namespaces mapped to the Transitional ones first.  Hidden sheets, rows and columns are left out,
with a warning: they hold what the author did not show or print (helper codes, check sums),
and a hidden row inside a table would otherwise show as a row the printed table lacks.

A sheet is laid out as government workbooks are: title rows (one text in the first column,
often merged across the width) above the grid, notes below it.  `sheet_blocks` turns those
rows into paragraphs and the grid into a Table that keeps the sheet's name; the XLS reader
shares it.

openpyxl needs read_only=False to see merged ranges, so the whole sheet is in memory: the
expanded size of the archive is bounded first, and rows past MAX_ROWS are dropped with a
warning (a sheet whose used range claims 1,048,576 rows is read only to its last value).
"""
from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal

from ..errors import DocumentLoadError
from ..model import Block, Cell, Document, Paragraph, Table, build, clean_cell
from .docx import check_zip, header_rows
from .ooxml_strict import to_transitional

MAX_EXPANDED = 100 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLS = 1_000
MAX_MERGED = 2_000_000     # cells covered by merged ranges, over the workbook (openpyxl makes an object for each)
STREAM_CELLS = 200_000     # a sheet with more cells than this is streamed (read_only), without openpyxl's merges
MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\"")
CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SHOWN = 5                  # cells named in a warning

Merge = tuple[int, int, int, int]     # half-open (first row, end row, first col, end col), 0-based


def render(value: object) -> str:
    """A cell value as text: integral numbers without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_cell(str(value))


NUMBER_FORMAT_LITERAL = re.compile(r'"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.')


def display(value: object, number_format: str | None) -> str:
    """A cell value as the sheet shows it: 0.853 under '0.0%' is 85.3%, 1234.5 under '#,##0.00'
    is 1,234.50, a date under 'yyyy"年"m"月"d"日"' is 2023年6月30日.  Formats this does not know
    (fractions, scientific, conditions) leave the value as render() writes it."""
    fmt = (number_format or "General").split(";")[0]
    if isinstance(value, (dt.datetime, dt.date)) and not isinstance(value, dt.time):
        return _date(value, fmt)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or fmt in ("General", "@", ""):
        return render(value)
    literal: list[str] = []

    def keep(m: re.Match) -> str:          # a literal of the format, set aside; a NUL holds its place
        literal.append(m.group(1) or m.group(2) or "")
        return "\0"
    code = NUMBER_FORMAT_LITERAL.sub(keep, fmt)
    if re.search(r"[^0#?,.%\0\s-]", code) or not re.search(r"[0#?]", code):
        return render(value)          # E+, fractions, a date or text format on a number
    number = Decimal(repr(float(value))) * (100 ** code.count("%"))
    decimals = len(re.sub(r"[^0#?]", "", code.split(".", 1)[1])) if "." in code else 0
    text = f"{abs(number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)):{',' if ',' in code else ''}.{decimals}f}"
    if number < 0 and text.strip("0.,"):
        text = "-" + text
    digits = re.search(r"[0#?][0#?,.]*", code)
    if digits is None:
        return render(value)
    head, _, tail = code.partition(digits.group())
    fill = iter(literal)
    return "".join(next(fill, "") if ch == "\0" else ch for ch in head) + text + \
        "".join(next(fill, "") if ch == "\0" else ch for ch in tail).replace(" ", "")


def _date(value: dt.date, fmt: str) -> str:
    """Dates in a Chinese format (年 月 日 in it) are written so; others as ISO."""
    plain = NUMBER_FORMAT_LITERAL.sub(lambda m: m.group(1) or m.group(2) or "", fmt)
    if "年" in plain or "月" in plain:
        y, m, d = value.year, value.month, value.day
        if "日" in plain and "年" in plain:
            return f"{y}年{m}月{d}日"
        if "年" in plain:
            return f"{y}年{m}月"
        return f"{m}月{d}日"
    return render(value)


def read(data: bytes, source: str) -> Document:
    import openpyxl

    check_zip(data, source, "XLSX", MAX_EXPANDED)
    data_in = to_transitional(data) or data        # a Strict Open XML workbook, in the names openpyxl knows
    parts = scan_sheets(data_in)
    merged = sum((m[1] - m[0]) * (m[3] - m[2]) for _, merges, _ in parts.values() for m in merges)
    if merged > MAX_MERGED:
        raise DocumentLoadError(source, f"the XLSX file's merged ranges cover {merged:,} cells, "
                                "which no real table does (a broken or crafted file)",
                                "unmerge the cells in an office suite and re-save it")
    stream = any(cells > STREAM_CELLS for cells, _, _ in parts.values())
    book = openpyxl.load_workbook(io.BytesIO(data_in), data_only=True, read_only=stream)
    blocks: list[Block] = []
    warnings: list[str] = []
    archive = zipfile.ZipFile(io.BytesIO(data_in))
    sheet_parts = _sheet_parts(archive)
    for name, part in sheet_parts:
        if part not in parts:
            warnings.append(f"sheet {name}: its part {part} is missing from the file, not read "
                            "— the file is damaged; re-save it from Excel or ask for it again")
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            warnings.append(f"sheet {ws.title}: hidden, not read")
            continue
        part = next((p for n, p in sheet_parts if n == ws.title), "")
        if parts.get(part, (0, [], 0))[2]:
            warnings += uncached_warning(ws.title, _uncached(archive, part))
        if stream:
            present, merges, clipped = _streamed(ws, parts.get(getattr(ws, "_worksheet_path", ""), (0, [], 0))[1])
        else:
            present, merges, clipped = _loaded(ws)
            present, merges = drop_hidden(present, merges, *_hidden(ws), ws.title, warnings)
        if clipped:
            warnings.append(f"sheet {ws.title}: only the first {MAX_ROWS} rows and {MAX_COLS} columns were read")
        blocks += sheet_blocks(present, merges, ws.title, start_index=sum(isinstance(b, Table) for b in blocks))
    if stream:
        book.close()
    return build(source, "xlsx", blocks, data, warnings=warnings)


def scan_sheets(data: bytes) -> dict[str, tuple[int, list[Merge], int]]:
    """For each worksheet part: how many cells and formulas it holds and its merged ranges, read from
    the XML in chunks before openpyxl sees it (openpyxl turns every merged position into an object)."""
    out: dict[str, tuple[int, list[Merge], int]] = {}
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        cells, formulas, tail = 0, 0, b""
        merges: list[Merge] = []
        with archive.open(name) as part:
            while chunk := part.read(1 << 20):
                buf = tail + chunk
                cut = max(0, len(buf) - 200)          # keep a tag split over the chunk boundary
                cells += len(CELL_TAG.findall(buf, 0, cut))
                formulas += len(FORMULA_TAG.findall(buf, 0, cut))
                merges += [_merge(m) for m in MERGE_REF.finditer(buf, 0, cut)]
                tail = buf[cut:]
        cells += len(CELL_TAG.findall(tail))
        formulas += len(FORMULA_TAG.findall(tail))
        merges += [_merge(m) for m in MERGE_REF.finditer(tail)]
        out[name] = (cells, merges, formulas)
    return out


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, its part's path) in workbook order, from xl/workbook.xml and its relationships."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        book = etree.fromstring(archive.read("xl/workbook.xml"), parser)
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
    except (KeyError, etree.XMLSyntaxError):
        return []          # openpyxl says what is wrong with these
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(PKG_REL + "Relationship")}
    out = []
    for sheet in book.iter(MAIN + "sheet"):
        target = targets.get(sheet.get(REL + "id"), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            out.append((sheet.get("name", ""), path))
    return out


def _uncached(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The cells of a worksheet part holding a formula but no saved value (a workbook written by a
    program that does not compute, or saved before Excel recalculated): openpyxl reads them as empty."""
    from lxml import etree

    out: list[str] = []
    with archive.open(part) as stream:
        for _, el in etree.iterparse(stream, events=("end",), tag=(MAIN + "c", MAIN + "row"),
                                     resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True):
            if el.tag == MAIN + "row":
                el.clear()
                while el.getprevious() is not None:
                    del el.getparent()[0]
                continue
            if el.find(MAIN + "f") is not None and el.find(MAIN + "is") is None:
                value = el.find(MAIN + "v")
                # an empty <v/> under t="str" is a formula whose result is "" (=IF(B2=0,"",C2/B2)): saved
                if value is None or (not (value.text or "").strip() and el.get("t") != "str"):
                    out.append(el.get("r", "?"))
    return out


def uncached_warning(sheet: str, cells: list[str]) -> list[str]:
    """One warning naming a sheet's formula cells that hold no saved value (none when there are none)."""
    if not cells:
        return []
    shown = ", ".join(cells[:SHOWN]) + (f" and {len(cells) - SHOWN} more" if len(cells) > SHOWN else "")
    return [(f"sheet {sheet}: formula cells with no saved value, read as empty: {shown} "
             "— open the file in Excel or LibreOffice and save it again to store their results")]


def _merge(m: re.Match) -> Merge:
    c0, r0 = _column(m.group(1)), int(m.group(2)) - 1
    c1, r1 = (_column(m.group(3)), int(m.group(4))) if m.group(3) else (c0, r0 + 1)
    return (r0, r1, c0, c1 + 1 if m.group(3) else c0 + 1)


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _loaded(ws) -> tuple[dict[tuple[int, int], str], list[Merge], bool]:
    # ws._cells holds only the cells present in the file; iterating ws.iter_rows() on a sheet
    # whose used range is the whole grid would create a million empty cells
    present = {(r - 1, c - 1): display(cell.value, cell.number_format) for (r, c), cell in ws._cells.items()
               if cell.value is not None and (r <= MAX_ROWS and c <= MAX_COLS)}
    clipped = any(r > MAX_ROWS or c > MAX_COLS for (r, c), cell in ws._cells.items() if cell.value is not None)
    merges = [(m.min_row - 1, min(m.max_row, MAX_ROWS), m.min_col - 1, min(m.max_col, MAX_COLS))
              for m in ws.merged_cells.ranges if m.min_row <= MAX_ROWS and m.min_col <= MAX_COLS]
    return present, merges, clipped


def _hidden(ws) -> tuple[set[int], set[int]]:
    """0-based rows and columns the sheet hides (a column dimension may cover a range)."""
    rows = {r - 1 for r, dim in ws.row_dimensions.items() if dim.hidden and r <= MAX_ROWS}
    cols: set[int] = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min:
            cols.update(range(dim.min - 1, min(dim.max or dim.min, MAX_COLS)))
    return rows, cols


def drop_hidden(values: dict[tuple[int, int], str], merges: list[Merge], rows: set[int], cols: set[int],
                sheet: str, warnings: list[str]) -> tuple[dict[tuple[int, int], str], list[Merge]]:
    """Leave out the rows and columns a sheet hides (helper columns, check rows: what the
    sheet's author does not show or print), closing the gaps so a table stays one table.
    The warning says what was left out when it held values."""
    if not rows and not cols:
        return values, merges
    dropped = sum(1 for r, c in values if r in rows or c in cols)
    if dropped:
        warnings.append(f"sheet {sheet}: {dropped} values in {len(rows)} hidden rows and "
                        f"{len(cols)} hidden columns left out")
    row_at, col_at = _shift(rows), _shift(cols)
    kept: dict[tuple[int, int], str] = {}
    for (r, c), text in values.items():
        if r not in rows and c not in cols:
            kept[(row_at(r), col_at(c))] = text
    out: list[Merge] = []
    for r0, r1, c0, c1 in merges:
        shown_rows = [r for r in range(r0, r1) if r not in rows]
        shown_cols = [c for c in range(c0, c1) if c not in cols]
        if not shown_rows or not shown_cols:
            continue
        top, left = row_at(shown_rows[0]), col_at(shown_cols[0])
        if (r0, c0) in values and (top, left) not in kept:     # the value sits in a hidden row or column
            kept[(top, left)] = values[(r0, c0)]
        out.append((top, top + len(shown_rows), left, left + len(shown_cols)))
    return kept, out


def _shift(hidden: set[int]):
    """Maps a shown index to its index once the hidden ones before it are taken out."""
    if not hidden:
        return lambda i: i
    order = sorted(hidden)

    def at(i: int) -> int:
        import bisect
        return i - bisect.bisect_left(order, i)
    return at


def _streamed(ws, merges: list[Merge]) -> tuple[dict[tuple[int, int], str], list[Merge], bool]:
    """A large sheet row by row (openpyxl read_only), stopping at MAX_ROWS; merges from scan_sheets."""
    present: dict[tuple[int, int], str] = {}
    clipped = False
    for row in ws.iter_rows():
        for cell in row:
            if getattr(cell, "value", None) is None:
                continue
            r, c = cell.row - 1, cell.column - 1
            if r >= MAX_ROWS or c >= MAX_COLS:
                clipped = True
                continue
            present[(r, c)] = display(cell.value, getattr(cell, "number_format", None))
        if row and getattr(row[0], "row", 0) and row[0].row > MAX_ROWS:
            clipped = True
            break
    merges = [(r0, min(r1, MAX_ROWS), c0, min(c1, MAX_COLS)) for r0, r1, c0, c1 in merges
              if r0 < MAX_ROWS and c0 < MAX_COLS]
    for r0, r1, c0, c1 in merges:       # covered positions hold no value, as openpyxl's full mode has it
        for r in range(r0, r1):
            for c in range(c0, c1):
                if (r, c) != (r0, c0):
                    present.pop((r, c), None)
    return present, merges, clipped


def sheet_blocks(values: dict[tuple[int, int], str], merges: list[Merge], sheet: str,
                 start_index: int = 0) -> list[Block]:
    """Split a sheet into paragraphs (title and note rows) and tables (runs of grid rows).

    values maps (row, col) to non-empty text; merges are half-open ranges.  A run of rows
    ends at an empty row; within a run, leading and trailing rows holding a single text in the
    run's first column (or spanning most of its width) are paragraphs.
    """
    values = {k: v for k, v in values.items() if v}
    if not values:
        return []
    last_row = max(r for r, _ in values)
    last_col = max(c for _, c in values)
    # a merged range past the last value covers nothing to read: clamp it (a range over the whole
    # sheet, A1:XFD1048576, would otherwise make a grid of 17 billion cells)
    merges = [(r0, min(r1, last_row + 1), c0, min(c1, last_col + 1)) for r0, r1, c0, c1 in merges
              if r0 <= last_row and c0 <= last_col]
    used_rows = {r for r, _ in values}
    for r0, r1, c0, _ in merges:
        if (r0, c0) in values:
            used_rows.update(range(r0, r1))
    runs: list[list[int]] = []
    for r in range(last_row + 1):
        if r in used_rows:
            if runs and runs[-1][-1] == r - 1:
                runs[-1].append(r)
            else:
                runs.append([r])
    blocks: list[Block] = []
    span_of = {(m[0], m[2]): m for m in merges}
    cols_of: dict[int, list[int]] = {}          # row -> its columns with a value, in order
    for r, c in sorted(values):
        cols_of.setdefault(r, []).append(c)
    for rows in runs:
        in_run = [(r, c) for r in rows for c in cols_of.get(r, ())]
        first_col = min(c for _, c in in_run)
        width = max(span_of.get((r, c), (0, 0, 0, c + 1))[3] for (r, c) in in_run) - first_col

        head = 0
        while head < len(rows) and _is_line(cols_of, span_of, rows[head], first_col, width, values):
            head += 1
        tail = len(rows)
        while tail > head and _is_line(cols_of, span_of, rows[tail - 1], first_col, width, values):
            tail -= 1
        lines_before, grid, lines_after = rows[:head], rows[head:tail], rows[tail:]
        if len(grid) == 1:                      # a single row is text, not a table
            lines_before, grid = lines_before + grid, []
        for r in lines_before:
            blocks.append(Paragraph(text=_row_text(values, cols_of, r)))
        if grid:
            blocks.append(_table(values, cols_of, span_of, grid, sheet,
                                 start_index + sum(isinstance(b, Table) for b in blocks)))
        for r in lines_after:
            blocks.append(Paragraph(text=_row_text(values, cols_of, r)))
    return blocks


def _is_line(cols_of: dict[int, list[int]], span_of: dict[tuple[int, int], Merge], r: int,
             first_col: int, width: int, values: dict[tuple[int, int], str] | None = None) -> bool:
    """A title or note row: one text, in the run's first column or spanning most of its width;
    or a row of labelled fields (填报单位：… 填报日期：2022年9月6日, 审核：… 填表：…)."""
    if width <= 1:
        return True
    texts = cols_of.get(r, [])
    if len(texts) > 1 and values is not None:
        return _is_fields([values[(r, c)] for c in texts])
    if len(texts) != 1:
        return False
    c = texts[0]
    span = span_of.get((r, c), (r, r + 1, c, c + 1))
    return c == first_col or (span[3] - span[2]) * 2 >= width


FIELD = re.compile(r"^[^：:]{1,12}[：:]")


def _is_fields(texts: list[str]) -> bool:
    """Each text is a label with its colon (审核：杨帆), or the value after a bare label (填报日期：|2022年9月6日)."""
    if len(texts) > 4 or not FIELD.match(texts[0]):
        return False
    return all(FIELD.match(t) or texts[k - 1].rstrip().endswith(("：", ":")) for k, t in enumerate(texts) if k)


def _row_text(values: dict[tuple[int, int], str], cols_of: dict[int, list[int]], r: int) -> str:
    return " ".join(values[(r, c)] for c in cols_of.get(r, ()))


def _table(values: dict[tuple[int, int], str], cols_of: dict[int, list[int]],
           span_of: dict[tuple[int, int], Merge], rows: list[int], sheet: str, index: int) -> Table:
    top, bottom = rows[0], rows[-1] + 1
    in_rows = [(r, c) for r in rows for c in cols_of.get(r, ())]
    left = min(c for _, c in in_rows)
    right = max(span_of.get((r, c), (0, 0, 0, c + 1))[3] for r, c in in_rows)
    texts = {(r, c): values[(r, c)] for r, c in in_rows if left <= c < right}
    for (r, c) in span_of:
        if top <= r < bottom and left <= c < right and (r, c) not in texts:
            texts[(r, c)] = ""        # a merged range whose value is empty is still a cell
    cells: list[Cell] = []
    for (r, c), text in sorted(texts.items()):
        m = span_of.get((r, c))
        rowspan = min(m[1], bottom) - r if m else 1
        colspan = min(m[3], right) - c if m else 1
        cells.append(Cell(text=text, row=r - top, col=c - left, rowspan=rowspan, colspan=colspan))
    return Table(cells=cells, index=index, sheet=sheet, n_rows=bottom - top, n_cols=right - left,
                 header_rows=header_rows(cells))
