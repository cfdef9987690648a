"""What reading each document in a child process under limits costs (pipeline/isolate.py).

    .venv/bin/python benchmarks/isolate_bench.py -n 1000

Over an archive of N small documents in mixed formats (make_archive.py), in this process:
read + extract + checks in a plain loop (the floor), then the same documents through one
Isolated child (fork server, time limit, memory bound), alternated `--rounds` times so that a
busy machine hurts both alike; prints the best of each and their ratio, and the child's peak.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    from make_archive import make

    from pipeline.isolate import Isolated, Limits, extract_one, peak_mb, warm
    from pipeline.survey import discover

    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), args.n)
        paths = [str(p) for p in discover([tmp]) if isinstance(p, Path)]
        warm()
        for p in paths[:40]:                        # imports and the gazetteer, once, for both
            extract_one(p)
        plain, isolated, starts, child_peak = [], [], 0, 0.0
        for _ in range(args.rounds):
            t = time.perf_counter()
            a = [extract_one(p) for p in paths]
            plain.append(time.perf_counter() - t)
            t = time.perf_counter()
            with Isolated(Limits()) as worker:
                b = [worker.run(p) for p in paths]
                starts = worker.started
                child_peak = max(child_peak, peak_mb(worker.proc))
            isolated.append(time.perf_counter() - t)
            assert [("contract" in r) for r in a] == [("contract" in r) for r in b]
    best_plain, best_iso = min(plain), min(isolated)
    print(f"documents: {len(paths)}  rounds: {args.rounds}")
    print(f"plain loop (floor):   {best_plain:.2f} s  ({1000 * best_plain / len(paths):.2f} ms/doc)")
    print(f"isolated child:       {best_iso:.2f} s  ({1000 * best_iso / len(paths):.2f} ms/doc), "
          f"{starts} child started")
    print(f"ratio isolated/plain: {best_iso / best_plain:.3f}  (+{1000 * (best_iso - best_plain) / len(paths):.2f} ms/doc)")
    print(f"child peak RSS:       {child_peak:.0f} MB  (this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
