"""The PDF reader's PDFium path: pages that hold no ruled table are read from PDFium's characters,
with the same lines as pdfplumber gives; a content stream that inflates too far is refused."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pipeline.errors import DocumentLoadError
from pipeline.readers import pdf, read, read_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))


def one_page_pdf(content: bytes, compress: bool = True) -> bytes:
    """A one-page PDF whose page draws `content` (a content stream), Helvetica as F1."""
    body = zlib.compress(content) if compress else content
    stream = (b"<< /Length %d" % len(body)) + (b" /Filter /FlateDecode" if compress else b"") + b" >>\nstream\n" \
        + body + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>"),
               stream,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_lines(*lines: str) -> bytes:
    ops = [b"BT /F1 12 Tf"]
    for k, line in enumerate(lines):
        ops.append(b"1 0 0 1 72 %d Tm (%s) Tj" % (760 - 20 * k, line.encode("latin-1")))
    ops.append(b"ET")
    return b"\n".join(ops)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_pdfium_lines_are_pdfplumbers(path, monkeypatch):
    fast = read(path)
    monkeypatch.setattr(pdf, "_pdfium_document", lambda data: None)     # every page through pdfplumber
    slow = read(path)
    assert fast.lines == slow.lines
    assert [[c.text for c in t.cells] for t in fast.tables()] == [[c.text for c in t.cells] for t in slow.tables()]


RULES = [
    ("no path", b"", True),
    ("one rule under a masthead", b"0 0 1 RG 72 700 m 520 700 l S", True),
    ("two rules across, none down", b"72 700 m 520 700 l S 72 600 m 520 600 l S", True),
    ("a grid of two by two", b"72 700 m 520 700 l S 72 600 m 520 600 l S 72 700 m 72 600 l S 520 700 m 520 600 l S", False),
    ("a rectangle", b"72 600 448 100 re S", False),
]


@pytest.mark.parametrize(("drawing", "fast"), [(d, f) for _, d, f in RULES], ids=[i for i, _, _ in RULES])
def test_pages_that_may_hold_a_table_go_to_pdfplumber(drawing, fast):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    data = one_page_pdf(text_lines("Progress of the year 2031") + b"\n" + drawing)
    document = pdfium.PdfDocument(data)
    try:
        assert pdf._may_hold_table(document[0], pdfium_c) is (not fast)
    finally:
        document.close()
    assert read_bytes(data, "ruled.pdf").lines == ["Progress of the year 2031"]


def test_a_content_stream_that_inflates_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_STREAM", 1 << 20)
    bomb = one_page_pdf(text_lines("Hello") + b"\n" + b" " * (3 << 20))
    assert len(bomb) < 10_000
    with pytest.raises(DocumentLoadError, match="inflates beyond 1 MB"):
        read_bytes(bomb, "bomb.pdf")
    read_bytes(one_page_pdf(text_lines("Hello") + b"\n" + b" " * (1 << 19)), "fine.pdf")
