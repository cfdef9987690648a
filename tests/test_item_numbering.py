"""However a document numbers its items (1. 1、 (1) （一） ① 第一项 一是, a bullet or nothing), each line's task,
count done and name are read the same: the numbering is no part of the reading."""
import pytest
from extract_helpers import run

NUMBERINGS = {
    "arabic-dot": lambda k: f"{k}.", "arabic-comma": lambda k: f"{k}、", "arabic-full-width-dot": lambda k: f"{k}．",
    "arabic-brackets": lambda k: f"({k})", "arabic-full-width-brackets": lambda k: f"（{k}）", "arabic-half-bracket": lambda k: f"{k})",
    "chinese-comma": lambda k: "一二三四五"[k - 1] + "、", "chinese-brackets": lambda k: "（" + "一二三四五"[k - 1] + "）",
    "circled": lambda k: "①②③④⑤"[k - 1], "di-xiang": lambda k: "第" + "一二三四五"[k - 1] + "项：",
    "yi-shi": lambda k: "一二三四五"[k - 1] + "是", "bullet": lambda k: "● ", "none": lambda k: "",
}
TASKS = [("新建公办幼儿园", 7, 5, "所"), ("新增城镇就业", 2600, 2310, "人"), ("改造农村户厕", 1300, 1040, "户"),
         ("新增养老床位", 350, 280, "张"), ("新改建农村公路", 95, 61, "公里")]
SHAPES = {   # (a report?, one line)
    "task-and-count-done": (True, "{n}{a}{t}{u}，已完成{d}{u}。"),
    "plan-line": (False, "{n}{a}{t}{u}。"),
    "label-then-target-and-count": (True, "{n}{a}。年度目标{t}{u}，截至9月底完成{d}{u}，完成率{r}%。"),
}


@pytest.mark.parametrize("numbering", sorted(NUMBERINGS))
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_items_are_read_however_they_are_numbered(numbering, shape):
    report, template = SHAPES[shape]
    number = NUMBERINGS[numbering]
    lines = [template.format(n=number(k), a=a, t=t, d=d, u=u, r=f"{100 * d / t:.1f}")
             for k, (a, t, d, u) in enumerate(TASKS, 1)]
    r = run("某县2026年民生实事项目" + ("1-9月进展情况" if report else "") + "\n\n" + "\n".join(lines) + "\n")
    assert sorted((p.name, [t.value for t in p.targets], [g.completed.value for g in p.progress if g.completed])
                  for p in r.projects) == sorted((a, [float(t)], [float(d)] if report else []) for a, t, d, _ in TASKS)
