"""The records of the minsheng/1 contract, as typed dataclasses.

`Extraction.to_contract()` gives the JSON object that `minsheng extract --format json` prints.
Fields beyond the contract (a figure's written precision, the kind of a percentage) help the
checks; the ones useful to a reader are printed as extra keys, which the contract allows.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import patterns as P

SCHEMA = "minsheng/1"

C = TypeVar("C", bound=type)


def quick_init(cls: C) -> C:
    """A frozen dataclass given an ``__init__`` that fills the instance's dict directly: the one dataclasses
    writes calls ``object.__setattr__`` once a field (a frozen class's own ``__setattr__`` refuses), three
    times the cost for the figures, lines and evidence made ~17,000 times a corpus round.  The same
    signature, defaults and fields; equality, hashing, ``replace`` and the refusal to set a field are
    dataclasses' own (tests/test_extract_cost4.py)."""
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen     # type: ignore[attr-defined]
    assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    params, body, defaults = [], [], {}
    for f in dataclasses.fields(cls):
        assert f.init and f.default_factory is dataclasses.MISSING and not f.kw_only, f.name
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    d[{f.name!r}] = {f.name}\n")
    space: dict[str, Any] = {}
    # built from the field names alone, the way dataclasses builds its own __init__
    exec(f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n" + "".join(body), defaults, space)  # noqa: S102
    init = space["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init           # type: ignore[method-assign]
    return cls


@quick_init
@dataclass(frozen=True)
class Evidence:
    text: str
    line: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "line": self.line, "page": self.page, "table": self.table, "row": self.row}


@quick_init
@dataclass(frozen=True)
class Quantity:
    """A number with its unit as found in the text: 2.3万人 → 23000 人, half-width 500."""
    value: float
    unit: str | None
    raw: str
    half: float = 0.0            # half the last written digit's place: 2.3万 → 500; 10265 → 0
    family: str | None = None
    op: str = "="
    start: int = 0               # offsets in the normalised line
    end: int = 0
    approx: str | None = None    # the word of a figure written roughly: 余 (3000余人), 逾, 多, 超, 近, 不足, 约


@dataclass
class Target:
    text: str
    value: float | None
    unit: str | None
    op: str = "="
    raw: str | None = None
    half: float = 0.0
    family: str | None = None
    approx: bool = False         # written roughly: its op is the word's bound, not a promise's

    @classmethod
    def of(cls, q: Quantity, text: str, op: str | None = None) -> Target:
        """The target a figure states; `op` overrides the figure's own bound.  A figure written roughly and
        bound by nothing else takes its word's bound: 1.5万余名 '>=', 近2.4万户 '<=', 约5000户 '='."""
        op = op or q.op
        if op == "=" and q.approx:
            op = P.APPROX_OP[q.approx]
        return cls(text=text, value=q.value, unit=q.unit, op=op, raw=q.raw, half=q.half, family=q.family,
                   approx=q.approx is not None)

    def to_dict(self) -> dict:
        return {"text": self.text, "value": _num(self.value), "unit": self.unit, "op": self.op, "raw": self.raw}


@dataclass
class Progress:
    text: str
    region: str | None = None
    completed: Quantity | None = None
    rate: float | None = None
    rate_raw: str | None = None          # as written, for its precision: "44.63"
    measure: str | None = None           # what the percentage measures: 完成年任务, 开工率, 形象进度…
    status: str | None = None
    as_of: str | None = None
    line: int | None = None
    base: Any = None                     # a Summary whose total this count is a share of (3件 of 共10件)

    @property
    def is_completion_rate(self) -> bool:
        return self.rate is not None and (self.measure or "") in COMPLETION_MEASURES

    def to_dict(self) -> dict:
        c = self.completed
        return {"as_of": self.as_of, "region": self.region,
                "completed": None if c is None else {"value": _num(c.value), "unit": c.unit},
                "rate": _num(self.rate), "status": self.status, "text": self.text,
                "measure": self.measure}


COMPLETION_MEASURES = {"完成年任务", "完成任务", "完成率", "完成年度任务", "完成全年任务", "占年任务", "完成目标任务",
                       "完成计划", "完成年计划", "完成年度计划", "完成全年计划", "占总投资", "完成年度目标", "完成", "完工率", "竣工率", "完成全年目标", "完成目标"}


@dataclass
class Project:
    name: str
    evidence: Evidence
    seq: str | None = None
    category: str | None = None
    canonical: str | None = None
    level: str | None = None
    targets: list[Target] = field(default_factory=list)
    deadline: str | None = None
    leaders: list[str] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)
    partner_units: list[str] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)
    region: str | None = None            # a county's name when the project is that county's
    table: int | None = None
    row: int | None = None
    category_seq: str | None = None      # the number of its category (一, 三…) when tasks are grouped
    sheet_group: str | None = None       # the column group of a summary table it came from
    subtotal: bool = False               # a 小计 / 总计 row of a table: sums of the rows, not a project

    def add_units(self, role: str, names: list[str]) -> None:
        """市人社局牵头，市财政局配合 → add_units("lead", [市人社局]), add_units("partner", [市财政局]): a unit
        the project already has, in either role, keeps its first role."""
        bucket = self.lead_units if role == "lead" else self.partner_units
        bucket += [u for u in names if u not in self.lead_units + self.partner_units]

    def add_leaders(self, names: list[str]) -> None:
        """[王立新, 李东] → the names the project does not list yet, in order."""
        self.leaders += [x for x in names if x not in self.leaders]

    def to_dict(self) -> dict:
        return {"seq": self.seq, "category": self.category, "name": self.name, "canonical": self.canonical,
                "level": self.level, "targets": [t.to_dict() for t in self.targets], "deadline": self.deadline,
                "leaders": self.leaders, "lead_units": self.lead_units, "partner_units": self.partner_units,
                "progress": [p.to_dict() for p in self.progress], "evidence": self.evidence.to_dict(),
                "region": self.region}


@dataclass
class Summary:
    subject: str | None
    total: float | None
    unit: str | None
    evidence: Evidence
    parts: dict[str, float] = field(default_factory=dict)
    listed: int | None = None
    items: list[str] = field(default_factory=list)
    remainder: str | None = None      # the status of a part written as 其余/剩余 N
    scope: str | None = None          # what the total counts: projects | indicators | tasks | categories | threshold
    threshold: float | None = None    # scope threshold: the rate the counted regions are compared with
    above: bool | None = None         # scope threshold: counted when above (True) or below (False)
    tolerance: float = 0.0            # the parts and the total as rounded when written (资金 in 亿元)

    def to_dict(self) -> dict:
        return {"subject": self.subject, "total": _num(self.total), "unit": self.unit,
                "parts": {k: _num(v) for k, v in self.parts.items()}, "listed": self.listed,
                "evidence": self.evidence.to_dict(), "items": self.items}


@dataclass
class Flag:
    code: str
    severity: str
    message: str
    evidence: Evidence
    expected: Any = None
    found: Any = None
    project: Any = None                   # the Project the flag is about, when there is one

    def to_dict(self, index: int | None = None) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "expected": self.expected, "found": self.found, "evidence": self.evidence.to_dict(),
                "project": index}


@dataclass
class Region:
    name: str
    code: str | None
    path: list[str]

    def to_dict(self) -> dict:
        return {"name": self.name, "code": self.code, "path": self.path}


@dataclass
class DocumentInfo:
    source: str
    sha256: str
    format: str
    kind: str = "other"
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    period: dict | None = None
    region: Region | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"source": self.source, "sha256": self.sha256, "format": self.format, "kind": self.kind,
                "title": self.title, "doc_number": self.doc_number, "issuer": self.issuer, "date": self.date,
                "year": self.year, "period": self.period,
                "region": self.region.to_dict() if self.region else None,
                "encoding": self.encoding, "warnings": self.warnings}


@dataclass
class Extraction:
    document: DocumentInfo
    projects: list[Project] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    extractor_version: str = ""
    entities: list | None = None          # extractors.entities, when asked for

    def to_contract(self) -> dict:
        extra = {} if self.entities is None else {"entities": [e.to_dict() for e in self.entities]}
        return {**extra, "schema": SCHEMA, "extractor_version": self.extractor_version,
                "document": self.document.to_dict(),
                "projects": [p.to_dict() for p in self.projects],
                "summaries": [s.to_dict() for s in self.summaries],
                "flags": [f.to_dict(self._index(f.project)) for f in self.flags]}

    def _index(self, project) -> int | None:
        for i, p in enumerate(self.projects):
            if p is project:
                return i
        return None


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    if float(v).is_integer():
        return int(v)
    return round(float(v), 6)
