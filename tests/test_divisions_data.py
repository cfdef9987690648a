"""Sanity checks on gazetteer/divisions.tsv and gazetteer/division_renames.tsv (data only).

Read with the csv module on purpose: these tests hold the data to account independently
of the loader in gazetteer/__init__.py.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parents[1] / "gazetteer"


def _read(name: str) -> list[dict]:
    with open(GAZ / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _read("divisions.tsv")


@pytest.fixture(scope="module")
def by_code(rows) -> dict[str, dict]:
    return {r["code"]: r for r in rows}


def test_header(rows):
    assert list(rows[0].keys()) == ["code", "name", "level", "parent", "short"]


def test_hunan_xiangxi_jishou(by_code):
    assert by_code["430000"]["name"] == "湖南省"
    assert by_code["430000"]["level"] == "province"
    assert by_code["430000"]["parent"] == ""
    xx = by_code["433100"]
    assert (xx["name"], xx["level"], xx["parent"]) == ("湘西土家族苗族自治州", "prefecture", "430000")
    assert {"湘西自治州", "湘西州", "湘西"} <= set(xx["short"].split("|"))
    js = by_code["433101"]
    assert (js["name"], js["level"], js["parent"]) == ("吉首市", "county", "433100")


@pytest.mark.parametrize("code,name,parent", [
    ("430903", "赫山区", "430900"),
    ("430602", "岳阳楼区", "430600"),
    ("620123", "榆中县", "620100"),
    ("210281", "瓦房店市", "210200"),
])
def test_known_counties(by_code, code, name, parent):
    r = by_code[code]
    assert (r["name"], r["level"], r["parent"]) == (name, "county", parent)


def test_parents_named(by_code):
    assert by_code["430900"]["name"] == "益阳市"
    assert by_code["620100"]["name"] == "兰州市"
    assert by_code["210200"]["name"] == "大连市"
    assert "益阳" in by_code["430900"]["short"].split("|")
    assert "甘肃" in by_code["620000"]["short"].split("|")
    assert "广西" in by_code["450000"]["short"].split("|")
    assert "恩施州" in by_code["422800"]["short"].split("|")


def test_ambiguous_names_kept_as_separate_rows(rows):
    jiangbei = sorted(r["code"] for r in rows if r["name"] == "江北区")
    assert jiangbei == ["330205", "500105"]
    # and the shared short form is not silently given to one of them
    for r in rows:
        if r["name"] == "江北区":
            assert "江北" not in r["short"].split("|")


def test_codes_unique_and_six_digits(rows):
    codes = [r["code"] for r in rows]
    dup = [c for c, n in Counter(codes).items() if n > 1]
    assert not dup
    assert all(len(c) == 6 and c.isdigit() for c in codes)


def test_every_parent_exists_and_is_one_level_up_or_province(by_code):
    for code, r in by_code.items():
        if r["level"] == "province":
            assert r["parent"] == "" and code.endswith("0000")
            continue
        parent = by_code.get(r["parent"])
        assert parent is not None, code
        assert parent["code"][:2] == code[:2], code
        if r["level"] == "prefecture":
            assert parent["level"] == "province", code
        else:
            assert parent["level"] in ("prefecture", "province"), code


def test_municipality_counties_hang_on_the_province(by_code):
    assert by_code["500105"]["parent"] == "500000"     # 重庆 江北区
    assert by_code["110105"]["parent"] == "110000"     # 北京 朝阳区
    assert by_code["429021"]["parent"] == "420000"     # 神农架林区, 省直辖
    assert "110100" not in by_code                     # no 市辖区 placeholder rows


def test_counts(rows):
    n = Counter(r["level"] for r in rows)
    assert n["province"] == 31
    assert n["prefecture"] >= 330
    assert n["county"] >= 2800


def test_no_statistics_only_units(rows):
    for r in rows:
        # 下花园区, 梁园区 are real districts: look for 开发区 / 工业园区 / 管委会 only
        assert not r["name"].endswith(("开发区", "工业园区", "产业园区", "管委会", "委员会")), r
        if r["level"] == "county":
            assert not (71 <= int(r["code"][4:]) <= 80), r


def test_short_forms(rows):
    shorts = Counter()
    for r in rows:
        for s in filter(None, r["short"].split("|")):
            assert len(s) >= 2, r
            assert s != r["name"]
            shorts[s] += 1
    assert all(n == 1 for n in shorts.values()), [s for s, n in shorts.items() if n > 1]
    names = {r["name"] for r in rows}
    assert not (set(shorts) & names)


def test_renames(by_code):
    ren = _read("division_renames.tsv")
    assert list(ren[0].keys()) == ["old_code", "old_name", "new_code", "new_name", "year", "note"]
    pairs = {(r["old_name"], r["new_name"]) for r in ren}
    assert ("宁乡县", "宁乡市") in pairs
    assert ("莱芜市", "济南市") in pairs
    assert ("榆中县", "榆中县") not in pairs
    for r in ren:
        assert 2015 <= int(r["year"]) <= 2025
        assert r["note"]
        if r["new_code"]:
            assert len(r["new_code"]) == 6
