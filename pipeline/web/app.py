"""The paste page: a supervisor pastes a 通报 (or uploads its file) and gets a checked table.

    create_app() -> FastAPI
    GET  /                      the page (static HTML/JS/CSS shipped in the package, no CDN)
    POST /api/extract           JSON {"text": "…"} or a multipart upload (field "file");
                                returns the minsheng/1 object plus "lines", the text view
    POST /api/export?format=    xlsx | csv | markdown, from a minsheng/1 object (or {"text"})
    GET  /api/health

Extraction runs in worker processes (pipeline/web/worker.py), each request bounded by
`time_limit` seconds: past it the answer is a 413 "文档过长…请拆分" and the worker is replaced.
Bad input (MinshengError) is a 400 with its one-line message, Chinese first; a body over
MAX_UPLOAD is a 413; malformed JSON (1,000 levels deep, a lone surrogate) is a 400.
Only the page's own origin may post (JSON or multipart, never text/plain from another site), and
only loopback Host names are served unless `minsheng serve --host` names another (DNS rebinding).
"""
from __future__ import annotations

import io
import json
import time
import urllib.parse
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import views
from ..errors import MinshengError
from .messages import chinese
from .worker import BadInput, Pool, TooLong, default_size

STATIC = Path(__file__).parent / "static"
MAX_UPLOAD = 20 * 1024 * 1024
TIME_LIMIT = 30.0                # seconds one extraction may take on the page
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
PASTE_SOURCE = "粘贴文本"
EXPORT_FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
}
# The page renders every document string with textContent; the policy is a second wall.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class PayloadTooLarge(Exception):
    """The request body passed MAX_UPLOAD while it was being received."""


def too_large_message(limit: int) -> str:
    mb = limit // (1024 * 1024)
    return f"文件过大：上限为 {mb} MB，请拆分后再上传 (file too large: the limit is {mb} MB — split it into smaller files)"


class BodyLimit:
    """ASGI middleware: refuse a body over `limit` bytes, by Content-Length or while streaming."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                resp = JSONResponse({"error": too_large_message(self.limit)}, status_code=413)
                return await resp(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise PayloadTooLarge()
            return message

        return await self.app(scope, counted, send)




def error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def too_long_message(limit: float) -> str:
    return (f"文档过长：{limit:g} 秒内未能提取完，请拆分后分别提交 "
            f"(the document took longer than {limit:g} s — split it into smaller parts)")


def host_name(host: str) -> str:
    """127.0.0.1:8000 → 127.0.0.1; [::1]:8000 → ::1; the name part of a Host header, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def allowed_hosts_for(bind: str) -> frozenset[str] | None:
    """The Host names to serve for `serve --host bind`: loopback, plus the address named; None (any) for
    0.0.0.0 or ::, where the user asked to serve every address of the machine."""
    if bind in ("0.0.0.0", "::", ""):
        return None
    return LOOPBACK | {host_name(bind)}


def cross_site(request: Request) -> str | None:
    """Why a state-changing request does not come from the page's own origin, or None when it does.
    A browser always sends Origin on a cross-site POST; a client without one (curl) is the user's own."""
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if origin is not None:
        if origin.rstrip("/").lower() not in (f"http://{host}".lower(), f"https://{host}".lower()):
            return f"origin {origin}"
    elif request.headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
        return "a request from another site"
    return None


def _load_json(raw: bytes):
    """The JSON of a body, or None when it is not JSON, nests too deep or is not UTF-8."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def _utf8(text: str) -> bytes | None:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:              # a lone surrogate such as \ud800
        return None


def create_app(db: str | None = None, max_upload: int = MAX_UPLOAD, time_limit: float = TIME_LIMIT,
               allowed_hosts: frozenset[str] | None = LOOPBACK, workers: int | None = None) -> FastAPI:
    """The app; `db` is the DuckDB file named by `minsheng serve --db` (kept for the store);
    `allowed_hosts` the Host names served (None: any)."""
    pool = Pool(size=workers or default_size(), limit=time_limit)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(_warm, pool)
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(title="minsheng", summary="重点民生实事 paste page", lifespan=lifespan,
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.state.db = db
    app.state.pool = pool
    app.add_middleware(BodyLimit, limit=max_upload)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        name = host_name(request.headers.get("host", ""))
        if allowed_hosts is not None and name not in allowed_hosts:
            response: Response = error(
                f"拒绝访问：{name or '（无）'} 不是本机地址，如需对外提供请用 minsheng serve --host 指定 "
                f"(Host {name!r} is not served — start with --host to serve it)", 403)
        elif request.method not in ("GET", "HEAD", "OPTIONS") and (why := cross_site(request)):
            response = error(f"拒绝跨站请求：只接受本页面发出的请求 (cross-site request refused: {why})", 403)
        else:
            response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    async def run(data: bytes, source: str, fmt: str | None) -> dict:
        return await run_in_threadpool(pool.run, data, source, fmt)

    @app.exception_handler(PayloadTooLarge)
    async def on_too_large(request: Request, exc: PayloadTooLarge):
        return error(too_large_message(max_upload), 413)

    @app.exception_handler(TooLong)
    async def on_too_long(request: Request, exc: TooLong):
        return error(too_long_message(exc.limit), 413)

    @app.exception_handler(RuntimeError)
    async def on_worker_failure(request: Request, exc: RuntimeError):
        return error(f"内部错误：提取失败，请把这份文件报告给维护者 (internal error: {str(exc).splitlines()[0] if str(exc) else 'worker'})",
                     500)

    @app.exception_handler(MinshengError)
    async def on_bad_input(request: Request, exc: MinshengError):
        return error(chinese(exc, exc.kind if isinstance(exc, BadInput) else None), 400)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def index():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/health")
    async def health():
        return {"status": "ok", "gazetteer": pool.ready, "max_upload": max_upload, "time_limit": time_limit,
                "compare": bool(app.state.db)}

    @app.get("/api/compare")
    async def compare(type: str, region: str | None = None, by: str = "year"):
        """One project type's targets across years and regions, from the store of `serve --db`."""
        if not app.state.db:
            return error("没有配置数据库：请用 minsheng serve --db FILE 启动 (no store — start with --db FILE)", 404)
        from ..compare import compare as run_compare

        try:
            rows = await run_in_threadpool(run_compare, app.state.db, type, region, by)
        except ValueError as exc:
            return error(str(exc), 400)
        keep = ["type", "year", "region", "region_code", "target", "unit", "op", "completed", "project", "source"]
        records = rows[keep].astype(object).where(rows[keep].notna(), None).to_dict(orient="records")
        return {"type": records[0]["type"] if records else None, "rows": records}

    @app.post("/api/extract")
    async def extract(request: Request):
        """JSON {"text": "…"} (pasted text) or multipart with a file in field "file"."""
        ctype = request.headers.get("content-type", "").lower()
        if ctype.startswith("multipart/form-data"):
            form = await request.form(max_files=1, max_fields=10, max_part_size=max_upload)
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                return error("没有收到文件：请用字段 file 上传 (no file received — send it in the field 'file')", 400)
            data = await upload.read()
            source = Path(upload.filename or "upload").name
            fmt = None
        elif ctype.startswith("application/json"):
            body = _load_json(await request.body())
            if body is None:
                return error('请求不是有效的 JSON：应为 {"text": "…"} (the body is not JSON — send {"text": "…"})', 400)
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str):
                return error('缺少 text 字段：应为 {"text": "…"} (missing "text" — send {"text": "…"})', 400)
            encoded = _utf8(text)
            if encoded is None:
                return error("文本含有无效字符（孤立的代理码位），请重新复制原文 (the text holds a lone surrogate)", 400)
            data, source, fmt = encoded, PASTE_SOURCE, "txt"
        else:
            return error('只接受 JSON {"text": "…"} 或上传文件 (send JSON or a multipart upload)', 415)
        if not data.strip():
            return error(f"{source}: 内容为空 (the input is empty — paste a document or choose a file)", 400)
        t0 = time.perf_counter()
        out = await run(data, source, fmt)
        return JSONResponse(out, headers={"Server-Timing": f"extract;dur={(time.perf_counter() - t0) * 1000:.1f}"})

    @app.post("/api/export")
    async def export(request: Request, format: str = "xlsx"):
        """A download of one or more minsheng/1 objects (the page posts what /api/extract gave it)."""
        if format not in EXPORT_FORMATS:
            return error(f"不支持的格式 {format!r}：可选 xlsx、csv、markdown (unknown format — use xlsx, csv or markdown)",
                         400)
        if not request.headers.get("content-type", "").lower().startswith("application/json"):
            return error("只接受 JSON：请发送 /api/extract 返回的对象 (send JSON)", 415)
        body = _load_json(await request.body())
        if body is None:
            return error("请求不是有效的 JSON (the body is not JSON — send the object /api/extract returned)", 400)
        if isinstance(body, dict) and isinstance(body.get("text"), str) and "projects" not in body:
            encoded = _utf8(body["text"])
            if encoded is None:
                return error("文本含有无效字符（孤立的代理码位），请重新复制原文 (the text holds a lone surrogate)", 400)
            body = await run(encoded, PASTE_SOURCE, "txt")
        results = body if isinstance(body, list) else [body]
        if not results or not all(_is_contract(r) for r in results):
            return error("不是 minsheng/1 提取结果 (not a minsheng/1 object — send what /api/extract returned)", 400)
        media, ext = EXPORT_FORMATS[format]
        try:
            content = await run_in_threadpool(_render, results, format)
            disposition = _attachment(results[0], ext)
        except (KeyError, TypeError, AttributeError, ValueError, RecursionError, UnicodeError):
            return error("提取结果的内容不完整或有误，无法导出 (the minsheng/1 object is malformed)", 400)
        return Response(content, media_type=media, headers={"Content-Disposition": disposition})

    return app


def _warm(pool: Pool) -> None:
    """Start the workers (each reads a warm-up text before it takes requests), so the first paste is fast."""
    pool.start()


def _is_contract(obj) -> bool:
    return (isinstance(obj, dict) and isinstance(obj.get("document"), dict) and "source" in obj["document"]
            and isinstance(obj.get("projects"), list) and isinstance(obj.get("flags"), list))


def _render(results: list[dict], fmt: str) -> bytes:
    if fmt == "xlsx":
        buf = io.BytesIO()
        views.xlsx(results, buf)
        return buf.getvalue()
    if fmt == "markdown":
        return views.markdown(results).encode("utf-8")
    return ("\ufeff" + views.csv_text(results)).encode("utf-8")   # the BOM makes Excel read it as UTF-8


def _attachment(obj: dict, ext: str) -> str:
    doc = obj["document"]
    name = (doc.get("title") or Path(doc.get("source") or "minsheng").stem or "minsheng")[:60]
    ascii_name = f"minsheng-{(doc.get('sha256') or '')[:8] or 'export'}.{ext}"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{urllib.parse.quote(name + '.' + ext)}"
