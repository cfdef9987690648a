"""Cross-year and cross-region comparison of one project type's targets (and completion).

    from pipeline.compare import compare
    compare("archive.duckdb", "孕产妇产前筛查", by="year")   # a pandas DataFrame
"""
from __future__ import annotations

from pathlib import Path

QUERY = """
SELECT p.canonical AS type, d.year, d.region_name AS region, d.region_code, array_to_string(d.region_path, '/') AS path,
       t.value AS target, t.unit, t.op, t.text AS target_text, p.name AS project, d.source,
       (SELECT max(g.completed_value) FROM progress g
         WHERE g.sha256 = p.sha256 AND g.project = p.project AND g.region IS NULL) AS completed
FROM projects p
JOIN documents d ON d.sha256 = p.sha256
JOIN targets t ON t.sha256 = p.sha256 AND t.project = p.project
WHERE p.region IS NULL
"""


def compare(db: str | Path, type_: str | None = None, region: str | None = None, by: str = "year"):
    """Targets of one type (an id, its label or any wording resolving to one type) as rows, with
    their source document; `pivot()` turns them into a year × region table."""
    import duckdb

    from extractors.taxonomy import classify, load_types, resolve_query

    types = load_types()
    df = duckdb.connect(str(db), read_only=True).execute(QUERY).df()
    # a project with several indicators (就业2.3万人、培训3万人次) is compared indicator by indicator
    df["type"] = [classify(t or "", types) or c for t, c in zip(df["target_text"], df["type"])]
    df = df[df["type"].notna()]
    if type_:
        tid = resolve_query(type_, types)
        if tid is None:
            raise ValueError(f"{type_}: no single project type matches — try an id or label from "
                             "gazetteer/project_types.yaml")
        df = df[df["type"] == tid]
    if region:
        df = df[df["path"].fillna("").str.contains(region) | (df["region"] == region)]
    return df.sort_values(["type", "year", "region"] if by == "year" else ["type", "region", "year"])


def pivot(df, by: str = "year"):
    import pandas as pd

    if df.empty:
        return df
    cells = df.assign(cell=df["target"].map(lambda v: f"{v:g}") + df["unit"].fillna(""))
    index, columns = ("region", "year") if by == "year" else ("year", "region")
    return pd.pivot_table(cells, index=["type", index], columns=columns, values="cell",
                          aggfunc=lambda s: " / ".join(sorted(set(s))))


def chart(df, out: str | Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import warnings

    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = ["WenQuanYi Zen Hei", "Noto Sans CJK SC", "DejaVu Sans"]
    warnings.filterwarnings("ignore", message="Glyph .* missing")
    fig, ax = plt.subplots(figsize=(8, 4))
    for region, g in df.groupby("region"):
        ax.plot(g["year"], g["target"], marker="o", label=str(region))
    ax.set_xlabel("year")
    ax.set_ylabel("target")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out)


def unclassified(db: str | Path, top: int = 30):
    """Project names no type claims, and the words (jieba) that recur among them — where the
    taxonomy needs a new type or alias.  Returns (names DataFrame, word counts DataFrame)."""
    import logging
    from collections import Counter

    import duckdb
    import jieba
    import pandas as pd

    jieba.setLogLevel(logging.WARNING)
    names = duckdb.connect(str(db), read_only=True).execute(
        "SELECT p.name, count(*) AS n, min(d.source) AS example FROM projects p JOIN documents d USING (sha256) "
        "WHERE p.canonical IS NULL GROUP BY p.name ORDER BY n DESC").df()
    words: Counter = Counter()
    for name, n in zip(names["name"], names["n"]):
        for w in set(jieba.lcut(str(name))):
            if len(w) >= 2 and not w.isdigit():
                words[w] += int(n)
    return names, pd.DataFrame(words.most_common(top), columns=["word", "names"])
