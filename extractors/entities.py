"""Organisations, people and places named anywhere in a document, as spaCy spans.

The project records only hold the units and leaders written in their own rows and fields; a
researcher also wants every 区住建局 or 州长龙晓华 a document names, with where it stands.  This
module builds a blank Chinese spaCy pipeline (the character segmenter, so no jieba dictionary
and no model download), finds candidates with the gazetteer's organisation endings, title
words and division names, turns them into `Doc` spans with `char_span`, lets spaCy resolve the
overlaps (`filter_spans`) and reads the entities back with their line and character offsets.

spaCy costs about 0.6 s to import, so this runs only when asked (`extract --entities`, batch
ingest); the paste path never loads it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import patterns as P

BOUNDARY = "由和及与同、，,：:；;（(“ "


@dataclass(frozen=True)
class Entity:
    label: str          # ORG, PERSON, GPE
    text: str
    line: int           # 1-based line of the text view
    start: int          # character offsets within that line
    end: int

    def to_dict(self) -> dict:
        return {"label": self.label, "text": self.text, "line": self.line, "start": self.start, "end": self.end}


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    return spacy.blank("zh")          # the default "char" segmenter: no dictionary to load


@lru_cache(maxsize=4)
def _org_tail(suffixes: tuple[str, ...]) -> re.Pattern:
    """What follows a place or a one-character level (区, 州…): 人社局, 公安分局, 供电分公司."""
    alts = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return re.compile(r"[\u4e00-\u9fff]{0,8}(?:" + alts + r")")


def _org_heads(line: str, places: list) -> list[int]:
    """Where an organisation name may start: a level character after a boundary, or a place."""
    heads = [i for i, ch in enumerate(line) if ch in P.HEAD_CHARS
             and (i == 0 or line[i - 1] in BOUNDARY or not "\u4e00" <= line[i - 1] <= "\u9fff")]
    return heads + [pos for _, _, pos in places]


def entities(texts: list, gaz) -> list[Entity]:
    """Every organisation, person and place named in the lines (NText: normalised, with offsets into the
    line as written, which the entities' offsets are)."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    nlp = _nlp()
    from .metadata import find_places

    tail = _org_tail(tuple(s for s in gaz.org_suffixes if s not in ("所", "站", "队", "部", "院", "乡", "镇")))
    out: list[Entity] = []
    for n, nt in enumerate(texts, 1):
        line = nt.text
        if not line.strip():
            continue
        doc = nlp.make_doc(line)
        spans = []
        places = find_places(line, gaz)
        for head in _org_heads(line, places):
            m = tail.match(line, head + 1)
            if m and not P.NOT_ORG.search(m.group(0)):
                spans.append(doc.char_span(head, m.end(), label="ORG", alignment_mode="expand"))
        for m in P.TITLED_PERSON.finditer(line):
            if P.NOT_TITLED_NAME.search(m.group("name")):
                continue
            spans.append(doc.char_span(m.start("name"), m.end("name"), label="PERSON", alignment_mode="expand"))
        for surface, _, pos in places:
            spans.append(doc.char_span(pos, pos + len(surface), label="GPE", alignment_mode="expand"))
        doc.ents = filter_spans([s for s in spans if isinstance(s, Span)])
        out += [Entity(e.label_, e.text, n, nt.offsets[e.start_char], nt.offsets[e.end_char - 1] + 1) for e in doc.ents]
    return out
