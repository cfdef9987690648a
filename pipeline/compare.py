"""Targets of one project type across years and regions, in numbers a researcher can use.

    from pipeline.compare import compare, pivot
    rows = compare("archive.duckdb", "孕产妇产前筛查")   # one row a target, with its source and evidence
    pivot(rows).plot()                                 # years × "region（unit）", numbers

Units are made comparable before anything is compared: 名 counts people (人), money is shown in
万元, and units of different kinds (人 and 人次, 户 and 人) are never put in one column: a column's
name carries its unit. `summary()` counts targets by type and year, `types()` lists the types with
their counts, `chart()` draws one type's targets.
"""
from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from typing import Any

# the unit a stored target is compared in, and the factor its value is multiplied by.
# 名 and 人 both count people (the extractor keeps 名 as written); money is stored in 元.
COMPARE_UNITS: dict[str, tuple[str, float]] = {
    "名": ("人", 1.0),
    "元": ("万元", 1e-4),
}

QUERY = """
SELECT p.canonical AS type, d.year, d.region_name AS region, d.region_code, array_to_string(d.region_path, '/') AS path,
       t.value AS written_value, t.unit AS written_unit, t.op, t.text AS target_text, p.name AS project,
       d.source, d.sha256, p.evidence_line AS line, p.evidence_page AS page, p.evidence_table AS "table",
       p.evidence_row AS "row",
       (SELECT max(g.completed_value) FROM progress g
         WHERE g.sha256 = p.sha256 AND g.project = p.project AND g.region IS NULL
           AND g.completed_unit IS NOT DISTINCT FROM t.unit) AS written_completed
FROM projects p
JOIN documents d ON d.sha256 = p.sha256
JOIN targets t ON t.sha256 = p.sha256 AND t.project = p.project
WHERE p.region IS NULL AND t.value IS NOT NULL
"""

COLUMNS = ["type", "label", "year", "region", "target", "unit", "completed", "op", "project", "target_text",
           "written_value", "written_unit", "source", "line", "page", "table", "row", "region_code", "path",
           "sha256"]


def comparable(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """(value, unit) in the unit targets are compared in: 1200名 → 1200人, 1.6e7元 → 1600万元."""
    if unit in COMPARE_UNITS:
        to, factor = COMPARE_UNITS[unit]
        return (None if value is None else value * factor), to
    return value, unit


def _rows(db: str | Path):
    """Every target of a typed project, one row each, in comparable units."""
    from extractors.taxonomy import classify, load_types

    from .store import connect

    types = load_types()
    labels = {t.id: t.label for t in types}
    con = connect(db, read_only=True)
    try:
        df = con.execute(QUERY).df()
    finally:
        con.close()
    # a project with several indicators (就业2.3万人、培训3万人次) is compared indicator by indicator
    df["type"] = [classify(t or "", types) or c for t, c in zip(df["target_text"], df["type"])]
    df = df[df["type"].notna()].copy()
    df["label"] = df["type"].map(labels).fillna(df["type"])
    pairs = [comparable(v, u) for v, u in zip(df["written_value"], df["written_unit"])]
    df["target"] = [v for v, _ in pairs]
    df["unit"] = [u for _, u in pairs]
    df["completed"] = [comparable(v, u)[0] for v, u in zip(df["written_completed"], df["written_unit"])]
    df["year"] = df["year"].astype("Int64")
    return df[COLUMNS]


def compare(db: str | Path, type_: str | None = None, region: str | None = None, by: str = "year"):
    """Targets (of one type: an id, its label or any wording resolving to one type) as rows with
    their source document and evidence; `pivot()` turns them into a table of numbers."""
    from extractors.taxonomy import load_types, resolve_query

    df = _rows(db)
    if type_:
        tid = resolve_query(type_, load_types())
        if tid is None:
            raise ValueError(f"{type_}: no single project type matches (`minsheng compare --list-types` "
                             "lists them)")
        df = df[df["type"] == tid]
    if region:
        df = df[df["path"].fillna("").str.contains(region, regex=False) | (df["region"] == region)]
    order = ["type", "year", "region"] if by == "year" else ["type", "region", "year"]
    return df.sort_values(order, na_position="last").reset_index(drop=True)


def column_name(region: Any, unit: Any, label: str | None = None) -> str:
    """大方县（人）: a pivot column names its unit; 孕产妇产前筛查·大方县（人） when types are mixed."""
    import pandas as pd

    name = "（地区不明）" if region is None or pd.isna(region) else str(region)
    if isinstance(unit, str) and unit:
        name += f"（{unit}）"
    return f"{label}·{name}" if label else name


def pivot(df, by: str = "year"):
    """Years × regions (by="year") or regions × years (by="region") of the largest target stated
    for each cell, as numbers. The unit is in each column's name (大方县（人）, 2021（人次）), so
    `pivot(rows).plot()` draws one line a region across the years, and units never mix."""
    import pandas as pd

    if df.empty:
        return pd.DataFrame()
    mixed = df["type"].nunique() > 1
    labels = df["label"] if mixed else [None] * len(df)
    if by == "year":
        index, keys = "year", df["region"]
    else:
        index, keys = "region", df["year"]
    cols = [column_name(k, u, lab) for k, u, lab in zip(keys, df["unit"], labels)]
    table = pd.pivot_table(df.assign(column=cols), index=index, columns="column", values="target", aggfunc="max")
    table.columns.name = None
    return table


def unit_groups(df):
    """The rows of one type split by unit, the unit with most targets first: (unit, rows) pairs."""
    counts = df["unit"].fillna("").value_counts()
    return [(unit, df[df["unit"].fillna("") == unit]) for unit in counts.index]


def summary(df):
    """Number of targets by type (Chinese label) and year, types with most targets first."""
    import pandas as pd

    if df.empty:
        return pd.DataFrame()
    table = pd.crosstab(df["label"], df["year"])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table.index.name, table.columns.name = "类型", None
    return table


def types(df):
    """Every type in the rows: label, id, targets, documents, regions and years, most targets first."""
    import pandas as pd

    if df.empty:
        return pd.DataFrame(columns=["label", "type", "targets", "documents", "regions", "years"])
    g = df.groupby(["label", "type"], dropna=False)
    out = pd.DataFrame({
        "targets": g.size(),
        "documents": g["sha256"].nunique(),
        "regions": g["region"].nunique(),
        "years": g["year"].agg(lambda s: _span(s.dropna())),
    }).reset_index()
    return out.sort_values(["targets", "label"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _span(years) -> str:
    years = sorted(int(y) for y in set(years))
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


# ---------------------------------------------------------------- text tables for the terminal

def width(text: str) -> int:
    """Columns a string takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render(header: list[str], rows: list[list[str]], right_from: int = 1) -> str:
    """A plain-text table aligned for Chinese: the first `right_from` columns left, the rest right."""
    cols = len(header)
    widths = [max(width(r[c]) for r in [header, *rows]) for c in range(cols)]

    def line(cells: list[str]) -> str:
        out = []
        for c, cell in enumerate(cells):
            pad = " " * (widths[c] - width(cell))
            out.append(cell + pad if c < right_from else pad + cell)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def number(value: float | None) -> str:
    """8,500 / 1,234.5 / 0.25: thousands separated, at most two decimals, — for none."""
    if value is None or math.isnan(value):
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def type_table(df, by: str = "year") -> str:
    """One type's targets as text: a table a unit, regions × years (or years × regions); a cell
    where documents state different targets shows the largest, marked *."""
    import pandas as pd

    blocks = []
    for unit, rows in unit_groups(df):
        label = rows["label"].iloc[0]
        years = sorted({int(y) for y in rows["year"].dropna()})
        regions = sorted({str(r) for r in rows["region"].dropna()}) + (["（地区不明）"] if rows["region"].isna().any() else [])
        key_region = rows["region"].fillna("（地区不明）").astype(str)
        cells: dict[tuple[str, int], set[float]] = {}
        for reg, year, value in zip(key_region, rows["year"], rows["target"]):
            if not pd.isna(year):
                cells.setdefault((reg, int(year)), set()).add(float(value))

        def cell(reg: str, year: int, cells: dict[tuple[str, int], set[float]] = cells) -> str:
            values = cells.get((reg, year))
            if not values:
                return "—"
            return number(max(values)) + ("*" if len(values) > 1 else "")

        if by == "year":
            header = ["地区", *map(str, years)]
            body = [[reg, *(cell(reg, y) for y in years)] for reg in regions]
        else:
            header = ["年份", *regions]
            body = [[str(y), *(cell(reg, y) for reg in regions)] for y in years]
        title = f"{label}（{unit}）" if unit else f"{label}（无单位）"
        blocks.append(title + "\n" + render(header, body))
        if any(len(v) > 1 for v in cells.values()):
            blocks[-1] += "\n* 几份文件所列目标不同，取最大值；见下方来源（TARGET_CONFLICT）"
    if len(blocks) > 1:
        blocks.append("单位不同的目标分表列出，不相加、不比较（" + "、".join(u or "无单位" for u, _ in unit_groups(df)) + "）")
    return "\n\n".join(blocks)


def sources(df) -> list[str]:
    """One line a figure: year, region, target, the first file stating it with its line and the
    words, and how many other files (renderings, copies) state the same."""
    import pandas as pd

    out = []
    seen: dict[tuple, int] = {}
    for r in df.itertuples():
        key = (r.year, r.region, r.target, r.unit, r.target_text)
        if key in seen:
            seen[key] += 1
            continue
        seen[key] = 0
        where = "" if pd.isna(r.line) else f":{int(r.line)}"
        text = f"{r.year} {r.region}: {number(r.target)}{r.unit or ''} — {r.source}{where} 「{r.target_text}」"
        out.append((key, text))
    return [text + (f" (+{seen[key]} other files)" if seen[key] else "") for key, text in out]


# ---------------------------------------------------------------- chart

CJK_FONTS = ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
             "SimHei", "Microsoft YaHei", "PingFang SC")


def cjk_font() -> str | None:
    """The file of an installed font with Chinese glyphs (fonts-wqy-zenhei on Debian), or None."""
    from matplotlib import font_manager

    installed = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return installed[name]
    return None


def chart(df, out: str | Path) -> str | None:
    """Draw one type's targets (`draw`) to a PNG. Returns a warning when no Chinese font is
    installed, else None."""
    import matplotlib.pyplot as plt

    fig, warning = draw(df)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return warning


def draw(df):
    """One type's targets as a matplotlib Figure: a line a region across the years, one panel a
    unit, a log scale when a panel's values span more than two orders of magnitude. Chinese text
    is set in a font chosen by its file (no font lookup, so no font warnings); without one the
    labels are English. Returns (figure, warning or None)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import FuncFormatter

    path = cjk_font()
    zh = FontProperties(fname=path) if path else None
    warning = None if path else ("no font with Chinese characters is installed — the chart's labels are in "
                                 "English; apt-get install fonts-wqy-zenhei for Chinese ones")
    groups = unit_groups(df)
    fig, axes = plt.subplots(len(groups), 1, figsize=(8, 3.6 * len(groups)), squeeze=False)
    label = df["label"].iloc[0]
    for ax, (unit, rows) in zip(axes[:, 0], groups):
        table = pivot(rows, "year")
        for column in table.columns:
            series = table[column].dropna()
            ax.plot(series.index.astype(int), series.values, marker="o", label=str(column).rsplit("（", 1)[0])
        values = rows["target"].dropna()
        values = values[values > 0]
        if len(values) and values.max() / values.min() > 100:
            ax.set_yscale("log")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v)))   # 10,000, not mathtext 10^4
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda _v, _pos: ""))
        ax.set_xticks(sorted({int(y) for y in rows["year"].dropna()}))
        unit_text = unit or "无单位"
        if zh is not None:
            ax.set_title(f"{label}：各地目标（{unit_text}）", fontproperties=zh)
            ax.set_xlabel("年份", fontproperties=zh)
            ax.set_ylabel(unit_text, fontproperties=zh)
            if len(table.columns) <= 20:
                small = zh.copy()
                small.set_size(7)
                ax.legend(prop=small, loc="best", ncols=2 if len(table.columns) > 8 else 1)
        else:
            ax.set_title(f"{rows['type'].iloc[0]}: targets by region ({len(rows)})")
            ax.set_xlabel("year")
            ax.set_ylabel("target")
    fig.tight_layout()
    return fig, warning


# ---------------------------------------------------------------- names no type claims

def unclassified(db: str | Path, top: int = 30):
    """Project names no type claims, and the words (jieba) that recur among them — where the
    taxonomy needs a new type or alias.  Returns (names DataFrame, word counts DataFrame)."""
    import logging
    from collections import Counter

    import jieba
    import pandas as pd

    from .store import connect

    jieba.setLogLevel(logging.WARNING)
    con = connect(db, read_only=True)
    try:
        names = con.execute(
            "SELECT p.name, count(*) AS n, min(d.source) AS example FROM projects p JOIN documents d USING (sha256) "
            "WHERE p.canonical IS NULL GROUP BY p.name ORDER BY n DESC").df()
    finally:
        con.close()
    words: Counter = Counter()
    for name, n in zip(names["name"], names["n"]):
        for w in set(jieba.lcut(str(name))):
            if len(w) >= 2 and not w.isdigit():
                words[w] += int(n)
    return names, pd.DataFrame(words.most_common(top), columns=["word", "names"])
