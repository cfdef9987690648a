"""OCR cost: seconds a page and peak memory, against the same pages read from their text layer.

    python benchmarks/ocr_bench.py                 # the scanned samples (samples/scanned, 5 pages)
    python benchmarks/ocr_bench.py --threads 1     # onnxruntime on one thread (MINSHENG_OCR_THREADS)

Each document is read twice, each time in a fresh child process so peak RSS is that read's own:
its text-layer PDF (the floor: pdfplumber's text and ruled tables) and its scanned rendering
(samples/make_scanned.py: image-only PDF, multi-page TIFF or PNG) read by OCR.  The child times the
read after its imports, reports the OCR engine's load once (three ONNX sessions), and the seconds a
page of OCR took (Document.ocr).  Prints a Markdown table for benchmarks/RESULTS-ocr.md; the ratio
OCR / text layer is what a busy machine changes least.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"

CHILD = r"""
import json, resource, sys, time
from pipeline.readers import read
path = sys.argv[1]
load = 0.0
if sys.argv[2] == "ocr":
    from pipeline.readers import ocr
    t = time.perf_counter(); ocr.engine(); load = time.perf_counter() - t
t = time.perf_counter()
doc = read(path)
seconds = time.perf_counter() - t
pages = len({b.page for b in doc.blocks if b.page}) or 1
ocr_pages = doc.ocr["pages"] if doc.ocr else []
print(json.dumps({"seconds": seconds, "load": load, "pages": len(ocr_pages) or pages,
                  "per_page": [p["seconds"] for p in ocr_pages],
                  "confidence": [p["confidence"] for p in ocr_pages],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def text_layer(scan: Path) -> Path:
    stem = scan.stem
    for folder in (ROOT / "samples" / "pdf", ROOT / "samples" / "corpus" / "pdf"):
        if (folder / f"{stem}.pdf").exists():
            return folder / f"{stem}.pdf"
    raise FileNotFoundError(f"no text-layer PDF for {scan.name}")


def run(path: Path, mode: str, threads: int | None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if threads:
        env["MINSHENG_OCR_THREADS"] = str(threads)
    r = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], check=True, capture_output=True,
                       text=True, cwd=ROOT, env=env)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int)
    args = parser.parse_args()
    rows = []
    total_pages = total_ocr = total_text = 0.0
    for scan in sorted(SCANNED.glob("*.*")):
        text = run(text_layer(scan), "text", args.threads)
        scanned = run(scan, "ocr", args.threads)
        pages = scanned["pages"]
        per_page, text_per_page = scanned["seconds"] / pages, text["seconds"] / pages
        total_pages += pages
        total_ocr += scanned["seconds"]
        total_text += text["seconds"]
        rows.append(f"| {scan.name} | {pages} | {text_per_page:.3f} s | {per_page:.1f} s | "
                    f"{per_page / text_per_page:.0f}× | {scanned['load']:.2f} s | "
                    f"{min(scanned['confidence'], default=0):.2f} | {text['rss_mb']:.0f} MB | {scanned['rss_mb']:.0f} MB |")
    print(f"onnxruntime threads: {args.threads or 'default (cores, at most 4)'}; cores: {os.cpu_count()}; "
          f"load average: {os.getloadavg()[0]:.1f}")
    print()
    print("| scan | pages | text layer s/page | OCR s/page | OCR / text | engine load | lowest page confidence "
          "| peak RSS text | peak RSS OCR |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"| all | {total_pages:.0f} | {total_text / total_pages:.3f} s | {total_ocr / total_pages:.1f} s | "
          f"{total_ocr / total_text:.0f}× | | | | |")


if __name__ == "__main__":
    main()
