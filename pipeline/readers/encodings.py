"""Bytes to text for Chinese documents: the Chinese encodings first, every guess judged, no silent mojibake.

The ladder, for a whole file:
1. a UTF-16 byte-order mark: UTF-16 (lone surrogates replaced, with a warning);
2. a UTF-8 byte-order mark: the mark is dropped and the body goes down the ladder (a GBK body
   behind a UTF-8 mark, as some editors write it, reads as GB18030, with a warning);
3. strict UTF-8;
4. strict GB18030 when its characters are common simplified ones (GB2312);
5. strict Big5 (cp950) when the result looks like Chinese text (steps 4 and 5 are skipped when the
   bytes are UTF-8 but for a few: GB18030 may decode those, into nonsense);
6. line by line: each line in the first of UTF-8, GB18030, Big5 that reads it strictly and
   plausibly; a line none reads (a character cut in two, a lone surrogate) in the file's main
   encoding with U+FFFD in place of the bad bytes.  A file glued from parts in different
   encodings reads whole; a warning names what was repaired or mixed;
7. charset-normalizer's guess, kept only if it looks like text.
A guess that is not plausible for a Chinese document (too many letters of other scripts, private
use or replacement characters: Cyrillic or Latin soup) is refused with one line, never returned.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import DocumentLoadError

SAMPLE = 20_000          # characters judged for plausibility
ODD_MAX = 0.25           # a decode with more odd characters than this share of its letters is mojibake
ODD_WARN = 0.05          # a guessed decode with more than this is read, with a warning
SHOWN = 5                # line numbers named in a warning
CJK = re.compile(r"[\u4e00-\u9fff]")
SPACE = re.compile(r"\s")
# 铁 ， 《 ① ℃ ㎡ — ×: what Chinese documents are made of (CJK, ASCII, the punctuation and symbols beside
# them); anything else — Cyrillic, accented Latin, private use, U+FFFD — is odd
ODD = re.compile("[^\\s\x00-\x7f\xa0-\xbf\xd7\xf7\u2000-\u2bff\u3000-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
                 "\uff00-\uffef\U00020000-\U0003ffff]")


@dataclass
class Decoded:
    text: str
    codec: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, source: str = "-") -> Decoded:
    """Bytes to text, the codec that worked, and what had to be repaired or guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd") - data.decode("utf-16", errors="ignore").count("\ufffd")
        what = "1 character that was" if bad == 1 else f"{bad} characters that were"
        warnings = [f"{what} not valid UTF-16 (a lone surrogate) replaced with �"] if bad else []
        return Decoded(text, "utf-16", warnings)
    if data.startswith(b"\xef\xbb\xbf"):
        found = _ladder(data[3:], source)
        if found.codec == "utf-8":
            found.codec = "utf-8-sig"
        else:
            found.warnings.insert(0, f"the file starts with a UTF-8 byte-order mark but its text is {found.codec}; "
                                  f"read as {found.codec}")
        return found
    return _ladder(data, source)


def _ladder(data: bytes, source: str) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):          # UTF-8 with a few bad bytes is not GB18030 that happens to decode
        return _by_line(data)
    gb: str | None
    try:
        gb = data.decode("gb18030")
        if common_simplified_share(gb) >= 0.9:
            return Decoded(gb, "gb18030")
    except UnicodeDecodeError:
        gb = None
    try:
        big5 = data.decode("cp950")
        if oddness(big5) <= ODD_WARN:
            return Decoded(big5, "big5")
    except UnicodeDecodeError:
        pass
    if gb is not None and oddness(gb) <= ODD_WARN:
        return Decoded(gb, "gb18030")
    found = _by_line(data)
    odd = oddness(found.text)
    if odd <= ODD_WARN:
        return found
    guess = _normalizer(data)
    if guess is not None and oddness(guess.text) <= ODD_WARN:
        return guess
    if odd <= ODD_MAX:
        found.warnings.append(f"{odd:.0%} of the characters are not Chinese, ASCII or their punctuation: "
                              "parts of the text may be mis-decoded; check it against the original")
        return found
    raise DocumentLoadError(source, f"the text does not decode as Chinese in UTF-8, GB18030 or Big5 "
                            f"({odd:.0%} of its characters would be mojibake)", "save it as UTF-8 or GB18030")


def _normalizer(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return Decoded(str(best), best.encoding, [f"the encoding was guessed as {best.encoding}; check the text"])


def _strict(line: bytes) -> str | None:
    """The codec that reads a line strictly and plausibly, in the order Chinese files use them."""
    try:
        line.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = line.decode("gb18030")
        if common_simplified_share(text) >= 0.8 and oddness(text) <= ODD_WARN:
            return "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        text = line.decode("cp950")
        if oddness(text) <= ODD_WARN:
            return "big5"
    except UnicodeDecodeError:
        pass
    return None


def _by_line(data: bytes) -> Decoded:
    """Each line in the encoding that reads it; lines none reads in the file's main encoding, repaired."""
    raw = data.split(b"\n")
    codecs: list[str | None] = [None if line.isascii() else _strict(line) for line in raw]
    counts = Counter(c for c in codecs if c)
    main = counts.most_common(1)[0][0] if counts else "utf-8"
    repaired: list[int] = []
    for i, codec in enumerate(codecs):
        if raw[i].isascii():
            continue
        if codec is None or (codec == "big5" and main == "gb18030" and _few_errors(raw[i], main)):
            codecs[i] = main
            if codec is None:
                repaired.append(i + 1)
    lines = [line.decode(codec or "ascii", errors="replace") for line, codec in zip(raw, codecs)]
    used = Counter(c for line, c in zip(raw, codecs) if c and not line.isascii())
    warnings = []
    if repaired:
        shown = ", ".join(map(str, repaired[:SHOWN])) + (" …" if len(repaired) > SHOWN else "")
        lines_held = "1 line holds" if len(repaired) == 1 else f"{len(repaired)} lines hold"
        warnings.append(f"{lines_held} bytes that are not valid {main} (a character cut in two, a lone "
                        f"surrogate), read with � in their place: line {shown}")
    if len(used) > 1:
        parts = ", ".join(f"{codec} {n} lines" for codec, n in used.most_common())
        warnings.append(f"the file mixes encodings ({parts}); each line was read in its own")
    codec = main if len(used) <= 1 else "mixed:" + "+".join(c for c, _ in used.most_common())
    return Decoded("\n".join(lines), codec, warnings)


def mostly_utf8(data: bytes) -> bool:
    """Bad bytes are rare among the UTF-8 characters: a cut character or a stray surrogate, not another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return bad * 20 <= wide


def _few_errors(line: bytes, codec: str) -> bool:
    """The line reads in codec but for one or two characters (replaced or odd)."""
    text = line.decode(codec, errors="replace")
    odd = len(ODD.findall(text))
    return odd <= 2 and len(text.strip()) >= 4 * odd and (codec != "gb18030" or common_simplified_share(text) >= 0.8)


def common_simplified_share(text: str) -> float:
    """Share of CJK characters that GB2312 (the common simplified set) can encode."""
    cjk = "".join(CJK.findall(text[:SAMPLE]))
    if not cjk:
        return 1.0
    return len(cjk.encode("gb2312", errors="ignore")) / 2 / len(cjk)     # two bytes each in GB2312


def oddness(text: str) -> float:
    """Share of a text's non-space characters that are not what Chinese documents are made of:
    letters of other scripts (Cyrillic, Greek, accented Latin), private-use and replacement
    characters.  Mojibake of Chinese in a single-byte code page is mostly these."""
    sample = text[:SAMPLE]
    seen = len(sample) - len(SPACE.findall(sample))
    return len(ODD.findall(sample)) / seen if seen else 0.0
