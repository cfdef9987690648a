"""Extractors: pure functions from a Document to the records of the minsheng/1 contract.

    from pipeline.readers import read
    from gazetteer import load
    from extractors import extract
    result = extract(read("notice.docx"), load())
    result.to_contract()        # the JSON object of `minsheng extract --format json`

Nothing here imports Prefect, DuckDB, pandas or a web framework; jieba and spaCy are loaded
only by the parts that use them.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import metadata as M
from . import patterns as P
from .answers import projects_from_answers
from .assignments import assign_by_count, assign_by_number, assign_by_table
from .clauses import implied_targets, read_clauses, taken_figures
from .forms import form_line_blocks, form_pairs, projects_from_form_lines, projects_from_forms, restate_lines
from .grids import projects_from_grids, regions_across
from .items import item_dots, problems_or_plans, projects_from_items, projects_from_sentences, run_on_items
from .memo import forget
from .normalize import normalize, relabel, simplify
from .numbers import find_quantities, forget_quantities
from .people import bracket_units, role_units
from .programme import programme_project
from .progress import progress_in, projects_from_prose, status_in
from .records import DocumentInfo, Evidence, Extraction, Progress, Project, Quantity, Target
from .sheets import projects_from_sheet
from .status import reconcile as reconcile_statuses
from .summaries import (
    ballot_count,
    circled_blocks,
    declared_counts,
    money_parts,
    piece_parts,
    place_parts,
    status_parts,
    status_tally,
    table_counts,
    table_tally,
    threshold_counts,
)
from .tables import ballot_rows, duty_rows, money_unit_above, projects_from_table, ranked_units
from .wrapping import paragraph_lines, rejoin

# …的进展情况 / （…）: the words after a heading's name
_HEADING_TAIL = re.compile(r"(?:的)?(?:进展|落实|完成|办理)情况.*$|[(（].*$")

EXTRACTOR_VERSION = "0.8.0"


def extract(doc, gaz, with_entities: bool = False) -> Extraction:
    """Read every record the document states; run the checks; return the Extraction.

    `with_entities` also lists every organisation, person and place the text names, as spaCy
    spans (about 0.6 s to load spaCy once per process, so the paste path leaves it off)."""
    from .checks import run_checks

    result = extract_records(doc, gaz)
    reconcile_statuses(result.projects)       # 已完成 before a partial figure is not done (extractors/status.py)
    result.flags = run_checks(result, doc)
    if with_entities:
        from .entities import entities

        result.entities = entities([normalize(x) for x in doc.lines], gaz)
    return result


def extract_records(doc, gaz) -> Extraction:
    forget_quantities()
    forget()
    lines = restate_lines([relabel(n) if "【" in n.text else n for n in (normalize(x) for x in doc.lines)])
    norm = [n.text for n in lines]
    full = "\n".join(norm)
    title = M.title_of(norm)
    year = M.year_of(title, norm)
    found = M.find_places(full, gaz)
    paragraphs = [(ln, lines[ln - 1]) for ln in paragraph_lines(doc)]
    paragraphs = run_on_items(item_dots(rejoin(paragraphs)))
    reported, kind = M.kinds_of(title, norm, has_prose=len(paragraphs) > 3)    # kind: as the readers read the text
    info = DocumentInfo(source=doc.source, sha256=doc.sha256, format=doc.format,
                        title=simplify(title) if title else None,
                        doc_number=M.as_written(M.doc_number_of(norm), doc.lines),
                        issuer=M.issuer_of(norm, title), date=M.date_of(norm), year=year,
                        period=M.period_of(title, norm, year),
                        kind=reported,
                        region=M.township_of(norm, M.region_of(found, title, gaz) or M.masthead_region(norm, gaz)),
                        encoding=doc.encoding, warnings=list(doc.warnings))
    if info.kind not in ("progress", "summary"):
        info.period = None       # a plan's 1-2月 is a schedule, not the period a report covers
    result = Extraction(document=info, extractor_version=EXTRACTOR_VERSION)
    places = {s for s, _, _ in found}
    # 街道, 镇, 乡: regions of a county's report (no match spans a line: only lines holding a suffix with one of the
    # words that follow it are searched)
    if P.SUBCOUNTY_END.search(full):      # (its look-ahead reads no line break: a line holds one if the text does)
        places |= {m.group("r") for line in norm if P.SUBCOUNTY_END.search(line) for m in P.SUBCOUNTY.finditer(line)}

    ranked: list[str] = []          # units a score ranking lists
    ranked_line = None
    duties: list[Project] = []      # the rows of a separate 分工 table
    across: list = []               # (grid, first line) of the tables whose regions are their columns
    for table in doc.tables():
        ballot = ballot_rows(table)
        if ballot is not None:
            line = table.row_lines[0] if table.row_lines else None
            result.summaries += [s for s in [ballot_count(ballot, paragraphs, line)] if s]
            if title and P.BALLOT_RESULT.search(title) and not P.CANDIDATE_WORD.search(title):
                # …票决结果的公示: the rows are the projects chosen, their 主要内容 the tasks
                result.projects += projects_from_table(table, year, gaz, chosen=True)
            continue
        forms = form_pairs(table)
        if forms is not None:
            result.projects += projects_from_forms(table, forms, gaz, places, year)
            continue
        if (rows := duty_rows(table, year, gaz)) is not None:
            duties += rows           # 序号 | 责任领导 | 牵头单位 | 配合单位: given by number once all are read
            continue
        result.summaries += table_counts(table, norm)
        if units := ranked_units(table, gaz):
            ranked += [u for u in units if u not in ranked]
            ranked_line = ranked_line or (table.row_lines[0] if table.row_lines else None)
        result.summaries += table_tally(table)
        sheet = projects_from_sheet(table, title, gaz, places)
        if sheet is None and (grid := regions_across(table, gaz, places)) is not None:
            # regions as columns: read with the grids, once the task stated above is read
            across.append((grid, table.row_lines[0] if table.row_lines else None))
            continue
        rows = sheet if sheet is not None else projects_from_table(table, year, gaz, money_unit_above(table, norm))
        _units_above(rows, table, norm, gaz)
        result.projects += rows
    _apply_level_notes(result.projects, norm, full)

    line_forms = form_line_blocks(paragraphs)          # 督办事项一：… / 年度任务：… / 责任领导：… a line each
    result.projects += projects_from_form_lines(line_forms, gaz, places, year)
    in_forms = {ln for form in line_forms for _, _, ln in form}
    prose = projects_from_prose([x for x in paragraphs if x[0] not in in_forms], gaz, places)
    result.projects += prose
    used: set[int] = _lines_of(prose) | in_forms       # lines a project has been read from
    items = projects_from_items(paragraphs, gaz, places, kind, year, used,
                                tabled=any(p.table is not None for p in result.projects))
    result.projects += items
    prose = prose + items
    answers = projects_from_answers(paragraphs, gaz, used)     # 政策解读: 问：… 答：…
    result.projects += answers
    prose = prose + answers
    if kind in ("progress", "summary"):
        sentences = projects_from_sentences(paragraphs, gaz, places, used)
        result.projects += sentences
        prose = prose + sentences
        used |= _lines_of(sentences)
    if kind in ("progress", "summary", "supervision", "other"):
        result.projects += _heading_progress(paragraphs, gaz, places, used, prose)

    for ln, nt in paragraphs:
        # each reader is asked only of a paragraph holding the word every statement it reads holds (共 of
        # STATUS_TOTAL, 件 of PIECES_UNDERTAKEN, 其中, 中 …): most paragraphs hold none of them
        text = nt.text
        if "中" not in text and "共" not in text and "件" not in text:
            continue
        written = nt.original.strip()
        if "共" in text:
            result.summaries += status_parts(text, gaz, ln, written)
        if "件" in text:
            result.summaries += piece_parts(text, gaz, ln, written)
        if "其中" in text:
            result.summaries += place_parts(text, gaz, places, ln, written)
        if "中" in text:
            result.summaries += status_tally(text, ln, written)
        if "其中" in text and "元" in text:
            result.summaries += money_parts(text, gaz, ln, written)
    if "完成率" in full:          # a table's footnote may sit in the table block: read every line
        pace = P.TIME_PROGRESS.search(full)
        for ln, nt in enumerate(lines, 1):
            if "完成率" in nt.text:      # every THRESHOLD_COUNT opens with it
                result.summaries += threshold_counts(nt.text, ln, nt.original.strip(),
                                                     float(pace.group("rate")) if pace else None)
    if kind in ("plan", "supervision"):
        declared = [s for ln, nt in paragraphs[:60] for s in declared_counts(nt.text, ln, nt.original.strip(), year)]
        declared += declared_counts("共" + title, None, title) if title else []
        seen = set()
        for s in declared:           # each count once: the title often restates the opening's
            if (s.total, s.scope) not in seen:
                seen.add((s.total, s.scope))
                result.summaries.append(s)
    else:
        result.summaries += _circled_list(norm, paragraphs, title, year)
    _prose_units(result.projects, paragraphs, gaz, used)
    assign_by_table(result.projects, duties)          # 附件2 责任分工表, keyed by 序号
    assign_by_number(prose, paragraphs, gaz, year)       # 第（三）、（五）项由副市长X负责，A、B分别牵头
    assign_by_count(prose, paragraphs, gaz, year)        # 对3个滞后项目，由分管副市长X牵头…
    if kind == "supervision":
        _rectification_deadlines(result.projects, paragraphs, used, year)
    _county_targets(result, paragraphs, gaz)
    # tables flattened into a line, and tables whose regions are columns
    result.projects += projects_from_grids(paragraphs, across, norm, gaz, places, kind, result.projects)
    if ranked and not any(p.lead_units or p.partner_units for p in result.projects):
        # the document's only list of units is a ranking: those are the units, of no one project
        result.projects.append(Project(name="（责任单位排名）", lead_units=ranked,
                                       evidence=Evidence(text="、".join(ranked), line=ranked_line)))
    taken = taken_figures(result.projects, result.summaries)
    result.projects += read_clauses(paragraphs, gaz, kind, taken, year)
    result.projects = [p for p in result.projects if not any(p is q for q in taken.emptied)]
    alone = _one_a_line(result.projects)
    _bracketed_owners(alone, lines, gaz)
    _reached_levels(alone, result.projects, lines)
    result.projects += _parts_with_rates(result.projects, gaz)
    # the programme's own units and leaders: from lines no project was read from (read last, so that a
    # clause's project keeps the units its own line names)
    whole = programme_project(paragraphs, gaz, used | _lines_of(result.projects))
    if whole is not None:
        result.projects.append(whole)
    implied_targets(result.projects, gaz)
    _without_tallied_counts(result)
    _link_bases(result)
    for p in result.projects:        # 农村道路畅通工程，牵头部门：市交通局: the field is read, the name is the words before it
        _own_name(p)
        p.name = P.BULLET_LEAD.sub("", p.name) or p.name     # ●新建公办幼儿园 / ▶… / - …: a list's bullet
        verdict = P.NAME_PROBLEM_TAIL.search(p.name)         # 农村公路建设进度滞后: the verdict, no part of the name
        if verdict:
            p.name = p.name[:verdict.start()]
            for g in p.progress:
                if g.status in (None, "on_track") and P.LAGGING_WORD.search(verdict.group(0)):
                    g.status = "lagging"
        # the tail matches (it may be empty) where its spaces begin: with none of its brackets, commas or colons in
        # the name and no space at its end, that is the name's end and the name stays as it is
        m = P.NAME_FIELD_TAIL.search(p.name) if _may_have_field_tail(p.name) else None
        before = p.name[:m.start()] if m else p.name
        if m and len(before) >= 2 and before.count("（") + before.count("(") == before.count("）") + before.count(")"):
            p.name = before
        label = P.NAME_LABEL.match(p.name)    # 托育服务扩容：新增普惠性托位400个，…: the label before the colon
        if label and not P.FORM_LABEL.fullmatch(label.group("name")):
            p.name = label.group("name")
        p.name = p.name.rstrip("。；;，, ") or p.name          # a table's name cell written as a sentence
        p.name = P.OPEN_BRACKET_TAIL.sub("", p.name) or p.name     # 农贸市场改造（完成率30%）: the bracket holds the rate
        p.name = _without_figure(p)                          # 新增停车泊位3000个: the task's figure, no part of its name
        p.name = P.NAME_VERB_TAIL.sub("", p.name)            # 普及率达到 / 参保率目标 / 项目完成投资: no part of a name
    _prose_categories(result.projects, paragraphs)
    _canonical(result, gaz)
    return result


def _may_have_field_tail(name: str) -> bool:
    """False when NAME_FIELD_TAIL can only match the empty string at the end of `name` (each of its alternatives
    opens with a bracket or a comma, its optional colon is one, and nothing else but spaces is matched)."""
    return name[-1:].isspace() or _FIELD_TAIL_MARK.search(name) is not None


# the characters NAME_FIELD_TAIL's alternatives open with, and its colon
_FIELD_TAIL_MARK = re.compile(r"[（(，,：:]")


HEADING_OPENINGS = set("一二三四五六七八九十（(")     # the first character of every CATEGORY_HEADING match


def _prose_categories(projects: list[Project], paragraphs) -> None:
    """一、教育提升 / 1.新建… / 2.… / 二、就业社保 / 3.…: an item numbered in figures under a heading that
    names a field and states no figure belongs to that heading's category (a table's rows get theirs there);
    a heading of the report's own parts (一、总体情况, 二、存在问题) names none, and the items under it have none."""
    named = {p.evidence.line for p in projects}        # a heading that is a project's own line heads no items
    headings = [(ln, m.group("name")) for ln, nt in paragraphs
                if ln not in named and nt.text.lstrip()[:1] in HEADING_OPENINGS
                and (m := P.CATEGORY_HEADING.fullmatch(nt.text.strip()))]
    every = [(ln, None if P.GENERIC_HEADING.search(name) else name) for ln, name in headings]
    if all(name is None for _, name in every):
        return
    for p in projects:
        if p.category is None and p.table is None and p.seq and p.seq.isdigit() and p.evidence.line is not None:
            above = [(ln, name) for ln, name in every if ln < p.evidence.line]
            p.category = above[-1][1] if above and above[-1][1] is not None else None


def _without_figure(p: Project) -> str:
    """新增停车泊位3000个 → 新增停车泊位: a name that ends in its one task's figure, as a heading written as the
    task is; not when what is left would read wrong (…学位200所，新增学位 / 检查各 / 标准不低于)."""
    raws = [t.raw for t in p.targets if t.raw]
    end = next((r for r in raws if p.name.endswith(r)), None)
    if end is not None:
        left = p.name[:-len(end)]
    elif raws and (k := p.name.find(raws[0])) >= 4 and P.NAME_RUNS_ON.match(p.name, k + len(raws[0])) \
            and not (p.targets[0].unit or "").endswith("元"):      # 投资1.1亿元，为41所…: the money names nothing
        left = p.name[:k]        # 新建改扩建学校20所，其中小学12所、初中8所: the name runs on past its task
    else:
        return p.name
    if len(left) < 2 or P.DIGIT_OR_CLAUSE_MARK.search(left):
        return p.name
    if P.NAME_VERB_TAIL.search(left):
        return P.NAME_VERB_TAIL.sub("", left)        # 参保率不低于95%: the share's name before its verb
    return p.name if P.NAME_BOUND_TAIL.search(left) else left


def _bracketed_owners(alone: dict[int, Project], lines, gaz) -> None:
    """新建公办幼儿园6所（县教育局） / …（牵头单位：县人社局，配合单位：县财政局）: a line of prose that is one
    project and ends in brackets naming units gives them to it, when no reader has given it any."""
    for ln, p in alone.items():
        if p.lead_units or p.partner_units or not 0 < ln <= len(lines):
            continue
        m = P.TITLE_UNITS.search(lines[ln - 1].text.rstrip("。；; "))
        owners = bracket_units(m.group("units"), gaz.org_suffixes) if m else None
        if owners:
            p.add_units("lead", owners[0])
            p.add_units("partner", owners[1])


def _own_name(p: Project) -> None:
    """A name read from running text (a page whose paragraphs were run together) may carry what stood before
    it: …现将有关情况通报如下：一、新建公办幼儿园 → 新建公办幼儿园 (seq 一).  The words after the last
    sentence end or 如下： are the name, and an item's number opening it is its seq."""
    if p.table is not None:
        return                  # a table's name cell is the name as written
    lead = P.NAME_PREAMBLE.search(p.name)
    if lead and len(p.name) - lead.end() >= 2:
        p.name = p.name[lead.end():]
    item = P.ITEM.match(p.name)
    if item and len(p.name) - item.end() >= 2 and not p.name[item.end():item.end() + 1].isdigit():
        p.seq = p.seq or next(g for g in item.groups() if g)
        p.name = p.name[item.end():]


def _one_a_line(projects: list[Project]) -> dict[int, Project]:
    """The projects read from prose that are alone on their line, by line."""
    by_line: dict[int, list[Project]] = {}
    for p in projects:
        if p.table is None and p.evidence.line:
            by_line.setdefault(p.evidence.line, []).append(p)
    return {ln: found[0] for ln, found in by_line.items() if len(found) == 1}


def _parts_with_rates(projects: list[Project], gaz) -> list[Project]:
    """…合计900套，其中甲地块保障房(420套)目前完成工程量的80%；乙地块(480套)已完成85%: the parts of a task,
    each named with its size in the task's unit and its own rate, are projects of their own (once a line); the
    rates leave any project of the line that held them alone."""
    out: list[Project] = []
    seen: set[tuple[int | None, str]] = set()
    holds: dict[str, bool] = {}       # evidence → whether it states a part (the projects of a line share it)
    for p in projects:
        if not p.targets or not ("(" in p.evidence.text or "（" in p.evidence.text):
            continue
        found = holds.get(p.evidence.text)
        if found is None:
            found = holds[p.evidence.text] = P.PART_WITH_RATE.search(p.evidence.text) is not None
        if not found:
            continue
        text = normalize(p.evidence.text).text
        for m in P.PART_WITH_RATE.finditer(text):
            size = find_quantities(m.group("size"), gaz.units)
            if len(size) != 1 or size[0].unit != p.targets[0].unit or (p.evidence.line, m.group(0)) in seen:
                continue
            seen.add((p.evidence.line, m.group(0)))
            part = Project(name=m.group("name").strip(), evidence=replace(p.evidence, text=m.group(0).lstrip("其中；;，,。 ")),
                           table=p.table, row=p.row)
            part.targets.append(Target.of(size[0], m.group("size")))
            part.progress.append(Progress(text=part.evidence.text, rate=float(m.group("rate")), rate_raw=m.group("rate"),
                                          measure="完成", line=p.evidence.line))
            out.append(part)
    rates = {(g.line, g.rate) for part in out for g in part.progress}
    for p in projects:          # a rate another reader took alone
        p.progress = [g for g in p.progress if g.completed is not None or (g.line, g.rate) not in rates]
    return out


def _reached_levels(alone: dict[int, Project], projects: list[Project], lines) -> None:
    """农村自来水普及率达到95%以上，目前已达93.5%: a project whose task is a share, alone on its line, has reached
    the level the line reports after the task (a completed figure in %), when no reader has read one."""
    done = {g.completed.value for q in projects for g in q.progress if g.completed}
    for ln, p in alone.items():
        shares = [t for t in p.targets if t.unit == "%"]
        if len(shares) != 1 or any(g.completed and g.completed.unit == "%" for g in p.progress) \
                or not 0 < ln <= len(lines):
            continue
        text = lines[ln - 1].text
        at = text.find(shares[0].raw or "\x00")
        m = P.REACHED_SHARE.search(text, at + len(shares[0].raw or "")) if at >= 0 else None
        if m is None or float(m.group("num")) in done:
            continue
        p.progress.append(Progress(text=p.evidence.text, line=ln, completed=Quantity(
            value=float(m.group("num")), unit="%", raw=m.group("num") + "%", family="share",
            start=m.start("num"), end=m.end())))


def _lines_of(projects: list[Project]) -> set[int]:
    return {p.evidence.line for p in projects if p.evidence.line is not None}


def _circled_list(norm: list[str], paragraphs, title: str | None, year: int | None) -> list:
    """承诺办好12件民生实事 over blocks ① to ⑪: the count the report promises against the blocks it lists."""
    listed = circled_blocks(norm)
    if listed is None:
        return []
    declared = declared_counts("共" + title, None, title) if title else []
    for ln, nt in paragraphs[:10]:
        declared += declared_counts(nt.text, ln, nt.original.strip(), year)
    s = next((s for s in declared if s.scope == "projects"), None)
    if s is None:
        return []
    s.scope, s.listed, s.subject = "list", listed, f"按①至{chr(0x2460 + listed - 1)}编号列出的事项"
    return [s]


def _heading_progress(paragraphs, gaz, places, used, prose) -> list[Project]:
    """Rates stated outside a 由…牵头 item: attach them to the heading they stand under."""
    heading: Project | None = None
    out: list[Project] = []
    chosen = {id(p) for p in prose}          # by identity: a project already listed, or one of prose's
    match = _Names(prose)
    for ln, nt in paragraphs:
        text = nt.text
        h = P.HEADING_CN.match(text) or P.HEADING_PAREN.match(text)
        if h and len(text) < 60:
            name = _HEADING_TAIL.sub("", h.group("title")).strip()
            heading = Project(name=name or h.group("title"), evidence=Evidence(text=nt.original.strip(), line=ln),
                              seq=h.group("seq"))
            continue
        # (the three rate patterns each need a %: one test for the three, most paragraphs hold none)
        if ln in used or "%" not in text \
                or not (P.RATE.search(text) or P.RATE_LIST.search(text) or P.PLACE_RATE.search(text)) \
                or problems_or_plans(text) or ITEM_SHARE.search(text):
            continue
        progress = progress_in(text, gaz, places, ln, nt.original.strip())
        progress = [g for g in progress if g.rate is not None
                    and not (g.completed is None and g.measure in ("签约率", "覆盖率"))]   # 签约率达到82.6%, nothing to measure
        if not progress:
            continue
        region = _sentence_region(text, places)
        for g in progress:
            g.region = g.region or region
        target = match.best(text) or heading or \
            Project(name="（正文）", evidence=Evidence(text=nt.original.strip(), line=ln))
        if id(target) not in chosen:
            chosen.add(id(target))
            out.append(target)
        target.progress += progress
        target.progress[-1].status = target.progress[-1].status or status_in(text, gaz)
    return out


# 序时推进的有6项，占全部项目的60%: the share of the items in one status, no completion rate
ITEM_SHARE = re.compile(r"(?:有|共)\s*\d+\s*(?:项|件|个)?(?:[（(][^（()）]*[）)])?\s*[，,]\s*占[^，,；;。\d]{0,8}?的?\s*\d+(?:\.\d+)?\s*%")


class _Names:
    """The projects of a list, found by the runs of 4 characters their names share with a text.

    ``best(text)`` is the project whose name shares the longest run (4 to 12 characters) with the
    text, the first listed on a tie.  Only the projects sharing one 4-character run with the text
    are compared, so a long document's many lines do not each scan every project."""

    RUN = 4

    def __init__(self, projects: list[Project]) -> None:
        self.projects = projects
        self.names: list[str] = []
        self.by_run: dict[str, list[int]] | None = None     # built at the first `best`: most lists are never asked

    def _index(self) -> dict[str, list[int]]:
        self.names = [P.QUOTE_MARKS.sub("", p.name) for p in self.projects]
        self.by_run = {}
        for k, name in enumerate(self.names):
            for i in range(len(name) - self.RUN + 1):
                hits = self.by_run.setdefault(name[i:i + self.RUN], [])
                if not hits or hits[-1] != k:
                    hits.append(k)
        return self.by_run

    def best(self, text: str) -> Project | None:
        by_run = self.by_run if self.by_run is not None else self._index()
        if not by_run:
            return None
        near: set[int] = set()
        for i in range(len(text) - self.RUN + 1):
            near.update(by_run.get(text[i:i + self.RUN], ()))
        best, best_len = None, self.RUN - 1
        for k in sorted(near):
            name = self.names[k]
            for size in range(min(len(name), 12), best_len, -1):
                if any(name[i:i + size] in text for i in range(len(name) - size + 1)):
                    best, best_len = self.projects[k], size
                    break
        return best


def _prose_units(projects: list[Project], paragraphs, gaz, used: set[int]) -> None:
    """其中，城区棚户区改造由区住建局、区国土资源局协办: units named in a paragraph of their own go to
    the project the clause names (a run of 4 characters shared with its name); none is guessed."""
    match = _Names(projects)
    for ln, nt in paragraphs:
        if ln in used or not projects:
            continue
        text = nt.text
        owner: Project | None = None
        for role, names, (start, _) in role_units(text, gaz.org_suffixes):
            clause = text[max(text.rfind(ch, 0, start) for ch in "，,。；;：:") + 1:start]
            if re.search(r"[。；;]", text[:start]) and not clause:
                owner = None
            owner = match.best(clause) if clause else owner
            if owner is None:
                continue
            owner.add_units(role, names)


def _rectification_deadlines(projects: list[Project], paragraphs, used: set[int], year: int | None) -> None:
    """1．区卫生健康委：加快剩余4个社区卫生服务站选址…，限期于11月30日前整改到位: a 督查通报's 限期 line gives
    its deadline to the project it names, or else to the named unit's most lagging project."""
    from .tables import deadline_iso

    tasks = [p for p in projects if p.targets]
    match = _Names(tasks)
    for ln, nt in paragraphs:
        limit = P.DEADLINE_PHRASE.search(nt.text)
        if ln in used or not limit or not tasks:
            continue
        body = P.ITEM.sub("", nt.text, count=1)
        owner = match.best(body[:limit.start()])
        if owner is None:
            label = P.LABELLED.match(body)
            mine = [p for p in tasks if label and label.group("name") in p.lead_units]
            rated = [(min(g.rate for g in p.progress if g.rate is not None), i, p) for i, p in enumerate(mine)
                     if any(g.rate is not None for g in p.progress)]
            owner = min(rated)[2] if rated else (mine[0] if len(mine) == 1 else None)
        if owner is not None and owner.deadline is None:
            owner.deadline = deadline_iso(limit.group("d"), year)


def _sentence_region(text: str, places: set[str]) -> str | None:
    body = re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.]\s*", "", text)
    for name in sorted(places, key=len, reverse=True):
        if body.startswith(name):
            return name
    return None


def _units_above(projects: list[Project], table, norm: list[str], gaz) -> None:
    """一、促进城乡就业（市人社局） right above a table of its indicators: the units in the heading's brackets
    answer for every row, when no row names its own."""
    first = table.row_lines[0] if table.row_lines else None
    if not projects or not first or any(p.lead_units or p.partner_units for p in projects):
        return
    above = next((norm[k].strip() for k in range(first - 2, max(first - 4, -1), -1) if norm[k].strip()), "")
    owner = P.TITLE_UNITS.search(above)
    if len(above) > 60 or not (P.HEADING_CN.match(above) or P.HEADING_PAREN.match(above)) or owner is None:
        return
    owners = bracket_units(owner.group("units"), gaz.org_suffixes)
    if owners is None:
        return
    for p in projects:
        p.lead_units = list(owners[0])
        p.partner_units = [u for u in owners[1] if u not in p.lead_units]


def _apply_level_notes(projects: list[Project], norm: list[str], full: str) -> None:
    """注：1-8项为省级重点民生实事，9-16项为市级 → each project's level."""
    if "项为" not in full and "项是" not in full:
        return      # every note holds one (项 right before 为/是): most documents have none, and their lines need no search
    for line in norm:
        for m in P.LEVEL_NOTE.finditer(line):
            a, b, level = int(m.group("a")), int(m.group("b")), m.group("level")
            level = "县" if level == "区" else level
            for p in projects:
                if p.seq and p.seq.isdigit() and a <= int(p.seq) <= b:
                    p.level = level


def _county_targets(result: Extraction, paragraphs, gaz) -> None:
    """Figures inside a county's lagging list are that county's targets (开工建设15个城镇老旧小区)."""
    for s in result.summaries:
        if s.scope != "list" or not s.items:
            continue
        county = s.subject and re.match(r"[\u4e00-\u9fff]{1,6}?(?:市|县|区|州|旗)", s.subject)
        region = county.group(0) if county else None
        for item in s.items:
            qs = find_quantities(item, gaz.units)
            if not qs:
                continue
            name = item
            for q in qs:
                name = name.replace(q.raw, "")
            p = Project(name=name.strip() or item, evidence=s.evidence, region=region)
            for q in qs:
                p.targets.append(Target.of(q, item))
            p.progress.append(Progress(text=item, region=region, status="lagging", line=s.evidence.line))
            result.projects.append(p)


def _without_tallied_counts(result: Extraction) -> None:
    """12个子项中，已完成全年目标的1个，…低于50%的3个: the total and the parts of a status tally count the
    projects, they are neither a target nor a completed figure of one."""
    counts: dict[int | None, set[tuple[float | None, str | None]]] = {}
    for s in result.summaries:
        if s.scope == "tally" and s.evidence.line is not None:
            counts.setdefault(s.evidence.line, set()).update((v, s.unit) for v in [s.total, *s.parts.values()])
    if not counts:
        return
    kept = []
    for p in result.projects:
        tallied = counts.get(p.evidence.line, set())
        p.targets = [t for t in p.targets if (t.value, t.unit) not in tallied]
        p.progress = [g for g in p.progress if g.completed is None or g.rate is not None
                      or (g.completed.value, g.completed.unit) not in counts.get(g.line, set())]
        if p.targets or p.progress or not tallied:
            kept.append(p)
    result.projects = kept


def _link_bases(result: Extraction) -> None:
    """A completed count of 件 in a paragraph that states the total 件 checks against that total."""
    by_line = {s.evidence.line: s for s in result.summaries if s.scope == "pieces" and s.unit == "件"}
    for p in result.projects:
        for g in p.progress:
            s = by_line.get(g.line)
            if s and g.completed and g.completed.unit == "件" and not p.targets:
                g.base = s


def _canonical(result: Extraction, gaz) -> None:
    try:
        from .taxonomy import classify

        types = gaz.project_types
    except Exception:   # noqa: BLE001 — the taxonomy is optional data; a broken file must not stop extraction
        return
    known: dict[tuple[str, str], str | None] = {}      # many records of a long list share a name and context
    for p in result.projects:
        key = (p.name, " ".join(t.text for t in p.targets))
        if key not in known:
            known[key] = classify(key[0], types, key[1])
        p.canonical = known[key]
