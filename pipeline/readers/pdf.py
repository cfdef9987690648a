"""PDF with a text layer: pdfplumber text and ruled tables, page by page.

- Text outside the tables is read line by line; a line that runs to the right margin is
  joined with the next one (a wrapped paragraph, also across a page break).  Bare page
  numbers are dropped.
- A line that stops short of the margin by less than the Latin word the next line starts with
  (…完成率 / 104.7%。) is a wrap too: such a word is moved to the next line whole.
- A line opening an item (3. 3． （三） 三、 ① 第三，) starts a paragraph though the line before
  ran to the margin, when the paragraph so far ended a sentence (。 or 。（县人社局）) or is the
  item before it in the same style (（二）… then （三）…); 3.5万 is a number, not an item.  A field
  label (【牵头单位】) under a paragraph that opened with one starts a paragraph too.
- A ruled table keeps its merged cells: each cell's rectangle is measured against the
  table's row and column edges to give rowspan/colspan.  A mark that may not open a line
  (、，。）) hanging over a cell's right border belongs to that cell.  Inside a cell, a line that fills
  the cell's width is a wrap and is joined; a shorter line ends a paragraph of the cell.
- A table that goes on over a page break is one Table: the next page's first block is a
  table that repeats the header (the repeat is dropped) or has as many columns.
- Page furniture is dropped: a line in the top or bottom band of the page whose text (digits
  aside) comes back on several pages (a running head, 第3页 共5页, a file number), as are bare
  page numbers (— 3 —, －3－, - 3 -).
- A line centred on the page (a title, a masthead) wraps only into a centred line of the same
  type size; a line of another size starts a new paragraph, and so does a line further below
  than the document's usual line pitch allows (a blank line, paragraph spacing).
- The gap Word puts between Chinese and digits or Latin (2019 年 3 月) is not a space, nor are
  the even gaps of a line spaced out (a masthead set with wide character spacing).  A space
  character drawn beside a digit or Latin letter is a space however narrow (2024-02-28 18:30).
- A table row that a page break cuts in two (the cells of the next page's first row go on the
  texts that filled the last row's cells) is joined back into one row.
- A CID font drawn through a predefined UCS-2/UTF-16 CMap (UniGB-UCS2-H, as ReportLab and
  older Chinese tools write with non-embedded STSong) without a ToUnicode map: pdfminer drops
  every code its CMap file lacks (the middle dot of 艾尼瓦尔·吐尔逊); such codes are Unicode
  already and are kept as the characters they name.
- A page whose text is garbled ("(cid:NN)", U+FFFD, private-use glyphs) is read again with
  pypdfium2; when that fails too, doc.warnings names the page.
- Speed: a page that draws no path (no ruling line or rectangle, so no table pdfplumber could
  find) has its characters and their boxes read by PDFium, several times faster than pdfminer's
  layout, and its lines built from them as above; a page with paths, a page whose PDFium text
  looks garbled, and every page when PDFium cannot open the file go to pdfplumber.  On such a
  page the text comes in one call and each character costs two bare C calls (its box, its type
  size) that write into numpy arrays; its lines are grouped as pdfplumber's text map groups
  characters and spaced by the rules above, on the arrays (pdfium_page.py), to the same values.
- A page whose content stream inflates beyond MAX_STREAM (a deflate bomb) is refused with a
  one-line error before anything decodes it whole.
- A plain file (one classic cross-reference table, no encryption, no object streams: pdfscan) has
  its pages' sizes and content streams read from its bytes; pdfminer then parses the file only when
  a page is pdfplumber's to read.  Any other file is opened by pdfplumber first, as always.
"""
from __future__ import annotations

import bisect
import io
import re
from collections import Counter
from operator import itemgetter, sub

from ..errors import DocumentLoadError, EncryptedDocument
from ..model import Block, Cell, Document, Paragraph, Table, build, clean_cell
from . import ocr, pdfium_page, pdfscan
from .docx import header_rows
from .numbering import CIRCLED, chinese

MAX_PAGES = 2000
Item = tuple[int, "dict | Table"]     # (page number, a line's dict or a table)
MAX_STREAM = 256 * 1024 * 1024      # bytes: the most a page's content streams may inflate to
PAGE_NUMBER = re.compile(r"^[\s\-—－·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[\s\-—－·]*$")
# 3. 3．（三） 三、 ① 第三， — a line that starts an item; 3.5万 is a number, not an item
ITEM = re.compile(r"(?:(?P<arabic>\d{1,3})[、.．](?!\d)|[（(](?P<paren>[一二三四五六七八九十]{1,3}|\d{1,3})[)）]"
                  r"|(?P<chinese>[一二三四五六七八九十]{1,3})、|(?P<circled>[" + CIRCLED + r"])"
                  r"|第(?P<ordinal>[一二三四五六七八九十]{1,3})[，,、是条章节])")
# 8．65岁以上… — an item dot right before a figure, an item only as the next number after 7．
ITEM_BEFORE_FIGURE = re.compile(r"(?P<n>\d{1,3})[.．](?=\d)")
# …完成年度任务的103.2%。（县人社局） — a sentence ended, perhaps with a note in brackets after it
SENTENCE_END = re.compile(r"[。！？：；!?:;][”’」』]?(?:（[^（）]*）|\([^()]*\))?$")
LABEL = re.compile(r"【[^【】]{1,12}】")
CHINESE_NUMBERS = {chinese(n): n for n in range(1, 100)}
ENDS = "。！？：；!?:;"
NO_LINE_START = set("、，。；：！？）」』”’》〉,.;:!?)%％")    # marks Chinese typesetting keeps off a line's start
LATIN_WORD = re.compile(r"[0-9A-Za-z.%‰,/+\-]")
TOL = 2.0     # points: how far a cell edge may sit from the table's grid line
# Word and WPS put a gap of about a quarter em between Chinese and Latin or digits (2019 年 3 月)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
LATIN = re.compile(r"[0-9A-Za-z%]")
X_TOLERANCE = 3.0     # pdfplumber's: a wider gap between two characters is a space
Y_TOLERANCE = 3.0     # pdfplumber's: characters whose tops are this close are on one line
AUTOSPACE = 0.5       # ems: a narrower gap between Chinese and Latin is Word's autospace


def read(data: bytes, source: str) -> Document:
    layout = pdfscan.pages(data)
    items, warnings = (_fast_items(data, source, layout) if layout else None) or _plumber_items(data, source)
    blocks = _assemble(_drop_furniture(items))
    if not blocks:
        raise DocumentLoadError(source, "the PDF has no text layer, and no text was read by OCR (a blank scan, or --no-ocr)",
                                "check the scan, or ingest it without --no-ocr")
    for i, table in enumerate(b for b in blocks if isinstance(b, Table)):
        table.index = i
    return ocr.annotate(build(source, "pdf", blocks, data, warnings=warnings), items)


def _plumber_items(data: bytes, source: str) -> tuple[list[Item], list[str]]:
    """Every page's lines and tables, the file opened by pdfplumber (pdfminer) first: the pages
    that hold no ruled table are read from PDFium's characters when PDFium can open the file."""
    pdf = _plumber_open(data, source)
    pages = pdf.pages
    warnings: list[str] = []
    if not pages:
        raise DocumentLoadError(source, "the PDF has no readable pages (truncated or corrupt)", "re-download it")
    if len(pages) > MAX_PAGES:
        warnings.append(f"only the first {MAX_PAGES} of {len(pages)} pages were read")
    items: list[Item] = []       # (page number, line dict or Table)
    fast = _pdfium_document(data)
    try:
        with pdf:
            for number, page in enumerate(pages[:MAX_PAGES], start=1):
                _check_streams(page, number, source)
                lines = _pdfium_items(fast, number, float(page.height), float(page.width)) if fast is not None else None
                items += lines if lines is not None else _page_items(page, number, data, warnings)
                page.close()
    finally:
        if fast is not None:
            fast.close()
    return items, warnings


def _fast_items(data: bytes, source: str, layout: list[pdfscan.Page]) -> tuple[list[Item], list[str]] | None:
    """_plumber_items of a plain file (pdfscan read its pages) without pdfminer's parse: pdfplumber
    opens the file only when a page is its to read.  None when PDFium cannot open the file or counts
    its pages otherwise, or pdfplumber disagrees: the caller then reads the file the usual way."""
    fast = _pdfium_document(data)
    if fast is None:
        return None
    pdf = None
    warnings: list[str] = []
    if len(layout) > MAX_PAGES:
        warnings.append(f"only the first {MAX_PAGES} of {len(layout)} pages were read")
    items: list[Item] = []
    try:
        if len(fast) != len(layout):
            return None
        for number, (width, height, streams) in enumerate(layout[:MAX_PAGES], start=1):
            _check_inflation([memoryview(data)[start:end] for start, end in streams], number, source)
            lines = _pdfium_items(fast, number, float(height), float(width))
            if lines is None:
                if pdf is None:
                    try:
                        pdf = _plumber_open(data, source)
                        if len(pdf.pages) != len(layout):
                            return None
                    except Exception:  # noqa: BLE001 — the usual way says what is wrong with the file
                        return None
                page = pdf.pages[number - 1]
                lines = _page_items(page, number, data, warnings)
                page.close()
            items += lines
    finally:
        fast.close()
        if pdf is not None:
            pdf.close()
    return items, warnings


def _plumber_open(data: bytes, source: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.rsrcmgr = _resources()
        pdf.pages  # noqa: B018 — pdfminer parses the page tree here; its errors are named below
    except Exception as exc:
        # pdfplumber wraps pdfminer's errors in PdfminerException(original)
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else (exc.__cause__ or exc)
        name = f"{type(inner).__name__} {inner}".lower()
        if isinstance(inner, PDFPasswordIncorrect) or "password" in name or "encrypt" in name:
            raise EncryptedDocument(source, "the PDF is password-protected",
                                    "open it with the password and save or print an unprotected copy") from exc
        if isinstance(inner, (PDFSyntaxError, EOFError)) or "eof" in name or "syntax" in name:
            raise DocumentLoadError(source, f"the PDF is truncated or corrupt ({str(inner)[:80] or type(inner).__name__})",
                                    "re-download it") from exc
        raise
    return pdf


UNICODE_CMAP = re.compile(r"UCS2|UTF16", re.IGNORECASE)
UNMAPPED = 0x110000          # pseudo-CIDs for codes the CMap lacks: UNMAPPED + the code point


def _resources():
    """A pdfminer resource manager whose UCS-2/UTF-16 CID fonts keep the codes their CMap lacks."""
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager

    class Resources(PDFResourceManager):
        def get_font(self, objid, spec):
            font = super().get_font(objid, spec)
            if isinstance(font, PDFCIDFont) and not getattr(font, "_unicode_codes", False) \
                    and "ToUnicode" not in spec and UNICODE_CMAP.search(str(font.cmap.attrs.get("CMapName", ""))
                                                                      or PDFCIDFont._get_cmap_name(spec, False)):
                _keep_unmapped_codes(font)
            return font

    return Resources()


def _keep_unmapped_codes(font) -> None:
    cmap_decode, to_unichr = font.cmap.decode, font.to_unichr

    def decode(code: bytes) -> list[int]:
        out: list[int] = []
        k = 0
        while k + 1 < len(code):
            unit = int.from_bytes(code[k:k + 2], "big")
            size = 4 if 0xD800 <= unit < 0xDC00 and k + 3 < len(code) else 2
            cids = list(cmap_decode(code[k:k + size]))
            if cids:
                out += cids
            elif size == 4:
                low = int.from_bytes(code[k + 2:k + 4], "big")
                out.append(UNMAPPED + 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            else:
                out.append(UNMAPPED + unit)
            k += size
        return out

    def unichr(cid: int) -> str:
        return chr(cid - UNMAPPED) if cid >= UNMAPPED else to_unichr(cid)

    font.decode, font.to_unichr, font._unicode_codes = decode, unichr, True


def garbled(text: str) -> bool:
    """Text extracted through a font without a usable Unicode map."""
    visible = "".join(text.split())
    if len(visible) < 10:
        return False
    if text.count("(cid:") >= 3:
        return True
    if len(UNMAPPED_GLYPH.findall(visible)) / len(visible) > 0.05:
        return True
    # few odd characters (a Chinese or Latin page): not garbled, without counting the Chinese ones
    return len(ODD_CHAR.findall(visible)) / len(visible) > 0.3 and len(CJK_CHAR.findall(visible)) / len(visible) < 0.1


UNMAPPED_GLYPH = re.compile(r"[\ufffd\ue000-\uf8ff]")       # U+FFFD and private-use glyphs
CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ODD_CHAR = re.compile(r"[^\x00-\x7f\u2000-\u206f\u3000-\u9fff\uff00-\uffef]")     # neither ASCII, Chinese nor punctuation


def _page_items(page, number: int, data: bytes, warnings: list[str]) -> list[Item]:
    text = page.extract_text() or ""
    if not text.strip() and page.images:
        return ocr.pdf_page(data, number, warnings)     # a scanned page: read by OCR (readers/ocr.py)
    if garbled(text):
        fallback = _pdfium_text(data, number - 1)
        if fallback is not None and not garbled(fallback):
            warnings.append(f"page {number}: garbled text layer, read with pypdfium2 (tables on it are plain lines)")
            return [(number, {"text": t.strip(), "x0": 0.0, "x1": 0.0, "top": 0.0, "size": 0.0})
                    for t in fallback.splitlines() if t.strip()]
        warnings.append(f"page {number}: the text layer is garbled (fonts without a Unicode map)")
        return ocr.pdf_page(data, number, warnings)
    found = page.find_tables()
    boxes = [t.bbox for t in found]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

    items: list[tuple[float, dict | Table]] = []
    items += _text_lines(page.filter(outside).extract_text_lines(return_chars=True),
                         [c for c in page.chars if c["text"].isspace()],
                         page.height, float(page.width))
    for t in found:
        table = _table(t, page.chars, number)
        if table.cells:
            items.append((t.bbox[1], table))
    items.sort(key=lambda it: it[0])
    return [(number, obj) for _, obj in items]


FEW_LINES = 8      # lines of a page width below which its right margin is not measured
BAND = 0.12        # the top and bottom 12 % of a page hold its running head and foot
DIGITS = re.compile(r"\d+")


def _band(top: float, bottom: float, height: float) -> str:
    if height and bottom < BAND * height:
        return "head"
    if height and top > (1 - BAND) * height:
        return "foot"
    return ""


def _drop_furniture(items: list[Item]) -> list[Item]:
    """Drop running heads and feet: a line in a page's top or bottom band whose text, digits
    aside, is met in that band on at least two pages and half of the pages after the first."""
    pages = len({page for page, _ in items})
    seen: dict[tuple[str, str], set[int]] = {}
    for page, obj in items:
        if isinstance(obj, dict) and obj.get("band"):
            seen.setdefault((obj["band"], _furniture_key(obj["text"])), set()).add(page)
    repeated = {key for key, on in seen.items() if len(on) >= max(2, (pages - 1) / 2)}
    if not repeated:
        return items
    return [(page, obj) for page, obj in items if not (isinstance(obj, dict) and obj.get("band")
                                                       and (obj["band"], _furniture_key(obj["text"])) in repeated)]


def _furniture_key(text: str) -> str:
    return DIGITS.sub("#", re.sub(r"\s+", "", text))


def _line_text(chars: list[dict]) -> str:
    """A line's characters with a space where the gap is wide, as pdfplumber writes them, but
    none in Word's autospace between Chinese and Latin (a real space there is wider), nor in a
    line of Chinese characters spaced out evenly (character spacing or distributed alignment)."""
    return _spaced(sorted((c for c in chars if not c["text"].isspace()), key=_X0),
                   sorted((c["x0"] + c["x1"]) / 2 for c in chars if c["text"].isspace()))


def _spaced(ink: list[dict], typed: list[float]) -> str:
    """_line_text of a line's characters sorted across (no space among them) and the middles of
    the space characters drawn in the line, sorted."""
    if not ink:
        return ""
    texts = list(map(_TEXT, ink))
    kinds = list(map(KINDS.__getitem__, texts))
    gaps = list(map(sub, map(_X0, ink[1:]), map(_X1, ink)))        # gaps[k - 1]: before ink[k]
    if not typed and (not gaps or max(gaps) <= X_TOLERANCE) and kinds.count(kinds[0]) == len(kinds):
        return "".join(texts).strip()       # no wide gap, no Chinese beside Latin: no space (most lines)
    if len(ink) >= 3 and all(k == "cjk" for k in kinds) and min(gaps) > X_TOLERANCE \
            and max(gaps) - min(gaps) < 0.25 * (ink[0].get("size") or 10):
        return "".join(texts)      # a line spaced out evenly (a masthead, 通  知)
    # where a space may go: a wide gap, Chinese beside Latin, or anywhere when spaces were drawn
    maybe = range(1, len(ink)) if typed else \
        [k for k, (gap, a, b) in enumerate(zip(gaps, kinds, kinds[1:]), 1) if gap > X_TOLERANCE or a != b and a and b]
    out = []
    start = 0
    for k in maybe:
        gap = gaps[k - 1]
        boundary = kinds[k - 1] != kinds[k] and kinds[k - 1] != "" and kinds[k] != ""    # Chinese beside Latin
        if gap > (AUTOSPACE * (ink[k].get("size") or 10) if boundary else X_TOLERANCE) \
                or typed and (_typed_space(typed, ink[k - 1], ink[k]) or _kept_space(typed, ink[k - 1], ink[k], ink, k)):
            out += texts[start:k]
            out.append(" ")
            start = k
    out += texts[start:]
    return "".join(out).strip()


class _Kinds(dict):
    """A character's text: "cjk", "latin" or "" (what CJK and LATIN match at its start)."""

    def __missing__(self, text: str) -> str:
        kind = "cjk" if CJK.match(text) else "latin" if LATIN.match(text) else ""
        if len(self) < 65536:
            self[text] = kind
        return kind


KINDS = _Kinds()


def _kept_space(typed: list[float], prev: dict, ch: dict, ink: list[dict], k: int) -> bool:
    """A space drawn between Chinese characters is the author's (周立新 责任单位:…, 胡某 市委副书记) and
    stays, as in the text; only the padding inside a two-character name (韦 婷) closes up."""
    if not typed or not (CJK.match(prev["text"]) and CJK.match(ch["text"])):
        return False
    j = bisect.bisect_left(typed, prev["x1"] - 0.5)
    if not (j < len(typed) and typed[j] <= ch["x0"] + 0.5):
        return False
    return _cjk_run(ink, k - 1, -1) > 1 or _cjk_run(ink, k, 1) > 1


CJK_RUN_STOPS = ":：、，,。；;"       # marks that end a run of Chinese characters


def _cjk_run(ink: list[dict], k: int, step: int) -> int:
    """How many Chinese characters run from ink[k] in the direction of step, up to a gap or a mark."""
    n = 0
    while 0 <= k < len(ink) and CJK.match(ink[k]["text"]) and ink[k]["text"] not in CJK_RUN_STOPS:
        nxt = k + step
        n += 1
        if 0 <= nxt < len(ink):
            a, b = (ink[k], ink[nxt]) if step > 0 else (ink[nxt], ink[k])
            if b["x0"] - a["x1"] > 1.0:
                break
        k = nxt
    return n


def _typed_space(typed: list[float], prev: dict, ch: dict) -> bool:
    """A space character drawn between two characters, one of them Latin or a digit, is a space
    however narrow (2024-02-28 18:30); between Chinese characters it is padding (韦  婷)."""
    if not typed or not (LATIN.match(prev["text"]) or LATIN.match(ch["text"])):
        return False
    k = bisect.bisect_left(typed, prev["x1"] - 0.5)
    return k < len(typed) and typed[k] <= ch["x0"] + 0.5


def _lead_word(chars: list[dict]) -> float:
    """Width of the Latin word (104.7%, 2019, ICP) a line starts with: a wrapped line before it
    stops short of the margin by up to that much, since such a word is not broken."""
    run = []
    for ch in chars:
        if not LATIN_WORD.match(ch["text"]):
            break
        run.append(ch)
    return run[-1]["x1"] - run[0]["x0"] if run else 0.0


def _check_streams(page, number: int, source: str) -> None:
    """Refuse a page whose content streams inflate beyond MAX_STREAM, measured in bounded pieces."""
    from pdfminer.pdftypes import resolve1

    contents = resolve1(page.page_obj.attrs.get("Contents"))
    streams = contents if isinstance(contents, list) else [contents]
    raws = []
    for ref in streams:
        stream = resolve1(ref)
        filters = resolve1(getattr(stream, "attrs", {}).get("Filter")) if stream is not None else None
        names = [str(getattr(f, "name", f)) for f in (filters if isinstance(filters, list) else [filters])]
        raw = getattr(stream, "rawdata", None)
        if raw is not None and names and names[0] in ("FlateDecode", "Fl"):
            raws.append(raw)
    _check_inflation(raws, number, source)


def _check_inflation(raws: list, number: int, source: str) -> None:
    """Inflate a page's FlateDecode content streams (their raw bytes) in 1 MB pieces, summing what
    they give; refuse the page beyond MAX_STREAM.  A stream zlib cannot read is pdfminer's to report."""
    import zlib

    total = 0
    for raw in raws:
        inflater = zlib.decompressobj()
        chunk = raw
        try:
            while chunk:
                total += len(inflater.decompress(chunk, 1 << 20))
                if total > MAX_STREAM:
                    raise DocumentLoadError(source, f"page {number}'s content inflates beyond {MAX_STREAM >> 20} MB "
                                                    "(a compression bomb?)", "split or re-export the PDF")
                chunk = inflater.unconsumed_tail
        except zlib.error:
            continue          # pdfminer says what is wrong with the stream


def _pdfium_document(data: bytes):
    try:
        import pypdfium2 as pdfium

        return pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 — a file PDFium cannot open is read by pdfplumber alone
        return None


def _pdfium_items(document, number: int, height: float, width: float) -> list[Item] | None:
    """The page's lines from PDFium's characters, or None when the page is pdfplumber's to read
    (it draws paths, so it may hold a ruled table; or PDFium's text of it looks garbled)."""
    import pypdfium2.raw as pdfium_c

    try:
        fast = document[number - 1]
    except Exception:  # noqa: BLE001 — PDFium and pdfminer count pages differently: leave it to pdfplumber
        return None
    try:
        if _may_hold_table(fast, pdfium_c):
            return None
        if abs(fast.get_height() - height) > 1 or abs(fast.get_width() - width) > 1:
            return None        # a rotated or cropped page: its coordinates are pdfplumber's to map
        textpage = fast.get_textpage()
        try:
            chars = pdfium_page.columns(textpage, height, pdfium_c)
        finally:
            textpage.close()
    finally:
        fast.close()
    if not chars.text:
        return None
    return pdfium_page.page_items(chars, number, height, width)


def _may_hold_table(fast, pdfium_c) -> bool:
    """Whether pdfplumber's ruled-table finder could find a cell on the page: a path that is a box
    (a rectangle or a curve), a path inside a form (two forms deep at most), or two ruling lines
    across and two down.  A page with one rule under its masthead cannot; edges shorter than 3
    points are none (pdfplumber's edge_min_length).  The page's objects are asked through PDFium's
    own calls; when one of them fails, through pypdfium2's objects, which say what failed."""
    import ctypes

    corners = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(c) for c in corners]
    counts = {"across": 0, "down": 0}

    page_object, form_object, object_type = _object_calls(pdfium_c)

    def holds(parent, level: int) -> bool:
        count, get = (pdfium_c.FPDFFormObj_CountObjects, form_object) if level \
            else (pdfium_c.FPDFPage_CountObjects, page_object)
        n = count(parent)
        if n < 0:
            raise _Unsure
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise _Unsure
            kind = object_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
                    raise _Unsure
                left, bottom, right, top = (c.value for c in corners)
                wide, tall = right - left >= 3, top - bottom >= 3
                if level > 0 or (wide and tall):
                    return True
                counts["across"] += wide
                counts["down"] += tall
                if counts["across"] >= 2 and counts["down"] >= 2:
                    return True
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < 2 and holds(obj, level + 1):
                return True
        return False

    try:
        return holds(fast.raw, 0)
    except _Unsure:
        return _may_hold_table_objects(fast, pdfium_c)


class _Unsure(Exception):
    pass


OBJECT_CALLS: list = []


def _object_calls(pdfium_c) -> list:
    """FPDFPage_GetObject, FPDFFormObj_GetObject and FPDFPageObj_GetType called without ctypes'
    argument checks (the same C functions; their arguments here are a page or form, an int, an
    object), as the PDFium path's character calls are: a page draws tens of objects."""
    import ctypes

    if not OBJECT_CALLS:
        OBJECT_CALLS[:] = [ctypes.CFUNCTYPE(restype)(ctypes.cast(func, ctypes.c_void_p).value or 0)
                           for func, restype in ((pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT),
                                                 (pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDF_PAGEOBJECT),
                                                 (pdfium_c.FPDFPageObj_GetType, ctypes.c_int))]
    return OBJECT_CALLS


def _may_hold_table_objects(fast, pdfium_c) -> bool:
    """_may_hold_table through pypdfium2's page objects."""
    across = down = 0
    for obj in fast.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        wide, tall = right - left >= 3, top - bottom >= 3
        if obj.level > 0 or (wide and tall):
            return True
        across += wide
        down += tall
        if across >= 2 and down >= 2:
            return True
    return False


def _line_items(chars: list[dict], number: int, height: float, width: float) -> list[Item]:
    """Lines of the page's characters, as _page_items builds them from pdfplumber's."""
    if any(map(str.isspace, map(_TEXT, chars))):
        ink = [c for c in chars if not c["text"].isspace()]
        drawn = [c for c in chars if c["text"].isspace()]
    else:
        ink, drawn = chars, []
    items = _text_lines(_plumber_lines(ink), drawn, height, width)
    items.sort(key=lambda it: it[0])
    return [(number, obj) for _, obj in items]


LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}   # pdfplumber's


def _plumber_lines(ink: list[dict]) -> list[dict]:
    """pdfplumber's text lines of upright characters (chars_to_textmap(...).extract_text_lines(),
    default tolerances) built directly: characters clustered by top (3 points, chained) and sorted
    across, cut into words at a gap over 3 points or a top 3 points off; the words clustered by
    their tops again, each run of one cluster in that order a line, its words joined by a space."""
    if not ink:
        return []
    cluster = _clusters({c["top"] for c in ink})
    # one stable sort by (cluster, x0) orders them as pdfplumber's two do (by cluster, then across)
    ordered = sorted(ink, key=lambda c: (cluster[c["top"]], c["x0"]))
    prev = ordered[0]
    word = [prev]
    words: list[list[dict]] = [word]
    line = cluster[prev["top"]]
    for ch in ordered[1:]:
        top = ch["top"]
        if cluster[top] != line or ch["x0"] > prev["x1"] + X_TOLERANCE or abs(top - prev["top"]) > Y_TOLERANCE:
            word = [ch]
            words.append(word)
            line = cluster[top]
        else:
            word.append(ch)
        prev = ch
    tops = [min(map(_TOP, w)) for w in words]
    again = _clusters(set(tops))
    ligatures = not LIGATURES.keys().isdisjoint(map(_TEXT, ink))
    lines: list[dict] = []
    first = 0
    for k in range(1, len(words) + 1):
        if k == len(words) or again[tops[k]] != again[tops[k - 1]]:
            lines.append(_plumber_line(words[first:k], ligatures))
            first = k
    return lines


def _clusters(values: set[float]) -> dict[float, int]:
    """pdfplumber's cluster_list: sorted values, a new cluster where one is over 3 points past the last."""
    out: dict[float, int] = {}
    k = -1
    last = None
    for v in sorted(values):
        if last is None or v > last + Y_TOLERANCE:
            k += 1
        out[v] = k
        last = v
    return out


def _plumber_line(words: list[list[dict]], ligatures: bool) -> dict:
    """A text line as pdfplumber gives it: a ligature (ﬁ) is written out and its char listed once a letter."""
    if ligatures:
        chars = [c for w in words for c in w for _ in LIGATURES.get(c["text"], "_")]
        text = " ".join("".join(LIGATURES.get(c["text"], c["text"]) for c in w) for w in words)
    else:
        chars = [c for w in words for c in w]
        text = " ".join("".join(map(_TEXT, w)) for w in words)
    return {"text": text, "chars": chars, "x0": min(map(_X0, chars)), "top": min(map(_TOP, chars)),
            "x1": max(map(_X1, chars)), "bottom": max(map(_BOTTOM, chars)), "size": max(map(_SIZE, chars))}


_TEXT, _X0, _X1, _TOP, _BOTTOM, _SIZE = (itemgetter(k) for k in ("text", "x0", "x1", "top", "bottom", "size"))


def _text_lines(lines: list[dict], drawn: list[dict], height: float, width: float) -> list[tuple[float, dict | Table]]:
    """(top, line dict) for each line of text that is not a page number, from pdfplumber's text lines
    (either engine's characters). The lines' chars leave out the space characters drawn on the page
    (drawn); _line_text weighs them, so each line takes the spaces whose middle falls inside it."""
    spaces = sorted((((c["top"] + c["bottom"]) / 2, c) for c in drawn), key=lambda mc: mc[0])
    mids = [m for m, _ in spaces]
    items: list[tuple[float, dict | Table]] = []
    for line in lines:
        if line["text"].strip() and not PAGE_NUMBER.match(line["text"]):
            size = line["size"] if "size" in line else max((c.get("size", 0) for c in line["chars"]), default=0)
            typed = sorted((c["x0"] + c["x1"]) / 2 for _, c in
                           spaces[bisect.bisect_left(mids, line["top"]):bisect.bisect_right(mids, line["bottom"])])
            # a text line's chars hold no space (pdfplumber's words leave them out), so they are its ink
            text = _spaced(sorted(line["chars"], key=_X0), typed) or line["text"].strip()
            items.append((line["top"], {"text": text, "x0": line["x0"], "x1": line["x1"],
                                        "top": line["top"], "size": size, "lead": _lead_word(line["chars"]),
                                        "band": _band(line["top"], line["bottom"], height),
                                        "width": round(width)}))
    return items


def _pdfium_text(data: bytes, index: int) -> str | None:
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        try:
            return document[index].get_textpage().get_text_bounded()
        finally:
            document.close()
    except Exception:  # noqa: BLE001 — a second engine that fails too leaves the page to the warning
        return None


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def _table(found, chars: list[dict], page: int) -> Table:
    """A pdfplumber table with spans measured from each cell's rectangle."""
    rects = [c for row in found.rows for c in row.cells if c is not None]
    xs = _edges([r[0] for r in rects])
    ys = _edges([r[1] for r in rects])
    cells: list[Cell] = []
    open_ends: set[tuple[int, int]] = set()
    for x0, top, x1, bottom in rects:
        col = _index(xs, x0)
        row = _index(ys, top)
        colspan = max(1, sum(1 for x in xs if x0 - TOL <= x < x1 - TOL))
        rowspan = max(1, sum(1 for y in ys if top - TOL <= y < bottom - TOL))
        inside = [ch for ch in chars if x0 <= _anchor(ch) <= x1 and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom]
        text, runs_on = _cell_text(inside, x1)
        cells.append(Cell(text=text, row=row, col=col, rowspan=rowspan, colspan=colspan))
        if runs_on:
            open_ends.add((row, col))
    n_rows = max((c.row + c.rowspan for c in cells), default=0)
    n_cols = max((c.col + c.colspan for c in cells), default=0)
    table = Table(cells=cells, page=page, n_rows=n_rows, n_cols=n_cols, header_rows=header_rows(cells))
    table.open_ends = open_ends          # type: ignore[attr-defined]  # cells whose last line fills the cell
    return table


def _anchor(ch: dict) -> float:
    """Where a character sits across: its middle, but a mark that may not open a line (、，。）)
    by its left side, since it may hang over the cell's right border into the next cell."""
    return ch["x0"] + 1.0 if ch["text"] in NO_LINE_START else (ch["x0"] + ch["x1"]) / 2


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _cell_text(chars: list[dict], right: float) -> tuple[str, bool]:
    """Lines of a cell; a line reaching the cell's right side wraps into the next.  The flag
    tells whether the last line fills the cell too (the text may go on in a row the page
    break cut off)."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - ch["top"]) <= 3:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    out = ""
    wraps = False
    for k, line in enumerate(lines):
        text = ""
        for i, ch in enumerate(line):
            if i and ch["x0"] - line[i - 1]["x1"] > 0.3 * ch.get("size", 10) and ch["text"] != " " \
                    and line[i - 1]["text"] != " ":
                text += " "
            text += ch["text"]
        size = max(c.get("size", 10) for c in line)
        lead = _lead_word(lines[k + 1]) if k + 1 < len(lines) and text[-1:] not in ENDS else 0.0
        wraps = right - line[-1]["x1"] < 2.2 * size + lead
        out += text + ("" if wraps and k + 1 < len(lines) else "\n")
    full = bool(lines) and right - lines[-1][-1]["x1"] < 2.2 * max(c.get("size", 10) for c in lines[-1])
    return clean_cell(out), full and out.rstrip()[-1:] not in ENDS


def _assemble(items: list[Item]) -> list[Block]:
    """Join wrapped lines into paragraphs and tables continued over a page break."""
    lines = [obj for _, obj in items if isinstance(obj, dict)]
    pitch = _line_pitch(items)
    columns = _columns(lines)
    blocks: list[Block] = []
    open_line: dict | None = None       # the last line, if it ran to the right margin
    short_line: dict | None = None      # the last line, if it stopped short of the margin by less
                                        # than a Latin word the next line starts with would need
    last_page = 0
    last_line: dict | None = None
    piece: Table | None = None          # the page's part of the last table (prev, or what prev absorbed)
    for page, obj in items:
        if isinstance(obj, Table):
            prev = blocks[-1] if blocks else None
            if isinstance(prev, Table) and page == last_page + 1 and prev.page is not None and \
                    piece is not None and _is_last_on_page(items, piece, obj) and _append(prev, obj):
                pass
            else:
                blocks.append(obj)
            piece = obj
            open_line = short_line = None
        else:
            size = obj["size"] or 10
            left, right = columns[obj.get("width", 0.0)]
            indented = obj["x0"] - left > 0.8 * size
            if open_line is None and short_line is not None and columns[short_line.get("width", 0.0)][1] - short_line["x1"] < \
                    2.5 * (short_line["size"] or 10) + obj.get("lead", 0.0):
                open_line = short_line
            if open_line is not None and abs((open_line["size"] or 10) - size) > 1:
                open_line = None                # a title over the body, a masthead over the title
            if open_line is not None and last_line is open_line and page == last_page and pitch \
                    and obj["top"] - open_line["top"] > 1.5 * pitch * size:
                open_line = None                # a blank line or paragraph spacing between them
            centred = indented and _centred(obj, left, right)
            # a line opening an item after a finished sentence or item, or after the brackets closing
            # one (…（县人社局）/ 3. 城乡…), starts a paragraph even when the line before ran to the margin
            new_item = open_line is not None and blocks and isinstance(blocks[-1], Paragraph) \
                and (_starts_item(blocks[-1].text, obj["text"])
                     or (open_line["text"][-1:] in "）)" and bool(ITEM.match(obj["text"]))))
            if open_line is not None and (not indented or centred) and not new_item and blocks \
                    and isinstance(blocks[-1], Paragraph):
                blocks[-1].text += obj["text"]
            else:
                blocks.append(Paragraph(text=obj["text"], page=page))
            reach = 1.6 if obj["text"][-1:] in ENDS else 2.5    # a wrapped line is full up to a char or two
            # a line that runs to the margin from the left edge or its indent wraps; a centred
            # line wraps only when it fills most of the width (a long title)
            starts = obj["x0"] - left < 2.5 * size or right - left and obj["x1"] - obj["x0"] > 0.8 * (right - left)
            open_line = obj if obj["x1"] and starts and right - obj["x1"] < reach * size else None
            short_line = obj if obj["x1"] and open_line is None and obj["text"][-1:] not in ENDS else None
            last_line = obj
        last_page = page
    return blocks


def _starts_item(paragraph: str, line: str) -> bool:
    """A line that opens with an item number (3. （三） 三、 ① 第三，) starts a paragraph of its
    own, though the line before ran to the margin, when the paragraph so far ended a sentence
    (。 or 。（县人社局）) or is the item before it in the same style (2.… then 3.…, and 8．65岁… after
    7．…, where the dot before a figure is still an item's); so does a
    field 【牵头单位】 under a paragraph that opened with one."""
    if LABEL.match(line) and LABEL.match(paragraph):
        return True             # 【目标】… then 【牵头单位】…: fields of a record, one a line
    item = ITEM.match(line)
    if item is None:
        dotted = ITEM_BEFORE_FIGURE.match(line)
        if dotted is None:
            return False
        before = ITEM.match(paragraph)
        if before is None or not before.group("arabic"):
            return False
        return int(before.group("arabic")) + 1 == int(dotted.group("n"))
    if SENTENCE_END.search(paragraph):
        return True
    before = ITEM.match(paragraph)
    if before is None or before.lastgroup != item.lastgroup:
        return False
    value = _item_value(before)
    return value is not None and value + 1 == _item_value(item)


def _item_value(match: re.Match) -> int | None:
    label = match.group(match.lastgroup or 0)
    if label.isdigit():
        return int(label)
    if label in CIRCLED:
        return CIRCLED.index(label) + 1
    return CHINESE_NUMBERS.get(label)


def _columns(lines: list[dict]) -> dict[float, tuple[float, float]]:
    """The text column (left, right) of each page width: portrait and landscape pages (an
    attachment's table turned sideways) have their own.  It is measured on lines of the body's
    type size, since a masthead may run wider; on pages with few such lines the right margin is
    taken as wide as the left one."""
    out: dict[float, tuple[float, float]] = {}
    for width in {ln.get("width", 0.0) for ln in lines}:
        group = [ln for ln in lines if ln.get("width", 0.0) == width and ln["x1"]]
        sizes = Counter(round(ln["size"]) for ln in group)
        body_size = sizes.most_common(1)[0][0] if sizes else None
        body = [ln for ln in group if round(ln["size"]) == body_size]
        left, right = min((ln["x0"] for ln in body), default=0.0), max((ln["x1"] for ln in body), default=0.0)
        if len(body) < FEW_LINES and width:     # too few lines to find the margin: take it as wide as the left
            right = max(right, width - left)
        out[width] = (left, right)
    return out


def _line_pitch(items: list[Item]) -> float:
    """The usual distance from one line to the next, in type sizes (the median over lines of
    one size on one page): a wrap keeps it, a blank line or paragraph spacing exceeds it."""
    ratios = []
    prev: tuple[int, dict] | None = None
    for page, obj in items:
        if not isinstance(obj, dict):
            prev = None
            continue
        if prev and prev[0] == page and obj["size"] and abs(prev[1]["size"] - obj["size"]) < 0.5:
            ratio = (obj["top"] - prev[1]["top"]) / obj["size"]
            if 0.8 < ratio < 4:
                ratios.append(ratio)
        prev = (page, obj)
    ratios.sort()
    return ratios[len(ratios) // 2] if len(ratios) >= 5 else 0.0


def _centred(line: dict, left: float, right: float) -> bool:
    """A line whose middle is the middle of the text column."""
    return abs((line["x0"] + line["x1"]) / 2 - (left + right) / 2) < (line["size"] or 10)


def _is_last_on_page(items: list[Item], prev: Table, nxt: Table) -> bool:
    """prev ends its page and nxt opens the following one (nothing but page furniture between)."""
    at = [i for i, (_, obj) in enumerate(items) if obj is prev or obj is nxt]
    return len(at) == 2 and at[1] == at[0] + 1


def _append(prev: Table, nxt: Table) -> bool:
    """Continue prev with nxt's rows, dropping a repeated header; False when nxt is a new table."""
    old, new = prev.rows(), nxt.rows()
    repeat = 0
    for k in range(min(3, len(old), len(new)), 0, -1):
        if [[_norm(t) for t in r] for r in new[:k]] == [[_norm(t) for t in r] for r in old[:k]]:
            repeat = k
            break
    if not repeat and nxt.n_cols != prev.n_cols:
        return False
    if _row_goes_on(prev, nxt, repeat):
        repeat += 1
    for c in nxt.cells:
        if c.row < repeat:
            continue
        prev.cells.append(Cell(text=c.text, row=c.row - repeat + prev.n_rows, col=c.col,
                               rowspan=c.rowspan, colspan=c.colspan))
    prev.open_ends = {(r - repeat + prev.n_rows, k) for r, k in getattr(nxt, "open_ends", set())  # type: ignore[attr-defined]
                      if r >= repeat}
    prev.n_rows += nxt.n_rows - repeat
    prev.n_cols = max(prev.n_cols, nxt.n_cols)
    return True


def _row_goes_on(prev: Table, nxt: Table, first: int) -> bool:
    """A row the page break cut in two: every filled cell of nxt's first row sits under a cell
    of prev's last row whose text ran to the cell's edge.  Its texts are then joined to those
    cells, whose merges go on as far as the first row's did (and the caller skips the row)."""
    ends: set[tuple[int, int]] = getattr(prev, "open_ends", set())
    last = {c.col: c for c in prev.cells if c.row < prev.n_rows <= c.row + c.rowspan}
    tails = [c for c in nxt.cells if c.row == first and c.text]
    if not tails or not ends or any(c.col not in last or (last[c.col].row, c.col) not in ends for c in tails):
        return False
    for c in nxt.cells:                 # the cut row's cells, and merges that go on below it
        if c.row == first and c.col in last:
            last[c.col].text += c.text
            last[c.col].rowspan += c.rowspan - 1
    return True


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)
