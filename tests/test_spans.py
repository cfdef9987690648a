"""The look-ups that keep extraction linear answer as the scans they replace."""
from __future__ import annotations

import random

import pytest

from extractors import _Names
from extractors.records import Evidence, Project
from extractors.spans import Cover, last_mark, next_mark
from extractors.taxonomy import _candidates, normalize
from gazetteer import load

TEXTS = [
    ("a comma before", "新建幼儿园3所，改造老旧小区12个", "，、"),
    ("no mark at all", "新建幼儿园3所", "：:"),
    ("marks at both ends", "，甲、乙，", "，、"),
    ("brackets", "完成7所（其中新建3所、改扩建4所）。", "（()）"),
]


@pytest.mark.parametrize(("text", "chars"), [(t, c) for _, t, c in TEXTS], ids=[i for i, _, _ in TEXTS])
def test_marks_answer_as_rfind_and_find(text, chars):
    for pos in range(len(text) + 1):
        assert last_mark(text, pos, chars) == max(text.rfind(ch, 0, pos) for ch in chars)
        found = [i for i in (text.find(ch, pos) for ch in chars) if i >= 0]
        assert next_mark(text, pos, chars) == (min(found) if found else -1)


SPANS = [
    ("apart", [(0, 2), (5, 9)]),
    ("overlapping", [(3, 8), (1, 4), (7, 10)]),
    ("touching", [(0, 3), (3, 5)]),
    ("empty and none", [(4, 4)]),
]


@pytest.mark.parametrize("spans", [s for _, s in SPANS], ids=[i for i, _ in SPANS])
def test_cover_holds_what_any_span_holds(spans):
    cover = Cover(spans)
    for pos in range(-1, 12):
        assert cover.holds(pos) == any(a <= pos < b for a, b in spans)


def _scan(text: str, projects: list[Project]) -> Project | None:
    """The scan _Names replaces: the longest run (4 to 12 characters) shared with the text, first on a tie."""
    best, best_len = None, 3
    for p in projects:
        name = p.name.replace("“", "").replace("”", "")
        for size in range(min(len(name), 12), best_len, -1):
            if any(name[i:i + size] in text for i in range(len(name) - size + 1)):
                best, best_len = p, size
                break
    return best


def test_names_index_finds_the_project_the_scan_finds():
    rng = random.Random(7)
    words = ["新建幼儿园", "改造老旧小区", "城乡低保标准", "农村公路建设", "“两癌”免费筛查", "公共停车泊位", "养老服务床位"]
    projects = [Project(name=rng.choice(words) + rng.choice(["", "项目", "工程"]), evidence=Evidence(text="", line=k))
                for k in range(20)]
    index = _Names(projects)
    for _ in range(300):
        text = "".join(rng.choice(words)[rng.randrange(3):] for _ in range(3))
        assert index.best(text) is _scan(text, projects)


def test_types_picked_by_first_characters_match_as_every_type():
    types = load().project_types
    rng = random.Random(3)
    words = [a for t in types for a in t.aliases] + ["新增", "完成", "建设", "提高", "标准", "（人均）"]
    for _ in range(500):
        text = normalize("".join(rng.choice(words) for _ in range(rng.randint(1, 4))))
        every = {t.id: span for t in types if (span := t.match(text)) is not None}
        assert _candidates(text, types) == every
