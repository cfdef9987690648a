"""Responsibility for the programme as a whole, written in prose rather than against a project:

  牵头责任单位：区工信局、区民政局、区人社局……
  成立……领导小组，由县委常委、常务副县长李  军任组长……
  成立以市长艾尼瓦尔·吐尔逊为组长、常务副市长李国强为副组长的……领导小组

They become one record, `（整体）`, so that every unit and leader the document names for the
programme is kept with its evidence, and no project is credited with them by guesswork.
"""
from __future__ import annotations

import re

from . import patterns as P
from .people import leaders_in, prose_duties, units_in
from .records import Evidence, Project

PARTNER_KEYS = ("相关", "配合", "协办")


def programme_project(paragraphs, gaz, used_lines: set[int]) -> Project | None:
    """The programme-level record, or None when the prose names no unit list or group leader."""
    p = Project(name="（整体）", evidence=Evidence(text=""))
    lines = []
    previous = ""
    for ln, nt in paragraphs:
        before, previous = previous, nt.text
        for role, names in prose_duties(nt.text, before, gaz.org_suffixes, ln in used_lines):   # 牵头领导:X 责任单位:Y
            p.add_leaders(names) if role == "leader" else p.add_units(role, names)
            lines.append((ln, nt))
        if ln in used_lines:
            continue
        text = nt.text
        for m in P.UNIT_LIST.finditer(text) if P.may_match(P.UNIT_LIST, text) else ():
            if m.start() == len(text) - len(text.lstrip()):
                continue      # 牵头单位：… opening its own line is a project's field, not a programme list
            names = [u for u in units_in(re.sub(r"等$", "", m.group("val").strip()), gaz.org_suffixes)
                     if len(u) <= 20 and not re.search(r"[，,：:]", u)]
            if len(names) < 3:
                continue
            p.add_units("partner" if m.group("key").startswith(PARTNER_KEYS) else "lead", names)
            lines.append((ln, nt))
        named = [m.group("name") for m in P.GROUP_LEADER.finditer(text)] if P.may_match(P.GROUP_LEADER, text) else []
        named += [m.group("name") for m in P.ACTING_LEADER.finditer(text)] \
            if P.may_match(P.ACTING_LEADER, text) else []                        # 由副区长杨  帆约谈…
        named += [m.group("name") for m in P.TITLED_PERSON.finditer(text)
                  if not P.NOT_TITLED_NAME.search(m.group("name"))]         # 州长龙晓华多次强调
        for raw in named:
            for name in leaders_in(re.sub(r"\s+", "", raw)):
                if name not in p.leaders:
                    p.leaders.append(name)
                    lines.append((ln, nt))
    if not lines:
        return None
    ln, nt = lines[0]
    p.evidence = Evidence(text=nt.original.strip(), line=ln)
    return p
