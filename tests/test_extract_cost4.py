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


# ---- frozen records made by quick_init ----

def test_quick_init_makes_what_the_dataclass_init_made():
    import dataclasses

    from extractors.normalize import NText
    from extractors.records import Evidence, Quantity

    for cls, args, kwargs in [(Quantity, (2.5, "所", "2.5所"), {"op": ">=", "start": 3, "end": 7}),
                              (Quantity, (), {"value": 7.0, "unit": None, "raw": "七"}),
                              (Evidence, ("新建公园两处", 4), {"table": 1}),
                              (NText, ("甲乙", "甲乙", (0, 1)), {})]:
        made = cls(*args, **kwargs)
        plain = dataclasses.dataclass(frozen=True)(type(cls.__name__, (), {
            "__annotations__": {f.name: f.type for f in dataclasses.fields(cls)},
            **{f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}}))
        want = plain(*args, **kwargs)
        assert vars(made) == vars(want)
        assert [f.name for f in dataclasses.fields(cls)] == list(vars(made))
        assert made == cls(*args, **kwargs) and hash(made) == hash(cls(*args, **kwargs))
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, dataclasses.fields(cls)[0].name, None)
    q = Quantity(3.0, "户", "3户")
    assert dataclasses.replace(q, start=9) == Quantity(3.0, "户", "3户", start=9)
    with pytest.raises(TypeError):
        Quantity(3.0, "户")               # raw has no default, as before


# ---- shortcuts: each skips only work that finds nothing ----

def test_a_text_without_table_characters_is_its_own_translation():
    from extractors.normalize import _changed_chars, _char_table, _translated

    for text in ["新建幼儿园12所", "城镇新增就业1.2万人（区人社局）", "ＡＢ１２所", "區(qū)县", "公共厕所\u3000八座", "3—5所"]:
        assert _translated(text) == text.translate(_char_table())
    assert all(text.translate(_char_table()) != text for text in _changed_chars())


def test_range_and_raise_marks_stand_in_every_match():
    for text in ["3-5所", "3～5所", "10至20公里", "2到4个", "1.5万~2万人"]:
        text = simplify(text)
        windows = [text[:k] for k in range(len(text) + 1)]         # the text before each figure's start
        assert any(P.RANGE_LOW.search(w) for w in windows), text
        for m in (P.RANGE_LOW.search(w) for w in windows):
            assert m is None or any(c in m.group(0) for c in P.RANGE_MARKS)
    alternatives = ["提高", "提升", "调整", "上调", "增加", "增长"]
    for word in alternatives:
        for tail in ("到", "至", "为"):
            m = P.RAISED_TO.match(" " + word + tail + "450元")
            assert m and any(c in m.group(0) for c in P.RAISED_TO_CHARS)
    assert P.RAISED_TO.pattern.count("|") == len(alternatives) - 1 + 2     # no wording added without its character


@pytest.mark.parametrize("text", ["由每人每月410元提高到450元", "3—5所幼儿园", "改造两所，新建3至5所", "新增学位2700个"])
def test_figures_with_and_without_the_marks(text):
    from extractors.numbers import _find_quantities
    from gazetteer import load
    units = load().units
    text = simplify(text)
    found = _find_quantities(text, units)
    assert found
    if "提高" in text:
        assert [q.value for q in found] == [450.0]
    if "至" in text or "-" in text:
        assert [q.op for q in found][-2:] == [">=", "<="]


def test_the_marks_tested_are_the_marks_listed():
    import inspect

    from extractors import numbers
    source = inspect.getsource(numbers._find_quantities)
    assert " or ".join(f'"{c}" in text' for c in P.RANGE_MARKS) in source
    assert " or ".join(f'"{c}" in text' for c in P.RAISED_TO_CHARS) in source


def test_may_change_finds_every_character_the_table_changes():
    from extractors.normalize import _changed_chars, _may_change

    assert all(_may_change().fullmatch(ch) for ch in _changed_chars())
    assert not _may_change().search("新建幼儿园12所，完成率100%（区教育局）：")


def test_places_found_by_the_last_two_characters_as_by_the_last_one():
    """find_places tries the lengths of the names ending in a place's last two characters: the same places as
    trying those of every name ending in its last character."""
    from extractors.metadata import find_places
    from gazetteer import load

    gaz = load()
    assert min(len(n) for n in gaz.names) >= 2
    assert all(len(n) in gaz.name_lengths_by_end[n[-2:]] for n in gaz.names)

    class ByLastCharacter(dict):
        def get(self, end, default=()):      # the lengths of every name ending in the last character
            return gaz.name_lengths.get(end[-1:], default) if end else default

    class Wider:
        names = gaz.names
        name_lengths_by_end = ByLastCharacter()

    wider = Wider()
    texts = ["北京市西城区教育委员会", "全县新建幼儿园3所", "新增城区学位", "岳阳楼公安分局和赫山供电分公司"]
    texts += [simplify(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples" / "corpus").glob("*.txt"))[:30]]
    for text in texts:
        assert find_places(text, gaz) == find_places(text, wider), text[:20]


def test_searching_within_bounds_is_searching_the_slice():
    """numbers.py searches OP_BEFORE, APPROX_BEFORE and SKIP_BEFORE between two offsets of the text instead of in
    a slice of it: the same answer for patterns without a look-behind (endpos ends the string for $ and (?!))."""
    rng = random.Random(4)
    alphabet = list("不低于少超过最低标准至控制在力争达到≥近约逾大到足都有各每村个户第前，。；、5\n ")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        start = rng.randint(0, len(text))
        for rx, width in ((P.OP_BEFORE, 12), (P.APPROX_BEFORE, 2), (P.SKIP_BEFORE, 2)):
            a = max(0, start - width)
            whole, part = rx.search(text, a, start), rx.search(text[a:start])
            assert (whole and (whole.span(), whole.groupdict())) == (part and ((part.start() + a, part.end() + a), part.groupdict()))


def _corpus_lines(n: int = 40) -> list[str]:
    return [simplify(line) for p in sorted((ROOT / "samples" / "corpus").glob("*.txt"))[:n]
            for line in p.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(("pattern", "marks"), [(P.FORM_LINE_FIELD, ":："), (P.DUTY_FIELD, ":："),
                                                (P.PLACE_RATE, "%"), (P.PERCENT, "%"), ("clauses.PERCENT", "%")],
                         ids=["form-line-field", "duty-field", "place-rate", "percent", "clauses-percent"])
def test_a_pattern_run_only_where_its_mark_stands_holds_it(pattern, marks):
    from extractors import clauses

    rx = clauses.PERCENT if pattern == "clauses.PERCENT" else pattern
    lines = _corpus_lines() + ["督办事项一：新建公园两处  牵头单位：县住建局", "牵头领导:某某 责任单位:县交通局",
                               "完成率：甲镇58.2%、乙县61.4%", "完成率达到96.5%"]
    found = [m.group(0) for line in lines for m in rx.finditer(line)]
    assert found
    assert all(any(c in m for c in marks) for m in found)


def test_subcounty_places_are_found_line_by_line():
    texts = ["\n".join(_corpus_lines(109)), "甲山镇完成80%\n乙水乡已建成\n全镇、丙湖街道进度\n各乡镇任务\n丁家镇"]
    for full in texts:
        lines = full.split("\n")
        whole = {m.group("r") for m in P.SUBCOUNTY.finditer(full)}
        by_line = {m.group("r") for line in lines if "镇" in line or "乡" in line or "街道" in line
                   for m in P.SUBCOUNTY.finditer(line)}
        assert whole == by_line
    assert {"甲山镇", "乙水乡", "丙湖街道"} <= {m.group("r") for line in texts[1].split("\n") for m in P.SUBCOUNTY.finditer(line)}


def test_duty_fields_are_found_once_a_document():
    from extractors.memo import forget
    from extractors.people import _duty_fields, labelled_duties

    forget()
    line = "牵头领导:某某 责任单位:县交通局 配合单位:县财政局、县自然资源局"
    assert _duty_fields.kept(line) is None
    first = labelled_duties(line, ["局"])
    assert _duty_fields.kept(line) == tuple(P.DUTY_FIELD.finditer(line)) or \
        [m.span() for m in _duty_fields.kept(line)] == [m.span() for m in P.DUTY_FIELD.finditer(line)]
    assert labelled_duties(line, ["局"]) == first
    forget()
    assert _duty_fields.kept(line) is None


def test_each_of_holds_its_word():
    for text in ["宫颈癌和乳腺癌检查各", "城市和农村低保标准均提高到", "幼儿园、小学各新建 ", "甲和乙"]:
        m = P.EACH_OF.search(text)
        assert m is None or "各" in m.group(0) or "均" in m.group(0)
    assert P.EACH_OF.search("宫颈癌和乳腺癌检查各") and not P.EACH_OF.search("宫颈癌和乳腺癌检查")


# ---- patterns gated by the characters every match holds ----

def _holds(items, marks: str) -> bool:
    """Every match of the parsed sequence consumes one of `marks` (look-arounds consume nothing)."""
    from re import _constants as C  # type: ignore[attr-defined]

    def one(op, av) -> bool:
        if op is C.LITERAL:
            return chr(av) in marks
        if op is C.IN:
            return all(o is C.LITERAL and chr(a) in marks for o, a in av)
        if op is C.SUBPATTERN:
            return _holds(av[3], marks)
        if op is C.BRANCH:
            return all(_holds(branch, marks) for branch in av[1])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            return av[0] >= 1 and _holds(av[2], marks)
        return False
    return any(one(op, av) for op, av in items)


def _gated() -> list:
    import importlib
    import pkgutil

    import extractors
    out = {}
    for info in pkgutil.iter_modules(extractors.__path__):
        module = importlib.import_module(f"extractors.{info.name}")
        out.update({f"{info.name}.{name}": rx for name, rx in vars(module).items() if isinstance(rx, P.Gated)})
    return sorted(out.items())


GATED = _gated()


def test_gated_patterns_are_the_ones_listed():
    assert {name for name, _ in GATED} >= {"patterns.FIELD", "patterns.CONTENT", "patterns.FUNDING_FIELD", "patterns.LABELLED",
                                           "patterns.RATE_OF_TARGET", "patterns.PERCENT", "clauses.PERCENT", "summaries.COMPOSED"}


@pytest.mark.parametrize(("name", "gated"), GATED, ids=[name for name, _ in GATED])
def test_every_match_of_a_gated_pattern_holds_a_mark(name, gated):
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    assert gated.marks
    for marks in gated.marks:
        assert _holds(list(sre_parse.parse(gated.rx.pattern, gated.rx.flags)), marks), (name, marks)


def test_the_proof_refuses_what_it_should():
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    for pattern, marks, holds in [(r"目标\s*[:：]", ":：", True), (r"目标\s*[:：]?", ":：", False), (r"(?=：)目标", ":：", False),
                                  (r"[^：]+", "：", False), (r"完成率|\d+%", "%率", True), (r"完成|\d+%", "%", False),
                                  (r"(?:[：:]\S)+", ":：", True), (r"(?:[：:]\S)*", ":：", False)]:
        assert _holds(list(sre_parse.parse(pattern)), marks) is holds, pattern


@pytest.mark.parametrize(("name", "gated"), GATED, ids=[name for name, _ in GATED])
def test_a_gated_pattern_answers_as_the_pattern(name, gated):
    lines = _corpus_lines(60) + ["牵头单位：县教育局", "（责任单位：市人社局）", "完成年度目标100万人的75.6%", "新建公园两处",
                                 "目标：新建幼儿园4所", "资金：500万元", "甲（乙）", "。（县住建局牵头）", "注：1-8项为省级",
                                 "12件中有", "完成率90%以上为基本完成", "覆盖率达到95%以上", "5件和甲乙丙一并纳入10件民生实事"]
    def same(m):
        return m and (m.span(), m.groups())

    for line in lines:
        assert same(gated.search(line)) == same(gated.rx.search(line))
        assert same(gated.match(line)) == same(gated.rx.match(line))
        assert same(gated.fullmatch(line)) == same(gated.rx.fullmatch(line))
        assert [same(m) for m in gated.finditer(line)] == [same(m) for m in gated.rx.finditer(line)]
        assert gated.findall(line) == gated.rx.findall(line)
        assert gated.sub("", line) == gated.rx.sub("", line)
        assert same(gated.search(line, 2, 9)) == same(gated.rx.search(line, 2, 9))


@pytest.mark.parametrize(("old", "new"), [
    (r"\d+(?:\.\d+)?\s*(?:%|万|亿|人|户|个|公里|元|件|所|张|套|座|处|项)", P.FIGURE),
    (r"(?<=[达到成为占超近约逾在持率])(?P<n>[一二三四五六七八九])成(?=以上|左右|[，,。；;、）)]|$)", P.TENTHS),
    (r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]", P.GLOSS),
], ids=["figure", "tenths", "gloss"])
def test_patterns_rewritten_to_open_with_a_class_match_as_before(old, new):
    old = re.compile(old)
    rng = random.Random(7)
    alphabet = list("0123456789.%万亿人户个公里元件所张套座处项达到成为占超近约逾在持率一二三九成以上左右，。、）甲 \n(（)qūà")
    texts = _corpus_lines(60) + ["完成九成以上", "达九成", "九成", "竣工率达到九成，", "新增学位2700个", "44.63%", "區(qū)县", "(qū)", "万(wàn)人"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in old.finditer(text)] == [(m.span(), m.groupdict()) for m in new.finditer(text)]


def test_wrapped_paragraphs_are_grouped_once_and_given_back_as_the_callers_own():
    from extractors.memo import forget
    from extractors.normalize import NText, normalize
    from extractors.wrapping import _grouped, _groups, rejoin

    forget()
    line = "城镇新增就业完成一万二千人，农村劳动力转移就业完成三千人，新建幼儿园十二所并新增学位两千七百个，"
    lines = [line] * 6 + ["已全部建成。", "— 2 —", "下一页的句子继续。"]
    paragraphs = [(k + 1, normalize(x)) for k, x in enumerate(lines)]
    first = _groups(paragraphs)
    assert first == [[paragraphs[k] for k in g] for g in _grouped(paragraphs)]
    copies = [(ln, NText(nt.text, nt.original, nt.offsets)) for ln, nt in paragraphs]     # equal, not the same
    again = _groups(copies)
    assert again == first and all(a is b for ga, gb in zip(again, [[copies[k] for k in g] for g in _grouped(copies)])
                                  for a, b in zip(ga, gb))
    assert rejoin(copies) == rejoin(paragraphs)
    forget()
