"""Numbers, units and text normalisation: number words, units of measure, figures broken by a PDF paste
or a damaged month range, date notations, bounds and rough figures — each on a short snippet written here."""
import pytest
from extract_helpers import GAZ, completed, run, targets

from extractors.numbers import find_quantities

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"
PLAN_HEAD = "某县人民政府关于印发2023年十件民生实事实施方案的通知\n\n"


def figures(text: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.op) for q in find_quantities(text, GAZ.units)]


# ---- number words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("组织现场招聘会上百场。", [(100, "场", ">=")]),
    ("全年培训护理员3千名。", [(3000, "人", "=")]),
    ("新建区域性养老服务中心千余个。", [(1000, "个", "=")]),
    ("全年开展送医下乡近百场。", [(100, "场", "=")]),
    ("惠及困难群众万余人。", [(10000, "人", "=")]),
    ("带动就业近万人。", [(10000, "人", "=")]),
    ("在东城区和西城区各新建两所公办幼儿园。", [(2, "所", "="), (2, "所", "=")]),
    ("为困难群众开展义诊数十万人次。", []),
    ("组织文艺演出下乡1万场次。", [(10000, "场次", "=")]),
    ("为农家书屋配送图书50万册。", [(500000, "册", "=")]),
    ("为12,000名老人发放补贴。", [(12000, "人", "=")]),
    ("新改建农村公路3千米。", [(3, "公里", "=")]),
    ("落实两项补贴政策，惠及困难群众。", []),
], ids=["shang-bai", "3-qian", "qian-yu", "jin-bai", "wan-yu", "jin-wan", "liang-each", "shu-shi-wan", "changci", "ce", "thousands-sep",
        "qianmi-not-qian", "liang-xiang-name"])
def test_number_words(text, expected):
    assert [(v, u, o) for v, u, o in figures(text)] == expected


# ---- units of measure and changes of a standard --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("燃气普及率提高3个百分点。", [(3, "个百分点", "=")]),
    ("建设笼式足球场6片。", [(6, "片", "=")]),
    ("将城区划为3片区推进网格化管理。", []),
    ("保证学校教室温度不低于20℃。", [(20, "℃", ">=")]),
    ("高龄津贴和护理补贴标准均提高到每人每月100元。", [(100, "元/人/月", "="), (100, "元/人/月", "=")]),
    ("特困人员供养标准由每人每月500元提高到560元。", [(560, "元/人/月", "=")]),
    ("解决3.2万农牧民饮水安全问题。", [(32000, "人", "=")]),
    # a level reached by both (a report) and an average are one figure, not one for each
    ("生活补贴和护理补贴均达到100元/人/月。", [(100, "元/人/月", "=")]),
    ("城市低保标准平均达到583元/月、农村低保标准平均达到4425元/年。", [(583, "元/月", "="), (4425, "元/年", "=")]),
], ids=["percentage-points", "pian", "pianqu-is-a-district", "celsius", "jun-two-standards", "new-standard-takes-unit",
        "nongmumin", "jun-reached-is-one", "pingjun-is-not-each"])
def test_units(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, want", [
    ("补助标准为每生每天4元", [(4.0, "元/人/天")]),
    ("抽检食品样品1.2万批次", [(12000.0, "批次")]),
    ("既有住宅加装电梯60部", [(60.0, "部")]),
    ("3部门联合开展检查", []),
], ids=["per-pupil-per-day", "batches", "lifts", "not-departments"])
def test_units_of_measure(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text, GAZ.units)] == want


def test_pitches_are_counted_in_blocks():
    assert [(q.value, q.unit) for q in find_quantities("新建标准化塑胶运动场2块", GAZ.units)] == [(2.0, "块")]


@pytest.mark.parametrize("text, expected", [
    ("特困人员供养标准由每人每月500元提高到560元。", [(560, "元/人/月")]),
    ("城乡低保标准提高到每人每月不低于700元、每人每年不低于6000元，比上年分别提高50元和200元。",
     [(700, "元/人/月"), (6000, "元/人/年")]),
    ("每人每月提高20元。", []),
    ("新建公办幼儿园8所，较上年增加2所。", [(8, "所")]),
    ("提升5.2万农村人口供水保障水平，增加学位3000个。", [(52000, "人"), (3000, "个")]),
], ids=["old-standard-dropped", "increases-dropped", "bare-increase", "comparison-with-jiao", "growth-words-are-not-increases"])
def test_changes_are_not_targets(text, expected):
    from extractors.numbers import target_figures

    assert [(q.value, q.unit) for q in target_figures(text, find_quantities(text, GAZ.units))] == expected


def test_points_and_level_of_one_indicator_are_two_targets():
    from extractors.numbers import percent_targets

    text = "城区集中供热普及率提高2个百分点、达到95%。"
    assert figures(text) == [(2, "个百分点", "=")]
    assert [(q.value, q.unit) for q in percent_targets(text)] == [(95, "%")]


# ---- text pasted from a PDF: hard line breaks, page footers, running heads --------------------

WRAPPED = """某州人民政府办公室
关于2019年州级民生实事前三季度进展情况
的通报

各县人民政府，州政府各部门：
　　2019年，州政府确定的8项民生实事涉及就业、住房、教育、医
疗等领域。截至2019年9月30日，各项目总体进展顺利，其中已完
成2项，达到或超过时序进度4项，低于时序进度2项。现通报如下：
　　一、城镇新增就业。年度目标6000人，已完成4800人，完成率
80%。（州人社局）
　　二、农牧民转移就业。年度目标4.2万人次，已转移就业3.3

— 1 —

某州民生实事进展情况通报
6万人次，完成率80%。（州人社局）
　　三、城镇棚户区改造。年度开工任务2400套，全州已开工1920
套，开工率80%。（州住建局）
　　四、城区供热管网改造。年度任务40公里，已完成32公里，完成
率80%。（州住建局）
　　五、老年人免费健康体检。为65岁以上老年人免费健康体检2.5

— 2 —

某州民生实事进展情况通报
万人，已体检2万人，完成率80%。（州卫生健康委）

　　　　　　　　　　某州人民政府办公室
　　　　　　　　　　　　　　2019年10月15日

— 3 —
"""


def test_figures_broken_by_line_and_page_breaks_are_read_whole():
    ex = run(WRAPPED)
    by = {p.name: p for p in ex.projects}
    transfer = by["农牧民转移就业"]
    assert [(t.value, t.unit) for t in transfer.targets] == [(42000, "人次")]
    assert [(g.completed.value, g.completed.unit, g.rate) for g in transfer.progress] == [(33600, "人次", 80)]
    assert transfer.lead_units == ["州人社局"]
    assert [(g.completed.value, g.completed.unit) for g in by["城镇棚户区改造"].progress] == [(1920, "套")]
    assert [(t.value, t.unit) for t in by["老年人免费健康体检"].targets] == [(25000, "人")]
    assert "某州民生实事进展情况通报" not in by and not any("通报" in p.name for p in ex.projects)
    assert not [f for f in ex.flags if f.severity != "info"]
    unread = [f.evidence.text for f in ex.flags if f.code == "UNPARSED"]
    assert not any("人社局" in t or "住建局" in t or "卫生健康委" in t for t in unread)   # continuations were read


def test_one_paragraph_a_line_is_not_joined():
    text = """某县2021年民生实事项目实施方案

一、新建幼儿园十二所，新增学位二千一百个。
责任单位：县教育局（牵头），县发改委、县住建局
完成时限：十月底前

二、改造农村公路一百二十公里。
责任单位：县交通运输局（牵头），县财政局、县自然资源局
完成时限：十月底前

三、实施农村安居工程三千五百户。
责任单位：县住建局（牵头），各乡镇人民政府、县财政局
完成时限：十一月底前

四、新增城镇就业4500人。
责任单位：县人社局（牵头），县财政局、县市场监管局
完成时限：十二月底前
"""
    ex = run(text)
    assert len(ex.projects) == 4 and all(p.deadline for p in ex.projects)      # 完成时限 lines stay fields
    assert not any("：" in u for p in ex.projects for u in p.lead_units + p.partner_units)


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


# ---- date notations ---------------------------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    (["某区12件民生实事进展如何？", "", "原创　某区发布　某区发布　2023-10-16 17:30 发表于山东"], "2023-10-16"),
    (["某县民生实事", "某县发布  2024-02-28 18:30  广西"], "2024-02-28"),
], ids=["wechat-account-line", "one-account-name"])
def test_post_date_of_a_wechat_article(lines, expected):
    from extractors.metadata import date_of

    assert date_of(lines) == expected


@pytest.mark.parametrize("written, expected", [
    ("2026.03.31", "2026-03-31"), ("2026.8.31前", "2026-08-31"), ("2026-11-30", "2026-11-30"),
], ids=["dotted", "dotted-short", "iso"])
def test_full_date_deadlines(written, expected):
    from extractors.tables import deadline_iso

    assert deadline_iso(written, 2026) == expected


def test_a_standard_paid_out_is_a_stated_rate():
    ex = run("""某市人民政府办公室关于2020年民生实事上半年进展情况的通报

一、城乡低保提标（市民政局）。城市低保标准由每人每月600元提高到650元，已于4月1日起按新标准发放，兑现率100%。
二、城镇新增就业（市人社局）。年度目标5000人，已完成3000人，完成率60%。
""")
    by = {p.name: p for p in ex.projects}
    standard = by["城乡低保提标"]
    assert [(t.value, t.unit) for t in standard.targets] == [(650, "元/人/月")]
    assert [(g.completed, g.rate) for g in standard.progress] == [(None, 100)]


@pytest.mark.parametrize("text, expected", [
    ("城乡居民基础养老金最低标准提高到每人每月138元。", [(138, "元/人/月", "=")]),     # the standard's name
    ("最低不少于每人每月138元。", [(138, "元/人/月", ">=")]),
    ("完成老旧小区改造25个，惠及居民≥6000户。", [(25, "个", "="), (6000, "户", ">=")]),
    ("每个窗口排队人数≤50人。", [(50, "人", "<=")]),
], ids=["zuidi-biaozhun", "zuidi-bushaoyu", "geq-sign", "leq-sign"])
def test_bounds(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("item, want", [
    ("培训农民工1.5万余名", (15000.0, "人", ">=", "1.5万余名")),
    ("新建改造农村公路逾8000公里", (8000.0, "公里", ">=", "逾8000公里")),
    ("改造农村户厕3000多户", (3000.0, "户", ">=", "3000多户")),
    ("新增养老床位超1000张", (1000.0, "张", ">=", "超1000张")),
    ("惠及群众近300万人", (3000000.0, "人", "<=", "近300万人")),
    ("解决不足300户群众饮水问题", (300.0, "户", "<=", "不足300户")),
    ("新增养老床位约500张", (500.0, "张", "=", "约500张")),
    ("改造农村危房3000余户以上", (3000.0, "户", ">=", "3000余户")),
], ids=["yu-after", "yu-before", "duo", "chao", "jin", "buzu", "yue", "stated-bound-wins"])
def test_a_rough_target_takes_the_bound_of_its_word(item, want):
    r = run(PLAN_HEAD + f"一、民生实事。{item}。（县人社局）\n")
    assert [(t.value, t.unit, t.op, t.raw) for p in r.projects for t in p.targets] == [want]


def test_a_standard_bound_in_a_progress_report_keeps_its_bound():
    text = ("关于2020年民生实事进展情况的通报\n"
            "截至9月底，十件民生实事进展顺利。\n"
            "（三）低保提标（牵头单位：市民政局）。城市低保标准提高到每人每月不低于650元，"
            "农村低保标准提高到每人每年不低于5200元，已于7月1日起全面执行，完成率100%。\n")
    ops = {(t.value, t.op) for p in run(text).projects for t in p.targets}
    assert {(650, ">="), (5200, ">=")} <= ops
