"""The application: middleware, error handlers, the API and (when built) the single-page app."""

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api import include_api
from app.core import logs
from app.core.answers import AnswerCacheMiddleware
from app.core.changes import listen
from app.core.conditional import ConditionalGetMiddleware
from app.core.config import get_settings
from app.core.db import dispose_engine
from app.core.errors import install_error_handlers, problem
from app.core.i18n import current_locale, negotiate, t
from app.core.logs import new_request_id, request_id
from app.core.openapi import document_problems
from app.integrations.idempotency import IdempotencyMiddleware
from app.integrations.ratelimit import RateLimitMiddleware

# The SPA loads only its own scripts (no inline script); Ant Design writes its styles into <style>
# elements at run time, hence 'unsafe-inline' for styles alone. Photos preview from blob: URLs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
access_log = logging.getLogger("app.access")
GC_YOUNG_THRESHOLD = 10_000  # allocations between young-generation collections (Python's default: 700)


class RequestContextMiddleware:
    """Per request: its language for messages, its id (answered and on every log line), security
    headers on the answer, and one access log line (method, path, status, time; never a query string,
    a header or a body)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope.get("headers") or [])
        # Not reset afterwards: the 500 handler runs outside this middleware and must still speak the
        # caller's language; each request runs in its own task, so the value cannot leak to another.
        current_locale.set(negotiate(headers.get(b"accept-language", b"").decode("latin-1")))
        rid = new_request_id(headers.get(b"x-request-id", b"").decode("latin-1"))
        request_id.set(rid)
        path: str = scope.get("path", "")
        extra = [*SECURITY_HEADERS, (b"vary", b"Accept-Language"), (b"x-request-id", rid.encode())]
        if not path.startswith("/docs"):  # Swagger UI loads its scripts from a CDN, inline
            extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
        if scope.get("scheme") == "https":  # behind the proxy: uvicorn --proxy-headers sets it
            extra.append(HSTS)
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            access_log.info(
                "%s %s %s",
                scope.get("method"),
                path,
                status,
                extra={"method": scope.get("method"), "path": path, "status": status,
                       "duration_ms": round((time.perf_counter() - started) * 1000, 1)},
            )  # fmt: skip


def tune_garbage_collector() -> None:
    """A request allocates thousands of short-lived objects (ORM rows, validated models), and with the
    default thresholds the collector kept walking the hundreds of thousands of objects the imports built
    (routes, schemas, mappers), which live as long as the process. Freezing those and collecting the
    young generation less often took a fifth to a third off the CPU time of a 50-row list (measured
    in-process; docs/benchmarks.md). Memory stays bounded: the collector still runs, less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, 10, 10)


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    tune_garbage_collector()
    jobs: list[asyncio.Task[None]] = []
    if not settings.is_sqlite and settings.answer_cache_mb > 0:
        jobs.append(asyncio.create_task(listen(settings.listen_database_url)))
    if settings.run_reminders_in_process:
        from app.worker import deliver_webhooks_forever, run_forever

        if settings.reminder_interval_seconds > 0:
            jobs.append(asyncio.create_task(run_forever(settings.reminder_interval_seconds)))
        if settings.webhook_interval_seconds > 0:
            jobs.append(asyncio.create_task(deliver_webhooks_forever(settings.webhook_interval_seconds)))
    yield
    for job in jobs:
        job.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await job
    await dispose_engine()


def create_app() -> FastAPI:
    settings = get_settings()
    logs.configure(json_lines=settings.json_logs, level=settings.log_level)
    app = FastAPI(
        title="School pairing platform API (结对帮扶平台)",
        version="1.0.0",
        openapi_url="/api/v1/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=lambda route: (
            f"{route.tags[0]}-{route.name}" if route.tags else route.name
        ),
    )
    install_error_handlers(app)
    include_api(app)
    document_problems(app)  # the OpenAPI document: errors as the handlers answer them (problem+json)
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag"],
        )
    app.add_middleware(IdempotencyMiddleware, fastapi_app=app)  # innermost: keeps the route's own answer
    app.add_middleware(AnswerCacheMiddleware, max_bytes=settings.answer_cache_mb * 1024 * 1024)
    app.add_middleware(ConditionalGetMiddleware)
    app.add_middleware(RateLimitMiddleware)
    app.add_middleware(RequestContextMiddleware)
    _mount_spa(app, settings.frontend_dist)
    return app


def _mount_spa(app: FastAPI, dist: Path) -> None:
    """Serve the built SPA at / with a history fallback, so one port serves everything."""
    index = dist / "index.html"
    if not index.is_file():
        return
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    root = dist.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> object:
        if path.startswith("api/"):
            return problem(404, "not-found", t("not_found.title"), t("not_found", entity="entity.resource"))
        candidate = (root / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


app = create_app()
