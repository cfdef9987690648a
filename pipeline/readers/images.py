"""Images (PNG, JPEG, TIFF including multi-page TIFF): a page a frame, read by OCR.

A phone photo of a progress table sent to a 督查室, a scanned page saved as TIFF: each frame is
turned upright by its EXIF orientation, scaled down so its longer side is at most ocr.MAX_SIDE
pixels (OCR time per page is bounded whatever the resolution), read by readers/ocr.py, and
assembled into paragraphs and tables by the PDF reader's own assembler, so an image gives the
same Document as the PDF it was scanned from.

Memory is bounded before anything is decoded: an image whose header promises more than
MAX_PIXELS is refused (Pillow's decompression-bomb guard is set to the same limit), and a
JPEG is decoded at a reduced size straight away (draft mode).  A truncated file, a 1×1 image
and an image with no text give one line naming the file and the reason.
"""
from __future__ import annotations

import io
import warnings

from ..errors import DocumentLoadError
from ..model import Table, build
from . import ocr

MAX_PIXELS = 120_000_000       # 120 MP (a 300 dpi A0 scan is about 140): larger is refused unread
MAX_FRAMES = 500               # pages of a multi-page TIFF


def read(data: bytes, source: str):
    from PIL import Image, ImageOps, ImageSequence

    ocr.refuse_unless_ready(source, "an image")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():      # Pillow's DecompressionBombWarning: ours is the error below
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise DocumentLoadError(source, f"the image is too large to read ({str(exc).split('(')[1].split(')')[0]}, "
                                f"over the {MAX_PIXELS // 1_000_000} MP limit)", "scale it down or split it into pages") from exc
    except Exception as exc:  # PIL's own errors for a damaged header
        raise DocumentLoadError(source, "the image could not be opened (a damaged or unknown PNG, JPEG or TIFF)",
                                "it may be truncated or corrupt; re-save it") from exc
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise DocumentLoadError(source, f"the image is {width}×{height} pixels, over the "
                                f"{MAX_PIXELS // 1_000_000} MP limit", "scale it down or split it into pages")
    fmt = (image.format or "image").lower()
    items: list[tuple[int, dict | Table]] = []
    notes: list[str] = []
    frames = getattr(image, "n_frames", 1)
    if frames > MAX_FRAMES:
        notes.append(f"only the first {MAX_FRAMES} of {frames} pages were read")
    try:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if number > MAX_FRAMES:
                break
            page, scale = _prepared(frame, fmt, ImageOps)
            items += ocr.page_items(page, number, scale).items
    except (OSError, SyntaxError, ValueError) as exc:
        raise DocumentLoadError(source, f"the image is truncated or corrupt ({str(exc)[:80]})", "re-save it") from exc
    from .pdf import _assemble, _drop_furniture

    blocks = _assemble(_drop_furniture(items))
    if not blocks:
        raise DocumentLoadError(source, "OCR found no text in the image", "check that it is the page meant")
    for i, table in enumerate(b for b in blocks if b.kind == "table"):
        table.index = i         # type: ignore[union-attr]
    doc = build(source, "jpeg" if fmt == "mpo" else fmt, blocks, data, warnings=notes)
    return ocr.annotate(doc, items)


def _prepared(frame, fmt: str, image_ops):
    """A frame upright and in grayscale, scaled down to at most ocr.MAX_SIDE pixels on its longer
    side; the scale is pixels per original pixel (box coordinates are given in the original's).
    A transparent background (a screenshot's PNG) is white, not the black its pixels hold."""
    original = max(frame.size)
    if fmt in ("jpeg", "mpo"):
        frame.draft("L", (ocr.MAX_SIDE, ocr.MAX_SIDE))     # decoded at 1/2, 1/4 or 1/8 size when that still fits
    upright = image_ops.exif_transpose(frame) or frame
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        from PIL import Image

        rgba = upright.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        upright = Image.alpha_composite(white, rgba)
    gray = upright.convert("L")
    if max(gray.size) > ocr.MAX_SIDE:
        gray.thumbnail((ocr.MAX_SIDE, ocr.MAX_SIDE))
    return gray, max(gray.size) / max(1, original)
