"""Run the benchmarks that exist, quick by default (`make bench`).

    python benchmarks/run_all.py            # quick: a few minutes, results in a scratch folder
    python benchmarks/run_all.py --full     # the sizes the README quotes; rewrites benchmarks/RESULTS-*.md
    python benchmarks/run_all.py --only extract_bench coverage

Each benchmark runs in its own process with this Python; its output streams through. At the end
one line a benchmark says whether it ran, and how long it took; the exit code is 1 when any
failed. Quick mode writes its RESULTS files to a temporary folder, so the committed ones keep the
numbers of the full runs. A benchmark script not listed below is named at the end, not run.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# name: (quick arguments, full arguments); {out} is the folder RESULTS files go to
BENCHMARKS: dict[str, tuple[list[str], list[str]]] = {
    "extract_bench": ([], []),
    "coverage": (["samples/corpus"], ["samples/corpus"]),
    "ingest_bench": (["--sizes", "100", "--no-dask", "--out", "{out}/RESULTS-ingest.md"],
                     ["--sizes", "1000", "5000", "--out", "{out}/RESULTS-ingest.md"]),
    "web_bench": (["--requests", "30", "--out", "{out}/RESULTS-web.md"],
                  ["--requests", "200", "--out", "{out}/RESULTS-web.md"]),
}
# scripts that are not benchmarks to run here: helpers, or hour-long runs started by hand
NOT_RUN = {"run_all", "make_archive", "fuzz_long"}


def needs(name: str) -> str | None:
    """Why a benchmark cannot run in this installation, or None."""
    if name == "ingest_bench" and not Path(sys.executable).with_name("minsheng").exists():
        return "needs the `minsheng` command beside this Python (pip install -e .)"
    return None


def run(name: str, args: list[str]) -> tuple[str, float]:
    t0 = time.perf_counter()
    print(f"\n=== {name} {' '.join(args)}", flush=True)
    result = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *args], cwd=ROOT, check=False)
    return ("ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"), time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="the README's sizes; RESULTS files in benchmarks/")
    ap.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run these benchmarks only")
    opts = ap.parse_args(argv)

    scratch = None if opts.full else Path(tempfile.mkdtemp(prefix="minsheng-bench-"))
    out = HERE if opts.full else scratch
    status: list[tuple[str, str, float]] = []
    try:
        for name, (quick, full) in BENCHMARKS.items():
            if opts.only and name not in opts.only:
                continue
            if not (HERE / f"{name}.py").exists():
                status.append((name, "skipped: the script is missing", 0.0))
                continue
            if (why := needs(name)) is not None:
                status.append((name, f"skipped: {why}", 0.0))
                continue
            args = [a.replace("{out}", str(out)) for a in (full if opts.full else quick)]
            outcome, seconds = run(name, args)
            status.append((name, outcome, seconds))
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    others = sorted(p.stem for p in HERE.glob("*.py") if p.stem not in BENCHMARKS and p.stem not in NOT_RUN)
    print(f"\n=== benchmarks ({'full' if opts.full else 'quick'})")
    for name, outcome, seconds in status:
        print(f"{name:<16} {outcome}" + (f" in {seconds:.0f} s" if seconds else ""))
    if others:
        print(f"not run (add them to benchmarks/run_all.py): {', '.join(others)}")
    return 1 if any(s.startswith("FAILED") for _, s, _ in status) else 0


if __name__ == "__main__":
    sys.exit(main())
