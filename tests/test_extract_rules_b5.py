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


# ---- units of measure ------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("补助标准为每生每天4元", [(4.0, "元/人/天")]),
    ("抽检食品样品1.2万批次", [(12000.0, "批次")]),
    ("既有住宅加装电梯60部", [(60.0, "部")]),
    ("3部门联合开展检查", []),
], ids=["per-pupil-per-day", "batches", "lifts", "not-departments"])
def test_units_of_measure(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text, GAZ.units)] == want


# ---- damage ------------------------------------------------------------------------------

def test_a_damaged_month_range_opens_the_count_so_far():
    got = run(PROGRESS_HEAD + "四、城镇就业。年度任务城镇新增就业3.2万人，16月全地区城镇新增就业1.86万人，完成58.1%。（地区人社局）\n")
    assert targets(got) == [(32000.0, "人")]
    assert completed(got) == [(18600.0, "人")]


def test_a_page_footer_does_not_split_a_sentence():
    got = run(PROGRESS_HEAD + "七、农村饮水安全。年度任务解决22万人饮水安全问题，已解\n\n— 3 —\n\n决11.8万人，完成53.6%。（地区水利局）\n\n"
                              "八、城乡低保。城市低保标准提高到每人每月360元。（地区民政局）\n")
    assert (220000.0, "人") in targets(got) and (118000.0, "人") not in targets(got)
    assert completed(got) == [(118000.0, "人")]
    assert got.projects[0].lead_units == ["地区水利局"]


def test_each_of_two_things_is_a_target_of_its_own():
    got = run(PLAN_HEAD + "7．为农村适龄妇女免费开展宫颈癌和乳腺癌检查各50万人。（省卫生健康委、省妇联）\n\n"
                          "8．新建城乡社区居家养老服务站300个。（省民政厅）\n")
    assert targets(got) == [(500000.0, "人"), (500000.0, "人"), (300.0, "个")]


def test_pitches_are_counted_in_blocks():
    assert [(q.value, q.unit) for q in find_quantities("新建标准化塑胶运动场2块", GAZ.units)] == [(2.0, "块")]


def test_a_share_row_of_a_table_gives_a_percent_target_and_completed_share():
    doc = PROGRESS_HEAD + (
        "| 序号 | 项目名称 | 年度目标 | 完成情况 | 完成率 | 状态 | 牵头单位 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | 新建改扩建中小学 | 3所 | 3所 | 100% | 已完成 | 区教育局 |\n"
        "| 2 | 义务教育学校课后服务覆盖率 | 100% | 100% | 100% | 已完成 | 区教育局 |\n")
    got = run(doc)
    assert targets(got) == [(3.0, "所"), (100.0, "%")]
    assert completed(got) == [(3.0, "所"), (100.0, "%")]
    assert not [f for f in got.flags if f.severity != "info"]
