"""Tables written in plain text without tabs (pipeline/readers/text_tables.py): one cell a line
(blank-separated or ending in ' |'), single-space rows under a 序号 header, and pipe rows that lost
their 序号 cell.  Every snippet is written here, in the genre, with invented names and numbers."""
import io

import pytest

from pipeline.readers import text as text_reader


def tables(lines: list[str]):
    return [b for b in text_reader.parse_lines(lines) if b.kind == "table"]


def blank_separated(cells: list[str]) -> list[str]:
    out: list[str] = []
    for c in cells:
        out += [c, ""]
    return out


def barred(cells: list[str]) -> list[str]:
    return [f"{c} |" if c else "|" for c in cells]


CELL_LINE_CASES = [
    (  # numbered from 31, cells apart by blank lines, a label broken over two lines (牵头 / 县领导)
        ["通报如下", ""] + blank_separated(
            ["序号", "目标任务", "牵头", "县领导", "责任单位", "进展情况", "形象进度(%)",
             "31", "新建口袋公园6个", "周  岚", "县住建局", "已建成4个", "67%",
             "32", "改造农贸市场3个", "周  岚", "县商务局", "已完成2个", "60%",
             "33", "新增停车位800个", "李  默", "县交通局", "已新增500个", "63%"]) + ["以上情况特此通报。"],
        ["序号", "目标任务", "牵头县领导", "责任单位", "进展情况", "形象进度(%)"],
        [["31", "新建口袋公园6个", "周  岚", "县住建局", "已建成4个", "67%"],
         ["32", "改造农贸市场3个", "周  岚", "县商务局", "已完成2个", "60%"],
         ["33", "新增停车位800个", "李  默", "县交通局", "已新增500个", "63%"]],
    ),
    (  # cells ending in ' |': a category cell beside the number, rows without a number continue it
        ["某区重点民生实事进度表 |"] + barred(
            ["序号", "考核指标", "单位", "工作目标", "已完成数", "占比", "备注",
             "1", "健康服务", "老年人免费体检", "人次", "5000", "4100", "82%", "",
             "慢病随访", "人次", "3000", "2700", "90%", "",
             "2", "助残服务", "残疾人辅具适配", "人", "120", "90", "75%", "已适配90人"]),
        ["序号", "考核指标", "单位", "工作目标", "已完成数", "占比", "备注"],
        [["健康服务", "", "", "", "", "", ""],
         ["1", "老年人免费体检", "人次", "5000", "4100", "82%", ""],
         ["", "慢病随访", "人次", "3000", "2700", "90%", ""],
         ["助残服务", "", "", "", "", "", ""],
         ["2", "残疾人辅具适配", "人", "120", "90", "75%", "已适配90人"]],
    ),
    (  # one cell a line without blank lines; a unit cell written over several lines is one cell
        ["分解表"] + ["序号", "民生实事", "责任单位", "完成时限",
                      "1", "新建游泳馆1座。", "县体育局", "县城投公司", "10月底前",
                      "2", "改造供水管网20公里。", "县水务局", "12月底前",
                      "3", "新建公厕12座。", "县城管局", "11月底前", "分享到："],
        ["序号", "民生实事", "责任单位", "完成时限"],
        [["1", "新建游泳馆1座。", "县体育局\n县城投公司", "10月底前"],
         ["2", "改造供水管网20公里。", "县水务局", "12月底前"],
         ["3", "新建公厕12座。", "县城管局", "11月底前"]],
    ),
]


@pytest.mark.parametrize("lines,header,rows", CELL_LINE_CASES,
                         ids=["blank-separated-from-31-split-label", "barred-category-continuation",
                              "plain-lines-multiline-unit"])
def test_one_cell_a_line_tables(lines, header, rows):
    found = tables(lines)
    assert len(found) == 1
    got = found[0].rows()
    assert [x for x in got[0] if x] == header
    assert [r[:len(rows[0])] for r in got[1:]] == rows
    assert all(c.line is not None and lines[c.line - 1].strip().startswith(c.text.split("\n")[0][:2])
               for c in found[0].cells if c.text)


SPACED_CASES = [
    (
        ["序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注",
         "1 城镇新增就业 万人 1.8 1.62  90.0% 县人社局",
         "2 农村公路提质改造 公里  85 90.5  106.5% 县交通局",
         "新建农村客运站 个 4 3  75.0%",
         "3 减少大班额2千个以上 240 260 108.3% 县教育局"],
        [["1", "城镇新增就业", "万人", "1.8", "1.62", "90.0%", "县人社局"],
         ["2", "农村公路提质改造", "公里", "85", "90.5", "106.5%", "县交通局"],
         ["", "新建农村客运站", "个", "4", "3", "75.0%", ""],
         ["3", "减少大班额2千个以上", "", "240", "260", "108.3%", "县教育局"]],
    ),
    (
        ["序号 项目名称 责任单位 目标任务 1- 6月实际完成情况   1-6月实际完成率% 备注",
         "1 新增城镇就业   县人社局 2400 1300 54%",
         "2 建设乡镇幼儿园(所) 县教育局 3所 40% 主体已封顶",
         "完成征缴基金5000万元 县人社局 5000万 2600 52%"],
        [["1", "新增城镇就业", "县人社局", "2400", "1300", "54%", ""],
         ["2", "建设乡镇幼儿园(所)", "县教育局", "3所", "", "40%", "主体已封顶"],
         ["", "完成征缴基金5000万元", "县人社局", "5000万", "2600", "52%", ""]],
    ),
]


@pytest.mark.parametrize("lines,rows", SPACED_CASES, ids=["unit-column-continuation", "unit-after-name-percent"])
def test_single_space_rows(lines, rows):
    found = tables(lines)
    assert len(found) == 1
    assert found[0].rows()[1:] == rows
    assert found[0].row_lines == list(range(1, len(lines) + 1))


def test_columns_aligned_with_runs_of_spaces_stay_with_the_aligned_reader():
    lines = ["序号  项目            年度目标      完成情况   完成率",
             "1     城镇新增就业     3000人        3100人     103.3%",
             "2     农村危房改造     500户         480户      96%"]
    table = tables(lines)[0]
    assert table.rows()[1] == ["1", "城镇新增就业", "3000人", "3100人", "103.3%"]


@pytest.mark.parametrize("row,expected", [
    ("新增托育托位300个。 | 新增托育托位320个。 | ||", ["", "新增托育托位300个。", "新增托育托位320个。", ""]),
    ("3 | 改造老旧小区5个。 | 已完工4个。 | 住建局 |", ["3", "改造老旧小区5个。", "已完工4个。", "住建局"]),
], ids=["row-without-number-shifted", "numbered-row-kept"])
def test_pipe_row_without_its_number(row, expected):
    lines = ["序号 | 项目内容 | 进展情况 | 责任单位 |", "1 | 新建幼儿园2所。 | 已建成2所。 | 教育局 |", row]
    assert tables(lines)[0].rows()[2] == expected


MATRIX = blank_separated(
    ["地区", "社会保障工程", "市人社局", "公益岗位安置(人)", "职业技能培训(人次)", "城镇调查失业率控制在(%)",
     "目标", "任务", "进度", "完成比例(%)", "目标", "任务", "进度", "完成比例(%)", "目标", "任务", "进度", "完成比例(%)",
     "全市", "300", "330", "110", "2000", "1800", "90", "5.5", "4.9",
     "市本级", "5.5", "5.1",
     "城东区", "150", "160", "106.7", "1000", "900", "90", "5.5", "5.0",
     "北山县", "150", "170", "113.3", "1000", "900", "90", "5.5", "4.8"])


def test_region_matrix_one_cell_a_line():
    """A summary table one cell a line: each indicator over target / reached / rate, an indicator
    in % without a rate, a short row aligned to the right, 目标 / 任务 one label over two lines; the
    other header cells (工程, its unit) in a row of their own above the indicators."""
    table = tables(MATRIX)[0]
    rows = table.rows()
    assert table.header_rows == 3
    assert [x for x in rows[0] if x] == ["地区", "社会保障工程", "市人社局"]
    assert [x for x in rows[1] if x] == ["公益岗位安置(人)", "职业技能培训(人次)", "城镇调查失业率控制在(%)"]
    assert rows[2][1:] == ["目标任务", "进度", "完成比例(%)", "目标任务", "进度", "完成比例(%)", "目标任务", "进度"]
    assert rows[3] == ["全市", "300", "330", "110", "2000", "1800", "90", "5.5", "4.9"]
    assert rows[4] == ["市本级", "", "", "", "", "", "", "5.5", "5.1"]


# (cells between 地区 and the indicators, header rows, the top row's words, the indicators' row)
MATRIX_HEAD_CASES = [
    ([], 2, ["地区", "养老床位(张)", "助餐点(个)"], ["养老床位(张)", "助餐点(个)"]),
    (["养老服务工程"], 3, ["地区", "养老服务工程"], ["养老床位(张)", "助餐点(个)"]),
    (["养老服务工程", "责任单位", "县民政局"], 3, ["地区", "养老服务工程", "责任单位", "县民政局"],
     ["养老床位(张)", "助餐点(个)"]),
]


@pytest.mark.parametrize("others,header_rows,top,indicators", MATRIX_HEAD_CASES,
                         ids=["indicators-only", "project-above-indicators", "project-and-unit-above-indicators"])
def test_region_matrix_other_header_cells(others, header_rows, top, indicators):
    lines = blank_separated(["地区"] + others + ["养老床位(张)", "助餐点(个)", "任务", "完成", "完成率", "任务", "完成", "完成率",
                             "合计", "400", "380", "95", "12", "9", "75",
                             "河口镇", "250", "230", "92", "7", "5", "71.4",
                             "松林乡", "150", "150", "100", "5", "4", "80"])
    table = tables(lines)[0]
    rows = table.rows()
    assert table.header_rows == header_rows
    assert [x for x in rows[0] if x] == top
    assert [x for x in rows[header_rows - 2] if x and x != "地区"] == indicators
    assert rows[header_rows] == ["合计", "400", "380", "95", "12", "9", "75"]
    assert table.row_lines[header_rows:] == [lines.index(r) + 1 for r in ("合计", "河口镇", "松林乡")]


def test_region_matrix_facts():
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    ex = extract(read_bytes("\n".join(["某县2020年民生工程完成情况表", ""] + MATRIX).encode("utf-8"),
                            source="t.txt", fmt="txt"), load())
    got = {(p.name, p.region, p.targets[0].value, p.targets[0].unit) for p in ex.projects if p.targets}
    assert ("公益岗位安置", "城东区", 150, "人") in got
    assert ("城镇调查失业率", None, 5.5, "%") in got
    levels = [p for p in ex.projects if p.targets and p.targets[0].unit == "%"]
    assert all(g.rate is None for p in levels for g in p.progress)
    assert not [f for f in ex.flags if f.code == "SUM_MISMATCH"]


def test_numbered_pipe_row_without_its_category_cell():
    lines = ["大类 | 序号 | 工作任务 | 分管市领导 | 牵头单位及主要负责人 | 落实进展情况 |",
             "一、社会保障 | 1 | 提高低保标准到每人每月700元。 | 赵 远 | 市民政局 钱 进 | 已完成。 |",
             "2 | 提高特困供养标准到每人每年9000元。 | 赵 远 | 市民政局 钱 进 | 已完成。 |"]
    assert tables(lines)[0].rows()[2] == ["", "2", "提高特困供养标准到每人每年9000元。", "赵 远", "市民政局 钱 进", "已完成。"]


HEAD_SPANNED = ["序号", "重点任务", "年度目标任务", "责任领导", "牵头单位", "1-6月进展", "说明"]
SPANNED_CASES = [
    (  # each row closes on an empty cell; the task cell spans the target column beside it
        barred(HEAD_SPANNED + ["5", "新建城市书房6处。", "孟 川", "文广局", "已建成2处。", "", "",
                               "6", "改造背街小巷30条。", "孟 川", "城管局", "完成40%。", "雨季停工", "",
                               "7", "新增充电桩500个。", "田 禾", "发改局", "已建成320个。", ""]),
        [["5", "新建城市书房6处。", "新建城市书房6处。", "孟 川", "文广局", "已建成2处。", ""],
         ["6", "改造背街小巷30条。", "改造背街小巷30条。", "孟 川", "城管局", "完成40%。", "雨季停工"],
         ["7", "新增充电桩500个。", "新增充电桩500个。", "田 禾", "发改局", "已建成320个。", ""]],
    ),
    (  # the target column is written: the rows are as long as the header and nothing spans
        barred(HEAD_SPANNED + ["5", "新建城市书房", "6处", "孟 川", "文广局", "已建成2处。", "",
                               "6", "改造背街小巷", "30条", "孟 川", "城管局", "完成40%。", "雨季停工"]),
        [["5", "新建城市书房", "6处", "孟 川", "文广局", "已建成2处。", ""],
         ["6", "改造背街小巷", "30条", "孟 川", "城管局", "完成40%。", "雨季停工"]],
    ),
    (  # rows closing on an empty 说明 cell, the names without figures: no span either
        barred(HEAD_SPANNED + ["5", "书房建设", "孟 川", "田 禾", "文广局", "已建成2处。", "",
                               "6", "小巷改造", "孟 川", "田 禾", "城管局", "完成40%。", ""]),
        [["5", "书房建设", "孟 川", "田 禾", "文广局", "已建成2处。", ""],
         ["6", "小巷改造", "孟 川", "田 禾", "城管局", "完成40%。", ""]],
    ),
]


@pytest.mark.parametrize("lines,rows", SPANNED_CASES,
                         ids=["task-spans-target-rows-close-empty", "target-written", "names-without-figures"])
def test_task_cell_spanning_the_target_column(lines, rows):
    table = tables(lines)[0]
    assert table.filled()[1:] == rows
    spans = [c.colspan for c in table.cells if c.row == 1]
    assert spans == ([1, 2, 1, 1, 1, 1] if rows[0][1] == rows[0][2] else [1] * 7)


def test_task_cell_spanning_the_target_gives_the_target_leader_and_units():
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    text = "\n".join(["某区重点民生实事推进情况"] + SPANNED_CASES[0][0])
    ex = extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), load())
    assert [(t.value, t.unit) for p in ex.projects for t in p.targets] == [(6, "处"), (30, "条"), (500, "个")]
    assert [p.leaders for p in ex.projects] == [["孟川"], ["孟川"], ["田禾"]]
    assert [p.lead_units for p in ex.projects] == [["文广局"], ["城管局"], ["发改局"]]


CUT_HEAD = ["地区", "技能培训工程", "县人社局", "县妇联", "家政培训(人)", "电商培训(人)", "创业培训(人次)",
            "目标", "任务", "进度", "完成比例(%)", "目标", "任务", "进度", "完成比例(%)", "目标", "任务", "进度", "完成比例(%)"]


@pytest.mark.parametrize("figures,first_row,trailer", [
    (["全县", "800", "820", "102.5", "600", "540", "90"], ["全县", "800", "820", "102.5", "600", "540", "", "", "", ""], []),
    (["全县", "800", "820", "102.5", "600"], ["全县", "800", "820", "102.5", "", "", "", "", "", ""], []),
    (["全县", "800", "820", "102.5", "600", "540", "90", "150", "120", "80",
      "南湖镇", "500", "520", "104", "400", "360", "90", "100", "80", "80"],
     ["全县", "800", "820", "102.5", "600", "540", "90", "150", "120", "80"], []),
    (["全县", "800", "820", "102.5", "600", "540", "90", "150", "120", "80",
      "南湖镇", "500", "520", "104", "400", "360", "90", "100", "80", "80",
      "北岭镇", "300", "300", "100", "200", "180", "90", "40", "40", "100",
      "县本级", "10", "0", "0"],
     ["全县", "800", "820", "102.5", "600", "540", "90", "150", "120", "80"], []),
], ids=["cut-after-two-indicators", "cut-inside-an-indicator", "cut-after-full-rows", "ends-on-a-short-own-level-row"])
def test_region_matrix_cut_short_by_the_end_of_the_text(figures, first_row, trailer):
    """The text ends inside the table: its figures fill the indicators from the left, the figure the
    text ends on (maybe cut itself) left out when the row is short."""
    table = tables(blank_separated(CUT_HEAD + figures) + trailer)[0]
    rows = table.rows()
    assert table.header_rows == 3
    assert rows[3] == first_row
    if "县本级" in figures:
        assert rows[-1] == ["县本级", "", "", "", "", "", "", "10", "0", "0"]


def test_region_matrix_one_row_not_at_the_end_is_no_table():
    lines = blank_separated(CUT_HEAD + ["全县", "800", "820", "102.5", "600", "540", "90"]) + ["下一步，我们将继续抓好培训。"]
    assert not tables(lines)


def test_region_matrix_cut_short_gives_the_total_rows_facts():
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    text = "\n".join(["某县技能培训完成情况表", ""] + blank_separated(CUT_HEAD + ["全县", "800", "820", "102.5", "600", "540", "90"]))
    ex = extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), load())
    got = {(p.name, p.targets[0].value, p.progress[0].completed.value, p.progress[0].rate) for p in ex.projects}
    assert got == {("家政培训", 800, 820, 102.5), ("电商培训", 600, 540, None)}
    assert all(p.lead_units == ["县人社局", "县妇联"] for p in ex.projects)


CATEGORY_ROWS = ["序号", "考核指标", "单位", "工作目标", "已完成数", "占比", "备注",
                 "1", "健康服务", "老年人免费体检", "人次", "5000", "4100", "82%", "",
                 "慢病随访", "人次", "3000", "2700", "90%", "",
                 "2", "助残服务", "残疾人辅具适配", "人", "120", "90", "75%", "已适配90人"]


@pytest.mark.parametrize("last,trailer,expected", [
    (["3", "养老服务", "适老化改造", "户", "80", "0", "0"], ["已完成入户调"],
     [["养老服务", "", "", "", "", "", ""], ["3", "适老化改造", "户", "80", "0", "0", ""]]),
    (["3", "养老服务", "适老化改造", "户", "80", "0", "0", ""], [],
     [["养老服务", "", "", "", "", "", ""], ["3", "适老化改造", "户", "80", "0", "0", ""]]),
    (["3", "适老化改造", "户", "80", "0", "0%", "入户调查中"], ["已完成入户调"],
     [["3", "适老化改造", "户", "80", "0", "0%", "入户调查中"]]),
    (["3", "养老服务", "安装紧急呼叫设备"], ["区民"],
     [["养老服务", "", "", "", "", "", ""], ["3", "安装紧急呼叫设备", "", "", "", "", ""]]),
    (["3", "适老化改造", "户"], ["8"],
     [["3", "适老化改造", "户", "", "", "", ""]]),
], ids=["cut-row-with-category", "whole-row-with-category", "cut-row-without-category", "cut-short-with-category",
        "cut-short-without-category"])
def test_last_row_cut_by_the_end_of_the_text(last, trailer, expected):
    """The text ends inside the last row: a row as long as the header, two word cells after its number,
    is a category row that lost its last cell when its cells fit the rows above better so."""
    table = tables(["某区重点民生实事进度表 |"] + barred(CATEGORY_ROWS + last) + trailer)[0]
    assert table.rows()[-len(expected):] == expected


PIPE_HEAD = ["序号 | 项目内容 | 进展情况 | 责任单位 |", "1 | 新建口袋公园5个。 | 已建成3个。 | 园林局 |"]


@pytest.mark.parametrize("tail,rows", [
    (["新增停车位800个。 | 已新增420个。 | ||", "改造人行道6条。 | 已改造6处路段"],
     [["", "新增停车位800个。", "已新增420个。", ""], ["", "改造人行道6条。", "已改造6处路段"]]),
    (["2 | 改造人行道6条。 | 已改造4条。 | 城管局 |", "3 | 新建公厕12座。 | 已"], 
     [["2", "改造人行道6条。", "已改造4条。", "城管局"], ["3", "新建公厕12座。", "已"]]),
], ids=["cut-continuation-row", "cut-numbered-row"])
def test_pipe_row_cut_by_the_end_of_the_text(tail, rows):
    table = tables(PIPE_HEAD + tail + [""])[0]
    assert [r[:len(x)] for r, x in zip(table.rows()[2:], rows)] == rows
    assert table.n_rows == 2 + len(rows)


def test_a_line_with_a_bar_after_a_pipe_table_is_text_when_more_follows():
    lines = PIPE_HEAD + ["2 | 改造人行道6条。 | 已改造4条。 | 城管局 |", "注：进度以 | 为界", "以上数据截至9月底。"]
    found = tables(lines)
    assert len(found) == 1 and found[0].n_rows == 3


@pytest.mark.parametrize("label", ["地区", "县市区", "县（市、区）", "县(市)", "区县", "区（县）"],
                         ids=["diqu", "xianshiqu", "xian-shi-qu-brackets", "xian-shi-ascii", "quxian", "qu-xian-brackets"])
def test_region_matrix_region_labels(label):
    table = tables(blank_separated([label] + MATRIX[2:]))[0]
    assert table.rows()[0][0] == label and table.header_rows == 3


@pytest.mark.parametrize("cell,levels", [
    ("已完成。已将城乡低保标准提高到800元/人月;补差水平提高到城镇560元/人月、农村410元/人月。",
     [(800, "元/人/月"), (560, "元/人/月"), (410, "元/人/月")]),
    ("已完成。供养标准从每人每年9000元提高到东区12600元/人年,西区11800元/人年。",
     [(12600, "元/人/年"), (11800, "元/人/年")]),
], ids=["three-levels", "old-level-is-not-reached"])
def test_every_standard_a_done_cell_reached_is_progress(cell, levels):
    """A progress cell that reports several standards raised gives each as a level reached."""
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    lines = ["某市民生实事完成情况", "序号 | 项目内容 | 牵头单位 | 完成情况 |",
             f"1 | 提高城乡低保标准和补差水平。 | 市民政局 | {cell} |"]
    ex = extract(read_bytes("\n".join(lines).encode("utf-8"), source="t.txt", fmt="txt"), load())
    done = sorted((g.completed.value, g.completed.unit) for p in ex.projects for g in p.progress if g.completed)
    assert done == sorted(levels)


def test_a_table_written_as_paragraphs_of_a_web_page_or_a_word_file_is_read_as_in_a_text():
    """A web page or a Word file holding a table pasted as text (one row a paragraph, cells between
    pipes) gives the same table and the same facts as the same lines in a .txt."""
    from docx import Document as WordDocument

    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    lines = ["某县2031年民生实事1-6月进展情况", "序号 | 项目 | 年度目标 | 已完成 | 责任单位 |",
             "1 | 新建公办幼儿园 | 4所 | 2所 | 县教育局 |", "2 | 改造农村公路 | 60公里 | 41公里 | 县交通局 |",
             "3 | 新增停车泊位 | 500个 | 320个 | 县城管局 |"]
    html = "<html><body>" + "".join(f"<p>{x}</p>" for x in lines) + "</body></html>"
    word = WordDocument()
    for x in lines:
        word.add_paragraph(x)
    buf = io.BytesIO()
    word.save(buf)

    def facts(data: bytes, fmt: str):
        doc = read_bytes(data, source=f"t.{fmt}", fmt=fmt)
        ex = extract(doc, load())
        return len(list(doc.tables())), sorted((t.value, t.unit) for p in ex.projects for t in p.targets), \
            sorted(g.completed.value for p in ex.projects for g in p.progress if g.completed)

    want = facts("\n".join(lines).encode("utf-8"), "txt")
    assert want == (1, [(4, "所"), (60, "公里"), (500, "个")], [2, 41, 320])
    assert facts(html.encode("utf-8"), "html") == want
    assert facts(buf.getvalue(), "docx") == want


def test_a_line_is_folded_only_when_it_holds_a_full_width_form():
    """FOLDABLE is FOLD's own characters: a line without one is kept as it is, untranslated."""
    assert {ord(ch) for ch in map(chr, range(0x10000)) if text_reader.FOLDABLE.search(ch)} == set(text_reader.FOLD)
    blocks = text_reader.parse_lines(["序号\t项目\t完成率", "1\t新建公园３个\t８５．５％", "２\t改造公厕\t90%"])
    cells = [c.text for c in blocks[0].cells]
    assert cells[3:] == ["1", "新建公园3个", "85.5%", "2", "改造公厕", "90%"]


@pytest.mark.parametrize("lines, second_row", [
    (["|县区|城镇新增就业（人）||改造户厕（户）||", "||目标|完成|目标|完成|", "|南溪区|800|760|200|210|"],
     ["", "目标", "完成", "目标", "完成"]),
    (["| 县区 | 新增托位（个） | |", "| | 目标 | 完成 |", "| 南溪区 | 120 | 96 |"], ["", "目标", "完成"]),
    (["县区|新增托位（个）|", "|目标|完成", "南溪区|120|96"], ["", "目标", "完成"]),
], ids=["bordered-header-over-two-rows", "bordered-with-spaces", "no-border"])
def test_a_bordered_pipe_rows_first_empty_cell_is_kept(lines, second_row):
    """A border pipe opens each row of a bordered table; a pipe after it, or opening a row of a table without
    borders, opens an empty cell (the header's first cell spans two rows)."""
    assert tables(["各县区指标完成情况"] + lines)[0].rows()[1] == second_row


def test_a_header_over_two_bordered_rows_reads_each_group():
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    text = ("2031年1-10月各县区民生实事指标完成情况\n|县区|城镇新增就业（人）||改造户厕（户）||\n"
            "||目标|完成|目标|完成|\n|南溪区|800|760|200|210|\n|北塘区|600|615|150|120|\n")
    result = extract(read_bytes(text.encode(), source="t.txt", fmt="txt"), load())
    got = {(p.name, p.region): ([t.value for t in p.targets], [g.completed.value for g in p.progress if g.completed])
           for p in result.projects}
    assert got == {("城镇新增就业", "南溪区"): ([800], [760]), ("城镇新增就业", "北塘区"): ([600], [615]),
                   ("改造户厕", "南溪区"): ([200], [210]), ("改造户厕", "北塘区"): ([150], [120])}
