"""The checks: consistent wording raises nothing; one figure perturbed raises exactly its flag."""
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.checks import rate_consistent
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def flags(text):
    doc = read_bytes(text.encode("utf-8"), "-", "txt")
    return [f.code for f in extract(doc, GAZ).flags if f.severity != "info"]


ITEM = ("关于2021年1-6月重点民生实事进展情况的通报\n"
        "1、由县人社局牵头组织实施的“实现城镇新增就业{target}人”项目：全县城镇新增就业{done}人，完成年任务{rate}%，工作有序推进。\n")


@settings(max_examples=40, deadline=None)
@given(target=st.integers(100, 90000), share=st.floats(0.01, 1.5))
def test_consistent_rate_raises_nothing(target, share):
    done = max(1, int(target * share))
    rate = f"{100 * done / target:.2f}"
    assert flags(ITEM.format(target=target, done=done, rate=rate)) == []


@settings(max_examples=40, deadline=None)
@given(target=st.integers(1000, 90000), share=st.floats(0.05, 1.0), bump=st.floats(0.2, 5.0))
def test_perturbed_rate_raises_rate_mismatch(target, share, bump):
    done = max(1, int(target * share))
    rate = f"{100 * done / target + bump:.2f}"
    assert flags(ITEM.format(target=target, done=done, rate=rate)) == ["RATE_MISMATCH"]


def test_boundary_is_consistent():
    # 1710/6000 = 28.5% exactly, written 28%: on the boundary of 28 ± 0.5
    assert rate_consistent(1710, 0, 6000, 0, 28, "28")
    # 22/680 = 3.235%, written 3.3% (3.25–3.35)
    assert not rate_consistent(22, 0, 680, 0, 3.3, "3.3")


def test_rounded_wan_figure_is_consistent():
    # 4.12万人 of 4.5万 is 91.56%, written 91.6%: the 万 figure is itself rounded
    assert rate_consistent(41200, 50, 45000, 0, 91.6, "91.6")


def test_time_progress_is_not_a_completion_rate():
    text = ("关于2020年1-10月民生实事进展情况的通报\n"
            "（一）促进就业。由市人社局牵头。年度目标为城镇新增就业3万人。全市城镇新增就业2.86万人，完成年任务的95.3%。"
            "1—10月时序进度为83.3%。\n")
    assert flags(text) == []


def test_sum_of_status_counts():
    ok = "吉首市省定重点民生实事任务共18件24个考核指标。达到省定验收标准的有8个，工作有序推进的有9个，工作进度相对滞后的是：农村公路提质改造、建设农村公路安防设施、实施困难残疾人家庭无障碍改造、办理法律援助案件、开工建设15个城镇老旧小区、改新建4113个农村户用厕所、增加公办幼儿园学位共7个指标。\n"
    assert flags("进展情况的通报\n" + ok) == []
    bad = ok.replace("共7个指标", "共6个指标")
    assert "COUNT_MISMATCH" in flags("进展情况的通报\n" + bad)


def test_remainder_sum():
    text = ("关于2016年1-7月为民兴办实事进展情况的通报\n"
            "今年,全县承办省列为民兴办实事8项10件。其中城乡低保提标等3件实事已全面完成,完成率达到30%,其余{rest}件均按目标进度要求,正在稳步有序推进。\n")
    assert flags(text.format(rest=7)) == []
    assert flags(text.format(rest=6)) == ["SUM_MISMATCH"]


def test_unit_mismatch():
    text = ("关于2021年1-5月重点民生实事进展情况的通报\n"
            "2、由州卫健委牵头组织实施的“完成孕产妇免费产前筛查1.65万人次”项目：全州已筛查6923人，完成年任务41.96%，工作有序推进。\n")
    assert flags(text) == ["UNIT_MISMATCH"]


NAMES = ["农村公路提质改造", "建设农村公路安防设施", "实施困难残疾人家庭无障碍改造", "办理法律援助案件", "开工建设城镇老旧小区",
         "改新建农村户用厕所", "增加公办幼儿园学位", "康复救助残疾儿童", "孕产妇免费产前筛查", "实施乡村“雪亮工程”"]


def county(done, track, lagging, total=None, declared=None):
    total = done + track + lagging if total is None else total
    declared = lagging if declared is None else declared
    items = "、".join(NAMES[:lagging])
    return (f"关于2021年1-5月重点民生实事进展情况的通报\n（一）吉首市省定重点民生实事任务共18件{total}个考核指标。"
            f"达到省定验收标准的有{done}个，工作有序推进的有{track}个，工作进度相对滞后的是：{items}共{declared}个指标。\n")


@settings(max_examples=30, deadline=None)
@given(done=st.integers(0, 12), track=st.integers(0, 12), lagging=st.integers(2, 10))
def test_consistent_status_counts_raise_nothing(done, track, lagging):
    assert flags(county(done, track, lagging)) == []


@settings(max_examples=30, deadline=None)
@given(done=st.integers(0, 12), track=st.integers(0, 12), lagging=st.integers(2, 10), off=st.integers(1, 3))
def test_a_wrong_total_or_count_raises_exactly_its_flag(done, track, lagging, off):
    assert flags(county(done, track, lagging, total=done + track + lagging + off)) == ["SUM_MISMATCH"]
    # the parts still add up (共 counts the declared number), but the list has fewer items
    assert flags(county(done, track, lagging, total=done + track + lagging + off,
                        declared=lagging + off)) == ["COUNT_MISMATCH"]


def table(rows):
    head = "| 序号 | 实事项目 | 年度目标 | 完成情况 | 完成率 | 责任单位 |\n|---|---|---|---|---|---|\n"
    body = "".join(f"| {i} | 项目{i} | {t}户 | {d}户 | {r}% | 县住建局 |\n" for i, (t, d, r) in enumerate(rows, 1))
    return "关于2019年1-9月民生实事进展情况的通报\n附件\n" + head + body


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(50, 5000), st.floats(0.05, 1.2)), min_size=2, max_size=8), st.data())
def test_tables_consistent_then_one_rate_perturbed(rows, data):
    good = [(t, max(1, int(t * s)), f"{100 * max(1, int(t * s)) / t:.1f}") for t, s in rows]
    assert flags(table(good)) == []
    k = data.draw(st.integers(0, len(good) - 1))
    t, d, r = good[k]
    bad = list(good)
    bad[k] = (t, d, f"{float(r) + data.draw(st.floats(0.2, 9.0)):.1f}")
    assert flags(table(bad)) == ["RATE_MISMATCH"]


def test_a_slipped_rate_between_close_figures_is_a_mismatch_not_swapped_columns():
    # 96 of 97 at 101.0%: the order the header gives stands (97/96 would fit, but so near 100% it proves nothing)
    assert flags(table([(97, 96, "101.0"), (50, 50, "100.0")])) == ["RATE_MISMATCH"]
    assert flags(table([(97, 96, "99.0"), (50, 50, "100.0")])) == []


COUNTY_TABLE = ("某州2022年农村户厕改造进展情况汇总表（1—8月）\n\n"
                "序号  县（市）  年度任务  累计完成  完成率\n"
                "1     甲县      1000      800       80.00%\n"
                "2     乙县      1000      700       70.00%\n"
                "3     丙县      1000      600       60.00%\n\n"
                "注：1.1—8月时序进度为66.7%。\n"
                "2.完成率超过时序进度的县（市）共{n}个。\n")


def test_a_footnote_count_that_matches_the_rates_raises_nothing():
    assert flags(COUNTY_TABLE.format(n=2)) == []


def test_a_footnote_count_that_does_not_match_the_rates_raises_count_mismatch():
    assert flags(COUNTY_TABLE.format(n=3)) == ["COUNT_MISMATCH"]
