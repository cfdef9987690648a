"""Money on small documents built here: investment columns and the unit in their header, planned
investment as a target, 小计/总计 rows, a sum broken down by source, a total set before its progress."""
import pytest
from extract_helpers import codes, completed, rates, run, targets

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"


# ---- investment columns: planned investment is a target, its rate is not the work done ------

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


MONEY_TABLE = """某市人民政府办公室关于2021年民生实事完成情况的通报

2021年各项民生实事全部完成，详见附表。

（投资单位：万元）

序号\t项目名称\t年度目标任务\t完成情况\t计划投资\t完成投资\t投资完成率（%）
一、教育类
1\t新建公办幼儿园\t8所\t8所\t12000\t11400\t95.00
2\t改造农村学校厕所\t60所\t60所\t1800\t1800\t100.00
\t小计\t\t\t13800\t{sub1}\t{rate1}
二、民生保障类
3\t城乡居民健康体检\t20万人\t20.5万人\t2000\t1950\t97.50
4\t建设养老服务站\t30个\t30个\t3000\t2850\t95.00
\t小计\t\t\t5000\t4800\t96.00
\t总计\t\t\t18800\t18000\t95.74

某市人民政府办公室
2022年1月20日
"""


def test_an_investment_rate_is_not_the_work_done():
    r = run(MONEY_TABLE.format(sub1="13200", rate1="95.65"))
    kindergartens = next(p for p in r.projects if p.name == "新建公办幼儿园")
    assert [(g.completed.value, g.completed.unit, g.rate) for g in kindergartens.progress] == \
        [(8, "所", None), (114000000, "元", 95.0)]
    assert (120000000, "元") in [(t.value, t.unit) for t in kindergartens.targets]
    assert codes(r) == []


# ---- 小计 / 总计 rows ---------------------------------------------------------------------------

def test_a_wrong_subtotal_is_one_sum_mismatch():
    r = run(MONEY_TABLE.format(sub1="13020", rate1="94.35"))       # the rows give 13200
    sums = [f for f in r.flags if f.code == "SUM_MISMATCH"]
    assert len(sums) == 1 and sums[0].project.name == "教育类小计"
    assert (sums[0].expected, sums[0].found) == (132000000, 130200000)


def test_subtotal_rows_are_not_projects_counted_or_numbered():
    r = run(MONEY_TABLE.format(sub1="13200", rate1="95.65"))
    assert [p.name for p in r.projects if p.subtotal] == ["教育类小计", "民生保障类小计", "总计"]
    assert not any(f.code in ("COUNT_MISMATCH", "NUMBERING_GAP") for f in r.flags)


# ---- money in prose: a breakdown by source, a planned total and its progress ----------------

@pytest.mark.parametrize("total, flagged", [("562.8", True), ("554.8", False), ("554.9", False)],
                         ids=["parts-short-by-8", "adds-up", "within-rounding"])
def test_a_money_breakdown_is_checked_as_a_sum(total, flagged):
    doc = PROGRESS_HEAD + (f"（一）资金投入情况。33项民生工程累计下达资金{total}亿元，其中中央资金298.6亿元、"
                           "省级资金143.5亿元、市县资金112.7亿元；资金到位率96.3%。\n")
    got = run(doc)
    assert bool([f for f in got.flags if f.code == "SUM_MISMATCH"]) == flagged
    assert not [t for p in got.projects for t in p.targets if t.unit == "元"]


def test_a_sentence_of_progress_alone_continues_the_task_set_before_it():
    got = run(PROGRESS_HEAD + "今年县委、县政府确定为民办实事项目8件，计划总投资3.26亿元。截至10月31日，累计完成投资2.48亿元，"
                              "投资完成率76.1%。现将各项目进展情况通报如下：\n")
    assert targets(got) == [(326000000.0, "元")]
    assert completed(got) == [(248000000.0, "元")] and rates(got) == [76.1]
