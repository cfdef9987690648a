"""Batch 6 habits on small documents built here: bare-month deadlines, role labels inside a unit cell,
a leader's post in brackets, a one-header-row summary table with several project groups."""
import pytest

from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PLAN_HEAD = "某区人民政府办公室关于印发2020年为民办实事项目计划的通知\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


# ---- a one-header-row summary table with several project groups and a total row last -----

SUMMARY = (
    "某市2012年为民办实事主要指标完成情况汇总表\n\n"
    "县区\t就业任务（人）\t就业完成（人）\t就业完成率（%）\t危房改造任务（户）\t危房改造完成（户）\t危房改造完成率（%）\n"
    "甲县\t4200\t4158\t99.00\t—\t—\t—\n"
    "乙县\t2600\t2431\t93.50\t2800\t2604\t93.00\n"
    "丙县\t1200\t1050\t87.50\t1080\t1026\t95.00\n"
    "{total}\t8000\t7639\t95.49\t3880\t3630\t93.56\n")


@pytest.mark.parametrize("total", ["全市合计", "合计", "总计"], ids=["city-total", "total", "grand-total"])
def test_summary_table_with_groups_in_one_header_row(total):
    got = [(p.name, p.region, p.targets[0].value, p.targets[0].unit, p.progress[0].completed.value, p.progress[0].rate)
           for p in run(SUMMARY.format(total=total)).projects if p.targets]
    assert got == [
        ("就业", "甲县", 4200, "人", 4158, 99.0), ("就业", "乙县", 2600, "人", 2431, 93.5),
        ("就业", "丙县", 1200, "人", 1050, 87.5), ("就业", None, 8000, "人", 7639, 95.49),
        ("危房改造", "乙县", 2800, "户", 2604, 93.0), ("危房改造", "丙县", 1080, "户", 1026, 95.0),
        ("危房改造", None, 3880, "户", 3630, 93.56)]
