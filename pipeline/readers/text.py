"""Plain text: decode by a deterministic ladder, then find the tables hidden in the lines.

Encodings: pipeline/readers/encodings.py (UTF-8, GB18030, Big5 first, line by line for a file
glued from several, every guess judged; what was repaired is a warning on the Document).

Tables come in three text shapes:
- flattened one cell a line, each cell line starting with a tab (a line without the tab
  continues the cell before it; a lone tab is an empty cell);
- rows with cells separated by `|` (markdown and similar exports);
- rows with cells separated by tabs inside the line.  A short line without tabs between two
  such rows (一、就业和社会保障（3项）) is a category row: one cell spanning every column, as a
  category row merged across a DOCX, HTML or XLSX table reads, so the table stays one under
  its header.  (Extractors see it as a data row whose one cell fills every column.)
The text view is the file's own lines, so line numbers match what an editor shows.  Figures typed in
full-width forms (８５．３％, a pipe typed as ｜) are read as their ASCII forms when the tables are found and
in the cells, one character for one; the lines stay as written.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..errors import DocumentLoadError
from ..model import Block, Cell, Document, Paragraph, Table, build
from . import encodings
from .text_tables import cell_lines_table, cut_pipe_row, region_matrix_table, spaced_rows_table

SEQ = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[（(]?[一二三四五六七八九十\d]{1,3}[）)])")
MAX_CHARS = 3_000_000
TOTAL_ROW = re.compile(r"^(全市|全州|全县|全区|全省|合计|总计|小计)$")
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
SECTION_MAX = 40        # characters: a category line inside a table is a heading, not a sentence
DOUBLE_MIN_LINES = 4    # lines of text: fewer cannot show a habit of blank lines between them
DOUBLE_SHARE = 0.8      # of the gaps between lines of text: one blank line each
# full-width digits, letters, ％ ． ＋ － ／ and ｜ as ASCII (Chinese punctuation （）：；，、 is kept: the
# patterns take both forms of it)
FOLD = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                           0xFF05, 0xFF0E, 0xFF0B, 0xFF0D, 0xFF0F, 0xFF5C]}
# a character FOLD changes: a line without one is kept as it is (str.translate costs ~0.1 µs a character
# through a dict; most lines of a notice hold no full-width figure)
FOLDABLE = re.compile("[" + "".join(sorted(map(chr, FOLD))) + "]")


def decode(data: bytes, source: str = "-") -> tuple[str, str]:
    """Bytes to text, and the codec that worked (pipeline/readers/encodings.py; its warnings are dropped)."""
    found = encodings.decode(data, source)
    return found.text, found.codec


def read(data: bytes, source: str = "-") -> Document:
    decoded = encodings.decode(data, source)
    text, codec = decoded.text, decoded.codec
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.strip():
        raise DocumentLoadError(source, "the file holds no text", "check that it is the right file")
    warnings = list(decoded.warnings)
    if len(text) > MAX_CHARS:        # no notice runs to millions of characters: read its head, say so
        text = text[:MAX_CHARS]
        warnings.append(f"the text is over {MAX_CHARS // 1_000_000} million characters; only the first "
                        f"{MAX_CHARS // 1_000_000} million were read — split the file to read the rest")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = parse_lines(lines)
    doc = build(source, "txt", [], data, encoding=codec, warnings=warnings)
    doc.blocks, doc.lines = blocks, lines
    return doc


def parse_lines(lines: list[str]) -> list[Block]:
    """Paragraphs and tables from the lines of a text; every block keeps its line number."""
    folded = [line.translate(FOLD) if FOLDABLE.search(line) else line for line in lines]
    runs = _double_spaced(folded)
    if runs is None:
        blocks = _parse_lines(folded)
    else:                       # read without the blank line after every line, numbered as written
        kept = [k for k, _ in runs]
        blocks = [_renumbered(b, kept) for b in _parse_lines([text for _, text in runs])]
    for b in blocks:            # a paragraph's text as written (a cell's figures stay folded)
        if isinstance(b, Paragraph) and b.line and folded[b.line - 1] != lines[b.line - 1] \
                and folded[b.line - 1].strip() == b.text:
            b.text = lines[b.line - 1].strip()
    return blocks


def _double_spaced(lines: list[str]) -> list[tuple[int, str]] | None:
    """A text with a blank line after nearly every line (a web page's paragraphs copied one by one, a table
    row a paragraph): the lines to read, as (index, text), one blank line kept where there were two or more,
    and a line with no blank line before it read as part of the one before (it wraps its text); None for a
    text written otherwise."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if len(filled) < DOUBLE_MIN_LINES:
        return None
    single = sum(1 for a, b in pairwise(filled) if b - a == 2)
    if single < DOUBLE_SHARE * (len(filled) - 1):
        return None
    runs: list[tuple[int, str]] = []
    for a, b in zip(filled, filled[1:] + [len(lines)]):
        if a > 0 and lines[a - 1].strip() and _goes_on(lines[a - 1], lines[a]):
            k, text = runs[-1]
            runs[-1] = (k, text.rstrip() + lines[a].strip())
            continue
        runs.append((a, lines[a]))
        if b - a > 2:
            runs.append((a + 1, lines[a + 1]))      # a wider gap stays a gap
    return runs


# 某县人民政府办公室 / 市民政局 (a signature) and 2026年7月16日 (its date): lines of their own
SIGNED = re.compile(r"(?:政府|办公室|办公厅|委员会|局|办)\s*$")
DATE_LINE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
# 1. / 2、 / （三） / 四、 / ①: a line opening an item, which starts anew however it follows the line before
ITEM_OPENING = re.compile(r"\s*(?:\d{1,3}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳])")


def _goes_on(line: str, nxt: str) -> bool:
    """nxt, with no blank line between, carries on line's text: neither is a table's row, line has not ended
    its sentence and nxt opens no item."""
    return not _is_row(line) and not _is_row(nxt) and not line.rstrip().endswith(("。", "；", ";", "：", ":")) \
        and not ITEM_OPENING.match(nxt) and not SIGNED.search(line) and not DATE_LINE.match(nxt)


def _is_row(line: str) -> bool:
    """A table's row written on one line (tabs, pipes, columns of spaces): never the wrapped part of a text."""
    return "\t" in line.strip() or line.count("|") >= 2 or _spaced(line) >= 3


def _renumbered(block: Block, kept: list[int]) -> Block:
    """A block read from the kept lines, its line numbers those of the text as written."""
    def at(n: int | None) -> int | None:
        return kept[n - 1] + 1 if n and 0 < n <= len(kept) else n

    if isinstance(block, Paragraph):
        block.line = at(block.line)
    else:
        block.row_lines = [at(n) for n in block.row_lines]
        for c in block.cells:
            c.line = at(c.line)
    return block


def _parse_lines(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    tables = 0            # tables so far: the next one's index
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        found = _untabbed_table(lines, i)
        if found is not None:
            i, table = found
            table.index = tables
            blocks.append(table)
            tables += 1
            continue
        if line.startswith("\t") and "\t" not in line.strip():
            j, cells = _flattened_cells(lines, i)
            flat = rows_to_table(cells)
            if flat is not None:
                flat.index = tables
                blocks.append(flat)
                tables += 1
            i = j
            continue
        if _is_pipe_row(line) and i + 1 < n and _is_pipe_row(lines[i + 1]):
            j = i
            rows = []
            bordered = line.lstrip().startswith("|")
            while j < n and (_is_pipe_row(lines[j]) or cut_pipe_row(lines, j)):
                if not PIPE_RULE.match(lines[j]):
                    rows.append(([c.strip() for c in _pipe_row(lines[j], bordered).split("|")], j + 1))
                j += 1
            blocks.append(_plain_table(_seq_shifted(rows), tables))
            tables += 1
            i = j
            continue
        if _is_tab_row(line) and (_is_tab_row(lines[i + 1] if i + 1 < n else "")
                                  or _is_section_line(lines, i + 1)):
            j = i
            rows, sections = [], []
            while j < n and (_is_tab_row(lines[j]) or _is_section_line(lines, j)):
                if _is_tab_row(lines[j]):
                    rows.append(([c.strip() for c in lines[j].rstrip(" \r").split("\t")], j + 1))
                else:
                    sections.append(len(rows))
                    rows.append(([lines[j].strip()], j + 1))
                j += 1
            shifted = _seq_shifted(rows)          # a row without its number keeps its columns
            for k in sections:
                shifted[k] = rows[k]              # a category row spans the table as it is
            blocks.append(_plain_table(shifted, tables, sections))
            tables += 1
            i = j
            continue
        if _spaced(line) >= 3:
            j = i
            while j < n and _spaced(lines[j]) >= 3:
                j += 1
            if j - i >= 3:
                rows = _aligned_rows(lines, i, j)
                blocks.append(_plain_table(rows, tables))
                tables += 1
                i = j
                continue
        if line.strip():
            blocks.append(Paragraph(text=line.strip(), line=i + 1))
        i += 1
    return blocks


SPACED = re.compile(r"\s{2,}|\u3000+")


def _untabbed_table(lines: list[str], i: int) -> tuple[int, Table] | None:
    """A table without tabs or pipes opening at line i with 序号: one cell a line, or one row a
    line with cells separated by spaces (see text_tables)."""
    if "\t" in lines[i] or not lines[i].lstrip().startswith(("序", "编", "地", "县", "区")):
        return None
    if lines[i].lstrip().startswith(("地", "县", "区")):
        return region_matrix_table(lines, i)
    return cell_lines_table(lines, i) or spaced_rows_table(lines, i)


FIELD_RUN = re.compile(r"\S+(?: \S+)*")


def _display_col(line: str, index: int) -> int:
    """Columns on a fixed-width screen: a CJK character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[:index])


PADDED_PAIR = re.compile(r"(?:(?<=\s\s)|^)([\u4e00-\u9fff])( {1,3})([\u4e00-\u9fff])(?=\s\s|\s*$)")


def _aligned_rows(lines: list[str], i: int, j: int) -> list[tuple[list[str], int]]:
    """Rows of a table aligned with spaces, cut where most rows start a field.  Alignment is
    tried both by display width (a CJK character takes two columns) and by characters, and the
    one that explains more fields wins; a padded name (赵  勇, 全  市) is one cell, and a header
    label over several columns stands in the first of them."""
    from collections import Counter

    # 赵  勇 -> 赵勇 and the same spaces after it, so the columns after it stay where they were
    texts = [PADDED_PAIR.sub(lambda m: m.group(1) + m.group(3) + m.group(2), lines[k].replace("\u3000", "  "))
             for k in range(i, j)]
    best: tuple[int, list[list[tuple[int, str]]], list[int]] | None = None
    for measure in (_display_col, lambda line, index: index):
        fields = [[(measure(t, m.start()), m.group(0)) for m in FIELD_RUN.finditer(t)] for t in texts]
        seen = Counter(c for row in fields for c, _ in row)
        starts = sorted(c for c, n in seen.items() if n >= max(2, len(fields) // 2))
        if not starts or starts[0] != 0:
            starts = [0] + starts
        fit = sum(1 for row in fields for c, _ in row if c in starts)
        if best is None or fit > best[0]:
            best = (fit, fields, starts)
    assert best is not None           # the loop runs twice
    _, fields, starts = best
    rows = []
    for k, row in zip(range(i, j), fields):
        cells = [""] * len(starts)
        for col, text in row:
            slot = max((n for n, s in enumerate(starts) if s <= col + 1), default=0)
            cells[slot] = cells[slot] + text if cells[slot] else text
        rows.append((cells, k + 1))
    keep = [c for c in range(len(starts)) if any(cells[c] for cells, _ in rows)]
    return [([cells[c] for c in keep], line) for cells, line in rows]


def _spaced(line: str) -> int:
    """Fields of a row aligned with runs of spaces (a table printed in a fixed-width font)."""
    s = line.strip()
    return len(SPACED.split(s)) if s and not line.startswith("\t") else 0


def _seq_shifted(rows: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """Pipe rows under a header with a 序号 column: a row that lost its leading cells has every cell
    to the left of its column.  A row without its number (新增托位500个 | 新增托位600个 | |, a second
    indicator of the item above) gets its empty number cell back and loses its spare empty cell at the
    end; a numbered row under 大类 | 序号 | … without the category cell (written once, above) gets an
    empty category cell."""
    from .text_tables import SEQ_HEAD

    k, s = next(((r, c) for r, (cells, _) in enumerate(rows) for c, x in enumerate(cells[:2])
                 if SEQ_HEAD.match(x.replace(" ", ""))), (None, 0))
    if k is None:
        return rows
    width = len(rows[k][0])
    out = rows[:k + 1]
    for cells, line in rows[k + 1:]:
        first = cells[0] if cells else ""
        if s == 0 and first and not _is_seq(first) and CJK_TEXT.search(first) and len(cells) <= width \
                and (len(cells) < width or not cells[-1]):
            cells = [""] + (cells[:-1] if len(cells) == width else cells)
        elif s > 0 and _is_seq(first) and len(cells) + s <= width:
            cells = [""] * s + cells
        out.append((cells, line))
    return out


CJK_TEXT = re.compile(r"[\u4e00-\u9fff]{4}")


def _pipe_row(line: str, bordered: bool) -> str:
    """A pipe row's cells: in a table whose first row opens with a pipe, one pipe opening a row is its border
    and those after it open empty cells (||目标|完成| under a header whose first cell spans two rows); in a
    table without borders a pipe opening a row opens an empty cell.  Pipes closing a row are dropped."""
    row = line.strip()
    return (row[1:] if bordered and row.startswith("|") else row).rstrip("|")


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2


def _plain_table(rows: list[tuple[list[str], int]], index: int, sections: Sequence[int] = ()) -> Table:
    """A table of rows as written; a section row (see _is_section_line) is one cell spanning
    every column, as a merged category row of a DOCX or XLSX table reads."""
    n_cols = max(len(r) for r, _ in rows)
    cells = [Cell(text=t, row=r, col=c, line=ln, colspan=n_cols if r in sections else 1)
             for r, (row, ln) in enumerate(rows) for c, t in enumerate(row)]
    return Table(cells=cells, index=index, n_rows=len(rows), n_cols=n_cols,
                 row_lines=[ln for _, ln in rows])


def _is_tab_row(line: str) -> bool:
    return "\t" in line.strip()


def _is_section_line(lines: list[str], i: int) -> bool:
    """A line without tabs between two rows of a tab-separated table, and no longer than a
    heading: a category (一、就业和社会保障（3项）) that in the original table was a row merged
    across every column.  It keeps the table whole, under its header."""
    if not 0 < i < len(lines) - 1:
        return False
    line = lines[i].strip()
    return bool(line) and "\t" not in line and len(line) <= SECTION_MAX and not line.endswith("。") \
        and _is_tab_row(lines[i - 1]) and _is_tab_row(lines[i + 1]) and not _opens_header(lines[i + 1])


def _opens_header(line: str) -> bool:
    """序号	项目内容	进展情况: a header row, so the short line above it is the next table's title, not a category
    row of the table before (a document's index block, then its table)."""
    from .text_tables import SEQ_HEAD

    return bool(SEQ_HEAD.match(line.strip().split("\t")[0].replace(" ", "")))


@dataclass
class _Flat:
    text: str
    line: int


def _flattened_cells(lines: list[str], i: int) -> tuple[int, list[_Flat]]:
    """Collect the cells of a flattened table starting at line i; return (next line, cells)."""
    cells: list[_Flat] = []
    blanks = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t") and "\t" in line.strip():
            break       # a row of tab-separated cells, not a flattened cell
        if line.startswith("\t"):
            cells.append(_Flat(line.strip(), i + 1))
            blanks = 0
        elif not line.strip():
            blanks += 1
            if blanks >= 2 and not _next_is_cell(lines, i):
                break
        elif blanks >= 2 or line[:1].isspace() or not cells or (blanks and not _cell_follows(lines, i + 1)):
            break       # a note after the table (注：…), not a second paragraph of its last cell
        else:   # a second paragraph inside the cell before
            cells[-1].text = (cells[-1].text + "\n" + line.strip()).strip()
            blanks = 0
        i += 1
    return i, cells


def _cell_follows(lines: list[str], i: int) -> bool:
    """A cell line comes at or after line i before the table's end (two blank lines)."""
    blanks = 0
    for line in lines[i:]:
        if line.startswith("\t"):
            return True
        blanks = blanks + 1 if not line.strip() else 0
        if blanks >= 2 or line[:1].isspace():
            return False
    return False


def _next_is_cell(lines: list[str], i: int) -> bool:
    for line in lines[i:]:
        if line.strip():
            return line.startswith("\t")
    return False


def _is_seq(text: str) -> bool:
    return bool(SEQ.fullmatch(text.strip()))


def _opens_row(text: str) -> bool:
    """A cell that can open a row: a sequence number, a blank, or a total's label (合计)."""
    return not text or _is_seq(text) or bool(TOTAL_ROW.match(text.strip()))


def _split_rows(cells: list[_Flat], start: int, width: int, header: list[str]) -> list[list[_Flat]]:
    """Cut the cell stream into rows of `width`, stretching a row when the next one would not
    start on a sequence number or blank, and dropping header rows repeated after page breaks."""
    rows: list[list[_Flat]] = []
    pos, n = start, len(cells)
    hlen = len(header)
    while pos < n:
        if hlen and [c.text for c in cells[pos:pos + hlen]] == header:
            pos += hlen
            continue
        if hlen > width and [c.text for c in cells[pos:pos + hlen - width]] == header[:hlen - width]:
            pos += hlen   # a repeated two-row header
            continue
        end = pos + width
        extra = 0
        while end + extra < n and extra < 3 and not _opens_row(cells[end + extra].text):
            extra += 1
        if end + extra < n and extra < 3:
            end += extra
        rows.append(cells[pos:min(end, n)])
        pos = end
    return rows


def _layout_score(cells: list[_Flat], start: int, width: int) -> int:
    """How well a row width explains the stream: rows that open with the next number in
    sequence (or a blank) and have exactly `width` cells."""
    rows = _split_rows(cells, start, width, [c.text for c in cells[:start]])
    score, last = 0, None
    for r in rows:
        first = r[0].text.strip("（()）、.") if r else ""
        n = _seq_value(first)
        if n is not None and (last is None or n in (last + 1, 1)):
            score += 3
            last = n
        elif not first or TOTAL_ROW.match(first):
            score += 1
        else:
            score -= 2
        score += len(r) == width
    return score


def _seq_value(text: str) -> int | None:
    if text.isdigit() and len(text) <= 3:
        return int(text)
    cn = "一二三四五六七八九十"
    if text and all(ch in cn for ch in text) and len(text) <= 3:
        if text == "十":
            return 10
        if text.startswith("十"):
            return 10 + cn.index(text[1]) + 1
        if len(text) == 1:
            return cn.index(text) + 1
        if text.endswith("十"):
            return (cn.index(text[0]) + 1) * 10
        return (cn.index(text[0]) + 1) * 10 + cn.index(text[2]) + 1 if len(text) == 3 else None
    return None


def rows_to_table(cells: list[_Flat]) -> Table | None:
    """Rebuild a table's grid from its flattened cells: find where the data starts and the
    row width that makes every row begin with a sequence number or a blank."""
    if not cells:
        return None
    best: tuple[int, int, int] | None = None   # (score, -start, width)
    for start in range(min(len(cells), 40)):
        t = cells[start].text
        first_row = t.strip("（()）") in ("1", "一") or \
            (not t and start + 1 < len(cells) and TOTAL_ROW.match(cells[start + 1].text))
        if not first_row:
            continue
        for width in range(2, 16):
            if start and start < width - 1:
                continue   # a header shorter than a row is not a header
            score = _layout_score(cells, start, width) + (2 if start == width else 0)
            cand = (score, -start, width)
            if best is None or cand > best:
                best = cand
    if best is None or best[0] <= 3:
        width = len(cells)
        return _grid_table([[c for c in cells]], [], width)
    start, width = -best[1], best[2]
    header = cells[:start]
    rows = _split_rows(cells, start, width, [c.text for c in header])
    return _grid_table(rows, header, width)


def _grid_table(rows: list[list[_Flat]], header: list[_Flat], width: int) -> Table:
    out: list[Cell] = []
    row_lines: list[int | None] = []
    r = 0
    if header:
        if len(header) > width:      # a header written over two rows
            top, bottom = header[:len(header) - width], header[len(header) - width:]
            spare = width - len(top)
            col = 0
            for cell in top:
                span = 1
                while spare > 0 and col + span < width and bottom[col].text and bottom[col + span].text:
                    span += 1
                    spare -= 1
                if col >= width:
                    break
                rowspan = 2 if span == 1 and not bottom[col].text else 1
                out.append(Cell(cell.text, 0, col, rowspan=rowspan, colspan=span, line=cell.line))
                col += span
            for k, cell in enumerate(bottom):
                if cell.text:
                    out.append(Cell(cell.text, 1, k, line=cell.line))
            row_lines += [top[0].line, bottom[0].line]
            r = 2
        else:
            for k, cell in enumerate(header):
                out.append(Cell(cell.text, 0, k, line=cell.line))
            row_lines.append(header[0].line)
            r = 1
    for row in rows:
        for k, cell in enumerate(row):
            out.append(Cell(cell.text, r, k, line=cell.line))
        row_lines.append(row[0].line if row else None)
        r += 1
    n_cols = max([width] + [len(x) for x in rows])
    return Table(cells=out, n_rows=r, n_cols=n_cols, header_rows=2 if len(header) > width else (1 if header else 0),
                 row_lines=row_lines)
