"""Views of contract objects for a supervision clerk: json (JSON Lines), table/markdown, csv, xlsx.

One row per target with the progress of its unit beside it; every other completed figure of
the project (a second count, an investment, a county's figure) on a row of its own, so none is
lost and an investment is never shown as the completion of a counted target.  Every code is
shown by its Chinese label (状态 有序推进, 问题 完成率对不上, 级别 警告); money stays as written
(6498万元) with the number in 元 beside it for sorting.  csv and markdown use the standard
library; xlsx uses openpyxl directly, so the paste path never imports pandas.  Text that a
spreadsheet would run as a formula stays text (pipeline/cells.py).
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable

from .cells import csv_safe, defuse_book

KIND = {"plan": "实施方案/任务分解", "progress": "进展通报", "supervision": "督办方案", "summary": "完成情况表",
        "other": "其他"}
STATUS = {"done": "已完成", "on_track": "有序推进", "lagging": "进度滞后", "started": "进行中", "cancelled": "已取消"}
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
CODE = {
    "RATE_MISMATCH": "完成率对不上",
    "SUM_MISMATCH": "分项加起来不等于合计",
    "COUNT_MISMATCH": "个数不符",
    "NUMBERING_GAP": "编号不连续",
    "UNIT_MISMATCH": "单位不一致",
    "TARGET_CONFLICT": "目标前后矛盾",
    "OVER_COMPLETION": "超过100%",
    "DATE_INCONSISTENT": "日期矛盾",
    "UNPARSED": "未能识别",
}
OP = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于", "~": "约"}

COLUMNS = ["文件", "序号", "项目", "项目类型", "地区", "指标", "目标", "目标值", "单位", "牵头领导", "牵头单位",
           "配合单位", "完成时限", "完成数", "完成金额(元)", "完成率%", "状态", "行"]
WIDTHS = {"文件": 16, "序号": 6, "项目": 40, "项目类型": 14, "地区": 10, "指标": 28, "目标": 12, "目标值": 12,
          "单位": 8, "牵头领导": 12, "牵头单位": 22, "配合单位": 22, "完成时限": 12, "完成数": 14,
          "完成金额(元)": 16, "完成率%": 9, "状态": 10, "行": 6}
FLAG_COLUMNS = ["文件", "问题", "级别", "说明", "应为", "实际", "行", "代码"]
FLAG_WIDTHS = [16, 18, 8, 70, 12, 12, 6, 18]
DOC_COLUMNS = ["文件", "标题", "类型", "地区", "年度", "统计期间", "成文日期", "文号", "发文机关", "项目数", "问题数"]
DOC_WIDTHS = [16, 40, 14, 14, 8, 24, 12, 20, 24, 8, 8]
# the columns the page and the markdown view show (the file and the raw numbers stay in the spreadsheet)
SHORT = ["序号", "项目", "地区", "指标", "牵头领导", "牵头单位", "完成时限", "完成数", "完成率%", "状态", "行"]

MONEY = "元"
# 6498万元, 473.975 万元, 1.2亿元, 3500元: a sum of money as a document writes it
MONEY_RAW = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<mult>亿|万)?元(?!/)")
MULT = {"亿": 1e8, "万": 1e4, None: 1.0}


def _num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _fmt(v) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)


def money_text(value: float, written: str = "") -> str:
    """A sum of 元 as the text wrote it (6498万元 for 64980000), found in `written`; else in 万元."""
    for m in MONEY_RAW.finditer(written or ""):
        if abs(float(m.group("num")) * MULT[m.group("mult")] - value) < 0.5:
            return m.group(0).replace(" ", "")
    if value >= 1e4:
        return _fmt(round(value / 1e4, 6)) + "万元"
    return _fmt(value) + "元"


def quantity_text(q: dict | None, written: str = "") -> str:
    if not q or q.get("value") is None:
        return ""
    if q.get("unit") == MONEY:
        return money_text(float(q["value"]), written)
    return _fmt(q["value"]) + (q.get("unit") or "")


def target_text(t: dict) -> str:
    raw = t.get("raw") or (_fmt(t.get("value")) + (t.get("unit") or ""))
    op = t.get("op") or "="
    if op != "=" and not re.search(r"不低于|不少于|以上|超过|以内|不超过|低于|约", t.get("text") or ""):
        return OP.get(op, op) + raw
    return raw


def _pair(project: dict) -> list[tuple[dict | None, dict | None]]:
    """(target, progress) pairs: each overall progress beside the first free target of its unit, else the first
    free target; an investment (元) beside a money target only; the rest, regions last, on rows of their own."""
    targets = project["targets"]
    own = project.get("region")
    overall = [g for g in project["progress"] if g["region"] in (None, own)]
    regional = [g for g in project["progress"] if g["region"] not in (None, own)]
    given: dict[int, dict] = {}
    loose: list[dict] = []
    for g in overall:
        unit = (g["completed"] or {}).get("unit")
        free = [i for i, t in enumerate(targets) if i not in given]
        fits = [i for i in free if targets[i]["unit"] == unit] if unit else []
        if not fits and unit != MONEY:
            fits = free
        if fits:
            given[fits[0]] = g
        else:
            loose.append(g)
    pairs: list[tuple[dict | None, dict | None]] = [(t, given.get(i)) for i, t in enumerate(targets)]
    pairs += [(None, g) for g in loose + regional]
    return pairs or [(None, None)]


def shown_name(project: dict) -> str:
    """The name without the item number the 序号 column already shows: 1.投资… under seq 1 reads 投资…"""
    name, seq = project["name"], project.get("seq")
    if seq:
        m = re.match(r"\s*" + re.escape(seq) + r"\s*[.、．](?!\d)\s*(?=\S)", name)
        if m:
            return name[m.end():]
    return name


def rows(obj: dict) -> list[list]:
    """The project sheet's rows for one contract object (COLUMNS)."""
    out = []
    src = obj["document"]["source"]
    for p in obj["projects"]:
        for t, g in _pair(p):
            done = (g or {}).get("completed")
            money = done.get("value") if done and done.get("unit") == MONEY else None
            label = "" if t or not done else ("完成投资" if money is not None else "")
            out.append([
                src, p["seq"] or "", shown_name(p), p["canonical"] or "",
                (g or {}).get("region") or p.get("region") or "",
                t["text"] if t else label, target_text(t) if t else "",
                _num(t["value"]) if t and t["value"] is not None else "", t["unit"] or "" if t else "",
                "、".join(p["leaders"]), "、".join(p["lead_units"]), "、".join(p["partner_units"]),
                p["deadline"] or "",
                quantity_text(done, (g or {}).get("text") or ""), _num(money) if money is not None else "",
                _num(g["rate"]) if g and g["rate"] is not None else "",
                STATUS.get((g or {}).get("status") or "", (g or {}).get("status") or ""),
                p["evidence"].get("line") or "",
            ])
    return out


def flag_rows(obj: dict) -> list[list]:
    return [[obj["document"]["source"], CODE.get(f["code"], f["code"]), SEVERITY.get(f["severity"], f["severity"]),
             f["message"], _num(f.get("expected")) if f.get("expected") is not None else "",
             _num(f.get("found")) if f.get("found") is not None else "", f["evidence"].get("line") or "", f["code"]]
            for f in obj["flags"]]


def doc_row(obj: dict) -> list:
    d = obj["document"]
    period = d.get("period") or {}
    return [d["source"], d.get("title") or "", KIND.get(d.get("kind") or "", d.get("kind") or ""),
            (d.get("region") or {}).get("name") or "", d.get("year") or "",
            f"{period.get('from')} 至 {period.get('to')}" if period else "", d.get("date") or "",
            d.get("doc_number") or "", d.get("issuer") or "", len(obj["projects"]), len(obj["flags"])]


def write(results: list[dict], fmt: str, output: str | None = None) -> None:
    if fmt == "json":
        text = "\n".join(json.dumps(r, ensure_ascii=False) for r in results) + "\n"
        _emit(text, output)
    elif fmt == "csv":
        _emit(csv_text(results), output)
    elif fmt in ("markdown", "table"):
        _emit(markdown(results), output)
    elif fmt == "xlsx":
        if not output:
            raise ValueError("--format xlsx needs -o FILE.xlsx (a spreadsheet is not printed to the terminal)")
        xlsx(results, output)


def csv_text(results: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for r in results:
        w.writerows([csv_safe(x) for x in row] for row in rows(r))
    return buf.getvalue()


def _md(x) -> str:
    return str(x).replace("|", "/").replace("\n", " ")


def markdown(results: list[dict]) -> str:
    keep = [COLUMNS.index(c) for c in SHORT]
    lines = []
    for r in results:
        d = r["document"]
        region = (d.get("region") or {}).get("name") or ""
        kind = KIND.get(d.get("kind") or "", d.get("kind") or "")
        lines.append(f"### {_md(d.get('title') or d['source'])}  ({kind}, {region}, {d.get('year') or ''})")
        lines.append("")
        if not r["projects"]:
            lines.append(f"未识别出项目{_unread_note(r)}。")
        else:
            lines.append("| " + " | ".join(SHORT) + " |")
            lines.append("|" + "---|" * len(SHORT))
            for row in rows(r):
                lines.append("| " + " | ".join(_md(row[k]) for k in keep) + " |")
        if r["flags"]:
            lines.append("")
            lines.append("**发现的问题**")
            lines.append("")
            for f in r["flags"]:
                label = CODE.get(f["code"], f["code"])
                sev = SEVERITY.get(f["severity"], f["severity"])
                lines.append(f"- **{label}**（{sev}，第{f['evidence'].get('line') or '-'}行）：{_md(f['message'])}"
                             f" `{f['code']}`")
        lines.append("")
    return "\n".join(lines) + "\n"


def _unread_note(r: dict) -> str:
    n = (r.get("unread") or {}).get("lines")
    return f"（{n} 行含数字的内容未能识别）" if n else ""


def _sheet(wb, title: str, header: list[str], widths: Iterable[int], data: list[list], first: bool = False):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.active if first else wb.create_sheet(title)
    ws.title = title
    ws.append(header)
    for row in data:
        ws.append(row)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F0F2F4")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for k, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(k)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    return ws


def xlsx(results: list[dict], path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = _sheet(wb, "项目", COLUMNS, [WIDTHS[c] for c in COLUMNS], [row for r in results for row in rows(r)],
                first=True)
    money_col = COLUMNS.index("完成金额(元)") + 1
    for row in ws.iter_rows(min_row=2, min_col=money_col, max_col=money_col):
        row[0].number_format = "#,##0"
    _sheet(wb, "问题", FLAG_COLUMNS, FLAG_WIDTHS, [row for r in results for row in flag_rows(r)])
    _sheet(wb, "文件", DOC_COLUMNS, DOC_WIDTHS, [doc_row(r) for r in results])
    defuse_book(wb)            # a name such as =HYPERLINK(…) is stored as the text it is
    wb.save(path)


def _emit(text: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
