"""The project-type taxonomy's data: ``project_types.yaml`` read into ProjectType entries.

The loader only reads and checks the file (each alias and pattern normalised and compiled); how a
project's name is matched against the types is extractors.taxonomy's work.  Nothing here imports
extractors/: the gazetteer is the ground floor.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.errors import GazetteerError

FAMILIES = frozenset({
    "persons", "person_times", "households", "km", "money", "area", "beds", "places",
    "facilities", "villages", "standard_money", "cases", "other",
})

DEFAULT_PATH = Path(__file__).resolve().parent / "project_types.yaml"

# characters that carry no meaning in a name: spaces, quotes, title marks
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉·•]+")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ProjectType:
    id: str
    label: str
    family: str
    aliases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()

    @cached_property
    def gate(self) -> re.Pattern[str]:
        """One alternation of every alias and pattern: a single search rejects most names.  Compiled when
        first searched (half of loading the taxonomy was compiling them; classify finds the wordings'
        openings with its automaton and needs few)."""
        branches = [re.escape(a) for a in self.aliases] + [rx.pattern for rx in self.patterns]
        return re.compile("|".join(f"(?:{b})" for b in branches))

    def match(self, text: str, gated: bool = False) -> tuple[int, int] | None:
        """The longest span of ``text`` (normalised) matched by an alias or pattern, or None.
        ``gated``: the caller has seen an alias or pattern match somewhere in ``text`` (the gate is not searched)."""
        if not gated and not self.gate.search(text):
            return None
        if any(rx.search(text) for rx in self.exclude):
            return None
        best: tuple[int, int] | None = None
        for alias in self.aliases:
            start = text.find(alias)
            if start >= 0 and (best is None or len(alias) > best[1] - best[0]):
                best = (start, start + len(alias))
        for rx in self.patterns:
            m = rx.search(text)
            if m and (best is None or m.end() - m.start() > best[1] - best[0]):
                best = m.span()
        return best


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """NFKC (full-width to half-width), lower case, spaces and quotes removed."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


def load_types(path: str | Path | None = None) -> list[ProjectType]:
    """Read the taxonomy YAML; raise GazetteerError naming the entry at fault."""
    import yaml  # deferred: only the loader needs it

    source = Path(path) if path is not None else DEFAULT_PATH
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        entries = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(str(source), f"cannot read the project types ({exc})",
                             "restore the file from git or fix the YAML syntax") from exc
    if not isinstance(entries, list):
        raise GazetteerError(str(source), "expected a list of project types at the top level")
    types = [_parse_entry(source, i, entry) for i, entry in enumerate(entries)]
    ids = [t.id for t in types]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GazetteerError(str(source), f"duplicate type ids {duplicates}", "ids must be unique")
    return types


def _parse_entry(source: Path, index: int, entry: object) -> ProjectType:
    where = f"entry {index + 1}"
    if not isinstance(entry, dict):
        raise GazetteerError(str(source), f"{where} is not a mapping")
    where = f"entry {index + 1} ({entry.get('id', '?')})"
    missing = [key for key in ("id", "label", "family") if not entry.get(key)]
    if missing:
        raise GazetteerError(str(source), f"{where} lacks {', '.join(missing)}",
                             "every type needs id, label and family")
    if not _ID.match(str(entry["id"])):
        raise GazetteerError(str(source), f"{where}: id must be snake_case ASCII")
    if entry["family"] not in FAMILIES:
        raise GazetteerError(str(source), f"{where}: unknown family {entry['family']!r}",
                             f"use one of {', '.join(sorted(FAMILIES))}")

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        try:
            return tuple(re.compile(normalize(p)) for p in entry.get(key) or ())
        except re.error as exc:
            raise GazetteerError(str(source), f"{where}: bad regex in {key} ({exc})") from exc

    aliases = tuple(sorted({a for a in (normalize(str(x)) for x in
                                        [entry["label"], *(entry.get("aliases") or ())]) if a}))
    patterns = compiled("patterns")
    try:
        re.compile("|".join(f"(?:{rx.pattern})" for rx in patterns))     # what the gate will join
    except re.error as exc:
        raise GazetteerError(str(source), f"{where}: patterns that cannot be joined ({exc})") from exc
    return ProjectType(
        id=str(entry["id"]),
        label=str(entry["label"]),
        family=str(entry["family"]),
        aliases=aliases,
        patterns=patterns,
        exclude=compiled("exclude"),
    )
