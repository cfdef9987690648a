"""People and organisations as written in cells and sentences.

Leaders: 2–4 character names, padding removed (夏  洁 → 夏洁).  Units: organisation names
split on 、，/ and line breaks, a name broken over two lines joined again
(市保障性住房 / 楼区分中心), generic phrases left out (各街道（乡）, 相关乡镇, 属地各乡镇).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from . import patterns as P
from .memo import LIMIT, document_table, per_document
from .normalize import simplify

# whitespace
_SPACES = re.compile(r"\s+")
# a bracketed part
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


@per_document
def _duty_fields(text: str) -> tuple[re.Match[str], ...]:
    """The labelled fields of a line (DUTY_FIELD), found once a document: a line is read for them as itself,
    for a repeated label, and again as the line before the next one."""
    if P.DUTY_LABEL_END.search(text) is None:
        return ()        # its labels, alternatives of groups, are tried at every character of a line that holds none
    one_colon = text.count("：") + text.count(":") <= 1
    field = P.DUTY_FIELD_ALONE if one_colon else P.DUTY_FIELD
    # finditer, run only where a label and its colon stand (DUTY_LABEL_AT): a field matches from there, nowhere else
    out = []
    at = P.DUTY_LABEL_AT.search(text)
    while at is not None:
        m = field.match(text, at.start())
        assert m is not None
        out.append(m)
        at = P.DUTY_LABEL_AT.search(text, m.end())
    return tuple(out)


def leaders_in(cell: str) -> list[str]:
    """陆 明俞 悦 → [陆明, 俞悦]; 胡某某 市委副书记 → [胡某某]; a cell of prose (a progress note) names no leader.
    Read once a document (a leader's cell is carried down a table's rows and read again for each; the caller gets a
    list of its own)."""
    return list(_leaders(cell or ""))


@per_document
def _leaders(cell: str) -> tuple[str, ...]:
    return tuple(_read_leaders(cell))


def _read_leaders(cell: str) -> list[str]:
    out: list[str] = []
    cell = P.NEXT_FIELD.sub("", P.POST_IN_BRACKETS.sub("", cell or ""))
    cell = P.POST_BEFORE_NAME.sub("", cell.strip())
    if P.PROSE_CELL.search(cell):
        return out
    for part in P.LEADER_SEPARATOR.split(cell):
        part = P.NAME_DOT.sub("·", P.LEADER_TITLE.sub("", part.strip()))
        titled = P.TITLE_AFTER.search(part)               # 那顺乌日图副盟长 / 李  刚副盟长
        part = part[:titled.start()] if titled else part
        if P.PADDED_NAME.match(part):
            part = _SPACES.sub("", part)
        elif P.PADDED_NAMES.match(part):
            part = _unpadded(part)
        for name in part.split():
            name = simplify(name).strip("（）()")
            fits = P.PERSON_NAME.match(name) or (titled and P.LONG_NAME.match(name))
            if fits and not P.NOT_PERSON.search(name) and name not in out:
                out.append(name)
    return out


def _unpadded(part: str) -> str:
    """陆 明俞 悦 → 陆明 俞悦: two-character names padded to three and written side by side in one cell."""
    tokens = part.split()
    names = [tokens[0] + tokens[1][0]]
    for k in range(1, len(tokens) - 1):
        names.append(tokens[k][1] + (tokens[k + 1][0] if k + 1 < len(tokens) - 1 else tokens[k + 1]))
    return " ".join(names)


def assigned_leaders(text: str) -> list[str]:
    """由副县长王立新负责 / 由分管副市长李  东牵头 / 由于某某同志负责 → [王立新] / [李东] / [于某某]: the officials
    `text` assigns (ASSIGNED_LEADER, COMRADE_IN_CHARGE)."""
    out: list[str] = []
    found = [a.group("name") for a in P.ASSIGNED_LEADER.finditer(text)]
    found += [a.group("name") for a in P.COMRADE_IN_CHARGE.finditer(text)]
    for name in found:
        out += [x for x in leaders_in(re.sub(r"\s+", "", name)) if x not in out and _has_surname(x)]
    return out


def section_leader(text: str) -> list[str]:
    """一、尹某某市长牵头的重点工作 / 二、区长张  某牵头… → the official over the section."""
    m = P.SECTION_LEADER.match(text)
    if m is None:
        return []
    return leaders_in(re.sub(r"\s+", "", m.group("a") or m.group("b")))


def labelled_duties(text: str, org_suffixes: list[str]) -> list[tuple[str, list[str]]]:
    """Duties written as labels in running text, one space between fields:

      牵头领导:林某 责任单位:市交通委 项目责任人:劳某,各区区长 配合单位:市应急局、市市场监管局,各区政府 东区 西区 …
      → [(leader, [林某]), (lead, [市交通委]), (leader, [劳某]), (partner, [市公安局, 市城管局])]

    A unit value runs over whitespace-separated chunks while each is a list of organisations (what follows,
    a flattened table's headers or a sentence, ends it); generic collectives (各区政府) are left out."""
    out: list[tuple[str, list[str]]] = []
    for m in _duty_fields(text):
        value = m.group("value").strip()
        if not value:
            continue
        if m.group("leader"):
            names = leaders_in(value)
        else:
            names = _org_chunks(value, org_suffixes)
        if names:
            out.append(("leader" if m.group("leader") else "partner" if m.group("partner") else "lead", names))
    return out


def field_units(value: str, org_suffixes: list[str]) -> list[str]:
    """The units of a field's value: over whitespace only while each chunk is a list of organisations
    (配合单位：市财政局；各县政府 东县 西县 合计 …: a flattened table after the field ends it)."""
    return _org_chunks(value, org_suffixes) if len(value.split()) > 1 else units_in(value, org_suffixes)


def _org_chunks(value: str, org_suffixes: list[str]) -> list[str]:
    names: list[str] = []
    for chunk in value.split():
        parts = [_without_task(_untrailed(simplify(x).strip("。.；;")), org_suffixes)
                 for x in _split_outside_brackets(chunk)]
        parts = [x for x in parts if x]
        if not parts or not all(_labelled_org(x, org_suffixes) or P.GENERIC_UNIT.search(x) or P.NOT_A_UNIT.search(x)
                                for x in parts):
            break
        names += [x for x in parts if _labelled_org(x, org_suffixes) and not P.GENERIC_UNIT.search(x)
                  and not P.NOT_A_UNIT.search(x) and x not in names]
    return names


def _labelled_org(name: str, org_suffixes: list[str]) -> bool:
    """农办 / 市交通委 / 市财政(地税)局: after a unit's label a two-character office counts too."""
    bare = _BRACKETED.sub("", name)
    return 2 <= len(name) <= 20 and bare.endswith(_endings(org_suffixes)[0]) and not P.NOT_UNIT.search(name)


def continued_leaders(text: str) -> list[str]:
    """马某某 市委常委、市政府常务副市长 on the line after a leader's field: one more leader."""
    m = P.NAME_THEN_POST.match(text)
    return leaders_in(re.sub(r"\s+", "", m.group("name"))) if m else []


_UNITS_READ = document_table()      # cell → (the suffixes it was read with, its units): a document's cells recur


def units_in(cell: str, org_suffixes: list[str]) -> list[str]:
    """Organisation names in a cell; a line that ends in no organisation suffix continues.  Read once a document
    (a unit cell is carried down a table's rows and read again for each; the caller gets a list of its own)."""
    cell = cell or ""
    held = _UNITS_READ.get(cell)
    if held is None or held[0] is not org_suffixes:
        if len(_UNITS_READ) >= LIMIT:
            _UNITS_READ.clear()         # a huge document: start afresh, as the per_document tables do
        held = _UNITS_READ[cell] = (org_suffixes, tuple(_read_units(cell, org_suffixes)))
    return list(held[1])


def _read_units(cell: str, org_suffixes: list[str]) -> list[str]:
    lines = [ln.strip() for ln in (cell or "").split("\n") if ln.strip()]
    joined: list[str] = []
    for ln in lines:
        if joined and (ln.startswith(("（", "(")) or not _ends_as_org(joined[-1], org_suffixes)):
            joined[-1] += ln
        else:
            joined.append(ln)
    out: list[str] = []
    parts = [x for chunk in joined for x in _split_outside_brackets(chunk)]
    stated = [bool(P.STATEMENT_PART.search(P.BRACKETED.sub("", simplify(x)))) for x in parts]
    for part, statement in zip(parts, stated):
        if any(stated) and (statement or not _ends_as_org(_untrailed(simplify(part).strip().rstrip("。.；;")), org_suffixes)):
            continue        # 已进场施工，完成30%。 in the unit column of a shifted row: progress, no unit
        part = P.ROLE_LABEL.sub("", part)      # 牵头：区建设局；配合：区财政局 -> the names
        words = P.SPACES.split(part.strip())
        for name in words:
            name = _untrailed(simplify(name).strip("。.；;"))
            name = _without_task(name, org_suffixes)
            if len(words) > 1 and _head_of(name, words, org_suffixes):
                continue        # 市民政局 伍某某 (牵头单位及主要负责人): the unit's head is no unit
            if len(name) >= 2 and not P.GENERIC_UNIT.search(name) and not P.NOT_A_UNIT.search(name) \
                    and name not in out:
                out.append(name)
    return out


def _head_of(name: str, words: list[str], org_suffixes: list[str]) -> bool:
    """伍某某 beside 市民政局 in one cell: a person's name written after the organisation they head."""
    return bool(P.PERSON_NAME.match(name)) and not _ends_as_org(name, org_suffixes) \
        and any(w != name and _ends_as_org(w, org_suffixes) for w in words)


# the last characters of TRAILING's words: a name ending with none of them (before a final line break, where its $
# also matches) has nothing to drop, and the pattern, anchored at the end, would be tried at every character
TRAILING_ENDS = "等位门）)头责合助"


def _untrailed(name: str) -> str:
    """``P.TRAILING.sub("", name)``: 区住建局等单位 / 区财政局（配合） / 区民政局牵头 -> the organisation alone."""
    if name[-1:] in TRAILING_ENDS or (name.endswith("\n") and name[-2:-1] in TRAILING_ENDS):
        return P.TRAILING.sub("", name)
    return name


def _without_task(name: str, org_suffixes: list[str]) -> str:
    """市水务局（农村饮水安全） -> 市水务局: the task a unit leads, named in brackets after it, is not part of
    its name; a short qualifier (市林水局（水利）) or another organisation (…（市林业局）) stays."""
    if not name.endswith(("）", ")")):
        return name         # ORG_WITH_TASK is asked to match the whole name, which ends with a bracket
    m = P.ORG_WITH_TASK.fullmatch(name)
    if m and _ends_as_org(m.group("org"), org_suffixes) and not _ends_as_org(m.group("task"), org_suffixes):
        return m.group("org")
    return name


# the characters of P.SPLIT's class: one of them is what SPLIT matches in a single character (tested by membership, not
# a regex call a character)
SPLIT_MARKS = "、，,；;/\n"
_SPLIT_MARK = re.compile("[" + re.escape(SPLIT_MARKS) + "]")


def _split_outside_brackets(text: str) -> list[str]:
    """区发改局、区财政局 → two names; 各乡（镇、街道） stays one (a 、 inside brackets separates nothing)."""
    if _SPLIT_MARK.search(text) is None:
        return [text] if text else []      # most cells name one unit: no character to walk through
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch in "（(") - (ch in "）)")
        if depth <= 0 and ch in SPLIT_MARKS:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return [x for x in parts if x]


_ENDINGS: list = []        # [the suffix list, its tuple, the tuple with the closing brackets]: one gazetteer's


def _endings(org_suffixes: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The organisation suffixes as a tuple for str.endswith, and with the closing brackets, made once for the
    gazetteer's list (each test of a name built them again: ~1,700 a round of the real texts)."""
    if not _ENDINGS or _ENDINGS[0] is not org_suffixes or len(_ENDINGS[1]) != len(org_suffixes):
        _ENDINGS[:] = [org_suffixes, tuple(org_suffixes), (*org_suffixes, "）", ")")]
    return _ENDINGS[1], _ENDINGS[2]


def _ends_as_org(text: str, org_suffixes: list[str]) -> bool:
    text = P.BRACKET_AT_END.sub("", text.strip())
    return text.endswith(_endings(org_suffixes)[1])


PARTNER_ROLES = ("配合", "协办", "协助", "参与")


def is_org(name: str, org_suffixes: list[str]) -> bool:
    """区住建局, 鱼嘴镇, 夷陵供电公司: a short name ending in an organisation's suffix."""
    return 3 <= len(name) <= 20 and name.endswith(_endings(org_suffixes)[0]) and not P.NOT_UNIT.search(name) \
        and not P.NOT_A_UNIT.search(name)


# how far before its role word a UNIT_ROLE match can start: its names (at most 80 characters) and 按职责分工
UNIT_ROLE_REACH = 85
# ROLE_WORD's words, each of two characters
ROLE_WORDS = ("牵头", "配合", "协办", "协助", "参与", "负责")


def role_units(text: str, org_suffixes: list[str]) -> list[tuple[str, list[str], tuple[int, int]]]:
    """Units named with their role in running prose, as (lead|partner, names, span):

    由县住建局牵头，罗阳街道办事处负责 → [(lead, [县住建局]), (partner, [罗阳街道办事处])];
    城区棚户区改造由区住建局、区国土资源局协办 → [(partner, [区住建局, 区国土资源局])].
    A clause whose every name is an organisation counts; 主要原因是县住建局配合不力 does not.
    A 负责 list after a 牵头 one in the same sentence is a partner (由区农业农村委牵头，鱼嘴镇…负责实施)."""
    out: list[tuple[str, list[str], tuple[int, int]]] = []
    first = P.ROLE_WORD.search(text)
    if not first:
        return out
    led_at = -1
    # a match ends in a role word after at most 80 characters of names and 5 of 按职责分工: none starts further before
    # the first role word, and the engine need not try UNIT_ROLE (a lazy run at every character) before that
    # and none ends more than 4 characters (组织实施) after the last role word (each of two characters)
    last = max(text.rfind("牵头"), text.rfind("配合"), text.rfind("协办"), text.rfind("协助"), text.rfind("参与"),
               text.rfind("负责"))      # ROLE_WORDS, without a generator's frame a word
    for m in P.UNIT_ROLE.finditer(text, max(0, first.start() - UNIT_ROLE_REACH), last + 2 + 4):
        chunk = m.group("units")
        start = m.start("units")
        if "由" in chunk:
            start += chunk.rfind("由") + 1
            chunk = chunk[chunk.rfind("由") + 1:]
        names = [simplify(x) for x in P.SPLIT.split(chunk) if x]
        if not names or not all(is_org(x, org_suffixes) for x in names):
            continue
        role = m.group("role")
        boundary = max(text.rfind("。", 0, start), text.rfind("；", 0, start), text.rfind(";", 0, start))
        if role == "牵头" or (role == "负责" and led_at <= boundary):
            kind = "lead"
            led_at = start if role == "牵头" else led_at
        else:
            kind = "partner" if role in PARTNER_ROLES or led_at > boundary else "lead"
        span = (start - (1 if text[start - 1:start] == "由" else 0), m.end())
        out.append((kind, names, span))
    return out


def bracket_units(inner: str, org_suffixes: list[str]) -> tuple[list[str], list[str]] | None:
    """The units in an item title's brackets: 县住建局，配合：罗阳街道办事处 → ([县住建局], [罗阳街道办事处]).
    None when a part names something other than an organisation (城镇新增就业（含失业人员再就业）)."""
    lead: list[str] = []
    partner: list[str] = []
    for part in P.CLAUSE_SPLIT.split(inner):
        label = P.ROLE_LABEL.match(part)
        role = label.group("role") if label else None
        after = P.ROLE_AFTER.search(part.strip())
        if after and not label:      # （县热力公司负责，县住建局配合）
            role = after.group(0)[:2]
        names = units_in(part[label.end():] if label else part, org_suffixes)
        names = [_untrailed(n) for n in names]
        if not names or not all(is_org(n, org_suffixes) for n in names):
            return None
        (partner if role in PARTNER_ROLES else lead).extend(n for n in names if n not in lead + partner)
    return lead, partner


def prose_duties(text: str, previous: str, org_suffixes: list[str], used: bool = False) -> list[tuple[str, list[str]]]:
    """The leaders and units a line of running text names, as (leader|lead|partner, names): labelled fields
    (牵头领导:X 责任单位:Y), a leader's name on the line after a leader's field, the official over a section
    (一、X市长牵头…), an official assigned (由副县长X负责, 由X同志负责) and units a sentence declares
    (A、B都是配合单位).  A line a project was read from (`used`) counts only when it runs several items'
    fields together (a label twice: 1.… 牵头领导:X … 2.… 牵头领导:Y …), which no item reader splits."""
    colon = ":" in text or "：" in text
    # (a run-together header holds 领导, as RUN_HEADER reads it: most lines and the lines before them hold none)
    run = run_together_duties(text, org_suffixes, previous or "") if "领导" in text or "领导" in (previous or "") else []
    if used and not (colon and _repeated_label(text)):
        return run
    out = run + (labelled_duties(text, org_suffixes) if colon else [])
    before = _duty_fields(previous) if previous and (":" in previous or "：" in previous) else ()
    if before and before[-1].group("leader"):
        out.append(("leader", continued_leaders(text)))
    if "由" in text or "长" in text:
        out.append(("leader", section_leader(text) + assigned_leaders(text)))
    for m in P.DECLARED_UNITS.finditer(text) if "单位" in text else ():
        names = [y for x in _split_outside_brackets(m.group("units")) for y in _and_split(x, org_suffixes)]
        names = [simplify(x) for x in names if _labelled_org(x, org_suffixes) and not P.GENERIC_UNIT.search(x)]
        if names:
            out.append(("partner" if m.group("role") in PARTNER_ROLES + ("协办",) else "lead", names))
    return [(role, names) for role, names in out if names]


GAZETTEER = Path(__file__).resolve().parents[1] / "gazetteer"


@cache
def _lexicon(name: str) -> tuple[str, ...]:
    """The rows of gazetteer/`name` (departments.tsv: 教育局, 人社局 …; surnames.tsv: 何, 欧阳 …), longest first."""
    rows = [ln.strip() for ln in (GAZETTEER / name).read_text(encoding="utf-8").splitlines()]
    return tuple(sorted((x for x in rows if x and not x.startswith("#")), key=len, reverse=True))


def _has_surname(name: str) -> bool:
    """何某某 / 欧阳某: a name that starts with a surname (同时, 目前 do not)."""
    return any(name.startswith(x) and len(name) > len(x) for x in _lexicon("surnames.tsv"))


@cache
def _run_patterns(org_suffixes: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The row start (。何某某教育局), one more unit (晋陵公司, 经开区, 高新园（某某镇）) and a clean end of the run."""
    dept = "(?:" + "|".join(map(re.escape, _lexicon("departments.tsv"))) + ")"
    suffix = "(?:" + "|".join(map(re.escape, org_suffixes)) + "|区)"
    row = re.compile(rf"[。；;](?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<lead>[市县区]?{dept})")
    unit = re.compile(rf"(?:各|相关|有关)(?:乡镇|街道|镇|乡|部门|单位|区|县|村)(?:[（(][^（）()\n]{{1,8}}[）)])?|[市县区]?{dept}"
                      rf"|[\u4e00-\u9fff]{{1,5}}?{suffix}(?:[（(][^（）()\n]{{1,8}}[）)])?|[\u4e00-\u9fff]{{2,6}}[（(][^（）()\n]{{1,8}}[）)]")
    end = re.compile(r"\s*(?:$|\d|序号|[\u4e00-\u9fff]{0,6}[（(][^（）()]*$)")
    return row, unit, end


def run_together_duties(text: str, org_suffixes: list[str], previous: str = "") -> list[tuple[str, list[str]]]:
    """A flattened table whose cells run together with no separator (a .docx copied off a sharing site):

      …分管领导牵头单位配合单位1新建幼儿园…新增学位900个。何某某教育局经开区某某镇各街道2…
      → [(leader, [何某某]), (lead, [教育局]), (partner, [经开区, 某某镇])]

    After a content cell's closing 。 come the leader's name, a known department (gazetteer/departments.tsv,
    which tells where the name ends) and more units, up to the next row's number, the next sentence
    (推进…, 提升…), a repeated header or the line's end; read only on a line that has, or follows one that has,
    the header run together (…分管领导牵头单位…).  A unit cut by the page's end (城西园区(柳林 …) is left out."""
    out: list[tuple[str, list[str]]] = []
    if not (P.RUN_HEADER.search(text) or P.RUN_HEADER.search(previous)):
        return out
    row, unit, end = _run_patterns(tuple(org_suffixes))
    for m in row.finditer(text):
        if leaders_in(m.group("name")) != [m.group("name")] or not _has_surname(m.group("name")):
            continue          # 。同时教育局… / 。全县交通局…: a sentence, no leader
        units, pos = [m.group("lead")], m.end()
        while not P.CONTENT_START.match(text, pos) and (u := unit.match(text, pos)):
            units.append(u.group(0))
            pos = u.end()
        if not (end.match(text, pos) or P.CONTENT_START.match(text, pos)):
            continue
        if len(units) > 1 and re.match(r"[（(][^（）()]*$", text[pos:]):
            units.pop()       # 城西园区(柳林 at the line's end: the unit's name is cut
        names = [simplify(x) for x in units if not P.GENERIC_UNIT.search(x) and not P.NOT_A_UNIT.search(x)]
        out += [("leader", [m.group("name")]), ("lead", names[:1])] + ([("partner", names[1:])] if names[1:] else [])
    return out


def _repeated_label(text: str) -> bool:
    labels = [m.group("label") for m in _duty_fields(text)]
    return len(labels) > len(set(labels))


def _and_split(name: str, org_suffixes: list[str]) -> list[str]:
    """各县政府和某某开发区 → [各县政府, 某某开发区] (two organisations joined by 和); 市住房和城乡建设局 stays one."""
    for m in re.finditer(r"和|及|与", name):
        a, b = name[:m.start()], name[m.end():]
        if _ends_as_org(a, org_suffixes) and _labelled_org(b, org_suffixes):
            return [a, b]
    return [name]
