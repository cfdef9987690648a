"""Extraction rules for the fields batch 9 missed: short documents written here, one phenomenon a test."""
from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

SUPERVISION_HEAD = "某区人民政府督查室关于对2025年民生实事滞后项目实施重点督办的通知\n\n以下项目进度滞后，现列入重点督办。\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


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


def test_item_number_before_a_figure_continues_the_numbering():
    text = ("某县关于2017年为民办实事完成情况的自查报告\n\n"
            "1．农村危房改造（县住建局）。目标任务1000户，实际完成1000户，完成率100%。\n\n"
            "2．65岁以上老年人健康体检（县卫计局）。目标任务4.2万人，实际完成3.87万人，完成率92.1%。\n")
    projects = {p.seq: p for p in run(text).projects}
    assert [(t.value, t.unit) for t in projects["2"].targets] == [(42000, "人")]
    assert projects["2"].name.startswith("65岁以上老年人健康体检")
