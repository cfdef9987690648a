"""The store: one DuckDB file holding the minsheng/1 records of many documents.

    from pipeline import load
    frames = load("data/archive.duckdb")      # {"documents": DataFrame, "projects": ..., ...}

Tables: documents, projects, targets, progress, summaries, flags, failures. A document is
keyed by the sha256 of its bytes; `extractor_version` says which extractor produced its
rows, and a document re-extracted by a newer version replaces its old rows. Every
document's rows are written inside one transaction (delete, then insert), so a crash
leaves a document either wholly stored or absent. TARGET_CONFLICT flags, which compare
documents, are recomputed over the whole store after each ingest.

DuckDB lets one process write a file at a time; a second writer gets `StoreBusy` with a
one-line message instead of DuckDB's lock error.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from .errors import MinshengError

TABLES = ("documents", "projects", "targets", "progress", "summaries", "flags", "failures")

EVIDENCE = "evidence_text VARCHAR, evidence_line INTEGER, evidence_page INTEGER, evidence_table INTEGER, " \
           "evidence_row INTEGER"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    sha256 VARCHAR PRIMARY KEY, extractor_version VARCHAR NOT NULL, source VARCHAR, format VARCHAR,
    kind VARCHAR, title VARCHAR, doc_number VARCHAR, issuer VARCHAR, date VARCHAR, year INTEGER,
    period_from VARCHAR, period_to VARCHAR, region_name VARCHAR, region_code VARCHAR, region_path VARCHAR[],
    encoding VARCHAR, warnings VARCHAR[], n_projects INTEGER, n_targets INTEGER, n_progress INTEGER,
    n_summaries INTEGER, n_flags INTEGER, ingested_at TIMESTAMPTZ, contract JSON);
CREATE TABLE IF NOT EXISTS projects (
    sha256 VARCHAR, project INTEGER, seq VARCHAR, category VARCHAR, name VARCHAR, canonical VARCHAR,
    level VARCHAR, region VARCHAR, deadline VARCHAR, leaders VARCHAR[], lead_units VARCHAR[],
    partner_units VARCHAR[], {EVIDENCE});
CREATE TABLE IF NOT EXISTS targets (
    sha256 VARCHAR, project INTEGER, target INTEGER, text VARCHAR, value DOUBLE, unit VARCHAR, op VARCHAR,
    raw VARCHAR);
CREATE TABLE IF NOT EXISTS progress (
    sha256 VARCHAR, project INTEGER, progress INTEGER, as_of VARCHAR, region VARCHAR, completed_value DOUBLE,
    completed_unit VARCHAR, rate DOUBLE, status VARCHAR, text VARCHAR);
CREATE TABLE IF NOT EXISTS summaries (
    sha256 VARCHAR, summary INTEGER, subject VARCHAR, total DOUBLE, unit VARCHAR, parts JSON, listed INTEGER,
    {EVIDENCE});
CREATE TABLE IF NOT EXISTS flags (
    sha256 VARCHAR, flag INTEGER, code VARCHAR, severity VARCHAR, message VARCHAR, expected JSON, found JSON,
    other_sha256 VARCHAR, {EVIDENCE});
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR PRIMARY KEY, sha256 VARCHAR, extractor_version VARCHAR, error VARCHAR, reason VARCHAR,
    failed_at TIMESTAMPTZ);
"""
CHILD_TABLES = ("projects", "targets", "progress", "summaries", "flags")
LOCK = re.compile(r"Could not set lock on file|Conflicting lock|database is locked", re.IGNORECASE)
PID = re.compile(r"PID (\d+)")


class StoreBusy(MinshengError):
    """Another process is writing the database file."""


class StoreError(MinshengError):
    """The database file cannot be opened (not a DuckDB file, unreadable, newer format)."""


class StoreDamaged(StoreError):
    """Part of the database file cannot be read back (truncated, overwritten): no write or re-run
    will mend it; `minsheng repair` copies what is readable into a new file."""


# what DuckDB says when the file's blocks are not what it wrote: 'Could not read enough bytes from
# file "x.duckdb": attempted to read 262144 bytes', 'Corrupt database file: computed checksum … does not match'
DAMAGE = re.compile(r"could not read enough bytes|checksum|corrupt|not a valid duckdb|"
                    r"invalid (block|pointer|metadata)|failed to (read|load) (block|metadata)", re.IGNORECASE)


def damage(exc: BaseException) -> str | None:
    """What DuckDB said when `exc` is the store's file being damaged (not the disk refusing a write)."""
    if isinstance(exc, duckdb.Error) and DAMAGE.search(str(exc)):
        return str(exc).splitlines()[0][:200]
    return None


def damaged(db: str | Path, detail: str) -> StoreDamaged:
    return StoreDamaged(str(db), f"the store is damaged: part of it cannot be read back ({detail})",
                        f"run `minsheng repair --db {db} NEW.duckdb` to copy every readable document into a new "
                        "file, then ingest into NEW.duckdb (what was lost is extracted again); a full disk is "
                        "not the cause, and re-running into this file cannot succeed")


def _quarter(limit: str) -> str:
    """'64MB' → '16000KB': a quarter of a DuckDB memory size, for the checkpoint threshold."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", limit, re.IGNORECASE)
    if m is None:
        return "16MB"
    scale = 1000 ** " KMGT".index(m.group(2).upper() or " ")
    return f"{max(1, int(float(m.group(1)) * scale / 4 / 1000))}KB"


def connect(db: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create) the store; turn DuckDB's lock error into one line naming the file."""
    db = str(db)
    if not read_only:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    elif not Path(db).exists():
        raise StoreError(db, "no such database", "run `minsheng ingest PATH --db FILE` first")
    try:
        # a bounded buffer pool keeps a long ingest's memory flat (DuckDB's default is 80 % of RAM)
        # Rows not yet checkpointed stay in that pool, so the WAL is checkpointed at a quarter of it
        # (DuckDB's default, 16 MB, let 5,000 documents' writes fill 64 MB and the next query fail).
        limit = os.environ.get("MINSHENG_DB_MEMORY", "64MB")
        con = duckdb.connect(db, read_only=read_only, config={"memory_limit": limit})
        if not read_only:
            con.execute(f"SET checkpoint_threshold = '{_quarter(limit)}'")
    except duckdb.IOException as exc:
        if LOCK.search(str(exc)):
            pid = PID.search(str(exc))
            holder = f"process {pid.group(1)}" if pid else "another process"
            raise StoreBusy(db, f"the database is in use by {holder} (another ingest is writing it)",
                            "wait for that run to finish, or ingest into another --db file") from exc
        raise StoreError(db, f"cannot open the database ({str(exc).splitlines()[0][:160]})",
                         "check the path, or use a new --db file") from exc
    except duckdb.Error as exc:
        raise StoreError(db, f"not a usable DuckDB database ({str(exc).splitlines()[0][:160]})",
                         "use a new --db file") from exc
    if not read_only:
        con.execute(SCHEMA)
    return con


def known(con: duckdb.DuckDBPyConnection, version: str) -> tuple[set[str], dict[str, str]]:
    """The sha256 of documents stored by this extractor version, and of files known to fail
    with it (sha256 -> reason)."""
    done = {r[0] for r in con.execute("SELECT sha256 FROM documents WHERE extractor_version = ?",
                                      [version]).fetchall()}
    failed = {r[0]: r[1] for r in con.execute(
        "SELECT sha256, reason FROM failures WHERE extractor_version = ? AND sha256 IS NOT NULL",
        [version]).fetchall()}
    return done, failed


# ---------------------------------------------------------------- rows of one document

def _ev(e: dict | None) -> tuple:
    e = e or {}
    return (e.get("text"), e.get("line"), e.get("page"), e.get("table"), e.get("row"))


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def rows_of(contract: dict) -> dict[str, list[tuple]]:
    """The contract of one document as rows of each table (column order as in SCHEMA)."""
    d = contract["document"]
    sha = d["sha256"]
    region = d.get("region") or {}
    period = d.get("period") or {}
    out: dict[str, list[tuple]] = {t: [] for t in CHILD_TABLES}
    for i, p in enumerate(contract.get("projects", [])):
        out["projects"].append((sha, i, p.get("seq"), p.get("category"), p.get("name"), p.get("canonical"),
                                p.get("level"), p.get("region"), p.get("deadline"), list(p.get("leaders") or []),
                                list(p.get("lead_units") or []), list(p.get("partner_units") or []),
                                *_ev(p.get("evidence"))))
        for k, t in enumerate(p.get("targets", [])):
            out["targets"].append((sha, i, k, t.get("text"), t.get("value"), t.get("unit"), t.get("op"), t.get("raw")))
        for k, g in enumerate(p.get("progress", [])):
            done = g.get("completed") or {}
            out["progress"].append((sha, i, k, g.get("as_of"), g.get("region"), done.get("value"), done.get("unit"),
                                    g.get("rate"), g.get("status"), g.get("text")))
    for i, s in enumerate(contract.get("summaries", [])):
        out["summaries"].append((sha, i, s.get("subject"), s.get("total"), s.get("unit"), _json(s.get("parts") or {}),
                                 s.get("listed"), *_ev(s.get("evidence"))))
    for i, f in enumerate(contract.get("flags", [])):
        out["flags"].append((sha, i, f["code"], f["severity"], f["message"], _json(f.get("expected")),
                             _json(f.get("found")), None, *_ev(f.get("evidence"))))
    out["documents"] = [(sha, contract.get("extractor_version"), d.get("source"), d.get("format"), d.get("kind"),
                         d.get("title"), d.get("doc_number"), d.get("issuer"), d.get("date"), d.get("year"),
                         period.get("from"), period.get("to"), region.get("name"), region.get("code"),
                         list(region.get("path") or []), d.get("encoding"), list(d.get("warnings") or []),
                         len(out["projects"]), len(out["targets"]), len(out["progress"]), len(out["summaries"]),
                         len(out["flags"]), datetime.now(UTC), json.dumps(contract, ensure_ascii=False))]
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert rows through one Arrow table (DuckDB's executemany costs ~1 ms a row)."""
    if not rows:
        return
    import pyarrow as pa

    names = [c[0] for c in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
    arrow_rows = pa.Table.from_pylist([dict(zip(names, r)) for r in rows])  # noqa: F841 (read by DuckDB)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow_rows")


TEXT_CAP = 20000     # characters of one stored text (a title, an evidence line); a longer one is cut
# a lone surrogate, which no UTF-8 column can hold: 'a\udcffb' (a file name's stray byte, a cut UTF-16 pair)
SURROGATE = re.compile("[\ud800-\udfff]")


def capped(contract: dict) -> dict:
    """The contract with every text longer than TEXT_CAP cut to it, and lone surrogates replaced by
    U+FFFD (a warning saying each): a title or an evidence line of megabytes (a 10 MB text on one
    line) would not fit the store's buffer pool three times over, and says nothing a reader needs.
    Unchanged (the same object) when there is nothing to mend."""
    cut = 0
    mended = 0

    def walk(v: Any) -> Any:
        nonlocal cut, mended
        if isinstance(v, str) and SURROGATE.search(v):
            mended += 1
            v = SURROGATE.sub("\ufffd", v)
        if isinstance(v, str) and len(v) > TEXT_CAP:
            cut += 1
            return v[:TEXT_CAP] + "…"
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    if not _to_mend(contract):
        return contract
    out = walk(contract)
    doc = out["document"]
    doc["warnings"] = [*(doc.get("warnings") or []),
                       *([f"{cut} texts longer than {TEXT_CAP:,} characters were cut to that length in the store"]
                         if cut else []),
                       *([f"{mended} texts held characters that are not Unicode (lone surrogates), stored as �"]
                         if mended else [])]
    return out


def _to_mend(v: Any) -> bool:
    if isinstance(v, str):
        return len(v) > TEXT_CAP or SURROGATE.search(v) is not None
    if isinstance(v, dict):
        return any(_to_mend(x) for x in v.values())
    if isinstance(v, list):
        return any(_to_mend(x) for x in v)
    return False


def write_documents(con: duckdb.DuckDBPyConnection, contracts: list[dict]) -> None:
    """Store documents' records in one transaction, replacing any earlier version of each.

    All documents of a call land together or not at all, so none is ever half written; one
    transaction a batch rather than a document because each commit costs ~25 ms."""
    if not contracts:
        return
    contracts = [capped(c) for c in contracts]
    rowsets = [rows_of(c) for c in contracts]
    shas = [c["document"]["sha256"] for c in contracts]
    sources = [c["document"].get("source") for c in contracts]
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("documents", *CHILD_TABLES):
            con.execute(f"DELETE FROM {table} WHERE sha256 IN (SELECT unnest(?))", [shas])
        con.execute("DELETE FROM failures WHERE source IN (SELECT unnest(?)) OR sha256 IN (SELECT unnest(?))",
                    [sources, shas])
        for table in ("documents", *CHILD_TABLES):
            _insert(con, table, [r for rs in rowsets for r in rs[table]])
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:       # a COMMIT that failed has already ended the transaction
            pass
        raise


ROOMY = "1GB"        # the buffer pool one very large document may borrow


def write_roomy(con: duckdb.DuckDBPyConnection, contracts: list[dict]) -> None:
    """write_documents with the buffer pool raised to ROOMY for this one write: the bounded pool
    keeps a long ingest flat, but one document of tens of thousands of projects needs more."""
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()
    con.execute(f"SET memory_limit = '{ROOMY}'")
    try:
        write_documents(con, contracts)
    finally:
        if limit:
            con.execute(f"SET memory_limit = '{limit[0]}'")


DISK_PROBLEMS = ("No space left on device", "Disk quota exceeded", "Read-only file system", "Input/output error")


def disk_problem(exc: BaseException) -> str | None:
    """What the disk said when `exc` is the store (or its spool) failing to write, else None:
    such a failure is the disk's, not the document's, and no later write would succeed.
    A damaged file (see damage()) is not the disk's."""
    if damage(exc):
        return None
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc)
    for problem in DISK_PROBLEMS:
        if problem in text:
            return problem
    if isinstance(exc, duckdb.IOException):
        return text.splitlines()[0][:200]
    return None


def write_document(con: duckdb.DuckDBPyConnection, contract: dict) -> None:
    write_documents(con, [contract])


def write_failure(con: duckdb.DuckDBPyConnection, source: str, sha256: str | None, version: str,
                  error: str, reason: str) -> None:
    con.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?, ?)",
                [source, sha256, version, error, reason, datetime.now(UTC)])


# ---------------------------------------------------------------- TARGET_CONFLICT over the store

TARGET_ROWS = """
WITH keyed AS (
  SELECT t.sha256, p.canonical, d.region_code, d.year, coalesce(t.unit, '') AS unit_key, t.value
  FROM targets t JOIN projects p USING (sha256, project) JOIN documents d USING (sha256)
  WHERE p.canonical IS NOT NULL AND d.region_code IS NOT NULL AND d.year IS NOT NULL AND t.value IS NOT NULL
),
-- each document's values for a project type, region, year and unit, as a fingerprint of plain
-- aggregates (lists or DISTINCT aggregates do not fit a 64 MB buffer pool at 20,000 documents; a
-- fingerprint that differs only by a repeated value just sends the group to the exact check) …
per_doc AS (
  SELECT canonical, region_code, year, unit_key, sha256, count(*) AS n, min(value) AS lo,
         max(value) AS hi, sum(value) AS s1, sum(value * value) AS s2
  FROM keyed GROUP BY canonical, region_code, year, unit_key, sha256
),
-- … and only groups where two documents state different values can conflict: the rest stay in
-- DuckDB, and only their rows are read in full (keyed is used once, so it is never materialised)
open_groups AS (
  SELECT canonical, region_code, year, unit_key FROM per_doc GROUP BY canonical, region_code, year, unit_key
  HAVING min(n) <> max(n) OR min(lo) <> max(lo) OR min(hi) <> max(hi) OR min(s1) <> max(s1) OR min(s2) <> max(s2)
)
SELECT d.sha256, d.source, d.region_code, d.region_name, d.year, p.canonical, p.name, t.value, t.unit, t.text,
       p.evidence_line
FROM targets t JOIN projects p USING (sha256, project) JOIN documents d USING (sha256)
JOIN open_groups o ON o.canonical = p.canonical AND o.region_code = d.region_code AND o.year = d.year
                  AND o.unit_key = coalesce(t.unit, '')
WHERE t.value IS NOT NULL
ORDER BY d.sha256, p.project, t.target
"""


def refresh_conflicts(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the TARGET_CONFLICT flags of the whole store; return how many there are."""
    from extractors.conflicts import TargetRow, target_conflicts

    con.execute("CHECKPOINT")      # the run's last writes out of the buffer pool, room for the query

    rows = [TargetRow(*r) for r in con.execute(TARGET_ROWS).fetchall()]
    flags = list(target_conflicts(rows))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM flags WHERE code = 'TARGET_CONFLICT'")
        base = dict(con.execute("SELECT sha256, coalesce(max(flag), -1) + 1 FROM flags GROUP BY sha256").fetchall())
        out = []
        for f in flags:
            n = base.get(f.sha256, 0)
            base[f.sha256] = n + 1
            out.append((f.sha256, n, "TARGET_CONFLICT", "warning", f.message, _json(f.expected), _json(f.found),
                        f.other_sha256, f.evidence, f.line, None, None, None))
        _insert(con, "flags", out)
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:       # a COMMIT that failed has already ended the transaction
            pass
        raise
    return len(out)


# ---------------------------------------------------------------- reading it back

def load(db: str | Path, tables: Iterable[str] = TABLES) -> dict:
    """The store's tables as pandas DataFrames: {"documents": df, "projects": df, ...}.
    A damaged store raises StoreDamaged (one line, with the way to repair it)."""
    con = connect(db, read_only=True)
    try:
        frames = {}
        for t in tables:
            sql = ("SELECT * EXCLUDE (contract) FROM documents ORDER BY source" if t == "documents"
                   else f"SELECT * FROM {t} ORDER BY ALL")
            try:
                frames[t] = con.sql(sql).to_arrow_table().to_pandas()
            except duckdb.Error as exc:
                if detail := damage(exc):
                    raise damaged(db, f"table {t}: {detail}") from exc
                raise StoreError(str(db), f"table {t} could not be read ({str(exc).splitlines()[0][:160]})",
                                 f"run `minsheng verify --db {db}`") from exc
        return frames
    finally:
        con.close()


# ---------------------------------------------------------------- verify and repair

def verify(db: str | Path) -> dict:
    """Read every row of every table of the store and check that each document has the rows its
    counts say. {"tables": {name: rows}, "documents": n, "problems": [one line each]}."""
    con = connect(db, read_only=True)
    out: dict[str, Any] = {"tables": {}, "documents": 0, "problems": []}
    try:
        for t in TABLES:
            try:
                row = con.execute(f"SELECT count(*), sum(hash(COLUMNS(*))) FROM {t}").fetchone()
                out["tables"][t] = row[0] if row else 0
            except duckdb.Error as exc:
                out["problems"].append(f"table {t}: {damage(exc) or str(exc).splitlines()[0][:200]}")
        out["documents"] = out["tables"].get("documents", 0)
        if not out["problems"]:
            for table, column in (("projects", "n_projects"), ("targets", "n_targets"), ("progress", "n_progress")):
                row = con.execute(f"""SELECT count(*) FROM documents d LEFT JOIN
                    (SELECT sha256, count(*) n FROM {table} GROUP BY 1) c USING (sha256)
                    WHERE coalesce(c.n, 0) <> d.{column}""").fetchone()
                if row and row[0]:
                    out["problems"].append(f"{row[0]} documents have not the {table} rows their counts say")
    finally:
        con.close()
    return out


REPAIR_CHUNK = 1024     # rows: the smallest range of documents repair gives up on


def repair(old: str | Path, new: str | Path) -> dict:
    """Copy every document of `old` whose record can be read back into a new store `new`: each from
    its stored contract, so its rows in every table are whole; the failures list too, where it reads.
    {"documents": in old, "copied": n, "lost": [sources, where readable], "failures": n}."""
    if Path(new).exists():
        raise StoreError(str(new), "the file exists already", "give `minsheng repair` a new file to write")
    src = connect(old, read_only=True)
    try:
        row = src.execute("SELECT count(*), coalesce(max(rowid), -1) FROM documents").fetchone()
        total, last = (row[0], row[1]) if row else (0, -1)
        contracts: list[dict] = []
        lost: list[str] = []
        _salvage(src, "SELECT contract FROM documents WHERE rowid BETWEEN ? AND ?", 0, last,
                 lambda rows: contracts.extend(json.loads(r[0]) for r in rows),
                 lambda lo, hi: lost.extend(_sources(src, lo, hi)))
        failures: list[tuple] = []
        frow = src.execute("SELECT coalesce(max(rowid), -1) FROM failures").fetchone()
        _salvage(src, "SELECT * FROM failures WHERE rowid BETWEEN ? AND ?", 0, frow[0] if frow else -1,
                 failures.extend, lambda lo, hi: None)
    finally:
        src.close()
    dst = connect(new)
    try:
        for i in range(0, len(contracts), 50):
            write_documents(dst, contracts[i:i + 50])
        if failures:
            dst.executemany("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?, ?)", failures)
        refresh_conflicts(dst)
    finally:
        dst.close()
    return {"documents": total, "copied": len(contracts), "lost": lost, "lost_count": total - len(contracts),
            "failures": len(failures)}


def _salvage(con: duckdb.DuckDBPyConnection, sql: str, lo: int, hi: int, take, give_up) -> None:
    """Read rows lo..hi by `sql` (a rowid range); where a range cannot be read, halve it, down to
    REPAIR_CHUNK rows, and hand the range that stays unreadable to `give_up`."""
    if hi < lo:
        return
    try:
        rows = con.execute(sql, [lo, hi]).fetchall()
    except duckdb.Error:
        if hi - lo < REPAIR_CHUNK:
            give_up(lo, hi)
            return
        mid = (lo + hi) // 2
        _salvage(con, sql, lo, mid, take, give_up)
        _salvage(con, sql, mid + 1, hi, take, give_up)
        return
    take(rows)


def _sources(con: duckdb.DuckDBPyConnection, lo: int, hi: int) -> list[str]:
    """The sources of documents lo..hi, where that column still reads."""
    try:
        return [r[0] for r in con.execute("SELECT source FROM documents WHERE rowid BETWEEN ? AND ?", [lo, hi]).fetchall()]
    except duckdb.Error:
        return []


def summary(con: duckdb.DuckDBPyConnection) -> dict:
    """Counts over the whole store for the end-of-run report."""
    def pairs(sql: str) -> list[list]:
        return [list(r) for r in con.execute(sql).fetchall()]

    one = con.execute("SELECT count(*), sum(n_projects), sum(n_targets), sum(n_progress) FROM documents").fetchone() \
        or (0, 0, 0, 0)
    return {
        "documents": one[0], "projects": int(one[1] or 0), "targets": int(one[2] or 0), "progress": int(one[3] or 0),
        "by_kind": dict(pairs("SELECT coalesce(kind, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")),
        "by_region": pairs("SELECT coalesce(region_name, '?'), region_code, count(*) FROM documents "
                           "GROUP BY 1, 2 ORDER BY 3 DESC, 1"),
        "by_year": {str(k): v for k, v in pairs("SELECT coalesce(CAST(year AS VARCHAR), '?'), count(*) "
                                                 "FROM documents GROUP BY 1 ORDER BY 1")},
        "flags": dict(pairs("SELECT code, count(*) FROM flags GROUP BY 1 ORDER BY 2 DESC, 1")),
        "failures": pairs("SELECT source, reason FROM failures ORDER BY source"),
    }


# ---------------------------------------------------------------- export

FORMATS = ("parquet", "csv", "xlsx", "dta")

# the columns that tie a record to its words in the document
EVIDENCE_COLUMNS = ["evidence_text", "evidence_line", "evidence_page", "evidence_table", "evidence_row"]

# Stata variable labels (Chinese first, as researchers in the field read them); 80 characters at most
STATA_LABELS = {
    "sha256": "文件哈希 sha256 of the file's bytes", "source": "文件 source file", "project": "项目序 project index",
    "name": "项目名称 project name", "canonical": "项目类型 project type", "text": "原文 verbatim text",
    "value": "目标值 target value", "unit": "单位 unit", "op": "比较 op (= >= <=)",
    "completed_value": "完成数 completed", "completed_unit": "完成数单位 unit of completed", "rate": "完成率% rate",
    "lead_units": "牵头单位 lead units", "partner_units": "配合单位 partner units", "leaders": "牵头领导 leaders",
    "deadline": "完成时限 deadline", "region": "地区 region", "region_name": "地区 region", "year": "年份 year",
    "kind": "文件类型 kind", "title": "标题 title", "code": "问题代码 flag code", "message": "问题说明 message",
    "evidence_text": "证据原文 evidence text", "evidence_line": "行 line", "evidence_page": "页 page",
    "evidence_table": "表 table", "evidence_row": "表行 table row",
}
STATA_STR_MAX = 2045          # bytes a Stata str# holds; longer text is written as strL


def with_evidence(frames: dict) -> dict:
    """Every table of records gets the file it came from (`source`) and its evidence columns:
    targets and progress take the line, page, table, row and verbatim text of their project."""
    docs = frames.get("documents")
    projects = frames.get("projects")
    out = {}
    for name, df in frames.items():
        if name in ("documents", "failures"):
            out[name] = df
            continue
        if docs is not None and "source" not in df.columns:
            df = df.merge(docs[["sha256", "source"]], on="sha256", how="left")
        if name in ("targets", "progress") and projects is not None:
            df = df.merge(projects[["sha256", "project", *EVIDENCE_COLUMNS]], on=["sha256", "project"], how="left")
        first = ["sha256", "source"] if "source" in df.columns else ["sha256"]
        out[name] = df[first + [c for c in df.columns if c not in first]]
    return out


def _flat(df):
    """Lists become `、`-joined text for csv, xlsx and dta; timestamps lose their zone for Excel."""
    import pandas as pd

    df = df.copy()
    for col in df.columns:
        if df[col].dtype == object and df[col].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            df[col] = df[col].map(lambda v: "、".join(map(str, v)) if v is not None and not isinstance(v, str) else v)
        elif isinstance(df[col].dtype, pd.DatetimeTZDtype):
            df[col] = df[col].dt.tz_localize(None)
    return df


def _stata_ready(df):
    """A frame Stata can hold: text columns as str (None → ""), nullable integers as floats
    (Stata's missing is a float one), times without a zone."""
    import pandas as pd

    df = _flat(df)
    for col in df.columns:
        if _is_text(df[col]):
            df[col] = df[col].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
        elif isinstance(df[col].dtype, pd.BooleanDtype | pd.Int64Dtype | pd.Int32Dtype):
            df[col] = df[col].astype("float64")
    return df


def write_dta(df, path: Path) -> None:
    """One table as a Stata 14+ file (format 118: UTF-8, so Chinese text and labels stay intact);
    text longer than a str# holds goes out as strL."""
    df = _stata_ready(df)
    long_text = [c for c in df.columns if _is_text(df[c])
                 and max((len(v.encode("utf-8")) for v in df[c]), default=0) > STATA_STR_MAX]
    labels = {c: STATA_LABELS[c] for c in df.columns if c in STATA_LABELS}
    df.to_stata(path, write_index=False, version=118, convert_strl=long_text, variable_labels=labels)


def _csv_safe_frame(df):
    """Text a spreadsheet would run as a formula (=, +, -, @ …) is written with a leading apostrophe."""
    from .cells import csv_safe

    df = _flat(df)
    for col in df.columns:
        if _is_text(df[col]):
            df[col] = df[col].map(csv_safe)
    return df


def _is_text(column) -> bool:
    """A column of text, whether pandas holds it as objects or as its string dtype (pandas 3)."""
    import pandas as pd

    return column.dtype == object or pd.api.types.is_string_dtype(column.dtype)


def export(db: str | Path, fmt: str, out: str | Path) -> list[Path]:
    """Write every table: parquet/csv/dta → OUT is a folder with one file a table; xlsx → one
    workbook with one sheet a table. Every table of records carries its source file and its
    evidence columns. Returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    frames = with_evidence(load(db))
    out = Path(out)
    if fmt == "xlsx":
        import openpyxl
        import pandas as pd

        from .cells import defuse_book

        out.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(out, engine="openpyxl") as xw:
            for name, df in frames.items():
                _flat(df).to_excel(xw, sheet_name=name, index=False)
        book = openpyxl.load_workbook(out)
        if defuse_book(book):            # a document's text openpyxl stored as a formula: stored as text
            book.save(out)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in frames.items():
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            df.to_parquet(path, index=False)
        elif fmt == "dta":
            write_dta(df, path)
        else:
            _csv_safe_frame(df).to_csv(path, index=False, encoding="utf-8-sig")
        written.append(path)
    return written
