"""What the Makefile promises: `make bench` runs benchmarks that exist, `make test` says what it
installs or skips, CI runs `make test`."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import run_all


@pytest.mark.parametrize("name", sorted(run_all.BENCHMARKS))
def test_every_listed_benchmark_exists(name):
    assert (ROOT / "benchmarks" / f"{name}.py").exists()


def test_run_all_runs_one_benchmark_quickly():
    r = subprocess.run([sys.executable, "benchmarks/run_all.py", "--only", "coverage"], cwd=ROOT,
                       capture_output=True, text=True, check=False, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "coverage         ok" in r.stdout


@pytest.mark.parametrize("target, command", [
    ("bench", "benchmarks/run_all.py"),
    ("test", "pytest"),
    ("test", ".ci/system-deps"),
    ("check", "mypy pipeline extractors gazetteer"),
    ("samples", "samples/make_conflict.py"),
], ids=["bench", "test", "test-deps", "check", "samples"])
def test_make_targets(target, command):
    r = subprocess.run(["make", "-n", "-W", "pyproject.toml", target], cwd=ROOT, capture_output=True, text=True,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert command in r.stdout


def test_ci_runs_make_test_strictly():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "MINSHENG_STRICT_DEPS=1 make test" in text


def test_system_deps_script_parses():
    assert subprocess.run(["bash", "-n", str(ROOT / ".ci" / "system-deps")], check=False).returncode == 0
