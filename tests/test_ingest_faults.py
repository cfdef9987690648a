"""Faults around `minsheng ingest`, run as a black box (a subprocess):

- a batch holding every bad input, a file deleted while the run is going, and good documents:
  the run completes, lists every failure (one line each), and stores the good ones;
- the disk fills up while the store is written (a 3 MB tmpfs): nothing is half written, one line
  says so, and the same command finishes the rest once there is room.

Covered elsewhere, not repeated here (tests/test_flow.py, the ingest engineer's):
kill -9 during ingest then resume (test_kill_9_then_resume) and two ingests into one DuckDB
file at once (test_two_ingests_at_once_fail_clearly: the second gets one line, "in use").
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MINSHENG = str(Path(sys.executable).with_name("minsheng"))
sys.path.insert(0, str(HERE / "bad_inputs"))
from make_bad_inputs import derived_inputs


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    home = os.environ.get("MINSHENG_TEST_PREFECT_HOME") or str(tmp_path_factory.mktemp("prefect"))
    return {**os.environ, "PREFECT_HOME": home}


def good_documents(folder: Path, n: int) -> list[Path]:
    """n text documents with distinct bytes, from the samples."""
    sources = sorted((ROOT / "samples" / "txt").glob("*.txt")) + sorted((ROOT / "samples" / "corpus").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        path = folder / f"{i:03d}_{src.name}"
        path.write_bytes(src.read_bytes() + f"\n（副本{i}）\n".encode())
        out.append(path)
    return out


def consistent(db: Path) -> int:
    """Every stored document has exactly the rows its counts say; no orphan rows."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        bad = con.execute("""
            SELECT d.source FROM documents d
            LEFT JOIN (SELECT sha256, count(*) n FROM projects GROUP BY 1) p USING (sha256)
            LEFT JOIN (SELECT sha256, count(*) n FROM targets GROUP BY 1) t USING (sha256)
            WHERE coalesce(p.n, 0) <> d.n_projects OR coalesce(t.n, 0) <> d.n_targets""").fetchall()
        assert bad == [], bad
        for table in ("projects", "targets", "progress", "flags"):
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE sha256 NOT IN (SELECT sha256 FROM documents)")
            assert orphans.fetchone()[0] == 0, table
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory, env) -> dict:
    """One ingest over every bad input, 30 good documents, and one file deleted mid-run."""
    root = tmp_path_factory.mktemp("batch")
    batch = root / "档案 archive"
    batch.mkdir()
    bad = [p for p in (HERE / "bad_inputs").iterdir() if p.is_file() and p.suffix != ".py"]
    for p in bad:
        shutil.copy(p, batch / p.name)
    bad = [batch / p.name for p in bad]
    derived = derived_inputs(batch / "derived")
    good = good_documents(batch / "zz_good", 30)
    vanishing = good[-1]                       # sorted last: deleted before its batch is read
    db = root / "batch.duckdb"
    proc = subprocess.Popen([MINSHENG, "ingest", str(batch), "--db", str(db), "--batch-size", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=root)
    try:
        for line in proc.stderr:
            if "files found" in line:           # discovery and hashing are done; extraction starts
                vanishing.unlink()
                break
        out, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    listed = out.split("\nfailed (", 1)[1].splitlines()[1:] if "\nfailed (" in out else []
    failures = {}
    for line in (ln.strip() for ln in listed if ln.startswith("  ")):
        source = next((str(p) for p in [*bad, *derived.values(), *good] if line.startswith(f"{p}: ")), line)
        failures[source] = line
    return {"rc": proc.returncode, "failures": failures, "stdout": out, "stderr": err, "db": db,
            "bad": bad, "derived": list(derived.values()), "good": good,
            "vanishing": vanishing}


def test_a_batch_of_bad_inputs_completes_and_lists_each_failure(bad_batch):
    assert bad_batch["rc"] == 0, bad_batch["stderr"][-3000:]
    assert "Traceback" not in bad_batch["stderr"]
    failures = bad_batch["failures"]
    for reason in failures.values():
        assert "\n" not in reason and " — " in reason, reason
    must_fail = [p for p in bad_batch["bad"] if p.name.startswith(("empty", "garbage", "truncated", "encrypted",
                                                                   "protected", "error_page", "document", "photo",
                                                                   "merge_bomb", "lying_zip"))]
    missing = [p.name for p in must_fail if str(p) not in failures]
    assert not missing, missing
    assert consistent(bad_batch["db"]) >= len(bad_batch["good"]) - 1


def test_a_file_deleted_mid_ingest_is_a_failure_not_a_crash(bad_batch):
    failures = bad_batch["failures"]
    reason = failures.get(str(bad_batch["vanishing"]))
    assert reason is not None, sorted(failures)
    assert "no such file" in reason.lower(), reason
    con = duckdb.connect(str(bad_batch["db"]), read_only=True)
    try:
        stored = {r[0] for r in con.execute("SELECT source FROM documents").fetchall()}
        listed = {r[0] for r in con.execute("SELECT source FROM failures").fetchall()}
    finally:
        con.close()
    assert {str(p) for p in bad_batch["good"][:-1]} <= stored
    assert str(bad_batch["vanishing"]) in listed


FULL_DOCS = 200      # their store takes ~4 MB, twice the tmpfs


@pytest.fixture(scope="module")
def disk_full(tmp_path_factory, env) -> dict:
    """An ingest whose store sits on a 2 MB tmpfs: the disk fills up part-way. Then the disk
    is given room (remounted at 200 MB) and the same command runs again."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    root = tmp_path_factory.mktemp("full")
    mnt = root / "mnt"
    mnt.mkdir()
    if subprocess.run(check=False, args=["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        good_documents(root / "docs", FULL_DOCS)
        db = mnt / "store.duckdb"
        cmd = [MINSHENG, "ingest", str(root / "docs"), "--db", str(db)]
        full = subprocess.run(check=False, args=cmd, capture_output=True, text=True, env=env, timeout=300)
        first = _copy_out(mnt, root / "after-full")
        subprocess.run(check=True, args=["mount", "-o", "remount,size=200m", str(mnt)], capture_output=True)
        again = subprocess.run(check=False, args=cmd, capture_output=True, text=True, env=env, timeout=300)
        yield {"rc": full.returncode, "stderr": full.stderr, "db": first / db.name,
               "again": again, "db_again": _copy_out(mnt, root / "after-again") / db.name}
    finally:
        subprocess.run(check=False, args=["umount", str(mnt)], capture_output=True)


def _copy_out(mnt: Path, to: Path) -> Path:
    """Copy the store off the tmpfs, to read it from a disk with room for DuckDB's own files."""
    to.mkdir()
    for f in mnt.iterdir():
        if f.is_file():
            shutil.copy(f, to / f.name)
    return to


def test_disk_full_leaves_nothing_half_written(disk_full):
    assert disk_full["rc"] != 0, f"2 MB cannot hold {FULL_DOCS} documents"
    stored = consistent(disk_full["db"])
    assert 0 <= stored < FULL_DOCS


def test_disk_full_is_one_clear_line(disk_full):
    progress = re.compile(rf"minsheng: ({FULL_DOCS} files found|\d+/{FULL_DOCS} documents)")
    err = [ln for ln in disk_full["stderr"].splitlines() if ln.strip() and not progress.match(ln)]
    assert disk_full["rc"] == 1
    assert "Traceback" not in disk_full["stderr"]
    assert len(err) == 1 and "No space left on device" in err[0] and "store.duckdb" in err[0], err


def test_after_disk_full_the_same_command_finishes_the_rest(disk_full):
    again = disk_full["again"]
    assert again.returncode == 0, again.stderr
    assert consistent(disk_full["db_again"]) == FULL_DOCS
    assert "failed" not in again.stdout.split("this run:")[1].split("\n")[0].replace("0 failed", ""), again.stdout


def test_a_fifo_in_the_folder_does_not_block_the_batch(tmp_path, env):
    folder = tmp_path / "docs"
    good_documents(folder, 1)
    os.mkfifo(folder / "管道.txt")
    # its own process group, so that a hung run and the Prefect server it started both go
    proc = subprocess.Popen([MINSHENG, "ingest", str(folder), "--db", str(tmp_path / "f.duckdb")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=40)
    except subprocess.TimeoutExpired:
        pytest.fail("ingest waited on a FIFO")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0 and "管道.txt" in out
