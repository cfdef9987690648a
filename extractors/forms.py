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
"""
from __future__ import annotations

from . import patterns as P
from .items import _without_by_products as without_by_products
from .normalize import simplify, squash
from .numbers import find_quantities, percent_targets, target_figures
from .people import leaders_in, units_in
from .progress import progress_in
from .records import Evidence, Project, Target
from .tables import deadline_iso


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
        values: dict[str, str] = {}
        for role, value, _ in form:
            values[role] = (values[role] + "；" + value) if role in values else value
        first = form[0][2]
        line = table.row_lines[first] if first < len(table.row_lines) else None
        text = "\n".join(f"{role}\t{value}" for role, value, _ in form)
        p = Project(name=simplify(squash(values.get("name", ""))) or "（未命名）",
                    evidence=Evidence(text=text, line=line, page=table.page, table=table.index, row=first),
                    table=table.index, row=first)
        task = simplify(values.get("target", ""))
        figures = target_figures(task, find_quantities(task, gaz.units)) + percent_targets(task)
        for q in sorted(figures, key=lambda q: q.start):
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
        out.append(p)
    return out


def _split_lead(cell: str) -> tuple[str, str]:
    """市教育体育局（牵头），市发展改革委、市财政局: the units up to the （牵头） mark lead, the rest take part."""
    m = P.LEAD_MARK.search(cell)
    return (cell[:m.start()], cell[m.end():]) if m else (cell, "")
