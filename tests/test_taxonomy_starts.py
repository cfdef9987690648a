"""The taxonomy tries only the types whose wordings can begin in a name: the same answer as trying all."""
from __future__ import annotations

from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from test_taxonomy import labelled

from extractors.taxonomy import _candidates, _starts, _worth_trying, load_types, normalize


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


def test_selection_gives_the_answer_of_trying_every_type(types):
    names = [normalize(name) for name, _ in labelled()]
    names += ["农村公路提质改造和城镇老旧小区改造", "新建公办幼儿园12所并新增学位3000个", "城乡居民医保财政补助标准"]
    for text in names:
        every = {t.id: span for t in types if (span := t.match(text)) is not None}
        assert _candidates(text, types) == every, text


def test_selection_skips_most_types(types):
    text = normalize("新建城市社区嵌入式养老服务中心12个")
    assert len(_worth_trying(text, types)) < len(types) / 4
