"""Projects in a 政策解读 written as questions and answers:

  问：在就业方面有哪些安排？
  答：今年全市城镇新增就业2600人，开展农牧民职业技能培训3000人次。此项工作由市人社局牵头。

Each sentence of an answer that states figures is a project with those figures as targets; the
units a sentence names (由市教育局牵头) go to its projects, and a sentence naming only units
(此项工作由…牵头，…配合) to the answer's projects still without them.  An answer that names no lead
unit (how the projects were chosen, where the money comes from) gives nothing.  Old levels and
changes (由800元提高到…, 比上年提高60元) are not targets.
"""
from __future__ import annotations

import re

from . import patterns as P
from .numbers import find_quantities, percent_targets, target_figures
from .people import role_units
from .records import Evidence, Project, Target


def projects_from_answers(paragraphs, gaz, used: set[int]) -> list[Project]:
    """The projects of every 答： paragraph naming a lead unit, in a text of two questions or more; the
    paragraphs read are added to `used`."""
    if sum(1 for _, nt in paragraphs if P.QUESTION.match(nt.text)) < 2:
        return []
    out: list[Project] = []
    for ln, nt in paragraphs:
        answer = P.ANSWER.match(nt.text)
        if ln in used or not answer:
            continue
        body = nt.text[answer.end():]
        roles = role_units(body, gaz.org_suffixes)
        if not any(role == "lead" for role, _, _ in roles):
            continue
        mine: list[Project] = []
        for sentence in re.split(r"[。；;]", body):
            units = role_units(sentence, gaz.org_suffixes)
            p = _project(sentence, ln, nt.original.strip(), gaz)
            if p is not None:
                mine.append(p)
            owners = [p] if p is not None else [q for q in mine if not q.lead_units]
            for role, names, _ in units:
                for q in owners:
                    q.add_units(role, names)
        if mine:
            used.add(ln)
        out += mine
    return out


def _project(sentence: str, ln: int, evidence: str, gaz) -> Project | None:
    """今年全市城镇新增就业2600人 → 城镇新增就业, target 2600 人: the project named before a sentence's first
    figure, its targets the figures that are neither an old level nor a change; None without a figure."""
    text = P.ANSWER_SENTENCE_OPENER.sub("", sentence.strip())
    found = [q for q in target_figures(text, find_quantities(text, gaz.units))
             if not P.NOT_A_TARGET_AFTER.match(text[q.end:]) and not P.NOT_A_TARGET_BEFORE.search(text[:q.start])]
    figures = sorted(found + percent_targets(text), key=lambda q: q.start)
    if not figures:
        return None
    name = P.ANSWER_SCOPE.sub("", text[:figures[0].start]).strip("，, ")
    p = Project(name=name or text[:figures[0].end], evidence=Evidence(text=evidence, line=ln))
    for q in figures:
        a = max(text.rfind(ch, 0, q.start) for ch in "，,、") + 1
        p.targets.append(Target(text=text[a:q.end], value=q.value, unit=q.unit, op=q.op, raw=q.raw,
                                half=q.half, family=q.family))
    return p
