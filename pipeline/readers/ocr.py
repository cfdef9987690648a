"""OCR for pages without a text layer: scanned PDF pages and images, read offline.

The engine is RapidOCR (PP-OCRv4 Chinese detection and recognition models shipped inside the
`rapidocr-onnxruntime` wheel, run by onnxruntime): nothing is downloaded at run time.  It is
imported only when a page needs it, so the paste path and a text-only ingest never load
onnxruntime, OpenCV or numpy through this module.

A page becomes the same items the PDF reader assembles from a text layer: lines (dicts with
text, x0, x1, top, size in points) and Tables, in reading order by their top.
- A ruled table is found from its rules: horizontal and vertical strokes longer than a
  character (opened out of the ink with long thin kernels) give the grid's edges; a border
  missing between two grid cells merges them (rowspan/colspan).  Every recognised character
  goes to the cell its middle falls in, so a text box the detector drew across a rule is
  split at the rule.  A cell with ink but no detected text (a lone 序号 digit is too small
  for the detector) is recognised on its own.  Inside a cell a line that reaches the cell's
  right side wraps into the next.
- Without rules, a table is rebuilt from the boxes' geometry: visual rows by vertical overlap,
  and a run of at least three rows of several boxes apart by wide gaps whose left edges line up
  in columns is a table (a box goes to the column whose left edge is the nearest at or left of it).
- Every line and cell keeps its page, box and confidence (`Document.ocr`); the Document's
  warnings say which pages were read by OCR and with what mean confidence, and name the lines
  whose digits were read with low confidence (a clerk checks a 通报's figures).
- Work per page is bounded: a page is scaled down so its longer side is at most MAX_SIDE
  pixels before the detector sees it.  `MINSHENG_NO_OCR=1` (ingest --no-ocr) refuses such
  pages instead; `MINSHENG_OCR_THREADS` sets onnxruntime's threads (default: the cores, at most 4).
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count, pairwise
from typing import TYPE_CHECKING, Any

from ..errors import DocumentLoadError
from ..model import Cell, Document, Table, clean_cell

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image

MAX_SIDE = 2000          # pixels: a page is scaled down to this before OCR (a 40,000 px scan too)
PDF_SCALE = 2.0          # a PDF page is rendered at 144 dpi, scaled down further past MAX_SIDE
MIN_SIDE = 8             # pixels: an image smaller than this has no text to find
LOW_DIGIT = 0.80         # a digit recognised with less confidence than this is named in a warning
MAX_DIGIT_WARNINGS = 8
DIGIT = re.compile(r"[0-9０-９]")
LATIN = re.compile(r"[0-9A-Za-z]")
SYNTHETIC = count(1_000_000)   # line ids of text read again outside the detector's boxes
NO_OCR_ENV = "MINSHENG_NO_OCR"
THREADS_ENV = "MINSHENG_OCR_THREADS"


def enabled() -> bool:
    return os.environ.get(NO_OCR_ENV, "").strip().lower() not in ("1", "true", "yes", "on")


def refuse_unless_ready(source: str, what: str) -> None:
    """Raise the file's one-line error when OCR is off (--no-ocr) or not installed."""
    if not enabled():
        raise DocumentLoadError(source, f"{what} needs OCR, which is turned off (--no-ocr)",
                                "ingest it without --no-ocr to read it by OCR")
    if not installed():
        raise DocumentLoadError(source, f"{what} needs OCR, which is not installed", "pip install rapidocr-onnxruntime")


@lru_cache(maxsize=1)
def engine() -> Any:
    """The RapidOCR engine, built once per process (about 0.5 s: three ONNX sessions)."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:      # an install without the OCR dependency
        raise DocumentLoadError("-", "OCR is not installed (rapidocr-onnxruntime)",
                                "pip install rapidocr-onnxruntime") from exc
    _no_spinning()
    threads = _threads()
    return RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, print_verbose=False)


def _no_spinning() -> None:
    """onnxruntime's idle threads spin for work by default: on cores shared with other work that burns
    CPU for nothing (a page measured 12.4 s CPU with spinning, 7.4 s without, and half the wall time)."""
    try:
        from rapidocr_onnxruntime.utils import infer_engine
    except ImportError:
        return
    session = infer_engine.OrtInferSession
    original = session.__dict__.get("_init_sess_opts")
    if not isinstance(original, staticmethod) or getattr(original.__func__, "quiet", False):
        return          # another release of rapidocr: its own defaults stand

    def quiet(config):
        options = original.__func__(config)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return options

    quiet.quiet = True          # type: ignore[attr-defined]
    session._init_sess_opts = staticmethod(quiet)


def _threads() -> int:
    cores = os.cpu_count() or 1
    try:
        wanted = int(os.environ.get(THREADS_ENV, "0"))
    except ValueError:
        wanted = 0
    return max(1, min(cores, wanted)) if wanted > 0 else max(1, min(cores, 4))


# ---------------------------------------------------------------- recognised text

@dataclass
class Word:
    """A recognised character (or Latin word) with its box in page pixels."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float
    line: int                       # index of the detector's text box it came from

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Box:
    """A detector text box: its words, in reading order."""
    words: list[Word]

    @property
    def text(self) -> str:
        """The words; a gap of a third of the line's height beside a digit or Latin letter is a space
        (2016-12-26 20:43, Produced By), as the text layer has it; Chinese runs on without one."""
        height = self.height
        out = self.words[0].text
        for a, b in pairwise(self.words):
            latin = LATIN.match(a.text[-1:]) or LATIN.match(b.text[:1])
            out += (" " if latin and b.x0 - a.x1 > 0.35 * height else "") + b.text
        return out

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def conf(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words)


@dataclass
class PageResult:
    """What OCR read on one page: items for the assembler, and the record of boxes."""
    number: int
    items: list[tuple[int, dict | Table]] = field(default_factory=list)
    boxes: list[dict] = field(default_factory=list)       # {"text", "box", "confidence"} in page units
    confidence: float = 0.0
    seconds: float = 0.0
    skew: float = 0.0                                     # degrees the page was turned back (a photo held askew)


def recognise(gray: np.ndarray) -> list[Box]:
    """Detector boxes with their words for a grayscale page.  A long line the recogniser returns
    empty or unsure of (it happens to lines of 40-odd characters) is read again in pieces."""
    # no angle classifier: pages are upright (EXIF turns photos), and it turns a short box like 60% into %09
    result, _ = engine()(gray, use_cls=False, return_word_box=True, text_score=0.0)
    boxes: list[Box] = []
    for k, entry in enumerate(result or []):
        quad, text, conf = entry[0], str(entry[1]), float(entry[2])
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        x0, top, x1, bottom = min(xs), min(ys), max(xs), max(ys)
        if conf < TEXT_SCORE or not text.strip():
            if x1 - x0 > PIECE * (bottom - top):
                boxes += [b for b in [_in_pieces(gray, x0, top, x1, bottom, k)] if b is not None]
            continue
        word_boxes = entry[3] if len(entry) > 3 else None
        words_text = entry[4] if len(entry) > 4 else None
        word_confs = entry[5] if len(entry) > 5 else None
        words: list[Word] = []
        if word_boxes and words_text and len(word_boxes) == len(words_text):
            for wq, wt, wc in zip(word_boxes, words_text, word_confs or [conf] * len(words_text)):
                wx, wy = [p[0] for p in wq], [p[1] for p in wq]
                words.append(Word(str(wt), min(wx), min(wy), max(wx), max(wy), float(wc), k))
        if not words or "".join(w.text for w in words) != text.replace(" ", ""):
            words = _spread(text, x0, top, x1, bottom, conf, k)
        if words:
            boxes.append(Box(words))
    return boxes


TEXT_SCORE = 0.5        # a detector box recognised with less confidence is dropped (or read in pieces)
PIECE = 12              # heights: a long line is read again in pieces about this wide


def _in_pieces(gray: np.ndarray, x0: float, top: float, x1: float, bottom: float, k: int) -> Box | None:
    """Read a long line in pieces cut at blank columns near every PIECE heights."""
    height = bottom - top
    crop = gray[int(top):int(bottom) + 1, int(x0):int(x1) + 1]
    if crop.size == 0:
        return None
    blank = (crop < 128).sum(axis=0) == 0
    cuts = [0]
    while crop.shape[1] - cuts[-1] > 1.5 * PIECE * height:
        aim = cuts[-1] + int(PIECE * height)
        near = [c for c in range(max(cuts[-1] + 1, aim - int(height)), min(crop.shape[1], aim + int(height))) if blank[c]]
        cuts.append(min(near, key=lambda c: abs(c - aim)) if near else aim)
    cuts.append(crop.shape[1])
    words: list[Word] = []
    for a, b in pairwise(cuts):
        text, conf = read_crop(crop[:, a:b])
        if text and conf >= TEXT_SCORE:
            words += _spread(text, x0 + a, top, x0 + b, bottom, conf, k)
    return Box(words) if words else None


def split_at_rules(gray: np.ndarray, boxes: list[Box], grids: list[Grid]) -> list[Box]:
    """A detector box drawn across a table's vertical rule (县市场监管局、| 2022年12月) is read again
    piece by piece between the rules: the rule's ink in one crop makes the recogniser drop marks."""
    out: list[Box] = []
    for box in boxes:
        cy = (box.top + box.bottom) / 2
        rules = sorted(x for g in grids if g.ys[0] <= cy <= g.ys[-1] for x in g.xs if box.x0 + 4 < x < box.x1 - 4)
        if not rules:
            out.append(box)
            continue
        edges = [box.x0, *rules, box.x1]
        for n, (a, b) in enumerate(pairwise(edges)):
            left, right = a + (3 if n else 0), b - (3 if n + 1 < len(edges) - 1 else 0)
            if right - left < 4:
                continue
            crop = gray[int(box.top):int(box.bottom) + 1, int(left):int(right) + 1]
            text, conf = read_crop(crop)
            if text and conf >= TEXT_SCORE:
                out.append(Box(_spread(text, left, box.top, right, box.bottom, conf, next(SYNTHETIC))))
    return out


# 〔2022]9号 — a 文号's year bracket whose other half the recogniser read as a Latin or round bracket
YEAR_BRACKET = [(re.compile(r"〔(\d{4})[\]］)）】」]"), r"〔\1〕"), (re.compile(r"[\[［(（【「](\d{4})〕"), r"〔\1〕")]


def corrected(text: str) -> str:
    """Confusions of the recogniser that the genre's conventions settle."""
    for pattern, repl in YEAR_BRACKET:
        text = pattern.sub(repl, text)
    return text


def _spread(text: str, x0: float, top: float, x1: float, bottom: float, conf: float, k: int) -> list[Word]:
    """Words of a box whose characters the engine did not place: spread evenly over the box."""
    chars = [c for c in text if not c.isspace()]
    step = (x1 - x0) / max(1, len(chars))
    return [Word(c, x0 + i * step, top, x0 + (i + 1) * step, bottom, conf, k) for i, c in enumerate(chars)]


def read_crop(gray: np.ndarray) -> tuple[str, float]:
    """Recognition alone on a small crop (a cell the detector found nothing in)."""
    result, _ = engine()(gray, use_det=False, use_cls=False)
    if not result:
        return "", 0.0
    text, conf = result[0][0], float(result[0][1])
    return str(text).strip(), conf


# ---------------------------------------------------------------- pages

def pdf_page(data: bytes, number: int, warnings: list[str]) -> list[tuple[int, dict | Table]]:
    """The PDF reader's hook: items of a page without a usable text layer, read by OCR.  With OCR
    off (--no-ocr) or not installed the page is left out and named in the warnings."""
    if not enabled():
        warnings.append(f"page {number}: no usable text layer (a scan?); OCR is off (--no-ocr)")
        return []
    if not installed():
        warnings.append(f"page {number}: no usable text layer (a scan?); OCR is not installed "
                        "(pip install rapidocr-onnxruntime)")
        return []
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[number - 1]
        width, height = page.get_size()
        scale = min(PDF_SCALE, MAX_SIDE / max(width, height, 1.0))
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        document.close()
    return page_items(image, number, scale).items


def installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def page_items(image: Image, number: int, scale: float) -> PageResult:
    """OCR one page image (pixels = points × scale) into the PDF reader's items."""
    import numpy as np

    started = time.perf_counter()
    gray = np.asarray(image.convert("L"))
    out = PageResult(number=number)
    if min(gray.shape) < MIN_SIDE:
        return out
    gray, out.skew = deskewed(gray)
    grids = find_grids(gray)
    boxes = split_at_rules(gray, recognise(gray), grids)
    table_words: list[list[Word]] = [[] for _ in grids]
    loose: dict[int, list[Word]] = {}
    for box in boxes:
        for w in box.words:
            g = next((i for i, grid in enumerate(grids) if grid.contains(w.cx, w.cy)), None)
            if g is None:
                loose.setdefault(w.line, []).append(w)
            else:
                table_words[g].append(w)
    lines = [Box(ws) for ws in loose.values()]
    placed: list[tuple[float, dict | Table]] = []
    for grid, words in zip(grids, table_words):
        table = grid.table(words, gray, number, scale)
        if table.cells:
            placed.append((grid.top / scale, table))
            out.boxes += [dict(b) for b in table.ocr_boxes]         # type: ignore[attr-defined]
    loose_tables, lines = geometry_tables(lines, number, scale)
    for top, table in loose_tables:
        placed.append((top, table))
        out.boxes += [dict(b) for b in table.ocr_boxes]             # type: ignore[attr-defined]
    height_pt = gray.shape[0] / scale
    for row in visual_rows(lines):
        placed.append((min(b.top for b in row) / scale, _line_item(row, scale, height_pt, gray.shape[1] / scale)))
        out.boxes += [_box_record(b, scale) for b in row]
    _snap_sizes([obj for _, obj in placed if isinstance(obj, dict)])
    placed.sort(key=lambda it: it[0])
    out.items = [(number, obj) for _, obj in placed]
    confs = [(b["confidence"], len(b["text"])) for b in out.boxes]
    chars = sum(n for _, n in confs)
    out.confidence = round(sum(c * n for c, n in confs) / chars, 3) if chars else 0.0
    out.seconds = round(time.perf_counter() - started, 2)
    for item in out.items:
        if isinstance(item[1], dict):
            item[1]["ocr_page"] = out           # the page's record rides on its lines to annotate()
        else:
            item[1].ocr_page = out              # type: ignore[attr-defined]
    return out


def _box_record(box: Box, scale: float) -> dict:
    return {"text": box.text, "box": [round(box.x0 / scale, 1), round(box.top / scale, 1),
                                      round(box.x1 / scale, 1), round(box.bottom / scale, 1)],
            "confidence": round(box.conf, 3), "digits": _low_digits(box.words)}


def _low_digits(words: list[Word]) -> float | None:
    low = [w.conf for w in words if DIGIT.search(w.text) and w.conf < LOW_DIGIT]
    return round(min(low), 3) if low else None


def _line_item(row: list[Box], scale: float, height: float, width: float) -> dict:
    """A visual line as the PDF reader's line dict (points): boxes far apart keep a space."""
    row = sorted(row, key=lambda b: b.x0)
    size = _size(row) / scale
    text = row[0].text
    for a, b in pairwise(row):
        text += (" " if (b.x0 - a.x1) / scale > 0.3 * size else "") + b.text     # boxes apart: a space between
    text = corrected(text)
    x0, x1 = row[0].x0 / scale, max(b.x1 for b in row) / scale
    top, bottom = min(b.top for b in row) / scale, max(b.bottom for b in row) / scale
    band = "head" if bottom < 0.12 * height else "foot" if top > 0.88 * height else ""
    return {"text": text, "x0": x0, "x1": x1, "top": top, "size": round(size, 1), "lead": 0.0,
            "band": band, "width": round(width)}


def _snap_sizes(lines: list[dict]) -> None:
    """Lines of the body type are given one size: measured from recognised characters a size wobbles by
    a tenth, and the assembler joins a wrapped line only to a line of the same size (a title is larger)."""
    sizes = sorted(ln["size"] for ln in lines if ln["size"])
    if not sizes:
        return
    body = sizes[len(sizes) // 2]
    for ln in lines:
        if abs(ln["size"] - body) <= 0.15 * body:
            ln["size"] = body


def _size(row: list[Box]) -> float:
    """Type size in pixels: the median width of the Chinese characters, else 0.8 × box height."""
    widths = sorted(w.x1 - w.x0 for b in row for w in b.words if "\u3400" <= w.text[:1] <= "\u9fff")
    if len(widths) >= 2:
        return widths[len(widths) // 2]
    return 0.8 * max(b.height for b in row)


def visual_rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped into visual lines: a box joins a line it overlaps vertically by half its height."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        if rows:
            last = rows[-1]
            top, bottom = min(b.top for b in last), max(b.bottom for b in last)
            overlap = min(bottom, box.bottom) - max(top, box.top)
            if overlap > 0.5 * min(box.height, bottom - top):
                last.append(box)
                continue
        rows.append([box])
    for row in rows:
        row.sort(key=lambda b: b.x0)
    return rows


# ---------------------------------------------------------------- skew

MAX_SKEW = 6.0          # degrees: a page turned further is not a page held askew
MIN_SKEW = 0.3          # degrees: less is left alone (a rule drifts under 2 px across 300 px)


def skew_angle(gray: np.ndarray) -> float:
    """How far the page must be turned (degrees, counter-clockwise) for its lines to lie level: the
    angle at which the ink's row profile is sharpest (lines of text and rules then fill few rows
    densely), searched coarsely, then finely, on a page scaled to 800 px."""
    import cv2
    import numpy as np

    factor = min(1.0, 800 / max(gray.shape))
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else gray
    ink = (small < 160).astype(np.float32)
    if ink.sum() < 50:
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (w, h))
        rows = turned.sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=sharpness)
    return round(float(fine), 2)


def deskewed(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The page turned level when its lines slope by more than MIN_SKEW degrees (boxes are then
    given on the levelled page)."""
    import numpy as np
    from PIL import Image

    angle = skew_angle(gray)
    if abs(angle) < MIN_SKEW:
        return gray, 0.0
    turned = Image.fromarray(gray).rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return np.asarray(turned), round(angle, 2)


# ---------------------------------------------------------------- ruled tables

@dataclass
class Grid:
    xs: list[float]                 # vertical rule positions, left to right
    ys: list[float]                 # horizontal rule positions, top to bottom
    horiz: Any                      # the opened horizontal-rule mask (for borders between cells)
    vert: Any

    @property
    def top(self) -> float:
        return self.ys[0]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def _border_right(self, r: int, c: int) -> bool:
        """Is there a vertical rule between cell (r, c) and (r, c + 1)?"""
        x = round(self.xs[c + 1])
        y0, y1 = int(self.ys[r]) + 3, int(self.ys[r + 1]) - 3
        if y1 <= y0:
            return True
        band = self.vert[y0:y1, max(0, x - 3):x + 4].any(axis=1)
        return bool(band.mean() > 0.5)

    def _border_below(self, r: int, c: int) -> bool:
        y = round(self.ys[r + 1])
        x0, x1 = int(self.xs[c]) + 3, int(self.xs[c + 1]) - 3
        if x1 <= x0:
            return True
        band = self.horiz[max(0, y - 3):y + 4, x0:x1].any(axis=0)
        return bool(band.mean() > 0.5)

    def table(self, words: list[Word], gray: np.ndarray, page: int, scale: float) -> Table:
        """The grid's cells (merged where a border is missing) with the words inside them."""
        n_rows, n_cols = len(self.ys) - 1, len(self.xs) - 1
        parent = list(range(n_rows * n_cols))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for r in range(n_rows):
            for c in range(n_cols):
                if c + 1 < n_cols and not self._border_right(r, c):
                    parent[find(r * n_cols + c + 1)] = find(r * n_cols + c)
                if r + 1 < n_rows and not self._border_below(r, c):
                    parent[find((r + 1) * n_cols + c)] = find(r * n_cols + c)
        groups: dict[int, list[tuple[int, int]]] = {}
        for r in range(n_rows):
            for c in range(n_cols):
                groups.setdefault(find(r * n_cols + c), []).append((r, c))
        import bisect

        inside: dict[int, list[Word]] = {}
        for w in words:
            r = min(max(bisect.bisect_right(self.ys, w.cy) - 1, 0), n_rows - 1)
            c = min(max(bisect.bisect_right(self.xs, w.cx) - 1, 0), n_cols - 1)
            inside.setdefault(find(r * n_cols + c), []).append(w)
        cells: list[Cell] = []
        records: list[dict] = []
        for root, members in groups.items():
            r0, c0 = min(r for r, _ in members), min(c for _, c in members)
            r1, c1 = max(r for r, _ in members), max(c for _, c in members)
            x0, x1, top, bottom = self.xs[c0], self.xs[c1 + 1], self.ys[r0], self.ys[r1 + 1]
            got = inside.get(root, [])
            got = got + _missed_words(gray, x0, top, x1, bottom, got)
            text, conf, low = _cell_text(got, x1) if got else ("", 0.0, None)
            cells.append(Cell(text=text, row=r0, col=c0, rowspan=r1 - r0 + 1, colspan=c1 - c0 + 1))
            if text:
                records.append({"text": text.replace("\n", ""), "box": [round(v / scale, 1) for v in (x0, top, x1, bottom)],
                                "confidence": round(conf, 3), "digits": low})
        cells.sort(key=lambda c: (c.row, c.col))
        from .docx import header_rows

        table = Table(cells=cells, page=page, n_rows=n_rows, n_cols=n_cols, header_rows=header_rows(cells))
        table.ocr_boxes = records           # type: ignore[attr-defined]
        return _drop_empty_columns(table)


def _cell_text(words: list[Word], right: float) -> tuple[str, float, float | None]:
    """A cell's words as lines (by detector box, top to bottom); a line reaching the cell's
    right side wraps into the next one."""
    by_line: dict[int, list[Word]] = {}
    for w in words:
        by_line.setdefault(w.line, []).append(w)
    lines = sorted(by_line.values(), key=lambda ws: (min(w.top for w in ws), min(w.x0 for w in ws)))
    merged: list[list[Word]] = []
    for ws in lines:       # two detector boxes side by side on one visual line are one line
        if merged and min(w.top for w in ws) < max(w.bottom for w in merged[-1]) - 0.5 * (ws[0].bottom - ws[0].top):
            merged[-1] += ws
        else:
            merged.append(list(ws))
    out = ""
    for k, ws in enumerate(merged):
        ws.sort(key=lambda w: w.x0)
        h = max(w.bottom - w.top for w in ws)
        out += "".join(w.text for w in ws)
        if k + 1 < len(merged):
            out += "" if right - ws[-1].x1 < 2.2 * h else "\n"
    conf = sum(w.conf for w in words) / len(words)
    return clean_cell(corrected(out)), conf, _low_digits(words)


def _missed_words(gray: np.ndarray, x0: float, top: float, x1: float, bottom: float, words: list[Word]) -> list[Word]:
    """Ink in a cell on rows no recognised word covers (a lone 序号 digit, the last character of a
    wrapped header 牵头县领/导 are too small for the detector): each such band is recognised alone."""
    import numpy as np

    pad = 3                # past the rule, not into the text (cells keep about 2 pt of padding)
    t, b, left, right = int(top) + pad, int(bottom) - pad, int(x0) + pad, int(x1) - pad
    crop = gray[t:b, left:right]
    if crop.size == 0:
        return []
    ink = crop < 128
    rows = np.convolve(ink.sum(axis=1) > 0, np.ones(3), mode="same") > 0    # a glyph's 1-2 px gaps closed
    for w in words:
        rows[max(0, int(w.top) - t - 2):max(0, int(w.bottom) - t + 3)] = False
    found: list[Word] = []
    run_start = None
    for i, on in enumerate(list(rows) + [False]):
        if on and run_start is None:
            run_start = i
        elif not on and run_start is not None:
            a, run_start = run_start, None
            if i - a < 6 or ink[a:i].sum() < 12:
                continue                     # a speck, or a rule's stub
            cols = np.flatnonzero(ink[a:i].any(axis=0))
            margin = 6
            piece = crop[max(0, a - margin):i + margin, max(0, cols[0] - margin):cols[-1] + margin + 1]
            text, conf = read_crop(piece)
            if text and conf >= (LONE_DIGIT_SCORE if text.isdigit() else TEXT_SCORE):
                found += _spread(text, left + cols[0], t + a, left + cols[-1] + 1, t + i, conf, next(SYNTHETIC))
    return found + _missed_heads(crop, t, left, words)


LONE_DIGIT_SCORE = 0.3      # a lone 1 in a 序号 cell is read unsure; kept, and named in the warnings


def _missed_heads(crop: np.ndarray, t: int, left: int, words: list[Word]) -> list[Word]:
    """Ink left of a line's first recognised word (the 一 of 一、… the detector cut off): read alone
    and put before the line."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    import numpy as np

    found: list[Word] = []
    for line, ws in lines.items():
        first = min(ws, key=lambda w: w.x0)
        a, b = max(0, int(first.top) - t), max(0, int(first.bottom) - t)
        end = int(first.x0) - left - 2
        if end < 6 or b - a < 6:
            continue
        ink = crop[a:b, :end] < 128
        cols = np.flatnonzero(ink.any(axis=0))
        if ink.sum() < 12 or cols[-1] - cols[0] < 3:
            continue                    # a speck, or what is left of a rule
        piece = crop[max(0, a - 4):b + 4, max(0, int(cols[0]) - 6):end]
        text, conf = read_crop(piece)
        if text and conf >= TEXT_SCORE:
            found += _spread(text, left + int(cols[0]), first.top, first.x0 - 1, first.bottom, conf, line)
    return found


def _drop_empty_columns(table: Table) -> Table:
    """A column of the grid no cell starts in and no text fills (a double rule) is dropped."""
    used = {c.col for c in table.cells if c.text} | {c.col for c in table.cells if c.colspan == 1}
    if len(used) == table.n_cols:
        return table
    keep = sorted(used)
    index = {col: i for i, col in enumerate(keep)}
    for c in table.cells:
        end = max((k for k in keep if k < c.col + c.colspan), default=c.col)
        c.colspan = max(1, index.get(end, 0) - index.get(c.col, 0) + 1)
        c.col = index.get(c.col, 0)
    table.cells = [c for c in table.cells if c.col in index.values()]
    table.n_cols = len(keep)
    return table


def find_grids(gray: np.ndarray) -> list[Grid]:
    """Ruled tables on a page: rules are strokes much longer than a character, opened out of the
    ink with long thin kernels; a block of crossing rules with at least two of each is a grid."""
    import cv2
    import numpy as np

    h, w = gray.shape
    ink = (gray < 160).astype(np.uint8)
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(24, w // 30), 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(24, h // 50))))
    both = cv2.dilate(np.bitwise_or(horiz, vert), np.ones((5, 5), np.uint8))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(both)
    grids: list[Grid] = []
    for k in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[k][:4])
        if bw < w // 6 or bh < 20:
            continue
        xs = _rule_positions(vert[y:y + bh, x:x + bw].sum(axis=0), 0.3 * bh, x)
        ys = _rule_positions(horiz[y:y + bh, x:x + bw].sum(axis=1), 0.3 * bw, y)
        if len(xs) >= 2 and len(ys) >= 2:
            ys = _rule_positions(horiz[y:y + bh, x:x + bw].sum(axis=1), min(0.3 * bw, 0.8 * (xs[1] - xs[0])), y)
            xs = _rule_positions(vert[y:y + bh, x:x + bw].sum(axis=0), min(0.3 * bh, 0.8 * (ys[1] - ys[0])), x)
            if len(xs) >= 2 and len(ys) >= 2:
                grids.append(Grid(xs=xs, ys=ys, horiz=horiz.astype(bool), vert=vert.astype(bool)))
    return sorted(grids, key=lambda g: g.top)


def _rule_positions(profile: Any, least: float, offset: int) -> list[float]:
    """Middles of the runs of a projection profile that reach `least` (a rule's length)."""
    out: list[float] = []
    run: list[int] = []
    for i, v in enumerate(list(profile) + [0]):
        if v >= least:
            run.append(i)
        elif run:
            out.append(offset + (run[0] + run[-1]) / 2)
            run = []
    return out


# ---------------------------------------------------------------- tables without rules

GAP = 0.5           # type sizes: boxes the detector drew apart by more than this are cells of their own
WRAP = 0.4          # type sizes: a row closer than this under the one above holds wrapped lines of its cells
MIN_TABLE_ROWS = 3


def geometry_tables(boxes: list[Box], page: int, scale: float) -> tuple[list[tuple[float, Table]], list[Box]]:
    """Tables without rules: a run of at least three visual rows of two or more boxes apart, whose
    left edges line up in columns; a row tight under another that leaves the first column empty
    holds wrapped lines of the cells above.  Returns the tables (tops in points) and the boxes left over."""
    rows = visual_rows(boxes)
    spread = [len(r) >= 2 and all(b.x0 - a.x1 > GAP * _size([a, b]) for a, b in pairwise(r)) for r in rows]
    tables: list[tuple[float, Table]] = []
    used: set[int] = set()
    k = 0
    while k < len(rows):
        if not spread[k]:
            k += 1
            continue
        end = k + 1
        while end < len(rows) and (spread[end] or _wraps(rows[end - 1], rows[end], rows[k][0].x0)):
            end += 1
        run = rows[k:end]
        table = _aligned_table(run, page, scale) if sum(spread[k:end]) >= MIN_TABLE_ROWS else None
        if table is not None:
            tables.append((min(b.top for b in run[0]) / scale, table))
            used |= {id(b) for r in run for b in r}
        k = end
    return tables, [b for b in boxes if id(b) not in used]


def _wraps(above: list[Box], row: list[Box], first_column: float) -> bool:
    """A row tight under the one above (closer than WRAP type sizes) that leaves the first column empty."""
    size = _size(above + row)
    return min(b.top for b in row) - max(b.bottom for b in above) < WRAP * size and \
        min(b.x0 for b in row) > first_column + size


def _aligned_table(rows: list[list[Box]], page: int, scale: float) -> Table | None:
    size = _size([b for r in rows for b in r])
    lefts: list[list[float]] = []
    for x in sorted(b.x0 for r in rows for b in r):
        if lefts and x - lefts[-1][-1] <= size:
            lefts[-1].append(x)
        else:
            lefts.append([x])
    columns = [min(group) for group in lefts if len(group) >= max(2, len(rows) // 2)]
    if len(columns) < 2:
        return None
    grid: list[dict[int, list[Box]]] = []
    for r, row in enumerate(rows):
        placed: dict[int, list[Box]] = {}
        for b in row:
            col = max((i for i, x in enumerate(columns) if x <= b.x0 + size), default=0)
            placed.setdefault(col, []).append(b)
        if grid and 0 not in placed and _wraps(rows[r - 1], row, columns[0]):
            for col, bs in placed.items():
                grid[-1].setdefault(col, []).extend(bs)      # wrapped lines of the cells above
        else:
            grid.append(placed)
    cells: list[Cell] = []
    records: list[dict] = []
    for r, placed in enumerate(grid):
        for col, bs in sorted(placed.items()):
            lines = visual_rows(bs)
            text = corrected("".join(" ".join(b.text for b in line) for line in lines))
            cells.append(Cell(text=text, row=r, col=col))
            records.append({"text": text, "box": [round(v / scale, 1) for v in (min(b.x0 for b in bs), min(b.top for b in bs),
                                                                                max(b.x1 for b in bs), max(b.bottom for b in bs))],
                            "confidence": round(sum(b.conf for b in bs) / len(bs), 3),
                            "digits": _low_digits([w for b in bs for w in b.words])})
    from .docx import header_rows

    table = Table(cells=cells, page=page, n_rows=len(grid), n_cols=len(columns), header_rows=header_rows(cells))
    table.ocr_boxes = records           # type: ignore[attr-defined]
    return table


# ---------------------------------------------------------------- the Document's record

def annotate(doc: Document, items: list[tuple[int, dict | Table]]) -> Document:
    """Record on the Document which pages were read by OCR (confidence, seconds, degrees turned level), every box read
    with its page and the text-view line it went to, and warn of figures read with low confidence."""
    pages: dict[int, PageResult] = {}
    for _, obj in items:
        result = obj.get("ocr_page") if isinstance(obj, dict) else getattr(obj, "ocr_page", None)
        if isinstance(result, PageResult):
            pages.setdefault(result.number, result)
    if not pages:
        return doc
    boxes: list[dict] = []
    cursor = 0
    flat = [re.sub(r"\s+", "", line) for line in doc.lines]
    for number in sorted(pages):
        for box in sorted(pages[number].boxes, key=lambda b: (b["box"][1], b["box"][0])):
            key = re.sub(r"\s+", "", box["text"])[:12]
            line = next((i for i in range(cursor, len(flat)) if key and key in flat[i]), None)
            if line is None:
                line = next((i for i in range(len(flat)) if key and key in flat[i]), None)
            else:
                cursor = line
            boxes.append({"page": number, **box, "line": None if line is None else line + 1})
    doc.ocr = {"pages": [{"page": n, "confidence": p.confidence, "seconds": p.seconds, "skew": p.skew}
                         for n, p in sorted(pages.items())],
               "boxes": boxes}
    listed = ", ".join(str(n) for n in sorted(pages))
    mean = sum(p.confidence for p in pages.values()) / len(pages)
    doc.warnings.append(f"page{'s' if len(pages) > 1 else ''} {listed} read by OCR (mean confidence {mean:.2f}): "
                        "check figures against the scan")
    low = [b for b in boxes if b.get("digits") is not None]
    for b in low[:MAX_DIGIT_WARNINGS]:
        where = f"line {b['line']}" if b["line"] else "a line"
        doc.warnings.append(f"page {b['page']}, {where}: OCR is unsure of the figures in “{b['text'][:40]}” "
                            f"(confidence {b['digits']:.2f})")
    if len(low) > MAX_DIGIT_WARNINGS:
        doc.warnings.append(f"{len(low) - MAX_DIGIT_WARNINGS} more lines with figures OCR is unsure of")
    return doc

