"""Count statements: totals, the parts by status, and how many items are actually listed.

  吉首市…共18件24个考核指标。达到省定验收标准的有8个，工作有序推进的有9个，
  工作进度相对滞后的是：A、B、C…共7个指标
    → total 24 (个考核指标), parts {done 8, on_track 9, lagging 7}; and a second statement,
      the lagging list: total 7, listed = the items enumerated.
  全县承办省列为民兴办实事8项10件…3件实事已全面完成…其余6件…
    → total 10 (件), parts {done 3, on_track 6}.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from . import patterns as P
from .memo import filled_rows
from .numbers import find_quantities, to_number
from .records import Evidence, Summary
from .sheets import is_place

# whitespace
_SPACES = re.compile(r"\s+")
# a bracketed part
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
# 任务 / 指标
_INDICATOR_WORD = re.compile(r"任务|指标")
# 2031年
_YEAR_OF_SENTENCE = re.compile(r"((?:19|20)\d{2})\s*年")

# ---- the patterns of the cross-sentence readers (breakdowns, shares, composed counts) --------------------

# 24个事项 / 9项 / 其余3个 / 十二件 -> rest, n, unit: a count of items (not 12个月, 3个百分点, 15%)
COUNT = re.compile(r"(?P<rest>其余|剩余|另有)?(?P<n>\d+(?!\.\d)|[一二三四五六七八九十]+)\s*(?P<unit>[项件个所家座处条户村])"
                   r"(?!月|百分点|工作日|小时|多?[万亿]|\d|%)")
# 共有45个 / 合计15项 / 总数为58项 -> a count marked as a total by the word before it
TOTAL_BEFORE = re.compile(r"(?:共|共有|共计|合计|总计|总数|总数为|总量)\s*$")
# 15项中 / 58个项目中有 -> a count marked as a total by the 中 after it
TOTAL_AFTER = re.compile(r"^[^，,。；;：:\d%]{0,10}?中")
# 其余事项 / 其他 / 剩余 / 等: the text names a remainder it does not count, so the parts are partial (其余5个
# counts it: a part like the others)
UNCOUNTED_REST = re.compile(r"(?:其余|其他|其它|剩余)(?!\s*(?:\d|[一二三四五六七八九十]+\s*[项件个所家座处条户村]))|等(?!级|次|于|同)")
# 已提前完成 / 超序时进度 / 按序时推进 / 尚未开工: a clause that states a status
STATUS_WORD = re.compile(r"完成|推进|滞后|进度|开工|竣工|缓慢|偏慢|取消|启动|较快|达标|未达")
# 开工 / 动工 / 启动 and 竣工 / 完工 / 完成: statuses that nest (a finished project was started), not exclusive
STARTED = re.compile(r"开工|动工|启动")
FINISHED = re.compile(r"竣工|完工|完成|投用")
# 事项 / 项目 / 任务: the work items a status breakdown must cover entirely
WORK_NOUN = re.compile(r"事项|项目|实事|任务|指标|工程")
# 事项已提前完成 -> 事项: the noun after a count, up to a verb or a mark
NOUN_AFTER = re.compile(r"[^中有已均正尚未按超提在完推进开竣滞的，,。；;、：:（(“\d\s]{0,4}")
# 占比27% / 占27% / 占总数的46.5% / 所占比例为20% / 比例达42% -> of, rate: a stated share
SHARE = P.Gated(re.compile(r"(?:所?占比(?:例)?|比例|占(?:(?P<of>[^，,。；;%\d]{1,10}?)的)?)\s*(?:为|达到|达|是)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%"), "%")
# a share of another whole: 占全省的 / 占投资的 (not a count of the items before it)
OTHER_WHOLE = re.compile(r"全[省国市县区州]|投资|资金|金额|元|面积|人数|人口|比重")
# what an 占…的 share may name: the whole of the items counted
ITEMS_WHOLE = re.compile(r"总|全部|所有|项目|任务|实事|指标|事项|工程")
# 五件事和背街小巷改造、饮水安全一道列入县“八件实事” -> m, named, k: a declared count made of a count of
# items taken from another list plus items named one by one
COMPOSED = P.Gated(re.compile(r"(?P<m>\d+|[一二三四五六七八九十]+)\s*[件项](?:事|实事|事项|工作)?\s*(?:和|及|以及|加上|连同)"
                            r"(?P<named>[^，,。；;“”\"\d]{2,60}?)(?:一道|一起|一并|共同)?\s*(?:列入|列为|确定为|纳入)"
                            r"[^，,。；;\d一二三四五六七八九十]{0,4}?[“\"]?(?P<k>\d+|[一二三四五六七八九十]+)\s*[件项](?:民生)?实事"), "列确纳", "实")
# 、 / 和 / 及 between items named one by one
NAMED_SEP = re.compile(r"、|和|及|以及")


def split_items(text: str) -> list[str]:
    """Items of an enumeration: split on 、；; but not inside quotes or brackets; a fragment
    that cannot stand alone (个建制…, 有场地) joins the item before; two items run together
    (提质改造26公里开工建设…) are cut after the figure."""
    items, buf, depth = [], "", 0
    for ch in text:
        if ch in "“‘（(《「【":
            depth += 1
        elif ch in "”’）)》」】" and depth:
            depth -= 1
        if ch in "、；;" and depth == 0:
            items.append(buf)
            buf = ""
        else:
            buf += ch
    items.append(buf)
    out: list[str] = []
    for it in (x.strip(" ，,。") for x in items):
        if not it:
            continue
        if out and (len(it) <= 3 or it[0] in "个项件等及和与"):
            out[-1] += "、" + it
            continue
        out.extend(x for x in P.REST_ITEMS.sub(r"\1|", it).split("|") if x)
    return out


def status_parts(text: str, gaz, line: int | None, original: str) -> list[Summary]:
    """The county-style statement with 共N个考核指标 and parts by status."""
    m = P.STATUS_TOTAL.search(text)
    if not m:
        return []
    subj = P.SUBJECT.match(text)
    ev = Evidence(text=original, line=line)
    main = Summary(subject=subj.group("s") if subj else None, total=float(m.group("n")),
                   unit="项" + m.group("unit"), evidence=ev, scope="status")
    out = [main]
    rest = text[m.end():]
    for pm in P.LIST_PART.finditer(rest):
        status = _status(pm.group("what"), gaz)
        items = split_items(pm.group("list"))
        n = float(pm.group("n"))
        if status:
            main.parts[status] = main.parts.get(status, 0) + n
        out.append(Summary(subject=f"{main.subject or ''}{pm.group('what')}".strip() or None, total=n,
                           unit="个指标", evidence=ev, listed=len(items), items=items, scope="list"))
    for pm in P.STATUS_PART.finditer(rest):
        status = _status(pm.group("what"), gaz)
        if status and status not in main.parts:
            main.parts[status] = float(pm.group("n"))
    return out if main.parts else []


def piece_parts(text: str, gaz, line: int | None, original: str) -> list[Summary]:
    """全县承办…8项10件 … 3件已全面完成 … 1件取消 … 其余6件… (parts by status in one paragraph)."""
    out: list[Summary] = []
    m = P.PIECES_UNDERTAKEN.search(text)
    if not m:
        return out
    total = float(m.group("n"))
    subj = P.LISTED_LEVEL.search(text)
    s = Summary(subject=subj.group(1) if subj else None, total=total, unit="件",
                evidence=Evidence(text=original, line=line), scope="pieces")
    for pm in P.PART.finditer(text, m.end()):
        if pm.group("unit") != "件":
            continue
        n = float(pm.group("n"))
        tail = pm.group("tail")
        head = text[max(text.rfind(ch, 0, pm.start()) for ch in "，,。；：:") + 1:pm.start()]
        status = _status(tail, gaz) or _status(head, gaz)
        if pm.group("rest"):
            status = status or "on_track"
            s.remainder = status
        if status in (None, "started") or (n == total and not pm.group("rest")):
            continue
        s.parts[status] = s.parts.get(status, 0) + n
    if s.parts:
        out.append(s)
    return out


def place_parts(text: str, gaz, places: set[str], line: int | None, original: str) -> list[Summary]:
    """改造老旧小区30个，其中城东区12个、城西区10个、城北区9个 → total 30, parts by place: a count split among
    regions right after it.  Such a list may name only some regions, so its parts may fall short of the total,
    never pass it (scope "places": check_sum flags a sum over the total only)."""
    out: list[Summary] = []
    for m in P.PLACE_SPLIT.finditer(text) if "其中" in text else ():
        unit = m.group("unit")
        parts: dict[str, float] = {}
        end = min([i for i in (text.find(ch, m.end()) for ch in "。；;") if i >= 0] or [len(text)])
        for part in P.PLACE_PART.finditer(text, m.end(), end):
            name = part.group("place")
            if part.group("unit") != unit or not is_place(name, gaz, places):
                parts = {}
                break
            parts[name] = parts.get(name, 0) + float(part.group("n"))
        if len(parts) >= 2:
            subject = P.ITEM_START.sub("", text[max(text.rfind(ch, 0, m.start()) for ch in "，,。；;：:") + 1:m.end("unit")])
            out.append(Summary(subject=subject.strip() or None, total=float(m.group("total")), unit=unit, parts=parts,
                               evidence=Evidence(text=original, line=line), scope="places"))
    return out


def status_tally(text: str, line: int | None, original: str) -> list[Summary]:
    """52项具体任务中，已完成年度任务的9项，超序时进度推进的28项，基本达到序时进度的11项，滞后于序时进度的3项
    → total 52 (项), parts {已完成年度任务的: 9, 超序时进度推进的: 28, …}: a total and the clauses after it, in
    the same sentence, that split it by status (the check sums them).  Parts are read until they reach the total."""
    out: list[Summary] = []
    if "中" not in text:
        return out        # the cheap test: every TALLY_TOTAL ends in 中
    for m in P.TALLY_TOTAL.finditer(text):
        total = to_number(m.group("n"))
        end = min([i for i in (text.find(ch, m.end()) for ch in "。") if i >= 0] or [len(text)])
        s = _tally(text[m.end():end], total, m.group("unit"))
        if s is not None:
            s.subject = re.sub(r"中有?[，,：:]?$", "", m.group(0))
            s.evidence = Evidence(text=original, line=line)
            out.append(s)
    return out


def table_tally(table) -> list[Summary]:
    """A total row whose label (合计) is followed by a count (15项), and a cell that splits it by status
    (已完成6项，序时推进6项，滞后2项).  The row takes in the rows its merged cells cover (a status cell
    written in the second row of the block)."""
    out: list[Summary] = []
    written = "\n".join(c.text for c in table.cells)
    if ("计" not in written and "全" not in written) or not any(P.TOTAL.match(c.text.strip()) for c in table.cells):
        return out         # no total label (合计, 全市 …; each holds 计 or 全): the rows need not be gathered into blocks
    for r, own, cells in _row_blocks(table):
        label = next((k for k, c in enumerate(own) if P.TOTAL.match(c)), None)
        after = [c for c in cells[label + 1:] if c] if label is not None else []
        count = re.fullmatch(r"(?P<n>\d+)\s*(?P<unit>[件项个])", after[0]) if after else None
        if count is None or label is None:
            continue
        for c in after[1:]:
            s = _tally(c, float(count.group("n")), count.group("unit"))
            if s is not None:
                s.subject = cells[label]
                s.evidence = Evidence(text="　".join([cells[label], *after]),
                                      line=table.row_lines[r] if r < len(table.row_lines) else None)
                out.append(s)
    return out


def _row_blocks(table) -> list[tuple[int, list[str], list[str]]]:
    """(row, the stripped texts of its own cells, and of them followed by the cells of the rows its merged
    cells cover)."""
    spans = [1] * table.n_rows
    by_row: list[list[str]] = [[] for _ in range(table.n_rows)]
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        spans[c.row] = max(spans[c.row], c.rowspan)
        by_row[c.row].append(c.text.strip())
    return [(r, by_row[r], [x for k in range(r, min(r + spans[r], table.n_rows)) for x in by_row[k]])
            for r in range(table.n_rows)]


def _tally(rest: str, total: float | None, unit: str) -> Summary | None:
    """The parts of `total` stated one a clause: a count of the same unit beside a status; a clause without a count
    (截至8月末, 分别是…) is passed over; a 其中 clause is a breakdown of the part before and ends the tally."""
    if not total:
        return None
    parts: dict[str, float] = {}
    remainder = None
    for clause in _clauses(rest):
        if clause.startswith("其中") or sum(parts.values()) >= total:
            break
        found = [m for m in P.TALLY_PART.finditer(clause) if m.group("unit") == unit]
        if len(found) != 1 or not P.TALLY_STATUS.search(clause):
            continue
        n = to_number(found[0].group("n"))
        if n is None or n >= total:
            continue
        label = _BRACKETED.sub("", clause[:found[0].start()] + clause[found[0].end():]).strip() \
            or f"第{len(parts) + 1}部分"
        parts[label] = parts.get(label, 0) + n
        if found[0].group("rest"):
            remainder = label
    if len(parts) < 2:
        return None
    return Summary(subject=None, total=total, unit=unit, evidence=Evidence(text=rest), parts=parts,
                   remainder=remainder, scope="tally")


def _clauses(text: str) -> list[str]:
    """Clauses split on ，；, not inside brackets (已完成3件（城乡低保提标、…）)."""
    out, buf, depth = [], "", 0
    for ch in text:
        depth += ch in "（(“"
        depth -= ch in "）)”" and depth > 0
        if ch in "，,；;" and depth == 0:
            out.append(buf.strip())
            buf = ""
        else:
            buf += ch
    out.append(buf.strip())
    return [c for c in out if c]


def _status(text: str, gaz) -> str | None:
    for word, status in gaz.statuses:
        if word in text:
            return status
    return None


def declared_counts(text: str, line: int | None, original: str, year: int | None = None) -> list[Summary]:
    """共9个项目、12个指标任务 / 共16件，其中省…8件、市…8件 / 10项重点民生工程的30个具体工作任务.
    十个方面18项: the 项 after 方面 count indicators.  A count in a sentence about another year
    (2017年确定的12个方面32项…已全面完成) is last year's list, not this one's."""
    if not P.DECLARED_SUBJECT.search(text):
        return []
    if not P.DECLARED_WORD.search(text):
        return []
    out = []
    for m in P.DECLARED.finditer(text):
        unit = m.group("unit")
        n = to_number(m.group("n"))
        if n is None or n < 2:
            continue
        sentence = text[max(text.rfind(ch, 0, m.start()) for ch in "。；;") + 1:m.start()]
        if year and any(int(y) != year for y in _YEAR_OF_SENTENCE.findall(sentence)):
            continue
        scope = "indicators" if _INDICATOR_WORD.search(unit) else "projects"
        if unit == "项" and re.search(r"(?:个方面|大类|件)\s*$", text[:m.start()]):
            scope = "indicators"      # 十个方面18项 / 10件13项
        if unit in ("件", "项") and not re.match(r"[^，,。；]{0,12}(?:实事|民生|项目|工程)", text[m.end():]):
            continue
        if unit in ("个方面", "大类"):
            continue
        out.append(Summary(subject=None, total=n, unit=unit, evidence=Evidence(text=original, line=line),
                           scope=scope))
    return out


def circled_blocks(lines: list[str]) -> int | None:
    """① 学有优教 … ⑪ 舌尖安全: the number of blocks an infographic or a short report lists under circled
    numbers, when they run ① to N once (a run that starts again at ① numbers sub-items, not the list)."""
    seen = [ord(m.group(1)) - 0x2460 + 1 for ln in lines if (m := P.CIRCLED_BLOCK.match(ln))]
    return len(seen) if len(seen) >= 3 and seen == list(range(1, len(seen) + 1)) else None


def threshold_counts(text: str, line: int | None, original: str, time_progress: float | None) -> list[Summary]:
    """注：完成率超过时序进度的县（市）共10个 → total 10 of the regions whose rate exceeds 66.7%
    (the 时序进度 the document states elsewhere); the check counts the regions' rates."""
    out = []
    for m in P.THRESHOLD_COUNT.finditer(text):
        ref = m.group("ref")
        value = time_progress if "进度" in ref else float(ref.rstrip("% "))
        n = to_number(m.group("n"))
        if value is None or n is None:
            continue
        out.append(Summary(subject=m.group(0), total=n, unit="个", evidence=Evidence(text=original, line=line),
                           scope="threshold", threshold=value, above=m.group("cmp") in ("超过", "高于", "达到", "不低于")))
    return out


def table_counts(table, lines: list[str]) -> list[Summary]:
    """形成21个候选项目 over a table headed 候选项目 that lists 20 rows: the declared number of the
    things a table's column names (in the 40 lines above the table), against the rows it lists."""
    if not table.n_rows or table.n_rows < 3:
        return []
    heads = [h for h in (_SPACES.sub("", x) for x in filled_rows(table)[0]) if len(h) >= 3 and h.endswith(("项目", "任务"))]
    first = next((ln for ln in table.row_lines if ln), None)
    if not heads or not first:
        return []
    out = []
    for k in range(max(0, first - 41), first - 1):
        for head in heads:
            m = re.search(r"(?P<n>\d+|[一二三四五六七八九十]+)\s*(?:个|项|件)" + re.escape(head), lines[k])
            n = to_number(m.group("n")) if m else None
            if m and n:
                rows = sum(1 for r in filled_rows(table)[table.header_rows:] if any(x.strip() for x in r))
                out.append(Summary(subject=m.group(0), total=n, unit="个" + head, listed=rows, scope="list",
                                   evidence=Evidence(text=lines[k].strip(), line=k + 1)))
    return out


def ballot_count(listed: int, paragraphs, line: int | None) -> Summary | None:
    """形成21个候选项目 against the rows of the ballot that follows: the first number of candidates
    the text declares is the list's total."""
    for ln, nt in paragraphs:
        m = P.CANDIDATES.search(nt.text)
        if m and (line is None or ln < line):
            total = to_number(m.group("n"))
            if total:
                return Summary(subject="候选项目", total=total, unit="个", listed=listed, scope="list",
                               evidence=Evidence(text=nt.original.strip(), line=ln))
    return None


def money_parts(text: str, gaz, line: int | None, original: str) -> list[Summary]:
    """累计下达资金562.8亿元，其中中央资金298.6亿元、省级资金143.5亿元、市县资金112.7亿元 → total 562.8亿
    and its parts, each as precise as written (the check allows their rounding)."""
    if "其中" not in text or "元" not in text:
        return []
    out = []
    for m in P.MONEY_BREAKDOWN.finditer(text):
        found = [q for q in find_quantities(text, gaz.units) if q.unit == "元"]
        before = [q for q in found if q.end <= m.start() and not text[q.end:m.start()].strip("，, ")]
        end = min([i for i in (text.find(ch, m.end()) for ch in "。；;") if i >= 0] or [len(text)])
        parts = _listed_parts(text, [q for q in found if m.end() <= q.start < end])
        if not before or len(parts) < 2:
            continue
        total = before[-1]
        labels: dict[str, float] = {}
        for q in parts:
            cut = max(text.rfind(ch, m.end(), q.start) for ch in "、，,") + 1
            label = text[max(cut, m.end()):q.start].strip() or f"第{len(labels) + 1}项"
            labels[label] = labels.get(label, 0.0) + q.value
        out.append(Summary(subject=text[max(text.rfind(ch, 0, total.start) for ch in "，,。；：") + 1:total.start].strip(),
                           total=total.value, unit="元", parts=labels, scope="money",
                           tolerance=total.half + sum(q.half for q in parts),
                           evidence=Evidence(text=original, line=line)))
    return out


def _listed_parts(text: str, parts: list) -> list:
    """中央资金2.9亿元、市县配套1.46亿元，市财政局已提前下达第一批资金1.2亿元: a list joined by 、 ends at
    the first ，; the figure after it is a clause of its own, not a part."""
    out = parts[:1]
    joined_by = ""
    for prev, q in pairwise(parts):
        gap = text[prev.end:q.start]
        sep = "、" if "、" in gap else "，" if re.search(r"[，,]", gap) else ""
        if joined_by == "、" and sep == "，":
            break
        joined_by = joined_by or sep
        out.append(q)
    return out


# ---- statements that run over a sentence boundary; shares of a count ---------------------------------

@dataclass
class Share:
    """9项…占比60% of 15项: a part, the total it is a share of, and the share as written."""
    part: float
    total: float
    unit: str
    rate: float
    raw: str
    label: str
    evidence: Evidence


def _counts(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    return [m for m in COUNT.finditer(text, start, len(text) if end is None else end) if to_number(m.group("n"))]


def _is_total(text: str, m: re.Match) -> bool:
    return bool(TOTAL_BEFORE.search(text[max(0, m.start() - 4):m.start()]) or TOTAL_AFTER.match(text[m.end():]))


def _sentence_start(text: str, pos: int, back: int = 0) -> int:
    """Where the sentence holding pos begins; back=1 also takes in the sentence before it."""
    start = text.rfind("。", 0, pos) + 1
    for _ in range(back):
        if start > 0:
            start = text.rfind("。", 0, start - 1) + 1
    return start


def _noun(text: str, m: re.Match) -> str:
    """24个事项已提前完成 -> 事项; 15项中 -> ''; 3个乡镇 -> 乡镇: what a count counts, as written after it."""
    found = NOUN_AFTER.match(text, m.end())
    return found.group(0) if found else ""


def _same_things(a: str, b: str) -> bool:
    return not a or not b or a in b or b in a


def sentence_breakdowns(text: str, line: int | None, original: str) -> list[Summary]:
    """涉及我市45个事项。…其中24个事项已提前完成，9个事项超序时进度，11个事项按序时推进
    → total 45 (个), parts by status {…: 24, …: 9, …: 11}: a total of work items (事项, 项目, 任务, N项/件) at the
    end of one sentence (or earlier in the same one) and the 其中 that splits it by status, clause by clause.
    Read as nothing: a breakdown that names a remainder it does not count (其余/其他/等: partial); a clause with a
    count but no status (幼儿园7个: by kind); two parts of one status (城区完成12个，县区完成20个: by place);
    statuses that nest (已开工18个，已竣工6个); fewer than three parts unless one is a counted 其余N."""
    out: list[Summary] = []
    for k in (m.start() for m in P.AMONG_THEM.finditer(text)):
        end = text.find("。", k)
        body = text[k + 2:end if end >= 0 else len(text)]
        if UNCOUNTED_REST.search(body.replace("其中", "")):
            continue
        parts: dict[str, float] = {}
        statuses: list[tuple] = []
        nouns: list[str] = []
        unit = remainder = None
        for clause in _clauses(body):
            found = _counts(clause)
            if not found:
                continue
            if len(found) != 1 or not STATUS_WORD.search(clause) or unit not in (None, found[0].group("unit")):
                parts = {}
                break
            unit = found[0].group("unit")
            statuses.append(tuple(STATUS_WORD.findall(clause)))
            nouns.append(_noun(clause, found[0]))
            label = (clause[:found[0].start()] + clause[found[0].end():]).strip("，,：: ") or f"第{len(parts) + 1}部分"
            parts[label] = parts.get(label, 0) + (to_number(found[0].group("n")) or 0)
            if found[0].group("rest"):
                remainder = label
        if unit is None or len(parts) < (2 if remainder else 3) or len(set(statuses)) != len(statuses) \
                or (any(STARTED.search("".join(x)) for x in statuses) and any(FINISHED.search("".join(x)) for x in statuses)):
            continue
        before = [m for m in _counts(text, _sentence_start(text, k, back=1), k)
                  if m.group("unit") == unit and not m.group("rest")]
        if not before:
            continue
        total, noun = to_number(before[-1].group("n")) or 0, _noun(text, before[-1])
        if any(v >= total for v in parts.values()) or not (unit in "项件" or WORK_NOUN.search(noun)) \
                or not all(_same_things(noun, x) for x in nouns):
            continue
        subject = text[max(text.rfind(ch, 0, before[-1].start()) for ch in "，,。；;") + 1:before[-1].end()]
        out.append(Summary(subject=subject.strip() or None, total=total, unit=unit, parts=parts, remainder=remainder,
                           evidence=Evidence(text=original, line=line), scope="breakdown"))
    return out


def stated_shares(text: str, line: int | None, original: str) -> list[Share]:
    """15项中有9项提前完成，占比60%；3项进展较快，占比27% / 共15个，其中完成3个，占27% / 58项中27项已完成，占46.5%
    → (9 of 15, 60%), (3 of 15, 27%)…: each stated share, the count right before it (its part) and the total the
    sentence declares before the part (共N / N项中), in the same unit.  A share of another whole (占全省的,
    占总投资的), with another figure between the part and the share, or with a count of the same unit between the
    total and the part that is not itself a part with its share (共50个，其中省级20个，已完成8个，占40%: of 20 or of
    50?) is not read."""
    out: list[Share] = []
    last = 0
    parts_at: set[int] = set()          # where the parts of the shares read so far begin
    for m in SHARE.finditer(text):
        seg = max(last, max(text.rfind(ch, 0, m.start()) for ch in "；;。") + 1)
        last = m.end()
        of = m.group("of")
        if of and (OTHER_WHOLE.search(of) or not ITEMS_WHOLE.search(of)):
            continue
        counts = _counts(text, seg, m.start())
        if not counts or counts[-1].group("rest"):
            continue
        part = counts[-1]
        between = text[part.end():m.start()]
        if re.search(r"\d", between) or OTHER_WHOLE.search(between):
            continue
        start = _sentence_start(text, part.start(), back=1)
        totals = [t for t in _counts(text, start, part.start()) if t.group("unit") == part.group("unit")
                  and _is_total(text, t) and _same_things(_noun(text, t), _noun(text, part))]
        parts_at.add(part.start())
        if not totals or any(x.group("unit") == part.group("unit") and x.start() not in parts_at
                             for x in _counts(text, totals[-1].end(), part.start())):
            continue
        n, whole = to_number(part.group("n")), to_number(totals[-1].group("n"))
        if not n or not whole or n >= whole:
            continue
        label = text[max(text.rfind(ch, 0, part.start()) for ch in "，,；;。") + 1:part.end()].strip()
        out.append(Share(part=n, total=whole, unit=part.group("unit"), rate=float(m.group("rate")),
                         raw=m.group("rate"), label=label, evidence=Evidence(text=original, line=line)))
    return out


def composed_counts(text: str, line: int | None, original: str) -> list[Summary]:
    """将除A外的七件事和B、C一道列入“十件实事” → total 10, listed 7 + 2 = 9: a declared number of items made
    of a count taken from another list and the items named beside it (the check compares the two)."""
    out: list[Summary] = []
    for m in COMPOSED.finditer(text):
        taken, total = to_number(m.group("m")), to_number(m.group("k"))
        named = [x.strip() for x in NAMED_SEP.split(m.group("named")) if x.strip()]
        if not taken or not total or taken >= total or not named or len(named) > 5 \
                or any(not 2 <= len(x) <= 16 for x in named):
            continue
        out.append(Summary(subject=m.group(0), total=total, unit="件", listed=int(taken) + len(named),
                           items=named, evidence=Evidence(text=original, line=line), scope="composed"))
    return out
