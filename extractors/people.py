"""People and organisations as written in cells and sentences.

Leaders: 2–4 character names, padding removed (夏  洁 → 夏洁).  Units: organisation names
split on 、，/ and line breaks, a name broken over two lines joined again
(市保障性住房 / 楼区分中心), generic phrases left out (各街道（乡）, 相关乡镇, 属地各乡镇).
"""
from __future__ import annotations

import re

from . import patterns as P
from .normalize import simplify


def leaders_in(cell: str) -> list[str]:
    out = []
    for part in re.split(r"[、，,；;/\n]+|\s{3,}", cell or ""):
        part = P.LEADER_TITLE.sub("", part.strip())
        if P.PADDED_NAME.match(part):
            part = re.sub(r"\s+", "", part)
        for name in part.split():
            name = simplify(name).strip("（）()")
            if P.PERSON_NAME.match(name) and not P.NOT_PERSON.search(name) and name not in out:
                out.append(name)
    return out


def units_in(cell: str, org_suffixes: list[str]) -> list[str]:
    """Organisation names in a cell; a line that ends in no organisation suffix continues."""
    lines = [ln.strip() for ln in (cell or "").split("\n") if ln.strip()]
    joined: list[str] = []
    for ln in lines:
        if joined and (ln.startswith(("（", "(")) or not _ends_as_org(joined[-1], org_suffixes)):
            joined[-1] += ln
        else:
            joined.append(ln)
    out = []
    for chunk in joined:
        for part in P.SPLIT.split(chunk):
            for name in re.split(r"\s+", part.strip()):
                name = P.TRAILING.sub("", simplify(name).strip("。.；;"))
                if len(name) >= 2 and not P.GENERIC_UNIT.search(name) and name not in out:
                    out.append(name)
    return out


def _ends_as_org(text: str, org_suffixes: list[str]) -> bool:
    text = re.sub(r"[（(][^）)]*[）)]$", "", text.strip())
    return any(text.endswith(s) for s in org_suffixes) or text.endswith(("）", ")"))
