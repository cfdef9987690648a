"""samples/conflict: two documents of one county and year that disagree on a target, so that
`make run` shows TARGET_CONFLICT; made by samples/make_conflict.py with its expected output."""
import json
import sys
from pathlib import Path

import pytest

from extractors import extract
from gazetteer import load
from pipeline import store
from pipeline.readers import read

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "samples" / "conflict"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))

sys.path.insert(0, str(ROOT / "samples"))
import make_conflict


def test_files_are_what_the_script_writes():
    for name, text in make_conflict.DOCUMENTS.items():
        assert (FOLDER / name).read_text(encoding="utf-8") == text, f"run samples/make_conflict.py ({name})"
    assert EXPECTED == make_conflict.EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]), ids=lambda n: n.split(".")[0])
def test_each_document_reads_as_expected(name):
    want = EXPECTED["documents"][name]
    out = extract(read(FOLDER / name), load()).to_contract()
    doc = out["document"]
    assert (doc["kind"], doc["region"]["code"], doc["year"]) == (want["kind"], want["region_code"], want["year"])
    got = [[p["canonical"], t["value"], t["unit"]] for p in out["projects"] for t in p["targets"]]
    assert got == want["targets"]
    assert not out["flags"]          # each document alone is consistent


def test_the_pair_conflicts_in_the_store(tmp_path):
    gaz = load()
    con = store.connect(tmp_path / "c.duckdb")
    contracts = [extract(read(FOLDER / n), gaz).to_contract() for n in sorted(EXPECTED["documents"])]
    store.write_documents(con, contracts)
    assert store.refresh_conflicts(con) == len(EXPECTED["conflicts"])
    rows = con.execute("SELECT d.source, o.source, f.expected, f.found FROM flags f JOIN documents d USING (sha256) "
                       "JOIN documents o ON o.sha256 = f.other_sha256 WHERE f.code = 'TARGET_CONFLICT'").fetchall()
    con.close()
    want = EXPECTED["conflicts"][0]
    (source, other, expected, found), = rows
    assert Path(source).name == want["document"] and Path(other).name == want["other"]
    assert (json.loads(expected), json.loads(found)) == (want["expected"], want["found"])
