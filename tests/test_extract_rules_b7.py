"""Extraction rules of batch 7 on small documents built here: what a user relies on, one phenomenon a test."""
import pytest

from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def sum_flags(result) -> list[tuple[float, float]]:
    return [(f.expected, f.found) for f in result.flags if f.code == "SUM_MISMATCH"]


# ---- a declared total split by status must add up ------------------------------------------

@pytest.mark.parametrize("sentence, flags", [
    ("截至6月30日，52项具体任务中，已完成年度任务的9项，超序时进度推进的28项，基本达到序时进度的11项，滞后于序时进度的3项。",
     [(52, 51)]),
    ("截至9月30日，10件民生实事中，已完成3件，序时推进6件，进度滞后1件。", []),
    ("截至9月30日，10件民生实事中，已完成3件，序时推进6件，进度滞后2件。", [(10, 11)]),
    ("截至9月底，12件实事中已完成3件，8件达到进度要求，2件相对滞后。", [(12, 13)]),
    ("截至6月30日，十件民生实事中已完成3件（城乡低保提标、新增城区公共停车位），达到时序进度的3件，滞后于时序进度的3件。",
     [(10, 9)]),
    ("截至6月30日，12个子项中，已完成全年目标的1个，完成进度达到或超过50%的8个，完成进度低于50%的3个。", []),
    ("截至9月30日，16项具体任务中已完成7项，其余8项正在按计划推进。", [(16, 15)]),
    ("截至8月末，10件民生实事中，截至8月末，已完成年度目标的3件，达到或超过时序进度的5件，低于时序进度的2件。", []),
    ("截至9月30日，15件实事中，已完成13件，其中提前完成3件，基本完成1件，未完成1件。", []),
], ids=["prose-52-of-51", "agrees", "over-the-total", "count-before-status", "hanzi-total-brackets",
        "ge-ge", "remainder", "clause-without-count", "qizhong-ends-the-tally"])
def test_status_tally_sums_to_its_total(sentence, flags):
    assert sum_flags(run(PROGRESS_HEAD + sentence + "\n")) == flags


def test_two_parts_short_of_the_total_are_a_partial_list():
    """'已完成3件，滞后1件' of 10 names two statuses only: the on-track ones are not written, no flag."""
    assert sum_flags(run(PROGRESS_HEAD + "截至9月30日，10件民生实事中，已完成3件，进度滞后1件。\n")) == []


def test_total_row_of_a_table_split_by_status():
    rows = [["序号", "项目名称", "年度目标", "累计完成", "完成率", "进展情况"],
            ["1", "城镇新增就业", "1.2万人", "0.86万人", "71.7%", "正在推进"],
            ["2", "新建公办幼儿园", "3所", "3所", "100%", "全面完成"],
            ["3", "新增养老床位", "300张", "120张", "40%", "装修中"],
            ["合计", "3项", "", "", "", "已完成1项，序时推进1项，滞后2项"]]
    text = "某区2023年重点民生实事进展情况表\n（截至2023年8月31日）\n\n" + "\n\n".join(
        "\n".join("\t" + c for c in row) for row in rows) + "\n"
    assert sum_flags(run(text)) == [(3, 4)]


# ---- a figure written roughly: the target's op is the word's bound ---------------------------

PLAN_HEAD = "某县人民政府关于印发2023年十件民生实事实施方案的通知\n\n"


@pytest.mark.parametrize("item, want", [
    ("培训农民工1.5万余名", (15000.0, "名", ">=", "1.5万余名")),
    ("新建改造农村公路逾8000公里", (8000.0, "公里", ">=", "逾8000公里")),
    ("改造农村户厕3000多户", (3000.0, "户", ">=", "3000多户")),
    ("新增养老床位超1000张", (1000.0, "张", ">=", "超1000张")),
    ("惠及群众近300万人", (3000000.0, "人", "<=", "近300万人")),
    ("解决不足300户群众饮水问题", (300.0, "户", "<=", "不足300户")),
    ("新增养老床位约500张", (500.0, "张", "=", "约500张")),
    ("改造农村危房3000余户以上", (3000.0, "户", ">=", "3000余户")),
], ids=["yu-after", "yu-before", "duo", "chao", "jin", "buzu", "yue", "stated-bound-wins"])
def test_a_rough_target_takes_the_bound_of_its_word(item, want):
    r = run(PLAN_HEAD + f"一、民生实事。{item}。（县人社局）\n")
    assert [(t.value, t.unit, t.op, t.raw) for p in r.projects for t in p.targets] == [want]


def test_a_rough_completed_figure_keeps_its_number_and_is_still_checked_against_a_rough_target():
    r = run(PROGRESS_HEAD + "截至9月30日，各项实事进展如下：\n\n"
            "1.职业技能培训（县人社局）。年度目标培训近5000人，已培训3000余人，完成年任务的60%。\n")
    assert [(t.value, t.op) for p in r.projects for t in p.targets] == [(5000.0, "<=")]
    assert [(g.completed.value, g.rate) for p in r.projects for g in p.progress if g.completed] == [(3000.0, 60.0)]
    assert not [f for f in r.flags if f.code == "RATE_MISMATCH"]


# ---- several tasks in one paragraph, each target named inside its rate ---------------------

def test_tasks_of_one_paragraph_each_keep_their_target_count_and_rate():
    r = run(PROGRESS_HEAD + "截至6月30日，各项实事进展如下：\n\n"
            "（一）就业创业。全县城镇新增就业7560人，完成年度目标10000人的75.6%；新增转移农村劳动力1280人，"
            "完成年度任务2000人的64%；扶持自主创业830人，完成年度任务1500人的55.3%。\n")
    got = sorted((t.value, g.completed.value, g.rate) for p in r.projects for t in p.targets for g in p.progress)
    assert got == [(1500.0, 830.0, 55.3), (2000.0, 1280.0, 64.0), (10000.0, 7560.0, 75.6)]
    assert not [f for f in r.flags if f.severity != "info"]


def test_the_numbers_of_a_status_tally_are_neither_targets_nor_progress():
    r = run(PROGRESS_HEAD + "截至6月30日，12个子项中，已完成全年目标的1个，完成进度达到或超过50%的8个，完成进度低于50%的3个。\n\n"
            "1.新增养老床位300张（区民政局）。已建成165张，完成年任务的55%。\n")
    assert [(t.value, t.unit) for p in r.projects for t in p.targets] == [(300.0, "张")]
    assert [(g.completed.value, g.completed.unit) for p in r.projects for g in p.progress if g.completed] == [(165.0, "张")]
