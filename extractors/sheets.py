"""Summary tables: a row per county (and a 全市/全州 total row), columns of 年度任务 / 完成数 /
完成率 — one group of them, or one group per project under a spanning header:

  县（市、区）  城镇新增就业（人）          城镇老旧小区改造（个）
                年度任务  完成数  完成率     年度任务  完成数  完成率
  全市          25000     22252   89.01%     76        62      81.58%
  赤坎区        3200      2913    91.03%     18        15      83.33%

A plan's 分解表 has one target column per project and no 完成 column (地区 | 城镇新增就业（万人） |
农村危房改造（户）); its cells are the regions' targets, scaled by the header's unit.

Each (group, row) becomes a project of its own: the county's target and progress, the total
row with region None.  The checks then test each row's rate and the counties against the total.
"""
from __future__ import annotations

import re

from . import patterns as P
from .memo import filled_rows
from .normalize import simplify, squash
from .numbers import find_quantities
from .people import units_in
from .records import Evidence, Progress, Project, Quantity, Target
from .tables import _only_units

# 进度 alone (目标任务 | 进度 | 完成比例(%)) is the figure reached; 完成进度 / 进度(%) a rate
ROLE = [("rate", re.compile(r"完成率|完成比例|%|进度(?!$)|^完成进度$")), ("completed", re.compile(r"完成|累计|实际|^进度$")),
        ("target", re.compile(r"任务|目标|计划"))]


def is_total(text: str) -> bool:
    t = squash(simplify(text))
    return bool(P.TOTAL.match(t))


def is_place(name: str, gaz, places: set[str]) -> bool:
    """东城 / 西城、南城 / 城关镇 / 某某街道: a division's name or short form, a place of the document, a name of a
    county's kind (REGION_CELL) or below it (PLACE_END) — for each of the names a 、 joins, any."""
    return any(part in places or part in gaz.names or P.REGION_CELL.fullmatch(part) or P.PLACE_END.search(part)
               for part in name.split("、") if part)


def is_region_cell(text: str, places: set[str]) -> bool:
    t = squash(simplify(text))
    return is_total(t) or t in places or bool(P.REGION_CELL.fullmatch(t))


def projects_from_sheet(table, title: str | None, gaz, places: set[str]) -> list[Project] | None:
    """Projects of a summary table, or None when the table is not one."""
    rows = table.rows()
    first = next((r for r in range(1, min(6, table.n_rows))
                  if any(is_region_cell(c, places) for c in rows[r][:2])), None)
    if first is None:
        return None
    rc = 0 if is_region_cell(rows[first][0], places) else 1
    data = [r for r in range(first, table.n_rows) if rc < len(rows[r]) and is_region_cell(rows[r][rc], places)]
    if not data:
        return None
    labels = _labels(table, rows, first)
    groups: dict[str, dict[str, int]] = {}
    for c, (top, bottom) in enumerate(labels):
        if c == rc:
            continue
        role = next((name for name, pat in ROLE if pat.search(bottom or top)), None)
        if role is None:
            continue
        group = top if bottom and top else ""
        groups.setdefault(group, {}).setdefault(role, c)
    groups = {g: cols for g, cols in groups.items() if "target" in cols and ("completed" in cols or "rate" in cols)}
    if list(groups) == [""]:
        groups = _prefix_groups(labels, rc) or groups
    if not groups and len(data) >= 3:
        groups = _target_columns(labels, rc)
    if not groups or len(data) < 3 and (len(groups) < 2 or "" in groups):
        return None        # fewer region rows (a table cut short): two indicators, each over its own columns
    fallback = _name_from_title(title)
    heads = [c for r in range(max(0, first - 2)) for c in rows[r] if c.strip()]
    units = [u for c in (simplify(x) for x in heads) if _only_units(squash(c), gaz) for u in units_in(c, gaz.org_suffixes)]
    seq_col = next((c for c, (top, bottom) in enumerate(labels) if (top or bottom) in ("序号", "编号")), None)
    out: list[Project] = []
    for k, (group, cols) in enumerate(groups.items()):
        name = P.UNIT_IN.sub("", group).strip() or fallback or "（汇总表）"
        unit = _unit(group) or _unit(labels[cols["target"]][1] or labels[cols["target"]][0])
        if unit is None and "rate" not in cols and re.search(r"[（(]\s*[%％]\s*[)）]$", group):
            unit = "%"         # 城镇登记失业率低于(%) | 目标任务 | 进度: a level in per cent, reached or not
        for r in data:
            row = rows[r]
            written = squash(simplify(row[rc]))
            region = None if is_total(written) else written
            ev = Evidence(text="\t".join(row).strip(), line=table.row_lines[r] if r < len(table.row_lines) else None,
                          page=table.page, table=table.index, row=r)
            target = _number(row, cols["target"])
            if target is None:
                continue       # '—': no task for this county
            t_unit = unit
            if set(cols) == {"target"} and unit:      # a 分解表 column: 14.5 under （万人） → 145000 人
                q = find_quantities(squash(row[cols["target"]]) + unit, gaz.units)
                if q:
                    target, t_unit = (q[0].value, q[0].half, q[0].raw), q[0].unit
            seq = squash(row[seq_col]) if seq_col is not None and k == 0 and seq_col < len(row) else None
            p = Project(name=name, evidence=ev, region=region, table=table.index, row=r, seq=seq or None)
            p.lead_units = list(units) if region is None else []     # 市人社局 above the indicators
            p.sheet_group = f"{table.index}:{group or name}" if unit != "%" else None   # levels do not add up
            p.targets.append(Target(text=f"{name}{row[cols['target']]}", value=target[0], unit=t_unit,
                                    raw=row[cols["target"]], half=target[1], family=_family(t_unit, gaz)))
            g = Progress(text=ev.text, region=region, line=ev.line)
            done = _number(row, cols.get("completed"))
            if done is not None:
                g.completed = Quantity(value=done[0], unit=unit, raw=row[cols["completed"]], half=done[1],
                                       family=_family(unit, gaz))
            rate = _number(row, cols.get("rate"), percent=True)
            if rate is not None:
                g.rate, g.rate_raw, g.measure = rate[0], rate[2], "完成率"
            if g.completed or g.rate is not None:
                p.progress.append(g)
            out.append(p)
    return out


def _prefix_groups(labels, rc) -> dict[str, dict[str, int]]:
    """One header row of full names (就业任务（人） 就业完成（人） 就业完成率（%） 危房改造任务（户） …): the
    project is the words before the role word.  Used only when that gives two groups or more."""
    groups: dict[str, dict[str, int]] = {}
    for c, (top, bottom) in enumerate(labels):
        if c == rc or bottom:
            continue
        word = P.COLUMN_ROLE_WORD.search(P.UNIT_IN.sub("", top))
        if word is None or word.start() == 0:
            continue
        role = next((name for name, pat in ROLE if pat.search(top[word.start():])), None)
        if role is not None:
            groups.setdefault(top[:word.start()], {}).setdefault(role, c)
    groups = {g: cols for g, cols in groups.items() if "target" in cols and ("completed" in cols or "rate" in cols)}
    return groups if len(groups) >= 2 else {}


def _target_columns(labels, rc) -> dict[str, dict[str, int]]:
    """A plan's 分解表 (地区 | 城镇新增就业（万人） | 农村危房改造（户） …): no column says 任务 or 完成, each names a
    project and its unit, and every region row's cell is that region's target."""
    groups: dict[str, dict[str, int]] = {}
    for c, (top, bottom) in enumerate(labels):
        label = bottom or top
        if c == rc or not label or label in ("序号", "编号"):
            continue
        if not _unit(label) or any(pat.search(P.UNIT_IN.sub("", label)) for _, pat in ROLE):
            return {}
        groups[label] = {"target": c}
    return groups


def _labels(table, rows, first) -> list[tuple[str, str]]:
    """(upper, lower) header label of each column; a spanning upper label fills rightwards."""
    heads = rows[:first]
    n = max(len(r) for r in rows)
    out = []
    upper_last = ""
    for c in range(n):
        cells = [squash(simplify(h[c])) if c < len(h) else "" for h in heads]
        if len(cells) >= 2:
            upper, lower = cells[-2], cells[-1]
            if upper:
                upper_last = upper
            elif lower:
                upper = upper_last
            out.append((upper, lower))
        else:
            out.append((cells[0] if cells else "", ""))
    filled = filled_rows(table)
    for c, (u, lo) in enumerate(out):      # real spans (docx, xls) give the upper label directly
        if not u and first >= 2 and c < len(filled[first - 2]):
            out[c] = (squash(simplify(filled[first - 2][c])), lo)
    return out


def _number(row, col, percent=False):
    if col is None or col >= len(row):
        return None
    text = squash(simplify(row[col])).replace(",", "")
    m = P.LEADING_NUMBER.match(text)
    if not m:
        return None
    raw = m.group(1)
    value = float(raw) * (10_000 if m.group(2) else 1)
    half = 0.5 * 10 ** -len(raw.split(".")[1]) * (10_000 if m.group(2) else 1) if "." in raw else 0.0
    return value, half, raw


def _unit(label: str | None) -> str | None:
    m = P.UNIT_IN.search(label or "")
    if not m:
        return None
    u = m.group("u")
    return None if u in ("%", "％") else u


def _family(unit, gaz):
    return gaz.units.get(unit or "", (None, None))[1]


def _name_from_title(title: str | None) -> str | None:
    if not title:
        return None
    name = P.TITLE_NOISE.sub("", simplify(title)).strip("，,。 ")
    return name or None
