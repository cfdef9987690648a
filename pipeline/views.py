"""Views of contract objects: json (JSON Lines), table, csv, markdown, xlsx.

One row per target (or per project without targets), with its progress beside it; the
flags follow.  csv and markdown use the standard library; xlsx uses openpyxl directly, so
the paste path never imports pandas.
"""
from __future__ import annotations

import csv
import io
import json
import sys

COLUMNS = ["文件", "序号", "项目", "类型", "指标", "目标值", "单位", "牵头领导", "牵头单位", "配合单位", "完成时限",
           "完成数", "完成率%", "状态", "行"]


def rows(obj: dict) -> list[list]:
    out = []
    src = obj["document"]["source"]
    for p in obj["projects"]:
        targets = p["targets"] or [None]
        progress = [g for g in p["progress"] if g["region"] is None] or [None]
        for i, t in enumerate(targets):
            g = progress[i] if i < len(progress) else None
            out.append([src, p["seq"] or "", p["name"], p["canonical"] or "", t["text"] if t else "",
                        t["value"] if t else "", t["unit"] if t else "", "、".join(p["leaders"]),
                        "、".join(p["lead_units"]), "、".join(p["partner_units"]), p["deadline"] or "",
                        (g["completed"] or {}).get("value", "") if g else "", g["rate"] if g and g["rate"] is not None else "",
                        (g["status"] or "") if g else "", p["evidence"].get("line") or ""])
    return out


def flag_rows(obj: dict) -> list[list]:
    return [[obj["document"]["source"], f["code"], f["severity"], f["message"], f["evidence"].get("line") or ""]
            for f in obj["flags"]]


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
            raise SystemExit("minsheng: --format xlsx needs -o FILE.xlsx")
        xlsx(results, output)


def csv_text(results: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for r in results:
        w.writerows(rows(r))
    return buf.getvalue()


def markdown(results: list[dict]) -> str:
    lines = []
    for r in results:
        d = r["document"]
        region = (d.get("region") or {}).get("name") or ""
        lines.append(f"### {d.get('title') or d['source']}  ({d['kind']}, {region}, {d.get('year') or ''})")
        lines.append("")
        lines.append("| " + " | ".join(COLUMNS[1:]) + " |")
        lines.append("|" + "---|" * (len(COLUMNS) - 1))
        for row in rows(r):
            lines.append("| " + " | ".join(str(x).replace("|", "/") for x in row[1:]) + " |")
        if r["flags"]:
            lines.append("")
            for f in r["flags"]:
                lines.append(f"- **{f['code']}** ({f['severity']}, 第{f['evidence'].get('line') or '-'}行): {f['message']}")
        lines.append("")
    return "\n".join(lines) + "\n"


def xlsx(results: list[dict], path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(COLUMNS)
    for r in results:
        for row in rows(r):
            ws.append(row)
    fs = wb.create_sheet("问题")
    fs.append(["文件", "代码", "级别", "说明", "行"])
    for r in results:
        for row in flag_rows(r):
            fs.append(row)
    wb.save(path)


def _emit(text: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
