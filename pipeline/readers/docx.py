"""DOCX: paragraphs and tables in body order, merges resolved into spans.

Horizontal merges are `w:gridSpan` on a cell; vertical merges are `w:vMerge` (restart on the
top cell, continue on the cells it covers).  A table nested inside a cell is flattened into
that cell's text, one row a line; but a layout table (one column whose cells hold tables, as
a page pasted from a web site or a boxed attachment has) is unwrapped: its tables and
paragraphs are the document's own.

The text is what Word shows (pipeline/readers/numbering.py renders the automatic numbers):
- automatic numbering (w:numPr, directly or through the paragraph's style) is written back in
  front of the text: '一、', '（一）', '1.' are not in the runs;
- tracked changes: insertions kept, deletions (w:del, w:moveFrom) dropped;
- hidden text (w:vanish) dropped; field codes dropped, their last result kept;
- a text box (w:txbxContent) is read once (Word writes a DrawingML shape and a VML copy of it)
  as paragraphs of its own before the paragraph it is anchored in;
- content controls (w:sdt) are read through, around paragraphs, rows or cells; a row deleted
  with track changes is dropped; headers and footers are not read (page furniture);
- an embedded document (w:altChunk) is not read, and a warning says so.

A Strict Open XML file has its namespaces mapped to the Transitional ones first (ooxml_strict.py).
Before python-docx sees the bytes, the ZIP is checked: its expanded size is bounded (a ZIP
bomb is refused) and no XML part may declare a DTD (entity expansion is refused).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from ..errors import DocumentLoadError
from ..model import Block, Cell, Document, Paragraph, Table, build, clean_cell
from .ooxml_strict import to_transitional

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_EXPANDED = 200 * 1024 * 1024     # bytes of XML and media once unzipped
MAX_RATIO = 100                       # expanded / compressed, over the whole archive
DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
MAX_COLS = 256                        # Word allows 63; a wider grid is a broken or crafted table


def check_zip(data: bytes, source: str, kind: str, max_expanded: int = MAX_EXPANDED) -> None:
    """Refuse a ZIP bomb and XML parts with DTD/entity declarations, before any parser runs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise DocumentLoadError(source, f"the {kind} file is truncated or corrupt",
                                "re-download or re-save it") from exc
    expanded = sum(i.file_size for i in infos)
    compressed = max(1, sum(i.compress_size for i in infos))
    if expanded > max_expanded or (expanded > 1024 * 1024 and expanded / compressed > MAX_RATIO):
        raise DocumentLoadError(source, f"the {kind} file expands to {expanded // 2**20} MB "
                                f"(compression ratio {expanded // compressed}:1), which looks like a ZIP bomb",
                                "open it in an office suite and re-save it if it is genuine")
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as part:
                head = part.read(4096)
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
            raise DocumentLoadError(source, f"the {kind} file is truncated or corrupt ({info.filename})",
                                    "re-download or re-save it") from exc
        if DTD.search(head):
            raise DocumentLoadError(source, f"the {kind} part {info.filename} declares a DTD or XML entities, "
                                    "which Office never writes", "the file may be malicious; re-save it from an office suite")


def header_rows(cells: list[Cell]) -> int:
    """A header written over two rows shows as first-row cells merged downwards."""
    spans = [c.rowspan for c in cells if c.row == 0]
    n = max(spans, default=1)
    return n if n <= 3 and len(spans) > 1 and sum(s == n for s in spans) >= 2 else 1


def read(data: bytes, source: str) -> Document:
    import docx  # python-docx, imported only when a DOCX is met

    from .numbering import Numbering

    check_zip(data, source, "DOCX")
    document = docx.Document(io.BytesIO(to_transitional(data) or data))
    walker = _Walker(Numbering.of(document))
    body = document.element.body
    blocks = list(walker.blocks(body))
    for i, table in enumerate(b for b in blocks if isinstance(b, Table)):
        table.index = i
    warnings = []
    chunks = sum(1 for _ in body.iter(W + "altChunk"))
    if chunks:
        warnings.append(f"{chunks} embedded documents (w:altChunk: HTML or RTF pasted in) were not read")
    return build(source, "docx", blocks, data, warnings=warnings)


MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIP = {W + "del", W + "moveFrom", W + "delText", W + "instrText", W + "rPr", W + "pPr", MC + "Fallback",
        W + "txbxContent", W + "footnoteReference", W + "endnoteReference", W + "commentReference"}
CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}


class _Walker:
    """Reads a body (or a cell) in order, numbering paragraphs as Word would show them."""

    def __init__(self, numbering=None) -> None:
        self.numbering = numbering

    def blocks(self, parent) -> Iterator[Block]:
        for element in parent.iterchildren():
            if element.tag == W + "p":
                for box in text_boxes(element):
                    yield from self.blocks(box)
                text = self.paragraph(element).strip()
                if text:
                    yield Paragraph(text=text)
            elif element.tag == W + "tbl":
                if _is_layout(element):
                    for tr in element.findall(W + "tr"):
                        yield from self.blocks(tr.find(W + "tc"))
                    continue
                table = table_from_xml(element, self)
                if table.cells:
                    yield table
            elif element.tag in CONTAINERS:
                yield from self.blocks(element)

    def paragraph(self, p) -> str:
        label = self.numbering.label(p) if self.numbering is not None else ""
        return label + paragraph_text(p)


def text_boxes(p) -> list:
    """The w:txbxContent of text boxes anchored in p, each once (not the VML fallback copy)."""
    found = []
    for box in p.iter(W + "txbxContent"):
        node, fallback = box.getparent(), False
        while node is not None and node is not p:
            if node.tag == MC + "Fallback":
                fallback = True
                break
            node = node.getparent()
        if not fallback:
            found.append(box)
    return found


def _is_layout(tbl) -> bool:
    """A table used for layout: one cell a row, and some cell holds a table."""
    rows = tbl.findall(W + "tr")
    return bool(rows) and all(len(tr.findall(W + "tc")) == 1 for tr in rows) \
        and any(tc.find(W + "tbl") is not None for tr in rows for tc in tr.findall(W + "tc"))


def paragraph_text(p) -> str:
    """The text of a w:p as Word shows it: runs, tabs and breaks; deleted, hidden, field-code
    and text-box text left out (text boxes are read as paragraphs of their own)."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(node, parts: list[str]) -> None:
    for child in node.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "r" and _hidden(child):
            continue
        else:
            _collect(child, parts)


def _hidden(run) -> bool:
    props = run.find(W + "rPr")
    if props is None:
        return False
    vanish = props.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val", "true").lower() not in ("0", "false", "off")


def cell_text(tc, walker: _Walker | None = None) -> str:
    """A cell's paragraphs one a line; a nested table one row a line, cells tab-separated."""
    walker = walker or _Walker()
    lines: list[str] = []
    for block in walker.blocks(tc):
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            for row in block.rows():
                lines.append("\t".join(t.replace("\n", " ") for t in row).rstrip("\t"))
    return clean_cell("\n".join(lines))


def _val(tc_pr, tag: str) -> str | None:
    if tc_pr is None:
        return None
    node = tc_pr.find(W + tag)
    if node is None:
        return None
    return node.get(W + "val", "continue" if tag == "vMerge" else None)


def table_from_xml(tbl, walker: _Walker | None = None) -> Table:
    """Build a Table from a w:tbl, turning gridSpan into colspan and vMerge into rowspan."""
    cells: list[Cell] = []
    open_merges: dict[int, Cell] = {}     # grid column -> the cell a vMerge continues
    n_rows = 0
    for tr in _children(tbl, W + "tr"):
        if _deleted_row(tr):
            continue
        col = 0
        skip = tr.find(W + "trPr")
        before = _grid_before(skip)
        col += before
        for tc in _children(tr, W + "tc"):
            tc_pr = tc.find(W + "tcPr")
            if col >= MAX_COLS:
                break
            span = min(max(1, _int(_val(tc_pr, "gridSpan"))), MAX_COLS - col)
            vmerge = _val(tc_pr, "vMerge")
            if vmerge == "continue" and col in open_merges:
                top = open_merges[col]
                top.rowspan = n_rows - top.row + 1
                extra = cell_text(tc, walker)
                if extra and extra not in top.text:
                    top.text = (top.text + "\n" + extra).strip()
            else:
                cell = Cell(text=cell_text(tc, walker), row=n_rows, col=col, colspan=span)
                cells.append(cell)
                for k in range(col, col + span):
                    open_merges.pop(k, None)
                if vmerge == "restart":
                    open_merges[col] = cell
            col += span
        n_rows += 1
    n_cols = max((c.col + c.colspan for c in cells), default=0)
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, header_rows=header_rows(cells))


def _children(parent, tag: str) -> Iterator:
    """parent's tag children, also those wrapped in content controls (w:sdt) or custom XML."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in CONTAINERS:
            yield from _children(child, tag)


def _deleted_row(tr) -> bool:
    """A row deleted with track changes on (w:trPr/w:del)."""
    pr = tr.find(W + "trPr")
    return pr is not None and pr.find(W + "del") is not None


def _grid_before(tr_pr) -> int:
    if tr_pr is None:
        return 0
    node = tr_pr.find(W + "gridBefore")
    return min(max(0, _int(node.get(W + "val"), 0)), MAX_COLS) if node is not None else 0


def _int(value: str | None, default: int = 1) -> int:
    """An integer attribute as Word writes it; anything else (absent, "abc", "1e9") is the default."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
