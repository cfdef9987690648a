"""Excel 2003 XML (SpreadsheetML): one XML file, often named .xls or .xml, read as the XLSX reader reads a workbook.

Each Worksheet holds a Table of Rows of Cells.  Positions are implicit: a Row or Cell takes the
next index unless it says ss:Index (1-based), and a cell merged across (ss:MergeAcross=n)
moves the next cell n columns further; ss:MergeDown spans rows.  A cell's value is its Data
(ss:Type Number, String, DateTime, Boolean, Error; rich text read as its text), shown through
its style's NumberFormat as the XLSX reader shows numbers.  A formula (ss:Formula) whose cell
holds no Data has no value to read, which a warning says; hidden sheets, rows and columns are
left out with a warning, as in XLSX.  Title rows, the grid and notes are laid out by
xlsx.sheet_blocks, so a table keeps its sheet's name.
"""
from __future__ import annotations

import datetime as dt

from ..model import Block, Document, Table, build, clean_cell
from .office_xml import parse
from .xlsx import MAX_COLS, MAX_ROWS, Merge, display, drop_hidden, render, sheet_blocks, uncached_warning

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
X = "{urn:schemas-microsoft-com:office:excel}"
# Excel's named number formats, as the codes the XLSX reader knows
NAMED_FORMATS = {"general": "General", "general number": "General", "fixed": "0.00", "standard": "#,##0.00",
                 "percent": "0.00%", "scientific": "0.00E+00", "short date": "yyyy-mm-dd",
                 "general date": "yyyy-mm-dd", "medium date": "yyyy-mm-dd", "long date": 'yyyy"年"m"月"d"日"'}
MAX_SPAN = 10_000


def read(data: bytes, source: str) -> Document:
    root = parse(data, source, "Excel 2003 XML")
    formats = _number_formats(root)
    blocks: list[Block] = []
    warnings: list[str] = []
    for k, ws in enumerate(root.iter(SS + "Worksheet")):
        name = ws.get(SS + "Name") or f"Sheet{k + 1}"
        if _hidden_sheet(ws):
            warnings.append(f"sheet {name}: hidden, not read")
            continue
        table = ws.find(SS + "Table")
        if table is None:
            continue
        values, merges, hidden_rows, hidden_cols, clipped, uncached = _sheet(table, formats)
        warnings += uncached_warning(name, uncached)
        if clipped:
            warnings.append(f"sheet {name}: only the first {MAX_ROWS} rows and {MAX_COLS} columns were read")
        values, merges = drop_hidden(values, merges, hidden_rows, hidden_cols, name, warnings)
        blocks += sheet_blocks(values, merges, name, start_index=sum(isinstance(b, Table) for b in blocks))
    return build(source, "spreadsheetml", blocks, data, warnings=warnings)


def _number_formats(root) -> dict[str, str]:
    """Style id -> its number format code."""
    out: dict[str, str] = {}
    for style in root.iter(SS + "Style"):
        fmt = style.find(SS + "NumberFormat")
        if fmt is not None and fmt.get(SS + "Format"):
            code = fmt.get(SS + "Format", "")
            out[style.get(SS + "ID", "")] = NAMED_FORMATS.get(code.lower(), code)
    return out


def _hidden_sheet(ws) -> bool:
    visible = ws.find(f"{X}WorksheetOptions/{X}Visible")
    return visible is not None and (visible.text or "").strip().lower() in ("sheethidden", "sheetveryhidden")


def _index(el, default: int) -> int:
    """ss:Index (1-based) as a 0-based index, or the default when absent or not a number."""
    raw = el.get(SS + "Index")
    try:
        return int(raw) - 1 if raw is not None and int(raw) > 0 else default
    except ValueError:
        return default


def _span(el, name: str) -> int:
    try:
        return min(max(0, int(el.get(SS + name, "0"))), MAX_SPAN)
    except ValueError:
        return 0


def _sheet(table, formats: dict[str, str]):
    values: dict[tuple[int, int], str] = {}
    merges: list[Merge] = []
    hidden_rows: set[int] = set()
    hidden_cols: set[int] = set()
    uncached: list[str] = []
    clipped = False
    col = 0
    for column in table.iter(SS + "Column"):
        col = _index(column, col)
        width = 1 + _span(column, "Span")
        if column.get(SS + "Hidden") == "1":
            hidden_cols.update(range(col, min(col + width, MAX_COLS)))
        col += width
    r = 0
    for row in table.iter(SS + "Row"):
        r = _index(row, r)
        if r >= MAX_ROWS:
            clipped = True
            break
        if row.get(SS + "Hidden") == "1":
            hidden_rows.add(r)
        c = 0
        for cell in row.iter(SS + "Cell"):
            c = _index(cell, c)
            if c >= MAX_COLS:
                clipped = True
                break
            across, down = _span(cell, "MergeAcross"), _span(cell, "MergeDown")
            if across or down:
                merges.append((r, r + down + 1, c, min(c + across + 1, MAX_COLS)))
            data = cell.find(SS + "Data")
            if data is not None:
                text = _value(data, formats.get(cell.get(SS + "StyleID", ""), "General"))
                if text:
                    values[(r, c)] = text
            elif cell.get(SS + "Formula"):
                uncached.append(_a1(r, c))
            c += across + 1
        r += 1
    return values, merges, hidden_rows, hidden_cols, clipped, uncached


def _value(data, number_format: str) -> str:
    kind = (data.get(SS + "Type") or "String").lower()
    raw = "".join(data.itertext())
    if kind == "number":
        try:
            number = float(raw)
        except ValueError:
            return clean_cell(raw)
        return display(int(number) if number.is_integer() and abs(number) < 2**53 else number, number_format)
    if kind == "datetime":
        try:
            moment = dt.datetime.fromisoformat(raw.strip()[:19])
        except ValueError:
            return clean_cell(raw)
        return display(moment, number_format)
    if kind == "boolean":
        return render(raw.strip() in ("1", "true"))
    return clean_cell(raw)


def _a1(r: int, c: int) -> str:
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"
