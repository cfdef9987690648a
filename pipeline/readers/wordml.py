"""Word 2003 XML (WordML): one XML file, often named .doc or .xml, read as the DOCX reader reads a body.

WordML is the ancestor of DOCX's WordprocessingML: the same w:p, w:r, w:t, w:tbl, w:tc,
w:gridSpan and w:vanish, under another namespace, with these differences:
- sections and bordered groups wrap paragraphs (wx:sect, wx:sub-section, wx:pBdrGroup): read through;
- a vertical merge is w:vmerge (not w:vMerge);
- a numbered paragraph carries the number Word showed as a hint (w:listPr/wx:t wx:val="一、"),
  which is written back before its text; bullets (symbols) are left out;
- tracked changes and comments are aml:annotation elements: deletions and comments are
  dropped, insertions kept; footnotes sit inline in the run (w:footnote) and are left out.
The elements are renamed into the DOCX namespace and walked by the DOCX reader's walker, so
merges, hidden text, fields and text boxes read the same in both formats.
"""
from __future__ import annotations

from ..model import Document, Table, build
from .docx import W, _Walker
from .office_xml import parse

WML = "{http://schemas.microsoft.com/office/word/2003/wordml}"
WX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
AML = "{http://schemas.microsoft.com/aml/2001/core}"
RENAMED = {"vmerge": "vMerge", "footnote": "del", "endnote": "del"}   # WordML name -> what the walker knows
DROPPED_ANNOTATIONS = {"Word.Deletion", "Word.Comment"}


def read(data: bytes, source: str) -> Document:
    root = parse(data, source, "Word 2003 XML")
    _to_docx_names(root)
    body = root.find(W + "body")
    blocks = list(_Walker(_Labels()).blocks(body)) if body is not None else []
    for i, table in enumerate(b for b in blocks if isinstance(b, Table)):
        table.index = i
    return build(source, "wordml", blocks, data)


def _to_docx_names(root) -> None:
    """Rename WordML elements and attributes into the DOCX namespace, in place."""
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag.startswith(WML):
            local = tag[len(WML):]
            el.tag = W + RENAMED.get(local, local)
        elif tag == AML + "content" or (tag.startswith(WX) and len(el)):
            el.tag = W + "customXml"             # wx:sect, wx:sub-section, wx:pBdrGroup: read through
        elif tag == AML + "annotation":
            dropped = el.get(WML + "type") in DROPPED_ANNOTATIONS
            el.tag = W + ("del" if dropped else "customXml")
        for key in [k for k in el.attrib if k.startswith(WML)]:
            el.set(W + key[len(WML):], el.attrib.pop(key))


class _Labels:
    """The numbers Word showed before list paragraphs, from the wx:t hint it saved with them."""

    def label(self, p) -> str:
        hint = p.find(f"{W}pPr/{W}listPr/{WX}t")
        text = hint.get(WX + "val", "") if hint is not None else ""
        if not text.strip() or any("\ue000" <= ch <= "\uf8ff" or ch in "·•●○■□◆◇▪►–-" for ch in text):
            return ""                            # a bullet, or a symbol-font glyph
        return text + " " if text[-1].isascii() and text[-1] != "(" else text     # '1. ' as the DOCX reader writes it
