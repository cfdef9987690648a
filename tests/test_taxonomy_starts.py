"""The taxonomy tries only the types whose wordings can stand in a name: the same answer as trying all."""
from __future__ import annotations

import random
import re
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from test_taxonomy import labelled

from extractors.taxonomy import (
    _candidates,
    _needed_literal,
    _Openings,
    _pattern_openings,
    _starts,
    _worth_trying,
    load_types,
    normalize,
)
from gazetteer.types import ProjectType


@pytest.fixture(scope="module")
def types():
    return load_types()


@pytest.mark.parametrize(("pattern", "openings"), [
    ("城镇.{0,4}新增", {"城镇"}),
    ("(?:新型职业|高素质)农民", {"新型", "高素"}),
    ("[城乡]低保", {"城低", "乡低"}),
    ("新建\\d+所", {"新建"}),
    ("城.{0,4}新增", {"城"}),                 # the second character cannot be told
    ("^改造(?:老旧)?小区", {"改造"}),          # ^ takes no character
    ("(?:公厕)+改造", {"公厕"}),
    ("\\d+公里", None),                        # a class: unknown, the type is tried on every name
    (".*养老", None),
    ("(?:老旧)?小区", None),                    # an optional opening: unknown
], ids=["dot-gap", "branches", "class-of-literals", "digits-after", "one-known", "anchor",
        "repeat", "digit-class", "any", "optional"])
def test_openings_of_a_pattern(pattern, openings):
    got = _starts(list(sre_parse.parse(pattern)), 2)
    assert (None if got is None or "" in got else got) == openings


@pytest.mark.parametrize(("pattern", "openings"), [
    ("转移就业劳动者.{0,6}培训", {"转移就业劳动者"}),
    ("(?:新型职业|高素质).{0,2}农民", {"新型职业", "高素质"}),
    ("[城乡]低保标准", {"城低保标准", "乡低保标准"}),
    ("公益性?.{0,2}岗", {"公益"}),              # an optional character ends the opening
    ("(?:公厕)+改造", {"公厕"}),                # what follows a repeat is not read
], ids=["long-literal", "branches", "class-then-literal", "optional-char", "repeat"])
def test_long_openings_of_a_pattern(pattern, openings):
    assert _starts(list(sre_parse.parse(pattern)), 8) == openings


@pytest.mark.parametrize(("pattern", "need"), [
    ("城镇.{0,4}新增.{0,3}就业", "新增"),        # the longest run after the opening, the first of equals
    ("农村.{0,8}危(?:旧)?房", "危"),
    ("就业困难人员.{0,6}就业", "就业"),
    ("(?:新型职业|高素质).{0,2}农民.{0,4}培", "农民"),    # no opening run to leave out
    ("[城乡]低保", "低保"),
    ("^改造\\b小区", ""),                          # an anchor takes no character: one run, the opening
    ("^改造.{0,2}\\b小区", "小区"),
    ("改造.{0,4}(?:棚户|城中村)", ""),             # alternatives: nothing every match holds
    ("老旧小区", ""),                               # the opening is all there is
], ids=["two-runs", "optional-breaks", "repeat-word", "branch-first", "class-first", "anchor",
        "anchor-gap", "branch-after", "literal-only"])
def test_literal_a_pattern_needs(pattern, need):
    assert _needed_literal(list(sre_parse.parse(pattern))) == need


def _brute_force(text: str, types) -> tuple[dict[str, tuple[int, int]], set[int]]:
    """Every type tried with its own gate searched through the whole name: the reference."""
    spans = {t.id: span for t in types if (span := t.match(text)) is not None}
    gated = {k for k, t in enumerate(types) if t.gate.search(text)}
    return spans, gated


def _names_from_the_lexicon(types, count: int, seed: int) -> list[str]:
    """Names spliced from the taxonomy's own aliases, openings and needed literals, and random
    characters of its lexicon: many hold a pattern's opening without the rest, or the rest in the
    wrong order, which is what the selection must not get wrong."""
    rng = random.Random(seed)
    pieces = sorted({a for t in types for a in t.aliases})
    for t in types:
        for opening, need, _ in _pattern_openings(t) or ():
            pieces += [opening, need] if need else [opening]
    chars = sorted({ch for piece in pieces for ch in piece})
    names = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 5)):
            if rng.random() < 0.5:
                piece = rng.choice(pieces)
                parts.append(piece[:rng.randint(1, len(piece))] if rng.random() < 0.2 else piece)
            else:
                parts.append("".join(rng.choice(chars) for _ in range(rng.randint(1, 4))))
        names.append("".join(parts))
    return names


def test_selection_gives_the_answer_of_trying_every_type(types):
    names = [normalize(name) for name, _ in labelled()]
    names += ["农村公路提质改造和城镇老旧小区改造", "新建公办幼儿园12所并新增学位3000个", "城乡居民医保财政补助标准"]
    names += _names_from_the_lexicon(types, 4000, seed=18)
    matched = 0
    for text in names:
        spans, gated = _brute_force(text, types)
        assert _candidates(text, types) == spans, text
        # a type is said to hold a wording exactly when its gate finds one somewhere in the name
        assert {types.index(t) for t, seen in _worth_trying(text, types) if seen} == gated, text
        matched += bool(spans)
    assert matched > len(names) / 3        # the spliced names reach the matching, not only the selection


def test_types_whose_openings_are_unknown():
    def made(type_id: str, aliases: tuple[str, ...], patterns: tuple[str, ...]) -> ProjectType:
        return ProjectType(type_id, type_id, "other", aliases, tuple(re.compile(p) for p in patterns))

    types = [
        made("roads", ("公路",), ("\\d+公里",)),                   # opens with a class: tried on every name
        made("schools", ("学校",), ("新建.{0,4}学校", "新建.{0,4}校舍")),    # one opening, two needs
        made("toilets", ("公厕",), ("改造.{0,2}厕所",)),
    ]
    for text in ["改造12公里", "新建3所学校", "新建校舍", "改造公共厕所", "改造学校厕所", "新建", "公路学校公厕", "无关"]:
        spans, gated = _brute_force(text, types)
        assert _candidates(text, types) == spans, text
        selected = dict(_worth_trying(text, types))
        assert selected[types[0]] is False             # unknown openings: always tried, its gate searched
        assert {types.index(t) for t, seen in selected.items() if seen} == gated - {0}, text
    only_unknown = [made("roads", (), ("\\d+公里",))]   # an automaton with no words
    assert _candidates("12公里", only_unknown) == {"roads": (0, 4)}
    assert _Openings(only_unknown).select("12公里") == [(0, False)]


def test_selection_skips_most_types(types):
    text = normalize("新建城市社区嵌入式养老服务中心12个")
    assert len(_worth_trying(text, types)) < len(types) / 4


class _CountedSearches(str):
    """A name that counts the substring searches made in it (`x in name`)."""

    searches = 0

    def __contains__(self, part: object) -> bool:
        type(self).searches += 1
        return super().__contains__(part)  # type: ignore[operator]


def test_a_needed_literal_is_searched_once_a_name(types):
    # a whole document run onto one line reaches the taxonomy as one name: each opening stands in it
    # thousands of times, and searching the long text for its need at each would be quadratic
    text = _CountedSearches(normalize("农村公路提质改造，城镇新增就业，新建公办幼儿园，" * 2000))
    assert _candidates(text, types) == _brute_force(str(text), types)[0]
    needs = {need for t in types for _, need, _ in _pattern_openings(t) or ()}
    assert 0 < _CountedSearches.searches <= len(needs)
