"""Fields written outside the items they belong to, by item number:

  二、责任分工  第（一）、（十一）项由副市长王  勇负责，市人社局、市卫生局分别牵头；…
  三、完成时限  第（七）项于2014年4月底前完成；第（三）、（五）项于2014年11月底前完成。

Each 第…项 clause gives its leader, its units (in order when they 分别牵头, else to every item
named) and its deadline to the numbered items it names; nothing an item states itself is replaced.
"""
from __future__ import annotations

import re

from . import patterns as P
from .numbers import to_number
from .people import assigned_leaders, role_units
from .records import Project
from .tables import deadline_iso


def assign_by_number(projects: list[Project], paragraphs, gaz, year: int | None) -> None:
    """第（一）、（十一）项由副市长王  勇负责 → 王勇 to the projects numbered 一 and 十一 (when the document
    numbers two or more); a clause naming a number no project has gives nothing."""
    numbered = {_number(p.seq): p for p in projects if p.seq and _number(p.seq)}
    if len(numbered) < 2:
        return
    for _, nt in paragraphs:
        text = nt.text
        refs = list(P.ITEM_REFS.finditer(text))
        for i, m in enumerate(refs):
            wanted = _numbers(m.group("refs"))
            items = [numbered[n] for n in wanted if n in numbered]
            if not items or len(items) < len(wanted):
                continue      # a reference to an item the list does not have
            clause = text[m.end():refs[i + 1].start() if i + 1 < len(refs) else len(text)]
            _assign(items, clause, gaz, year)


def assign_by_table(projects: list[Project], duties: list[Project]) -> None:
    """The rows of a separate 分工 table (`tables.duty_rows`) give their fields to the project of the same
    number, whatever the row order; a number two projects share is left alone."""
    numbered: dict[int, list[Project]] = {}
    for p in projects:
        if p.seq and (n := _number(p.seq)):
            numbered.setdefault(n, []).append(p)
    for d in duties:
        match = numbered.get(_number(d.seq or "") or 0, [])
        if len(match) != 1:
            continue
        p = match[0]
        p.leaders = p.leaders or d.leaders
        p.lead_units = p.lead_units or d.lead_units
        p.partner_units = p.partner_units or [u for u in d.partner_units if u not in p.lead_units]
        p.deadline = p.deadline or d.deadline


def assign_by_count(projects: list[Project], paragraphs, gaz, year: int | None) -> None:
    """（一）对3个滞后项目，由分管副市长李  东牵头召开专题调度会: a leader given to "the N projects" goes
    to the document's numbered projects when there are exactly N of them."""
    numbered = [p for p in projects if p.seq]
    for _, nt in paragraphs:
        m = P.PROJECTS_COUNTED.match(nt.text)
        if m and numbered and _number(m.group("n")) == len(numbered) and P.ASSIGNED_LEADER.search(nt.text):
            clause = re.split(r"[。；;]", nt.text[m.end():])[0]
            leaders = assigned_leaders(clause)
            for p in numbered:
                p.add_leaders(leaders)


def _assign(items: list[Project], clause: str, gaz, year: int | None) -> None:
    """…由副市长王  勇负责，市人社局、市卫生局分别牵头，于6月底前完成: the clause's leader, units and deadline to `items`."""
    leaders = assigned_leaders(clause)
    for p in items:
        p.add_leaders(leaders)
    for role, names, (start, end) in role_units(clause, gaz.org_suffixes):
        in_order = "分别" in clause[start:end] and len(names) == len(items)
        for k, p in enumerate(items):
            p.add_units(role, [names[k]] if in_order else names)
    limit = P.ITEMS_DEADLINE.search(clause)
    if limit and P.DEADLINE.search(limit.group("d")):
        for p in items:
            p.deadline = p.deadline or deadline_iso(limit.group("d"), year)


def _numbers(refs: str) -> list[int]:
    """（一）、（十一） → [1, 11]; 1至3 → [1, 2, 3]."""
    out: list[int] = []
    for m in P.ITEM_REF.finditer(refs):
        n = _number(m.group("n"))
        if n is None:
            continue
        if m.group("sep") and out and out[-1] < n <= out[-1] + 30:
            out += list(range(out[-1] + 1, n + 1))
        else:
            out.append(n)
    return out


def _number(seq: str) -> int | None:
    """十一 → 11; 3 → 3; None for what is no number."""
    v = to_number(seq)
    return int(v) if v else None
