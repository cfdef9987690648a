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


# ---- 纪要 and 决议 -----------------------------------------------------------------------

MINUTES = (
    "某县人民政府常务会议纪要\n\n〔2017〕第3期\n\n某县人民政府办公室                    2017年3月14日\n\n"
    "{held}上午，县长刘振华在县政府第一会议室主持召开县政府2017年第3次常务会议，研究确定2017年县政府为民办理的十件实事。\n\n"
    "（一）城镇新增就业1800人。由副县长王立新负责，县人社局牵头，县农业局配合，12月底前完成。\n\n"
    "（二）新建改造农村公路120公里。由副县长张国峰负责，县交通局牵头，10月15日前完成。\n\n"
    "出席：刘振华  王立新  张国峰\n")


def test_minutes_are_a_plan_dated_in_their_header_with_assigned_leaders_and_deadlines():
    got = run(MINUTES.format(held="2017年3月10日"))
    d = got.document
    assert (d.kind, d.date, d.doc_number, d.title) == ("plan", "2017-03-14", "〔2017〕第3期", "某县人民政府常务会议纪要")
    assert {p.name[:6]: (p.leaders, p.deadline) for p in got.projects if p.targets} == {
        "城镇新增就业": (["王立新"], "2017-12-31"), "新建改造农村": (["张国峰"], "2017-10-15")}
    assert "刘振华" not in [x for p in got.projects for x in p.leaders]       # the chair
    assert not [f for f in got.flags if f.code == "DATE_INCONSISTENT"]


def test_a_meeting_held_after_the_date_of_its_minutes_is_flagged():
    got = run(MINUTES.format(held="2017年3月16日"))
    assert [(f.code, f.found) for f in got.flags if f.code == "DATE_INCONSISTENT"] == [("DATE_INCONSISTENT", "2017-03-16")]


RESOLUTION = (
    "某区第七届人民代表大会第五次会议\n关于某区2026年民生实事项目票决结果的决议\n\n"
    "（2026年1月12日某区第七届人民代表大会第五次会议通过）\n\n"
    "会议对区人民政府提交的{n}个民生实事候选项目进行了无记名投票表决，按得票多少确定前2个项目为当选项目。\n\n"
    "序号  候选项目                赞成票（票）  得票率    票决结果\n"
    "1     新增基础教育公办学位    276           95.50%    当选\n"
    "2     社区健康服务机构扩容    268           92.73%    当选\n"
    "3     既有住宅加装电梯        208           71.97%    未当选\n\n"
    "（一）新增基础教育公办学位。新增基础教育公办学位2.4万个。（责任单位：区教育局）\n\n"
    "（二）社区健康服务机构扩容。新建改造社区健康服务机构15家。（责任单位：区卫生健康局）\n")


def test_a_resolution_is_a_plan_dated_when_adopted_and_its_ballot_lists_candidates_not_projects():
    got = run(RESOLUTION.format(n=3))
    assert (got.document.kind, got.document.date, got.document.doc_number) == ("plan", "2026-01-12", None)
    assert targets(got) == [(24000.0, "个"), (15.0, "家")]
    assert not [f for f in got.flags if f.code == "COUNT_MISMATCH"]


def test_candidates_declared_against_the_ballot_rows():
    got = run(RESOLUTION.format(n=4))
    assert [(f.expected, f.found) for f in got.flags if f.code == "COUNT_MISMATCH"] == [(4.0, 3)]


# ---- two years in one notice -------------------------------------------------------------

TWO_YEARS = (
    "某自治区人民政府关于2020年为民办实事完成情况\n及2021年为民办实事项目安排的通知\n\n"
    "一、2020年为民办实事完成情况\n\n"
    "2020年，各地全力推进10件为民办实事。城镇新增就业19.3万人，完成年度目标18万人的107.2%；改造城镇老旧小区1856个。\n\n"
    "二、2021年为民办实事项目\n\n"
    "2021年，自治区继续集中力量办好{n}件为民办实事：\n\n"
    "（一）促进城乡就业。城镇新增就业18万人。（牵头单位：自治区人力资源和社会保障厅）\n\n"
    "（二）改善城镇居住条件。改造城镇老旧小区1500个、惠及居民20万户。（牵头单位：自治区住房和城乡建设厅）\n")


def test_last_years_results_are_not_this_years_targets():
    got = run(TWO_YEARS.format(n=2))
    assert (got.document.kind, got.document.year) == ("plan", 2021)
    assert targets(got) == [(180000.0, "人"), (1500.0, "个"), (200000.0, "户")]
    assert not completed(got)
    assert not [f for f in got.flags if f.code == "COUNT_MISMATCH"]


def test_projects_declared_with_banhao_are_counted():
    got = run(TWO_YEARS.format(n=3))
    assert [(f.expected, f.found) for f in got.flags if f.code == "COUNT_MISMATCH"] == [(3.0, 2)]


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


def test_minutes_header_line_read_from_a_pdf_without_its_spaces():
    got = run(MINUTES.format(held="2017年3月10日").replace("办公室                    2017", "办公室2017"))
    assert got.document.date == "2017-03-14"
