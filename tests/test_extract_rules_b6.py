"""Batch 6 habits on small documents built here: bare-month deadlines, role labels inside a unit cell,
a leader's post in brackets, a one-header-row summary table with several project groups."""
import pytest

from extractors import extract
from extractors.tables import deadline_iso
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PLAN_HEAD = "某区人民政府办公室关于印发2020年为民办实事项目计划的通知\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


# ---- deadlines --------------------------------------------------------------------------

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


# ---- role labels inside a unit cell -----------------------------------------------------

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


# ---- a leader's post in brackets ---------------------------------------------------------

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


# ---- a one-header-row summary table with several project groups and a total row last -----

SUMMARY = (
    "某市2012年为民办实事主要指标完成情况汇总表\n\n"
    "县区\t就业任务（人）\t就业完成（人）\t就业完成率（%）\t危房改造任务（户）\t危房改造完成（户）\t危房改造完成率（%）\n"
    "甲县\t4200\t4158\t99.00\t—\t—\t—\n"
    "乙县\t2600\t2431\t93.50\t2800\t2604\t93.00\n"
    "丙县\t1200\t1050\t87.50\t1080\t1026\t95.00\n"
    "{total}\t8000\t7639\t95.49\t3880\t3630\t93.56\n")


@pytest.mark.parametrize("total", ["全市合计", "合计", "总计"], ids=["city-total", "total", "grand-total"])
def test_summary_table_with_groups_in_one_header_row(total):
    got = [(p.name, p.region, p.targets[0].value, p.targets[0].unit, p.progress[0].completed.value, p.progress[0].rate)
           for p in run(SUMMARY.format(total=total)).projects if p.targets]
    assert got == [
        ("就业", "甲县", 4200, "人", 4158, 99.0), ("就业", "乙县", 2600, "人", 2431, 93.5),
        ("就业", "丙县", 1200, "人", 1050, 87.5), ("就业", None, 8000, "人", 7639, 95.49),
        ("危房改造", "乙县", 2800, "户", 2604, 93.0), ("危房改造", "丙县", 1080, "户", 1026, 95.0),
        ("危房改造", None, 3880, "户", 3630, 93.56)]


@pytest.mark.parametrize("cell, want", [
    ("市水务局（农村饮水安全）、市人力资源和社会保障局（城镇新增就业）", ["市水务局", "市人力资源和社会保障局"]),
    ("市林水局（水利）", ["市林水局（水利）"]),
    ("市规划和自然资源局（市林业局）", ["市规划和自然资源局（市林业局）"]),
], ids=["task-in-brackets", "short-qualifier", "second-organisation"])
def test_the_task_in_brackets_after_a_unit(cell, want):
    from extractors.people import units_in
    assert units_in(cell, GAZ.org_suffixes) == want


def test_a_staged_deadline_is_the_final_stage():
    text = "2023年10月31日前完成全部改造任务的80%，12月20日前全面完工"
    assert deadline_iso(text, None) == "2023-12-20"
    assert deadline_iso("9月底前开工，年底前完工", 2020, require_before=True) == "2020-09-30"
