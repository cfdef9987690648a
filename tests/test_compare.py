"""Cross-year comparison: one project type under all its wordings, in numbers, from a real DuckDB file."""
import glob
import logging
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extractors import extract
from gazetteer import load
from pipeline import compare as C
from pipeline import store
from pipeline.compare import compare, pivot
from pipeline.readers import read

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    """The five seeds and the conflict pair in one store."""
    db = tmp_path_factory.mktemp("cmp") / "a.duckdb"
    gaz = load()
    files = sorted(glob.glob(str(ROOT / "samples/txt/*.txt"))) + sorted(glob.glob(str(ROOT / "samples/conflict/*.txt")))
    con = store.connect(db)
    store.write_documents(con, [extract(read(f), gaz).to_contract() for f in files])
    store.refresh_conflicts(con)
    con.close()
    return db


def test_prenatal_screening_across_seeds(seeds_db):
    rows = compare(seeds_db, "孕产妇产前筛查")
    got = sorted((int(r.year), r.target, r.unit) for r in rows.itertuples())
    assert got == [(2017, 8500, "人"), (2019, 3600, "人"), (2021, 16500, "人次")]
    assert set(rows["label"]) == {"孕产妇产前筛查"}
    jobs = sorted(compare(seeds_db, "新增城镇就业")["target"])
    assert jobs == [3200, 3500, 6000, 8950, 23000]


def test_rows_carry_their_source_and_line(seeds_db):
    rows = compare(seeds_db, "孕产妇产前筛查")
    assert rows["source"].str.endswith(".txt").all()
    assert rows["line"].notna().all()
    assert rows["target_text"].str.contains("筛查").all()


def test_pivot_is_numbers_with_the_unit_in_the_column(seeds_db):
    table = pivot(compare(seeds_db, "孕产妇产前筛查"))
    assert list(table.index) == [2017, 2019, 2021]
    assert all(pd.api.types.is_float_dtype(t) for t in table.dtypes)
    assert set(table.columns) == {"赫山区（人）", "岳阳楼区（人）", "湘西自治州（人次）"}
    assert table.loc[2019, "岳阳楼区（人）"] == 3600
    import matplotlib

    matplotlib.use("Agg")
    ax = table.plot()           # the point of numbers: a researcher plots them as they come
    assert len(ax.get_lines()) == 3


def test_pivot_by_region(seeds_db):
    table = pivot(compare(seeds_db, "孕产妇产前筛查"), by="region")
    assert "2021（人次）" in table.columns and "赫山区" in table.index


@pytest.mark.parametrize("value, unit, expected", [
    (1200, "名", (1200, "人")),                 # 名 counts people
    (1200, "人", (1200, "人")),
    (1200, "人次", (1200, "人次")),             # times people were served: never turned into 人
    (16_000_000, "元", (1600, "万元")),         # money is compared in 万元
    (45, "公里", (45, "公里")),
    (None, "元", (None, "万元")),
    (3, None, (3, None)),
], ids=["ming", "ren", "renci", "yuan", "km", "none-value", "no-unit"])
def test_comparable_units(value, unit, expected):
    assert C.comparable(value, unit) == expected


def _frame(rows):
    cols = ["type", "label", "year", "region", "target", "unit", "source", "line", "target_text", "sha256"]
    return pd.DataFrame(rows, columns=cols)


def test_people_and_person_times_never_share_a_column():
    df = _frame([["t", "培训", 2020, "甲县", 100.0, "人", "a.txt", 3, "培训100人", "a"],
                 ["t", "培训", 2020, "甲县", 300.0, "人次", "b.txt", 4, "培训300人次", "b"]])
    table = pivot(df)
    assert set(table.columns) == {"甲县（人）", "甲县（人次）"}
    text = C.type_table(df)
    assert "培训（人）" in text and "培训（人次）" in text and "不相加" in text


def test_type_table_marks_a_cell_where_documents_disagree(seeds_db):
    text = C.type_table(compare(seeds_db, "新增城镇就业"))
    assert "新增城镇就业（人）" in text
    assert "3,500*" in text and "TARGET_CONFLICT" in text


@pytest.mark.parametrize("text, expected", [
    ("大方县", 6), ("abc", 3), ("新增就业2.3万", 13),
], ids=["cjk", "ascii", "mixed"])
def test_terminal_width(text, expected):
    assert C.width(text) == expected


def test_render_aligns_chinese_columns():
    out = C.render(["地区", "2020"], [["湘西自治州", "1,000"], ["县", "5"]]).splitlines()
    assert len({C.width(line) for line in out}) == 1


def test_summary_and_types(seeds_db):
    rows = compare(seeds_db)
    table = C.summary(rows)
    assert table.loc["新增城镇就业", 2024] == 2
    listed = C.types(rows)
    jobs = listed[listed["type"] == "urban_new_jobs"].iloc[0]
    assert jobs["label"] == "新增城镇就业" and jobs["targets"] == 5 and jobs["documents"] == 5


def test_chart_title_lines_and_log_scale(seeds_db, caplog):
    rows = compare(seeds_db, "新增城镇就业")
    wide = pd.concat([rows, rows.assign(target=rows["target"] * 1000, region="某省", year=2024)])
    with caplog.at_level(logging.WARNING):
        fig, warning = C.draw(wide)
    ax = fig.axes[0]
    if warning is None:             # a Chinese font is installed (fonts-wqy-zenhei)
        assert ax.get_title() == "新增城镇就业：各地目标（人）"
    assert ax.get_yscale() == "log"                 # 3,200 to 23,000,000: over two orders of magnitude
    assert len(ax.get_lines()) == wide["region"].nunique()
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


def test_chart_without_log_scale_when_values_are_close(seeds_db):
    fig, _ = C.draw(compare(seeds_db, "孕产妇产前筛查"))
    assert [ax.get_yscale() for ax in fig.axes] == ["linear", "linear"]      # 人 and 人次: two panels


def test_unclassified_words(seeds_db):
    names, words = C.unclassified(seeds_db)
    assert len(names) > 0
    assert words["names"].is_monotonic_decreasing
    assert all(len(w) >= 2 for w in words["word"])


def cli(*args):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "compare", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def test_cli_summary_without_type(seeds_db):
    r = cli("--db", seeds_db)
    assert r.returncode == 0, r.stderr
    assert "新增城镇就业" in r.stdout and "prenatal_screening" not in r.stdout
    assert len(r.stdout.splitlines()) < 60            # a summary, not every row


def test_cli_list_types(seeds_db):
    r = cli("--db", seeds_db, "--list-types")
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if "urban_new_jobs" in x)
    assert line.startswith("新增城镇就业") and " 5 " in line


def test_cli_one_type_and_chart(seeds_db, tmp_path):
    png = tmp_path / "c.png"
    r = cli("--db", seeds_db, "--type", "孕产妇产前筛查", "--chart", png)
    assert r.returncode == 0, r.stderr
    assert "孕产妇产前筛查（人）" in r.stdout and "nan" not in r.stdout.lower()
    assert png.stat().st_size > 0
    assert "findfont" not in r.stderr and "Glyph" not in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "--format xlsx needs -o"),
    (["--chart", "x.png"], "--chart needs --type"),
    (["--type", "完全不存在的类型名称"], "no single project type matches"),
], ids=["xlsx-without-o", "chart-without-type", "unknown-type"])
def test_cli_usage_errors_are_one_line_exit_2(seeds_db, args, message):
    r = cli("--db", seeds_db, *args)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr


def test_cli_xlsx_and_csv_are_formula_safe(seeds_db, tmp_path):
    out = tmp_path / "c.xlsx"
    r = cli("--db", seeds_db, "--type", "新增城镇就业", "--format", "xlsx", "-o", out)
    assert r.returncode == 0, r.stderr
    sheets = pd.read_excel(out, sheet_name=None)
    assert set(sheets) == {"pivot", "sources"}
    r = cli("--db", seeds_db, "--type", "新增城镇就业", "--format", "csv")
    assert r.returncode == 0 and "source" in r.stdout.splitlines()[0]
