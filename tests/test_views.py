"""The clerk's views (pipeline/views.py): Chinese labels, every completed figure, money as written, investment
apart from completion, safe cells, and the CLI's usage error.  Contract objects written here by hand."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from pipeline import views


def project(name="建设村级养老服务站30个", seq="2", targets=(), progress=(), region=None):
    return {"seq": seq, "name": name, "canonical": None, "region": region, "leaders": [], "lead_units": ["市民政局"],
            "partner_units": [], "deadline": None, "targets": list(targets), "progress": list(progress),
            "evidence": {"text": name, "line": 3}}


def target(value, unit, raw=None, text=""):
    return {"text": text or f"{raw or value}{unit}", "value": value, "unit": unit, "op": "=", "raw": raw}


def progress(value=None, unit=None, rate=None, status=None, region=None, text=""):
    return {"region": region, "completed": None if value is None else {"value": value, "unit": unit},
            "rate": rate, "status": status, "text": text}


def doc(*projects, flags=()):
    return {"document": {"source": "t.txt", "kind": "progress", "title": "示例通报", "region": None, "year": 2022},
            "projects": list(projects), "flags": list(flags), "summaries": []}


def table(obj) -> list[dict]:
    return [dict(zip(views.COLUMNS, r)) for r in views.rows(obj)]


@pytest.mark.parametrize("value, written, shown", [
    (52300000, "累计完成投资5230万元，占年计划61%", "5230万元"),
    (52300000, "", "5230万元"),
    (380000000, "完成投资3.8 亿元", "3.8亿元"),
    (4500, "发放补助4500元", "4500元"),
    (1234567, "", "123.4567万元"),
], ids=["wan-as-written", "wan-fallback", "yi-as-written", "yuan", "wan-decimals"])
def test_money_as_written(value, written, shown):
    assert views.money_text(value, written) == shown


def test_every_completed_figure_and_investment_apart():
    p = project(name="改造老旧小区40个、加装电梯60部",
                targets=[target(40, "个"), target(60, "部")],
                progress=[progress(52300000, "元", text="完成投资5230万元"), progress(18, "个", 45.0, "on_track"),
                          progress(25, "部", 41.7, "on_track"), progress(6, "个", region="东区")])
    rows = table(doc(p))
    by_target = {r["目标"]: r for r in rows if r["目标"]}
    assert by_target["40个"]["完成数"] == "18个" and by_target["60部"]["完成数"] == "25部"
    money = [r for r in rows if r["完成金额(元)"] == 52300000]
    assert money and money[0]["指标"] == "完成投资" and money[0]["完成数"] == "5230万元" and not money[0]["目标"]
    assert [r["地区"] for r in rows if r["完成数"] == "6个"] == ["东区"]
    assert by_target["40个"]["状态"] == "有序推进"


def test_shown_name_drops_the_repeated_item_number():
    assert views.shown_name(project(name="2.新建村级养老服务站30个", seq="2")) == "新建村级养老服务站30个"
    assert views.shown_name(project(name="2022年新建站点", seq="2")) == "2022年新建站点"
    assert views.shown_name(project(name="1.5万人培训", seq="1")) == "1.5万人培训"


def test_flags_in_chinese_with_the_code_kept():
    flag = {"code": "RATE_MISMATCH", "severity": "error", "message": "示例：算出40%，文中为45%", "expected": 40,
            "found": 45, "evidence": {"line": 4}}
    row = views.flag_rows(doc(flags=[flag]))[0]
    assert row[1:4] == ["完成率对不上", "错误", "示例：算出40%，文中为45%"] and row[-1] == "RATE_MISMATCH"
    md = views.markdown([doc(project(), flags=[flag])])
    assert "**完成率对不上**（错误，第4行）" in md and "`RATE_MISMATCH`" in md


PAYLOAD = '=HYPERLINK("http://evil.example/","查看")'


def test_csv_and_xlsx_keep_formulas_as_text(tmp_path):
    obj = doc(project(name=PAYLOAD, seq=None), project(name="@SUM(1,1)", seq=None))
    rows = list(csv.reader(io.StringIO(views.csv_text([obj]))))
    assert ["'" + PAYLOAD, "'@SUM(1,1)"] == [r[2] for r in rows[1:]]
    views.xlsx([obj], tmp_path / "x.xlsx")
    ws = load_workbook(tmp_path / "x.xlsx")["项目"]
    cells = [ws.cell(row=r, column=3) for r in (2, 3)]
    assert [c.value for c in cells] == [PAYLOAD, "@SUM(1,1)"] and all(c.data_type == "s" for c in cells)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_no_projects_says_so_in_markdown():
    obj = doc()
    obj["unread"] = {"lines": 7}
    assert "未识别出项目（7 行含数字的内容未能识别）" in views.markdown([obj])


def test_extract_xlsx_without_output_is_one_line_exit_2(tmp_path, capsys):
    from pipeline.cli import main

    f = tmp_path / "a.txt"
    f.write_text("关于2022年民生实事的通知\n", encoding="utf-8")
    assert main(["extract", str(f), "--format", "xlsx"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "-o FILE.xlsx" in err[0] and "Traceback" not in err[0]
