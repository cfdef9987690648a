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


def small_inputs() -> dict[str, bytes]:
    pdf = (SAMPLES / "pdf" / f"{SEED}.pdf").read_bytes()
    docx = (SAMPLES / "docx" / f"{SEED}.docx").read_bytes()
    xlsx = (SAMPLES / "xlsx" / f"{SEED}.xlsx").read_bytes()
    return {
        "empty.txt": b"",
        "garbage.txt": bytes((i * 7919 + 13) % 256 for i in range(2048)),
        "error_page.pdf": ERROR_PAGE,
        "truncated.pdf": pdf[:len(pdf) // 3],
        "truncated.docx": docx[:len(docx) // 2],
        "truncated.xlsx": xlsx[:len(xlsx) // 2],
        "encrypted.pdf": encrypted_pdf(),
        "protected.xlsx": protected_xlsx(),
        "really_doc.docx": fake_doc(),
        "document.ofd": ofd(),
        "photo.jpg": JPEG,
    }


def zip_bomb() -> bytes:
    """A .docx whose document.xml expands 50 MB of spaces from about 50 KB."""
    out = io.BytesIO()
    docx = zipfile.ZipFile(io.BytesIO((SAMPLES / "docx" / f"{SEED}.docx").read_bytes()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in docx.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info, docx.read(info))
        body = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        z.writestr("word/document.xml", body + b" " * (50 * 2**20) + b"</w:body></w:document>")
    return out.getvalue()


def entity_bomb() -> bytes:
    """A .docx whose document.xml declares nested entities (billion laughs)."""
    out = io.BytesIO()
    docx = zipfile.ZipFile(io.BytesIO((SAMPLES / "docx" / f"{SEED}.docx").read_bytes()))
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in docx.infolist():
            z.writestr(info, xml if info.filename == "word/document.xml" else docx.read(info))
    return out.getvalue()


def big_inputs(folder: Path) -> dict[str, Path]:
    files = {"zip_bomb.docx": zip_bomb(), "entity_bomb.docx": entity_bomb()}
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
