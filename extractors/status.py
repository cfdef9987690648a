"""True statuses: a project is done only when its figures or its words say the whole of it is.

The status words (gazetteer/statuses.tsv) are read from a sentence's tail, so 已完成 before a
partial figure (已完成改造22户，完成年任务3.2%) or 完成任务 in 已有60个乡镇完成任务，其余正在建设中
reads as done.  This pass, run once after every project is read, sets such a progress back:

  - numbers first: a completion rate under 100 %, or a completed figure below every target
    of its unit, is not done; a rate of 100 % or more, or a figure that reaches a target, is;
  - words next, when the numbers say nothing: 正在/推进/滞后/其余… on the line say the work goes
    on, unless the line also states the project complete (全面完成, 全部完成, 已竣工…).

A progress that is not done becomes lagging (滞后, 缓慢 on its line), on_track (推进, 正在) or
started (work under way, nothing said of its pace: shown as 进行中).
"""
from __future__ import annotations

import re

from .records import COMPLETION_MEASURES, Progress, Project

# 其余正在建设中 / 工作有序推进 / 进度相对滞后 / 尚未完成: the work is not over
GOING_ON = re.compile(r"正在|推进|滞后|缓慢|落后|其余|剩余|尚未|未完成|在建")
# 进度相对滞后 / 推进缓慢: behind
BEHIND = re.compile(r"滞后|缓慢|落后")
# 有序推进 / 正在施工: under way at its pace
ON_PACE = re.compile(r"推进|正在")
# 已全面完成 / 全部完成 / 圆满完成 / 超额完成 / 已竣工 / 全部建成: the whole is complete (not 完成年任务3.2%)
COMPLETE = re.compile(r"(?:全面|全部|圆满|超额|均已|已全部|均)完成(?!\s*\d)|已(?:全部)?竣工|全部建成|已全面建成|全部达标")


def _measures_completion(g: Progress) -> bool:
    """A rate of the whole task (完成年任务, 完工率), or one whose measure was not named."""
    m = g.measure or ""
    return not m or m in COMPLETION_MEASURES or "完成" in m or "进度" in m


def numbers_say(g: Progress, project: Project) -> bool | None:
    """True when the figures show the whole done, False when they show a part, None when silent."""
    if g.rate is not None and _measures_completion(g):
        return g.rate >= 100
    c = g.completed
    if c is None or g.region is not None or c.unit is None:
        return None
    same = [t.value for t in project.targets if t.unit == c.unit and t.value is not None]
    if not same:
        return None
    return c.value >= max(same)      # a part of a breakdown (新建2个 of 6个) reached is not the whole


def settle(g: Progress, project: Project) -> str | None:
    """The status the progress `g` of `project` truly has."""
    if g.status != "done":
        return g.status
    whole = numbers_say(g, project)
    if whole is True:
        return "done"
    text = g.text or ""
    if whole is None and (not GOING_ON.search(text) or COMPLETE.search(text)):
        return "done"
    if BEHIND.search(text):
        return "lagging"
    if ON_PACE.search(text):
        return "on_track"
    return "started"


def reconcile(projects: list[Project]) -> None:
    """Set every progress that claims done without reaching its whole back to what it is."""
    for p in projects:
        for g in p.progress:
            g.status = settle(g, p)
