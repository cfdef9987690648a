"""Where the readers of plain progress lines must not reach: wordings a review wrote to break them (a promise
read as done, a change word read as a difference, a plan's news read in a report, a stage of the task read as
its count, a paragraph whose other clauses the clause reader must still read).  Each case is a document of
our own in the genre."""
import pytest
from extract_helpers import completed, rates, run, targets

HEAD = "某县2026年民生实事1-9月进展情况\n\n"


@pytest.mark.parametrize("text, task, done", [
    (HEAD + "改造农村危房600户，确保年底前全面完成。\n", [(600.0, "户")], []),
    (HEAD + "新建公共厕所40座，力争11月底前全部建成。\n", [(40.0, "座")], []),
    (HEAD + "一、减少义务教育大班额。全年减少大班额120个，目前已减少96个。\n", [(120.0, "个")], [(96.0, "个")]),
    (HEAD + "二、新增普惠托位。全年新增托位500个，已增加420个。\n", [(500.0, "个")], [(420.0, "个")]),
    (HEAD + "1.保障性住房建设。新开工棚改安置房800套，已开工620套。\n", [(800.0, "套")], [(620.0, "套")]),
    (HEAD + "棚户区改造计划开工1200套，竣工800套，目前已开工1000套，已竣工560套。\n",
     [(1200.0, "套"), (800.0, "套")], [(1000.0, "套"), (560.0, "套")]),
    (HEAD + "二、农村公路。年度任务：新建农村公路80公里，开工80公里。目前已开工72公里。\n",
     [(80.0, "公里"), (80.0, "公里")], [(72.0, "公里")]),
    (HEAD + "立足县域实际新建幼儿园12所，已完工9所。\n", [(12.0, "所")], [(9.0, "所")]),
], ids=["a-promise-to-finish-is-no-count", "a-promise-to-build-is-no-count", "decrease-is-the-work",
        "increase-is-the-work", "the-same-stage-done-so-far", "two-stages-then-two-counts",
        "a-stage-of-the-task-then-its-count", "shi-ji-inside-a-phrase"])
def test_a_task_and_its_count(text, task, done):
    r = run(text)
    assert targets(r) == task
    assert completed(r) == done


def test_a_report_that_opens_with_the_plan_it_reports_on_is_a_report():
    r = run("我市民生实事扎实推进\n\n年初，市政府研究确定了2026年十件民生实事。截至9月底，各项工作进展顺利。\n"
            "新建幼儿园12所，已完工9所。改造老旧小区40个，已完成32个。\n")
    assert r.document.kind == "progress"
    assert targets(r) == [(12.0, "所"), (40.0, "个")]
    assert completed(r) == [(9.0, "所"), (32.0, "个")]


@pytest.mark.parametrize("head", [
    "关于2026年前三季度民生实事项目进度考核情况的通报\n\n",
    ("关于2026年1-9月全市民生实事进展情况的通报\n\n现将1-9月推进情况通报如下。甲县排名第一名，乙县排名第二名，"
     "丙区排名第三名。\n"),
], ids=["assessment-title", "ranking-at-the-head"])
def test_an_assessment_is_reported_as_supervision_and_read_as_the_report_it_is(head):
    r = run(head + "新建幼儿园12所，1-9月完工9所。改造农村公路100公里，前三季度完成85公里。\n")
    assert r.document.kind == "supervision"
    assert targets(r) == [(12.0, "所"), (100.0, "公里")]
    assert completed(r) == [(9.0, "所"), (85.0, "公里")]


def test_the_clause_reader_still_reads_a_paragraph_of_unnumbered_clauses():
    r = run(HEAD + "城镇新增就业1500人，完成年度任务的55%；建设智慧养老驿站6个，正在装修；为8600名困难群众发放临时救助金；"
                   "1.2万名适龄妇女接受了免费两癌筛查。\n")
    assert (8600.0, "人") in completed(r) and (12000.0, "人") in completed(r)


@pytest.mark.parametrize("sentence, done", [
    ("建成社区食堂15个，正式投入运营。", [(15.0, "个")]),
    ("完成农村改厕3000户，正在组织验收。", [(3000.0, "户")]),
], ids=["zheng-shi-is-not-zheng-zai", "a-done-verb-opens-the-name"])
def test_a_count_done_followed_by_words_of_what_comes_next(sentence, done):
    r = run(HEAD + sentence + "\n")
    assert completed(r) == done
    assert targets(r) == []


def test_money_paid_out_is_no_progress_rate():
    r = run(HEAD + "新建幼儿园12所，已完工9所，资金支付进度65%。改造农村公路120公里，已完成96公里，资金拨付进度70%。\n")
    assert rates(r) == []


def test_a_larger_figure_of_other_work_is_no_count_over_the_task():
    r = run(HEAD + "城镇新增就业2万人，已帮助3.5万名失业人员实现再就业。\n")
    assert not [f for f in r.flags if f.code == "OVER_COMPLETION"]


def test_a_supervised_plans_cumulative_level_is_no_count_done():
    r = run("关于对2026年重点民生实事进行重点督办的通知\n\n一、养老服务提升（责任单位：县民政局）。新增养老床位300张，"
            "累计达到2000张，9月底前完成。\n")
    assert (2000.0, "张") not in completed(r)
