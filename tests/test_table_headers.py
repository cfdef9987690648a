"""The header lexicon (gazetteer/headers.tsv) and what a table's columns give once classified: the
unit of a 单位 column, 万 carried from a target to its completed cell, a name's figure that is not
the row's target, a 备注 column of organisations, completed/target against the stated rate.
Snippets written here, with invented names and numbers."""
import pytest

from extractors import extract
from extractors.normalize import simplify
from extractors.tables import _role
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def targets(ex) -> list[tuple[float, str | None]]:
    return [(t.value, t.unit) for p in ex.projects for t in p.targets]


def completed(ex) -> list[tuple[float, str | None]]:
    return [(g.completed.value, g.completed.unit) for p in ex.projects for g in p.progress if g.completed]


def rates(ex) -> list[float]:
    return [g.rate for p in ex.projects for g in p.progress if g.rate is not None]


@pytest.mark.parametrize("label,role", [
    ("考核指标", "name"),
    ("单位", "measure"),
    ("计量单位", "measure"),
    ("工作目标", "target"),
    ("已完成数", "completed"),
    ("1-8月实际完成情况", "completed"),
    ("截至9月底完成情况", "completed"),
    ("占年任务之比", "rate"),
    ("占比", "rate"),
    ("形象进度（%）", "rate"),
    ("牵头市领导", "leader"),
    ("牵头责任单位", "lead_unit"),
    ("备注", "skip"),
    ("年度建设任务（个）", "target"),      # not a lexicon word: the patterns decide
], ids=["kaohe-zhibiao", "danwei", "jiliang-danwei", "gongzuo-mubiao", "yiwancheng", "period-completed",
        "jiezhi-completed", "zhan-nian-renwu", "zhanbi", "xingxiang-jindu", "leader", "lead-unit", "remark",
        "fallback-pattern"])
def test_header_lexicon_roles(label, role):
    assert _role(label, GAZ.headers) == role


def test_lexicon_is_data_with_an_example_a_row():
    rows = [r.split("\t") for r in (GAZ.folder / "headers.tsv").read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    assert rows and all(len(r) == 3 and r[1] for r in rows)
    assert GAZ.headers["单位"] == "measure"


SPACED = """某县1-10月重点民生实事落实情况

序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注
1 城镇新增就业 万人 1.8 1.62  90.0% 县人社局
2 提高困难残疾人生活补贴标准 元/月/人 不低于80元 80  达到目标80元 县民政局
3 改造农村户厕2万户以上 1500 1200 80.0% 县农业农村局
4 完成征缴基金3000万元 万元 3000 2400 80.0% 县医保局
"""


def test_single_space_table_facts():
    ex = run(SPACED)
    assert targets(ex) == [(18000, "人"), (80, "元/月/人"), (1500, "户"), (30000000, "元")]
    assert completed(ex) == [(16200, "人"), (80, "元/月/人"), (1200, "户"), (24000000, "元")]
    assert rates(ex) == [90.0, 80.0, 80.0]
    assert [u for p in ex.projects for u in p.lead_units] == ["县人社局", "县民政局", "县农业农村局", "县医保局"]


@pytest.mark.parametrize("row,target,done", [
    ("2 完成征缴基金6000万元 县人社局 6000万 4500 75%", (60000000, "元"), (45000000, "元")),
    ("2 新增城镇就业 县人社局 2400 1800 75%", (2400, None), (1800, None)),
], ids=["wan-carried", "bare-figures"])
def test_target_in_wan_carries_to_completed(row, target, done):
    text = ("某区1-9月民生实事完成情况\n\n序号 项目名称 责任单位 目标任务 实际完成 完成率 备注\n"
            "1 新建幼儿园(所) 县教育局 2所 1 50% 在建\n" + row + "\n")
    ex = run(text)
    assert target in targets(ex)
    assert done in completed(ex)


def test_rate_decides_which_figure_is_the_target():
    """完成数 | 目标 written the other way round: 1200 of 1500 at 80% is completed 1200 of 1500."""
    text = ("某县民生实事进度\n\n序号\t项目\t目标任务\t已完成\t完成率\n"
            "1\t新建农村公厕（座）\t120\t150\t80%\n2\t改造危房（户）\t300\t270\t90%\n")
    ex = run(text)
    assert (150, None) in [(t.value, None) for t in ex.projects[0].targets]
    assert ex.projects[0].progress[0].completed.value == 120
    assert ex.projects[1].progress[0].completed.value == 270


@pytest.mark.parametrize("rows,expected", [
    (["民 生 工 程 | 促进就业 | 城镇新增就业人数(人) | 600 | 东城镇200 西河乡150 南山镇250 | 王 涛 | 区人社局 | 李 明 |",
      "城镇失业人员再就业(人) | 90 | 东城镇30 西河乡30 南山镇30 |"],
     [(600, "人"), (200, "人"), (150, "人"), (250, "人"), (90, "人"), (30, "人"), (30, "人"), (30, "人")]),
], ids=["breakdown-by-township"])
def test_target_broken_down_by_place_in_one_cell(rows, expected):
    text = "某区2018年度民生工程目标任务分解表\n项 目 | 目标 | 分 解 情 况 | 责任领导 | 责任单位 | 责任人 |\n" + "\n".join(rows) + "\n"
    ex = run(text)
    assert sorted(targets(ex)) == sorted(expected)
    assert {p.region for p in ex.projects if p.region} == {"东城镇", "西河乡", "南山镇"}
    assert not [f for f in ex.flags if f.severity != "info"]


def test_unit_column_that_names_its_head():
    text = ("某市2020年民生实事落实情况\n大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |\n"
            "一、社会保障 | 1 | 提高低保标准到每人每月700元。 | 赵 远 | 市民政局 钱 进 | 已完成。 |\n"
            "2 | 新建养老院2所。 | 赵 远 | 市民政局 钱 进 | 已建成1所。 |\n")
    ex = run(text)
    assert {n for p in ex.projects for n in p.leaders} == {"赵远", "钱进"}
    assert {u for p in ex.projects for u in p.lead_units} == {"市民政局"}


@pytest.mark.parametrize("leader_cell,unit_cell,leaders,units", [
    ("孙 倩何 军", "县教育局", {"孙倩", "何军"}, {"县教育局"}),
    ("孙 倩", "县水务局\n县城投公司\n5月底前开工", {"孙倩"}, {"县水务局", "县城投公司"}),
], ids=["two-padded-names-in-one-cell", "unit-cell-over-lines-with-a-date"])
def test_leader_and_unit_cells(leader_cell, unit_cell, leaders, units):
    from extractors.tables import projects_from_table
    from pipeline.model import Cell, Table

    rows = [["序号", "目标与任务", "分管县领导", "牵头责任单位"], ["12", "新增托位300个以上。", leader_cell, unit_cell]]
    table = Table(cells=[Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)],
                  n_rows=2, n_cols=4, row_lines=[1, 2])
    p = projects_from_table(table, 2024, GAZ)[0]
    assert set(p.leaders) == leaders
    assert set(p.lead_units) == units


def _matrix_text(above: list[str]) -> str:
    cells = ["地区"] + above + ["新增托位(个)", "改造农贸市场(个)", "任务", "完成", "完成率", "任务", "完成", "完成率",
                                "全县", "600", "540", "90", "8", "6", "75",
                                "城关区", "350", "300", "85.7", "5", "4", "80",
                                "西岭县", "250", "240", "96", "3", "2", "66.7"]
    return "某县民生实事完成情况汇总表\n\n" + "\n\n".join(cells) + "\n"


@pytest.mark.parametrize("above,total_units", [
    ([], []),
    (["托育养老工程"], []),
    (["托育养老工程", "县卫健局"], ["县卫健局"]),
    (["县卫健局、县商务局"], ["县卫健局", "县商务局"]),
], ids=["no-header-above", "project-word-is-no-unit", "unit-above-indicators", "two-units-in-one-cell"])
def test_units_above_a_sheets_indicators_lead_its_total_row(above, total_units):
    """An organisation in the header lines above a summary table's indicators is the lead unit of
    the rows that are no one region's (the total row); a county's row keeps no unit of its own."""
    ex = run(_matrix_text(above))
    rows = [p for p in ex.projects if p.table is not None]
    assert {p.region for p in rows} == {None, "城关区", "西岭县"}
    assert all(p.lead_units == total_units for p in rows if p.region is None)
    assert all(p.lead_units == [] for p in rows if p.region is not None)


TWO_PERIODS = "序号\t重点任务\t1-5月推进情况\t1-6月推进情况"
ONE_PERIOD = "序号\t重点任务\t1-6月推进情况"


@pytest.mark.parametrize("header,row,expected", [
    (TWO_PERIODS, "1\t新建公共厕所40座。\t已建成12座。\t已建成25座。", {(12, "座", None), (25, "座", None)}),
    (TWO_PERIODS, "1\t改造雨污管网20公里。\t完成35%。\t完成55%。", {(None, None, 35.0), (None, None, 55.0)}),
    (TWO_PERIODS, "1\t新建驿站40个。\t第二批15个驿站正在安装。\t已建成22个。", {(22, "个", None)}),
    (ONE_PERIOD, "1\t新建停车场6个、充电桩300个。\t已建成停车场4个、充电桩180个。", {(4, "个", None), (180, "个", None)}),
    (ONE_PERIOD, "1\t新建停车场6个、充电桩300个。\t已建成停车场4个。", {(4, "个", None)}),
    (ONE_PERIOD, "1\t新建停车场6个、充电桩300个。\t已建成停车场4个，在建2个。", {(4, "个", None)}),
], ids=["two-periods-figures", "two-periods-rates", "earlier-period-under-way", "two-figures-two-targets",
        "one-figure-two-targets", "second-figure-under-way"])
def test_progress_of_each_period_and_of_each_target(header, row, expected):
    """Two completed columns for successive periods give a progress each (an under-way figure none);
    a progress cell with as many figures as the row has targets of one unit gives one for each."""
    other = "2\t新建游园3个。" + "\t已建成1个。" * (header.count("\t") - 1)
    ex = run("某区民生实事推进情况\n\n" + header + "\n" + row + "\n" + other + "\n")
    first = next(p for p in ex.projects if p.seq == "1")
    got = [((g.completed.value, g.completed.unit) if g.completed else (None, None)) + (g.rate,) for g in first.progress]
    assert len(got) == len(expected) and set(got) == expected
    if header == TWO_PERIODS:
        assert {g.as_of for g in first.progress} <= {"1-5月", "1-6月"}
        assert "1-6月" in {g.as_of for g in first.progress}


STANDARD_HEAD = "序号\t考核指标\t单位\t工作目标\t已完成数\t占比\t备注"


@pytest.mark.parametrize("row,completed,rate", [
    ("1\t城市低保标准\t元/月/人\t650\t\t100%\t1-9月城市低保标准已达到700元/月", (700, "元/月"), None),
    ("1\t残疾人护理补贴标准\t元/月/人\t90\t\t100%\t已按每人每月90元的标准发放", (90, "元/月/人"), 100.0),
    ("1\t城市低保标准\t元/月/人\t650\t660\t100%\t已达到700元/月", (660, "元/月/人"), 100.0),
    ("1\t新建公厕\t座\t40\t\t60%\t已建成24座", None, 60.0),
], ids=["level-above-target-in-remark", "level-met-per-person-month", "completed-cell-written", "not-a-standard"])
def test_standard_reached_written_in_the_remark(row, completed, rate):
    """A standard's completed cell left empty, the level reached in the 备注: the level is the
    completed (a 100% beside a level above the target means met, not a rate)."""
    ex = run("某区民生实事进度表\n\n" + STANDARD_HEAD + "\n" + row + "\n2\t新增托位\t个\t300\t240\t80%\t\n")
    g = ex.projects[0].progress[0]
    assert ((g.completed.value, g.completed.unit) if g.completed else None) == completed
    assert g.rate == rate


@pytest.mark.parametrize("row,target,done", [
    ("1\t开展餐饮门店抽检\t区市场监管局\t4200\t4620\t110%\t年初计划抽检4200家，已超额完成", (4200, "家"), (4620, "家")),
    ("1\t开展餐饮门店抽检\t区市场监管局\t4200\t4620\t110%\t", (4200, None), (4620, None)),
    ("1\t开展餐饮门店抽检\t区市场监管局\t42\t46\t110%\t其中42家为连锁门店", (42, None), (46, None)),
], ids=["unit-from-the-remark", "no-unit-anywhere", "small-figure-recurs-by-chance"])
def test_bare_target_takes_the_unit_the_row_writes_it_with(row, target, done):
    ex = run("某区民生实事完成情况\n\n序号\t项目名称\t责任单位\t目标任务\t实际完成\t完成率\t备注\n" + row + "\n")
    p = ex.projects[0]
    assert (p.targets[0].value, p.targets[0].unit) == target
    assert (p.progress[0].completed.value, p.progress[0].completed.unit) == done


@pytest.mark.parametrize("task,cell,done", [
    ("新建社区驿站40个。", "在40个社区，建成32个驿站。", (32, "个")),
    ("改造农村户厕1000户。", "12个乡镇已完成改造860户。", (860, "户")),
    ("改造农村户厕1000户。", "已完成3个批次共120户。", (120, "户")),
    ("新建社区驿站40个。", "已完成3个批次共120户。", (3, "个")),
    ("新建社区驿站40个。", "32个驿站投入使用。", (32, "个")),
    ("新建社区驿站40个。", "其中3个已建成、5个进度过半。", (3, "个")),
    ("新建社区驿站40个。", "已建成3处共42个驿站。", (42, "个")),
    ("新建驿站40个、服务居民2万人次。", "建成42个，服务2.1万人次。", (42, "个")),
], ids=["place-before-the-done-figure", "count-of-places-then-done", "figure-in-the-targets-unit-first",
        "done-word-leads-to-the-first", "no-done-word", "done-word-right-after", "unit-before-done-word",
        "two-targets-first-figure"])
def test_completed_is_the_figure_a_done_word_leads_to(task, cell, done):
    """Among the figures in the targets' units, the first a done word leads to (or follows at once)."""
    ex = run("某区民生实事推进情况\n\n序号\t重点任务\t进展情况\n1\t" + task + "\t" + cell + "\n2\t新建游园3个。\t已建成2个。\n")
    g = ex.projects[0].progress[0]
    assert (g.completed.value, g.completed.unit) == done


@pytest.mark.parametrize("cell,expected", [
    ("将城乡低保补差水平从每人每月500元、260元分别提高到每人每月540元、280元。", [(540, "元/人/月"), (280, "元/人/月")]),
    ("将护理补贴标准由每人每年1800元提高到每人每年1900元。", [(1900, "元/人/年")]),
    ("发放城乡低保金每人每月540元、280元。", [(540, "元/人/月"), (280, "元/人/月")]),
], ids=["two-old-levels-listed", "one-old-level", "no-raising"])
def test_old_levels_in_a_target_cell_are_not_targets(cell, expected):
    ex = run("某市民生实事落实情况\n\n序号\t工作任务\t牵头单位\t落实进展情况\n1\t" + cell + "\t市民政局\t已完成。\n"
             "2\t新建养老院2所。\t市民政局\t已建成1所。\n")
    assert targets(ex)[:len(expected)] == expected and len(next(p for p in ex.projects if p.seq == "1").targets) == len(expected)


BOTH_HEAD = "关于2031年民生实事项目进展情况的通报\n\n序号\t项目名称\t{label}\t责任单位\n"


@pytest.mark.parametrize("label", ["目标任务及完成情况", "建设内容和进展情况", "年度目标与完成进度"])
@pytest.mark.parametrize(("cell", "task", "done"), [
    ("目标8条，已开通5条", (8, "条"), (5, "条")),
    ("目标3000个/完成1200个", (3000, "个"), (1200, "个")),
    ("新建20公里，截至9月底完成15公里", (20, "公里"), (15, "公里")),
], ids=["comma-then-done", "slash-then-done", "task-then-as-of"])
def test_a_column_of_the_task_and_what_was_done(label, cell, task, done):
    ex = run(BOTH_HEAD.format(label=label) + f"1\t新建公交线路\t{cell}\t市交通局\n")
    assert targets(ex) == [task]
    assert completed(ex) == [done]


def test_a_task_and_deadline_column_stays_a_deadline():
    assert _role("目标任务及完成时限", GAZ.headers) == "deadline"
    assert _role("目标任务及完成情况", GAZ.headers) == "both"


BALLOT = ("关于2032年县级民生实事项目{title}的公示\n\n经县人大常委会票决，确定以下项目：\n"
          "序号\t项目名称\t主要内容\t赞成票\t得票率\t票决结果\n"
          "1\t新建公办幼儿园\t新建公办幼儿园4所，新增学位1080个\t156\t97.5%\t当选\n"
          "2\t农村饮水提升\t新建供水工程12处，惠及2.4万人\t150\t93.8%\t当选\n"
          "3\t农贸市场改造\t改造农贸市场5个\t80\t50.0%\t未当选\n")


@pytest.mark.parametrize(("title", "kind", "want"), [
    ("票决结果", "plan", [(4, "所"), (1080, "个"), (12, "处"), (24000, "人")]),      # the chosen rows' tasks
    ("候选项目票决", None, []),                                                  # candidates: no task yet
], ids=["a-ballots-result", "a-ballot-of-candidates"])
def test_a_ballots_result_gives_the_chosen_projects_tasks(title, kind, want):
    ex = run(BALLOT.format(title=title))
    assert targets(ex) == want
    if kind:
        assert ex.document.kind == kind


@pytest.mark.parametrize("unit", ["市人力資源社會保障局", "市總工會", "市衛健委"])
def test_units_in_a_remark_column_written_in_traditional_characters(unit):
    rows = "".join(f"{i}\t項目{i}\t{10 * i}個\t{8 * i}個\t{unit}\n" for i in range(1, 4))
    ex = run("某市民生實事完成情況表\n序號\t項目\t目標\t已完成數\t備註\n" + rows)
    assert {u for p in ex.projects for u in p.lead_units} == {simplify(unit)}


def _html_table(head: str, rows: list[list[str]]) -> bytes:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<html><head><meta charset='utf-8'></head><body><h1>2031年1-9月民生实事项目进展情况</h1>"
            f"<table border='1'>{head}{body}</table></body></html>").encode()


@pytest.mark.parametrize("lower, task, done", [
    ("<td>数量</td><td>单位</td><td>数量</td><td>完成率</td>", (26.0, "个"), (13.0, "个", 50.0)),
    ("<td>数量</td><td>计量单位</td><td>数量</td><td>完成比例</td>", (26.0, "个"), (13.0, "个", 50.0)),
], ids=["unit-and-rate-under-their-groups", "other-words"])
def test_a_lower_header_label_names_a_unit_or_rate_column_of_its_group(lower, task, done):
    head = ("<tr><td rowspan='2'>序号</td><td rowspan='2'>项目名称</td><td colspan='2'>年度目标</td>"
            f"<td colspan='2'>1-9月完成</td><td rowspan='2'>责任单位</td></tr><tr>{lower}</tr>")
    data = _html_table(head, [["1", "新建社区食堂", "26", "个", "13", "50%", "县民政局"]])
    result = extract(read_bytes(data, source="t.html", fmt="html"), GAZ)
    [p] = result.projects
    assert [(t.value, t.unit) for t in p.targets] == [task]
    assert [(g.completed.value, g.completed.unit, g.rate) for g in p.progress] == [done]
