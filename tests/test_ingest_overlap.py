"""What runs beside Prefect's start-up and beside the flow's tasks (issue 18): the survey made
before the flow, the first batch read ahead in the child, the store's writes in a thread, and the
progress bar's count of pages read by OCR."""
from __future__ import annotations

import pytest

from pipeline.isolate import Ahead, Limits
from pipeline.survey import Report, batches, plan

DOC = "某县2024年重点民生实事项目：新建公办幼儿园3所，新增学位900个。\n"


def docs(folder, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"{i:02d}.txt"
        path.write_text(DOC + f"第{i}份。\n", encoding="utf-8")
        out.append(str(path))
    return out


def test_plan_finds_the_work_before_the_flow(tmp_path):
    from pipeline import store

    paths = docs(tmp_path / "a", 3)
    (tmp_path / "a" / "README").write_text("notes, not a document\n")
    (tmp_path / "a" / "copy.txt").write_text(DOC + "第0份。\n", encoding="utf-8")     # a duplicate
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    con = store.connect(str(tmp_path / "s.duckdb"))
    try:
        got = plan([str(tmp_path / "a")], con, "test")
    finally:
        con.close()
    assert sorted(got.todo) == sorted(paths)
    assert got.total == 6 and got.report.skipped == 1 and got.report.duplicates == 1
    assert [c.path for c in got.failing] == [str(tmp_path / "a" / "empty.txt")]


@pytest.mark.parametrize("n, size, want", [
    (0, 50, []),
    (10, 50, [3, 3, 3, 1]),        # at least ~4 batches when there are few documents
    (400, 50, [50] * 8),
], ids=["none", "few", "many"])
def test_batches(n, size, want):
    assert [len(b) for b in batches(list(range(n)), size)] == want


def test_batches_read_ahead_are_taken_in_turn_then_the_child_reads_on(tmp_path):
    paths = docs(tmp_path, 4)
    ahead = Ahead([paths[:2], paths[2:]], Limits(timeout=60, memory_mb=512))
    try:
        ahead.thread.join()                                  # both batches read before the flow asks
        first = ahead.take(paths[:2])
        assert first is not None and all("contract" in r for r in first)
        assert ahead.take(paths[:1]) is None                 # not a batch read ahead
        assert ahead.take(paths[2:]) is not None and not ahead.done
        worker = ahead.adopt()
        assert worker is not None and "contract" in worker.run(paths[0])   # the child reads on
        worker.close()
    finally:
        ahead.close()


@pytest.mark.parametrize("text, chinese", [
    ("通知", False),
    ("关于印发的通知", True),
    ("a 关 b 于 c 印 d 发", True),
    ("README: how to build\n" * 50, False),
], ids=["two", "seven", "spread-out", "english"])
def test_a_text_is_a_document_with_four_chinese_characters(text, chinese):
    from pipeline.survey import _has_cjk

    assert _has_cjk(text.encode("utf-8")) is chinese
    assert _has_cjk(text.encode("gb18030")) is chinese


def test_a_failed_store_write_stops_the_run_from_the_store_thread(monkeypatch):
    from pipeline import flows

    calls = []

    def store_batch(done, *args):
        calls.append(done["n"])
        if done["n"] == 1:
            raise flows._DiskRefused("No space left on device")

    monkeypatch.setattr(flows, "_store_batch", store_batch)
    with pytest.raises(flows._DiskRefused), flows._Behind(None, Report(), "v", flows.Hooks()) as behind:
        for n in range(5):
            behind.put({"n": n})
    assert calls == [0, 1]          # nothing stored after the refusal


@pytest.mark.parametrize("pages, shown", [
    ([], ""),
    ([1], "1 page by OCR"),
    ([2, 0, 3], "5 pages by OCR"),
], ids=["no-scan", "one-page", "several"])
def test_progress_counts_pages_read_by_ocr(pages, shown):
    from pipeline.cli_batch import Progress

    bar = Progress(quiet=True)
    bar.start(10, len(pages))
    for n in pages:
        bar.advance(1, 0, n)
    assert bar.ocr_text() == shown
