"""The project-type taxonomy: one type under all its wordings, for cross-year comparison.

The types live in ``gazetteer/project_types.yaml``; ``load_types`` reads them once and the
caller passes the list on.  ``classify`` maps a project name to a type id or to ``None`` —
never a guess: a name that matches nothing, matches two types equally, or names two types in
separate places gets ``None``.

How a name is matched: it is normalised (NFKC, lower case, no spaces or quotes); each type's
aliases (substrings) and patterns (regexes) are tried and the type keeps its longest match.
The longest match overall wins if every other candidate's match overlaps it (two readings of
the same words: 农村转移就业劳动者培训 beats 转移就业); a candidate matched elsewhere in the
name (产前筛查和新生儿疾病筛查) or an equally long one makes the name ambiguous.  A trailing
parenthesis names the sub-indicator and is tried first: 提高城乡低保标准和救助水平（人均救助水平）.
A type's ``exclude`` patterns veto it, which is how nested types are told apart
(特困供养服务床位中护理床位 is a 护理床位, not a 特困供养床位).

No jieba here: aliases and patterns cover the genre's wordings, a name costs a few tens of
microseconds, and free-text queries fall back on character bigrams (see ``resolve_query``).

One pass over the name picks the types worth trying: an Aho–Corasick automaton (pyahocorasick)
holds every alias and every pattern's literal opening (城镇.{0,4}新增 opens with 城镇, (?:新型职业|高素质)…
with 新型职业 or 高素质), and reports in C where each stands in the name.  An alias found is a match; a
pattern is tried, anchored where its opening stands, only if the name also holds the literal that
pattern needs further on (新增 for 城镇.{0,4}新增).  A pattern whose opening cannot be
told (one that may begin anywhere) keeps its type tried on every name.  The answer is the same as
trying every type.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from re import _constants as _sre  # type: ignore[attr-defined]  # the opcodes of the parse below
from re import _parser as _sre_parse  # type: ignore[attr-defined]  # the stdlib's own regex parser

# the data and its loader live in the gazetteer (the ground floor); they are named here too
from gazetteer.types import DEFAULT_PATH, FAMILIES, ProjectType, load_types, normalize

from .memo import LIMIT, document_table

__all__ = ["DEFAULT_PATH", "FAMILIES", "ProjectType", "classify", "load_types", "normalize", "resolve_query"]

# 提高城乡低保标准和救助水平（人均救助水平） -> head=..., inner=人均救助水平 (after NFKC)
_TRAILING_PAREN = re.compile(r"^(?P<head>.+?)\((?P<inner>[^()]+)\)$")


def classify(name: str, types: Sequence[ProjectType], context: str = "") -> str | None:
    """The id of the one type ``name`` belongs to, or None when none or several fit.

    ``context`` is the project's parent wording (a category cell such as 公路建设 above
    提质改造18公里, or the project a progress row belongs to).  It only decides between types
    the name itself makes tied, or stands in when the name alone matches nothing.
    """
    found, winner = _name_alone(name, types)
    if winner is not None:
        return winner
    text = normalize(name)
    ctx = normalize(context)
    if not ctx:
        return None
    if found:  # tied in the name: keep the tied types the context also names
        in_context = {t for t in found if _type(types, t).match(ctx)}
        return in_context.pop() if len(in_context) == 1 else None
    return _decide(_candidates(ctx + text, types))


_BY_NAME = document_table()      # name → (types, its candidates, the winner): a list's records share names


def _name_alone(name: str, types: Sequence[ProjectType]) -> tuple[dict[str, tuple[int, int]], str | None]:
    """The candidates the name alone gives and the winner among them (its trailing parenthesis first), asked once
    a document for a name (a name recurs with other contexts: 13-20 % of the asks), as classify would work them out."""
    held = _BY_NAME.get(name)
    if held is not None and held[0] is types:
        return held[1], held[2]
    text = normalize(name)
    inner = _TRAILING_PAREN.match(text)
    found: dict[str, tuple[int, int]] = {}
    winner = None
    if inner:
        found = _candidates(inner["inner"], types)
        winner = _decide(found) if found else None
    if winner is None:
        found = _candidates(text, types)
        winner = _decide(found)
    if len(_BY_NAME) >= LIMIT:
        _BY_NAME.clear()
    _BY_NAME[name] = (types, found, winner)
    return found, winner


def _type(types: Sequence[ProjectType], type_id: str) -> ProjectType:
    return next(t for t in types if t.id == type_id)


def _candidates(text: str, types: Iterable[ProjectType]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for ptype, gated in _worth_trying(text, types):
        span = ptype.match(text, gated)
        if span is not None:
            found[ptype.id] = span
    return found


class _Openings:
    """The wordings a taxonomy's types open with, in one Aho–Corasick automaton.

    Its words are every alias whole and every pattern's literal opening (城镇.{0,4}新增 → 城镇,
    (?:新型职业|高素质)… → 新型职业, 高素质); one pass of the automaton over a name, in C, finds
    every place where one of them stands.  An alias found is a match; a pattern is tried (an anchored
    ``match``) where one of its openings stands, if the name holds the literal it needs further on.  A
    type with a pattern whose opening cannot be told is tried on every name.
    """

    def __init__(self, types: Sequence[ProjectType]) -> None:
        import ahocorasick  # deferred: only a classification needs it, once a taxonomy

        self.types = types
        self.always: list[int] = []
        # word → (types it is an alias of, type → (the literal a pattern of the type opening with the word
        # needs further on, "" when none is known; the pattern's anchored match) for each such pattern)
        words: dict[str, tuple[set[int], dict[int, dict[tuple[str, str], Callable]]]] = {}
        for k, ptype in enumerate(types):
            openings = _pattern_openings(ptype)
            if openings is None:
                self.always.append(k)
                continue
            for alias in ptype.aliases:
                words.setdefault(alias, (set(), {}))[0].add(k)
            for opening, need, rx in openings:
                words.setdefault(opening, (set(), {}))[1].setdefault(k, {})[need, rx.pattern] = rx.match
        self.automaton = ahocorasick.Automaton()
        for word, (whole, opened) in words.items():
            tries = tuple((k, tuple((need, match) for (need, _), match in sorted(patterns.items())))
                          for k, patterns in sorted(opened.items()) if k not in whole)
            # what iter() reports is the word's last offset: its first is that less len - 1
            self.automaton.add_word(word, (len(word) - 1, tuple(sorted(whole)), tries))
        self.automaton.make_automaton()
        self.has_words = self.automaton.kind == ahocorasick.AHOCORASICK     # iter() raises on an empty one

    def select(self, text: str) -> list[tuple[int, bool]]:
        """(type index, gated) for each type worth matching against `text`, in the order of the types:
        gated when one of its aliases or patterns was seen to match somewhere in `text` (the type's gate
        need not be searched), not when its openings are unknown (the gate is searched)."""
        gated: set[int] = set()
        held: dict[str, bool] = {}       # need → in text: searched once a text (a text may be a long line)
        if self.has_words:
            for end, (back, whole, opened) in self.automaton.iter(text):
                if whole:
                    gated.update(whole)
                for k, patterns in opened:
                    if k not in gated:
                        for need, match in patterns:
                            found = held.get(need)
                            if found is None:
                                found = held[need] = need in text
                            if found and match(text, end - back):
                                gated.add(k)
                                break
        if not self.always:
            return [(k, True) for k in sorted(gated)]
        return sorted([(k, True) for k in gated] + [(k, False) for k in self.always if k not in gated])


_OPENINGS: list[_Openings] = []


def _worth_trying(text: str, types: Iterable[ProjectType]) -> list[tuple[ProjectType, bool]]:
    """The types, in their order, whose aliases or patterns can match in `text`, each with whether
    one was seen to (its gate then need not be searched)."""
    if not isinstance(types, (list, tuple)):
        return [(t, False) for t in types]
    openings = _OPENINGS[0] if _OPENINGS and _OPENINGS[0].types is types else \
        next((o for o in _OPENINGS if o.types is types), None)
    if openings is None:
        openings = _Openings(types)
        _OPENINGS[:] = [openings, *_OPENINGS[:3]]        # a few taxonomies at most (tests load their own)
    return [(types[k], gated) for k, gated in openings.select(text)]


# a pattern's literal opening is read up to this many characters (longer ones are rarer in names:
# fewer places to try the pattern); a class at every step could multiply the openings, hence a bound
_OPENING_LENGTH = 8


def _pattern_openings(ptype: ProjectType) -> list[tuple[str, str, re.Pattern[str]]] | None:
    """(opening, need, pattern) for every literal opening a match of one of the type's patterns can begin
    with, and a literal the pattern's matches all hold beyond it ("" if none); None when an opening is unknown."""
    out: list[tuple[str, str, re.Pattern[str]]] = []
    for rx in ptype.patterns:
        if rx.flags & re.IGNORECASE:
            return None
        try:
            parsed = list(_sre_parse.parse(rx.pattern, rx.flags))
        except Exception:  # noqa: BLE001 — a pattern the parser reads otherwise: try the type on every name
            return None
        starts = _starts(parsed, _OPENING_LENGTH)
        if starts is None or "" in starts:
            return None
        need = _needed_literal(parsed)
        out += [(start, need, rx) for start in sorted(starts)]
    return out


def _needed_literal(items: list) -> str:
    """The longest run of literal characters every match of a parsed pattern holds, its opening run left
    out (a name holds that wherever the opening stands): 城镇.{0,4}新增.{0,3}就业 → 新增; "" for none."""
    runs: list[str] = []
    run: list[str] | None = None
    for op, av in items:
        if op is _sre.AT:
            continue
        if op is _sre.LITERAL:
            if run is None:
                run = []
                runs.append("")
            run.append(chr(av))
            runs[-1] = "".join(run)
        else:
            if not runs:
                runs.append("")          # the pattern does not open with a literal: no run to leave out
            run = None
    return max(runs[1:], key=len, default="")


def _starts(items: list, n: int) -> set[str] | None:
    """The openings of up to `n` characters that a match of a parsed sequence must begin with, or None.

    城镇.{0,4}新增 → {城镇}; (?:新型职业|高素质)农民 → {新型, 高素}; 新建\\d → {新建}; [城乡]低保 → {城低, 乡低}.
    An opening may be shorter than `n` where the next character cannot be told (城.{0,4}新 → {城})."""
    if n == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op is _sre.AT:
        return _starts(rest, n)          # ^ or \b: takes no character
    if op is _sre.LITERAL:
        chars = [chr(av)]
    elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
        chars = [chr(c) for _, c in av]
    elif op is _sre.IN:
        return None                      # a range, a negation or a class such as \d
    elif op is _sre.SUBPATTERN:
        return None if av[1] or av[2] else _starts(list(av[3]) + rest, n)     # inline flags: unknown
    elif op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            starts = _starts(list(branch) + rest, n)
            if starts is None:
                return None
            out |= starts
        return out
    elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        return _starts(list(av[2]), n)   # what follows the first repeat is not looked at
    else:
        return None                      # any character, an optional part, a look-around: unknown
    following = _starts(rest, n - 1) or {""}
    return {ch + tail for ch in chars for tail in following}


def _decide(found: dict[str, tuple[int, int]]) -> str | None:
    """Longest span wins when every rival overlaps it and none is as long."""
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda item: item[1][1] - item[1][0], reverse=True)
    (best_id, (start, end)), rivals = ranked[0], ranked[1:]
    for _, (r_start, r_end) in rivals:
        if r_end - r_start == end - start:
            return None  # equally long: two readings, no ground to choose
        if r_end <= start or r_start >= end:
            return None  # another project named elsewhere in the same name
    return best_id


def resolve_query(text: str, types: Sequence[ProjectType]) -> str | None:
    """A type id for a user's query: an id, a label, any wording, or a close paraphrase.

    Tried in order: the id itself; a label or alias spelt exactly; ``classify``; and last the
    character-bigram overlap with labels and aliases (残疾儿童 康复 ~ 康复救助残疾儿童), taken
    only when one type is clearly closest.  None when the query fits no type or several.
    """
    query = text.strip()
    if not query:
        return None
    by_id = {t.id: t.id for t in types}
    if query.lower() in by_id:
        return query.lower()
    norm = normalize(query)
    exact = {t.id for t in types if norm in t.aliases}
    if len(exact) == 1:
        return exact.pop()
    if exact:
        return None
    type_id = classify(query, types)
    if type_id is not None:
        return type_id
    return _closest_by_bigrams(norm, types)


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset({text[i:i + 2] for i in range(len(text) - 1)} or {text})


def _closest_by_bigrams(norm: str, types: Sequence[ProjectType],
                        threshold: float = 0.6, margin: float = 0.15) -> str | None:
    query = _bigrams(norm)
    if len(query) < 2:  # a two-character query (就业, 筛查) is a topic, not a type
        return None
    scores: list[tuple[float, str]] = []
    for ptype in types:
        best = max((2 * len(query & _bigrams(a)) / (len(query) + len(_bigrams(a)))
                    for a in ptype.aliases), default=0.0)
        scores.append((best, ptype.id))
    scores.sort(reverse=True)
    top, top_id = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    return top_id if top >= threshold and top - runner_up >= margin else None
