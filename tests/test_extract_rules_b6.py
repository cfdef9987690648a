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
