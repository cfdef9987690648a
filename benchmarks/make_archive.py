"""Make a test archive of N documents in mixed formats from samples/, each with its own bytes.

    .venv/bin/python benchmarks/make_archive.py OUT_DIR -n 1000

Every copy carries a small change so that its sha256 differs: a line 档案副本N appended to
the text (txt in UTF-8, GBK and Big5; html; docx, xlsx and xls re-rendered from the seed's
blocks with that line added); PDFs get a trailing `%copy N` comment after %%EOF (the text
stays the same; re-rendering PDFs costs ~0.2 s each). The legacy .doc is left out: its
LibreOffice conversion (~1.5 s a file) would dominate every timing. One file in 40 has no
extension, so discovery must go by content.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "samples")]

from pipeline.model import Paragraph

MIX = [("txt", 30), ("gbk", 10), ("big5", 5), ("html", 20), ("docx", 15), ("xlsx", 8), ("xls", 7), ("pdf", 5)]
ENCODING = {"txt": "utf-8", "gbk": "gb18030", "big5": "big5"}


def pool(fmt: str) -> list[Path]:
    folder = ROOT / "samples" / fmt
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if fmt == "txt":
        files += sorted((ROOT / "samples" / "corpus").glob("*.txt"))
    return files


def variant(fmt: str, src: Path, i: int, blocks_of) -> bytes:
    mark = f"档案副本{i}"
    if fmt in ENCODING:
        data = src.read_bytes()
        return data + ("\n" + mark + "\n").encode(ENCODING[fmt], errors="replace")
    if fmt == "html":
        data = src.read_bytes()
        return data.replace(b"</body>", f"<p>copy {i}</p></body>".encode(), 1)
    if fmt == "pdf":
        return src.read_bytes() + f"\n%copy {i}\n".encode()
    import tempfile

    import writers  # samples/writers.py

    blocks = blocks_of(src.stem) + [Paragraph(mark)]
    with tempfile.NamedTemporaryFile(suffix="." + fmt) as tmp:
        getattr(writers, fmt)(blocks, Path(tmp.name), src.stem)
        return Path(tmp.name).read_bytes()


def make(out: Path, n: int, seed: int = 7) -> list[Path]:
    import make_samples  # samples/make_samples.py

    cache: dict[str, list] = {}

    def blocks_of(stem: str) -> list:
        if stem not in cache:
            cache[stem] = make_samples.seed_blocks(make_samples.SEEDS / f"{stem}.txt")
        return cache[stem]

    rng = random.Random(seed)
    fmts = [f for f, w in MIX for _ in range(w)]
    pools = {f: pool(f) for f, _ in MIX}
    written = []
    for i in range(n):
        fmt = fmts[i % len(fmts)]
        src = rng.choice(pools[fmt])
        ext = "" if i % 40 == 39 else (".txt" if fmt in ENCODING else "." + fmt)
        path = out / fmt / f"{i // 250:03d}" / f"{i:05d}_{src.stem[:24]}{ext}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(variant(fmt, src, i, blocks_of))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    args = ap.parse_args(argv)
    files = make(args.out, args.n)
    print(f"{len(files)} documents in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
