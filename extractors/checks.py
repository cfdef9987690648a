"""The checks: one function per flag code, all listed in CHECKS.

Each check reads an Extraction (and the Document, for UNPARSED) and yields Flags with a
Chinese message that gives the numbers on both sides.  A false alarm costs a supervisor's
trust as much as a miss, so every rule gives the document the benefit of its written
precision: 44.63% means 44.625–44.635, 2.3万 means 22950–23050, and a boundary is consistent.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Any

from . import patterns as P
from .metadata import _date, printed_date
from .normalize import normalize, simplify
from .numbers import to_number
from .records import Evidence, Extraction, Flag, Progress, Quantity, Summary, Target
from .summaries import Share, composed_counts, sentence_breakdowns, stated_shares
from .wrapping import continued_lines, paragraph_lines, rejoin

# a verb of work done
_WORK_WORD = re.compile(r"完成|建成|新增|改造|建设")
# 2031年
_YEAR_WORD = re.compile(r"(19|20)\d{2}年")

MEASURED = {"area", "length", "volume", "weight"}           # 平方米, 公里, 立方米, 吨: measured, not counted
COUNTED = {"items", "institutions", "facilities", "households", "dwellings", "persons", "beds", "cases", "points"}
CN_NUMS = "一二三四五六七八九十"
MONTH_TO_DATE_FROM = 21      # 下旬: a report of 1-N月 published from the 21st of month N counts the month to date

# 截至2016.6.30 / 统计截止日期：2016-06-30 / 截止2020/9/15 -> y, m, d: the day a report's figures stand at
AS_OF_DOTTED = re.compile(r"(?:截至|截止)(?:日期|时间)?\s*[:：]?\s*(?P<y>(?:19|20)\d{2})\s*[.\-/]\s*(?P<m>1[0-2]|0?[1-9])"
                          r"\s*[.\-/]\s*(?P<d>[0-3]?\d)(?!\d)")


def _pct_interval(raw: str | None, value: float) -> tuple[float, float]:
    if raw and "." in raw:
        h = 0.5 * 10 ** -len(raw.split(".")[1])
    else:
        h = 0.5
    return value - h, value + h


def rate_consistent(done: float, done_half: float, target: float, target_half: float,
                    rate: float, rate_raw: str | None) -> bool:
    """Can some completed value and target within their written precision give the rate?"""
    lo_r, hi_r = _pct_interval(rate_raw, rate)
    d_lo, d_hi = done - done_half, done + done_half
    t_lo, t_hi = max(target - target_half, 1e-9), target + target_half
    lo, hi = 100 * d_lo / t_hi, 100 * d_hi / t_lo
    eps = 1e-9
    return hi + eps >= lo_r and lo - eps <= hi_r


def _fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def check_rate(ex: Extraction, doc=None) -> Iterator[Flag]:
    """RATE_MISMATCH: completed / target against the stated completion rate."""
    flagged: set[tuple] = set()
    beside: dict[int, list] = {}        # the tasks each line states, of every project read from it
    for p in ex.projects:
        if p.evidence.line is not None:
            beside.setdefault(p.evidence.line, []).extend(p.targets)
    for p in ex.projects:
        for g in p.progress:
            if not (g.is_completion_rate or _share_column(g)) or g.completed is None or g.rate is None \
                    or (g.region != p.region and g.base is None):
                continue
            base = _base_for(p.targets, g) if g.region == p.region else None    # a county's own task: g.base
            if base is None:
                s = g.base
                if s is None or not s.total:
                    continue
                denominators = [(s.total, 0.0)]
                if "cancelled" in s.parts:
                    denominators.append((s.total - s.parts["cancelled"], 0.0))
                unit = s.unit
            else:
                denominators = [(base.value, 0.0)]    # a target is a set number, not a rounded count
                unit = base.unit
            c = g.completed
            done = [c.value] + [c.value * k for k in _unit_column_scales(c, base)]
            if any(rate_consistent(d, c.half, t, th, g.rate, g.rate_raw) for d in done for t, th in denominators):
                continue
            if _standard_met(c, unit, denominators[0][0], g.rate):
                continue
            if base is not None and any(x is not base and x.unit == base.unit and x.op == "="
                                        and rate_consistent(c.value, c.half, x.value, 0.0, g.rate, g.rate_raw)
                                        for x in (beside.get(g.line, []) if g.line is not None else [])):
                continue     # 三年改造1.2万户…已下达任务9000户，累计完成7200户，占总任务的60%: the rate is of the
                #              other task the line states (7200 ÷ 12000), not a mismatch with the one read beside it
            t = denominators[0][0]
            actual = 100 * c.value / t
            flagged.add((g.line, g.rate))
            yield Flag("RATE_MISMATCH", "error",
                       f"{p.name}：已完成{_fmt(c.value)}{c.unit or ''}/任务{_fmt(t)}{unit or ''}={actual:.2f}%，"
                       f"文中为{g.rate_raw or g.rate}%",
                       Evidence(text=g.text, line=g.line), expected=round(actual, 2), found=g.rate, project=p)
    yield from _share_flags(ex, doc, flagged)


def _share_flags(ex: Extraction, doc, flagged: set[tuple]) -> Iterator[Flag]:
    """共15项，其中完成3项，占27%: a stated share of a count against part ÷ total, with the same interval
    arithmetic as a completion rate (the counts are exact; the share stands for ± half its last digit)."""
    for sh in _shares(ex, doc):
        if (sh.evidence.line, sh.rate) in flagged or rate_consistent(sh.part, 0, sh.total, 0, sh.rate, sh.raw):
            continue
        actual = 100 * sh.part / sh.total
        yield Flag("RATE_MISMATCH", "error",
                   f"{sh.label}：{_fmt(sh.part)}{sh.unit}/共{_fmt(sh.total)}{sh.unit}={actual:.2f}%，文中占比为{sh.raw}%",
                   sh.evidence, expected=round(actual, 2), found=sh.rate)


def _share_column(g: Progress) -> bool:
    """已完成数 | 占比: a table's 占比 column beside a completed figure is completed ÷ target."""
    return g.rate is not None and g.completed is not None and "占比" in (g.measure or "")


def _standard_met(c, unit: str | None, target: float, rate: float | None) -> bool:
    """参保率 96.2% against a target of 95% stated as 完成率 100; 低保标准 644元 against 600元 stated as 100%: a
    figure at or above its level counts as done (达标, 100%), not as 107.3% of it."""
    return rate == 100 and c.value >= target and (c.unit is None or unit is None or c.unit == unit)


def _unit_column_scales(c, base: Target | None) -> list[float]:
    """8000万 | 6420 | 80%: a completed cell written without its unit under a target in 万 (or 亿) may count in
    the target's 万 as well."""
    if c.unit is not None or base is None or not base.raw:
        return []
    return [k for word, k in (("万", 1e4), ("亿", 1e8)) if word in base.raw]


def _base_for(targets: list[Target], g: Progress) -> Target | None:
    """The target a completed figure is measured against: same unit, else same family; a completed cell without a
    unit (5200人 | 6170 | 118%) is measured against the row's one target."""
    c = g.completed
    if c is None:
        return None
    targets = list({(t.value, t.unit): t for t in targets}.values())     # 5200人 in the name and in its column
    if c.unit is None:
        eq = [t for t in targets if t.value and (t.op == "=" or t.approx)]
        if len(eq) == 1:
            return eq[0]
    same = [t for t in targets if t.value and t.unit == c.unit and (t.op == "=" or t.approx)]
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        return None
    fam = [t for t in targets if t.value and t.family == c.family and (t.op == "=" or t.approx) and _compatible(t, c)]
    if len(fam) == 1:
        return fam[0]
    kin = [t for t in targets if t.value and (t.op == "=" or t.approx) and t.unit and c.unit and t.unit[-1] == c.unit[-1]]
    return kin[0] if len(kin) == 1 else None


def _compatible(t, c) -> bool:
    return (t.unit in ("人", "名") and c.unit in ("人", "名")) or t.unit == c.unit


# counted units a completed figure cannot be measured against (a person is not a visit, an operation, a household)
UNIT_CLASHES = {("人", "人次"), ("人次", "人"), ("名", "人次"), ("人次", "名"), ("套", "户"), ("户", "套"),
                ("名", "例"), ("例", "名"), ("人", "例"), ("例", "人"), ("个", "所"), ("所", "个"),
                ("人", "户"), ("户", "人"), ("户", "间"), ("间", "户"),      # 1.8万农村人口 … 已解决1.52万户
                ("条", "处"), ("处", "条")}                                   # 断头路6条 … 6处路桥 (two of them bridges)
# the clashes between a row label's unit and its target: 个 against 所 names the same school twice, not two things
NAME_CLASHES = UNIT_CLASHES - {("个", "所"), ("所", "个")}
# the units of a target a row label's unit can clash with
_CLASHING_TARGET_UNITS = frozenset(target for _, target in NAME_CLASHES)
# 城市棚户区改造（户） / 新增就业(人): the unit a row label counts in, in brackets after the name
NAME_UNIT = re.compile(r"[（(]\s*(?P<u>人次|[人名户套间条处例所个])\s*[)）]")


def check_unit(ex: Extraction, doc=None) -> Iterator[Flag]:
    """UNIT_MISMATCH: a completed figure counted in another kind of unit than its target; a row label that counts
    in one unit (棚户区改造（户）) over a target written in another (4300套)."""
    for p in ex.projects:
        flag = None
        counts_only = len(p.targets) == 1 and all(g.rate is None for g in p.progress) and \
            len({g.completed.unit for g in p.progress if g.completed}) == 1      # 3000名 … 新增310例，达2650例
        for g in p.progress:
            c = g.completed
            alone = g.rate is None and counts_only
            if c is None or not p.targets or not (g.is_completion_rate or alone) or g.region:
                continue
            if any(t.unit == c.unit or _compatible(t, c) for t in p.targets):
                continue
            clash = [t for t in p.targets if (t.unit, c.unit) in UNIT_CLASHES]
            if not (len(clash) == 1 and (alone or _gives_rate(c, clash[0], g))):
                clash = _counted_vs_measured(p.targets, g)
            if len(clash) == 1:
                t = clash[0]
                flag = Flag("UNIT_MISMATCH", "warning",
                            f"{p.name}：目标为{_written(t)}，完成数写作{c.raw}（{t.unit} 与 {c.unit} 不是同一单位）",
                            Evidence(text=g.text, line=g.line), expected=t.unit, found=c.unit, project=p)
                break
        yield from [flag] if flag else _name_unit_clash(p)


def _gives_rate(c, t: Target, g: Progress) -> bool:
    """Does the completed figure `c` over the target `t` give the progress's stated rate?"""
    return t.value is not None and g.rate is not None and rate_consistent(c.value, c.half, t.value, t.half,
                                                                           g.rate, g.rate_raw)


def _written(t: Target | Quantity) -> str:
    """A target or a figure as the document wrote it (5800人), else its value and unit."""
    return t.raw or (_fmt(t.value) if t.value is not None else "") + (t.unit or "")


@lru_cache(maxsize=256)
def _normalized(text: str) -> str:      # a long line is the evidence of many records: normalised once
    return normalize(text).text


UNIT_AFTER = re.compile(r"\s*" + NAME_UNIT.pattern)
# 城市棚户区改造（户） -> u=户: the unit a name ends with
UNIT_AT_END = re.compile(NAME_UNIT.pattern + r"\s*$")


@lru_cache(maxsize=1024)
def _unit_after(name: str, text: str) -> re.Match | None:
    """re.search(escape(name) + UNIT_AFTER): the first place the name is followed by its unit, found
    with str.find and one compiled pattern rather than a pattern compiled for every name; kept, since
    the records of one long line often share their name and their evidence."""
    at = text.find(name)
    while at >= 0:
        m = UNIT_AFTER.match(text, at + len(name))
        if m:
            return m
        at = text.find(name, at + 1)
    return None


def _name_unit_clash(p) -> Iterator[Flag]:
    """城市棚户区改造（户） | 4300套: the row label counts households, its target dwellings (once a project)."""
    if p.region or not any(t.unit in _CLASHING_TARGET_UNITS for t in p.targets):
        return            # nothing the name's unit could clash with: its name and evidence need not be read
    # the unit is written in brackets, and normalising makes none: a name and texts without one need not be read
    texts = [x for x in [p.evidence.text if p.evidence else None, *(t.text for t in p.targets)]
             if x and ("(" in x or "（" in x)]
    if not texts and "(" not in p.name and "（" not in p.name:
        return
    name = normalize(p.name).text.strip()
    m = UNIT_AT_END.search(name)
    for text in texts if m is None and name else ():
        m = _unit_after(name, _normalized(text))
        if m:
            break
    if m is None or p.region or any(t.unit == m.group("u") for t in p.targets):
        return
    clash = [t for t in p.targets if (m.group("u"), t.unit) in NAME_CLASHES]
    if len(clash) == 1:
        t = clash[0]
        yield Flag("UNIT_MISMATCH", "warning",
                   f"{p.name}：项目按“{m.group('u')}”计，目标写作{_written(t)}"
                   f"（{m.group('u')} 与 {t.unit} 不是同一单位）",
                   p.evidence, expected=m.group("u"), found=t.unit, project=p)


def _counted_vs_measured(targets: list[Target], g: Progress) -> list[Target]:
    """改造老旧小区45个 … 已完成改造面积38万平方米，完成率84.4%: a count against a measure, and the rate is
    the one figure divided by the other as written (38 / 45) — the writer divided unlike things."""
    c = g.completed
    if c is None:
        return []
    kinds = [t for t in targets if t.value and t.op == "=" and {t.family, c.family} & MEASURED
             and {t.family, c.family} & COUNTED and t.family != c.family]
    if len(kinds) != 1 or g.rate is None:
        return []
    t = kinds[0]
    done, target = _as_written(c.raw), _as_written(t.raw)
    if done is None or target is None:
        return []
    return [t] if rate_consistent(done[0], done[1], target[0], target[1], g.rate, g.rate_raw) else []


def _as_written(raw: str | None) -> tuple[float, float] | None:
    """38万平方米 -> (38, 0.5): the figure's digits and their precision, without its 万."""
    m = re.search(r"\d+(?:\.\d+)?", (raw or "").replace(",", ""))
    if m is None:
        return None
    return float(m.group(0)), _pct_interval(m.group(0), 0)[1]


def check_over(ex: Extraction, doc=None) -> Iterator[Flag]:
    """OVER_COMPLETION (info): a completion rate above 100%, or, where no rate is stated, a count so far
    above the project's one task in its unit (新增养老床位500张，已建成620张)."""
    for p in ex.projects:
        for g in p.progress:
            if g.is_completion_rate and g.rate is not None and g.rate > 100:
                who = f"{g.region}" if g.region else ""
                yield Flag("OVER_COMPLETION", "info", f"{p.name}：{who}完成年任务{g.rate_raw or g.rate}%，超过100%",
                           Evidence(text=g.text, line=g.line), expected=100, found=g.rate, project=p)
            elif g.rate is None and g.completed is not None and g.region is None:
                tasks = [t for t in p.targets if t.unit == g.completed.unit]
                task = tasks[0].value if len(tasks) == 1 and tasks[0].op == "=" else None
                if task is not None and 0 < task < g.completed.value:
                    share = round(g.completed.value / task * 100, 1)
                    yield Flag("OVER_COMPLETION", "info",
                               f"{p.name}：完成{_written(g.completed)}，超过任务{_written(tasks[0])}（{share:g}%）",
                               Evidence(text=g.text, line=g.line), expected=task, found=g.completed.value, project=p)


def check_sum(ex: Extraction, doc=None) -> Iterator[Flag]:
    """SUM_MISMATCH: the parts of a count statement against its total.  A line with a tally (the total and
    every clause that splits it) is checked on the tally only, not again on a partial reading of it."""
    tallied = {s.evidence.line for s in ex.summaries if s.scope == "tally"}
    counted = {s.evidence.line for s in ex.summaries if s.parts and s.scope in ("tally", "status", "pieces")}
    for s in ex.summaries + [b for b in _breakdowns(ex, doc) if b.evidence.line not in counted]:
        if not s.parts or s.total is None or s.scope == "list":
            continue
        if s.scope in ("status", "pieces") and s.evidence.line in tallied:
            continue
        total = sum(s.parts.values())
        if s.scope == "money":
            if abs(total - s.total) > s.tolerance + 1e-6:
                parts = "+".join(f"{_fmt(v)}" for v in s.parts.values())
                yield Flag("SUM_MISMATCH", "error", f"{s.subject or ''}：其中{parts}={_fmt(total)}元，与总额{_fmt(s.total)}元不符",
                           s.evidence, expected=s.total, found=total)
            continue
        if s.scope == "places" and total <= s.total:
            continue          # 其中城东区12个、城西区10个: a list of some places may fall short, never pass the total
        if abs(total - s.total) > 1e-9 and (s.remainder or total > s.total or len(s.parts) >= 3):
            parts = "+".join(f"{_fmt(v)}" for v in s.parts.values())
            yield Flag("SUM_MISMATCH", "error",
                       f"{s.subject or ''}：各部分{parts}={_fmt(total)}{s.unit or ''}，与总数{_fmt(s.total)}{s.unit or ''}不符",
                       s.evidence, expected=s.total, found=total)
    yield from _sheet_sums(ex)
    yield from _subtotal_sums(ex)


def _subtotal_sums(ex: Extraction) -> Iterator[Flag]:
    """A table's 小计 against the rows since the last 小计, its 总计 against every row (not against the 小计s,
    so one wrong 小计 is one error, not two)."""
    by_table: dict[int, list] = {}
    for p in ex.projects:
        if p.table is not None:
            by_table.setdefault(p.table, []).append(p)
    for projects in by_table.values():
        if not any(p.subtotal for p in projects):
            continue
        rows: list = []
        last: dict[str, int] = {}            # total-row kind (小计, 总计…) -> how many rows came before the last one
        for p in sorted(projects, key=lambda p: p.row or 0):
            if not p.subtotal:
                rows.append(p)
                continue
            total_row = P.TOTAL_ROW.search(p.name)
            kind = total_row.group("kind") if total_row else p.name
            yield from _column_sums(p, rows[last.get(kind, 0):])
            last[kind] = len(rows)


def _column_sums(total, rows: list) -> Iterator[Flag]:
    if len(rows) < 2:
        return
    """Each figure of a total row against the rows' figures in the same unit (one a row, else not checked)."""
    for what, figures in (("目标", lambda p: p.targets),
                          ("完成数", lambda p: [g.completed for g in p.progress if g.completed])):
        for stated in figures(total):
            unit, value, half = stated.unit, stated.value, stated.half
            values = [[(q.value, q.half) for q in figures(p) if q.unit == unit] for p in rows]
            if any(len(v) != 1 for v in values):
                continue
            found = sum(v[0][0] for v in values)
            slack = half + sum(v[0][1] for v in values) + 1e-6 * abs(value)
            if abs(found - value) > slack:
                yield Flag("SUM_MISMATCH", "error",
                           f"{total.name}{what}：各行合计{_fmt(found)}{unit or ''}，{total.name}行为{_fmt(value)}{unit or ''}，"
                           f"相差{_fmt(abs(found - value))}{unit or ''}",
                           total.evidence, expected=found, found=value, project=total)


def _sheet_sums(ex: Extraction) -> Iterator[Flag]:
    """County rows of a summary table against its total row, for targets and completed figures."""
    groups: dict[str, list] = {}
    for p in ex.projects:
        key = p.sheet_group
        if key:
            groups.setdefault(key, []).append(p)
    for projects in groups.values():
        totals = [p for p in projects if p.region is None]
        counties = [p for p in projects if p.region is not None]
        if len(totals) != 1 or len(counties) < 2:
            continue
        total = totals[0]
        for what, get in (("年度任务", lambda p: p.targets[0].value if p.targets else None),
                          ("完成数", lambda p: p.progress[0].completed.value
                           if p.progress and p.progress[0].completed else None)):
            whole = get(total)
            parts = [v for v in (get(p) for p in counties) if v is not None]
            if whole is None or len(parts) != len(counties):
                continue
            if abs(sum(parts) - whole) > 0.5:
                yield Flag("SUM_MISMATCH", "error",
                           f"{total.name}{what}：各县（市、区）合计{_fmt(sum(parts))}，总计行为{_fmt(whole)}，相差{_fmt(abs(sum(parts) - whole))}",
                           total.evidence, expected=sum(parts), found=whole, project=total)


def check_count(ex: Extraction, doc=None) -> Iterator[Flag]:
    """COUNT_MISMATCH: a declared number of items against the items listed."""
    for s in ex.summaries + _composed(ex, doc):
        if s.scope in ("list", "composed") and s.listed is not None and s.total is not None and s.listed != s.total:
            message = f"{s.subject or ''}：文中称共{_fmt(s.total)}个，实际列出{s.listed}个" if s.scope == "list" else \
                f"“{s.subject}”：{s.listed - len(s.items)}件加上另列的{'、'.join(s.items)}共{s.listed}件，与所称{_fmt(s.total)}件不符"
            yield Flag("COUNT_MISMATCH", "error", message, s.evidence, expected=s.total, found=s.listed)
    yield from _declared_vs_table(ex)
    yield from _threshold_vs_rates(ex)


def _threshold_vs_rates(ex: Extraction) -> Iterator[Flag]:
    """完成率超过时序进度的县（市）共10个 against the regions' own completion rates (11 of them above)."""
    rates: dict[str, float] = {}
    for p in ex.projects:
        for g in p.progress:
            if g.region and g.is_completion_rate and g.rate is not None:
                rates.setdefault(g.region, g.rate)
    for s in ex.summaries:
        if s.scope != "threshold" or s.total is None or s.threshold is None or len(rates) < s.total:
            continue
        if s.above:
            counted = [r for r, v in rates.items() if v > s.threshold or (v == s.threshold and "达到" in (s.subject or ""))]
        else:
            counted = [r for r, v in rates.items() if v < s.threshold]
        if len(counted) != s.total:
            yield Flag("COUNT_MISMATCH", "error",
                       f"文中称{s.subject}，按各地完成率实际有{len(counted)}个：{'、'.join(counted)}",
                       s.evidence, expected=s.total, found=len(counted))


def _declared_vs_table(ex: Extraction) -> Iterator[Flag]:
    tabled = any(p.table is not None for p in ex.projects)
    table_projects = [p for p in ex.projects if p.table is not None and not p.subtotal] or \
        [p for p in ex.projects if p.seq and p.region is None and p.sheet_group is None]
    if not table_projects:
        return
    several_lists = len({p.table for p in table_projects}) > 1 or len({p.level for p in table_projects}) > 1
    # a table's category rows may be the 实事 counted, its numbered rows their tasks; a prose list's items are counted
    tasks_numbered = tabled and any(p.category for p in table_projects) and all(p.seq and p.seq.isdigit() for p in table_projects)
    categories = []
    for p in table_projects:
        if p.category and p.category not in categories:
            categories.append(p.category)
    rows = sum(max(1, len(p.targets)) for p in table_projects)
    seen = set()
    for s in ex.summaries:
        if s.scope not in ("projects", "indicators") or s.total is None:
            continue
        if s.scope == "projects":
            listed = len(categories) if tasks_numbered else len(table_projects)
            what = "类别" if tasks_numbered else "项目"
        elif not tabled and s.unit == "项" and all(p.seq and p.seq.isdigit() for p in table_projects):
            listed, what = len(table_projects), "项目"      # 6个方面20项 over items 1．–20．: each item is one 项
        else:
            listed = len(table_projects) if tasks_numbered else rows
            what = "任务" if tasks_numbered else "指标"
        s.listed = listed
        if listed == s.total or (s.scope, s.total) in seen or not 0.5 * s.total <= listed <= 2 * s.total:
            continue
        if several_lists and "共" not in s.evidence.text:
            continue      # 省级5项 in a document with 省级, 市级 and 县级 lists counts one list only
        seen.add((s.scope, s.total))
        yield Flag("COUNT_MISMATCH", "error", f"文中称{_fmt(s.total)}{s.unit or ''}，表中实际列出{listed}个{what}",
                   s.evidence, expected=s.total, found=listed)


def _as_int(seq: str | None) -> int | None:
    if not seq:
        return None
    s = seq.strip("（()）、. ")
    if s.isdigit():
        return int(s)
    if all(ch in CN_NUMS for ch in s):
        v = to_number(s)
        return int(v) if v else None
    return None


def check_numbering(ex: Extraction, doc=None) -> Iterator[Flag]:
    """NUMBERING_GAP: a sequence in a table that skips or repeats a number."""
    by_table: dict[int, list] = {}
    for p in ex.projects:
        if p.table is not None:
            by_table.setdefault(p.table, []).append(p)
    for projects in by_table.values():
        seqs = [(_as_int(p.seq), p) for p in projects]
        for arabic in (True, False):      # 一 | 就业 rows over 1 | 2 rows: two sequences, not 2 written twice
            yield from _gaps([x for x in seqs if x[0] is not None and (x[1].seq or "").isdigit() == arabic], "序号")
        cats: list[tuple[int | None, str, Any]] = []
        for p in projects:
            cs = p.category_seq
            if cs and (not cats or cats[-1][1] != cs):
                cats.append((_as_int(cs), cs, p))
        yield from _gaps([(n, p) for n, _, p in cats if n is not None], "类别序号")
    yield from _item_gaps(ex, doc.lines if doc is not None else [])
    if doc is not None:
        yield from _circled_gaps(doc.lines)


def _item_gaps(ex: Extraction, lines: list[str]) -> Iterator[Flag]:
    """Numbered prose items （一）（二）…（五）（五）（七）: one flag for a run that repeats or skips (a run
    restarts at 1), naming every break.  A number the document writes at a line's start between two
    items (an item read as something else) is no skip; two projects of one line are one item."""
    items = sorted((p for p in ex.projects if p.table is None and p.seq and p.evidence and p.evidence.line),
                   key=lambda p: p.evidence.line or 0)
    # 三、基本完成的项目 between items 6． and 7．: a heading's numbers and its items' are two sequences;
    # so are 3． 4． and the （1）（2） nested in them
    for arabic in (True, False):
        group = [p for p in items if (p.seq or "").strip("（()）、. ").isdigit() == arabic]
        parents = {p.evidence.line for p in group if not _bracketed(p) and p.evidence.line}
        yield from _item_run_gaps([p for p in group if not _bracketed(p)], lines)
        yield from _item_run_gaps([p for p in group if _bracketed(p)], lines, parents)


def _bracketed(p) -> bool:
    """（2）… / (2)…: an item whose number is written in brackets (a sub-item under 3．, or its own list)."""
    return (p.seq or "")[:1] in "（(" or (p.evidence.text or "").lstrip()[:1] in "（("


def _item_run_gaps(items: list, lines: list[str], parents: set[int] | None = None) -> Iterator[Flag]:
    """`parents`: the lines of the items (3． 4．) the bracketed ones (（1）（2）) are nested in; a parent between two
    sub-items starts the sub-items' count again, whether or not its （1） was read as an item of its own."""
    runs: list[list] = []
    seen: set[int] = set()
    for p in items:
        n = _as_int(p.seq)
        if n is None or p.evidence.line in seen:
            continue
        seen.add(p.evidence.line)
        if runs and runs[-1] and n - runs[-1][-1][0] > 1 and _written_between(lines, runs[-1][-1], p, n):
            runs.append([])       # the missing numbers are written: an item read otherwise, not a gap
        elif runs and runs[-1] and any(runs[-1][-1][1].evidence.line < ln < p.evidence.line for ln in parents or ()):
            runs.append([])       # a new parent item: its sub-items count from 1 again
        if n == 1 or not runs:
            runs.append([])
        runs[-1].append((n, p))
    for run in runs:
        if len(run) < 3:
            continue
        found = list(_gaps(run, "序号"))
        if found:
            first = found[0]
            yield Flag("NUMBERING_GAP", "warning", "；".join(f.message for f in found), first.evidence,
                       expected=first.expected, found=first.found, project=first.project)


def _written_between(lines: list[str], prev: tuple, b, n: int) -> bool:
    for text in lines[prev[1].evidence.line:b.evidence.line - 1]:
        m = P.ITEM.match(text or "")
        k = _as_int(next((g for g in m.groups() if g), "")) if m else None
        if k is not None and prev[0] < k < n:
            return True
    return False


def _circled_gaps(lines: list[str]) -> Iterator[Flag]:
    """Sub-items numbered ①②④ (inline or one a line): a run restarts at ①, and skips or repeats otherwise."""
    if not P.CIRCLED.search("\n".join(lines)):
        return              # most documents number nothing ①②③: one scan of the text, not one a line
    prev = None
    for i, line in enumerate(lines, 1):
        for m in P.CIRCLED.finditer(line):
            n = ord(m.group(0)) - 0x245F
            if prev is not None and n != 1 and (n == prev or 1 < n - prev < 10):
                what = f"序号{_circled(prev)}重复出现" if n == prev else \
                    f"序号从{_circled(prev)}跳到{_circled(n)}，缺第{'、'.join(_circled(x) for x in range(prev + 1, n))}项"
                yield Flag("NUMBERING_GAP", "warning", what, Evidence(text=line.strip()[:300], line=i),
                           expected=prev + 1, found=n)
            prev = n


def _circled(n: int) -> str:
    return chr(0x245F + n)


def _gaps(seqs: list, what: str) -> Iterator[Flag]:
    for (a, pa), (b, pb) in pairwise(seqs):
        if b == 1:
            continue    # a new list starts
        if b - a > 1 and b - a < 10:
            missing = "、".join(str(x) for x in range(a + 1, b))
            yield Flag("NUMBERING_GAP", "warning", f"{what}从{a}跳到{b}，缺第{missing}项", pb.evidence,
                       expected=a + 1, found=b, project=pb)
        elif b == a:
            yield Flag("NUMBERING_GAP", "warning", f"{what}{a}重复出现", pb.evidence, expected=a + 1, found=b,
                       project=pb)


def check_dates(ex: Extraction, doc=None) -> Iterator[Flag]:
    """DATE_INCONSISTENT: a period ending after the publication date; a deadline before the issue date."""
    d = ex.document
    end = _period_end(d.period.get("to") if d.period else None, d.date, doc)
    if d.date and end and end > d.date:
        yield Flag("DATE_INCONSISTENT", "warning",
                   f"通报期间截至{end}，晚于发布日期{d.date}", Evidence(text=d.title or "", line=None),
                   expected=f"<= {d.date}", found=end)
    printed = _printed(doc)
    if d.date and printed and printed < d.date:
        yield Flag("DATE_INCONSISTENT", "warning", f"版记印发日期{printed}早于成文日期{d.date}",
                   Evidence(text=printed, line=None), expected=f">= {d.date}", found=printed)
    held = _meeting_held(doc)
    if d.date and held and held[0] > d.date:
        yield Flag("DATE_INCONSISTENT", "warning", f"会议召开日期{held[0]}晚于成文日期{d.date}",
                   Evidence(text=held[1], line=held[2]), expected=f"<= {d.date}", found=held[0])
    yield from _beyond_required_year(ex, doc)
    if d.date and d.kind in ("plan", "supervision"):
        for p in ex.projects:
            if p.deadline and p.deadline < d.date:
                yield Flag("DATE_INCONSISTENT", "warning",
                           f"{p.name}：完成时限{p.deadline}早于发文日期{d.date}", p.evidence,
                           expected=f">= {d.date}", found=p.deadline, project=p)


def _beyond_required_year(ex: Extraction, doc) -> Iterator[Flag]:
    """项目须于2026年12月31日前全部建成交付 in the notice's opening, and one item's 完成时限 2027年3月底前 not marked
    跨年度/续建: the item's deadline breaks the document's own rule."""
    lines = [p.evidence.line for p in ex.projects if p.evidence and p.evidence.line]
    late = [p for p in ex.projects if p.deadline and ex.document.year and p.deadline[:4] > str(ex.document.year)]
    if doc is None or not lines or not late:
        return
    rule = next((m for line in doc.lines[:min(lines) - 1] if "前" in line or "内" in line
                 for m in [P.WITHIN_YEAR.search(normalize(line).text)] if m), None)
    year = int(rule.group("y")) if rule and rule.group("y") else ex.document.year
    if rule is None or year is None:
        return
    for p in late:
        if (p.deadline or "") > f"{year}-12-31" and not P.CROSS_YEAR.search(f"{p.name}{p.evidence.text}"):
            yield Flag("DATE_INCONSISTENT", "warning",
                       f"{p.name}：完成时限{p.deadline}晚于文件要求的{year}-12-31（“{rule.group(0)}”），且未注明跨年度",
                       p.evidence, expected=f"<= {year}-12-31", found=p.deadline, project=p)


def _period_end(to: str | None, date: str | None, doc) -> str | None:
    """The last day the report's figures can stand at.  截至12月20日 (or 截至2016.6.30, 统计截止日期：2016-06-30)
    in the period's last month: that day.  Without a stated day, a 1-8月 report published in the last ten days
    of August (下旬, 8月24日) counts the month to date; published earlier (11月18日 for 1-11月), or in a month
    before the period's last, it reports a period that has not ended."""
    end = _month_end(to)
    if end is None or date is None or end <= date:
        return end
    day = _stated_day(doc, end)
    if day is not None:
        return day
    return None if end[:7] == date[:7] and int(date[8:10]) >= MONTH_TO_DATE_FROM else end


def _stated_day(doc, end: str) -> str | None:
    """The day a 截至 in the document's head names in the period's last month, else None."""
    for line in (doc.lines[:40] if doc is not None else []):
        if "截" not in line:
            continue
        text = normalize(line).text
        for m in [*P.AS_OF.finditer(text), *AS_OF_DOTTED.finditer(text)]:
            y = m.group("y") or end[:4]
            if m.group("d") and f"{y}-{int(m.group('m')):02d}" == end[:7] and 1 <= int(m.group("d")) <= int(end[8:]):
                return f"{end[:8]}{int(m.group('d')):02d}"
    return None


def _meeting_held(doc) -> tuple[str, str, int] | None:
    """The date of the meeting a document (a 纪要) reports as held, in its first paragraphs."""
    if doc is None:
        return None
    for i, line in enumerate(doc.lines[:30], 1):
        m = P.MEETING_HELD.search(simplify(line)) if "召开" in line or "举行" in line or "舉行" in line else None
        if m:
            d = P.DATE_CN.fullmatch(m.group("date"))
            iso = _date(d) if d else None
            return (iso, line.strip()[:300], i) if iso else None
    return None


def _printed(doc) -> str | None:
    """The 版记's 印发 date, which can never precede the signing (成文) date."""
    if doc is None:
        return None
    return printed_date([simplify(x) for x in doc.lines[-15:]])


def _month_end(ym: str | None) -> str | None:
    import calendar

    try:
        y, m = (int(x) for x in (ym or "").split("-")[:2])
        return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None




def check_unparsed(ex: Extraction, doc=None) -> Iterator[Flag]:
    """UNPARSED (info): a figure-bearing line no extractor used."""
    if doc is None:
        return
    used = {p.evidence.line for p in ex.projects} | {s.evidence.line for s in ex.summaries}
    used |= {g.line for p in ex.projects for g in p.progress}
    table_lines = {ln for t in doc.tables() for ln in t.row_lines} | \
        {c.line for t in doc.tables() for c in t.cells}
    continued = None
    for i, line in enumerate(doc.lines, 1):
        if i in used or i in table_lines or len(line) > 2000:
            continue
        if P.FIGURE.search(line) and (P.RATE.search(line) or _WORK_WORD.search(line)):
            if is_heading(line):
                continue
            if _YEAR_WORD.search(line) and not re.search(r"\d+(?:\.\d+)?\s*(?:%|人|户|公里)", line):
                continue
            if continued is None:        # a line of a paragraph wrapped in a PDF paste is read with its first line
                continued = continued_lines([(ln, normalize(doc.lines[ln - 1])) for ln in paragraph_lines(doc)])
            if continued.get(i) in used:
                continue
            yield Flag("UNPARSED", "info", "这一行有数字，但没有识别出项目或进度，请人工核对",
                       Evidence(text=line.strip()[:300], line=i))


# （一）新增办理12件民生实事 / 二、建成3所学校: a short numbered heading over the items that give its figures
HEADING_LINE_MAX = 40


def is_heading(line: str) -> bool:
    """A numbered heading: short, no percentage, one clause (no ，。； before its end), its figures told by the
    items below."""
    text = line.strip()
    return len(text) <= HEADING_LINE_MAX and "%" not in text and not re.search(r"[，,。；;]", text.rstrip("。")) \
        and bool(P.HEADING_CN.match(text) or P.HEADING_PAREN.match(text))


# ---- statements the checks read from the text themselves (when extract_records has not) -------------

_PARAGRAPHS: dict[int, tuple] = {}


def _paragraphs(doc) -> list:
    """The document's paragraphs, wrapped lines joined, normalised: read once a document."""
    if doc is None:
        return []
    held = _PARAGRAPHS.get(id(doc))
    if held is None or held[0] is not doc:
        _PARAGRAPHS.clear()          # one document at a time; holding it keeps its id from being reused
        lines = doc.lines
        paras = rejoin([(ln, normalize(lines[ln - 1])) for ln in paragraph_lines(doc)
                        if 0 < ln <= len(lines)]) if _TRIGGER.search("\n".join(lines)) else []
        held = _PARAGRAPHS[id(doc)] = (doc, paras)
    return held[1]


# 其中 / 占 / 比例 / 列入 / 列为: a paragraph that may hold a breakdown, a share or a composed count (no word of it
# spans a line: the text is searched at once, not line by line)
_TRIGGER = re.compile(r"其中|占|比例|列[入为]")


def _read(ex: Extraction, doc, scope: str, reader, word: str) -> list:
    """`reader` asked of each paragraph holding `word`, which every statement it reads holds (most paragraphs
    hold none: a call and the original's strip saved for each)."""
    if any(s.scope == scope for s in ex.summaries):
        return []            # extract_records has read them already
    return [x for ln, nt in _paragraphs(doc) if word in nt.text for x in reader(nt.text, ln, nt.original.strip())]


def _breakdowns(ex: Extraction, doc) -> list[Summary]:
    return _read(ex, doc, "breakdown", sentence_breakdowns, "其中")      # each opens at a 其中 (AMONG_THEM)


def _shares(ex: Extraction, doc) -> list[Share]:
    """Shares live in no record (a Summary holds no rates): the check reads them from the text."""
    return [x for ln, nt in _paragraphs(doc) if "%" in nt.text        # every SHARE ends in %
            for x in stated_shares(nt.text, ln, nt.original.strip())]


def _composed(ex: Extraction, doc) -> list[Summary]:
    return _read(ex, doc, "composed", composed_counts, "实")      # …列入“十件实事”: every COMPOSED holds 实事


CHECKS: list[tuple[str, Callable]] = [
    ("RATE_MISMATCH", check_rate),
    ("SUM_MISMATCH", check_sum),
    ("COUNT_MISMATCH", check_count),
    ("NUMBERING_GAP", check_numbering),
    ("UNIT_MISMATCH", check_unit),
    ("OVER_COMPLETION", check_over),
    ("DATE_INCONSISTENT", check_dates),
    ("UNPARSED", check_unparsed),
]


def run_checks(ex: Extraction, doc=None) -> list[Flag]:
    flags: list[Flag] = []
    for _, check in CHECKS:
        flags.extend(check(ex, doc))
    return one_per_fact(flags)


def one_per_fact(flags: list[Flag]) -> list[Flag]:
    """A fact a document states twice (吉首市完成年任务243% in the item and again in the summary) is one flag, at
    its first line: the same code, message and numbers about a project (a message of no project, such as
    序号3重复出现, may be true of two tables)."""
    seen: set[tuple] = set()
    out = []
    for f in flags:
        if f.project is None:
            out.append(f)
            continue
        key = (f.code, f.message, repr(f.expected), repr(f.found))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
