"""Coverage: the share of figure-bearing clauses that gave a fact.

    python benchmarks/coverage.py samples/corpus .cache/realdev
    python benchmarks/coverage.py --list .cache/realdev/003.txt     # the clauses left unread

A clause is a stretch of a line between ，,；;。 (a table row's cells are clauses too).  It bears a
figure when it holds a quantity with a unit of work (not a date, a duration or a score) or a
percentage; it gave a fact when one of its figures is a target, a completed figure, a stated rate or
a summary's total or part in the extraction.  The clauses that gave nothing are what a reader of the
document must still check by hand: the UNPARSED flags point at their lines.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLAUSE = re.compile(r"[^，,；;。\t|]+")
PERCENT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*[%％]")


def _key(v: float) -> float:
    return float(f"{round(float(v), 6):.6g}")


def facts(ex) -> set[float]:
    """Every value the extraction records: targets, completed figures, rates, summary totals and parts."""
    out: set[float] = set()
    for p in ex.projects:
        out |= {_key(t.value) for t in p.targets if t.value is not None}
        for g in p.progress:
            if g.completed is not None and g.completed.value is not None:
                out.add(_key(g.completed.value))
            if g.rate is not None:
                out.add(_key(g.rate))
    for s in ex.summaries:
        out |= {_key(v) for v in [s.total, *s.parts.values()] if v is not None}
    return out


def clauses(doc, gaz) -> list[tuple[int, str, list[float]]]:
    """(line, clause, its figures) for every figure-bearing clause of the document."""
    from extractors.normalize import simplify
    from extractors.numbers import find_quantities

    out = []
    for ln, line in enumerate(doc.lines, 1):
        for m in CLAUSE.finditer(simplify(line)):
            text = m.group(0)
            figures = [_key(q.value) for q in find_quantities(text, gaz.units)
                       if q.value is not None and q.family not in ("points", "duration")]
            figures += [_key(float(p.group("num"))) for p in PERCENT.finditer(text)]
            if figures:
                out.append((ln, text.strip(), figures))
    return out


def measure(paths: list[Path], gaz, show: bool = False) -> tuple[int, int, int, int]:
    """(figure-bearing clauses, those that gave a fact, figures, figures in a record) over the files."""
    from extractors import extract
    from pipeline.readers import read

    n_clauses = n_read = n_figures = n_used = 0
    for path in paths:
        doc = read(path)
        got = facts(extract(doc, gaz))
        for ln, text, figures in clauses(doc, gaz):
            hit = [f in got for f in figures]
            n_clauses += 1
            n_read += any(hit)
            n_figures += len(figures)
            n_used += sum(hit)
            if show and not any(hit):
                print(f"{path.name}:{ln}: {text[:80]}")
    return n_clauses, n_read, n_figures, n_used


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="folders of .txt documents, or files")
    ap.add_argument("--list", action="store_true", help="print the figure-bearing clauses that gave nothing")
    args = ap.parse_args()
    from gazetteer import load

    gaz = load()
    print("| documents | n | figure-bearing clauses | gave a fact | share | figures in a record |")
    print("|---|---|---|---|---|---|")
    for root in args.paths:
        files = sorted(root.glob("*.txt")) if root.is_dir() else [root]
        c, r, f, u = measure(files, gaz, show=args.list)
        share = r / c if c else 0.0
        print(f"| {root} | {len(files)} | {c} | {r} | {share:.2f} | {u}/{f} = {u / f if f else 0:.2f} |")


if __name__ == "__main__":
    main()
