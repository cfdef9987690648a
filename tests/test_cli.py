"""The command line as a user meets it: documented commands and flags, one-line errors."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.checks import CHECKS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(*args, stdin=None):
    return subprocess.run(check=False, args=[sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, input=stdin)


def _commands():
    from pipeline.cli import cli

    return cli.list_commands(None)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command):
    assert f"minsheng {command}" in README


@pytest.mark.parametrize("command", ["read", "extract", "check", "ingest", "export", "compare", "serve"])
def test_the_documented_commands_exist(command):
    assert command in _commands()


def _options():
    """(command, --option) for every option of every command that loads in this installation."""
    import click

    from pipeline.cli import cli

    out = []
    for name in _commands():
        command = cli.get_command(None, name)
        for p in command.params:
            if isinstance(p, click.Option):
                out += [(name, o) for o in p.opts if o.startswith("--") and o != "--help"]
    return out


@pytest.mark.parametrize("command, option", _options(), ids=lambda x: x)
def test_every_option_is_documented(command, option):
    assert option in README, f"minsheng {command} {option} is not in the README"


@pytest.mark.parametrize("code", [c for c, _ in CHECKS] + ["TARGET_CONFLICT"])
def test_every_flag_is_documented(code):
    assert re.search(rf"^\| {code} \|", README, re.MULTILINE), code


def test_extract_prints_contract_json():
    r = run("extract", "samples/txt/004_c24871eb355e82a1.txt")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["schema"] == "minsheng/1"
    assert any(f["code"] == "RATE_MISMATCH" for f in out["flags"])


def test_extract_reads_standard_input():
    text = (ROOT / "samples/txt/003_60392485317af752.txt").read_text(encoding="utf-8")
    r = run("extract", "-", stdin=text)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["document"]["source"] == "-"


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""),
    ("garbage.txt", bytes(range(256)) * 40),
    ("page.pdf", b"<html><body>404 Not Found</body></html>"),
    ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100),
])
def test_bad_input_is_one_line(tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content)
    r = run("extract", str(f))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"minsheng: {f}: "), r.stderr
    assert "Traceback" not in r.stderr


def test_views(tmp_path):
    for fmt in ("csv", "markdown", "table"):
        r = run("extract", "samples/txt/000_98d808fb349556f5.txt", "--format", fmt)
        assert r.returncode == 0 and "农村危房改造" in r.stdout
    out = tmp_path / "x.xlsx"
    r = run("extract", "samples/txt/004_c24871eb355e82a1.txt", "--format", "xlsx", "-o", str(out))
    assert r.returncode == 0 and out.stat().st_size > 0


def test_read_takes_several_files(tmp_path):
    r = run("read", "samples/conflict/linli_2024_plan.txt", "samples/conflict/linli_2024_progress_h1.txt")
    assert r.returncode == 0, r.stderr
    heads = [x for x in r.stdout.splitlines() if x.startswith("==> ")]
    assert heads == ["==> samples/conflict/linli_2024_plan.txt <==", "==> samples/conflict/linli_2024_progress_h1.txt <=="]


def test_read_json_lines_and_a_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    r = run("read", "--json", "samples/conflict/linli_2024_plan.txt", str(missing))
    assert r.returncode == 1
    assert len(r.stdout.splitlines()) == 1 and json.loads(r.stdout)["blocks"]
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and str(missing) in r.stderr


@pytest.mark.parametrize("args, says", [
    (["read"], "Missing argument"),
    (["extract"], "Missing argument"),
    (["check"], "Missing argument"),
    (["ingest", "samples/txt"], "Missing option '--db'"),
    (["export", "--db", "x.duckdb"], "Missing"),
    (["export", "--db", "x.duckdb", "--format", "pdf", "out"], "'pdf' is not one of"),
    (["compare"], "Missing option '--db'"),
    (["compare", "--db", "no-such.duckdb"], "does not exist"),
    (["serve", "--port", "many"], "--port"),
    (["frobnicate"], "No such command"),
    (["extract", "--no-such-flag", "a.txt"], "No such option"),
], ids=lambda x: "-".join(x) if isinstance(x, list) else None)
def test_usage_errors_are_one_line_exit_2(args, says):
    r = run(*args)
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "--help" in lines[0], r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("regions, shown, rest", [
    (3, 3, None),
    (15, 15, None),
    (40, 15, "… and 25 more regions"),
], ids=["few", "exactly the limit", "many"])
def test_ingest_summary_names_the_largest_regions_and_counts_the_rest(capsys, regions, shown, rest):
    """An archive of a hundred counties gives a readable summary: the regions with most documents,
    then how many more there are."""
    from pipeline.cli_batch import _print_summary

    report = {"new": 1, "unchanged": 0, "failed": 0, "duplicates": 0, "skipped": 0, "seconds": 1.0, "failures": []}
    totals = {"documents": 1, "projects": 0, "targets": 0, "progress": 0, "by_kind": {}, "by_year": {}, "flags": {},
              "by_region": [(f"甲{i}县", f"{500100 + i}", 100 - i) for i in range(regions)]}
    _print_summary(report, totals)
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("documents by region"))
    assert line.count("县 (") == shown
    assert "甲0县 (500100) 100" in line
    assert (rest in line) if rest else "more regions" not in line
