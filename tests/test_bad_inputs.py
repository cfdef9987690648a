"""Bad input: every kind gets a typed error whose message is one line naming the file and the
reason, or a valid result (a minsheng/1 contract) — never a traceback, never a hang.

- small, hand-made kinds are committed in tests/bad_inputs/ (make_bad_inputs.py writes them);
- truncations at several points and every wrong extension are derived from the samples at
  test time (`derived_inputs`);
- the big and dangerous ones (bombs, 50 MB of text, 2,000 pages, 1,048,576 rows) are made in
  a temp folder and run in a child process (tests/bad_inputs/probe.py), two at a time, with a
  timeout and the child's peak RSS checked against a generous bound.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractors import extract
from gazetteer import load
from pipeline import errors
from pipeline.readers import doc as doc_reader
from pipeline.readers import read

HERE = Path(__file__).resolve().parent / "bad_inputs"
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from make_bad_inputs import BIG, FORMATS, big_inputs, derived_inputs

OK = "ok"          # a valid contract
ANY = "any"        # a typed error or a valid contract: both are fine, a traceback is not
SECONDS = 20       # per document, in process
GAZ = load()

# committed file -> OK, ANY, or (error class, words the reason must contain)
CASES: dict[str, object] = {
    "empty.txt": (errors.DocumentLoadError, "empty"),
    "whitespace.txt": (errors.DocumentLoadError, "no text"),
    "garbage.txt": (errors.UnsupportedFormat, "binary"),
    **{f"garbage.{ext}": (errors.UnsupportedFormat, "binary") for ext in ("pdf", "docx", "xlsx", "doc", "xls", "html")},
    "error_page.pdf": (errors.DocumentLoadError, "not a PDF"),
    "truncated.pdf": (errors.DocumentLoadError, "truncated"),
    "truncated.docx": (errors.DocumentLoadError, "truncated"),
    "truncated.xlsx": (errors.DocumentLoadError, "truncated"),
    "encrypted.pdf": (errors.EncryptedDocument, "password"),
    "protected.xlsx": (errors.EncryptedDocument, "password"),
    "really_doc.docx": (errors.MinshengError, "LibreOffice"),
    "document.ofd": (errors.UnsupportedFormat, "OFD"),
    "photo.jpg": (errors.DocumentLoadError, "image could not be opened"),   # a JPEG is read (by OCR); this one is damaged
    "mixed_encodings.txt": ANY,          # today: "no encoding minsheng recognises"
    "nul_bytes.txt": OK,
    "lone_surrogates_utf8.txt": ANY,     # today: "no encoding minsheng recognises"
    "lone_surrogates_utf16.txt": OK,
    "surrogate_entities.html": OK,
    "rtl_marks.txt": OK,
    "nested_tables.docx": (errors.DocumentLoadError, "depth"),
    "nested_tables.html": OK,
    "span_bomb.html": OK,
    "gridspan_bomb.docx": OK,
    "merge_bomb.xlsx": (errors.DocumentLoadError, "merged ranges"),
    "last_row_1048576.xlsx": OK,
    "lying_zip_size.docx": (errors.DocumentLoadError, "corrupt"),
}

NOT_A = {"pdf": "not a PDF", "docx": "not a DOCX", "xlsx": "not an XLSX"}


def derived_expectation(name: str) -> object:
    if name.startswith("truncated_"):
        return ANY
    if name.startswith("重点"):
        return OK if name.endswith(".docx") else (errors.DocumentLoadError, "empty")
    real, named = name.split("_named.")
    if real in ("txt", "html") and named in NOT_A:      # the extension promises a binary format
        return (errors.DocumentLoadError, NOT_A[named])
    return OK


# big file -> (expectation, timeout in seconds, peak RSS bound in MB)
BIG_CASES: dict[str, tuple[object, int, int]] = {
    "zip_bomb.docx": ((errors.DocumentLoadError, "ZIP bomb"), 60, 400),
    "zip_bomb.xlsx": ((errors.DocumentLoadError, "ZIP bomb"), 60, 400),
    "entity_bomb.docx": ((errors.DocumentLoadError, "entities"), 60, 400),
    "entity_bomb.xlsx": ((errors.DocumentLoadError, "entities"), 60, 400),
    "long_line_2mb.txt": (OK, 90, 600),
    "pages_2000.pdf": (OK, 90, 600),
    "rows_1048576.xlsx": (OK, 120, 1000),
    "rows_65536.xls": (OK, 90, 1000),
}
assert set(BIG_CASES) | {"text_50mb.txt"} == set(BIG)


class Hang(Exception):
    pass


def outcome(path: Path) -> object:
    """The contract, or the MinshengError raised; anything else propagates (a crash)."""
    def expired(*_):
        raise Hang(f"{path.name}: no result within {SECONDS} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(SECONDS)
    try:
        contract = extract(read(path), GAZ).to_contract()
        json.dumps(contract, ensure_ascii=False).encode("utf-8")      # printable as the CLI prints it
        return contract
    except errors.MinshengError as exc:
        return exc
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check(path: Path, result: object, expected: object, error_class: str | None = None) -> None:
    """`result` is a contract (dict), a MinshengError, or a message string with its class name."""
    if isinstance(result, dict):
        assert expected in (OK, ANY), f"{path.name}: expected {expected}, got a contract"
        assert result["schema"] == "minsheng/1" and result["document"]["source"] == str(path)
        assert isinstance(result["projects"], list) and isinstance(result["flags"], list)
        return
    message = str(result)
    name = type(result).__name__ if error_class is None else error_class
    assert expected != OK, f"{path.name}: expected a contract, got {name}: {message}"
    assert "\n" not in message, message
    assert message.startswith(f"{path}: "), message
    assert " — " in message, f"the message says what to do: {message}"
    if expected != ANY:
        kind, words = expected
        assert name == kind.__name__ or (kind is errors.MinshengError), f"{name}: {message}"
        assert words.lower() in message.lower(), message


@pytest.fixture(scope="module")
def derived(tmp_path_factory) -> dict[str, Path]:
    return derived_inputs(tmp_path_factory.mktemp("derived"))


def derived_names() -> list[str]:
    names = [f"truncated_{int(at * 100)}.{fmt}" for fmt in ("pdf", "docx", "xlsx", "xls") for at in (0.1, 0.5, 0.9, 0.99)]
    names += [f"{real}_named.{named}" for real in FORMATS for named in FORMATS if named != real]
    return names + ["重点 民生实事 2017年（赫山区）.docx", "重点 民生实事 空文件.txt"]


def test_every_fixture_is_a_case():
    committed = {p.name for p in HERE.iterdir() if p.suffix != ".py" and p.is_file()}
    assert committed == set(CASES), committed ^ set(CASES)


def test_at_least_thirty_kinds():
    derived = {n.split("_")[0] + n[n.rfind("."):] if n.startswith("truncated_") else
               "wrong extension" if "_named." in n else "path with spaces and Chinese" for n in derived_names()}
    kinds = set(CASES) | set(BIG) | derived | {"fifo", "folder", "non-UTF-8 file name"}
    assert len(kinds) >= 30, sorted(kinds)


@pytest.mark.parametrize("name", sorted(CASES))
def test_committed_kind(name):
    path = HERE / name
    assert path.exists(), f"missing fixture {name}: run tests/bad_inputs/make_bad_inputs.py"
    check(path, outcome(path), CASES[name])


@pytest.mark.parametrize("name", derived_names())
def test_derived_kind(name, derived, monkeypatch):
    path = derived[name]
    if name.startswith("doc_named.") and not name.endswith(".xls"):
        monkeypatch.setattr(doc_reader, "soffice", lambda: None)    # one real conversion (.xls) is enough
        result = outcome(path)
        assert isinstance(result, errors.ConverterMissing), result
        return
    check(path, outcome(path), derived_expectation(name))


@pytest.fixture(scope="module")
def big_results(tmp_path_factory) -> dict[str, dict]:
    """Make every big input and probe each in a child process, two at a time."""
    folder = tmp_path_factory.mktemp("big")
    paths = big_inputs(folder, list(BIG_CASES))

    def probe(name: str) -> dict:
        timeout = BIG_CASES[name][1]
        try:
            done = subprocess.run(check=False, args=[sys.executable, str(HERE / "probe.py"), str(paths[name])], capture_output=True,
                                  text=True, timeout=timeout, cwd=ROOT)
        except subprocess.TimeoutExpired:
            return {"outcome": "hang", "timeout": timeout}
        if done.returncode != 0:
            return {"outcome": "crash", "stderr": done.stderr[-2000:]}
        return json.loads(done.stdout.strip().splitlines()[-1]) | {"path": str(paths[name])}

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(BIG_CASES, pool.map(probe, BIG_CASES)))


@pytest.mark.parametrize("name", sorted(BIG_CASES))
def test_big_kind_bounded_time_and_memory(name, big_results):
    expected, _, max_mb = BIG_CASES[name]
    got = big_results[name]
    assert got["outcome"] in ("ok", "error"), f"{name}: {got}"
    assert got["peak_rss_mb"] < max_mb, f"{name}: peak RSS {got['peak_rss_mb']} MB over {max_mb} MB"
    path = Path(got["path"])
    if got["outcome"] == "ok":
        assert expected in (OK, ANY), f"{name}: expected {expected}, got a contract"
    else:
        check(path, got["message"], expected, got["error"])


def test_fifty_mb_text_within_thirty_seconds(tmp_path):
    """30 s of CPU at most (about 9 s on an idle core); the wall-clock bound only catches a hang,
    since CI machines are shared."""
    path = big_inputs(tmp_path, ["text_50mb.txt"])["text_50mb.txt"]
    try:
        done = subprocess.run(check=False, args=[sys.executable, str(HERE / "probe.py"), str(path)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail("no result within 120 s")
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["cpu_seconds"] < 30 and got["peak_rss_mb"] < 2000, got
    if got["outcome"] == "error":
        check(path, got["message"], ANY, got["error"])


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "管道 通知.txt"
    os.mkfifo(fifo)
    try:
        done = subprocess.run(check=False, args=[str(Path(sys.executable).with_name("minsheng")), "extract", str(fifo)],
                              capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("minsheng extract waited on a FIFO")
    assert done.returncode == 1 and done.stderr.count("\n") == 1


def test_a_folder_named_like_a_document(tmp_path):
    folder = tmp_path / "附件.pdf"
    folder.mkdir()
    check(folder, outcome(folder), (errors.DocumentLoadError, "folder"))


def test_missing_libreoffice_says_how_to_install(monkeypatch):
    monkeypatch.setattr(doc_reader, "soffice", lambda: None)
    sample = next((ROOT / "samples" / "doc").glob("*.doc"))
    with pytest.raises(errors.ConverterMissing) as caught:
        read(sample)
    assert "apt-get install libreoffice-writer-nogui" in str(caught.value)


def test_a_real_doc_named_docx_is_read_as_doc(tmp_path):
    sample = next((ROOT / "samples" / "doc").glob("000_*.doc"))
    renamed = tmp_path / "notice.docx"
    shutil.copy(sample, renamed)
    if doc_reader.soffice() is None:
        with pytest.raises(errors.ConverterMissing, match="despite its .docx name"):
            read(renamed)
        return
    doc = read(renamed)
    assert doc.format == "doc" and list(doc.tables())


def test_html_saved_as_xls_is_read_as_html(tmp_path):
    path = tmp_path / "附件1.xls"
    path.write_bytes("<html><body><table><tr><td>项目</td><td>指标</td></tr></table></body></html>".encode())
    assert read(path).format == "html"


def test_cli_bad_input_is_one_line_and_exit_1(tmp_path):
    """Through the command line: a non-UTF-8 file name, a path with spaces and Chinese, garbage."""
    weird = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\xfe \xe7\xa9\xba.txt"))
    weird.write_bytes(b"")
    spaced = tmp_path / "重点 民生实事 (乱码).pdf"
    spaced.write_bytes((HERE / "garbage.pdf").read_bytes())
    minsheng = str(Path(sys.executable).with_name("minsheng"))
    for path in (weird, spaced, HERE / "error_page.pdf", HERE / "encrypted.pdf"):
        done = subprocess.run(check=False, args=[minsheng, "extract", os.fsencode(path)], capture_output=True, timeout=60)
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 1, err
        assert err.count("\n") == 1 and err.startswith("minsheng: ") and "Traceback" not in err, err
