"""Every format reads, and the same seed gives the same text from every format.

The samples are made by samples/make_samples.py from ../shared/seeds; a format listed in
READERS without a sample folder fails here.
"""
from __future__ import annotations

import functools
import re
import sys
import time
from pathlib import Path

import pytest

from pipeline.readers import READERS, read, read_bytes
from pipeline.readers import text as text_reader
from pipeline.readers.doc import soffice
from pipeline.readers.pdf import garbled

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(SAMPLES))
import writers

# sample folder -> the format the reader reports
FOLDERS = {"txt": "txt", "gbk": "txt", "big5": "txt", "html": "html", "pdf": "pdf", "docx": "docx",
           "doc": "doc", "xls": "xls", "xlsx": "xlsx"}
SEEDS = sorted(p.stem for p in (SAMPLES / "txt").glob("*.txt"))
NOT_TEXT = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]")


@functools.cache
def cached(path: Path):
    """Each sample read once per session (a .doc costs a LibreOffice run)."""
    return read(path)


def sample(folder: str, seed: str) -> Path:
    found = list((SAMPLES / folder).glob(f"{seed}.*"))
    assert found, f"no {folder} sample for {seed}: run samples/make_samples.py"
    return found[0]


def content(doc) -> str:
    """The document's words in reading order: paragraphs, then each table row by row;
    layout, spaces and punctuation aside.  The site's 发布时间 line is chrome in HTML."""
    parts = []
    for b in doc.blocks:
        if b.kind == "paragraph":
            if "发布时间" not in b.text:
                parts.append(b.text)
        else:
            parts += [t for row in b.rows() for t in row]
    return NOT_TEXT.sub("", "".join(parts))


def test_seeds_present():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_format_has_samples(fmt):
    folders = [f for f, reported in FOLDERS.items() if reported == fmt]
    assert folders, f"format {fmt} has no sample folder"
    for folder in folders:
        assert len(list((SAMPLES / folder).glob("*"))) >= len(SEEDS), f"samples/{folder} is incomplete"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_same_content_in_every_format(folder, seed):
    if folder == "doc" and soffice() is None:
        pytest.skip("reading .doc needs LibreOffice")
    doc = cached(sample(folder, seed))
    assert doc.format == FOLDERS[folder]
    assert doc.sha256 and doc.lines
    txt = sample("txt", seed)
    if folder == "big5":
        expected = text_reader.read(writers.big5_text(txt.read_text("utf-8")).encode("utf-8"), "big5")
        assert doc.encoding == "big5"
    else:
        expected = read(txt)
    if folder == "gbk":
        assert doc.encoding == "gb18030"
    assert content(doc) == content(expected)


@pytest.mark.parametrize("seed", SEEDS[:3])
@pytest.mark.parametrize("folder", ["docx", "doc", "xls", "xlsx", "html", "pdf"])
def test_tables_keep_structure(folder, seed):
    if folder == "doc" and soffice() is None:
        pytest.skip("reading .doc needs LibreOffice")
    doc = cached(sample(folder, seed))
    tables = list(doc.tables())
    assert len(tables) == 1, "one table, also when it runs over a page break"
    table = tables[0]
    expected = next(read(sample("docx", seed)).tables())
    assert (table.n_rows, table.n_cols) == (expected.n_rows, expected.n_cols)
    assert any(c.rowspan > 1 for c in table.cells), "vertical merges survive"
    assert table.row_lines and all(c.line for c in table.cells)
    if folder in ("xls", "xlsx"):
        assert table.sheet == "附件"
    if folder == "pdf":
        assert table.page is not None


def test_two_row_header_of_001():
    for folder in ("docx", "xlsx", "xls", "html", "pdf", "doc"):
        if folder == "doc" and soffice() is None:
            continue
        table = next(cached(sample(folder, SEEDS[1])).tables())
        assert table.header_rows == 2, folder
        top = {c.text.replace(" ", ""): c for c in table.cells if c.row == 0}
        assert top["责任人"].colspan == 2 and top["序号"].rowspan == 2, folder


@pytest.mark.parametrize("fmt", ["docx", "xls", "xlsx"])
def test_merges_give_spans_and_filled_view(fmt):
    table = next(read(SAMPLES / "merges" / f"merge.{fmt}").tables())
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells}
    assert spans[(0, 0)] == (2, 1, "序号")
    assert spans[(0, 2)] == (1, 2, "责任人")            # horizontal merge
    assert spans[(2, 2)] == (2, 1, "张三")              # vertical merge
    assert table.header_rows == 2
    assert table.rows()[3] == ["2", "农村危房改造", "", "区住建局"]
    assert table.filled()[3] == ["2", "农村危房改造", "张三", "区住建局"]
    assert table.filled()[0][3] == "责任人" and table.filled()[1][0] == "序号"


def test_html_keeps_who_published_beside_the_date():
    """来源 and 作者 in a byline with the date and page tools may name the region: they stay, the tools go."""
    from pipeline.readers import read_bytes

    page = ("<html><body><p>关于某事的通报</p><p>来源:某县人民政府办公室 作者:本站 发布时间:2031-05-09 10:30 "
            "浏览次数:120 【打印】【关闭】</p><p>正文第一段。</p></body></html>")
    doc = read_bytes(page.encode("utf-8"), source="t.html", fmt="html")
    assert "来源:某县人民政府办公室 发布时间:2031-05-09 10:30" in doc.lines


def test_html_strips_chrome_and_keeps_the_date():
    doc = read(sample("html", SEEDS[3]))
    assert "发布时间:2016-12-26 20:43:08" in doc.lines
    text = doc.text()
    for chrome in ("阅读次数", "打印本页", "关闭窗口", "扫一扫", "字体", "当前位置", "版权所有", "政务公开"):
        assert chrome not in text
    assert read(sample("html", SEEDS[4])).encoding == "gb18030"     # <meta charset=gb2312>


def test_html_spans_and_nested_table():
    page = ('<html><body><p>附件</p><table><tr><td rowspan="2">1</td><td colspan="2">甲乙</td></tr>'
            '<tr><td>丙</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table></body></html>')
    table = next(read_bytes(page.encode(), "t.html").tables())
    assert table.filled() == [["1", "甲乙", "甲乙"], ["1", "丙", "a\tb"]]


def test_xlsx_with_absurd_dimensions(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "项目", "指标", "就业", "8950人"
    ws["A1048576"] = "x"
    book.save(tmp_path / "tall.xlsx")
    doc = read(tmp_path / "tall.xlsx")
    assert any("100000 rows" in w for w in doc.warnings)
    assert next(doc.tables()).rows() == [["项目", "指标"], ["就业", "8950人"]]


def test_xls_numbers_and_dates(tmp_path):
    import datetime as dt

    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("表1")
    ws.write(0, 0, "完成时限")
    ws.write(0, 1, "数量")
    ws.write(1, 0, dt.date(2017, 9, 30), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    ws.write(1, 1, 8950.0)
    ws.write(2, 0, "比例")
    ws.write(2, 1, 44.63)
    book.save(str(tmp_path / "n.xls"))
    rows = next(read(tmp_path / "n.xls").tables()).rows()
    assert rows[1] == ["2017-09-30", "8950"] and rows[2] == ["比例", "44.63"]


@pytest.mark.parametrize("text, expected", [
    ("重点民生实事项目进展情况" * 3, False),
    ("(cid:12)(cid:34)(cid:56)(cid:78) 项目", True),
    ("\ufffd\ufffd\ufffd\ufffd\ufffd项目进展情况", True),
    ("ÖØµãÃñÉúÊµÊÂÏîÄ¿½øÕ¹Çé¿ö", True),                        # GBK read as Latin-1
    ("Annual report on livelihood projects 2017", False),
], ids=["cjk", "cid", "replacement", "mojibake", "english"])
def test_garbled_pages_are_detected(text, expected):
    assert garbled(text) is expected


def test_read_time_per_format():
    """Time to read each sample format (printed, not asserted: run with -s to see it)."""
    report = []
    for folder in sorted(FOLDERS):
        if folder == "doc" and soffice() is None:
            continue
        start = time.perf_counter()
        for seed in SEEDS:
            read(sample(folder, seed))
        report.append(f"{folder} {(time.perf_counter() - start) * 1000 / len(SEEDS):.0f} ms")
    print("\nmean read time per sample: " + ", ".join(report))


def test_category_line_inside_a_tab_table_is_a_row_spanning_it():
    """045: a 责任分解表 whose rows are grouped under category lines without tabs stays one
    table under its header; each category is one cell spanning every column, as a merged
    category row of a DOCX or XLSX table reads."""
    lines = ["附件", "序号\t项目名称\t目标任务\t牵头单位", "一、就业和社会保障（3项）",
             "1\t就业创业\t城镇新增就业5200人\t县人社局", "2\t社会救助\t低保标准不低于700元\t县民政局",
             "二、教育卫生（1项）", "3\t学前教育\t新建幼儿园5所\t县教育局", "", "注：表中资金为计划安排数。"]
    blocks = text_reader.parse_lines(lines)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.rows()[0] == ["序号", "项目名称", "目标任务", "牵头单位"]
    sections = [c for c in table.cells if c.colspan > 1]
    assert [(c.text, c.row, c.col, c.colspan) for c in sections] == [
        ("一、就业和社会保障（3项）", 1, 0, 4), ("二、教育卫生（1项）", 4, 0, 4)]
    assert table.n_rows == 6 and table.row_lines == [2, 3, 4, 5, 6, 7]
    assert [b.text for b in blocks if b.kind == "paragraph"] == ["附件", "注：表中资金为计划安排数。"]


@pytest.mark.parametrize("between", [
    "",                                                   # a blank line ends the table
    "经研究，现将上述项目的任务分解如下，请各单位认真抓好落实。",  # a sentence, not a heading
    "全年目标任务已下达。",
], ids=["blank", "long-sentence", "sentence"])
def test_line_between_tab_rows_that_is_no_category_splits(between):
    lines = ["序号\t项目\t牵头单位", "1\t就业\t县人社局", between, "2\t低保\t县民政局", "3\t教育\t县教育局"]
    tables = [b for b in text_reader.parse_lines(lines) if b.kind == "table"]
    assert not any(c.colspan > 1 for t in tables for c in t.cells)
    assert tables[0].n_rows == 2


def _flat(rows: list[list[str]], after: list[str] = ()) -> list[str]:
    """A flattened table: one cell a line, each after a tab, rows apart by a blank line."""
    lines = []
    for row in rows:
        lines += ["\t" + t for t in row] + [""]
    return lines + list(after)


def test_flattened_total_row_opens_a_row_of_its_own():
    """046: the 合计 row (合计 in the 序号 column, a text in the 项目 column) was glued onto the
    last data row, so that row's cells were lost and the total's shifted."""
    rows = [["序号", "项目名称", "年度目标", "累计完成", "责任单位"]]
    rows += [[str(k), f"项目{k}", f"{k}0个", f"{k}个", "区民政局"] for k in range(1, 6)]
    rows += [["合计", "5项", "", "", ""]]
    table = text_reader.rows_to_table(text_reader._flattened_cells(_flat(rows), 0)[1])
    assert table.rows() == rows


def test_note_after_a_flattened_table_is_a_paragraph():
    """A line without a tab after a blank line continues the last cell only when more cells
    follow; a 注 under the table, with nothing but prose after it, is a paragraph."""
    rows = [["序号", "项目", "责任单位"], ["1", "就业", "区人社局"], ["2", "低保", "区民政局"]]
    blocks = text_reader.parse_lines(_flat(rows, ["注：完成率为累计完成数与年度目标之比。", "",
                                                  "审核人：邹  丽"]))
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows() == rows
    assert next(b.text for b in blocks if b.kind == "paragraph").startswith("注：")
    # a second paragraph of a cell, a blank line above it, with cells after it stays in the cell
    lines = _flat([["序号", "项目", "责任单位"], ["1", "就业", "区人社局"]])[:-1] + ["", "区财政局", "\t2", "\t低保",
                                                                          "\t区民政局"]
    table = next(b for b in text_reader.parse_lines(lines) if b.kind == "table")
    assert table.rows()[1] == ["1", "就业", "区人社局\n区财政局"]


def _pdf_lines(*lines: tuple[str, bool]) -> list[tuple[int, dict]]:
    """Lines of one PDF page for the paragraph joiner: (text, runs to the right margin)."""
    return [(1, {"text": t, "x0": 90.0, "x1": 505.0 if full else 300.0, "top": 100.0 + 24 * k, "size": 16.0,
                 "lead": 0.0, "width": 0.0}) for k, (t, full) in enumerate(lines)]


@pytest.mark.parametrize("first, second, joined", [
    ("2.农村劳动力转移就业培训4000人次，完成年度任务的103.2%。（县人社局）", "3.城乡居民养老保险参保率达到95%以上。", False),
    ("2.培训4000人次，完成年度任务的103.2%。", "3．城乡居民养老保险参保率达到95%以上。", False),
    ("（二）社区健康服务机构扩容提质，新建改造社区健康服务机构15家", "（三）长者饭堂和养老床位建设。", False),
    ("二、农村危房改造，计划改造农村危房1200户，已竣工980户", "三、农村饮水安全。", False),
    ("①新建城区学校4所，已全部建成并投入使用，完成率100%；", "②新增学位6300个。", False),
    ("一是选址准备不足，导致2项指标未按期完成。", "第二，后续管护资金不足。", False),
    ("全年城镇新增就业7862人，完成年度任务的104.8%，其中困难人员", "3.5万人次。", True),
    ("（二）新建改造社区健康服务机构，全年计划", "3.新建改造15家。", True),
    ("全年城镇新增就业7862人，完成年度任务的104.8%，完成", "3个小区的改造。", True),
    ("【目标】新建村级互助养老服务站20个；为1200名老年人提供居家养老服务补贴", "【牵头单位】县民政局", False),
    ("全年计划投入资金1.2亿元，其中省级资金按照", "【2023】5号文件下达。", True),
    # an item dot right before a figure: '8．65岁…' after item 7．, but not after item 5．
    ("7．技能培训（县人社局）。目标任务2,400人，实际完成2,184人，计划于2018年1月底前补训到位", "8．65岁以上老年人健康体检。", False),
    ("5．技能培训（县人社局）。目标任务2,400人，实际完成2,184人，计划于2018年1月底前补训到位", "8．65岁以上老年人健康体检。", True),
], ids=["bracket-after-stop", "fullwidth-dot", "sequence", "chinese", "circled", "ordinal",
        "decimal", "other-style", "no-item", "field-label", "bracket-in-prose", "dot-before-figure-next-number",
        "dot-before-figure-not-the-next"])
def test_pdf_line_opening_an_item_starts_a_paragraph(first, second, joined):
    """056: items 3. 6. 15. were folded into the item before, whose line ran to the margin;
    a line opening an item starts a paragraph after a sentence's end (。 or 。（县人社局）) or
    after the item before it in the same style; a wrapped 3.5万 does not."""
    from pipeline.readers.pdf import _assemble

    got = [b.text for b in _assemble(_pdf_lines((first, True), (second, False)))]
    assert got == ([first + second] if joined else [first, second])


def _chars(*runs: tuple[str, float]) -> list[dict]:
    """Characters of a PDF line at 10.5 pt: (text, gap before it in points); a space is drawn
    as a character of its own, as ReportLab and most printers do."""
    out, x = [], 60.0
    for text, gap in runs:
        for ch in text:
            x += gap
            width = 2.2 if ch == " " else (4.9 if ch.isascii() else 10.5)
            out.append({"text": ch, "x0": x, "x1": x + width, "size": 10.5})
            x, gap = x + width, 0.0
    return out


@pytest.mark.parametrize("runs, expected", [
    ((("容县发布", 0), (" ", 0), ("2024-02-28", 0), (" ", 0), ("18:30", 0)), "容县发布 2024-02-28 18:30"),
    ((("2019", 0), ("年", 1.5)), "2019年"),                    # Word's autospace: a gap, no space drawn
    ((("编辑：韦", 0), (" ", 0), ("婷", 0)), "编辑：韦婷"),   # a name padded between Chinese
    ((("牵头领导:周立新", 0), (" ", 0), ("责任单位:县住建局", 0)), "牵头领导:周立新 责任单位:县住建局"),
    ((("责任领导:郝立川", 0), (" ", 0), ("市委副书记", 0)), "责任领导:郝立川 市委副书记"),
], ids=["typed-space-by-digits", "autospace", "padded-name", "space-between-fields", "space-before-a-post"])
def test_pdf_space_drawn_beside_a_digit_is_a_space(runs, expected):
    """049: 2024-02-28 18:30 read as 2024-02-2818:30 (the space is narrower than pdfplumber's
    tolerance, and a line's chars leave it out), so the date was lost."""
    from pipeline.readers.pdf import _line_text

    assert _line_text(_chars(*runs)) == expected


def test_pdf_mark_hanging_over_a_cell_border_stays_in_its_cell():
    """045 as PDF: 县财政局、县市场监管局、文林街道 wrapped with its 、 hanging over the cell's right
    border (a mark may not open a line), and the 、 went to the next column's 2022年12月底."""
    from types import SimpleNamespace

    from pipeline.readers.pdf import _table

    def chars(text: str, x: float, top: float) -> list[dict]:
        return [{"text": ch, "x0": x + 8 * k, "x1": x + 8 * (k + 1), "top": top, "bottom": top + 8, "size": 8}
                for k, ch in enumerate(text)]

    rects = [(10.0, 0.0, 90.0, 30.0), (90.0, 0.0, 170.0, 30.0)]
    found = SimpleNamespace(rows=[SimpleNamespace(cells=rects)])
    # a full line, its 、 from 2 pt before the border at 90 to 6 pt past it, then the next line
    page = chars("县财政局、县市场局、", 16, 2) + chars("文林街道", 12, 12) + chars("2022年12月底", 92, 2)
    assert page[9]["text"] == "、" and page[9]["x0"] == 88
    table = _table(found, page, 1)
    assert [c.text for c in table.cells] == ["县财政局、县市场局、文林街道", "2022年12月底"]
