"""A progress report's plainest shape: one numbered line a project, its task and the count so far in one
sentence.  Each case is a line of a report written here; the project keeps the item's number apart from
its name, and the count so far is progress even when it passes the task."""
import pytest
from extract_helpers import completed, run, targets

HEAD = "某县人民政府关于2024年十件民生实事1—9月进展情况的通报\n\n"


@pytest.mark.parametrize("line, seq, name, task, done", [
    ("四、新增托位500个，已完成420个。", "四", "新增托位", (500.0, "个"), (420.0, "个")),
    ("2.新增养老床位500张，已建成620张。", "2", "新增养老床位", (500.0, "张"), (620.0, "张")),
    ("（三）改造农村户厕1800户，已改造2150户，超任务350户。", "三", "改造农村户厕", (1800.0, "户"), (2150.0, "户")),
    ("③新建城乡公交候车亭40个，已建成41个。", "3", "新建城乡公交候车亭", (40.0, "个"), (41.0, "个")),
], ids=["under-the-task", "over-the-task", "over-with-excess-stated", "circled-number"])
def test_numbered_task_and_count_so_far(line, seq, name, task, done):
    r = run(HEAD + line + "\n")
    assert [(p.seq, p.name) for p in r.projects] == [(seq, name)]
    assert targets(r) == [task]
    assert completed(r) == [done]


def test_a_count_over_the_task_is_flagged_as_over_completion_not_dropped():
    r = run(HEAD + "1.新增养老床位500张，已建成620张。\n")
    assert [f.code for f in r.flags if f.code == "OVER_COMPLETION"] == ["OVER_COMPLETION"]


def test_a_larger_cumulative_total_is_not_this_years_count():
    """新增床位200张，累计建成3200张: the 累计 total counts earlier years, so it does not complete the task."""
    r = run(HEAD + "5.新增养老床位200张，累计建成3200张。\n")
    assert not any((200.0, "张") in [(t.value, t.unit) for t in p.targets] and 3200.0 in
                   [g.completed.value for g in p.progress if g.completed] for p in r.projects)
    assert not [f for f in r.flags if f.code == "OVER_COMPLETION"]


def test_an_excess_over_the_task_is_neither_task_nor_count():
    """超任务350户 says by how much the task was passed: not a second task, not a count."""
    r = run(HEAD + "（三）改造农村户厕1800户，已改造2150户，超任务350户。\n")
    assert targets(r) == [(1800.0, "户")]
    assert completed(r) == [(2150.0, "户")]


SUMMARY_HEAD = "关于2022年县政府十件民生实事完成情况的报告\n\n"


@pytest.mark.parametrize("paragraph, name, done", [
    ("新建改扩建中小学、幼儿园12所，新增学位1.08万个。", "新建改扩建中小学、幼儿园", (12.0, "所")),
    ("一年来，新建社区食堂、老年助餐点46个。", "新建社区食堂、老年助餐点", (46.0, "个")),
    ("全年改造提升菜市场、农贸市场9个。", "改造提升菜市场、农贸市场", (9.0, "个")),
], ids=["names-share-the-figure", "one-year-opens-the-summary", "three-names"])
def test_a_verb_before_a_list_of_names_that_share_one_figure(paragraph, name, done):
    """A year's summary: the verb opens a list of names joined by 、 and one figure counts them all."""
    r = run(SUMMARY_HEAD + paragraph + "\n")
    assert done in completed(r)
    assert any(p.name == name and done in [(g.completed.value, g.completed.unit) for g in p.progress if g.completed]
               for p in r.projects)


def test_a_list_of_regions_counted_after_a_rate_is_no_progress():
    """完成率低于序时进度的有甲县、乙县2个县: a count of regions behind, not work done."""
    r = run(HEAD + "（一）农村公路。年度目标300公里，已完成240公里，完成率80%。完成率低于序时进度的有东山县、西岭县2个县。\n")
    assert (2.0, "个") not in completed(r)


def test_a_form_of_labelled_lines_under_a_numbered_project_label():
    """项目二：name / 目标任务：… / 进展情况：… / 责任单位：…, one field a line: one project a block, its number kept."""
    text = ("2023年市级民生实事项目第三季度进展情况\n\n"
            "项目一：社区卫生服务站建设\n目标任务：新建社区卫生服务站12个。\n进展情况：已建成9个，完成率75%。\n责任单位：市卫健委\n\n"
            "项目二：城区公共停车泊位\n目标任务：新增公共停车泊位3000个。\n进展情况：已新增2460个。\n责任单位：市城管局\n")
    r = run(text)
    assert [(p.seq, p.name, [(t.value, t.unit) for t in p.targets], p.lead_units) for p in r.projects] == [
        ("一", "社区卫生服务站建设", [(12.0, "个")], ["市卫健委"]),
        ("二", "城区公共停车泊位", [(3000.0, "个")], ["市城管局"])]
    assert completed(r) == [(9.0, "个"), (2460.0, "个")]


@pytest.mark.parametrize("sentence, name, task, done", [
    ("改造农村危房1350户，已全部完工。", "改造农村危房", (1350.0, "户"), (1350.0, "户")),
    ("截至目前，全市新增城镇就业1.2万人，已实现1.05万人。", "新增城镇就业", (12000.0, "人"), (10500.0, "人")),
    ("今年以来，全县新建村级综合服务站40个，已建成36个。", "新建村级综合服务站", (40.0, "个"), (36.0, "个")),
    ("为2.5万名农村适龄妇女开展免费筛查，已筛查2.1万人。", "农村适龄妇女开展免费筛查", (25000.0, "人"), (21000.0, "人")),
], ids=["done-in-full", "as-of-and-whole-city-are-no-name", "since-the-year-began", "named-after-the-figure"])
def test_a_task_and_its_count_in_one_sentence(sentence, name, task, done):
    r = run(HEAD + sentence + "\n")
    assert [p.name for p in r.projects] == [name]
    assert targets(r) == [task]
    assert completed(r) == [done]


def test_a_district_that_completed_a_figure_has_done_it():
    """其中，东区完成新增就业3200人，完成率91.4%: with 完成 before it, the figure is the district's count, not its task."""
    r = run(HEAD + "（一）城镇新增就业。年度目标1万人，已新增8600人，完成率86%。\n"
                   "其中，东区完成新增就业3200人，完成率91.4%。\n")
    assert (3200.0, "人") in completed(r)
    assert (3200.0, "人") not in targets(r)


INSPECTION_HEAD = ("关于2024年县级民生实事项目推进滞后问题的督查通报\n\n"
                   "近期，县政府督查室对民生实事项目推进情况进行了实地督查。现将滞后项目通报如下：\n")


def test_an_inspections_count_so_far_is_progress_even_without_a_rate():
    r = run(INSPECTION_HEAD + "三、镇卫生院改造。计划改造6所，目前开工2所，尚未完工。责任单位：县卫健局。\n"
                              "请上述单位限期于11月30日前整改到位。\n")
    assert r.document.kind == "supervision"
    assert targets(r) == [(6.0, "所")]
    assert completed(r) == [(2.0, "所")]


@pytest.mark.parametrize("words", ["低于序时进度30个百分点", "滞后于序时进度", "未达到序时进度"])
def test_behind_the_pace_of_the_year_is_lagging(words):
    r = run(HEAD + f"一、城区停车场建设。年度计划新建停车位900个，目前完成300个，完成率33.3%，{words}。\n")
    assert [g.status for p in r.projects for g in p.progress] == ["lagging"]


@pytest.mark.parametrize("sentence, name", [
    ("完成12个村卫生室标准化建设。", "村卫生室标准化建设"),
    ("解决3.6万农村人口的饮水安全问题。", "饮水安全问题"),
    ("为1200户困难家庭发放取暖补贴。", "困难家庭发放取暖补贴"),
    ("新改建农村公路86.5公里。", "新改建农村公路"),
], ids=["verb-then-figure", "particle-after-the-figure", "for-whom", "name-before-the-figure"])
def test_a_summarys_count_is_named_by_what_was_done(sentence, name):
    r = run(SUMMARY_HEAD + "在民生方面，" + sentence + "\n")
    assert [p.name for p in r.projects] == [name]


def test_a_plans_first_second_third_list_in_one_paragraph():
    """一是…；二是…；三是…: each task a project, numbered by its 是-word, and promised (a plan's targets)."""
    r = run("我县公布2025年十件民生实事\n\n本报讯 近日，县政府研究确定了2025年十件民生实事。一是新改建农村公路60公里；"
            "二是新增普惠托位300个；三是改造城镇老旧小区12个。\n")
    assert r.document.kind == "plan"
    assert [(p.seq, p.name) for p in r.projects] == [("一", "新改建农村公路"), ("二", "新增普惠托位"), ("三", "改造城镇老旧小区")]
    assert targets(r) == [(60.0, "公里"), (300.0, "个"), (12.0, "个")]
    assert completed(r) == []


@pytest.mark.parametrize("line, done, rates_", [
    ("3.开设“课后服务课堂”40个。已全部开课，累计服务学生1.5万人次。（区教育局）", [(40.0, "个")], []),
    ("4.新增充电桩600个。已建成480个，进度80%。（区发改局）", [(480.0, "个")], [80.0]),
    ("5.新增公共停车泊位900个。1—9月时间进度为75%，已新增610个。（区住建局）", [(610.0, "个")], []),
], ids=["whole-task-done-in-words", "bare-progress-percentage", "time-gone-by-is-no-rate"])
def test_an_items_progress_sentence(line, done, rates_):
    r = run(HEAD + line + "\n")
    assert completed(r) == done
    assert [g.rate for p in r.projects for g in p.progress if g.rate is not None] == rates_


@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("line, name, task, done", [
    ("城镇新增就业{c}目标1.8万人，完成1.52万人，完成率84.4%。", "城镇新增就业", [(18000.0, "人")], [(15200.0, "人")]),
    ("新建改扩建学校{c}目标9所，完工5所，完成率55.6%。", "新建改扩建学校", [(9.0, "所")], [(5.0, "所")]),
    ("老旧小区改造{c}目标38个，开工38个，完工17个。", "老旧小区改造", [(38.0, "个")], [(38.0, "个"), (17.0, "个")]),
    ("困难群众医疗救助{c}全年计划救助9000人次，已救助7100人次。", "困难群众医疗救助", [(9000.0, "人次")], [(7100.0, "人次")]),
], ids=["target-then-count-and-rate", "count-of-a-stage", "started-and-finished", "plan-of-the-year"])
def test_a_name_a_colon_then_the_task_and_the_count(colon, line, name, task, done):
    """城镇新增就业：目标…，完成…: the label before the colon names the project, with either colon."""
    r = run("2024年市政府民生实事项目推进情况（截至8月底）\n\n" + line.format(c=colon) + "\n")
    assert [p.name for p in r.projects] == [name]
    assert targets(r) == task
    assert completed(r) == done


def test_two_counts_of_stages_are_no_task():
    """实际开工18所，完工9所: both figures are counts of work done, neither is the year's task."""
    r = run(HEAD + "今年以来，乡镇卫生院实际开工18所，完工9所。\n")
    assert (18.0, "所") not in targets(r)


def test_a_numbered_title_sentence_names_the_one_project_under_it():
    r = run(HEAD + "2.城乡居民养老保险（县人社局）。目标参保率稳定在95%以上，目前参保率96.1%。\n")
    assert [(p.seq, p.name) for p in r.projects] == [("2", "城乡居民养老保险")]


def test_a_numbered_heading_over_labelled_lines_is_one_project():
    text = ("2023年区政府民生实事项目进展情况\n\n"
            "（一）城区学校扩容工程\n年度目标：新建学校2所，新增学位2700个。\n"
            "完成情况：1所已投入使用，新增学位1350个；另1所主体结构封顶。\n牵头单位：区教育局\n\n"
            "（二）社区养老服务提升\n年度目标：新建社区养老服务中心7个。\n完成情况：已建成5个，2个正在装修。\n牵头单位：区民政局\n")
    r = run(text)
    assert [(p.seq, p.name, p.lead_units) for p in r.projects] == [
        ("一", "城区学校扩容工程", ["区教育局"]), ("二", "社区养老服务提升", ["区民政局"])]
    assert targets(r) == [(2.0, "所"), (2700.0, "个"), (7.0, "个")]
    assert completed(r) == [(1.0, "所"), (1350.0, "个"), (5.0, "个")]


def test_a_forms_task_field_that_also_states_the_count_so_far():
    """督办内容：年度新增…，目前已完成…: one field holds the task and, after 目前, the progress."""
    text = ("关于对2022年为民办实事进度滞后项目实行挂牌督办的通知\n\n"
            "（一）城区公共停车场建设\n督办内容：年度新增公共停车泊位1200个，目前已完成480个，完成率40%。\n"
            "督办领导：郑  林\n责任单位：县住建局\n完成时限：11月30日前\n")
    r = run(text)
    assert targets(r) == [(1200.0, "个")]
    assert completed(r) == [(480.0, "个")]
    assert [p.leaders for p in r.projects] == [["郑林"]]


@pytest.mark.parametrize("line, name", [
    ("1.农村道路畅通工程，牵头部门：县交通局。新改建农村公路45公里，已完成30公里。", "农村道路畅通工程"),
    ("2.养老床位项目（责任单位：县民政局，配合单位：各乡（镇）人民政府）：新增养老床位120张，已完成90张。", "养老床位项目"),
], ids=["field-after-a-comma", "field-in-brackets-with-brackets-inside"])
def test_a_field_written_after_the_name_is_no_part_of_it(line, name):
    r = run(HEAD + line + "\n")
    assert [p.name for p in r.projects] == [name]


def test_circled_projects_run_through_one_paragraph():
    """①…；②…；③…；④…: each circled number opens a project; a count with the share of its task is a count done,
    a task whose work goes on (正在装修) is a task with no count yet."""
    r = run("县政府2024年十件实事上半年进展情况\n\n截至6月底，十件实事总体进展顺利：①城镇新增就业1300人，完成年度任务的52%；"
            "②新建农村公路36公里，已完成15公里；③改造农村户厕1600户，已改造1000户，完成率62.5%；"
            "④新增养老床位80张，正在装修，预计9月投用。\n")
    assert [(p.seq, p.name) for p in r.projects] == [("1", "城镇新增就业"), ("2", "新建农村公路"), ("3", "改造农村户厕"),
                                                     ("4", "新增养老床位")]
    assert targets(r) == [(36.0, "公里"), (1600.0, "户"), (80.0, "张")]
    assert completed(r) == [(1300.0, "人"), (15.0, "公里"), (1000.0, "户")]
    assert [g.status for g in r.projects[3].progress] == ["on_track"]


@pytest.mark.parametrize("sentence, done, task", [
    ("新增学位2400个，完成全年任务的80%。", [(2400.0, "个")], []),
    ("改建养老床位1500张，已完成年度任务的52%。", [], [(1500.0, "张")]),
    ("序时推进的有6项，占全部项目的50%。", [], []),
], ids=["count-then-share", "task-then-share-done-so-far", "share-of-projects"])
def test_one_figure_and_the_share_of_the_task(sentence, done, task):
    r = run(HEAD + sentence + "\n")
    assert completed(r) == done
    assert targets(r) == task


def test_a_project_labelled_by_its_number_is_named_by_its_first_sentence():
    r = run("2023年度县级民生实事项目完成情况\n\n项目一：农村饮水安全巩固提升工程。计划受益人口2.8万人。已受益2.9万人，完成率103.6%。\n")
    assert [(p.seq, p.name) for p in r.projects] == [("一", "农村饮水安全巩固提升工程")]
    assert targets(r) == [(28000.0, "人")]
    assert completed(r) == [(29000.0, "人")]


PLAN_HEAD = "2024年县政府民生实事项目实施方案\n\n"


def test_a_plan_items_units_clause_is_no_part_of_its_name_and_its_time_limit_is_its_deadline():
    r = run(PLAN_HEAD + "1.新建公办幼儿园2所。由县教育局牵头，县财政局配合，9月底前投入使用。\n"
                        "2.建设社区养老服务站12个，县民政局、县卫健局按职责分工负责。\n")
    assert [(p.name, p.deadline) for p in r.projects] == [("新建公办幼儿园", "2024-09-30"), ("建设社区养老服务站", None)]
    assert [p.lead_units for p in r.projects] == [["县教育局"], ["县民政局", "县卫健局"]]


@pytest.mark.parametrize("sentence, task", [
    ("城乡低保标准提高到每人每月650元，超任务20元。", [(650.0, "元/人/月")]),
    ("新增城镇就业4000人，已实现4360人，超出任务360人。", [(4000.0, "人")]),
], ids=["standard-over-its-task", "count-over-its-task"])
def test_by_how_much_the_task_was_passed_is_no_target(sentence, task):
    assert targets(run(HEAD + sentence + "\n")) == task


def test_a_labelled_item_is_named_by_its_label_and_a_part_reached_is_not_the_whole():
    r = run(HEAD + "3.便民菜市场：新建和改造提升菜市场5个（新建2个、改造3个）。已完成改造3个，新建的2个正在主体施工。（区商务局）\n")
    assert [p.name for p in r.projects] == ["便民菜市场"]
    assert [g.status for p in r.projects for g in p.progress] == ["on_track"]
