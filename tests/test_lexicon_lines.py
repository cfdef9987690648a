"""Every alias of the project-type lexicon (gazetteer/project_types.yaml) written into the shapes plans and reports
take, ten to a document: each line's task (or count done) is read, whatever words the alias brings with it.  A
word inside a name once switched a whole document's reading (全年中小河流治理 holds 年中, mid-year: the plan was
read as a report and lost every target; 医共体 holds 共, a total)."""
import random

import pytest
import yaml
from extract_helpers import GAZ, run

from extractors.normalize import KEPT_AS_WRITTEN, simplify
from extractors.people import _lexicon
from gazetteer.types import DEFAULT_PATH

TYPES = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
UNIT = {"persons": "人", "person_times": "人次", "households": "户", "km": "公里", "area": "平方米",
        "beds": "张", "places": "个", "facilities": "个", "villages": "个", "other": "个"}
# (an alias holding a figure, 10kv, is a figure of its own in a line)
ALIASES = [(t["family"], a) for t in TYPES for a in t.get("aliases", []) if t["family"] in UNIT
           and not any(ch.isdigit() for ch in a)]
NUMERALS = "一二三四五六七八九十"
PLAN = "某县2026年民生实事项目\n\n"
REPORT = "某县2026年民生实事项目1-9月进展情况\n\n"

# (the document's head, one line's template, what is read: the task "t" or the count done "c", lines joined by)
SHAPES = {
    "plan-line": (PLAN, "{k}.{a}{n}{u}。", "t", "\n"),
    "plan-label-then-task": (PLAN, "{k}.{a}：全年{a}{n}{u}。", "t", "\n"),
    "plan-unit-in-brackets": (PLAN, "（{kc}）{a}{n}{u}（县发改局）", "t", "\n"),
    "plan-heading-then-fields": (PLAN, "{kc}、{a}。{a}{n}{u}，牵头单位：县发改局。", "t", "\n"),
    "report-task-done-rate": (REPORT, "{k}.{a}{n}{u}，已完成{d}{u}，完成率{r}%。", "c", "\n"),
    "report-plan-then-as-of": (REPORT, "{k}.{a}。全年计划{n}{u}，截至9月底完成{d}{u}。", "c", "\n"),
    "report-task-sentence-then-report": (REPORT, "{k}.{a}{n}{u}。截至9月底，已完成{d}{u}。", "c", "\n"),
    "report-label-and-share-of-target": (REPORT, "{k}、{a}：目标任务{n}{u}，完成{d}{u}，占年度目标的{r}%。", "c", "\n"),
    "report-clauses-in-one-paragraph": (REPORT, "{a}年度任务{n}{u}，已完成{d}{u}，完成{r}%；", "c", ""),
    "report-table-rows": (REPORT + "| 序号 | 项目 | 年度目标 | 完成 | 完成率 |\n", "| {k} | {a} | {n}{u} | {d}{u} | {r}% |", "c", "\n"),
}


def ten_lines(template: str, chunk: list, rng: random.Random, off: int = 0) -> tuple[list[str], list[tuple]]:
    """The lines of a document, one alias a line in `template`, each with a task and a count done drawn from `rng`
    and the rate they make (the `off`-th line's written 7 points off); and each line's (task, count done)."""
    lines, figures = [], []
    for k, (family, alias) in enumerate(chunk, 1):
        n = rng.randint(100, 900)
        d = rng.randint(10, n - 1)
        rate = 100 * d / n + (7 if k == off else 0)
        lines.append(template.format(k=k, kc=NUMERALS[k - 1], a=alias, n=n, d=d, u=UNIT[family], r=f"{rate:.1f}"))
        figures.append((float(n), float(d)))
    return lines, figures


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_alias_is_read_in_the_shape(shape):
    head, template, read, join = SHAPES[shape]
    rng = random.Random(shape)
    missed, alarms = [], []
    for i in range(0, len(ALIASES), 10):
        lines, figures = ten_lines(template, ALIASES[i:i + 10], rng)
        want = [n if read == "t" else d for n, d in figures]
        r = run(head + join.join(lines) + "\n")
        got = {t.value for p in r.projects for t in p.targets} if read == "t" else \
            {g.completed.value for p in r.projects for g in p.progress if g.completed}
        missed += [line for line, v in zip(lines, want) if v not in got]
        alarms += [f.message for f in r.flags if f.severity == "error"]     # every rate written agrees with its figures
    assert missed == []
    assert alarms == []


DEPARTMENTS = list(_lexicon("departments.tsv"))
UNIT_SHAPES = {
    "fields": ("", "{k}.新建幼儿园{n}所。牵头单位：县{d}；配合单位：县{e}。"),
    "roles-in-brackets": ("", "{k}.新建幼儿园{n}所（县{d}牵头，县{e}配合）"),
    "unit-in-brackets-after-the-stop": ("", "{k}.新建幼儿园{n}所。（县{d}）"),
    "table-rows": ("| 序号 | 项目 | 目标任务 | 牵头单位 | 配合单位 |\n", "| {k} | 新建幼儿园 | {n}所 | 县{d} | 县{e} |"),
    "charged-with": ("", "{k}.新建幼儿园{n}所，由县{d}负责。"),
}


@pytest.mark.parametrize("shape", sorted(UNIT_SHAPES))
def test_every_department_is_read_as_the_lead_unit(shape):
    header, template = UNIT_SHAPES[shape]
    rng = random.Random(shape)
    missed = []
    for i in range(0, len(DEPARTMENTS), 8):
        chunk = DEPARTMENTS[i:i + 8]
        lines = [template.format(k=k, n=10 + k, d=d, e=rng.choice(DEPARTMENTS)) for k, d in enumerate(chunk, 1)]
        r = run(PLAN + header + "\n".join(lines) + "\n")
        got = {u for p in r.projects for u in p.lead_units}
        missed += ["县" + d for d in chunk if "县" + d not in got]
    assert missed == []


SURNAMES = list(_lexicon("surnames.tsv"))
GIVEN = "建国海涛丽华明军志强红梅晓东卫国秀英栋立新文博子涵欣怡浩然宇轩思远雪春燕玉兰德胜"
LEADER_SHAPES = {
    "field": ("", "{k}.新建幼儿园{n}所。责任领导：{p}；牵头单位：县教育局。"),
    "title-after-the-name": ("", "{k}.新建幼儿园{n}所。牵头领导：{p}副县长；牵头单位：县教育局。"),
    "title-before-the-name": ("", "{k}.新建幼儿园{n}所，由副县长{p}负责，县教育局牵头。"),
    "table-rows": ("| 序号 | 项目 | 目标任务 | 责任领导 | 牵头单位 |\n", "| {k} | 新建幼儿园 | {n}所 | {p} | 县教育局 |"),
}


@pytest.mark.parametrize("shape", sorted(LEADER_SHAPES))
def test_every_surname_is_read_in_a_leaders_name(shape):
    # one or two given characters after each surname, compound ones (欧阳) too; names are given simplified (於 → 于)
    header, template = LEADER_SHAPES[shape]
    rng = random.Random(shape)
    missed = []
    for i in range(0, len(SURNAMES), 8):
        people = [s + "".join(rng.sample(GIVEN, rng.choice((1, 2)))) for s in SURNAMES[i:i + 8]]
        lines = [template.format(k=k, n=10 + k, p=p) for k, p in enumerate(people, 1)]
        r = run(PLAN + header + "\n".join(lines) + "\n")
        got = {x for p in r.projects for x in p.leaders}
        missed += [p for p in people if simplify(p) not in got]
    assert missed == []


@pytest.mark.parametrize("shape", ["report-task-done-rate", "report-label-and-share-of-target", "report-table-rows"])
def test_a_rate_perturbed_in_one_line_is_flagged(shape):
    # ten projects a document, one of them with its rate written 7 points off: that one is named
    head, template, _, join = SHAPES[shape]
    rng = random.Random(shape)
    unflagged = []
    for i in range(0, len(ALIASES), 10):
        chunk = ALIASES[i:i + 10]
        wrong = rng.randint(1, len(chunk))
        lines, _ = ten_lines(template, chunk, rng, off=wrong)
        flagged = [f for f in run(head + join.join(lines) + "\n").flags if f.code == "RATE_MISMATCH"]
        if len(flagged) != 1:
            unflagged.append((lines[wrong - 1], [f.message for f in flagged]))
    assert unflagged == []


def test_a_division_named_in_the_title_is_the_region():
    # every name the table holds once (a name two places share needs more than a title), 400 of them drawn at
    # random and every one holding a character the traditional-to-simplified table would have renamed (乾县)
    names: dict[str, list[str]] = {}
    for d in GAZ.divisions.values():
        names.setdefault(d.name, []).append(d.code)
    once = sorted((name, codes[0]) for name, codes in names.items() if len(codes) == 1 and name[-1] in "省市州县区旗盟")
    touched = [(n, c) for n, c in once if KEPT_AS_WRITTEN.intersection(n)]
    chosen = random.Random(5).sample([x for x in once if len(x[0]) >= 3], 400) + touched
    wrong = []
    for name, code in chosen:
        region = run(name + "2026年民生实事项目\n\n1.新建幼儿园3所。\n").document.region
        if region is None or region.code != code:
            wrong.append((name, region.name if region else None))
    assert touched and wrong == []
