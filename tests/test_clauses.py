"""The clause reader: the shapes of prose that real reports and plans take, read whatever the layout.

Every snippet is written by the team in the genre (no real document is quoted).  Each row names a
shape; the reader must give exactly the targets, completed figures and rates listed."""
from pathlib import Path

import pytest

from extractors import extract
from extractors.clauses import load_cues, voice
from extractors.normalize import normalize
from gazetteer import load
from pipeline.readers import read_bytes
from pipeline.readers.text import read

GAZ = load()


def facts(text: str) -> tuple[list, list, list]:
    result = extract(read(text.encode("utf-8"), "snippet.txt"), GAZ)
    targets = sorted((t.value, t.unit) for p in result.projects for t in p.targets)
    done = sorted((g.completed.value, g.completed.unit) for p in result.projects for g in p.progress if g.completed)
    rates = sorted(g.rate for p in result.projects for g in p.progress if g.rate is not None)
    return targets, done, rates


REPORT = "关于2031年民生实事上半年进展情况的通报\n\n"
PLAN = "关于印发2031年民生实事项目计划的通知\n\n"

SHAPES = [
    ("heading-over-bare-clauses",
     REPORT + "■ 健康惠民工程\n新建村卫生室35所,培训乡村医生420人次,发放补助86.5万元。\n",
     [], [(35, "所"), (420, "人次"), (865000, "元")], []),
    ("rate-after-为任务的-ascii-punctuation",
     REPORT + "主要指标:新增城镇就业5820人,为任务的116.4%;改造农村公路212公里,为任务的106%。\n",
     [], [(212, "公里"), (5820, "人")], [106, 116.4]),
    ("target-before-name-then-done",
     REPORT + "各地积极推进,8个社区食堂建设已完成5个。\n",
     [(8, "个")], [(5, "个")], []),
    ("plan-list-after-分别是",
     PLAN + "今年将办好八件实事,分别是:新建公办幼儿园6所;改造老旧小区1200户;新增停车泊位900个。\n",
     [(6, "所"), (900, "个"), (1200, "户")], [], []),
    ("money-with-占年计划-and-拨付率",
     REPORT + "截至6月底,累计到位民生资金8.4亿元,占年计划的91.2%;累计拨付7.9亿元,拨付率达94.1%。\n",
     [], [(790000000, "元"), (840000000, "元")], [91.2, 94.1]),
    ("paired-figures-then-分别-rates",
     REPORT + "城区新增就业4000人、新建学校12所,分别完成年任务的108%和96%。\n",
     [], [(12, "所"), (4000, "人")], [96, 108]),
    ("multi-year-task-heading-then-progress",
     REPORT + "3200个行政村环境整治(2029—2033年)。上半年已完成410个,累计完成1650个。\n",
     [(3200, "个")], [(410, "个"), (1650, "个")], []),
    ("indicator-rate-is-the-figure",
     REPORT + "全市城镇生活垃圾无害化处理率达96.5%,城乡居民医保参保人数83.2万人。\n",
     [], [(96.5, "%"), (832000, "人")], []),
    ("last-year-is-not-progress",
     REPORT + "全年新增就业6100人,去年同期新增5400人。\n",
     [], [(6100, "人")], []),
    ("remainder-and-under-way-are-not-done",
     REPORT + "完成改造420户,其余80户正在施工。\n",
     [], [(420, "户")], []),
    ("counts-of-items-are-no-facts",
     REPORT + "41个考核指标里,19个考核指标已超额完成,新建公厕15座。\n",
     [], [(15, "座")], []),
    ("time-pace-and-bounds-are-no-rates",
     REPORT + "进度在70%至95%之间的有7项,时间进度为50%,建成充电桩66个。\n",
     [], [(66, "个")], []),
    ("promised-share-is-no-rate",
     REPORT + "各地要加快进度,确保三季度末完成年度任务的75%以上。新建幼儿园3所。\n",
     [], [(3, "所")], []),
    ("funding-sources-are-no-work",
     REPORT + "市级财政安排资金2.4亿元,全年完成投资5.6亿元。\n",
     [], [(560000000, "元")], []),
    ("funds-paid-out-of-an-allocation-are-no-work",
     REPORT + "县财政安排配套资金9600万元,已拨付7200万元,拨付率75%。完成改造农房310户。\n",
     [], [(310, "户")], []),
    ("a-funds-line-names-sources",
     PLAN + "资金:市级1.2亿元、省级补助4500万元。新建口袋公园14个。\n",
     [(14, "个")], [], []),
    ("last-years-rate-follows-last-years-figure",
     REPORT + "就业方面,上半年新增城镇就业4300人;去年全年新增8400人,为年度目标的105%。\n",
     [], [(4300, "人")], []),
    ("the-whole's-subdivisions-are-counted",
     PLAN + "覆盖全市11个县(区),新建农村公路420公里。\n",
     [(420, "公里")], [], []),
    ("two-figures-then-分别-rates-joined-by-和",
     REPORT + "新增就业6200人,帮扶失业人员2300人,两项分别完成省下达任务的103.3%和115%。\n",
     [], [(2300, "人"), (6200, "人")], [103.3, 115]),
    ("分别-rates-after-a-list-of-figures",
     REPORT + "到5月末累计体检2.1万人次、筛查1.6万人次,两者分别完成全年目标任务的70%和64%。\n",
     [], [(16000, "人次"), (21000, "人次")], [64, 70]),
    ("a-level-measured-and-a-share-of-investment",
     REPORT + "调查失业率实际控制在3.1%。已完成投资6.2亿元,完成年度总投资的77.5%。\n",
     [], [(3.1, "%"), (620000000, "元")], [77.5]),
    ("a-quoted-project-title-states-its-task",
     REPORT + "其中,“为3000名留守儿童配备助学包”一项中,已配备2650名。\n",
     [(3000, "人")], [(2650, "人")], []),
    ("an-item-named-in-brackets-by-its-task",
     REPORT + "进展缓慢的有1项(新建乡镇公厕20座),督办后已全部完成。这项实事细分为改造危房800户。\n",
     [(20, "座"), (800, "户")], [], []),
    ("the-task-in-brackets-then-done-in-full",
     REPORT + "进展较为缓慢的1项(全年所需拨付资金520万元),经督办后已拨付520万元,拨付率100%。\n",
     [(5200000, "元")], [(5200000, "元")], [100]),
    ("one-work-measured-twice-and-a-masked-cue",
     REPORT + "实施农村公路安防项目86个412公里。奖励计划生育家庭对象2300人。\n",
     [], [(86, "个"), (412, "公里"), (2300, "人")], []),
    ("items-running-on-in-one-paragraph",
     REPORT + "现将进展公示如下。 1.新增公共充电桩260个。 牵头领导:某某 实际完成情况:整体进度已完成年度目标任务的60%。 "
              "2.新辟公交线路12条,优化调整15条。 牵头领导:某某 实际完成情况:正在有序推进。\n",
     [(12, "条"), (15, "条"), (260, "个")], [], [60]),
    ("rate-of-the-target-number",
     REPORT + "参保人数达到41.2万人,为全年目标数的98.1%。\n",
     [], [(412000, "人")], [98.1]),
    ("places-a-task-is-shared-among-and-rankings",
     REPORT + "各项任务分解落实到12个县区,东湖镇位居全市前三名,新建公厕14座。\n",
     [], [(14, "座")], []),
    ("what-is-still-to-do-and-who-inspects",
     REPORT + "已改造管网36公里,确保年底前再完成14公里。县督查室会同县财政局组成3个督查组。\n",
     [], [(36, "公里")], []),
    ("a-task-not-begun-is-a-target",
     REPORT + "建设滨河步道3公里未启动,打造4个口袋公园正着手准备招标;完成改造80户,其余20户正在施工。\n",
     [(3, "公里"), (4, "个")], [(80, "户")], []),
    ("how-the-list-was-drawn-up",
     PLAN + "向市民征集意见建议1500条,今年将新增托育位800个。\n",
     [(800, "个")], [], []),
]


@pytest.mark.parametrize("text,targets,done,rates", [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_clause_shapes(text, targets, done, rates):
    got_t, got_d, got_r = facts(text)
    assert got_t == sorted(targets)
    assert got_d == sorted(done)
    assert got_r == sorted(rates)


VOICES = [
    ("report-kind-stays-report", "progress", "已完成改造300户,累计建成8所,计划新建2所。", "progress"),
    ("report-kind-whose-text-promises", "summary", "计划新建学校3所,力争年底前竣工,确保完成。", "plan"),
    ("plan-kind-whose-text-reports", "plan", "截至9月底已完成改造320户,累计建成8所,完成率92%,已开工4个。", "progress"),
    ("plan-kind-that-promises", "plan", "计划新建学校3所,年底前竣工。", "plan"),
    ("unknown-kind-leaning-to-reports", "other", "已建成公厕12座。", "progress"),
]


@pytest.mark.parametrize("kind,text,expected", [v[1:] for v in VOICES], ids=[v[0] for v in VOICES])
def test_voice_of_the_text_overrules_the_kind(kind, text, expected):
    assert voice([(1, normalize(text))], kind) == expected


def test_cue_lexicon_rows_are_well_formed():
    """One word a row with a known role; every role the reader asks for is present."""
    cues = load_cues(Path(GAZ.folder) / "cues.tsv")
    assert set(cues.words) >= {"target", "done", "rate", "past", "change", "bound", "count", "pace", "making"}
    assert all(w and not w.isspace() for words in cues.words.values() for w in words)


@pytest.mark.parametrize("text,targets", [
    ("全县确定的48个民生项目已有30个完工,完工率达62.5%。", [(48, "个")]),
    ("列入计划的75个项目已有60个开工,开工率81%。", []),                       # the rate fits no figure
    ("已改造12个小区,新建9个站点,其中7个投用,投用率77.8%。", [(9, "个")]),    # 7/9, not 7/12
    ("80户中已有60户完成,90户中已有60户入住,完成率75%。", [(80, "户")]),
], ids=["count-of-projects", "no-fit", "the-one-that-fits", "same-value-twice-before"])
def test_a_stated_rate_names_its_target(text, targets):
    """Reconciliation by arithmetic: completed ÷ target = the stated rate picks the target among the figures."""
    got, _, _ = facts(REPORT + text + "\n")
    assert got == sorted(targets)


def test_the_work_done_under_a_quoted_title_is_that_projects():
    """“为3000名…”一项中，新增310例，累计2650例: one project, whose task and work done are measured in
    different units — the check names it."""
    text = REPORT + "其中,“为3000名贫困患者实施免费手术”一项中,9月新增手术310例,累计达2650例。\n"
    result = extract(read(text.encode("utf-8"), "snippet.txt"), GAZ)
    [p] = [p for p in result.projects if p.targets]
    assert p.name == "为3000名贫困患者实施免费手术"
    assert sorted(g.completed.value for g in p.progress) == [310, 2650]
    assert [f.code for f in result.flags if f.severity != "info"] == ["UNIT_MISMATCH"]


@pytest.mark.parametrize("line", [
    "经县人大常委会票决，确定以下10件为2032年县级民生实事项目。",
    "今年确定8件为2032年度市级民生实事。",
])
def test_a_count_of_the_years_projects_with_a_year_between(line):
    r = extract(read_bytes(("关于2032年县级民生实事项目票决结果的公示\n\n" + line + "\n").encode("utf-8"), "t.txt", "txt"), GAZ)
    assert not [g for p in r.projects for g in p.progress if g.completed] and not [t for p in r.projects for t in p.targets]
