"""What the test_extract_* files share: the extraction of a short document written in a test, and the
facts read off its result."""
import importlib.util
from functools import cache
from pathlib import Path

from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def targets(result) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for p in result.projects for t in p.targets]


def completed(result) -> list[tuple[float, str]]:
    return [(g.completed.value, g.completed.unit) for p in result.projects for g in p.progress if g.completed]


def rates(result) -> list[float]:
    return [g.rate for p in result.projects for g in p.progress if g.rate is not None]


def codes(result) -> list[str]:
    return sorted(f.code for f in result.flags if f.severity != "info" and f.code != "UNPARSED")


SHARED_SCORE = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score.py"


@cache
def scorer():
    """The shared grader (../shared/tools/score.py) as a module, loaded once a session."""
    spec = importlib.util.spec_from_file_location("minsheng_shared_score", SHARED_SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
