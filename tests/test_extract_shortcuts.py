"""The shortcuts of the extraction path skip only work that could find nothing (benchmarks/RESULTS-speed.md,
"Extraction cost"): each is checked here against the work it skips."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import patterns as P
from extractors.memo import forget, per_document
from extractors.normalize import simplify
from extractors.numbers import _STANDARDS, _find_quantities, _quantity_pattern

ROOT = Path(__file__).resolve().parent.parent

FIGURES = ["新建幼儿园12所", "新增学位2,700个", "完成投资1.65万元", "培训一万二千人次", "改造两所", "上百场次",
           "万余人", "近万户", "每人每月不低于560元", "每月60元", "5.6万农村人口", "３所"]


@pytest.mark.parametrize("text", FIGURES, ids=[f"figure-{i}" for i in range(len(FIGURES))])
def test_a_figure_holds_a_numeral(text):
    from gazetteer import load

    text = simplify(text)
    assert _find_quantities(text, load().units), text
    assert P.NUMERAL.search(text)


def test_every_match_in_the_corpus_holds_a_numeral():
    """_find_quantities returns nothing for a text with no NUMERAL character: no pattern it runs matches one."""
    from gazetteer import load

    patterns = [pat for pat, _, _ in _STANDARDS] + [_quantity_pattern(load().units)]
    texts = [simplify(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples" / "corpus").glob("*.txt"))[:40]]
    matches = [m.group(0) for text in texts for pat in patterns for m in pat.finditer(text)]
    assert matches
    assert all(P.NUMERAL.search(m) for m in matches)


def test_a_standard_is_searched_only_where_one_of_its_words_stands():
    for pat, words, _ in _STANDARDS:
        assert words
        for text in ("每人每月不低于560元", "每月60元", "5.6万农村人口", "2.1万农牧民"):
            if pat.search(text):
                assert any(w in text for w in words), (pat.pattern, text)


def test_per_document_is_called_like_the_function_and_keeps_nothing_after_forget():
    @per_document
    def width(text: str) -> int:
        return 2 * len(text)

    forget()
    assert width.kept("甲乙") is None
    assert width("甲乙") == 4
    assert width.kept("甲乙") == 4
    forget()
    assert width.kept("甲乙") is None
