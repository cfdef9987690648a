"""The project-type taxonomy: precision and recall over a labelled list, seeds, ambiguity, queries."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.taxonomy import FAMILIES, classify, load_types, resolve_query
from pipeline.errors import GazetteerError

NAMES = Path(__file__).parent / "data" / "project_names.tsv"


@pytest.fixture(scope="module")
def types():
    return load_types()


def labelled() -> list[tuple[str, str | None]]:
    rows = []
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, expected = line.split("\t")
        rows.append((name, expected or None))
    return rows


def test_precision_and_recall_over_the_labelled_names(types):
    rows = labelled()
    assert len(rows) >= 220
    assert sum(1 for _, expected in rows if expected is None) >= 30
    correct = predicted = 0
    misses = []
    for name, expected in rows:
        got = classify(name, types)
        predicted += got is not None
        correct += got is not None and got == expected
        if got != expected:
            misses.append(f"{name}: expected {expected}, got {got}")
    precision = correct / predicted
    recall = correct / sum(1 for _, expected in rows if expected)
    print(f"\n{len(rows)} names, precision {precision:.3f}, recall {recall:.3f}")
    print("\n".join(misses))
    assert precision >= 0.95, misses
    assert recall >= 0.9, misses


def test_every_type_is_labelled_and_every_label_is_a_type(types):
    ids = {t.id for t in types}
    used = {expected for _, expected in labelled() if expected}
    assert used <= ids, sorted(used - ids)
    assert ids <= used, f"types without a labelled name: {sorted(ids - used)}"


def test_taxonomy_shape(types):
    assert len(types) >= 70
    assert len({t.id for t in types}) == len(types)
    assert all(t.family in FAMILIES and t.aliases for t in types)


SEED_WORDINGS = {
    # the same project in three seeds, three regions and three years
    "prenatal_screening": {"000 赫山区 2017": "孕产妇产前免费筛查",
                           "001 岳阳楼区 2019": "孕产妇免费产前筛查",
                           "004 湘西州 2021": "完成孕产妇免费产前筛查1.65万人次"},
    "urban_new_jobs": {"000 赫山区 2017 (6000人)": "新增城镇就业",
                       "001 岳阳楼区 2019 (8950人)": "新增城镇就业",
                       "004 湘西州 2021 (2.3万人)": "实现城镇新增就业2.3万人"},
}


@pytest.mark.parametrize("type_id", sorted(SEED_WORDINGS))
def test_seed_wordings_map_to_one_type(types, type_id):
    got = {seed: classify(name, types) for seed, name in SEED_WORDINGS[type_id].items()}
    assert set(got.values()) == {type_id}, got


@pytest.mark.parametrize(("name", "expected"), [
    ("特困供养服务床位中护理床位", "nursing_beds"),
    ("建设特困供养服务床位", "extreme_poverty_care_beds"),
    ("新增养老服务床位", "elderly_care_beds"),
    ("提高城乡低保标准和救助水平（人均救助水平）", "dibao_assistance_level"),
    ("提高城乡低保标准和救助水平（低保标准）", "dibao_standard"),
    ("农村转移就业劳动者培训（吉首市）", "rural_migrant_worker_training"),
    ("特困移民解困避险搬迁安置", "poverty_relocation"),
    ("修缮农村贫困残疾人家庭危房", "disabled_housing_repair"),
    ("ＫＶ及以下 行政村配电网改造", "distribution_grid"),
], ids=["nested-nursing", "extreme-beds", "elderly-beds", "paren-assistance", "paren-standard",
        "paren-county", "特困-not-support", "残疾-not-rural", "full-width-and-spaces"])
def test_nested_and_look_alike_types(types, name, expected):
    assert classify(name, types) == expected


@pytest.mark.parametrize("name", [
    "孕产妇产前筛查和新生儿疾病筛查",  # two projects in one name
    "实施农村饮水工程和电网改造",
    "筛查",  # fits three types
    "省列为民兴办实事（启动）",
    "加强组织领导",
    "提质改造18公里",  # incomplete without its category
    "",
], ids=["two-screenings", "water-and-grid", "bare-screening", "status-row", "generic", "no-context", "empty"])
def test_ambiguous_or_unknown_names_get_none(types, name):
    assert classify(name, types) is None


def test_context_completes_a_name_that_matches_nothing(types):
    assert classify("提质改造18公里", types, context="公路建设") == "rural_road_upgrade"
    assert classify("安保设施建设32公里", types, context="公路建设") == "road_safety_facilities"
    assert classify("完成投资", types, context="开工建设城镇老旧小区") == "old_residential_renovation"
    assert classify("完成投资", types, context="教育惠民方面") is None


def test_context_never_overrides_a_clear_name(types):
    assert classify("新增城镇就业", types, context="农村危房改造") == "urban_new_jobs"


@pytest.mark.parametrize(("query", "expected"), [
    ("prenatal_screening", "prenatal_screening"),
    ("Prenatal_Screening ", "prenatal_screening"),
    ("孕产妇产前筛查", "prenatal_screening"),
    ("产前筛查", "prenatal_screening"),
    ("城镇新增就业", "urban_new_jobs"),
    ("雪亮工程", "video_surveillance"),
    ("残疾儿童 康复", "disabled_children_rehab"),
    ("儿童康复", "disabled_children_rehab"),
    ("筛查", None),
    ("就业", None),
    ("民生", None),
    ("", None),
    ("   ", None),
], ids=["id", "id-case-space", "label", "wording", "alias", "alias-2", "words-apart", "bigrams",
        "ambiguous", "too-broad", "nothing", "empty", "blank"])
def test_resolve_query(types, query, expected):
    assert resolve_query(query, types) == expected


def test_classify_costs_well_under_a_millisecond(types):
    names = [name for name, _ in labelled()]
    start = time.perf_counter()
    for name in names:
        classify(name, types)
    per_name = (time.perf_counter() - start) / len(names)
    assert per_name < 0.0005, f"{per_name * 1e6:.0f} µs per name"


def test_paste_path_loads_no_jieba():
    code = ("import sys, extractors.taxonomy as t; ts = t.load_types(); t.classify('产前筛查', ts); "
            "t.resolve_query('残疾儿童 康复', ts); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("text", "problem"), [
    ("- id: x\n  label: 甲\n", "lacks family"),
    ("- id: Bad-Id\n  label: 甲\n  family: persons\n", "snake_case"),
    ("- id: x\n  label: 甲\n  family: furlongs\n", "unknown family"),
    ("- id: x\n  label: 甲\n  family: persons\n  patterns: ['(']\n", "bad regex"),
    ("- id: x\n  label: 甲\n  family: persons\n- id: x\n  label: 乙\n  family: persons\n", "duplicate"),
    ("id: x\n", "list of project types"),
    ("- [unclosed\n", "cannot read"),
    ("- id: x\n  label: 甲\n  family: persons\n  patterns: ['(?s)甲.乙']\n", "cannot be joined"),
], ids=["missing-family", "bad-id", "bad-family", "bad-regex", "duplicate-id", "not-a-list", "bad-yaml",
        "unjoinable-patterns"])
def test_malformed_taxonomy_raises_gazetteer_error(tmp_path, text, problem):
    path = tmp_path / "project_types.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=problem):
        load_types(path)


def test_missing_file_raises_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="cannot read"):
        load_types(tmp_path / "absent.yaml")


def test_a_types_gate_is_compiled_when_first_searched(tmp_path):
    path = tmp_path / "project_types.yaml"
    path.write_text("- id: x\n  label: 新建公园\n  family: facilities\n  patterns: ['改造.{0,2}公园']\n",
                    encoding="utf-8")
    (ptype,) = load_types(path)
    assert "gate" not in vars(ptype)            # loading compiles no gate
    assert ptype.match("改造口袋公园3个") == (0, 6)
    assert ptype.gate.pattern == "(?:新建公园)|(?:改造.{0,2}公园)"
    assert ptype.match("新建公厕") is None
