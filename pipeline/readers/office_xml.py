"""Office's older single-file formats, told apart by their first bytes, and a safe XML parser for them.

Government sites attach these under .doc, .xls, .xml or .mht names:
- an MHTML saved page (a browser's "single file", or Word's "single file web page"): MIME
  headers, then a multipart/related body whose HTML part is quoted-printable or base64;
- Word 2003 XML (WordML): `<?mso-application progid="Word.Document"?>`, root w:wordDocument;
- Excel 2003 XML (SpreadsheetML): `<?mso-application progid="Excel.Sheet"?>`, root Workbook.
An HTML page that Word or Excel saved ("Web page", xmlns urn:schemas-microsoft-com:office:word)
is HTML, not one of these: it has no mso-application instruction and its root is <html>.
"""
from __future__ import annotations

import re

from ..errors import DocumentLoadError

HEAD = 4096
# MIME-Version: 1.0 … Content-Type: multipart/related; boundary="----=_NextPart_000"
MHT_TYPE = re.compile(rb"^content-type:\s*multipart/(?:related|mixed|alternative)", re.MULTILINE)
# <?mso-application progid="Word.Document"?>
MSO_APPLICATION = re.compile(rb"<\?mso-application\s+progid\s*=\s*[\"'](word\.document|excel\.sheet)[\"']")
# <w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" …>
WORDML_ROOT = re.compile(rb"<w:worddocument[\s>]")
# <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" …>
SPREADSHEETML_ROOT = re.compile(rb"<(?:ss:)?workbook\s[^>]*urn:schemas-microsoft-com:office:spreadsheet")
DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def sniff_markup(data: bytes) -> str | None:
    """'mht', 'wordml' or 'spreadsheetml' when the bytes are one of these, else None."""
    head = data[:HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):       # an XML file saved as UTF-16
        head = head.decode("utf-16", errors="replace").encode("ascii", errors="replace")
    low = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"mime-version:" in low and MHT_TYPE.search(low.replace(b"\r\n", b"\n")):
        return "mht"
    if not low.startswith((b"<?xml", b"<?mso", b"<w:", b"<workbook", b"<ss:")):
        return None
    found = MSO_APPLICATION.search(low)
    if found:
        return "wordml" if found.group(1) == b"word.document" else "spreadsheetml"
    if WORDML_ROOT.search(low):
        return "wordml"
    if SPREADSHEETML_ROOT.search(low):
        return "spreadsheetml"
    return None


def parse(data: bytes, source: str, kind: str):
    """The root element of an XML document, refusing DTDs and entities (which Office never
    writes in these formats: a file declaring them is crafted) and never touching the network."""
    from lxml import etree

    if DTD.search(data[:HEAD * 4]):
        raise DocumentLoadError(source, f"the {kind} file declares a DTD or XML entities, which Office never writes",
                                "the file may be malicious; re-save it from an office suite")
    # huge_tree: a photo of a site embedded in WordML (w:binData) is a base64 text node over libxml2's
    # 10 MB default; the file's size is bounded before it is read, and entities are never expanded
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                             recover=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise DocumentLoadError(source, f"the {kind} file nests its elements thousands deep, which no office "
                                    "suite writes (a broken or crafted file)", "open it in an office suite and re-save it") from exc
        raise DocumentLoadError(source, f"the {kind} file is not well-formed XML ({str(exc)[:100]})",
                                "it may be truncated; re-download it or open and re-save it in an office suite") from exc
