"""Work saved on the extraction path gives the same answers: skipped searches, answers kept per document."""
from __future__ import annotations

import pytest

from extractors import patterns as P
from extractors.memo import forget, per_document

POPULATION_WORDS = ["5.6万农村人口", "12万农村牧区人口", "2.1万农牧民", "3000农民工", "800牧民", "1.2万居民",
                    "600村民", "5万群众", "3万城镇人口", "900受益人口"]


@pytest.mark.parametrize("text", POPULATION_WORDS, ids=[f"population-{i}" for i in range(len(POPULATION_WORDS))])
def test_a_population_figure_holds_a_required_word(text):
    assert P.POPULATION.search(text)
    assert any(word in text for word in P.REQUIRED[P.POPULATION])


def test_per_document_answers_once_until_forgotten():
    calls = []

    @per_document
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert [length("甲乙"), length("甲乙"), length("丙")] == [2, 2, 1]
    assert calls == ["甲乙", "丙"]
    forget()
    assert length("甲乙") == 2
    assert calls == ["甲乙", "丙", "甲乙"]


@pytest.mark.parametrize("text", [
    "新建幼兒園3所，覆蓋率達到百分之九十五",
    "完成九成，惠及４萬(wàn)人",
    "全年新增就业１．２万人",
    "城区(qū)改造老旧小区12个",
    "",
], ids=["traditional-and-percent-words", "tenths-and-gloss", "full-width", "gloss", "empty"])
def test_simplify_is_the_normalised_text_whichever_comes_first(text):
    from extractors.normalize import normalize, simplify

    forget()
    alone = simplify(text)
    forget()
    normalize(text)
    assert simplify(text) == alone == normalize(text).text


def test_name_lengths_list_every_name_by_its_last_character():
    from gazetteer import load

    gaz = load()
    lengths = gaz.name_lengths
    assert all(len(n) in lengths[n[-1]] for n in gaz.names)
    assert all(list(ks) == sorted(ks, reverse=True) for ks in lengths.values())
    assert sum(len(ks) for ks in lengths.values()) == len({(n[-1], len(n)) for n in gaz.names})


@pytest.mark.parametrize(("text", "places"), [
    ("北京市西城区教育委员会", ["北京市", "西城区"]),
    ("全县新建幼儿园3所", []),
], ids=["county-after-its-city", "no-place"])
def test_find_places_tries_only_lengths_some_name_has(text, places):
    from extractors.metadata import find_places
    from gazetteer import load

    assert [s for s, _, _ in find_places(text, load())] == places


@pytest.mark.parametrize(("pattern", "text"), [
    (P.UNIT_LIST, "责任单位：县教育局、县财政局、县住建局、各乡镇"),
    (P.UNIT_LIST, "配合单位:县卫健委、县医保局、县民政局"),
    (P.GROUP_LEADER, "由县委常委、常务副县长王  明任组长"),
    (P.GROUP_LEADER, "市长李红担任总召集人"),
    (P.ACTING_LEADER, "由副区长赵  平约谈区住建局"),
    (P.PERIOD, "2031年1-9月民生实事进展"),
    (P.PERIOD_DAMAGED, "19月全市新增就业"),
], ids=["unit-list", "partner-list", "group-leader", "convener", "acting-leader", "period", "damaged-period"])
def test_a_programme_pattern_holds_its_required_word(pattern, text):
    assert pattern.search(text)
    assert P.may_match(pattern, text)
    assert not P.may_match(pattern, "全县新建幼儿园3所")


def test_a_pattern_without_required_words_is_always_run():
    assert P.may_match(P.PERCENT_TARGET, "任何一句话")
