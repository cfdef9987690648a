"""Extraction for the page in worker processes, each request bounded in time.

A thread cannot be stopped, so a 1 MB paste that takes a minute would keep a core busy long after
its request gave up.  Here each extraction runs in one of a few worker processes (`python -m
pipeline.web.worker`, talking over two pipes); a request that passes its time limit gets a clear
message and its worker is killed and replaced (a new one is ready in about a second).  Plain
subprocesses rather than multiprocessing: nothing of the server's own __main__ is imported again.

    pool = Pool(size=2, limit=30.0)
    pool.start()
    out = pool.run(data, source, fmt)     # the minsheng/1 object + "lines" + "unread"
    pool.close()
"""
from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from multiprocessing.connection import Connection

from ..errors import MinshengError

WARM_UP = "关于2022年1-3月全市重点民生实事项目进展情况的通报\n1、由市残联牵头组织实施的“实施无障碍改造300户”项目：全市已完成改造36户，完成年任务12%。\n"
STARTUP = 120.0                  # seconds a new worker may take to import and load before it is given up
# a line that states a figure: 完成改造22户 / 3.3% / 2021年 (a digit, ASCII or full-width)
FIGURE = re.compile(r"[0-9０-９]")


class TooLong(Exception):
    """The extraction passed its time limit."""

    def __init__(self, limit: float) -> None:
        self.limit = limit
        super().__init__(f"took longer than {limit:g} s")


class BadInput(MinshengError):
    """A MinshengError raised in a worker, carried back by its class name and parts."""

    def __init__(self, kind: str, source: str, problem: str, remedy: str) -> None:
        self.kind = kind
        super().__init__(source, problem, remedy)


def extract_one(data: bytes, source: str, fmt: str | None, gaz) -> dict:
    """Read and extract one document; the answer of POST /api/extract."""
    from extractors import extract

    from ..readers import read_bytes

    doc = read_bytes(data, source, fmt)
    out = extract(doc, gaz).to_contract()
    out["lines"] = list(doc.lines)
    out["unread"] = unread(out, out["lines"])
    return out


def unread(out: dict, lines: list[str]) -> dict:
    """How many lines state a figure that no project, summary or flag was read from (the count a page shows
    when nothing is recognised, instead of an all-clear)."""
    used: set[int] = set()
    for item in out["projects"] + out.get("summaries", []) + out["flags"]:
        ln = (item.get("evidence") or {}).get("line")
        if ln:
            used.add(ln)
    n = sum(1 for i, text in enumerate(lines, 1) if i not in used and FIGURE.search(text))
    return {"lines": n}


def serve(inbox: Connection, outbox: Connection) -> None:
    """A worker's loop: (data, source, fmt) in; ("ok", answer) or ("bad", parts) or ("bug", text) out.
    It ends when the server closes its end (the server stopped or died)."""
    from gazetteer import load

    gaz = load()
    extract_one(WARM_UP.encode("utf-8"), "warm-up", "txt", gaz)     # the extractors' lazy imports, once
    outbox.send(("ready", None))
    while True:
        try:
            data, source, fmt = inbox.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple = ("ok", extract_one(data, source, fmt, gaz))
        except MinshengError as exc:
            answer = ("bad", (type(exc).__name__, exc.source, exc.problem, exc.remedy))
        except Exception as exc:  # noqa: BLE001 — a bug of ours: told to the request, the worker lives on
            answer = ("bug", f"{type(exc).__name__}: {exc}")
        try:
            outbox.send(answer)
        except (OSError, ValueError):
            return


class Worker:
    """One `python -m pipeline.web.worker` process and the two ends of its pipes."""

    def __init__(self) -> None:
        down_r, down_w = os.pipe()            # requests: server → worker
        up_r, up_w = os.pipe()                # answers: worker → server
        env = dict(os.environ)
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
        self.process = subprocess.Popen([sys.executable, "-m", "pipeline.web.worker", str(down_r), str(up_w)],
                                        pass_fds=(down_r, up_w), stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, env=env)
        os.close(down_r)
        os.close(up_w)
        self.send = Connection(down_w, readable=False)
        self.recv = Connection(up_r, writable=False)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=5)
        self.send.close()
        self.recv.close()


class Pool:
    """`size` workers; run() borrows one, waits at most `limit` seconds, kills it past that."""

    def __init__(self, size: int = 2, limit: float = 30.0) -> None:
        self.size = size
        self.limit = limit
        self._started = False
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: list[Worker] = []
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._started

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        workers = [threading.Thread(target=self._add, args=(True,)) for _ in range(self.size)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()

    def _add(self, wait: bool = False) -> None:
        """Start a worker; it joins the idle ones once it says it is ready (at once, or in a thread)."""
        w = Worker()
        with self._lock:
            self._all.append(w)
        if wait:
            self._admit(w)
        else:
            threading.Thread(target=self._admit, args=(w,), daemon=True).start()

    def _admit(self, w: Worker) -> None:
        try:
            ok = w.recv.poll(STARTUP) and w.recv.recv()[0] == "ready"
        except (EOFError, OSError):
            ok = False
        if ok:
            self._idle.put(w)
            return
        w.stop()
        with self._lock:
            if w in self._all:
                self._all.remove(w)

    def _drop(self, w: Worker) -> None:
        w.stop()
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        self._add()

    def run(self, data: bytes, source: str, fmt: str | None) -> dict:
        self.start()
        try:
            w = self._idle.get(timeout=STARTUP)
        except queue.Empty:
            raise RuntimeError("no extraction worker is ready") from None
        try:
            w.send.send((data, source, fmt))
            if not w.recv.poll(self.limit):
                raise TooLong(self.limit)
            status, payload = w.recv.recv()
        except TooLong:
            self._drop(w)
            raise
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._drop(w)
            raise RuntimeError(f"the extraction worker stopped ({type(exc).__name__})") from exc
        self._idle.put(w)
        if status == "bad":
            raise BadInput(*payload)
        if status == "bug":
            raise RuntimeError(payload)
        return payload

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.stop()


def default_size() -> int:
    return max(2, min(4, os.cpu_count() or 2))


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
