"""Extraction rules of batch 7 on small documents built here: what a user relies on, one phenomenon a test."""
import pytest

from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()

PROGRESS_HEAD = "某县人民政府办公室关于2023年十件民生实事1—9月进展情况的通报\n\n"


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def sum_flags(result) -> list[tuple[float, float]]:
    return [(f.expected, f.found) for f in result.flags if f.code == "SUM_MISMATCH"]


# ---- a figure written roughly: the target's op is the word's bound ---------------------------

PLAN_HEAD = "某县人民政府关于印发2023年十件民生实事实施方案的通知\n\n"


@pytest.mark.parametrize("item, want", [
    ("培训农民工1.5万余名", (15000.0, "名", ">=", "1.5万余名")),
    ("新建改造农村公路逾8000公里", (8000.0, "公里", ">=", "逾8000公里")),
    ("改造农村户厕3000多户", (3000.0, "户", ">=", "3000多户")),
    ("新增养老床位超1000张", (1000.0, "张", ">=", "超1000张")),
    ("惠及群众近300万人", (3000000.0, "人", "<=", "近300万人")),
    ("解决不足300户群众饮水问题", (300.0, "户", "<=", "不足300户")),
    ("新增养老床位约500张", (500.0, "张", "=", "约500张")),
    ("改造农村危房3000余户以上", (3000.0, "户", ">=", "3000余户")),
], ids=["yu-after", "yu-before", "duo", "chao", "jin", "buzu", "yue", "stated-bound-wins"])
def test_a_rough_target_takes_the_bound_of_its_word(item, want):
    r = run(PLAN_HEAD + f"一、民生实事。{item}。（县人社局）\n")
    assert [(t.value, t.unit, t.op, t.raw) for p in r.projects for t in p.targets] == [want]
