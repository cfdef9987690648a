"""Scanned renderings of a few samples: image-only PDF, multi-page TIFF and PNG, for the OCR reader.

    .venv/bin/python samples/make_scanned.py

Each source is a text-layer PDF already in the repository (samples/pdf/ for the seeds,
samples/corpus/pdf/ for the team's corpus).  Its pages are rendered at 144 dpi in grayscale,
the text layer is thrown away, and the pictures are saved the way scans arrive:
- an image-only PDF (one picture a page, no text layer), as a scanner's PDF;
- a multi-page TIFF (deflate), as a document scanner's archive file;
- a PNG of a one-page document, as a screenshot or a phone photo saved losslessly.
File stems stay the sources' stems so the answer keys match (tests/test_ocr.py scores them
against the same documents as text).  Few, short documents: OCR costs seconds a page.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "scanned"
SCALE = 2.0            # 144 dpi: what an office scanner's "text" setting gives, roughly

# (source PDF, what to save it as)
SOURCES = [
    (HERE / "pdf" / "003_60392485317af752.pdf", "tiff"),                            # a seed, 2 pages
    (HERE / "corpus" / "pdf" / "045_sichuan_renshou_2022_plan_zerenfenjie.pdf", "pdf"),   # a 任务分解表, 2 pages
    (HERE / "corpus" / "pdf" / "046_chongqing_qijiang_2023_summary_jinzhanbiao.pdf", "png"),  # a 进展表, 1 page
]


def pages(pdf: Path):
    """The PDF's pages as grayscale pictures."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=SCALE, grayscale=True).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()


def save(images: list, kind: str, path: Path) -> None:
    buf = io.BytesIO()
    if kind == "pdf":
        images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=72 * SCALE)
    elif kind == "tiff":
        images[0].save(buf, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate",
                       dpi=(72 * SCALE, 72 * SCALE))
    else:
        assert len(images) == 1, f"{path.name}: a PNG holds one page"
        images[0].save(buf, "PNG", optimize=True)
    path.write_bytes(buf.getvalue())


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for source, kind in SOURCES:
        target = OUT / f"{source.stem}.{'tif' if kind == 'tiff' else kind}"
        save(pages(source), kind, target)
        print(f"{target.relative_to(HERE.parent)}: {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
