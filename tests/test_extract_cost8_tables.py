"""The eighth pass on extraction cost (benchmarks/RESULTS-speed.md): each shortcut skips only work that finds
nothing, and each faster form answers as the one it replaced, on words and figures of the genre and random strings."""
from __future__ import annotations

import random
import re

import pytest

from extractors import patterns as P

_RNG_SEED = 8


def _random_texts(alphabet: str, n: int, longest: int = 18) -> list[str]:
    rng = random.Random(_RNG_SEED)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def _found(rx, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


# ---- metadata: spaces dropped by str.split ----

def test_unspaced_drops_what_the_whitespace_pattern_drops():
    from extractors.metadata import _unspaced

    spaces = re.compile(r"\s+")
    for code in [*range(0x10000), *range(0x10000, 0x110000, 97)]:      # the BMP (every space), a sample beyond
        text = f"甲{chr(code)}乙"
        assert _unspaced(text) == spaces.sub("", text), hex(code)
    for text in ["", " ", "关于 2031 年\u3000民生实事\n进展情况", "\t\n\r\x0b\x0c\x1c\x85\xa0", "2031年 1 - 9 月"]:
        assert _unspaced(text) == spaces.sub("", text)


# ---- the name's field tail: searched only where it can be more than the name's end ----

@pytest.mark.parametrize("name", [
    "新建公办幼儿园", "农村公路提质改造", "城镇老旧小区改造 ", "改造农贸市场\n", "棚户区改造（责任单位：县住建局）",
    "农村道路畅通工程，牵头部门：市交通局", "托育服务：", "新建停车场，由县城管局负责", "", "甲",
])
def test_a_name_without_a_field_tail_mark_ends_where_the_tail_matches(name):
    from extractors import _may_have_field_tail

    m = P.NAME_FIELD_TAIL.search(name)
    if not _may_have_field_tail(name):
        assert m is not None and m.start() == len(name), name


def test_the_field_tail_gate_on_random_names():
    from extractors import _may_have_field_tail

    for name in _random_texts("新建改造局委办负责牵头单位部门领导（）()，,：: \n\u3000甲乙", 20000):
        if not _may_have_field_tail(name):
            m = P.NAME_FIELD_TAIL.search(name)
            assert m is not None and m.start() == len(name), repr(name)


# ---- a line's duty fields when it holds one colon ----

@pytest.mark.parametrize("line", [
    "牵头单位：县教育局", "分管县领导：王某 牵头单位：县教育局", "责任单位:市交通委。配合单位", "项目责任人：李某；其余",
    "配合单位：县财政局、县住建局\n第二行", "无标签的一行", "牵头领导 ：  张某某 县长",
])
def test_duty_fields_alone_are_the_duty_fields(line):
    if line.count("：") + line.count(":") <= 1:
        assert _found(P.DUTY_FIELD_ALONE, line) == _found(P.DUTY_FIELD, line)


def test_duty_fields_alone_on_random_lines():
    pieces = ["牵头单位", "配合单位", "责任人", "分管县领导", "：", ":", "县教育局", "。", "；", " ", "\n", "甲乙丙丁戊己庚"]
    rng = random.Random(_RNG_SEED)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if line.count("：") + line.count(":") <= 1:
            assert _found(P.DUTY_FIELD_ALONE, line) == _found(P.DUTY_FIELD, line), line


def test_a_line_is_read_for_its_fields_with_the_pattern_its_colons_allow():
    from extractors.memo import forget
    from extractors.people import _duty_fields

    forget()
    for line in ["牵头单位：县教育局 配合单位：县财政局", "牵头单位：县教育局、县财政局"]:
        assert [m.span() for m in _duty_fields(line)] == [m.span() for m in P.DUTY_FIELD.finditer(line)]
    forget()


# ---- a tally's total, opening with its numeral's class ----

_TALLY_AS_WRITTEN = re.compile(r"(?P<n>\d+|[一二三四五六七八九十]+)\s*(?P<unit>[件项个])[^，,。；;：:\d%]{0,12}?中(?:有)?[，,：:]?")


@pytest.mark.parametrize("text", ["52项具体任务中，已完成9项", "十二件中有，三件已完成", "共3个项目中：", "项目中有5项", "第12345项中",
                                  "二十 个 子项中", "5%项中"])
def test_the_tally_total_finds_what_it_found(text):
    assert _found(P.TALLY_TOTAL.rx, text) == _found(_TALLY_AS_WRITTEN, text)


def test_the_tally_total_on_random_strings():
    for text in _random_texts("0123456789一二三十百件项个中有，,：: %具体任务甲\n", 20000):
        assert _found(P.TALLY_TOTAL.rx, text) == _found(_TALLY_AS_WRITTEN, text), text


# ---- a table cell's shares by place: searched only with three place ends before figures ----

def test_a_cell_with_fewer_than_three_place_ends_before_figures_has_fewer_than_three_shares():
    from extractors.tables import PLACE_SHARE, PLACE_THEN_FIGURE

    cells = ["城关镇280 白果乡15 元坝镇40", "城东街道12、城西街道办事处8，北社区3", "东区 5 西区 6", "县本级100", "新建学校3所"]
    cells += _random_texts("城关镇乡街道办事处社区县区市甲乙 、，0123456789.", 20000, longest=24)
    for cell in cells:
        if len(PLACE_THEN_FIGURE.findall(cell)) < 3:
            assert len(list(PLACE_SHARE.finditer(cell))) < 3, cell


# ---- level notes: sought only in a document holding 项为 or 项是 ----

def test_every_level_note_holds_its_item_word_and_verb():
    lines = ["注：1-8项为省级重点民生实事，9-16项为市级", "其余各项", "3至5项是县定", "1 - 4 项为市列"] + \
        _random_texts("0123456789-—~至到项为是省市县区级列定 注：，\n", 20000)
    for line in lines:
        for m in P.LEVEL_NOTE.finditer(line):
            assert "项为" in m.group(0) or "项是" in m.group(0), line


# ---- gates that find the end of every match with a search the engine skips through ----

@pytest.mark.parametrize(("pattern", "gate", "pieces"), [
    (P.DUTY_FIELD, P.DUTY_LABEL_END, ["牵头单位", "配合部门", "项目责任人", "牵头单位主要负责人", "分管县领导", "包联市领导", "责任单位",
                                      "：", ":", " ", "\u3000", "县教育局", "目标任务", "。", "人", "位", "甲"]),
    (P.SUBCOUNTY, P.SUBCOUNTY_END, ["甲山镇", "乙水乡", "丙湖街道", "各乡镇", "全镇", "完成", "已", "均", "、", "，", "进度", "累计",
                                    "年度", "任务", "排名", "80%", "街", "道", "\n"]),
], ids=["duty-field", "subcounty"])
def test_a_line_without_the_gate_holds_no_match(pattern, gate, pieces):
    rng = random.Random(_RNG_SEED)
    lines = ["牵头单位：县教育局", "责任人 ：张某", "甲山镇完成80%，乙水乡已建成", "目标任务：新建幼儿园3所", "各乡镇、街道"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    for line in lines:
        if pattern.search(line):
            assert gate.search(line), line


# ---- a document's unit and leader cells read once ----

_UNIT_CELLS = ["县教育局、县财政局", "牵头：区建设局；配合：区财政局", "市民政局 伍某某", "市水务局（农村饮水安全）\n县住建局",
               "各乡镇（街道）", "已进场施工，完成30%。", "", "县人社局\n（县就业局）", "区发改局/区财政局", "市林水局（水利）"]
_LEADER_CELLS = ["陆 明俞 悦", "胡某某 市委副书记", "王某、李某", "", "正在施工，完成60%", "那顺乌日图副盟长", "张  三"]


def test_units_read_once_a_document_are_the_units_read_afresh():
    from extractors.memo import forget
    from extractors.people import _read_units, units_in
    from gazetteer import load

    suffixes = load().org_suffixes
    rng = random.Random(_RNG_SEED)
    cells = _UNIT_CELLS + ["".join(rng.choice(_UNIT_CELLS + ["、", "\n", "（", "）"]) for _ in range(3)) for _ in range(300)]
    forget()
    for cell in cells + cells:
        first = units_in(cell, suffixes)
        assert first == _read_units(cell, suffixes), cell
        first.append("甲")              # the caller's own list: the next ask is not changed by it
        assert units_in(cell, suffixes) == _read_units(cell, suffixes)
    assert units_in("县教育局", ["所"]) == _read_units("县教育局", ["所"])     # other suffixes: read again
    forget()


def test_leaders_read_once_a_document_are_the_leaders_read_afresh():
    from extractors.memo import forget
    from extractors.people import _read_leaders, leaders_in

    forget()
    for cell in _LEADER_CELLS + _LEADER_CELLS:
        first = leaders_in(cell)
        assert first == _read_leaders(cell), cell
        first.append("甲")
        assert leaders_in(cell) == _read_leaders(cell)
    forget()


# ---- a paragraph's summaries asked only where their word stands ----

@pytest.mark.parametrize(("pattern", "word"), [
    (P.STATUS_TOTAL, "共"), (P.PIECES_UNDERTAKEN, "件"), (P.THRESHOLD_COUNT, "完成率"), (P.TALLY_TOTAL, "中"),
    (P.PLACE_SPLIT, "其中"),
], ids=["status-total", "pieces", "threshold", "tally", "place-split"])
def test_a_summary_statement_holds_the_word_its_reader_is_asked_by(pattern, word):
    texts = ["全县共12个考核指标，已完成9个", "全县承办省列民生实事8项10件，3件已全面完成", "完成率超过时序进度的县（市）共10个",
             "52项具体任务中，已完成9项", "改造老旧小区30个，其中城东区12个、城西区10个"]
    texts += _random_texts("共件中其完成率超过时序进度县有个项承办1234567890，、具体考核指标任务城东区所户", 20000, longest=24)
    for text in texts:
        for m in pattern.finditer(text):
            assert word in m.group(0), text


# ---- the name-unit check reads only names and texts holding a bracket ----

def test_normalising_makes_no_bracket():
    from extractors.memo import forget
    from extractors.normalize import normalize

    forget()
    for code in [*range(0x10000), *range(0x10000, 0x110000, 97)]:      # the BMP, and a sample beyond it
        ch = chr(code)
        if ch not in "(（":
            text = normalize(f"改造{ch}户").text
            assert "(" not in text and "（" not in text, hex(code)
        if code % 8192 == 0:
            forget()          # a document's table of answers is bounded; start afresh as a new document would
    forget()


# ---- a table is laid out for a ballot only when a header label can be one ----

_HEADER_WORDS = ["序号", "项目名称", "候选项目", "赞成", "反对", "弃权", "赞成票", "得票数", "票数", "票决结果", "备注", "责任单位",
                 "目标任务", "完成情况", "完成率", "（%）", "票", "赞", "成"]


def test_a_label_of_the_ballot_role_holds_its_word():
    from extractors.tables import BALLOT_WORDS, _pattern_role

    rng = random.Random(_RNG_SEED)
    labels = _HEADER_WORDS + ["".join(rng.choice(_HEADER_WORDS) for _ in range(rng.randint(1, 3))) for _ in range(5000)]
    for label in labels:
        if _pattern_role(label) == "ballot":
            assert "票" in label or label in BALLOT_WORDS, label


def test_a_table_that_cannot_be_a_ballot_has_no_ballot_column():
    from extractors.memo import forget
    from extractors.tables import _may_be_ballot, layout_of
    from pipeline.model import Table

    rng = random.Random(_RNG_SEED)
    forget()
    for _ in range(400):
        width = rng.randint(2, 5)
        rows = [[rng.choice(_HEADER_WORDS + ["", "12", "新建幼儿园3所"]) for _ in range(width)] for _ in range(rng.randint(1, 7))]
        table = Table.from_rows(rows, header_rows=rng.randint(1, 2))
        if not _may_be_ballot(table):
            lay = layout_of(table)
            assert lay is None or "ballot" not in lay.roles, rows
    forget()


# ---- metadata: the period's and the signing date's patterns run only where they can match ----

@pytest.mark.parametrize(("pattern", "core"), [("PERIOD", "_PERIOD_CORE"), ("PERIOD_DAMAGED", "_DAMAGED_CORE")])
def test_a_period_holds_its_core(pattern, core):
    from extractors import metadata as M

    rx, gate = getattr(P, pattern), getattr(M, core)
    texts = ["2031年1-9月民生实事进展", "1—11月", "19月全市新增就业", "10 至 12 月", "1~2月份", "12月底前", "2031年 3 到 10 月"]
    texts += _random_texts("0123456789-~至到—月年份底前全 \n，", 20000)
    for text in texts:
        if rx.search(text):
            assert gate.search(text), text


def _signing_date_as_written(lines: list[str]) -> str | None:
    from extractors.metadata import _DATE_OPENS, _date
    from extractors.normalize import squash

    last = ""
    for ln in lines:
        s = P.PRINTED_TAIL.sub("", squash(ln).strip("（）()"))
        if s[:1] not in _DATE_OPENS:
            last = s or last
            continue
        for pat in (P.DATE_CN, P.DATE_HANZI):
            m = pat.fullmatch(s)
            if m:
                return _date(m)
        m = P.DATE_DIGITS.fullmatch(s)
        if m and P.ISSUER_END.search(last) and len(last) <= 30:
            return _date(m)
        last = s or last
    return None


def test_the_signing_date_is_read_as_before():
    from extractors.memo import forget
    from extractors.metadata import _signing_date

    pieces = ["某县人民政府办公室", "县民政局", "2031年10月12日", "二〇三一年十月十二日", "20311012", "（", "）", " ", "\u3000",
              "印发", "新建幼儿园3所", "1", "2", "", "（2031年10月12日）", "2031年10月12日印发", "签发", "发布",
              "２０３１１０１２", "一、", "2.", "（一）", "日"]
    rng = random.Random(_RNG_SEED)
    forget()
    dated = 0
    for _ in range(5000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(0, 6))]
        assert _signing_date(lines) == _signing_date_as_written(lines), lines
        dated += _signing_date(lines) is not None
    forget()
    assert dated > 100            # the strings hold signing dates of each kind, not only lines without one


def test_a_run_together_header_holds_its_leader_word():
    texts = ["分管领导牵头单位配合单位", "主管县领导责任单位", "联系市政府领导主要责任部门"]
    texts += _random_texts("分管主管责任牵头联系包抓挂点市县区政府领导单位部门主要", 20000, longest=14)
    for text in texts:
        if P.RUN_HEADER.search(text):
            assert "领导" in text, text


# ---- units with their role: UNIT_ROLE searched from just before the first role word ----

def test_unit_roles_found_from_before_the_first_role_word_are_all_found():
    from extractors.people import ROLE_WORDS, UNIT_ROLE_REACH

    assert P.ROLE_WORD.pattern == "|".join(ROLE_WORDS) and all(len(w) == 2 for w in ROLE_WORDS)

    pieces = ["由县住建局牵头", "罗阳街道办事处负责", "，", "。", "（", "）", "由", "按职责分工", "分别", "区财政局", "配合",
              "协办", "组织实施", "甲乙丙丁戊己庚辛壬癸" * 3, " ", "：", "主要原因是县住建局配合不力"]
    rng = random.Random(_RNG_SEED)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += ["甲" * 84 + "牵头", "甲" * 85 + "牵头", "甲" * 79 + "按职责分工负责", "，" + "乙" * 80 + "具体负责",
              "由县住建局牵头组织实施", "县财政局配合落实，", "区民政局负责组织实施"]
    for text in texts:
        first = P.ROLE_WORD.search(text)
        if first:
            last = max(text.rfind(word) for word in ROLE_WORDS)
            window = P.UNIT_ROLE.finditer(text, max(0, first.start() - UNIT_ROLE_REACH), last + 2 + 4)
            assert _found(P.UNIT_ROLE, text) == [(m.span(), m.groupdict()) for m in window], text


# ---- a deadline is read only from a text holding 月 or 年 ----

def test_a_deadline_holds_a_month_or_a_year():
    from extractors.tables import _CN_MONTH, deadline_iso

    texts = ["9月底前", "年底前", "2031年6月30日前", "十月底前完成", "2031.11", "新建幼儿园3所", "年末", "12月中旬"]
    texts += _random_texts("0123456789年月日底末中上下旬前之完成十一二三.建所", 20000)
    for text in texts:
        if "月" not in text:
            assert _CN_MONTH.sub("", text) == text
            if "年" not in text:
                assert not P.DEADLINE.search(text), text
                assert deadline_iso(text, 2031, require_before=True) is None


# ---- the organisation suffixes as tuples, made once for a list ----

def test_the_suffix_tuples_follow_the_list_they_are_made_for():
    from extractors.people import _endings, _ends_as_org, is_org

    first, second = ["局", "委"], ["办", "中心"]
    assert _endings(first) == (("局", "委"), ("局", "委", "）", ")"))
    assert _endings(second) == (("办", "中心"), ("办", "中心", "）", ")"))
    first.append("院")
    assert _endings(first)[0] == ("局", "委", "院")
    for name, suffixes in [("县教育局", first), ("县医院", first), ("县卫健委（县中医局）", first), ("县财政", first),
                           ("县政务中心", second), ("县教育局", second)]:
        assert _ends_as_org(name, suffixes) == (P.BRACKET_AT_END.sub("", name).endswith(tuple(suffixes)) or
                                                P.BRACKET_AT_END.sub("", name).endswith(("）", ")")))
        assert is_org(name, suffixes) == (3 <= len(name) <= 20 and any(name.endswith(x) for x in suffixes)
                                          and not P.NOT_UNIT.search(name) and not P.NOT_A_UNIT.search(name))


def test_a_table_without_a_total_label_has_no_tally():
    from extractors.summaries import table_tally
    from pipeline.model import Table

    assert table_tally(Table.from_rows([["项目", "状态"], ["新建幼儿园", "已完成6项，序时推进6项，滞后2项"]])) == []
    for label in ["合计", "全市", "全县合计", "小计"]:
        assert P.TOTAL.match(label) and ("计" in label or "全" in label)


def test_a_subcounty_end_on_a_line_is_one_in_the_joined_lines():
    pieces = ["甲山镇", "乙水乡", "丙湖街道", "完成", "已", "进度", "排名", "\n", "，", "街", "道", "镇", "乡"]
    rng = random.Random(_RNG_SEED)
    for _ in range(20000):
        lines = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))).split("\n")
        if any(P.SUBCOUNTY_END.search(line) for line in lines):
            assert P.SUBCOUNTY_END.search("\n".join(lines)), lines
        else:
            assert not P.SUBCOUNTY_END.search("\n".join(lines)), lines


# ---- the taxonomy: a name's own candidates worked out once a document ----

def test_a_name_classified_again_with_another_context_is_classified_as_afresh():
    from extractors import taxonomy as T
    from extractors.memo import forget
    from gazetteer import load

    types = load().project_types
    names = ["新建公办幼儿园", "城镇新增就业", "提高城乡低保标准和救助水平（人均救助水平）", "农村公路提质改造", "产前筛查和新生儿疾病筛查",
             "新增普惠性托位", "改造老旧小区", "（正文）", "公路建设", "城镇老旧小区改造（加装电梯）", "甲乙丙"]
    contexts = ["", "公路建设", "新增城镇就业1.2万人", "新建幼儿园3所", "改造老旧小区30个"]
    rng = random.Random(_RNG_SEED)
    asks = [(rng.choice(names), rng.choice(contexts)) for _ in range(600)]
    forget()
    kept = [T.classify(name, types, context) for name, context in asks]
    fresh = []
    for name, context in asks:
        forget()              # nothing kept: each answer worked out from the name again
        fresh.append(T.classify(name, types, context))
    assert kept == fresh
    assert any(kept) and None in kept
    forget()


def test_a_text_without_a_split_mark_is_one_part():
    from extractors.people import SPLIT_MARKS, _split_outside_brackets

    def walked(text: str) -> list[str]:
        parts, depth, last = [], 0, 0
        for i, ch in enumerate(text):
            depth += (ch in "（(") - (ch in "）)")
            if depth <= 0 and ch in SPLIT_MARKS:
                parts.append(text[last:i])
                last = i + 1
        parts.append(text[last:])
        return [x for x in parts if x]

    for text in ["县教育局", "区发改局、区财政局", "各乡（镇、街道）", "", "、", "县民政局/县财政局\n县住建局", "（）"] + \
            _random_texts("局委办、，,；;/\n（）()甲乙", 20000):
        assert _split_outside_brackets(text) == walked(text), text
