"""Prose habits on small documents written here: a 方面 paragraph that chains several projects, each
with its unit in brackets after its name; '分别' pairs of tasks, counts and rates (also by 街道); fields
written outside the item they belong to; an item's number before a figure; each of two things."""
from extract_helpers import run, targets

PLAN_HEAD = "某市人民政府关于印发2022年十件民生实事实施方案的通知\n\n"


def by_name(ex):
    return {p.name: p for p in ex.projects}


# ---- a 方面 paragraph chaining projects; '分别' pairs -----------------------------------------

CHAIN = """某市人民政府办公室
关于2021年民生实事上半年推进情况的通报

各县（区）人民政府，市级有关部门：

现将上半年推进情况通报如下。

（一）教育卫生方面。新建公办幼儿园（市教育局）10所、新增学位3000个，分别已建成6所、新增学位2400个，完成率分别为60%、80%；村卫生室标准化建设（市卫生健康委）80个，已全部完成；妇女“两癌”免费筛查（市卫生健康委、市妇联）年度目标3万人，已筛查2.1万人，完成率70%。

（二）城乡建设方面。新建农村公路（市交通运输局）500公里，已完成350公里，完成率70%；新增停车位（市城管局）2000个，已建成1500个，完成率75%。

某市人民政府办公室
2021年7月10日
"""


def test_category_paragraph_is_one_project_a_clause_with_its_bracketed_unit():
    by = by_name(run(CHAIN))
    assert by["妇女“两癌”免费筛查"].lead_units == ["市卫生健康委", "市妇联"]
    assert [t.value for t in by["妇女“两癌”免费筛查"].targets] == [30000]
    road = by["新建农村公路"]
    assert road.lead_units == ["市交通运输局"] and [(g.completed.value, g.rate) for g in road.progress] == [(350, 70)]
    assert "教育卫生方面" not in by and "城乡建设方面" not in by


def test_fenbie_pairs_tasks_counts_and_rates_in_order():
    by = by_name(run(CHAIN))
    kg, seats = by["新建公办幼儿园"], by["新建公办幼儿园（新增学位）"]
    assert [(t.value, t.unit) for t in kg.targets] == [(10, "所")]
    assert [(g.completed.value, g.completed.unit, g.rate) for g in kg.progress] == [(6, "所", 60)]
    assert [(t.value, t.unit) for t in seats.targets] == [(3000, "个")]
    assert [(g.completed.value, g.rate) for g in seats.progress] == [(2400, 80)]
    assert kg.lead_units == seats.lead_units == ["市教育局"]


def test_a_task_done_in_full_keeps_its_figure_as_target_and_as_the_count_done():
    clinic = by_name(run(CHAIN))["村卫生室标准化建设"]
    assert [(t.value, t.unit) for t in clinic.targets] == [(80, "个")]
    assert [(g.completed.value, g.completed.unit) for g in clinic.progress if g.completed] == [(80, "个")]
    assert all(g.rate is None for g in clinic.progress)


def test_fenbie_pairs_raise_no_rate_flag_when_consistent():
    assert not [f for f in run(CHAIN).flags if f.code == "RATE_MISMATCH"]


# ---- fields assigned by item number --------------------------------------------------------

BY_NUMBER = """某县人民政府
关于印发2020年为民办实事项目的通知

各乡镇人民政府，县直各单位：

一、实事项目

（一）新建幼儿园。新建公办幼儿园3所。

（二）农村公路。新建农村公路80公里。

（三）饮水安全。解决1.2万人饮水安全问题。

二、责任分工

第（一）、（三）项由副县长张  伟负责，县教育局、县水利局分别牵头，县财政局配合；第（二）项由副县长刘芳负责，县交通运输局牵头。

三、完成时限

第（一）项于2020年8月底前完成；第（二）、（三）项于2020年11月30日前完成。

某县人民政府
2020年2月20日
"""


def test_leaders_units_and_deadlines_written_by_item_number():
    by = by_name(run(BY_NUMBER))
    kg, road, water = by["新建幼儿园"], by["农村公路"], by["饮水安全"]
    assert kg.leaders == water.leaders == ["张伟"] and road.leaders == ["刘芳"]
    assert kg.lead_units == ["县教育局"] and water.lead_units == ["县水利局"]      # 分别: in order
    assert kg.partner_units == water.partner_units == ["县财政局"]
    assert road.lead_units == ["县交通运输局"]
    assert (kg.deadline, road.deadline, water.deadline) == ("2020-08-31", "2020-11-30", "2020-11-30")


LAGGING = """某市人民政府督查室
关于部分民生实事项目进度滞后的通报

一、滞后项目情况

（一）老旧小区改造。年度计划改造40个，已完成12个，完成率30%。责任单位：市住房城乡建设局。

（二）新建公办幼儿园。年度计划新建10所，已建成3所，完成率30%。责任单位：市教育局。

二、督办要求

（一）对2个滞后项目，由分管副市长赵  强牵头召开专题调度会。

（二）各责任单位要于8月31日前将赶进度方案报市政府督查室。

某市人民政府督查室
2022年8月1日
"""


def test_a_leader_given_to_the_n_projects_goes_to_the_n_numbered_ones():
    ex = run(LAGGING)
    by = by_name(ex)
    assert by["老旧小区改造"].leaders == by["新建公办幼儿园"].leaders == ["赵强"]
    assert not any(p.name.startswith("对2个") for p in ex.projects)


# ---- 目标任务：… 进展情况：… 存在问题：… 下步打算：… -----------------------------------------------

SECTIONS = """某市人民政府办公室
关于2020年上半年民生实事推进情况的通报

二、分项推进情况

（一）居民增收（市发展改革委）。目标任务：城镇居民人均可支配收入增长7%左右。进展情况：上半年城镇居民人均可支配收入15200元，同比增长6.4%。存在问题：工资性收入增长放缓。下步打算：力争全年实现预期目标。

（二）农村危房改造（市住房城乡建设局）。目标任务：完成农村危房改造3000户。进展情况：截至6月底，已竣工1200户，竣工率40%。存在问题：尚有900户未开工。下步打算：9月底前全部开工，再改造500户。

（三）农村公路（市交通运输局）。目标任务：新改建农村公路600公里。进展情况：已完成路面铺筑240公里，完成45%。存在问题：雨季影响施工。下步打算：10月底前全面完工。

某市人民政府办公室
2020年7月8日
"""


def test_sections_give_target_and_progress_and_nothing_else():
    by = by_name(run(SECTIONS))
    house = by["农村危房改造"]
    assert [(t.value, t.unit) for t in house.targets] == [(3000, "户")]
    assert [(g.completed.value, g.rate) for g in house.progress] == [(1200, 40)]     # not 900, not 500


def test_sections_growth_target_and_reached_growth():
    income = by_name(run(SECTIONS))["居民增收"]
    assert [(t.value, t.unit) for t in income.targets] == [(7, "%")]
    assert [(g.completed.value, g.completed.unit, g.rate) for g in income.progress] == [(6.4, "%", None)]


def test_sections_target_is_checked_against_the_progress():
    flags = [f for f in run(SECTIONS).flags if f.code == "RATE_MISMATCH"]
    assert len(flags) == 1 and "农村公路" in flags[0].message      # 240/600 = 40, stated 45


# ---- one closing bracket of fields; names with the title after them --------------------------

BRACKET = """某盟行政公署办公厅
关于印发2015年全盟为民办实事工作方案的通知

（一）饮水安全工程。解决1.5万农牧民饮水安全问题，其中甲旗0.9万人、乙旗0.6万人。（包联领导：巴特尔副盟长；牵头：盟水务局；协同：盟财政局、甲旗人民政府；时限：10月底前）

（二）危房改造。改造农村牧区危房900户。（包联领导：额尔敦•毕力格副盟长；牵头：盟住房和城乡建设局；时限：11月底前）

（三）公路建设。建设通嘎查公路120公里。（包联领导：王　强副盟长；牵头：盟交通运输局；时限：9月底前）

某盟行政公署办公厅
2015年3月1日
"""


def test_one_closing_bracket_gives_leader_units_and_deadline():
    by = by_name(run(BRACKET))
    water = by["饮水安全工程"]
    assert water.leaders == ["巴特尔"]                      # the title after the name dropped
    assert water.lead_units == ["盟水务局"] and water.partner_units == ["盟财政局", "甲旗人民政府"]
    assert water.deadline == "2015-10-31"
    assert by["危房改造"].leaders == ["额尔敦·毕力格"]       # the bullet written as a middle dot
    assert by["公路建设"].leaders == ["王强"]


def test_people_counted_by_who_they_are_and_an_exhaustive_breakdown():
    water = by_name(run(BRACKET))["饮水安全工程"]
    assert [(t.value, t.unit) for t in water.targets] == [(15000, "人")]    # 0.9万 + 0.6万 repeat it


# ---- a rate with the target inside its phrase ------------------------------------------------

RATE_INSIDE = """某区人民政府
关于2022年民生实事完成情况的报告

（一）稳岗促就业（区人力社保局牵头）。城镇新增就业1.26万人，完成年度目标1.2万人的105%。

（二）普惠托育（区卫生健康委牵头）。新增普惠托位540个，完成年度目标500个的108%。

某区人民政府
2023年1月5日
"""


def test_target_inside_the_rate_phrase_is_a_target_and_the_rate_is_kept():
    by = by_name(run(RATE_INSIDE))
    jobs = by["稳岗促就业"]
    assert [(t.value, t.unit) for t in jobs.targets] == [(12000, "人")]
    assert [(g.completed.value, g.rate) for g in jobs.progress] == [(12600, 105)]
    assert [(g.completed.value, g.rate) for g in by["普惠托育"].progress] == [(540, 108)]


# ---- 其中 breakdowns of a completed figure ---------------------------------------------------

BREAKDOWN = """某市人民政府办公室
关于2020年民生实事完成情况的通报

（一）转移就业（牵头单位：市人社局）。年度目标转移就业8万人，全年实现转移就业8.4万人，完成105%，其中区外转移就业1.4万人、区内转移就业7万人，实现劳务收入9.6亿元。

（二）学前教育（牵头单位：市教育局）。年度目标新建改扩建幼儿园20所，新增学位2400个。20所幼儿园已全部建成，其中新建12所、改扩建8所，新增学位2460个，完成102.5%。

（三）保障性住房（牵头单位：市住建局）。年度计划新建保障性住房800套，竣工800套，完成100%。

某市人民政府办公室
2021年1月15日
"""


def test_an_exhaustive_breakdown_of_a_completed_figure_is_no_progress():
    by = by_name(run(BREAKDOWN))
    assert [(g.completed.value, g.rate) for g in by["转移就业"].progress] == [(84000, 105)]
    school = by["学前教育"]
    assert sorted((t.value, t.unit) for t in school.targets) == [(20, "所"), (2400, "个")]    # 20所 not twice
    assert [(g.completed.value, g.completed.unit) for g in school.progress if g.completed] == [(2460, "个")]


def test_a_count_built_after_the_task_is_its_progress():
    house = by_name(run(BREAKDOWN))["保障性住房"]
    assert [(t.value, t.unit) for t in house.targets] == [(800, "套")]
    assert [(g.completed.value, g.rate) for g in house.progress] == [(800, 100)]


# ---- a 政策解读 in 问：/答： form; a 人大 公告 ---------------------------------------------------

JIEDU = """某市人民政府门户网站 > 政策解读

《某市2021年十件民生实事》政策解读

发布时间：2021-03-10　　来源：某市发展和改革委员会

问：今年的民生实事是怎样确定的？

答：面向全市8个县（区）征集意见建议980条，最终确定了十件民生实事。

问：在就业方面有哪些安排？

答：今年全市城镇新增就业3200人，开展职业技能培训4000人次。此项工作由市人力资源社会保障局牵头。

问：低保标准有什么变化？

答：城市低保标准由每人每月700元提高到每人每月760元，比上年提高60元。此项工作由市民政局牵头，市财政局配合。

问：资金怎么保障？

答：十件民生实事计划总投资3.2亿元，其中中央和自治区资金2.1亿元、市县配套1.1亿元，市财政局已下达第一批资金0.8亿元。
"""


def test_jiedu_is_a_plan_and_its_answers_give_targets_and_units():
    ex = run(JIEDU)
    assert ex.document.kind == "plan"
    targets = sorted((t.value, t.unit) for p in ex.projects for t in p.targets)
    assert targets == [(760, "元/人/月"), (3200, "人"), (4000, "人次")]      # not 980条, 700元, 60元, 3.2亿
    by = {t.value: p for p in ex.projects for t in p.targets}
    assert by[760].lead_units == ["市民政局"] and by[760].partner_units == ["市财政局"]
    assert by[3200].lead_units == ["市人力资源社会保障局"]


def test_money_listed_by_dunhao_ends_at_the_comma():
    assert not [f for f in run(JIEDU).flags if f.code == "SUM_MISMATCH"]     # 2.1 + 1.1 = 3.2, 0.8 apart


GONGGAO = """某县第十届人民代表大会第三次会议
公　　告
（第3号）

大会对民生实事候选项目进行了票决。表决结果如下：

| 序号 | 候选项目 | 赞成 | 反对 | 弃权 | 结果 |
|---|---|---|---|---|---|
| 1 | 新建幼儿园 | 150 | 3 | 2 | 当选 |
| 2 | 农村公路 | 140 | 10 | 5 | 当选 |
| 3 | 加装电梯 | 70 | 60 | 25 | 未当选 |

当选的2个项目确定为2024年民生实事项目：

1．新建幼儿园（150票）。新建公办幼儿园2所。牵头单位：县教育局；完成时限：2024年8月底前。

2．农村公路（140票）。新改建农村公路30公里。牵头单位：县交通运输局；完成时限：2024年10月底前。

特此公告。

某县第十届人民代表大会第三次会议主席团
2024年1月8日
"""


def test_gonggao_is_a_plan_numbered_by_its_serial_and_its_ballot_is_no_list():
    ex = run(GONGGAO)
    assert ex.document.kind == "plan" and ex.document.doc_number == "第3号"
    assert not [f for f in ex.flags if f.code == "COUNT_MISMATCH"]          # 3 candidates, 2 elected


def test_a_long_list_without_commas_is_read_quickly():
    import time

    text = "某市民生实事推进情况通报\n\n" + "新建幼儿园1所、" * 400 + "分别已建成1所。\n"
    start = time.perf_counter()
    run(text)
    assert time.perf_counter() - start < 2.0


SHARE_SECTIONS = """某市人民政府办公室
关于2020年上半年民生实事推进情况的通报

（一）城乡就业（市人社局）。目标任务：城镇新增就业2万人，城镇登记失业率控制在4%以内。进展情况：全市城镇新增就业1.1万人，完成55%；城镇登记失业率为3.6%。存在问题：岗位开发不足。下步打算：再举办招聘会10场。

（二）养老服务（市民政局）。目标任务：新建社区养老服务站20个。进展情况：建成12个，完成60%。存在问题：运营主体未定。下步打算：年底前全部投入使用。

某市人民政府办公室
2020年7月6日
"""


def test_sections_a_promised_share_reported_is_reached():
    jobs = by_name(run(SHARE_SECTIONS))["城乡就业"]
    assert (4, "%") in [(t.value, t.unit) for t in jobs.targets]
    assert (3.6, "%", None) in [(g.completed.value, g.completed.unit, g.rate) for g in jobs.progress if g.completed]


def test_a_standard_raised_is_named_without_its_old_level():
    text = CHAIN.replace("（二）城乡建设方面。", "（二）城乡建设方面。城乡居民基础养老金最低标准（市人社局）由每人每月90元提高到110元，已足额发放，完成率100%；")
    names = set(by_name(run(text)))
    assert "城乡居民基础养老金最低标准" in names


CHAIN_TASKS = """某市人民政府办公室
关于2021年民生实事前三季度推进情况的通报

（一）就业和社会保障方面。城镇新增就业年度目标3万人，截至9月底已完成2.5万人，完成率83.3%；职业技能培训年度目标1万人次，已培训0.8万人次，完成率80%。

（二）教育方面。新建公办幼儿园10所、新增学位3000个，目前分别建成8所、2400个，分别完成年度任务的80%、80%。

某市人民政府办公室
2021年10月10日
"""


def test_category_paragraph_of_clauses_each_with_its_own_target():
    by = by_name(run(CHAIN_TASKS))
    assert [(t.value, t.unit) for t in by["职业技能培训"].targets] == [(10000, "人次")]
    assert "就业和社会保障方面" not in by


def test_fenbie_after_an_adverb_and_rates_of_the_year_task():
    by = by_name(run(CHAIN_TASKS))
    assert [(g.completed.value, g.rate) for g in by["新建公办幼儿园"].progress] == [(8, 80)]
    assert [(g.completed.value, g.rate) for g in by["新建公办幼儿园（新增学位）"].progress] == [(2400, 80)]


def test_a_post_alone_is_no_name():
    from extractors.people import leaders_in

    assert leaders_in("分管副市长") == [] and leaders_in("孟克吉日嘎拉副盟长") == ["孟克吉日嘎拉"]


def test_a_leader_acting_with_his_remit_written_before_the_post():
    text = LAGGING.replace("（一）对2个滞后项目，由分管副市长赵  强牵头召开专题调度会。",
                           "（一）对进度滞后的老旧小区改造项目，由分管副市长赵  强约谈市住房城乡建设局主要负责人。")
    assert "赵强" in {name for p in run(text).projects for name in p.leaders}


SECTION_LINES = """某市人民政府办公室
关于2020年上半年民生实事推进情况的通报

（一）农村危房改造（市住建局）
目标任务：完成农村危房改造3000户。
进展情况：已竣工1200户，竣工率40%。
存在问题：尚有900户未开工。
下步打算：9月底前全部开工，年度计划改造3000户，再改造500户，三季度末完成80%以上。

某市人民政府办公室
2020年7月8日
"""


def test_sections_on_lines_of_their_own():
    ex = run(SECTION_LINES)
    assert [(p.name, [t.value for t in p.targets], [(g.completed.value, g.rate) for g in p.progress]) for p in ex.projects] \
        == [("农村危房改造", [3000], [(1200, 40)])]


NUMBERED_OWNED = """某市人民政府办公室
关于2019年民生实事前三季度推进情况的通报

1．城镇新增就业（市人社局）年度目标4万人，截至9月底已完成3.2万人，完成率80%。

2．新建公办幼儿园（市教育局、市财政局）12所、新增学位3600个，分别已完工9所、新增学位2700个，完成率分别为75%、75%。

某市人民政府办公室
2019年10月21日
"""


def test_numbered_item_with_its_unit_in_brackets_inside_the_sentence():
    by = by_name(run(NUMBERED_OWNED))
    assert by["城镇新增就业"].lead_units == ["市人社局"]
    assert by["新建公办幼儿园"].lead_units == ["市教育局", "市财政局"]
    assert [(g.completed.value, g.rate) for g in by["新建公办幼儿园（新增学位）"].progress] == [(2700, 75)]


def test_a_milestone_required_is_no_rate():
    text = SECTIONS.replace("某市人民政府办公室\n2020年7月8日", "三、有关要求\n\n各牵头单位要倒排工期，确保三季度末完成年度任务的75%以上。\n\n某市人民政府办公室\n2020年7月8日")
    rates = [g.rate for p in run(text).projects for g in p.progress if g.rate is not None]
    assert 75 not in rates


# ---- 街道 ranked in prose: '分别' lists of tasks, counts and rates ------------------------------

STREETS = ("某区委督查室 某区人民政府督查室关于2024年区级重点民生实事第三季度推进情况的通报\n\n"
           "截至9月30日，各项目进展如下。\n\n"
           "一、老旧小区改造（区住房和城乡建设局牵头）\n\n"
           "全区年度任务40个小区，已完工30个，完成率75%。分街道看，东湖街道、南山街道年度任务分别为10个、8个，"
           "已完工分别为8个、6个，完成率分别为80%、75%。\n\n"
           "二、城镇新增就业（区人力资源和社会保障局牵头）\n\n"
           "全区年度目标5000人，已实现城镇新增就业4300人，完成率86%，同比多增150人。各街道中，北岭街道、西塘街道、"
           "东湖街道位列前三，完成率分别为92.4%、90.1%、88.6%；南山街道排名靠后。\n")


def test_rate_lists_by_street_give_each_street_its_rate():
    result = run(STREETS)
    rates = {(g.region, g.rate) for p in result.projects for g in p.progress if g.rate is not None}
    assert {("东湖街道", 80), ("南山街道", 75), ("北岭街道", 92.4), ("西塘街道", 90.1), ("东湖街道", 88.6)} <= rates


def test_street_tasks_listed_with_fenbie_are_targets_and_the_heading_unit_leads():
    result = run(STREETS)
    values = [(t.value, t.unit) for p in result.projects for t in p.targets]
    assert {(40, "个"), (10, "个"), (8, "个"), (5000, "人")} <= set(values)
    assert {u for p in result.projects for u in p.lead_units} == {"区住房和城乡建设局", "区人力资源和社会保障局"}


# ---- an item's number before a figure; tasks listed, then done in the same order ------------

GBK_ITEMS = ("某市人民政府办公室关于2021年为民办实事项目1—10月进展情况的通报\n\n截至10月31日，各项目进展情况通报如下：\n\n"
             "1．5G网络建设（市工业和信息化局牵头）。年度新建5G基站600个，已建成480个，完成80%。\n\n"
             "2．公办幼儿园建设（市教育局牵头）。新建公办幼儿园4所、新增学位1440个，已完工3所、新增学位1080个，完成率均为75%。\n")


def test_item_dot_before_5g_numbers_the_item():
    projects = {p.name: p for p in run(GBK_ITEMS).projects}
    assert [(t.value, t.unit) for t in projects["5G网络建设"].targets] == [(600, "个")]
    assert projects["5G网络建设"].seq == "1"


def test_item_number_before_a_figure_continues_the_numbering():
    text = ("某县关于2017年为民办实事完成情况的自查报告\n\n"
            "1．农村危房改造（县住建局）。目标任务1000户，实际完成1000户，完成率100%。\n\n"
            "2．65岁以上老年人健康体检（县卫计局）。目标任务4.2万人，实际完成3.87万人，完成率92.1%。\n")
    projects = {p.seq: p for p in run(text).projects}
    assert [(t.value, t.unit) for t in projects["2"].targets] == [(42000, "人")]
    assert projects["2"].name.startswith("65岁以上老年人健康体检")


def test_tasks_then_counts_done_in_the_same_order_and_one_shared_rate():
    p = next(p for p in run(GBK_ITEMS).projects if p.name == "公办幼儿园建设")
    assert [(t.value, t.unit) for t in p.targets] == [(4, "所"), (1440, "个")]
    assert [(g.completed.value, g.rate) for g in p.progress] == [(3, 75), (1080, 75)]


# ---- each of two things is a target of its own ----------------------------------------------

def test_each_of_two_things_is_a_target_of_its_own():
    got = run(PLAN_HEAD + "7．为农村适龄妇女免费开展宫颈癌和乳腺癌检查各50万人。（省卫生健康委、省妇联）\n\n"
                          "8．新建城乡社区居家养老服务站300个。（省民政厅）\n")
    assert targets(got) == [(500000.0, "人"), (500000.0, "人"), (300.0, "个")]
