"""Projects written as numbered items of prose, the commonest shape after tables:

  （一）促进城乡就业。由市人社局牵头，市财政局配合。年度目标为城镇新增就业3万人。
        全市城镇新增就业2.86万人，完成年任务的95.3%。
  1.扩大城区学前教育资源。新建改扩建城区公办幼儿园3所，新增学位1080个。
    牵头单位：县教育局；配合单位：县发改委。分管领导：刘  敏。完成时限：8月底前。

An item runs from its number to the next number or heading.  Its title is the text up to
the first 。; labelled fields give units, leaders and the deadline; 年度目标 sentences (or,
in a plan, the whole body) give targets; in a progress report the rest gives progress.
"""
from __future__ import annotations

import re
from itertools import pairwise

from . import patterns as P
from .normalize import NText
from .numbers import find_quantities, percent_targets, plan_figures, shares_in_report, target_figures
from .people import assigned_leaders, bracket_units, field_units, leaders_in, role_units
from .progress import progress_in, status_in, without_by_products
from .records import Evidence, Progress, Project, Quantity, Target
from .spans import last_mark
from .tables import deadline_iso

PARTNER_KEYS = ("配合单位", "协办单位", "协助单位", "参与单位", "配合部门", "协同", "配合")
LEADER_KEYS = ("责任领导", "分管领导", "牵头领导", "联系领导", "责任人")
DEADLINE_KEYS = ("完成时限", "完成时间", "时间节点", "督办时限", "办理时限", "时限")


def item_dots(paragraphs) -> list:
    """8．65岁以上老年人健康体检 right after item 7．: the dot numbers the item, it is not 8.65.  A space after
    the dot says so (mapped to the dot, so offsets still lead to the original)."""
    out, last = [], None
    for ln, nt in paragraphs:
        m = P.ITEM_DOT_FIGURE.match(nt.text)
        if m and last is not None and int(m.group("n")) == last + 1:
            k = m.end()
            nt = NText(nt.text[:k] + " " + nt.text[k:], nt.original, nt.offsets[:k] + nt.offsets[k - 1:])
        item = P.ITEM.match(nt.text)
        if item and item.group("b"):
            last = int(item.group("b"))
        out.append((ln, nt))
    return out


RUN_ON_AFTER = set("。；;）) \t")


def run_on_items(paragraphs) -> list:
    """1.新建…（牵头单位：市民政局）2.新建… 3.改造…: numbered items that run on in one paragraph (a web
    page's list copied as one line) are paragraphs of their own, cut where each number stands after a
    space, a stop or a bracket and the numbers count on by one.  The pieces keep the line's number."""
    out = []
    for ln, nt in paragraphs:
        numbered = [m for m in P.RUN_ON_NUMBERED.finditer(nt.text) if _stands_apart(nt, m.start())]
        bracketed = [m for m in P.RUN_ON_BRACKETED.finditer(nt.text) if _stands_apart(nt, m.start())]
        if len(numbered) + len(bracketed) < 2:
            out.append((ln, nt))
            continue
        marks = max(_counting_on(numbered), _counting_on(bracketed), key=len)     # 1. 2. before （1）（2） on a tie
        if len(marks) < 2:
            out.append((ln, nt))
            continue
        cuts = [0, *(m.start() for m in marks if m.start() > 0), len(nt.text)]
        out += [(ln, _piece(nt, a, b)) for a, b in pairwise(cuts) if nt.text[a:b].strip()]
    return out


def _stands_apart(nt: NText, i: int) -> bool:
    """The item number at i opens the text, follows a stop or a bracket, or followed a space as written
    (normalising drops a space between a Chinese character and a digit)."""
    if i == 0 or nt.text[i - 1] in RUN_ON_AFTER:
        return True
    at = nt.offsets[i] if i < len(nt.offsets) else len(nt.original)
    return at > 0 and nt.original[at - 1].isspace()


def _counting_on(marks: list[re.Match]) -> list[re.Match]:
    """The longest run of marks whose numbers go up by one, each after the last (one pass: a run ending
    in n extends the longest run ending in n - 1 before it)."""
    length: list[int] = []
    before: list[int | None] = []
    ending: dict[int, int] = {}          # a number → the mark that ends the longest run ending in it
    for i, m in enumerate(marks):
        n = _item_number(m.group(1))            # (RUN_ON_NUMBERED's n, RUN_ON_BRACKETED's p)
        j = ending.get(n - 1)
        length.append(1 if j is None else length[j] + 1)
        before.append(j)
        if n not in ending or length[i] > length[ending[n]]:
            ending[n] = i
    end = max(range(len(marks)), key=length.__getitem__, default=None)
    run: list[re.Match] = []
    while end is not None:
        run.append(marks[end])
        end = before[end]
    return run[::-1]


def _item_number(written: str) -> int:
    """3 / 十二 → 12: an item's number as written, in figures or in Chinese numerals up to 99."""
    if written.isdigit():
        return int(written)
    tens, _, ones = written.rpartition("十")
    if "十" not in written:
        return CN_DIGITS.index(written) + 1 if written in CN_DIGITS else 0
    return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)


CN_DIGITS = "一二三四五六七八九"


def _piece(nt: NText, a: int, b: int) -> NText:
    while b > a and nt.text[b - 1].isspace():
        b -= 1
    start, end = nt.offsets[a], nt.offsets[b - 1] + 1
    return NText(nt.text[a:b], nt.original[start:end], tuple(o - start for o in nt.offsets[a:b]))


def group_items(paragraphs, units: dict) -> list[list]:
    """Runs of paragraphs: an item's first paragraph and those after it up to the next item.

    A heading's own fields (一、教育提质（责任市领导：周  红）) are carried into its items; a
    heading followed by prose rather than by numbered items is itself the item, and the prose
    up to the next heading is its body (一、城镇新增就业（牵头单位：市人社局） / 年度目标…)."""
    items: list[list] = []
    heading_fields: list = []
    heading: tuple | None = None
    group = 0                   # where the items under the last heading start
    for ln, nt in paragraphs:
        if _is_heading(nt.text, units) or (P.CN_ITEM_NUMBER.match(nt.text) and P.FIELD.search(nt.text)
                                           and len(nt.text) < 60 and not find_quantities(nt.text, units)):
            heading_fields = [(ln, nt)] if P.FIELD.search(nt.text) else []
            heading = (ln, nt)
            items.append([])
            group = len(items)
            continue
        if items and items[-1] and len(items) > group and P.FUNDING_FIELD.match(nt.text.strip()):
            continue            # 资金：… between a heading's sub-items and their fields: funding, read elsewhere
        if items and items[-1] and P.FIELD.match(nt.text.strip()) and _shared_fields(items[group:]):
            for item in items[group:-1]:
                item.append((ln, nt))     # （1）…（2）… then 牵头单位：…: the fields of every sub-item
        if P.ITEM.match(nt.text) or _labelled_project(nt.text):
            items.append([(ln, nt)] + [("heading", h) for _, h in heading_fields])
            heading = None
        elif heading is not None and items and not items[-1] and _heads_a_project(heading[1].text, nt.text):
            items[-1] += [heading, (ln, nt)]          # the heading is the item, this is its body
            heading_fields = []
        elif items and items[-1] and items[-1][0] == heading and len(items[-1]) < 8:
            items[-1].append((ln, nt))
        elif items and items[-1] and P.CONTENT.match(nt.text) and len(items[-1]) < 8:
            items[-1].append((ln, nt))      # 督办内容：年度新增公共停车泊位1500个，目前已完成620个…
        elif items and items[-1] and _item_reported(items[-1], nt.text, units):
            items[-1].append((ln, nt))      # 1.新建村卫生室14个。（县卫健局） / 已建成11个…: the report on it
        elif items:                   # (a heading was taken above)
            if P.FIELD.search(nt.text) and 0 < len(items[-1]) < 8:
                items[-1].append((ln, nt))
            else:
                items.append([])      # prose between items closes the item
    return [i for i in items if i]




def _item_reported(item: list, text: str, units: dict) -> bool:
    """A line that reports on a numbered item of one line (its task, its units in brackets after it) in the
    unit of the task's figure: 1.新建村卫生室14个。（县卫健局） then 已建成11个，3个正在装修。"""
    task = _item_task(item[0][1].text)
    if not task or any(x[0] != "heading" for x in item[1:]) or P.ITEM.match(text):
        return False
    tail = P.TAIL_UNITS.search(task)
    task = (task[:tail.start()] if tail else task).strip().rstrip("。；;")
    return bool(task) and len(_segments(task, 1)) == 1 and _reports_on(task, text, units)


def _item_task(text: str) -> str:
    """What a numbered line states after its number, without its closing stop ("" for a line without a number)."""
    number = P.ITEM.match(text)
    return text[number.end():].strip().rstrip("。；;") if number else ""


def _shared_fields(group: list[list]) -> bool:
    """Sub-items of one heading, each a single line without fields and numbered alike: a field line after the
    last is theirs (（一）教育惠民工程 over 1.新建幼儿园2所 / 牵头单位：… is a category over an item, not two items)."""
    return len(group) >= 2 and all(len([x for x in item if x[0] != "heading"]) == 1
                                   and not P.FIELD.search(item[0][1].text) for item in group[:-1]) \
        and len({_numbering(item[0][1].text) for item in group}) == 1


def _numbering(text: str) -> str | None:
    """How an item is numbered: （一） and （1） and 1. and ① differ, the figures aside."""
    m = P.ITEM.match(text)
    if m is None or m.lastgroup is None:
        return None
    return m.lastgroup + ("0" if m.group(m.lastgroup).isdigit() else "一")


def _labelled_project(text: str) -> bool:
    """城镇新增就业（区人社局）：年度目标4200人，已新增就业3696人… — a project named before a colon."""
    m = P.LABELLED.match(text)
    if P.CONTENT.match(text) or P.FIELD.match(text):
        return False          # 目标：… / 牵头单位：… is a field of the item above
    return m is not None and not P.GENERIC_HEADING.search(m.group("name")) and bool(
        P.TARGET_SENT.search(text, m.end()) or P.PROGRESS_RATE.search(text, m.end())
        or shares_in_report(text[m.end():])[0])


def _heads_a_project(heading: str, body: str) -> bool:
    """一、城镇新增就业（牵头单位：市人社局） over 年度目标…: a project, unlike 一、总体情况."""
    if P.GENERIC_HEADING.search(P.BRACKETED_LAZY.sub("", heading)):
        return False
    if P.FIELD.search(heading) or P.HEADING_OWNER.search(heading):
        return True       # 一、老旧小区改造（区住建局牵头）: a project however many figures its body states
    marks = len(P.TARGET_SENT.findall(body)) + len(P.PROGRESS_RATE.findall(body))
    return 1 <= marks <= 3      # one project's target and rates; more is a paragraph of several


def _field_text(text: str) -> str:
    """The field a heading line of an item holds (group_items takes such a line only when it has one)."""
    field = P.FIELD.search(text)
    assert field is not None, text
    return field.group(0)


def counted_category(text: str) -> bool:
    """（一）教育类（2件） / 一、教育提升（共2项）: a category heading with the count of its items in brackets."""
    return len(text) < 30 and bool(P.ITEM_COUNT_BRACKET.search(text)) \
        and bool(P.CN_ITEM_NUMBER.match(text) or P.PAREN_CN_NUMBER.match(text))


def _is_heading(text: str, units: dict) -> bool:
    """一、教育惠民类 / （一）教育类（2件） is a heading (the count of its items is no figure of a project);
    一、新建幼儿园十二所。 is an item."""
    if len(text) >= 30:
        return False          # a heading is short (most paragraphs are not: nothing to search)
    counted = P.ITEM_COUNT_BRACKET.search(text)
    numbered = P.CN_ITEM_NUMBER.match(text) or (counted and P.PAREN_CN_NUMBER.match(text))
    return bool(numbered) and not find_quantities(P.ITEM_COUNT_BRACKET.sub("", text) if counted else text, units)


def projects_from_items(paragraphs, gaz, places: set[str], kind: str, year: int | None,
                        used: set[int], tabled: bool = False) -> list[Project]:
    """Projects of the numbered items; the lines they consume are added to `used`.  In a plan
    whose list is a table (`tabled`), numbered prose stating figures without units or fields
    restates the table and gives no project of its own."""
    out = []
    taken = set(used)          # lines other readers took (items that run on in one line share it)
    for item in group_items(paragraphs, gaz.units):
        ln, _ = item[0]
        if ln in taken:
            continue
        text = "。".join(x[1].text.strip().rstrip("。；;") for x in item if x[0] != "heading")
        original = "\n".join(x[1].original.strip() for x in item if x[0] != "heading")
        heading = "；".join(_field_text(x[1].text) for x in item if x[0] == "heading")
        m = P.ITEM.match(text)
        label = None if m else P.LABELLED.match(text)
        if m:
            body = text[m.end():]
        else:
            assert label is not None, "group_items starts every item with a number or a label"
            body = text[label.end():].lstrip()
        numbered = P.NUMBERED_LABEL.fullmatch(label.group("name")) \
            if label else None
        if label and not numbered:
            body = label.group("name") + "。" + body     # 城镇新增就业（区人社局）：年度目标… reads as an item
        if P.UNIT_FIELD_OPENING.match(body):
            continue      # 1.牵头责任单位：… is a list of units, not a project
        named = P.NAME_UNITS.match(body)          # 城镇新增就业（市人社局）年度目标4.8万人，…: the unit inside the sentence
        named_owners = bracket_units(named.group("units"), gaz.org_suffixes) \
            if named and body[named.end():named.end() + 1] not in "。：:" else None
        if named and named_owners:
            body = named.group("name") + body[named.end():]
        fields = list(P.FIELD.finditer(body)) + list(P.FIELD.finditer(heading))
        roles = [] if P.GENERIC_HEADING.search(body[:12]) else role_units(body, gaz.org_suffixes)   # （三）严格督查考核
        tail = P.TAIL_UNITS.search(body)              # 1．新建幼儿园6所，已全部建成。（区教育局）
        first_end = len(body) - len(text) + len(item[0][1].text.strip().rstrip("。；;"))
        if tail is None and 0 < first_end < len(body) and body[first_end] == "。":
            # 1．新建幼儿园6所。（区教育局） over 进展：已建成4所: the units end the item's first line
            tail = P.TAIL_UNITS.search(body, 0, first_end)
        tail_owners = bracket_units(tail.group("units"), gaz.org_suffixes) if tail else None
        if tail and tail_owners:
            body = body[:tail.start() + 1] + body[tail.end() + 1:]
        has_target = _target_sentence(body)
        title_end = body.find("。")
        first = body[:title_end] if title_end > 0 else body
        done = P.PROGRESS_START.search(first) if kind in ("progress", "summary") and len(first) <= 80 else None
        if done and not (P.PROGRESS_RATE.search(first) and find_quantities(first, gaz.units)) \
                and not (P.REPORT_AFTER_TASK.match(first, done.start()) and _same_unit_either_side(first, done.start(), gaz)):
            done = None
        if done:        # 城镇新增就业年度目标2.2万人，已新增就业1.91万人，完成86.8%。 / 新建线路8条，已开通5条：
            #             task and progress in one sentence
            title_end = -1
        title = body[:title_end] if 0 < title_end <= 40 else body[:40]
        past = P.PAST_RESULTS.match(title)
        if past and kind == "plan" and year and int(past.group("y")) < year:
            continue      # 一、2020年为民办实事完成情况 in the 2021 plan: last year's results are no targets
        if not (fields or roles or has_target or done or tail_owners or P.ASSIGNED_LEADER.search(body)
                or _figures_then_rate(body, title, gaz) or _owned(body, title, gaz)
                or (kind == "plan" and not tabled and _listed(body, title, gaz))):
            continue      # the tests that read figures last: most items pass one of the others
        if P.PROJECTS_COUNTED.match(text):
            continue      # （一）对3个滞后项目，由分管副市长…牵头: an instruction about projects, not one
        if kind in ("progress", "summary") and not fields and not roles and P.DONE_OVER_TASK.search(body):
            continue      # 城镇新增就业：完成4200人/5000人: the count done over its task, read by sentences
        if _category_of_clauses(title, body, gaz):
            continue      # （一）教育卫生方面。A（unit）…；B（unit）…: one project a clause, read by sentences
        owner = P.TITLE_UNITS.search(title)
        owners = bracket_units(owner.group("units"), gaz.org_suffixes) if owner else None
        if owner and owners:
            title = title[:owner.start()]                # 城镇新增就业（县人社局）: the unit in brackets
        owners = owners or tail_owners or named_owners
        pairs = _paired(body.split("。")[0], gaz, ln, original) if kind in ("progress", "summary") else []
        if pairs:             # 3．幼儿园16所、学位4800个，分别已完工13所、3840个…: one project a task
            pairs[0].seq = _item_seq(m) if m else None
            if owners:
                for pair in pairs:
                    _add_owners(pair, owners)
            out += pairs
            used.update(x[0] for x in item if x[0] != "heading")
            continue
        if done:
            title = _name_of(first[:done.start()], gaz)
        title = P.FIELD_BRACKET.sub("", title)             # 促进就业（责任单位：市人社局）: the field is read above
        p = Project(name=title.strip(), seq=_item_seq(m) if m else numbered.group("n") if numbered else None,
                    evidence=Evidence(text=original, line=ln))
        rest = body[title_end + 1:] if 0 < title_end <= 40 else body
        for f in fields:
            key, val = f.group("key"), f.group("val")
            if key.endswith(("领导", "责任人")) or key in LEADER_KEYS:
                p.add_leaders(leaders_in(val))
            elif key in DEADLINE_KEYS:
                p.deadline = p.deadline or deadline_iso(val, year)
            elif key in PARTNER_KEYS:
                p.partner_units += [u for u in field_units(val, gaz.org_suffixes) if u not in p.partner_units]
            else:
                p.lead_units += [u for u in field_units(val, gaz.org_suffixes) if u not in p.lead_units]
        if owners:
            p.lead_units += [u for u in owners[0] if u not in p.lead_units]
            p.partner_units += [u for u in owners[1] if u not in p.partner_units]
        for role, names, _ in roles:
            p.add_units(role, names)
        if p.deadline is None and kind in ("plan", "supervision"):
            limit = P.DEADLINE_PHRASE.search(body) or P.DEADLINE_CLAUSE.search(body)   # 限期于10月31日前整改到位
            p.deadline = deadline_iso(limit.group("d"), year) if limit else None
        p.add_leaders(assigned_leaders(body))           # 由副县长王立新负责
        clean = P.CONTENT.sub("", P.FIELD.sub("", P.FUNDING_FIELD.sub("", rest)))
        clean = _without_spans(clean, [span for _, _, span in role_units(clean, gaz.org_suffixes)])
        clean = P.EMPTY_BRACKETS.sub("", clean)
        target_text, progress_text = _split(clean, kind)
        cut = P.PROGRESS_START.search(clean) if done and not _target_sentence(clean) else None
        sections = _sections(rest)
        if sections:             # 目标任务：… 进展情况：… 存在问题：…: only the first two count
            target_text, progress_text = sections
            clean = target_text + "。" + progress_text
        elif cut:
            target_text, progress_text = clean[:cut.start()], clean[cut.start():]
        elif kind not in ("progress", "summary") and 0 < title_end <= 40:
            target_text = title + "。" + target_text     # 1.新增养老床位300张。 in a plan
        elif not _target_sentence(clean) and find_quantities(title, gaz.units):
            # the item's own title states the target (a title cut at 40 characters is no title: the whole sentence)
            target_text = title if 0 < title_end <= 40 else clean
        figures = plan_figures(target_text, gaz.units) if kind in ("plan", "supervision") \
            else target_figures(target_text, find_quantities(target_text, gaz.units))
        for q in figures:
            p.targets.append(Target.of(q, _clause(target_text, q.start, q.end)))
        if progress_text:
            p.progress = without_by_products(progress_in(progress_text, gaz, places, ln, original, p.targets),
                                              p.targets, progress_text)
            whole = p.targets[0] if len(p.targets) == 1 else None
            if whole and whole.value is not None and not p.progress and not (whole.unit or "").startswith("元") \
                    and whole.op == "=" \
                    and P.WHOLE_DONE.match(progress_text):
                # 开设课堂30个。已全部开课: the whole task is the count done
                p.progress.append(Progress(text=original, line=ln, status="done", completed=Quantity(
                    value=whole.value, unit=whole.unit, raw=whole.raw or "", half=whole.half, family=whole.family)))
            status = status_in(progress_text, gaz)
            if status:
                for g in p.progress:
                    if g.region is None and g.status is None:
                        g.status = status
        if kind in ("progress", "summary"):
            _add_shares(p, clean, ln, original)
        if sections:
            _growth(p, target_text, progress_text, ln, original)
        if p.targets or p.progress or p.lead_units or p.leaders:
            out.append(p)
            used.update(x[0] for x in item if x[0] != "heading")
            _progress_lines(p, [x for x in item if x[0] != "heading"])
    return out


def _same_unit_either_side(text: str, cut: int, gaz) -> bool:
    """新建公交线路8条，|已开通5条: a figure before `cut` and one after it in one unit (the task, the count done)."""
    found = find_quantities(text, gaz.units)
    before = {q.unit for q in found if q.end <= cut and q.unit}
    return any(q.unit in before for q in found if q.start >= cut)


def _figures_then_rate(body: str, title: str, gaz) -> bool:
    """新增学位2700个。…完成率85%: the title states figures and the body after it a rate."""
    return bool(P.PROGRESS_RATE.search(body[len(title):]) and find_quantities(title, gaz.units))


def _owned(body: str, title: str, gaz) -> bool:
    """5.村级幼儿园建设（县教育局）。新建…20所: the title names its unit in brackets and the body states figures."""
    return bool(P.TITLE_UNITS.search(title) and find_quantities(body, gaz.units))


def _listed(body: str, title: str, gaz) -> bool:
    """第二，发展学前教育。新建公办幼儿园120所…: in a plan (its list no table) a numbered item stating figures is a
    project; 4.课后服务。…覆盖率保持100%: so is one whose one share is its target (several shares and no count: a
    field's heading over them)."""
    return not P.GENERIC_HEADING.search(title) and \
        bool(target_figures(body, find_quantities(P.FUNDING_FIELD.sub("", body), gaz.units))
             or len(percent_targets(body)) == 1)


def _progress_lines(p: Project, lines: list) -> None:
    """三、城镇新增就业 / 年度目标2600人，1-9月新增就业2310人: a progress figure of an item written over several
    lines stands on the line that writes it (the item's evidence is its first line)."""
    if len(lines) < 2:
        return
    for g in p.progress:
        raw = g.completed.raw if g.completed else g.rate_raw
        found = [ln for ln, nt in lines if raw and raw in nt.text]
        if found:
            g.line = found[-1]




def projects_from_sentences(paragraphs, gaz, places: set[str], skip_lines: set[int]) -> list[Project]:
    """Progress reports that run several projects through one paragraph, a clause each:
    城镇新增就业年度目标1800人，已实现新增就业1926人，完成率107%；农村危房改造年度任务2450户，…"""
    out: list[Project] = []
    reported: dict[int, int] = {}       # a task line joined with the line reporting on it: that line
    for ln, nt in _task_lines_joined(paragraphs, gaz, skip_lines, reported):
        if ln in skip_lines or problems_or_plans(nt.text):
            continue
        last: Project | None = None      # the project the paragraph's sentence before set up
        claim = None                     # (units in brackets, projects before the sentence)
        number = P.ITEM.match(nt.text)   # 四、新增托位500个，已完成420个: the item's number is not its name
        first = len(out)
        circled: tuple[int, str] | None = None      # ①城镇新增就业…；②…: the number of the project the segment opens
        one_sentence = len(_segments(nt.text.rstrip("。；; "), 1)) == 1
        # 新建公办幼儿园。年度目标6所，…: a paragraph's opening words before its first stop, short and without
        # figures, name the task the next sentence sets when that sentence names none
        first_words = _segments(nt.text[number.end():] if number else nt.text, 1)[0].strip()
        heading_words = first_words if 2 <= len(first_words) <= 20 and not P.DIGIT_OR_CLAUSE_MARK.search(first_words) else ""
        labelled: tuple[str, int] | None = None     # 城市更新：累计完成投资…: the label names what the segment reports
        for seg in _with_reports(_segments(nt.text[number.end():] if number else nt.text), gaz):
            _own(out, claim)
            claim = None
            _labelled(out, labelled)
            labelled = None
            _number_circled(out, circled)
            circle = P.CIRCLED_OPENING.match(seg)
            circled = (len(out), str(ord(circle.group(1)) - 0x245F)) if circle else None
            seg = seg[circle.end():] if circle else seg
            if not P.NUMERAL.search(seg):
                continue        # every reader below records a figure or a rate: a segment without a numeral gives none
            slashed = _done_of_task(seg, gaz, ln, nt.original.strip())
            if slashed is not None:
                out.append(slashed)         # 城镇新增就业：完成4200人/5000人: the count done over its task
                continue
            if out and out[-1].evidence.line == ln:
                last = out[-1]
            if last is not None and _continues(last, seg, gaz, places, ln, nt.original.strip()):
                last = None
                continue
            label = P.COLON_LABEL.match(seg)
            if label and P.REPORT_WORD_OPENING.match(seg, label.end()) and len(label.group("name").strip()) >= 2:
                labelled = (label.group("name").strip(), len(out))
            if label and P.LABEL_CONTINUES.match(seg, label.end()):
                seg = label.group("name") + seg[label.end():]     # 城镇新增就业：目标2.5万人，… names its task
            elif label and label.end() <= 8:
                seg = seg[label.end():]                           # 就业方面：城镇新增就业… a heading before the name
            seg = P.SEGMENT_LEAD.sub("", seg)
            enumerated = P.ENUMERATED_LEAD.match(seg)
            seg = seg[enumerated.end():] if enumerated else seg
            owner = P.TITLE_UNITS.search(seg)            # 新增养老床位4000张，已完成2350张（市民政局）。
            owners = bracket_units(owner.group("units"), gaz.org_suffixes) if owner else None
            if owner and owners:
                seg = seg[:owner.start()]
            lead = P.NAME_UNITS.match(seg)          # 城镇新增就业（市人社局）年度目标4.8万人，…
            lead_owners = bracket_units(lead.group("units"), gaz.org_suffixes) if lead and not owners else None
            if lead and lead_owners:
                seg, owners = lead.group("name") + seg[lead.end():], lead_owners
            claim = (owners, len(out)) if owners else None
            seg = P.IN_FIELD_LEAD.sub("", seg)     # 在教育方面，…
            if len(P.STATUS_TALLY.findall(seg)) >= 2:
                continue        # 已完成2项，按计划推进13项，进度滞后1项: a tally by status, not projects
            named = _bracketed_rates(seg, ln, nt.original.strip())
            if named:
                out += named          # 进度滞后的项目有：农贸市场改造（完成率30%）、…: a project a bracket
                continue
            pairs = _paired(seg, gaz, ln, nt.original.strip())
            if pairs:
                out += pairs
                if owners:
                    for p in pairs:
                        _add_owners(p, owners)
                claim = None
                continue
            m = P.TARGET_SENT.search(seg)
            if m and _task_done(seg, m):
                m = None        # 新增养老床位1200张，已完成年度任务: the task done in full, no target opened
            std = P.STANDARD.search(seg)
            q = _rate_only(seg, gaz)
            if q is not None:
                # 新建智慧健康驿站30个，完成率60%: the task, and a rate with no count to check it by
                out.append(_task_then_progress(seg, q, gaz, places, ln, nt.original.strip()))
                continue
            if (m and seg[m.end():m.end() + 1] == "的") or P.TOTAL_ITEMS.search(seg):
                continue        # 已完成年度任务的2项: a status count, not a project
            done_then_task = _done_then_task(seg, gaz, ln, nt.original.strip())
            if done_then_task is not None:
                out.append(done_then_task)      # 新增城镇就业2.3万人，超额完成1.8万人的目标任务
                continue
            late = _target_after_figure(seg, m, gaz, places, ln, nt.original.strip())
            if late is not None:
                out.append(late)
                continue
            q = None if m else (_restated(seg, gaz) or _done_in_full(seg, gaz))
            # the two readers below take one figure of a segment each: only where a segment is its own item (a
            # numbered paragraph, a circled segment, a paragraph of one sentence); in a paragraph of unnumbered
            # clauses they would leave the clause reader too few figures to read the rest
            own_item = bool(number or circle or enumerated) or one_sentence
            if own_item and not m and not std and q is None and \
                    (lone := _count_then_rate(seg, gaz, places, ln, nt.original.strip())):
                out.append(lone)        # 城镇新增就业1500人，完成年度任务的55%: the count done and its share
                continue
            if own_item and not m and not std and q is None and (going := _task_under_way(seg, gaz, ln, nt.original.strip())):
                out.append(going)       # 新增养老床位100张，正在装修: a task whose work goes on, no count yet
                continue
            # 计划新增城镇就业2800人，已新增2316人 / 全年计划…: the marker opens the clause, the work after it is the name
            opening = m is not None and m.start() < 12 and P.PLAN_SCOPE.fullmatch(seg[:m.start()].strip("，, ")) is not None
            if not (m and (m.start() >= 2 or opening)) and not std and q is None:
                shares = _shares_project(seg, ln, nt.original.strip())     # 城镇登记失业率控制在3.5%以内
                out += [shares] if shares else []
                continue
            if q is not None:
                # 新建改扩建幼儿园9所，已完工7所，完工率77.8%: the clause's first figure is its task
                out.append(_task_then_progress(seg, q, gaz, places, ln, nt.original.strip()))
                if not out[-1].progress and _done_in_full(seg, gaz) is q and not (q.unit or "").startswith("元") \
                        and not P.PROMISED.search(seg[q.end:]):
                    # 改造农村危房1350户，已全部完工: the whole task is the count done
                    out[-1].progress.append(Progress(text=nt.original.strip(), completed=q, line=ln))
                continue
            if m:
                cut = m.start()
            else:
                assert std is not None, "a clause with neither a target nor a standard was skipped above"
                cut = std.start()
            name = P.NAME_TAIL_DE.sub("", seg[:cut]).strip("，, ")
            if opening and m:
                figures = find_quantities(seg[m.end():], gaz.units)
                name = seg[m.end():m.end() + figures[0].start].strip("，, ") if figures else ""
            name = P.OLD_LEVEL_TAIL.sub("", name)     # 养老金最低标准由每人每月100元(提高到…): the old level
            if len(name) < 2 and heading_words and seg.strip() != heading_words:
                name = heading_words
            if not 2 <= len(name) <= 30:
                continue
            if m:
                target_text, progress_text = _split(seg, "progress")
            else:       # 低保标准提高到每人每月不低于560元，已全面执行(，完成率100%)
                assert std is not None
                done = P.PROGRESS_START.search(seg, std.end())
                target_text = seg[std.start():done.start() if done else len(seg)]
                progress_text = seg[done.start():] if done and P.PROGRESS_RATE.search(seg) else ""
            p = Project(name=name, evidence=Evidence(text=nt.original.strip(), line=ln))
            for q in find_quantities(target_text, gaz.units):
                if not P.OVER_TASK_BEFORE.search(target_text, max(0, q.start - 8), q.start):    # 超任务20元
                    p.targets.append(Target.of(q, _clause(target_text, q.start, q.end)))
            p.progress = progress_in(progress_text, gaz, places, ln, nt.original.strip(), p.targets)
            if p.targets or p.progress:
                out.append(p)
        _own(out, claim)
        claim = None
        _labelled(out, labelled)
        _number_circled(out, circled)
        if number and len(out) == first:
            out += _task_heading(nt.text[number.end():], gaz, ln, nt.original.strip())
        for p in out[first:] if ln in reported else []:
            for g in p.progress:
                g.line = reported[ln]       # the progress stands on the line that reports it
        if number and len(out) > first and out[first].seq is None:
            out[first].seq = _item_seq(number)
        heading = P.BRACKET_TAIL.sub("", nt.text[number.end():].split("。")[0].strip()) if number else ""
        if len(out) == first + 1 and 2 <= len(heading) <= 20 and not P.DIGIT_OR_CLAUSE_MARK.search(heading) \
                and not P.FIELD_HEADING_END.search(heading):        # 三、就业方面。: a field, no project's name
            out[first].name = heading      # 2.城乡居民养老保险。目标参保率…: the item's own title names its one project
    return out


def _segments(text: str, maxsplit: int = 0) -> list[str]:
    """``P.SEGMENT_SPLIT.split(text, maxsplit)``; a text without ① … ⑳ is cut at its stops alone (SENTENCE_SPLIT: a class
    the engine skips to, where SEGMENT_SPLIT's look-ahead is tried at every character)."""
    if P.CIRCLED.search(text) is None:
        return P.SENTENCE_SPLIT.split(text, maxsplit)
    return P.SEGMENT_SPLIT.split(text, maxsplit)


def _task_lines_joined(paragraphs, gaz, skip_lines: set[int], reported: dict[int, int]) -> list:
    """一、新建雨污管网26公里 / 截至9月底，已建成18.5公里…: a numbered line that is only its task, then a line
    that reports on it in the task's unit, are one paragraph (the second line is added to `skip_lines`, and
    `reported` maps the first to it)."""
    out: list = []
    for ln, nt in paragraphs:
        prev = out[-1] if out else None
        task = _item_task(prev[1].text) if prev is not None else ""
        label = P.REPORT_LABEL.match(nt.text) if task else None
        report = nt.text[label.end():] if label else nt.text      # 进展：已建成11个: the report after its label
        if prev is not None and task and len(_segments(task, 1)) == 1 \
                and prev[0] not in skip_lines and ln not in skip_lines \
                and not P.ITEM.match(nt.text) and _reports_on(task, report, gaz.units):
            a, b = prev[1], nt
            joined = NText(text=a.text.rstrip().rstrip("。；;") + "。" + report, original=a.original + b.original,
                           offsets=a.offsets[:len(a.text.rstrip().rstrip("。；;"))] + (len(a.original) - 1,)
                           + tuple(len(a.original) + o for o in b.offsets[len(nt.text) - len(report):]))
            out[-1] = (prev[0], joined)
            skip_lines.add(ln)
            reported[prev[0]] = ln
            continue
        out.append((ln, nt))
    return out


def _task_heading(text: str, gaz, ln: int, original: str) -> list[Project]:
    """一、新建改扩建学校6所。目前，实验小学、城南幼儿园已竣工交付… : a numbered item whose first sentence is its
    task and whose next reports on it in words, with no count: the task is the target."""
    parts = [x for x in _segments(text) if x.strip()]
    if len(parts) < 2 or P.LATER_SO_FAR.search(parts[0]) or not _opens_report(parts[1]):
        return []
    found = find_quantities(parts[0], gaz.units)
    if not 1 <= len(found) <= 2 or any(q.unit in (None, "%", "件", "项") for q in found):
        return []
    name = parts[0][:found[0].start].strip("，, ")
    if not 2 <= len(name) <= 30 or re.search(r"\d|[，,]", name):
        return []
    p = Project(name=name, evidence=Evidence(text=original, line=ln))
    p.targets = [Target.of(q, _clause(parts[0], q.start, q.end)) for q in found]
    status = status_in(text, gaz)
    if status:
        p.progress.append(Progress(text=original, line=ln, status=status))
    return [p]


def _done_of_task(seg: str, gaz, ln: int, evidence: str) -> Project | None:
    """城镇新增就业：完成4200人/5000人，完成率84% / 户厕改造：已完成980/1200户: the count done written over the
    task, after a word of doing; the name is the label before the colon, or the words before that word."""
    m = P.DONE_OVER_TASK.search(seg)
    if m is None:
        return None
    task = find_quantities(m.group("task") + m.group("unit"), gaz.units)
    if len(task) != 1 or (m.group("unit1") and m.group("unit1") != m.group("unit")):
        return None
    done = find_quantities(m.group("done") + m.group("unit"), gaz.units)
    if len(done) != 1 or done[0].unit != task[0].unit:
        return None
    label = P.COLON_LABEL.match(seg)
    name = label.group("name") if label and label.end() <= m.start() else seg[:m.start()]
    name = P.SENTENCE_NAME_LEAD.sub("", name).strip("，,：: ")
    if not 2 <= len(name) <= 30 or P.DIGIT_OR_CLAUSE_MARK.search(name):
        return None
    p = Project(name=name, evidence=Evidence(text=evidence, line=ln))
    p.targets.append(Target.of(task[0], m.group(0)))
    g = Progress(text=evidence, completed=done[0], line=ln)
    rate = P.RATE.search(seg, m.end())
    if rate:
        g.rate, g.rate_raw, g.measure = float(rate.group("rate")), rate.group("rate"), "完成率"
    p.progress.append(g)
    return p


def _with_reports(segments: list[str], gaz) -> list[str]:
    """新建污水管网26公里。截至9月底，已建成18.5公里: a sentence that sets a task and reports nothing, then one that
    opens with what is done so far in the task's unit, are one clause of task and progress (joined by a comma)."""
    out: list[str] = []
    for seg in segments:
        if out and _reports_on(out[-1], seg, gaz.units):
            out[-1] = out[-1].rstrip() + "，" + seg.strip()
        else:
            out.append(seg)
    return out


def _opens_report(seg: str) -> bool:
    """截至9月底，… / 已完成… / 3个已完成… / 全部开工，…: the sentence opens with what is done so far."""
    return bool(P.SO_FAR.match("，" + seg.strip()) or P.REPORT_OPENING.match(seg))


def _reports_on(task: str, seg: str, units: dict) -> bool:
    """Does `seg` report on the task `task` sets: it opens with what is done, in the unit of one of the task's
    figures, and `task` reports nothing itself?"""
    if not _opens_report(seg) or P.LATER_SO_FAR.search(task) or P.CIRCLED_OPENING.match(seg):
        return False
    done = find_quantities(seg, units)
    if not done or done[0].unit in (None, "件", "项", "%"):
        return False        # 10件实事累计完成投资…: a count of the projects, not of one task's work
    return any(q.unit == done[0].unit for q in find_quantities(task, units))


def _count_then_rate(seg: str, gaz, places, ln: int, original: str) -> Project | None:
    """城镇新增就业1500人，完成年度任务的55%: a clause's one figure, then the share of the task it is — the figure
    is the count done (a task would be written with 已: 改建床位1500张，已完成年度任务的52%)."""
    if P.RATE_AFTER_COUNT_ANYWHERE.search(seg) is None:
        return None       # no share after a count: the clause's figures need not be found
    found = find_quantities(seg, gaz.units)
    if len(found) != 1 or not P.RATE_AFTER_COUNT.match(seg, found[0].end) or found[0].unit in ("项", "件") \
            or seg[:found[0].start].rstrip().endswith("有"):
        return None       # 序时推进的有6项，占全部项目的60%: a share of the projects, not of a task's work
    name = P.SENTENCE_NAME_LEAD.sub("", seg[:found[0].start]).strip("，, ")
    if not 2 <= len(name) <= 30 or re.search(r"\d|[，,]", name):
        return None
    p = Project(name=name, evidence=Evidence(text=original, line=ln))
    p.progress = progress_in(seg, gaz, places, ln, original, p.targets)
    done = [g for g in p.progress if g.completed is not None]
    if len(done) == 1 and not any(g.rate is not None for g in p.progress):
        share = P.RATE_AFTER_COUNT.match(seg, found[0].end)       # 为全年目标数的98.1%: a wording the rate reader lacks
        assert share is not None, "checked above"
        done[0].rate, done[0].rate_raw, done[0].measure = float(share.group("rate")), share.group("rate"), "完成年任务"
    return p if done else None


def _task_under_way(seg: str, gaz, ln: int, original: str) -> Project | None:
    """新增养老床位100张，正在装修，预计9月投用: a clause's one figure is its task when what follows says the work
    goes on and counts nothing."""
    if P.UNDER_WAY_ANYWHERE.search(seg) is None:
        return None       # UNDER_WAY_AFTER cannot match: the clause's figures need not be found
    found = find_quantities(seg, gaz.units)
    if len(found) != 1 or found[0].start < 2 or not P.UNDER_WAY_AFTER.match(seg, found[0].end):
        return None
    q = found[0]
    name = P.SENTENCE_NAME_LEAD.sub("", seg[:q.start]).strip("，, ")
    if not 2 <= len(name) <= 30 or re.search(r"\d|[，,]|已|累计", name) or re.match(r"完成|建成|完工|竣工|实现", name):
        return None
    p = Project(name=name, evidence=Evidence(text=original, line=ln))
    p.targets.append(Target.of(q, seg[:q.end].strip("，, ")))
    status = "lagging" if re.search(r"滞后|缓慢", seg[q.end:]) else "on_track"
    p.progress.append(Progress(text=original, line=ln, status=status))
    return p




def _number_circled(out: list[Project], circled: tuple[int, str] | None) -> None:
    """The first project read from a segment that opened with ① takes 1 as its number."""
    if circled and len(out) > circled[0] and out[circled[0]].seq is None:
        out[circled[0]].seq = circled[1]


def _paired(seg: str, gaz, ln: int, evidence: str) -> list[Project]:
    """新建幼儿园16所、新增学位4800个，分别已完工13所、新增学位3840个，完成率分别为81.3%、80%: the
    tasks, the counts done and the rates pair in order, one project a task (the second and later
    named after the first: 新建幼儿园（新增学位）)."""
    at = seg.find("分别")
    if at < 0:
        return []         # the lists are paired by 分别 (NAMED_PAIRS holds it too)
    named = _named_pairs(seg, gaz, ln, evidence)
    if named:
        return named
    clauses = re.split(r"[，,]", seg[:at]) if at > 0 else []
    if len(clauses) < 2 or re.search(r"\d", clauses[-1]) or len(clauses[-1]) > 8:
        return []         # …4800个，(目前|均)分别…: the counts follow the tasks' clause at once
    tasks_text = clauses[-2]
    done_text = re.split(r"[，,]", seg[at + 2:])[0]
    rated = P.PAIRED_RATES.match(seg, at + 2 + len(done_text))
    tasks = find_quantities(tasks_text, gaz.units) if "、" in tasks_text else []
    done = find_quantities(done_text, gaz.units)
    rates = P.PERCENT.findall(rated.group("rates")) if rated else []
    if len(tasks) < 2 or len(done) != len(tasks) or (rates and len(rates) != len(tasks)) \
            or any(a.unit != b.unit for a, b in zip(tasks, done)):
        return []
    name = tasks_text[:tasks[0].start].strip("，, ")
    out = []
    for i, (q, d) in enumerate(zip(tasks, done)):
        label = tasks_text[tasks[i - 1].end:q.start].strip("、，, ") if i else ""
        p = Project(name=f"{name}（{label}）" if label else name or q.raw, evidence=Evidence(text=evidence, line=ln))
        p.targets.append(Target(text=tasks_text[tasks[i - 1].end if i else 0:q.end].strip("、，, "), value=q.value,
                                unit=q.unit, op=q.op, raw=q.raw, half=q.half, family=q.family))
        g = Progress(text=evidence, completed=d, line=ln)
        if rates:
            g.rate, g.rate_raw, g.measure = float(rates[i]), rates[i], "完成率"
        p.progress.append(g)
        out.append(p)
    return out


def _named_pairs(seg: str, gaz, ln: int, evidence: str) -> list[Project]:
    """农村公路和城市道路分别为90公里、12公里，已分别完成67公里、9.5公里，完成率分别为74.4%、79.2%: the names
    listed before the first 分别, their tasks after it, the counts done and the rates, all in order."""
    m = P.NAMED_PAIRS.match(seg)
    if m is None:
        return []
    names = [x for x in P.AND_SPLIT.split(m.group("names").strip("，, ")) if x]
    tasks = find_quantities(m.group("tasks"), gaz.units)
    done = find_quantities(m.group("done"), gaz.units)
    rated = P.PAIRED_RATES.match(seg, m.end())
    rates = P.PERCENT.findall(rated.group("rates")) if rated else []
    n = len(names)
    if n < 2 or len(tasks) != n or len(done) != n or (rates and len(rates) != n) \
            or any(a.unit != b.unit for a, b in zip(tasks, done)):
        return []
    out = []
    for i, name in enumerate(names):
        p = Project(name=name, evidence=Evidence(text=evidence, line=ln))
        p.targets.append(Target.of(tasks[i], name + tasks[i].raw))
        g = Progress(text=evidence, completed=done[i], line=ln)
        if rates:
            g.rate, g.rate_raw, g.measure = float(rates[i]), rates[i], "完成率"
        p.progress.append(g)
        out.append(p)
    return out


def problems_or_plans(text: str) -> bool:
    """存在问题：尚有900户未开工 / 下步打算：再改造500户: a paragraph whose figures are not recorded."""
    m = P.SECTION_LABEL.match(text.strip())
    return bool(m and m.group("other"))


def _sections(body: str) -> tuple[str, str] | None:
    """目标任务：新建幼儿园12所。进展情况：已建成5所，完成41.7%。存在问题：尚有7所未开工。下步打算：…
    → (the target section, the progress section); the problems and the plans are not recorded."""
    # every target label holds 目标 or 任务 and every progress label 情况 or 进展: a body without both holds no sections
    if not (("目标" in body or "任务" in body) and ("情况" in body or "进展" in body)):
        return None
    labels = list(P.SECTION_LABEL.finditer(body))
    if not any(m.group("target") for m in labels) or not any(m.group("progress") for m in labels):
        return None
    parts: dict[str, list[str]] = {"target": [], "progress": []}
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        for key, texts in parts.items():
            if m.group(key):
                texts.append(body[m.end():end].strip())
    return "。".join(parts["target"]), "。".join(parts["progress"])


def _growth(p: Project, target_text: str, progress_text: str, ln: int, evidence: str) -> None:
    """目标任务：人均可支配收入增长6.5%左右 / 进展情况：…同比增长6.1%: the promised growth is a % target,
    the reported one a completed % with no rate; paired in order, only when they pair one to one.  A
    promised share (失业率控制在4.5%以内) reported in the progress section (失业率为3.86%) is reached."""
    for q in shares_in_report(target_text)[0]:        # 目标任务：失业率控制在4.5%以内 / 进展情况：失业率为3.86%
        name = P.SHARE_NAME.search(target_text[max(0, q.start - 14):q.start])
        said = name and re.search(re.escape(name.group("name")) + r"率(?:为|是|达到|降至|下降到)?\s*(?P<num>\d+(?:\.\d+)?)\s*%",
                                  progress_text)
        if said and not any(g.completed and g.completed.unit == "%" for g in p.progress):
            p.progress.append(Progress(text=evidence, line=ln, completed=Quantity(
                value=float(said.group("num")), unit="%", raw=said.group("num") + "%", family="share")))
    promised = list(P.GROWTH.finditer(target_text))
    reached = list(P.GROWTH.finditer(progress_text))
    if not promised or len(promised) != len(reached):
        return
    for m in promised:
        op = ">=" if m.group("after") == "以上" else "="
        p.targets.append(Target(text=m.group(0), value=float(m.group("num")), unit="%", op=op,
                                raw=m.group("num") + "%" + (m.group("after") or ""), family="share"))
    for m in reached:
        q = Quantity(value=float(m.group("num")), unit="%", raw=m.group("num") + "%", family="share",
                     start=m.start("num"), end=m.end())
        p.progress.append(Progress(text=evidence, completed=q, line=ln))


def _category_of_clauses(title: str, body: str, gaz) -> bool:
    """（二）教育卫生方面。幼儿园（市教育局）16所…；“两癌”筛查（市卫生健康委）6万人…: a category
    heading over a chain of clauses, two or more of them naming a project with its unit in brackets
    or with its own 年度目标 (城镇新增就业年度目标3万人，…；职业技能培训年度目标1万人次，…)."""
    if not P.CATEGORY_TITLE.search(title):
        return False
    clauses = P.SENTENCE_SPLIT.split(body[len(title):])
    owned = [c for c in clauses if (m := P.NAME_UNITS.match(c)) and bracket_units(m.group("units"), gaz.org_suffixes)
             and find_quantities(c, gaz.units)]
    tasked = [c for c in clauses if (m := _target_sentence(c)) and m.start() >= 2 and find_quantities(c, gaz.units)]
    return len(owned) >= 2 or len(tasked) >= 2


def _labelled(out: list[Project], labelled: tuple[str, int] | None) -> None:
    """The one project a segment opening 城市更新：累计… gave is named by the label when its own name reports."""
    if labelled is not None and len(out) == labelled[1] + 1 and \
            (len(out[-1].name) < 2 or P.REPORT_WORD_OPENING.match(out[-1].name)):
        out[-1].name = labelled[0]


def _own(out: list[Project], claim) -> None:
    """The units in brackets at the end of a sentence go to the one project the sentence gave."""
    if claim is None or len(out) != claim[1] + 1:
        return
    _add_owners(out[-1], claim[0])


def _add_owners(p: Project, owners: tuple[list[str], list[str]]) -> None:
    """（县住建局，配合：罗阳街道办事处） → (lead units, partner units) added to `p`: a partner that already
    leads stays a lead unit."""
    lead, partner = owners
    p.lead_units += [u for u in lead if u not in p.lead_units]
    p.partner_units += [u for u in partner if u not in p.lead_units + p.partner_units]




def _shares_project(seg: str, ln: int, evidence: str) -> Project | None:
    if "%" not in seg:
        return None       # a share is written with its %
    promised, _ = shares_in_report(seg)
    if not promised:
        return None
    name = P.SHARE_NAME.search(seg[:promised[0].start])
    p = Project(name=seg[:name.end() if name else promised[0].start].strip("，, "), evidence=Evidence(text=evidence, line=ln))
    _add_shares(p, seg, ln, evidence)
    return p


def _add_shares(p: Project, text: str, ln: int, evidence: str) -> None:
    """参合率达到98%以上，实际参合率98.6%: the promised share is a target, the one reached a completed
    value in % with no rate (a standard met is never a rate of progress)."""
    promised, reached = shares_in_report(text)
    for q in promised:
        p.targets.append(Target.of(q, _clause(text, q.start, q.end)))
    for q in reached:
        p.progress.append(Progress(text=evidence, completed=q, line=ln))


def _done_then_task(seg: str, gaz, ln: int, evidence: str) -> Project | None:
    """全年新增城镇就业2.3万人，超额完成1.8万人的目标任务 / 新建幼儿园5所，完成4所的年度任务: the count done, then
    the task it is measured against, named after its figure; one count and one task in the same unit."""
    named = P.TASK_AFTER_FIGURE.search(seg)
    if named is None:
        return None
    task = find_quantities(named.group("target"), gaz.units)
    if len(task) != 1:
        return None
    done = [q for q in find_quantities(seg[:named.start()], gaz.units) if q.unit == task[0].unit]
    if len(done) != 1:
        return None
    # 新建学校11所，新增学位1.32万个，超额完成年度1.2万个的目标: the count done is the one in the task's unit,
    # named by its own clause
    name = seg[last_mark(seg, done[0].start, "，,；;") + 1:done[0].start].strip("，, ")
    scope = P.PLAN_SCOPE.match(name)                            # 全年 / 今年全县: when and where, not the name
    name = (name[scope.end():] if scope else name) or name
    p = Project(name=name, evidence=Evidence(text=evidence, line=ln))
    p.targets.append(Target.of(task[0], named.group(0)))
    p.progress.append(Progress(text=evidence, completed=done[0], line=ln))
    return p


def _target_after_figure(seg: str, m, gaz, places: set[str], ln: int, evidence: str) -> Project | None:
    """全市城镇新增就业6800人，完成年度目标6000人的113.3%: the completed figure first, the target
    inside the rate that follows it (unless the clause stated its target before)."""
    of = P.RATE_OF_TARGET.search(seg)
    if of is None or (m is not None and m.start() < of.start()):
        return None
    found = find_quantities(seg[:of.start()], gaz.units)
    if not found:
        return None
    p = Project(name=seg[:found[0].start].strip("，, ") or seg[:of.start()].strip("，, "),
                evidence=Evidence(text=evidence, line=ln))
    p.progress = progress_in(seg, gaz, places, ln, evidence, p.targets)
    return p


def _continues(p: Project, seg: str, gaz, places: set[str], ln: int, evidence: str) -> bool:
    """计划总投资3.26亿元。截至10月31日，累计完成投资2.48亿元，投资完成率76.1%: a sentence of progress alone,
    in the unit of the target set up the sentence before, is that project's progress."""
    if not p.targets or p.progress or P.TARGET_SENT.search(seg) or not P.PROGRESS_RATE.search(seg) \
            or not re.match(r"\s*(?:截至|截止|目前|累计|已|全年)", seg):
        return False
    progress = [g for g in progress_in(seg, gaz, places, ln, evidence) if g.completed is not None]
    if len(progress) != 1:
        return False
    done = progress[0].completed
    if done is None or done.unit != p.targets[-1].unit or progress[0].region:
        return False
    p.progress += progress
    return True


def _bracketed_rates(seg: str, ln: int, original: str) -> list[Project]:
    """农贸市场改造（完成率30%）、公共停车场建设（完成率25%）: two names or more, each with its rate in brackets
    and no figure of its own, are a project each; under 进度滞后 / 进展缓慢 they are lagging."""
    found = list(P.BRACKETED_RATE.finditer(seg)) if "%" in seg else []
    if len(found) < 2:
        return []
    lagging = P.LAGGING_WORD.search(seg, 0, found[0].start()) is not None
    out = []
    for m in found:
        p = Project(name=m.group("name").strip(), evidence=Evidence(text=original, line=ln))
        p.progress.append(Progress(text=original, rate=float(m.group("rate")), rate_raw=m.group("rate"),
                                   measure="完成率", status="lagging" if lagging else None, line=ln))
        out.append(p)
    return out


def _rate_only(seg: str, gaz):
    """The clause's one figure when a completion rate follows it with no count: 改建床位1500张，已完成年度任务的52%."""
    if "%" not in seg or not P.RATE_ONLY_ANYWHERE.search(seg):
        return None
    found = find_quantities(seg, gaz.units)
    if len(found) != 1 or P.TARGET_SENT.search(seg[:found[0].start]):
        return None
    q = found[0]
    if P.SO_FAR_BEFORE.search(seg[max(seg.rfind(ch, 0, q.start) for ch in "，,") + 1:q.start]):
        return None       # 东城区完成新增就业3200人，完成率91.4%: the figure is the count done, not the task
    return q if P.RATE_ONLY.match(seg[q.end:]) else None




def _task_then_progress(seg: str, q, gaz, places, ln: int, original: str) -> Project:
    """A clause whose figure `q` is its task: the project named by what comes before the figure,
    with the progress the rest of the clause states."""
    name = P.SENTENCE_NAME_LEAD.sub("", seg[:q.start]).strip("，, ")
    if len(name) < 2 or P.BENEFICIARY_LEAD.fullmatch(name):       # 为(全市)3.2万名适龄妇女开展免费筛查: named after the figure
        name = re.split(r"[，,。；;：:(（]", seg[q.end:], maxsplit=1)[0].strip() or seg[:q.end]
    p = Project(name=name, evidence=Evidence(text=original, line=ln))
    p.targets.append(Target.of(q, seg[:q.end].strip("，, ")))
    if q.op == ">=":          # 新改建农村公路120—150公里: the upper bound of a range is the task's too
        p.targets += [Target.of(x, seg[:q.end].strip("，, ")) for x in find_quantities(seg[:q.end], gaz.units)
                      if x.op == "<=" and x.start > q.start]
    so_far = P.SO_FAR.search(seg, q.end)
    report = so_far.start() if so_far else q.end
    for more in find_quantities(seg[q.end:report], gaz.units):
        # 新建学校5所，新增学位3000个，目前…: the tasks listed before the report opens are tasks too
        if more.unit is not None and more.unit != "%":
            p.targets.append(Target.of(more, _clause(seg, q.end + more.start, q.end + more.end)))
    p.progress = progress_in(seg[report:], gaz, places, ln, original, p.targets)
    return p


def _restated(seg: str, gaz):
    """The first figure of a clause when a count so far in the same unit follows it."""
    if P.SO_FAR_ANYWHERE.search(seg) is None:
        return None       # no count so far can be found after the figure: its figures need not be found
    found = find_quantities(seg, gaz.units)
    if not found:
        return None
    q = found[0]
    stage = P.COUNT_DONE_BEFORE.search(seg[max(seg.rfind(ch, 0, q.start) for ch in "，,") + 1:q.start])
    nxt = next((x for x in found[1:] if x.unit == q.unit), None)
    if stage and not (stage.group(0) in ("开工", "完工", "竣工") and nxt and stage.group(0) in seg[q.end:nxt.start]):
        return None       # 实际开工18所，完工9所: two counts of stages done, no task
    later = [x for x in found[1:] if x.unit == q.unit and x.start >= q.end]     # 120—150公里: one task, two bounds
    between = seg[q.end:later[0].start + 1] if later else ""
    # (the report may open with the count itself: 改造农贸市场5个，3个已完成改造)
    so_far = P.SO_FAR.search(seg, q.end, later[0].end + 3) if later else None
    if so_far and so_far.start() < later[0].start and \
            (P.PROGRESS_RATE.search(seg) or re.search(r"全面完成|全部完成", seg)
             or ("超额完成" in seg and q.unit not in ("件", "项"))     # (4件已超额完成: projects, not a task's work)
             or (q.unit not in ("件", "项", "元") and (later[0].value <= q.value or ("累计" not in between and P.DONE_VERB_BEFORE.search(between[:-1]))))):
        # 新增学位2700个，已新增2100个 (or 已新增2900个: over the task); counts of projects (10件…已完成4件)
        # or funds (安排1.85亿元，已拨付1.46亿元) are not tasks, nor is a task under a larger 累计 total
        # (新增床位200张，累计建成3200张 counts earlier years too)
        return q
    return None


def _done_in_full(seg: str, gaz):
    """村卫生室标准化建设120个，已全部完成: the clause's one figure is its task, done in full."""
    if P.DONE_IN_FULL_ANYWHERE.search(seg) is None:
        return None       # no task done in full anywhere: the clause's figures need not be found
    found = find_quantities(seg, gaz.units)
    if len(found) != 1 or found[0].start < 2 or found[0].unit in ("件", "项"):
        return None
    q = found[0]
    return q if P.DONE_IN_FULL.search(seg[q.end:q.end + 12]) and re.match(r"\s*[，,]", seg[q.end:]) else None


def _name_of(task: str, gaz) -> str:
    """城镇新增就业年度目标2.2万人 → 城镇新增就业; 新建改扩建幼儿园6所 → 新建改扩建幼儿园: the words before the task."""
    ts = P.TARGET_SENT.search(task)
    qs = find_quantities(task, gaz.units)
    end = min([x for x in (ts.start() if ts else None, qs[0].start if qs else None) if x] or [len(task)])
    name = re.sub(r"(?:提高到|提高至|达到|为|共)$", "", task[:end].strip("，,：: "))
    label, colon, words = name.rpartition("：")
    if colon and len(words) >= 2 and len(label) <= 12 and not P.REPORT_WORD_OPENING.match(words):
        name = words          # 农村公路建设：新改建农村公路150公里: the task's own words, not its heading's
    elif colon and len(label) >= 2:
        name = label          # 新建幼儿园：已建成17所: the words after the colon report, the heading names
    return name if len(name) >= 2 else task


def _item_seq(m) -> str:
    """（三） → 三, 2. → 2, ④ → 4."""
    if m.group("d"):
        return str(ord(m.group("d")) - 0x245F)
    return m.group("a") or m.group("b") or m.group("c") or m.group("e") or m.group("f") or m.group("g")


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + text[b:]
    return text


def _split(body: str, kind: str) -> tuple[str, str]:
    """The target part and the progress part of an item's body."""
    m = _target_sentence(body)
    if kind not in ("progress", "summary"):
        done = P.PROGRESS_START.search(body)
        if done and not P.PROGRESS_RATE.search(body) and \
                not (kind == "supervision" and re.match(r"[，,。；](?:实际|已|目前|累计(?!达)|截至)", body[done.start():])):
            done = None      # a plan's 已… without a rate restates its task; an inspection's 目前开工2所 is progress
        return (body[:done.start()], body[done.start():]) if done else (body, "")
    if not m:
        return "", body
    start = m.end()
    end_sent = body.find("。", start)
    end_sent = len(body) if end_sent < 0 else end_sent
    cut = P.PROGRESS_START.search(body, start, end_sent)
    if cut and body.startswith("开工", cut.start() + 1) and P.LATER_SO_FAR.search(body, cut.end()):
        cut = None       # 年度任务：…80公里，开工80公里。目前已开工72公里: 开工80 is a stage of the task, the count comes later
    end = cut.start() if cut else end_sent
    # 已建成17所（目标20所），完成率85%: a task in brackets leaves the report's sentence whole
    joint = "" if m.start() > 0 and body[m.start() - 1] in "（(" else "。"
    return body[start:end], body[:m.start()] + joint + body[end:]


def _target_sentence(text: str) -> re.Match | None:
    """The first 年度目标 / 年度任务 that opens a target, not one named inside a rate
    (完成年度目标100万人的75.6%: the target of that rate's own clause) or after the figure it names."""
    found = list(P.TARGET_SENT.finditer(text))
    if not found:
        return None       # (most texts: the rates that would rule some out need not be found)
    rates = [m.span() for m in P.RATE_OF_TARGET.finditer(text)]
    rates += [m.span() for m in P.TASK_AFTER_FIGURE.finditer(text)]    # 超额完成1.8万人的目标任务: named after its figure
    return next((m for m in found if not any(a <= m.start() < b for a, b in rates) and not _task_done(text, m)), None)


def _task_done(text: str, m: re.Match) -> bool:
    """…，已完成年度任务 / …超额完成了全年目标任务 at the end, or before 其中… (what was reached): the task word
    `m` names the task done in full and opens no target; nor does one after a comparison (超过目标1.8个百分点)."""
    if P.BEYOND_TASK.search(text, max(0, m.start() - 3), m.start()) and P.BY_HOW_MUCH.match(text, m.end()):
        return True           # 超过目标1.8个百分点 / 比计划多200人: by how much the work passed its target
    return P.DONE_BEFORE_TASK.search(text, 0, m.start()) is not None \
        and (not P.TASK_WORD_REST.sub("", text[m.end():]).strip("，,。；; ") or P.DONE_BREAKDOWN.match(text, m.end()) is not None)


def _clause(text: str, start: int, end: int) -> str:
    a = max(text.rfind(ch, 0, start) for ch in "，,；。、") + 1
    ends = [i for i in (text.find(ch, end) for ch in "，,；。") if i >= 0]
    return text[a:min(ends) if ends else len(text)].strip()
