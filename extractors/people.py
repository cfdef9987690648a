"""People and organisations as written in cells and sentences.

Leaders: 2–4 character names, padding removed (夏  洁 → 夏洁).  Units: organisation names
split on 、，/ and line breaks, a name broken over two lines joined again
(市保障性住房 / 楼区分中心), generic phrases left out (各街道（乡）, 相关乡镇, 属地各乡镇).
"""
from __future__ import annotations

import re

from .normalize import simplify

SPLIT = re.compile(r"[、，,；;/\n]+")
PADDED_NAME = re.compile(r"^[\u4e00-\u9fff]\s+[\u4e00-\u9fff]$")
PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}$")
NOT_PERSON = re.compile(r"^(各|相关|有关|属地|全体)|乡镇|街道|单位|部门|局|办|委|政府|公司|中心|负责人|主要领导|分管领导|同志|待定|[长]$")
GENERIC_UNIT = re.compile(r"^(各|相关|有关|属地|其他|全体|所在|项目所在)|^(等|无|/|-)$")
TRAILING = re.compile(r"(等(?:单位|部门)?|[（(](?:牵头|配合|协办|责任|主办)[)）]|牵头|负责|配合|协助)$")


def leaders_in(cell: str) -> list[str]:
    out = []
    for part in re.split(r"[、，,；;/\n]+|\s{3,}", cell or ""):
        part = part.strip()
        if PADDED_NAME.match(part):
            part = re.sub(r"\s+", "", part)
        for name in part.split():
            name = simplify(name).strip("（）()")
            if PERSON.match(name) and not NOT_PERSON.search(name) and name not in out:
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
        for part in SPLIT.split(chunk):
            for name in re.split(r"\s+", part.strip()):
                name = TRAILING.sub("", simplify(name).strip("。.；;"))
                if len(name) >= 2 and not GENERIC_UNIT.search(name) and name not in out:
                    out.append(name)
    return out


def _ends_as_org(text: str, org_suffixes: list[str]) -> bool:
    text = re.sub(r"[（(][^）)]*[）)]$", "", text.strip())
    return any(text.endswith(s) for s in org_suffixes) or text.endswith(("）", ")"))
