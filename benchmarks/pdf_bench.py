"""PDF reading against PDFium's own text extraction, measured side by side in one run.

    python benchmarks/pdf_bench.py [FOLDER]      (default samples/corpus/pdf)

For every PDF: `pipeline.readers.read` (lines, paragraphs, tables) and the floor, pypdfium2's
plain text of every page (get_text_bounded), alternating, CPU time, median of REPEATS rounds.
Prints pages/s of each and their ratio, for all files and for the files whose pages hold no
ruled table (the pages the reader hands to PDFium).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPEATS = 5


def floor(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        pages = 0
        for page in document:
            page.get_textpage().get_text_bounded()
            pages += 1
        return pages
    finally:
        document.close()


def has_table_pages(data: bytes) -> bool:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from pipeline.readers.pdf import _may_hold_table

    document = pdfium.PdfDocument(data)
    try:
        return any(_may_hold_table(page, pdfium_c) for page in document)
    finally:
        document.close()


def main() -> None:
    from pipeline.readers import read_bytes

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples" / "corpus" / "pdf"
    files = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.pdf"))]
    pages = {name: floor(data) for name, data in files}
    plain = {name for name, data in files if not has_table_pages(data)}
    for _, data in files[:3]:
        read_bytes(data, "warm.pdf")
    ours: dict[str, list[float]] = {name: [] for name, _ in files}
    base: dict[str, list[float]] = {name: [] for name, _ in files}
    for _ in range(REPEATS):
        for name, data in files:
            t = time.process_time()
            read_bytes(data, name)
            ours[name].append(time.process_time() - t)
            t = time.process_time()
            floor(data)
            base[name].append(time.process_time() - t)

    def row(label: str, names: list[str]) -> str:
        n = sum(pages[k] for k in names)
        a = sum(statistics.median(ours[k]) for k in names)
        b = sum(statistics.median(base[k]) for k in names)
        return (f"| {label} | {len(names)} files, {n} pages | {a / len(names) * 1000:.1f} ms a file, {n / a:.0f} pages/s "
                f"| {b / len(names) * 1000:.1f} ms a file, {n / b:.0f} pages/s | {a / b:.2f}× |")

    print("| PDFs | size | `pipeline.readers.read` | pypdfium2 text (floor) | ratio |")
    print("|---|---|---|---|---|")
    print(row("all", [name for name, _ in files]))
    print(row("no page with a ruled table", sorted(plain)))
    print(row("a page with a ruled table", sorted(set(ours) - plain)))


if __name__ == "__main__":
    main()
