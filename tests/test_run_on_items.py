"""Numbered items that run on in one line (a web page's list copied as a single paragraph) are read as
items of their own: each its task, its fields and its progress, not the first item holding them all.

Texts written here, in the genre.
"""
from __future__ import annotations

import pytest

from extractors import extract
from extractors.items import run_on_items
from extractors.normalize import normalize
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()
PLAN = "关于印发2031年民生实事项目的通知\n\n"
REPORT = "关于2031年民生实事项目进展情况的通报\n\n"


def projects(head: str, line: str) -> list[tuple]:
    ex = extract(read_bytes((head + line + "\n").encode("utf-8"), "items.txt", "txt"), GAZ)
    return [(p.name, [(t.value, t.unit) for t in p.targets],
             [g.completed.value for g in p.progress if g.completed], p.leaders, p.lead_units)
            for p in ex.projects if p.targets or p.progress]


@pytest.mark.parametrize(("head", "line", "expected"), [
    (PLAN, ("1．新建社区养老服务站5个，新增床位40张（牵头单位：市民政局）2．新建社区食堂3个（牵头单位：市商务局）"
            "3．改造背街小巷2公里（牵头单位：市住建局）"),
     [("新建社区养老服务站5个，新增床位40张", [(5, "个"), (40, "张")], [], [], ["市民政局"]),
      ("新建社区食堂", [(3, "个")], [], [], ["市商务局"]),
      ("改造背街小巷", [(2, "公里")], [], [], ["市住建局"])]),
    (REPORT, ("1.新建公交线路8条。牵头领导：张某 责任单位：市交通局 实际完成情况：已开通3条。 "
              "2.新增停车泊位3000个。牵头领导：李某 责任单位：市公安局 实际完成情况：已建成1200个。 "
              "3.改造背街小巷2公里。责任单位：市住建局 实际完成情况：已完成1.5公里。"),
     [("新建公交线路", [(8, "条")], [3], ["张某"], ["市交通局"]),
      ("新增停车泊位", [(3000, "个")], [1200], ["李某"], ["市公安局"]),
      ("改造背街小巷", [(2, "公里")], [1.5], [], ["市住建局"])]),
    (PLAN, "今年安排实事3件。 1、新建幼儿园4所（市教育局） 2、新增公交车50辆（市交通局） 3、改造农贸市场6个（市商务局）",
     [("新建幼儿园", [(4, "所")], [], [], ["市教育局"]),
      ("新增公交车", [(50, "辆")], [], [], ["市交通局"]),
      ("改造农贸市场", [(6, "个")], [], [], ["市商务局"])]),
    (REPORT, ("（1）新建公交线路8条，已开通5条（牵头单位：市交通局）（2）新增停车泊位3000个，已建成1200个"
              "（牵头单位：市公安局）（3）改造背街小巷20公里，已完成15公里（牵头单位：市住建局）"),
     [("新建公交线路", [(8, "条")], [5], [], ["市交通局"]),
      ("新增停车泊位", [(3000, "个")], [1200], [], ["市公安局"]),
      ("改造背街小巷", [(20, "公里")], [15], [], ["市住建局"])]),
], ids=["plan-bracketed-units", "report-with-fields", "after-an-opening", "bracketed-numbers"])
def test_items_that_run_on_in_one_line_are_read_one_by_one(head, line, expected):
    assert projects(head, line) == expected


@pytest.mark.parametrize(("text", "pieces"), [
    ("1.甲 2.乙 3.丙", ["1.甲", "2.乙", "3.丙"]),
    ("开头。1、甲；2、乙", ["开头。", "1、甲；", "2、乙"]),
    ("改造1、2号楼和3、4号楼", ["改造1、2号楼和3、4号楼"]),        # numbers inside a phrase: no space or stop before them
    ("完成1.5公里 2.3万人", ["完成1.5公里 2.3万人"]),               # decimals, not items
    ("1.甲 3.丙", ["1.甲 3.丙"]),                                    # numbers that do not count on
    ("5.甲。 6.乙", ["5.甲。", "6.乙"]),
    ("（一）甲；（二）乙；（三）丙", ["（一）甲；", "（二）乙；", "（三）丙"]),
    ("见附件（1）和附件（2）", ["见附件（1）和附件（2）"]),            # references, not items: no stop before them
    ("1.甲（1）子项（2）子项 2.乙", ["1.甲（1）子项（2）子项", "2.乙"]),   # the longer run of one style is cut
])
def test_a_line_is_cut_where_its_item_numbers_count_on(text, pieces):
    nt = normalize(text)
    cut = run_on_items([(1, nt)])
    assert [p.text for _, p in cut] == [normalize(x).text for x in pieces]
    assert all(ln == 1 for ln, _ in cut)
    assert [p.original for _, p in cut] == pieces       # each piece points at its own words


def test_a_unit_field_ends_where_a_flattened_table_begins():
    line = ("1.新开公交线路11条。牵头领导：张某 责任单位：市交通局 配合单位：市规划局、市财政局，各县政府 "
            "东城 西城 北区 合计 线路年度任务 3 6 2 11 已完成 2 4 1 7 2.新增停车泊位3000个。责任单位：市公安局")
    ex = extract(read_bytes((REPORT + line + "\n").encode("utf-8"), "items.txt", "txt"), GAZ)
    units = {u for p in ex.projects for u in p.lead_units + p.partner_units}
    assert units == {"市交通局", "市规划局", "市财政局", "市公安局"}
