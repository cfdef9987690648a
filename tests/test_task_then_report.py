"""A numbered item of a progress report that sets its task in one sentence and reports on it in the next, a
task given as a range, a share promised and the level reached, a rate named as a share of the whole plan, and a
rate that is of another task the line states: shapes of real reports, each in a document of our own."""
import pytest
from extract_helpers import GAZ, completed, rates, run, targets

from extractors.checks import check_rate
from extractors.items import group_items
from extractors.normalize import normalize
from extractors.records import DocumentInfo, Evidence, Extraction, Progress, Project, Quantity, Target

HEAD = "某县2026年十件民生实事1-9月推进情况的通报\n\n截至9月底，十件民生实事总体推进顺利。\n"
REPORT_HEAD = "某县2026年民生实事项目1-9月进展情况\n\n"


def facts(result) -> list[tuple]:
    return [(p.seq, [(t.op, t.value, t.unit) for t in p.targets],
             [(g.completed.value, g.completed.unit) for g in p.progress if g.completed]) for p in result.projects]


@pytest.mark.parametrize("item, want", [
    ("3.雨污管网。新建雨污分流管网34公里。截至9月底，已建成21.5公里。",
     ("3", [("=", 34.0, "公里")], [(21.5, "公里")])),
    ("4.就业。城镇新增就业3100人。1-9月实现城镇新增就业2870人。",
     ("4", [("=", 3100.0, "人")], [(2870.0, "人")])),
    ("5.校舍建设。新建、改扩建中小学校6所，新增学位2700个。目前已完工4所，新增学位1800个。",
     ("5", [("=", 6.0, "所"), ("=", 2700.0, "个")], [(4.0, "所"), (1800.0, "个")])),
    ("6.老旧小区。改造老旧小区28个、惠及居民5200户，已开工28个，完工17个。",
     ("6", [("=", 28.0, "个"), ("=", 5200.0, "户")], [(28.0, "个"), (17.0, "个")])),
], ids=["task-then-report", "task-then-months-report", "two-tasks-then-report", "two-tasks-listed"])
def test_a_task_sentence_then_a_report_sentence(item, want):
    assert facts(run(HEAD + item + "\n")) == [want]


def test_a_count_of_the_projects_is_no_task_of_the_next_sentence():
    # 12件实事 counts projects: the sentence after it reports on all of them, not on a task of 12件
    r = run(HEAD + "县政府将12件实事逐项分解到牵头单位。累计完成投资3.4亿元，投资完成率88.2%。\n")
    assert ("=", 12.0, "件") not in [(t.op, t.value, t.unit) for p in r.projects for t in p.targets if p.progress]


def test_a_report_in_another_unit_is_not_joined_to_the_task():
    # the money spent is no count of the 托位 set as the task: the two sentences stay apart
    r = run(HEAD + "7.托育。新增普惠托位450个。截至9月底，已完成投资1200万元。\n")
    assert not [p for p in r.projects if (450.0, "个") in [(t.value, t.unit) for t in p.targets]
                and any(g.completed and g.completed.unit == "元" for g in p.progress)]


@pytest.mark.parametrize("item", [
    "8.农村公路。新改建农村公路90—120公里，已完成76公里。",
    "8.农村公路。新改建农村公路90-120公里，已完成76公里。",
], ids=["dash", "hyphen"])
def test_a_task_given_as_a_range(item):
    assert facts(run(HEAD + item + "\n")) == [("8", [(">=", 90.0, "公里"), ("<=", 120.0, "公里")], [(76.0, "公里")])]


@pytest.mark.parametrize("item, task, reached", [
    ("9.学前教育。学前三年毛入园率达到93%，现已达到91.6%。", ("=", 93.0), 91.6),
    ("9.学前教育。学前三年毛入园率目标94%，现已达到92.4%。", ("=", 94.0), 92.4),
    ("9.学前教育。学前三年毛入园率年度目标为94%，目前为92.4%。", ("=", 94.0), 92.4),
    ("9.家庭医生。重点人群签约覆盖率达到85%以上，目前覆盖率为81.3%。", (">=", 85.0), 81.3),
], ids=["reached-after-a-plain-share", "share-named-the-goal", "goal-for-the-year", "measure-named-again"])
def test_a_share_promised_then_the_level_reached(item, task, reached):
    r = run(HEAD + item + "\n")
    assert [(t.op, t.value) for p in r.projects for t in p.targets if t.unit == "%"] == [task]
    assert (reached, "%") in completed(r)


def test_a_share_reached_twice_is_no_promise():
    # 已达到 before the first share: both are levels reached, neither is a target
    r = run(HEAD + "10.家庭医生。签约覆盖率已达到81.3%，目前为83.5%。\n")
    assert [t for p in r.projects for t in p.targets if t.unit == "%"] == []


@pytest.mark.parametrize("sentence, rate", [
    ("11.棚户区改造。累计改造完成7200户，占总任务的60%。", 60.0),
    ("11.棚户区改造。累计改造完成7200户，为目标任务的120%。", 120.0),
    ("11.棚户区改造。累计完成投资4200万元，占计划投资的84%。", 84.0),
], ids=["share-of-the-whole-plan", "of-the-task", "of-the-planned-investment"])
def test_a_rate_named_as_a_share_of_the_plan(sentence, rate):
    assert rates(run(HEAD + sentence + "\n")) == [rate]


def test_a_level_reached_after_the_count_added():
    # 新增…，达…: the count added this year, then the whole number reached, which the rate is of
    r = run(HEAD + "12.助残。新增扶持残疾人就业320人，达1450人，为目标任务的116%。\n")
    assert [(g.completed.value, g.rate) for p in r.projects for g in p.progress if g.rate] == [(1450.0, 116.0)]


@pytest.mark.parametrize("rate, flagged", [
    (60.0, False),      # 7200 ÷ 12000: the rate is of the three-year task the line opens with
    (80.0, False),      # 7200 ÷ 9000: of the part issued so far, the task read beside it
    (70.0, True),       # of neither: a mismatch
], ids=["of-the-other-task", "of-its-own-task", "of-no-task"])
def test_a_rate_of_another_task_on_the_line_is_no_mismatch(rate, flagged):
    line = f"三年改造城镇棚户区1.2万户。已分两批下达改造任务9000户，累计改造完成7200户，占总任务的{rate:g}%。"
    whole = Project(name="改造城镇棚户区", evidence=Evidence(text=line, line=3),
                    targets=[Target(text="1.2万户", value=12000.0, unit="户")])
    issued = Project(name="下达改造任务", evidence=Evidence(text=line, line=3),
                     targets=[Target(text="9000户", value=9000.0, unit="户")],
                     progress=[Progress(text=line, line=3, completed=Quantity(value=7200.0, unit="户", raw="7200户"),
                                        rate=rate, rate_raw=str(int(rate)), measure="完成年任务")])
    ex = Extraction(document=DocumentInfo(source="t.txt", sha256="0", format="txt", kind="progress"),
                    projects=[whole, issued])
    assert bool(list(check_rate(ex))) == flagged


@pytest.mark.parametrize("cell, done", [
    ("全部建成投用", [(40.0, "个")]),
    ("已全面完成", [(40.0, "个")]),
    ("正在选址", []),
], ids=["built-and-in-use", "done-in-full", "not-begun"])
def test_a_table_cell_that_says_the_whole_task_is_done(cell, done):
    table = ("某县2026年民生实事项目进展情况表\n\n序号 | 项目名称 | 年度目标 | 责任单位 | 完成情况\n"
             "1 | 老年助餐 | 新建老年助餐点40个 | 县民政局 | " + cell + "\n"
             "2 | 农村公路 | 新改建农村公路60公里 | 县交通局 | 已完成42公里\n")
    r = run(table)
    assert completed(r) == done + [(42.0, "公里")]


def test_the_count_done_in_the_tasks_unit_against_the_task_named_after_it():
    # two counts done, then the task named after its figure: the one in the task's unit is measured against it
    r = run(HEAD + "在教育方面，全县新建改扩建学校7所，新增学位4600个，超额完成年度4000个的目标。\n")
    [p] = [p for p in r.projects if p.targets]
    assert (p.name, [(t.value, t.unit) for t in p.targets]) == ("新增学位", [(4000.0, "个")])
    assert [(g.completed.value, g.completed.unit) for g in p.progress if g.completed] == [(4600.0, "个")]


SUPERVISION = "关于2026年民生实事项目推进情况的督查通报\n\n县督查室对10件民生实事进行了专项督查。现将有关情况通报如下：\n"


@pytest.mark.parametrize("item, name, status", [
    ("（一）农村公路建设进度滞后。年度计划新改建农村公路60公里，目前仅完成27公里，完成率45%。", "农村公路建设", "lagging"),
    ("（一）城区学校建设推进缓慢。新建城区小学1所，目前仍在进行基础施工。", "城区学校建设", "lagging"),
    ("（一）农贸市场改造资金到位不足。计划改造农贸市场4个，已完成1个，完成率25%。", "农贸市场改造", None),
    ("（二）公共停车场建设滞后。计划新建停车场6个，目前建成1个。", "公共停车场建设", "lagging"),
], ids=["progress-lagging", "work-slow-still-under-way", "funds-short", "bare-verdict"])
def test_a_problem_headings_verdict_is_no_part_of_the_name(item, name, status):
    r = run(SUPERVISION + item + "\n")
    [p] = [p for p in r.projects if p.targets]
    assert p.name == name
    if status:
        assert [g.status for g in p.progress] == [status]


@pytest.mark.parametrize("item, done", [
    ("14.营养改善。惠及农村义务教育学生3.2万人，已全部惠及。", [(32000.0, "人")]),
    ("14.农家书屋。补充更新农家书屋图书2万册，已完成。", [(20000.0, "册")]),
    ("14.农家书屋。补充更新农家书屋图书2万册，已完成1.2万册。", [(12000.0, "册")]),
], ids=["all-reached", "done-said-alone", "a-count-done-is-no-whole"])
def test_a_task_then_the_word_that_all_of_it_is_done(item, done):
    assert completed(run(HEAD + item + "\n")) == done


LIST = "2026年全区民生实事项目进展情况（截至10月31日）\n\n"


@pytest.mark.parametrize("item, want", [
    ("三、完成老旧住宅加装电梯80部。已完成加装57部，另有14部正在施工。", ("三", "完成老旧住宅加装电梯", [80.0], [57.0])),
    ("六、提升改造菜市场6个。4个已完成改造并投入使用，2个正在施工。", ("六", "提升改造菜市场", [6.0], [4.0])),
    ("八、改造老旧小区36个。全部开工，已完工22个。", ("八", "改造老旧小区", [36.0], [22.0])),
    ("五、新增就业岗位6000个。1至10月新增就业岗位6350个，已超额完成全年的任务。",
     ("五", "新增就业岗位", [6000.0], [6350.0])),
    ("一、新建改扩建学校4所。目前，城西小学、河滨幼儿园已竣工交付，其余在进行内部装修。",
     ("一", "新建改扩建学校", [4.0], [])),
], ids=["task-done-verb-in-the-heading", "report-opens-with-its-count", "all-begun-then-count",
        "months-written-with-zhi", "report-in-words-only"])
def test_a_heading_that_is_the_task_then_the_report(item, want):
    r = run(LIST + item + "\n")
    assert [(p.seq, p.name, [t.value for t in p.targets], [g.completed.value for g in p.progress if g.completed])
            for p in r.projects] == [want]


def test_projects_counted_done_are_no_task():
    # 16件实事当中，5件已超额完成: a count of the projects, not a task of 16件 with 5 done
    r = run(LIST + "16件实事当中，5件已超额完成，其余按序时推进。\n")
    assert (16.0, "件") not in targets(r)


@pytest.mark.parametrize("name, cut", [
    ("新增停车泊位2400个", "新增停车泊位"),
    ("城镇登记失业率4%以内", "城镇登记失业率"),
    ("宫颈癌和乳腺癌筛查各3万人", "宫颈癌和乳腺癌筛查各3万人"),
    ("低保标准不低于每人每月700元", "低保标准不低于每人每月700元"),
    ("新建幼儿园3所，新增学位900个", "新建幼儿园3所，新增学位900个"),
], ids=["count", "share", "each-needs-its-figure", "bound-needs-its-figure", "two-tasks"])
def test_a_name_that_ends_in_its_task_figure(name, cut):
    r = run("某县2026年民生实事项目\n\n1." + name + "。牵头单位：县发改局。\n")
    assert [p.name for p in r.projects] == [cut]


def test_a_places_count_then_its_rate():
    # 平江县竣工410户、完成率82%: the rate names no place; it is the rate of the place's count just before it
    r = run("岳阳市2026年民生实事1-9月进展情况\n\n1.农村危房改造。年度任务1800户，已竣工1350户，完成率75%。"
            "分县看，平江县竣工380户、完成率76%，华容县竣工290户、完成率72.5%。\n")
    assert [(g.region, g.completed.value if g.completed else None, g.rate) for p in r.projects for g in p.progress] == [
        (None, 1350.0, 75.0), ("平江县", 380.0, 76.0), ("华容县", 290.0, 72.5)]


@pytest.mark.parametrize("lead", ["", "● ", "一是"], ids=["unnumbered", "bullet", "yi-shi"])
def test_a_label_sentence_names_the_task_the_next_sentence_sets(lead):
    # 新建公办幼儿园。年度目标6所，…: the task sentence opens with its marker and names nothing itself
    r = run(REPORT_HEAD + lead + "农村户厕改造。年度目标1400户，截至9月底完成1130户，完成率80.7%。\n")
    assert [(p.name, [t.value for t in p.targets], [g.completed.value for g in p.progress if g.completed])
            for p in r.projects] == [("农村户厕改造", [1400.0], [1130.0])]


def test_a_task_line_then_the_line_that_reports_on_it():
    # the numbered line is only its task, the next line reports on it: one project, and both lines are read
    r = run(REPORT_HEAD + "一、新建雨污管网22公里\n截至9月底，已建成15.4公里，完成年度任务的70%。\n"
            "二、新增养老床位240张\n目前已新增床位180张。\n三、城镇新增就业\n年度目标2100人，1-9月新增就业1890人。\n")
    assert sorted((p.seq, p.name, [t.value for t in p.targets], [g.completed.value for g in p.progress if g.completed])
                  for p in r.projects) == [("一", "新建雨污管网", [22.0], [15.4]), ("三", "城镇新增就业", [2100.0], [1890.0]),
                                           ("二", "新增养老床位", [240.0], [180.0])]
    assert [f.evidence.line for f in r.flags if f.code == "UNPARSED"] == []


@pytest.mark.parametrize("item, done", [
    ("1.新建公办幼儿园4所。目前3所已投入使用，1所正在进行内部装修。", [(3.0, "所")]),
    ("1.农村危房改造。年度任务700户，其中540户已竣工，竣工率77.1%。", [(540.0, "户")]),
    ("1.养老服务中心。年度目标新建12个，已建成9个，完成率75%，其余3个主体工程已完工，正在装修。", [(9.0, "个")]),
    ("1.老旧小区改造20个。已完成改造17个。目前3个小区已完成主体施工，预计明年3月底前全面完工。", [(17.0, "个")]),
], ids=["now-then-count", "count-then-built", "the-rest-at-a-stage", "the-rest-foreseen"])
def test_a_count_said_before_its_verb(item, done):
    r = run(REPORT_HEAD + item + "\n")
    assert completed(r) == done
    assert all(t.value != 3.0 for p in r.projects for t in p.targets)


@pytest.mark.parametrize("item, name", [
    ("三、就业方面。城镇新增就业2.4万人，完成年度目标的104.3%。", "城镇新增就业"),
    ("二、医疗方面。为全市12.6万名65岁以上老年人免费健康体检，完成率101.6%。", "65岁以上老年人免费健康体检"),
], ids=["a-field-heading-is-no-name", "the-people-served-before-the-figure"])
def test_names_of_a_years_results(item, name):
    r = run("某市2026年为民办实事项目完成情况\n\n" + item + "\n")
    assert [p.name for p in r.projects if p.progress] == [name]


def test_names_then_their_tasks_counts_and_rates_each_in_order():
    # two names joined by 和, their tasks after 分别, the counts done and the rates: one project each, and no
    # rate checked against the other's task
    r = run(REPORT_HEAD + "3.道路建设。新改建农村公路和城市道路分别为80公里、15公里，已分别完成60公里、12公里，"
            "完成率分别为75%、80%。\n")
    assert [(p.name, [t.value for t in p.targets], [(g.completed.value, g.rate) for g in p.progress])
            for p in r.projects] == [("新改建农村公路", [80.0], [(60.0, 75.0)]), ("城市道路", [15.0], [(12.0, 80.0)])]
    assert [f.code for f in r.flags if f.severity != "info"] == []


@pytest.mark.parametrize("cell, done, flagged", [
    ("2所主体完工，1所完成基础工程", [], False),
    ("已建成2所，1所主体完工", [(2.0, "所")], True),       # 2 of 3 is 66.7%, not 70%: the count is checked
], ids=["stages-only", "a-count-done-beside-a-stage"])
def test_a_table_cell_of_stages_is_no_count_done(cell, done, flagged):
    # a 70% beside stages only is the work's pace, not 1 of 3 done: no count, and no mismatch raised
    r = run("某区2026年民生实事项目三季度进展情况表\n\n序号 | 项目名称 | 年度目标任务 | 责任单位 | 完成情况 | 完成率\n"
            "1 | 公办幼儿园 | 新建公办幼儿园3所 | 区教育局 | " + cell + " | 70%\n")
    assert completed(r) == done
    assert ("RATE_MISMATCH" in [f.code for f in r.flags]) == flagged


def test_a_supervision_slip():
    # 督办事项 / 督办内容 / 责任单位，配合单位 on one line / 办理时限: each item's task, progress, units and deadline;
    # 1所主体完工 is a stage, no figure of its own
    r = run("县政府督查室督办通知单\n\n督办事项一：农村公路提质改造\n督办内容：年度计划改造农村公路50公里，截至10月底仅完成21公里，"
            "完成率42%。\n责任单位：县交通运输局\n办理时限：2026年11月20日前\n\n督办事项二：城区公办幼儿园建设\n"
            "督办内容：新建城区公办幼儿园2所，目前1所主体完工，1所尚未开工。\n责任单位：县教育局，配合单位：县住建局\n"
            "办理时限：2026年11月30日前\n")
    assert [(p.name, [t.value for t in p.targets], p.lead_units, p.partner_units, p.deadline) for p in r.projects] == [
        ("农村公路提质改造", [50.0], ["县交通运输局"], [], "2026-11-20"),
        ("城区公办幼儿园建设", [2.0], ["县教育局"], ["县住建局"], "2026-11-30")]


def test_a_name_cell_written_as_a_sentence():
    # the name cell holds the task as a sentence (新增养老床位300张。): the stop and the figure leave the name
    r = run("某区2026年民生实事项目进展情况表\n\n序号 | 项目名称 | 牵头单位 | 完成情况\n"
            "1 | 新增养老床位300张。 | 区民政局 | 已新增210张\n")
    assert [(p.name, [t.value for t in p.targets]) for p in r.projects] == [("新增养老床位", [300.0])]


@pytest.mark.parametrize("item, want", [
    ("1.城镇新增就业：完成3600人/4000人，完成率90%。", ("城镇新增就业", [4000.0], [(3600.0, 90.0)])),
    ("2.农村户厕改造：已完成870/1100户。", ("农村户厕改造", [1100.0], [(870.0, None)])),
    ("3.养老床位：完成情况210张/280张。", ("养老床位", [280.0], [(210.0, None)])),
], ids=["unit-on-both", "unit-on-the-task-only", "labelled-done"])
def test_the_count_done_written_over_its_task(item, want):
    r = run(REPORT_HEAD + item + "\n")
    assert [(p.name, [t.value for t in p.targets], [(g.completed.value, g.rate) for g in p.progress])
            for p in r.projects] == [want]


@pytest.mark.parametrize("text, want", [
    ("1.城镇新增就业：完成4,200人/5,000人，完成率84%。", [(5000.0, 4200.0, 84.0)]),
    ("1.就业。农村劳动力转移就业新增1,200人，完成目标任务1,000人的120%。", [(1000.0, 1200.0, 120.0)]),
], ids=["done-over-task", "rate-of-the-task-named"])
def test_thousands_written_with_commas(text, want):
    r = run(REPORT_HEAD + text + "\n")
    assert [(t.value, g.completed.value, g.rate) for p in r.projects for t in p.targets for g in p.progress
            if g.completed] == want


def test_an_earlier_periods_cell_with_thousands():
    # 1-8月 | 1-9月 columns: the earlier period's 2,650 is one figure, not 650
    r = run("某县2026年民生实事项目9月份进展情况\n\n序号\t项目名称\t年度目标\t单位\t1-8月完成\t1-9月完成\t完成率\n"
            "1\t新增城镇就业\t3,200\t人\t2,650\t2,980\t93.1%\n")
    assert sorted(g.completed.value for p in r.projects for g in p.progress if g.completed) == [2650.0, 2980.0]


def owned_facts(result) -> list[tuple]:
    return [(p.name, [(t.value, t.unit) for t in p.targets],
             [(g.completed.value, g.completed.unit) for g in p.progress if g.completed], p.lead_units)
            for p in result.projects]


@pytest.mark.parametrize("label", ["进展：", "进展情况：", "工作进展：", "完成情况：", "推进情况：", "目前进展："])
@pytest.mark.parametrize("units", ["（县卫健局）", ""])
def test_an_item_line_then_a_labelled_report_line(label, units):
    """The item's task on its line, the units in brackets at its end, the report on the next line under a label."""
    body = (f"1.新建村卫生室14个。{units}\n{label}已建成11个，3个正在装修。\n"
            f"2.改造城区背街小巷26条。{units}\n{label}已完工19条。\n")
    owner = ["县卫健局"] if units else []
    assert owned_facts(run(REPORT_HEAD + body)) == [
        ("新建村卫生室", [(14.0, "个")], [(11.0, "个")], owner),
        ("改造城区背街小巷", [(26.0, "条")], [(19.0, "条")], owner)]


@pytest.mark.parametrize("units", ["（县卫健局）", ""])
@pytest.mark.parametrize("report", ["已建成11个，3个正在装修。", "截至9月底，已建成11个。", "目前已建成11个。"])
def test_an_item_line_then_its_report_line_without_a_label(units, report):
    body = f"1.新建村卫生室14个。{units}\n{report}\n2.改造城区背街小巷26条。{units}\n已完工19条。\n"
    owner = ["县卫健局"] if units else []
    assert owned_facts(run(REPORT_HEAD + body)) == [
        ("新建村卫生室", [(14.0, "个")], [(11.0, "个")], owner),
        ("改造城区背街小巷", [(26.0, "条")], [(19.0, "条")], owner)]


@pytest.mark.parametrize("line", ["各单位要加快推进，确保11月底前全部建成。", "3.改造城区背街小巷26条。"])
def test_a_line_after_an_item_that_reports_nothing_in_its_unit_is_not_its_report(line):
    items = group_items([(1, normalize("1.新建村卫生室14个。（县卫健局）")), (2, normalize(line))], GAZ.units)
    assert [[x[0] for x in item] for item in items] == [[1]] + ([[2]] if line.startswith("3.") else [])
