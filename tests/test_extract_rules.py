"""Extraction rules on small documents built here: what a user relies on, one phenomenon a test."""
import pytest

from extractors import extract
from extractors.people import role_units, units_in
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n截至9月30日，各项实事进展如下：\n\n"
PLAN_HEAD = "某县人民政府关于印发2023年十件民生实事实施方案的通知\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def units(result) -> dict[str, tuple[list[str], list[str]]]:
    return {p.name: (p.lead_units, p.partner_units) for p in result.projects}


def targets(result) -> list[tuple[float, str, str]]:
    return [(t.value, t.unit, t.op) for p in result.projects for t in p.targets]


def completed(result) -> list[tuple[float, str]]:
    return [(g.completed.value, g.completed.unit) for p in result.projects for g in p.progress if g.completed]


def rates(result) -> list[float]:
    return [g.rate for p in result.projects for g in p.progress if g.rate is not None]


# ---- responsible units written in prose --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("由县住建局牵头，罗阳街道办事处负责实施", [("lead", ["县住建局"]), ("partner", ["罗阳街道办事处"])]),
    ("城区棚户区改造由区住建局、区国土资源局协办", [("partner", ["区住建局", "区国土资源局"])]),
    ("（省委宣传部、省文化广电和旅游厅、省体育局按职责分工负责）",
     [("lead", ["省委宣传部", "省文化广电和旅游厅", "省体育局"])]),
    ("（省商务厅牵头，省市场监管局配合）", [("lead", ["省商务厅"]), ("partner", ["省市场监管局"])]),
    ("罗阳街道办事处负责", [("lead", ["罗阳街道办事处"])]),
    ("主要原因是县住建局配合不力", []),
    ("请各牵头单位加快推进", []),
    ("各乡镇负责组织实施", []),
], ids=["lead-then-responsible", "partners-only", "by-division-of-duty", "bracketed-lead-partner",
        "responsible-alone", "not-a-clause-of-units", "generic-lead", "generic-townships"])
def test_role_units(text, expected):
    got = [(role, names) for role, names, _ in role_units(text, GAZ.org_suffixes)]
    assert got == expected


def test_units_in_prose_paragraph_go_to_the_project_named():
    doc = PROGRESS_HEAD + (
        "序号  实事项目        年度目标    完成情况    完成率    牵头单位\n"
        "1     农村安全饮水    3.5万人     3.2万人     91.4%     区水利局\n"
        "2     城区棚户区改造  1200套      1062套      88.5%     区房管局\n\n"
        "其中，农村安全饮水工程由区卫计局协办；城区棚户区改造由区住建局、区国土资源局协办。\n")
    got = units(run(doc))
    assert got["农村安全饮水"] == (["区水利局"], ["区卫计局"])
    assert got["城区棚户区改造"] == (["区房管局"], ["区住建局", "区国土资源局"])


def test_units_in_an_item_body_and_title_brackets():
    doc = PROGRESS_HEAD + (
        "一、改善农村人居环境。由区农业农村委牵头，鱼嘴镇、复盛镇负责实施。年度目标改造农村户厕1200户，已全部完成，完成率100%。\n\n"
        "二、棚户区改造（县住建局，配合：罗阳街道办事处）。年度计划改造棚户区1260户，已签约1134户，签约率90%。\n")
    got = units(run(doc))
    assert got["改善农村人居环境"] == (["区农业农村委"], ["鱼嘴镇", "复盛镇"])
    assert got["棚户区改造"] == (["县住建局"], ["罗阳街道办事处"])


def test_a_duty_under_a_generic_heading_is_not_a_project():
    doc = PLAN_HEAD + "一、新建幼儿园3所（县教育局牵头）。\n\n二、保障措施\n\n（三）严格督查考核。省统计局负责对项目完成情况进行统计监测。\n"
    assert units(run(doc)) == {"新建幼儿园": (["县教育局"], [])}


def test_a_separator_inside_brackets_does_not_split_a_unit():
    assert units_in("县卫计局、各乡（镇、街道）", GAZ.org_suffixes) == ["县卫计局"]


# ---- progress sentences ------------------------------------------------------------------

def one_paragraph(body: str):
    return run(PROGRESS_HEAD + body + "\n")


@pytest.mark.parametrize("body, want_targets, want_completed, want_rates", [
    ("在就业增收方面，全市城镇新增就业6800人，完成年度目标6000人的113.3%。",
     [(6000, "人", "=")], [(6800, "人")], [113.3]),
    ("开展农牧民职业技能培训14520人次，完成年度任务1.5万人次的96.8%。",
     [(15000, "人次", "=")], [(14520, "人次")], [96.8]),
    ("城镇新增就业（区人社局）：年度目标4200人，已新增就业3696人，占年度目标的88%。",
     [(4200, "人", "=")], [(3696, "人")], [88]),
    ("城区公厕建设（区城管局）：年度计划新建城区公厕10座，已建成7座，完成70%，相对滞后，主要原因是2座公厕选址调整。",
     [(10, "座", "=")], [(7, "座")], [70]),
    ("1.城区集中供热扩面（县住建局）。新增集中供热面积30万平方米，完成32.5万平方米，完成108.3%。",
     [(300000, "平方米", "=")], [(325000, "平方米")], [108.3]),
    ("在教育方面，新增学前教育学位2700个，已新增2100个，其余学位随剩余2所幼儿园完工一并投用。",
     [(2700, "个", "=")], [(2100, "个")], []),
    ("在公共文化方面，新建村（居）综合文化活动室45个，已建成45个，全面完成。",
     [(45, "个", "=")], [(45, "个")], []),
], ids=["target-after-figure", "target-after-figure-wan", "share-of-annual-target", "rate-is-not-a-figure-so-far",
        "task-then-done-without-yi", "task-then-so-far-without-rate", "done-count-then-verdict"])
def test_progress_sentences(body, want_targets, want_completed, want_rates):
    r = one_paragraph(body)
    assert targets(r) == [(float(v), u, o) for v, u, o in want_targets]
    assert completed(r) == [(float(v), u) for v, u in want_completed]
    assert rates(r) == want_rates
    assert not [f for f in r.flags if f.severity != "info"]      # every figure here is consistent


def test_counts_of_projects_and_funds_are_not_tasks():
    r = one_paragraph("全县十件民生实事中，共10件，已完成4件。另外，县级财政安排配套资金1.85亿元，已拨付1.46亿元。")
    assert targets(r) == []


def test_standards_raised_in_a_report_are_targets_with_the_unit_carried():
    r = one_paragraph("在社会保障方面，城乡最低生活保障标准分别提高到每人每年13860元和5760元，已于1月起全面执行。")
    assert targets(r) == [(13860.0, "元/人/年", "="), (5760.0, "元/人/年", "=")]
    assert completed(r) == [] and rates(r) == []


# ---- shares promised and reached ----------------------------------------------------------

@pytest.mark.parametrize("body, want_targets, want_completed", [
    ("9.新型农村合作医疗（县卫计局）。参合率达到98%以上，实际参合率98.6%。",
     [(98, "%", ">=")], [(98.6, "%")]),
    ("新型农村合作医疗（区卫生局）：参合率达到98%以上的目标已经实现，全区参合率达到99.2%。",
     [(98, "%", ">=")], [(99.2, "%")]),
    ("在就业方面，城镇登记失业率控制在3.5%以内。", [(3.5, "%", "<=")], []),
    ("在医疗方面，为老年人开展家庭医生签约服务，签约率达到82.6%。", [], []),
    ("（二）加快资金拨付。各级财政部门要加快配套资金拨付进度，确保10月底前拨付率达到95%以上。", [], []),
], ids=["standard-reached", "target-already-met", "upper-bound-share", "share-without-target", "funding-share"])
def test_shares_in_a_report(body, want_targets, want_completed):
    r = one_paragraph(body)
    assert targets(r) == [(float(v), u, o) for v, u, o in want_targets]
    assert completed(r) == [(float(v), u) for v, u in want_completed]
    assert rates(r) == []          # a standard met is never a rate, so never checked as one


# ---- shapes real documents have ----------------------------------------------------------

@pytest.mark.parametrize("text, value, half", [
    ("惠及近3万人", 30000, 5000), ("培训3000余人", 3000, 1000), ("改造约1.2万户", 12000, 1000),
    ("完成5000多户", 5000, 1000), ("新增就业逾3万人", 30000, 10000),
], ids=["jin", "yu-after", "yue", "duo", "yu-before"])
def test_rough_figures_are_kept_with_their_width(text, value, half):
    from extractors.normalize import simplify
    from extractors.numbers import find_quantities

    q, = find_quantities(simplify(text), GAZ.units)
    assert (q.value, q.op) == (value, "=") and q.half >= half / 2


def test_a_rough_figure_refutes_no_rate():
    r = one_paragraph("1.职业技能培训（县人社局）。年度目标3000人，已培训3000余人，完成年任务的105%。")
    assert completed(r) == [(3000.0, "人")] and rates(r) == [105.0]
    assert not [f for f in r.flags if f.code == "RATE_MISMATCH"]


@pytest.mark.parametrize("words, rate", [("百分之九十五", 95.0), ("百分之一百一十点三", 110.3), ("百分之百", 100.0)],
                         ids=["ninety-five", "decimal", "hundred"])
def test_percent_in_words(words, rate):
    r = one_paragraph(f"1.农村危房改造（县住建局）。年度任务2100户，已完工1995户，完成率为{words}。")
    assert rates(r) == [rate]
    g = next(g for p in r.projects for g in p.progress if g.rate is not None)
    assert words in g.text          # evidence stays as written


def test_funding_paid_out_is_not_progress():
    r = one_paragraph("另外，县级财政安排民生实事配套资金1.85亿元，已拨付1.46亿元，拨付率78.9%。")
    assert completed(r) == [] and rates(r) == []


@pytest.mark.parametrize("numbers", [("①", "②", "③"), ("（1）", "（2）", "(3)"), ("1）", "2）", "3）")],
                         ids=["circled", "bracketed", "closing-bracket"])
def test_items_numbered_in_other_ways(numbers):
    a, b, c = numbers
    r = run(PLAN_HEAD + f"{a}新建幼儿园3所。牵头单位：县教育局。完成时限：8月底前。\n\n"
                        f"{b}新增学位1080个。牵头单位：县教育局。完成时限：9月底前。\n\n"
                        f"{c}改造校舍20所。牵头单位：县住建局。完成时限：10月底前。\n")
    assert [(p.seq, p.name, p.lead_units, p.deadline) for p in r.projects] == [
        ("1", "新建幼儿园", ["县教育局"], "2023-08-31"), ("2", "新增学位", ["县教育局"], "2023-09-30"),
        ("3", "改造校舍", ["县住建局"], "2023-10-31")]
    assert targets(r) == [(3.0, "所", "="), (1080.0, "个", "="), (20.0, "所", "=")]
    assert not [f for f in r.flags if f.severity != "info"]


def test_circled_sub_items_that_skip_raise_numbering_gap():
    text = PLAN_HEAD + ("一、促进就业。①城镇新增就业2.2万人；②完成培训3万人次。（牵头单位：州人社局）\n\n"
                        "二、改善交通。①新改建农村公路1200公里；②建设客运站15个；④建设候车亭50个。（牵头单位：州交通局）\n")
    gaps = [f for f in run(text).flags if f.code == "NUMBERING_GAP"]
    assert [(f.expected, f.found) for f in gaps] == [(3, 4)]


# ---- metadata of other writers' habits ----------------------------------------------------

def meta(text: str):
    d = run(text).document
    return d.kind, d.date, d.period, d.region.name if d.region else None


@pytest.mark.parametrize("text, want", [
    (("某区人民政府督查室\n\n关于2020年区政府民生实事项目推进情况的督查通报\n\n"
     "截至2020年8月31日，10项民生实事中，已完成全年任务1项，其余9项正在推进。\n\n"
     "1．区民政局：限期于10月31日前整改到位。\n\n某区人民政府督查室\n2020年9月10日\n"),
     ("supervision", "2020-09-10", None, None)),
    (("某县人民政府关于2019年十件民生实事进展情况的通报\n\n截至11月30日，已完成全年任务6件，"
     "剩余2个小区12月底前完成扫尾。\n\n某县人民政府\n2019年12月5日\n"),
     ("progress", "2019-12-05", {"from": "2019-01", "to": "2019-11"}, None)),
    ("楚雄州人民政府关于2013年为民办十件实事的决定\n\n一、促进就业。城镇新增就业2.2万人。\n", ("plan", None, None, "楚雄州")),
    ("政府工作报告（节选）\n\n——2018年1月25日在福建省第十三届人民代表大会第一次会议上\n\n福建省人民政府\n",
     ("plan", "2018-01-25", None, "福建省")),
    (("河南日报\n\n2016年11月23日  星期三  第01版：要闻\n\n我省十件重点民生实事进展顺利\n\n"
     "本报讯 截至10月底，全省城镇新增就业118.6万人。\n"), ("progress", "2016-11-23", {"from": "2016-01", "to": "2016-10"}, "河南省")),
    ("重磅！2024年容县为民办实事项目清单来了→\n\n容县发布  2024-02-28 18:30  广西\n\n点击上方蓝字 关注我们\n",
     ("plan", "2024-02-28", None, "容县")),
], ids=["supervision-report-sets-deadlines", "as-of-date-and-not-december", "decision-is-a-plan",
        "speech-date-of-a-work-report", "newspaper-masthead-and-our-province", "wechat-post-line"])
def test_metadata_of_other_habits(text, want):
    assert meta(text) == want


def test_printed_before_signed_is_inconsistent():
    body = PROGRESS_HEAD + "1．城镇新增就业年度目标2.2万人，已新增就业1.91万人，完成86.8%。（区人力社保局）\n\n某区人民政府办公室\n2023年10月16日\n\n"
    late = [f for f in run(body + "某区人民政府办公室      2023年10月18日印发\n").flags if f.code == "DATE_INCONSISTENT"]
    early = [f for f in run(body + "某区人民政府办公室      2023年10月12日印发\n").flags if f.code == "DATE_INCONSISTENT"]
    assert late == [] and [(f.expected, f.found) for f in early] == [(">= 2023-10-16", "2023-10-12")]


# ---- items in other shapes ----------------------------------------------------------------

def test_wechat_field_labels_in_lenticular_brackets():
    r = run("2024年容县为民办实事项目清单来了→\n\n容县发布  2024-02-28 18:30  广西\n\n【一、教育惠民】\n\n"
            "项目1：新建改扩建公办幼儿园\n【目标】新建改扩建公办幼儿园4所，新增公办学位1080个\n【牵头单位】县教育局\n"
            "【配合单位】县财政局\n【完成时限】2024年8月底\n\n"
            "项目2：城区停车难治理\n【目标】新增城区公共停车泊位1500个\n【牵头单位】县住房城乡建设局\n【完成时限】2024年10月底\n\n"
            "【划重点】\n\n今年实事总投资约3.6亿元。\n\n编辑：韦  婷\n\n阅读 3.6万    在看 128\n")
    assert [(p.seq, p.name, p.lead_units, p.partner_units, p.deadline) for p in r.projects] == [
        ("1", "新建改扩建公办幼儿园", ["县教育局"], ["县财政局"], "2024-08-31"),
        ("2", "城区停车难治理", ["县住房城乡建设局"], [], "2024-10-31"),
        (None, "实事总投资", [], [], None)]          # the planned total investment, a promised figure of its own
    assert targets(r) == [(4.0, "所", "="), (1080.0, "个", "="), (1500.0, "个", "="), (360000000.0, "元", "=")]
    assert r.projects[0].evidence.text.startswith("项目1：")


def test_a_work_report_lists_its_projects_first_to_tenth():
    r = run("政府工作报告（节选）\n\n——2018年1月25日在某省人民代表大会上\n\n"
            "二、2018年主要目标任务\n\n今年政府工作的主要预期目标是：城镇新增就业45万人以上，城镇登记失业率控制在4%以内。\n\n"
            "（一）扎实办好为民办实事项目。确定十个方面18项为民办实事项目，省级财政安排专项资金86亿元。\n\n"
            "第一，促进就业创业。开展职业技能培训18万人次；扶持自主创业1.2万人。\n\n"
            "第二，发展学前教育。新建、改扩建公办幼儿园120所，新增学位3.6万个。\n")
    assert [(p.seq, p.name) for p in r.projects if p.seq] == [("一", "促进就业创业"), ("二", "发展学前教育")]
    # the year's main goals are promised figures too (the real keys record them), with their bounds
    assert targets(r) == [(180000.0, "人次", "="), (12000.0, "人", "="), (120.0, "所", "="), (36000.0, "个", "="),
                          (450000.0, "人", ">="), (4.0, "%", "<=")]
    assert not [f for f in r.flags if f.severity != "info"]      # 十个方面18项: 18 indicators, and only two written here


@pytest.mark.parametrize("text", [
    "资金安排：市级财政安排就业补助资金2.1亿元，县（区）按比例配套。",
    "市、县两级财政安排资金6800万元。",
    "（资金：县级财政投入3600万元）",
], ids=["funding-field", "funding-in-a-sentence", "funding-bracket"])
def test_funding_is_not_a_target(text):
    r = run(PLAN_HEAD + f"一、就业创业促进工程\n\n目标任务：①城镇新增就业5.5万人；②扶持自主创业1.2万人。\n\n{text}\n\n"
                        "牵头单位：市人力资源社会保障局。\n\n完成时限：2023年12月底。\n")
    assert targets(r) == [(55000.0, "人", "="), (12000.0, "人", "=")]


def test_items_with_task_and_progress_in_one_sentence_and_units_after():
    r = run(PROGRESS_HEAD + "一、已完成全年任务的2项\n\n"
            "1．新建改扩建幼儿园6所，已全部建成投入使用，完成率100%。（区教育局）\n\n"
            "2．城市低保标准提高到每人每月860元，已于4月1日起全面执行，完成率100%。（区民政局）\n\n"
            "二、超过时序进度的2项\n\n"
            "3．城镇新增就业年度目标2.2万人，已新增就业1.91万人，完成86.8%。（区人力社保局）\n\n"
            "4．改造提升农贸市场8个，8个已全部开工，开工率100%，其中完工3个，完成37.5%。（区商务委、区市场监管局）\n")
    assert [(p.seq, p.name, p.lead_units) for p in r.projects] == [
        ("1", "新建改扩建幼儿园", ["区教育局"]), ("2", "城市低保标准", ["区民政局"]),
        ("3", "城镇新增就业", ["区人力社保局"]), ("4", "改造提升农贸市场", ["区商务委", "区市场监管局"])]
    assert targets(r) == [(6.0, "所", "="), (860.0, "元/人/月", "="), (22000.0, "人", "="), (8.0, "个", "=")]
    assert completed(r) == [(19100.0, "人"), (3.0, "个")]
    assert rates(r) == [100.0, 100.0, 86.8, 100.0, 37.5]
    assert not [f for f in r.flags if f.severity != "info"]


# ---- rates and shares written in other words ----------------------------------------------

@pytest.mark.parametrize("body, want_completed, want_rates", [
    ("一、农村公路建设。年计划新建农村水泥路260公里，实际完成268.4公里，完成年计划的103.2%。（县交通局负责）",
     [(268.4, "公里")], [103.2]),
    ("住房方面，全省年度计划改造农村危房5万户，目前已开工5.3万户，竣工4.5万余户，竣工率达九成。",
     [(53000, "户"), (45000, "户")], [90.0]),
    (("一、城区道路改造。年计划改造城区街路12条，实际改造12条；新建排水管线8.5公里，实际完成8.5公里，均完成年计划的百分之百。"
     "（县住建局负责）"), [(12, "条"), (8.5, "公里")], [100.0, 100.0]),
], ids=["of-the-year-plan", "tenths", "both-at-one-rate"])
def test_rates_in_other_words(body, want_completed, want_rates):
    r = one_paragraph(body)
    assert completed(r) == [(float(v), u) for v, u in want_completed]
    assert rates(r) == want_rates
    assert not [f for f in r.flags if f.severity != "info"]


def test_households_done_as_rooms_is_a_unit_mismatch():
    r = one_paragraph("一、农村泥草房改造。年计划改造农村泥草房3600户，全年实际改造3780间，完成年计划的105%。（县住建局负责）")
    assert [(f.code, f.expected, f.found) for f in r.flags if f.severity != "info"] == [("UNIT_MISMATCH", "户", "间")]


@pytest.mark.parametrize("text, want", [
    ("①城镇登记失业率控制在4.2%以内", (4.2, "%", "<=")),
    ("①新型农村合作医疗参合率稳定在97%以上", (97.0, "%", ">=")),
    ("①城乡居民医保参保率稳定在百分之九十八以上", (98.0, "%", ">=")),
    ("①中小学校课后服务覆盖率保持百分之百", (100.0, "%", "=")),
    ("①农村生活污水治理率达到九成以上", (90.0, "%", ">=")),
    ("①完成食品安全快速检测2.4万批次", (24000.0, "批次", "=")),
    ("①既有多层住宅加装电梯200部", (200.0, "部", "=")),
], ids=["within", "stable-above", "words-above", "words-hundred", "tenths-above", "batches", "lifts"])
def test_targets_of_a_sub_item(text, want):
    r = run(PLAN_HEAD + f"一、民生工程。{text}；②新增养老床位300张。（牵头单位：县民政局）\n")
    assert targets(r) == [want, (300.0, "张", "=")]


def test_departments_are_not_a_figure():
    from extractors.numbers import find_quantities

    assert find_quantities("由5部门联合开展检查，放映电影3部", GAZ.units)[0].raw == "3部"


@pytest.mark.parametrize("body, want_completed", [
    ("（三）新建改扩建公办幼儿园。市教育局牵头。年度目标新建改扩建公办幼儿园16所，已全部建成并投入使用，完成率100%，新增学位4320个。", []),
    (("二、城区集中供热管网改造。年计划改造老旧供热管网28公里，实际完成30.5公里，完成年计划的108.9%，新增供热面积42万平方米。"
     "（县热力公司负责）"), [(30.5, "公里")]),
    ("六、城乡低保提标。城市低保标准提高到每人每月320元，自7月1日起执行，全年累计发放低保金1.26亿元。（县民政局负责）", []),
    (("（六）建设农村公路。由市交通运输局牵头。年度目标为新改建农村公路300公里。全市完成新改建农村公路268.5公里，"
     "完成年任务的89.5%；累计完成投资3.2亿元。"), [(268.5, "公里"), (320000000, "元")]),
], ids=["places-after-the-rate", "area-after-the-rate", "money-paid-out", "investment-is-progress"])
def test_by_products_are_not_progress(body, want_completed):
    assert completed(one_paragraph(body)) == [(float(v), u) for v, u in want_completed]


def test_a_slogan_in_minutes_is_not_a_target():
    r = run(PLAN_HEAD + "一、健康惠民工程。①为适龄妇女免费开展“两癌”筛查8万人；②建设15分钟医疗服务圈，新建社区卫生服务站20个。"
                        "（牵头单位：市卫生健康委）\n")
    assert targets(r) == [(80000.0, "人", "="), (20.0, "个", "=")]


def test_a_supervision_report_assigns_its_deadlines_and_names_its_leader():
    r = run("关于2020年区政府民生实事项目推进情况的督查通报\n\n截至2020年8月31日，各项目进展情况见下表。\n\n"
            "序号  项目名称              年度任务    累计完成    完成率    责任单位\n"
            "1     社区养老助餐点建设    60个        32个        53.3%     区民政局\n"
            "2     城市道路大修          35公里      20.5公里    58.6%     区交通局\n"
            "3     错时共享停车位        1500个      1200个      80%       区交通局\n\n"
            "三、处理意见\n\n对社区养老助餐点建设推进不力的区民政局予以通报批评；由副区长杨  帆约谈区交通局主要负责同志。\n\n"
            "1．区民政局：剩余28个养老助餐点实行挂图作战，限期于10月31日前整改到位。\n\n"
            "2．区交通局：优化施工组织，限期于11月15日前整改到位。\n\n某区人民政府督查室\n2020年9月10日\n")
    assert r.document.kind == "supervision"
    assert [(p.name, p.deadline) for p in r.projects if p.targets] == [
        ("社区养老助餐点建设", "2020-10-31"), ("城市道路大修", "2020-11-15"), ("错时共享停车位", None)]
    assert [n for p in r.projects for n in p.leaders] == ["杨帆"]
    assert not [f for f in r.flags if f.severity != "info"]


@pytest.mark.parametrize("declared, flagged", [(4, [(4, 3)]), (3, [])], ids=["one-candidate-missing", "consistent"])
def test_candidates_declared_against_the_vote_table(declared, flagged):
    r = run("某市人民政府办公室关于公布2016年市级民生实事项目征集结果的通知\n\n"
            f"经梳理归纳，形成{declared}个候选项目，开展网上投票，确定得票前二的项目为2016年市级两件民生实事。\n\n"
            "序号\t候选项目\t得票数\t得票率\n1\t城镇老旧小区改造\t18652\t14.80%\n2\t新建改扩建公办幼儿园\t16420\t13.03%\n"
            "3\t城市书房建设\t6215\t4.93%\n\n"
            "（一）城镇老旧小区改造。改造城镇老旧小区85个。牵头单位：市住房和城乡建设局。\n\n"
            "（二）新建改扩建公办幼儿园。新建改扩建公办幼儿园18所。牵头单位：市教育局。\n")
    assert [p.name for p in r.projects] == ["城镇老旧小区改造", "新建改扩建公办幼儿园"]     # candidates are not projects
    assert [(f.expected, f.found) for f in r.flags if f.code == "COUNT_MISMATCH"] == flagged


def test_a_category_row_and_a_funding_clause_in_a_table():
    r = run(PLAN_HEAD + "序号\t项目名称\t目标任务\t牵头单位\t完成时限\n一、就业和社会保障（2项）\n"
            "1\t就业创业\t城镇新增就业5200人（资金：县级财政安排就业补助资金420万元）\t县人力资源社会保障局\t2023年12月底\n"
            "2\t低保提标\t农村低保标准提高到每人每月不低于560元\t县民政局\t2023年7月底\n")
    assert [(p.name, p.category, p.lead_units) for p in r.projects] == [
        ("就业创业", "一、就业和社会保障（2项）", ["县人力资源社会保障局"]), ("低保提标", "一、就业和社会保障（2项）", ["县民政局"])]
    assert targets(r) == [(5200.0, "人", "="), (560.0, "元/人/月", ">=")]
