"""Fuzz the text reader and the extractors on mutated documents of the genre.

Documents from samples/txt and samples/corpus are mutated the ways real files are damaged —
lines deleted, duplicated, swapped; CJK, digits, punctuation, % and 万 inserted; truncated
mid-character; re-encoded (GB18030, Big5, UTF-16, with or without BOM) — and each mutant
must give a minsheng/1 contract or a typed MinshengError: no other exception, no hang.

The default run is small enough for CI (~15 s); MINSHENG_FUZZ_LONG=1 runs many more examples
(benchmarks/fuzz_long.py runs longer still, and atheris when it is installed).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract
from gazetteer import load
from pipeline.errors import MinshengError
from pipeline.readers import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted([*(ROOT / "samples" / "txt").glob("*.txt"), *(ROOT / "samples" / "corpus").glob("*.txt")])
TEXTS = [p.read_text("utf-8") for p in DOCS]
LONG = os.environ.get("MINSHENG_FUZZ_LONG") == "1"
EXAMPLES = 5000 if LONG else 400
PER_EXAMPLE = 20          # seconds before an example counts as a hang
GAZ = load()

# what gets inserted: the genre's own characters, and the ones that break parsers
TOKENS = ["万", "%", "％", "亿元", "万元", "个", "所", "公里", "、", "，", "。", "；", "：", "（", "）", "(", ")",
          "１２３", "0", "1", "12.5", "100%", "44.63%", "不低于", "以上", "-", "—", "～", "\t", "|", "\n", "\n\n",
          "一、", "（二）", "3.", "第四条", "牵头领导：", "责任单位：", "完成年任务", "2017年6月", "年底前", "全市",
          "合计", "\u3000", "\u200f", "\u202e", "\ufeff", "\x00", "\ufffd", "𠀀", "\ud7ff", "é", "١٢٣"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le"]


@st.composite
def mutants(draw) -> bytes:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "insert", "cut"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines[i:i] = [lines[i]] * draw(st.integers(1, 3))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            extra = "".join(draw(st.lists(st.one_of(st.sampled_from(TOKENS),
                                                    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                                                    st.characters(codec="utf-8")), min_size=1, max_size=6)))
            lines[i] = line[:at] + extra + line[at:]
        else:       # a line cut short
            lines[i] = lines[i][:draw(st.integers(0, len(lines[i])))]
    text = "\n".join(lines)
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors=draw(st.sampled_from(["replace", "ignore"])))
    if draw(st.booleans()):      # truncated, maybe mid-character
        data = data[:draw(st.integers(0, len(data)))]
    return data


def contract_or_typed_error(data: bytes, fmt: str | None = None) -> object:
    def expired(*_):
        raise AssertionError(f"no result within {PER_EXAMPLE} s for {data[:200]!r}")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(PER_EXAMPLE)
    try:
        contract = extract(read_bytes(data, "fuzz.txt", fmt), GAZ).to_contract()
        json.dumps(contract, ensure_ascii=False).encode("utf-8")
        assert contract["schema"] == "minsheng/1"
        return contract
    except MinshengError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.txt: ")
        return exc
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(mutants())
def test_mutated_documents_read_and_extract(data):
    """Sniffed like a file: bytes to reader to extractors."""
    contract_or_typed_error(data)


@FUZZ
@given(mutants())
def test_mutated_documents_pasted_as_text(data):
    """The paste path: the text reader forced, whatever the bytes look like."""
    contract_or_typed_error(data, "txt")


@settings(max_examples=EXAMPLES // 2, deadline=None, database=None, derandomize=not LONG,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)),
                max_size=300).map("".join))
def test_random_genre_text(text):
    contract_or_typed_error(text.encode("utf-8", errors="surrogatepass"), "txt")


@pytest.mark.parametrize("seed", range(4))
def test_mutants_through_the_cli(seed, tmp_path):
    """A handful of mutants through `minsheng extract`: a contract on stdout, or one line and exit 1."""
    data = _fixed_mutant(seed)
    path = tmp_path / f"变异 {seed}.txt"
    path.write_bytes(data)
    done = subprocess.run(check=False, args=[str(Path(sys.executable).with_name("minsheng")), "extract", str(path)],
                          capture_output=True, timeout=60)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    if done.returncode == 0:
        assert json.loads(done.stdout)["schema"] == "minsheng/1"
    else:
        assert done.returncode == 1 and err.count("\n") == 1 and err.startswith(f"minsheng: {path}: "), err


def _fixed_mutant(seed: int) -> bytes:
    """Deterministic mutants for the CLI cases: re-encoded, truncated mid-character, NUL-ridden, emptied."""
    text = TEXTS[seed % len(TEXTS)]
    return [text.encode("big5", errors="replace"),
            text.encode("gb18030")[:len(text) + 1],
            text.replace("，", "\x00，").encode("utf-16-le"),
            "\n".join(line[:3] + "万%" for line in text.split("\n")).encode("utf-8")][seed]
