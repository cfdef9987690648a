"""Numbers, units and text normalisation (batches 7–8): number words, units of measure, figures broken
by a PDF paste, date notations — each on a short snippet written here."""
import pytest

from extractors import extract
from extractors.numbers import find_quantities
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def figures(text: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.op) for q in find_quantities(text, GAZ.units)]


# ---- number words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("组织现场招聘会上百场。", [(100, "场", ">=")]),
    ("全年培训护理员3千名。", [(3000, "名", "=")]),
    ("新建区域性养老服务中心千余个。", [(1000, "个", "=")]),
    ("在东城区和西城区各新建两所公办幼儿园。", [(2, "所", "="), (2, "所", "=")]),
    ("为困难群众开展义诊数十万人次。", []),
    ("组织文艺演出下乡1万场次。", [(10000, "场次", "=")]),
    ("为农家书屋配送图书50万册。", [(500000, "册", "=")]),
    ("为12,000名老人发放补贴。", [(12000, "名", "=")]),
    ("新改建农村公路3千米。", [(3, "公里", "=")]),
    ("落实两项补贴政策，惠及困难群众。", []),
], ids=["shang-bai", "3-qian", "qian-yu", "liang-each", "shu-shi-wan", "changci", "ce", "thousands-sep",
        "qianmi-not-qian", "liang-xiang-name"])
def test_number_words(text, expected):
    assert [(v, u, o) for v, u, o in figures(text)] == expected
