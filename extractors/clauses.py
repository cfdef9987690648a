"""The reading under the shape readers: every figure-bearing clause, whatever the layout.

The shape readers (tables, forms, items, sentences) are precise where their shape occurs; a layout
nobody foresaw gives them nothing.  This layer reads any paragraph the same way, so that such a
layout degrades to clause-level facts instead of nothing:

1. a paragraph is cut into sentences (。；;！？) and each sentence into clauses (，,：:);
2. every figure (find_quantities) and every percentage gets a role from the cue lexicon
   (gazetteer/cues.tsv, one word a row): target, completed, rate of the figure before it, or
   nothing (last year's figures, differences, thresholds, counts of the document's items);
3. without a cue, the document's kind decides: a report's figures are what was done, a plan's
   are what is promised;
4. a target, a completed figure and a rate read in one sentence form one project only when the
   arithmetic agrees (completed ÷ target ≈ rate); otherwise they stay apart, so that a guess never
   raises a flag.

Only figures that no shape reader took from the same line are read here (`taken`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from gazetteer.cues import Cues, load_cues  # noqa: F401 — the lexicon lives in the gazetteer; load_cues is named here too

from . import patterns as P
from .items import counted_category, problems_or_plans
from .normalize import simplify
from .numbers import find_quantities, is_scope
from .records import Evidence, Progress, Project, Quantity, Target
from .spans import Cover, last_mark, next_mark

# 其余 / 剩余
_REST_WORD = re.compile(r"其余|剩余")
# …正在: the work goes on after the figure
_UNDER_WAY_AFTER = re.compile(r"[^，,。；;]{0,8}正在")
# 已完成 / 已建成 …
_DONE_VERB = re.compile(r"已(?:经)?(?:完成|建成|开工|竣工|完工|实施|改造|解决|落实)")
# 实际… right before a figure
_ACTUAL_TAIL = re.compile(r"实际(?:控制在|控制为|为|达到|达)?$")
# 全省 / 全县 … right before a figure
_WHOLE_REGION_TAIL = re.compile(r"全[省市县区州]\s*$")
# ，占: a share after the figure
_SHARE_OPENING = re.compile(r"[，,、 ]*占")
# 其中 opening the text
_AMONG_OPENING = re.compile(r"[\s，,]*其中")

# 完成进度为82.7% -> num=82.7
PERCENT = P.Gated(re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*%"), "%")
# 。 ； ; ！ ？: the ends of a sentence
SENTENCE_END = re.compile(r"[。；;！!？?]")
# ， , ： : and a line break: the ends of a clause
CLAUSE_END = re.compile(r"[，,：:、\n]")
# 1850个建制村通硬化路(2026-2030年): a span of years inside a name is no figure of this year
YEAR_SPAN = re.compile(r"[(（]\s*(?:19|20)\d\d\s*[-—~至到]\s*(?:19|20)?\d\d\s*年?\s*[)）]")
# 在80%到100%之间, 60%以上的: a percentage that bounds a class
PERCENT_BOUND_AFTER = re.compile(r"\s*(?:到|至|-|~|之间|以上的|以下的|及以上的|以上\(|左右的)")
# (63%) right after a completed figure: its rate
PAREN_RATE = re.compile(r"[(（]\s*$")
# 去年以来 (since last year) is this year's work too
SINCE = re.compile(r"(?:去年|上年)(?:以来|底以来)")
# the words a name starts with that are no part of it: time, 已/累计, verbs of reporting
NAME_LEAD = re.compile(r"^(?:[\s■□●◆▲☆★·•\-]|其中|另外|此外|同时|全年|全市|全县|全区|全省|全州|今年|年内|上半年|"
                       r"下半年|1-\d{1,2}月|截[至止]\S{1,8}?(?:底|末|日)|目前|已经|已|累计|共|计|实际|共计|合计|"
                       r"\d{1,2}月(?:底|末|份)?)+")

KINDS_DONE_BY_DEFAULT = ("progress", "summary")
# 3、… / （二）… / 二是… : an item's number before its name -> n (of 二是)
LIST_NUMBER = re.compile(r"[\s(（]*(?:[一二三四五六七八九十\d]{1,3}[、.．)）]|(?P<n>[一二三四五六七八九十]{1,3})是)\s*")
# a verb with no object before the figure: what was done is named after it
BARE_VERB = re.compile(r"(?:完成|建成|新建|实现|开展|实施|改造|新增|为|对|给|向|帮助|解决)+")
# 2020年，… / 一、2020年为民办实事完成情况: a paragraph that opens with a year
OPENING_YEAR = re.compile(r"^[\s(（]*(?:[一二三四五六七八九十\d]{1,3}[、.．)）]\s*)?(?P<year>(?:19|20)\d\d)\s*年(?!\d{1,2}月)")
# 过去五年，… / 去年，…: a paragraph that reviews earlier years
PAST_OPENING = re.compile(r"^[\s(（]*(?:[一二三四五六七八九十\d]{1,3}[、.．)）]\s*)?(?P<years>过去|[一二三四五]年来|近[一二三四五]年|去年|上年)")
# 主要原因：… / 存在的问题 …: figures of what went wrong, not of the work
PROBLEMS = re.compile(r"^[\s(（]*(?:[一二三四五六七八九十\d]{1,3}[、.．)）]\s*)?(?:主要原因|原因是|存在(?:的)?问题|问题是)")
# …，主要原因是… inside a sentence: the sentence explains a delay
CAUSE = re.compile(r"主要原因|原因是|因[^，,。；;]{1,12}(?:影响|调整|滞后|较晚)")
# 104.5%和96.2%: the rates of a list
RATE_JOIN = re.compile(r"\s*(?:和|、|及|与|,|，)\s*")
# 确保三季度末完成年度任务的75%: a share promised, not reached
PROMISE = re.compile(r"确保|力争|要求|预计|计划(?:到|在|于)")
# 完成率=完成数÷年度目标×100%: a formula, no figure
FORMULA = re.compile(r"[=×÷]\s*$")
# 其余232户, 剩余3个, 尚有900户未开工: what is left, not what was done
LEFT_BEFORE = re.compile(r"(?:其余|剩余|尚有|尚未|仍有|还有|未|(?:再|还需|尚需|仍需)(?:完成|建成|改造|新建)?)\s*$")
# 1850个建制村通硬化路…, 1、完成3.2万口山塘清淤: a sentence that opens with its figure (an item number is no figure)
TASK_OPENING = re.compile(r"^[\s(（]*(?:[一二三四五六七八九十\d]{1,3}[、.．)）]\s*)?(?:完成|解决|建设|实施|新建|改造)?"
                          r"\d+(?:\.\d+)?\s*[万亿]?[^\d、.．)）\s]")
# 按每户补助3万元, 按800元: the standard a sum is paid by, no work done (按照…为600元 states one reached)
STANDARD_BEFORE = re.compile(r"按(?!照|时|期|要求|计划)")
# 共建设7所, 共有12类: a total over the parts, counted elsewhere (公共, 医共体, 共享 are no total)
TOTAL_BEFORE = re.compile(r"(?<![公医])共(?![体享同富])[^\d，,。；;]{0,4}$")
# 打造2个示范点正着手准备招标, 建设绿道2公里未启动: a task named with its work, not begun
WORK_VERB = re.compile(r"建设|打造|新建|改造|实施|修建|铺设|安装|推动|建成")
UNDERWAY_AFTER = re.compile(r"[^，,。；;\d]{0,14}?(?:正(?:在)?(?:着手|准备|筹备)|尚?未(?:启动|开工|动工|开始)|待(?:启动|开工))")
# 64户正在施工: under way, not done
LEFT_AFTER = re.compile(r"\s*(?:正在|正|在建|尚未|未|待)")
# 财政安排资金1.2亿元, 筹集资金, 配套, 下达资金, 资金：省级2亿元, 县级财政投入: the source of funds, no work of a project
FUNDING = re.compile(r"安排|配套|筹集|争取|下达|资金\s*[:：]|财政[^，,。；;\d]{0,4}投入")
# 资金：省级2亿元、中央1.5亿元: a line that names the funds of the item above
FUNDING_LABEL = re.compile(r"^\s*[(（]?(?:资金|资金来源|资金保障|经费)\s*[:：]")
# 已拨付1.46亿元 after 安排资金1.85亿元: the same funds on their way, no work either
PAID_OUT = re.compile(r"拨付|到位|支出")
# 分解落实到12个县区, 下达到9个乡镇: the places a task is shared among
SHARED_OUT = re.compile(r"(?:落实|分解|下达|分配|细化)(?:到|至|给)\s*$")
# 全市8个县（区）, 全省14个市州: the whole's own subdivisions, counted
SUBDIVISIONS = re.compile(r"\s*(?:县|区|市|州|乡镇|乡|镇|街道|县区|县市区|市州)(?:[（(]区[）)]|[（(]市、?区[）)])?(?![\u4e00-\u9fff]{0,2}(?:建|改|通|新|覆盖))")
# " 2.新增充电桩300个。" / "3、" : a sentence that opens with an item's number (a figure right after it is the task)
ITEM_OPENING = re.compile(r"^\s*\d{1,2}\s*[.．、](?!\d)")
# 已完成, 累计, 截至9月底, 1-8月, 完成率, 为任务的: a text that reports work done
REPORT_WORDS = re.compile(r"已|累计|截[至止]|完成了|实际完成|完成率|任务的\d|进度为|上半年|\d-\d{1,2}月|全面完成|超额完成")
# 计划, 力争, 年底前, 完成时限, 牵头: a text that promises work
PLAN_WORDS = re.compile(r"计划|力争|确保|年底前|月底前|完成时限|目标任务|主要目标|预期目标|拟|将")

# 安防项目86个412公里 -> the same work measured again right after the figure
SECOND_MEASURE = re.compile(r"\s*\d+(?:\.\d+)?\s*[万亿]?(?![项件个\d.])")
# 达到标准的有8个 / 共7个 -> a tally (TALLY_BEFORE_PIECES for 件 and 项, where 已有 tallies too)
TALLY_BEFORE = re.compile(r"(?:的|共|(?<!已)有|灯)$")
TALLY_BEFORE_PIECES = re.compile(r"(?:的|共|有|灯)$")
# 49项103件 -> the 件 after a count of 项
ITEMS_BEFORE = re.compile(r"\d\s*项$")
# 已 / 完成 / 建成 / the end of a clause, after a figure
DONE_OR_CLAUSE_END = re.compile(r"已|完成|建成|[，,。；;]")
# …达到 / …为 -> the verbs a name ends with before its figure
NAME_TAIL = re.compile(r"(?:达到|达|为|是|共|计|约|近|超|逾|了|的)+\s*$")
# 1850个建制村通硬化路，… -> where the name after a figure ends
NAME_AFTER_END = re.compile(r"[，,。；;：:(（]")


@dataclass
class _Event:
    start: int
    end: int
    quantity: Quantity | None = None     # a figure with its unit
    percent: float | None = None         # or a percentage
    raw: str = ""


def read_clauses(paragraphs, gaz, kind: str, taken: Read, year: int | None = None) -> list[Project]:
    """Projects from the figures of every paragraph that the shape readers left unread.

    `paragraphs` are (line, NText) pairs; `year` is the document's; `taken` holds (line, value) of every figure already in a
    record (`taken_figures`)."""
    cues = gaz.cues
    kind = voice(paragraphs, kind, cues)
    out: list[Project] = []
    shapes = Read(set(taken.figures), set(taken.rates), dict(taken.loose))     # what the shape readers read
    for ln, nt in paragraphs:
        text = nt.text
        if not (any(map(str.isdigit, text)) or "%" in text) or problems_or_plans(text) \
                or _earlier_year(text, year, kind) or PROBLEMS.match(text):
            continue
        if counted_category(text):
            continue          # （一）教育类（2件）: a category's heading, its count of items no task
        if _covered(text, gaz, shapes):
            continue          # the shape readers read half its figures: the rest are theirs to leave (新增学位 after 完成率)
        sentences = _spans(text, SENTENCE_END)
        heading_targets = _heading_sentence(text, sentences, cues, kind)
        whole = find_quantities(text, gaz.units)           # found once; each sentence takes its own
        starts = [q.start for q in whole]                  # in order of start
        for k, (a, b) in enumerate(sentences):
            sentence = text[a:b]
            found = [_shifted(q, a) for q in whole[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if q.end <= b]
            out += _read_sentence(sentence, ln, nt.original.strip(), gaz, cues, kind, taken,
                                  heading=(k == 0 and heading_targets) or _item_heading(sentence, cues, kind),
                                  found=found)
    return out



def _shifted(q: Quantity, a: int) -> Quantity:
    """``replace(q, start=q.start - a, end=q.end - a)``: the figure with offsets in a sentence that begins at `a`
    (dataclasses.replace looks the fields up on every call)."""
    return Quantity(value=q.value, unit=q.unit, raw=q.raw, half=q.half, family=q.family, op=q.op,
                    start=q.start - a, end=q.end - a, approx=q.approx)

def _covered(text: str, gaz, taken: Read) -> bool:
    """Half the figures and rates of the paragraph or more are in records already."""
    seen = [taken.has_figure(q) for q in find_quantities(text, gaz.units)]
    rates = [float(m.group("num")) for m in PERCENT.finditer(text)] if "%" in text else []
    firm = [(None, r) in taken.rates for r in rates]
    loose = {rate for _, rate in taken.loose} if any(seen + firm) else set()
    seen += [f or r in loose for f, r in zip(firm, rates)]     # lone rates count, unless they are all it read here
    return bool(seen) and sum(seen) >= 0.5 * len(seen)


def _earlier_year(text: str, year: int | None, kind: str = "plan") -> bool:
    """2020年，全市新增就业…: in a 2021 document, a paragraph that opens with an earlier year reviews it.  一年来
    opens the year a report or summary covers; in a plan it is the year before."""
    m = PAST_OPENING.match(text)
    if m and not (kind in KINDS_DONE_BY_DEFAULT and m.group("years") == "一年来"):
        return True
    m = OPENING_YEAR.match(text)
    return bool(m and year and int(m.group("year")) < year)


def voice(paragraphs, kind: str, cues: Cues | None = None) -> str:
    """progress when the text reports work done, plan when it promises work: the document's kind is a
    hint that the words of its text overrule when they lean twice as far the other way."""
    text = "\n".join(nt.text for _, nt in paragraphs)
    text = _masked(text, cues) if cues is not None else text          # 计划生育 promises nothing
    done, promised = len(REPORT_WORDS.findall(text)), len(PLAN_WORDS.findall(text))
    if kind in KINDS_DONE_BY_DEFAULT:
        return "plan" if promised > 2 * done else kind
    if kind in ("plan", "supervision"):
        return "progress" if done > 2 * promised + 1 or (done and not promised) else kind
    return "progress" if done >= promised else "plan"


def _spans(text: str, ends: re.Pattern) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in ends.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _heading_sentence(text: str, sentences: list[tuple[int, int]], cues: Cues, kind: str) -> bool:
    """1850个建制村通硬化路(2026—2030年)。上半年已完成960公里…: in a report, a short first sentence
    that states a figure and no work done, followed by sentences of work done, names the task."""
    if kind not in KINDS_DONE_BY_DEFAULT or len(sentences) < 2:
        return False
    a, b = sentences[0]
    first = text[a:b]
    opens = TASK_OPENING.match(first)
    return len(first) <= 45 and cues.any_in("done", first) is None and "完成" not in first[2:] \
        and (opens is not None or YEAR_SPAN.search(first) is not None)


def _item_heading(sentence: str, cues: Cues, kind: str) -> bool:
    """… 2.新增充电桩300个。 牵头领导:… 实际完成情况:已建成…: in a report whose items run on in one
    paragraph, a short sentence that opens with the item's number and reports nothing done is its task."""
    return kind in KINDS_DONE_BY_DEFAULT and ITEM_OPENING.match(sentence) is not None and len(sentence.strip()) <= 45 \
        and cues.any_in("done", sentence) is None and not re.search(r"已|完成|[:：]", sentence)


def _events(sentence: str, found: list[Quantity]) -> list[_Event]:
    """The figures (`found`, offsets in the sentence) and percentages of a sentence, in order."""
    events = [_Event(q.start, q.end, quantity=q, raw=q.raw) for q in found
              if not P.STAGE_AFTER.match(sentence, q.end)]        # 1所主体完工: a stage of the work, no fact of its own
    if "%" in sentence:       # (the figures' cover serves only the percentages)
        figures = Cover((e.start, e.end) for e in events)
        for m in PERCENT.finditer(sentence):
            if not figures.holds(m.start()):
                events.append(_Event(m.start(), m.end(), percent=float(m.group("num")), raw=m.group(0)))
    if "（" in sentence or "(" in sentence:      # YEAR_SPAN opens with a bracket
        spans = [m.span() for m in YEAR_SPAN.finditer(sentence)]
        events = [e for e in events if not any(s <= e.start < t for s, t in spans)]
    return sorted(events, key=lambda e: e.start)


def _read_sentence(sentence: str, ln: int | None, evidence: str, gaz, cues: Cues, kind: str,
                   taken: Read, heading: bool, found: list[Quantity]) -> list[Project]:
    events = _events(sentence, found)
    if not events or CAUSE.search(sentence):
        return []
    out: list[Project] = []
    last: tuple[Project, Progress] | None = None     # the latest completed figure of this sentence
    previous_end = 0
    listed_rates: list[tuple[float, str]] = []         # 分别为任务的108%和96%: paired in order below
    previous_rate: tuple[Progress, float, str] | None = None
    funds_skipped = past_skipped = False      # a sum of funds, or last year's figure, was passed over in this sentence
    counted = False                           # the latest figure counted items (有4项): a share after it is theirs
    promised_here: set[tuple[float, str | None]] = set()      # targets this sentence read
    titled: Project | None = None             # a project this sentence named by its quoted title
    done_in_sentence: list[tuple[Project, Progress] | None] = []
    scope: Quantity | None = None             # the last figure of the places a clause names, whom the work is for
    # a clause is part of its sentence: a cue word the sentence lacks, none of its clauses holds
    making = cues.any_in("making", sentence) is not None
    past = cues.any_in("past", sentence) is not None
    for e in events:
        c0 = _clause_start(sentence, e.start)
        before = sentence[max(c0, previous_end):e.start]
        clause = sentence[c0:_clause_end(sentence, e.end)]
        previous_end = e.end
        if making and cues.any_in("making", clause):
            continue          # 征集意见建议980条: how the list was drawn up
        if past and cues.any_in("past", clause) and not SINCE.search(clause):
            past_skipped = e.quantity is not None
            continue
        if e.percent is not None and past_skipped and last is None:
            continue          # 去年全年新增就业3.1万人，完成年度目标的103.3%: the rate of last year's figure
        past_skipped = past_skipped and e.percent is not None
        if e.percent is not None:
            if kind not in KINDS_DONE_BY_DEFAULT:
                role = _promised_percent(sentence, e, before, cues)
            elif (previous_rate is not None or listed_rates) and RATE_JOIN.fullmatch(before):
                role = "rate"          # 分别完成任务的103.6%和118.2%: the second of a list
            else:
                role = _percent_role(sentence, e, before, cues)
            if role == "rate" and counted:
                continue          # 正常推进的有5项，占目标任务的50%: the share of the items counted
            if role is None or taken.has_rate(ln, evidence, e.percent) or (e.percent, "%") in taken.figures:
                continue          # a shape reader took it as a rate, or as a level (参合率达到98%以上 a target)
            if role == "pace":
                if last is None or last[1].rate is not None:
                    continue          # 拨付率达97%, with no sum paid before it: nothing to measure
                role = "rate"
            if role == "promised":
                p = _project(sentence, e, c0, evidence, ln)
                p.targets.append(Target.of(Quantity(value=e.percent, unit="%", raw=e.raw, start=e.start, end=e.end,
                                                    op=_percent_op(sentence, e)), evidence))
                out.append(p)
                continue
            if role == "indicator":
                level = Quantity(value=e.percent, unit="%", raw=e.raw, start=e.start, end=e.end)
                p = _project(sentence, e, c0, evidence, ln)
                if kind in KINDS_DONE_BY_DEFAULT:
                    p.progress.append(Progress(text=evidence, completed=level, line=ln))
                else:
                    p.targets.append(Target.of(level, evidence))          # 参保率达到95%, promised
                out.append(p)
                continue
            joined = previous_rate is not None and RATE_JOIN.fullmatch(before)
            if "分别" in sentence[c0:e.start] or listed_rates or joined:
                if joined and not listed_rates and previous_rate is not None:
                    _unrate(previous_rate, out)      # 完成任务的104.5%和96.2%: the first of a list
                    listed_rates.append(previous_rate[1:])
                listed_rates.append((e.percent, e.raw))
                continue
            if last is not None and last[1].rate is None:
                last[1].rate, last[1].rate_raw, last[1].measure = e.percent, e.raw.rstrip("%"), "完成率"
                previous_rate = (last[1], e.percent, e.raw)
                continue
            p = _project(sentence, e, c0, evidence, ln)
            g = Progress(text=evidence, rate=e.percent, rate_raw=e.raw.rstrip("%"), measure="完成率", line=ln)
            p.progress.append(g)
            out.append(p)
            previous_rate = (g, e.percent, e.raw)
            continue
        q = e.quantity
        assert q is not None
        if not q.value or q.family in ("points", "duration") or _in_book_title(sentence, q.start):
            continue
        restated = (q.value, q.unit) in promised_here and re.search(r"已[\u4e00-\u9fff]{0,4}$", before) is not None
        if taken.has_figure(q) and not restated:          # 所需资金703万元…已拨付703万元: the task, then done
            done_in_sentence.append(None)      # read by a shape reader: it still holds its place in a list
            continue
        if q.family == "money" and (_AMONG_OPENING.match(sentence) or FUNDING.search(before)
                                    or FUNDING_LABEL.match(sentence)
                                    or (funds_skipped and PAID_OUT.search(before))):
            funds_skipped = True
            continue          # 其中，中央资金38亿元，市级24亿元; 财政安排资金: the sources of funds, no work done
        head = sentence[c0:q.start]
        if WORK_VERB.search(head) and UNDERWAY_AFTER.match(sentence, q.end) and not LEFT_BEFORE.search(before):
            taken.figures.add((q.value, q.unit))          # 打造2个示范点正着手招标, 建设2公里未启动: the task, not begun
            p = _project(sentence, e, c0, evidence, ln)
            p.targets.append(Target.of(q, evidence))
            out.append(p)
            continue
        if LEFT_BEFORE.search(before) or LEFT_AFTER.match(sentence, q.end) or TOTAL_BEFORE.search(head) \
                or STANDARD_BEFORE.search(head) \
                or _REST_WORD.search(head) or _UNDER_WAY_AFTER.match(sentence[q.end:]):
            continue
        if is_scope(sentence, q, scope):
            scope = q
            continue          # 计划退出的3个乡和12个村: whom the work is for
        taken.figures.add((q.value, q.unit))
        if cues.ends("change", before.rstrip("了达到为至")):
            continue
        counted = _is_count(sentence, q, cues)
        if counted:
            continue
        titled_here = _in_quotes(sentence, q.start) or _in_item_bracket(sentence, q.start)
        role = "target" if titled_here else _figure_role(sentence, q, before, clause, cues, kind, heading)
        p = _project(sentence, e, c0, evidence, ln)
        if role == "target":
            p.targets.append(Target.of(q, evidence))
            promised_here.add((q.value, q.unit))
            out.append(p)
            if titled_here:
                titled, p.name = p, _title_around(sentence, q.start) or p.name
            continue
        g = Progress(text=evidence, completed=q, line=ln)
        if titled is not None:
            p = titled            # “为3000名…”一项中，已配备2650名: the work done is the titled project's
        else:
            out.append(p)
        p.progress.append(g)
        last = (p, g)
        done_in_sentence.append(last)
    if listed_rates:
        open_ = [pg for pg in done_in_sentence if pg is None or pg[1].rate is None][-len(listed_rates):]
        if len(open_) == len(listed_rates):
            for pg, (rate, raw) in zip(open_, listed_rates):
                if pg is None:           # its figure is a shape reader's: the rate stands alone
                    p = Project(name=_name_from(sentence, 0, len(sentence)) or "（正文）", evidence=Evidence(evidence, ln))
                    p.progress.append(Progress(text=evidence, rate=rate, rate_raw=raw.rstrip("%"), measure="完成率",
                                               line=ln))
                    out.append(p)
                    continue
                pg[1].rate, pg[1].rate_raw, pg[1].measure = rate, raw.rstrip("%"), "完成率"
        else:
            for rate, raw in listed_rates:
                p = Project(name=_name_from(sentence, 0, len(sentence)) or "（正文）", evidence=Evidence(evidence, ln))
                p.progress.append(Progress(text=evidence, rate=rate, rate_raw=raw.rstrip("%"), measure="完成率", line=ln))
                out.append(p)
    return _pair(_settle_loose(out, ln, taken))


def _settle_loose(out: list[Project], ln: int | None, taken: Read) -> list[Project]:
    """A rate the shape reader left alone and this sentence paired with its figure is the pair's; one
    this sentence also left alone stays the shape reader's."""
    for p in out:
        for g in list(p.progress):
            if g.rate is None or (ln, g.rate) not in taken.loose:
                continue
            if g.completed is not None:
                taken.release(ln, g.rate)
            else:
                p.progress.remove(g)
    return [p for p in out if p.progress or p.targets]


def _unrate(previous: tuple[Progress, float, str], out: list[Project]) -> None:
    """The first rate of a list was taken for the figure before it: the list is paired as a whole."""
    g = previous[0]
    if g.completed is not None:
        g.rate = g.rate_raw = g.measure = None
        return
    for p in out:
        if g in p.progress:
            p.progress.remove(g)
    out[:] = [p for p in out if p.progress or p.targets]


def _in_book_title(sentence: str, pos: int) -> bool:
    if "《" not in sentence:
        return False          # most sentences name no book: no marks to look up
    return last_mark(sentence, pos, "《") > last_mark(sentence, pos, "》")


def _in_item_bracket(sentence: str, pos: int) -> bool:
    """进展缓慢的1项（新建公厕20座）: the bracket after a count of items names the item by its task."""
    if "（" not in sentence and "(" not in sentence:
        return False
    opened = last_mark(sentence, pos, "(（")
    return opened > last_mark(sentence, pos, ")）") \
        and re.search(r"\d+\s*[项件]\s*$", sentence[:opened]) is not None


def _title_around(sentence: str, pos: int) -> str:
    """The quoted or bracketed title a figure sits in: 为3000名贫困患者实施免费手术."""
    opened = last_mark(sentence, pos, "“(（")
    closed = next_mark(sentence, pos, "”)）")
    closed = len(sentence) if closed < 0 else closed
    return sentence[opened + 1:closed].strip()[:40]


# ”一项中 / ”项目: a quoted title closed within 40 characters and called a project
QUOTED_PROJECT = re.compile(r"[^“”]{0,40}”\s*(?:一项|这项|项目|工程)")


def _in_quotes(sentence: str, pos: int) -> bool:
    """“为5000名老人免费体检”一项中，已体检3200名: a project quoted by its title states its task."""
    if "“" not in sentence:
        return False
    opened = last_mark(sentence, pos, "“")
    return opened > last_mark(sentence, pos, "”") and QUOTED_PROJECT.match(sentence, pos) is not None


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding pos begins: after the last clause mark before it (found once a sentence)."""
    ends = _clause_ends(sentence)
    k = bisect.bisect_right(ends, pos) - 1
    return ends[k] if k >= 0 else 0


@lru_cache(maxsize=64)
def _clause_ends(sentence: str) -> list[int]:
    return [m.end() for m in CLAUSE_END.finditer(sentence)]


def _clause_end(sentence: str, pos: int) -> int:
    m = CLAUSE_END.search(sentence, pos)
    return m.start() if m else len(sentence)


def _percent_role(sentence: str, e: _Event, before: str, cues: Cues) -> str | None:
    """rate (of the figure before), indicator (a measured rate, the figure itself), or None."""
    tight = before.rstrip(" 为达到是了")
    if FORMULA.search(before) or PROMISE.search(before):
        return None          # 确保完成年度任务的75%: a promised share, no rate reached
    if _ACTUAL_TAIL.search(tight):
        return "indicator"   # 失业率实际控制在3.1%: the level measured, not the bound promised
    if re.search(r"率(?:年度|全年)?目标(?:任务|值)?(?:为|是)?$", tight):
        return "promised"    # 参保率目标98%: the level promised, in a report as in a plan
    if cues.ends("bound", tight) or cues.ends("change", tight) or PERCENT_BOUND_AFTER.match(sentence, e.end):
        return None
    if cues.any_in("bound", before[-6:]) and not cues.any_in("rate", before):
        return None
    share = _SHARE_OPENING.match(before)
    if share and not re.search(r"计划|任务|目标", before):
        return None          # 占全部项目的69.2%: a share of the items, no task's rate
    if cues.any_in("rate", before) or share or PAREN_RATE.search(before):
        return "rate"
    if cues.any_in("pace", before):
        return "pace"
    verb = re.fullmatch(r"[，,、\s]*(?:其中)?([\u4e00-\u9fff]{2})率\s*(?:达到|达|为|是)?\s*", before)
    start = e.start - len(before)
    if verb and verb.group(1) in sentence[max(0, start - 30):start]:
        return "rate"        # 其中7个投用，投用率77.8%: the rate of the work the clause before counted
    if re.search(r"率\s*(?:达到|高达|已达|达|为|是|保持|提高到|提升到)?\s*$", before):
        return "indicator"
    return None


def _masked(text: str, cues: Cues) -> str:
    """计划生育, 西部计划: words that hold a cue word without its sense are blanked before cues are sought."""
    for w in cues.words.get("mask", ()):
        text = text.replace(w, " " * len(w))
    return text


def _promised_percent(sentence: str, e: _Event, before: str, cues: Cues) -> str | None:
    """In a plan every percentage is promised (增长6.8%左右, 8月底竣工50%以上, 失业率3.5%以内), but a pace
    or a formula."""
    if FORMULA.search(before) or cues.any_in("pace", before) or cues.ends("bound", before.rstrip(" 为达到是了")) \
            and cues.ends("bound", before.rstrip(" 为达到是了")) in ("时序进度", "序时进度", "时间进度"):
        return None
    return "promised"


def _percent_op(sentence: str, e: _Event) -> str:
    after = sentence[e.end:e.end + 3]
    if re.match(r"\s*(?:以上|及以上)", after) or re.search(r"(?:超过|不低于|不少于|达到)\s*$", sentence[:e.start]):
        return ">="
    if re.match(r"\s*(?:以内|以下)", after) or re.search(r"(?:控制在|不超过|低于)\s*$", sentence[:e.start]):
        return "<="
    return "="


A_YEAR = re.compile(r"(?:19|20)\d{2}年度?")


def _is_count(sentence: str, q: Quantity, cues: Cues) -> bool:
    """26个考核指标, 25件重点民生实事: a count of the document's own items, no fact of a project."""
    head = sentence[_clause_start(sentence, q.start):q.start].rstrip("有共为计达 \u3000")
    if q.unit == "个" and SECOND_MEASURE.match(sentence[q.end:]):
        return False         # 安防项目86个412公里: one work measured twice, no count of items (49项103件 is)
    if q.unit in ("项", "件", "个") and cues.ends("count", head):
        return True          # 实事10件, 项目有25个: counted items
    if q.unit == "项" or (TALLY_BEFORE if q.unit not in ("件", "项") else TALLY_BEFORE_PIECES).search(sentence[max(0, q.start - 2):q.start]) \
            or (q.unit == "件" and ITEMS_BEFORE.search(sentence[:q.start])):
        return True          # 10项 counts tasks; 达到标准的有8个, 共7个: a tally of them
    if q.raw.endswith("名") and re.search(r"[前后第]$", head):
        return True          # 位居全县后三名: a place in a ranking
    if q.unit not in ("件", "个", "类"):
        return False
    if SHARED_OUT.search(head):
        return True          # 各项任务分解落实到12个县区: the places a task is shared among
    if _WHOLE_REGION_TAIL.search(sentence[max(0, q.start - 3):q.start]) and SUBDIVISIONS.match(sentence, q.end):
        return True          # 全市8个县（区）: the whole's subdivisions
    after = A_YEAR.sub("", sentence[q.end:q.end + 16])[:10]      # 10件为2032年县级民生实事: the year is no word
    word = cues.any_in("count", after)
    done = DONE_OR_CLAUSE_END.search(after)
    return word is not None and (done is None or after.find(word) < done.start())


def _figure_role(sentence: str, q: Quantity, before: str, clause: str, cues: Cues, kind: str, heading: bool) -> str:
    """target or completed, from the cues around the figure, else from the document's kind."""
    head = _masked(sentence[_clause_start(sentence, q.start):q.start], cues)
    done, promise = cues.last_in("done", head), cues.last_in("target", head)
    if done > promise:
        return "completed"
    if promise > done or cues.starts("target_after", sentence[q.end:q.end + 4]):
        return "target"
    rest = sentence[q.end:_clause_end(sentence, q.end)]
    if _DONE_VERB.search(rest) and re.search(r"\d", rest):
        return "target"          # 8个社区食堂建设已完成5个: the task before the work done
    if heading:
        return "target"
    if kind in KINDS_DONE_BY_DEFAULT:
        return "completed"
    return "target"          # a plan's or a 督办's figure without a cue is what it promises


def _project(sentence: str, e: _Event, clause_start: int, evidence: str, ln: int | None) -> Project:
    start = clause_start
    while start > 0 and sentence[start - 1] == "、":      # 新建中小学、幼儿园12所: the names share the figure
        prev = _clause_start(sentence, start - 1)
        if re.search(r"\d", sentence[prev:start]):
            break                 # 新建学校3所、幼儿园5所: the figure before is the earlier name's own
        start = prev
    name = _name_from(sentence, start, e.start)
    number = LIST_NUMBER.match(sentence, start)
    if not name or BARE_VERB.fullmatch(name) or P.BENEFICIARY_LEAD.fullmatch(name):
        # 完成12个村卫生室标准化建设 / 为全市18万名老人体检: the name follows the figure
        after = re.sub(r"^(?:以上|以下|余|多)?的?", "", _name_after(sentence, e.end))
        name = after if len(re.findall(r"[\u4e00-\u9fff]", after)) >= 2 else name or "（正文）"
    return Project(name=name, seq=number.group("n") if number else None, evidence=Evidence(text=evidence, line=ln))


def _name_from(sentence: str, start: int, end: int) -> str:
    """The words before a figure in its clause, without time words and leading marks."""
    text = sentence[start:end]
    number = LIST_NUMBER.match(text)
    text = text[number.end():] if number else text
    text = NAME_LEAD.sub("", text)
    text = NAME_TAIL.sub("", text).strip(" ，,：:、()（）")
    return text[:40]


def _name_after(sentence: str, pos: int) -> str:
    """1850个建制村通硬化路: the name after a figure that opens its clause."""
    return NAME_AFTER_END.split(sentence[pos:], maxsplit=1)[0].strip()[:40]


def _pair(projects: list[Project]) -> list[Project]:
    """A target and a completed figure of one sentence in the same unit are one project when the rate
    stated with them agrees with completed ÷ target (or when no rate is stated)."""
    out: list[Project] = []
    for p in projects:
        if p.progress and not p.targets and out:
            prev = out[-1]
            g = p.progress[0]
            if prev.targets and not prev.progress and g.completed is not None \
                    and prev.targets[0].unit == g.completed.unit and _agrees(prev.targets[0].value, g):
                prev.progress += p.progress
                continue
        out.append(p)
    return out


def _agrees(target: float | None, g: Progress) -> bool:
    if g.rate is None:
        return True
    if not target or g.completed is None:
        return False
    return abs(100 * g.completed.value / target - g.rate) <= 1.0


@dataclass
class Read:
    """What the shape readers recorded, so that a figure is read once: figures by value and unit
    anywhere in the document (a target is often recorded under its heading's line), rates by the
    line or the evidence text they were read from."""
    figures: set[tuple[float, str | None]]
    rates: set[tuple[int | str | None, float]]
    # rates a shape reader found with no figure and no task beside them, by (line, rate): the clause
    # reader may pair them with their figures, and then takes them from the shape reader's project
    loose: dict[tuple[int | None, float], tuple[Project, Progress]] = field(default_factory=dict)
    emptied: list[Project] = field(default_factory=list)

    def release(self, line: int | None, rate: float) -> bool:
        """The loose rate is now paired with its figure: the shape reader's lone copy goes."""
        held = self.loose.pop((line, rate), None)
        if held is None:
            return False
        p, g = held
        if g in p.progress:
            p.progress.remove(g)
        if not p.progress and not p.targets:
            self.emptied.append(p)
        return True

    def has_figure(self, q: Quantity) -> bool:
        return (q.value, q.unit) in self.figures

    def has_rate(self, line: int | None, evidence: str, rate: float) -> bool:
        return (line, rate) in self.rates or (evidence, rate) in self.rates or (None, rate) in self.rates


def taken_figures(projects: list[Project], summaries) -> Read:
    """The figures and rates that the shape readers recorded, and the totals and parts of counts."""
    read = Read(set(), set())
    for s in summaries:
        for v in [s.total, *s.parts.values()]:
            if v is not None:
                read.figures.add((v, s.unit))
    for p in projects:
        for t in p.targets:
            if t.value is not None:
                read.figures.add((t.value, t.unit))
        for g in p.progress:
            if g.completed is not None:
                read.figures.add((g.completed.value, g.completed.unit))
            if g.rate is not None and g.completed is None and not p.targets and g.base is None:
                for line in {g.line, p.evidence.line}:
                    read.loose.setdefault((line, g.rate), (p, g))
            elif g.rate is not None:
                read.rates |= {(g.line, g.rate), (p.evidence.line, g.rate), (g.text.strip(), g.rate), (None, g.rate)}
    return read


def implied_targets(projects: list[Project], gaz) -> None:
    """确立的131个项目已有90个完工，完工率68.7%: a project with a completed figure and its stated rate
    but no target gets the figure of its sentence that the rate implies (90 ÷ 131 = 68.7%), when one
    figure, and only one, of the same unit does."""
    split: dict[str, tuple[str, list[int]]] = {}      # a text, simplified, and where its sentences end
    for p in projects:
        if p.targets:
            continue
        for g in p.progress:
            done = g.completed
            if done is None or not done.value or g.rate is None or not g.rate_raw:
                continue
            half = 0.5 * 10 ** -len(g.rate_raw.partition(".")[2]) + 1e-9
            sentence = _sentence_holding(g.text, done.raw, split)
            fits = {q.value: q for q in find_quantities(sentence, gaz.units)
                    if q.unit == done.unit and q.value and q.value > done.value * 0.5
                    and q.value != done.value and abs(done.value / q.value * 100 - g.rate) <= half}
            if len(fits) == 1:
                q = next(iter(fits.values()))
                p.targets.append(Target.of(q, _clause_of(sentence, q)))
                break


def _sentence_holding(text: str, raw: str, split: dict[str, tuple[str, list[int]]]) -> str:
    """The first sentence (cut at 。；;) of `text`, simplified, that holds `raw`, or "".  A raw figure holds no
    sentence mark, so the first sentence holding it is the one around its first occurrence; the marks of a
    text are found once (a paragraph of many progress figures asks once for each)."""
    if not raw:
        return ""
    if text not in split:
        simple = simplify(text)
        split[text] = (simple, [m.start() for m in SENTENCE_MARK.finditer(simple)])
    simple, marks = split[text]
    at = simple.find(raw)
    if at < 0:
        return ""
    k = bisect.bisect_left(marks, at)
    return simple[marks[k - 1] + 1 if k else 0:marks[k] if k < len(marks) else len(simple)]


SENTENCE_MARK = re.compile(r"[。；;]")


def _clause_of(sentence: str, q: Quantity) -> str:
    return sentence[_clause_start(sentence, q.start):_clause_end(sentence, q.end)]
