"""Numbers with units: 2.3万人 → 23000 人, 8800万元 → 88000000 元, 每人每月60元 → 60 元/人/月.

Arabic, Chinese and mixed numerals; 万 and 亿; the written precision of every figure is kept
(`half`: half a unit of the last written digit) so the checks can do interval arithmetic.
Chinese numerals go through cn2an on the isolated span, never through hand-rolled code.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import attrgetter

from . import patterns as P
from .records import Quantity
from .spans import last_mark, marks, next_mark

MULTIPLIERS = {"": 1, None: 1, "千": 1_000, "万": 10_000, "亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000}


def to_number(text: str) -> float | None:
    """'1,200' → 1200; '2.3' → 2.3; '一万二千' → 12000; '十' → 10; '千' → 1000; '上百' → 100."""
    text = text.replace(",", "").strip().removeprefix("上")
    if not text:
        return None
    if text[0] in "百千万":
        text = "一" + text          # cn2an reads 一千, not a bare 千
    if text[0].isdigit():
        try:
            return float(text)
        except ValueError:
            return None
    return _chinese_numeral(text)


@lru_cache(maxsize=4096)
def _chinese_numeral(text: str) -> float | None:
    """cn2an's reading of a Chinese numeral, asked once per numeral (its input checks cost more than
    the reading, and the same few numerals come back on every page)."""
    import cn2an

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def half_unit(num: str, mult: int) -> float:
    """Half the place of the last written digit: '2.3', 万 → 500; '10265' → 0 (exact)."""
    if not num[:1].isdigit():
        return 0.0
    num = num.replace(",", "")
    if "." in num:
        decimals = len(num.split(".", 1)[1])
        return 0.5 * 10 ** -decimals * mult
    return 0.5 * mult if mult > 1 else 0.0


def _place(num: str, mult: int) -> float:
    """The place of the last significant digit: '3000' → 1000; '1.2', 万 → 1000; '35' → 1."""
    num = num.replace(",", "")
    if not num[:1].isdigit():
        return float(mult)
    if "." in num:
        return 10 ** -len(num.split(".", 1)[1]) * mult
    return 10 ** (len(num) - len(num.rstrip("0"))) * mult


def scale(value: float, mult: int) -> float:
    """value × multiplier without binary noise: 1.65万 → 16500, not 16499.999."""
    if mult == 1:
        return float(value)   # a float's repr reads back as the float itself
    try:
        return float(Decimal(repr(value)) * mult)
    except InvalidOperation:
        return value * mult


# the bound a word before or after a figure sets: 不低于100人 / 100人以上 -> '>='; 不超过3.5% / 100人以内 -> '<='
_BOUND_OF = {**dict.fromkeys(("不低于", "不少于", "不小于", "至少", "最低", "以上", "及以上", "超过", "力争达到", "≥", "≧"), ">="),
             **dict.fromkeys(("不超过", "不高于", "不多于", "以内", "以下", "及以下", "控制在", "≤", "≦"), "<=")}


def op_for(text: str, start: int, end: int) -> str:
    before = P.OP_BEFORE.search(text, max(0, start - 12), start)     # as in the 12 characters alone: no look-behind
    after = P.OP_AFTER.match(text, end, end + 4)                    # as in the 4 characters after the figure alone
    word = (before.group("op") if before else "") or (after.group("op") if after else "")
    return _BOUND_OF.get(word, "=")


_START = attrgetter("start")          # a figure's offset: the key figures are put in order by
_PATTERN: list = [None, None]       # the units and their compiled pattern


def _quantity_pattern(units: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    """P.quantity_pattern of the gazetteer's units, built once per units table (not a tuple of them per call)."""
    if _PATTERN[0] is not units:
        _PATTERN[:] = [units, P.quantity_pattern(tuple(units))]
    return _PATTERN[1]


_SEEN: dict[str, list[Quantity]] = {}
_SEEN_UNITS: list = [None]


def find_quantities(text: str, units: dict[str, tuple[str, str]]) -> list[Quantity]:
    """Every number with a unit of measure in `text` (normalised), in order.

    The readers of a document ask about the same paragraph several times (items, sentences,
    tables, forms, checks), so the answers are kept until the next document (`forget_quantities`)."""
    if _SEEN_UNITS[0] is not units:
        _SEEN.clear()
        _SEEN_UNITS[0] = units
    found = _SEEN.get(text)
    if found is None:
        if len(_SEEN) >= 4096:
            _SEEN.clear()
        found = _SEEN[text] = _find_quantities(text, units)
    return list(found)


def forget_quantities() -> None:
    """A new document: drop the answers kept for the last one."""
    _SEEN.clear()


# the patterns of figures that carry their own unit, each with the words one of which every match holds
# (每, which both standards open with; POPULATION's patterns.REQUIRED) and the unit it gives
_STANDARDS: tuple[tuple[re.Pattern[str], tuple[str, ...], Callable[[re.Match[str]], str]], ...] = (
    (P.PER_PERSON_MONTH, ("每",), lambda m: "元/人/" + {"日": "天"}.get(m.group("per"), m.group("per"))),
    (P.PER_MONTH, ("每",), lambda m: f"元/{m.group('per')}"),
    (P.POPULATION, P.REQUIRED[P.POPULATION], lambda m: "人"),
)


def _find_quantities(text: str, units: dict[str, tuple[str, str]]) -> list[Quantity]:
    if not P.NUMERAL.search(text):
        return []             # every figure, of a standard or of a unit, holds a NUMBER: none without a numeral
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pat, words, unit_of in _STANDARDS:
        for word in words:
            if word in text:
                break
        else:
            continue          # a word every match holds is absent: the search would find nothing
        for m in pat.finditer(text):
            if taken and any(a <= m.start() < b for a, b in taken):
                continue
            q = _quantity(m, text, unit_of(m), "standard_money")
            if q:
                found.append(q)
                taken.append((m.start(), m.end()))
    pat = _quantity_pattern(units)
    brackets = "（" in text or "(" in text          # none: no figure is inside a bracketed breakdown
    if brackets:
        opens, closes = marks(text, "（("), marks(text, "）)")
    ranges = "-" in text or "~" in text or "至" in text or "到" in text    # P.RANGE_MARKS: none, no range (3—5所)
    for m in pat.finditer(text):
        start, end = m.span()
        if taken and any(a <= start < b or a < end <= b for a, b in taken):
            continue
        num = m.group(1)                                  # the quantity pattern's groups: num, approx_pre, mult, approx, unit
        if not num[0].isdigit():
            if len(num) == 1 and num != "十" \
                    and (num == "一" or not P.CLAUSE_END.match(text, end)) \
                    and not (num in "百千万" and (m.group(4) or P.APPROX_BEFORE.search(text, max(0, start - 2), start))) \
                    and not (num != "一" and P.LONE_NUMERAL_VERB.search(text, max(0, start - 2), start)):
                continue          # 两项补贴, 一村一辅警: a lone Chinese numeral is a word; 公共厕所八座。 closes a clause,
                #                   千余个 / 近百所 are figures, and so is 新建两所 after a verb of building
            if P.VAGUE_BEFORE.search(text, max(0, start - 1), start):
                continue          # 数十万人次: no number is stated
        if P.SKIP_BEFORE.search(text, max(0, start - 2), start) or (brackets and _in_breakdown(text, start, opens, closes)):
            continue
        name = m.group(5)
        if name == "部" and text[end:end + 1] in ("门", "分", "署", "委", "长"):
            continue          # 5部门联合: departments, not lifts or films
        unit, family = units[name]
        if family == "duration" and P.SLOGAN_AFTER.match(text, end):
            continue          # 建设15分钟医疗服务圈
        q = _counted(m, text, unit, family)
        if q:
            low = P.RANGE_LOW.search(text[max(0, start - 12):start]) if ranges else None
            lowest = to_number(low.group("num")) if low else None
            if low and lowest is not None:
                # 3—5所: the lower bound and the upper one
                lo_raw = low.group(0).strip() + q.raw
                found.append(Quantity(value=scale(lowest, MULTIPLIERS[m.group("mult") or ""]),
                                      unit=q.unit, raw=lo_raw, half=q.half, family=q.family, op=">=",
                                      start=start - len(low.group(0)), end=end))
                q = Quantity(value=q.value, unit=q.unit, raw=lo_raw, half=q.half, family=q.family, op="<=",
                             start=q.start, end=q.end)
            found.append(q)
    if len(found) > 1:           # one figure is in order, breaks nothing down and carries no unit
        found = _carry_units(text, _drop_breakdowns(text, sorted(found, key=_START)))
    if "提" in text or "调" in text or "增" in text:                     # P.RAISED_TO_CHARS
        found = [q for q in found if not P.RAISED_TO.match(text, q.end)]      # 由800元提高到…: the old one
    return _each(text, found)


def _each(text: str, found: list[Quantity]) -> list[Quantity]:
    """宫颈癌和乳腺癌检查各50万人: one figure for each of the things named before 各 (or 均提高到)."""
    if "各" not in text and "均" not in text:
        return found
    out: list[Quantity] = []
    for q in found:
        before = text[max(0, q.start - 30):q.start]
        m = P.EACH_OF.search(before) if "各" in before or "均" in before else None     # every match holds one
        n = 1 + len(P.AND_WORD.findall(m.group("things"))) if m else 1
        out += [q] * n
    return out


def _carry_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """分别提高到每人每年3120元、2940元: a bare 元 listed right after a standard takes its unit, and so does
    the new one of 由每人每月410元提高到450元."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and q.unit == "元" and prev.unit and prev.unit.startswith("元/") \
                and (P.LIST_JOIN.fullmatch(text[prev.end:q.start]) or P.RAISED_TO.fullmatch(text[prev.end:q.start])):
            q = Quantity(value=q.value, unit=prev.unit, raw=q.raw, half=q.half, family=prev.family, op=q.op,
                         start=q.start, end=q.end, approx=q.approx)
        out.append(q)
    return out


def _drop_breakdowns(text: str, found: list[Quantity]) -> list[Quantity]:
    """年度目标为7所，其中新建3所、改扩建4所: parts after 其中 that add up to the figure before
    it repeat that figure, and are not targets of their own (其中护理床位80张 is: it does not add up)."""
    if "其中" not in text:
        return found
    starts = [q.start for q in found]                     # found is in order of start
    for m in P.AMONG_THEM.finditer(text):
        end = next_mark(text, m.end(), "。；;")
        end = len(text) if end < 0 else end
        k = bisect.bisect_left(starts, m.start()) - 1
        while k >= 0 and found[k].end > m.start():
            k -= 1
        last = found[k] if k >= 0 else None              # the last figure ending before 其中
        parts = []
        for j in range(bisect.bisect_left(starts, m.end()), len(found)):
            q = found[j]
            if q.start >= end:
                break
            if last is None or q.unit != last.unit:
                break          # …区内10.6万人，实现劳务收入18.7亿元: the list of parts ends at another measure
            parts.append(q)
        if last is not None and len(parts) >= 2 and abs(sum(q.value for q in parts) - last.value) < 1e-9 * max(1.0, last.value):
            found = [q for q in found if q not in parts]
            starts = [q.start for q in found]
    return found


def _in_breakdown(text: str, pos: int, opens: list[int], closes: list[int]) -> bool:
    """Inside a bracketed breakdown of the figure before it: 7所（其中新建3所、改扩建4所）.  `opens` and `closes`
    are the offsets of the text's opening and closing brackets (spans.marks), found once for all its figures."""
    k = bisect.bisect_left(opens, pos) - 1
    if k < 0:
        return False
    open_ = opens[k]                                   # the last bracket opened before the figure …
    k = bisect.bisect_left(closes, pos) - 1
    if k >= 0 and closes[k] >= open_:
        return False                                   # … and closed before it
    return text[open_ + 1:open_ + 3] in ("其中", "含新", "包括") or text[open_ + 1:open_ + 2] == "含"


# 不低于 / 不超过 … written inside a standard's pattern (每人每月不低于60元) -> its bound
_INNER_OPS = {"不低于": ">=", "不少于": ">=", "不超过": "<=", "不高于": "<="}


def _quantity(m: re.Match, text: str, unit: str, family: str) -> Quantity | None:
    num = m.group("num")
    value = to_number(num)
    if value is None:
        return None
    start, end = m.span()
    mult = MULTIPLIERS[m.group("mult") or ""]
    groups = m.re.groupindex
    inner = m.group("op") if "op" in groups else None
    op = _INNER_OPS.get(inner or "") or op_for(text, start, end)
    if num.startswith("上"):
        op = ">="             # 上百场: at least a hundred
    half = half_unit(num, mult)
    raw = m.group(0).strip()
    before = P.APPROX_BEFORE.search(text, max(0, start - 2), start)       # no look-around: as in the slice
    word = (m.group("approx") if "approx" in groups else None) or (m.group("approx_pre") if "approx_pre" in groups else None) \
        or (before.group("word") if before else None)
    if word:
        # 3000余人, 逾200公里, 近3万人: written roughly, as wide as its last digit's place, so that no rate
        # is refuted by it; op stays '=' (a count done is the number stated), a target takes the word's
        # bound (Target.of)
        half = max(half, _place(num, mult))
        raw = (before.group("word") if before else "") + raw
    return Quantity(value=scale(value, mult), unit=unit, raw=raw, half=half, family=family,
                    op=op, start=start, end=end, approx=word)


def _counted(m: re.Match, text: str, unit: str, family: str) -> Quantity | None:
    """_quantity of a match of the quantity pattern, read from its groups by place (it has no `op`): the same figure,
    without the questions of which groups the pattern has and the general readings of a number
    (tests/test_figure_cost.py holds it to _quantity)."""
    num, approx_pre, mult_word, approx, _ = m.groups()
    start, end = m.span()
    mult = MULTIPLIERS[mult_word]
    if num[0].isdigit():
        # \d+(,\d{3})*(\.\d+)?: to_number's float of it without the commas, and half_unit's half of its last digit
        try:
            value = float(num.replace(",", "") if "," in num else num)
        except ValueError:
            return None
        if "." in num:
            half = 0.5 * 10 ** -(len(num) - num.index(".") - 1) * mult
        else:
            half = 0.5 * mult if mult > 1 else 0.0
        op = op_for(text, start, end)
    else:
        read = to_number(num)
        if read is None:
            return None
        value, half = read, 0.0
        op = ">=" if num[0] == "上" else op_for(text, start, end)       # 上百场: at least a hundred
    raw = m.group(0).strip()
    before = P.APPROX_BEFORE.search(text, max(0, start - 2), start)       # no look-around: as in the slice
    word = approx or approx_pre or (before.group("word") if before else None)
    if word:
        half = max(half, _place(num, mult))
        raw = (before.group("word") if before else "") + raw
    if mult != 1:
        value = _scaled(num, value, mult) if num[0].isdigit() else scale(value, mult)
    return Quantity(value, unit, raw, half, family, op, start, end, word)


def _scaled(num: str, value: float, mult: int) -> float:
    """scale(value, mult) of the digits `num` (value = float(num) without its commas), without Decimal (~2.5 µs a call).

    Of at most 15 digits, float(num) is num's decimal exactly as Decimal(repr(value)) is (a double holds 15 digits);
    scale rounds the exact product once, and so do a float product of the exact integer and the multiplier, and
    Python's division of two integers.  Longer figures go through scale."""
    if len(num) > 15:
        return scale(value, mult)
    if "." not in num:
        return value * mult
    point = num.index(".")
    return int(num[:point].replace(",", "") + num[point + 1:]) * mult / 10 ** (len(num) - point - 1)


def target_figures(text: str, found: list[Quantity]) -> list[Quantity]:
    """The figures of `text` that can be targets: not the money funding the work (市级财政安排就业补助资金
    2.1亿元), nor counts of the projects themselves (确定十个方面18项为民办实事项目)."""
    out: list[Quantity] = []
    changes: list[Quantity] = []
    scope: Quantity | None = None
    for q in found:
        if is_scope(text, q, scope):
            scope = q
            continue          # 计划退出的3个乡和12个村: whom the work is for
        if _is_change(text, q, changes):
            changes.append(q)
            continue          # 比上年提高60元和400元: increases
        if q.unit == "元" and P.FUNDING.search(text[last_mark(text, q.start, "，,；;。：:（(") + 1:q.start]):
            continue          # the money of the figure's clause
        if q.unit in ("个", "项", "件") and (P.PROJECT_COUNT_AFTER.search(text[q.end:q.end + 10])
                                            or P.PROJECT_COUNT_BEFORE.search(text[max(0, q.start - 6):q.start])):
            continue
        out.append(q)
    return out


def is_scope(text: str, q: Quantity, scope: Quantity | None) -> bool:
    """The figure counts the places a plan names at its clause's opening (P.SCOPE_BEFORE), or is the next
    count of such a list (`scope`, the last one)."""
    if scope is not None and P.SCOPE_JOIN.fullmatch(text, scope.end, q.start):
        return True
    return q.unit in ("个", "户", "人", "家", "所") and text[q.start - 1:q.start] == "的" and \
        P.SCOPE_BEFORE.fullmatch(text, last_mark(text, q.start, "，,；;。：:") + 1, q.start) is not None


def _is_change(text: str, q: Quantity, changes: list[Quantity]) -> bool:
    """An increase of a standard (提高30元) or a comparison (比上年增加2所), or a figure listed right after one."""
    if changes and P.LIST_JOIN.fullmatch(text[changes[-1].end:q.start]):
        return True
    if P.OVER_TASK_BEFORE.search(text, max(0, q.start - 8), q.start):
        return True           # 超任务20元 / 超出任务8个: by how much the task was passed
    m = P.INCREASE_BEFORE.search(text, max(0, q.start - 20), q.start)
    return m is not None and (bool(m.group("comparison")) or (q.unit or "").startswith("元"))


# 覆盖率达到100% / 比例不低于50% / 满意度95%以上: a share promised by a plan


def percent_targets(text: str) -> list[Quantity]:
    """Percentages a plan sets as targets (unit %), never the rates a report states."""
    out = []
    for m in P.PERCENT_TARGET.finditer(text):
        word = m.group(0)
        if P.REACHED_VERB.search(text[max(0, m.start() - 2):m.start()]) \
                and not P.PROMISE_WORD.search(word):
            continue      # 完成率56.3%: a rate reached, not one promised
        op = ">=" if "不低于" in word or "以上" in word else "<=" if "以内" in word or "以下" in word or "控制在" in word else "="
        out.append(Quantity(value=float(m.group("num")), unit="%", raw=m.group("num") + "%" + (m.group("after") or ""),
                            half=0.0, family="share", op=op, start=m.start("num"), end=m.end()))
    return out


def plan_figures(text: str, units: dict[str, tuple[str, str]]) -> list[Quantity]:
    """新增养老床位300张，覆盖率达到100%: the figures a plan's task sets, counts and shares, in order of writing."""
    return sorted(target_figures(text, find_quantities(text, units)) + percent_targets(text), key=lambda q: q.start)


def _measure_before(text: str, pos: int) -> str:
    """参合率达到 → 参合: the measure a share written at `pos` is of ("" when none is named)."""
    m = P.SHARE_NAME.search(text[max(0, pos - 14):pos])
    return m.group("name") if m else ""


def _share(m: re.Match, raw: str, op: str = "=") -> Quantity:
    """The share a match's `num` group writes, in %."""
    return Quantity(value=float(m.group("num")), unit="%", raw=raw, half=0.0, family="share", op=op,
                    start=m.start("num"), end=m.end())


def shares_in_report(text: str) -> tuple[list[Quantity], list[Quantity]]:
    """A report's shares: the ones promised and the ones reached against them.

    参合率达到98%以上，实际参合率98.6% → ([98 '>='], [98.6]); 失业率控制在3.5%以内 → ([3.5 '<='], []).
    A share is promised when it carries a bound (以上, 以内, 不低于, 控制在) or is called the 目标; one
    reached is a plain share of the same measure (参合率) as a promised one. 签约率达到82.6% alone is neither."""
    promised: list[tuple[str, Quantity]] = []
    plain: list[tuple[str, Quantity]] = []
    for q in percent_targets(text):
        name = _measure_before(text, q.start)
        if P.FUNDING_SHARE.fullmatch(name):
            continue      # 拨付率达到95%以上: the money's pace, neither a target nor progress (022)
        if q.op != "=" or P.SHARE_PROMISED.match(text[q.end:q.end + 4]):
            promised.append((name, q))
        else:
            plain.append((name, q))
    for m in P.SHARE_GOAL.finditer(text):        # 入园率目标92%: a share named the goal
        if not any(q.start == m.start("num") for _, q in promised + plain):
            promised.append((_measure_before(text, m.start("num")),
                             _share(m, text[m.start("num"):m.end()], _BOUND_OF.get(m.group("after") or "", "="))))
    later = list(P.REACHED_SHARE.finditer(text)) if promised or plain else []     # read only against a share
    if later:
        # 入园率达到92%，现已达到91.2%: a plain share followed by the level reached now is the promise
        first = min(q.start for _, q in promised + plain)
        opening = next((x for x in plain if x[1].start == first), None)
        if opening and later[-1].start() > opening[1].end \
                and not P.REACHED_BEFORE_SHARE.search(text, max(0, first - 14), first):
            plain.remove(opening)
            promised.append(opening)
        spans = [(q.start, q.end) for _, q in promised + plain]
        if promised:
            plain += [(promised[0][0], _share(m, m.group("num") + "%")) for m in later
                      if m.start() > first and not any(a <= m.start("num") < b for a, b in spans)]
    names = {n for n, _ in promised}
    return [q for _, q in sorted(promised, key=lambda x: x[1].start)], [q for n, q in plain if n in names]
