"""Long reliability runs: hypothesis fuzz, atheris (when installed), and the big bad inputs.

    .venv/bin/python benchmarks/fuzz_long.py --examples 5000 --atheris 120 --big

Prints markdown for benchmarks/RESULTS-reliability.md: each run's length and outcomes
(contracts, typed errors by class, crashes with a reproducer), and for each big input its
outcome, time and peak RSS (measured in a child process by tests/bad_inputs/probe.py).
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bad_inputs")]


def hypothesis_run(examples: int) -> dict:
    import test_fuzz
    from hypothesis import HealthCheck, given, settings

    from extractors import extract
    from pipeline.errors import MinshengError
    from pipeline.readers import read_bytes

    counts: collections.Counter = collections.Counter()
    crashes: list[str] = []

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(test_fuzz.mutants())
    def run(data: bytes) -> None:
        try:
            extract(read_bytes(data, "fuzz.txt"), test_fuzz.GAZ).to_contract()
            counts["contract"] += 1
        except MinshengError as exc:
            counts[type(exc).__name__] += 1
        except Exception:  # noqa: BLE001 — a crash: keep a reproducer and go on
            counts["crash"] += 1
            crashes.append(f"{traceback.format_exc(limit=3)}\ninput: {data[:300]!r}")

    t0 = time.perf_counter()
    run()
    return {"engine": "hypothesis (mutated genre documents)", "runs": sum(counts.values()),
            "seconds": round(time.perf_counter() - t0, 1), "outcomes": dict(counts), "crashes": crashes}


def atheris_run(seconds: int) -> dict:
    """Coverage-guided bytes into read_bytes + extract, seeded with the text samples."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        return {"engine": "atheris", "runs": 0, "seconds": 0, "outcomes": {"not installed": 1}, "crashes": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in [*(ROOT / "samples" / "txt").glob("*.txt"), *(ROOT / "samples" / "corpus").glob("*.txt")]:
            (corpus / p.name).write_bytes(p.read_bytes()[:4000])
        harness = Path(tmp) / "harness.py"
        harness.write_text(HARNESS.format(root=str(ROOT)))
        t0 = time.perf_counter()
        done = subprocess.run(check=False, args=[sys.executable, str(harness), f"-max_total_time={seconds}", "-max_len=8000",
                               "-timeout=20", "-rss_limit_mb=3000", f"-artifact_prefix={tmp}/", str(corpus)],
                              capture_output=True, text=True, timeout=seconds + 300)
        log = done.stderr
        runs = next((int(line.split("#")[1].split()[0]) for line in reversed(log.splitlines())
                     if line.startswith("#") and ("DONE" in line or "pulse" in line or "NEW" in line)), 0)
        crashes = [p.read_bytes()[:300].hex() for p in Path(tmp).glob("crash-*")] + \
                  [p.read_bytes()[:300].hex() for p in Path(tmp).glob("timeout-*")]
        tail = "\n".join(log.splitlines()[-30:]) if done.returncode else ""
    return {"engine": "atheris (libFuzzer bytes, read_bytes + extract)", "runs": runs,
            "seconds": round(time.perf_counter() - t0, 1),
            "outcomes": {"exit": done.returncode}, "crashes": crashes + ([tail] if tail else [])}


HARNESS = '''
import sys
sys.path.insert(0, "{root}")
import atheris
with atheris.instrument_imports():
    import pipeline.readers.text, pipeline.formats
from extractors import extract
from gazetteer import load
from pipeline.errors import MinshengError
from pipeline.readers import read_bytes

GAZ = load()


def one(data: bytes) -> None:
    try:
        extract(read_bytes(data, "fuzz.txt"), GAZ).to_contract()
    except MinshengError:
        pass


atheris.Setup(sys.argv, one)
atheris.Fuzz()
'''


def big_runs(names: list[str], timeout: int) -> list[dict]:
    from make_bad_inputs import big_inputs

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            t0 = time.perf_counter()
            path = big_inputs(Path(tmp), [name])[name]
            made = time.perf_counter() - t0
            try:
                done = subprocess.run(check=False, args=[sys.executable, str(ROOT / "tests" / "bad_inputs" / "probe.py"), str(path)],
                                      capture_output=True, text=True, timeout=timeout)
                row = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else \
                    {"outcome": "crash", "message": done.stderr.strip().splitlines()[-1]}
            except subprocess.TimeoutExpired:
                row = {"outcome": f"no result in {timeout} s"}
            row.update(name=name, size_mb=round(path.stat().st_size / 2**20, 2), made_s=round(made, 1))
            out.append(row)
            path.unlink()
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    return out


def main() -> int:
    from make_bad_inputs import BIG

    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=2000)
    ap.add_argument("--atheris", type=int, default=0, help="seconds of atheris (0: skip)")
    ap.add_argument("--big", action="store_true", help="probe the big inputs too")
    ap.add_argument("--big-timeout", type=int, default=600)
    args = ap.parse_args()

    runs = [hypothesis_run(args.examples)] if args.examples else []
    if args.atheris:
        runs.append(atheris_run(args.atheris))
    print("| engine | runs | seconds | outcomes | crashes |\n|---|---|---|---|---|")
    for r in runs:
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(r["outcomes"].items()))
        print(f"| {r['engine']} | {r['runs']} | {r['seconds']} | {outcomes} | {len(r['crashes'])} |")
    for r in runs:
        for c in r["crashes"][:5]:
            print(f"\n```\n{c}\n```")
    if args.big:
        print("\n| input | size MB | outcome | seconds | peak RSS MB |\n|---|---|---|---|---|")
        for row in big_runs(list(BIG), args.big_timeout):
            what = row["outcome"] if row["outcome"] != "error" else f"{row['error']}: {row['message'].split(': ', 1)[1]}"
            print(f"| {row['name']} | {row['size_mb']} | {what} | {row.get('seconds', '—')} | "
                  f"{row.get('peak_rss_mb', '—')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
