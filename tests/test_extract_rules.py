"""Extraction rules on small documents built here: what a user relies on, one phenomenon a test."""
import pytest

from extractors import extract
from extractors.people import role_units, units_in
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"
PLAN_HEAD = "某县人民政府关于印发2023年十件民生实事实施方案的通知\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def units(result) -> dict[str, tuple[list[str], list[str]]]:
    return {p.name: (p.lead_units, p.partner_units) for p in result.projects}


def targets(result) -> list[tuple[float, str, str]]:
    return [(t.value, t.unit, t.op) for p in result.projects for t in p.targets]


def completed(result) -> list[tuple[float, str]]:
    return [(g.completed.value, g.completed.unit) for p in result.projects for g in p.progress if g.completed]


def rates(result) -> list[float]:
    return [g.rate for p in result.projects for g in p.progress if g.rate is not None]


# ---- responsible units written in prose --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("由县住建局牵头，罗阳街道办事处负责实施", [("lead", ["县住建局"]), ("partner", ["罗阳街道办事处"])]),
    ("城区棚户区改造由区住建局、区国土资源局协办", [("partner", ["区住建局", "区国土资源局"])]),
    ("（省委宣传部、省文化广电和旅游厅、省体育局按职责分工负责）",
     [("lead", ["省委宣传部", "省文化广电和旅游厅", "省体育局"])]),
    ("（省商务厅牵头，省市场监管局配合）", [("lead", ["省商务厅"]), ("partner", ["省市场监管局"])]),
    ("罗阳街道办事处负责", [("lead", ["罗阳街道办事处"])]),
    ("主要原因是县住建局配合不力", []),
    ("请各牵头单位加快推进", []),
    ("各乡镇负责组织实施", []),
], ids=["lead-then-responsible", "partners-only", "by-division-of-duty", "bracketed-lead-partner",
        "responsible-alone", "not-a-clause-of-units", "generic-lead", "generic-townships"])
def test_role_units(text, expected):
    got = [(role, names) for role, names, _ in role_units(text, GAZ.org_suffixes)]
    assert got == expected


def test_units_in_prose_paragraph_go_to_the_project_named():
    doc = PROGRESS_HEAD + (
        "序号  实事项目        年度目标    完成情况    完成率    牵头单位\n"
        "1     农村安全饮水    3.5万人     3.2万人     91.4%     区水利局\n"
        "2     城区棚户区改造  1200套      1062套      88.5%     区房管局\n\n"
        "其中，农村安全饮水工程由区卫计局协办；城区棚户区改造由区住建局、区国土资源局协办。\n")
    got = units(run(doc))
    assert got["农村安全饮水"] == (["区水利局"], ["区卫计局"])
    assert got["城区棚户区改造"] == (["区房管局"], ["区住建局", "区国土资源局"])


def test_units_in_an_item_body_and_title_brackets():
    doc = PROGRESS_HEAD + (
        "一、改善农村人居环境。由区农业农村委牵头，鱼嘴镇、复盛镇负责实施。年度目标改造农村户厕1200户，已全部完成，完成率100%。\n\n"
        "二、棚户区改造（县住建局，配合：罗阳街道办事处）。年度计划改造棚户区1260户，已签约1134户，签约率90%。\n")
    got = units(run(doc))
    assert got["改善农村人居环境"] == (["区农业农村委"], ["鱼嘴镇", "复盛镇"])
    assert got["棚户区改造"] == (["县住建局"], ["罗阳街道办事处"])


def test_a_duty_under_a_generic_heading_is_not_a_project():
    doc = PLAN_HEAD + "一、新建幼儿园3所（县教育局牵头）。\n\n二、保障措施\n\n（三）严格督查考核。省统计局负责对项目完成情况进行统计监测。\n"
    assert units(run(doc)) == {"新建幼儿园3所": (["县教育局"], [])}


def test_a_separator_inside_brackets_does_not_split_a_unit():
    assert units_in("县卫计局、各乡（镇、街道）", GAZ.org_suffixes) == ["县卫计局"]
