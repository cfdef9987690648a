"""Paragraphs of a text pasted from a PDF: the hard line breaks, page footers and running heads undone.

A PDF's text comes out one printed line a line: a sentence, a word or a figure is cut wherever the
line was full ('已转移就业3.1' / '— 1 —' / running head / '2万人次').  The lines are joined back when
the text is visibly wrapped at one width, a line fills that width, and the next line neither is
indented nor opens an item; a page footer ('— 2 —', '第3页') and a running head repeated after the
footers are dropped, and the halves around them joined when the first half ends mid-sentence.
A text of one paragraph a line (the usual paste) has no common full width and is left as it is.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from . import patterns as P
from .memo import document_table
from .normalize import normalize

SLACK = 4                 # columns: a line that wrapped before a full-width character, or a digit pair
MIN_WIDTH = 40            # columns: narrower "full" lines are headings and short list lines, not wrapping


def paragraph_lines(doc) -> list[int]:
    """The line numbers (1-based, into doc.lines) of the document's paragraph blocks, in order."""
    return [b.line for b in doc.blocks if b.kind == "paragraph" and b.line and 0 < b.line <= len(doc.lines)]


def width(text: str) -> int:
    """Display columns, near enough: a CJK character or full-width sign (three UTF-8 bytes) is two, ASCII is one."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def characters(text: str) -> int:
    """Columns of a text wrapped by counting characters (a fixed-width archive, a chat window): two a character,
    so that the same SLACK and MIN_WIDTH hold."""
    return 2 * len(text)


# a PDF wraps where the printed line is full (columns); a text folded at N characters, where N characters are
MEASURES = (width, characters)


def wrap_width(paragraphs) -> tuple[int, Callable[[str], int]] | None:
    """The width the text was wrapped at, and how it was measured: many lines end within SLACK columns of it,
    most of them mid-sentence, and hardly any line is wider; None when no such width exists (one paragraph a
    line)."""
    lines = [nt.original.rstrip() for _, nt in paragraphs]         # stripped once for both measures
    found = [w for w in (_wrap_width(paragraphs, lines, m) for m in MEASURES) if w is not None]
    return max(found, key=lambda w: w[2])[:2] if found else None


def _wrap_width(paragraphs, lines: list[str], measure: Callable[[str], int]) -> tuple[int, Callable[[str], int], int] | None:
    """(width, measure, lines that fill it) when the text is wrapped at one width by this measure (`lines`: the
    paragraphs' originals without their trailing spaces)."""
    widths = [measure(line) for line in lines]
    wide = [w for w in widths if w >= MIN_WIDTH]
    if len(wide) < 5:
        return None
    counts = Counter(wide)
    best, most = 0, -1        # the width with most lines within SLACK columns under it, the narrowest of a tie
    for w, n in counts.items():
        for v in range(w - SLACK, w):
            n += counts.get(v, 0)
        if n > most or (n == most and w < best):
            best, most = w, n
    full = [nt for (_, nt), w in zip(paragraphs, widths) if best - SLACK <= w <= best]
    mid = sum(1 for nt in full if not P.SENTENCE_END.search(nt.text))
    wider = sum(1 for w in widths if w > best)
    if len(full) < 5 or len(full) < 0.3 * len(wide) or mid < 0.5 * len(full) or wider > max(2, 0.05 * len(widths)):
        return None           # the lines are not cut at one width that no line exceeds
    return best, measure, len(full)


def rejoin(paragraphs):
    """The paragraphs with wrapped lines joined and page furniture dropped; each keeps its first line."""
    groups = _groups(paragraphs)
    if groups is None:
        return paragraphs
    return [g[0] if len(g) == 1 else (g[0][0], normalize("".join(nt.original.strip() for _, nt in g)))
            for g in groups]


def continued_lines(paragraphs) -> dict[int, int]:
    """Each line that carries on a paragraph begun on an earlier line → that paragraph's first line."""
    return {ln: g[0][0] for g in _groups(paragraphs) or [] for ln, _ in g[1:]}


# the line numbers, texts and originals of a document's paragraphs → their grouping, as positions in the list: the
# extraction and two checks ask about the same paragraphs (the grouping reads nothing else of them)
_GROUPED: dict[tuple, list[list[int]] | None] = document_table()


def _groups(paragraphs) -> list[list] | None:
    """The paragraphs' lines grouped into the paragraphs they were wrapped from; None when nothing is."""
    key = tuple((ln, nt.text, nt.original) for ln, nt in paragraphs)
    if key in _GROUPED:
        held = _GROUPED[key]
    else:
        held = _GROUPED[key] = _grouped(paragraphs)
    return None if held is None else [[paragraphs[k] for k in group] for group in held]


def _grouped(paragraphs) -> list[list[int]] | None:
    """_groups, as positions in `paragraphs`."""
    footers = [k for k, (_, nt) in enumerate(paragraphs) if P.PAGE_FOOTER.match(nt.text)]
    at_footer = set(footers)
    after = Counter(paragraphs[k + 1][1].text for k in footers if k + 1 < len(paragraphs))
    heads = {t for t, n in after.items() if n >= 2 and not P.ITEM_START.match(t)}
    wrap = wrap_width(paragraphs)
    cut = any(paragraphs[k + 1][0] == paragraphs[k][0] + 1 and _number_cut(paragraphs[k][1], paragraphs[k + 1][1])
              for k in range(len(paragraphs) - 1))
    if not footers and wrap is None and not cut:
        return None
    full, measure = wrap if wrap is not None else (None, width)
    out: list[list[int]] = []
    last_ln, last_width, page_break = None, 0, False
    for k, (ln, nt) in enumerate(paragraphs):
        if k in at_footer or (page_break and nt.text in heads):
            page_break = True
            continue
        prev = paragraphs[out[-1][-1]][1] if out else None
        if prev is not None and (_continues(prev, nt, last_ln, ln, last_width, full, page_break)
                                 or (last_ln is not None and ln == last_ln + 1 and _number_cut(prev, nt))):
            out[-1].append(k)
        else:
            out.append([k])
        last_ln, last_width, page_break = ln, measure(nt.original.rstrip()), False
    return out


def _continues(prev, nt, prev_ln, ln, prev_width, full, page_break) -> bool:
    """Does this line carry on the paragraph before it?"""
    if P.ITEM_START.match(nt.text):
        return False
    if page_break:            # 已解 / — 3 — / 决11.8万人: the sentence runs over the page
        return not P.SENTENCE_END.search(prev.text)
    return full is not None and ln == prev_ln + 1 and prev_width >= full - SLACK \
        and not nt.original[:1].isspace() and not P.FIELD_START.match(nt.text)


def _number_cut(prev, nt) -> bool:
    """完成率89. / 7%。 or 新开工改造26 / 00户: a figure cut by a fold (no line of its own ends inside a number), the
    one wrap a text shows even when too few of its lines fill the width to tell it."""
    end = prev.original.rstrip()
    if not (end[-1:].isdecimal() or end[-1:] == "."):
        return False          # CUT_FIGURE_END ends in \d (a decimal digit: isdecimal) or a dot: asked of every line
    return bool(P.CUT_FIGURE_END.search(end)) and bool(P.CUT_FIGURE_START.match(nt.original)) \
        and not P.ITEM_START.match(nt.text)
