"""Shapes of progress prose that real reports take, each in a document of our own: what the sentence reader
must read whatever the layout."""
import pytest
from extract_helpers import completed, run, targets

HEAD = "某县2026年民生实事项目1-10月进展情况\n\n截至10月底，各项目总体进展顺利。"


def names(result) -> list[str]:
    return [p.name for p in result.projects]


@pytest.mark.parametrize("body, name, task, done", [
    ("全年计划新增城镇就业2800人，已新增城镇就业2316人；计划开展职业技能培训1500人次，已培训1342人次。",
     ["新增城镇就业", "开展职业技能培训"], [(2800.0, "人"), (1500.0, "人次")], [(2316.0, "人"), (1342.0, "人次")]),
    ("教育提升方面，计划新增公办学位2400个，已新增1980个。", ["新增公办学位"], [(2400.0, "个")], [(1980.0, "个")]),
    ("今年全县计划改造农村户厕900户，目前已完成改造705户。", ["改造农村户厕"], [(900.0, "户")], [(705.0, "户")]),
    ("年内计划建成村级养老服务站14个，已建成9个。", ["建成村级养老服务站"], [(14.0, "个")], [(9.0, "个")]),
], ids=["two-plans-in-one-sentence", "field-then-plan", "year-and-place-then-plan", "within-the-year-then-plan"])
def test_a_clause_that_opens_with_its_plan(body, name, task, done):
    r = run(HEAD + body + "\n")
    assert names(r) == name
    assert targets(r) == task
    assert completed(r) == done
