"""Grids: tables flattened into a paragraph (a web page's table copied as text, its cells one space apart),
and tables whose regions are their columns (指标 | 东城区 | 西城区 | 合计 over rows of figures).

  …新开公交线路11条。… 东城 西城、南城 北区 合计 新开线路年度任务 3 6 2 11 已完成 2 4 1 7 …

A row of k names, then labels each followed by k figures, is a table.  Its two orientations:

- the names are regions (the last may be 合计) and each label a role (新开线路年度任务, 已完成: a
  label that is only a role, 已完成, measures what the label above it measured);
- the names are roles (年度任务 完成数 完成率) and each label a region.

Either way the grid is rebuilt as a summary table with a row per region and read by the summary
sheets' reader (sheets.projects_from_sheet), so each region's target and figure done are its own
project and the checks add the regions up against the total.  A grid states no unit: a figure
stated before it in the paragraph whose value is the grid's total (新开公交线路11条 above, 11 under 合计)
gives the unit and the project's name; failing that, the label's own unit (线路年度任务（条）).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from . import patterns as P
from .normalize import simplify, squash
from .numbers import find_quantities
from .records import Project
from .sheets import ROLE, is_place, is_total, projects_from_sheet

# a piece of the text: a figure (a cell), an empty cell's dash, or a run of other characters
PIECE = re.compile(r"(?P<num>\d+(?:\.\d+)?%?)|(?P<word>[^\s\d]+)")
EMPTY_CELL = re.compile(r"[—\-－/／]{1,2}")
# a name of the header row: a region (东城, 西城、南城, 城关镇) or a role (年度任务, 完成率（%）)
HEADER_NAME = re.compile(r"[\u4e00-\u9fff、·（）()%％]{1,14}")
# 4.新投放… / 5、… : the figure is an item's number, not a cell
ITEM_MARK = re.compile(r"[.．、]")
# the corner cell before a row of roles, no part of what the grid counts: 地区 年度任务 完成数
CORNER = re.compile(r"\s(?:地区|区域|单位|县(?:（市、区）|市区)?|县区|乡镇(?:（街道）)?)\s*$")
# the words that introduce a grid of regions by rows, back to the clause's start: 各区新增城镇就业情况：
LEAD_IN = re.compile(r"(?:各(?:区|县|市|地|乡镇))?(?P<words>[\u4e00-\u9fff]*?)(?:(?:完成|进展)?情况)?[：:]?\s*$")
GRID_HINT = re.compile(r"\d%? +\d")
CELL_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")
# the words a stated figure counts, back to its clause's start and past an item's number: 3.新开公交线路|11条
NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]*$")


@dataclass
class _Piece:
    kind: str          # num | word
    text: str
    start: int
    end: int
    spaced: bool       # whitespace before it


@dataclass
class _Sheet:
    """The grid rebuilt as the summary reader's table: rows of cell texts, no merged cells, one line for all."""
    grid: list[list[str]]
    line: int | None
    index: int | None = None
    page: int | None = None

    def __post_init__(self) -> None:
        self.n_rows = len(self.grid)
        self.row_lines = [self.line] * self.n_rows

    def rows(self) -> list[list[str]]:
        return [row[:] for row in self.grid]

    filled = rows


@dataclass
class _Grid:
    header: list[str]
    rows: list[tuple[str, list[str]]]      # a label and its k cells ('' for a dash)
    start: int                             # where the header begins in the text


def projects_from_grids(paragraphs, tables: list[tuple[_Grid, int | None]], lines: list[str], gaz, places: set[str],
                        kind: str, read: list[Project]) -> list[Project]:
    """The grids' projects: those flattened into the paragraphs, and the tables whose regions are columns
    (`tables`: their grids (regions_across) and first lines; `lines`, the text's normalised lines, hold the
    words above them).  A figure stated before a grid and already read (`read`, the projects so far, emptied in place of
    what the grids take) is its total: it leaves the project that held it, which gives the total its
    leaders and units and goes when no figure is left in it."""
    found: list[tuple[_Grid, str, int | None, range]] = []      # a grid, the text before it, its line, the lines above
    for ln, nt in paragraphs:
        if GRID_HINT.search(nt.text):
            found += [(grid, nt.text[:grid.start], ln, range(ln, ln + 1)) for grid in grids_in(nt.text)]
    for grid, ln in tables:
        if ln is not None:
            found.append((grid, "".join(lines[max(0, ln - 4):ln - 1]), ln, range(ln - 3, ln)))
    out: list[Project] = []
    emptied: list[Project] = []
    for grid, before, ln, above in found:
        projects = _read(grid, before, ln, gaz, places, kind)
        for total in (p for p in projects if p.region is None and p.targets):
            emptied += _take_stated(total, [p for p in read if p.evidence.line in above])
        out += projects
    read[:] = [p for p in read if not any(p is q for q in emptied)]
    return out


def regions_across(table, gaz, places: set[str]) -> _Grid | None:
    """指标 | 东城区 | 西城区 | 合计 over rows of figures: the grid of a table whose regions are its columns, else
    None (the header is asked first: most tables' is no row of regions)."""
    rows = table.rows()
    if len(rows) < 2 or len(rows[0]) < 3:
        return None
    header = [squash(simplify(c)) for c in rows[0][1:]]
    return grid_of_table(table) if _regions(header[:-1] if is_total(header[-1]) else header, gaz, places) else None


def grid_of_table(table) -> _Grid | None:
    """A table read as a grid: its first row the header, its first column the labels, every other cell a
    figure or empty (None when a cell holds words)."""
    rows = [[squash(simplify(c)) for c in row] for row in table.rows()]
    if len(rows) < 2 or min(map(len, rows)) < 3:
        return None
    body = [(row[0], ["" if EMPTY_CELL.fullmatch(c) else c for c in row[1:]]) for row in rows[1:] if row[0]]
    if not body or not all(c == "" or CELL_FIGURE.fullmatch(c) for _, cells in body for c in cells):
        return None
    return _Grid(rows[0][1:], body, 0)


def _take_stated(total: Project, same_line: list[Project]) -> list[Project]:
    """The total's figure out of the project of its line that stated it: [that project] when it is left empty."""
    t = total.targets[0]
    for p in same_line:
        stated = next((x for x in p.targets if (x.value, x.unit) == (t.value, t.unit)), None)
        if stated is None:
            continue
        p.targets.remove(stated)
        total.add_leaders(p.leaders)
        total.add_units("lead", p.lead_units)
        total.add_units("partner", p.partner_units)
        return [] if p.targets or p.progress else [p]
    return []


def grids_in(text: str) -> list[_Grid]:
    """Every run of labels each followed by the same number k ≥ 2 of cells, under a header of k names."""
    pieces = _pieces(text)
    out: list[_Grid] = []
    i = 0
    while i < len(pieces):
        rows, j = _rows_from(pieces, i)
        if not rows:
            i += 1
            continue
        k = len(rows[0][1])
        header = pieces[i - k:i] if i >= k else []
        if len(header) == k and all(p.kind == "word" and p.spaced and HEADER_NAME.fullmatch(p.text) for p in header[1:]) \
                and HEADER_NAME.fullmatch(header[0].text) and pieces[i].spaced:
            out.append(_Grid([p.text for p in header], rows, header[0].start))
        i = j
    return out


def _pieces(text: str) -> list[_Piece]:
    out: list[_Piece] = []
    last = 0
    for m in PIECE.finditer(text):
        kind = "num" if m.group("num") else "word"
        out.append(_Piece(kind, m.group(0), m.start(), m.end(), m.start() > last and text[last:m.start()].isspace()))
        last = m.end()
    for a, b in pairwise(out):       # 4.新投放: an item's number ends the row before it
        if a.kind == "num" and not b.spaced and ITEM_MARK.match(b.text):
            a.kind = "word"
    for p in out:
        if p.kind == "word" and p.spaced and EMPTY_CELL.fullmatch(p.text):
            p.kind = "num"
    return out


def _rows_from(pieces: list[_Piece], i: int) -> tuple[list[tuple[str, list[str]]], int]:
    """The rows that begin with the label at i: a label, then cells one space apart, as many as the first row has."""
    rows: list[tuple[str, list[str]]] = []
    k = None
    while i < len(pieces) and pieces[i].kind == "word":
        cells: list[str] = []
        j = i + 1
        while j < len(pieces) and pieces[j].kind == "num" and (pieces[j].spaced or not cells):
            cells.append("" if EMPTY_CELL.fullmatch(pieces[j].text) else pieces[j].text)
            j += 1
        if len(cells) < 2 or (k is not None and len(cells) != k):
            break
        k = len(cells)
        rows.append((pieces[i].text, cells))
        i = j
    return rows, i


def _read(grid: _Grid, before: str, ln: int | None, gaz, places: set[str], kind: str) -> list[Project]:
    """`before`: the text before the grid, where its measure's figure is stated."""
    header, labels = grid.header, [label for label, _ in grid.rows]
    if _regions(header[:-1] if is_total(header[-1]) else header, gaz, places) \
            and (kind == "plan" or any(_role(x) for x in labels)):
        regions = header
        columns = _measures(labels, before, gaz.units, [cells for _, cells in grid.rows], kind,
                            is_total(header[-1]))
        if not columns:
            return []
        table = [["地区", *(label for label, _ in columns)]]
        for c, region in enumerate(regions):
            table.append([region, *(grid.rows[r][1][c] for _, r in columns)])
        title = P.COLUMN_ROLE_WORD.split(P.UNIT_IN.sub("", columns[0][0]))[0]      # the name when it is the only one
    elif len(grid.rows) >= 2 and _regions(labels, gaz, places) and all(map(_role, header)):
        regions = labels
        table = [["地区", *header], *([label, *cells] for label, cells in grid.rows)]
        lead_in = LEAD_IN.search(CORNER.sub("", before))      # 各区新增城镇就业情况：地区 年度任务…
        title = lead_in.group("words") if lead_in else None
    else:
        return []
    sheet = _Sheet(table, ln)
    known = places | {r for r in regions if not is_total(r)}
    projects = projects_from_sheet(sheet, title, gaz, known) or []
    for p in projects:        # a line of the text, not a table of the document
        p.table = p.row = None
        p.evidence = replace(p.evidence, table=None, row=None, text=p.evidence.text.replace("\t", " "))
        if p.sheet_group:
            p.sheet_group = f"grid{ln}:{p.sheet_group}"
    return projects


def _regions(names: list[str], gaz, places: set[str]) -> bool:
    """Most of the names are regions (sheets.is_place)."""
    return len(names) >= 2 and 2 * sum(is_place(n, gaz, places) for n in names) >= len(names) + (len(names) > 2)


def _role(label: str) -> str | None:
    word = P.COLUMN_ROLE_WORD.search(P.UNIT_IN.sub("", label))
    return next((name for name, pat in ROLE if pat.search(word.group(0))), None) if word else None


def _measures(labels: list[str], before: str, units, rows: list[list[str]], kind: str,
              totalled: bool) -> list[tuple[str, int]]:
    """Each row's column label for the summary reader: its measure, unit and role word (新开线路（条）年度任务),
    a bare role taking the measure of the row above; rows with no role are left out, but in a plan a row
    that is only a measure states its targets."""
    stated = [q for q in find_quantities(before, units) if q.unit]
    out: list[tuple[str, int]] = []
    measure = ""
    named: dict[str, tuple[str, str | None]] = {}       # a measure → its name and unit
    for r, label in enumerate(labels):
        bare = P.UNIT_IN.sub("", label)
        word = P.COLUMN_ROLE_WORD.search(bare)
        if word is None and kind == "plan":
            measure, role_word = bare, ""        # a plan's 分解表 column: the measure and its unit alone
        elif word is None:
            continue
        else:
            measure = bare[:word.start()] or measure
            role_word = bare[word.start():]
        if not measure:       # 年度目标（条） under 指标: what it counts is the figure stated above that it totals
            measure = _stated("", rows[r], stated, before, totalled)[0]
            if not measure:
                continue
        if measure not in named:
            written = P.UNIT_IN.search(label)
            name, unit = _stated(measure, rows[r], stated, before, totalled)
            named[measure] = (name, written.group("u") if written else unit)
        name, unit = named[measure]
        out.append((f"{name}（{unit}）{role_word}" if unit else f"{name}{role_word}", r))
    return out


def _stated(measure: str, cells: list[str], stated, before: str, totalled: bool) -> tuple[str, str | None]:
    """The name and unit of the figure stated before the grid whose value is the row's total (its 合计
    cell, or the sum of its cells), the stated name kept when it says more than the label."""
    values = [float(c) for c in cells if c and not c.endswith("%")]
    if not values or len(values) < len(cells):
        return measure, None
    total = values[-1] if totalled else sum(values)
    for q in reversed(stated):
        if q.value == total:
            name = _words_before(before, q.start)
            return (name if len(name) >= len(measure) else measure), q.unit
    return measure, None


def _words_before(text: str, end: int) -> str:
    m = NAME_BEFORE.search(text, 0, end)
    return m.group(0) if m else ""

