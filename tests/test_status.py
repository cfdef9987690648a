"""True statuses (extractors/status.py): done only when the whole target is reached or the text says
the project is complete.  Documents written here, in the genre, with made-up numbers."""
from __future__ import annotations

import pytest

from extractors.records import Evidence, Progress, Project, Quantity, Target
from extractors.status import settle
from tests.extract_helpers import run

HEAD = "关于2022年1-6月全市重点民生实事项目进展情况的通报\n"


def project(target: tuple[float, str] | None = None) -> Project:
    p = Project(name="示例项目", evidence=Evidence(text="示例项目"))
    if target:
        p.targets.append(Target(text="", value=target[0], unit=target[1]))
    return p


def progress(text: str, completed: tuple[float, str] | None = None, rate: float | None = None,
             measure: str | None = None, region: str | None = None) -> Progress:
    c = Quantity(value=completed[0], unit=completed[1], raw="") if completed else None
    return Progress(text=text, completed=c, rate=rate, measure=measure, region=region, status="done")


@pytest.mark.parametrize("target, g, want", [
    (None, progress("已完成改造31户，完成年任务4.1%", (31, "户"), 4.1, "完成年任务"), "started"),
    ((120, "个"), progress("已有57个站点完成任务，其余正在建设中，工作有序推进", (57, "个")), "on_track"),
    ((500, "户"), progress("已完成改造90户，进度相对滞后", (90, "户")), "lagging"),
    ((40, "所"), progress("40所学校已全部完成", (40, "所")), "done"),
    ((40, "所"), progress("已完成42所，超额完成", (42, "所")), "done"),
    (None, progress("完成年任务112%，已完成", None, 112.0, "完成年任务"), "done"),
    (None, progress("城市低保标准达到650元/月，已达到省定验收标准", (650, "元/月")), "done"),
    (None, progress("已完成项目主体，剩余工程正在推进", None), "on_track"),
    (None, progress("项目已全面完成，后续管护工作持续推进", None), "done"),
    ((7, "个"), progress("已完成7个", (7, "个"), region="某县"), "done"),
    (None, progress("已完成，群众满意率96%", None, 96.0, "满意率"), "done"),
], ids=["partial-rate", "partial-count-going-on", "partial-count-lagging", "whole-count", "over-count",
        "rate-over-100", "no-target-standard-met", "words-going-on", "complete-statement-wins",
        "regional-figure-not-compared", "satisfaction-rate-is-not-completion"])
def test_settle(target, g, want):
    assert settle(g, project(target)) == want


def test_other_statuses_pass_unchanged():
    g = progress("进度滞后", (3, "个"))
    g.status = "lagging"
    assert settle(g, project((10, "个"))) == "lagging"


@pytest.mark.parametrize("body, want", [
    ("1、由市残联牵头组织实施的“实施困难残疾人家庭无障碍改造450户”项目：全市已完成改造27户，完成年任务6%。",
     {"started"}),
    ("2、由市卫健委牵头组织实施的“建设村卫生室标准化80个”项目：全市已有35个完成任务，其余正在建设中，工作有序推进。",
     {"on_track"}),
    ("3、由市交通局牵头组织实施的“建设农村公路安防设施120公里”项目：已完成120公里，完成年任务100%，已全面完成。",
     {"done"}),
], ids=["done-word-before-partial-rate", "done-word-partial-count", "whole-target-reached"])
def test_extracted_status(body, want):
    result = run(HEAD + body + "\n")
    statuses = {g.status for p in result.projects for g in p.progress if g.region is None}
    assert statuses == want, [(p.name, [(g.completed, g.rate, g.status) for g in p.progress]) for p in result.projects]
