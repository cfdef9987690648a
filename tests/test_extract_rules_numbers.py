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


# ---- units of measure and changes of a standard --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("燃气普及率提高3个百分点。", [(3, "个百分点", "=")]),
    ("保证学校教室温度不低于20℃。", [(20, "℃", ">=")]),
    ("高龄津贴和护理补贴标准均提高到每人每月100元。", [(100, "元/人/月", "="), (100, "元/人/月", "=")]),
    ("特困人员供养标准由每人每月500元提高到560元。", [(500, "元/人/月", "="), (560, "元/人/月", "=")]),
], ids=["percentage-points", "celsius", "jun-two-standards", "new-standard-takes-unit"])
def test_units(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("特困人员供养标准由每人每月500元提高到560元。", [(560, "元/人/月")]),
    ("城乡低保标准提高到每人每月不低于700元、每人每年不低于6000元，比上年分别提高50元和200元。",
     [(700, "元/人/月"), (6000, "元/人/年")]),
    ("每人每月提高20元。", []),
    ("提升5.2万农村人口供水保障水平，增加学位3000个。", [(52000, "人"), (3000, "个")]),
], ids=["old-standard-dropped", "increases-dropped", "bare-increase", "growth-words-are-not-increases"])
def test_changes_are_not_targets(text, expected):
    from extractors.numbers import target_figures

    assert [(q.value, q.unit) for q in target_figures(text, find_quantities(text, GAZ.units))] == expected


def test_points_and_level_of_one_indicator_are_two_targets():
    from extractors.numbers import percent_targets

    text = "城区集中供热普及率提高2个百分点、达到95%。"
    assert figures(text) == [(2, "个百分点", "=")]
    assert [(q.value, q.unit) for q in percent_targets(text)] == [(95, "%")]
