"""TARGET_CONFLICT: the same project type, region and year with different targets in two documents.

A pure rule over plain rows (the store feeds it from its tables); nothing here imports
`pipeline`. Targets are compared per unit: for one canonical project type, region code and
year, each document contributes the set of values it states in that unit. Two documents
conflict when neither set contains the other — a document that restates only some of
another's targets is not a conflict, and neither is the same document in two formats.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class TargetRow:
    sha256: str
    source: str
    region_code: str
    region_name: str | None
    year: int
    canonical: str
    name: str
    value: float
    unit: str | None
    text: str
    line: int | None = None


@dataclass(frozen=True)
class Conflict:
    sha256: str          # the document the flag is attached to (the later one in source order)
    other_sha256: str
    message: str
    expected: float      # the other document's value
    found: float         # this document's value
    evidence: str
    line: int | None


def _key(v: float) -> float:
    return round(float(v), 6)


def target_conflicts(rows: Iterable[TargetRow]) -> Iterator[Conflict]:
    """One Conflict per pair of documents whose targets for a project disagree."""
    groups: dict[tuple, dict[str, list[TargetRow]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        groups[(r.canonical, r.region_code, r.year, r.unit)][r.sha256].append(r)
    for (canonical, _code, year, unit), docs in sorted(groups.items(), key=lambda kv: tuple(map(str, kv[0]))):
        if len(docs) < 2:
            continue
        ordered = sorted(docs.items(), key=lambda kv: (kv[1][0].source, kv[0]))
        for i, (sha_a, a) in enumerate(ordered):
            va = {_key(r.value) for r in a}
            for sha_b, b in ordered[i + 1:]:
                vb = {_key(r.value) for r in b}
                if va <= vb or vb <= va:
                    continue
                ra = next(r for r in a if _key(r.value) not in vb)
                rb = next(r for r in b if _key(r.value) not in va)
                u = unit or ""
                place = rb.region_name or rb.region_code
                yield Conflict(
                    sha256=sha_b, other_sha256=sha_a,
                    message=(f"{place}{year}年“{rb.name}”（{canonical}）目标不一致：{rb.source}为{_fmt(rb.value)}{u}，"
                             f"{ra.source}为{_fmt(ra.value)}{u}"),
                    expected=ra.value, found=rb.value, evidence=rb.text, line=rb.line)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
