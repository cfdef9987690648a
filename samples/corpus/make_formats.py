"""Render the corpus documents (samples/corpus/NNN_slug.txt) into DOCX, PDF, HTML and XLSX.

    .venv/bin/python samples/corpus/make_formats.py            # every document, every format
    .venv/bin/python samples/corpus/make_formats.py 016 026    # only these documents

Each document is read with the text reader (pipeline.readers.read), which turns its flattened,
`|`, tab and space-aligned tables into Table blocks.  Those are drawn as real tables, with the
merges the flattened text lost, the way such tables are drawn in Word:
- a row whose 序号 is blank continues the project above: its 序号 and 项目名称 cells, and its
  blank leader/unit/deadline cells, merge with the row above;
- a blank leader, lead-unit (牵头/责任单位) or deadline (时限) cell under a filled one merges with it
  even across projects (a 完成时限 written once for several rows).  Partner columns (配合/协办,
  or 责任单位 beside a 牵头单位 column) are not merged there: their blank cells are genuinely empty;
- a header written over two rows (group labels over 任务数/完成数/完成率, or 责任单位 over
  牵头/协办) becomes row- and column-spanning header cells.
The text reader's own slips are undone first, so the rendering shows the document as written:
footnotes and a following table swallowed into a table's last cell (注：…, 抄送：…) are cut off
and read on their own, a flattened table laid out as one long row gets its rows back, and
padded names split over two columns (赵  勇) are joined again.

Summary documents (key kind "summary", and 017 whose attachment is the table) also get an XLSX,
one sheet per 表N.  File stems stay the corpus stems so answer keys match.
"""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(HERE.parent)]

import writers as render

from pipeline.model import Block, Cell, Paragraph, Table
from pipeline.readers import text as textreader

FORMATS = ("docx", "pdf", "html", "xlsx")
XLSX_ALWAYS = ("012", "016", "017")          # mainly a table, whatever the key's kind
# a line of a cell that really starts a new block after the table
AFTER_TABLE = re.compile(r"^(?:注[:：]|抄送[:：]|表\s*\d+\s*$|审核人?[:：]|填表人?[:：]|填报日期[:：]|单位[:：])")
SEQ_WORDS = ("序号",)
NAME_WORDS = ("项目名称", "实事项目", "督办事项", "项目", "类别")
LEADER_WORDS = ("领导", "责任人")
DEADLINE_WORDS = ("时限", "完成时间")
PARTNER_WORDS = ("配合", "协办", "协助")
SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{1,2}$")
NUMBERISH = re.compile(r"^[\d.,%％—\-－]+$")


# ---------------------------------------------------------------- reading the corpus text

def corpus_blocks(path: Path) -> list[Block]:
    """The document's blocks as it is written: paragraphs and tables with their merges."""
    lines = textreader.decode(path.read_bytes())[0].replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    for segment in _segments(lines):
        for b in textreader.parse_lines(segment):
            if isinstance(b, Table):
                blocks.append(merged(joined_names(regrid(b, segment))))
            else:
                blocks.append(Paragraph(b.text))
    return blocks


def _segments(lines: list[str]) -> list[list[str]]:
    """Cut the lines where the text reader let a table swallow what follows it (a footnote,
    a 抄送 line, the next 表N): each part is then read on its own."""
    cuts: list[int] = []
    start = 0
    while True:
        cut = _swallowed(lines, start)
        if cut is None:
            break
        cuts.append(cut)
        start = cut
    bounds = [0] + cuts + [len(lines)]
    return [lines[a:b] for a, b in pairwise(bounds)]


def _swallowed(lines: list[str], start: int) -> int | None:
    """The first line (at or after start, 0-based) that a table cell swallowed, if any."""
    for b in textreader.parse_lines(lines[start:]):
        if not isinstance(b, Table):
            continue
        for c in sorted(b.cells, key=lambda c: (c.row, c.col)):
            if c.row < b.header_rows:
                continue
            first = (c.line or 1) - 1 + start
            for part in c.text.split("\n"):
                if not AFTER_TABLE.match(part.strip()):
                    continue
                for i in range(max(first, start + 1), len(lines)):
                    if lines[i].strip() == part.strip() and not lines[i].startswith("\t"):
                        return i
    return None


def regrid(table: Table, lines: list[str]) -> Table:
    """A flattened table the reader laid out as one long row: one row per blank-line-separated
    group of cell lines, as the text shows it."""
    if table.n_rows > 1 or table.n_cols < 8:
        return table
    numbers = [c.line for c in table.cells if c.line]
    rows: list[list[str]] = [[]]
    for line in lines[min(numbers) - 1:max(numbers)]:
        if not line.strip():
            if rows[-1]:
                rows.append([])
        elif line.startswith("\t"):
            rows[-1].append(line.strip())
        elif rows[-1]:
            rows[-1][-1] += "\n" + line.strip()
    rows = [r for r in rows if r]
    if len(rows) < 2 or len({len(r) for r in rows}) != 1:
        return table
    return Table.from_rows(rows)


def joined_names(table: Table) -> Table:
    """Padded two-character names (赵  勇) that the space-aligned reader split over two columns:
    the header has fewer columns than such rows, and the spare cell follows the leader column."""
    rows = [list(r) for r in table.rows()]
    width = len(rows[0]) if rows else 0
    while width and not rows[0][width - 1]:
        width -= 1
    if not rows or width == table.n_cols:
        return table
    leader = next((k for k, h in enumerate(rows[0][:width]) if any(w in h for w in LEADER_WORDS)), None)
    if leader is None:
        return table
    fixed = [rows[0][:width]]
    for r in rows[1:]:
        if any(r[width:]) and len(r[leader]) == 1 and SHORT_NAME.match(r[leader + 1]):
            r[leader:leader + 2] = [f"{r[leader]}  {r[leader + 1]}"]
        if any(r[width:]):
            return table            # not a split name: leave the table as the reader saw it
        fixed.append(r[:width])
    return Table.from_rows(fixed, header_rows=table.header_rows)


# ---------------------------------------------------------------- merges

def _header(rows: list[list[str]], n_header: int, k: int) -> str:
    return "".join(r[k] for r in rows[:n_header] if k < len(r)).replace(" ", "").replace("\n", "")


def header_rows(rows: list[list[str]], given: int) -> int:
    """Two header rows when the second has a blank first cell, labels only, and sits under a
    first row with blank cells (group labels over 任务数/完成数/完成率)."""
    if given >= 2 or len(rows) < 3:
        return given
    first, second = rows[0], rows[1]
    labels = [t for t in second if t]
    if second[0] or not labels or any(NUMBERISH.match(t) for t in labels):
        return given
    if not any(not t for t in first[1:]):
        return given
    return 2


def merged(table: Table) -> Table:
    """The table with the merges the flattened text lost."""
    rows = [list(r) for r in table.rows()]
    n_cols = table.n_cols
    h = header_rows(rows, table.header_rows)
    grid: dict[tuple[int, int], Cell] = {}
    for i, r in enumerate(rows):
        for k in range(n_cols):
            grid[(i, k)] = Cell(r[k] if k < len(r) else "", i, k)
    # header: a blank cell right of a filled one, over filled cells, widens it; a blank cell
    # under a filled one deepens it
    if h >= 2:
        for i in range(h - 1):
            for k in range(n_cols):
                cell = grid.get((i, k))
                if cell is None or not cell.text:
                    continue
                end = k + 1
                while end < n_cols and (i, end) in grid and not grid[(i, end)].text and \
                        all(grid.get((j, end)) is not None and grid[(j, end)].text for j in range(i + 1, h)):
                    end += 1
                if end > k + 1:
                    for e in range(k + 1, end):
                        del grid[(i, e)]
                    cell.colspan = end - k
        for k in range(n_cols):
            for i in range(h - 1):
                top = grid.get((i, k))
                if top is None or not top.text:
                    continue
                j = i + top.rowspan
                while j < h and (j, k) in grid and not grid[(j, k)].text and grid[(j, k)].colspan == top.colspan:
                    del grid[(j, k)]
                    top.rowspan += 1
                    j += 1
    # body
    titles = [_header(rows, h, k) for k in range(n_cols)]
    seq = 0 if any(w in titles[0] for w in SEQ_WORDS) else None
    name = next((k for k in range(n_cols) if any(w in titles[k] for w in NAME_WORDS) and k != seq), None)
    has_lead_column = any("牵头" in t for t in titles)
    partner = [k for k in range(n_cols) if any(w in titles[k] for w in PARTNER_WORDS)
               or (has_lead_column and "责任单位" in titles[k] and "牵头" not in titles[k])]
    leader = [k for k in range(n_cols) if any(w in titles[k] for w in LEADER_WORDS)]
    deadline = [k for k in range(n_cols) if any(w in titles[k] for w in DEADLINE_WORDS)]
    units = [k for k in range(n_cols) if ("单位" in titles[k] or "部门" in titles[k]) and k not in partner]
    across = sorted(set(leader + deadline + units) - {seq, name})
    within = sorted(set(across + partner) | ({seq, name} - {None}))
    group_top = h
    for i in range(h, len(rows)):
        continuing = seq is not None and not rows[i][seq] and i > h and any(rows[i][k] for k in range(n_cols))
        if seq is not None and rows[i][seq]:
            group_top = i
        columns = within if continuing else across
        for k in columns:
            cell = grid.get((i, k))
            if cell is None or cell.text or i == h:
                continue
            above = _covering(grid, i - 1, k, group_top if continuing else h)
            if above is None or above.colspan != cell.colspan:
                continue
            if not above.text and k not in (seq, name):
                continue
            above.rowspan += 1
            del grid[(i, k)]
    cells = sorted(grid.values(), key=lambda c: (c.row, c.col))
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols, header_rows=h)


def _covering(grid: dict[tuple[int, int], Cell], i: int, k: int, top: int) -> Cell | None:
    """The cell of row i or above (not above row top) that reaches row i in column k."""
    for r in range(i, top - 1, -1):
        cell = grid.get((r, k))
        if cell is not None:
            return cell if r + cell.rowspan - 1 >= i else None
    return None


# ---------------------------------------------------------------- writing

def sheets(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """One sheet per 表N (what comes before 表1 goes on the first sheet)."""
    out: list[tuple[str, list[Block]]] = []
    for b in blocks:
        m = re.fullmatch(r"表\s*(\d+)", b.text.strip()) if isinstance(b, Paragraph) else None
        if m and out and any(isinstance(x, Table) for x in out[-1][1]):
            out.append((f"表{m.group(1)}", [b]))
        elif not out:
            out.append((f"表{m.group(1)}" if m else "附件", [b]))
        else:
            out[-1][1].append(b)
    return out


def wants_xlsx(stem: str) -> bool:
    if stem[:3] in XLSX_ALWAYS:
        return True
    key = HERE / "gold" / f"{stem}.json"
    return key.exists() and json.loads(key.read_text(encoding="utf-8")).get("kind") == "summary"


STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(path: Path) -> None:
    """Fixed timestamps in a DOCX/XLSX (ZIP entries and docProps/core.xml), so that a rerun
    leaves committed files unchanged."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = STAMP.sub(rb"\g<1>2024-01-01T00:00:00Z\g<2>", data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="stems or stem prefixes (default: all)")
    args = parser.parse_args(argv)
    from reportlab import rl_config
    rl_config.invariant = 1          # no creation date or random document id in the PDFs
    for fmt in FORMATS:
        (HERE / fmt).mkdir(exist_ok=True)
    for path in sorted(HERE.glob("[0-9][0-9][0-9]_*.txt")):
        if args.only and not any(path.stem.startswith(p) for p in args.only):
            continue
        blocks = corpus_blocks(path)
        render.docx(blocks, HERE / "docx" / f"{path.stem}.docx", path.stem)
        stable_zip(HERE / "docx" / f"{path.stem}.docx")
        render.pdf(blocks, HERE / "pdf" / f"{path.stem}.pdf", path.stem)
        render.html(blocks, HERE / "html" / f"{path.stem}.html", path.stem)
        if wants_xlsx(path.stem):
            render.xlsx_sheets(sheets(blocks), HERE / "xlsx" / f"{path.stem}.xlsx", path.stem)
            stable_zip(HERE / "xlsx" / f"{path.stem}.xlsx")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
