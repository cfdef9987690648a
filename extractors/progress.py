"""Projects and progress from prose.

A 通报 item reads: 由州人社局牵头组织实施的“实现城镇新增就业2.3万人…”项目：全州城镇新增就业10265人，
完成年任务44.63%…  — one project, its targets (from the quoted name), its lead unit, and
the completed figures each paired with the rate that follows it.  Sentences elsewhere that
state a completion rate (吉首市完成年任务243%) become progress too, attached to the project
they name, or to the heading they stand under.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise

from . import patterns as P
from .numbers import find_quantities
from .people import units_in
from .records import Evidence, Progress, Project, Quantity, Target
from .spans import Cover, last_mark, next_mark


def projects_from_prose(lines: list, gaz, places: set[str]) -> list[Project]:
    """`lines` are (line number, NText) pairs of the paragraphs outside tables."""
    projects: list[Project] = []
    for ln, nt in lines:
        text = nt.text
        m = P.LEAD_PROJECT.search(text)
        if not m:
            continue
        name = m.group("name")
        p = Project(name=name.strip(), evidence=Evidence(text=nt.original.strip(), line=ln))
        seq = P.HEADING_NUM.match(text) or P.ITEM_NUMBER.match(text)
        p.seq = seq.group("seq") if seq else None
        p.lead_units = units_in(m.group("unit"), gaz.org_suffixes)
        for q in find_quantities(name, gaz.units):
            p.targets.append(Target.of(q, _target_text(name, q)))
        body = text[m.end():]
        p.progress = progress_in(body, gaz, places, ln, nt.original.strip(), p.targets)
        status = status_in(body, gaz)
        if status and p.progress:
            for g in p.progress:
                if g.region is None and g.status is None:
                    g.status = status
        elif status:
            p.progress.append(Progress(text=nt.original.strip(), status=status, line=ln))
        projects.append(p)
    return projects


def _target_text(name: str, q: Quantity) -> str:
    """The clause of the quoted name that holds the figure: 建成7个4G基站."""
    start = max(name.rfind(ch, 0, q.start) for ch in "，、,；") + 1
    ends = [i for i in (name.find(ch, q.end) for ch in "，、,；") if i >= 0]
    return name[start:min(ends) if ends else len(name)]


def status_in(text: str, gaz) -> str | None:
    tail = text[-40:]
    for word, status in gaz.statuses:
        if word in tail:
            return status
    return None


def progress_in(text: str, gaz, places: set[str], line: int | None, evidence: str,
                targets: list[Target] | None = None) -> list[Progress]:
    """Completed figures and rates in a progress passage, each rate paired with the figure
    before it in the same sentence; a county at the head of a clause owns the clause's rate.
    A target named inside a rate (完成省下达任务5800人的106.9%) goes to `targets` when given."""
    out: list[Progress] = []
    heads = tuple(places)       # a clause opening with none of them (most) is not searched place by place
    earlier: list[str] = []     # the sentences before this one, where a 分别 list's places may stand
    passage: tuple[str, int] | None = None
    for sent in P.SENTENCE_SPLIT.split(text):
        earlier.append(sent)
        sent = _this_year(sent)
        if not sent.strip() or not P.NUMERAL.search(sent):
            continue          # every figure and every rate holds a numeral (a rate a digit): nothing to read
        pending: dict[int, Progress] = {}    # completed figures awaiting a rate, by identity, in order
        group: list[Progress] = []       # the counts a 分别 list of rates pairs with, in order
        default_region = _region_at(P.SENTENCE_LEAD.sub("", sent.strip()), places, heads)
        rates = _rates(sent)
        rate_starts = [r[0] for r in rates]
        for m in P.PLACE_RATE.finditer(sent) if "%" in sent else ():     # 完成率：乐都区58.2%、平安区61.4%
            if m.group("r") in places and not _any_in(rate_starts, m.start("rate") - 12, m.start("rate")):
                out.append(Progress(text=evidence, region=m.group("r"), rate=float(m.group("rate")),
                                    rate_raw=m.group("rate"), measure="完成率", line=line))
        named = [(m.start("target"), m.end("target")) for m in P.TASK_AFTER_FIGURE.finditer(sent)]
        inside = [(m.start("target"), m.end("target")) for m in P.RATE_OF_TARGET.finditer(sent)] + named
        found = [q for q in find_quantities(sent, gaz.units)      # 超任务120张: over the task, no fact; but
                 if not P.OVER_TASK_BEFORE.search(sent[max(0, q.start - 6):q.start])   # 超额完成1.8万人的目标任务
                 or any(a <= q.start < b for a, b in named)]                          # names the task
        figures = _Figures(found)
        inside += [(q.start, q.end) for q in found
                   if P.TASK_WORD_BEFORE.search(sent[max(0, q.start - 6):q.start])
                   or _whole_task_done(sent, q, figures) or _restated_target(sent, q, figures)
                   or P.STANDARD.search(sent[max(0, q.start - 12):q.start])
                   or (q.op != "=" and not P.REACHED_WORD.search(sent[max(0, q.start - 8):q.start]))]
        listed = set(inside)
        for a, b in pairwise(found):           # 年度任务分别为10个、8个、9个: the list after the first
            if (a.start, a.end) in listed and P.LIST_JOIN.fullmatch(sent[a.end:b.start]):
                inside.append((b.start, b.end))
                listed.add((b.start, b.end))
        tasks = Cover(inside)
        if targets is not None:
            for q in found:
                if any(t.value == q.value and t.unit == q.unit for t in targets):
                    continue      # 年度目标…28所。28所幼儿园已全部建成: the task restated, already recorded
                if tasks.holds(q.start):
                    targets.append(Target.of(q, sent[max(0, q.start - 12):q.end].lstrip("，, ")))
        quantities = [q for q in found if _is_completed(sent, q) and not tasks.holds(q.start)
                      and not (q.unit in ("项", "件") and P.STATUS_COUNT.search(sent[q.end:q.end + 6]))
                      and not (q.unit in ("个", "项", "件") and P.PROJECT_COUNT_BEFORE.search(sent, max(0, q.start - 6), q.start))]
        events = sorted([(q.start, "q", q) for q in quantities] + [(r[0], "r", r) for r in rates],
                        key=lambda e: e[0])
        for pos, _kind, obj in events:
            clause_start = last_mark(sent, pos, "，,、：:") + 1
            region = _region_at(sent[clause_start:pos + 1], places, heads) or default_region
            if isinstance(obj, Quantity):       # kind "q": a completed figure
                g = Progress(text=evidence, completed=obj, region=region, line=line)
                out.append(g)
                pending[id(g)] = g
                continue
            _, value, raw, measure, multi = obj
            together = _listed_places(sent, places, pos) if P.ALL_REACHED_BEFORE.search(sent[max(0, pos - 8):pos]) else []
            if len(together) >= 2:      # 大石坝街道、华新街街道并列第三，均完成61.2%
                for name in together:
                    out.append(Progress(text=evidence, region=name, rate=value, rate_raw=raw, measure=measure, line=line))
                continue
            if multi is None and (P.ALL_BEFORE.search(sent[max(0, pos - 3):pos])
                                  or P.ALL_AFTER.match(sent[pos:pos + 6])) \
                    and len(both := [g for g in out if g.completed is not None and g.rate is None
                                     and g.region == region]) >= 2:      # 完成率均为66.7%
                for g in both:          # 实际改造12条；…实际完成8.5公里，均完成年计划的百分之百 (earlier clauses too)
                    g.rate, g.rate_raw, g.measure = value, raw, measure
                pending = {k: g for k, g in pending.items() if g not in both}
                continue
            if multi is not None and multi[0] == 0:
                open_ = [g for g in pending.values() if g.rate is None]
                group = open_[-multi[1]:] if len(open_) >= multi[1] else []
            if multi is not None and not group:
                owners = _listed_places(sent, places, pos)
                if len(owners) == multi[1]:
                    out.append(Progress(text=evidence, region=owners[multi[0]], rate=value, rate_raw=raw,
                                        measure=measure, line=line))
                    continue
            if multi is not None and group:
                target = group[multi[0]]
                if passage is None or passage[1] != len(earlier):     # the sentences so far, joined once a sentence
                    passage = ("".join(x + "。" for x in earlier[:-1]) + sent, len(earlier))
                owners = _listed_places(passage[0], places, len(passage[0]) - len(sent) + pos)
                if target.region is None and len(owners) == multi[1]:
                    target.region = owners[multi[0]]      # A、B街道…已完工分别为9个、6个，完成率分别为90%、75%
            elif multi is not None or measure in ("形象进度",):
                target = None
            elif region is not None:
                target = next((g for g in pending.values() if g.rate is None and g.region == region), None)
            else:
                last = next((g for g in reversed(pending.values()) if g.rate is None), None)
                verb = measure[:2] if measure in STAGE_RATES else None
                if verb and last is not None and last.completed is not None and verb not in _clause_before(sent, last):
                    # 已开工600套，主体完工420套，开工率100%: a stage's rate is of the count that stage names
                    last = next((g for g in reversed(pending.values()) if g.rate is None and g.completed is not None
                                 and verb in _clause_before(sent, g)), last)
                # 平江县竣工410户、完成率82%: a rate that names no place, right after a place's count, is that count's
                near = last is not None and last.completed is not None and pos - last.completed.end <= 8
                target = last if last is not None and (last.region is None or near) else None
            if target is None:
                g = Progress(text=evidence, region=region, rate=value, rate_raw=raw, measure=measure, line=line)
                out.append(g)
            else:
                target.rate, target.rate_raw, target.measure = value, raw, measure
                pending.pop(id(target), None)
        if default_region:
            _county_task(sent, found, inside, [g for g in out if g.region == default_region], evidence, line)
    return out


STAGE_RATES = {"开工率", "完工率", "竣工率"}


def _clause_before(sent: str, g: Progress) -> str:
    """The words of the clause before a count done (已开工|600套 → 已开工)."""
    assert g.completed is not None
    return sent[last_mark(sent, g.completed.start, "，,、；;") + 1:g.completed.start]


def without_by_products(progress: list[Progress], targets: list[Target], text: str) -> list[Progress]:
    """完成率100%，新增学位4320个 / 累计发放低保金1.26亿元: a figure with no rate of its own, in a unit
    no target of the item is counted in, is a by-product of the work, not progress on a task
    (investment, 累计完成投资3.2亿元, is progress of its own)."""
    if not targets:
        return progress
    return [g for g in progress if g.completed is None or g.rate is not None or g.region is not None
            or any(t.unit == g.completed.unit or (t.family and t.family == g.completed.family) for t in targets)
            or re.search(r"(?:投资|累计完成|已完成)\s*" + re.escape(g.completed.raw), text)]


def _this_year(sent: str) -> str:
    """The sentence with its clauses about last year blanked (offsets kept): their figures, growth rates and
    rates are not this year's progress."""
    if P.LAST_YEAR_SENTENCE.match(sent):
        return ""
    for word in LAST_YEAR_WORDS:
        if word in sent:
            return P.LAST_YEAR_CLAUSE.sub(lambda m: "\u3000" * len(m.group(0)), sent)
    return sent


# every match of LAST_YEAR_CLAUSE holds one (去年, 上年, 上一年, 同比, or 同期 after 较/比/与): its second alternative, tried at
# every character with a backtracking run, need not run on the sentences that hold none
LAST_YEAR_WORDS = ("去年", "上年", "上一年", "同比", "同期")


def _county_task(sent: str, found, inside, progress: list[Progress], evidence: str, line: int | None) -> None:
    """其中，秦安县任务1500户，竣工1280户，完成85.6%: the county's own task is the base of its count."""
    from .records import Summary

    tasks = [q for q in found if any(a <= q.start < b for a, b in inside)
             and re.search(r"(?:任务|目标|计划)(?:为|是|数)?\s*$", sent[max(0, q.start - 4):q.start])]
    if len(tasks) != 1:
        return
    task = tasks[0]
    for g in progress:
        if g.completed is not None and g.base is None and g.completed.unit == task.unit:
            g.base = Summary(subject=g.region, total=task.value, unit=task.unit,
                             evidence=Evidence(text=evidence, line=line))


Rate = tuple[int, float, str, str, "tuple[int, int] | None"]


def _rates(sent: str) -> list[Rate]:
    """(offset, value, as written, measure, (i, n) for the i-th of n 分别 rates)."""
    if "%" not in sent:
        return []         # every rate below is written with its %
    out: list[Rate] = []
    spans = []
    for m in P.RATE_LIST.finditer(sent):
        vals = P.PERCENT.findall(m.group("rates"))
        for i, v in enumerate(vals):
            out.append((m.start() + i, float(v), v, m.group("measure") or "完成年任务", (i, len(vals))))
        spans.append((m.start(), m.end()))
    for m in P.RATE_OF_TARGET.finditer(sent):
        out.append((m.start(), float(m.group("rate")), m.group("rate"), "完成年任务", None))
        spans.append((m.start(), m.end()))
    taken = Cover(spans)       # the rates below do not overlap one another: only these spans can hold one
    for m in P.RATE_OF_WHOLE.finditer(sent):
        if not taken.holds(m.start()) and not P.RATE.search(sent, m.start(), m.end()) \
                and not P.REQUIRED_RATE.search(sent[max(0, m.start() - 16):m.start()]):
            out.append((m.start(), float(m.group("rate")), m.group("rate"), "完成年任务", None))
            spans.append((m.start(), m.end()))
    taken = Cover(spans)
    for m in P.RATE.finditer(sent):
        # REQUIRED_RATE ends where the rate starts and spans at most 16 characters: a window, not the whole prefix
        if taken.holds(m.start()) or P.REQUIRED_RATE.search(sent[max(0, m.start() - 16):m.start()]) \
                or P.RATE_THRESHOLD.match(sent, m.end()):
            continue       # 确保三季度末完成年度任务的75%以上: a milestone; 完成率90%以上为基本完成: a grade, not a rate
        measure = P.MEASURE_TAIL.sub("", m.group("measure"))      # 完成率均为66.7%
        if measure in ("时序进度", "序时进度", "超序时进度", "拨付率", "到位率"):
            continue     # the share of the year gone by, or of the money paid out: not of the work done
        measure = P.YEAR_TASK_MEASURE.sub("完成年任务", measure)
        out.append((m.start(), float(m.group("rate")), m.group("rate"), measure, None))
    return sorted(out)


class _Figures:
    """A sentence's figures (in order of writing) with what the tests below ask of them found once:
    the first figure after an offset, the figures between two offsets, the last offset of each unit."""

    def __init__(self, found: list[Quantity]) -> None:
        self.found = found
        self.starts = [q.start for q in found]
        self.last_of: dict[str | None, int] = {}
        self.restated: dict[tuple[int, int], bool] = {}     # _restated_list's answer for a clause
        for q in found:
            self.last_of[q.unit] = max(self.last_of.get(q.unit, q.start), q.start)

    def after(self, pos: int) -> Quantity | None:
        """The first figure starting after `pos`."""
        k = bisect.bisect_right(self.starts, pos)
        return self.found[k] if k < len(self.found) else None

    def between(self, a: int, b: int) -> list[Quantity]:
        """The figures starting in [a, b)."""
        return self.found[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]


def _restated_target(sent: str, q: Quantity, figures: _Figures) -> bool:
    """完成…检查2.6万人，截至6月底已检查1.18万人: a figure followed, in the same sentence, by a
    figure in the same unit that the text marks as done so far is the year's task, restated."""
    stage = P.STAGE_DONE_BEFORE.search(sent[max(0, q.start - 6):q.start])
    word = stage.group(0)[:2] if stage else ""
    if stage and not (word in ("开工", "完工", "竣工") and re.search(r"(?:已|目前|累计)[^，,。；]{0,3}" + word, sent[q.end:])):
        return False          # 已开工198个，开工率94.3%，已完工89个 / 开工45个，完工21个: a count done, of another stage
    later = figures.after(q.end)
    if q.op == "=" and _restated_list(sent, q, figures):
        return True
    if later is None or later.unit != q.unit or "、" in sent[q.end:later.start]:
        return False          # the next figure must be the same count, not another item of a list
    return bool(P.SO_FAR.search(sent[q.end:later.start + 1])) and q.op == "="    # + 1: 完成(?=\d) sees the digit


def _restated_list(sent: str, q: Quantity, figures: _Figures) -> bool:
    """新建幼儿园6所、新增学位2160个，已完工4所、新增学位1440个: a clause listing figures, then one marked as done
    so far listing as many in the same units, in order — the first clause is the tasks."""
    start = last_mark(sent, q.start, "，,") + 1
    cut = next_mark(sent, q.end, "，,")
    if cut < 0:
        return False
    end = next_mark(sent, cut + 1, "，,")
    end = len(sent) if end < 0 else end
    if (start, cut) not in figures.restated:          # every figure of the clause asks the same question
        mine = figures.between(start, cut)
        theirs = figures.between(cut + 1, end)
        figures.restated[(start, cut)] = len(mine) >= 2 and [x.unit for x in mine] == [x.unit for x in theirs] \
            and bool(P.SO_FAR.search(sent[cut:theirs[0].start + 1]))
    return figures.restated[(start, cut)]


def _whole_task_done(sent: str, q: Quantity, figures: _Figures) -> bool:
    """12个省级中心村建设任务全部完成 / 新建农村文化广场60个，已全部建成: the figure is the task,
    done in full, with no separate count of what was done."""
    if q.unit in ("件", "项"):
        return False        # 3件实事已全面完成，完成率30%: a count of projects done, measured by a rate
    if figures.last_of[q.unit] >= q.end:
        return False
    if P.DONE_SO_FAR_BEFORE.search(sent[max(0, q.start - 6):q.start]):
        return False        # 已建成45个，全面完成: a count of what was done, then the verdict
    full = P.DONE_IN_FULL.search(sent[q.end:q.end + 30])
    # (目前3个已完成主体施工，预计3月底前全面完工: a date foreseen for the rest, not the task done)
    return full is not None and not P.PROMISED.search(sent[q.end:q.end + full.start()])


def _is_completed(sent: str, q: Quantity) -> bool:
    clause_start = last_mark(sent, q.start, "，,、：:；") + 1
    end = next_mark(sent, q.end, "，,、；")
    clause = sent[clause_start:end if end >= 0 else len(sent)]
    before = sent[clause_start:q.start]
    after = clause[q.end - clause_start:]
    if q.unit == "元" and P.PAID_WORD.search(before):
        return False       # 已拨付1.46亿元: money paid out, not work done
    if P.DONE_AFTER.search(after) \
            and not P.UNDERWAY_WORD.search(after[:6]):
        return True
    if P.NOT_DONE.search(clause) and not P.DONE_BEFORE.search(before):
        return False
    if P.DONE_WORD.search(before) or P.DONE_NEXT.search(sent[q.end:q.end + 3]):
        return True
    if P.PARTS_OPENING.match(sent, clause_start) and clause_start > 1 \
            and P.TASK_DONE_CLAUSE.search(sent, last_mark(sent, clause_start - 2, "，,；;。") + 1, clause_start - 1):
        return True        # 已完成全年任务，分别为城区420张、…: the parts of the work done, the first of them
    wide = last_mark(sent, q.start, "，,：:；") + 1
    verb = P.DONE_WORD.search(sent, wide, sent.find("、", wide)) if wide < clause_start else None
    if verb and not re.search(r"\d", sent[wide:clause_start]) and sent[verb.end():verb.end() + 1] not in "率的":
        return True        # 新建中小学、幼儿园12所: the verb opens a list of names that share the figure
    # the second figure of a list whose first is a completed one: 救助717人、训练时间2067.7个月
    prev = sent[max(0, clause_start - 1):clause_start]
    return prev == "、" and bool(P.DIGIT.search(sent[max(0, clause_start - 12):clause_start])) \
        and _done_word_ends(sent) <= clause_start


@lru_cache(maxsize=64)
def _done_word_ends(sent: str) -> int:
    """The least end of a DONE_WORD in `sent` (a literal word list): one is found in sent[:c] exactly when c reaches it."""
    m = P.DONE_WORD.search(sent)
    end = m.end() if m else len(sent) + 1
    while m is not None:
        m = P.DONE_WORD.search(sent, 0, end - 1)
        end = m.end() if m else end
    return end


def _listed_places(text: str, places: set[str], end: int | None = None) -> list[str]:
    """The places enumerated just before 分别 in text[:end]: 喜德县、普格县进度相对滞后，分别… → [喜德县, 普格县].

    The clauses are walked back from `end`, and each clause's places are read once (a long 分别 list asks
    about the same clause for each of its rates)."""
    end = len(text) if end is None else end
    while end > 0 and text[end - 1] in "，, ":
        end -= 1
    while True:
        start = last_mark(text, end, "，,。；") + 1
        names = _places_of(text, start, end, places)
        if names or start == 0:
            return list(names)
        end = start - 1


_PLACES_OF: dict[tuple[str, int, int], tuple[str, ...]] = {}
_PLACES_FOR: list = [None]


def _places_of(text: str, start: int, end: int, places: set[str]) -> tuple[str, ...]:
    if _PLACES_FOR[0] is not places or len(_PLACES_OF) > 4096:
        _PLACES_OF.clear()
        _PLACES_FOR[0] = places
    key = (text, start, end)
    if key not in _PLACES_OF:
        head = re.sub(r"(?:进度|均|等|并列|分别).*$", "", text[start:end].strip())
        listed = re.split(r"[、和及]", head)
        listed[-1] = max((n for n in places if listed[-1].startswith(n)), key=len, default=listed[-1])   # …街道年度任务
        _PLACES_OF[key] = tuple(x for x in listed if x in places or P.SUBCOUNTY.fullmatch(x + "完"))
    return _PLACES_OF[key]


def _any_in(starts: list[int], a: int, b: int) -> bool:
    """Is one of the sorted offsets in [a, b]."""
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] <= b


def _region_at(clause: str, places: set[str], heads: tuple[str, ...]) -> str | None:
    """The place a clause opens with (`heads`: the places, as one tuple for str.startswith)."""
    clause = clause.strip()
    hits = [name for name in places if clause.startswith(name)] if clause.startswith(heads) else []
    if hits:
        return max(hits, key=len)         # 秦州区, not its short form 秦州
    m = P.REGION_HEAD.match(clause)
    if m and m.group("r") in places:
        return m.group("r")
    return None
