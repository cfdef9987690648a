"""Cross-year comparison: one project type under all its wordings, from a real DuckDB file."""
import glob

from extractors import extract
from gazetteer import load
from pipeline import store
from pipeline.compare import compare, pivot
from pipeline.readers import read


def test_prenatal_screening_across_seeds(tmp_path):
    db = tmp_path / "a.duckdb"
    gaz = load()
    con = store.connect(db)
    store.write_documents(con, [extract(read(f), gaz).to_contract() for f in sorted(glob.glob("samples/txt/*.txt"))])
    con.close()
    rows = compare(db, "孕产妇产前筛查")
    got = sorted((int(r.year), r.target, r.unit) for r in rows.itertuples())
    assert got == [(2017, 8500, "人"), (2019, 3600, "人"), (2021, 16500, "人次")]
    jobs = sorted(compare(db, "新增城镇就业")["target"])
    assert jobs == [6000, 8950, 23000]
    assert not pivot(rows).empty


def test_unclassified_words(tmp_path):
    from pipeline.compare import unclassified

    db = tmp_path / "b.duckdb"
    gaz = load()
    con = store.connect(db)
    store.write_documents(con, [extract(read(f), gaz).to_contract() for f in sorted(glob.glob("samples/txt/00[23]*.txt"))])
    con.close()
    names, words = unclassified(db)
    assert len(names) > 0
    assert words["names"].is_monotonic_decreasing
    assert all(len(w) >= 2 for w in words["word"])
