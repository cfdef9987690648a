"""Text normalised for matching, with a map back to the original for verbatim evidence.

Three steps, all cheap: pinyin glosses spliced into words are removed (區(qū) → 區,
4萬(wàn)人 → 4萬人); full-width ASCII becomes ASCII and odd spaces become spaces;
traditional characters become simplified, one character for one (OpenCC's character table),
so that offsets survive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import patterns as P
from .memo import per_document
from .numbers import to_number
from .records import quick_init


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):          # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    for ch in "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff":
        table[ord(ch)] = " "
    table[ord("—")] = "-"
    table[ord("－")] = "-"
    table[ord("～")] = "~"
    for ch in "（）：；，":            # keep Chinese punctuation as it is: names keep （建设）
        table.pop(ord(ch), None)
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        if len(trad) == 1 and simp:
            first = simp.split()[0]
            if len(first) == 1 and first != trad and trad not in KEPT_AS_WRITTEN:
                table[ord(trad)] = first
    return table


# 乾 is written in simplified Chinese too (乾县, 乾安县, 乾坤): the table's 干 would rename two counties
KEPT_AS_WRITTEN = frozenset("乾")


@quick_init
@dataclass(frozen=True)
class NText:
    """A normalised string and, for each of its characters, the offset in the original."""
    text: str
    original: str
    offsets: tuple[int, ...]

    def source(self, start: int, end: int) -> str:
        """The original text behind text[start:end]."""
        if start >= end or not self.offsets:
            return ""
        a = self.offsets[start]
        b = self.offsets[end - 1] + 1
        return self.original[a:b]


@lru_cache(maxsize=1)
def _changed_chars() -> frozenset[str]:
    """Every character the table changes."""
    return frozenset(map(chr, _char_table()))


@lru_cache(maxsize=1)
def _may_change() -> re.Pattern[str]:
    """A character the table may change: one it changes, or any beyond the Basic Multilingual Plane (a
    class of the 2,800 characters of the plane compiles to the engine's bitmap, tested in C at ~10 ns a
    character; characters beyond it would make the class a list)."""
    plane = "".join(sorted(ch for ch in _changed_chars() if ord(ch) <= 0xFFFF))
    return re.compile("[" + re.escape(plane) + "\U00010000-\U0010ffff]")


def _translated(text: str) -> str:
    """``text.translate(_char_table())``, without the translation where no character of the text is in the
    table (most lines of a simplified-Chinese document; translate costs ~0.1 µs a character)."""
    return text.translate(_char_table()) if _may_change().search(text) else text


def _may_gloss(text: str) -> bool:
    """A pinyin gloss is in brackets: a text with none holds no gloss (and GLOSS need not scan it)."""
    return "(" in text or "（" in text


@per_document
def normalize(original: str) -> NText:
    glosses = list(P.GLOSS.finditer(original)) if _may_gloss(original) else []
    if not glosses:          # most lines: every character kept where it stands
        text = _translated(original)
        kept: list[int] | range = range(len(original))
    else:
        kept = []
        pieces: list[str] = []
        pos = 0
        for m in glosses:
            pieces.append(original[pos:m.start()])
            kept.extend(range(pos, m.start()))
            pos = m.end()
        pieces.append(original[pos:])
        kept.extend(range(pos, len(original)))
        text = _translated("".join(pieces))
    if " " in original:
        text, kept = _figure_gaps(text, kept, original)
    if "百分之" in text or "成" in text:
        text, kept = _percent_words(text, kept)
    return NText(text, original, tuple(kept))


def _figure_gaps(text: str, kept: list[int] | range, original: str) -> tuple[str, list[int] | range]:
    """完成 65 户 / 2021 年 12 月 → 完成65户 / 2021年12月: the one space that Word, a PDF or a web page sets
    between Chinese and a figure is no gap in the text (a run of spaces, a table's columns, is kept, and so
    is an ideographic space: 发布　2023-10-16 separates on purpose)."""
    gaps = [m.start() for m in P.FIGURE_GAP.finditer(text) if original[kept[m.start()]] == " "]
    if not gaps:
        return text, kept
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for k in gaps:            # in order, one character each: the text between them kept in slices, not a character at a time
        pieces.append(text[pos:k])
        offsets.extend(kept[pos:k])
        pos = k + 1
    pieces.append(text[pos:])
    offsets.extend(kept[pos:])
    return "".join(pieces), offsets


def _percent_words(text: str, kept: list[int] | range) -> tuple[str, list[int] | range]:
    """百分之九十五 → 95%, 百分之九十五点五 → 95.5%, 百分之百 → 100%, 完成九成 → 完成90%; each new character maps to the
    original offsets of the words it replaces, so evidence stays verbatim."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    found = sorted(list(P.PERCENT_WORDS.finditer(text)) + list(P.TENTHS.finditer(text)), key=lambda m: m.start())
    if not found:
        return text, kept
    for m in found:
        value: float | None
        if m.re is P.TENTHS:
            value = 10.0 * ("一二三四五六七八九".index(m.group("n")) + 1)
        else:
            value = 100.0 if m.group("n") == "百" else to_number(m.group("n"))
        if value is None:
            continue
        new = f"{value:g}%"
        out.append(text[pos:m.start()])
        offsets.extend(kept[pos:m.start()])
        span = kept[m.start():m.end()]
        offsets.extend(span[min(i, len(span) - 1)] for i in range(len(new)))
        out.append(new)
        pos = m.end()
    out.append(text[pos:])
    offsets.extend(kept[pos:])
    return "".join(out), offsets


FIELD_LABELS = ("目标", "任务", "内容", "牵头", "责任", "配合", "协办", "完成", "领导", "单位", "时限", "资金", "时间", "日期")


def relabel(nt: NText) -> NText:
    """【牵头单位】县教育局 → 牵头单位：县教育局 (a label in lenticular brackets, as WeChat articles write
    fields); a line that is only 【一、教育惠民】 → 一、教育惠民 (a 小标题).  Offsets still map to the original."""
    m = P.BRACKET_LABEL.match(nt.text)
    if m is None:
        return nt
    key = m.group("key")
    rest = nt.text[m.end():]
    if not rest.strip():
        text = nt.text[:m.start("key") - 1] + key
        offsets = nt.offsets[:m.start("key") - 1] + nt.offsets[m.start("key"):m.end("key")]
    elif any(w in key for w in FIELD_LABELS) and len(key) <= 8:
        text = nt.text[:m.start("key") - 1] + key + "：" + rest
        offsets = nt.offsets[:m.start("key") - 1] + nt.offsets[m.start("key"):m.end()] + nt.offsets[m.end():]
    else:
        return nt
    return NText(text, nt.original, tuple(offsets))


@per_document
def simplify(text: str) -> str:
    """Normalised text without the offset map (names, cells): ``normalize(text).text``."""
    line = normalize.kept(text)
    if line is not None:
        return line.text          # a line of the document, normalised already
    text = P.GLOSS.sub("", text) if _may_gloss(text) else text
    text = _translated(P.FIGURE_GAP.sub("", text) if " " in text else text)
    return _percent_words(text, range(len(text)))[0] if "百分之" in text or "成" in text else text


@per_document
def squash(text: str) -> str:
    """Remove all whitespace: 夏  洁 → 夏洁, 任 务 指 标 → 任务指标 (the same as deleting
    every whitespace run with a regex; the metadata readers squeeze the same opening and closing lines,
    once each per document)."""
    return "".join(text.split())
