"""`minsheng export`: every table of records with its source and evidence, Stata files with Chinese
intact, and spreadsheets where a document's text can never run as a formula."""
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from extractors import extract
from gazetteer import load
from pipeline import store
from pipeline.readers import read

ROOT = Path(__file__).resolve().parent.parent

# our own words: a plan whose project name starts like a spreadsheet formula, and a long paragraph
NOTICE = """松溪县2025年为民办实事项目计划
一、=HYPERLINK("http://example.invalid","点此查看")幼儿园建设。新建公办幼儿园3所。牵头单位：县教育局。
二、新增城镇就业。全年新增城镇就业2600人。牵头单位：县人力资源和社会保障局。
三、农村公路提质改造。完成农村公路提质改造38公里，""" + "沿线设置安全防护设施并同步完善排水边沟，" * 120 + """。牵头单位：县交通运输局。
松溪县人民政府办公室
2025年3月2日
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exp")
    doc = folder / "notice.txt"
    doc.write_text(NOTICE, encoding="utf-8")
    path = folder / "a.duckdb"
    gaz = load()
    con = store.connect(path)
    store.write_documents(con, [extract(read(f), gaz).to_contract()
                                for f in [doc, ROOT / "samples/txt/004_c24871eb355e82a1.txt"]])
    con.close()
    return path


@pytest.mark.parametrize("table", ["projects", "targets", "progress", "summaries", "flags"])
def test_every_record_table_carries_its_evidence(db, table):
    frames = store.with_evidence(store.load(db))
    df = frames[table]
    assert {"source", *store.EVIDENCE_COLUMNS} <= set(df.columns), table
    if table in ("projects", "targets", "progress"):
        assert df["evidence_line"].notna().all(), table
        assert (df["evidence_text"].str.len() > 0).all(), table


def test_targets_point_at_their_project_line(db):
    frames = store.with_evidence(store.load(db))
    t = frames["targets"]
    row = t[t["value"] == 2600].iloc[0]
    assert row["evidence_line"] == 3 and "2600人" in row["evidence_text"] and row["source"].endswith("notice.txt")


def test_dta_keeps_chinese_and_long_text(db, tmp_path):
    files = store.export(db, "dta", tmp_path / "dta")
    assert sorted(f.name for f in files) == sorted(f"{t}.dta" for t in store.TABLES)
    with pd.io.stata.StataReader(tmp_path / "dta" / "projects.dta") as reader:
        projects = reader.read()
        labels = reader.variable_labels()
    assert "新增城镇就业" in set(projects["name"])
    assert labels["name"].startswith("项目名称")
    longest = projects["evidence_text"].map(lambda s: len(s.encode("utf-8"))).max()
    assert longest > store.STATA_STR_MAX             # written as strL, read back whole
    targets = pd.read_stata(tmp_path / "dta" / "targets.dta")
    assert {"evidence_line", "source"} <= set(targets.columns)


def test_csv_export_is_formula_safe(db, tmp_path):
    store.export(db, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "projects.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text


def test_xlsx_export_has_no_formula_cells(db, tmp_path):
    out = tmp_path / "a.xlsx"
    store.export(db, "xlsx", out)
    book = openpyxl.load_workbook(out)
    assert set(book.sheetnames) == set(store.TABLES)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and c.value.startswith("=HYPERLINK") for c in cells)   # kept, as text


def test_cli_export_dta(db, tmp_path):
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "export", "--db", str(db), "--format", "dta",
                        str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT, check=False)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == len(store.TABLES)
    assert "Warning" not in r.stderr


def test_parquet_keeps_lists(db, tmp_path):
    store.export(db, "parquet", tmp_path / "pq")
    projects = pd.read_parquet(tmp_path / "pq" / "projects.parquet")
    assert any(len(v) for v in projects["lead_units"])
    assert json.loads(projects.to_json(force_ascii=False))    # plain data, nothing exotic
