"""The same documents typed otherwise: does extraction depend on how a text was typed or copied?

    python benchmarks/typings_bench.py GOLD_DIR FILE...          # e.g. ../shared/realdev/gold .cache/realdev/0[0-4]?.txt
    python benchmarks/typings_bench.py --only wrap,blank GOLD_DIR FILE...

Each typing rewrites every text the way real copies differ (folded at a width, a blank line after each
line, full-width figures, a space around figures, traditional characters, tabs for pipes, …) without
changing a fact, so the answer keys still hold.  For each typing it prints the F1 of targets, progress,
units and metadata next to the texts as they are: a reader that depends on the typing shows as a drop.
Extraction runs in this process; the scoring is ../shared/tools/score.py's own matching.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
FIELDS = ("targets", "progress", "units", "meta")


def _is_table_line(line: str) -> bool:
    return "\t" in line or "|" in line or re.search(r"\S\s{2,}\S", line.strip()) is not None


def _prose(edit: Callable[[str], str]) -> Callable[[str], str]:
    """The edit applied to lines of prose only (a table row keeps its cells)."""
    return lambda text: "\n".join(line if _is_table_line(line) else edit(line) for line in text.split("\n"))


def fold_characters(text: str, n: int = 36) -> str:
    """Every long line of prose cut every n characters (an archive, a chat window)."""
    out = []
    for line in text.split("\n"):
        out += [line] if _is_table_line(line) or len(line) <= n else [line[i:i + n] for i in range(0, len(line), n)]
    return "\n".join(out)


def fold_columns(text: str, n: int = 72) -> str:
    """Every long line of prose cut where n screen columns are full (a PDF's printed line)."""
    out = []
    for line in text.split("\n"):
        if _is_table_line(line):
            out.append(line)
            continue
        piece, used = "", 0
        for ch in line:
            w = 2 if ord(ch) > 0x2E80 else 1
            if used + w > n:
                out.append(piece)
                piece, used = "", 0
            piece += ch
            used += w
        out.append(piece)
    return "\n".join(out)


WIDE = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
FULL_MARKS = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "%": "％"})
HALF_MARKS = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "％": "%"})


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def thousands(text: str) -> str:
    """1,200: thousands separators in figures of four digits and more (not in years, dates or codes)."""
    def grouped(m: re.Match) -> str:
        n = m.group(0)
        return n if len(n) == 4 and 1900 <= int(n) <= 2100 else f"{int(n):,}"
    return re.sub(r"(?<![\d.,\-/—:])\d{4,9}(?![\d.\-/—:])", grouped, text)


def tabs(text: str) -> str:
    """A pipe row's cells separated by tabs (a table copied out of a spreadsheet)."""
    return "\n".join("\t".join(c.strip() for c in line.strip().strip("|").split("|")) if line.count("|") >= 2 else line
                     for line in text.split("\n"))


TYPINGS: dict[str, Callable[[str], str]] = {
    "fold-36-characters": fold_characters,
    "fold-72-columns": fold_columns,
    "a-blank-line-after-each": lambda t: "\n\n".join(t.split("\n")),
    "full-width-figures": lambda t: t.translate(WIDE),
    "full-width-marks": _prose(lambda line: line.translate(FULL_MARKS)),
    "ascii-marks": lambda t: t.translate(HALF_MARKS),
    "a-space-around-figures": _prose(lambda line: re.sub(r"(\d|%)([\u4e00-\u9fff])", r"\1 \2",
                                                         re.sub(r"([\u4e00-\u9fff])(\d)", r"\1 \2", line))),
    "traditional": traditional,
    "thousands-separators": thousands,
    "tabs-for-pipes": tabs,
}


def _scorer():
    spec = importlib.util.spec_from_file_location("minsheng_shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def f1s(texts: dict[str, str], gold_dir: Path) -> dict[str, float]:
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    s, gaz = _scorer(), load()
    totals = {f: [0, 0, 0] for f in FIELDS}
    for stem, text in texts.items():
        got = s.facts_from_output(extract(read_bytes(text.encode("utf-8"), f"{stem}.txt", "txt"), gaz).to_contract())
        gold = s.facts_from_gold(json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8")))
        for field, (tp, fp, fn, _m, _e) in s.compare(gold, got).items():
            if field in totals:
                totals[field] = [a + b for a, b in zip(totals[field], (tp, fp, fn))]
    out = {}
    for field, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[field] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--only", help="comma-separated typings (default: all)")
    args = ap.parse_args(argv)
    texts = {f.stem: f.read_text(encoding="utf-8") for f in args.files if (args.gold / f"{f.stem}.json").exists()}
    names = args.only.split(",") if args.only else list(TYPINGS)
    print(f"{len(texts)} texts | " + " | ".join(FIELDS))
    base = f1s(texts, args.gold)
    print(f"{'as typed':26s} " + " ".join(f"{base[f]:.3f}" for f in FIELDS))
    for name in names:
        got = f1s({k: TYPINGS[name](v) for k, v in texts.items()}, args.gold)
        print(f"{name:26s} " + " ".join(f"{got[f]:.3f}" for f in FIELDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
