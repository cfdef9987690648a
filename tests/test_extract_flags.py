"""Flags on extracted documents built here: numbered items against each other and against the declared
count (NUMBERING_GAP, COUNT_MISMATCH), a count in another unit than its target (UNIT_MISMATCH), and dates
past the stated period or the required year (DATE_INCONSISTENT)."""
import pytest
from extract_helpers import codes, rates, run

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"


# ---- numbered items: gaps, repeats and the declared count -----------------------------------

ITEMS = "某省人民政府关于印发2019年重点民生实事实施方案的通知\n\n2019年集中力量办好2个方面{n}项重点民生实事。具体如下：\n\n一、教育方面\n\n" \
        "1．新建幼儿园20所。（省教育厅）\n\n2．补助标准为每生每天4元。（省教育厅）\n\n二、健康方面\n\n" \
        "3．为农村适龄妇女免费开展宫颈癌和乳腺癌检查各50万人。（省卫生健康委）\n\n{last}．新增养老床位300张。（省民政厅）\n"


def test_items_numbered_in_prose_that_skip_raise_numbering_gap():
    got = run(ITEMS.format(n=4, last=5))
    assert [(f.code, f.expected, f.found) for f in got.flags if f.severity != "info"] == [("NUMBERING_GAP", 4, 5)]


def test_n_items_of_a_plan_count_the_numbered_items_not_their_figures():
    got = run(ITEMS.format(n=4, last=4))
    assert not [f for f in got.flags if f.severity != "info"]


def test_prose_items_repeating_and_skipping_give_one_numbering_gap():
    heads = ["一", "二", "三", "三", "五"]
    names = ["新建幼儿园", "新增养老床位", "改造老旧小区", "新建停车泊位", "新建公厕"]
    body = "".join(f"（{h}）{n}\n目标任务：{n}{k + 3}个。\n牵头单位：县住建局\n完成时限：11月底前\n\n"
                   for k, (h, n) in enumerate(zip(heads, names)))
    ex = run("某县人民政府办公室关于印发2025年民生实事分工方案的通知\n\n" + body + "某县人民政府办公室\n2025年2月18日\n")
    gaps = [f for f in ex.flags if f.code == "NUMBERING_GAP"]
    assert len(gaps) == 1 and "重复" in gaps[0].message and "缺第4项" in gaps[0].message
    ok = run("某县人民政府办公室关于印发2025年民生实事分工方案的通知\n\n" + body.replace("（三）新建停车", "（四）新建停车")
             + "某县人民政府办公室\n2025年2月18日\n")
    assert not [f for f in ok.flags if f.code == "NUMBERING_GAP"]


def _chinese(n: int) -> str:
    digits = "一二三四五六七八九"
    return ("" if n < 20 else digits[n // 10 - 1]) + ("十" if n >= 10 else "") + (digits[n % 10 - 1] if n % 10 else "")


def plan_of(n_items: int, declared: str, extra: str = "") -> str:
    items = "\n\n".join(f"第{_chinese(k)}件：实事项目{k}。新建村级服务点{k}个。（牵头单位：县民政局；完成时限：11月底前）"
                        for k in range(1, n_items + 1))
    return (f"某县人民政府办公室关于印发2025年为民办实事项目的通知\n\n各乡镇：\n\n"
            f"2025年集中办好{declared}为民办实事{extra}。现将项目印发给你们。\n\n{items}\n\n"
            "某县人民政府办公室\n2025年2月10日\n")


def test_chinese_ordinal_items_are_items():
    r = run(plan_of(12, "十二件"))
    assert [p.seq for p in r.projects][:3] == ["一", "二", "三"] and len(r.projects) == 12
    assert codes(r) == []


def test_chinese_ordinal_items_short_of_the_declared_count():
    assert codes(run(plan_of(11, "十二件"))) == ["COUNT_MISMATCH"]


# ---- a 自查报告 numbered across two status headings, up to its stated 截至 day --------------------

SELF_CHECK = """某县人民政府关于2019年为民办实事完成情况的自查报告

某市人民政府：

截至12月15日，我县6项实事中，全面完成4项，基本完成2项。现将自查情况报告如下：

一、全面完成的项目（4项）

1．农村危房改造（县住建局）。目标任务500户，实际完成500户，完成率100%。

2．通村道路硬化（县交通运输局）。目标任务120公里，实际完成121公里，完成率100.8%。

3．村级幼儿园建设（县教育局）。目标任务新建10所，实际建成10所，完成率100%。

4．贫困残疾人家庭无障碍改造（县残联）。目标任务80户，实际完成80户，完成率100%。

二、基本完成的项目（2项）

5．农村劳动力技能培训（县人社局）。目标任务1,500人，实际完成1,380人，完成率92%。

6．60岁以上老年人健康体检（县卫健局）。目标任务3万人，实际完成2.79万人，完成率93%。

某县人民政府
2019年12月20日
"""


def test_items_numbered_on_across_status_headings_raise_no_flag():
    r = run(SELF_CHECK)
    assert codes(r) == []


def test_an_item_dot_before_a_figure_numbers_the_next_item():
    r = run(SELF_CHECK)
    item = next(p for p in r.projects if p.seq == "6")
    assert item.name.startswith("60岁以上老年人健康体检")
    assert [(t.value, t.unit) for t in item.targets] == [(30000, "人")]


def test_the_stated_as_of_day_ends_the_period():
    assert codes(run(SELF_CHECK)) == []
    late = SELF_CHECK.replace("截至12月15日", "截至12月31日")
    assert codes(run(late)) == ["DATE_INCONSISTENT"]


# ---- a count in another unit than its target ------------------------------------------------

@pytest.mark.parametrize("body, flagged", [
    ("三、农村饮水安全。计划解决1.8万农村人口饮水安全问题，已解决1.52万户，完成84.4%。（县水务局）", True),
    ("一、农村泥草房改造。年计划改造农村泥草房3600户，全年实际改造3780间，完成年计划的105%。（县住建局负责）", True),
    ("一、农村泥草房改造。年计划改造农村泥草房3600户，全年实际改造3780户，完成年计划的105%。（县住建局负责）", False),
], ids=["people-vs-households", "households-vs-rooms", "same-unit"])
def test_a_count_in_another_unit_than_its_target_is_flagged_even_when_the_rate_fits(body, flagged):
    got = run(PROGRESS_HEAD + body + "\n")
    assert 105.0 in rates(got) or 84.4 in rates(got)
    assert bool([f for f in got.flags if f.code == "UNIT_MISMATCH"]) == flagged


@pytest.mark.parametrize("done, rate, flagged", [
    ("已完成改造面积36万平方米", "80%", True),       # 36 / 45 = 80%: the writer divided unlike things
    ("已完成改造面积36万平方米", "62.5%", False),    # the rate comes from elsewhere: no claim to check
    ("已完成改造36个", "80%", False),
], ids=["area-over-count", "rate-unrelated", "same-unit"])
def test_a_count_against_an_area(done, rate, flagged):
    text = ("某市人民政府办公室关于2021年1—10月为民办实事进展情况的通报\n\n"
            f"1．老旧小区改造（市住建局）。年度改造老旧小区45个，{done}，完成率{rate}。\n\n"
            "2．公共停车泊位（市城管局）。新增公共停车泊位2000个，已完成1600个，完成率80%。\n\n"
            "某市人民政府办公室\n2021年11月8日\n")
    assert ("UNIT_MISMATCH" in codes(run(text))) is flagged


# ---- a deadline past the year the notice requires -------------------------------------------

def test_a_deadline_past_the_required_year_end():
    late = plan_of(3, "三件", "，项目须于2025年12月31日前全部建成").replace(
        "实事项目3。新建村级服务点3个。（牵头单位：县民政局；完成时限：11月底前）",
        "实事项目3。新建村级服务点3个。（牵头单位：县民政局；完成时限：2026年3月底前）")
    r = run(late)
    assert codes(r) == ["DATE_INCONSISTENT"]
    assert [f.found for f in r.flags if f.code == "DATE_INCONSISTENT"] == ["2026-03-31"]
    marked = late.replace("实事项目3。", "实事项目3（跨年度项目）。")
    assert codes(run(marked)) == []
    unruled = late.replace("，项目须于2025年12月31日前全部建成", "")
    assert codes(run(unruled)) == []
