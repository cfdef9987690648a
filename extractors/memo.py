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
from typing import TypeVar

T = TypeVar("T")

LIMIT = 8192            # answers kept per function; beyond it the table starts afresh (a huge document)
_TABLES: list[dict] = []           # every per_document table, cleared by forget()


class per_document(dict[str, T]):          # used as a decorator, named as one
    """`fn` (a pure function of one string, with an immutable answer) asked once per text per document.

    The table is the object itself: a call is ``dict.__getitem__``, so a text asked before is answered
    without a Python frame (the readers ask ~60,000 times a corpus round); a new one goes to ``__missing__``."""

    def __init__(self, fn: Callable[[str], T]) -> None:
        super().__init__()
        self.fn = fn
        self.__doc__ = fn.__doc__
        _TABLES.append(self)

    __call__ = dict.__getitem__

    def __missing__(self, text: str) -> T:
        if len(self) >= LIMIT:
            self.clear()
        answer = self[text] = self.fn(text)
        return answer

    # the answer already given for a text in this document, or None: dict.get itself, a call without a Python frame
    # (simplify asks it of every text it is given: ~5,500 a corpus round)
    kept = dict.get


def document_table() -> dict:
    """A dict of answers emptied by ``forget()`` with the others, for a question that is not one string."""
    table: dict = {}
    _TABLES.append(table)
    return table


_FILLED: dict[int, tuple[object, list[list[str]]]] = {}      # id(table) → (the table, its filled grid)


def filled_rows(table) -> list:
    """``table.filled()`` (rows of cell texts), worked out once per table of a document (six readers ask
    for it); each caller gets its own copy of the rows, so that none sees another's changes.  Typed as
    loosely as ``table.filled()`` of an untyped table is at the call sites."""
    held = _FILLED.get(id(table))
    if held is None or held[0] is not table:
        held = _FILLED[id(table)] = (table, table.filled())
    return [row[:] for row in held[1]]


def forget() -> None:
    """A new document: drop every answer kept for the last one."""
    for table in _TABLES:
        table.clear()
    _FILLED.clear()
