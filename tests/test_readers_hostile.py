"""Files that used to be lost or misread without a word: Office's single-file formats (MHTML, Word and
Excel 2003 XML), Strict Open XML, workbooks with holes, and text in damaged or mixed encodings.

Every input is written here at test time, in the genre (a 通报 of two projects, our own words and
numbers).  Each kind must read into the text and tables a reader would see, with a warning naming
what was repaired or left out, or fail with one clear line — never mojibake, never silence.
"""
from __future__ import annotations

import base64
import gc
import io
import quopri
import time
import zipfile

import pytest

from pipeline.errors import DocumentLoadError
from pipeline.formats import sniff
from pipeline.readers import read_bytes
from pipeline.readers.ooxml_strict import NAMESPACES

TITLE = "关于2031年度城乡民生实事项目进展情况的通报"
ROWS = [["序号", "项目名称", "年度目标", "完成情况", "责任单位"],
        ["1", "老旧小区改造", "改造小区38个", "已开工31个", "县住建局"],
        ["2", "乡村公路提质", "新建道路52公里", "完成41.5公里", "县交通运输局"]]
MERGED = [ROWS[0], ROWS[1], ROWS[2][:4] + ["县住建局"]]      # 责任单位 merged down over both projects
LINES = [TITLE, "一、老旧小区改造：计划改造小区38个，已开工31个。", "二、乡村公路提质：新建道路52公里，已完成41.5公里。"]


# ---------------------------------------------------------------- writers

WORDML_NS = ('xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
             'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
             'xmlns:aml="http://schemas.microsoft.com/aml/2001/core"')


def _w_cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def wordml(body: str | None = None, prolog: str = "") -> bytes:
    """A Word 2003 XML file: title, a numbered heading, a sentence with a tracked deletion and hidden
    text, and the table with a merged 责任单位 cell over both rows (w:vmerge)."""
    if body is None:
        rows = "<w:tr>" + "".join(_w_cell(t) for t in ROWS[0]) + "</w:tr>"
        rows += "<w:tr>" + "".join(_w_cell(t) for t in ROWS[1][:4]) + _w_cell("县住建局", '<w:vmerge w:val="restart"/>') + "</w:tr>"
        rows += "<w:tr>" + "".join(_w_cell(t) for t in ROWS[2][:4]) + _w_cell("", "<w:vmerge/>") + "</w:tr>"
        body = (f"<w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p>"
                '<w:p><w:pPr><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/><wx:t wx:val="一、"/></w:listPr></w:pPr>'
                "<w:r><w:t>总体情况</w:t></w:r></w:p>"
                "<w:p><w:r><w:t>两个项目累计完成投资1.26亿元</w:t></w:r>"
                '<aml:annotation w:type="Word.Deletion"><aml:content><w:r><w:delText>2.5亿元</w:delText></w:r>'
                "</aml:content></aml:annotation>"
                "<w:r><w:rPr><w:vanish/></w:rPr><w:t>内部备注</w:t></w:r><w:r><w:t>。</w:t></w:r></w:p>"
                f"<w:tbl>{rows}</w:tbl>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<?mso-application progid="Word.Document"?>\n<w:wordDocument {WORDML_NS}>'
            f"<w:body><wx:sect>{body}<w:sectPr/></wx:sect></w:body></w:wordDocument>").encode()


def spreadsheetml(extra_sheet: str = "") -> bytes:
    """An Excel 2003 XML workbook: a merged title row, the table, a percentage under a style, and a
    formula cell saved without its value."""
    def cell(t: str) -> str:
        kind = "Number" if t.isdigit() else "String"
        return f'<Cell><Data ss:Type="{kind}">{t}</Data></Cell>'
    rows = "".join("<Row>" + "".join(cell(t) for t in row) + "</Row>" for row in ROWS)
    return ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">'
            '<Styles><Style ss:ID="p1"><NumberFormat ss:Format="0.0%"/></Style></Styles>'
            '<Worksheet ss:Name="进展"><Table>'
            f'<Row><Cell ss:MergeAcross="4"><Data ss:Type="String">{TITLE}</Data></Cell></Row>{rows}'
            '<Row><Cell><Data ss:Type="String">完成率</Data></Cell>'
            '<Cell ss:Index="3" ss:StyleID="p1"><Data ss:Type="Number">0.853</Data></Cell>'
            '<Cell ss:Formula="=SUM(R[-2]C:R[-1]C)"/></Row>'
            f"</Table></Worksheet>{extra_sheet}</Workbook>").encode()


HIDDEN_SHEET = ('<Worksheet ss:Name="核对"><Table><Row><Cell><Data ss:Type="String">校验</Data></Cell></Row></Table>'
                '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>'
                "</WorksheetOptions></Worksheet>")


def page_html(charset: str = "utf-8") -> str:
    table = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in ROWS)
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head>'
            f"<body><p>{TITLE}</p><p>{LINES[1]}</p><table>{table}</table></body></html>")


def mht(transfer: str = "quoted-printable", charset: str = "gb2312", first: str = "From: <Saved by Blink>\r\n") -> bytes:
    """A browser's single-file page: MIME headers, the HTML part in a transfer encoding, and an image part."""
    raw = page_html(charset).encode("gb18030" if charset == "gb2312" else charset)
    body = quopri.encodestring(raw).decode("ascii") if transfer == "quoted-printable" else base64.encodebytes(raw).decode("ascii")
    return (f"{first}Subject: =?utf-8?B?{base64.b64encode(TITLE.encode()).decode()}?=\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_01D9"\r\n\r\n'
            "------=_NextPart_01D9\r\n"
            f'Content-Type: text/html; charset="{charset}"\r\nContent-Transfer-Encoding: {transfer}\r\n'
            "Content-Location: http://www.example.gov.cn/tzgg/2031/a.html\r\n\r\n"
            f"{body}\r\n------=_NextPart_01D9\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: http://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n"
            "------=_NextPart_01D9--\r\n").encode("ascii")


def word_web_page() -> bytes:
    """Word's "Web page" save (.doc): HTML with Office namespaces — HTML, not WordML."""
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
            '<head><meta name=ProgId content=Word.Document><meta charset="utf-8"></head>'
            f"<body><p>{TITLE}</p><p>{LINES[1]}</p></body></html>").encode()


def _to_strict(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, transitional in reversed(NAMESPACES):
                    body = body.replace(transitional, strict)
            target.writestr(info, body)
    return out.getvalue()


def docx_file(strict: bool = False) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return _to_strict(out.getvalue()) if strict else out.getvalue()


def xlsx_file(strict: bool = False, formula: bool = False, drop_part: str | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "进展"
    for row in ROWS:
        sheet.append([int(t) if t.isdigit() else t for t in row])
    if formula:
        sheet["F2"] = "=LEN(C2)"          # openpyxl writes the formula without a value, as a generator does
    funds = book.create_sheet("资金")
    for row in (["项目名称", "到位资金（万元）"], ["老旧小区改造", 2600], ["乡村公路提质", 3150]):
        funds.append(row)
    out = io.BytesIO()
    book.save(out)
    data = _to_strict(out.getvalue()) if strict else out.getvalue()
    if drop_part:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                if info.filename != drop_part:
                    target.writestr(info, source.read(info))
        data = out.getvalue()
    return data


def text_of(lines: list[str]) -> str:
    return "\n".join(lines * 8) + "\n"


def cut_utf8() -> bytes:
    """Many good UTF-8 lines and one whose last character lost its final byte."""
    good = text_of(LINES).encode("utf-8")
    return good + "项目建设单位：县住建".encode() + "局".encode()[:2] + b"\n" + good


def cesu_surrogate() -> bytes:
    """A UTF-8 file where one line carries a lone surrogate (CESU-8 / WTF-8 bytes)."""
    return text_of(LINES).encode("utf-8") + "备注".encode() + b"\xed\xa0\x80\n" + text_of(LINES).encode("utf-8")


def mixed() -> bytes:
    """Parts glued together from files saved in UTF-8, GB18030 and Big5."""
    return (text_of(LINES[:2]).encode("utf-8") + text_of(LINES[1:]).encode("gb18030")
            + "三、農村飲水工程：新建水廠4座。\n".encode("big5") * 6)


def utf16_lone_surrogate() -> bytes:
    body = text_of(LINES).encode("utf-16-le")
    return b"\xff\xfe" + body + b"\x00\xd8" + "完".encode("utf-16-le")


# ---------------------------------------------------------------- formats

# (name, bytes, format read, lines that must be in the text view, rows of the first table, words in a warning)
FORMAT_CASES = [
    ("notice.doc", wordml(), "wordml", [TITLE, "一、总体情况", "两个项目累计完成投资1.26亿元。"], MERGED, None),
    ("notice.xml", wordml(), "wordml", [TITLE], MERGED, None),
    ("notice.xls", spreadsheetml(), "spreadsheetml", [TITLE, "完成率\t\t85.3%"], ROWS, "read as empty: D5"),
    ("notice.xml", spreadsheetml(HIDDEN_SHEET), "spreadsheetml", [TITLE], ROWS, "核对: hidden"),
    ("notice.mht", mht(), "mht", [TITLE, LINES[1]], ROWS, None),
    ("notice.mhtml", mht("base64", "utf-8"), "mht", [TITLE, LINES[1]], ROWS, None),
    ("notice.doc", mht("base64", "gb2312", first=""), "mht", [TITLE], ROWS, None),
    ("notice.doc", word_web_page(), "html", [TITLE, LINES[1]], None, None),
    ("strict.docx", docx_file(strict=True), "docx", [TITLE], ROWS, None),
    ("strict.xlsx", xlsx_file(strict=True), "xlsx", ["\t".join(ROWS[1])], ROWS, None),
    ("formula.xlsx", xlsx_file(formula=True), "xlsx", ["\t".join(ROWS[1])], None, "sheet 进展: formula cells with no saved value, read as empty: F2"),
    ("holed.xlsx", xlsx_file(drop_part="xl/worksheets/sheet2.xml"), "xlsx", ["\t".join(ROWS[1])], ROWS,
     "sheet 资金: its part xl/worksheets/sheet2.xml is missing"),
]
FORMAT_IDS = ["wordml-named-doc", "wordml-named-xml", "spreadsheetml-named-xls", "spreadsheetml-hidden-sheet",
              "mht-quoted-printable-gb2312", "mhtml-base64-utf8", "mht-named-doc-no-from", "word-web-page-stays-html",
              "strict-docx", "strict-xlsx", "xlsx-formula-without-value", "xlsx-sheet-part-missing"]


@pytest.mark.parametrize("name, data, fmt, lines, rows, warning", FORMAT_CASES, ids=FORMAT_IDS)
def test_single_file_and_damaged_office_formats_read(name, data, fmt, lines, rows, warning):
    doc = read_bytes(data, name)
    assert doc.format == fmt
    for line in lines:
        assert line in doc.lines, (line, doc.lines)
    if rows is not None:
        table = next(doc.tables())
        assert table.filled()[:len(rows)] == rows
    if warning is None:
        assert not doc.warnings, doc.warnings
    else:
        assert any(warning in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize("hint, line", [("一、", "一、总体情况"), ("（一）", "（一）总体情况"), ("1.", "1. 总体情况"),
                                        ("\uf0b7", "总体情况"), ("·", "总体情况")],
                         ids=["chinese-counting", "parenthesised", "decimal-with-space", "symbol-font-bullet", "dot-bullet"])
def test_wordml_writes_back_the_list_number_word_showed(hint, line):
    body = (f'<w:p><w:pPr><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="2"/><wx:t wx:val="{hint}"/></w:listPr></w:pPr>'
            "<w:r><w:t>总体情况</w:t></w:r></w:p>")
    assert read_bytes(wordml(body=body), "notice.doc").lines == [line]


def test_wordml_reads_through_sub_sections_and_bordered_groups():
    body = (f"<wx:sub-section><w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p><wx:sub-section><wx:pBdrGroup>"
            f"<w:p><w:r><w:t>{LINES[1]}</w:t></w:r></w:p></wx:pBdrGroup></wx:sub-section></wx:sub-section>")
    assert read_bytes(wordml(body=body), "notice.doc").lines == [TITLE, LINES[1]]


def test_wordml_keeps_merges_and_leaves_out_deleted_and_hidden_text():
    doc = read_bytes(wordml(), "notice.doc")
    table = next(doc.tables())
    assert {(c.row, c.col): c.rowspan for c in table.cells}[(1, 4)] == 2
    assert "2.5亿元" not in doc.text() and "内部备注" not in doc.text()


def test_xlsx_formula_whose_saved_result_is_empty_text_is_not_warned():
    """=IF(B2=0,"",C2/B2) saved by Excel: t="str" and an empty <v/>: a value, not a missing one."""
    data = xlsx_file()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"</row></sheetData>", b'<c r="F3" t="str"><f>IF(A3=0,"",A3)</f><v></v></c></row></sheetData>')
            target.writestr(info, body)
    doc = read_bytes(out.getvalue(), "empty-result.xlsx")
    assert not doc.warnings and "\t".join(ROWS[2]) in doc.lines


def test_mht_with_no_chinese_bytes_is_still_a_document():
    """A base64 page holds no CJK bytes: ingest must see a document, not a text file to skip."""
    assert sniff(mht("base64", "utf-8"), "a.mht") == "mht"


def test_spreadsheetml_reads_through_the_extractors():
    from extractors import extract
    from gazetteer import load

    contract = extract(read_bytes(spreadsheetml(), "notice.xls"), load()).to_contract()
    assert {"老旧小区改造", "乡村公路提质"} <= {p["name"] for p in contract["projects"]}


BROKEN_XML = [
    ("entity.doc", wordml(prolog='<!DOCTYPE w:wordDocument [<!ENTITY x "民生">]>\n'), "DTD"),
    ("truncated.doc", wordml()[:-300], "not well-formed"),
    ("truncated.xls", spreadsheetml()[:-200], "not well-formed"),
    ("deep.doc", wordml(body="<w:p>" + "<w:r>" * 5000 + "<w:t>深</w:t>" + "</w:r>" * 5000 + "</w:p>"), "thousands deep"),
    ("empty.mht", mht().split(b"------=_NextPart_01D9\r\n")[0] + b"------=_NextPart_01D9--\r\n", "no HTML or text part"),
]


@pytest.mark.parametrize("name, data, words", BROKEN_XML, ids=["wordml-dtd", "wordml-truncated", "spreadsheetml-truncated",
                                                             "wordml-5000-deep", "mht-without-page"])
def test_broken_single_file_formats_fail_with_one_line(name, data, words):
    with pytest.raises(DocumentLoadError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert words in message and name in message and "\n" not in message


# ---------------------------------------------------------------- encodings

# (bytes, encoding reported, lines that must read, U+FFFD expected, words in a warning)
DECODE_CASES = [
    (b"\xef\xbb\xbf" + text_of(LINES).encode("gb18030"), "gb18030", LINES, 0, "byte-order mark"),
    (cut_utf8(), "utf-8", [*LINES, "项目建设单位：县住建\ufffd"], 1, "1 line holds"),
    (cesu_surrogate(), "utf-8", LINES, 3, "not valid utf-8"),
    (text_of(LINES).encode("gb18030") + "县住建".encode("gb18030") + "局".encode("gb18030")[:1] + b"\n"
     + text_of(LINES).encode("gb18030"), "gb18030", LINES, 1, "not valid gb18030"),
    (mixed(), "mixed:", [*LINES, "三、農村飲水工程：新建水廠4座。"], 0, "mixes encodings"),
    (utf16_lone_surrogate(), "utf-16", LINES, 1, "lone surrogate"),
    (text_of(LINES).encode("gb18030"), "gb18030", LINES, 0, None),
    (text_of(["三、農村飲水工程：新建水廠4座。"]).encode("big5"), "big5", ["三、農村飲水工程：新建水廠4座。"], 0, None),
    (("Caf\xe9 du march\xe9, rapport na\xeff\n" * 12).encode("latin-1"), "utf-8", [], 36, "may be mis-decoded"),
]
DECODE_IDS = ["utf8-bom-over-gbk", "one-cut-utf8-char", "cesu-lone-surrogate", "one-cut-gbk-char", "utf8-gbk-big5-glued",
              "utf16-lone-surrogate", "plain-gbk", "plain-big5", "latin1-partly-odd"]


@pytest.mark.parametrize("data, codec, lines, replaced, warning", DECODE_CASES, ids=DECODE_IDS)
def test_damaged_and_mixed_encodings_read_as_chinese(data, codec, lines, replaced, warning):
    doc = read_bytes(data, "notice.txt")
    assert doc.encoding is not None and doc.encoding.startswith(codec)
    for line in lines:
        assert line in doc.lines, (line, doc.lines[:5])
    assert doc.text().count("\ufffd") == replaced
    if warning is None:
        assert not doc.warnings
    else:
        assert any(warning in w for w in doc.warnings), doc.warnings


MOJIBAKE = [
    ("Отчёт о выполнении плана по ремонту дорог и школ\n" * 20).encode("cp1251"),
    ("Отчёт о выполнении плана по ремонту дорог и школ\n" * 20).encode("mac_cyrillic"),
    bytes(range(0x80, 0x100)) * 20,
]


@pytest.mark.parametrize("data", MOJIBAKE, ids=["cp1251", "mac-cyrillic", "high-bytes"])
def test_text_that_is_not_chinese_in_any_encoding_is_one_line_not_mojibake(data):
    with pytest.raises(DocumentLoadError) as caught:
        read_bytes(data, "notice.txt")
    assert "does not decode as Chinese" in str(caught.value) and "\n" not in str(caught.value)


def test_html_page_in_a_broken_encoding_carries_the_warning():
    page = ("<html><body>" + "".join(f"<p>{line}</p>" for line in LINES * 5) + "</body></html>").encode("utf-8")
    cut = page.index("老".encode()) + 1
    doc = read_bytes(page[:cut] + page[cut + 1:], "page.html")      # one byte of a character lost
    assert doc.format == "html" and doc.warnings and LINES[1] in doc.lines


HTML_DECODE_CASES = [
    (b"\xef\xbb\xbf" + page_html("gb2312").encode("gb18030"), "gb18030", None),
    (b"\xef\xbb\xbf" + page_html("").replace("charset=", "").encode("gb18030"), "gb18030", "byte-order mark"),
    (page_html("gb2312").encode("utf-8").replace("老".encode(), "老".encode()[:2], 1), "utf-8", "not valid utf-8"),
    (page_html("gb2312").encode("gb18030"), "gb18030", None),
]


@pytest.mark.parametrize("data, codec, warning", HTML_DECODE_CASES,
                         ids=["bom-over-gbk-with-meta", "bom-over-gbk-no-meta", "cut-utf8-under-gb2312-meta", "plain-gbk-page"])
def test_web_pages_in_damaged_encodings_read_their_chinese(data, codec, warning):
    doc = read_bytes(data, "page.html")
    assert doc.encoding == codec and TITLE in doc.lines
    assert any(warning in w for w in doc.warnings) if warning else not doc.warnings


@pytest.mark.parametrize("make", [mixed, lambda: spreadsheetml() * 1], ids=["line-by-line-decoding", "spreadsheetml"])
def test_reading_is_linear_in_the_input(make):
    """Doubling the input roughly doubles the work (CPU time of this thread, best of three, the collector held
    off while timing: other processes on shared cores, threads earlier tests left running and a collection
    landing in one run do not count; runs of ~0.2 s and more, which halve reliably; generous bound)."""
    def seconds(copies: int) -> float:
        if make is mixed:
            data, name = make() * copies, "big.txt"
        else:
            body = spreadsheetml().decode("utf-8")
            head, rows, tail = body.partition("<Row>")[0], "<Row>" + body.partition("<Row>")[2].rpartition("</Table>")[0], \
                "</Table>" + body.rpartition("</Table>")[2]
            data, name = (head + rows * copies + tail).encode("utf-8"), "big.xls"
        gc.disable()
        try:
            start = time.thread_time()
            read_bytes(data, name)
            return time.thread_time() - start
        finally:
            gc.enable()

    seconds(20)                                   # warm the imports
    n = 600 if make is mixed else 800
    small, large = min(seconds(n) for _ in range(3)), min(seconds(2 * n) for _ in range(3))
    assert large / small < 3, (small, large)
