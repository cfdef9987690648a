"""Tables written in plain text without tabs, found from a header that opens with 序号.

Two shapes, both read into the one Table model (cells keep their line numbers):

- one cell a line: every cell on a line of its own, the lines separated by blank lines or each
  ending in ` |` (an empty cell is a line holding only `|`).  Rows are cut where the running
  number goes on (24, 25, 26 … or 1, 2, 3 …); a numbered stretch longer than the header holds a
  row with a category cell and the rows without a number that continue it.  Barred rows that
  each close on an empty cell, their task cell holding the figure, have that cell spanning the
  target column beside it (主要任务 | 全年目标任务 merged);
- one row a line, the cells separated by single spaces (序号 考核指标 单位 工作目标 …): the first
  run of figures in a row falls under the header's figure columns, the words before it are the
  name (and the short cells between the name and the figures), the words after it the last
  columns.  A row without a number continues the item above.

Also a summary table one cell a line under 地区 (region_matrix_table).  A text that ends inside a
table (an excerpt cut short) is read as far as it goes: the cut row's cells from the left, its
last figure (maybe cut itself) left out; a pipe row that lost its closing bars (cut_pipe_row).

Readers know nothing of meaning: the words below only spot a header and a figure.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from ..model import Cell, Table

# 序号, 序 号, 序號(hào): the cell that opens a header row
SEQ_HEAD = re.compile(r"^(?:序\s*[号號]|编\s*号|序)$")
# 考核指标(biāo) -> 考核指标: a pinyin gloss spliced after a traditional character
GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+[)）]")
# words of a header cell (detection only; extractors give the columns their roles)
HEAD_WORD = re.compile(r"项目|項目|名称|名稱|指标|指標|目标|目標|任务|任務|完成|单位|單位|领导|領導|时限|時限|"
                       r"备\s*注|備\s*注|進展|进展|进度|進度|情况|情況|内容|內容|实事|實事|比|率|计划|計劃|说明")
# 1420 / 8,950 / 5.2: a number, with thousands separators or without
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# 1420, 8,950, 5.2, 1250人, 8000万, 127.4%, 不低于60元, 95%以上, -: a figure cell of a space-separated row
FIGURE = re.compile(r"^(?:不低[于於]|不少[于於]|不高[于於]|低[于於]|超[过過]|超|[约約]|近)?" + NUMBER + r"[万萬亿億千]?"
                    r"(?:[\u4e00-\u9fff/]{0,4}|%)(?:以上|以下|左右)?$|^[-—–/]$")
WIDE_GAP = re.compile(r"\s{2,}|\u3000+")
SEQ_CELL = re.compile(r"^\d{1,3}$")
CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_HEAD_CELL = 16      # characters: a header cell is a label, not a sentence
WRAPPED_TAIL = 8            # characters: the most of a row's last cell that a fold carries onto a line alone
BLANK_SEPARATED_LOOK = 80   # lines looked at to tell whether a table's cells stand between blank lines


def _clean(text: str) -> str:
    return GLOSS.sub("", text).strip()


def _cell_text(line: str) -> str:
    return _clean(line.rstrip().rstrip("|"))


# ---------------------------------------------------------------- one cell a line

def _blank_separated(lines: list[str], i: int) -> bool:
    """The cells from line i stand between blank lines (nearly every gap between two cell lines is one): a line
    that follows a cell's line with no blank line between is that cell's text wrapped, as a PDF's copy gives it."""
    gaps: list[bool] = []
    prev = None
    for k in range(i, min(len(lines), i + BLANK_SEPARATED_LOOK)):
        if lines[k].strip():
            if prev is not None:
                gaps.append(k - prev > 1)
            prev = k
    return len(gaps) >= 6 and sum(gaps) >= 0.6 * len(gaps)


def cell_lines_table(lines: list[str], i: int) -> tuple[int, Table] | None:
    """A table written one cell a line from line i (a 序号 cell); (next line, table) or None."""
    if not SEQ_HEAD.match(_cell_text(lines[i])) or "\t" in lines[i].strip():
        return None
    barred = lines[i].rstrip().endswith("|")
    joined = not barred and _blank_separated(lines, i)
    cells: list[tuple[str, int]] = []
    last = -1                   # the last line read into a cell
    j, n = i, len(lines)
    while j < n:
        line = lines[j]
        if barred:
            if not line.rstrip().endswith("|"):
                if not line.strip():
                    j += 1
                    continue
                break
            texts = line.rstrip().split("|")[:-1]
            if not texts:
                texts = [""]
            cells += [(_clean(t), j + 1) for t in texts[:1]] + [("", j + 1) for _ in texts[1:]]
        elif line.strip():
            if "\t" in line.strip() or line.count("|") >= 2:
                break
            if joined and cells and last == j - 1:
                cells[-1] = (cells[-1][0] + _clean(line), cells[-1][1])    # a cell's text wrapped onto this line
            else:
                cells.append((_clean(line), j + 1))
            last = j
        j += 1
    head_end = next((k for k, (t, _) in enumerate(cells) if k and SEQ_CELL.match(t)), None)
    if head_end is None or head_end < 3:
        return None
    header = cells[:head_end]
    if any(len(t) > MAX_HEAD_CELL for t, _ in header) or sum(1 for t, _ in header if HEAD_WORD.search(t)) < 2:
        return None
    segments, used = _numbered_segments(cells, head_end, head_end if not barred else None)
    if len(segments) < 2:
        return None
    spanned = _target_in_name(header, segments) if barred else None
    if spanned is not None:                 # the rows' closing empty cell is no column of the header
        spanned_rows: list[list[tuple[str, int] | None]] = [
            [*seg[:spanned + 1], None, *seg[spanned + 1:(-1 if len(seg) == len(header) else None)]]
            for seg in segments]
        return cells[used - 1][1], _table(header, spanned_rows, set(), len(header))
    width = _header_width(header, segments)
    if width < len(header):
        header = _merge_split_label(header)
    width = len(header)
    splits = [_split_segment(seg, width) for seg in segments]
    with_category = any(len(sp) > 1 and len(sp[0]) == width + 1 for sp in splits)
    rows: list[list[tuple[str, int]]] = []
    categories: set[int] = set()
    # the text ends inside the table's last row (an excerpt cut short): that row may have lost cells
    cut = not any(x.strip() for x in lines[j + 1:]) if barred else False
    for n_sp, sp in enumerate(splits):
        if len(sp) == 1 and len(sp[0]) > width and not (with_category and len(sp[0]) == width + 1):
            sp = [_fold_surplus(sp[0], width)]
        for k, row in enumerate(sp):
            if k == 0 and cut and with_category and n_sp == len(splits) - 1 and 3 <= len(row) <= width \
                    and CJK.search(row[1][0]) and CJK.search(row[2][0]) and _fits_better_without(row, 1, rows, width):
                row = row + [("", row[-1][1])] * (width + 1 - len(row))   # a category cell, the last cells cut off
            if k == 0 and len(row) == width + 1 and CJK.search(row[1][0]) and CJK.search(row[2][0]):
                categories.add(len(rows))      # a category cell beside the number: its own spanning row
                rows.append([row[1]])
                row = [row[0]] + row[2:]
            rows.append(row)
    end_line = cells[used - 1][1] if used else i + 1
    table = _table(header, rows, categories, len(header))
    return end_line, table


def _fits_better_without(row: list[tuple[str, int]], k: int, rows: list[list[tuple[str, int]]], width: int) -> bool:
    """Whether the row's cells, its cell k taken out, fit the full numbered rows above with fewer
    misfits than as written: a cell misfits a column of another kind (figure, words, empty), or of
    words when it is much longer than any the column holds (a task's name under 责任单位)."""
    full = [r for r in rows if len(r) == width and SEQ_CELL.match(r[0][0])]
    if not full:
        return False
    profile = [Counter(_kind(r[c][0]) for r in full).most_common(1)[0][0] for c in range(width)]
    longest = [max(len(r[c][0]) for r in full) for c in range(width)]

    def misfits(cells: list[str]) -> int:
        return sum(1 for c, t in enumerate(cells[:width]) if _kind(t) != profile[c]
                   or profile[c] == "text" and len(t) > longest[c] * 1.5 + 2)
    texts = [t for t, _ in row]
    return misfits(texts[:k] + texts[k + 1:]) < misfits(texts)


def _numbered_segments(cells: list[tuple[str, int]], start: int,
                       cut_last: int | None) -> tuple[list[list[tuple[str, int]]], int]:
    """Cut the cells after the header where the running number goes on (n, n+1, …); a number
    counts when a worded cell follows it.  Without bars to end the table, the last stretch is cut
    to the usual row length, at most `cut_last` (the header's cells): what follows is the page's text."""
    cuts = [start]
    seq = int(cells[start][0])
    k = start + 2
    while k < len(cells):
        if cells[k][0] == str(seq + 1) and k + 1 < len(cells) and CJK.search(cells[k + 1][0]):
            cuts.append(k)
            seq += 1
        k += 1
    segments = [cells[a:b] for a, b in pairwise(cuts)]
    usual = Counter(len(s) for s in segments).most_common(1)[0][0] if segments else len(cells)
    usual = min(usual, cut_last or usual)
    last = cells[cuts[-1]:]
    if cut_last and len(last) > usual and len(segments) >= 2:
        last = last[:usual]
    segments.append(last)
    return segments, cuts[-1] + len(last)


# 主要任务 | 全年目标任务: a name column and the target column beside it
NAME_LABEL = re.compile(r"任务|任務|项目|項目|實事|实事|内容|內容|名称|名稱")
TARGET_LABEL = re.compile(r"目标|目標|指标|指標")
DIGIT = re.compile(r"\d")


def _target_in_name(header: list[tuple[str, int]], segments: list[list[tuple[str, int]]]) -> int | None:
    """The name column whose cell spans the target column beside it (新建公园12个。 written once over
    主要任务 | 全年目标任务), in rows that each close on an empty cell: as long as the header, the last
    cell empty, the names holding figures and the cells under the target label none (a leader's name).
    The name column's index, or None."""
    width = len(header)
    full = [seg for seg in segments if len(seg) == width]
    if len(full) < 2 or any(len(seg) > width for seg in segments) or any(seg[-1][0] for seg in full):
        return None
    for k in range(1, width - 2):
        if NAME_LABEL.search(header[k][0]) and not TARGET_LABEL.search(header[k][0]) \
                and TARGET_LABEL.search(header[k + 1][0]):
            named = sum(1 for seg in full if DIGIT.search(seg[k][0]))
            beside = sum(1 for seg in full if DIGIT.search(seg[k + 1][0]))
            return k if named * 2 > len(full) and not beside else None
    return None


def _header_width(header: list[tuple[str, int]], segments: list[list[tuple[str, int]]]) -> int:
    """The header's cells, one fewer when every numbered row is one cell short of it and no
    row is as long (a label broken over two lines: 牵头 / 市领导)."""
    lengths = Counter(len(s) for s in segments)
    w = len(header)
    if lengths.most_common(1)[0][0] == w - 1 and max(lengths) < w:
        return w - 1
    return w


def _merge_split_label(header: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join the two neighbouring header cells most likely one label broken over two lines: a
    short piece (≤ 3 characters) with the shortest joined label."""
    best = None
    for k in range(1, len(header) - 1):
        a, b = header[k][0], header[k + 1][0]
        if len(a) <= 3 or len(b) <= 3:
            cand = (len(a) + len(b), k)
            if best is None or cand < best:
                best = cand
    if best is None:
        return header
    k = best[1]
    return header[:k] + [(header[k][0] + header[k + 1][0], header[k][1])] + header[k + 2:]


def _kind(text: str) -> str:
    if not text:
        return "empty"
    return "figure" if FIGURE.match(text.replace(" ", "")) else "text"


def _split_segment(seg: list[tuple[str, int]], width: int) -> list[list[tuple[str, int]]]:
    """A numbered stretch: one row, or a first row (with or without a category cell) followed by
    rows without a number, each one or two cells shorter than the header — the split whose rows
    agree best, cell by cell from the right, with the first row."""
    n = len(seg)
    if n <= width:
        return [seg]
    best = None
    for a in (width + 1, width):
        for b in (width - 1, width):
            if b < 2 or (n - a) % b or n < a:
                continue
            rows = [seg[:a]] + [seg[k:k + b] for k in range(a, n, b)]
            if len(rows) == 1 and a != width + 1:
                continue
            first = [_kind(t) for t, _ in rows[0]]
            score = sum(1 for r in rows[1:] for k, (t, _) in enumerate(reversed(r))
                        if k < len(first) and _kind(t) == first[-1 - k])
            score -= sum(1 for r in rows[1:] if not CJK.search(r[0][0]))    # a row opens on its name
            if best is None or score > best[0]:
                best = (score, rows)
    return best[1] if best else [seg]


def _fold_surplus(row: list[tuple[str, int]], width: int) -> list[tuple[str, int]]:
    """A numbered row longer than the header and no rows in it: the cells after the name and
    before the last columns are one cell written over several lines (县水务局 / 县住建局)."""
    keep_right = width - 3
    middle = row[2:len(row) - keep_right]
    joined = ("\n".join(t for t, _ in middle if t), middle[0][1])
    return row[:2] + [joined] + row[len(row) - keep_right:]


def _table(header: list[tuple[str, int]], rows: Sequence[Sequence[tuple[str, int] | None]],
           categories: set[int], width: int) -> Table:
    """Header and rows as a Table; a row shorter than the header is aligned to the right (its
    number and the cells before its name are not written). A None cell is spanned by the one before."""
    cells = [Cell(text=t, row=0, col=c, line=ln) for c, (t, ln) in enumerate(header)]
    row_lines: list[int | None] = [header[0][1]]
    for r, row in enumerate(rows, 1):
        first = row[0]
        assert first is not None, "a row's first cell (its number or category) is never spanned"
        if r - 1 in categories:
            cells.append(Cell(text=first[0], row=r, col=0, colspan=width, line=first[1]))
        else:
            shift = max(0, width - len(row)) if not SEQ_CELL.match(first[0]) else 0
            for c, cell in enumerate(row):
                if cell is None:            # the cell before spans this column
                    cells[-1].colspan = 2
                    continue
                cells.append(Cell(text=cell[0], row=r, col=shift + c, line=cell[1]))
        row_lines.append(first[1])
    n_cols = max([width] + [c.col + 1 for c in cells])
    return Table(cells=cells, n_rows=len(rows) + 1, n_cols=n_cols, header_rows=1, row_lines=row_lines)


# ---------------------------------------------------------------- a pipe row cut by the end of the text

def cut_pipe_row(lines: list[str], j: int) -> bool:
    """Whether line j is the last row of a pipe table cut short by the end of the text: a pipe row
    above it, a bar in it (its closing bars lost), and nothing but blank lines after it."""
    return 0 < j and lines[j - 1].count("|") >= 2 and "|" in lines[j] \
        and not any(x.strip() for x in lines[j + 1:])


# ---------------------------------------------------------------- one row a line, single spaces

def spaced_rows_table(lines: list[str], i: int) -> tuple[int, Table] | None:
    """Rows of cells separated by spaces under a one-line header that opens with 序号."""
    if i + 1 < len(lines) and all(len(WIDE_GAP.findall(x.strip())) >= 2 for x in lines[i:i + 2]):
        return None                     # columns aligned with runs of spaces: text.py's aligned rows
    head = _header_tokens(lines[i])
    if len(head) < 4 or not SEQ_HEAD.match(head[0]) or sum(1 for h in head if HEAD_WORD.search(h)) < 3:
        return None
    j, n = i + 1, len(lines)
    raw: list[tuple[list[str], int]] = []
    while j < n and lines[j].strip() and "\t" not in lines[j] and lines[j].count("|") < 2:
        toks = [_clean(t) for t in lines[j].split()]
        if raw and len(toks) == 1 and len(toks[0]) <= WRAPPED_TAIL and not DIGIT.search(toks[0]) \
                and raw[-1][0] and not DIGIT.search(raw[-1][0][-1]):
            raw[-1][0][-1] += toks[0]       # …80.0% 县交通 / 运输局: the row's last cell wrapped onto this line
        else:
            raw.append((toks, j + 1))
        j += 1
    if len(raw) < 2 or sum(1 for toks, _ in raw if SEQ_CELL.match(toks[0])) < 2:
        return None
    width = len(head)
    numbered = [toks for toks, _ in raw if SEQ_CELL.match(toks[0])]
    runs = [_figure_run(t) for t in numbered]
    starts = Counter(s for s, length in runs if length > 0)
    if not starts:
        return None
    f = starts.most_common(1)[0][0]
    run = max(length for s, length in runs if s == f)
    if f + run > width:
        return None
    ends = [t[s + length - 1] for t, (s, length) in zip(numbered, runs) if s == f and length == run]
    percent_col = f + run - 1 if sum(1 for x in ends if x.endswith("%")) * 2 > len(ends) else None
    cells = [Cell(text=t, row=0, col=c, line=i + 1) for c, t in enumerate(head)]
    row_lines: list[int | None] = [i + 1]
    for r, (toks, ln) in enumerate(raw, 1):
        row = _place(toks, width, f, run, percent_col)
        cells += [Cell(text=t, row=r, col=c, line=ln) for c, t in enumerate(row) if t]
        row_lines.append(ln)
    return j, Table(cells=cells, n_rows=len(raw) + 1, n_cols=width, header_rows=1, row_lines=row_lines)


def _header_tokens(line: str) -> list[str]:
    """序号 考核指标 单 位 工作目标 … 备  注: labels, a label padded (单 位) or broken (1- 8月) joined."""
    toks = [_clean(t) for t in line.split()]
    out: list[str] = []
    for t in toks:
        if out and (len(out[-1]) == 1 and len(t) == 1 or out[-1].endswith(("-", "—", "至"))):
            out[-1] += t
        else:
            out.append(t)
    return out


def _figure_run(toks: list[str]) -> tuple[int, int]:
    """(start, length) of the first run of figures after the row's name."""
    k = 1 if toks and SEQ_CELL.match(toks[0]) else 0
    k += 1                                  # the name
    while k < len(toks) and not FIGURE.match(toks[k]):
        k += 1
    m = k
    while m < len(toks) and FIGURE.match(toks[m]):
        m += 1
    return k, m - k


def _place(toks: list[str], width: int, f: int, run: int, percent_col: int | None) -> list[str]:
    """One row's words into the header's columns: number, name (and the short cells between it
    and the figures), figures under the figure columns (a percentage under the percentage
    column), the rest right-aligned into the columns after the figures."""
    row = [""] * width
    k = 0
    if toks and SEQ_CELL.match(toks[0]):
        row[0] = toks[0]
        k = 1
    start, length = _figure_run(toks)
    words = toks[k:start]
    between = list(range(k if k else 1, f))[1:]        # columns between the name and the figures
    short = [w for w in words[1:]]
    placed: list[str] = []
    for c in reversed(between):
        if short and len(short[-1]) <= 8 and not re.search(r"\d", short[-1]):
            row[c] = short.pop()
            placed.append(row[c])
    name_words = words[:len(words) - len(placed)]
    row[1 if k or f > 1 else 0] = " ".join(name_words)
    figures = toks[start:start + length]
    cols = list(range(f, f + run))
    if percent_col is not None and figures and figures[-1].endswith("%") and len(figures) < run:
        row[percent_col] = figures.pop()
        cols = cols[:-1]
    for c, t in zip(cols, figures):
        if t not in "-—–/":
            row[c] = t
    rest = toks[start + length:]
    free = [c for c in range(f + min(len(figures), run), width) if not row[c]]
    if rest and free:
        tail = free[-len(rest):] if len(rest) <= len(free) else free
        extra = len(rest) - len(tail)
        row[tail[0]] = " ".join(rest[:extra + 1])
        for c, t in zip(tail[1:], rest[extra + 1:]):
            row[c] = t
    return row


# ---------------------------------------------------------------- a region matrix, one cell a line

# 地区 / 县市区 / 县（市、区） / 县（市） / 区（县）: the label over the region column of a summary table
REGION_HEAD = re.compile(r"^(?:地[区區]|地方|[县縣]市[区區]|[区區][县縣]|[县縣][区區]|[县縣][（(]市(?:、?[区區])?[)）]|[区區][（(](?:市、?)?[县縣][)）])$")
# 城镇新增就业(人) / (人次): an indicator's label ends with its unit in brackets
UNIT_LABEL = re.compile(r"[（(][^（()）]{1,6}[)）]$")
# 目标 / 任务 / 进度 / 完成比例(%): the labels repeated under every indicator
SUB_LABEL = re.compile(r"^(?:目[标標]|任[务務]|目[标標]任[务務]|年度任[务務]|[计計][划劃]|[进進]度|完成|完成[数數]|累[计計]完成|[实實][际際]完成|完成比例|完成率|比例)"
                       r"(?:[（(]%[)）])?$")
# 市本级 / 县本级: a row with figures under some indicators only, written at the right
OWN_LEVEL = re.compile(r"本级$")
NUMBER_CELL = re.compile(r"^" + NUMBER + r"%?$")
MAX_MATRIX_CELL = 30


def region_matrix_table(lines: list[str], i: int) -> tuple[int, Table] | None:
    """A summary table written one cell a line: 地区, the indicators with their units, the labels
    repeated under each (目标 / 任务 / 进度 / 完成比例(%)), then a region and its figures a row.

    An indicator counted in % has no rate of its own (target and reached level only) when the full
    rows say so; a row with fewer figures (市本级 under the last indicator only) is aligned right."""
    if not REGION_HEAD.match(lines[i].strip()):
        return None
    cells: list[tuple[str, int]] = []
    j = i
    while j < len(lines):
        t = lines[j].strip()
        if t:
            if len(t) > MAX_MATRIX_CELL or "\t" in t or "|" in t or (cells and REGION_HEAD.match(t)):
                break
            cells.append((t, j + 1))
        j += 1
    d = next((k for k in range(1, len(cells) - 1)
              if not NUMBER_CELL.match(cells[k][0]) and NUMBER_CELL.match(cells[k + 1][0])), None)
    if d is None:
        return None
    head = [c for c in cells[1:d]]
    merged: list[tuple[str, int]] = []
    for t, ln in head:
        if merged and re.fullmatch(r"[（(][^（()）]{1,6}[)）]", t):
            merged[-1] = (merged[-1][0] + t, merged[-1][1])       # 开展现代农业科技培训 / (人次)
        else:
            merged.append((t, ln))
    tail = 0
    while tail < len(merged) and SUB_LABEL.match(merged[len(merged) - 1 - tail][0]):
        tail += 1
    subs = merged[len(merged) - tail:]
    indicators = [(t, ln) for t, ln in merged[:len(merged) - tail] if UNIT_LABEL.search(t) and not SUB_LABEL.match(t)]
    k = len(indicators)
    if k == 0 or not subs or len(subs) % k:
        return None
    per = len(subs) // k
    rows: list[tuple[tuple[str, int], list[tuple[str, int]]]] = []
    r = d
    while r < len(cells):
        region = cells[r]
        if NUMBER_CELL.match(region[0]):
            break
        vals = []
        r += 1
        while r < len(cells) and NUMBER_CELL.match(cells[r][0]):
            vals.append(cells[r])
            r += 1
        rows.append((region, vals))
    full = max(len(v) for _, v in rows)
    widths = _indicator_widths(indicators, full, per)
    # the text ends inside the table (an excerpt cut short): its last row's figures run from the left
    last_line = max((n for n, x in enumerate(lines, 1) if x.strip()), default=0)
    cut = bool(rows[-1][1]) and rows[-1][1][-1][1] == last_line and not OWN_LEVEL.search(rows[-1][0][0])
    if cut and widths is None:
        widths = _indicator_widths(indicators, -1, per)
        full = sum(widths) if widths and sum(widths) > full else -1
    if widths is None or full < 0 or len(rows) < (1 if cut else 3):
        return None
    if cut and 0 < len(rows[-1][1]) < full:
        rows[-1][1].pop()           # the figure the text ends on may be cut short itself (110 of 110.47)
    labels = subs[:per]
    # the other header cells (工程, 责任单位 …) in a row of their own above the indicators
    others = [(t, ln) for t, ln in merged[:len(merged) - tail] if (t, ln) not in indicators]
    top = 1 if others else 0
    out = [Cell(text=cells[0][0], row=0, col=0, rowspan=2 + top, line=cells[0][1])]
    out += [Cell(text=t, row=0, col=1 + n, line=ln) for n, (t, ln) in enumerate(others[:full])]
    col = 1
    for (t, ln), w in zip(indicators, widths):
        out.append(Cell(text=t, row=top, col=col, colspan=w, line=ln))
        names = _merged_labels(labels, w)
        out += [Cell(text=x, row=top + 1, col=col + n, line=subs[0][1]) for n, x in enumerate(names)]
        col += w
    row_lines: list[int | None] = [cells[0][1], *([indicators[0][1]] if top else []), subs[0][1]]
    for n, (region, vals) in enumerate(rows, 2 + top):
        out.append(Cell(text=region[0], row=n, col=0, line=region[1]))
        shift = 1 if cut and n == len(rows) + 1 + top else 1 + full - len(vals)
        out += [Cell(text=t, row=n, col=shift + m, line=ln) for m, (t, ln) in enumerate(vals)]
        row_lines.append(region[1])
    end = rows[-1][1][-1][1] if rows[-1][1] else rows[-1][0][1]
    return end, Table(cells=out, n_rows=len(rows) + 2 + top, n_cols=1 + full, header_rows=2 + top, row_lines=row_lines)


def _indicator_widths(indicators: list[tuple[str, int]], full: int, per: int) -> list[int] | None:
    """Figures under each indicator: as many as the full rows hold — three (target, done, rate),
    two for an indicator counted in % when the rows are that much shorter, or one per label."""
    k = len(indicators)
    if full == per * k:
        return [per] * k
    if full < 0:         # no full row: three figures an indicator, two for one counted in %
        return [2 if "%" in t[-4:] else 3 for t, _ in indicators]
    percent = [("%" in t[-4:]) for t, _ in indicators]
    widths = [2 if p else 3 for p in percent]
    return widths if sum(widths) == full else None


def _merged_labels(labels: list[tuple[str, int]], width: int) -> list[str]:
    """目标 / 任务 / 进度 / 完成比例(%) over three figures: the first label was broken over two lines
    (目标任务); over two figures the rate's label goes."""
    names = [t for t, _ in labels]
    while len(names) > width + (1 if width < 3 else 0) and len(names) >= 2:
        names = [names[0] + names[1]] + names[2:]
    return names[:width]
