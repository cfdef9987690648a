"""A table flattened into a paragraph (a web page's table copied as text, one space between cells), and a
table whose regions are its columns, are read as summary tables: each region's target and figure done,
the unit and name from the figure stated before the grid, and the regions added up against the total.

Texts written here, in the genre; the places are invented or ordinary district names.
"""
from __future__ import annotations

import pytest

from extractors import extract
from extractors.grids import grids_in
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()
REPORT = "关于2031年民生实事项目1—6月进展情况的公示\n\n"
PLAN = "关于印发2031年民生实事项目的通知\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), "grid.txt", "txt"), GAZ)


def by_region(ex, name_part: str) -> dict:
    """region → (target, completed) of the projects whose name holds `name_part`."""
    out = {}
    for p in ex.projects:
        if name_part in p.name and p.targets:
            done = p.progress[0].completed.value if p.progress and p.progress[0].completed else None
            out[p.region] = (p.targets[0].value, p.targets[0].unit, done)
    return out


# regions as columns, a 合计 column, two measures: the second label of each is a bare role
COLUMNS_WITH_TOTAL = (
    "1.新开公交线路11条，调整线路18条。 责任领导：张某 牵头单位：市交通局 "
    "东城 西城、南城 北区 合计 新开线路年度任务 3 6 2 11 已完成 2 4 1 7 "
    "调整线路年度任务 6 9 3 18 已完成 7 4 0 11 2.新增停车泊位3000个。\n")
# the same grid, no total column: the stated figure is the sum of the cells
COLUMNS_NO_TOTAL = (
    "新开公交线路11条。 东城 西城 北区 新开线路年度任务 3 6 2 已完成 2 4 1。\n")
# regions as rows: a corner cell, then roles; the unit in the role's label
ROWS_OF_REGIONS = (
    "各区新增城镇就业情况： 地区 年度任务（人） 完成数（人） 完成率 "
    "东城区 3000 2400 80% 西城区 2000 1800 90% 北区 1000 500 50% 合计 6000 4700 78.3%。\n")


@pytest.mark.parametrize(("text", "name", "expected"), [
    (COLUMNS_WITH_TOTAL, "新开公交线路",
     {"东城": (3, "条", 2), "西城、南城": (6, "条", 4), "北区": (2, "条", 1), None: (11, "条", 7)}),
    (COLUMNS_WITH_TOTAL, "调整线路",
     {"东城": (6, "条", 7), "西城、南城": (9, "条", 4), "北区": (3, "条", 0), None: (18, "条", 11)}),
    (COLUMNS_NO_TOTAL, "新开公交线路", {"东城": (3, "条", 2), "西城": (6, "条", 4), "北区": (2, "条", 1)}),
    (ROWS_OF_REGIONS, "新增城镇就业",
     {"东城区": (3000, "人", 2400), "西城区": (2000, "人", 1800), "北区": (1000, "人", 500), None: (6000, "人", 4700)}),
], ids=["columns-with-total-first", "columns-with-total-second", "columns-no-total", "rows-of-regions"])
def test_a_flattened_grid_gives_each_region_its_target_and_figure_done(text, name, expected):
    ex = run(REPORT + text)
    assert by_region(ex, name) == expected
    assert not [f for f in ex.flags if f.severity == "error"]


def test_the_stated_figures_are_not_read_twice_and_the_next_item_is_a_task():
    ex = run(REPORT + COLUMNS_WITH_TOTAL)
    totals = [p for p in ex.projects for t in p.targets if (t.value, t.unit) == (11, "条")]
    assert len(totals) == 1 and totals[0].region is None
    parking = [p for p in ex.projects if "停车泊位" in p.name]
    assert [(t.value, t.unit) for p in parking for t in p.targets] == [(3000, "个")]
    assert not any(g.completed and g.completed.value == 3000 for p in ex.projects for g in p.progress)


@pytest.mark.parametrize(("wrong", "right"), [("3 6 2 11", "3 7 2 11"), ("2 4 1 7", "2 4 2 7")])
def test_a_region_that_does_not_add_up_to_the_total_is_flagged(wrong, right):
    ex = run(REPORT + COLUMNS_WITH_TOTAL.replace(wrong, right, 1))
    assert [f.code for f in ex.flags if f.severity == "error"] == ["SUM_MISMATCH"]


def test_a_plan_grid_of_measures_alone_states_targets():
    ex = run(PLAN + "新建社区食堂12个。 东城 西城 北区 合计 社区食堂 5 4 3 12。\n")
    assert by_region(ex, "社区食堂") == {"东城": (5, "个", None), "西城": (4, "个", None), "北区": (3, "个", None),
                                         None: (12, "个", None)}


@pytest.mark.parametrize("text", [
    "联系电话 0731 8888 6666 传真 0731 8888 7777。",                 # numbers, but no header of regions or roles
    "2029年 2030年 2031年 分别新增 3 4 5 所。",
    "新建学校 3 所、幼儿园 4 所。",
    "东城 西城 北区 新建线路 2 5 实际完成 1 2 0。",                     # rows of unequal length
])
def test_text_that_is_no_grid_gives_no_region_a_figure(text):
    assert not [p for p in run(REPORT + text + "\n").projects if p.region]


@pytest.mark.parametrize(("text", "header", "rows"), [
    ("甲 乙 丙 目标 1 2 3 完成 0 1 —", ["甲", "乙", "丙"], [("目标", ["1", "2", "3"]), ("完成", ["0", "1", ""])]),
    ("地区 任务 完成 东城 10 8 西城 6 6", ["任务", "完成"],
     [("东城", ["10", "8"]), ("西城", ["6", "6"])]),
    ("合计 目标 3 4 5 6.新建公园2个", None, None),       # 6.新建… ends the row: three cells under no three names
])
def test_grids_are_found_with_their_header_and_rows(text, header, rows):
    found = grids_in(text)
    if header is None:
        assert not found
    else:
        assert [(g.header, g.rows) for g in found] == [(header, rows)]


ACROSS_REPORT = (REPORT + "一、新建公交线路12条。责任单位：市交通局\n各区完成情况如下：\n"
                 "指标\t东城区\t西城区\t北区\t合计\n年度目标（条）\t4\t5\t3\t12\n实际完成（条）\t3\t2\t3\t8\n"
                 "完成率\t75%\t40%\t100%\t66.7%\n")
ACROSS_PLAN = (PLAN + "各区任务分解如下：\n项目\t东城区\t西城区\t北区\t合计\n"
               "新建幼儿园（所）\t2\t3\t1\t6\n新增学位（个）\t540\t810\t270\t1620\n")


@pytest.mark.parametrize(("text", "name", "expected"), [
    (ACROSS_REPORT, "新建公交线路",
     {"东城区": (4, "条", 3), "西城区": (5, "条", 2), "北区": (3, "条", 3), None: (12, "条", 8)}),
    (ACROSS_PLAN, "新建幼儿园", {"东城区": (2, "所", None), "西城区": (3, "所", None), "北区": (1, "所", None),
                                None: (6, "所", None)}),
    (ACROSS_PLAN, "新增学位", {"东城区": (540, "个", None), "西城区": (810, "个", None), "北区": (270, "个", None),
                              None: (1620, "个", None)}),
], ids=["report-task-stated-above", "plan-first-row", "plan-second-row"])
def test_a_table_whose_regions_are_its_columns(text, name, expected):
    ex = run(text)
    assert by_region(ex, name) == expected
    assert not [f for f in ex.flags if f.severity == "error"]


def test_the_task_stated_above_the_table_is_its_total_not_a_second_project():
    ex = run(ACROSS_REPORT)
    totals = [p for p in ex.projects if p.region is None and p.targets]
    assert [(p.name, p.targets[0].value, p.lead_units) for p in totals] == [("新建公交线路", 12, ["市交通局"])]
    assert sorted(g.rate for p in ex.projects for g in p.progress) == [40, 66.7, 75, 100]


def test_a_region_column_that_does_not_add_up_is_flagged():
    ex = run(ACROSS_PLAN.replace("270\t1620", "270\t1600"))
    assert [f.code for f in ex.flags if f.severity == "error"] == ["SUM_MISMATCH"]
