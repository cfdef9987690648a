"""The ingest flow end to end: a real Prefect run (quiet local mode) over samples/, re-runs
that do no work, failures recorded, kill -9 and resume, two ingests at once, scale-out."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
MINSHENG = str(Path(sys.executable).with_name("minsheng"))


@pytest.fixture(scope="session", autouse=True)
def prefect_home(tmp_path_factory):
    """One PREFECT_HOME for the session (its database is created once, ~8 s saved a run);
    subprocesses inherit it."""
    home = os.environ.get("MINSHENG_TEST_PREFECT_HOME") or str(tmp_path_factory.mktemp("prefect"))
    os.environ["PREFECT_HOME"] = home
    yield home


def ingest_json(capsys, *args: str) -> tuple[int, dict]:
    from pipeline.cli import main

    capsys.readouterr()
    rc = main(["ingest", *args, "--json"])
    return rc, json.loads(capsys.readouterr().out)


def consistent(db: Path) -> int:
    """Every stored document has exactly the rows its counts say: nothing half written."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        bad = con.execute("""
            SELECT d.source FROM documents d
            LEFT JOIN (SELECT sha256, count(*) n FROM projects GROUP BY 1) p USING (sha256)
            LEFT JOIN (SELECT sha256, count(*) n FROM targets GROUP BY 1) t USING (sha256)
            LEFT JOIN (SELECT sha256, count(*) n FROM flags WHERE code <> 'TARGET_CONFLICT' GROUP BY 1) f USING (sha256)
            WHERE coalesce(p.n, 0) <> d.n_projects OR coalesce(t.n, 0) <> d.n_targets OR coalesce(f.n, 0) <> d.n_flags
        """).fetchall()
        assert bad == []
        orphans = con.execute("SELECT count(*) FROM projects WHERE sha256 NOT IN (SELECT sha256 FROM documents)")
        assert orphans.fetchone()[0] == 0
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def archive(folder: Path, n: int) -> Path:
    """n text documents with distinct bytes, from samples/txt and samples/corpus."""
    sources = sorted((ROOT / "samples" / "txt").glob("*.txt")) + sorted((ROOT / "samples" / "corpus").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        (folder / f"{i:04d}_{src.name}").write_bytes(src.read_bytes() + f"\n档案副本{i}\n".encode())
    return folder


@pytest.mark.slow
def test_ingest_samples_rerun_and_failures(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "incoming"
    shutil.copytree(ROOT / "tests" / "bad_inputs", bad, ignore=shutil.ignore_patterns("*.py"))
    (bad / "README").write_text("notes on this folder, not a document\n")
    db = tmp_path / "s.duckdb"

    rc, first = ingest_json(capsys, str(ROOT / "samples"), str(bad), "--db", str(db))
    assert rc == 0
    assert first["new"] >= 60 and first["unchanged"] == 0
    assert first["skipped"] >= 1                                   # the README (and any non-document)
    failed = {Path(p).name for p, _ in first["failures"]}
    assert {"empty.txt", "photo.jpg", "truncated.pdf", "encrypted.pdf", "error_page.pdf"} <= failed
    assert all("\n" not in reason and reason.startswith(str(bad)) for _, reason in first["failures"])
    assert first["projects"] > 500 and first["flags"]
    assert consistent(db) == first["new"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == first["failed"]
    con.close()

    from pipeline import flows

    def no_work(paths):
        raise AssertionError(f"re-run extracted {paths}")

    monkeypatch.setattr(flows, "process", no_work)
    rc, again = ingest_json(capsys, str(ROOT / "samples"), str(bad), "--db", str(db), "--strict")
    assert rc == 1                                                 # --strict: failures make it exit 1
    assert again["new"] == 0 and again["unchanged"] == first["new"] and again["failed"] == first["failed"]
    assert again["projects"] == first["projects"]

    from pipeline import load

    frames = load(db)
    assert len(frames["documents"]) == first["new"] and len(frames["projects"]) == first["projects"]


def test_a_rerun_with_nothing_new_never_starts_prefect(tmp_path, capsys):
    """Every file stored already: the run hashes the files, asks the store, prints the summary and ends
    without importing Prefect or booting its server (seconds, not the flow's start-up)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted((ROOT / "samples" / "txt").glob("*.txt"))[:3]:
        shutil.copy(src, folder / src.name)
    db = tmp_path / "s.duckdb"
    rc, first = ingest_json(capsys, str(folder), "--db", str(db))
    assert rc == 0 and first["new"] == 3
    probe = ("import json, sys\nfrom pipeline.cli import main\n"
             f"rc = main(['ingest', {str(folder)!r}, '--db', {str(db)!r}, '--json'])\n"
             "print('PREFECT', 'prefect' in sys.modules, file=sys.stderr)\nsys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", probe], check=False, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    again = json.loads(out.stdout)
    assert (again["new"], again["unchanged"], again["projects"]) == (0, 3, first["projects"])
    assert "PREFECT False" in out.stderr


@pytest.mark.slow
def test_kill_9_then_resume(tmp_path):
    docs = archive(tmp_path / "arch", 150)
    db = tmp_path / "k.duckdb"
    cmd = [MINSHENG, "ingest", str(docs), "--db", str(db), "--batch-size", "5"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stderr:
            if "documents," in line:                               # the first batch is committed
                break
        servers = children(proc.pid, "uvicorn")
        assert servers, "the ingest runs Prefect's temporary server as its child"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert gone(servers), "the killed ingest left Prefect's temporary server running"
    stored = consistent(db)
    assert 0 < stored < 150
    done = subprocess.run(check=False, args=cmd + ["--json"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["unchanged"] == stored and report["new"] == 150 - stored
    assert consistent(db) == 150


@pytest.mark.slow
def test_two_ingests_at_once_fail_clearly(tmp_path):
    docs = archive(tmp_path / "arch", 60)
    db = tmp_path / "c.duckdb"
    first = subprocess.Popen([MINSHENG, "ingest", str(docs), "--db", str(db)], stderr=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert "files found" in first.stderr.readline()            # it holds the database now
        second = subprocess.run(check=False, args=[MINSHENG, "ingest", str(docs), "--db", str(db)], capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and str(db) in lines[0] and "in use" in lines[0], second.stderr
        _, err = first.communicate(timeout=600)
    finally:
        first.kill()
    assert first.returncode == 0, err
    assert consistent(db) == 60


def children(pid: int, word: str) -> list[int]:
    """Child processes of `pid` whose command line holds `word` (read from /proc)."""
    found = []
    for d in Path("/proc").iterdir():
        try:
            if d.name.isdigit() and int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid \
                    and word in (d / "cmdline").read_text():
                found.append(int(d.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def gone(pids: list[int], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.scaleout
def test_scale_out_on_a_prefect_server_and_two_dask_workers(tmp_path):
    """The flow against `prefect server start` with a two-process Dask cluster; the run shows
    on the server."""
    import httpx

    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "server-home")}
    # a real server records task runs: undo the quiet-local-mode switches this process may carry
    server_env = {**env, "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "true",
                  "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "true"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("prefect")), "server", "start", "--host",
                               "127.0.0.1", "--port", str(port)], env=server_env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.time() < deadline, "prefect server did not start"
            time.sleep(1)
        docs = archive(tmp_path / "arch", 40)
        run = subprocess.run(check=False, args=[MINSHENG, "ingest", str(docs), "--db", str(tmp_path / "d.duckdb"), "--workers", "2",
                              "--json"], env={**env, "PREFECT_API_URL": api}, capture_output=True, text=True,
                             timeout=600)
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["new"] == 40
        runs = httpx.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()
        assert any(r["state_type"] == "COMPLETED" for r in runs)
        deadline = time.time() + 60          # the server records task runs from events, a little later
        while True:
            tasks = httpx.post(f"{api}/task_runs/filter", json={}, timeout=10).json()
            if len(tasks) >= 2 or time.time() > deadline:
                break
            time.sleep(2)
        assert len(tasks) >= 2
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
