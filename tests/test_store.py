"""The store: rows of the contract, one transaction a write, TARGET_CONFLICT, exports, load()."""
from __future__ import annotations

import copy
import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from extractors.conflicts import TargetRow, target_conflicts
from pipeline import store

SHA_A, SHA_B, SHA_C = "a" * 64, "b" * 64, "c" * 64


def contract(sha: str, source: str, value: float = 1465, year: int = 2017, code: str = "430903") -> dict:
    ev = {"text": f"农村危房改造{value:g}户", "line": 3, "page": None, "table": 1, "row": 2}
    return {
        "schema": "minsheng/1", "extractor_version": "test",
        "document": {"source": source, "sha256": sha, "format": "txt", "kind": "plan", "title": "实施意见",
                     "doc_number": None, "issuer": None, "date": "2017-03-01", "year": year, "period": None,
                     "region": {"name": "赫山区", "code": code, "path": ["湖南省", "益阳市", "赫山区"]},
                     "encoding": "utf-8", "warnings": []},
        "projects": [{"seq": "1", "category": None, "name": "农村危房改造", "canonical": "rural_housing_renovation",
                      "level": None, "targets": [{"text": ev["text"], "value": value, "unit": "户", "op": "=",
                                                  "raw": f"{value:g}户"}],
                      "deadline": "2017-12-31", "leaders": ["夏洁"], "lead_units": ["区住建局"], "partner_units": [],
                      "progress": [{"as_of": None, "region": None, "completed": {"value": 22, "unit": "户"},
                                    "rate": 1.5, "status": "lagging", "text": "已完成22户"}], "evidence": ev}],
        "summaries": [{"subject": "全区", "total": 10, "unit": "件", "parts": {"done": 3}, "listed": None,
                       "evidence": ev}],
        "flags": [{"code": "OVER_COMPLETION", "severity": "info", "message": "超额完成", "expected": 100,
                   "found": 243, "evidence": ev}],
    }


@pytest.fixture
def con(tmp_path):
    c = store.connect(tmp_path / "s.duckdb")
    yield c
    c.close()


def counts(con) -> dict:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in store.TABLES}


def test_a_document_lands_in_every_table(con):
    store.write_documents(con, [contract(SHA_A, "a.txt")])
    assert counts(con) == {"documents": 1, "projects": 1, "targets": 1, "progress": 1, "summaries": 1, "flags": 1,
                           "failures": 0}
    row = con.execute("SELECT region_code, year, n_projects, leaders FROM documents JOIN projects USING (sha256)")
    assert row.fetchone() == ("430903", 2017, 1, ["夏洁"])
    stored = json.loads(con.execute("SELECT contract FROM documents").fetchone()[0])
    assert stored["document"]["sha256"] == SHA_A


def test_rewriting_a_document_replaces_its_rows(con):
    store.write_documents(con, [contract(SHA_A, "a.txt")])
    newer = contract(SHA_A, "a.txt", value=1500)
    newer["extractor_version"] = "newer"
    store.write_documents(con, [newer])
    assert counts(con)["targets"] == 1
    assert con.execute("SELECT value FROM targets").fetchone()[0] == 1500
    assert store.known(con, "newer")[0] == {SHA_A} and store.known(con, "test")[0] == set()


def test_a_failed_write_leaves_nothing_half_written(con):
    bad = contract(SHA_B, "b.txt")
    bad["projects"][0]["targets"][0]["value"] = "not a number"
    with pytest.raises((duckdb.Error, ValueError, TypeError)):
        store.write_documents(con, [contract(SHA_A, "a.txt"), bad])
    assert counts(con) == dict.fromkeys(store.TABLES, 0)


def test_a_stored_document_clears_its_failure(con):
    store.write_failure(con, "a.txt", SHA_A, "test", "DocumentLoadError", "a.txt: broken — fix it")
    assert counts(con)["failures"] == 1
    store.write_documents(con, [contract(SHA_A, "a.txt")])
    assert counts(con)["failures"] == 0


def test_target_conflict_names_both_documents(con):
    store.write_documents(con, [contract(SHA_A, "plan.txt"), contract(SHA_B, "report.txt", value=1500),
                                contract(SHA_C, "plan.docx")])
    assert store.refresh_conflicts(con) == 2        # 1500 against each of the two 1465s
    msgs = [r[0] for r in con.execute("SELECT message FROM flags WHERE code = 'TARGET_CONFLICT'").fetchall()]
    assert all("report.txt" in m and "1500户" in m and "1465户" in m for m in msgs)
    assert store.refresh_conflicts(con) == 2        # recomputed, not accumulated
    assert counts(con)["flags"] == 3 + 2


T = {"source": "x", "region_code": "430903", "region_name": "赫山区", "year": 2017,
     "canonical": "rural_housing_renovation", "name": "农村危房改造", "unit": "户", "text": "农村危房改造"}


@pytest.mark.parametrize("a, b, conflicts", [
    ([1465], [1465], 0),
    ([1465], [1465.0], 0),
    ([1465], [1500], 1),
    ([3, 5], [3], 0),            # one document restates only some of the other's targets
    ([3, 5], [3, 6], 1),
], ids=["same", "int-float", "different", "subset", "overlap-but-differ"])
def test_conflict_rule(a, b, conflicts):
    rows = [TargetRow(sha256=SHA_A, value=v, **T) for v in a] + [TargetRow(sha256=SHA_B, value=v, **T) for v in b]
    assert len(list(target_conflicts(rows))) == conflicts


@pytest.mark.parametrize("field, other", [("year", 2018), ("region_code", "430902"), ("unit", "人"),
                                          ("canonical", "other_type")])
def test_no_conflict_across_years_regions_units_or_types(field, other):
    rows = [TargetRow(sha256=SHA_A, value=1465, **T), TargetRow(sha256=SHA_B, value=1500, **{**T, field: other})]
    assert list(target_conflicts(rows)) == []


def test_conflict_rule_imports_nothing_from_pipeline():
    # pipeline.errors (the error types every layer raises, the gazetteer's too) is the one module allowed
    code = ("import sys, extractors.conflicts; "
            "print(any(m.startswith('pipeline') and m not in ('pipeline', 'pipeline.errors') for m in sys.modules))")
    assert subprocess.run(check=False, args=[sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


@pytest.mark.parametrize("fmt", store.FORMATS)
def test_export(tmp_path, con, fmt):
    store.write_documents(con, [contract(SHA_A, "a.txt"), contract(SHA_B, "b.txt", value=1500)])
    con.close()
    out = tmp_path / ("out.xlsx" if fmt == "xlsx" else "out")
    files = store.export(tmp_path / "s.duckdb", fmt, out)
    if fmt == "xlsx":
        sheets = pd.read_excel(out, sheet_name=None)
        assert set(sheets) == set(store.TABLES) and len(sheets["targets"]) == 2
        assert sheets["projects"]["leaders"][0] == "夏洁"
    else:
        assert {f.stem for f in files} == set(store.TABLES)
        read = {"parquet": pd.read_parquet, "dta": pd.read_stata}.get(fmt, pd.read_csv)
        assert len(read(out / f"targets.{fmt}")) == 2


def test_load_returns_dataframes(tmp_path, con):
    store.write_documents(con, [contract(SHA_A, "a.txt")])
    con.close()
    from pipeline import load

    frames = load(tmp_path / "s.duckdb")
    assert set(frames) == set(store.TABLES)
    assert frames["targets"]["value"].tolist() == [1465]
    assert "contract" not in frames["documents"]


def test_pipeline_import_stays_light():
    code = "import sys, pipeline; print('duckdb' in sys.modules, 'pandas' in sys.modules)"
    assert subprocess.run(check=False, args=[sys.executable, "-c", code], capture_output=True, text=True).stdout.split() == \
        ["False", "False"]


def test_a_busy_database_is_one_clear_line(tmp_path):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", (f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                                "print('ready', flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(store.StoreBusy) as err:
            store.connect(db)
        msg = str(err.value)
        assert "\n" not in msg and str(db) in msg and "in use" in msg and str(holder.pid) in msg
    finally:
        holder.kill()
        holder.wait()


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(store.StoreError, match="no such database"):
        store.load(tmp_path / "nope.duckdb")


def test_not_a_database(tmp_path):
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("hello")
    with pytest.raises(store.StoreError):
        store.connect(bogus)


def test_rows_keep_evidence():
    rows = store.rows_of(copy.deepcopy(contract(SHA_A, "a.txt")))
    assert rows["projects"][0][-5:] == ("农村危房改造1465户", 3, None, 1, 2)
    assert isinstance(duckdb.__version__, str)


def test_conflicts_over_a_large_store_fit_a_small_buffer_pool(tmp_path, monkeypatch):
    """The conflict check reads the whole store after a long ingest on the same connection: it must
    fit the bounded buffer pool (it ran out of memory at 5,000 real documents with the default 64 MB)."""
    monkeypatch.setenv("MINSHENG_DB_MEMORY", "32MB")
    con = store.connect(tmp_path / "big.duckdb")
    docs = []
    for i in range(3000):
        c = contract(f"{i:064x}", f"notice{i}.txt")
        c["projects"] = [{**copy.deepcopy(c["projects"][0]), "name": f"项目{k}", "canonical": f"type_{k}"}
                         for k in range(12)]
        docs.append(c)
    docs[7]["projects"][0]["targets"][0]["value"] = 1500
    for i in range(0, len(docs), 100):
        store.write_documents(con, docs[i:i + 100])
    assert store.refresh_conflicts(con) == 2999      # the one 1500 against every other document's 1465
    con.close()
