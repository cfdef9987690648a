"""Render the five seed documents into every format minsheng reads.

    .venv/bin/python samples/make_samples.py            # all formats (DOC needs LibreOffice)
    .venv/bin/python samples/make_samples.py --no-doc   # everything but the legacy .doc

Each seed is parsed with the text reader; its flattened tables are rebuilt as real tables
with merged cells the way such tables are drawn in Word:
- where a row's 序号 is blank, its 序号 and 项目名称/类别 cells merge with the row above;
- where a leader or unit cell is blank under a filled one of the same project, they merge;
- a column split for one project only (001's 任务指标) is a column spanning two elsewhere.
File stems stay the seed stems so answer keys match.  Also writes samples/merges/, three
small fixtures with one known horizontal and one known vertical merge.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import writers as render

from pipeline.model import Cell, Paragraph, Table
from pipeline.readers import text

SEEDS = HERE.parent.parent / "shared" / "seeds"
MERGE_COLUMNS = ("领导", "单位", "部门", "责任人", "验收")
NAME_COLUMNS = ("项目名称", "类别", "项目")


def seed_blocks(path: Path) -> list[Paragraph | Table]:
    blocks = text.parse_lines(text.decode(path.read_bytes())[0].replace("\r\n", "\n").split("\n"))
    return [merged(b) if isinstance(b, Table) else Paragraph(b.text) for b in blocks]


def merged(table: Table) -> Table:
    """The seed table with the merges the flattened text lost."""
    h = table.header_rows
    header = [Cell(c.text, c.row, c.col, c.rowspan, c.colspan) for c in table.cells if c.row < h]
    rows = [list(r) for r in table.rows()[h:]]
    n_cols = table.n_cols
    # data rows as lists of (col, colspan, text)
    layout = [[(k, 1, t) for k, t in enumerate(r)] for r in rows]
    wide = [bool(r[-1]) for r in rows]
    header_last = any(c.text for c in header if c.col + c.colspan == n_cols)
    if any(wide) and sum(wide) * 2 < len(rows) and not header_last:
        split = _column(table, ("指标",), 2)
        for cell in header:
            if cell.col == split:
                cell.colspan += 1
            elif cell.col > split:
                cell.col += 1
        for i, r in enumerate(rows):
            if not wide[i]:
                layout[i] = [(k, 1, t) for k, t in enumerate(r[:split])] + [(split, 2, r[split])] + \
                            [(k + 1, 1, t) for k, t in enumerate(r[split + 1:-1], split + 1)]
    grid: dict[tuple[int, int], Cell] = {}
    for i, row in enumerate(layout):
        for col, span, t in row:
            grid[(i, col)] = Cell(t, i + h, col, 1, span)
    seq, name = 0, _column(table, NAME_COLUMNS, 1)
    merge_cols = [k for k in range(n_cols) if any(w in _header_text(table, k) for w in MERGE_COLUMNS)]
    group_top = 0
    for i in range(len(rows)):
        if grid.get((i, seq)) and grid[(i, seq)].text:
            group_top = i
            continue
        if i == 0:
            continue
        for k in [seq, name] + merge_cols:
            cell = grid.get((i, k))
            if cell is None or cell.text:
                continue
            above = _covering(grid, i - 1, k, group_top)
            if above is None or (k not in (seq, name) and not above.text):
                continue
            if above.colspan == cell.colspan:
                above.rowspan += 1
                del grid[(i, k)]
    cells = header + sorted(grid.values(), key=lambda c: (c.row, c.col))
    return Table(cells=cells, n_rows=table.n_rows, n_cols=max(c.col + c.colspan for c in cells), header_rows=h)


def _covering(grid: dict[tuple[int, int], Cell], i: int, k: int, top: int) -> Cell | None:
    """The cell of row i or above (not above the group's top) that reaches row i in column k."""
    for r in range(i, top - 1, -1):
        cell = grid.get((r, k))
        if cell is not None:
            return cell if r + cell.rowspan - 1 >= i else None
    return None


def _header_text(table: Table, k: int) -> str:
    filled = table.filled()[:table.header_rows]
    return "".join(r[k] for r in filled if k < len(r)).replace(" ", "").replace("\n", "")


def _column(table: Table, words: tuple[str, ...], default: int) -> int:
    for k in range(table.n_cols):
        if any(w in _header_text(table, k) for w in words):
            return k
    return default


def merge_fixture() -> list[Paragraph | Table]:
    """A tiny table with one horizontal merge (header 责任人 over two columns) and one
    vertical merge (牵头领导 written once for two rows)."""
    cells = [Cell("序号", 0, 0, rowspan=2), Cell("项目", 0, 1, rowspan=2), Cell("责任人", 0, 2, colspan=2),
             Cell("牵头领导", 1, 2), Cell("责任单位", 1, 3),
             Cell("1", 2, 0), Cell("新增城镇就业", 2, 1), Cell("张三", 2, 2, rowspan=2), Cell("区人社局", 2, 3),
             Cell("2", 3, 0), Cell("农村危房改造", 3, 1), Cell("区住建局", 3, 3)]
    return [Paragraph("合并单元格样例"), Table(cells=cells, n_rows=4, n_cols=4, header_rows=2)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-doc", action="store_true", help="skip the .doc files (need LibreOffice)")
    args = parser.parse_args(argv)
    writers = {"docx": render.docx, "xlsx": render.xlsx, "xls": render.xls, "html": render.html,
               "pdf": render.pdf}
    docx_files = []
    for seed in sorted(SEEDS.glob("*.txt")):
        blocks = seed_blocks(seed)
        raw = seed.read_bytes()
        for fmt, write in writers.items():
            out = HERE / fmt / f"{seed.stem}.{fmt}"
            out.parent.mkdir(exist_ok=True)
            if fmt == "html" and seed.stem.startswith("004"):
                render.html(blocks, out, seed.stem, charset="gb2312")   # an older site's encoding
            else:
                write(blocks, out, seed.stem)
        for folder, data in (("txt", raw), ("gbk", render.gbk(raw)), ("big5", render.big5(raw))):
            (HERE / folder).mkdir(exist_ok=True)
            (HERE / folder / f"{seed.stem}.txt").write_bytes(data)
        docx_files.append(HERE / "docx" / f"{seed.stem}.docx")
    merges = HERE / "merges"
    merges.mkdir(exist_ok=True)
    for fmt in ("docx", "xlsx", "xls"):
        writers[fmt](merge_fixture(), merges / f"merge.{fmt}", "merge")
    if not args.no_doc:
        to_doc(docx_files, HERE / "doc")
    return 0


def to_doc(files: list[Path], outdir: Path) -> None:
    """docx → odt → doc with LibreOffice (a direct docx → doc drops python-docx tables)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("skipping .doc: LibreOffice is not installed", file=sys.stderr)
        return
    outdir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation=file://{tmp}/profile"
        for target, inputs in (("odt", [str(f) for f in files]),
                               ("doc", [str(Path(tmp) / (f.stem + ".odt")) for f in files])):
            dest = tmp if target == "odt" else str(outdir)
            subprocess.run([soffice, profile, "--headless", "--convert-to", target, "--outdir", dest, *inputs],
                           check=True, capture_output=True, timeout=300)


if __name__ == "__main__":
    raise SystemExit(main())
