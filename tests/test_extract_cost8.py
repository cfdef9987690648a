"""The eighth pass on extraction cost (benchmarks/RESULTS-speed.md): each gate is held to the work it skips — a gate
never turns away a text its pattern or reader would have read — on segments and sentences written here in the genre
(invented, none quoted from a document) and on random strings of the genre's pieces."""
from __future__ import annotations

import importlib
import random
import re
from collections import Counter

import pytest

from extractors import clauses as C
from extractors import items as I
from extractors import patterns as P
from extractors import progress as G
from extractors import wrapping as W
from extractors.spans import last_mark
from gazetteer import load

GAZ = load()
N = importlib.import_module("extractors.normalize")     # (the package's own `normalize` is the function)

# clauses and sentences of progress reports: tasks, counts so far, rates, tasks done in full, work under way, lists
# numbered in words, funds, standards raised, last year's figures, brackets, quotes and book titles
SEGMENTS = [
    "新建公办幼儿园8所，已建成5所，完成率62.5%",
    "改造老旧小区42个，截至10月底已开工38个",
    "新增城镇就业3200人，完成年度任务的88.6%",
    "新增养老床位260张，正在进行内部装修",
    "新建村卫生室30个，已全部建成并投入使用",
    "新建村卫生室30个，已完成",
    "改造农村危房150户，均已完成年度任务",
    "完成农村改厕1.2万户",
    "完成情况：460户/600户，完成率76.7%",
    "城乡低保标准提高到每人每月720元",
    "二是新建农贸市场3个，已完工2个",
    "在社会保障方面，新增参保人数1.5万人",
    "去年新增就业2900人，同比增长6.2%",
    "其中城区完成180户，乡镇完成95户",
    "新建学校3所、幼儿园5所，分别已建成2所、4所，完成率分别为66.7%、80%",
    "“为800名老人免费体检”一项中，已体检650名",
    "进展缓慢的1项（新建公厕20座），已完工12座",
    "开展《健康知识进万家》宣传活动46场",
    "新改建农村公路120—150公里，1-9月完成98公里",
    "新增学位2700个，已新增2100个",
    "实际开工18所，完工9所",
    "安排资金1.85亿元，已拨付1.46亿元",
    "新建充电桩500个，目前有序推进",
    "新建充电桩500个，目前有序推进，已安装210个",
    "完成造林绿化2.4万亩，完成率100%",
    "全面完成年度目标任务",
    "，已全部完成",
    "新建公园3个，全面完工",
    "新增托位600个，已完成720个，超额完成年度任务",
    "城镇登记失业率控制在3.5%以内，实际为3.1%",
    "①新建幼儿园2所；②新增学位1200个",
    "一、新建雨污管网26公里。截至9月底，已建成18.5公里",
    "（2）改造提升农贸市场5个（市商务局）",
    "三是完成职业技能培训5600人次",
    "计划新增城镇就业2800人，已新增2316人",
    "发放助学金360万元，惠及学生4500名",
    "上年同期完成改造70户，今年已完成85户",
    "较去年同期多竣工412户",
    "",
    "甲",
]

# the pieces random texts are drawn from: figures, units, the marks and words the gates and patterns read
PIECES = ["，", ",", "；", "。", "、", "%", "3", "12", "0.5", "万", "人", "所", "个", "户", "已", "累计", "截至", "目前",
          "实际", "完成", "全部", "全面", "建成", "完工", "开工", "正在", "有序推进", "尚在", "仍处于", "为", "占", "年度",
          "任务", "目标", "的", "了", "1-", "9月", "上半年", "（", "）", "(", ")", "“", "”", "《", "》", "去年", "同比",
          "同期", "较", "是", "二", "/", "提高到", "调整为", "标准", "分别", "①", " ", "新建", "改造", "年"]


def _random_texts(n: int, seed: int, longest: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, longest))) for _ in range(n)]


TEXTS = SEGMENTS + _random_texts(3000, 8)


# ---- the segment readers find a segment's figures only where their patterns can match ------------------------------

EVERYTHING = re.compile("")           # a gate that never turns a text away


@pytest.mark.parametrize("gate", ["SO_FAR_ANYWHERE", "DONE_IN_FULL_ANYWHERE", "RATE_AFTER_COUNT_ANYWHERE",
                                  "UNDER_WAY_ANYWHERE"])
def test_the_segment_readers_answer_as_without_their_gates(monkeypatch, gate):
    readers = [lambda s: I._restated(s, GAZ), lambda s: I._done_in_full(s, GAZ),
               lambda s: I._count_then_rate(s, GAZ, set(), 1, s), lambda s: I._task_under_way(s, GAZ, 1, s)]
    gated = [[repr(read(s)) for read in readers] for s in TEXTS]
    monkeypatch.setattr(P, gate, EVERYTHING)
    assert [[repr(read(s)) for read in readers] for s in TEXTS] == gated


def test_no_window_of_a_text_matches_so_far_where_the_gate_finds_nothing():
    for text in TEXTS:
        if P.SO_FAR_ANYWHERE.search(text) is None:
            assert not any(P.SO_FAR.search(text, a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 4)), text


def test_no_slice_of_a_text_holds_a_task_done_in_full_where_the_gate_finds_nothing():
    for text in TEXTS:
        if P.DONE_IN_FULL_ANYWHERE.search(text) is None:
            assert not any(P.DONE_IN_FULL.search(text[a:b]) for a in range(len(text) + 1) for b in range(a, len(text) + 1)), text


@pytest.mark.parametrize(("pattern", "gate"), [("RATE_AFTER_COUNT", "RATE_AFTER_COUNT_ANYWHERE"),
                                               ("UNDER_WAY_AFTER", "UNDER_WAY_ANYWHERE")])
def test_no_offset_of_a_text_matches_where_the_gate_finds_nothing(pattern, gate):
    for text in TEXTS:
        if getattr(P, gate).search(text) is None:
            assert not any(getattr(P, pattern).match(text, a) for a in range(len(text) + 1)), text


# ---- patterns rewritten so that the engine skips to where they can match ---------------------------------------------

RUN_ON_ITEM = re.compile(r"[（(](?P<p>\d{1,2}|[一二三四五六七八九十]{1,3})[）)](?=[\u4e00-\u9fff])"
                         r"|(?P<n>\d{1,2})\s*[.．、](?=[\u4e00-\u9fff（(])")      # the one pattern before the pass
SEGMENT_SPLIT_TEXTS = TEXTS + ["1.新建幼儿园2所 2.新增学位1200个（3）改造校舍", "（一）教育 （二）卫生", "12.5万人、3.新建",
                               "①甲；②乙", "⑳丙。", "1、新建公厕20座。2、改造农贸市场3个"]


@pytest.mark.parametrize("text", SEGMENT_SPLIT_TEXTS[:60])
def test_run_on_items_are_found_by_two_patterns_as_by_one(text):
    one = [(m.span(), m.group("n") or m.group("p"), "n" if m.group("n") else "p") for m in RUN_ON_ITEM.finditer(text)]
    two = sorted([(m.span(), m.group(1), "n") for m in P.RUN_ON_NUMBERED.finditer(text)]
                 + [(m.span(), m.group(1), "p") for m in P.RUN_ON_BRACKETED.finditer(text)])
    assert one == two


def test_run_on_items_on_random_strings():
    rng = random.Random(81)
    alphabet = "（()）1234十二三.．、 年a"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        one = [(m.span(), m.group("n") or m.group("p")) for m in RUN_ON_ITEM.finditer(text)]
        two = sorted([(m.span(), m.group(1)) for m in P.RUN_ON_NUMBERED.finditer(text)]
                     + [(m.span(), m.group(1)) for m in P.RUN_ON_BRACKETED.finditer(text)])
        assert one == two, text


def test_segments_are_cut_as_segment_split_cuts_them():
    for text in SEGMENT_SPLIT_TEXTS:
        for most in (0, 1):
            assert I._segments(text, most) == P.SEGMENT_SPLIT.split(text, most), text


FIGURE_GAP = re.compile(r"(?<=[0-9%])(?<! ) (?! )(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?<! ) (?! )(?=[0-9])")


def test_the_figure_gap_opening_with_its_space_matches_as_before():
    rng = random.Random(82)
    texts = ["完成 65 户", "2021 年 12 月", "完成  65户", "发布　2023-10-16", "达到 95% 以上", "A 3 B", " 3 ", "年 "]
    texts += ["".join(rng.choice("  1%年a完，3\u3000") for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in P.FIGURE_GAP.finditer(text)] == [m.span() for m in FIGURE_GAP.finditer(text)], text


@pytest.mark.parametrize("line", ["完成 65 户，惠及 1200 人", "2026 年 3 月", "新增就业 3 万人 ，完成率 95 %", "甲 乙",
                                  "百分之九十五 完成", "完成九成 以上", " 3 年", "共 12 所 ", "5 个 6 个 7 个"])
def test_figure_gaps_kept_in_slices_are_the_gaps_dropped_a_character_at_a_time(line):
    text = N._translated(line)
    for kept in (range(len(text)), list(range(len(text)))):
        gaps = [m.start() for m in P.FIGURE_GAP.finditer(text) if line[kept[m.start()]] == " "]
        drop = set(gaps)
        before = ("".join(ch for k, ch in enumerate(text) if k not in drop), [o for k, o in enumerate(kept) if k not in drop])
        after = N._figure_gaps(text, kept, line)
        assert (after[0], list(after[1])) == before


# ---- the clause reader asks a sentence once what it lacks ------------------------------------------------------------

def test_book_titles_quotes_and_item_brackets_answer_as_their_marks_do():
    for sentence in TEXTS:
        for pos in range(len(sentence) + 1):
            assert C._in_book_title(sentence, pos) is (last_mark(sentence, pos, "《") > last_mark(sentence, pos, "》"))
            opened = last_mark(sentence, pos, "“")
            quoted = opened > last_mark(sentence, pos, "”") and C.QUOTED_PROJECT.match(sentence, pos) is not None
            assert C._in_quotes(sentence, pos) is quoted
            opened = last_mark(sentence, pos, "(（")
            bracket = opened > last_mark(sentence, pos, ")）") \
                and re.search(r"\d+\s*[项件]\s*$", sentence[:opened]) is not None
            assert C._in_item_bracket(sentence, pos) is bracket


def _events_as_before(sentence, found):
    events = [C._Event(q.start, q.end, quantity=q, raw=q.raw) for q in found if not P.STAGE_AFTER.match(sentence, q.end)]
    figures = C.Cover((e.start, e.end) for e in events)
    for m in C.PERCENT.finditer(sentence) if "%" in sentence else ():
        if not figures.holds(m.start()):
            events.append(C._Event(m.start(), m.end(), percent=float(m.group("num")), raw=m.group(0)))
    spans = [m.span() for m in C.YEAR_SPAN.finditer(sentence)]
    events = [e for e in events if not any(s <= e.start < t for s, t in spans)]
    return sorted(events, key=lambda e: e.start)


@pytest.mark.parametrize("sentence", SEGMENTS + ["1850个建制村通硬化路(2026-2030年)", "完成4所（2025—2027年）建设，完成率50%",
                                                 "新建绿道20公里(2026~2028年)，完成60%"])
def test_a_sentences_events_are_the_same_without_the_cover_and_year_spans_it_cannot_need(sentence):
    from extractors.numbers import find_quantities

    found = find_quantities(sentence, GAZ.units)
    assert C._events(sentence, found) == _events_as_before(sentence, found)


def test_a_cue_word_a_sentence_lacks_is_in_none_of_its_clauses():
    cues = GAZ.cues
    for sentence in TEXTS + ["征集意见建议980条，已办结960条", "去年完成改造300户，今年完成420户"]:
        for role in ("making", "past"):
            if cues.any_in(role, sentence) is None:
                assert all(cues.any_in(role, sentence[a:b]) is None
                           for a in range(len(sentence)) for b in range(a, len(sentence) + 1))


# ---- progress_in: sentences without a numeral, rates without a %, clauses opening with no place -----------------------

PROGRESS = ["全县新增城镇就业3200人，完成年度任务的88.6%。", "城关镇完成改造120户，完成率80%；河口乡完成95户，完成率76%。",
            "总体进展顺利。各项工作有序推进。", "去年完成改造300户，同比增长6%；今年已完成420户，完成率84%。",
            "新建幼儿园5所，已全部建成。其中城关镇3所。", "完成率分别为90%、75%。", "截至9月底，已完成投资2.4亿元，占年度计划的80%。",
            "已完成年度任务。", "城关镇、河口乡分别完成120户、95户，完成率分别为80%、76%。", "新增学位三千个，完成九成。"]


@pytest.mark.parametrize("text", PROGRESS + SEGMENTS[:20])
def test_progress_is_read_as_without_the_gates(monkeypatch, text):
    places = {"城关镇", "河口乡", "全县"}
    gated = repr(G.progress_in(text, GAZ, places, 3, text, []))
    monkeypatch.setattr(P, "NUMERAL", EVERYTHING)        # every sentence read, as before the pass
    monkeypatch.setattr(G, "LAST_YEAR_WORDS", ("",))     # every sentence's last-year clauses sought
    assert repr(G.progress_in(text, GAZ, places, 3, text, [])) == gated


def test_rates_are_only_written_with_a_percent():
    for text in TEXTS + PROGRESS:
        if "%" not in text:
            assert all(not getattr(P, name).search(text) for name in ("RATE_LIST", "RATE_OF_TARGET", "RATE_OF_WHOLE", "RATE"))


def _region_as_before(clause: str, places: set[str]) -> str | None:
    clause = clause.strip()
    hits = [name for name in places if clause.startswith(name)]
    if hits:
        return max(hits, key=len)
    m = P.REGION_HEAD.match(clause)
    return m.group("r") if m and m.group("r") in places else None


def test_a_clauses_place_is_found_as_before():
    places = {"城关镇", "城关", "河口乡", "全县", "秦州区", "秦州"}
    heads = tuple(places)
    for clause in ["城关镇完成120户", "城关完成", "河口乡、城关镇", "全县新增", "新增城关镇", "", "  城关镇", "秦州区竣工410户",
                   "其中，河口乡完成95户", "城关镇：完成"] + TEXTS[:300]:
        assert G._region_at(clause, places, heads) == _region_as_before(clause, places)


# ---- the wrap width: one pass over the widths ------------------------------------------------------------------------

def _wrap_width_as_before(paragraphs, measure):
    """wrapping._wrap_width before the pass."""
    widths = [measure(nt.original.rstrip()) for _, nt in paragraphs]
    wide = [w for w in widths if w >= W.MIN_WIDTH]
    if len(wide) < 5:
        return None
    counts = Counter(wide)
    best = max(counts, key=lambda w: (sum(counts[v] for v in range(w - W.SLACK, w + 1)), -w))
    full = [nt for (_, nt), w in zip(paragraphs, widths) if best - W.SLACK <= w <= best]
    mid = sum(1 for nt in full if not P.SENTENCE_END.search(nt.text))
    wider = sum(1 for w in widths if w > best)
    if len(full) < 5 or len(full) < 0.3 * len(wide) or mid < 0.5 * len(full) or wider > max(2, 0.05 * len(widths)):
        return None
    return best, measure, len(full)


def test_the_fullest_width_is_the_one_the_counter_chose():
    from extractors.normalize import normalize

    rng = random.Random(83)
    for _ in range(3000):
        widths = [rng.choice([20, 38, 40, 41, 42, 44, 46, 50, 60, 61, 62, 63, 64, 66, 70, 80])
                  for _ in range(rng.randint(3, 30))]
        lines = [(k + 1, normalize("新" * (w // 2) + ("a" if w % 2 else "") + rng.choice(["", "。", "  "])))
                 for k, w in enumerate(widths)]
        texts = [nt.original.rstrip() for _, nt in lines]
        for measure in W.MEASURES:
            assert W._wrap_width(lines, texts, measure) == _wrap_width_as_before(lines, measure)


# ---- the sentence reader passes over a segment without a numeral ----------------------------------------------------

PARAGRAPHS = ["城镇新增就业年度目标1800人，已实现新增就业1926人，完成率107%；农村危房改造年度任务2450户，已完成2100户。",
              "新建公办幼儿园。年度目标6所，已建成4所，完成率66.7%。各项工作有序推进。",
              "①城镇新增就业：完成4200人/5000人；②总体进展顺利；③新增养老床位100张，正在装修。",
              "城市更新：累计完成投资3.2亿元。老旧小区改造全面铺开（市住建局）。",
              "计划总投资3.26亿元。截至10月31日，累计完成投资2.48亿元，投资完成率76.1%。",
              "一、新建雨污管网26公里。截至9月底，已建成18.5公里。工程质量良好。",
              "进度滞后的项目有：农贸市场改造（完成率30%）、公共停车场建设（完成率25%）。",
              "城镇登记失业率控制在3.5%以内；工作稳步推进；新增学位三千个，已完成两千个。",
              "总体进展顺利，群众满意。", "二是新建农贸市场3个，已完工2个；三是加强督导。"]


def test_the_sentence_reader_gives_what_it_gave_reading_every_segment(monkeypatch):
    from extractors.normalize import normalize

    paragraphs = [(k + 1, normalize(text)) for k, text in enumerate(PARAGRAPHS)]
    gated = repr(I.projects_from_sentences(paragraphs, GAZ, {"城关镇"}, set()))
    monkeypatch.setattr(P, "NUMERAL", EVERYTHING)
    assert repr(I.projects_from_sentences(paragraphs, GAZ, {"城关镇"}, set())) == gated


# ---- a titled person: the titles first, the 总 before them looked behind ---------------------------------------------

TITLED_PERSON = re.compile(r"(?<!总)" + P.TITLES + r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=同志|[，。、；,;]|多次|强调|指出|要求|主持|表示"
                           r"|在|带队|率队|出席)(?![^，。；]{0,20}主持)")      # as before the pass


def test_titled_persons_are_found_as_before():
    rng = random.Random(84)
    pieces = ["总", "市长", "副市长", "县长", "常务副县长", "书记", "主任", "组长", "部长", "王", "李明", "张", "，", "主持",
              "在", "同志", "强调", "出席", " ", "总经理", "局长", "召开会议"]
    texts = ["副市长王立新多次强调", "总市长李明，", "县长刘振华在会上主持召开", "市委常委、组织部长张平出席会议",
             "由常务副县长李军同志带队"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    for text in texts:
        assert [(m.span(), m.groups()) for m in P.TITLED_PERSON.finditer(text)] == \
            [(m.span(), m.groups()) for m in TITLED_PERSON.finditer(text)], text
