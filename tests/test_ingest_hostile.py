"""Hostile input to `minsheng ingest` and the store (issue 15): nothing lost without a word,
no document holding the batch, a damaged store told from a full disk.

One ingest runs as a black box over a folder of every kind at once (Prefect starts once): good
documents, file names that are not UTF-8 (GBK, stray bytes), a dangling link, a 5 GB sparse file
named .pdf (made here, on the fly), a folder deeper than PATH_MAX, a .doc whose converter hangs
(--timeout), a PDF whose content inflates to 240 MB (--memory) and a 2 MB text on one line. The
rest run in this process: the printable names, an unlistable folder, the child's limits, a missing
path, verify/repair/export on a store truncated to half, and the sweep of stale soffice folders.
Every input here is made by the functions below, in our own words and numbers.
"""
from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
MINSHENG = str(Path(sys.executable).with_name("minsheng"))

PLAN = """某县2024年重点民生实事项目实施方案
一、新建幼儿园{n}所，新增学位{m}个。
二、改造农村公路{k}公里。
三、新增城镇就业岗位{j}个。
"""


def plan(i: int) -> bytes:
    """A small plan of our own, distinct bytes for each i."""
    return PLAN.format(n=i % 5 + 2, m=300 + i, k=20 + i, j=1000 + i * 7).encode()


# ---------------------------------------------------------------- makers

def pdf_bomb(path: Path, mb: int) -> None:
    """A one-page PDF whose content stream is ~1 MB on disk and inflates to `mb` MB."""
    co = zlib.compressobj(1)
    chunk = b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n" * 30000
    parts, total = [], 0
    while total < mb * 2**20:
        parts.append(co.compress(chunk))
        total += len(chunk)
    parts.append(co.flush())
    stream = b"".join(parts)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"),
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def deep_folder(root: Path, doc: bytes) -> str:
    """Folders nested past PATH_MAX (4096 bytes) with a document at the bottom; the first folder
    whose path is too long to list, as the survey names it."""
    name = "深" * 80                  # 240 bytes a level
    fd = os.open(root, os.O_RDONLY)
    path = str(root)
    first_too_long = None
    try:
        while len(path.encode()) < 4600:
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            path += "/" + name
            if first_too_long is None and len(path.encode()) >= 4096:
                first_too_long = path
        out = os.open("底层.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, doc)
        os.close(out)
    finally:
        os.close(fd)
    assert first_too_long
    return first_too_long


def fake_soffice(folder: Path) -> Path:
    """A LibreOffice that never finishes (a converter stuck on a damaged file)."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "soffice"
    script.write_text("#!/bin/sh\nsleep 120\n")
    script.chmod(0o755)
    return folder


def ole2_doc() -> bytes:
    """A legacy Word file from the samples (only its kind matters: it goes to the converter)."""
    return next(iter(sorted((ROOT / "samples" / "doc").glob("*.doc")))).read_bytes()


def one_line_text(mb: float) -> bytes:
    """A title, then `mb` MB of prose on one line: its title and evidence run to 1/3 million characters a MB."""
    return ("2024年民生实事工作情况\n一、新建学校3所。" + "各项工作有序推进，群众获得感不断增强，" * (int(mb * 2**20) // 57)
            + "\n").encode()


# ---------------------------------------------------------------- the batch, as a black box

TIMEOUT = 6
MEMORY = 100


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile")
    docs = root / "docs"
    docs.mkdir()
    good = []
    for i in range(6):
        p = docs / f"good_{i}.txt"
        p.write_bytes(plan(i))
        good.append(p)
    gbk = os.fsdecode(str(docs).encode() + b"/" + "重点民生实事清单".encode("gbk") + b".txt")
    Path(gbk).write_bytes(plan(100))
    stray = os.fsdecode(str(docs).encode() + b"/\xff\xfe \xd0.txt")
    Path(stray).write_bytes(plan(101))
    (docs / "断开的链接.pdf").symlink_to(root / "gone" / "原件.pdf")
    with open(docs / "huge.pdf", "wb") as f:
        f.truncate(5 * 2**30)              # sparse: 5 GB long, no block written
    too_long = deep_folder(docs, plan(102))
    (docs / "slow.doc").write_bytes(ole2_doc())
    pdf_bomb(docs / "bomb.pdf", 240)     # under the PDF reader's 256 MB guard, over MEMORY
    (docs / "one_line.txt").write_bytes(one_line_text(0.25))
    db = root / "hostile.duckdb"
    (root / "tmp").mkdir()                 # the killed conversion's work folder goes with the test's
    env = {**os.environ, "PREFECT_HOME": os.environ.get("MINSHENG_TEST_PREFECT_HOME") or str(root / "prefect"),
           "PATH": f"{fake_soffice(root / 'bin')}:{os.environ['PATH']}", "TMPDIR": str(root / "tmp")}
    script = ("import resource, subprocess, sys, json, time; t = time.perf_counter(); "
              "p = subprocess.run(sys.argv[1:], capture_output=True); "
              "print(json.dumps({'rc': p.returncode, 'out': p.stdout.decode('utf-8', 'replace'), "
              "'err': p.stderr.decode('utf-8', 'replace'), 'seconds': time.perf_counter() - t, "
              "'peak_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
    cmd = [MINSHENG, "ingest", str(docs), "--db", str(db), "--json", "--timeout", str(TIMEOUT),
           "--memory", str(MEMORY)]
    try:
        done = subprocess.run([sys.executable, "-c", script, *cmd], capture_output=True, text=True, env=env,
                              timeout=300, check=True)
        res = json.loads(done.stdout)
        report = json.loads(res["out"]) if res["rc"] == 0 else {}
        con = duckdb.connect(str(db), read_only=True)
        try:
            stored = {r[0]: r[1] for r in con.execute("SELECT source, warnings FROM documents").fetchall()}
            listed = dict(con.execute("SELECT source, reason FROM failures").fetchall())
        finally:
            con.close()
        yield {**res, "report": report, "stored": stored, "listed": listed, "docs": docs, "good": good,
               "too_long": too_long}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_the_batch_ends_and_nothing_is_lost(batch):
    assert batch["rc"] == 0, batch["err"][-2000:]
    assert "Traceback" not in batch["err"]
    report = batch["report"]
    for source, reason in report["failures"]:
        assert "\n" not in reason and " — " in reason, reason
    docs = str(batch["docs"])
    stored, listed = batch["stored"], batch["listed"]
    assert {str(p) for p in batch["good"]} <= set(stored)
    expected = {f"{docs}/重点民生实事清单.txt", f"{docs}/\\xff\\xfe \\xd0.txt", f"{docs}/one_line.txt"}
    assert expected <= set(stored), sorted(stored)
    for name in ("断开的链接.pdf", "huge.pdf", "slow.doc", "bomb.pdf"):
        assert f"{docs}/{name}" in listed, (name, sorted(listed))
    assert batch["too_long"] in listed, sorted(listed)
    assert report["new"] == len(batch["good"]) + 3 and report["failed"] == 5


@pytest.mark.parametrize("name, says", [
    ("断开的链接.pdf", "a link to"),
    ("huge.pdf", "over the 200 MB limit"),
    ("slow.doc", f"took longer than {TIMEOUT} s"),
    ("bomb.pdf", f"needed more than {MEMORY} MB"),
], ids=["dangling-link", "5gb-sparse-pdf", "hung-converter", "inflating-pdf"])
def test_each_failure_says_what_it_is(batch, name, says):
    assert says in batch["listed"][f"{batch['docs']}/{name}"]


def test_a_folder_past_path_max_is_named(batch):
    assert "longer than the system allows" in batch["listed"][batch["too_long"]]


def test_a_megabyte_line_is_stored_cut_with_a_warning(batch):
    warnings = batch["stored"][f"{batch['docs']}/one_line.txt"]
    assert any("were cut" in w for w in warnings), warnings


def test_the_batch_keeps_within_bounds(batch):
    # the hung converter costs TIMEOUT, the 5 GB file nothing; Prefect's start-up is most of the rest
    assert batch["seconds"] < 120
    assert batch["peak_mb"] < 1500


# ---------------------------------------------------------------- names, folders, the survey

@pytest.mark.parametrize("raw, shown", [
    ("重点民生实事.txt".encode(), "重点民生实事.txt"),
    ("重点民生实事.txt".encode("gbk"), "重点民生实事.txt"),
    ("档案/".encode() + "实事表".encode("gbk") + b".xls", "档案/实事表.xls"),
    (b"\xff\xfe x.txt", "\\xff\\xfe x.txt"),
    (b"line\nbreak.txt", "line\\nbreak.txt"),
], ids=["utf8-unchanged", "gbk-name", "gbk-under-utf8-folder", "stray-bytes-escaped", "newline-escaped"])
def test_printable_names(raw, shown):
    from pipeline.survey import printable

    assert printable(os.fsdecode(raw)) == shown
    shown.encode("utf-8")


def test_an_unlistable_folder_is_a_failure_naming_it(tmp_path, monkeypatch):
    from pipeline import survey

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_bytes(plan(1))
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "y.txt").write_bytes(plan(2))
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(survey.discover([tmp_path]))
    files = [p for p in found if isinstance(p, Path)]
    failed = [c for c in found if isinstance(c, survey.Candidate)]
    assert files == [tmp_path / "a" / "x.txt"]
    assert len(failed) == 1 and failed[0].path == str(tmp_path / "locked")
    assert "could not be listed (Permission denied)" in failed[0].reason


def test_a_sparse_5gb_file_is_refused_without_reading(tmp_path):
    from pipeline.survey import survey

    huge = tmp_path / "big.pdf"
    with open(huge, "wb") as f:
        f.truncate(5 * 2**30)
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    cand = survey(huge)
    assert time.perf_counter() - started < 1.0
    after = resource.getrusage(resource.RUSAGE_SELF)
    assert after.ru_maxrss - before.ru_maxrss < 50 * 1024       # KB: nothing of it read
    assert cand is not None and cand.reason and "over the 200 MB limit" in cand.reason


def test_a_missing_path_is_one_line_exit_2_and_no_store(tmp_path, capsys):
    from pipeline.cli import main

    db = tmp_path / "x.duckdb"
    rc = main(["ingest", str(tmp_path / "nonexist"), "--db", str(db)])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and not db.exists()
    assert err == [f"minsheng: {tmp_path / 'nonexist'}: no such file or folder — check the path"]


# ---------------------------------------------------------------- the child's limits, in process

@pytest.mark.parametrize("make, limits, says", [
    (lambda d: pdf_bomb(d / "bomb.pdf", 240), (60, 150), "needed more than 150 MB"),
    (lambda d: (d / "slow.doc").write_bytes(ole2_doc()), (2, 1024), "took longer than 2 s"),
], ids=["memory", "time"])
def test_a_document_over_a_limit_is_a_failure_and_the_next_goes_on(tmp_path, monkeypatch, make, limits, says):
    from pipeline.isolate import Isolated, Limits

    monkeypatch.setenv("PATH", f"{fake_soffice(tmp_path / 'bin')}:{os.environ['PATH']}")
    make(tmp_path)
    bad = next(p for p in tmp_path.iterdir() if p.is_file())
    good = tmp_path / "good.txt"
    good.write_bytes(plan(7))
    temp = Path(tempfile.gettempdir())
    before = set(temp.glob("minsheng-soffice-*"))
    try:
        with Isolated(Limits(*limits)) as worker:
            started = time.perf_counter()
            failed = worker.run(str(bad))
            assert time.perf_counter() - started < limits[0] + 10
            assert says in failed["reason"] and failed["error"] == "LimitExceeded"
            assert "contract" in worker.run(str(good))
            assert worker.started == 2                      # a fresh child after the failure
    finally:       # the killed conversion's work folder (a later run's sweep would take it)
        for left in set(temp.glob("minsheng-soffice-*")) - before:
            shutil.rmtree(left, ignore_errors=True)


# ---------------------------------------------------------------- a damaged store

def _store(path: Path, n: int) -> None:
    from extractors import extract
    from gazetteer import load
    from pipeline import store
    from pipeline.readers import read_bytes

    gaz = load()
    seeds = [extract(read_bytes(plan(i) * 4, "seed.txt", "txt"), gaz).to_contract() for i in range(5)]
    contracts = []
    for i in range(n):               # distinct documents without extracting each
        c = json.loads(json.dumps(seeds[i % len(seeds)]))
        c["document"].update(sha256=f"{i:064x}", source=f"doc{i}.txt")
        contracts.append(c)
    con = store.connect(path)
    try:
        for k in range(0, n, 50):
            store.write_documents(con, contracts[k:k + 50])
    finally:
        con.close()


STORED = 200


@pytest.fixture(scope="module")
def halved(tmp_path_factory) -> dict[str, Path]:
    """A sound store, and copies cut to half (its documents' records lost too) and to 7/10."""
    root = tmp_path_factory.mktemp("store")
    out = {"whole": root / "whole.duckdb"}
    _store(out["whole"], STORED)
    for name, part in (("half", 0.5), ("seven-tenths", 0.7)):
        out[name] = root / f"{name}.duckdb"
        shutil.copy(out["whole"], out[name])
        os.truncate(out[name], int(out["whole"].stat().st_size * part))
    return out


def test_verify_tells_a_sound_store_from_a_damaged_one(halved, capsys):
    from pipeline.cli import main

    assert main(["verify", "--db", str(halved["whole"])]) == 0
    assert "sound" in capsys.readouterr().out
    assert main(["verify", "--db", str(halved["half"])]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "the store is damaged" in err[0] and "minsheng repair" in err[0], err


@pytest.mark.parametrize("cut", ["half", "seven-tenths"])
def test_repair_copies_every_readable_document_whole(halved, tmp_path, capsys, cut):
    from pipeline import store
    from pipeline.cli import main

    new = tmp_path / "new.duckdb"
    assert main(["repair", "--db", str(halved[cut]), str(new)]) == 0
    out = capsys.readouterr().out
    checked = store.verify(new)
    assert checked["problems"] == []
    copied = checked["documents"]
    assert f"{copied} of {STORED} documents copied" in out, out
    if copied < STORED:               # the rest are named, to be ingested again
        assert f"lost {STORED - copied} documents (doc" in out, out
    if cut == "seven-tenths":         # the documents' records lie in the first part of the file
        assert copied == STORED


def test_export_of_a_damaged_store_is_one_line(halved, tmp_path, capsys):
    from pipeline.cli import main

    assert main(["export", "--db", str(halved["half"]), "--format", "csv", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "the store is damaged" in err[0] and "internal error" not in err[0], err


@pytest.mark.parametrize("exc, damaged, disk", [
    (duckdb.IOException('IO Error: Could not read enough bytes from file "s.duckdb": attempted to read 262144 bytes'),
     True, False),
    (duckdb.IOException("IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2"),
     True, False),
    (duckdb.IOException('IO Error: Could not write file "s.duckdb": No space left on device'), False, True),
    (OSError(errno.ENOSPC, "No space left on device"), False, True),
], ids=["truncated", "checksum", "disk-full", "disk-full-oserror"])
def test_damage_is_told_from_a_full_disk(exc, damaged, disk):
    from pipeline import store

    assert bool(store.damage(exc)) is damaged
    assert bool(store.disk_problem(exc)) is disk


# ---------------------------------------------------------------- soffice leftovers

def test_stale_soffice_folders_of_dead_runs_are_swept(tmp_path):
    from pipeline.readers import doc

    dead_pid = 2**22 + 17          # above Linux's largest pid_max: no process has it
    kinds = {"stale-dead": f"minsheng-soffice-{dead_pid}-abc", "stale-alive": f"minsheng-soffice-{os.getpid()}-def",
             "stale-old-style": "minsheng-soffice-k3j9x_a1", "fresh-dead": f"minsheng-soffice-{dead_pid}-ghi",
             "other": "someone-elses-folder"}
    now = time.time()
    for kind, name in kinds.items():
        (tmp_path / name / "profile").mkdir(parents=True)
        age = 60 if kind == "fresh-dead" else doc.STALE + 60
        os.utime(tmp_path / name, (now - age, now - age))
    removed = doc.sweep(str(tmp_path), now)
    assert sorted(removed) == sorted([kinds["stale-dead"], kinds["stale-old-style"]])
    assert {p.name for p in tmp_path.iterdir()} == {kinds["stale-alive"], kinds["fresh-dead"], kinds["other"]}


# ---------------------------------------------------------------- what the store mends

@pytest.mark.parametrize("title, stored, warned", [
    ("某县2024年重点民生实事项目", "某县2024年重点民生实事项目", None),
    ("民生" * 15000, "民生" * 10000 + "…", "were cut"),
    ("清单\udcff甲", "清单\ufffd甲", "lone surrogates"),
], ids=["clean-unchanged", "long-title-cut", "lone-surrogate-replaced"])
def test_the_store_mends_what_it_cannot_hold(tmp_path, title, stored, warned):
    from extractors import extract
    from gazetteer import load
    from pipeline import store
    from pipeline.readers import read_bytes

    contract = extract(read_bytes(plan(3), "a.txt", "txt"), load()).to_contract()
    contract["document"]["title"] = title
    if warned is None:
        assert store.capped(contract) is contract
    con = store.connect(tmp_path / "m.duckdb")
    try:
        store.write_documents(con, [contract])
        got, warnings = con.execute("SELECT title, warnings FROM documents").fetchone()
    finally:
        con.close()
    assert got == stored
    assert (warned is None and not any("store" in w for w in warnings)) or any(warned in w for w in warnings)
