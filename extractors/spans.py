"""Positions in a long text found once, so that every figure of a long line costs a look-up, not a scan.

A line of a PDF page or a pasted yearbook may hold thousands of figures; asking, for each one,
``max(text.rfind(ch, 0, pos) for ch in "，,、")`` scans back to the line's start whenever one of
the marks is absent, and the line costs the square of its length.  Here the marks of a text are
listed once (cached by text) and each question is a bisection.

    last_mark("甲，乙、丙", 4, "，、")  → 3        (the last mark before offset 4; -1 when none)
    next_mark("甲，乙、丙", 2, "，、")  → 3        (the first mark at or after offset 2; -1 when none)
    Cover([(0, 2), (5, 9)]).holds(6)  → True     (is 6 inside one of the half-open spans)
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=256)
def marks(text: str, chars: str) -> list[int]:
    """The offsets of every character of `chars` in `text`, in order."""
    return [m.start() for m in _any_of(chars).finditer(text)]


@lru_cache(maxsize=64)
def _any_of(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


def last_mark(text: str, pos: int, chars: str) -> int:
    """``max(text.rfind(ch, 0, pos) for ch in chars)``: the last of `chars` before `pos`, or -1."""
    found = marks(text, chars)
    k = bisect.bisect_left(found, max(pos, 0)) - 1
    return found[k] if k >= 0 else -1


def next_mark(text: str, pos: int, chars: str) -> int:
    """The least of ``text.find(ch, pos)`` over `chars` that is found: the first of them at or after `pos`, or -1."""
    found = marks(text, chars)
    k = bisect.bisect_left(found, max(pos, 0))
    return found[k] if k < len(found) else -1


class Cover:
    """A union of half-open spans [a, b); ``holds(pos)`` answers ``any(a <= pos < b for a, b in spans)``."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def holds(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]
