"""Files with real office habits read as well as the clean text they were made from.

samples/realistic/make_realistic.py renders corpus texts (samples/corpus/NNN_*.txt) into PDF,
DOCX, XLSX, XLS and HTML the way offices produce them: page numbers and running heads, a
masthead in big type, automatic numbering, fields, text boxes, tracked changes, numbers
stored with display formats, hidden rows, layout tables, GBK pages.  Two kinds of test:
- every realistic file scores, field by field against the corpus answer key, within
  TOLERANCE of the text it was made from (the shared scorer's matching, in process);
- one test per habit, on what the reader hands over (a footer is not a paragraph, 0.853
  formatted '0.0%' reads 85.3%, a deleted revision is not text);
- each file's text view against samples/realistic/expected/<folder>__<stem>.txt, rewritten
  only with UPDATE_GOLDEN=1 (and a test fails while that flag is on).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from functools import cache
from pathlib import Path

import pytest
from extract_helpers import scorer

from pipeline.model import Paragraph
from pipeline.readers import read, read_bytes
from pipeline.readers.doc import soffice
from pipeline.readers.xlsx import display

ROOT = Path(__file__).resolve().parent.parent
REALISTIC = ROOT / "samples" / "realistic"
CORPUS = ROOT / "samples" / "corpus"
GOLD = CORPUS / "gold"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
TOLERANCE = 0.05
FILES = sorted(p for p in REALISTIC.glob("*/*.*") if p.parent.name != "expected" and p.suffix != ".py")
SPACES = re.compile(r"\s+")
EXPECTED = REALISTIC / "expected"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def squash(text: str) -> str:
    return SPACES.sub("", text)


def doc(rel: str):
    if rel.endswith(".doc") and soffice() is None:
        pytest.skip("reading .doc needs LibreOffice")
    return _read(rel)


@cache
def _read(rel: str):
    return read(REALISTIC / rel)


def one(folder: str, prefix: str) -> str:
    found = sorted((REALISTIC / folder).glob(f"{prefix}_*"))
    assert found, f"no samples/realistic/{folder}/{prefix}_*: run samples/realistic/make_realistic.py"
    return f"{folder}/{found[0].name}"


def paragraphs(d) -> list[str]:
    return [squash(b.text) for b in d.blocks if isinstance(b, Paragraph)]


def corpus_paragraphs(prefix: str) -> list[str]:
    """The paragraphs of the corpus text as make_realistic drew them."""
    sys.path[:0] = [str(ROOT / "samples"), str(CORPUS)]
    from make_formats import corpus_blocks
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return [squash(b.text) for b in corpus_blocks(path) if isinstance(b, Paragraph)]


# ---------------------------------------------------------------- scores against the answer keys

@cache
def _gazetteer():
    from gazetteer import load
    return load()


def f1(path: Path) -> dict[str, float]:
    from extractors import extract
    s = scorer()
    gold = s.facts_from_gold(json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8")))
    got = s.facts_from_output(extract(read(path), _gazetteer()).to_contract())
    out = {}
    for field, (tp, fp, fn, _misses, _extras) in s.compare(gold, got).items():
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        out[field] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def test_samples_present():
    assert len(FILES) >= 10, "run samples/realistic/make_realistic.py"
    for f in FILES:
        assert (GOLD / f"{f.stem}.json").exists(), f"{f.name} is not named after a corpus document"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py is not beside this checkout")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem[:3]}")
def test_scores_as_well_as_its_text(path):
    if path.suffix == ".doc" and soffice() is None:
        pytest.skip("reading .doc needs LibreOffice")
    text = f1(CORPUS / f"{path.stem}.txt")
    got = f1(path)
    worse = {k: (round(text[k], 3), round(got[k], 3)) for k in text if got[k] < text[k] - TOLERANCE}
    assert not worse, f"{path.name} scores below its text (field: (txt F1, file F1)): {worse}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem[:3]}")
def test_text_view_is_the_expected_one(path):
    got = "\n".join(doc(f"{path.parent.name}/{path.name}").lines) + "\n"
    want = EXPECTED / f"{path.parent.name}__{path.stem}.txt"
    if UPDATE:
        EXPECTED.mkdir(exist_ok=True)
        want.write_text(got, encoding="utf-8")
    assert want.exists(), f"no {want.name}: run UPDATE_GOLDEN=1 pytest tests/test_realistic.py and review the diff"
    assert got == want.read_text(encoding="utf-8")


def test_golden_update_flag_is_off():
    assert not UPDATE, "UPDATE_GOLDEN=1 rewrites samples/realistic/expected: unset it once the diff is reviewed"


# ---------------------------------------------------------------- PDF

PAGE_FURNITURE = re.compile(r"^[—－-]\s*\d+\s*[—－-]$|^第\d+页共\d+页$")


@pytest.mark.parametrize("prefix", ["001", "004", "017"])
def test_pdf_page_numbers_and_running_heads_are_dropped(prefix):
    d = doc(one("pdf", prefix))
    lines = [squash(t) for t in d.lines]
    assert not [t for t in lines if PAGE_FURNITURE.match(t)]
    # the running head repeats the file number or the issuer on every page after the first
    assert lines.count("赣府厅字〔2019〕28号") <= 1
    assert "大方县人民政府办公室文件" not in lines


@pytest.mark.parametrize(("folder", "prefix"), [("pdf", "001"), ("pdf", "004"), ("pdf", "017"),
                                               ("pdf_word", "001"), ("pdf_word", "004")])
def test_pdf_paragraphs_are_the_texts(folder, prefix):
    """Justified lines that end at the margin are joined; a line ending 。 or short is not;
    a centred title is not run into the salutation below it, nor a signature into the date
    a blank line below it; Word's gap between Chinese and digits is no space.  pdf_word/001
    turns its attachment's pages to landscape: each page width has its own margins."""
    got = paragraphs(doc(one(folder, prefix)))
    want = corpus_paragraphs(prefix)
    salutation = next(i for i, t in enumerate(want) if t.endswith("："))
    assert want[salutation] in got, "the salutation is a paragraph of its own"
    # a paragraph is found whole, or split only where a numbered note starts (…。|2.…)
    joined = "|" + re.sub(r"。\|(?=\d\.)", "。", "|".join(got)) + "|"
    for text in want[salutation:]:
        assert f"|{text}|" in joined, text


def test_pdf_title_lines_of_one_size_are_one_paragraph():
    got = paragraphs(doc(one("pdf", "004")))
    assert "关于印发大方县2016年十件民生实事实施方案的通知" in got


def test_pdf_table_over_pages_is_one_table():
    d = doc(one("pdf", "001"))
    tables = list(d.tables())
    assert len(tables) == 1
    assert tables[0].n_rows == 14, "the header repeated on each page is dropped"
    assert [r[0] for r in tables[0].rows()][:3] == ["序号", "1", "2"]


def test_pdf_rows_cut_by_page_breaks_are_joined():
    """Word lets a row break across pages: the part on the next page is the same row."""
    table = next(doc(one("pdf_word", "001")).tables())
    assert table.n_rows == 14
    rows = table.rows()
    assert rows[6][:3] == ["5", "扩大普惠性学前教育资源", "新建改扩建公办幼儿园300所"]
    assert rows[7][:3] == ["", "", "新增公办学位4.5万个"], "the merge below the cut row goes on"
    assert table.filled()[7][3] == "省教育厅"
    tables = list(doc(one("pdf_word", "004")).tables())
    assert len(tables) == 1, "a table over three pages is one table"
    rows = tables[0].rows()
    assert len(rows) == 11
    assert rows[3][:3] == ["3", "通村公路建设", "新建通村油路（水泥路）１５０公里"]
    assert rows[8][2] == "城镇新增就业三千人，农村劳动力转移就业八千人"


def test_pdf_autospace_is_no_space_but_a_wide_gap_is():
    got = [b.text for b in doc(one("pdf_word", "004")).blocks if isinstance(b, Paragraph)]
    assert "2016年3月8日" in got and "一、目标任务" in got
    assert got[-1] == "大方县人民政府办公室 2016年3月9日印发"


def test_pdf_masthead_and_record_block():
    got = [b.text for b in doc(one("pdf", "017")).blocks if isinstance(b, Paragraph)]
    assert got[0] == "广西壮族自治区人民政府办公厅", "a masthead set with wide character spacing"
    got = paragraphs(doc(one("pdf", "001")))
    assert got[0] == "江西省人民政府办公厅文件"
    assert got[-2].startswith("抄送：") and got[-1].endswith("印发")


# ---------------------------------------------------------------- workbooks

@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (0.853, "0.0%", "85.3%"),
    (0.665, "0.00%", "66.50%"),
    (1, "0%", "100%"),
    (1234.5, "#,##0.00", "1,234.50"),
    (21000, "#,##0", "21,000"),
    (2.675, "0.00", "2.68"),                       # Excel rounds the decimal it shows, half up
    (1234.5678, "#,##0.00;[Red]-#,##0.00", "1,234.57"),
    (1200, '0"户"', "1200户"),
    (3.0, "General", "3"),
    (0.12345, "0.00E+00", "0.12345"),              # a format not rendered keeps the value
    (dt.datetime(2023, 6, 30), 'yyyy"年"m"月"d"日"', "2023年6月30日"),
    (dt.datetime(2023, 6, 1), '[$-804]yyyy"年"m"月"', "2023年6月"),
    (dt.datetime(2023, 6, 30), "m月d日", "6月30日"),
    (dt.datetime(2023, 6, 30), "yyyy/m/d", "2023-06-30"),
], ids=["percent-1", "percent-2", "percent-0", "thousands-2", "thousands", "half-up", "two-sections",
        "literal-unit", "general", "scientific", "date-cn", "month-cn", "month-day-cn", "date-iso"])
def test_cell_shown_as_its_format_shows_it(value, number_format, shown):
    assert display(value, number_format) == shown


def _workbook_with_habits(path: Path) -> None:
    """A small workbook: a rate 0.853 shown '0.0%', an amount, a date serial, a formula with its
    cached value, a hidden row and column, a hidden sheet, formatted empty cells to the right."""
    import openpyxl
    from openpyxl.styles import Border, Side

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "附件1"
    ws.append(["2023年民生实事进展表"])
    ws.merge_cells("A1:E1")
    ws.append(["项目", "代码", "资金（万元）", "完成率", "完成时间"])
    ws.append(["老旧小区改造", "X1", 1234.5, 0.853, dt.datetime(2023, 6, 30)])
    ws.append(["校验行", "X2", 99999, 9.99, None])
    ws.append(["合计", "X3", 1234.5, 0.853, None])
    ws["C3"].number_format = ws["C5"].number_format = "#,##0.00"
    ws["D3"].number_format = ws["D5"].number_format = "0.0%"
    ws["E3"].number_format = 'yyyy"年"m"月"d"日"'
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["B"].hidden = True
    box = Side(style="thin")
    for row in ws["F1:J30"]:
        for cell in row:
            cell.border = Border(left=box, right=box, top=box, bottom=box)
    secret = book.create_sheet("隐藏")
    secret.append(["不应读出"])
    secret.sheet_state = "hidden"
    book.save(path)


def test_xlsx_shows_formats_and_leaves_hidden_out(tmp_path):
    path = tmp_path / "habits.xlsx"
    _workbook_with_habits(path)
    d = read(path)
    assert d.text().splitlines()[0] == "2023年民生实事进展表"
    (table,) = d.tables()
    assert table.rows() == [["项目", "资金（万元）", "完成率", "完成时间"],
                            ["老旧小区改造", "1,234.50", "85.3%", "2023年6月30日"],
                            ["合计", "1,234.50", "85.3%", ""]]
    assert "不应读出" not in d.text() and "校验行" not in d.text()
    assert any("hidden" in w for w in d.warnings)


def test_xls_shows_formats_and_leaves_hidden_out(tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("附件1")
    rows = [["项目", "代码", "资金（万元）", "完成率", "完成时间"],
            ["老旧小区改造", "X1", 1234.5, 0.853, dt.datetime(2023, 6, 30)],
            ["校验行", "X2", 99999, 9.99, ""]]
    styles = [None, None, xlwt.easyxf(num_format_str="#,##0.00"), xlwt.easyxf(num_format_str="0.0%"),
              xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"')]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ws.write(r, c, v, styles[c]) if styles[c] and r else ws.write(r, c, v)
    ws.row(2).hidden = True
    ws.col(1).hidden = True
    secret = book.add_sheet("隐藏")
    secret.write(0, 0, "不应读出")
    secret.visibility = 1
    book.save(str(tmp_path / "habits.xls"))
    d = read(tmp_path / "habits.xls")
    (table,) = d.tables()
    assert table.rows() == [["项目", "资金（万元）", "完成率", "完成时间"],
                            ["老旧小区改造", "1,234.50", "85.3%", "2023年6月30日"]]
    assert "不应读出" not in d.text() and "校验行" not in d.text()


@pytest.mark.parametrize("folder", ["xlsx", "xls"])
def test_summary_workbook_reads_as_printed(folder):
    d = doc(one(folder, "016"))
    text = d.text()
    assert "区划代码" not in text and "999999" not in text, "hidden column and check row left out"
    tables = list(d.tables())
    assert [t.sheet for t in tables] == ["附件1", "附件2"]
    first = tables[0].rows()
    assert first[0][0] == "序号" and tables[0].n_cols == 6, "the formatted empty cells add no columns"
    assert first[1] == ["", "全州", "21,000", "13,966", "66.50%", ""], "SUM formulas read as their values"
    assert first[2] == ["1", "凯里市", "1,800", "1,391", "77.28%", "1"], "=E8/D8 (0.77277…) shown '0.00%'"
    assert "填报单位（盖章）：黔东南苗族侗族自治州农业农村局 填报日期： 2022年9月6日" in paragraphs_raw(d)


def paragraphs_raw(d) -> list[str]:
    return [b.text for b in d.blocks if isinstance(b, Paragraph)]


# ---------------------------------------------------------------- DOCX (and DOC: the same saved by LibreOffice)

@pytest.mark.parametrize("folder", ["docx", "doc"])
def test_docx_automatic_numbers_are_written_back(folder):
    got = paragraphs(doc(one(folder, "004")))
    assert "一、目标任务" in got and "三、工作要求" in got
    assert [t[:7] for t in got if t.startswith("（")][:4] == ["（一）明确责任", "（二）保障资金", "（三）强化调度", "（四）严格考核"]


@pytest.mark.parametrize("folder", ["docx", "doc"])
def test_docx_text_box_read_once_before_its_paragraph(folder):
    got = paragraphs(doc(one(folder, "004")))
    at = got.index("2016年3月8日")
    assert got[at - 1] == "大方县人民政府办公室", "the issuer's text box, once, before the date it sits by"
    assert got.count("大方县人民政府办公室") == 1


@pytest.mark.parametrize("folder", ["docx", "doc"])
def test_docx_revisions_hidden_text_fields_and_furniture(folder):
    d = doc(one(folder, "004"))
    text = d.text()
    assert "建设公共租赁住房５００套" in text and "４００" not in text, "deleted revision dropped"
    assert "核稿" not in text, "hidden text dropped"
    assert "CREATEDATE" not in text and "2016年3月8日" in text, "a field's result, not its code"
    assert "大方县人民政府办公室文件" not in text and "— 1 —" not in text, "header and footer are furniture"


@pytest.mark.parametrize("folder", ["docx", "doc"])
def test_docx_layout_table_is_unwrapped(folder):
    tables = list(doc(one(folder, "004")).tables())
    assert len(tables) == 1 and (tables[0].n_rows, tables[0].n_cols) == (11, 7)
    assert tables[0].rows()[0][:2] == ["序号", "项目名称"]


@pytest.mark.parametrize("folder", ["docx", "doc"])
def test_docx_soft_break_keeps_lines_of_one_paragraph(folder):
    d = doc(one(folder, "004"))
    title = next(b for b in d.blocks if isinstance(b, Paragraph) and "关于印发" in b.text)
    assert title.text == "大方县人民政府办公室\n关于印发大方县2016年十件民生实事实施方案的通知"


def _docx(tmp_path: Path, body: str, numbering: str, styles: str = "") -> Path:
    """A DOCX whose body, numbering and extra styles are the given WordprocessingML."""
    import docx as pydocx
    from docx.oxml import parse_xml

    sys.path.insert(0, str(REALISTIC))
    import make_realistic as mr

    document = pydocx.Document()
    document.part.numbering_part._element = parse_xml(f"<w:numbering {mr.DECLS}>{numbering}</w:numbering>")
    if styles:
        mr._add(document.styles.element, styles)
    mr._add(document.element.body, body)
    document.element.body.append(document.element.body.find(f"{{{mr.NS['w']}}}sectPr"))
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    return path


def test_docx_numbering_through_styles_tables_overrides_and_moves(tmp_path):
    lvl = '<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
    numbering = (
        '<w:abstractNum w:abstractNumId="1">' + lvl.format(i=0, s=1, f="chineseCounting", t="第%1条") +
        lvl.format(i=1, s=1, f="decimal", t="%1.%2") + '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2">' + lvl.format(i=0, s=1, f="decimal", t="%1") + '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="3">' + lvl.format(i=0, s=1, f="bullet", t="\uf06c") + '</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="2"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>')
    styles = ('<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="条"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Article2"><w:name w:val="条二"/><w:basedOn w:val="Article"/></w:style>')

    def p(text: str, ppr: str = "") -> str:
        return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'

    def num(n: int, i: int = 0) -> str:
        return f'<w:numPr><w:ilvl w:val="{i}"/><w:numId w:val="{n}"/></w:numPr>'

    cells = "".join(f'<w:tr><w:tc>{p("", num(2))}</w:tc><w:tc>{p(name)}</w:tc></w:tr>' for name in ("甲", "乙", "丙"))
    body = (p("总则", '<w:pStyle w:val="Article"/>') + p("目标", '<w:pStyle w:val="Article2"/>')
            + p("细则", '<w:pStyle w:val="Article2"/>' + num(1, 1))
            + f'<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{cells}</w:tbl>'
            + p("续编", num(4)) + p("要点", num(3))
            + '<w:p><w:moveFrom w:id="1" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom>'
            '<w:moveTo w:id="2" w:author="a"><w:r><w:t>新处</w:t></w:r></w:moveTo></w:p>')
    d = read(_docx(tmp_path, body, numbering, styles))
    assert paragraphs(d) == ["第一条总则", "第二条目标", "二.1细则", "11续编", "要点", "新处"]
    assert [r[0] for r in next(d.tables()).rows()] == ["1", "2", "3"], "a 序号 column numbered by Word"


# ---------------------------------------------------------------- HTML

def test_html_layout_tables_are_page_regions_not_tables():
    d = doc(one("html", "017"))
    assert d.encoding == "gb18030", "the GB2312 <meta> is read as its superset"
    tables = list(d.tables())
    assert len(tables) == 1, "banner, menu, sidebar and article cells are not tables"
    assert (tables[0].n_rows, tables[0].n_cols) == (17, 10)
    text = d.text()
    for chrome in ("首页", "脱贫攻坚", "统计代码", "打印本页", "版权所有"):
        assert chrome not in text, chrome


def test_html_paragraphs_padding_and_breaks():
    got = [b.text for b in doc(one("html", "017")).blocks if isinstance(b, Paragraph)]
    assert "来源:自治区人民政府办公厅 发布时间:2019-10-24 16:30" in got      # who published it stays beside the date
    assert not [t for t in got if t != t.strip() or t.startswith(("\u3000", "\xa0"))], "&nbsp; indents are gone"
    want = corpus_paragraphs("017")
    assert [t for t in want if t.startswith("（")] == [squash(t) for t in got if t.startswith("（")], \
        "paragraphs run together with <br /><br /> are paragraphs"


def test_html_cells_keep_breaks_spans_and_blank_nbsp():
    table = next(doc(one("html", "017")).tables())
    top = {c.text: c for c in table.cells if c.row == 0}
    assert top["设区市"].rowspan == 2 and top["农村改厕\n（户）"].colspan == 3
    assert table.rows()[8][7:] == ["—", "—", "—"] and table.rows()[1][0] == ""


def test_html_declared_gb2312_but_saved_as_utf8():
    """A browser's or a CMS's copy: the bytes re-encoded to UTF-8, the <meta> still gb2312."""
    raw = (REALISTIC / one("html", "017")).read_bytes().decode("gbk").encode("utf-8")
    assert b"charset=gb2312" in raw
    d = read_bytes(raw, "saved.html")
    assert d.encoding == "utf-8"
    assert paragraphs(d) == paragraphs(doc(one("html", "017")))


def test_docx_rows_in_content_controls_deleted_rows_and_embedded_chunks(tmp_path):
    def row(*texts: str, deleted: bool = False) -> str:
        pr = '<w:trPr><w:del w:id="9" w:author="a"/></w:trPr>' if deleted else ""
        return f"<w:tr>{pr}" + "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in texts) + "</w:tr>"

    body = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>' + row("项目", "目标")
            + f"<w:sdt><w:sdtPr/><w:sdtContent>{row('农村改厕', '1200户')}</w:sdtContent></w:sdt>"
            + row("已删除", "9999户", deleted=True)
            + '<w:tr><w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>饮水安全</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>'
            '<w:tc><w:p><w:r><w:t>3万人</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdX"/>')
    d = read(_docx(tmp_path, body, ""))
    assert next(d.tables()).rows() == [["项目", "目标"], ["农村改厕", "1200户"], ["饮水安全", "3万人"]]
    assert any("altChunk" in w for w in d.warnings)
