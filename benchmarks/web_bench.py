"""The paste page's API under load: `minsheng serve` in a subprocess, httpx as the client.

    python benchmarks/web_bench.py [--requests 200] [--out benchmarks/RESULTS-web.md]

Measures POST /api/extract for a 10 KB 通报 (the first 10 KB of seed 004, cut at a line
break), one request at a time (p50/p95), then 10 clients at once (each 20 requests in a row),
then 50 concurrent requests (all must answer 200), a DOCX upload, and a 1 MB paste against the
per-request time limit (`serve --time-limit 1`: it must answer 413 文档过长 in about 1 s, and
the next request be served).  The floor: the same extraction in this process, no HTTP, no worker,
measured in the same run (the machine is shared, so the ratio is the number to compare).  Writes the numbers to benchmarks/RESULTS-web.md.
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
TIME_LIMIT = 1


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
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port), "--time-limit",
                             str(TIME_LIMIT)], cwd=ROOT,
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


async def clients(url: str, text: str, n: int = 10, each: int = 20) -> tuple[list[float], list[int]]:
    """`n` clients at once, each with its own connection, `each` requests one after another."""
    async def client():
        out = []
        async with httpx.AsyncClient(base_url=url, timeout=60) as c:
            for _ in range(each):
                t = time.perf_counter()
                r = await c.post("/api/extract", json={"text": text})
                out.append(((time.perf_counter() - t) * 1000, r.status_code))
        return out

    results = [x for batch in await asyncio.gather(*(client() for _ in range(n))) for x in batch]
    return [ms for ms, _ in results], [code for _, code in results]


def too_long(url: str, text: str) -> tuple[float, int, str, int]:
    """A 1 MB paste (the 10 KB 通报 repeated): seconds to the answer, its status and message, then the status of
    the next ordinary request (its worker was replaced)."""
    big = text * (1024 * 1024 // len(text.encode("utf-8")) + 1)
    with httpx.Client(base_url=url, timeout=120) as c:
        t = time.perf_counter()
        r = c.post("/api/extract", json={"text": big})
        took = time.perf_counter() - t
        after = c.post("/api/extract", json={"text": text}).status_code
    return took, r.status_code, (r.json().get("error") or "")[:40] if r.status_code != 200 else "", after


def floor(text: str, n: int = 50) -> list[float]:
    """The extraction alone, in this process: what the server adds is measured against it."""
    from gazetteer import load
    from pipeline.web.worker import extract_one

    gaz, data = load(), text.encode("utf-8")
    for _ in range(5):
        extract_one(data, "floor", "txt", gaz)
    out = []
    for _ in range(n):
        t = time.perf_counter()
        extract_one(data, "floor", "txt", gaz)
        out.append((time.perf_counter() - t) * 1000)
    return out


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
    base = floor(text)
    proc, url = start_server()
    try:
        wall, server = sequential(url, text, args.requests)
        ten_lat, ten_codes = asyncio.run(clients(url, text))
        rounds = [asyncio.run(concurrent(url, text, 50)) for _ in range(3)]
        docx = upload(url)
        long_took, long_code, long_msg, long_after = too_long(url, text)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    conc_lat = [ms for _, lat, _ in rounds for ms in lat]
    codes = [c for _, _, cs in rounds for c in cs]
    errors = sum(c != 200 for c in codes) + sum(c != 200 for c in ten_codes)
    lines = [
        "# Web API benchmark (`benchmarks/web_bench.py`)",
        "",
        (f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end; "
        f"`minsheng serve --time-limit {TIME_LIMIT}` (one uvicorn process; extraction "
        "in its worker processes, pipeline/web/worker.py) in a subprocess, httpx client over loopback."),
        "",
        (f"Input: the first {size / 1024:.1f} KB of seed 004 ({text.count(chr(10))} lines, a 进展情况通报), "
        "pasted as `{\"text\": …}`."),
        "",
        "| measure | p50 | p95 | max |",
        "|---|---|---|---|",
        (f"| POST /api/extract, one at a time, {len(wall)} requests (wall, client side) | {pct(wall, 50):.1f} ms | "
        f"{pct(wall, 95):.1f} ms | {max(wall):.1f} ms |"),
        (f"| floor: the same read + extract + checks in the bench's own process, {len(base)} times | "
        f"{pct(base, 50):.1f} ms | {pct(base, 95):.1f} ms | {max(base):.1f} ms |"),
        (f"| same, time inside the server (Server-Timing: read + extract + checks) | {pct(server, 50):.1f} ms | "
        f"{pct(server, 95):.1f} ms | {max(server):.1f} ms |"),
        (f"| 10 clients at once, 20 requests each (latency per request) | {pct(ten_lat, 50):.0f} ms | "
        f"{pct(ten_lat, 95):.0f} ms | {max(ten_lat):.0f} ms |"),
        (f"| 50 concurrent POST /api/extract, 3 rounds (latency per request) | {pct(conc_lat, 50):.0f} ms | "
        f"{pct(conc_lat, 95):.0f} ms | {max(conc_lat):.0f} ms |"),
        (f"| upload `{DOCX.name}` (multipart), {len(docx)} requests | {pct(docx, 50):.1f} ms | {pct(docx, 95):.1f} ms | "
        f"{max(docx):.1f} ms |"),
        "",
        f"One request at a time costs {pct(wall, 50) / pct(base, 50):.2f}× the floor at p50 (HTTP, JSON, the "
        "worker's pipe). "
        f"10 clients: {len(ten_codes)} requests, {sum(c != 200 for c in ten_codes)} errors. "
        f"50 concurrent requests: {len(codes)} sent in 3 rounds, {sum(c != 200 for c in codes)} errors; a round of 50 took "
        + ", ".join(f"{total / 1000:.2f} s" for total, _, _ in rounds)
        + f" ({50 / (statistics.median(t for t, _, _ in rounds) / 1000):.0f} requests/s). Extraction is CPU-bound "
        "Python; the workers share the machine's cores, so the concurrent latency is queueing.",
        "",
        (f"A 1 MB paste with a {TIME_LIMIT} s limit: answered {long_code} after {long_took:.1f} s (\"{long_msg}…\"); "
        f"the next request: {long_after}."),
        "",
        ("Target (issues 6, 16): p50 <= 50 ms for a 10 KB 通报 one at a time; 10 concurrent clients without error; "
        "(issue 15) a paste past the time limit is refused with a clear message and the server goes on."),
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
