"""What a progress report gives as progress, on small documents built here: status tallies (they must add
up and give no targets), rates with and without a count, rough completed figures, several tasks in one
paragraph, a county's own task and rate, and figures that are not this year's progress (last year's, a
count started, a grade threshold)."""
import pytest
from extract_helpers import completed, rates, run, targets

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n"


def sum_flags(result) -> list[tuple[float, float]]:
    return [(f.expected, f.found) for f in result.flags if f.code == "SUM_MISMATCH"]


# ---- a declared total split by status must add up -------------------------------------------

@pytest.mark.parametrize("sentence, flags", [
    ("截至6月30日，52项具体任务中，已完成年度任务的9项，超序时进度推进的28项，基本达到序时进度的11项，滞后于序时进度的3项。",
     [(52, 51)]),
    ("截至9月30日，10件民生实事中，已完成3件，序时推进6件，进度滞后1件。", []),
    ("截至9月30日，10件民生实事中，已完成3件，序时推进6件，进度滞后2件。", [(10, 11)]),
    ("截至9月底，12件实事中已完成3件，8件达到进度要求，2件相对滞后。", [(12, 13)]),
    ("截至6月30日，十件民生实事中已完成3件（城乡低保提标、新增城区公共停车位），达到时序进度的3件，滞后于时序进度的3件。",
     [(10, 9)]),
    ("截至6月30日，12个子项中，已完成全年目标的1个，完成进度达到或超过50%的8个，完成进度低于50%的3个。", []),
    ("截至9月30日，16项具体任务中已完成7项，其余8项正在按计划推进。", [(16, 15)]),
    ("截至8月末，10件民生实事中，截至8月末，已完成年度目标的3件，达到或超过时序进度的5件，低于时序进度的2件。", []),
    ("截至9月30日，15件实事中，已完成13件，其中提前完成3件，基本完成1件，未完成1件。", []),
], ids=["prose-52-of-51", "agrees", "over-the-total", "count-before-status", "hanzi-total-brackets",
        "ge-ge", "remainder", "clause-without-count", "qizhong-ends-the-tally"])
def test_status_tally_sums_to_its_total(sentence, flags):
    assert sum_flags(run(PROGRESS_HEAD + sentence + "\n")) == flags


def test_two_parts_short_of_the_total_are_a_partial_list():
    """'已完成3件，滞后1件' of 10 names two statuses only: the on-track ones are not written, no flag."""
    assert sum_flags(run(PROGRESS_HEAD + "截至9月30日，10件民生实事中，已完成3件，进度滞后1件。\n")) == []


def test_total_row_of_a_table_split_by_status():
    rows = [["序号", "项目名称", "年度目标", "累计完成", "完成率", "进展情况"],
            ["1", "城镇新增就业", "1.2万人", "0.86万人", "71.7%", "正在推进"],
            ["2", "新建公办幼儿园", "3所", "3所", "100%", "全面完成"],
            ["3", "新增养老床位", "300张", "120张", "40%", "装修中"],
            ["合计", "3项", "", "", "", "已完成1项，序时推进1项，滞后2项"]]
    text = "某区2023年重点民生实事进展情况表\n（截至2023年8月31日）\n\n" + "\n\n".join(
        "\n".join("\t" + c for c in row) for row in rows) + "\n"
    assert sum_flags(run(text)) == [(3, 4)]


# ---- the numbers of a status tally give neither targets nor progress; rates without counts ----

def test_the_numbers_of_a_status_tally_are_neither_targets_nor_progress():
    r = run(PROGRESS_HEAD + "截至6月30日，12个子项中，已完成全年目标的1个，完成进度达到或超过50%的8个，完成进度低于50%的3个。\n\n"
            "1.新增养老床位300张（区民政局）。已建成165张，完成年任务的55%。\n")
    assert [(t.value, t.unit) for p in r.projects for t in p.targets] == [(300.0, "张")]
    assert [(g.completed.value, g.completed.unit) for p in r.projects for g in p.progress if g.completed] == [(165.0, "张")]


RATES = ("某市人民政府办公厅关于2024年市政府实事项目上半年推进情况的通报\n\n"
         "截至6月30日，16项实事项目中，已完成2项，按计划推进13项，进度滞后1项。现将有关情况通报如下：\n\n"
         "新增养老床位4000张，已完成2350张，完成58.8%。改建认知障碍照护床位1500张，已完成年度任务的52%。\n\n"
         "新建智慧健康驿站30个，完成率60%。实施中心城区旧住房成套改造12万平方米，完成率45%，进度滞后。\n")


@pytest.mark.parametrize("sentence", [
    "截至9月底，已完成年度任务的有6项，占全部项目的60%；序时推进的有3项，占全部项目的30%；进度偏慢的有1项，占10%。",
    "截至6月底，进度滞后的共2件(城区停车场、农贸市场改造)，占全部实事的20%。",
], ids=["three-statuses", "one-status-with-names"])
def test_the_share_of_items_in_a_status_is_no_completion_rate(sentence):
    result = run(PROGRESS_HEAD + sentence + "\n")
    assert rates(result) == [] and completed(result) == []


def test_a_rate_with_no_count_keeps_its_task_and_a_status_tally_gives_no_targets():
    got = run(RATES)
    assert targets(got) == [(4000.0, "张"), (1500.0, "张"), (30.0, "个"), (120000.0, "平方米")]
    assert sorted(rates(got)) == [45.0, 52.0, 58.8, 60.0]
    assert completed(got) == [(2350.0, "张")]
    assert not [f for f in got.flags if f.severity != "info"]


# ---- a rough completed figure; several tasks in one paragraph, each target named inside its rate ----

def test_a_rough_completed_figure_keeps_its_number_and_is_still_checked_against_a_rough_target():
    r = run(PROGRESS_HEAD + "截至9月30日，各项实事进展如下：\n\n"
            "1.职业技能培训（县人社局）。年度目标培训近5000人，已培训3000余人，完成年任务的60%。\n")
    assert [(t.value, t.op) for p in r.projects for t in p.targets] == [(5000.0, "<=")]
    assert [(g.completed.value, g.rate) for p in r.projects for g in p.progress if g.completed] == [(3000.0, 60.0)]
    assert not [f for f in r.flags if f.code == "RATE_MISMATCH"]


def test_tasks_of_one_paragraph_each_keep_their_target_count_and_rate():
    r = run(PROGRESS_HEAD + "截至6月30日，各项实事进展如下：\n\n"
            "（一）就业创业。全县城镇新增就业7560人，完成年度目标10000人的75.6%；新增转移农村劳动力1280人，"
            "完成年度任务2000人的64%；扶持自主创业830人，完成年度任务1500人的55.3%。\n")
    got = sorted((t.value, g.completed.value, g.rate) for p in r.projects for t in p.targets for g in p.progress)
    assert got == [(1500.0, 830.0, 55.3), (2000.0, 1280.0, 64.0), (10000.0, 7560.0, 75.6)]
    assert not [f for f in r.flags if f.severity != "info"]


# ---- counties inside a report ---------------------------------------------------------------

COUNTIES = ("天水市人民政府办公室关于2016年为民办实事1—10月进展情况的通报\n\n截至10月31日，各项实事进展如下：\n\n"
            "1．城镇新增就业。年度任务3.6万人，已新增3.21万人，完成89.2%。分县区看，秦州区完成92.1%，麦积区完成90.5%。（市人社局）\n\n"
            "2．农村危房改造。年度任务8500户，已竣工7120户，完成83.8%。其中，秦安县任务1500户，竣工1280户，完成{rate}%；"
            "甘谷县任务1600户，竣工1352户，完成84.5%。（市住建局）\n")


def test_a_county_keeps_its_full_name_and_its_own_task_checks_its_rate():
    got = run(COUNTIES.format(rate="85.3"))
    regions = {(g.region, g.rate) for p in got.projects for g in p.progress if g.region}
    assert {("秦州区", 92.1), ("麦积区", 90.5), ("秦安县", 85.3), ("甘谷县", 84.5)} <= regions
    assert not [f for f in got.flags if f.code == "RATE_MISMATCH"]


def test_a_county_rate_that_does_not_follow_from_its_task_is_flagged():
    got = run(COUNTIES.format(rate="85.6"))
    assert [(f.expected, f.found) for f in got.flags if f.code == "RATE_MISMATCH"] == [(85.33, 85.6)]


# ---- not this year's progress: last year's figures, a count started, a grade threshold ------

LAST_YEAR = ("某市人民政府办公室关于2018年为民办实事上半年进展情况的通报\n\n截至6月30日，各项实事进展如下：\n\n"
             "一、城镇新增就业（牵头单位：市人社局）。年度目标3万人。上半年全市城镇新增就业1.6万人，完成年度目标的53.3%，"
             "同比增长5%（去年同期为1.52万人）。去年全年城镇新增就业3.1万人，完成年度目标的103.3%。\n\n"
             "二、农村危房改造（牵头单位：市住建局）。年度任务4000户。已竣工2100户，竣工率52.5%，较去年同期多竣工300户；"
             "已开工3500户，开工率87.5%，比去年同期提高6个百分点（去年同期开工率为81.5%）。\n")


def test_last_years_figures_and_rates_are_not_progress():
    result = run(LAST_YEAR)
    done = sorted(g.completed.value for p in result.projects for g in p.progress if g.completed)
    rates = sorted(g.rate for p in result.projects for g in p.progress if g.rate is not None)
    assert done == [2100, 3500, 16000]
    assert rates == [52.5, 53.3, 87.5]


def test_progress_since_last_year_is_this_years():
    text = ("某县人民政府关于2023年民生实事进展情况的通报\n\n"
            "一、农村改厕（牵头单位：县农业农村局）。年度任务2000户。去年以来累计完成改厕1500户，完成年度任务的75%。\n")
    result = run(text)
    assert [(g.completed.value, g.rate) for p in result.projects for g in p.progress if g.completed] == [(1500, 75)]


def test_a_count_already_started_is_progress_not_the_task():
    text = ("某市人大常委会关于2023年民生实事推进情况的视察报告\n\n"
            "（二）城镇老旧小区改造（市住房城乡建设局牵头）。年度任务150个小区，已开工120个，开工率80%，已完工60个。\n")
    result = run(text)
    assert [(t.value, t.unit) for p in result.projects for t in p.targets] == [(150, "个")]
    assert sorted(g.completed.value for p in result.projects for g in p.progress if g.completed) == [60, 120]


def test_a_grade_threshold_is_not_a_rate():
    text = ("某县关于2017年为民办实事完成情况的自查报告\n\n"
            "截至12月20日，8项实事中，全面完成6项，基本完成2项（完成率90%以上为基本完成）。\n\n"
            "1．农村危房改造（县住建局）。目标任务1,000户，实际完成1,000户，完成率100%。\n")
    rates = [g.rate for p in run(text).projects for g in p.progress if g.rate is not None]
    assert rates == [100]
