"""The fifth pass on extraction cost (benchmarks/RESULTS-speed.md): the quantity pattern's figures read by
`numbers._counted`, held to the general reading it replaced (`numbers._quantity`), on invented figures in the
genre and on random strings of their pieces."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import numbers as N
from extractors import patterns as P
from extractors.normalize import simplify
from extractors.spans import last_mark, marks
from gazetteer import load

UNITS = load().units

# the bound words as op_for matched them before: the 4 characters after a figure cut out, OP_AFTER anchored with ^
_OP_AFTER_ON_A_SLICE = re.compile(r"^\s*(?P<op>以上|及以上|以内|以下|及以下|左右)")
_AT_LEAST = ("不低于", "不少于", "不小于", "至少", "最低", "以上", "及以上", "超过", "力争达到", "≥", "≧")
_AT_MOST = ("不超过", "不高于", "不多于", "以内", "以下", "及以下", "控制在", "≤", "≦")


def _op_as_written(text: str, start: int, end: int) -> str:
    before = P.OP_BEFORE.search(text, max(0, start - 12), start)
    after = _OP_AFTER_ON_A_SLICE.match(text[end:end + 4])
    word = (before.group("op") if before else "") or (after.group("op") if after else "")
    return ">=" if word in _AT_LEAST else "<=" if word in _AT_MOST else "="


def _both(text: str) -> list[tuple]:
    """Every match of the quantity pattern in `text`, read by _counted and by _quantity; and op_for's bound
    of it beside the one the slice gave."""
    out = []
    for m in N._quantity_pattern(UNITS).finditer(text):
        unit, family = UNITS[m.group("unit")]
        out.append((N._counted(m, text, unit, family), N._quantity(m, text, unit, family),
                    N.op_for(text, *m.span()), _op_as_written(text, *m.span())))
    return out


def test_the_groups_counted_reads_by_place():
    # _counted and the loop of _find_quantities read the groups by place: a new group before `unit` moves them
    assert dict(N._quantity_pattern(UNITS).groupindex) == {"num": 1, "approx_pre": 2, "mult": 3, "approx": 4, "unit": 5}


WRITTEN = {
    "digits": "新建幼儿园12所",
    "thousands": "完成投资1,200.5万元",
    "decimals with 万": "惠及2.35万人",
    "decimals of 亿": "下达资金1.05亿元",
    "千 as a multiplier": "培训3千名",
    "千米 a unit": "新改建农村公路12千米",
    "a bound before": "参保人数不低于3000人",
    "a bound after": "新增床位100张以上",
    "a bound after a space": "新增床位100张 以内",
    "roughly, after": "培训3000余人次",
    "roughly, before the multiplier": "投资3460多万元",
    "roughly, before": "惠及近3万户",
    "roughly, twice (余 after the multiplier wins)": "投资3多万余元",
    "a word of two before": "帮扶不足200户",
    "at least a hundred": "开展上百场活动",
    "a Chinese numeral": "新建一万二千户",
    "a lone Chinese numeral": "新建两所",
    "a range": "每年3-5所",
    "full-width digits": "新建０３所",
    "several": "改造老旧小区12个，惠及居民3200户以上；新增停车位不少于1,500个。",
}


@pytest.mark.parametrize("text", list(WRITTEN.values()), ids=list(WRITTEN))
def test_counted_reads_what_quantity_read(text):
    found = _both(text)
    assert found
    for counted, general, op, op_as_written in found:
        assert counted == general
        assert op == op_as_written


# pieces of the genre's figures, strung at random: numbers, multipliers, the words around them, units, marks
PIECES = ["3", "12", "0", "1,200", "2.35", ".5", "05", "０３", "一", "两", "十", "百", "千", "万", "亿", "二千", "上", "余", "多",
          "近", "约", "逾", "超", "不足", "不低于", "不超过", "控制在", "至少", "最低", "最低标准", "以上", "以内", "及以下", "左右",
          "人", "人次", "户", "所", "元", "万元", "个百分点", "公里", "千米", "张", "部", "门", "片", "区", "分钟", "圈",
          "，", "。", "；", "、", " ", "\n", "-", "至", "新建", "数", "第", "A", "x", "（其中", "）"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=16).map("".join))
def test_counted_reads_what_quantity_read_on_random_strings(text):
    for counted, general, op, op_as_written in _both(text):
        assert counted == general
        assert op == op_as_written


def _in_breakdown_as_written(text: str, pos: int) -> bool:
    open_ = last_mark(text, pos, "（(")
    if open_ < 0 or last_mark(text, pos, "）)") >= open_:
        return False
    return text[open_ + 1:open_ + 3] in ("其中", "含新", "包括") or text[open_ + 1:open_ + 2] == "含"


BRACKETED = ["7所", "（", "(", "）", ")", "其中", "含", "新", "包括", "新建3所", "、", "，", "改扩建4所", "含新建"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BRACKETED), min_size=1, max_size=12).map("".join))
def test_in_breakdown_from_the_marks_found_once(text):
    opens, closes = marks(text, "（("), marks(text, "）)")
    for pos in range(len(text) + 1):
        assert N._in_breakdown(text, pos, opens, closes) == _in_breakdown_as_written(text, pos)


MULTIPLIED = {"2.35万": ("2.35", 10_000), "1.05亿": ("1.05", 100_000_000), "0.7千": ("0.7", 1_000), "1,200.05万": ("1,200.05", 10_000),
              "3万": ("3", 10_000), "16.5百万": ("16.5", 1_000_000), "0.123456789万": ("0.123456789", 10_000),
              "1.65万 (16499.999… by a float product)": ("1.65", 10_000), "999999999999999千万": ("999999999999999", 10_000_000),
              "long figures go through Decimal": ("12345678.901234567", 10_000), "full-width": ("１.５", 10_000)}


@pytest.mark.parametrize(("num", "mult"), list(MULTIPLIED.values()), ids=list(MULTIPLIED))
def test_scaled_as_decimal_scales(num, mult):
    value = float(num.replace(",", ""))
    assert N._scaled(num, value, mult) == N.scale(value, mult)


@settings(max_examples=2000, deadline=None)
@given(st.integers(0, 10 ** 12), st.integers(0, 9), st.sampled_from([1_000, 10_000, 1_000_000, 10_000_000, 100_000_000]))
def test_scaled_as_decimal_scales_any_figure(digits, decimals, mult):
    written = str(digits).rjust(decimals + 1, "0")
    num = written[:len(written) - decimals] + ("." + written[len(written) - decimals:] if decimals else "")
    value = float(num)
    assert N._scaled(num, value, mult) == N.scale(value, mult)


SHARES = {"不低于 before": ("参保率不低于95%", ">="), "以上 after": ("满意度达到90%以上", ">="), "控制在 before": ("失业率控制在3.5%", "<="),
          "以内 after": ("失业率3.5%以内", "<="), "以下 after": ("发生率5%以下", "<="), "none": ("覆盖率达到100%", "=")}


@pytest.mark.parametrize(("text", "op"), list(SHARES.values()), ids=list(SHARES))
def test_a_promised_share_takes_its_words_bound(text, op):
    # percent_targets tests the words of its match as strings, not by re.search of their alternation
    assert [q.op for q in N.percent_targets(text)] == [op]


def _without_next_opens(rx: re.Pattern[str], units: str) -> re.Pattern[str]:
    return re.compile(rx.pattern.replace(P.next_opens(units), "", 1))


POPULATION_WORDS = ["农村人口", "城镇人口", "城乡人口", "贫困人口", "农村牧区人口", "受益人口", "常住人口", "户籍人口", "人口", "农牧民",
                    "农民工", "农民", "牧民", "居民", "村民", "群众", "村", "农", "人"]
NEXT_PAIRS = [(_without_next_opens(N._quantity_pattern(UNITS), "".join(u[0] for u in UNITS)), N._quantity_pattern(UNITS)),
              (_without_next_opens(P.POPULATION, "农城贫受常户人牧居村群"), P.POPULATION)]


def _matches(rx: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_the_look_ahead_is_in_the_patterns():
    for without, with_it in NEXT_PAIRS:
        assert without.pattern != with_it.pattern


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES + POPULATION_WORDS + list(UNITS)), min_size=1, max_size=14).map("".join))
def test_next_opens_finds_what_the_pattern_found_without_it(text):
    for without, with_it in NEXT_PAIRS:
        assert _matches(with_it, text) == _matches(without, text)


def test_next_opens_finds_what_the_pattern_found_without_it_in_the_corpus():
    for path in sorted((Path(__file__).resolve().parent.parent / "samples" / "corpus").glob("*.txt")):
        text = simplify(path.read_text(encoding="utf-8"))
        for without, with_it in NEXT_PAIRS:
            assert _matches(with_it, text) == _matches(without, text), path.name
