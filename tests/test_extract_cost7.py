"""The seventh pass on extraction cost (benchmarks/RESULTS-speed.md): each cache or shortcut is held to the work it
saves, on header labels, lines and names written here in the genre (invented, none quoted from a document)."""
from __future__ import annotations

import random
import re

import pytest

from extractors import metadata as M
from extractors import patterns as P
from extractors import tables as T
from extractors import wrapping as W
from extractors.normalize import normalize
from gazetteer import load

GAZ = load()

# header labels of the kinds the tables write: a role's words alone, with a period, a unit, brackets of either
# width, spaced out, run together with another role's words, and labels no pattern knows
LABELS = ["序号", "编号", "No.", "项目名称", "民生实事项目", "年度目标任务", "建设任务（个）", "计划投资(万元)",
          "1-8月完成情况", "1—11月推进情况", "截至9月底完成", "截止10月累计完成", "完成率（%）", "完成比例", "进度",
          "形象进度", "投资完成率", "资金到位率", "累计投资（万元）", "牵头单位", "牵头责任单位", "配合单位",
          "责任领导", "牵头市领导", "责任人", "联系人", "完成时限", "时间节点", "备注", "说明", "序时进度", "本月完成",
          "评价", "进展评价", "类别", "领域", "计量单位", "单位", "单位名称", "县市区", "赞成票", "得票数", "票决结果",
          "工作内容", "事项", "具体内容", "任务量", "计划数", "合计", "小计", "", "  ", "任 务 指 标", "完 成 情 况",
          "资金来源", "建设地点", "受益人数", "实施主体", "责任主体", "协办部门", "承办单位", "1至6月完成", "全年"]


def _role_as_written(header: str, lexicon: dict[str, str] | None = None) -> str | None:
    """_role as it was before the pass: the lexicon's spellings, then every COLUMN_ROLES pattern in turn."""
    if lexicon:
        label = header.replace("（", "(").replace("）", ")")
        for key in (label, T.LEADING_PERIOD.sub("", label)):
            if key in lexicon:
                return lexicon[key]
    for role, pat in T.COLUMN_ROLES:
        if pat.search(header):
            return role
    return None


def _spliced(n: int) -> list[str]:
    rng = random.Random(7)
    words = [w for w in LABELS if w.strip()] + ["（", "）", "(", ")", "%", "万元", "个", "1-9月", "实际", "计划", "年度"]
    return ["".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(n)]


@pytest.mark.parametrize("lexicon", [None, GAZ.headers], ids=["patterns-only", "with-lexicon"])
def test_a_kept_role_is_the_role_worked_out_afresh(lexicon):
    labels = LABELS + _spliced(3000)
    T._pattern_role.cache_clear()
    T._lexicon_keys.cache_clear()
    for _ in range(2):                     # asked cold, then answered from the caches
        assert [T._role(x, lexicon) for x in labels] == [_role_as_written(x, lexicon) for x in labels]
    assert T._pattern_role.cache_info().hits > 0


def test_the_role_caches_are_bounded():
    for cached in (T._pattern_role, T._lexicon_keys):
        assert cached.cache_info().maxsize == 4096


# every character a whole-line date of the three patterns can open with
@pytest.mark.parametrize("pattern", [P.DATE_CN, P.DATE_HANZI, P.DATE_DIGITS], ids=["cn", "hanzi", "digits"])
def test_the_date_openings_are_every_first_character_of_a_date(pattern):
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def firsts(items) -> set[str]:
        op, av = items[0]
        name = str(op)
        if name == "LITERAL":
            return {chr(av)}
        if name == "IN":
            return {chr(a) for o, a in av if str(o) == "LITERAL"}
        if name == "SUBPATTERN":
            return firsts(list(av[3]))
        if name == "BRANCH":
            return set().union(*(firsts(list(b)) for b in av[1]))
        if name == "MAX_REPEAT" and av[0] >= 1:
            return firsts(list(av[2]))
        raise AssertionError(f"opening {name} not read")
    assert firsts(list(sre_parse.parse(pattern.pattern))) <= set(M._DATE_OPENS)


def _signing_as_written(lines: list[str]) -> str | None:
    tail = re.compile(r"(?<=日)(?:印发|发布|签发)$")
    last = ""
    for ln in lines:
        s = tail.sub("", "".join(ln.split()).strip("（）()"))
        for pat in (P.DATE_CN, P.DATE_HANZI):
            m = pat.fullmatch(s)
            if m:
                return M._date(m)
        m = P.DATE_DIGITS.fullmatch(s)
        if m and P.ISSUER_END.search(last) and len(last) <= 30:
            return M._date(m)
        last = s or last
    return None


@pytest.mark.parametrize("lines", [
    ["某县人民政府办公室", "2031年10月12日"],
    ["某县人民政府办公室", " 2031 年 10 月 12 日 "],
    ["某县人民政府办公室", "（2031年10月12日印发）"],
    ["某县人民政府办公室", "2031年10月12日发布"],
    ["某县人民政府办公室", "二〇三一年十月十二日"],
    ["某县人民政府办公室", "20311012"],
    ["新建公办幼儿园6所", "20311012"],
    ["附件：2031年10月12日", "完成率90%"],
    ["（此件公开发布）", "日印发", "2031年1月2日签发"],
    ["", "  ", "联系人：某某"],
], ids=["cn", "spaced", "printed", "published", "hanzi", "digits-under-issuer", "digits-under-a-task", "inside-a-line",
        "signed", "none"])
def test_the_signing_date_is_read_as_before(lines):
    assert M._signing_date(lines) == _signing_as_written(lines)


def test_the_signing_date_on_random_lines():
    rng = random.Random(11)
    pieces = ["2031", "年", "10", "月", "12", "日", "印发", "发布", "二〇三一", "十", "十二", "（", "）", " ", "局",
              "人民政府", "20311012", "1", "2", "，", "完成"]
    for _ in range(3000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 4))]
        assert M._signing_date(lines) == _signing_as_written(lines), lines


@pytest.mark.parametrize(("prev", "nxt"), [
    ("全县农村公路改造完成率89.", "7%。"), ("新开工改造老旧小区26", "00户，"), ("完成投资3.", "2亿元"),
    ("完成投资３２", "00万元"), ("新建幼儿园6所。", "5%"), ("第3页", "4个"), ("改造5.2.", "3"), ("共计 12  ", "个"),
    ("新增学位", "2700个"), ("", "1"), ("十二", "个"), ("完成率89.", "（二）新建"), ("v1.", "2%"),
], ids=["rate", "count", "money", "full-width", "sentence-end", "footer", "two-dots", "trailing-spaces", "word",
        "empty", "chinese-numeral", "item-after", "ascii"])
def test_a_figure_cut_by_a_fold_is_told_as_before(prev, nxt):
    a, b = normalize(prev), normalize(nxt)
    as_written = bool(P.CUT_FIGURE_END.search(a.original.rstrip())) and bool(P.CUT_FIGURE_START.match(b.original)) \
        and not P.ITEM_START.match(b.text)
    assert W._number_cut(a, b) is as_written


def test_the_checks_whole_text_scans_agree_with_line_by_line():
    from extractors import checks

    rng = random.Random(3)
    pieces = ["①", "②", "⑳", "其中", "占", "比例", "列入", "列为", "列", "入", "新建", "3所", "\n", "，", "。"]
    for _ in range(2000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 5))]
        assert bool(checks._TRIGGER.search("\n".join(lines))) == any(checks._TRIGGER.search(x) for x in lines)
        assert bool(P.CIRCLED.search("\n".join(lines))) == any(P.CIRCLED.search(x) for x in lines)


def test_names_indexed_at_the_first_ask_find_what_an_index_made_at_once_finds():
    from extractors import _Names
    from extractors.records import Evidence, Project

    names = ["城镇新增就业", "新建公办幼儿园", "农村危房改造", "“一老一小”整体解决方案", "城乡居民医保财政补助", "老旧小区改造"]
    projects = [Project(name=n, evidence=Evidence(text=n)) for n in names]
    lazy = _Names(projects)
    assert lazy.by_run is None            # nothing built until asked
    for text in ["其中，城镇新增就业由区人社局负责", "老旧小区改造工程进度", "新建公办幼儿园6所", "无关的一句话", "一老一小整体"]:
        best = lazy.best(text)
        fresh = _Names(projects).best(text)
        assert best is fresh
    assert _Names([]).best("城镇新增就业") is None


def test_a_year_in_chinese_digits_is_found_where_the_look_behind_first_form_found_it():
    as_written = re.compile(r"(?<![〇零一二三四五六七八九])(?P<y>[一二][〇零一二三四五六七八九]{3})(?=年)")
    rng = random.Random(5)
    alphabet = list("〇零一二三四五六七八九年月日新建，。 2")
    texts = ["二〇二六年", "二零二五年民生实事", "一二〇二六年", "某县二〇二六年十件实事", "二〇二六", "年二〇二六年"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    for text in texts:
        assert [(m.span(), m.group("y")) for m in as_written.finditer(text)] == \
            [(m.span(), m.group("y")) for m in M.HANZI_YEAR.finditer(text)], text


def _openings(pattern: re.Pattern[str]) -> set[str]:
    """The characters a match of an anchored pattern can consume first after its ^ and \\s* ("digit": any decimal)."""
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def firsts(items) -> set[str]:
        for op, av in items:
            if op is C.AT:
                continue
            if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and list(av[2]) == [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]:
                continue                      # \s*
            if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
                return firsts(list(av[2]))
            if op is C.LITERAL:
                return {chr(av)}
            if op is C.IN:
                return {"digit" if o is C.CATEGORY and a is C.CATEGORY_DIGIT else chr(a) for o, a in av}
            if op is C.SUBPATTERN:
                return firsts(list(av[3]))
            if op is C.BRANCH:
                return set().union(*(firsts(list(b)) for b in av[1]))
            raise AssertionError(f"opening {op} not read")
        raise AssertionError("no opening")
    return firsts(list(sre_parse.parse(pattern.pattern, pattern.flags)))


@pytest.mark.parametrize(("pattern", "opens"), [
    (P.ITEM_NUMBER, {"digit"}), (P.ITEM_BEFORE_FIGURE, {"digit"}),
    (P.SYMBOL_LINE, set("✔✓√☑●■◆★")), (P.SYMBOL_STEPS_ONLY, set("▶►➤▸→")), (P.ROLE_LABEL, set("牵配协参责主负")),
], ids=["item-number", "item-before-figure", "symbol-line", "steps-only", "role-label"])
def test_restate_lines_tries_a_pattern_only_on_a_line_opening_as_it_must(pattern, opens):
    from extractors import forms

    assert _openings(pattern) == opens
    assert {"digit"} == opens or opens <= set(forms.SYMBOL_OPENS + forms.STEP_OPENS + forms.ROLE_OPENS)


def test_a_lines_first_character_after_its_spaces_is_what_the_patterns_see():
    for text in ["  1．新建幼儿园", "\u3000牵头：区教体局", "\t✔ 新增学位 5400个 ▶ 已完成 4860个", "", "   ", "１．全角", "\u00a0▶ 已完工"]:
        lead = text.lstrip()[:1] if text[:1].isspace() else text[:1]
        m = re.match(r"\s*(\S)", text)
        assert lead == (m.group(1) if m else "")
        assert lead.isdecimal() == bool(re.match(r"\s*\d", text))


def test_a_split_mark_is_what_split_matches_in_one_character():
    from extractors import people

    for code in list(range(0x3100)) + list(range(0xFF00, 0xFFFF)):
        ch = chr(code)
        assert bool(P.SPLIT.match(ch)) == (ch in people.SPLIT_MARKS), hex(code)
    assert people._split_outside_brackets("区发改局、区财政局；各乡（镇、街道）/市住建局") == ["区发改局", "区财政局", "各乡（镇、街道）", "市住建局"]
