"""A progress report whose lines were cut at one width (copied out of a PDF, folded by an archive or a
chat window) reads as the same report unwrapped: a figure or a name cut by the fold is whole again.
The fold is measured in screen columns (a PDF's printed line) or in characters (a fixed-width
archive); a text of one paragraph a line is left as it is.  The documents are our own, in the genre."""
import pytest
from extract_helpers import completed, run, targets

HEAD = "某县2026年民生实事项目1-10月进展情况\n\n"
BODY = ("截至10月底，全县各项民生实事推进有序，大多数已赶上或跑赢时间进度，具体情况如下。"
        "城乡居民增收方面，全年计划新增城镇就业2800人，已新增城镇就业2316人，完成年度任务的82.7%；"
        "计划开展职业技能培训1500人次，已培训1342人次。教育提升方面，计划新建改扩建公办幼儿园6所，"
        "已建成4所，其余2所正在进行室内装修；计划新增公办学位2400个，已新增1980个。医疗卫生方面，"
        "计划为65岁以上老年人免费体检21000人，已体检17850人，完成年度任务的85%。")
TASKS = [(2800.0, "人"), (1500.0, "人次"), (6.0, "所"), (2400.0, "个"), (21000.0, "人")]
DONE = [(2316.0, "人"), (1342.0, "人次"), (4.0, "所"), (1980.0, "个"), (17850.0, "人")]


def by_characters(text: str, n: int) -> str:
    return "\n".join(text[i:i + n] for i in range(0, len(text), n))


def by_columns(text: str, n: int) -> str:
    lines, line, used = [], "", 0
    for ch in text:
        w = 2 if ord(ch) > 0x2E80 else 1
        if used + w > n:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return "\n".join(lines + [line])


def facts(text: str):
    r = run(HEAD + text + "\n")
    return sorted(targets(r)), sorted(completed(r))


@pytest.mark.parametrize("fold", [
    lambda t: by_characters(t, 33), lambda t: by_characters(t, 41),
    lambda t: by_columns(t, 64), lambda t: by_columns(t, 78),
], ids=["33-characters", "41-characters", "64-columns", "78-columns"])
def test_a_folded_report_reads_as_the_unfolded_one(fold):
    folded = fold(BODY)
    assert folded.count("\n") >= 4            # the fold cuts figures: 2316 may fall across two lines
    assert facts(folded) == facts(BODY) == (sorted(TASKS), sorted(DONE))


def test_lines_that_are_paragraphs_stay_apart():
    # each line its own item, several of them of one length by chance: no fold, nothing joined
    lines = ["一、新建公办幼儿园6所，已建成4所。", "二、新增公办学位2400个，已新增1980个。",
             "三、改造农村公路80公里，已完工72公里。", "四、新建公共厕所40座，已建成31座。"]
    assert facts("\n".join(lines)) == (sorted([(6.0, "所"), (2400.0, "个"), (80.0, "公里"), (40.0, "座")]),
                                       sorted([(4.0, "所"), (1980.0, "个"), (72.0, "公里"), (31.0, "座")]))


@pytest.mark.parametrize("text, want", [
    ("1.新增城镇就业。年度目标3200人，截至9月底完成2870人，完成率89.\n7%。\n", (2870.0, 89.7)),
    ("1.棚户区改造。年度任务3000户，今年已改造26\n00户，完成86.7%。\n", (2600.0, 86.7)),
], ids=["cut-after-the-point", "cut-inside-the-digits"])
def test_a_figure_cut_by_a_fold_in_a_text_of_short_lines(text, want):
    # one folded line among short ones shows no common width, but no line of its own ends inside a figure
    r = run("某县2026年民生实事项目1-9月进展情况\n\n" + text)
    assert [(g.completed.value, g.rate) for p in r.projects for g in p.progress if g.completed] == [want]
