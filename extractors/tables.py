"""Projects from tables: real ones and ones rebuilt from flattened text.

Columns are recognised by their header words (COLUMN_ROLES, most specific first).  A row
without a sequence number continues the project above (another indicator of it); a blank
leader or unit cell takes the value above (a merged cell, or one written once for several
rows).  A row longer than the header (a sub-indicator written in a cell of its own) has the
extra cells folded into the target cell.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import patterns as P
from .memo import filled_rows
from .normalize import simplify, squash
from .numbers import find_quantities, percent_targets, target_figures, to_number
from .people import leaders_in, units_in
from .records import Evidence, Progress, Project, Quantity, Target

# 一月 / 十二月: a month in Chinese numerals
_CN_MONTH = re.compile(r"(?<![\d一二三四五六七八九十])([一二三四五六七八九十]{1,3})(?=月)")
# a cell that is only a figure (and a short unit)
_FIGURE_CELL = re.compile(r"[\d.,万亿千]+\S{0,4}")
# 一 / 十二: a row's number in Chinese numerals
_CN_SEQ = re.compile(r"[一二三四五六七八九十]{1,3}")
# a clause's end
_CLAUSE_MARK = re.compile(r"[，,；;。]")
# a digit
_DIGIT = re.compile(r"\d")
# a digit, or a sentence's end
_DIGIT_OR_END = re.compile(r"\d|。$")
# a bare figure

# (role, header pattern) — the first that matches a column's header wins
COLUMN_ROLES: list[tuple[str, re.Pattern]] = [(r, re.compile(p)) for r, p in [
    ("skip", r"验收|认定|评估|备注|说明|联系电话|联系人|序时进度|时序进度|本月|当月"),
    ("ballot", r"赞成票|反对票|弃权票|^(?:赞成|反对|弃权)$|得票|票数|票决结果"),
    ("seq", r"^(序号|编号|序|No\.?)$"),
    ("measure", r"计量单位|^计量$|^单位名称$"),
    ("leader", r"领导|责任人|负责人|联系人"),
    ("partner", r"相关责任单位|配合单位|协办单位|参与单位|协助单位|配合部门|协办部门|相关单位|责任主体"),
    ("lead_unit", r"牵头|责任单位|责任部门|责任站所|责任科室|承办单位|主办单位|实施单位|主责单位|负责单位|承办部门"),
    ("deadline", r"时限|完成时间|时间节点|截止时间|完成期限"),
    # 目标任务及完成情况 / 建设内容和进展: one column holding the task, then what was done of it
    ("both", r"(?:目标|任务|计划|内容|规模)[^及和与、]{0,4}(?:及|和|与|、)[^及和与、]{0,4}(?:完成|进展|进度)"),
    ("stage", r"形象进度|形象进展|工程进度"),
    ("money_rate", r"(?:投资|资金).{0,4}(?:完成率|到位率|完成比例)"),     # 投资完成率: the money's rate, not the work's
    ("money_done", r"完成投资|累计投资|实际投资|到位资金|完成资金|已投资"),
    ("rate", r"完成率|完成进度|完成比例|百分比|占比|%|进度"),
    ("completed", (r"已完成|完成数|累计完成|实际完成|完成情况|完成量|进展情况|"        # and 截至9月底完成, 1-9月完成
                   r"(?:截至|截止)\S{0,8}完成|\d{1,2}\s*[-—–－~至]\s*\d{1,2}\s*月份?完成")),
    ("status", r"状态|进展评价|评价|等次"),
    ("category", r"^(类别|类型|领域|方面|分类|板块)$"),
    ("target", r"指标|目标|任务数|建设任务|年度任务|建设规模|建设内容|具体内容|主要内容|任务量|计划数|计划投资|投资计划"),
    ("name", r"项目|实事|名称|事项|任务|内容|工作"),
    ("region", r"县市区|县（市、区）|县市|地区|区县|地方|单位"),
]]


# 1-8月实际完成情况 / 1—11月推进情况 / 截至9月底完成 -> the label after its period
LEADING_PERIOD = re.compile(r"^(?:\d{1,2}\s*[-—–－~至]\s*\d{1,2}\s*月份?(?:底|末)?|(?:截至|截止)\d{1,2}月份?(?:底|末)?)")
# 万人 / 人次 / 元/月/人 / 公里 / % -> a cell of a 单位 column that names a unit of measure
MEASURE_CELL = re.compile(r"^[万亿千]?(?:[个人次户元月年日所座套张家条场亩吨米公里平方立辆台处间床名例项件册支批场次]|/|·|%)+$")


@dataclass
class TableLayout:
    roles: dict[str, list[int]] = field(default_factory=dict)
    width: int = 0
    header_rows: int = 0
    units: dict[int, str] = field(default_factory=dict)   # column → the unit its header names: 计划投资（万元）
    labels: dict[int, str] = field(default_factory=dict)  # column → its header label, the rows joined
    remark_units: bool = False     # the unit column is a 备注 column: only its cells of names are units
    both: int | None = None        # a 目标任务及完成情况 column: its task is the target, the rest what was done

    def figure_text(self, col: int | None, text: str) -> str:
        """A bare number under a header that names the unit takes it: 8600 under （万元） → 8600万元."""
        if col is not None and col in self.units and P.BARE_NUMBER.fullmatch(squash(text)):
            return squash(text) + self.units[col]
        return text

    def col(self, role: str) -> int | None:
        cols = self.roles.get(role)
        return cols[0] if cols else None


def layout_of(table, lexicon: dict[str, str] | None = None) -> TableLayout | None:
    """Find the header rows and give every column a role (`lexicon`: gazetteer/headers.tsv)."""
    rows = filled_rows(table)
    for h in range(min(4, table.n_rows)):
        heads = [squash(simplify(x)) for x in rows[h]]
        if sum(1 for x in heads if x) < 2:
            continue
        hits = sum(1 for x in heads if x and _role(x, lexicon) not in (None, "skip"))
        if hits >= 2 and any(_role(x, lexicon) in ("name", "target", "both") for x in heads):
            n_head = h + 1
            # a second header row: short labels under a spanning cell
            if n_head < table.n_rows and table.header_rows >= 2:
                n_head = max(n_head, table.header_rows)
            elif n_head < table.n_rows and _is_sub_header(rows[n_head]):
                n_head += 1       # 截至9月底完成情况 over 完成数 | 完成率（%）, flattened without its spans
            return _measure_checked(_roles(rows, n_head, table.n_cols, lexicon), rows, lexicon)
    return None


def _measure_checked(lay: TableLayout, rows: list[list[str]], lexicon: dict[str, str] | None) -> TableLayout:
    """A 单位 column is a unit of measure (万人, 元/月/人) only when its cells are ones; a column of
    县市区 or departments under 单位 keeps the role its label's pattern gives."""
    for c in list(lay.roles.get("measure", [])):
        cells = [squash(simplify(r[c])) for r in rows[lay.header_rows:] if c < len(r) and r[c].strip()]
        if cells and sum(1 for x in cells if MEASURE_CELL.match(x)) * 2 < len(cells):
            lay.roles["measure"].remove(c)
            heads = [squash(simplify(rows[r][c])) for r in range(lay.header_rows)]
            role = next((_role(x) for x in heads if x and _role(x) not in (None, "measure")), None)
            if role and role != "skip":
                lay.roles.setdefault(role, []).append(c)
                lay.roles[role].sort()
    if not lay.roles.get("measure"):
        lay.roles.pop("measure", None)
    return lay


def duty_rows(table, year: int | None, gaz) -> list[Project] | None:
    """序号 | 责任县领导 | 牵头单位 | 配合单位: a 分工 table that names no project, only who answers for each
    numbered one (in any row order).  Its rows as Projects holding the seq and the fields, a blank cell
    taking the value above (a merged cell); None when the table is not one."""
    rows = filled_rows(table)
    for h in range(min(3, table.n_rows)):
        roles = {_role(squash(simplify(x)), gaz.headers) for x in rows[h] if x.strip()}
        if "seq" in roles and roles & {"leader", "lead_unit", "partner"} and not roles & {"name", "target", "both"}:
            break
    else:
        return None
    lay = _roles(rows, h + 1, table.n_cols, gaz.headers)
    out: list[Project] = []
    last: dict[str, str] = {}
    by_row = _cells_by_row(table)
    for r in range(h + 1, table.n_rows):
        seq = squash(rows[r][lay.col("seq")])
        if not re.fullmatch(r"\d{1,3}|[一二三四五六七八九十]{1,3}", seq):
            continue
        p = Project(name=f"（第{seq}项）", seq=seq, table=table.index, row=r,
                    evidence=Evidence(text="\t".join(c.text for c in sorted(by_row.get(r, []), key=lambda c: c.col)),
                                      table=table.index, row=r, page=table.page,
                                      line=table.row_lines[r] if r < len(table.row_lines) else None))
        for role in ("leader", "lead_unit", "partner", "deadline"):
            val = "\n".join(rows[r][c] for c in lay.roles.get(role, []) if rows[r][c].strip())
            val = last[role] if not val and role in last else val
            last[role] = val
            if role == "leader":
                p.leaders = leaders_in(val)
            elif role == "lead_unit":
                p.lead_units = units_in(val, gaz.org_suffixes)
            elif role == "partner":
                p.partner_units = [u for u in units_in(val, gaz.org_suffixes) if u not in p.lead_units]
            elif val:
                p.deadline = deadline_iso(simplify(val), year)
        out.append(p)
    return out


def _is_sub_header(row: list[str]) -> bool:
    """项目 | 子项目 | 完成数 | 完成率（%）: a row of labels under the header, no figure in it, one naming a role."""
    cells = [squash(simplify(x)) for x in row if x.strip()]
    return len(cells) >= 2 and not any(_DIGIT.search(P.UNIT_IN.sub("", x)) for x in cells) \
        and any(_role(x) in ("rate", "completed", "target", "name") for x in cells)


def _role(header: str, lexicon: dict[str, str] | None = None) -> str | None:
    """A header label's column role: the lexicon's word for the whole label (its period such as
    1-8月 dropped), else the first COLUMN_ROLES pattern found in it."""
    if lexicon:
        for key in _lexicon_keys(header):
            if key in lexicon:
                return lexicon[key]
    return _pattern_role(header)


# A table's labels are asked about again and again (each header row tried, a column's labels, the sub-header
# test, the remark columns …), and the same few labels recur across tables: the two answers that depend on the
# label alone are kept, at most 4,096 of each (a label is a short cell; a long one is answered all the same).

@lru_cache(maxsize=4096)
def _lexicon_keys(header: str) -> tuple[str, str]:
    """The label as the lexicon spells it (ASCII brackets), and the same without its leading period."""
    label = header.replace("（", "(").replace("）", ")")
    return label, LEADING_PERIOD.sub("", label)


@lru_cache(maxsize=4096)
def _pattern_role(header: str) -> str | None:
    """The role of the first COLUMN_ROLES pattern found in a header label, or None."""
    for role, pat in COLUMN_ROLES:
        if pat.search(header):
            return role
    return None


def _roles(rows: list[list[str]], n_head: int, n_cols: int, lexicon: dict[str, str] | None = None) -> TableLayout:
    out = TableLayout(header_rows=n_head)
    for c in range(n_cols):
        parts = [squash(simplify(rows[r][c])) for r in range(n_head)]
        roles = [_role(p, lexicon) for p in parts if p]
        out.labels[c] = "".join(parts)
        unit = next((m.group("unit") for p in parts if (m := P.HEADER_UNIT.search(p))), None)
        if unit:
            out.units[c] = unit
        # the upper (spanning) label decides, unless it groups units and the lower one says which:
        # 责任单位 over 牵头单位 | 协办单位; but 责任人 over 区政府办 | 主要责任单位 stays people
        role = next((r for r in roles if r), None)
        if role in ("lead_unit", "partner") and len(roles) > 1 and roles[-1] in ("lead_unit", "partner"):
            role = roles[-1]
        elif role in ("target", "completed") and len(roles) > 1 and roles[-1] in ("measure", "rate"):
            role = roles[-1]      # 年度目标 over 数量 | 单位, 1-9月完成 over 数量 | 完成率: the lower label says which
        if role == "both":
            out.both, role = c, "target"
        if role and role != "skip":
            out.roles.setdefault(role, []).append(c)
        if any(parts):
            out.width = c + 1
    if "name" not in out.roles and "target" not in out.roles and "completed" in out.roles:
        out.roles["name"] = [0]
    return out


def _cells_by_row(table) -> dict[int, list]:
    """Row → the cells that start in it, in the table's order (one pass, not one a row)."""
    out: dict[int, list] = {}
    for c in table.cells:
        out.setdefault(c.row, []).append(c)
    return out


def projects_from_table(table, year: int | None, gaz, money_unit: str | None = None, chosen: bool = False) -> list[Project]:
    """`money_unit`: the unit a line above the table gives its money columns (（投资单位：万元）); `chosen`: the table
    is a 票决's result, its rows the projects chosen (their vote columns read as nothing)."""
    lay = layout_of(table, gaz.headers)
    if lay is None or ("ballot" in lay.roles and not chosen) or (chosen and "target" not in lay.roles):
        return []          # a ballot's result is read for the tasks its rows state, when a column states them
    filled = filled_rows(table)
    if not chosen and any(P.VOTE_HEADER.search(squash(x)) for x in filled[0]):
        return []          # a 票决 ballot (候选项目 / 得票数 / 得票率) lists candidates, not the projects set
    if money_unit:
        for c in lay.roles.get("target", []) + lay.roles.get("money_done", []):
            if c not in lay.units and any(P.MONEY_HEADER.search(filled[h][c]) for h in range(lay.header_rows)):
                lay.units[c] = money_unit
    _remark_units(lay, filled, gaz)
    done_col = None           # where a 目标任务及完成情况 cell's report goes, when no column of its own holds one
    if lay.both is not None and "completed" not in lay.roles:
        done_col = table.n_cols
        lay.roles["completed"] = [done_col]
    projects: list[Project] = []
    last: dict[str, str] = {}
    current: Project | None = None
    tcol = lay.col("target") if lay.col("target") is not None else lay.col("name")
    by_row = _cells_by_row(table)
    # the columns' roles are settled: each role's first column looked up in one dict (~30 asks a row)
    col = {role: cols[0] for role, cols in lay.roles.items() if cols}.get
    for r in range(lay.header_rows, table.n_rows):
        row = _with_measure(list(filled[r]), lay)
        spans = by_row.get(r, [])
        written = [c.text for c in sorted(spans, key=lambda c: c.col)]
        if tcol is not None and len(written) > lay.width and len(written) == len(row) and not table_has_spans(table):
            k = len(written) - lay.width      # fold the extra cells into the target cell
            row = row[:tcol] + ["".join(row[tcol:tcol + k + 1])] + row[tcol + k + 1:]
        if lay.both is not None and lay.both < len(row):
            task, done = _task_and_done(row[lay.both])      # 目标8条，已开通5条: the task, then the report
            row[lay.both] = task
            if done_col is not None:
                row += [""] * (done_col - len(row)) + [done]

        def cell(role: str, row: list[str] = row) -> str:
            c = col(role)
            return row[c] if c is not None and c < len(row) else ""
        texts = [squash(x) for x in row]
        if not any(texts) or _is_header_repeat(texts, filled, lay):
            continue
        if chosen and any(P.NOT_CHOSEN.fullmatch(x) for x in texts):
            continue           # 未当选: a candidate the vote did not choose
        alone = [c for c in spans if c.text.strip()]      # 一、教育卫生类 | | | … written without a span
        heading = spans[0] if len(spans) == 1 and spans[0].colspan > 1 and spans[0].colspan >= lay.width - 1 else \
            alone[0] if len(alone) == 1 and alone[0].col == 0 and P.CATEGORY_CELL.match(squash(alone[0].text)) else None
        if heading is not None:
            last["category"] = simplify(squash(heading.text))     # 一、就业和社会保障（3项）: a category row
            current = None
            continue
        if _numbered_heading_row(texts, lay):
            # 一 | 就业创业 | | | : a row numbered in Chinese with a name and nothing else heads the rows below it
            last["category"] = simplify(squash(cell("seq"))) + "、" + simplify(squash(cell("name")))
            current = None
            continue
        seq = squash(cell("seq"))
        seq_col = col("seq")
        if seq and seq_col is not None and not any(c.col <= seq_col < c.col + c.colspan for c in spans) \
                and any(c.rowspan > 1 for c in table.cells):
            seq = ""       # a 序号 merged down over a project's sub-rows numbers the first of them only
        name = _join_lines(cell("name"))
        if P.TOTAL_ROW.fullmatch(simplify(seq)) and not squash(name):
            if sum(1 for x in texts if x) == 1:
                continue             # 合计 | | | : a total row left empty
            name, seq = seq, ""      # 合计 written under 序号: the row's name
        target_text = lay.figure_text(col("target"), _join_lines(cell("target"))) \
            if col("target") is not None else ""
        category = _join_lines(cell("category")) or None
        evidence = Evidence(text="\t".join(written).replace("\n", " "),
                            line=table.row_lines[r] if r < len(table.row_lines) else None,
                            page=table.page, table=table.index, row=r)
        item = P.ITEM_NUMBER.match(target_text or name)
        total_row = P.TOTAL_ROW.fullmatch(simplify(squash(name)))
        if total_row:      # 小计 under a category, 总计 at the end: a row of sums, named for what it sums
            name = (_category_name(last.get("category")) if total_row.group("kind") == "小计" else "") + name
            seq = ""       # a merged 序号 cell above it is not its number
        target_text, row = _wan_carried(target_text, row, lay, name)
        # a row without a number under a numbered item, with a name and a figure of its own: a sub-item
        own = target_text if col("target") not in (None, col("name")) else name
        sub_item = not seq and bool(name) and current is not None and name != current.name \
            and bool(re.search(r"\d", own or ""))
        new_project = bool(total_row) or bool(seq) and (current is None or seq != current.seq or (name and name != current.name)) \
            or item is not None or current is None or (not seq and name and current and name != current.name
                                                        and col("seq") is None) or sub_item
        if item is not None and col("name") is None:
            # tasks numbered inside the text (1.投资…), grouped under a numbered category
            name = P.ITEM_NUMBER.sub("", target_text)
        elif item is not None and P.ITEM_NUMBER.match(name or ""):
            name = P.ITEM_NUMBER.sub("", name, count=1)   # 序号 1 | 1.投资…: the number is the seq, once
        if new_project:
            current = Project(name=simplify(name or target_text).strip() or "（未命名）", evidence=evidence,
                              seq=(item.group("seq") if item else seq) or None,
                              category=simplify(category) if category else last.get("category"),
                              table=table.index, row=r)
            if item is not None and seq and col("category") is not None:
                last["category_seq"] = seq
            current.category_seq = last.get("category_seq") if item is not None else None
            current.subtotal = bool(total_row)
            projects.append(current)
        assert current is not None, "the first row of a table always starts a project"
        # leaders and units: a blank cell takes the value above
        for role in ("leader", "lead_unit", "partner", "deadline", "category"):
            cols = lay.roles.get(role, [])
            vals = [row[c] for c in cols if c < len(row)]
            if role == "lead_unit" and lay.remark_units:
                vals = [v for v in vals if _only_units(squash(simplify(v)), gaz)]
            val = "\n".join(v for v in vals if v.strip())
            if val.strip():
                last[role] = val
            elif role in last:
                val = last[role]
            if role == "leader":
                for n in leaders_in(_unjammed(val)):
                    if n not in current.leaders:
                        current.leaders.append(n)
            if role in ("lead_unit", "partner") and "\n" in val:    # 县民政局 / 5月底前动工: a cell over lines
                val = "\n".join(x for x in val.split("\n") if not _DIGIT_OR_END.search(x.strip()))
            if role == "lead_unit":
                people = _heads_in(val, gaz) if any(PERSON_LABEL.search(lay.labels.get(c, "")) for c in cols) else []
                for n in people:          # 牵头单位及主要负责人: 市民政局 张三
                    if n not in current.leaders:
                        current.leaders.append(n)
                for u in units_in(val, gaz.org_suffixes):
                    if u not in current.lead_units and u not in people:
                        current.lead_units.append(u)
            elif role == "partner":
                for u in units_in(val, gaz.org_suffixes):
                    if u not in current.partner_units and u not in current.lead_units:
                        current.partner_units.append(u)
            elif role == "deadline" and val.strip() and not current.deadline:
                current.deadline = deadline_iso(simplify(val), year)
        if current.deadline is None and col("deadline") is None and col("target") is not None:
            current.deadline = deadline_iso(simplify(target_text), year, require_before=True)
        # targets
        source = P.FUNDING_FIELD.sub("", simplify(target_text or ""))      # （资金：…万元） is funding
        qty_text = source or simplify(name)
        found = _without_old_levels(qty_text, target_figures(qty_text, find_quantities(qty_text, gaz.units)))
        if source and not any(q.unit == "%" for q in found):
            found = sorted(found + (percent_targets(source) or _share_cell(source, name)), key=lambda q: q.start)
        if not found and source and col("target") != col("name") \
                and P.BARE_NUMBER.fullmatch(squash(source)) and not _measure_of(row, lay):
            found = [_bare_target(squash(source), name, gaz, [x for c, x in enumerate(row) if c != col("target")])]
        measure = _measure_of(row, lay)
        if not found and (fixed := _bracket_unit_first(qty_text, gaz)) != qty_text:
            found = target_figures(fixed, find_quantities(fixed, gaz.units))     # 新增就业人数(人)1250
        for q in found:
            label = source if source and not _FIGURE_CELL.fullmatch(squash(source)) else \
                simplify(name) + qty_text
            current.targets.append(Target.of(_measured(q, measure), label))
        first_target = lay.roles.get("target", [])[:1]
        for c in lay.roles.get("target", [])[1:]:        # 年度计划投资（万元）: a second target column
            if c >= len(row) or row[c] == row[first_target[0]]:
                continue                                  # 任务指标 merged over two columns
            more = simplify(lay.figure_text(c, _join_lines(row[c])))
            for q in target_figures(more, find_quantities(more, gaz.units)):
                current.targets.append(Target.of(q, simplify(name) + more))
        if not current.targets and (share := _percent_cell(target_text)):     # 95% under a 计量单位 of %
            current.targets.append(Target(text=simplify(name) + squash(target_text), value=share.value,
                                          unit="%", raw=squash(target_text), family="share"))
        projects += _breakdown_projects(current, row, lay, r, table, evidence)
        _row_progress(current, lay, row, gaz, evidence)
        _money_progress(current, lay, row, gaz, evidence)
        _stage_counts(current, lay, row, gaz, evidence)
    return projects


def _task_and_done(cell: str) -> tuple[str, str]:
    """目标8条，已开通5条 → (目标8条, 已开通5条): a cell holding the task and then what was done of it."""
    m = P.CELL_REPORT_START.search(cell) or P.PROGRESS_START.search(cell)
    return (cell[:m.start()], cell[m.start():].lstrip("，,。；; ")) if m else (cell, "")


def money_unit_above(table, lines: list[str]) -> str | None:
    """（投资单位：万元） in the few lines above a table: the unit of its money columns."""
    first = table.row_lines[0] if table.row_lines and table.row_lines[0] else None
    if first is None:
        return None
    above = [x.strip() for x in lines[max(0, first - 4):first - 1] if x.strip()]
    m = P.TABLE_MONEY_UNIT.match(squash(above[-1])) if above else None
    return m.group("unit") if m else None


def ranked_units(table, gaz) -> list[str]:
    """排名 | 责任单位 | 得分 | 扣分原因: the units a score ranking lists (a table naming no project)."""
    if not any(P.RANKING_HEADER.search(squash(simplify(c.text))) for c in table.cells if c.row == 0):
        return []          # the cheap test: no 排名 / 得分 in the first row
    rows = filled_rows(table)
    if not rows:
        return []
    heads = [squash(simplify(x)) for x in rows[0]]
    roles = [_role(x) if x else None for x in heads]
    if "lead_unit" not in roles or not any(P.RANKING_HEADER.search(x) for x in heads) \
            or any(r in ("name", "target", "completed") for r in roles):
        return []
    c = roles.index("lead_unit")
    out: list[str] = []
    for row in rows[1:]:
        out += [u for u in units_in(row[c] if c < len(row) else "", gaz.org_suffixes) if u not in out]
    return out


def ballot_rows(table) -> int | None:
    """The candidates a 票决 ballot lists (rows with a number), or None when `table` is no ballot."""
    if not _may_be_ballot(table):
        return None
    lay = layout_of(table)
    if lay is None or "ballot" not in lay.roles:
        return None
    seq = lay.col("seq")
    filled = filled_rows(table)
    return sum(1 for r in range(lay.header_rows, table.n_rows)
               if seq is not None and seq < len(filled[r]) and squash(filled[r][seq]).isdigit())


# a header label the ballot role's pattern finds holds 票 (赞成票, 得票, 票数 …) or is one of these
BALLOT_WORDS = ("赞成", "反对", "弃权")


def _may_be_ballot(table) -> bool:
    """False when no label of the rows layout_of reads as the header (the first five, or the table's own header
    rows) can be a ballot's: most tables are none, and their layout need not be worked out a second time."""
    head = max(5, table.header_rows)
    return any("票" in label or label in BALLOT_WORDS
               for label in (squash(simplify(c.text)) for c in table.cells if c.row < head))


def _percent_cell(text: str) -> Quantity | None:
    """A cell that is only a percentage (96.2%, 95%以上), as a table writes a share."""
    m = P.SHARE_CELL.fullmatch(squash(text or ""))
    if m is None:
        return None
    return Quantity(value=float(m.group("num")), unit="%", raw=m.group(0), half=0.0, family="share",
                    op=">=" if m.group("after") else "=")


def _share_cell(cell: str, name: str) -> list[Quantity]:
    """A percentage cell in the row of a share (课后服务覆盖率 | 100% | 100%)."""
    q = _percent_cell(cell)
    return [q] if q is not None and "率" in (name or "") else []


def _with_measure(row: list[str], lay: TableLayout) -> list[str]:
    """人 | 1600 | 1452 in a table with a 计量单位 column: the row's unit belongs to its target and completed
    cells written as bare numbers (1600人, 4.2万人), not to the rate."""
    m = lay.col("measure")
    unit = squash(row[m]) if m is not None and m < len(row) else ""
    if not unit or len(unit) > 6 or re.search(r"\d", unit):
        return row
    for role in ("target", "completed"):
        c = lay.col(role)
        if c is None or c >= len(row):
            continue
        if P.BARE_NUMBER.fullmatch(squash(row[c])):
            row[c] = squash(row[c]) + unit
        elif (fig := QUALIFIED_FIGURE.fullmatch(squash(row[c]))) and unit.startswith(fig.group("unit")) \
                and unit != fig.group("unit"):
            row[c] = fig.group("qual") + fig.group("num") + unit + fig.group("after")    # 不低于60元 under 元/月/人
    return row


# 不低于60元 -> qual=不低于 num=60 unit=元: a figure cell whose unit a 单位 column may complete
QUALIFIED_FIGURE = re.compile(r"(?P<qual>不低于|不少于|不高于|低于|超过|达到)?(?P<num>" + P.BARE_NUMBER.pattern + r")"
                              r"(?P<unit>[元人户个])"
                              r"(?P<after>以上|以下|)")
# 8000万 -> num=8000: a figure in 万 whose unit the project's name gives (筹集基金8000万元)
WAN_ONLY = re.compile(r"(?P<num>" + P.BARE_NUMBER.pattern + r")万")


def _measure_of(row: list[str], lay: TableLayout) -> str:
    m = lay.col("measure")
    unit = squash(row[m]) if m is not None and m < len(row) else ""
    return unit if unit and len(unit) <= 6 and not _DIGIT.search(unit) else ""


def _measured(q: Quantity, measure: str) -> Quantity:
    """60元/月 read from a cell under 元/月/人: the unit the 单位 column writes."""
    if measure and q.unit and "/" in measure and measure != q.unit and measure.startswith(q.unit):
        return replace(q, unit=measure)
    return q


def _wan_carried(target_text: str, row: list[str], lay: TableLayout, name: str) -> tuple[str, list[str]]:
    """8000万 | 6420 in the row of 完成筹集基金8000万元: the target takes the name's unit (8000万元) and a
    completed cell without a unit is in 万 of it too (6420万元)."""
    m = WAN_ONLY.fullmatch(squash(simplify(target_text or "")))
    if m is None:
        return target_text, row
    u = re.search(re.escape(m.group("num")) + r"万(?P<unit>元|人次|人|户|平方米|亩)", simplify(name or ""))
    if u is None:
        return target_text, row
    done = lay.col("completed")
    if done is not None and done < len(row) and P.BARE_NUMBER.fullmatch(squash(row[done])):
        row = list(row)
        row[done] = squash(row[done]) + "万" + u.group("unit")
    return squash(simplify(target_text)) + u.group("unit"), row


# 从每人每月500元、260元分别提高到…: after an old level, the others listed with it and the verb of raising
OLD_LEVEL_AFTER = re.compile(r"^(?:[、和及与]\s*[^，,。；;、]*?)*(?:分别|均)?(?:提高|提升|调整|上调|增加|增长)(?:到|至|为)")
# 从 / 由 opening the clause of the old levels
OLD_LEVEL_FROM = re.compile(r"[从由][^，,。；;]*$")


def _without_old_levels(text: str, found: list[Quantity]) -> list[Quantity]:
    """由每人每年1500元、1900元提高到1650元、2050元: the levels after 从/由 listed before the verb of
    raising are the old ones, not targets."""
    return [q for q in found if q.start is None or q.end is None
            or not (OLD_LEVEL_FROM.search(text[:q.start]) and OLD_LEVEL_AFTER.match(text[q.end:]))]


def _bare_target(text: str, name: str, gaz, others: Sequence[str] = ()) -> Quantity:
    """869 in the target cell of 减少大班额1.4万个以上: the row's own figure is the target, counted in
    the unit of the figure its name carries (个) or of its label (城镇失业人员再就业（人）), else in the
    unit another cell of the row writes the same figure with (备注: 年初计划检查9500家), or in none."""
    scaled = _scaled_unit(name)
    if scaled and len(found := find_quantities(text.replace(",", "") + scaled, gaz.units)) == 1:
        return found[0]              # 城镇新增就业（万人） | 4.5: 45000人
    in_name = find_quantities(simplify(name or ""), gaz.units)
    unit = next((q.unit for q in in_name if q.unit and q.unit != "%" and q.family != "money"), None)
    label = P.UNIT_IN.search(simplify(name or "")[-8:])
    if unit is None and label and label.group("u") in gaz.units:
        unit = gaz.units[label.group("u")][0]
    if unit is None and float(text.replace(",", "")) >= 100:     # a small figure recurs by chance
        value = float(text.replace(",", ""))
        unit = next((q.unit for x in others for q in find_quantities(simplify(x), gaz.units)
                     if q.value == value and q.unit and q.unit != "%" and q.family != "money"), None)
    return Quantity(value=float(text.replace(",", "")), unit=unit, raw=text)


def _numbered_heading_row(texts: list[str], lay: TableLayout) -> bool:
    """一 | 就业创业 | | |: the row's only cells are a Chinese numeral under 序号 and a name without figures."""
    seq, name = lay.col("seq"), lay.col("name")
    if seq is None or name is None or seq == name or max(seq, name) >= len(texts):
        return False
    rest = [x for c, x in enumerate(texts) if c not in (seq, name)]
    return bool(_CN_SEQ.fullmatch(texts[seq])) and bool(texts[name]) \
        and not re.search(r"\d", texts[name]) and not any(rest)


def _scaled_unit(name: str | None) -> str | None:
    """城镇新增就业（万人） -> 万人: a unit with a multiplier in brackets at the end of a row's name."""
    label = P.UNIT_IN.search(simplify(name or "")[-8:])
    return label.group("u") if label and label.group("u")[:1] in "万亿千" and len(label.group("u")) >= 2 else None


# 城镇新增就业人数（人）1250 -> the unit in brackets, then the figure: 1250人
BRACKET_UNIT_FIRST = re.compile(r"[（(](?P<u>[^（()）\d]{1,4})[)）]\s*(?P<num>\d+(?:\.\d+)?)$")
# 元坝镇280 白果乡15 -> (元坝镇, 280), (白果乡, 15): a target broken down by place in one cell
PLACE_SHARE = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,10}?(?:街道办事处|街道办|街道|镇|乡|社区|县|区|市))\s*"
                         r"(?P<num>\d+(?:\.\d+)?)")
# a place's last character and the figure after it: every PLACE_SHARE match holds one of its own (a share ends in a
# digit, the next opens with a place), so a cell holding fewer than three holds fewer than three shares
PLACE_THEN_FIGURE = re.compile(r"[处办道镇乡区县市]\s*\d")


def _bracket_unit_first(text: str, gaz) -> str:
    m = BRACKET_UNIT_FIRST.search(text or "")
    if m is None or m.group("u") not in gaz.units:
        return text
    return text[:m.start()] + m.group("num") + m.group("u")


def _breakdown_projects(project: Project, row: list[str], lay: TableLayout, r: int, table,
                        evidence: Evidence) -> list[Project]:
    """元坝镇280 白果乡15 … in a cell beside a target of 1300人: the target shared among places, one
    project a place in the target's unit (not summed against the whole: a cell cut short would flag)."""
    if not project.targets or project.region:
        return []
    whole = project.targets[-1]
    out: list[Project] = []
    for c, text in enumerate(row):
        if c == lay.col("target"):
            continue
        t = simplify(text or "").strip()
        if len(PLACE_THEN_FIGURE.findall(t)) < 3:
            continue         # most cells: PLACE_SHARE opens with a run of 1-10 characters, tried at each one
        pairs = list(PLACE_SHARE.finditer(t))
        if len(pairs) < 3 or PLACE_SHARE.sub("", t).strip(" 、，,;；\n"):
            continue
        for m in pairs:
            part = Project(name=project.name, evidence=evidence, region=m.group("place"), table=table.index, row=r,
                           category=project.category)
            part.targets.append(Target(text=f"{project.name}{m.group(0)}", value=float(m.group("num")),
                                       unit=whole.unit, raw=m.group("num"), family=whole.family))
            out.append(part)
        break
    return out


# 陆 明俞 悦 -> 陆 明 | 俞 悦: two-character names padded to three, written on in one cell
JAMMED_NAMES = re.compile(r"(?:[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]){2,}")


def _unjammed(text: str) -> str:
    """陆 明俞 悦 → 陆明、俞悦 (each padded name on its own); other cells as written."""
    t = (text or "").strip()
    if not JAMMED_NAMES.fullmatch(t):
        return text
    return "、".join(t[k] + t[k + 2] for k in range(0, len(t), 3))


def _heads_in(text: str, gaz) -> list[str]:
    """市民政局 钱 进: the people a unit cell names after its units."""
    rest = text
    for u in units_in(text, gaz.org_suffixes):
        if any(u.endswith(x) for x in gaz.org_suffixes):
            rest = rest.replace(u, "\n")
    return [n for line in rest.split("\n") if line.strip() for n in leaders_in(line.strip())]


def _only_units(text: str, gaz) -> bool:
    """工信局、通信管理办: a cell that is organisations' names and nothing else."""
    if re.search(r"\d", text):
        return False
    units = units_in(text, gaz.org_suffixes)
    return bool(units) and re.sub(r"[、，,；;]", "", text) == "".join(units) \
        and all(any(u.endswith(x) for x in gaz.org_suffixes) for u in units)


def _remark_units(lay: TableLayout, filled: list[list[str]], gaz) -> None:
    """A 备注 column that holds only organisations (人社局, 工信局、通信管理办) is the responsible unit's."""
    if lay.col("lead_unit") is not None:
        return
    taken = {c for cols in lay.roles.values() for c in cols}
    for c, label in lay.labels.items():
        if c in taken or _role(label, gaz.headers) != "skip":
            continue
        cells = [squash(simplify(r[c])) for r in filled[lay.header_rows:] if c < len(r) and r[c].strip()]
        named = sum(1 for x in cells if _only_units(x, gaz))
        if named >= 2 and named * 3 >= len(cells) * 2:     # a few remarks of words among them are not units
            lay.roles["lead_unit"] = [c]
            lay.remark_units = True
            return


def table_has_spans(table) -> bool:
    return any(c.rowspan > 1 or c.colspan > 1 for c in table.cells if c.row >= table.header_rows)


def _is_header_repeat(texts: list[str], filled: list[list[str]], lay: TableLayout) -> bool:
    return any(texts == [squash(x) for x in filled[h]] for h in range(lay.header_rows))


def _join_lines(text: str) -> str:
    return "".join(x.strip() for x in (text or "").split("\n"))


def _done_figure(text: str, qs: list[Quantity], units: AbstractSet[str | None] = frozenset()) -> Quantity | None:
    """在40个社区，建成32个驿站: among the figures in the targets' units (建成2处共1721套 against 1700套),
    the first a done word leads to in its clause, or that a done word follows at once (其中3家已建成)
    — where the work was done is not what was done; else the first.  A count of a stage (2所主体完工，
    1所完成基础工程) is no count done: a cell of stages only gives none."""
    qs = [q for q in qs if q.unit in units] or qs if units else qs
    qs = [q for q in qs if not (q.end is not None and P.STAGE_AFTER.match(text, q.end))]
    if not qs:
        return None
    prev = 0
    for q in qs:
        if q.start is None or q.start < prev:
            break
        clause = _CLAUSE_MARK.split(text[prev:q.start])[-1]
        if P.DONE_WORD.search(clause) or P.DONE_WORD.match(text, q.end):
            return q
        prev = q.end
    return qs[0]


def _period_columns(lay: TableLayout) -> list[int]:
    """1-10月推进情况 | 1-11月推进情况: completed columns each for a period of its own, in order."""
    cols = [c for c in lay.roles.get("completed", []) if LEADING_PERIOD.match(lay.labels.get(c, ""))]
    return cols if len({_period_of(lay.labels[c]) for c in cols}) >= 2 else []


def _period_of(label: str) -> str:
    """1-10月 of 1-10月推进情况: the period a completed column's label starts with (checked before)."""
    period = LEADING_PERIOD.match(label)
    assert period is not None, label
    return period.group(0)


def _row_progress(project: Project, lay: TableLayout, row: list[str], gaz, evidence: Evidence) -> None:
    periods = _period_columns(lay)
    done = periods[-1] if periods else lay.col("completed")     # the latest period is the row's progress
    rate = lay.col("rate")
    status = lay.col("status")
    if done is None and rate is None and status is None:
        return
    p = Progress(text=evidence.text, line=evidence.line)
    if done is not None and done < len(row):
        qs = find_quantities(simplify(lay.figure_text(done, row[done])), gaz.units) \
            or _share_cell(simplify(row[done]), project.name)
        if qs:
            p.completed = _done_figure(simplify(lay.figure_text(done, row[done])), qs,
                                       {t.unit for t in project.targets if t.unit})
        elif P.BARE_NUMBER.fullmatch(squash(row[done])):
            bare = squash(row[done])
            scaled = _scaled_unit(project.name)
            found = find_quantities(bare.replace(",", "") + scaled, gaz.units) if scaled else []
            unit = project.targets[-1].unit if project.targets else None
            p.completed = found[0] if len(found) == 1 else \
                Quantity(value=float(bare.replace(",", "")), unit=unit, raw=bare)
        elif share := _percent_cell(row[done]):
            p.completed = share
        elif len(project.targets) == 1 and (whole := project.targets[0]).value is not None \
                and whole.family != "standard_money" and P.WHOLE_DONE.match(simplify(squash(row[done]))):
            # 全部建成投用 under 新建老年助餐点25个: the whole task is the count done
            p.completed = Quantity(value=whole.value, unit=whole.unit, raw=whole.raw or "", half=whole.half,
                                   family=whole.family)
    if rate is not None and rate < len(row):
        m = RATE_CELL.fullmatch(squash(row[rate])) or re.search(r"(\d+(?:\.\d+)?)%", squash(row[rate]))
        if m:
            p.rate, p.rate_raw = float(m.group(1)), m.group(1)
            p.measure = "形象进度" if P_STAGE_LABEL.search(lay.labels.get(rate, "")) else "完成率"
    elif done is not None and done < len(row) and (m := P.CELL_RATE.search(simplify(squash(row[done])))):
        p.rate, p.rate_raw, p.measure = float(m.group("rate")), m.group("rate"), "完成率"   # 建成623张，完成率124.6%
    if status is not None and status < len(row):
        p.status = status_of(simplify(row[status]), gaz)
    if p.completed is not None and p.completed.unit is not None:
        p.completed = _measured(p.completed, _measure_of(row, lay))
    if p.completed is None and (done is None or done >= len(row) or not row[done].strip()):
        _standard_in_remark(project, p, lay, row, gaz)     # as the remark writes it (644元/月)
    _reconcile(project, p)
    region = lay.col("region")
    if region is not None and region < len(row) and row[region].strip():
        p.region = simplify(squash(row[region]))
    if p.completed or p.rate is not None or p.status:
        project.progress.append(p)
    if done is not None and done < len(row) and p.completed and len(project.targets) > 1:
        # 完成31个，惠及居民11968户 against 30个 and 1.2万户: the second figure is the second target's
        others = {t.unit for t in project.targets} - {p.completed.unit}
        for q in find_quantities(simplify(row[done]), gaz.units)[1:]:
            if q.unit in others:
                others.discard(q.unit)
                project.progress.append(Progress(text=evidence.text, line=evidence.line, completed=q))
    if periods and p in project.progress:
        p.as_of = _period_of(lay.labels[periods[-1]])
    for c in periods[:-1]:              # an earlier period's figure or rate: a progress of its own
        if c < len(row):
            _earlier_progress(project, simplify(row[c]), gaz, evidence, _period_of(lay.labels[c]))
    if done is not None and done < len(row) and p.completed:
        _paired_figures(project, simplify(row[done]), gaz, evidence, p.as_of)
        _levels_reached(project, p, simplify(row[done]), gaz, evidence)


def _levels_reached(project: Project, p: Progress, text: str, gaz, evidence: Evidence) -> None:
    """已将低保标准提高到800元/人月；补差水平提高到城镇560元/人月、农村410元/人月: every standard a done
    cell says was reached is a level reached, not only the first."""
    if p.completed is None or p.completed.family != "standard_money" or not P.DONE_WORD.search(text):
        return
    have = {(g.completed.value, g.completed.unit) for g in project.progress if g.completed}
    for q in find_quantities(text, gaz.units):
        if q.family == "standard_money" and (q.value, q.unit) not in have \
                and REACHED.search(text[max(0, q.start - 20):q.start]) and not re.search(r"[从由]\S{0,8}$", text[:q.start]):
            have.add((q.value, q.unit))
            project.progress.append(Progress(text=evidence.text, line=evidence.line, completed=q, as_of=p.as_of))


# 备注: 1-6月城市低保标准已达到644元/月 / 已按每人每月75元的标准发放 -> the level a standard has reached
REMARK_LABEL = re.compile(r"备注|说明")
REACHED = re.compile(r"(?:达到|提高到|提高至|已按)")


def _standard_in_remark(project: Project, p: Progress, lay: TableLayout, row: list[str], gaz) -> None:
    """A standard's row (元/月/人) with its completed cell empty and the level reached written in the
    remark: that level is the completed, in the 单位 column's writing when it names the same parts; a
    100% beside a level above the target says the standard is met (达标), not a rate."""
    target = project.targets[-1] if project.targets else None
    if target is None or target.family != "standard_money":
        return
    for c, label in lay.labels.items():
        if c >= len(row) or not REMARK_LABEL.search(label) or not (m := REACHED.search(simplify(row[c]))):
            continue
        qs = [q for q in find_quantities(simplify(row[c])[m.start():], gaz.units) if q.family == "standard_money"]
        if not qs:
            continue
        q, measure = qs[0], _measure_of(row, lay)
        if measure and sorted(measure.split("/")) == sorted((q.unit or "").split("/")):
            q = replace(q, unit=measure)
        p.completed = q
        if p.rate == 100 and target.value is not None and q.value > target.value * 1.005:
            p.rate = p.rate_raw = p.measure = None
        return


def _earlier_progress(project: Project, text: str, gaz, evidence: Evidence, period: str) -> None:
    g = Progress(text=evidence.text, line=evidence.line, as_of=period)
    # 正在加紧制作 is not done (a comma between digits, 2,650, is a thousands separator, no clause's end)
    done = "，".join(x for x in re.split(r"[，；;。]|,(?!\d{3})", text) if not P.NOT_DONE.search(x))
    qs = [q for q in find_quantities(done, gaz.units) if q.unit != "%"]
    if qs:
        g.completed = qs[0]
    elif m := P.CELL_RATE.search(squash(text)):
        g.rate, g.rate_raw, g.measure = float(m.group("rate")), m.group("rate"), "完成率"
    if g.completed or g.rate is not None:
        project.progress.append(g)
        _paired_figures(project, text, gaz, evidence, period)


def _paired_figures(project: Project, text: str, gaz, evidence: Evidence, as_of: str | None = None) -> None:
    """驿站6个、充电桩40个 against 已建成驿站5个、充电桩31个: as many figures as targets, unit for
    unit in the same order — the second and later figures are the later targets' progress (a clause
    under way, 在建3个, counts none)."""
    units = [t.unit for t in project.targets]
    if len(units) < 2 or len(set(units)) > 1:
        return            # most rows: one target, so no second figure can pair with one (the cell is not read)
    text = "，".join(x for x in _CLAUSE_MARK.split(text) if not P.NOT_DONE.search(x))
    qs = [q for q in find_quantities(text, gaz.units) if q.unit != "%"]
    if len(qs) < 2 or len(qs) != len(units) or [q.unit for q in qs] != units:
        return
    for q in qs[1:]:
        project.progress.append(Progress(text=evidence.text, line=evidence.line, completed=q, as_of=as_of))


# 牵头单位及主要负责人: a unit column that names its head too
PERSON_LABEL = re.compile(r"负责人|责任人")
# 127.4% / 100 / 约95% -> 127.4: a rate cell (a cell of words such as 达到目标60元 holds no rate)
RATE_CELL = re.compile(r"[约近]?(\d+(?:\.\d+)?)%?(?:以上)?")
# 形象进度（%） / 工程进度: a stage of the work in per cent, not completed over target
P_STAGE_LABEL = re.compile(r"形象进度|形象进展|工程进度")


def _reconcile(project: Project, p: Progress) -> None:
    """Two figures and a rate in a row: completed / target ≈ rate decides which figure is which.  When
    the written order only fits the other way round (target / completed ≈ rate), the two swap."""
    if p.completed is None or p.rate is None or not project.targets or not p.rate:
        return
    t, c = project.targets[-1], p.completed
    if not t.value or not c.value or t.unit != c.unit:
        return
    if abs(t.value - c.value) <= 0.05 * max(t.value, c.value):
        return          # 97 and 96 at 101%: either order is near 100%; a slip in the rate, not swapped columns
    if abs(100 * c.value / t.value - p.rate) > 1 and abs(100 * t.value / c.value - p.rate) <= 0.6:
        project.targets[-1] = replace(t, value=c.value, raw=c.raw)
        p.completed = replace(c, value=t.value, raw=t.raw or str(t.value))


def _money_progress(project: Project, lay: TableLayout, row: list[str], gaz, evidence: Evidence) -> None:
    """完成投资 | 投资完成率 columns: the money spent and its rate of the planned investment, apart from the
    work's own figures (12所 of 12所 is done even when 96.25% of the money is spent)."""
    done, rate = lay.col("money_done"), lay.col("money_rate")
    p = Progress(text=evidence.text, line=evidence.line)
    if done is not None and done < len(row):
        qs = find_quantities(simplify(lay.figure_text(done, row[done])), gaz.units)
        p.completed = qs[0] if qs else None
    if rate is not None and rate < len(row) and (m := re.search(r"(\d+(?:\.\d+)?)\s*%?", squash(row[rate]))):
        p.rate, p.rate_raw, p.measure = float(m.group(1)), m.group(1), "完成率"
    if p.completed or p.rate is not None:
        project.progress.append(p)


def _category_name(category: str | None) -> str:
    """一、教育卫生类 -> 教育卫生类"""
    return re.sub(r"^[一二三四五六七八九十]+[、.．]\s*|[（(].*$", "", category or "")


def _stage_counts(project: Project, lay: TableLayout, row: list[str], gaz, evidence: Evidence) -> None:
    """已完工38个，在建18个 in a 形象进度 cell: the counts of finished work are progress without a rate;
    work under way (在建) or a stage (3所主体完工) is not."""
    c = lay.col("stage")
    if c is None or c >= len(row):
        return
    for clause in re.split(r"[，,；;、。]", simplify(row[c])):
        if not P.FINISHED.search(clause) or P.UNDER_WAY.search(clause):
            continue
        for q in find_quantities(clause, gaz.units)[:1]:
            project.progress.append(Progress(text=evidence.text, line=evidence.line, completed=q))


def status_of(text: str, gaz) -> str | None:
    for word, status in gaz.statuses:
        if word in text:
            return status
    return None


def deadline_iso(text: str, year: int | None, require_before: bool = False) -> str | None:
    """9月底前 → 2017-09-30 in a 2017 plan; 年底前 → 2017-12-31; 6月30日前 → 2017-06-30.  In a deadline cell or
    field with stages (10月31日前完成80%，12月20日前全面完工) the final stage; in a target's text the first."""
    text = text or ""
    if "月" in text:
        text = _CN_MONTH.sub(lambda m: str(int(to_number(m.group(1)) or 0)), text)
    elif require_before and "年" not in text:
        return None       # every DEADLINE holds 月 or 年 (年底, 年末): most target cells hold neither
    stages: list[str] = []
    for m in P.DEADLINE.finditer(text or ""):
        if require_before and not re.match(r"(?:前|之前)", text[m.end() - 2:m.end()] or "") \
                and not text[m.end():m.end() + 2].startswith(("前", "完成")) and not m.group(0).endswith("前"):
            continue
        y = int(m.group("y")) if m.group("y") else year
        if not y:
            return None
        year = y                       # 2023年10月31日前…，12月20日前: the stage's year carries on
        if m.group("ye"):
            stages.append(f"{y}-12-31")
        else:
            month = int(m.group("m"))
            if m.group("d"):
                day = min(int(m.group("d")), calendar.monthrange(y, month)[1])
            else:
                day = {"上旬": 10, "中旬": 20}.get(m.group("end"), calendar.monthrange(y, month)[1])
            stages.append(f"{y}-{month:02d}-{day:02d}")
        if require_before:
            break
    if stages:
        return max(stages) if not require_before else stages[0]
    if require_before:
        return None
    # a deadline cell or field with a bare month: 2014年11月 / 2020.11 / 11月份 -> the month's end;
    # 2020.11.30 -> that day; of several (2014年3月-11月) the last one
    bare = list(re.finditer(r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>1[0-2]|0?[1-9])月份?"
                            r"|[.．/-](?P<m2>1[0-2]|0?[1-9])(?:[.．/-](?P<d>[0-3]?\d))?(?![\d.]))"
                            r"|(?P<m3>1[0-2]|[1-9])月份?)(?![\d日号])", text or ""))
    if not bare:
        return None
    m = bare[-1]
    y = int(m.group("y")) if m.group("y") else year
    if not y:
        return None
    month = int(m.group("m1") or m.group("m2") or m.group("m3"))
    last = calendar.monthrange(y, month)[1]
    day = min(int(m.group("d")), last) if m.group("d") and int(m.group("d")) else last
    return f"{y}-{month:02d}-{day:02d}"
