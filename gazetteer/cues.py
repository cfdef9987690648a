"""The cue lexicon of the clause reader (``cues.tsv``): for each role, its words, the longest first.

    load_cues(path).any_in("done", "已建成3所")   → "已建成" or another done word in the text
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import GazetteerError


@dataclass(frozen=True)
class Cues:
    """The cue lexicon: for each role, its words, the longest first."""
    words: dict[str, tuple[str, ...]]

    def any_in(self, role: str, text: str) -> str | None:
        return next((w for w in self.words.get(role, ()) if w in text), None)

    def last_in(self, role: str, text: str) -> int:
        """Where the last word of the role ends in the text; -1 when none occurs."""
        return max((text.rfind(w) + len(w) for w in self.words.get(role, ()) if w in text), default=-1)

    def ends(self, role: str, text: str) -> str | None:
        words = self.words.get(role, ())
        if not text.endswith(words):
            return None          # one test of them all: most texts end in none
        return next((w for w in words if text.endswith(w)), None)

    def starts(self, role: str, text: str) -> str | None:
        words = self.words.get(role, ())
        if not text.startswith(words):
            return None
        return next((w for w in words if text.startswith(w)), None)


@lru_cache(maxsize=4)
def load_cues(path: Path) -> Cues:
    if not path.exists():
        raise GazetteerError(str(path), "missing gazetteer file", "reinstall minsheng or restore the file")
    words: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if not row or not row[0] or row[0].startswith("#"):
                continue
            if len(row) < 2:
                raise GazetteerError(f"{path}:{i}", "expected word, role, example", "fix the row")
            words.setdefault(row[1], []).append(row[0])
    return Cues({role: tuple(sorted(ws, key=len, reverse=True)) for role, ws in words.items()})
