"""A PDF page's characters as PDFium gives them, held in columns (numpy arrays), and its lines built
from the columns: the PDF reader's fast path for a page that holds no ruled table.

The lines are the ones `pdf._plumber_lines` and `pdf._text_lines` build from character dicts
(pdfplumber's text map, the reader's spacing, page numbers dropped); the columns compute them with
the same float operations in the same order, page by page instead of character by character, so
the values are the same to the bit (tests/test_pdf_columns.py holds the two equal).  A page holding
a ligature (ﬁ, written out as two letters, each listed with the ligature's box) is read through the
dicts, as before.
"""
from __future__ import annotations

import ctypes
from itertools import repeat
from typing import NamedTuple

import numpy as np

from . import pdf

# characters asked of PDFium one by one: the spaces and line breaks it may have made up, and what
# its text may write in place of a character (NUL for none, a surrogate, a noncharacter)
ASK = set("\x00\n\r\ufffe\uffff") | {chr(c) for c in range(0xD800, 0xE000)} \
    | {chr(c) for c in range(0x3001) if chr(c).isspace()}
ASKED = np.zeros(0x110000, dtype=bool)      # by code point: a character in ASK
ASKED[[ord(c) for c in ASK]] = True
NOT_A_CHARACTER = (0, 10, 13, 0xFFFE, 0xFFFF)     # what GetUnicode gives for a generated break or no character


class Chars(NamedTuple):
    """A page's characters, PDFium's own spaces and line breaks left out, spaces drawn on the page
    kept: text[k] is character k (codes[k] its code point); top-down coordinates; size is the type size."""
    text: str
    codes: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    size: np.ndarray


def columns(textpage, height: float, pdfium_c) -> Chars:
    """The text page's characters.  The page's text comes in one call; only a space or a character
    the text cannot name is asked about one by one.  Each character's loose box and type size are
    two bare C calls, their results written straight into arrays."""
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    text = _page_text(handle, count, pdfium_c) or "\x00" * max(count, 0)
    box, font_size, generated, unicode = _bare_calls(pdfium_c)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").copy()
    kept = np.ones(len(codes), dtype=bool)
    asked = np.flatnonzero(ASKED[codes])
    made_up = np.fromiter(map(generated, repeat(handle), asked.tolist()), dtype=np.int32, count=len(asked)) == 1
    kept[asked[made_up]] = False          # mostly the line breaks PDFium adds
    for i in asked[~made_up].tolist():
        code = unicode(handle, i)
        if code in NOT_A_CHARACTER:
            kept[i] = False
        else:
            codes[i] = ord(chr(code))
    index = np.flatnonzero(kept)
    n = len(index)
    corners = np.zeros((max(n, 1), 4), dtype=np.float32)      # FS_RECTF each: left, top, right, bottom
    # the rectangles' addresses as offsets from one ctypes view of the array (an array type of the
    # page's own length would be a new ctypes type for every page)
    first = ctypes.c_float.from_buffer(corners.data)
    at = index.tolist()
    boxed = np.fromiter(map(box, repeat(handle, n), at, map(ctypes.byref, repeat(first, n), range(0, 16 * n, 16))),
                        dtype=np.int32, count=n) != 0
    sizes = np.fromiter(map(font_size, repeat(handle, n), at), dtype=np.float64, count=n)
    left, top, right, bottom = corners[:n].astype(np.float64).T
    if not boxed.all():
        index, left, top, right, bottom, sizes = (a[boxed] for a in (index, left, top, right, bottom, sizes))
    codes = codes[index]
    middle = height - (top + bottom) / 2        # the type's box, centred on the loose box's middle
    half = sizes / 2
    return Chars(codes.tobytes().decode("utf-32-le", "surrogatepass"), codes, left, right, middle - half,
                 middle + half, sizes)


def dicts(chars: Chars) -> list[dict]:
    """The characters as the char dicts pdf._plumber_lines and pdf._text_lines read."""
    return [{"text": t, "x0": a, "x1": b, "top": c, "bottom": d, "size": e}
            for t, a, b, c, d, e in zip(chars.text, chars.x0.tolist(), chars.x1.tolist(), chars.top.tolist(),
                                        chars.bottom.tolist(), chars.size.tolist())]


BARE: list = []


def _bare_calls(pdfium_c) -> list:
    """FPDFText_GetLooseCharBox, GetFontSize, IsGenerated and GetUnicode called without ctypes'
    argument checks (the same C functions; their arguments here are a text page, an int and a
    rectangle's address), about half the cost of a call a character."""
    if not BARE:
        BARE[:] = [ctypes.CFUNCTYPE(restype)(ctypes.cast(func, ctypes.c_void_p).value or 0)
                   for func, restype in ((pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
                                         (pdfium_c.FPDFText_GetFontSize, ctypes.c_double),
                                         (pdfium_c.FPDFText_IsGenerated, ctypes.c_int),
                                         (pdfium_c.FPDFText_GetUnicode, ctypes.c_uint))]
    return BARE


def _page_text(handle, count: int, pdfium_c) -> str | None:
    """The page's text, one character for each of PDFium's characters, or None when PDFium's text
    does not line up with its characters (a character left out or written as two code units)."""
    if count <= 0:
        return None
    buffer = ctypes.create_string_buffer(2 * count + 2)
    written = pdfium_c.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if written != count + 1 or pdfium_c.FPDFText_GetTextIndexFromCharIndex(handle, count - 1) != count - 1 \
            or pdfium_c.FPDFText_GetTextIndexFromCharIndex(handle, 0) != 0:
        return None
    text = buffer.raw[:2 * count].decode("utf-16-le", "surrogatepass")
    return text if len(text) == count else None


KIND_CODES = {"": 0, "cjk": 1, "latin": 2}
LATIN_WORD_BIT = 4      # a character pdf.LATIN_WORD takes: it may belong to the Latin word a line starts with
LIGATURE_BIT = 8        # a ligature pdfplumber writes out (pdf.LIGATURES)
SPACE_BIT = 16          # a space (str.isspace)
CJK_WORD_BIT = 32       # a Chinese character that is no mark (what pdf._cjk_run counts)
UNMAPPED_BIT = 64       # U+FFFD or a private-use glyph (pdf.UNMAPPED_GLYPH)
ODD_BIT = 128           # neither ASCII, Chinese nor punctuation (pdf.ODD_CHAR)
UNKNOWN = 255
CLASSES: list[np.ndarray] = []


def _classes(codes: np.ndarray) -> np.ndarray:
    """Each character's class: its kind for the spacing (pdf.KINDS: 0 none, 1 Chinese, 2 Latin) and
    the bits above, read from a table of every code point, filled in as characters are first met."""
    if not CLASSES:
        CLASSES.append(np.full(0x110000, UNKNOWN, dtype=np.uint8))
    table = CLASSES[0]
    out = table[codes]
    if (out == UNKNOWN).any():
        for code in np.unique(codes[out == UNKNOWN]).tolist():
            ch = chr(code)
            table[code] = KIND_CODES[pdf.KINDS[ch]] | (LATIN_WORD_BIT if pdf.LATIN_WORD.match(ch) else 0) \
                | (LIGATURE_BIT if ch in pdf.LIGATURES else 0) | (SPACE_BIT if ch.isspace() else 0) \
                | (CJK_WORD_BIT if pdf.CJK.match(ch) and ch not in pdf.CJK_RUN_STOPS else 0) \
                | (UNMAPPED_BIT if pdf.UNMAPPED_GLYPH.match(ch) else 0) | (ODD_BIT if pdf.ODD_CHAR.match(ch) else 0)
        out = table[codes]
    return out


def page_items(chars: Chars, number: int, height: float, width: float) -> list[pdf.Item] | None:
    """The page's lines (line_items), or None when its text looks garbled (pdf.garbled)."""
    classes = _classes(chars.codes)
    return None if garbled(chars, classes) else line_items(chars, number, height, width, classes)


def garbled(chars: Chars, classes: np.ndarray) -> bool:
    """pdf.garbled of the characters' text, counted on their classes."""
    visible = classes[(classes & SPACE_BIT) == 0]
    n = len(visible)
    if n < 10:
        return False
    if chars.text.count("(cid:") >= 3:
        return True
    if int(np.count_nonzero(visible & UNMAPPED_BIT)) / n > 0.05:
        return True
    return int(np.count_nonzero(visible & ODD_BIT)) / n > 0.3 and int(np.count_nonzero((visible & 3) == 1)) / n < 0.1


def line_items(chars: Chars, number: int, height: float, width: float,
               classes: np.ndarray | None = None) -> list[pdf.Item]:
    """pdf._line_items of the characters: the page's lines, grouped as pdfplumber's text map groups
    them and spaced by the reader's rules, computed on the columns (classes: _classes of their codes)."""
    if classes is None:
        classes = _classes(chars.codes)
    if (classes & LIGATURE_BIT).any():
        return pdf._line_items(dicts(chars), number, height, width)
    spaces = (classes & SPACE_BIT) != 0
    if spaces.any():
        ink = ~spaces
        codes, x0, x1, top, bottom, size, classes = (a[ink] for a in (*chars[1:], classes))
        # the spaces drawn on the page, by their middle down the page (stable, as pdf._text_lines sorts them)
        mids = (chars.top[spaces] + chars.bottom[spaces]) / 2
        down = np.argsort(mids, kind="stable")
        mids, typed_x = mids[down], ((chars.x0[spaces] + chars.x1[spaces]) / 2)[down]
    else:
        _, codes, x0, x1, top, bottom, size = chars
        mids = typed_x = np.empty(0)
    n = len(codes)
    if not n:
        return []
    # pdf._plumber_lines: one stable sort by (cluster of the top, x0); a word ends where the cluster
    # changes, the gap is over 3 points or the top moves over 3 points; a line is a run of words
    # whose tops fall in one cluster of the words' tops
    cluster = _clusters(top)
    if not _in_order(cluster, x0):      # a page's characters mostly come line by line, left to right
        order = np.lexsort((x0, cluster))
        x0, x1, top, bottom, size, cluster, codes, classes = (a[order] for a in (x0, x1, top, bottom, size, cluster,
                                                                                codes, classes))
    new_word = np.ones(n, dtype=bool)
    new_word[1:] = (cluster[1:] != cluster[:-1]) | (x0[1:] > x1[:-1] + pdf.X_TOLERANCE) \
        | (np.abs(top[1:] - top[:-1]) > pdf.Y_TOLERANCE)
    words = np.flatnonzero(new_word)
    line_cluster = _clusters(np.minimum.reduceat(top, words))
    new_line = np.ones(len(words), dtype=bool)
    new_line[1:] = line_cluster[1:] != line_cluster[:-1]
    starts, inner = words[new_line], words[~new_line]
    ends = np.append(starts[1:], n)
    # a line's text as pdfplumber writes it: its words joined by a space
    joined = _with_spaces(codes, inner)
    at = (starts + np.searchsorted(inner, starts)).tolist() + [len(joined)]
    lefts, tops = np.minimum.reduceat(x0, starts), np.minimum.reduceat(top, starts)
    rights, bottoms = np.maximum.reduceat(x1, starts), np.maximum.reduceat(bottom, starts)
    sizes = np.maximum.reduceat(size, starts)
    # the Latin word a line starts with (pdf._lead_word), in the order pdfplumber gives the characters
    latin_end = np.minimum(np.minimum.reduceat(np.where(classes & LATIN_WORD_BIT, n, np.arange(n)), starts), ends)
    leads = np.where(latin_end > starts, x1[latin_end - 1] - x0[starts], 0.0)
    # pdf._spaced reads each line's characters sorted across: they are so already, a line being a run
    # of one cluster of tops in the (cluster, x0) order (a cluster of the words' tops lies within one
    # cluster of the characters' tops, the words' tops being some of them)
    line_of = np.repeat(np.arange(len(starts)), ends - starts)
    first_typed, past_typed = np.searchsorted(mids, tops, "left"), np.searchsorted(mids, bottoms, "right")
    typed = np.zeros(n, dtype=bool)         # a space drawn between a character and the one before it
    for line in np.flatnonzero(past_typed > first_typed).tolist():
        start, end = starts[line], ends[line]
        xs = np.sort(typed_x[first_typed[line]:past_typed[line]])
        nearest = np.searchsorted(xs, x1[start:end - 1] - 0.5)      # bisect_left, as pdf._typed_space
        typed[start + 1:end] = (nearest < len(xs)) & (xs[np.minimum(nearest, len(xs) - 1)] <= x0[start + 1:end] + 0.5)
    spaced_text, spaced_at = _spaced(x0, x1, size, classes, codes, starts, ends, line_of, typed)
    items: list[tuple[float, dict]] = []
    width_ = round(width)
    # pdf._band of every line, with the same comparisons
    bands = np.where(bottoms < pdf.BAND * height, "head", np.where(tops > (1 - pdf.BAND) * height, "foot", "")).tolist() \
        if height else [""] * len(starts)
    page_number = pdf.PAGE_NUMBER.match
    for k, (line_top, left, right, line_size, lead, band) in enumerate(zip(
            tops.tolist(), lefts.tolist(), rights.tolist(), sizes.tolist(), leads.tolist(), bands)):
        line_text = joined[at[k]:at[k + 1]]
        stripped = line_text.strip()
        if not stripped or page_number(line_text):
            continue
        items.append((line_top, {"text": spaced_text[spaced_at[k]:spaced_at[k + 1]].strip() or stripped,
                                 "x0": left, "x1": right, "top": line_top, "size": line_size, "lead": lead,
                                 "band": band, "width": width_}))
    items.sort(key=lambda it: it[0])
    return [(number, obj) for _, obj in items]


def _in_order(cluster: np.ndarray, x0: np.ndarray) -> bool:
    """Whether the characters are sorted by (cluster, x0) already, so that the stable sort by them
    would leave them as they are."""
    same = cluster[1:] == cluster[:-1]
    return bool(np.all((cluster[1:] > cluster[:-1]) | (same & (x0[1:] >= x0[:-1]))))


def _spaced(x0: np.ndarray, x1: np.ndarray, size: np.ndarray, classes: np.ndarray, codes: np.ndarray,
            starts: np.ndarray, ends: np.ndarray, line_of: np.ndarray, typed: np.ndarray) -> tuple[str, list[int]]:
    """pdf._spaced of every line, the characters sorted across within their lines (typed: a space
    drawn before the character): the lines' texts written one after the other and where each
    starts.  A space goes before a character whose gap to the one before is over 3 points, or,
    Chinese beside Latin, over half its type size (Word's autospace is narrower); before one drawn
    after a space when either is Latin (pdf._typed_space), or both are Chinese and one of them runs
    on into another (pdf._kept_space); none in a line of three or more Chinese characters whose
    gaps, all over 3 points, differ by less than a quarter of the first one's size."""
    first = np.zeros(len(x0), dtype=bool)
    first[starts] = True
    gaps = np.empty(len(x0))
    gaps[1:] = x0[1:] - x1[:-1]
    kinds = classes & 3
    kind, before = kinds[1:], kinds[:-1]
    boundary = (before != kind) & (before != 0) & (kind != 0)
    space = np.zeros(len(x0), dtype=bool)
    space[1:] = gaps[1:] > np.where(boundary, pdf.AUTOSPACE * np.where(size[1:] == 0, 10.0, size[1:]), pdf.X_TOLERANCE)
    if typed.any():
        # pdf._cjk_run > 1: two Chinese characters (not marks) with at most a point between them
        word = (classes & CJK_WORD_BIT) != 0
        close = np.zeros(len(x0) + 1, dtype=bool)
        close[1:-1] = ~first[1:] & (gaps[1:] <= 1.0) & word[1:] & word[:-1]
        chinese = (kind == 1) & (before == 1) & (close[:-2] | close[2:])
        space[1:] |= typed[1:] & ((kind == 2) | (before == 2) | chinese)
    space[starts] = False
    gaps[starts] = np.inf
    narrowest = np.minimum.reduceat(gaps, starts)
    gaps[starts] = -np.inf
    widest = np.maximum.reduceat(gaps, starts)
    first_size = size[starts]
    even = (ends - starts >= 3) & (np.minimum.reduceat(kinds, starts) == 1) & (np.maximum.reduceat(kinds, starts) == 1) \
        & (narrowest > pdf.X_TOLERANCE) & (widest - narrowest < 0.25 * np.where(first_size == 0, 10.0, first_size))
    if even.any():
        space &= ~even[line_of]
    before_space = np.flatnonzero(space)
    text = _with_spaces(codes, before_space)
    return text, (starts + np.searchsorted(before_space, starts)).tolist() + [len(text)]


def _with_spaces(codes: np.ndarray, before: np.ndarray) -> str:
    """The text of the code points with a space before each position in before (ascending)."""
    if not len(before):
        return codes.tobytes().decode("utf-32-le", "surrogatepass")
    out = np.full(len(codes) + len(before), 32, dtype=codes.dtype)
    letters = np.ones(len(out), dtype=bool)
    letters[before + np.arange(len(before))] = False
    out[letters] = codes
    return out.tobytes().decode("utf-32-le", "surrogatepass")


def _clusters(values: np.ndarray) -> np.ndarray:
    """pdf._clusters of each value: its cluster's number, the values sorted, a new cluster where one
    is over 3 points past the one before (an equal value is never past it, so the distinct values
    need not be taken first)."""
    order = np.argsort(values, kind="stable")
    ascending = values[order]
    numbers = np.empty(len(values), dtype=np.int64)
    if len(values):
        numbers[0] = 0
        np.cumsum(ascending[1:] > ascending[:-1] + pdf.Y_TOLERANCE, out=numbers[1:])
    out = np.empty_like(numbers)
    out[order] = numbers
    return out
