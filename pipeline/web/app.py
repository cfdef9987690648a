"""The paste page: a supervisor pastes a 通报 (or uploads its file) and gets a checked table.

    create_app() -> FastAPI
    GET  /                      the page (static HTML/JS/CSS shipped in the package, no CDN)
    POST /api/extract           JSON {"text": "…"} or a multipart upload (field "file");
                                returns the minsheng/1 object plus "lines", the text view
    POST /api/export?format=    xlsx | csv | markdown, from a minsheng/1 object (or {"text"})
    GET  /api/health

Extraction is plain Python run in the threadpool; the gazetteer is loaded once per app.
Bad input (MinshengError) is a 400 with its one-line message; a body over MAX_UPLOAD is a 413.
"""
from __future__ import annotations

import io
import threading
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
from ..readers import read_bytes

STATIC = Path(__file__).parent / "static"
MAX_UPLOAD = 20 * 1024 * 1024
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


class Extractor:
    """Holds the gazetteer (loaded once, on first need or at startup) and runs one extraction."""

    def __init__(self) -> None:
        self._gaz = None
        self._lock = threading.Lock()

    def gazetteer(self):
        if self._gaz is None:
            with self._lock:
                if self._gaz is None:
                    from gazetteer import load
                    self._gaz = load()
        return self._gaz

    def __call__(self, data: bytes, source: str, fmt: str | None) -> dict:
        from extractors import extract

        doc = read_bytes(data, source, fmt)
        out = extract(doc, self.gazetteer()).to_contract()
        out["lines"] = list(doc.lines)
        return out

    def warm(self) -> None:
        """Load the gazetteer and the extractors' lazy imports, so the first paste is fast too."""
        self(WARM_TEXT.encode("utf-8"), "warm-up", "txt")


WARM_TEXT = "关于2021年1-5月全州重点民生实事项目进展情况的通报\n1、由州残联牵头组织实施的“实施困难残疾人家庭无障碍改造680户”项目：全州已完成改造22户，完成年任务3.3%。\n"


def error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(db: str | None = None, max_upload: int = MAX_UPLOAD) -> FastAPI:
    """The app; `db` is the DuckDB file named by `minsheng serve --db` (kept for the store)."""
    extractor = Extractor()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(extractor.warm)
        yield

    app = FastAPI(title="minsheng", summary="重点民生实事 paste page", lifespan=lifespan,
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.state.db = db
    app.state.extractor = extractor
    app.add_middleware(BodyLimit, limit=max_upload)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(PayloadTooLarge)
    async def on_too_large(request: Request, exc: PayloadTooLarge):
        return error(too_large_message(max_upload), 413)

    @app.exception_handler(MinshengError)
    async def on_bad_input(request: Request, exc: MinshengError):
        return error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 400)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def index():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/health")
    async def health():
        return {"status": "ok", "gazetteer": extractor._gaz is not None, "max_upload": max_upload,
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
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("multipart/form-data"):
            form = await request.form(max_files=1, max_fields=10, max_part_size=max_upload)
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                return error("没有收到文件：请用字段 file 上传 (no file received — send it in the field 'file')", 400)
            data = await upload.read()
            source = Path(upload.filename or "upload").name
            fmt = None
        else:
            try:
                body = await request.json()
            except ValueError:
                return error('请求不是有效的 JSON：应为 {"text": "…"} (the body is not JSON — send {"text": "…"})', 400)
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str):
                return error('缺少 text 字段：应为 {"text": "…"} (missing "text" — send {"text": "…"})', 400)
            data, source, fmt = text.encode("utf-8"), PASTE_SOURCE, "txt"
        if not data.strip():
            return error(f"{source}: 内容为空 (the input is empty — paste a document or choose a file)", 400)
        t0 = time.perf_counter()
        out = await run_in_threadpool(extractor, data, source, fmt)
        return JSONResponse(out, headers={"Server-Timing": f"extract;dur={(time.perf_counter() - t0) * 1000:.1f}"})

    @app.post("/api/export")
    async def export(request: Request, format: str = "xlsx"):
        """A download of one or more minsheng/1 objects (the page posts what /api/extract gave it)."""
        if format not in EXPORT_FORMATS:
            return error(f"不支持的格式 {format!r}：可选 xlsx、csv、markdown (unknown format — use xlsx, csv or markdown)",
                         400)
        try:
            body = await request.json()
        except ValueError:
            return error("请求不是有效的 JSON (the body is not JSON — send the object /api/extract returned)", 400)
        if isinstance(body, dict) and isinstance(body.get("text"), str) and "projects" not in body:
            body = await run_in_threadpool(extractor, body["text"].encode("utf-8"), PASTE_SOURCE, "txt")
        results = body if isinstance(body, list) else [body]
        if not results or not all(_is_contract(r) for r in results):
            return error("不是 minsheng/1 提取结果 (not a minsheng/1 object — send what /api/extract returned)", 400)
        media, ext = EXPORT_FORMATS[format]
        content = await run_in_threadpool(_render, results, format)
        return Response(content, media_type=media,
                        headers={"Content-Disposition": _attachment(results[0], ext)})

    return app


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
