"""The PDF reader's PDFium path: pages that hold no ruled table are read from PDFium's characters,
with the same lines as pdfplumber gives; a content stream that inflates too far is refused."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pipeline.errors import DocumentLoadError
from pipeline.readers import pdf, pdfium_page, read, read_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))


def one_page_pdf(content: bytes, compress: bool = True, contents: bytes = b"4 0 R") -> bytes:
    """A one-page PDF whose page draws `content` (a content stream, object 4; the page's /Contents
    is `contents`), Helvetica as F1."""
    body = zlib.compress(content) if compress else content
    stream = (b"<< /Length %d" % len(body)) + (b" /Filter /FlateDecode" if compress else b"") + b" >>\nstream\n" \
        + body + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + contents +
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


PLAIN = SAMPLES + sorted((ROOT / "samples" / "corpus" / "pdf").glob("*.pdf"))[:40]


def pdfium_pages(path: Path):
    """(PDFium text page, page height) of each page of a PDF that holds no ruled table."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        for page in document:
            if not pdf._may_hold_table(page, pdfium_c):
                textpage = page.get_textpage()
                yield textpage, page.get_height()
                textpage.close()
            page.close()
    finally:
        document.close()


def pdfium_chars(textpage, height: float) -> list[dict]:
    import pypdfium2.raw as pdfium_c

    return pdfium_page.dicts(pdfium_page.columns(textpage, height, pdfium_c))


def chars_one_call_a_property(textpage, height: float) -> list[dict]:
    """PDFium's characters asked one property at a time through pypdfium2's own bindings."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    out = []
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        if code in (0, 10, 13, 0xFFFE, 0xFFFF) or not pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(rect)):
            continue
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
        mid = (rect.top + rect.bottom) / 2
        out.append({"text": chr(code), "x0": rect.left, "x1": rect.right, "top": height - mid - size / 2,
                    "bottom": height - mid + size / 2, "size": size})
    return out


@pytest.mark.parametrize("path", PLAIN, ids=[p.stem for p in PLAIN])
def test_a_pages_text_in_one_call_names_the_same_characters(path):
    for textpage, height in pdfium_pages(path):
        assert pdfium_chars(textpage, height) == chars_one_call_a_property(textpage, height)


def textmap_lines(chars: list[dict]) -> list[tuple]:
    """pdfplumber's own text lines of the chars, as (text, bbox, the chars' positions in the input)."""
    from pdfplumber.utils.text import chars_to_textmap

    full = [{**c, "upright": True, "doctop": c["top"], "at": k} for k, c in enumerate(chars)]
    textmap = chars_to_textmap(full, layout_bbox=(0, 0, 600, 850), layout_width=600, layout_height=850)
    return [(ln["text"], (ln["x0"], ln["top"], ln["x1"], ln["bottom"]), [c["at"] for c in ln["chars"]])
            for ln in textmap.extract_text_lines(strip=True, return_chars=True)]


def reader_lines(chars: list[dict]) -> list[tuple]:
    at = {id(c): k for k, c in enumerate(chars)}
    return [(ln["text"], (ln["x0"], ln["top"], ln["x1"], ln["bottom"]), [at[id(c)] for c in ln["chars"]])
            for ln in pdf._plumber_lines(chars)]


def char(text: str, x0: float, top: float, width: float = 10.0, size: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "size": size}


SHAPES = {
    "a ligature written out": [char("e", 72, 100), char("\ufb01", 82, 100), char("n", 92, 100)],
    "a word gap": [char("A", 72, 100), char("B", 82, 100), char("C", 100, 100)],
    "tops drifting down a line": [char("一", 72, 100), char("二", 82, 102.5), char("三", 92, 105), char("四", 102, 100)],
    "two lines given out of order": [char("下", 72, 130), char("上", 72, 100), char("行", 82, 130), char("文", 82, 100)],
    "overlapping characters": [char("x", 72, 100), char("y", 72, 100.5), char("z", 75, 99)],
    "a superscript and a subscript": [char("m", 72, 100), char("2", 82, 97, 5, 6), char("H", 120, 100),
                                      char("2", 130, 106, 5, 6), char("O", 135, 100)],
}


@pytest.mark.parametrize("chars", list(SHAPES.values()), ids=list(SHAPES))
def test_lines_are_grouped_as_pdfplumbers_text_map_groups_them(chars):
    assert reader_lines(chars) == textmap_lines(chars)


@pytest.mark.parametrize("path", PLAIN[:10], ids=[p.stem for p in PLAIN[:10]])
def test_lines_of_real_pages_are_grouped_as_pdfplumbers(path):
    for textpage, height in pdfium_pages(path):
        ink = [c for c in pdfium_chars(textpage, height) if not c["text"].isspace()]
        assert reader_lines(ink) == textmap_lines(ink)


def test_a_page_whose_text_does_not_line_up_is_asked_character_by_character(monkeypatch):
    monkeypatch.setattr(pdfium_page, "_page_text", lambda handle, count, pdfium_c: None)
    for textpage, height in pdfium_pages(SAMPLES[0]):
        assert pdfium_chars(textpage, height) == chars_one_call_a_property(textpage, height)


def test_a_bomb_is_refused_when_pdfminer_reads_the_file_too(monkeypatch):
    from pipeline.readers import pdfscan

    monkeypatch.setattr(pdf, "MAX_STREAM", 1 << 20)
    monkeypatch.setattr(pdfscan, "pages", lambda data: None)       # the file opened by pdfplumber first
    with pytest.raises(DocumentLoadError, match="page 1's content inflates beyond 1 MB"):
        read_bytes(one_page_pdf(text_lines("Hello") + b"\n" + b" " * (3 << 20)), "bomb.pdf")


def test_a_stream_named_twice_in_contents_is_inflated_twice(monkeypatch):
    from pipeline.readers import pdfscan

    data = one_page_pdf(text_lines("Hello") + b"\n" + b" " * (600 << 10))
    twice = one_page_pdf(text_lines("Hello") + b"\n" + b" " * (600 << 10), contents=b"[4 0 R 4 0 R]")
    layout = pdfscan.pages(twice)
    assert layout is not None and len(layout[0][2]) == 2 and layout[0][2][0] == layout[0][2][1]
    monkeypatch.setattr(pdf, "MAX_STREAM", 1 << 20)
    read_bytes(data, "once.pdf")
    with pytest.raises(DocumentLoadError, match="inflates beyond 1 MB"):
        read_bytes(twice, "twice.pdf")


PLUMBER_SIZES = SAMPLES + sorted((ROOT / "samples" / "corpus" / "pdf").glob("*.pdf"))[::10]


@pytest.mark.parametrize("path", PLUMBER_SIZES, ids=[p.stem for p in PLUMBER_SIZES])
def test_a_plain_files_pages_are_pdfplumbers(path):
    import pdfplumber

    from pipeline.readers import pdfscan

    data = path.read_bytes()
    layout = pdfscan.pages(data)
    assert layout is not None
    with pdfplumber.open(path) as doc:
        assert [(w, h) for w, h, _ in layout] == [(p.width, p.height) for p in doc.pages]


@pytest.mark.parametrize("name", ["encrypted.pdf", "truncated.pdf", "garbage.pdf"])
def test_a_file_not_plain_enough_is_left_to_pdfminer(name):
    from pipeline.readers import pdfscan

    assert pdfscan.pages((ROOT / "tests" / "bad_inputs" / name).read_bytes()) is None


def test_a_comment_in_a_dictionary_runs_to_the_end_of_its_line():
    from pipeline.readers import pdfscan

    data = one_page_pdf(text_lines("Hello"))
    assert pdfscan.pages(data) is not None and len(pdfscan.pages(data)[0][2]) == 1
    noted = data.replace(b" /Filter /FlateDecode >>", b"%\n/Filter /FlateDecode>>")      # same length: offsets hold
    assert pdfscan.pages(noted) == pdfscan.pages(data)
    # the comment takes the dictionary's end: the stream's dictionary runs on into `stream`, a file
    # pdfscan cannot read (it must not find the >> inside the comment)
    unclosed = data.replace(b" /Filter /FlateDecode >>", b" /Filter /FlateDecode%>>")
    assert pdfscan.pages(unclosed) is None


ALL_PDFS = SAMPLES + sorted((ROOT / "samples" / "corpus" / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("path", ALL_PDFS[::4], ids=[p.stem for p in ALL_PDFS[::4]])
def test_the_bare_object_calls_find_tables_as_pypdfium2s_objects_do(path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        for page in document:
            assert pdf._may_hold_table(page, pdfium_c) == pdf._may_hold_table_objects(page, pdfium_c)
    finally:
        document.close()
