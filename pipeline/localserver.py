"""Prefect's temporary API server for one ingest, launched without importing Prefect.

Prefect starts the same server by itself when no PREFECT_API_URL is set (uvicorn over
`prefect.server.api.server:create_app` on loopback, UI off), but it first imports the whole
server application into the ingest's process: ~120 MB of FastAPI, SQLAlchemy and models the
ingest never uses (measured: 545 MB peak vs 421 MB on 625 DOCX files). Launched from here,
the server also boots while the CLI imports Prefect and the extractors (it takes 4–10 s),
and it is tied to the ingest (PR_SET_PDEATHSIG on Linux): a killed ingest leaves no server.

    server = LocalServer()          # at once, before the heavy imports
    ...
    url = server.ready()            # waits for /api/health
    ...
    server.stop()
"""
from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Run by the server's process before it becomes uvicorn: ask Linux for SIGTERM when the
# ingest dies (PR_SET_PDEATHSIG = 1, kept across exec), then exec the server. Done in the
# child rather than in a preexec_fn, which is unsafe once threads run.
_TIED = """import ctypes, os, signal, sys
if sys.platform == "linux":
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)
    if os.getppid() != int(sys.argv[1]):
        sys.exit(0)
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""


QUIET_SERVICES = ("CANCELLATION_CLEANUP", "CLEANUP_RECONCILER", "EVENT_PERSISTER", "FOREMAN", "LATE_RUNS",
                  "PAUSE_EXPIRATIONS", "REPOSSESSOR", "SCHEDULER", "TASK_RUN_RECORDER", "TRIGGERS")


def _project_root() -> Path:
    here = Path(__file__).resolve().parent.parent
    return here if (here / "pyproject.toml").exists() else Path.cwd()


def quiet_defaults(environ: dict = os.environ) -> None:  # type: ignore[assignment]
    """Prefect settings for a quiet, offline local mode; the user's own values win."""
    defaults = {
        "PREFECT_HOME": str(_project_root() / "data" / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "DASK_LOGGING__DISTRIBUTED": "warning",
        "DASK_DISTRIBUTED__WORKER__DAEMON": "false",
        **{f"PREFECT_SERVER_SERVICES_{s}_ENABLED": "false" for s in QUIET_SERVICES},
    }
    for key, value in defaults.items():
        environ.setdefault(key, value)
    try:   # Prefect creates its home but not the folders above it
        Path(environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    except OSError:
        pass


def wanted(environ: dict = os.environ) -> bool:   # type: ignore[assignment]
    """Whether an ingest here runs on a temporary server: the user has not named their own."""
    return not environ.get("PREFECT_API_URL")


class LocalServer:
    def __init__(self) -> None:
        spec = importlib.util.find_spec("prefect")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("Prefect is not installed")
        site = Path(next(iter(spec.submodule_search_locations))).parent
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env.update(PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        # a file, not a pipe: a full pipe would stall the server; it lives as long as the server
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-c", _TIED, str(os.getpid()), "-m", "uvicorn", "--app-dir", str(site), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log)

    def ready(self, timeout: float | None = None) -> str:
        """The server's API URL once it answers; RuntimeError if it exits or stays silent."""
        import http.client

        if timeout is None:
            timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))
        deadline = time.monotonic() + timeout
        while True:
            try:    # plain HTTP on loopback: httpx would load the CA certificates for every try (~25 ms)
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                try:
                    conn.request("GET", "/api/health")
                    if conn.getresponse().status == 200:
                        return self.url
                finally:
                    conn.close()
            except (OSError, http.client.HTTPException):
                pass
            if self.process is None or self.process.poll() is not None:
                self.log.seek(0)
                last = (self.log.read().decode(errors="replace").strip().splitlines() or ["no output"])[-1]
                raise RuntimeError(f"Prefect's temporary server exited: {last}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Prefect's temporary server did not answer within {timeout:.0f} s")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        self.process = None


@contextmanager
def launched() -> Iterator[LocalServer]:
    server = LocalServer()
    try:
        yield server
    finally:
        server.stop()
