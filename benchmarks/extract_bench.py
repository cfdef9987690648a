"""The paste path: in-process extraction of a ~10 KB 通报, and `minsheng extract` from a cold start.

    python benchmarks/extract_bench.py
    python benchmarks/extract_bench.py cost [--rounds N] FILE...    # ms/KB of these texts, and the fixed cost
Prints medians; the README quotes them.  Also checks that the extract path imports neither
Prefect nor pandas, and whether jieba's dictionary or spaCy got loaded.
"""
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "txt" / "004_c24871eb355e82a1.txt"


def main() -> None:
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    t = time.perf_counter()
    gaz = load()
    data = SAMPLE.read_bytes()
    extract(read_bytes(data, "-", "txt"), gaz)    # warm: regexes, division names, taxonomy
    first = time.perf_counter() - t
    runs = []
    for _ in range(30):
        t = time.perf_counter()
        extract(read_bytes(data, "-", "txt"), gaz)
        runs.append(time.perf_counter() - t)
    # the floor, measured in the same run: reading the bytes and finding every figure once, the least
    # work any extraction of the text does; the ratio to it is what a busy machine does not change
    from extractors.normalize import simplify
    from extractors.numbers import find_quantities, forget_quantities
    floor = []
    for _ in range(30):
        forget_quantities()          # the figures are kept per text: find them afresh each time
        t = time.perf_counter()
        doc = read_bytes(data, "-", "txt")
        find_quantities(simplify("\n".join(doc.lines)), gaz.units)
        floor.append(time.perf_counter() - t)
    ten_kb = data.decode("utf-8")[:3750].encode("utf-8")        # about 10 KB of the same text
    short = []
    for _ in range(30):
        t = time.perf_counter()
        extract(read_bytes(ten_kb, "-", "txt"), gaz)
        short.append(time.perf_counter() - t)
    median, base = statistics.median(runs), statistics.median(floor)
    print(f"document: {SAMPLE.name}, {len(data) / 1024:.1f} KB")
    print(f"first extraction in a process (gazetteer load included): {first * 1000:.0f} ms")
    print(f"in-process extraction, median of 30: {median * 1000:.1f} ms "
          f"({median / base:.1f} x the floor of {base * 1000:.1f} ms: read + find every figure)")
    print(f"in-process extraction of its first {len(ten_kb) / 1024:.1f} KB, median of 30: "
          f"{statistics.median(short) * 1000:.1f} ms")
    # linearity: one run-on sentence of n figures (a whole page on one line), n and 2n
    def run_on(n: int) -> float:
        body = "，".join(f"新建幼儿园{i % 50 + 1}所" for i in range(n))
        raw = ("关于2031年民生实事进展情况的通报\n\n" + body + "。\n").encode("utf-8")
        t = time.perf_counter()
        extract(read_bytes(raw, "-", "txt"), gaz)
        return time.perf_counter() - t
    small, large = run_on(2000), run_on(4000)
    print(f"one sentence of 2000 / 4000 figures: {small * 1000:.0f} / {large * 1000:.0f} ms "
          f"(x{large / small:.1f} for twice the text; 2 is linear)")
    cost(gaz)
    doubling(gaz)
    cold = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(SAMPLE)], cwd=ROOT,
                       capture_output=True, check=True)
        cold.append(time.perf_counter() - t)
    print(f"`minsheng extract` cold start, median of 5: {statistics.median(cold) * 1000:.0f} ms")
    probe = ("import sys; from pipeline.readers import read; from gazetteer import load; from extractors import extract;"
             f"extract(read({str(SAMPLE)!r}), load());"
             "print(sorted(m for m in ('prefect','pandas','spacy','duckdb','fastapi') if m in sys.modules),"
             " 'jieba dict loaded' if getattr(sys.modules.get('jieba'), 'dt', None) and sys.modules['jieba'].dt.initialized else 'jieba dict not loaded')")
    out = subprocess.run(check=False, args=[sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"heavy modules on the extract path: {out}")


def cpu(data: bytes, gaz, repeats: int = 5) -> float:
    from extractors import extract
    from pipeline.readers import read_bytes

    runs = []
    for _ in range(repeats):
        t = time.process_time()
        extract(read_bytes(data, "-", "txt"), gaz)
        runs.append(time.process_time() - t)
    return statistics.median(runs)


def cost(gaz) -> None:
    """CPU per KB over the corpus texts (samples/corpus, written in the genre) and the fixed cost of
    a document of one line, medians; CPU time, so that a busy machine changes it less."""
    tiny = "关于2031年民生实事进展情况的通报\n\n新建幼儿园3所。\n".encode()
    cpu(tiny, gaz)
    fixed = statistics.median(cpu(tiny, gaz, 50) for _ in range(3))
    texts = [p.read_bytes() for p in sorted((ROOT / "samples" / "corpus").glob("*.txt"))]
    total = sum(cpu(d, gaz) for d in texts)
    kb = sum(len(d) for d in texts) / 1024
    print(f"fixed cost (a one-line document): {fixed * 1000:.2f} ms CPU")
    print(f"corpus texts: {len(texts)} documents, {kb:.0f} KB: {total * 1000 / kb:.2f} ms CPU per KB "
          f"({(total - fixed * len(texts)) * 1000 / kb:.2f} ms per KB beyond the fixed cost)")
    data = SAMPLE.read_bytes()
    print(f"{SAMPLE.name} ({len(data) / 1024:.1f} KB): {cpu(data, gaz, 15) * 1000:.1f} ms CPU")


def doubling(gaz) -> None:
    """The shapes of tests/test_linear.py at n, 2n and 4n: CPU ratios (2 is linear, 4 quadratic)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_linear as T

    for shape, n in T.SHAPES:
        times = [cpu(shape(k).encode(), gaz, 3) for k in (n, 2 * n, 4 * n)]
        kb = len(shape(4 * n).encode()) / 1024
        print(f"doubling {shape.__name__}: n={n}: {' / '.join(f'{t:.2f}' for t in times)} s CPU "
              f"(x{times[1] / times[0]:.1f}, x{times[2] / times[1]:.1f}; {kb:.0f} KB at 4n)")


def cost_of(paths: list[str], rounds: int = 5) -> None:
    """CPU ms per KB over the given texts, each extracted once a round as an ingest reads them (what one
    document's answers kept for the next would hide), median of `rounds`; and the fixed cost of a
    one-line document.  Run it on two checkouts in turn to compare them on a shared machine."""
    from extractors import extract
    from gazetteer import load
    from pipeline.readers import read_bytes

    gaz = load()
    texts = [Path(p).read_bytes() for p in paths]
    kb = sum(len(d) for d in texts) / 1024

    def one_round() -> float:
        t = time.process_time()
        for d in texts:
            extract(read_bytes(d, "-", "txt"), gaz)
        return time.process_time() - t

    one_round()                                   # warm: regexes, division names, taxonomy
    per_kb = statistics.median(one_round() for _ in range(rounds)) * 1000 / kb
    tiny = "关于2031年民生实事进展情况的通报\n\n新建幼儿园3所。\n".encode()
    fixed = statistics.median(cpu(tiny, gaz, 50) for _ in range(3))
    print(f"{len(texts)} texts, {kb:.0f} KB: {per_kb:.2f} ms CPU per KB (median of {rounds} rounds); "
          f"fixed cost {fixed * 1000:.2f} ms CPU")


if __name__ == "__main__":
    if sys.argv[1:2] == ["cost"]:
        args = sys.argv[2:]
        n = 5
        if args[:1] == ["--rounds"]:
            n, args = int(args[1]), args[2:]
        cost_of(args, n)
    else:
        main()
