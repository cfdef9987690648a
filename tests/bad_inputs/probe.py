"""Read and extract one file in this process; print one JSON line with the outcome.

    .venv/bin/python tests/bad_inputs/probe.py FILE

{"outcome": "ok"|"error", "error": class, "message": str, "seconds": float, "cpu_seconds": float,
 "peak_rss_mb": float,
 "projects": int}.  Anything other than a MinshengError escapes as a traceback (exit 1): that
is a crash.  The bad-input tests and benchmarks/fuzz_long.py run it as a subprocess to
measure peak memory (getrusage of this process) and to bound time (a timeout on the child).
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """This process's peak RSS.  /proc's VmHWM belongs to this program's memory since exec;
    getrusage's ru_maxrss would include the parent's size at fork time."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024      # Linux: kilobytes


def run(path: str) -> dict:
    from extractors import extract
    from gazetteer import load
    from pipeline.errors import MinshengError
    from pipeline.readers import read

    gaz = load()
    base = peak_rss_mb()
    t0, cpu0 = time.perf_counter(), time.process_time()
    try:
        contract = extract(read(path), gaz).to_contract()
        out = {"outcome": "ok", "projects": len(contract["projects"])}
    except MinshengError as exc:
        out = {"outcome": "error", "error": type(exc).__name__, "message": str(exc)}
    out.update(seconds=round(time.perf_counter() - t0, 3), cpu_seconds=round(time.process_time() - cpu0, 3),
               peak_rss_mb=round(peak_rss_mb(), 1),
               baseline_rss_mb=round(base, 1))
    return out


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1]), ensure_ascii=False))
