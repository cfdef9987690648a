"""Tables and form-like lines on small documents built here: a plan's 分解表 (region rows × project
columns), two-column 交办单 forms, 'target／completed／rate' lines and infographic lines, table
columns under two-row headers, content / 计量单位 / dated completed columns and share rows, and a
one-header-row summary table with several project groups."""
import pytest
from extract_helpers import completed, run, targets

PLAN_HEAD = "某市人民政府关于印发2022年十件民生实事实施方案的通知\n\n"
PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"


def flags(ex) -> list[str]:
    return [f.code for f in ex.flags if f.severity != "info"]


# ---- a plan's 分解表: one column per project, one row per region, the 合计 row first ----------

FENJIE = """某省人民政府办公厅关于印发2019年民生实事任务分解方案的通知

各市人民政府：

经研究，现将2019年民生实事目标任务分解如下，请认真组织实施。

附件：2019年民生实事目标任务分解表

地区\t城镇新增就业（万人）\t农村户厕改造（户）\t新建村级卫生室（个）
全省合计\t30.0\t12000\t{clinics}
甲市\t12.5\t5000\t40
乙市\t10.2\t4000\t35
丙市\t7.3\t3000\t25

某省人民政府办公厅
2019年3月1日
"""


def test_fenjie_table_cells_are_region_targets_scaled_by_the_header_unit():
    ex = run(FENJIE.format(clinics=100))
    jobs = {p.region: p.targets[0] for p in ex.projects if p.name == "城镇新增就业"}
    assert jobs[None].value == 300000 and jobs[None].unit == "人"
    assert jobs["甲市"].value == 125000 and jobs["丙市"].value == 73000
    toilets = {p.region: p.targets[0].value for p in ex.projects if p.name == "农村户厕改造"}
    assert toilets == {None: 12000, "甲市": 5000, "乙市": 4000, "丙市": 3000}
    assert "SUM_MISMATCH" not in flags(ex)


def test_fenjie_column_not_adding_up_to_the_total_row_is_a_sum_mismatch():
    ex = run(FENJIE.format(clinics=110))
    sums = [f for f in ex.flags if f.code == "SUM_MISMATCH"]
    assert len(sums) == 1 and sums[0].expected == 100 and sums[0].found == 110


# ---- 交办单 forms: two-column label | value tables, one form a project ------------------------

JIAOBAN = """某市人民政府督查室关于交办民生实事督办事项的通知

某政督〔2025〕3号

各责任单位：现将交办单印发你们，请按期完成。

某市人民政府督查室
2025年5月6日

交办单（第1号）

督办事项\t农村公路提档升级
目标任务\t完成农村公路提档升级320公里
当前进展\t已完成96公里，完成30%
责任领导\t市政府副市长　孙  亮
责任单位\t市交通运输局（牵头），市财政局、市自然资源局
完成时限\t2025.10.31
交办日期\t2025年5月6日

交办单（第2号）

督办事项\t城区公办幼儿园建设
目标任务\t新建公办幼儿园6所
当前进展\t已开工2所
责任领导\t市政府副市长、市教育局局长　钱文静
责任单位\t市教育局
完成时限\t2025.04.30
交办日期\t2025年5月6日
"""


def test_form_tables_are_projects_with_target_progress_leader_units_deadline():
    ex = run(JIAOBAN)
    by = {p.name: p for p in ex.projects}
    road = by["农村公路提档升级"]
    assert [(t.value, t.unit) for t in road.targets] == [(320, "公里")]
    assert [(g.completed.value, g.rate) for g in road.progress] == [(96, 30)]
    assert road.leaders == ["孙亮"]                       # the post before the wide space is dropped
    assert road.lead_units == ["市交通运输局"] and road.partner_units == ["市财政局", "市自然资源局"]
    assert road.deadline == "2025-10-31"                   # dotted full date; 交办日期 is no deadline
    school = by["城区公办幼儿园建设"]
    assert school.leaders == ["钱文静"] and school.deadline == "2025-04-30"


def test_form_deadline_before_the_notice_date_is_date_inconsistent():
    dates = [f for f in run(JIAOBAN).flags if f.code == "DATE_INCONSISTENT"]
    assert len(dates) == 1 and dates[0].found == "2025-04-30"


WIDE_FORM = """某县民生实事任务卡

项目名称\t村级养老服务站建设\t责任领导\t副县长　周  伟
年度任务\t新建村级养老服务站12个\t完成时限\t2024年11月底前
牵头单位\t县民政局\t配合单位\t县财政局
"""


def test_a_four_column_form_holds_two_pairs_a_row():
    p = next(p for p in run(WIDE_FORM).projects if p.name == "村级养老服务站建设")
    assert [t.value for t in p.targets] == [12] and p.leaders == ["周伟"]
    assert p.lead_units == ["县民政局"] and p.partner_units == ["县财政局"] and p.deadline == "2024-11-30"


def test_an_ordinary_two_column_table_is_no_form():
    text = "某县2024年民生实事\n\n项目名称\t年度任务\n新建幼儿园\t新建幼儿园3所\n改造道路\t改造道路12公里\n"
    names = {p.name for p in run(text).projects}
    assert "新建幼儿园" in names and "改造道路" in names


# ---- 'target／completed／rate' lines under the sentence that defines them --------------------

SLASHES = """某州人民政府办公室关于2015年上半年民生实事进展情况的通报

2015年上半年，各项民生实事有序推进。各项目按“年度目标／累计完成／完成率”列示如下：

1．农村危房改造（州住建局）：1200户／780户／65%

2．易地扶贫搬迁（州发改委）：500户／1650人／—

3．农村公路建设（州交通局）：210公里／96.6千米／46%

某州人民政府办公室
2015年7月10日
"""


def test_slash_triplets_give_target_completed_rate_and_the_bracketed_unit():
    by = {p.name: p for p in run(SLASHES).projects}
    house = by["农村危房改造"]
    assert [(t.value, t.unit) for t in house.targets] == [(1200, "户")]
    assert [(g.completed.value, g.rate) for g in house.progress] == [(780, 65)]
    assert house.lead_units == ["州住建局"]
    assert [(g.completed.value, g.completed.unit) for g in by["农村公路建设"].progress] == [(96.6, "公里")]


def test_slash_triplet_counting_households_against_people_is_a_unit_mismatch():
    ex = run(SLASHES)
    units = [f for f in ex.flags if f.code == "UNIT_MISMATCH"]
    assert len(units) == 1 and units[0].expected == "户" and units[0].found == "人"


def test_slashes_without_a_defining_sentence_stay_units():
    ex = run("某县人民政府关于印发2020年民生实事实施方案的通知\n\n一、提高农村低保标准（县民政局）：标准提高到4200元/人/年。\n"
             "二、新建幼儿园（县教育局）：新建公办幼儿园3所。\n")
    assert [(t.value, t.unit) for p in ex.projects for t in p.targets] == [(4200, "元/人/年"), (3, "所")]


# ---- infographic lines: ✔ indicator target ▶ 已… completed ▶ 完成率 R% ----------------------

INFOGRAPHIC = """某区8件民生实事进展如何？一图看懂

今年区政府承诺办好8件民生实事，前三季度进展情况如下。

（数据截至2022年9月30日　时序进度75%）

① 老有所养
✔ 新建社区食堂　20处　▶ 已建成　15处　▶ 完成率 75%
牵头：区民政局

② 住有所居
✔ 改造老旧小区　40个　▶ 已开工　40个　▶ 开工率 100%
　　　　　　　　　　▶ 已完工　30个　▶ 完工率 75%
牵头：区住建局

③ 出行便利
✔ 新增停车泊位　1500个　▶ 已完成　1500个　▶ 提前完成 ✔
牵头：区交通运输局
"""


def test_infographic_lines_give_target_completed_rate_and_the_lead_unit():
    ex = run(INFOGRAPHIC)
    canteen = next(p for p in ex.projects if p.name == "新建社区食堂")
    assert [(t.value, t.unit) for t in canteen.targets] == [(20, "处")]
    assert [(g.completed.value, g.rate) for g in canteen.progress] == [(15, 75)]
    assert canteen.lead_units == ["区民政局"]
    housing = [(g.completed.value, g.rate) for p in ex.projects if p.name == "改造老旧小区" for g in p.progress]
    assert housing == [(40, 100), (30, 75)]               # the line of steps alone continues the indicator
    parking = next(p for p in ex.projects if p.name == "新增停车泊位")
    assert [(g.completed.value, g.rate) for g in parking.progress] == [(1500, None)]


def test_circled_blocks_are_counted_against_the_promised_number():
    count = [f for f in run(INFOGRAPHIC).flags if f.code == "COUNT_MISMATCH"]
    assert len(count) == 1 and count[0].expected == 8 and count[0].found == 3
    three = INFOGRAPHIC.replace("8件民生实事", "3件民生实事")
    assert "COUNT_MISMATCH" not in flags(run(three))


# ---- table columns under a two-row header flattened to text --------------------------------

TWO_ROW = """某县人民政府办公室关于2022年民生实事1—6月推进情况的通报

截至6月30日，各项目推进情况见附表。

附表
序号\t项目名称\t计量单位\t年度目标\t上半年完成情况\t\t责任单位
\t\t\t\t完成数\t完成率（%）\t
1\t新建公办幼儿园\t所\t4\t2\t50\t县教体局
2\t农村公路建设\t公里\t80\t36.4\t45.5\t县交通运输局
3\t城镇新增就业\t人\t1500\t930\t62\t县人社局
"""


def test_rate_column_under_a_spanning_label_is_read():
    by = {p.name: p for p in run(TWO_ROW).projects}
    assert [(g.completed.value, g.rate) for g in by["农村公路建设"].progress] == [(36.4, 45.5)]
    assert [(g.completed.value, g.completed.unit, g.rate) for g in by["城镇新增就业"].progress] == [(930, "人", 62)]


YUEBAO = """某区2023年民生实事项目推进情况月报

截至8月底，各项目推进情况如下表。

序号\t项目名称\t年度目标任务\t年度计划投资（万元）\t本月完成投资（万元）\t累计完成投资（万元）\t投资完成率（%）\t序时进度（%）\t形象进度\t责任单位
1\t老旧小区改造\t改造老旧小区30个\t12000\t900\t7800\t65.00\t66.7\t已完工12个，在建18个\t区住建委
2\t公办幼儿园\t新建公办幼儿园3所\t6000\t0\t4200\t70.00\t66.7\t2所主体完工\t区教委
"""


def test_planned_investment_column_is_a_target_and_stage_column_counts_are_progress():
    by = {p.name: p for p in run(YUEBAO).projects}
    old = by["老旧小区改造"]
    assert [(t.value, t.unit) for t in old.targets] == [(30, "个"), (120_000_000, "元")]
    got = [(g.completed.value, g.completed.unit, g.rate) for g in old.progress]
    assert got == [(78_000_000, "元", 65), (12, "个", None)]        # 在建18个 is work under way
    kids = [(g.completed.value, g.rate) for g in by["公办幼儿园"].progress]
    assert kids == [(42_000_000, 70)]                                # 本月 0 is no completion; 主体完工 a stage


GONGSHI = """关于某区2023年民生实事项目完成情况的公示

现将完成情况公示如下。

序号\t项目名称\t年度目标\t完成情况\t完成状态\t责任单位
1\t家庭照护床位\t建设家庭照护床位400张\t建成452张，完成率113%\t已完成\t区民政局
2\t老旧小区整治\t整治老旧小区20个，惠及居民8000户\t完成20个，惠及居民8120户\t已完成\t区住建委
"""


def test_rate_and_second_figure_inside_a_completion_cell():
    by = {p.name: p for p in run(GONGSHI).projects}
    assert [(g.completed.value, g.rate) for g in by["家庭照护床位"].progress] == [(452, 113)]
    assert [(g.completed.value, g.completed.unit) for g in by["老旧小区整治"].progress] == [(20, "个"), (8120, "户")]


XIANGZHEN = """某镇人民政府关于印发2023年为民办实事项目清单的通知

各村（社区）：实行“一个项目、一名包保领导、一个责任站所”的工作机制，现将清单印发。

（一）压实责任。包保领导对所包项目负总责，责任站所负责具体实施。

序号\t项目名称\t建设内容\t包保领导\t职务\t责任站所\t完成时限
1\t村组道路硬化\t硬化村组道路2.5公里\t王  平\t副镇长\t镇村镇规划建设服务中心\t2023年10月底前
2\t村卫生室改造\t改造村卫生室3个\t赵  红\t党委委员\t镇卫生院\t2023年9月底前
"""


def test_a_station_column_gives_units_and_its_label_is_never_one():
    ex = run(XIANGZHEN)
    units = {u for p in ex.projects for u in p.lead_units + p.partner_units}
    assert units == {"镇村镇规划建设服务中心", "镇卫生院"}


RANKING = """某市人民政府督查室关于第二季度民生实事考核情况的通报

序号\t项目名称\t年度任务\t完成情况\t完成率
1\t城镇新增就业\t1.5万人\t0.8万人\t53.3%
2\t农村公路建设\t300公里\t150公里\t50%

责任单位考核得分及排名

排名\t责任单位\t得分\t扣分原因
1\t市人社局\t98\t信息报送延迟，扣2分
2\t市交通运输局\t95\t进度滞后，扣5分
"""


def test_a_score_ranking_gives_the_units_when_no_other_list_does():
    ex = run(RANKING)
    assert {u for p in ex.projects for u in p.lead_units} == {"市人社局", "市交通运输局"}
    assert not any(t.value in (98, 95) for p in ex.projects for t in p.targets)
    assert "COUNT_MISMATCH" not in flags(ex)


# ---- the most specific region ----------------------------------------------------------------

def test_a_district_written_after_its_city_is_the_region():
    ex = run("北京市东城区人民政府办公室\n\n关于东城区2023年民生实事项目完成情况的公示\n\n"
             "根据《北京市东城区2023年民生实事项目》安排，现将完成情况公示如下。\n")
    assert ex.document.region.name == "东城区"


def test_a_township_issuing_its_own_list_is_the_region_under_its_county():
    ex = run(XIANGZHEN.replace("某镇人民政府关于", "中共腾冲市清水镇委员会　腾冲市清水镇人民政府\n\n关于"))
    region = ex.document.region
    assert region.name == "清水镇" and region.path[-2:] == ["腾冲市", "清水镇"]


def test_towns_addressed_by_a_county_do_not_become_the_region():
    ex = run("腾冲市人民政府\n\n关于印发2023年为民办实事项目的通知\n\n猴桥镇人民政府、清水镇人民政府：\n\n现印发。\n")
    assert ex.document.region.name == "腾冲市"


def test_a_target_cell_merged_over_two_columns_is_one_target():
    text = ("某县2019年民生实事任务分解表\n\n序号\t项目名称\t任务指标\t任务指标\t责任单位\n"
            "1\t新建幼儿园\t新建幼儿园3所\t新建幼儿园3所\t县教育局\n2\t改造道路\t改造道路12公里\t改造道路12公里\t县交通局\n")
    assert [(t.value, t.unit) for p in run(text).projects for t in p.targets] == [(3, "所"), (12, "公里")]


def test_a_filling_form_report_is_a_summary_even_titled_progress():
    text = ("某区2022年民生实事项目推进情况月报\n\n统计时段：2022年9月1日—9月30日\t填报单位：区民生实事办\t填报日期：2022年10月8日\n\n"
            + YUEBAO.split("\n\n", 2)[2])
    assert run(text).document.kind == "summary"


def test_an_issue_number_in_brackets_under_the_title_is_the_doc_number():
    text = "某区2022年民生实事项目推进情况月报\n（第9期）\n\n统计时段：2022年9月\t填报单位：区民生实事办\n\n" + YUEBAO.split("\n\n", 2)[2]
    assert run(text).document.doc_number == "第9期"


# ---- table columns: a content column, a 计量单位 column, a completed column named by its date, a share row ----

def test_a_content_column_holds_the_targets():
    doc = PLAN_HEAD + (
        "序号\t民生实事项目\t具体内容\t责任领导\t牵头单位\t完成时间\n"
        "1\t城镇新增就业\t城镇新增就业3.2万人，农村劳动力转移就业培训1.5万人次\t王志强\t市人社局\t2022年12月底前\n"
        "2\t健康服务\t65岁及以上老年人健康管理率达到70%以上\t李明\t市卫健委\t2022年12月底前\n")
    got = run(doc)
    assert targets(got) == [(32000.0, "人"), (15000.0, "人次"), (70.0, "%")]
    assert got.projects[0].lead_units == ["市人社局"]


JILIANG = """某县人民政府办公室关于2021年民生实事项目进展情况的通报

附表

某县2021年民生实事项目进展情况表

序号\t项目名称\t计量单位\t年度目标\t累计完成\t完成率（%）\t责任单位
1\t城镇新增就业\t人\t1600\t1452\t90.75\t县人社局
2\t农村劳动力转移就业\t万人\t4.2\t4.05\t96.43\t县人社局
3\t城乡居民医保参保率\t%\t95\t96.2\t100\t县医保局

某县人民政府办公室
2021年11月5日
"""


def test_measure_column_gives_the_unit_of_target_and_completed():
    ex = run(JILIANG)
    by = {p.name: p for p in ex.projects}
    jy = by["城镇新增就业"]
    assert [(t.value, t.unit) for t in jy.targets] == [(1600, "人")]
    assert [(g.completed.value, g.completed.unit, g.rate, g.region) for g in jy.progress] == [(1452, "人", 90.75, None)]
    zy = by["农村劳动力转移就业"]
    assert [(t.value, t.unit) for t in zy.targets] == [(42000, "人")]
    assert zy.progress[0].completed.value == 40500
    cb = by["城乡居民医保参保率"]
    assert [(t.value, t.unit) for t in cb.targets] == [(95, "%")]
    assert cb.progress[0].completed.value == 96.2 and cb.progress[0].rate == 100
    assert not [f for f in ex.flags if f.code == "RATE_MISMATCH"]     # a share above its level, 完成率 100 (met)


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


def test_a_share_row_of_a_table_gives_a_percent_target_and_completed_share():
    doc = PROGRESS_HEAD + (
        "| 序号 | 项目名称 | 年度目标 | 完成情况 | 完成率 | 状态 | 牵头单位 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | 新建改扩建中小学 | 3所 | 3所 | 100% | 已完成 | 区教育局 |\n"
        "| 2 | 义务教育学校课后服务覆盖率 | 100% | 100% | 100% | 已完成 | 区教育局 |\n")
    got = run(doc)
    assert targets(got) == [(3.0, "所"), (100.0, "%")]
    assert completed(got) == [(3.0, "所"), (100.0, "%")]
    assert not [f for f in got.flags if f.severity != "info"]


# ---- a one-header-row summary table with several project groups and a total row last --------

SUMMARY = (
    "某市2012年为民办实事主要指标完成情况汇总表\n\n"
    "县区\t就业任务（人）\t就业完成（人）\t就业完成率（%）\t危房改造任务（户）\t危房改造完成（户）\t危房改造完成率（%）\n"
    "甲县\t4200\t4158\t99.00\t—\t—\t—\n"
    "乙县\t2600\t2431\t93.50\t2800\t2604\t93.00\n"
    "丙县\t1200\t1050\t87.50\t1080\t1026\t95.00\n"
    "{total}\t8000\t7639\t95.49\t3880\t3630\t93.56\n")


@pytest.mark.parametrize("total", ["全市合计", "合计", "总计"], ids=["city-total", "total", "grand-total"])
def test_summary_table_with_groups_in_one_header_row(total):
    got = [(p.name, p.region, p.targets[0].value, p.targets[0].unit, p.progress[0].completed.value, p.progress[0].rate)
           for p in run(SUMMARY.format(total=total)).projects if p.targets]
    assert got == [
        ("就业", "甲县", 4200, "人", 4158, 99.0), ("就业", "乙县", 2600, "人", 2431, 93.5),
        ("就业", "丙县", 1200, "人", 1050, 87.5), ("就业", None, 8000, "人", 7639, 95.49),
        ("危房改造", "乙县", 2800, "户", 2604, 93.0), ("危房改造", "丙县", 1080, "户", 1026, 95.0),
        ("危房改造", None, 3880, "户", 3630, 93.56)]


MERGED_SEQ = """<html><body><p>某县2031年民生实事项目1-9月完成情况</p>
<table>
<tr><td>序号</td><td>项目名称</td><td>年度目标</td><td>完成情况</td><td>责任单位</td></tr>
<tr><td rowspan="2">1</td><td>新建公办幼儿园</td><td>4所</td><td>3所</td><td rowspan="2">县教育局</td></tr>
<tr><td>新增学前学位</td><td>1200个</td><td>900个</td></tr>
<tr><td>2</td><td>新增城镇就业</td><td>2500人</td><td>2600人</td><td>县人社局</td></tr>
<tr><td rowspan="3">3</td><td>改造农村公路</td><td>70公里</td><td>72公里</td><td rowspan="3">县交通局</td></tr>
<tr><td>新建桥梁</td><td>3座</td><td>2座</td></tr>
<tr><td>改造危桥</td><td>5座</td><td>5座</td></tr>
<tr><td>4</td><td>新增停车泊位</td><td>600个</td><td>640个</td><td>县城管局</td></tr>
</table></body></html>"""


def test_a_number_merged_down_over_sub_rows_numbers_its_first_row_only():
    """序号 merged over a project's sub-rows (Word, HTML, PDF tables): the sub-rows carry no number of
    their own, so the numbering is 1 2 3 4 with no repeat flagged, as in the text where the cell is blank."""
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    ex = extract(read_bytes(MERGED_SEQ.encode("utf-8"), source="t.html", fmt="html"), load())
    assert [p.seq for p in ex.projects if p.seq] == ["1", "2", "3", "4"]
    assert not [f for f in ex.flags if f.code == "NUMBERING_GAP"]
    assert sorted(t.value for p in ex.projects for t in p.targets) == [3, 4, 5, 70, 600, 1200, 2500]


NUMBERED_TASKS = """某县人民政府办公室关于印发2025年民生实事任务分解表的通知

各乡镇人民政府，县直各单位：

现将任务分解如下。

{head}
{first}\t县民政局\t2025年12月底
{second}\t县交通运输局\t2025年10月底

某县人民政府办公室
2025年3月2日
"""


@pytest.mark.parametrize("head, first, second", [
    ("主要任务\t牵头单位\t完成时限", "1.新建社区食堂20个", "2.改造农村公路35公里"),
    ("主要任务\t牵头单位\t完成时限", "1、新建社区食堂20个", "2、改造农村公路35公里"),
    ("序号\t主要任务\t牵头单位\t完成时限", "1\t1.新建社区食堂20个", "2\t2.改造农村公路35公里"),
], ids=["dot", "comma", "number column too"])
def test_a_task_numbered_in_its_name_cell_keeps_the_number_once(head, first, second):
    """1.新建社区食堂20个 in the name column: 1 is the project's number, and the name is the rest
    (shown once as '1 新建社区食堂', its task's figure a target, not '1 1.新建…')."""
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    text = NUMBERED_TASKS.format(head=head, first=first, second=second)
    ex = extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), load())
    assert [(p.seq, p.name) for p in ex.projects] == [("1", "新建社区食堂"), ("2", "改造农村公路")]


# ---- a summary table with category rows and units with a multiplier in the name ------------------

CATEGORY_TABLE = """某市2023年十件民生实事完成情况统计表
序号{s}项目{s}年度目标{s}实际完成{s}完成率{s}备注
一{s}稳定就业{s}{s}{s}{s}
1{s}城镇新增就业（万人）{s}3.2{s}3.41{s}106.6%{s}超额完成
2{s}职业技能培训（万人次）{s}1.5{s}1.2{s}80%{s}
二{s}学有所教{s}{s}{s}{s}
3{s}新建改扩建幼儿园（所）{s}12{s}12{s}100%{s}
合计{s}{s}{s}{s}{s}
"""


@pytest.mark.parametrize("sep", ["|", "\t"], ids=["pipes", "tabs"])
def test_category_rows_scaled_units_and_an_empty_total_row(sep):
    r = run(CATEGORY_TABLE.format(s=sep))
    assert [(p.seq, p.category) for p in r.projects] == [("1", "一、稳定就业"), ("2", "一、稳定就业"), ("3", "二、学有所教")]
    assert targets(r) == [(32000.0, "人"), (15000.0, "人次"), (12.0, "所")]
    assert completed(r) == [(34100.0, "人"), (12000.0, "人次"), (12.0, "所")]
    assert not [f for f in r.flags if f.code == "NUMBERING_GAP"]
