"""Projects from form tables: cells in label | value pairs, one form a project.

  交办事项 | 新建改扩建公办幼儿园
  年度任务 | 新建改扩建公办幼儿园15所，新增学前教育学位4500个
  当前进展 | 已开工9所，开工率60%
  责任领导 | 市政府副市长　杨  帆
  责任单位 | 市教育体育局（牵头），市发展改革委、市财政局
  完成时限 | 2026.08.31

A 交办单 / 督办单 / 任务卡 prints one such table per project (or several forms one under the
other); a wider form puts two pairs on a row (责任领导 | X | 完成时限 | Y).  A label the form
table does not know (反馈要求, 交办日期, 联系人) is left out.

Form-like lines (`restate_lines`) are the same habit in running text: 'target／completed／rate' lines
under the sentence that names the order, an infographic's '✔ X N ▶ 已完成 M ▶ 完成率 R%', a bare
'牵头：' label.  They are restated as the sentences the item reader knows, before anything reads them.
"""
from __future__ import annotations

import re

from . import patterns as P
from .normalize import NText, simplify, squash
from .numbers import plan_figures
from .people import leaders_in, units_in
from .progress import progress_in, without_by_products
from .records import Evidence, Project, Target
from .tables import deadline_iso

# …单位 / …部门 after a role label
_UNIT_WORD_AFTER = re.compile(r"\s*(?:单位|部门)")


def form_pairs(table) -> list[list[tuple[str, str, int]]] | None:
    """The (role, value, row) pairs of each form in `table`, or None when it is not a form table: most
    label cells are labels the form knows, no value is itself a label (a header row), and a form names
    its project and two more fields."""
    if table.n_cols not in (2, 4):
        return None
    pairs: list[tuple[str, str, int]] = []
    unknown = 0
    for r, row in enumerate(table.rows()):
        for c in range(0, len(row) - 1, 2):
            label, value = squash(simplify(row[c])), squash(simplify(row[c + 1]))
            if not label:
                continue
            m = P.FORM_LABEL.fullmatch(label)
            if m is None or P.FORM_LABEL.fullmatch(value):
                unknown += 1
                continue
            pairs.append((m.lastgroup or "", row[c + 1].strip(), r))
    roles = {role for role, _, _ in pairs}
    if unknown * 2 > len(pairs) or "name" not in roles or len(roles - {"skip"}) < 3:
        return None
    forms: list[list[tuple[str, str, int]]] = []
    for pair in pairs:
        if pair[0] == "name" or not forms:
            forms.append([])
        forms[-1].append(pair)
    return forms


def projects_from_forms(table, forms, gaz, places: set[str], year: int | None) -> list[Project]:
    out = []
    for form in forms:
        first = form[0][2]
        line = table.row_lines[first] if first < len(table.row_lines) else None
        text = "\n".join(f"{role}\t{value}" for role, value, _ in form)
        out.append(_form_project(form, Evidence(text=text, line=line, page=table.page, table=table.index, row=first),
                                 gaz, places, year, table=table.index, row=first))
    return out


def form_line_blocks(paragraphs) -> list[list[tuple[str, str, int]]]:
    """Forms written as lines, one 'label：value' field a line (two on a line after a wide gap):

      督办事项一：农村供水管网改造
      年度任务：改造农村供水管网120公里，受益群众2.8万人。
      当前进展：已完成管网改造68公里，完成56.7%。
      整改时限：9月30日前
      完成时限：11月30日前
      责任领导：副区长　韩  磊
      牵头单位：区水务局　　配合单位：区财政局

    Each block opens with a name field and runs over consecutive lines whose labels the form knows; it is a
    form when it names a target or progress and two more fields.  Returns the (role, value, line) pairs of each."""
    forms: list[list[tuple[str, str, int]]] = []
    block: list[tuple[str, str, int]] = []
    last = None
    for ln, nt in paragraphs:
        fields = [] if len(nt.text) > 200 else _line_fields(nt.text)
        if fields and fields[0][0] == "name" or (block and fields and last is not None and ln == last + 1):
            if fields[0][0] == "name":
                forms.append(block)
                block = []
            block += [(role, value, ln) for role, value in fields]
            last = ln
            continue
        forms.append(block)
        block, last = [], None
        heading = HEADING_NAME.match(nt.text)
        if heading and not fields:           # （一）城区学校扩容工程 over its 年度目标：… / 完成情况：… lines
            seq = heading.group("a") or heading.group("b")
            block, last = [("name", heading.group("name"), ln), ("seq", seq, ln)], ln
    forms.append(block)
    return [f for f in forms if _is_form({role for role, _, _ in f})]


# （一）城区学校扩容工程 / 2.社区养老服务提升: a numbered heading alone on its line -> seq, name
HEADING_NAME = re.compile(r"^\s*(?:[（(](?P<a>[一二三四五六七八九十\d]{1,3})[）)]|(?P<b>[一二三四五六七八九十]{1,3}|\d{1,2})[、.．])\s*"
                          r"(?P<name>[^\d，,。；;:：]{2,30}?)\s*$")


def _is_form(roles: set[str]) -> bool:
    return "name" in roles and bool(roles & {"target", "progress"}) and len(roles - {"skip", "seq"}) >= 4


def _line_fields(line: str) -> list[tuple[str, str]]:
    """督办事项一：X / 牵头单位：A　　配合单位：B -> [(role, value)], or [] when a label is not a form's."""
    out: list[tuple[str, str]] = []
    if ":" not in line and "：" not in line:
        return out            # every field holds its label's colon
    for m in P.FORM_LINE_FIELD.finditer(line.strip()):
        label = P.FORM_LABEL.fullmatch(m.group("label"))
        if label is None:
            return []
        out.append((label.lastgroup or "", m.group("value").strip()))
        if label.lastgroup == "name" and (number := re.search(r"[一二三四五六七八九十\d]{1,3}$", m.group("label"))):
            out.append(("seq", number.group(0)))        # 项目三：… / 督办事项二：… keep their number
    return out


def projects_from_form_lines(forms, gaz, places: set[str], year: int | None) -> list[Project]:
    """The projects of `form_line_blocks`; a project's line is its target's, its progress the progress line's."""
    out = []
    for form in forms:
        at = {role: ln for role, _, ln in reversed(form)}
        text = "\n".join(f"{role}\t{value}" for role, value, _ in form)
        p = _form_project(form, Evidence(text=text, line=at.get("target", form[0][2])), gaz, places, year)
        for g in p.progress:
            g.line = at.get("progress", at.get("target", g.line))
        out.append(p)
    return out


def _form_project(form, evidence: Evidence, gaz, places: set[str], year: int | None,
                  table: int | None = None, row: int | None = None) -> Project:
    """One project from a form's (role, value, row) pairs."""
    values: dict[str, str] = {}
    for role, value, _ in form:
        values[role] = (values[role] + "；" + value) if role in values else value
    line = evidence.line
    p = Project(name=simplify(squash(values.get("name", ""))) or "（未命名）", seq=values.get("seq"), evidence=evidence,
                table=table, row=row)
    task = simplify(values.get("target", ""))
    if "progress" not in values and (cut := P.PROGRESS_START.search(task)) and \
            re.match(r"[，,。；](?:实际|已|目前|累计|截至)", task[cut.start():]):
        task, values["progress"] = task[:cut.start()], task[cut.start():]     # 督办内容：年度新增…，目前已完成…
    for q in plan_figures(task, gaz.units):
        p.targets.append(Target(text=task, value=q.value, unit=q.unit, op=q.op, raw=q.raw, half=q.half,
                                family=q.family))
    if values.get("progress"):
        progress = simplify(values["progress"])
        p.progress = without_by_products(progress_in(progress, gaz, places, line, progress, p.targets),
                                         p.targets, progress)
    p.leaders = leaders_in(values.get("leader", ""))
    lead, partner = _split_lead(values.get("lead_unit", ""))
    p.lead_units = units_in(lead, gaz.org_suffixes)
    p.partner_units = [u for u in units_in(partner + "、" + values.get("partner", ""), gaz.org_suffixes)
                       if u not in p.lead_units]
    if values.get("deadline"):
        p.deadline = deadline_iso(simplify(values["deadline"]), year)
    return p


def _split_lead(cell: str) -> tuple[str, str]:
    """市教育体育局（牵头），市发展改革委、市财政局: the units up to the （牵头） mark lead, the rest take part."""
    m = P.LEAD_MARK.search(cell)
    return (cell[:m.start()], cell[m.end():]) if m else (cell, "")


# ---- form-like lines, restated as the sentences the item reader knows -----------------------

# the characters SYMBOL_LINE, SYMBOL_STEPS_ONLY and ROLE_LABEL open with after their \s* (ITEM_NUMBER and
# ITEM_BEFORE_FIGURE open with a decimal digit); tests/test_extract_cost7.py reads them from the patterns' parse
SYMBOL_OPENS = "✔✓√☑●■◆★"
STEP_OPENS = "▶►➤▸→"
ROLE_OPENS = "牵配协参责主负"


def restate_lines(lines: list) -> list:
    """Lines written as a form rather than a sentence, restated (offsets still map to the original):

      1．城镇新增就业（州人社局）：4500人／4212人／93.6%     (under a sentence naming 年度目标／累计完成／完成率)
      ✔ 新增学位　5400个　▶ 已完成　4860个　▶ 完成率 90%    (an infographic's indicator line)
      牵头：区教体局                                          (a bare role label)

    become '…：年度目标4500人，累计完成4212人，完成率93.6%', '新增学位：年度目标5400个，已完成4860个，完成率90%'
    and '牵头单位：区教体局'.  A line of steps alone (▶ 已完工　25个　▶ 完工率 78.1%) continues the indicator above."""
    order = next((o for nt in lines if "/" in nt.text and (o := _triplet_order(nt.text))), None)
    out = []
    name: tuple[int, int] | None = None
    last_item = 0           # the number of the last '7．' item line
    for nt in lines:
        text = nt.text
        # the character each pattern below needs first, after its \s* (most lines open with none of them)
        lead = text.lstrip()[:1] if text[:1].isspace() else text[:1]
        if lead.isdecimal() and (m := P.ITEM_NUMBER.match(text)):
            last_item = int(m.group("seq"))
        elif lead.isdecimal() and (m := P.ITEM_BEFORE_FIGURE.match(text)) and last_item \
                and int(m.group("seq")) == last_item + 1:
            last_item += 1      # 8．65岁以上老年人健康体检 after item 7: an item dot, not 8.65
            nt = _rebuild(nt, [(0, m.end("seq")), "、", (m.end(), len(text))])
            text = nt.text
        if order and (m := P.TRIPLET_LINE.match(text)):
            nt = _triplet(nt, m, order)
        elif lead in SYMBOL_OPENS and (m := P.SYMBOL_LINE.match(text)):
            name = (m.start("name"), m.end("name"))
            nt = _rebuild(nt, [(0, m.start("sym")), name, "：年度目标", (m.start("target"), m.end("target"))]
                          + _steps(text, m.start("rest")))
            name = text[name[0]:name[1]]
        elif name and lead in STEP_OPENS and (m := P.SYMBOL_STEPS_ONLY.match(text)):
            nt = _rebuild(nt, [name, "："] + _steps(text, m.start("rest"))[1:])
        elif lead in ROLE_OPENS and (m := P.ROLE_LABEL.match(text)) and not _UNIT_WORD_AFTER.match(text[m.end("role"):]):
            nt = _rebuild(nt, [(0, m.end("role")), "单位", (m.end("role"), len(text))])
        out.append(nt)
    return out


def _steps(text: str, start: int) -> list:
    """▶ 已完成　4860个　▶ 完成率 90% → ，已完成4860个，完成率90% (as pieces for _rebuild)."""
    pieces: list = []
    for s in P.SYMBOL_STEP.finditer(text, start):
        pieces += ["，", (s.start("word"), s.end("word"))]
        if s.group("fig"):
            pieces.append((s.start("fig"), s.end("fig")))
    return pieces


def _triplet_order(text: str) -> list[str] | None:
    """按“年度目标／累计完成／完成率”列示 → [target, completed, rate]: the defining sentence's order."""
    m = P.TRIPLET_HEADER.search(text)
    if m is None:
        return None
    roles = []
    for label in m.group(0).split("/"):
        roles.append("rate" if re.search(r"率|比例", label) else "completed" if re.search(r"完成|累计|实际|进展", label)
                     else "target" if re.search(r"目标|任务|计划", label) else "")
    return roles if sorted(roles) == ["completed", "rate", "target"] else None


def _triplet(nt, m: re.Match, order: list[str]):
    """…：4500人/4212人/93.6% → …：年度目标4500人，累计完成4212人，完成率93.6% ('—' is no rate)."""
    cuts = [m.start("body")] + [s.start() for s in P.TRIPLET_SLASH.finditer(nt.text, m.start("body"))] + [len(nt.text)]
    if len(cuts) != 4:
        return nt
    spans = {role: (cuts[k] + (k > 0), cuts[k + 1]) for k, role in enumerate(order)}
    words = {"target": "年度目标", "completed": "，累计完成", "rate": "，完成率"}
    pieces: list = [(0, m.start("colon")), "。"]          # 1.城镇新增就业（州人社局）。年度目标…: an item's title
    for role in ("target", "completed", "rate"):
        a, b = spans[role]
        value = nt.text[a:b].strip()
        if not value or re.fullmatch(r"[—\-–－]+", value):
            continue
        has_figure = re.search(r"\d", value) and (role != "rate" or "%" in value)
        pieces += [words[role] if has_figure else "，", (a, b)]
    return _rebuild(nt, pieces)


def _rebuild(nt, pieces: list):
    """A new NText from spans of `nt` and inserted words (an inserted word maps to the next span's start)."""
    text, offsets = [], []
    for k, piece in enumerate(pieces):
        if isinstance(piece, tuple):
            a, b = piece
            text.append(nt.text[a:b])
            offsets += nt.offsets[a:b]
        else:
            nxt = next((p for p in pieces[k + 1:] if isinstance(p, tuple) and p[0] < len(nt.offsets)), None)
            at = nt.offsets[nxt[0]] if nxt else (nt.offsets[-1] if nt.offsets else 0)
            text.append(piece)
            offsets += [at] * len(piece)
    return NText("".join(text), nt.original, tuple(offsets))
