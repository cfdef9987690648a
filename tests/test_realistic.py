"""Files with real office habits read as well as the clean text they were made from.

samples/realistic/make_realistic.py renders corpus texts (samples/corpus/NNN_*.txt) into PDF,
DOCX, XLSX, XLS and HTML the way offices produce them: page numbers and running heads, a
masthead in big type, automatic numbering, fields, text boxes, tracked changes, numbers
stored with display formats, hidden rows, layout tables, GBK pages.  Two kinds of test:
- every realistic file scores, field by field against the corpus answer key, within
  TOLERANCE of the text it was made from (the shared scorer's matching, in process);
- one test per habit, on what the reader hands over (a footer is not a paragraph, 0.853
  formatted '0.0%' reads 85.3%, a deleted revision is not text).
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from pipeline.model import Paragraph
from pipeline.readers import read

ROOT = Path(__file__).resolve().parent.parent
REALISTIC = ROOT / "samples" / "realistic"
CORPUS = ROOT / "samples" / "corpus"
GOLD = CORPUS / "gold"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
TOLERANCE = 0.05
FILES = sorted(p for p in REALISTIC.glob("*/*.*") if p.parent.name != "expected" and p.suffix != ".py")
SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    return SPACES.sub("", text)


@cache
def doc(rel: str):
    return read(REALISTIC / rel)


def one(folder: str, prefix: str) -> str:
    found = sorted((REALISTIC / folder).glob(f"{prefix}_*"))
    assert found, f"no samples/realistic/{folder}/{prefix}_*: run samples/realistic/make_realistic.py"
    return f"{folder}/{found[0].name}"


def paragraphs(d) -> list[str]:
    return [squash(b.text) for b in d.blocks if isinstance(b, Paragraph)]


def corpus_paragraphs(prefix: str) -> list[str]:
    """The paragraphs of the corpus text as make_realistic drew them."""
    sys.path[:0] = [str(ROOT / "samples"), str(CORPUS)]
    from make_formats import corpus_blocks
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return [squash(b.text) for b in corpus_blocks(path) if isinstance(b, Paragraph)]


# ---------------------------------------------------------------- scores against the answer keys

@cache
def scorer():
    spec = importlib.util.spec_from_file_location("minsheng_shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _gazetteer():
    from gazetteer import load
    return load()


def f1(path: Path) -> dict[str, float]:
    from extractors import extract
    s = scorer()
    gold = s.facts_from_gold(json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8")))
    got = s.facts_from_output(extract(read(path), _gazetteer()).to_contract())
    out = {}
    for field, (tp, fp, fn, _misses, _extras) in s.compare(gold, got).items():
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        out[field] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def test_samples_present():
    assert len(FILES) >= 3, "run samples/realistic/make_realistic.py"
    for f in FILES:
        assert (GOLD / f"{f.stem}.json").exists(), f"{f.name} is not named after a corpus document"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py is not beside this checkout")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem[:3]}")
def test_scores_as_well_as_its_text(path):
    text = f1(CORPUS / f"{path.stem}.txt")
    got = f1(path)
    worse = {k: (round(text[k], 3), round(got[k], 3)) for k in text if got[k] < text[k] - TOLERANCE}
    assert not worse, f"{path.name} scores below its text (field: (txt F1, file F1)): {worse}"


# ---------------------------------------------------------------- PDF

PAGE_FURNITURE = re.compile(r"^[—－-]\s*\d+\s*[—－-]$|^第\d+页共\d+页$")


@pytest.mark.parametrize("prefix", ["001", "004", "017"])
def test_pdf_page_numbers_and_running_heads_are_dropped(prefix):
    d = doc(one("pdf", prefix))
    lines = [squash(t) for t in d.lines]
    assert not [t for t in lines if PAGE_FURNITURE.match(t)]
    # the running head repeats the file number or the issuer on every page after the first
    assert lines.count("赣府厅字〔2019〕28号") <= 1
    assert "大方县人民政府办公室文件" not in lines


@pytest.mark.parametrize("prefix", ["001", "004", "017"])
def test_pdf_paragraphs_are_the_texts(prefix):
    """Justified lines that end at the margin are joined; a line ending 。 or short is not;
    a centred title is not run into the salutation below it."""
    got = paragraphs(doc(one("pdf", prefix)))
    want = corpus_paragraphs(prefix)
    salutation = next(i for i, t in enumerate(want) if t.endswith("："))
    assert want[salutation] in got, "the salutation is a paragraph of its own"
    # a paragraph is found whole, or split only where a numbered note starts (…。|2.…)
    joined = "|" + re.sub(r"。\|(?=\d\.)", "。", "|".join(got)) + "|"
    for text in want[salutation:]:
        assert f"|{text}|" in joined, text


def test_pdf_title_lines_of_one_size_are_one_paragraph():
    got = paragraphs(doc(one("pdf", "004")))
    assert "关于印发大方县2016年十件民生实事实施方案的通知" in got


def test_pdf_table_over_pages_is_one_table():
    d = doc(one("pdf", "001"))
    tables = list(d.tables())
    assert len(tables) == 1
    assert tables[0].n_rows == 14, "the header repeated on each page is dropped"
    assert [r[0] for r in tables[0].rows()][:3] == ["序号", "1", "2"]


def test_pdf_masthead_and_record_block():
    got = paragraphs(doc(one("pdf", "001")))
    assert got[0] == "江西省人民政府办公厅文件"
    assert got[-2].startswith("抄送：") and got[-1].endswith("印发")
