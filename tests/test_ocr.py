"""OCR of scans and images (pipeline/readers/ocr.py, images.py), offline.

- samples/scanned/ (made by samples/make_scanned.py from PDFs in the repository: an image-only PDF,
  a multi-page TIFF, a PNG) scores within TOLERANCE of the same documents as text on every field;
- the paste path and a text PDF never import onnxruntime (a fresh process);
- tables are rebuilt from rules (merged cells where a border is missing) and, without rules, from
  the boxes' geometry; figures read with low confidence are named in the warnings;
- bad images (truncated, 1×1, 30,000×30,000, blank) give one line naming the file and the reason.

Few and small pages: OCR costs seconds a page on two cores.
"""
from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zlib
from functools import cache
from pathlib import Path

import pytest
from extract_helpers import scorer

from pipeline import errors
from pipeline.formats import sniff
from pipeline.model import Document
from pipeline.readers import ocr, read

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
TOLERANCE = 0.05
needs_scorer = pytest.mark.skipif(not SCORE.exists(), reason="../shared/tools/score.py is not beside this checkout")
needs_ocr = pytest.mark.skipif(not ocr.installed(), reason="rapidocr-onnxruntime is not installed")


def originals(stem: str) -> tuple[Path, Path]:
    """The text original of a scanned sample and its answer key."""
    if (ROOT / "samples" / "txt" / f"{stem}.txt").exists():
        return ROOT / "samples" / "txt" / f"{stem}.txt", ROOT.parent / "shared" / "gold" / f"{stem}.json"
    return ROOT / "samples" / "corpus" / f"{stem}.txt", ROOT / "samples" / "corpus" / "gold" / f"{stem}.json"


@cache
def document(path: Path) -> Document:
    return read(path)          # each scan is OCR'd once per session


def f1(gold: Path, doc: Document) -> dict[str, float]:
    from extractors import extract
    from gazetteer import load

    s = scorer()
    out = {}
    compared = s.compare(s.facts_from_gold(json.loads(gold.read_text(encoding="utf-8"))),
                         s.facts_from_output(extract(doc, load()).to_contract()))
    for field, (tp, fp, fn, _misses, _extras) in compared.items():
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        out[field] = 2 * p * r / (p + r) if p + r else 0.0
    return out


SCANS = sorted(p.name for p in SCANNED.glob("*.*"))


def test_scans_are_made():
    kinds = {Path(n).suffix for n in SCANS}
    assert {".pdf", ".png", ".tif"} <= kinds, "run samples/make_scanned.py"


@needs_ocr
@needs_scorer
@pytest.mark.parametrize("name", SCANS)
def test_scan_scores_as_its_text(name):
    path = SCANNED / name
    text, gold = originals(path.stem)
    doc = document(path)
    assert doc.ocr and doc.ocr["pages"], "the Document says which pages were read by OCR"
    want, got = f1(gold, read(text)), f1(gold, doc)
    worse = {k: (round(want[k], 3), round(got[k], 3)) for k in want if got[k] < want[k] - TOLERANCE}
    assert not worse, f"{name} scores below its text (field: (text F1, scan F1)): {worse}"


@needs_ocr
def test_every_ocr_value_has_page_and_box():
    doc = document(SCANNED / "045_sichuan_renshou_2022_plan_zerenfenjie.pdf")
    assert [p["page"] for p in doc.ocr["pages"]] == [1, 2]
    assert all(0.5 <= p["confidence"] <= 1 for p in doc.ocr["pages"])
    boxes = doc.ocr["boxes"]
    assert boxes and all(b["page"] in (1, 2) and len(b["box"]) == 4 for b in boxes)
    # a page is 595 x 842 points: boxes are given in the page's own units
    assert all(0 <= b["box"][0] < b["box"][2] <= 600 and 0 <= b["box"][1] < b["box"][3] <= 850 for b in boxes)
    placed = [b for b in boxes if b["line"]]
    assert len(placed) >= 0.9 * len(boxes), "nearly every box is tied to its line of the text view"
    leader = next(b for b in boxes if b["text"] == "周平")
    assert "周平" in doc.line(leader["line"])
    assert any("read by OCR" in w for w in doc.warnings)
    assert "ocr" in doc.to_dict()


@needs_ocr
def test_scanned_duty_table_reads_as_its_docx():
    """A scanned 任务分解表: projects with leaders and units, as the text layer gives them."""
    doc = document(SCANNED / "045_sichuan_renshou_2022_plan_zerenfenjie.pdf")
    table = next(doc.tables())
    assert table.rows()[0] == ["序号", "项目名称", "目标任务", "牵头县领导", "牵头单位", "责任单位", "完成时限"]
    assert [r[0] for r in table.rows() if r[0].isdigit()] == [str(n) for n in range(1, 11)]
    merged = [c for c in table.cells if c.rowspan > 1]
    assert merged, "a leader written once for two projects is one merged cell, as drawn"


# ---------------------------------------------------------------- tables from geometry and rules

def box(text: str, x0: float, top: float, height: float = 20, conf: float = 0.99) -> ocr.Box:
    step = height * 0.9
    return ocr.Box([ocr.Word(ch, x0 + i * step, top, x0 + (i + 1) * step, top + height, conf, id(text) + int(top))
                    for i, ch in enumerate(text)])


GEOMETRY = [
    # rows of boxes far apart whose left edges line up: a table of their columns
    ([[("序号", 100), ("项目", 300), ("责任单位", 600)],
      [("1", 100), ("老旧小区改造", 300), ("区住建局", 600)],
      [("2", 100), ("农贸市场提升", 300), ("区商务局", 600)]],
     [["序号", "项目", "责任单位"], ["1", "老旧小区改造", "区住建局"], ["2", "农贸市场提升", "区商务局"]]),
    # a row missing its middle cell keeps the others in their columns
    ([[("类别", 100), ("任务", 300), ("完成", 600)],
      [("教育", 100), ("新建学校3所", 300), ("2所", 600)],
      [("卫生", 100), ("改造卫生院5个", 600)],
      [("养老", 100), ("护理床位80张", 300), ("60张", 600)]],
     [["类别", "任务", "完成"], ["教育", "新建学校3所", "2所"], ["卫生", "", "改造卫生院5个"],
      ["养老", "护理床位80张", "60张"]]),
    # a row tight under another (offset None: 22 px lower, not 40) without a first cell wraps the cells above
    ([[("序号", 100), ("项目", 300), ("责任单位", 600)],
      [("1", 100), ("城区公厕新建", 300), ("区城市管理", 600)],
      [("改造", 300, 22), ("局", 600, 22)],
      [("2", 100), ("农贸市场提升", 300), ("区商务局", 600)]],
     [["序号", "项目", "责任单位"], ["1", "城区公厕新建改造", "区城市管理局"], ["2", "农贸市场提升", "区商务局"]]),
    # two rows only: lines of prose with a gap are not a table
    ([[("附件：", 100), ("进度表", 400)], [("抄送：", 100), ("区人大", 400)]], None),
]


@pytest.mark.parametrize("rows, expected", GEOMETRY, ids=["aligned", "missing-cell", "wrapped-cells", "two-rows"])
def test_table_from_box_geometry(rows, expected):
    tops, top = [], 100
    for row in rows:                 # a row 40 px under the one above, or as close as its cells say
        top = top + (row[0][2] if len(row[0]) > 2 else 40) if tops else top
        tops.append(top)
    boxes = [box(cell[0], cell[1], tops[r]) for r, row in enumerate(rows) for cell in row]
    tables, rest = ocr.geometry_tables(boxes, page=1, scale=1.0)
    if expected is None:
        assert not tables and len(rest) == len(boxes)
        return
    assert len(tables) == 1 and not rest
    assert tables[0][1].rows() == expected


def grid_image(merge_right: bool, merge_below: bool):
    """A 3 × 3 ruled grid, 100 px cells, optionally without the border right of (0, 0) or below (1, 2)."""
    import numpy as np

    img = np.full((400, 400), 255, dtype=np.uint8)
    for k in range(4):
        img[50 + 100 * k:52 + 100 * k, 50:352] = 0          # horizontal rules
        img[50:352, 50 + 100 * k:52 + 100 * k] = 0          # vertical rules
    if merge_right:
        img[52:150, 150:152] = 255
    if merge_below:
        img[250:252, 252:350] = 255
    return img


@pytest.mark.parametrize("merge_right, merge_below, spans", [
    (False, False, {}),
    (True, False, {(0, 0): (1, 2)}),
    (False, True, {(1, 2): (2, 1)}),
], ids=["plain", "colspan", "rowspan"])
def test_grid_from_rules(merge_right, merge_below, spans):
    gray = grid_image(merge_right, merge_below)
    grids = ocr.find_grids(gray)
    assert len(grids) == 1
    assert [round(x) for x in grids[0].xs] == [50, 150, 250, 350]
    assert [round(y) for y in grids[0].ys] == [50, 150, 250, 350]
    table = grids[0].table([], gray, page=1, scale=1.0)
    got = {(c.row, c.col): (c.rowspan, c.colspan) for c in table.cells if (c.rowspan, c.colspan) != (1, 1)}
    assert got == spans
    assert table.n_rows == 3 and table.n_cols == 3


@pytest.mark.parametrize("turn", [0.0, 1.5, -2.0, 4.5], ids=["level", "ccw-1.5", "cw-2", "ccw-4.5"])
def test_page_held_askew_is_levelled(turn):
    """A photo of a ruled table held askew is turned level before its rules are looked for."""
    import numpy as np
    from PIL import Image

    askew = Image.fromarray(grid_image(False, False)).rotate(turn, expand=True, fillcolor=255)
    assert ocr.skew_angle(np.asarray(askew)) == pytest.approx(-turn, abs=0.15)
    level, skew = ocr.deskewed(np.asarray(askew))
    grids = ocr.find_grids(level)
    assert len(grids) == 1 and len(grids[0].xs) == 4 and len(grids[0].ys) == 4
    assert skew == (0.0 if turn == 0 else pytest.approx(-turn, abs=0.15))


@pytest.mark.parametrize("text, expected", [
    ("县府办发〔2023]12号", "县府办发〔2023〕12号"),
    ("市政办〔2021）3号", "市政办〔2021〕3号"),
    ("区发[2019〕7号", "区发〔2019〕7号"),
    ("完成[3]项", "完成[3]项"),
], ids=["latin-close", "round-close", "latin-open", "not-a-year"])
def test_year_bracket_corrected(text, expected):
    assert ocr.corrected(text) == expected


def test_low_confidence_digits_are_named():
    page = ocr.PageResult(number=2, boxes=[
        {"text": "新建公厕35座", "box": [1, 2, 3, 4], "confidence": 0.9, "digits": 0.41},
        {"text": "改造道路", "box": [1, 6, 3, 8], "confidence": 0.99, "digits": None}], confidence=0.95)
    doc = Document(source="scan.png", format="png", blocks=[], lines=["新建公厕35座", "改造道路"])
    ocr.annotate(doc, [(2, {"text": "新建公厕35座", "ocr_page": page})])
    assert doc.ocr["pages"] == [{"page": 2, "confidence": 0.95, "seconds": 0.0, "skew": 0.0}]
    assert [b["line"] for b in doc.ocr["boxes"]] == [1, 2]
    unsure = [w for w in doc.warnings if "unsure" in w]
    assert len(unsure) == 1 and "page 2, line 1" in unsure[0] and "新建公厕35座" in unsure[0]


# ---------------------------------------------------------------- sniffing, loading, bad input

@pytest.mark.parametrize("head", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"II*\x00", b"MM\x00*"],
                         ids=["png", "jpeg", "tiff-le", "tiff-be"])
def test_images_are_documents(head):
    assert sniff(head + b"\x00" * 64, "scan") == "image"


def test_gif_is_still_refused():
    with pytest.raises(errors.UnsupportedFormat):
        sniff(b"GIF89a" + b"\x00" * 64, "x.gif")


def test_paste_path_and_text_pdf_never_load_onnxruntime():
    code = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from pipeline.web.app import create_app\n"
        "from pipeline.readers import read\n"
        "from extractors import extract\n"
        "from gazetteer import load\n"
        "gaz = load()\n"
        "for p in ['samples/txt/000_98d808fb349556f5.txt', 'samples/pdf/000_98d808fb349556f5.pdf']:\n"
        "    extract(read(p), gaz)\n"
        "with TestClient(create_app(), base_url=\"http://127.0.0.1:8000\") as c:\n"
        "    r = c.post('/api/extract', json={'text': '一、新建公厕35座（责任单位：区城管局）'})\n"
        "    assert r.status_code == 200, r.text\n"
        "print(sorted(m for m in ('onnxruntime', 'rapidocr_onnxruntime', 'cv2') if m in sys.modules))\n")
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip().splitlines()[-1] == "[]"


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header promises width × height 8-bit gray pixels, with a token of data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def png(width: int, height: int, color: int = 255) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (width, height), color).save(buf, "PNG")
    return buf.getvalue()


BAD = [
    ("huge.png", lambda: png_header(30_000, 30_000), "too large"),
    ("one_pixel.png", lambda: png(1, 1), "no text"),
    ("blank.png", lambda: png(600, 400), "no text"),
    ("truncated.png", lambda: (SCANNED / "046_chongqing_qijiang_2023_summary_jinzhanbiao.png").read_bytes()[:20_000],
     "truncated"),
    ("header_only.jpg", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20, "could not be opened"),
]


@needs_ocr
@pytest.mark.parametrize("name, make, words", BAD, ids=[b[0] for b in BAD])
def test_bad_image_one_line(tmp_path, name, make, words):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(errors.MinshengError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and " — " in message
    assert words in message


def test_huge_page_is_scaled_down():
    """A 12,000 px scan is OCR'd at MAX_SIDE pixels; box coordinates stay in the original's pixels."""
    from PIL import Image, ImageOps

    from pipeline.readers.images import _prepared

    page, scale = _prepared(Image.new("L", (12_000, 9_000), 255), "png", ImageOps)
    assert max(page.size) == ocr.MAX_SIDE and scale == pytest.approx(ocr.MAX_SIDE / 12_000)


def test_huge_jpeg_is_decoded_small():
    """A JPEG is decoded at a reduced size straight away; the scale still refers to the original."""
    from PIL import Image, ImageOps

    from pipeline.readers.images import _prepared

    buf = io.BytesIO()
    Image.new("L", (8_000, 6_000), 255).save(buf, "JPEG")
    page, scale = _prepared(Image.open(io.BytesIO(buf.getvalue())), "jpeg", ImageOps)
    assert max(page.size) == ocr.MAX_SIDE and scale == pytest.approx(ocr.MAX_SIDE / 8_000)


def test_transparent_background_is_white():
    from PIL import Image, ImageOps

    from pipeline.readers.images import _prepared

    page, _ = _prepared(Image.new("RGBA", (50, 40), (0, 0, 0, 0)), "png", ImageOps)
    assert page.getextrema() == (255, 255)


def test_no_ocr_refuses_scans(monkeypatch, tmp_path):
    monkeypatch.setenv(ocr.NO_OCR_ENV, "1")
    with pytest.raises(errors.DocumentLoadError, match="no text layer"):
        read(SCANNED / "045_sichuan_renshou_2022_plan_zerenfenjie.pdf")
    with pytest.raises(errors.DocumentLoadError, match="turned off"):
        read(SCANNED / "046_chongqing_qijiang_2023_summary_jinzhanbiao.png")


@pytest.mark.parametrize("value, expected", [("", 4), ("1", 1), ("64", 2), ("x", 2)],
                         ids=["default", "one", "more-than-cores", "not-a-number"])
def test_threads_bounded_by_cores(monkeypatch, value, expected):
    monkeypatch.setenv(ocr.THREADS_ENV, value)
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 2)
    assert ocr._threads() == min(expected, 2)
