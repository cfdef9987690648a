"""Answers kept for one document: the readers of a document ask the same questions of the same text.

Every line is normalised for the metadata, again for the items, again for the sentences and again
for the checks; a name is simplified by each reader that meets it.  A function of one string
decorated with ``per_document`` answers each text once until ``forget()``, which ``extract`` calls
when a new document begins, so nothing is kept from one document for the next (and a benchmark
that extracts the same text twice measures the work, not a look-up).

    @per_document
    def simplify(text: str) -> str: ...
    simplify("區")   # computed
    simplify("區")   # the same answer, looked up
    forget()         # a new document
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")

LIMIT = 8192            # answers kept per function; beyond it the table starts afresh (a huge document)
_TABLES: list[dict] = []
_MISSING = object()


def per_document(fn: Callable[[str], T]) -> Callable[[str], T]:
    """`fn` (a pure function of one string, with an immutable answer) asked once per text per document."""
    table: dict[str, T] = {}
    _TABLES.append(table)

    @wraps(fn)
    def once(text: str) -> T:
        answer = table.get(text, _MISSING)
        if answer is _MISSING:
            if len(table) >= LIMIT:
                table.clear()
            answer = table[text] = fn(text)
        return answer  # type: ignore[return-value]  # _MISSING never leaves

    return once


def forget() -> None:
    """A new document: drop every answer kept for the last one."""
    for table in _TABLES:
        table.clear()
