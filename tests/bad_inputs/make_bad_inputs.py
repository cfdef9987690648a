"""Make the bad-input fixtures: small files committed here, big ones made in a temp folder.

    .venv/bin/python tests/bad_inputs/make_bad_inputs.py

Each file is named after what is wrong with it.  `big_inputs(folder)` writes the ones too
large (or too dangerous) to commit; test_bad_inputs.py calls it at test time.
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "samples"
SEED = "000_98d808fb349556f5"


def encrypted_pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt="pw")
    page.setFont("STSong-Light", 12)
    page.drawString(72, 720, "重点民生实事项目进展情况")
    page.save()
    return out.getvalue()


def protected_xlsx() -> bytes:
    """A real password-protected XLSX (an OLE2 file holding EncryptedPackage), via msoffcrypto-tool."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO((SAMPLES / "merges" / "merge.xlsx").read_bytes())).encrypt("pw", out)
    return out.getvalue()


def fake_doc() -> bytes:
    """An OLE2 header and a WordDocument stream name, but no document: a broken .doc named .docx."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return (header + b"\x00" * (512 - len(header)) + "WordDocument".encode("utf-16-le")).ljust(1536, b"\x00")


def ofd() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("OFD.xml", '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
        z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    return out.getvalue()


JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + b"\x08" * 64 + b"\xff\xd9"
ERROR_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head>"
              "<body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除</p><hr><center>nginx</center>"
              "</body></html>").encode()


FORMATS = {   # one small sample of each format, for truncations and wrong extensions
    "txt": SAMPLES / "txt" / f"{SEED}.txt",
    "html": SAMPLES / "html" / f"{SEED}.html",
    "pdf": SAMPLES / "pdf" / f"{SEED}.pdf",
    "docx": SAMPLES / "docx" / f"{SEED}.docx",
    "doc": SAMPLES / "doc" / f"{SEED}.doc",
    "xls": SAMPLES / "xls" / f"{SEED}.xls",
    "xlsx": SAMPLES / "xlsx" / f"{SEED}.xlsx",
}
TRUNCATE_AT = (0.1, 0.5, 0.9, 0.99)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def garbage(n: int = 2048, seed: int = 13) -> bytes:
    return bytes((i * 7919 + seed) % 256 for i in range(n))


def sample_text() -> str:
    return FORMATS["txt"].read_text("utf-8")


def docx_with_body(body: str) -> bytes:
    """The seed's DOCX with word/document.xml replaced by a body of our own."""
    out = io.BytesIO()
    docx = zipfile.ZipFile(io.BytesIO(FORMATS["docx"].read_bytes()))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in docx.infolist():
            z.writestr(info, xml.encode() if info.filename == "word/document.xml" else docx.read(info))
    return out.getvalue()


def xlsx_with_sheet(sheet_xml: bytes) -> bytes:
    """A minimal XLSX whose one worksheet is the given XML (inline strings, no shared strings)."""
    out = io.BytesIO()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return out.getvalue()


def sheet(rows: str, merges: str = "") -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    merged = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    return f'<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData>{rows}</sheetData>{merged}</worksheet>'.encode()


def istr(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def nested_docx(depth: int) -> bytes:
    inner = "<w:p><w:r><w:t>最里层：新建幼儿园10所</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return docx_with_body(inner)


def nested_html(depth: int) -> bytes:
    return ("<html><body><p>重点民生实事</p>" + "<table><tr><td>项目" * depth + "新建幼儿园10所"
            + "</td></tr></table>" * depth + "</body></html>").encode()


def span_bomb_html() -> bytes:
    """Every cell claims a huge span: 60 rows of 60 cells, each 99999 wide and 99999 tall."""
    row = "<td colspan=99999 rowspan=99999>1" * 60
    return ("<html><body><table>" + f"<tr>{row}" * 60 + "</table></body></html>").encode()


def gridspan_bomb_docx() -> bytes:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>'
    return docx_with_body("<w:tbl>" + f"<w:tr>{cell * 3}</w:tr>" * 50 + "</w:tbl>")


def merge_bomb_xlsx() -> bytes:
    """One merged range over the whole sheet (A1:XFD1048576) and a few values."""
    rows = '<row r="1">' + istr("A1", "重点民生实事") + "</row>" + "".join(
        f'<row r="{r}">' + istr(f"A{r}", str(r)) + istr(f"B{r}", "新建幼儿园10所") + "</row>" for r in range(2, 6))
    return xlsx_with_sheet(sheet(rows, '<mergeCell ref="A1:XFD1048576"/>'))


def last_row_xlsx() -> bytes:
    """A sheet whose used range is all 1,048,576 rows: a title in A1, a stray value in A1048576."""
    rows = '<row r="1">' + istr("A1", "重点民生实事项目") + '</row><row r="1048576">' + istr("A1048576", "x") + "</row>"
    return xlsx_with_sheet(sheet(rows))


def lying_zip_docx() -> bytes:
    """document.xml's local and central headers claim 1 KB; the deflated stream expands to 20 MB."""
    data = bytearray(docx_with_body("<w:p><w:r><w:t>" + " " * (20 * 2**20) + "</w:t></w:r></w:p>"))
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (1024).to_bytes(4, "little")
    # the uncompressed size sits at offset 22 of the local header and 24 of the central one
    local = info.header_offset
    assert data[local + 22:local + 26] == real
    data[local + 22:local + 26] = fake
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        name_len = int.from_bytes(data[pos + 28:pos + 30], "little")
        if data[pos + 46:pos + 46 + name_len] == b"word/document.xml":
            data[pos + 24:pos + 28] = fake
        pos += 4
    return bytes(data)


def mixed_encodings() -> bytes:
    text = sample_text().splitlines()
    third = len(text) // 3
    return ("\n".join(text[:third]) + "\n").encode("utf-8") + \
        ("\n".join(text[third:2 * third]) + "\n").encode("gb18030") + \
        ("\n".join(text[2 * third:]) + "\n").encode("big5", errors="replace")


def with_nuls() -> bytes:
    lines = sample_text().encode("utf-8").split(b"\n")
    return b"\n".join(line + b"\x00" if i % 7 == 3 else line for i, line in enumerate(lines))


def lone_surrogates_utf8() -> bytes:
    """UTF-8 with surrogates encoded as if they were characters (CESU-8 / WTF-8): invalid UTF-8."""
    lines = sample_text().encode("utf-8").split(b"\n")
    return b"\n".join(line + b"\xed\xa0\x80" if i % 5 == 2 else line for i, line in enumerate(lines))


def lone_surrogates_utf16() -> bytes:
    body = sample_text().encode("utf-16-le")
    half = len(body) // 2 & ~1
    return b"\xff\xfe" + body[:half] + b"\x00\xd8" + body[half:] + b"\x00\xdc\x00\xdc"


def rtl_marks() -> bytes:
    marks = ["\u200f", "\u202e", "\u200b", "\ufeff", "\u2066", "\u061c"]
    lines = sample_text().split("\n")
    return "\n".join(marks[i % len(marks)] + line.replace("，", "，" + marks[(i + 1) % len(marks)])
                     for i, line in enumerate(lines)).encode("utf-8")


def small_inputs() -> dict[str, bytes]:
    """Made by hand, small enough to commit: tests/bad_inputs/<name>."""
    pdf = FORMATS["pdf"].read_bytes()
    docx = FORMATS["docx"].read_bytes()
    xlsx = FORMATS["xlsx"].read_bytes()
    out = {
        "empty.txt": b"",
        "whitespace.txt": b" \t\r\n\n   \n\t\t\n" + "\u3000\u3000\n\u00a0\n".encode("utf-8"),
        "garbage.txt": garbage(),
        "error_page.pdf": ERROR_PAGE,
        "truncated.pdf": pdf[:len(pdf) // 3],
        "truncated.docx": docx[:len(docx) // 2],
        "truncated.xlsx": xlsx[:len(xlsx) // 2],
        "encrypted.pdf": encrypted_pdf(),
        "protected.xlsx": protected_xlsx(),
        "really_doc.docx": fake_doc(),
        "document.ofd": ofd(),
        "photo.jpg": JPEG,
        "mixed_encodings.txt": mixed_encodings(),
        "nul_bytes.txt": with_nuls(),
        "lone_surrogates_utf8.txt": lone_surrogates_utf8(),
        "lone_surrogates_utf16.txt": lone_surrogates_utf16(),
        "surrogate_entities.html": ("<html><body><p>项目&#xD800;一&#55296;：新建&#0;幼儿园&#x110000;10所</p>"
                                    "<table><tr><td>1</td><td>&#xDC00;改造</td></tr><tr><td>2</td><td>x</td></tr>"
                                    "</table></body></html>").encode(),
        "rtl_marks.txt": rtl_marks(),
        "nested_tables.docx": nested_docx(300),
        "nested_tables.html": nested_html(3000),
        "span_bomb.html": span_bomb_html(),
        "gridspan_bomb.docx": gridspan_bomb_docx(),
        "merge_bomb.xlsx": merge_bomb_xlsx(),
        "last_row_1048576.xlsx": last_row_xlsx(),
        "lying_zip_size.docx": lying_zip_docx(),
    }
    for seed, ext in enumerate(("pdf", "docx", "xlsx", "doc", "xls", "html"), start=1):
        out[f"garbage.{ext}"] = garbage(seed=seed)     # distinct bytes: an ingest counts copies once
    return out


def derived_inputs(folder: Path) -> dict[str, Path]:
    """Made at test time from the samples: truncations at several points and every wrong extension."""
    files: dict[str, bytes] = {}
    for fmt in ("pdf", "docx", "xlsx", "xls"):
        data = FORMATS[fmt].read_bytes()
        for at in TRUNCATE_AT:
            files[f"truncated_{int(at * 100)}.{fmt}"] = data[:int(len(data) * at)]
    for real, path in FORMATS.items():
        for named in FORMATS:
            if named != real:
                files[f"{real}_named.{named}"] = path.read_bytes()
    files["重点 民生实事 2017年（赫山区）.docx"] = FORMATS["docx"].read_bytes()
    files["重点 民生实事 空文件.txt"] = b""
    return _write(folder, files)


def zip_bomb(kind: str = "docx") -> bytes:
    """A .docx (or .xlsx) whose main part expands 50 MB of spaces from about 50 KB."""
    if kind == "xlsx":
        body = sheet('<row r="1">' + istr("A1", "项目") + "</row>").replace(b"<sheetData>", b"<sheetData>" + b" " * (50 * 2**20))
        return xlsx_with_sheet(body)
    return docx_with_body(" " * (50 * 2**20))


def entity_bomb(kind: str = "docx") -> bytes:
    """A .docx (or .xlsx) whose main part declares nested entities (billion laughs)."""
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    if kind == "xlsx":
        ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        return xlsx_with_sheet((f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{lol}]>'
                                f'<worksheet xmlns="{ns}"><sheetData><row r="1">{istr("A1", "&l9;")}</row>'
                                "</sheetData></worksheet>").encode())
    out = io.BytesIO()
    docx = zipfile.ZipFile(io.BytesIO(FORMATS["docx"].read_bytes()))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in docx.infolist():
            z.writestr(info, xml if info.filename == "word/document.xml" else docx.read(info))
    return out.getvalue()


def text_50mb() -> bytes:
    block = FORMATS["txt"].read_bytes() + b"\n"
    return block * (50 * 2**20 // len(block) + 1)


def long_line() -> bytes:
    """2 MB of a document's text with every line break removed."""
    one = FORMATS["txt"].read_bytes().replace(b"\n", b"").replace(b"\r", b"")
    return one * (2 * 2**20 // len(one) + 1)


def pdf_pages(n: int = 2000) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    lines = [ln for ln in sample_text().splitlines() if ln.strip()]
    for p in range(n):
        page.setFont("STSong-Light", 10)
        for k in range(3):
            page.drawString(60, 760 - 14 * k, lines[(p * 3 + k) % len(lines)][:50])
        page.showPage()
    page.save()
    return out.getvalue()


def rows_xlsx(n: int = 1_048_576) -> bytes:
    """A sheet with a number in every one of its n rows (the XLSX maximum by default)."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    body = io.BytesIO()
    body.write(f'<?xml version="1.0"?><worksheet xmlns="{ns}"><dimension ref="A1:A{n}"/><sheetData>'.encode())
    body.write('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>'.encode())
    for r in range(2, n + 1):
        body.write(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r))
    body.write(b"</sheetData></worksheet>")
    return xlsx_with_sheet(body.getvalue())


def rows_xls(n: int = 65_536) -> bytes:
    """An XLS sheet filled to its last row (65,536, the BIFF8 maximum)."""
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("Sheet1")
    for r in range(n):
        ws.write(r, 0, r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BIG = {
    "zip_bomb.docx": lambda: zip_bomb("docx"),
    "zip_bomb.xlsx": lambda: zip_bomb("xlsx"),
    "entity_bomb.docx": lambda: entity_bomb("docx"),
    "entity_bomb.xlsx": lambda: entity_bomb("xlsx"),
    "text_50mb.txt": text_50mb,
    "long_line_2mb.txt": long_line,
    "pages_2000.pdf": pdf_pages,
    "rows_1048576.xlsx": rows_xlsx,
    "rows_65536.xls": rows_xls,
}


def big_inputs(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Too large (or too dangerous) to commit: written to `folder` at test time."""
    return _write(folder, {name: BIG[name]() for name in (names or BIG)})


def _write(folder: Path, files: dict[str, bytes]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def main() -> int:
    for name, data in small_inputs().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
