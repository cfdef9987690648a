"""Who is responsible, in the shapes real documents take outside tables (snippets written here)."""
import pytest

from extractors import extract
from extractors.people import labelled_duties, leaders_in, prose_duties, run_together_duties, units_in
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def people(result) -> tuple[set[str], set[str]]:
    leaders = {x for p in result.projects for x in p.leaders}
    units = {u for p in result.projects for u in p.lead_units + p.partner_units}
    return leaders, units


# ---- a leader's cell -----------------------------------------------------------------------

@pytest.mark.parametrize("cell, want", [
    ("周 林韩 雪", ["周林", "韩雪"]),
    ("周 林韩 雪邱 月", ["周林", "韩雪", "邱月"]),
    ("韩  雪", ["韩雪"]),
    ("宋大海 市委副书记", ["宋大海"]),
    ("市人社局 彭小年", ["彭小年"]),
    ("已完成。自3月1日起，全县标准提高到每人每月500元，其中，东城区、西城县执行新标准", []),
    ("其中", []),
    ("人年", []),
    ("南溪区", []),
    ("南溪区、北山县", []),
    ("分 管 县领导", []),
], ids=["two-padded-names-side-by-side", "three-padded-names", "padded-name", "name-then-post",
        "unit-then-name", "a-progress-note-is-no-leader-cell", "count-fragment", "unit-of-count", "a-place",
        "places-listed", "a-header-is-no-name"])
def test_leaders_in_cells(cell, want):
    assert leaders_in(cell) == want


# ---- labels written in running text ----------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("牵头领导:郭长河 责任单位:市水务局 项目责任人:宁小川 配合单位:市财政局、市自然资源局",
     [("leader", ["郭长河"]), ("lead", ["市水务局"]), ("leader", ["宁小川"]), ("partner", ["市财政局", "市自然资源局"])]),
    ("主管领导：祁红 责任单位：市卫健委 主要责任人：庞立", [("leader", ["祁红"]), ("lead", ["市卫健委"]),
                                                   ("leader", ["庞立"])]),
    ("配合单位:市应急局、市市场监管局,各区政府 东片 西片 合计 年度目标 3 4 7",
     [("partner", ["市应急局", "市市场监管局"])]),
    ("项目责任人:宁小川,各县县长,有关园区主任", [("leader", ["宁小川"])]),
    ("牵头单位:农办、新农办、住建局", [("lead", ["农办", "新农办", "住建局"])]),
    ("分管市领导:柯文山 牵头单位主要负责人:覃立", [("leader", ["柯文山"]), ("leader", ["覃立"])]),
    ("责任单位:市教育局,市级其他有关部门,各县(区)政府、各园区管委会", [("lead", ["市教育局"])]),
    ("实际完成情况:已完成设备安装、线路铺设,整体完成60%", []),
    ("牵头单位：市水务局（城乡供水一体化）、市民政局（养老床位）", [("lead", ["市水务局", "市民政局"])]),
], ids=["one-line-of-fields-ascii-colons", "full-width-colons-chief-and-main-responsible",
        "a-flattened-table-ends-the-list", "collective-titles-are-no-leader", "two-character-offices",
        "city-leader-and-lead-unit-head", "generic-collectives-left-out", "no-duty-label",
        "task-in-brackets-after-each-unit"])
def test_labelled_duties(text, want):
    assert labelled_duties(text, GAZ.org_suffixes) == want


@pytest.mark.parametrize("text, previous, want", [
    ("贺永春 市委常委、市政府常务副市长", "责任领导:宋大海 市委副书记", [("leader", ["贺永春"])]),
    ("贺永春 市委常委、市政府常务副市长", "建设任务:新建公路80公里", []),
    ("一、宁远航市长牵头的重点工作", "", [("leader", ["宁远航"])]),
    ("二、钟岳市长主抓重点工作", "", [("leader", ["钟岳"])]),
    ("三、副市长柏  青牵头的民生实事", "", [("leader", ["柏青"])]),
    ("统筹协调工作由于小川同志负责。", "", [("leader", ["于小川"])]),
    ("由相关同志负责。", "", []),
    ("此项由省委常委、副省长柯远山负责。", "", [("leader", ["柯远山"])]),
    ("由副市长宁远、柏青牵头。", "", [("leader", ["宁远", "柏青"])]),
    ("除另有注明外，各县政府和南湖开发区、东港新区管委会都是配合单位。", "",
     [("partner", ["南湖开发区", "东港新区管委会"])]),
], ids=["name-on-the-line-after-a-leader-field", "not-after-a-leader-field", "mayor-over-a-section",
        "mayor-who-grasps-the-section", "title-before-name", "name-hidden-behind-youyu", "not-a-name",
        "standing-committee-member-and-vice-governor", "two-vice-mayors",
        "units-a-sentence-declares-partners"])
def test_prose_duties(text, previous, want):
    assert prose_duties(text, previous, GAZ.org_suffixes) == want


@pytest.mark.parametrize("cell, want", [
    ("市建设局、县各有关单位", ["市建设局"]),
    ("区交通局、区安全生产委员会成员单位", ["区交通局"]),
    ("市人社局 彭小年", ["市人社局"]),
    ("区教育局 区卫健局", ["区教育局", "区卫健局"]),
    ("县教育局、县政府督查室、市民生办、市绩效办、区实事办", ["县教育局"]),
], ids=["county-collective", "members-of-a-joint-meeting", "the-head-beside-the-unit-is-no-unit",
        "two-units-one-space-apart", "offices-that-inspect-or-compile-are-no-unit"])
def test_generic_collectives_are_no_unit(cell, want):
    assert units_in(cell, GAZ.org_suffixes) == want


def test_a_programme_of_labelled_items_on_one_line():
    doc = ("某市2023年民生实事项目1—6月份进展情况\n"
           "现将进展情况公示如下。 1.新建公共停车泊位2000个。 牵头领导:郭长河 责任单位:市交通委 项目责任人:宁小川 "
           "实际完成情况:已建成1200个,完成年度目标的60%。 2.新增养老床位500张。 牵头领导:祁红 责任单位:市民政局 "
           "项目责任人:庞立 配合单位:市财政局、市卫健委,各区政府 东片 西片 合计\n")
    leaders, units = people(run(doc))
    assert leaders == {"郭长河", "宁小川", "祁红", "庞立"}
    assert units == {"市交通委", "市民政局", "市财政局", "市卫健委"}


def test_general_secretary_in_a_province_is_no_leader():
    doc = ("某市人民政府办公室关于印发2021年民生实事责任分解的通知\n"
           "各级各部门要认真贯彻落实总书记在江南、北湖考察时的重要讲话精神。\n"
           "一、宁远航市长牵头的重点工作\n"
           "1.新建幼儿园5所。\n责任单位:市教育局、市财政局\n")
    leaders, units = people(run(doc))
    assert leaders == {"宁远航"}
    assert units == {"市教育局", "市财政局"}


def test_a_standing_committee_member_at_the_meeting_is_a_leader():
    doc = ("某市召开2022年民生实事调度会\n"
           "会上通报，全市已完成9项民生实事。市委常委、组织部长汤明远出席会议。\n"
           "汤明远强调，要倒排工期，确保新建幼儿园8所按期完工。\n")
    assert people(run(doc))[0] == {"汤明远"}


# ---- a leader labelled in a numbered item's fields ------------------------------------------

@pytest.mark.parametrize("doc, want", [
    ("某县2024年民生实事项目推进情况\n1.改造农村公路40公里。主管领导：邵明川。牵头单位：县交通运输局。\n",
     {"改造农村公路": ["邵明川"]}),
    ("某县2024年民生实事项目推进情况\n1.新增养老床位200张。\n主管县领导：苗若溪\n2.新建口袋公园6个。\n主管县领导：范远\n",
     {"新增养老床位": ["苗若溪"], "新建口袋公园": ["范远"]}),
    ("某县2024年民生实事项目推进情况\n1.新建幼儿园3所。分管领导：顾晓松。责任单位：县教育局。\n",
     {"新建幼儿园": ["顾晓松"]}),
], ids=["chief-leader-in-the-item-line", "chief-county-leader-on-the-line-below", "the-leader-in-charge-as-before"])
def test_leader_fields_of_numbered_items(doc, want):
    got = {p.name: p.leaders for p in run(doc).projects if p.name in want}
    assert got == want


# ---- a unit's cell that holds a progress note or a task (a row one cell short) -------------

@pytest.mark.parametrize("cell, want", [
    ("已开工建设,完成45%。", []),
    ("正在平整场地、铺设管网,首批120个充电桩已到货。", []),
    ("已建成停车场2个、充电站6个;其余站点已完成选址", []),
    ("创建省、市示范社区各一个", []),
    ("區住建局、完成80%", ["区住建局"]),
    ("市教育局（3所）、市卫健委（2所）", ["市教育局（3所）", "市卫健委（2所）"]),
    ("县交通局,县财政局", ["县交通局", "县财政局"]),
    ("市第一人民医院、五里街道", ["市第一人民医院", "五里街道"]),
], ids=["started-and-a-rate", "works-under-way", "built-and-the-rest-sited", "a-task-of-one-each",
        "a-unit-beside-a-rate-stays", "counts-in-brackets-after-units-stay", "plain-units", "numerals-inside-names"])
def test_progress_notes_in_a_unit_cell_are_no_unit(cell, want):
    assert units_in(cell, GAZ.org_suffixes) == want


# ---- a flattened table whose cells run together (a .docx copied off a sharing site) ---------

HEADER = "序号项目名称主要内容县政府分管领导牵头单位配合单位"


@pytest.mark.parametrize("text, want", [
    (HEADER + "1扩充学位供给新建小学2所,新增学位1800个。邵明川教育局城东新区南岭镇各乡镇县城投公司2",
     [("leader", ["邵明川"]), ("lead", ["教育局"]), ("partner", ["城东新区", "南岭镇", "县城投公司"])]),
    (HEADER + "3改善养老服务新增床位260张。苗若溪民政局各乡镇提升改造4家日间照料中心。",
     [("leader", ["苗若溪"]), ("lead", ["民政局"])]),
    (HEADER + "5打造口袋公园完成6个口袋公园建设。范远住建局青石街道白沙街道推进滨河绿道贯通。",
     [("leader", ["范远"]), ("lead", ["住建局"]), ("partner", ["青石街道", "白沙街道"])]),
    (HEADER + "7稳就业新增就业3200人。顾晓松人社局城西园区(柳林镇",
     [("leader", ["顾晓松"]), ("lead", ["人社局"])]),
    ("全年新增就业3200人。顾晓松人社局城东新区南岭镇2", []),
    (HEADER + "9新增停车位500个。全县交通局城东新区2", []),
    (HEADER + "9新增停车位500个。同时交通局城东新区2", []),
    (HEADER + "9新增停车位500个。欧阳青交通局城东新区2",
     [("leader", ["欧阳青"]), ("lead", ["交通局"]), ("partner", ["城东新区"])]),
], ids=["name-lead-partners-then-next-row-number", "a-sentence-of-the-next-cell-ends-the-run",
        "partners-then-a-sub-row-sentence", "a-unit-cut-by-the-page-break", "no-run-together-header-no-read",
        "no-person-before-the-department", "no-surname-no-person", "a-compound-surname"])
def test_run_together_rows(text, want):
    assert run_together_duties(text, GAZ.org_suffixes) == want


def test_a_run_together_table_gives_its_leaders_and_units():
    doc = ("2023年民生实事项目责任分解表.docx\n"
           "1、2023年民生实事项目责任分解表" + HEADER + "1扩充学位供给新建小学2所,新增学位1800个。"
           "邵明川教育局城东新区南岭镇各乡镇2改善养老服务新增床位260张。苗若溪民政局卫健局3\n")
    leaders, units = people(run(doc))
    assert leaders == {"邵明川", "苗若溪"}
    assert units == {"教育局", "城东新区", "南岭镇", "民政局", "卫健局"}


@pytest.mark.parametrize("doc, leaders, lead", [
    ("某县2024年民生实事项目推进情况\n1.新增养老床位200张。主管县领导：苗若溪 责任单位：县民政局\n",
     ["苗若溪"], ["县民政局"]),
    ("某县2024年民生实事项目推进情况\n1.新建口袋公园6个。牵头单位：县住建局 分管领导：范远\n",
     ["范远"], ["县住建局"]),
    ("某县2024年民生实事项目推进情况\n1.新建口袋公园6个。牵头单位：县住建局  分管领导：范远\n",
     ["范远"], ["县住建局"]),
], ids=["leader-then-unit-one-space-apart", "unit-then-leader-one-space-apart", "two-spaces-apart-as-before"])
def test_item_fields_one_space_apart(doc, leaders, lead):
    p = run(doc).projects[0]
    assert (p.leaders, p.lead_units) == (leaders, lead)


@pytest.mark.parametrize("line, leaders", [
    ("一、城乡供水工程。完成供水管网改造60公里。县级领导：副县长孟庆华；牵头单位：县水务局。", ["孟庆华"]),
    ("二、农村公路。新改建农村公路40公里。项目责任人：汤志远；责任单位：县交通运输局。", ["汤志远"]),
    ("三、健身设施。新建健身路径30条。市级领导：钟雅琴、贺立群；责任单位：市体育局。", ["钟雅琴", "贺立群"]),
], ids=["county-level-leader", "project-owner", "two-city-level-leaders"])
def test_leader_fields_named_by_level_or_as_owner(line, leaders):
    from extract_helpers import run
    r = run("某县2024年民生实事项目责任分工\n\n" + line + "\n")
    assert [x for p in r.projects for x in p.leaders] == leaders
    assert not any(x in u for p in r.projects for u in p.lead_units for x in leaders)


@pytest.mark.parametrize("line, leaders, units", [
    ("4.新建社区食堂10个。县政府副县长周文华负责，县民政局牵头实施。", {"周文华"}, {"县民政局"}),
    ("4.新建社区食堂10个。副县长周文华牵头，县民政局具体负责。", {"周文华"}, {"县民政局"}),
    ("4.新建社区食堂10个。县长负总责，常务副县长具体负责，县民政局牵头。", set(), {"县民政局"}),   # no one named
], ids=["government-then-post", "post-at-the-clauses-opening", "posts-without-names"])
def test_an_official_assigned_at_a_clauses_opening(line, leaders, units):
    r = run("关于印发2031年民生实事项目责任分工的通知\n\n" + line + "\n")
    assert people(r) == (leaders, units)
