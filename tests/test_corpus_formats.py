"""The corpus rendered into DOCX, PDF, HTML and XLSX scores as well as its text originals.

samples/corpus/make_formats.py renders every samples/corpus/NNN_slug.txt into
samples/corpus/{docx,pdf,html}/ (and the summary tables into xlsx/), with real tables and
merged cells.  For each format folder, every field's F1 against the answer keys may fall at most
TOLERANCE below the F1 of the same documents as text: a reader that loses what the text reader
finds shows here.  Scores are computed in-process with the shared scorer's own matching
(../shared/tools/score.py, imported), so no subprocess per file.
"""
from __future__ import annotations

import importlib.util
import json
from functools import cache, lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"
GOLD = CORPUS / "gold"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
FORMATS = ("docx", "pdf", "html", "xlsx")
TOLERANCE = 0.05

needs_scorer = pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py is not beside this checkout")


@lru_cache(maxsize=1)
def scorer():
    spec = importlib.util.spec_from_file_location("minsheng_shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=1)
def _gazetteer():
    from gazetteer import load
    return load()


@cache
def _output(path: str) -> dict:
    from extractors import extract
    from pipeline.readers import read
    return extract(read(path), _gazetteer()).to_contract()


def f1_per_field(files: list[Path]) -> dict[str, float]:
    """Per-field F1 over files, micro-averaged as the scorer does."""
    s = scorer()
    totals = {k: [0, 0, 0] for k in s.FIELDS}
    for f in files:
        gold = s.facts_from_gold(json.loads((GOLD / f"{f.stem}.json").read_text(encoding="utf-8")))
        got = s.facts_from_output(_output(str(f)))
        for field, (tp, fp, fn, _misses, _extras) in s.compare(gold, got).items():
            t = totals[field]
            t[0] += tp
            t[1] += fp
            t[2] += fn
    out = {}
    for field, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        out[field] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def rendered(fmt: str) -> list[Path]:
    return sorted(f for f in (CORPUS / fmt).glob(f"*.{fmt}")
                  if (GOLD / f"{f.stem}.json").exists() and (CORPUS / f"{f.stem}.txt").exists())


@needs_scorer
@pytest.mark.parametrize("fmt", FORMATS)
def test_format_scores_as_well_as_text(fmt):
    files = rendered(fmt)
    assert files, f"nothing in samples/corpus/{fmt}: run samples/corpus/make_formats.py"
    text = f1_per_field([CORPUS / f"{f.stem}.txt" for f in files])
    got = f1_per_field(files)
    worse = {field: (round(text[field], 3), round(got[field], 3)) for field in text
             if got[field] < text[field] - TOLERANCE}
    assert not worse, f"{fmt} scores below its text originals (field: (txt F1, {fmt} F1)): {worse}"


def test_every_corpus_document_is_rendered():
    """A corpus document added without rerunning make_formats.py is not tested in other formats."""
    stems = {f.stem for f in CORPUS.glob("[0-9][0-9][0-9]_*.txt")}
    for fmt in ("docx", "pdf", "html"):
        missing = sorted(stems - {f.stem for f in (CORPUS / fmt).glob(f"*.{fmt}")})
        assert not missing, f"samples/corpus/{fmt} lacks {missing}: run .venv/bin/python samples/corpus/make_formats.py"
