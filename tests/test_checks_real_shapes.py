"""Flags in the shapes real reports take (all texts and numbers are our own).

- a stated share of a count (占比 / 占…的 / 比例) against part ÷ total, with the completion rate's interval rule;
- a total in one sentence and its 其中 status breakdown in the next (a remainder the text names is no mismatch);
- a declared number of items made of N taken from another list plus items named one by one;
- month-to-date periods are no DATE_INCONSISTENT; (1)(2) nested in 3． 4．, tied ranks and cited items are no gap;
- on records (as the table and prose readers will give them): a row label's unit against its target, counts
  of operations against a target of patients, unitless completed cells under a target.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.checks import check_rate, check_unit
from extractors.numbers import find_quantities
from extractors.records import DocumentInfo, Evidence, Extraction, Progress, Project, Quantity, Target
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def codes(text: str) -> list[str]:
    doc = read_bytes(text.encode("utf-8"), "-", "txt")
    return sorted(f.code for f in extract(doc, GAZ).flags if f.severity != "info")


def report(body: str, title: str = "关于2022年1-9月县重点民生实事进展情况的通报",
           date: str = "2022年10月12日") -> str:
    return f"{title}\n\n各乡镇人民政府，县直各单位：\n\n{body}\n\n某县人民政府办公室\n{date}\n"


# ---- shares of a count --------------------------------------------------------------------------------

SHARES = [
    ("three-shares-consistent",
     "截至9月底，县实事12件18项中有9项已完成，占比50%；6项进展顺利，占比33.3%；3项进度滞后，占比16.7%。", []),
    ("one-share-off",
     "截至9月底，县实事12件18项中有9项已完成，占比50%；6项进展顺利，占比35%；3项进度滞后，占比16.7%。",
     ["RATE_MISMATCH"]),
    ("two-shares-off",
     "截至9月底，县实事12件18项中有9项已完成，占比52%；6项进展顺利，占比35%；3项进度滞后，占比16.7%。",
     ["RATE_MISMATCH", "RATE_MISMATCH"]),
    ("total-with-gong-then-qizhong", "全镇共20个村，其中已完成改造5个，占30%。", ["RATE_MISMATCH"]),
    ("total-with-gong-consistent", "全镇共20个村，其中已完成改造5个，占25%。", []),
    ("zhong-then-part", "64项中29项已完成，占45.3%。", []),
    ("zhong-then-part-off", "64项中29项已完成，占45.4%。", ["RATE_MISMATCH"]),
    ("truncated-not-rounded", "24项中19项已完成，占79.1%。", ["RATE_MISMATCH"]),       # 79.17 → 79.2
    ("boundary-half-up", "8个项目中1个已竣工，占比13%。", []),                        # 12.5 on the boundary
    ("boundary-half-down", "共8个项目，其中3个已竣工，占比37%。", []),                 # 37.5 on the boundary
    ("share-of-the-whole-named", "共16项任务，其中已完成12项，占任务总数的75%。", []),
    ("share-of-the-whole-named-off", "共16项任务，其中已完成12项，占任务总数的70%。", ["RATE_MISMATCH"]),
    ("share-of-another-whole", "全县共有12个乡镇，其中3个乡镇完成任务，占全市的5%。", []),
    ("share-of-investment", "全县58个项目中，已开工50个，投资完成比例为80%。", []),
    ("share-without-a-total", "已完成项目9个，占比40%。", []),
    ("share-of-a-sub-total", "全县共50个项目，其中省级项目20个，已完成8个，占40%。", []),
    ("an-unshared-sibling-between", "全县58项任务中，已完成27项，正在推进25项，占43.1%。", []),
]


@pytest.mark.parametrize("body,want", [c[1:] for c in SHARES], ids=[c[0] for c in SHARES])
def test_a_stated_share_of_a_count(body, want):
    assert codes(report(body)) == want


# ---- a total and its breakdown in the next sentence -----------------------------------------------------

BREAKDOWNS = [
    ("adds-up", "今年全县民生实事8大类36个事项。截至9月底，其中20个事项已完成，10个事项超序时进度，6个事项按序时推进。", []),
    ("one-short", "今年全县民生实事8大类36个事项。截至9月底，其中20个事项已完成，10个事项超序时进度，5个事项按序时推进。",
     ["SUM_MISMATCH"]),
    ("same-sentence-one-over", "县级民生实事6类30个事项，截至9月底，其中12个事项已完成，9个事项超序时进度，10个事项按序时推进。",
     ["SUM_MISMATCH"]),
    ("remainder-named", "今年全县民生实事8大类36个事项。截至9月底，其中20个事项已完成，10个事项超序时进度，其余事项按序时推进。", []),
    ("remainder-etc", "今年全县民生实事8大类36个事项。截至9月底，其中20个事项已完成，8个事项超序时进度等。", []),
    ("remainder-counted-short",
     "今年全县民生实事8大类36个事项。截至9月底，其中20个事项已完成，10个事项超序时进度，其余5个事项按序时推进。",
     ["SUM_MISMATCH"]),
    ("a-breakdown-by-kind", "今年计划竣工学校4个，其中幼儿园6个、小学3个、初中2个。", []),
    ("two-parts-only", "今年全县民生实事8大类36个事项。截至9月底，其中20个事项已完成，10个事项超序时进度。", []),
]


@pytest.mark.parametrize("body,want", [c[1:] for c in BREAKDOWNS], ids=[c[0] for c in BREAKDOWNS])
def test_a_total_and_its_breakdown(body, want):
    assert codes(report(body)) == want


# ---- a declared count made of items taken from another list and items named --------------------------

COMPOSED = [
    ("adds-up", "县“六件实事”", []),
    ("one-short", "县“七件实事”", ["COUNT_MISMATCH"]),
    ("one-over", "县“五件实事”", ["COUNT_MISMATCH"]),
]


@pytest.mark.parametrize("declared,want", [c[1:] for c in COMPOSED], ids=[c[0] for c in COMPOSED])
def test_a_count_composed_of_another_list(declared, want):
    body = ("今年，全省将改造农村电网、新建乡镇敬老院、建设村级卫生室、实施饮水安全工程、改造城区积水点列为省5件实事。"
            f"我县将除改造城区积水点外的四件事和城区停车场建设、背街小巷改造一道列入{declared}，并逐项明确责任单位。")
    assert codes(report(body, title="我县全面完成2022年民生实事", date="2022年12月28日")) == want


# ---- periods that count the month to date --------------------------------------------------------------

TABLE = "序号 项目 目标任务 完成情况\n1 新增城镇就业 3000人 2710人\n2 改造农村公路 40公里 33公里\n"
DATES = [
    ("published-in-the-last-ten-days", "2022年1-9月民生实事完成情况表", "发布时间：2022-09-26", "", []),
    ("published-next-month", "2022年1-9月民生实事完成情况表", "发布时间：2022-10-08", "", []),
    ("published-early-in-the-month", "2022年1-9月民生实事完成情况表", "发布时间：2022-09-09", "", ["DATE_INCONSISTENT"]),
    ("published-a-month-before", "2022年1-9月民生实事完成情况表", "发布时间：2022-08-27", "", ["DATE_INCONSISTENT"]),
    ("stated-day-after-publication", "2022年1-9月民生实事完成情况表", "发布时间：2022-09-26",
     "截至2022.9.30，各项目进展如下。\n", ["DATE_INCONSISTENT"]),
    ("stated-day-before-publication", "2022年1-9月民生实事完成情况表", "发布时间：2022-09-09",
     "截至9月5日，各项目进展如下。\n", []),
]


@pytest.mark.parametrize("title,dateline,head,want", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_a_period_against_the_publication_date(title, dateline, head, want):
    text = f"{title}\n{dateline}\n{head}{TABLE}"
    assert [c for c in codes(text) if c == "DATE_INCONSISTENT"] == want


# ---- numbers that are not a sequence -------------------------------------------------------------------

PLAN_HEAD = "关于印发2022年县重点民生实事任务分解方案的通知\n\n各乡镇人民政府，县直各单位：\n\n"
ITEMS = {      # a (2) that starts a line of its own, as a scanned page lays it out
    1: "1.义务教育：(1)新建乡镇幼儿园3所，8月底前开工。\n(2)改造薄弱学校6所，年底前全部完成。\n牵头单位：县教育局\n",
    2: "2.农村公路：(1)新建通村公路80公里，9月底前完成路基。\n(2)改造危桥5座，11月底前竣工。\n牵头单位：县交通运输局\n",
    3: "3.饮水安全：(1)新建集中供水工程12处。\n(2)改造老旧管网30公里，10月底前完成。\n牵头单位：县水务局\n",
    4: "4.卫生健康：(1)新建村卫生室15个。\n(2)为2000名老人免费体检，年底前完成。\n牵头单位：县卫健局\n",
}
NUMBERING = [
    ("nested-sub-items", [1, 2, 3, 4], []),
    ("a-real-gap", [1, 2, 4], ["NUMBERING_GAP"]),
]


@pytest.mark.parametrize("seqs,want", [c[1:] for c in NUMBERING], ids=[c[0] for c in NUMBERING])
def test_nested_sub_items_are_another_sequence(seqs, want):
    text = PLAN_HEAD + "".join(ITEMS[k] for k in seqs) + "\n某县人民政府办公室\n2022年2月10日\n"
    assert [c for c in codes(text) if c == "NUMBERING_GAP"] == want


NOT_SEQUENCES = [
    ("tied-ranks", "考核结果：第一名甲镇，第二名乙镇，第三名丙镇、丁镇（并列），第五名戊镇。"),
    ("cited-out-of-order", "其中第六、十二、二十四、二十一、三十项由县住建局牵头，其余项目按原分工落实。"),
]


@pytest.mark.parametrize("body", [c[1] for c in NOT_SEQUENCES], ids=[c[0] for c in NOT_SEQUENCES])
def test_ranks_and_cited_items_are_no_sequence(body):
    assert "NUMBERING_GAP" not in codes(report(body))


# ---- on records: units and rates the table and prose readers will give --------------------------------

def q(raw: str | None, value: float | None = None, unit: str | None = None) -> Quantity:
    if value is not None:
        return Quantity(value=value, unit=unit, raw=raw or str(value))
    found = find_quantities(raw, GAZ.units)[0]
    return found


def project(name: str, target: str, done: list[tuple] = (), evidence: str = "", measure: str = "完成率",
            twice: bool = False) -> Project:
    t = q(target)
    p = Project(name=name, evidence=Evidence(text=evidence or name, line=3),
                targets=[Target.of(t, target)] * (2 if twice else 1))
    for completed, rate in done:
        p.progress.append(Progress(text=name, completed=completed, rate=rate, rate_raw=None if rate is None else str(rate),
                                   measure=None if rate is None else measure, line=3))
    return p


def flags_of(check, *projects: Project) -> list[str]:
    ex = Extraction(document=DocumentInfo(source="-", sha256="0", format="txt", kind="progress"), projects=list(projects))
    return [f.code for f in check(ex, None)]


UNITS = [
    ("row-label-households-target-dwellings", project("农村危房改造（户）", "5120套", [(q("3100", 3100), 61)]),
     ["UNIT_MISMATCH"]),
    ("row-label-in-the-row-text", project("农村危房改造", "5120套", [(q("3100", 3100), 61)],
                                          evidence="3 农村危房改造(户) 县住建局 5120套 3100 61%"), ["UNIT_MISMATCH"]),
    ("row-label-agrees", project("农村危房改造（户）", "5120户", [(q("3100", 3100), 61)]), []),
    ("row-label-ge-against-suo", project("新建幼儿园（个）", "4所", [(q("3", 3), 75)]), []),
    ("patients-against-operations", project("为6000名白内障患者实施复明手术", "6000名",
                                            [(q("新增850例"), None), (q("累计达5120例"), None)]), ["UNIT_MISMATCH"]),
    ("persons-against-visits", project("免费产前筛查", "4200人", [(q("3650人次"), 87)]), ["UNIT_MISMATCH"]),
    ("roads-against-places", project("打通断头路", "8条", [(q("8处"), None)]), ["UNIT_MISMATCH"]),
    ("persons-and-ming-agree", project("新增城镇就业", "3000名", [(q("2710人"), 90)]), []),
    ("row-label-in-traditional-with-glosses", project("農村危房改造", "5120套", [(q("3100", 3100), 61)],
                                                      evidence="3 農村危房(fáng)改造(戶) 縣住建局 5120套 3100 61%"),
     ["UNIT_MISMATCH"]),
]


@pytest.mark.parametrize("p,want", [c[1:] for c in UNITS], ids=[c[0] for c in UNITS])
def test_units_on_records(p, want):
    assert flags_of(check_unit, p) == want


RATES = [
    ("unitless-completed-off", project("在职人员参保", "5200人", [(q("6290", 6290), 120)]), ["RATE_MISMATCH"]),
    ("unitless-completed-ok", project("在职人员参保", "5200人", [(q("6290", 6290), 121)]), []),
    ("unitless-cell-under-wan", project("征缴养老保险基金", "8000万元", [(q("6480", 6480), 81)]), []),
    ("unitless-cell-under-wan-off", project("征缴养老保险基金", "8000万元", [(q("6480", 6480), 85)]), ["RATE_MISMATCH"]),
    ("households-off", project("残疾人家庭无障碍改造", "90户", [(q("6户"), 47)]), ["RATE_MISMATCH"]),
    ("households-ok", project("残疾人家庭无障碍改造", "90户", [(q("6户"), 6.7)]), []),
    ("share-column-off", project("残疾人家庭无障碍改造", "90户", [(q("6户"), 47)], measure="占比"), ["RATE_MISMATCH"]),
    ("share-column-ok", project("残疾人家庭无障碍改造", "90户", [(q("6户"), 6.7)], measure="占比"), []),
    ("standard-exceeded-is-met", project("城市低保标准", "580元", [(q("612元"), 100)]), []),
    ("target-in-name-and-column", project("在职人员参保", "5200人", [(q("6290", 6290), 120)], twice=True),
     ["RATE_MISMATCH"]),
]


@pytest.mark.parametrize("p,want", [c[1:] for c in RATES], ids=[c[0] for c in RATES])
def test_rates_on_records(p, want):
    assert flags_of(check_rate, p) == want


# ---- what is not a share or a status breakdown of the total before it ------------------------------------

NOT_READ = [
    ("share-of-villages-not-of-townships", "全县共3个乡镇、36个村，其中2个村完成改造，占5.6%。"),
    ("breakdown-of-a-population", "全县共有120个村，其中45个村已完成改造，30个村正在施工，12个村尚未开工。"),
    ("nested-statuses", "县级民生实事共20个项目，其中已开工18个，已竣工6个，正在推进2个。"),
    ("breakdown-by-place", "县级民生实事共45个事项，其中城区完成12个，镇区完成20个，村级完成8个。"),
]


@pytest.mark.parametrize("body", [c[1] for c in NOT_READ], ids=[c[0] for c in NOT_READ])
def test_what_is_not_a_share_or_a_breakdown(body):
    assert codes(report(body)) == []


# ---- invariants: consistent statements raise nothing, one perturbation raises exactly its flag -----------

STATUSES = ["已完成", "超序时进度", "按序时推进"]


def _shares_text(parts: list[int], shares: list[str]) -> str:
    total = sum(parts)
    clauses = [f"{n}项{s}，占比{r}%" for n, s, r in zip(parts, STATUSES, shares)]
    return f"截至9月底，县级民生实事{total}项中有" + "；".join(clauses) + "。"


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(st.integers(1, 40), min_size=3, max_size=3), digits=st.sampled_from([0, 1]))
def test_shares_rounded_as_written_raise_nothing(parts, digits):
    shares = [f"{100 * n / sum(parts):.{digits}f}" for n in parts]
    assert codes(report(_shares_text(parts, shares))) == []


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(st.integers(1, 40), min_size=3, max_size=3), which=st.integers(0, 2),
       bump=st.sampled_from([-3, -1.2, 1.2, 3]))
def test_one_share_off_raises_one_rate_mismatch(parts, which, bump):
    shares = [f"{100 * n / sum(parts):.1f}" for n in parts]
    x = float(shares[which])
    shares[which] = f"{x + bump if x + bump >= 0 else x + abs(bump):.1f}"      # a share is never negative
    assert codes(report(_shares_text(parts, shares))) == ["RATE_MISMATCH"]


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(st.integers(1, 40), min_size=3, max_size=3), off=st.sampled_from([-1, 0, 1, 3]))
def test_a_breakdown_adds_up_or_raises_sum_mismatch(parts, off):
    total = sum(parts) + off
    body = (f"今年全县民生实事6大类{total}个事项。截至9月底，其中" +
            "，".join(f"{n}个事项{s}" for n, s in zip(parts, STATUSES)) + "。")
    assert codes(report(body)) == ([] if off == 0 else ["SUM_MISMATCH"])


@pytest.mark.parametrize("line, flagged", [
    ("三、改造老旧小区30个，其中城东区12个、城西区10个、城北区9个。", True),      # 31 of 30: more than the whole
    ("三、改造老旧小区30个，其中城东区12个、城西区10个、城北区8个。", False),     # the whole
    ("三、改造老旧小区30个，其中城东区12个、城西区10个。", False),                # some of the places: short is no error
    ("三、新建村级卫生室20个，其中平安镇9个、城关街道13个。", True),
    ("三、新建村级卫生室20个，其中标准化9个、提质13个。", False),                 # kinds, not places: not read here
], ids=["over-the-total", "the-whole", "some-places", "towns-over-the-total", "kinds-not-places"])
def test_a_count_split_among_places_may_fall_short_never_pass_it(line, flagged):
    r = extract(read_bytes(("关于2031年民生实事项目进展情况的通报\n\n" + line + "\n").encode("utf-8"), "t.txt", "txt"), GAZ)
    assert any(f.code == "SUM_MISMATCH" for f in r.flags) == flagged
