"""Shapes of progress prose that real reports take, each in a document of our own: what the sentence reader
must read whatever the layout."""
import pytest
from extract_helpers import completed, run, targets

HEAD = "某县2026年民生实事项目1-10月进展情况\n\n截至10月底，各项目总体进展顺利。"


def names(result) -> list[str]:
    return [p.name for p in result.projects]


@pytest.mark.parametrize("body, name, task, done", [
    ("全年计划新增城镇就业2800人，已新增城镇就业2316人；计划开展职业技能培训1500人次，已培训1342人次。",
     ["新增城镇就业", "开展职业技能培训"], [(2800.0, "人"), (1500.0, "人次")], [(2316.0, "人"), (1342.0, "人次")]),
    ("教育提升方面，计划新增公办学位2400个，已新增1980个。", ["新增公办学位"], [(2400.0, "个")], [(1980.0, "个")]),
    ("今年全县计划改造农村户厕900户，目前已完成改造705户。", ["改造农村户厕"], [(900.0, "户")], [(705.0, "户")]),
    ("年内计划建成村级养老服务站14个，已建成9个。", ["建成村级养老服务站"], [(14.0, "个")], [(9.0, "个")]),
], ids=["two-plans-in-one-sentence", "field-then-plan", "year-and-place-then-plan", "within-the-year-then-plan"])
def test_a_clause_that_opens_with_its_plan(body, name, task, done):
    r = run(HEAD + body + "\n")
    assert names(r) == name
    assert targets(r) == task
    assert completed(r) == done


LIST = "某县2026年十件民生实事\n"


@pytest.mark.parametrize("lines", [
    ["新建公办幼儿园6所（县教育局）", "新增城镇就业2800人（县人社局）", "改造农村公路80公里（县交通局）"],
    ["▶新建公办幼儿园6所（县教育局）", "▶新增城镇就业2800人（县人社局）", "▶改造农村公路80公里（县交通局）"],
    ["● 新建公办幼儿园6所。（县教育局）", "● 新增城镇就业2800人。（县人社局）", "● 改造农村公路80公里。（县交通局）"],
    ["新建公办幼儿园6所（牵头单位：县教育局）", "新增城镇就业2800人（牵头单位：县人社局）",
     "改造农村公路80公里（牵头单位：县交通局）"],
], ids=["plain-lines", "arrow-bullets", "dot-bullets-unit-after-the-stop", "labelled-units"])
def test_a_list_under_the_years_title_is_a_plan(lines):
    # the title is only the year's list: a plan, and its title does not run on into the first project
    r = run(LIST + "\n".join(lines) + "\n")
    assert r.document.kind == "plan"
    assert r.document.title == "某县2026年十件民生实事"
    assert [(p.name, [(t.value, t.unit) for t in p.targets], p.lead_units) for p in r.projects] == [
        ("新建公办幼儿园", [(6.0, "所")], ["县教育局"]),
        ("新增城镇就业", [(2800.0, "人")], ["县人社局"]),
        ("改造农村公路", [(80.0, "公里")], ["县交通局"])]
    assert completed(r) == []


def test_a_lines_units_stay_with_its_project_not_the_programme():
    r = run("关于印发某县2026年十件民生实事的通知\n新建公办幼儿园6所（牵头单位：县教育局，配合单位：县财政局）\n")
    assert [(p.name, p.lead_units, p.partner_units) for p in r.projects] == [("新建公办幼儿园", ["县教育局"], ["县财政局"])]


@pytest.mark.parametrize("title, kind", [
    ("某县2026年十件民生实事", "plan"),
    ("2026年市政府为民办实事项目", "plan"),
    ("某区2026年重点民生实事项目清单", "plan"),
    ("某县2026年十件民生实事1-9月进展情况", "progress"),
])
def test_a_title_that_is_only_the_years_list(title, kind):
    r = run(title + "\n新建公办幼儿园6所，已建成4所。\n" if kind == "progress" else title + "\n新建公办幼儿园6所。\n")
    assert r.document.kind == kind


def levels(result) -> list[tuple]:
    return [(p.name, [(t.value, t.unit) for t in p.targets],
             [(g.completed.value, g.completed.unit) for g in p.progress if g.completed]) for p in result.projects]


@pytest.mark.parametrize("line, want", [
    ("1.农村自来水普及率达到95%以上，目前已达93.5%。", ("农村自来水普及率", [(95.0, "%")], [(93.5, "%")])),
    ("2.城乡居民医保参保率目标98%，实际参保率98.6%。", ("城乡居民医保参保率", [(98.0, "%")], [(98.6, "%")])),
    ("3.生活垃圾分类覆盖率年度目标90%，已达到86%。", ("生活垃圾分类覆盖率", [(90.0, "%")], [(86.0, "%")])),
], ids=["reached-after-the-task", "target-then-actual", "years-target-then-reached"])
def test_a_share_promised_and_the_level_reached(line, want):
    assert levels(run(HEAD + "\n" + line + "\n")) == [want]


def test_a_rate_of_the_task_is_no_level_reached():
    r = run(HEAD + "\n1.农村自来水普及率达到95%以上，完成年度任务的80%。\n")
    assert [x for x in levels(r) if x[2]] == []


def test_an_enumerator_is_no_part_of_a_name():
    r = run(HEAD + "一是新建幼儿园3所，已建成2所。二是改造老旧小区12个，已完工9个。\n")
    assert [p.name for p in r.projects] == ["新建幼儿园", "改造老旧小区"]


@pytest.mark.parametrize("body, task, done", [
    ("全年新增城镇就业2.3万人，超额完成1.8万人的目标任务。", [(18000.0, "人")], [(23000.0, "人")]),
    ("1.新建幼儿园5所，超额完成4所的年度任务。", [(4.0, "所")], [(5.0, "所")]),
    ("改造农村户厕900户，完成县下达的800户的任务。", [(800.0, "户")], [(900.0, "户")]),
    ("全年新增城镇就业2.3万人，超额完成1200人。", [], [(23000.0, "人")]),       # by how much: no task
], ids=["task-after-the-count", "numbered", "task-set-by-the-county", "excess-is-no-task"])
def test_the_count_done_then_the_task_it_is_measured_against(body, task, done):
    r = run(HEAD + "\n" + body + "\n")
    assert targets(r) == task
    assert completed(r) == done


@pytest.mark.parametrize("title, kind", [
    ("某县2026年民生实事工作总结", "summary"),
    ("某县2026年上半年民生实事工作总结", "progress"),
])
def test_a_years_summing_up_is_a_summary(title, kind):
    assert run(title + "\n全年新建幼儿园5所，新增城镇就业2.3万人。\n").document.kind == kind


@pytest.mark.parametrize("body, task, done", [
    ("新增养老床位1200张，已完成年度任务。", [(1200.0, "张")], [(1200.0, "张")]),
    ("1.新增养老床位1200张，已完成年度任务。", [(1200.0, "张")], [(1200.0, "张")]),
    ("新增养老床位1200张，已完成年度任务的80%。", [(1200.0, "张")], []),
], ids=["done-in-full", "numbered-done-in-full", "a-share-of-it-is-not"])
def test_a_task_and_the_word_that_it_is_done(body, task, done):
    r = run(HEAD + "\n" + body + "\n")
    assert targets(r) == task
    assert completed(r) == done


@pytest.mark.parametrize("text, want", [
    (("某县2026年民生实事项目1-9月进展情况 截至9月底，各项目进展顺利，现将有关情况通报如下：一、新建公办幼儿园6所，"
     "已建成4所。二、新增养老床位300张，已完成210张，完成率70%。三、改造农村公路80公里，已完工72公里。"),
     [("一", "新建公办幼儿园"), ("二", "新增养老床位"), ("三", "改造农村公路")]),
    (("某县2026年民生实事项目1-9月进展情况 截至9月底，各项目进展顺利。1.城镇新增就业：年度目标5000人，已完成4200人。"
     "2.农村危房改造：年度任务320户，已竣工300户。"),
     [("1", "城镇新增就业"), ("2", "农村危房改造")]),
], ids=["chinese-numbers-after-the-preamble", "arabic-numbers-after-a-sentence"])
def test_a_page_run_together_into_one_line_keeps_its_items_apart(text, want):
    r = run(text + "\n")
    assert [(p.seq, p.name) for p in r.projects] == want
    assert len(completed(r)) == len(want)


def test_investment_done_against_the_years_planned_investment():
    r = run(HEAD + "\n城区停车场项目完成投资2.3亿元，占年度计划投资3亿元的76.7%。\n")
    assert [(p.name, targets(r), [(g.completed.value, g.rate) for g in p.progress]) for p in r.projects] == [
        ("城区停车场项目", [(300000000.0, "元")], [(230000000.0, 76.7)])]


@pytest.mark.parametrize("heading", ["（一）教育类（2件）", "一、教育提升（共2项）", "（一）教育提升(2项)"])
def test_a_categorys_count_of_items_is_no_project(heading):
    r = run("关于印发某县2026年民生实事项目实施方案的通知\n" + heading + "\n1.新建公办幼儿园3所，新增学位900个。\n"
            "2.建设城乡供水工程，新建水厂2座。\n")
    assert targets(r) == [(3.0, "所"), (900.0, "个"), (2.0, "座")]


@pytest.mark.parametrize("item, want", [
    ("4.课后服务。义务教育学校课后服务覆盖率保持100%。", [("4", "课后服务", [(100.0, "%")])]),
    ("4.医保参保。城乡居民基本医疗保险参保率稳定在95%以上。", [("4", "医保参保", [(95.0, "%")])]),
], ids=["kept-at", "held-above"])
def test_a_plan_item_whose_only_target_is_a_share(item, want):
    r = run("某县2026年民生实事项目实施方案\n\n3.养老床位。新增护理型养老床位300张。\n" + item + "\n")
    assert [(p.seq, p.name, [(t.value, t.unit) for t in p.targets]) for p in r.projects][1:] == want


def test_a_field_heading_over_several_shares_is_no_one_project():
    r = run("某县2026年民生实事项目实施方案\n\n（二）教育均衡发展。学前三年毛入园率达到92%，义务教育巩固率达到97%。\n")
    assert not [p for p in r.projects if len(p.targets) == 2]


@pytest.mark.parametrize("item, name, want", [
    ("3.托育养老服务（总投资1600万元）：新建社区养老服务站5个、普惠托育园3家，新增普惠托位240个。责任单位：县民政局。",
     "托育养老服务", [(16000000.0, "元"), (5.0, "个"), (3.0, "家"), (240.0, "个")]),
    ("3.托育养老服务：新建社区养老服务站5个、普惠托育园3家，新增普惠托位240个，惠及家庭约3000户。",
     "托育养老服务", [(5.0, "个"), (3.0, "家"), (240.0, "个"), (3000.0, "户")]),
], ids=["investment-in-brackets-before-the-colon", "a-sentence-over-forty-characters"])
def test_a_long_plan_item_keeps_every_figure_and_its_label(item, name, want):
    r = run("某县2026年民生实事项目\n\n" + item + "\n")
    assert [(p.name, [(t.value, t.unit) for t in p.targets]) for p in r.projects] == [(name, want)]


@pytest.mark.parametrize("line, want", [
    ("建设紧密型县域医共体4个。", [(4.0, "个")]),
    ("新增共享电动自行车停放点60个。", [(60.0, "个")]),
    ("新建公共厕所12座。", [(12.0, "座")]),
], ids=["medical-community", "shared-bikes", "public-toilets"])
def test_a_name_holding_gong_is_no_total(line, want):
    # 共 inside a name (医共体, 共享) is no 共建设7所 total over parts counted elsewhere
    assert targets(run("某市2026年十件民生实事\n\n" + line + "\n")) == want


PLAN_HEAD = "某县2031年民生实事项目实施方案\n\n"


@pytest.mark.parametrize("body, task", [
    ("2.安全住房：（1）2031年计划退出的3个乡和12个村的困难户，年底前全部住上安全住房。（2）改造农村危房900户。",
     [(900.0, "户")]),
    ("3.道路建设：（1）9月底前，今年确定的4个重点乡、15个重点村通硬化路。（2）硬化村组道路120公里。",
     [(120.0, "公里")]),
    ("4.饮水安全：对列入计划的6个村，年底前实现自来水入户；新建供水工程25个。", [(25.0, "个")]),
    # the same words governed by a task verb are the task
    ("5.危房改造：完成纳入改造计划的856户农村危房改造。", [(856.0, "户")]),
    ("6.污水治理：新建12个村的污水管网。", [(12.0, "个")]),
], ids=["scope-then-possessive", "scope-after-a-deadline", "scope-after-dui", "verb-governs-the-list",
        "count-of-villages-as-task"])
def test_the_places_a_plan_names_at_a_clauses_opening_are_its_scope_not_its_task(body, task):
    assert targets(run(PLAN_HEAD + body + "\n")) == task


@pytest.mark.parametrize("body, task, done", [
    ("（一）提前完成的有4项。救助提标工作已完成年度目标，其中农村低保达到310元以上、城市低保达到520元以上。",
     [], [(310.0, "元"), (520.0, "元")]),
    ("（二）养老服务：新增养老床位600张，已超额完成全年目标任务，分别为城区420张、乡镇230张。",
     [(600.0, "张")], [(420.0, "张"), (230.0, "张")]),
    # a stage of the work after 其中 is no part of the work done
    ("（三）校舍建设：年度任务8所，已开工8所，其中3所主体完工。", [(8.0, "所")], [(8.0, "所")]),
], ids=["levels-after-the-task-done", "parts-after-the-task-done", "a-stage-is-no-part"])
def test_the_task_done_in_full_then_what_was_reached(body, task, done):
    r = run(HEAD + body + "\n")
    assert targets(r) == task
    assert sorted(completed(r)) == sorted(done)


@pytest.mark.parametrize("body", [
    "\n（一）提前完成任务的指标有6项。到9月底全县有6个项目提前完成年度任务，新增城镇就业3400人等。",
    "\n（三）进度滞后的项目共有2项。其中改造老旧小区12个，完成进度为40%。",
])
def test_a_count_of_the_projects_in_a_group_is_neither_task_nor_work_done(body):
    r = run(HEAD + body + "\n")
    assert not [t for t in targets(r) if t[1] in ("项", "个")]
    assert not [c for c in completed(r) if c[0] in (6.0, 2.0)]


def parts(result) -> list[tuple]:
    return sorted((p.name, p.targets[0].value, p.progress[0].rate) for p in result.projects
                  if p.targets and p.progress and p.progress[0].rate is not None and p.progress[0].completed is None)


@pytest.mark.parametrize("body, want", [
    (("三、保障性住房。年度任务新建保障性住房900套，已建成2处共900套，其中东湖片区公租房(420套)目前完成工程量的80%，"
      "西岭片区公租房(480套)目前完成工程量的70%，年底前完工。"),
     [("东湖片区公租房", 420.0, 80.0), ("西岭片区公租房", 480.0, 70.0)]),
    ("序号\t项目\t目标任务\t完成情况\n3\t新建保障性住房\t900套\t其中东湖片区公租房（420套）完成形象进度的60%；西岭片区公租房（480套）完成形象进度的55%\n",
     [("东湖片区公租房", 420.0, 60.0), ("西岭片区公租房", 480.0, 55.0)]),
    # a bracket in another unit than the task's is no part of it
    ("三、保障性住房。年度任务新建保障性住房900套，其中东湖片区(12栋)目前完成工程量的80%。", []),
], ids=["prose", "table-row", "other-unit"])
def test_a_tasks_parts_named_with_their_size_and_rate(body, want):
    assert parts(run(HEAD + body + "\n")) == want


@pytest.mark.parametrize("body, want", [
    ("截至9月底，一是新增城镇就业4200人，完成年度任务的84%；二是改造老旧小区26个，已完工20个；三是新建公办幼儿园十所，已建成八所。",
     [("新增城镇就业", [], [4200.0]), ("改造老旧小区", [26.0], [20.0]), ("新建公办幼儿园", [10.0], [8.0])]),
    ("城镇新增就业：任务数5000人，完成数4200人，完成率84%。",
     [("城镇新增就业", [5000.0], [4200.0])]),
    ("五、农村公路建设：新改建农村公路150公里，已完成98公里。",
     [("新改建农村公路", [150.0], [98.0])]),
], ids=["counted-in-words", "task-number-done-number", "label-task-done-in-one-sentence"])
def test_tasks_and_counts_done_named_by_their_own_words(body, want):
    r = run(HEAD + "\n" + body + "\n")
    assert [(p.name, [t.value for t in p.targets], [g.completed.value for g in p.progress if g.completed])
            for p in r.projects if p.targets or p.progress] == want


def test_a_name_ends_before_the_bracket_that_holds_its_rate():
    r = run(HEAD + "\n进度滞后的项目有：农贸市场改造（完成率30%）、公共停车场建设（完成率25%）。\n")
    assert [(p.name, [(g.rate, g.status) for g in p.progress]) for p in r.projects if p.progress] == \
        [("农贸市场改造", [(30.0, "lagging")]), ("公共停车场建设", [(25.0, "lagging")])]


PLAN_LIST = ("某县2031年十件民生实事项目\n\n一、教育提升\n1.新建改扩建中小学5所、幼儿园8所。\n主要内容：城东小学、城西中学等。\n"
             "牵头单位：县教育局\n责任领导：王某某\n完成时限：2031年12月底\n2.实施校园食堂改造30所。\n牵头单位：县教育局\n"
             "二、就业社保\n3.城镇新增就业1.2万人以上，城镇登记失业率控制在5.5%以内。\n牵头单位：县人社局\n")


def test_a_years_list_under_field_headings_with_fields_a_line_each():
    r = run(PLAN_LIST)
    assert r.document.kind == "plan" and r.document.title == "某县2031年十件民生实事项目"
    got = [(p.seq, p.category, [(t.value, t.op) for t in p.targets], p.lead_units, p.leaders, p.deadline)
           for p in r.projects if p.targets]
    assert got == [("1", "教育提升", [(5.0, "="), (8.0, "=")], ["县教育局"], ["王某某"], "2031-12-31"),
                   ("2", "教育提升", [(30.0, "=")], ["县教育局"], [], None),
                   ("3", "就业社保", [(12000.0, ">="), (5.5, "<=")], ["县人社局"], [], None)]


def test_a_reports_own_parts_are_no_category():
    r = run(HEAD + "\n一、总体情况\n1.新增城镇就业4200人，完成年度任务的84%。\n二、存在问题\n2.改造老旧小区26个，已完工12个。\n")
    assert [p.category for p in r.projects if p.seq] == [None, None]


@pytest.mark.parametrize("line, want", [
    ("一、新建幼儿园：已建成17所（目标20所），任务完成率达85%。", ("新建幼儿园", [20.0], [(17.0, 85.0)])),
    ("二、城市更新：累计完成投资3.2亿元，为年度计划的80%。", ("城市更新", [], [(320000000.0, 80.0)])),
    ("四、养老服务：新增养老床位（目标500张）已建成420张。", ("养老服务", [500.0], [(420.0, None)])),
], ids=["task-in-brackets-after-the-count", "label-then-a-report", "task-in-brackets-before-the-count"])
def test_a_label_then_what_was_done_with_the_task_in_brackets(line, want):
    r = run(HEAD + "\n" + line + "\n")
    assert [(p.name, [t.value for t in p.targets], [(g.completed.value if g.completed else None, g.rate)
                                                     for g in p.progress]) for p in r.projects] == [want]


@pytest.mark.parametrize("line, name", [
    ("1.新建小学、初中各1所。（县教育局）", "新建小学、初中各1所"),     # each needs its figure
    ("2.新建改扩建学校20所，其中小学12所、初中8所。（县教育局）", "新建改扩建学校"),
    ("3.新建村级供水站16处，解决4800人饮水问题。（县水利局）", "新建村级供水站"),
    ("4.筹资1.5亿元，为38所乡村学校改造运动场。（县教育局）", "筹资1.5亿元，为38所乡村学校改造运动场"),   # money names nothing
], ids=["one-each", "parts-after", "second-task-after", "money-first"])
def test_a_plan_items_name_ends_before_its_task(line, name):
    r = run(PLAN_HEAD + line + "\n")
    assert [p.name for p in r.projects if p.targets] == [name]


def test_a_source_before_a_colon_is_no_project():
    r = run("关于2031年民生实事完成情况的报告\n\n据统计：今年全市新增就业2.6万人、再就业1.1万人，分别完成省定任务的"
            "110%和125%；建成保障性住房3.2万平方米，为省定任务的160%。\n")
    assert not [p for p in r.projects if p.name.startswith("据")]
    assert sorted(completed(r)) == [(11000.0, "人"), (26000.0, "人"), (32000.0, "平方米")] and not targets(r)


@pytest.mark.parametrize("line, want", [
    ("一、农村公路：计划新改建农村公路120公里，开工率100%，完工率75%。", [(None, 100.0, "开工率"), (None, 75.0, "完工率")]),
    ("二、保障房：计划建设保障性住房600套，已开工600套，主体完工420套，开工率100%。",
     [(600.0, 100.0, "开工率"), (420.0, None, None)]),
], ids=["stage-rates-after-the-task", "a-stage-rate-is-of-the-count-its-stage-names"])
def test_the_rates_of_a_stage(line, want):
    r = run(HEAD + "\n" + line + "\n")
    assert [(g.completed.value if g.completed else None, g.rate, g.measure) for p in r.projects for g in p.progress] == want


@pytest.mark.parametrize("verb", ["稳定在", "维持在", "保持在", "不低于"])
def test_a_shares_name_ends_before_its_verb(verb):
    r = run(PLAN_HEAD + f"5.城乡居民医保参保率{verb}95%{'' if verb == '不低于' else '以上'}。\n")
    assert [p.name for p in r.projects if p.targets] == ["城乡居民医保参保率"]


@pytest.mark.parametrize("line", [
    "四、医保：参保人数达到52.3万人，参保率96.8%，超过目标1.8个百分点。",
    "四、养老保险：参保率达到96.5%，超过年度目标1.5个百分点。",
    "四、就业：新增城镇就业5200人，比计划多200人。",
])
def test_by_how_much_a_target_was_passed_is_no_target(line):
    r = run(HEAD + "\n" + line + "\n")
    assert not [t for t in targets(r) if t[1] in ("个百分点", "人") and t[0] in (1.8, 1.5, 200.0)]


def fielded(result) -> list[tuple]:
    return [(p.name, p.lead_units, p.leaders) for p in result.projects]


@pytest.mark.parametrize("body, want", [
    (("（一）教育惠民工程\n1.新建城区幼儿园2所。\n牵头领导：副县长 刘东方\n牵头单位：县教体局\n"
     "2.改造农村薄弱学校12个。\n牵头领导：副县长 孙敏\n牵头单位：县教体局\n"),
     [("新建城区幼儿园", ["县教体局"], ["刘东方"]), ("改造农村薄弱学校", ["县教体局"], ["孙敏"])]),
    ("一、教育\n（1）新建城区幼儿园2所。\n（2）改造农村薄弱学校12个。\n牵头单位：县教体局\n",
     [("新建城区幼儿园", ["县教体局"], []), ("改造农村薄弱学校", ["县教体局"], [])]),
], ids=["a-category-over-an-item-with-fields", "sub-items-sharing-the-fields-under-them"])
def test_fields_under_items_numbered_alike_are_shared(body, want):
    assert sorted(fielded(run("某县2031年民生实事项目实施方案\n" + body))) == sorted(want)
