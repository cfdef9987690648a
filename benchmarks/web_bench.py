"""The paste page's API under load: `minsheng serve` in a subprocess, httpx as the client.

    python benchmarks/web_bench.py [--requests 200] [--out benchmarks/RESULTS-web.md]

Measures POST /api/extract for a 10 KB 通报 (the first 10 KB of seed 004, cut at a line
break), one request at a time (p50/p95), then 50 concurrent requests (all must answer 200),
and a DOCX upload.  Writes the numbers to benchmarks/RESULTS-web.md.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "txt" / "004_c24871eb355e82a1.txt"
DOCX = ROOT / "samples" / "docx" / "000_98d808fb349556f5.docx"


def ten_kb_notice() -> str:
    out, size = [], 0
    for line in SEED.read_text(encoding="utf-8").splitlines(keepends=True):
        if size + len(line.encode("utf-8")) > 10 * 1024:
            break
        out.append(line)
        size += len(line.encode("utf-8"))
    return "".join(out)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()}")
    proc.terminate()
    raise SystemExit("server did not start within 60 s")


def sequential(url: str, text: str, n: int) -> tuple[list[float], list[float]]:
    wall, server = [], []
    with httpx.Client(base_url=url, timeout=30) as c:
        for _ in range(10):                                    # warm the connection and the caches
            c.post("/api/extract", json={"text": text}).raise_for_status()
        for _ in range(n):
            t = time.perf_counter()
            r = c.post("/api/extract", json={"text": text})
            wall.append((time.perf_counter() - t) * 1000)
            r.raise_for_status()
            server.append(float(r.headers["server-timing"].split("dur=")[1]))
    return wall, server


async def concurrent(url: str, text: str, n: int) -> tuple[float, list[float], list[int]]:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as c:
        async def one():
            t = time.perf_counter()
            r = await c.post("/api/extract", json={"text": text})
            return (time.perf_counter() - t) * 1000, r.status_code

        t0 = time.perf_counter()
        results = await asyncio.gather(*(one() for _ in range(n)))
        total = (time.perf_counter() - t0) * 1000
    return total, [ms for ms, _ in results], [code for _, code in results]


def upload(url: str, n: int = 20) -> list[float]:
    data = DOCX.read_bytes()
    out = []
    with httpx.Client(base_url=url, timeout=30) as c:
        c.post("/api/extract", files={"file": (DOCX.name, data)}).raise_for_status()
        for _ in range(n):
            t = time.perf_counter()
            c.post("/api/extract", files={"file": (DOCX.name, data)}).raise_for_status()
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS-web.md"))
    args = ap.parse_args()

    text = ten_kb_notice()
    size = len(text.encode("utf-8"))
    proc, url = start_server()
    try:
        wall, server = sequential(url, text, args.requests)
        rounds = [asyncio.run(concurrent(url, text, 50)) for _ in range(3)]
        docx = upload(url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    conc_lat = [ms for _, lat, _ in rounds for ms in lat]
    codes = [c for _, _, cs in rounds for c in cs]
    errors = sum(c != 200 for c in codes)
    lines = [
        "# Web API benchmark (`benchmarks/web_bench.py`)",
        "",
        (f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; `minsheng serve` (one uvicorn worker) in a subprocess, httpx client "
        "over loopback."),
        "",
        (f"Input: the first {size / 1024:.1f} KB of seed 004 ({text.count(chr(10))} lines, a 进展情况通报), "
        "pasted as `{\"text\": …}`."),
        "",
        "| measure | p50 | p95 | max |",
        "|---|---|---|---|",
        (f"| POST /api/extract, one at a time, {len(wall)} requests (wall, client side) | {pct(wall, 50):.1f} ms | "
        f"{pct(wall, 95):.1f} ms | {max(wall):.1f} ms |"),
        (f"| same, time inside the server (Server-Timing: read + extract + checks) | {pct(server, 50):.1f} ms | "
        f"{pct(server, 95):.1f} ms | {max(server):.1f} ms |"),
        (f"| 50 concurrent POST /api/extract, 3 rounds (latency per request) | {pct(conc_lat, 50):.0f} ms | "
        f"{pct(conc_lat, 95):.0f} ms | {max(conc_lat):.0f} ms |"),
        (f"| upload `{DOCX.name}` (multipart), {len(docx)} requests | {pct(docx, 50):.1f} ms | {pct(docx, 95):.1f} ms | "
        f"{max(docx):.1f} ms |"),
        "",
        f"50 concurrent requests: {len(codes)} sent in 3 rounds, {errors} errors; a round of 50 took "
        + ", ".join(f"{total / 1000:.2f} s" for total, _, _ in rounds)
        + f" ({50 / (statistics.median(t for t, _, _ in rounds) / 1000):.0f} requests/s). Extraction is CPU-bound "
        "Python in the threadpool, so one worker serves them one after another; the concurrent latency is queueing.",
        "",
        "Target (issue 6): p50 <= 50 ms for a 10 KB 通报; 50 concurrent requests without error.",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
