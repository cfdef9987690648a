"""The fourth pass on extraction cost (benchmarks/RESULTS-speed.md): each faster form is held equal to the
slower one it replaced, on invented words and figures, on random strings and on the corpus texts."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extractors import patterns as P
from extractors.normalize import simplify

ROOT = Path(__file__).resolve().parent.parent

# the patterns as written before number_led: NUMBER behind its look-behind
_POPULATION_AS_WRITTEN = re.compile(P.NUMBER + r"\s*" + P.MULT + r"(?:(?:农村|城镇|城乡|贫困|农村牧区|受益|常住|户籍)?人口|"
                                    r"农牧民|农民工|农民|牧民|居民|村民|群众)")
_UNITS = ("万人次", "人次", "公里", "万元", "元", "人", "所", "个", "户", "张", "部", "片", "米", "千米", "套")


def _quantity_as_written(units: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(r"(?<![\d.A-Za-z])" + P.NUMBER + r"\s*(?P<approx_pre>余|多(?=[万亿]))?" + P.MULT
                      + r"(?P<approx>余|多)?\s*(?P<unit>" + alts + r")(?![A-Za-z])(?<!部(?=[门分署队委]))(?<!片(?=区))")


def _found(rx: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


PAIRS = [(_quantity_as_written(_UNITS), P.quantity_pattern(_UNITS)), (_POPULATION_AS_WRITTEN, P.POPULATION)]
WRITTEN = ["新建幼儿园12所，改造两所", "完成1,200.5万元", "以上百人参加", "上百场次", "万余人", "近万户", "逾万人次",
           "万人次", "一万二千人", "三千余户", "3460多万元", "A12所", "x.5人", "2.5.6所", "5部门联合", "3片区", "运动场5片",
           "覆盖9.3万农村人口", "惠及二万农牧民", "约万居民", "12千米", "第3所", "０３所", "3 万 人"]


@pytest.mark.parametrize("text", WRITTEN)
def test_number_led_finds_what_number_found(text):
    for old, new in PAIRS:
        assert _found(old, text) == _found(new, text), (text, old.pattern[:40])


def test_number_led_on_random_strings():
    alphabet = list("0123456789.,上以万亿千百十一二两三零〇余多近逾超约人元个户所公里部门片区ab 人口农民次米\n")
    rng = random.Random(18)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        for old, new in PAIRS:
            assert _found(old, text) == _found(new, text), text


def test_number_led_on_the_corpus():
    from gazetteer import load

    units = tuple(load().units)
    pairs = PAIRS + [(_quantity_as_written(units), P.quantity_pattern(units))]
    for path in sorted((ROOT / "samples" / "corpus").glob("*.txt")):
        text = simplify(path.read_text(encoding="utf-8"))
        for old, new in pairs:
            assert _found(old, text) == _found(new, text), path.name
