"""Word's automatic numbering, rendered back: the '一、', '（一）' or '1.' a reader sees but the
runs do not hold.

A paragraph is numbered by its own w:numPr or its style's (through w:basedOn).  numbering.xml
maps the w:num to an abstract definition whose level gives the format (decimal,
chineseCounting, …), the text around the number (w:lvlText '%1、', '（%2）', '%1.%2') and the
start.  Counters run per w:num in document order; numbering a level restarts the deeper ones.
A bullet, or a format this does not know, gives no label (the text is kept as written).
"""
from __future__ import annotations

import re
from collections.abc import Callable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "零一二三四五六七八九"
LEGAL = "零壹贰叁肆伍陆柒捌玖"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
PLACEHOLDER = re.compile(r"%([1-9])")
MAX_LEVELS = 9


def chinese(n: int, digits: str = DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (counting style, as Word writes it)."""
    if n <= 0:
        return str(n)
    if n >= 1000:
        return str(n)
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    out = ""
    if h:
        out += digits[h] + hundred
    if t:
        out += ("" if t == 1 and not h else digits[t]) + ten
    elif h and u:
        out += digits[0]
    if u:
        out += digits[u]
    return out


def roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "japaneseCounting": chinese,
    "taiwaneseCounting": chinese,
    "taiwaneseCountingThousand": chinese,
    "chineseLegalSimplified": lambda n: chinese(n, LEGAL, "拾", "佰"),
    "ideographLegalTraditional": lambda n: chinese(n, LEGAL, "拾", "佰"),
    "ideographTraditional": lambda n: HEAVENLY[n - 1] if 0 < n <= len(HEAVENLY) else str(n),
    "lowerLetter": lambda n: letters(n).lower(),
    "upperLetter": letters,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
    "none": lambda n: "",
}


class Level:
    def __init__(self, lvl) -> None:
        self.start = _int(_val(lvl, "start"), 1)
        self.format = _val(lvl, "numFmt") or "decimal"
        self.text = _val(lvl, "lvlText")
        self.legal = lvl.find(W + "isLgl") is not None
        self.suffix = _val(lvl, "suff") or "tab"


class Numbering:
    def __init__(self, numbering_xml, styles_xml) -> None:
        abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, dict[int, Level]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.styles: dict[str, tuple[str | None, int | None] | None] = {}    # resolved lazily
        if numbering_xml is not None:
            for a in numbering_xml.iterchildren(W + "abstractNum"):
                abstract[a.get(W + "abstractNumId")] = {
                    _int(lvl.get(W + "ilvl"), 0): Level(lvl) for lvl in a.iterchildren(W + "lvl")}
            for num in numbering_xml.iterchildren(W + "num"):
                levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
                starts: dict[int, int] = {}
                for override in num.iterchildren(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"), 0)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        levels[ilvl] = Level(lvl)
                    start = _val(override, "startOverride")
                    if start is not None:
                        starts[ilvl] = _int(start, 1)
                self.nums[num.get(W + "numId")] = levels
                self.starts[num.get(W + "numId")] = starts
        self.based: dict[str, str] = {}
        self.own: dict[str, tuple[str | None, int | None]] = {}
        if styles_xml is not None:
            for style in styles_xml.iterchildren(W + "style"):
                sid = style.get(W + "styleId")
                parent = style.find(W + "basedOn")
                if parent is not None:
                    self.based[sid] = parent.get(W + "val")
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    self.own[sid] = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), 0))

    def style(self, sid: str) -> tuple[str | None, int | None] | None:
        """The numbering a paragraph style gives, its own or inherited through w:basedOn."""
        if sid not in self.styles:
            at: str | None = sid
            seen: set[str] = set()
            while at is not None and at not in self.own and at not in seen:
                seen.add(at)
                at = self.based.get(at)
            self.styles[sid] = self.own.get(at) if at is not None else None
        return self.styles[sid]

    @classmethod
    def of(cls, document) -> Numbering | None:
        """The numbering of a python-docx Document, or None when it numbers nothing."""
        part = document.part
        numbering = styles = None
        for rel in part.rels.values():
            if rel.is_external:
                continue
            if rel.reltype.endswith("/numbering"):
                numbering = rel.target_part.element
            elif rel.reltype.endswith("/styles"):
                styles = rel.target_part.element
        return cls(numbering, styles) if numbering is not None else None

    def label(self, p) -> str:
        """The number Word shows before paragraph p ('' when it has none), counting it."""
        num_id, ilvl = self._num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        levels = self.nums[num_id]
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        level = levels.get(ilvl)
        if level is None or level.text is None:
            return ""
        counts = self.counters.setdefault(num_id, [None] * MAX_LEVELS)
        start = self.starts[num_id].get(ilvl, level.start)
        before = counts[ilvl]
        counts[ilvl] = start if before is None else before + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = None
        if level.format == "bullet" or level.format not in FORMATS:
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k)
            seen = counts[k]
            n = seen if seen is not None else (lvl.start if lvl else 1)
            fmt = "decimal" if level.legal or lvl is None else lvl.format
            return FORMATS.get(fmt, str)(n)

        text = PLACEHOLDER.sub(number, level.text)
        if text and level.suffix != "nothing" and text[-1].isascii() and text[-1] not in "(":
            text += " "
        return text

    def _num_pr(self, p) -> tuple[str | None, int]:
        p_pr = p.find(W + "pPr")
        num_id: str | None = None
        ilvl: str | int | None = None
        if p_pr is not None:
            num_pr = p_pr.find(W + "numPr")
            if num_pr is not None:
                num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
            style = p_pr.find(W + "pStyle")
            inherited = self.style(style.get(W + "val")) if style is not None and self.own else None
            if inherited is not None:
                num_id = num_id if num_id is not None else inherited[0]
                ilvl = ilvl if ilvl is not None else inherited[1]
        return num_id, _int(ilvl, 0)


def _val(node, tag: str) -> str | None:
    child = node.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _int(value, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default
