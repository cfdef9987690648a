"""Hostile inputs to ingest, one kind at a time: outcome, seconds and peak memory.

    .venv/bin/python benchmarks/hostile_bench.py

Each file goes the way ingest takes it: the survey (stat, hash, sniff), then one Isolated child
(default limits, or those given) that reads and extracts it; a fresh child per kind, so its peak
(VmHWM) is that kind's. The store kinds (a 1 MB line, a store cut to half) run in this process.
The makers are the test's (tests/test_ingest_hostile.py).
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from test_ingest_hostile import _store, deep_folder, fake_soffice, ole2_doc, one_line_text, pdf_bomb, plan

    from pipeline import store
    from pipeline.isolate import Isolated, Limits, warm
    from pipeline.survey import discover, survey

    warm()
    DEFAULT = Limits()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["PATH"] = f"{fake_soffice(root / 'bin')}:{os.environ['PATH']}"
        kinds: list[tuple[str, str, Limits]] = []

        def add(label: str, name: str | bytes, data: bytes, limits: Limits = DEFAULT) -> None:
            path = os.fsdecode(os.fsencode(str(root)) + b"/" + (name if isinstance(name, bytes) else name.encode()))
            Path(path).write_bytes(data)
            kinds.append((label, path, limits))

        add("GBK file name", "民生实事清单".encode("gbk") + b".txt", plan(1))
        add("stray bytes in the name (\\xff\\xfe)", b"\xff\xfe x.txt", plan(2))
        with open(root / "huge.pdf", "wb") as f:
            f.truncate(5 * 2**30)
        kinds.append(("5 GB sparse file named .pdf", str(root / "huge.pdf"), Limits()))
        (root / "dangling.pdf").symlink_to(root / "nowhere.pdf")
        kinds.append(("dangling symlink", str(root / "dangling.pdf"), Limits()))
        add("hung .doc converter, --timeout 5", "slow.doc", ole2_doc(), Limits(timeout=5))
        pdf_bomb(root / "bomb.pdf", 1024)
        kinds.append(("PDF inflating to 1 GB, default --memory 1536", str(root / "bomb.pdf"), Limits(timeout=60)))
        kinds.append(("PDF inflating to 1 GB, --memory 300", str(root / "bomb.pdf"), Limits(timeout=60, memory_mb=300)))
        add("10 MB text on one line", "one_line.txt", one_line_text(10))
        for label, path, limits in kinds:
            t, before = time.perf_counter(), rss_mb()
            cand = survey(Path(path))
            if cand is not None and cand.reason:
                outcome, peak = cand.reason.split(": ", 1)[1], rss_mb() - before
            else:
                with Isolated(limits) as worker:
                    result = worker.run(path)
                peak = worker.peak_mb
                if "contract" in result:
                    c = result["contract"]
                    before = len(c["document"].get("warnings") or [])
                    cut = store.capped(c)
                    outcome = (f"contract stored as {c['document']['source']!r}" +
                               ("; texts cut in the store, with a warning"
                                if len(cut["document"]["warnings"]) > before else ""))
                else:
                    outcome = result["reason"].split(": ", 1)[1]
            rows.append((label, outcome, time.perf_counter() - t, peak))

        deep = root / "deep"
        deep.mkdir()
        deep_folder(deep, plan(3))
        t, before = time.perf_counter(), rss_mb()
        found = [c for c in discover([deep]) if not isinstance(c, Path)]
        rows.append(("folder past PATH_MAX", found[0].reason.split(": ", 1)[1] if found and found[0].reason
                     else "(nothing said)", time.perf_counter() - t, rss_mb() - before))
        shutil.rmtree(deep)

        whole, half = root / "whole.duckdb", root / "half.duckdb"
        _store(whole, 2000)
        shutil.copy(whole, half)
        os.truncate(half, whole.stat().st_size // 2)
        t = time.perf_counter()
        checked = store.verify(half)
        rows.append(("store cut to half: verify", f"{len(checked['problems'])} tables damaged",
                     time.perf_counter() - t, rss_mb()))
        t = time.perf_counter()
        out = store.repair(half, root / "new.duckdb")
        rows.append(("store cut to half: repair", f"{out['copied']} of {out['documents']} documents copied",
                     time.perf_counter() - t, rss_mb()))

    print("| kind | outcome | seconds | peak MB (the child's; else growth of this process) |")
    print("|---|---|---|---|")
    for label, outcome, seconds, peak in rows:
        print(f"| {label} | {outcome} | {seconds:.2f} | {peak:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
