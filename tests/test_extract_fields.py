"""Fields written beside a project's figures, on small documents built here: deadlines (cells, prose,
stages), responsible units (role labels, a task in brackets, a heading's unit), leaders with their posts,
and the forms, ordinal items and 分工 tables that carry all three."""
import pytest
from extract_helpers import GAZ, run

from extractors.tables import deadline_iso

PLAN_HEAD = "某区人民政府办公室关于印发2020年为民办实事项目计划的通知\n\n"
PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"
SUPERVISION_HEAD = "某区人民政府督查室关于对2025年民生实事滞后项目实施重点督办的通知\n\n以下项目进度滞后，现列入重点督办。\n\n"


# ---- deadlines ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("2014年11月", "2014-11-30"),
    ("2020.11", "2020-11-30"),
    ("2020.09", "2020-09-30"),
    ("2020/2", "2020-02-29"),
    ("11月份", "2014-11-30"),
    ("2020.11.20", "2020-11-20"),
    ("2014年3月-11月", "2014-11-30"),
    ("12月底前", "2014-12-31"),
    ("6月30日前", "2014-06-30"),
    ("3.2亿元", None),
    ("全年", None),
], ids=["bare-month", "dotted", "dotted-zero", "slashed-leap", "month-only", "dotted-day", "range-last",
        "month-end", "day", "not-a-date", "no-date"])
def test_deadline_cell(text, want):
    assert deadline_iso(text, 2014) == want


def test_a_bare_month_in_prose_is_no_deadline():
    assert deadline_iso("2014年11月开工建设", 2014, require_before=True) is None


def test_dotted_deadline_column():
    doc = PLAN_HEAD + (
        "| 序号 | 项目名称 | 建设内容及目标 | 责任单位 | 完成时限 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 老旧小区改造 | 完成老旧小区改造25个 | 区建设局 | 2020.11 |\n"
        "| 2 | 公厕提升 | 新建改造公厕20座 | 区市政园林局 | 2020.09 |\n")
    assert [p.deadline for p in run(doc).projects] == ["2020-11-30", "2020-09-30"]


def test_a_staged_deadline_is_the_final_stage():
    text = "2023年10月31日前完成全部改造任务的80%，12月20日前全面完工"
    assert deadline_iso(text, None) == "2023-12-20"
    assert deadline_iso("9月底前开工，年底前完工", 2020, require_before=True) == "2020-09-30"


# ---- responsible units: role labels inside a unit cell, a task in brackets, a heading's unit ----

@pytest.mark.parametrize("cell, want", [
    ("牵头：区建设局；配合：区财政局、各街道", ["区建设局", "区财政局"]),
    ("牵头单位: 区民政局\n配合单位：区财政局", ["区民政局", "区财政局"]),
    ("主办：区卫健局；协办：区妇联", ["区卫健局", "区妇联"]),
    ("区教育局（牵头）、区发改局", ["区教育局", "区发改局"]),
], ids=["lead-partner-generic", "labelled-lines", "host-assist", "trailing-role"])
def test_role_labels_in_a_unit_cell(cell, want):
    from extractors.people import units_in
    assert units_in(cell, GAZ.org_suffixes) == want


def test_unit_column_with_role_labels():
    doc = PLAN_HEAD + (
        "| 序号 | 项目名称 | 建设内容及目标 | 责任单位 | 完成时限 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 老旧小区改造 | 完成老旧小区改造25个 | 牵头：区建设局；配合：区财政局、各街道 | 12月底前 |\n"
        "| 2 | 公厕提升 | 新建改造公厕20座 | 牵头：区市政园林局 | 10月底前 |\n")
    got = {u for p in run(doc).projects for u in p.lead_units + p.partner_units}
    assert got == {"区建设局", "区财政局", "区市政园林局"}


@pytest.mark.parametrize("cell, want", [
    ("市水务局（农村饮水安全）、市人力资源和社会保障局（城镇新增就业）", ["市水务局", "市人力资源和社会保障局"]),
    ("市林水局（水利）", ["市林水局（水利）"]),
    ("市规划和自然资源局（市林业局）", ["市规划和自然资源局（市林业局）"]),
], ids=["task-in-brackets", "short-qualifier", "second-organisation"])
def test_the_task_in_brackets_after_a_unit(cell, want):
    from extractors.people import units_in
    assert units_in(cell, GAZ.org_suffixes) == want


def test_units_in_brackets_before_the_full_stop_of_a_sentence_project():
    got = run(PROGRESS_HEAD + "新增养老床位4000张，已完成2350张，完成58.8%（市民政局）。新建智慧健康驿站30个，完成率60%（市卫生健康委、市民政局）。\n")
    assert {p.name: p.lead_units for p in got.projects} == {"新增养老床位": ["市民政局"],
                                                           "新建智慧健康驿站": ["市卫生健康委", "市民政局"]}


def test_unit_in_the_heading_above_a_table_answers_for_its_rows():
    text = ("某市人民政府办公室关于2021年为民办实事项目前三季度进展情况的通报\n\n"
            "一、农村饮水安全巩固提升（市水利局）\n\n"
            "指标\t年度目标\t截至9月底完成\t完成率\n"
            "受益人口\t8万人\t6.4万人\t80%\n"
            "新建供水工程\t20处\t15处\t75%\n")
    rows = [p for p in run(text).projects if p.targets]
    assert rows and all(p.lead_units == ["市水利局"] for p in rows)


# ---- a leader's post in brackets ------------------------------------------------------------

@pytest.mark.parametrize("cell, want", [
    ("韦  宁（副市长）", ["韦宁"]),
    ("韦宁（副市长）", ["韦宁"]),
    ("覃丽萍（市委常委、副市长）、蒙杰（副市长）", ["覃丽萍", "蒙杰"]),
    ("蒙  杰（副市长、市公安局局长）", ["蒙杰"]),
    ("韦  宁（副市长）　　牵头单位：市住房城乡建设局", ["韦宁"]),
    ("副市长（王强）", ["王强"]),
], ids=["padded", "plain", "post-with-separator", "two-posts", "next-field-on-the-line", "name-in-brackets"])
def test_leader_with_post_in_brackets(cell, want):
    from extractors.people import leaders_in
    assert leaders_in(cell) == want


def test_leader_column_with_posts():
    doc = PLAN_HEAD + (
        "| 序号 | 项目名称 | 建设内容及目标 | 责任领导 | 牵头单位 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 老旧小区改造 | 完成老旧小区改造25个 | 韦  宁（副市长） | 市住房城乡建设局 |\n"
        "| 2 | 普惠托育 | 新增普惠性托位1200个 | 覃丽萍（副市长） | 市卫生健康委 |\n")
    assert [p.leaders for p in run(doc).projects] == [["韦宁"], ["覃丽萍"]]


# ---- 督办事项 forms written as 'label：value' lines, one block a project -------------------------

DUBAN = """某市人民政府督查室

某政督函〔2022〕5号

关于对进度滞后的民生实事项目实行重点督办的通知

市教育局、市民政局：

现对以下项目实行重点督办。

督办事项一：新建公办幼儿园
进展情况：年度任务新建公办幼儿园12所，已建成5所，完成41.7%。
责任领导：李  明（副市长）　　牵头单位：市教育局
配合单位：市财政局
督办时限：2022年9月30日前完成主体工程，12月15日前全部建成。

督办事项二：社区养老服务站
进展情况：年度任务建设社区养老服务站30个，已建成12个，完成40%。
责任领导：王芳（副市长）　　牵头单位：市民政局
配合单位：市财政局、市住房城乡建设局
督办时限：2022年7月31日前

某市人民政府督查室
2022年8月10日
"""


def test_duban_blocks_are_items_with_two_fields_on_a_line():
    ex = run(DUBAN)
    by = {p.name: p for p in ex.projects}
    assert set(by) == {"新建公办幼儿园", "社区养老服务站"}
    kg = by["新建公办幼儿园"]
    assert [t.value for t in kg.targets] == [12]
    assert kg.leaders == ["李明"] and kg.lead_units == ["市教育局"] and kg.partner_units == ["市财政局"]
    assert kg.deadline == "2022-12-15"            # the final stage of a two-stage 督办时限
    assert by["社区养老服务站"].leaders == ["王芳"] and by["社区养老服务站"].lead_units == ["市民政局"]
    assert by["社区养老服务站"].deadline == "2022-07-31"
    dates = [f for f in ex.flags if f.code == "DATE_INCONSISTENT"]
    assert len(dates) == 1 and dates[0].found == "2022-07-31"


FORM_LINES = SUPERVISION_HEAD + (
    "督办事项一：城区污水管网改造\n"
    "年度任务：改造污水管网40公里，惠及群众1.5万人。\n"
    "当前进展：已完成管网改造22公里，完成55%。\n"
    "整改要求：增加作业面，10月底前完成30公里。\n"
    "整改时限：10月31日前\n"
    "完成时限：12月15日前\n"
    "责任领导：副区长　陈  刚\n"
    "牵头单位：区住建局　　配合单位：区财政局\n"
    "\n"
    "督办事项二：社区食堂建设\n"
    "年度任务：新建社区食堂12个。\n"
    "当前进展：已建成4个。\n"
    "整改时限：9月30日前\n"
    "完成时限：11月30日前\n"
    "责任领导：副区长　李  梅\n"
    "牵头单位：区民政局\n")


def test_form_lines_give_one_project_each_with_their_fields():
    projects = {p.name: p for p in run(FORM_LINES).projects if p.targets}
    water, canteen = projects["城区污水管网改造"], projects["社区食堂建设"]
    assert [(t.value, t.unit) for t in water.targets] == [(40, "公里"), (15000, "人")]
    assert water.leaders == ["陈刚"] and water.lead_units == ["区住建局"] and water.partner_units == ["区财政局"]
    assert canteen.leaders == ["李梅"] and canteen.lead_units == ["区民政局"]
    assert [(g.completed.value, g.rate) for g in water.progress if g.completed] == [(22, 55)]


def test_form_lines_deadline_is_the_completion_limit_not_the_rectification_limit():
    projects = {p.name: p for p in run(FORM_LINES).projects if p.targets}
    assert projects["城区污水管网改造"].deadline == "2025-12-15"
    assert projects["社区食堂建设"].deadline == "2025-11-30"


def test_a_rectification_milestone_is_not_progress():
    rates = [g.rate for p in run(FORM_LINES).projects for g in p.progress if g.rate is not None]
    completed = [g.completed.value for p in run(FORM_LINES).projects for g in p.progress if g.completed]
    assert rates == [55] and 30 not in completed


# ---- 第一件…第十一件: Chinese ordinals numbering a plan's items, fields in brackets ----------------

ORDINAL_ITEMS = ("某师市关于印发2016年为民办实事项目的通知\n\n2016年办好三件为民办实事。\n\n"
                 "第一件：连队饮水安全。解决连队1.2万人饮水安全问题。（分管领导：王  军；牵头单位：师市水利局；完成时限：9月底前）\n\n"
                 "第二件：团场幼儿园建设。新建团场幼儿园4所。（分管领导：赵丽；牵头单位：师市教育局；完成时限：8月底前）\n\n"
                 "第十一件：城区路灯改造。改造城区路灯1500盏。（分管领导：王  军；牵头单位：师市城市管理局；完成时限：11月底前）\n")


def test_ordinal_items_are_projects_with_their_bracketed_fields():
    projects = {p.name: p for p in run(ORDINAL_ITEMS).projects if p.targets}
    water, kinder, lights = projects["连队饮水安全"], projects["团场幼儿园建设"], projects["城区路灯改造"]
    assert [(t.value, t.unit) for t in water.targets] == [(12000, "人")]
    assert (kinder.leaders, kinder.lead_units, kinder.deadline) == (["赵丽"], ["师市教育局"], "2016-08-31")
    assert (lights.seq, lights.leaders, lights.deadline) == ("十一", ["王军"], "2016-11-30")
    assert [(t.value, t.unit) for t in lights.targets] == [(1500, "盏")]


# ---- a separate 分工 table keyed by 序号, and fields shared by a heading's sub-items ------------

DUTY_TABLE = ("某县人民政府办公室关于印发2022年十件民生实事的通知\n\n附件1\n\n"
              "序号\t民生实事项目\t目标任务\n"
              "1\t农村供水保障\t提升农村供水保障人口2万人\n"
              "2\t农村道路畅通\t新改建农村公路90公里\n"
              "3\t养老服务提升\t新建村级养老服务站15个\n\n"
              "附件2\n\n"
              "序号\t责任县领导\t牵头单位\t配合单位\n"
              "1\t王  强\t县水利局\t县财政局\n"
              "3\t\t县民政局\t县卫生健康委\n"
              "2\t刘  芳\t县交通运输局\t县财政局\n")


def test_duty_table_gives_leaders_and_units_by_number_with_blank_leader_from_above():
    projects = {p.name: p for p in run(DUTY_TABLE).projects}
    assert (projects["农村供水保障"].leaders, projects["农村供水保障"].lead_units) == (["王强"], ["县水利局"])
    assert (projects["养老服务提升"].leaders, projects["养老服务提升"].lead_units) == (["王强"], ["县民政局"])
    assert projects["养老服务提升"].partner_units == ["县卫生健康委"]
    assert (projects["农村道路畅通"].leaders, projects["农村道路畅通"].lead_units) == (["刘芳"], ["县交通运输局"])


SUB_ITEMS = ("2025年省政府为民办实事实施方案\n\n"
             "一、完善养老服务\n"
             "（1）新建社区养老服务设施200个；\n"
             "（2）新增护理型床位3000张。\n"
             "资金：省级2亿元、中央预算内投资1.5亿元。\n"
             "牵头单位：省民政厅；配合单位：省财政厅。\n\n"
             "二、保障农村饮水\n"
             "（1）提升农村供水保障人口80万人；\n"
             "（2）农村自来水普及率达到93%以上。\n"
             "资金：省级水利发展资金5亿元。\n"
             "牵头单位：省水利厅；配合单位：省卫生健康委。\n")


def test_field_line_after_sub_items_belongs_to_each_and_funding_is_no_target():
    result = run(SUB_ITEMS)
    by_unit = {}
    for p in result.projects:
        by_unit.setdefault(tuple(p.lead_units), []).append([(t.value, t.unit, t.op) for t in p.targets])
    assert by_unit[("省民政厅",)] == [[(200, "个", "=")], [(3000, "张", "=")]]
    assert by_unit[("省水利厅",)] == [[(800000, "人", "=")], [(93, "%", ">=")]]
    assert all(p.partner_units for p in result.projects if p.targets)
