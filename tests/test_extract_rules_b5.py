"""Extraction rules of corpus batch 5 (054–065), on small documents built here."""
import pytest

from extractors import extract
from extractors.numbers import find_quantities
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"
PLAN_HEAD = "某市人民政府关于印发2022年十件民生实事实施方案的通知\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def targets(result) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for p in result.projects for t in p.targets]


def completed(result) -> list[tuple[float, str]]:
    return [(g.completed.value, g.completed.unit) for p in result.projects for g in p.progress if g.completed]


def rates(result) -> list[float]:
    return [g.rate for p in result.projects for g in p.progress if g.rate is not None]


# ---- table columns ---------------------------------------------------------------------

def test_a_content_column_holds_the_targets():
    doc = PLAN_HEAD + (
        "序号\t民生实事项目\t具体内容\t责任领导\t牵头单位\t完成时间\n"
        "1\t城镇新增就业\t城镇新增就业3.2万人，农村劳动力转移就业培训1.5万人次\t王志强\t市人社局\t2022年12月底前\n"
        "2\t健康服务\t65岁及以上老年人健康管理率达到70%以上\t李明\t市卫健委\t2022年12月底前\n")
    got = run(doc)
    assert targets(got) == [(32000.0, "人"), (15000.0, "人次"), (70.0, "%")]
    assert got.projects[0].lead_units == ["市人社局"]


def test_a_header_unit_applies_to_bare_numbers_and_planned_investment_is_a_target():
    doc = PROGRESS_HEAD + (
        "序号\t项目名称\t计划投资（万元）\t累计完成投资（万元）\t投资完成率（%）\n"
        "1\t保障性住房建设\t8600\t6450\t75.0\n"
        "2\t新型农村合作医疗\t—\t—\t—\n")
    got = run(doc)
    assert (86000000.0, "元") in targets(got)
    assert (64500000.0, "元") in completed(got)
    assert 75.0 in rates(got)
    assert not [v for v, u in targets(got) + completed(got) if not u]


# ---- units of measure ------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("补助标准为每生每天4元", [(4.0, "元/人/天")]),
    ("抽检食品样品1.2万批次", [(12000.0, "批次")]),
    ("既有住宅加装电梯60部", [(60.0, "部")]),
    ("3部门联合开展检查", []),
], ids=["per-pupil-per-day", "batches", "lifts", "not-departments"])
def test_units_of_measure(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text, GAZ.units)] == want
