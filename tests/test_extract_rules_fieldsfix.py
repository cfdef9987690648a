"""Extraction rules for the fields batch 9 missed: short documents written here, one phenomenon a test."""
from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

SUPERVISION_HEAD = "某区人民政府督查室关于对2025年民生实事滞后项目实施重点督办的通知\n\n以下项目进度滞后，现列入重点督办。\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


# ---- a form written as 'label：value' lines, one block a project ---------------------------

FORM_LINES = SUPERVISION_HEAD + (
    "督办事项一：城区污水管网改造\n"
    "年度任务：改造污水管网40公里，惠及群众1.5万人。\n"
    "当前进展：已完成管网改造22公里，完成55%。\n"
    "整改要求：增加作业面，10月底前完成30公里。\n"
    "整改时限：10月31日前\n"
    "完成时限：12月15日前\n"
    "责任领导：副区长　陈  刚\n"
    "牵头单位：区住建局　　配合单位：区财政局\n"
    "\n"
    "督办事项二：社区食堂建设\n"
    "年度任务：新建社区食堂12个。\n"
    "当前进展：已建成4个。\n"
    "整改时限：9月30日前\n"
    "完成时限：11月30日前\n"
    "责任领导：副区长　李  梅\n"
    "牵头单位：区民政局\n")


def test_form_lines_give_one_project_each_with_their_fields():
    projects = {p.name: p for p in run(FORM_LINES).projects if p.targets}
    water, canteen = projects["城区污水管网改造"], projects["社区食堂建设"]
    assert [(t.value, t.unit) for t in water.targets] == [(40, "公里"), (15000, "人")]
    assert water.leaders == ["陈刚"] and water.lead_units == ["区住建局"] and water.partner_units == ["区财政局"]
    assert canteen.leaders == ["李梅"] and canteen.lead_units == ["区民政局"]
    assert [(g.completed.value, g.rate) for g in water.progress if g.completed] == [(22, 55)]


def test_form_lines_deadline_is_the_completion_limit_not_the_rectification_limit():
    projects = {p.name: p for p in run(FORM_LINES).projects if p.targets}
    assert projects["城区污水管网改造"].deadline == "2025-12-15"
    assert projects["社区食堂建设"].deadline == "2025-11-30"


def test_a_rectification_milestone_is_not_progress():
    rates = [g.rate for p in run(FORM_LINES).projects for g in p.progress if g.rate is not None]
    completed = [g.completed.value for p in run(FORM_LINES).projects for g in p.progress if g.completed]
    assert rates == [55] and 30 not in completed


# ---- 第一件…第十二件: Chinese ordinals numbering a plan's items -------------------------------

ORDINAL_ITEMS = ("某师市关于印发2016年为民办实事项目的通知\n\n2016年办好三件为民办实事。\n\n"
                 "第一件：连队饮水安全。解决连队1.2万人饮水安全问题。（分管领导：王  军；牵头单位：师市水利局；完成时限：9月底前）\n\n"
                 "第二件：团场幼儿园建设。新建团场幼儿园4所。（分管领导：赵丽；牵头单位：师市教育局；完成时限：8月底前）\n\n"
                 "第十一件：城区路灯改造。改造城区路灯1500盏。（分管领导：王  军；牵头单位：师市城市管理局；完成时限：11月底前）\n")


def test_ordinal_items_are_projects_with_their_bracketed_fields():
    projects = {p.name: p for p in run(ORDINAL_ITEMS).projects if p.targets}
    water, kinder, lights = projects["连队饮水安全"], projects["团场幼儿园建设"], projects["城区路灯改造"]
    assert [(t.value, t.unit) for t in water.targets] == [(12000, "人")]
    assert (kinder.leaders, kinder.lead_units, kinder.deadline) == (["赵丽"], ["师市教育局"], "2016-08-31")
    assert (lights.seq, lights.leaders, lights.deadline) == ("十一", ["王军"], "2016-11-30")
    assert [(t.value, t.unit) for t in lights.targets] == [(1500, "盏")]


# ---- a separate 分工 table keyed by 序号, and fields shared by a heading's sub-items -------------

DUTY_TABLE = ("某县人民政府办公室关于印发2022年十件民生实事的通知\n\n附件1\n\n"
              "序号\t民生实事项目\t目标任务\n"
              "1\t农村供水保障\t提升农村供水保障人口2万人\n"
              "2\t农村道路畅通\t新改建农村公路90公里\n"
              "3\t养老服务提升\t新建村级养老服务站15个\n\n"
              "附件2\n\n"
              "序号\t责任县领导\t牵头单位\t配合单位\n"
              "1\t王  强\t县水利局\t县财政局\n"
              "3\t\t县民政局\t县卫生健康委\n"
              "2\t刘  芳\t县交通运输局\t县财政局\n")


def test_duty_table_gives_leaders_and_units_by_number_with_blank_leader_from_above():
    projects = {p.name: p for p in run(DUTY_TABLE).projects}
    assert (projects["农村供水保障"].leaders, projects["农村供水保障"].lead_units) == (["王强"], ["县水利局"])
    assert (projects["养老服务提升"].leaders, projects["养老服务提升"].lead_units) == (["王强"], ["县民政局"])
    assert projects["养老服务提升"].partner_units == ["县卫生健康委"]
    assert (projects["农村道路畅通"].leaders, projects["农村道路畅通"].lead_units) == (["刘芳"], ["县交通运输局"])


SUB_ITEMS = ("2025年省政府为民办实事实施方案\n\n"
             "一、完善养老服务\n"
             "（1）新建社区养老服务设施200个；\n"
             "（2）新增护理型床位3000张。\n"
             "资金：省级2亿元、中央预算内投资1.5亿元。\n"
             "牵头单位：省民政厅；配合单位：省财政厅。\n\n"
             "二、保障农村饮水\n"
             "（1）提升农村供水保障人口80万人；\n"
             "（2）农村自来水普及率达到93%以上。\n"
             "资金：省级水利发展资金5亿元。\n"
             "牵头单位：省水利厅；配合单位：省卫生健康委。\n")


def test_field_line_after_sub_items_belongs_to_each_and_funding_is_no_target():
    result = run(SUB_ITEMS)
    by_unit = {}
    for p in result.projects:
        by_unit.setdefault(tuple(p.lead_units), []).append([(t.value, t.unit, t.op) for t in p.targets])
    assert by_unit[("省民政厅",)] == [[(200, "个", "=")], [(3000, "张", "=")]]
    assert by_unit[("省水利厅",)] == [[(800000, "人", "=")], [(93, "%", ">=")]]
    assert all(p.partner_units for p in result.projects if p.targets)


# ---- a completed column headed by its date ('截至9月底完成', '1-9月完成') -------------------------

def test_completed_column_named_by_its_date():
    text = ("某市人民政府办公室关于2021年为民办实事项目前三季度进展情况的通报\n\n"
            "一、促进就业\n\n"
            "指标\t年度目标\t截至9月底完成\t完成率\n"
            "城镇新增就业\t2.5万人\t2.1万人\t84%\n"
            "农村劳动力转移就业\t3万人次\t2.4万人次\t80%\n\n"
            "二、农村公路\n\n"
            "指标\t年度目标\t1-9月完成\t完成率\n"
            "危桥改造\t20座\t15座\t75%\n")
    done = [(g.completed.value, g.completed.unit) for p in run(text).projects for g in p.progress if g.completed]
    assert done == [(21000, "人"), (24000, "人次"), (15, "座")]


def test_unit_in_the_heading_above_a_table_answers_for_its_rows():
    text = ("某市人民政府办公室关于2021年为民办实事项目前三季度进展情况的通报\n\n"
            "一、农村饮水安全巩固提升（市水利局）\n\n"
            "指标\t年度目标\t截至9月底完成\t完成率\n"
            "受益人口\t8万人\t6.4万人\t80%\n"
            "新建供水工程\t20处\t15处\t75%\n")
    rows = [p for p in run(text).projects if p.targets]
    assert rows and all(p.lead_units == ["市水利局"] for p in rows)


# ---- 街道 ranked in prose: '分别为' lists of tasks, counts and rates -------------------------------

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


# ---- last year's figures are not this year's progress ---------------------------------------

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


# ---- GBK punctuation, 5G as a name, tasks listed then done in the same order -------------------

GBK_ITEMS = ("某市人民政府办公室关于2021年为民办实事项目1—10月进展情况的通报\n\n截至10月31日，各项目进展情况通报如下：\n\n"
             "1．5G网络建设（市工业和信息化局牵头）。年度新建5G基站600个，已建成480个，完成80%。\n\n"
             "2．公办幼儿园建设（市教育局牵头）。新建公办幼儿园4所、新增学位1440个，已完工3所、新增学位1080个，完成率均为75%。\n")


def test_item_dot_before_5g_numbers_the_item():
    projects = {p.name: p for p in run(GBK_ITEMS).projects}
    assert [(t.value, t.unit) for t in projects["5G网络建设"].targets] == [(600, "个")]
    assert projects["5G网络建设"].seq == "1"


def test_tasks_then_counts_done_in_the_same_order_and_one_shared_rate():
    p = next(p for p in run(GBK_ITEMS).projects if p.name == "公办幼儿园建设")
    assert [(t.value, t.unit) for t in p.targets] == [(4, "所"), (1440, "个")]
    assert [(g.completed.value, g.rate) for g in p.progress] == [(3, 75), (1080, 75)]


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


def test_item_number_before_a_figure_continues_the_numbering():
    text = ("某县关于2017年为民办实事完成情况的自查报告\n\n"
            "1．农村危房改造（县住建局）。目标任务1000户，实际完成1000户，完成率100%。\n\n"
            "2．65岁以上老年人健康体检（县卫计局）。目标任务4.2万人，实际完成3.87万人，完成率92.1%。\n")
    projects = {p.seq: p for p in run(text).projects}
    assert [(t.value, t.unit) for t in projects["2"].targets] == [(42000, "人")]
    assert projects["2"].name.startswith("65岁以上老年人健康体检")
