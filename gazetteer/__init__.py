"""The gazetteer: data files plus this one loader.  `load()` once, pass the result around.

Files (each one's source is in SOURCES.md):
  divisions.tsv        GB/T 2260 divisions down to county level, with short forms
  division_renames.tsv dated renames and code changes
  units.tsv            units of measure: as written → normalised unit and family
  statuses.tsv         status words → done / on_track / lagging / cancelled / started
  organisations.tsv    suffixes that end an organisation's name
  headers.tsv          table header labels → column roles (序号 seq, 工作目标 target, 单位 measure …)
  project_types.yaml   the project-type taxonomy (read by gazetteer.types; names matched by extractors.taxonomy)
  cues.tsv             the cue lexicon of the clause reader: a word, the role it gives a figure, an example
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUFFIXES = "省市州县区旗盟"


from pipeline.errors import GazetteerError  # one error type for the whole product


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str           # province | prefecture | county
    parent: str | None
    short: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    divisions: dict[str, Division]
    units: dict[str, tuple[str, str]]            # written → (normalised, family)
    statuses: list[tuple[str, str]]              # longest word first
    org_suffixes: list[str]                       # longest first
    renames: list[dict] = field(default_factory=list)
    folder: Path = HERE
    headers: dict[str, str] = field(default_factory=dict)   # header label → column role

    @cached_property
    def names(self) -> dict[str, list[Division]]:
        """Full names and short forms → the divisions they may denote (ambiguity kept)."""
        out: dict[str, list[Division]] = {}
        for d in self.divisions.values():
            for n in (d.name, *d.short):
                if len(n) >= 2:
                    out.setdefault(n, []).append(d)
        for r in self.renames:     # an old name still denotes its successor
            new = self.divisions.get(r.get("new_code") or "")
            old = r.get("old_name") or ""
            if new and len(old) >= 2 and old not in out:
                out[old] = [new]
        return out

    @cached_property
    def longest_name(self) -> int:
        return max((len(n) for n in self.names), default=0)

    @cached_property
    def name_lengths(self) -> dict[str, tuple[int, ...]]:
        """Last character → the lengths of the names ending in it, longest first: 区 → (…, 3, 2)."""
        out: dict[str, set[int]] = {}
        for n in self.names:
            out.setdefault(n[-1], set()).add(len(n))
        return {ch: tuple(sorted(ks, reverse=True)) for ch, ks in out.items()}

    @cached_property
    def name_lengths_by_end(self) -> dict[str, tuple[int, ...]]:
        """Last two characters → the lengths of the names ending in them, longest first: 城区 → (…, 3, 2).
        (Every name has two characters or more.)"""
        out: dict[str, set[int]] = {}
        for n in self.names:
            out.setdefault(n[-2:], set()).add(len(n))
        return {end: tuple(sorted(ks, reverse=True)) for end, ks in out.items()}

    def path(self, code: str | None) -> list[str]:
        """Full names from the province down to the division itself."""
        out: list[str] = []
        seen = set()
        while code and code in self.divisions and code not in seen:
            seen.add(code)
            d = self.divisions[code]
            out.append(d.name)
            code = d.parent
        return out[::-1]

    def ancestors(self, code: str) -> list[str]:
        out = []
        d = self.divisions.get(code)
        while d and d.parent and d.parent in self.divisions:
            out.append(d.parent)
            d = self.divisions[d.parent]
        return out

    @cached_property
    def project_types(self):
        from .types import load_types  # the taxonomy's data (extractors.taxonomy matches names against it)

        return load_types(self.folder / "project_types.yaml")

    @cached_property
    def cues(self):
        from .cues import load_cues  # the clause reader's lexicon: a word, its role, an example

        return load_cues(self.folder / "cues.tsv")


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        raise GazetteerError(str(path), "missing gazetteer file", "reinstall minsheng or restore the file")
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and row[0] and not row[0].startswith("#"):
                rows.append(row)
    return rows


def _divisions(folder: Path) -> dict[str, Division]:
    path = folder / "divisions.tsv"
    out: dict[str, Division] = {}
    rows = _rows(path)
    if rows and rows[0][0] == "code":
        rows = rows[1:]
    for i, row in enumerate(rows, 2):
        if len(row) < 3:
            raise GazetteerError(f"{path}:{i}", "expected code, name, level, parent, short", "fix the row")
        code, name, level = row[0], row[1], row[2]
        parent = row[3] if len(row) > 3 and row[3] else None
        short = tuple(s for s in (row[4].split("|") if len(row) > 4 else []) if s)
        out[code] = Division(code, name, level, parent, short)
    return out


def _renames(folder: Path) -> list[dict]:
    path = folder / "division_renames.tsv"
    if not path.exists():
        return []
    rows = _rows(path)
    if not rows:
        return []
    head = rows[0] if rows[0][0] == "old_code" else ["old_code", "old_name", "new_code", "new_name", "year", "note"]
    return [dict(zip(head, r)) for r in rows[1:] if rows[0][0] == "old_code"] or \
        [dict(zip(head, r)) for r in rows]


def load(folder: str | Path | None = None) -> Gazetteer:
    folder = Path(folder) if folder else HERE
    units = {r[0]: (r[1], r[2]) for r in _rows(folder / "units.tsv")}
    statuses = sorted(((r[0], r[1]) for r in _rows(folder / "statuses.tsv")), key=lambda x: -len(x[0]))
    orgs = sorted((r[0] for r in _rows(folder / "organisations.tsv")), key=len, reverse=True)
    headers = {r[0]: r[1] for r in _rows(folder / "headers.tsv") if len(r) >= 2} \
        if (folder / "headers.tsv").exists() else {}
    return Gazetteer(divisions=_divisions(folder), units=units, statuses=statuses,
                     org_suffixes=orgs, renames=_renames(folder), folder=folder, headers=headers)
