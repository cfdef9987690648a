"""One document model for every format.

A Document is an ordered list of blocks (paragraphs and tables) plus a text view: a list of
lines with stable 1-based numbers.  Every block and every cell knows the line it occupies in
the text view, and the page it came from when the format has pages.

For plain text the text view is the file itself (so line numbers match an editor); for the
other formats it is built from the blocks: a paragraph per line, a table row per line with
its cells separated by a tab.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field


@dataclass
class Paragraph:
    text: str
    line: int | None = None          # 1-based line in the text view
    page: int | None = None

    kind = "paragraph"


@dataclass
class Cell:
    text: str
    row: int                          # 0-based grid position of the cell's top-left corner
    col: int
    rowspan: int = 1
    colspan: int = 1
    line: int | None = None          # line in the text view where the cell's text starts


@dataclass
class Table:
    cells: list[Cell]
    index: int = 0                    # 0-based table number within the document
    page: int | None = None
    sheet: str | None = None
    header_rows: int = 1
    n_rows: int = 0
    n_cols: int = 0
    row_lines: list[int | None] = field(default_factory=list)   # text-view line of each row

    kind = "table"

    def __post_init__(self) -> None:
        if self.cells and not self.n_rows:
            self.n_rows = max(c.row + c.rowspan for c in self.cells)
        if self.cells and not self.n_cols:
            self.n_cols = max(c.col + c.colspan for c in self.cells)

    def grid(self) -> list[list[Cell | None]]:
        """Cells at their top-left position; positions covered by a span are None."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c
        return out

    def filled(self) -> list[list[str]]:
        """Every grid position with the text of the cell covering it (merged values repeated)."""
        out = [[""] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.rowspan, self.n_rows)):
                for k in range(c.col, min(c.col + c.colspan, self.n_cols)):
                    out[r][k] = c.text
        return out

    def rows(self) -> list[list[str]]:
        """Rows as written: covered positions empty."""
        out = [[""] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c.text
        return out

    @classmethod
    def from_rows(cls, rows: list[list[str]], **kw) -> Table:
        """A table without merges from a list of rows (ragged rows are kept ragged)."""
        cells = [Cell(text=t, row=r, col=c) for r, row in enumerate(rows) for c, t in enumerate(row)]
        n_cols = max((len(r) for r in rows), default=0)
        return cls(cells=cells, n_rows=len(rows), n_cols=n_cols, **kw)


Block = Paragraph | Table


@dataclass
class Document:
    source: str
    format: str                       # txt, html, pdf, docx, doc, xls, xlsx, mht, wordml, spreadsheetml
    blocks: list[Block]
    lines: list[str]                  # the text view; lines[0] is line 1
    sha256: str = ""
    encoding: str | None = None       # the codec used, for text formats
    warnings: list[str] = field(default_factory=list)   # e.g. pages that could not be read
    ocr: dict | None = None           # pages read by OCR and every box read (readers/ocr.py annotate)

    def text(self) -> str:
        return "\n".join(self.lines)

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))

    def line(self, n: int | None) -> str:
        return self.lines[n - 1] if n and 0 < n <= len(self.lines) else ""

    def to_dict(self) -> dict:
        blocks = []
        for b in self.blocks:
            d = asdict(b)
            d["kind"] = b.kind
            blocks.append(d)
        return {"source": self.source, "format": self.format, "sha256": self.sha256,
                "encoding": self.encoding, "warnings": self.warnings,
                "lines": self.lines, "blocks": blocks, **({"ocr": self.ocr} if self.ocr else {})}


def clean_cell(text: str) -> str:
    """Cell text as a reader hands it over: trimmed, inner line breaks kept as '\\n'."""
    parts = [p.strip() for p in str(text).replace("\r", "\n").split("\n")]
    return "\n".join(p for p in parts if p)


def build(source: str, fmt: str, blocks: list[Block], data: bytes, **kw) -> Document:
    """Assemble a Document from blocks, numbering the text view (for non-text formats)."""
    if fmt in ("docx", "html", "doc", "wordml"):
        blocks = _text_tables(blocks)
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            for part in b.text.split("\n"):
                lines.append(part)
                if b.line is None:
                    b.line = len(lines)
        else:
            b.row_lines = []
            by_row: dict[int, list[Cell]] = {}
            for c in b.cells:
                by_row.setdefault(c.row, []).append(c)
            for r in range(b.n_rows):
                texts = [""] * b.n_cols
                for c in by_row.get(r, []):
                    texts[c.col] = c.text.replace("\n", " ")
                lines.append("\t".join(texts).rstrip("\t"))
                b.row_lines.append(len(lines))
                for c in by_row.get(r, []):
                    c.line = len(lines)
    return Document(source=source, format=fmt, blocks=blocks, lines=lines,
                    sha256=hashlib.sha256(data).hexdigest(), **kw)


def _text_tables(blocks: list[Block]) -> list[Block]:
    """A table written as paragraphs (a cell a paragraph, cells between pipes, single-space rows: a web
    page or a Word file holding a table pasted as text) is read as the text reader reads it in a .txt."""
    from .readers.text import parse_lines  # the text reader builds on this module

    out: list[Block] = []
    run: list[Paragraph] = []

    def flush() -> None:
        if len(run) >= 3:
            parsed = parse_lines([part for b in run for part in b.text.split("\n")])
            if any(isinstance(b, Table) for b in parsed):
                for b in parsed:
                    if isinstance(b, Paragraph):
                        b.line = None          # numbered again below
                out.extend(parsed)
                run.clear()
                return
        out.extend(run)
        run.clear()

    for b in blocks:
        if isinstance(b, Paragraph) and b.line is None:
            run.append(b)
        else:
            flush()
            out.append(b)
    flush()
    if len(out) != len(blocks) or any(a is not b for a, b in zip(out, blocks)):
        for k, t in enumerate(b for b in out if isinstance(b, Table)):
            t.index = k
    return out
