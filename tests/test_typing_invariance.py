"""One report typed in the ways real ones are: full-width figures (８５．３％), full-width pipes (｜), Chinese or
ASCII brackets and colons, a blank line after every line (a web page's paragraphs copied one by one), a
space between Chinese and each figure (新建公共充电桩 300 个, as Word and PDFs set it), traditional characters,
thousands separators (1,200).  Every typing reads the same facts as the plain one: the tables are found in
each, and the figures in their cells are the same figures.  The document is our own, in the genre: a
summary table written one cell a line (地区, two indicators with their units, 目标 / 进度 / 完成比例 under
each, a region and its six figures a row), a pipe table, and a sentence of progress."""
import re

import pytest
from extract_helpers import run

MATRIX = ["地区", "城镇新增就业(人)", "农村公路提质改造(公里)", "目标", "进度", "完成比例(%)", "目标", "进度", "完成比例(%)",
          "甲县", "1200", "1050", "87.5", "60", "48", "80.0",
          "乙县", "900", "930", "103.3", "45", "45", "100.0",
          "丙区", "1500", "1320", "88.0", "30", "21", "70.0"]
PIPES = ["序号 | 项目名称 | 责任单位 | 目标任务 | 1-9月完成 | 完成率%",
         "1 | 新建城市公园 | 市住建局 | 6个 | 5个 | 83.3",
         "2 | 改造老旧小区 | 市住建局 | 42个 | 39个 | 92.9",
         "3 | 新增普惠托位 | 市卫健委 | 800个 | 610个 | 76.3"]
PROSE = "另外，全年计划新建公共充电桩300个，已建成264个，完成年度任务的88%。"
PLAIN = "\n".join(["某市2026年民生实事项目1-9月完成情况表", "", "来源:市民生办", "", *MATRIX, "", *PIPES, "", PROSE]) + "\n"

WIDE = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def wide_figures(text: str) -> str:
    return text.translate(WIDE)


def wide_pipes(text: str) -> str:
    return text.replace("|", "｜")


def chinese_brackets(text: str) -> str:
    return text.replace("(", "（").replace(")", "）").replace(":", "：")


def spaced_figures(text: str) -> str:
    """新建公共充电桩 300 个: one space between Chinese and a figure, as Word or a PDF sets it."""
    text = re.sub(r"([\u4e00-\u9fff])(\d)", r"\1 \2", text)
    return re.sub(r"(\d|%)([\u4e00-\u9fff])", r"\1 \2", text)


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def thousands(text: str) -> str:
    """1,200 / 1,050: figures of four digits and more with thousands separators, as a spreadsheet writes them."""
    return re.sub(r"(?<![\d.-])(\d)(\d{3})(?![\d.年])", r"\1,\2", text)


def double_spaced(text: str) -> str:
    return "\n\n".join(text.split("\n"))


def facts(text: str) -> list[tuple]:
    r = run(text)
    return sorted((p.name, tuple((t.value, t.unit) for t in p.targets),
                   tuple((g.completed.value if g.completed else None, g.rate, g.region) for g in p.progress),
                   tuple(p.lead_units)) for p in r.projects)


def test_the_plain_typing_reads_every_fact():
    got = facts(PLAIN)
    assert len(got) == 10
    assert ("城镇新增就业", ((900.0, "人"),), ((930.0, 103.3, "乙县"),), ()) in got
    assert ("新增普惠托位", ((800.0, "个"),), ((610.0, 76.3, None),), ("市卫健委",)) in got
    assert ("新建公共充电桩", ((300.0, "个"),), ((264.0, 88.0, None),), ()) in got


@pytest.mark.parametrize("typing", [
    wide_figures, wide_pipes, chinese_brackets, double_spaced, spaced_figures, traditional, thousands,
    lambda t: double_spaced(chinese_brackets(wide_pipes(wide_figures(t)))),
], ids=["full-width-figures", "full-width-pipes", "chinese-brackets", "a-blank-line-after-each",
        "a-space-around-figures", "traditional-characters", "thousands-separators", "four-at-once"])
def test_another_typing_reads_the_same_facts(typing):
    assert typing(PLAIN) != PLAIN
    assert facts(typing(PLAIN)) == facts(PLAIN)


def test_a_double_spaced_text_keeps_the_line_numbers_it_is_written_with():
    from pipeline.readers import read_bytes

    doc = read_bytes(double_spaced(PLAIN).encode("utf-8"), source="t.txt", fmt="txt")
    matrix, pipes = doc.tables()
    for cell in pipes.cells:
        assert cell.text in doc.lines[cell.line - 1]
    regions = [c for c in matrix.cells if c.col == 0 and c.row >= matrix.header_rows]
    assert [(c.text, doc.lines[c.line - 1]) for c in regions] == [("甲县", "甲县"), ("乙县", "乙县"), ("丙区", "丙区")]
    paragraph = next(b for b in doc.blocks if getattr(b, "text", "").startswith("另外"))
    assert doc.lines[paragraph.line - 1] == PROSE


@pytest.mark.parametrize("written, read", [
    ("已建成 264 个", "已建成264个"),
    ("截至 2026 年 9 月底", "截至2026年9月底"),
    ("完成率 88% ，", "完成率88% ，"),
    ("甲县  1200  1050", "甲县  1200  1050"),          # a run of spaces: columns, kept
    ("市民生办\u30002026-10-16", "市民生办 2026-10-16"),  # an ideographic space separates on purpose
    ("Section 3 of 5", "Section 3 of 5"),              # no Chinese beside the figure
])
def test_one_space_beside_a_figure_is_no_gap(written, read):
    from extractors.normalize import normalize

    n = normalize(written)
    assert n.text == read
    assert n.source(0, len(n.text)) == written.strip()


INDEXED = """索引号 | 11330000/2026-00417 | 公开方式 | 主动公开 |
发布单位 | 市府办 | 发文日期 | 2026-10-12 |
某市2026年民生实事项目进展情况表（截至9月底）
序号 | 项目内容 | 进展情况 | 责任单位 |
1 | 新建口袋公园8个。 | 已建成6个。 | 市住建局 |
新增城市绿道20公里。 | 已建成绿道17公里。 | |
2 | 改造农村公路危桥15座。 | 已完成改造11座。 | 市交通局 |
"""


def tabbed(text: str) -> str:
    """A table copied out of a spreadsheet: its cells separated by tabs instead of pipes."""
    return "\n".join("\t".join(c.strip() for c in line.strip().strip("|").split("|")) if line.count("|") >= 2 else line
                     for line in text.split("\n"))


def test_a_table_copied_with_tabs_reads_as_with_pipes():
    # the title between a page's index block and the table opens the table; a row without its number
    # (a second indicator of the item above) keeps its cells under their columns
    piped, tabs = facts(INDEXED), facts(tabbed(INDEXED))
    assert tabs == piped
    assert [(t[1], t[2]) for t in piped] == [(((15.0, "座"),), ((11.0, None, None),)),
                                            (((20.0, "公里"),), ((17.0, None, None),)),
                                            (((8.0, "个"),), ((6.0, None, None),))]


MEASURED = """某县2026年民生实事1-9月完成情况表
序号 | 项目 | 单位 | 年度目标 | 完成数 | 完成率 |
1 | 免费产前筛查 | 人次 | 2800 | 1564 | 55.9% |
2 | 城乡居民参保 | 人 | 12500 | 11875 | 95.0% |
3 | 新建幼儿园 | 所 | 6 | 4 | 66.7% |
"""


def test_a_unit_columns_bare_figures_with_thousands_separators():
    # 2,800 | 1,564 under a 单位 column of 人次: the same figures as 2800 | 1564
    assert facts(thousands(MEASURED)) == facts(MEASURED)
    assert (((12500.0, "人"),), ((11875.0, 95.0, None),)) in [t[1:3] for t in facts(MEASURED)]


CELLS = ["序号", "项目内容", "年度目标", "进展情况", "责任单位",
         "1", "新建城市口袋公园和街角游园", "8个", "已建成6个，其余2个正在进行绿化种植和园路铺装施工", "市住建局",
         "2", "改造农村公路危桥", "15座", "已完成改造11座，4座完成桥梁基础施工，预计11月底前全部完工", "市交通局",
         "3", "新增普惠托位", "800个", "已新增610个", "市卫健委"]


def test_a_cell_wrapped_in_a_table_written_one_cell_a_line():
    # cells between blank lines, as a web page's table copies; a PDF's copy wraps the long ones over two lines
    plain = "某市2026年民生实事项目进展情况\n\n" + "\n\n".join(CELLS) + "\n"
    wrapped = "某市2026年民生实事项目进展情况\n\n" + "\n\n".join(
        c if len(c) <= 16 else c[:16] + "\n" + c[16:] for c in CELLS) + "\n"
    assert wrapped.count("\n") > plain.count("\n")
    got = facts(plain)
    assert sorted((t[1], t[3]) for t in got) == sorted([(((15.0, "座"),), ("市交通局",)), (((8.0, "个"),), ("市住建局",)),
                                                      (((800.0, "个"),), ("市卫健委",))])
    assert facts(wrapped) == got


SPACED_ROWS = """某县2026年1-9月民生实事落实情况
序号 实事项目 单位 年度目标 完成数 完成比例 责任单位
1 城镇新增就业 人 5200 4680 90.0% 县人力资源和社会保障局
2 改造农村公路 公里 120 96 80.0% 县交通运输局
3 新增养老床位 张 300 240 80.0% 县民政局
"""


def test_a_space_separated_row_whose_last_cell_wrapped():
    # a fold cuts the long unit name at the end of a row onto a line of its own
    wrapped = SPACED_ROWS.replace("县人力资源和社会保障局", "县人力资源和\n社会保障局").replace("县交通运输局", "县交通\n运输局")
    got = facts(SPACED_ROWS)
    assert ("城镇新增就业", ((5200.0, "人"),), ((4680.0, 90.0, None),), ("县人力资源和社会保障局",)) in got
    assert facts(wrapped) == got
