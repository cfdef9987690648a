"""The ninth cost pass: patterns rewritten so the engine can skip to where they may match, gates before the
patterns and readers they skip, each held to what it replaces (on phrases written for these tests in the genre,
and on random strings of their pieces)."""
from __future__ import annotations

import random
import re

import pytest

from extractors import items
from extractors import patterns as P

# the patterns as they stood before the pass
OLD_FIELD = re.compile(
    r"(?P<key>牵头单位|牵头部门|责任单位|责任部门|主要责任单位|配合单位|协办单位|协助单位|参与单位|"
    r"配合部门|(?:责任|分管|主管|牵头|联系|包抓|督办|挂点|包保|包联)(?:市|县|区|州|省|盟)?领导|(?:市|县|区|州|省|盟)级领导|"
    r"(?:项目|主要)?责任人|完成时限|完成时间|时间节点|督办时限|办理时限|"
    r"(?<=[（(；;])\s*(?:牵头|协同|配合|时限))\s*[:：]\s*"
    r"(?P<val>(?:(?![，,][\u4e00-\u9fff]{2,8}[:：]|[ \t\u3000]+[\u4e00-\u9fff]{2,8}[:：])(?:[^；;。（(）)]|[（(][^（(）)]*[）)]))*)")
OLD_TARGET_SENT = re.compile(
    r"(?:年度目标|目标任务|年度任务|全年目标|任务目标|年度计划|计划(?!生育|单列)|目标(?=\s*\d)|(?:任务|目标)数(?=\s*\d)|"
    r"年度(?=新建|新增|改造|开工|建设|实施|完成|提供|发放|培训|解决|资助|救助|筛查|检查))"
    r"(?![\u4e00-\u9fff]{0,2}的|\d+(?:\.\d+)?\s*%)"
    r"(?:为|是|：|:)?")

FIELD_PHRASES = [
    "牵头单位：县教育局；配合单位：县财政局、县住建局",
    "分管领导：王某某 责任单位：区民政局",
    "（牵头：市卫健委；配合：各区县）",
    "（ 牵头：市卫健委）",
    "(\u3000时限：2023年底)",
    "；\xa0协同：市公安局",
    "主要责任人：李某，完成时限：6月底",
    "县级领导：张某  时间节点：10月底前",
    "包联市领导：赵某（副市长）",
    "项目责任人: 周某",
    "新建幼儿园3所，由县教育局牵头，年底前建成",
    "督办时限：9月30日。办理时限：即办",
    "配合部门：市交通局，牵头部门：市住建局",
]


def _random_texts(pieces: list[str], seed: int, count: int = 20000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def _found(rx, text: str, pos: int = 0) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text, pos)]


def test_space_characters_are_the_spaces_of_the_class():
    every = "".join(map(chr, range(0x110000)))
    assert P.SPACE_CHARACTERS == "".join(re.findall(r"\s", every))


def test_field_finds_what_it_found_before():
    pieces = ["牵头", "单位", "部门", "责任", "领导", "人", "主要", "项目", "市", "县", "级", "完成", "时限", "时间", "节点",
              "督办", "办理", "协同", "配合", "协办", "协助", "参与", "分管", "包联", "挂点", "（", "(", "）", "；", ";",
              "：", ":", " ", "\u3000", "\t", "\xa0", "，", "。", "王某", "、", "6月底"]
    for text in FIELD_PHRASES + _random_texts(pieces, 9):
        assert _found(P.FIELD.rx, text) == _found(OLD_FIELD, text), text
        assert _found(P.FIELD.rx, text, 2) == _found(OLD_FIELD, text, 2), text     # a look-behind before `pos`
        assert P.FIELD.rx.sub("", text) == OLD_FIELD.sub("", text)
        old, new = OLD_FIELD.match(text), P.FIELD.rx.match(text)
        assert (old and (old.span(), old.groupdict())) == (new and (new.span(), new.groupdict()))


def test_target_sentence_finds_what_it_found_before():
    pieces = ["年度", "目标", "任务", "计划", "全年", "数", "生育", "单列", "新建", "完成", "的", "为", "是", "：", ":",
              "3", "12.5", "%", " ", "，", "。", "幼儿园", "所"]
    phrases = ["年度目标为城镇新增就业3万人", "任务数 120户", "目标数12个", "完成年度目标的55%", "计划生育服务",
               "年度新建幼儿园4所", "目标：新建公园两处", "全年计划完成80%"]
    for text in phrases + _random_texts(pieces, 11):
        assert _found(P.TARGET_SENT, text) == _found(OLD_TARGET_SENT, text), text


@pytest.mark.parametrize("text", ["由副县长王某某负责", "由分管副市长李  东牵头", "。县政府副县长某某负责", "由省委常委、副省长某某督办",
                                  "收入增长6.5%，由县人社局负责", "区长张某某领办", "旗长某某牵头"])
def test_assigned_leader_gate_answers_as_the_pattern(text):
    def same(m):
        return m and (m.span(), m.groups())
    assert [same(m) for m in P.ASSIGNED_LEADER.finditer(text)] == [same(m) for m in P.ASSIGNED_LEADER.rx.finditer(text)]
    assert same(P.ASSIGNED_LEADER.search(text)) == same(P.ASSIGNED_LEADER.rx.search(text))


def test_assigned_leader_gate_on_random_strings():
    pieces = ["由", "副", "县", "市", "区", "旗", "长", "常务", "分管", "政府", "委常委", "、", "王某", "李", "负责", "牵头",
              "督办", "领办", "同志", "具体", "。", "，", " ", "增长"]
    for text in _random_texts(pieces, 13):
        assert [m.span() for m in P.ASSIGNED_LEADER.finditer(text)] == [m.span() for m in P.ASSIGNED_LEADER.rx.finditer(text)]


def test_every_section_label_holds_the_words_the_gate_asks_for():
    pieces = ["目标任务", "年度目标", "工作目标", "任务目标", "建设任务", "主要目标", "进展情况", "完成情况", "推进情况",
              "工作进展", "进度情况", "存在问题", "下步打算", "：", ":", "。", "；", " ", "新建", "5所", "\n"]
    for text in _random_texts(pieces, 17) + ["目标任务：新建幼儿园12所。进展情况：已建成5所。存在问题：尚有7所未开工。"]:
        for m in P.SECTION_LABEL.finditer(text):
            if m.group("target"):
                assert "目标" in m.group("target") or "任务" in m.group("target")
            if m.group("progress"):
                assert "情况" in m.group("progress") or "进展" in m.group("progress")


@pytest.mark.parametrize(("body", "sections"), [
    ("目标任务：新建幼儿园12所。进展情况：已建成5所，完成41.7%。存在问题：尚有7所未开工。",
     ("新建幼儿园12所。", "已建成5所，完成41.7%。")),
    ("年度目标：改造老旧小区30个；工作进展：开工26个", ("改造老旧小区30个；", "开工26个")),
    ("新建幼儿园12所，已建成5所", None),
    ("进展情况：已建成5所", None),
])
def test_sections_with_the_gate(body, sections):
    assert items._sections(body) == sections


def test_a_duty_field_begins_where_a_label_and_its_colon_stand():
    pieces = ["牵头", "单位", "部门", "责任", "领导", "人", "主要", "项目", "任务", "市", "县", "级", "负责", "配合", "协办", "协助",
              "参与", "分管", "包联", "挂点", "：", ":", " ", "\n", "，", "。", "；", "王某", "、"]
    phrases = ["牵头领导：林某 责任单位：市交通委 项目责任人：劳某 配合单位：市应急局、市市场监管局",
               "牵头单位主要负责人：张某；配合部门：县财政局", "分管县领导: 何某", "责任单位 ：各乡镇"]
    for text in phrases + _random_texts(pieces, 19, 40000):
        starts = [m.start() for m in P.DUTY_LABEL_AT.finditer(text)]
        for m in P.DUTY_FIELD.finditer(text):
            assert m.start() in starts, text
            assert P.DUTY_LABEL_AT.match(text, m.start())
        for pos in starts:           # and a field matches wherever a label stands
            assert P.DUTY_FIELD.match(text, pos) and P.DUTY_FIELD_ALONE.match(text, pos)


def test_duty_fields_are_the_fields_found_everywhere():
    from extractors.memo import forget
    from extractors.people import _duty_fields

    pieces = ["牵头", "单位", "责任", "领导", "人", "主要", "配合", "部门", "：", ":", " ", "，", "。", "王某", "县教育局"]
    forget()
    for text in _random_texts(pieces, 23, 5000):
        field = P.DUTY_FIELD_ALONE if text.count("：") + text.count(":") <= 1 else P.DUTY_FIELD
        assert [(m.span(), m.groupdict()) for m in _duty_fields(text)] == _found(field, text), text
    forget()


OLD_REPORT_LABELS = r"进展情况|工作进展|项目进展|目前进展|(?<![\u4e00-\u9fff])进展|推进情况|完成情况|落实情况|进度情况|实施进度"
OLD_CONTENT = re.compile(r"(?:督办内容|" + OLD_REPORT_LABELS + "|"
                         r"建设内容|工作内容|目标任务|主要任务|任务内容|建设规模|工作目标|主要内容|具体内容|实施内容|"
                         r"项目内容|建设地点|实施地点|实施范围|(?<![\u4e00-\u9fff])目标)\s*[:：]\s*")
OLD_REPORT_LABEL = re.compile(r"(?:" + OLD_REPORT_LABELS + r")\s*[:：]\s*")


def test_labels_looked_behind_from_their_end_find_what_they_found_before():
    pieces = ["进展", "目标", "情况", "任务", "工作", "项目", "年度", "建设", "内容", "：", ":", " ", "，", "。", "（", "1",
              "新建", "a", "\n"]
    phrases = ["目标：新建幼儿园4所", "年度目标：新建幼儿园4所", "进展：已建成11个", "工作进展：开工8个", "1.进展：完工",
               "（目标：3所）", "督办内容：年度新增停车泊位1500个"]
    for text in phrases + _random_texts(pieces, 29):
        for old, new in ((OLD_CONTENT, P.CONTENT.rx), (OLD_REPORT_LABEL, P.REPORT_LABEL.rx)):
            assert _found(new, text) == _found(old, text), text
            assert _found(new, text, 1) == _found(old, text, 1), text
            assert new.sub("", text) == old.sub("", text)
            assert bool(new.match(text)) == bool(old.match(text))


def test_trailing_words_are_dropped_as_the_pattern_drops_them():
    from extractors.people import _untrailed

    pieces = ["区住建局", "等", "单位", "部门", "（牵头）", "(配合)", "牵头", "负责", "配合", "协助", "（", "）", "位", "门", "\n",
              " ", "。", "县"]
    phrases = ["区住建局等单位", "区财政局（配合）", "区民政局牵头", "县教育局\n", "县教育局等\n", "", "\n"]
    for text in phrases + _random_texts(pieces, 31):
        assert _untrailed(text) == P.TRAILING.sub("", text), text


def test_a_task_is_dropped_only_from_a_name_ending_with_a_bracket():
    from extractors.people import _without_task

    suffixes = ["局", "委", "镇"]
    assert _without_task("市水务局（农村饮水安全）", suffixes) == "市水务局"
    assert _without_task("市林水局（水利）", suffixes) == "市林水局（水利）"
    assert _without_task("市水务局（市林业局）", suffixes) == "市水务局（市林业局）"
    pieces = ["市水务局", "（", "）", "(", ")", "农村饮水安全", "水利", "市林业局", "等", "镇", "\n"]
    for text in _random_texts(pieces, 37):
        m = P.ORG_WITH_TASK.fullmatch(text)
        assert m is None or text.endswith(("）", ")")), text     # what the gate asks of a name before the pattern


def test_rate_and_part_with_rate_find_what_they_found_before():
    old_rate = re.compile(P.RATE.rx.pattern.replace("进(?<![序时象间付位行出]进)度", "(?<![序时象间付位行出])进度"))
    old_part = re.compile(P.PART_WITH_RATE.rx.pattern.replace("(?:其中|；|;|，|,|。)", "(?:其中|[；;，,。])", 1))
    assert old_rate.pattern != P.RATE.rx.pattern and old_part.pattern != P.PART_WITH_RATE.rx.pattern
    pieces = ["进度", "序", "时", "形象", "工程", "完成", "其中", "；", "，", "。", ",", "甲地块", "(420套)", "（380套）", "为", "达",
              "85", "%", "已", " ", "率"]
    phrases = ["其中甲地块保障房(420套)目前完成工程量的80%", "；乙地块(380套)完成进度85%", "进度为60%", "时序进度70%",
               "形象进度达90%", "工程进度85%"]
    for text in phrases + _random_texts(pieces, 41):
        assert _found(P.RATE.rx, text) == _found(old_rate, text), text
        assert _found(P.RATE.rx, text, 1) == _found(old_rate, text, 1), text
        assert _found(P.PART_WITH_RATE.rx, text) == _found(old_part, text), text
