"""Extraction graded by the shared scorer against the answer keys.

The seeds in every sample format, and the team's own corpus in samples/corpus (written in
the genre, with keys in the same format).  The scorer lives beside the repository
(../shared/tools/score.py); without it these tests cannot run and say so.
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
MINSHENG = [sys.executable, "-m", "pipeline.cli"]
needs_scorer = pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py is not beside this checkout")


def score(files, gold, min_f1):
    cmd = " ".join(MINSHENG) + " extract --format json"
    r = subprocess.run(check=False, args=[sys.executable, str(SCORE), "--quiet", "--gold", str(gold), "--cmd", cmd,
                        "--min-f1", str(min_f1), *map(str, files)], capture_output=True, text=True, cwd=ROOT)
    return r


@needs_scorer
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "xlsx", "xls", "html", "gbk", "big5"])
def test_seeds_score_in_every_format(fmt):
    files = sorted((ROOT / "samples" / fmt).glob("*"))
    assert files, f"no samples in samples/{fmt}"
    # the text originals are read exactly; a reader may lose a little in other formats.  The text
    # floor is 0.98, not 1.0: seed 002's key writes one target's unit 名 as the document does, while
    # the contract's plain units and the real-document keys count people as 人 (名 → 人), as we do.
    r = score(files, SHARED / "gold", {"txt": 0.98, "big5": 0.9}.get(fmt, 0.95))
    assert r.returncode == 0, r.stdout + r.stderr


@needs_scorer
def test_own_corpus_scores_above_floor():
    """The corpus is harder than the seeds; this guards against regressions, not a target."""
    files = sorted((ROOT / "samples" / "corpus").glob("*.txt"))
    files = [f for f in files if (ROOT / "samples" / "corpus" / "gold" / f"{f.stem}.json").exists()]
    r = score(files, ROOT / "samples" / "corpus" / "gold", 0.5)
    assert "PROBLEM" not in r.stdout, r.stdout
    assert r.returncode == 0, r.stdout
