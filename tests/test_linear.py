"""Extraction is linear in its input: twice the text costs about twice the work, for every shape
a long document takes (many lines, one long line, a long 分别 list, many table rows, many headings).

Each shape is extracted at n and 2n in this process; the CPU time of each is the least of three
runs, and the ratio must stay under 3 (linear is 2, quadratic 4).  The time is this thread's own
(threads that earlier tests left running, such as a Prefect server's, must not be counted) with
the garbage collector held off, so that a collection the smaller run started is not paid by the
larger.  The sizes are chosen so that
the quadratic readers of the past were well over 3 (a line of 2,000 figures: ×3.3; 3,000 progress
lines: ×3.5; a 分别 list of 2,000 places: ×6).  The texts are written here, in the genre.
"""
from __future__ import annotations

import gc
import time

import pytest

from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()
REPORT = "关于2031年民生实事进展情况的通报\n\n"
PLAN = "关于印发2031年民生实事项目的通知\n\n"
NUMERALS = "一二三四五六七八九"


def progress_lines(n: int) -> str:
    """Lines that state a rate with no heading or item above them (a year of 通报 pasted together)."""
    return "".join(f"城东片区改造完成率{i % 90 + 5}%，城西片区完成率{i % 80 + 5}%。\n" for i in range(n))


def one_long_line(n: int) -> str:
    """A page's worth of figures on one line, each with its rate."""
    return REPORT + "，".join(f"某某街道改造老旧小区{i % 50 + 1}个完成率{i % 90 + 5}%" for i in range(n)) + "。\n"


def long_sentences(n: int) -> str:
    """One paragraph of many sentences, each a count and its rate."""
    return REPORT + "；".join(f"城东片区改造完成{i % 50 + 1}个，完成率{i % 90 + 5}%" for i in range(n)) + "。\n"


def fenbie_list(n: int) -> str:
    """甲、乙、丙…分别完成…，完成率分别为…: a 分别 list of n places."""
    return REPORT + "全市" + "、".join(f"第{i}片区" for i in range(n)) + "分别完成" + \
        "、".join(f"{i % 40 + 1}所" for i in range(n)) + "，完成率分别为" + \
        "、".join(f"{i % 40 + 50}%" for i in range(n)) + "。\n"


def table_rows(n: int) -> str:
    rows = "".join(f"{i + 1}\t新建幼儿园{i}\t新建{i % 40 + 1}所\t已完成{i % 30 + 1}所\t市教育局\n" for i in range(n))
    return REPORT + "序号\t项目名称\t目标任务\t完成情况\t责任单位\n" + rows


def headings(n: int) -> str:
    return REPORT + "".join(f"{NUMERALS[i % 9]}、第{i}项工作进展情况\n新建公园{i % 9 + 1}个，完成率{i % 80 + 10}%。由市住建局牵头。\n"
                            for i in range(n))


def plan_on_one_line(n: int) -> str:
    """A plan whose numbered items run on in one line, each naming its lead unit."""
    return PLAN + "".join(f"{i + 1}．新建社区养老服务站{i % 30 + 1}个，新增床位{i % 300 + 10}张（牵头单位：市民政局）"
                          for i in range(n)) + "\n"


def cpu(text: str) -> float:
    data = text.encode("utf-8")
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            t = time.thread_time()
            extract(read_bytes(data, "doubling.txt", "txt"), GAZ)
            best = min(best, time.thread_time() - t)
        finally:
            gc.enable()
    return best


SHAPES = [          # each about 0.15 s at n here: a shorter run is too noisy to halve (CI measured ×3.1 at 0.06 s)
    (progress_lines, 1500),
    (one_long_line, 1500),
    (long_sentences, 2000),
    (fenbie_list, 3000),
    (table_rows, 1800),
    (headings, 1000),
    (plan_on_one_line, 1200),
]


@pytest.mark.parametrize(("shape", "n"), SHAPES, ids=[s.__name__ for s, _ in SHAPES])
def test_twice_the_text_is_about_twice_the_work(shape, n):
    cpu(shape(50))                      # warm: regexes compiled, caches filled
    small, large = cpu(shape(n)), cpu(shape(2 * n))
    assert large / small < 3, f"{shape.__name__}: {n} → {2 * n}: {small:.2f} s → {large:.2f} s (×{large / small:.1f})"
