"""Application errors and the one handler that renders them as RFC 9457 problem+json."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.i18n import t, validation_message

logger = logging.getLogger("app.errors")
PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://pairing.example/problems/"


class AppError(Exception):
    status = 400
    slug = "bad-request"
    title_key = "bad_request.title"

    def __init__(self, message_key: str, *, headers: dict[str, str] | None = None, **params: Any) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.params = params
        self.headers = headers or {}
        self.extra: dict[str, Any] = {}

    def detail(self) -> str:
        return t(self.message_key, **self.params)


class NotFound(AppError):
    status = 404
    slug = "not-found"
    title_key = "not_found.title"

    def __init__(self, entity: str = "resource") -> None:
        super().__init__("not_found", entity=f"entity.{entity}")


class Unauthorized(AppError):
    status = 401
    slug = "unauthorized"
    title_key = "unauthorized.title"

    def __init__(self, message_key: str = "unauthorized") -> None:
        super().__init__(message_key, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(AppError):
    status = 403
    slug = "forbidden"
    title_key = "forbidden.title"

    def __init__(self, message_key: str = "forbidden", **params: Any) -> None:
        super().__init__(message_key, **params)


class Conflict(AppError):
    status = 409
    slug = "conflict"
    title_key = "conflict.title"


class Duplicate(Conflict):
    """A unique value already taken; carries the field so forms can mark it."""

    def __init__(self, field: str, value: object) -> None:
        super().__init__("duplicate", field=f"field.{field}", value=value)
        self.field = field

    def render_extra(self) -> dict[str, Any]:
        return {"errors": [{"loc": ["body", self.field], "msg": self.detail(), "type": "duplicate"}]}


class InvalidTransition(Conflict):
    slug = "invalid-transition"


class StaleVersion(AppError):
    status = 412
    slug = "stale-version"
    title_key = "stale.title"

    def __init__(self, current: int) -> None:
        super().__init__("stale", current=current)


class ValidationFailed(AppError):
    """A rule the schema cannot express; `field` names the offending body field."""

    status = 422
    slug = "validation"
    title_key = "validation.title"

    def __init__(
        self, message_key: str, *, field: str | None = None, loc: str = "body", **params: Any
    ) -> None:
        super().__init__(message_key, **params)
        self.field = field
        self.loc = loc  # "body" or "query"

    def render_extra(self) -> dict[str, Any]:
        loc = [self.loc, self.field] if self.field else [self.loc]
        return {"errors": [{"loc": loc, "msg": self.detail(), "type": "value_error"}]}


class PayloadTooLarge(AppError):
    status = 413
    slug = "payload-too-large"
    title_key = "too_large.title"

    def __init__(self, limit_mb: float) -> None:
        super().__init__("too_large", limit=f"{limit_mb:g}")


class UnsupportedMediaType(AppError):
    status = 415
    slug = "unsupported-media-type"
    title_key = "unsupported_type.title"

    def __init__(self, message_key: str = "unsupported_type") -> None:
        super().__init__(message_key)


class RateLimited(AppError):
    status = 429
    slug = "rate-limited"
    title_key = "rate_limited.title"

    def __init__(self, retry_after_seconds: int, minutes: int) -> None:
        super().__init__("rate_limited", headers={"Retry-After": str(retry_after_seconds)}, minutes=minutes)


def problem(
    status: int, slug: str, title: str, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    extra = exc.render_extra() if hasattr(exc, "render_extra") else {}
    return problem(exc.status, exc.slug, t(exc.title_key), exc.detail(), exc.headers, **extra)


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "loc": list(err.get("loc", [])),
            "msg": validation_message(err.get("type", ""), err.get("msg", ""), err.get("ctx")),
            "type": err.get("type", ""),
        }
        for err in exc.errors()
    ]
    return problem(422, "validation", t("validation.title"), t("validation"), errors=errors)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        return problem(404, "not-found", t("not_found.title"), t("not_found", entity="entity.resource"))
    if exc.status_code == 405:
        return problem(405, "method-not-allowed", t("method_not_allowed.title"), str(exc.detail))
    if exc.status_code == 401:
        return problem(401, "unauthorized", t("unauthorized.title"), t("unauthorized"), exc.headers)
    return problem(exc.status_code, "http-error", str(exc.detail), str(exc.detail), exc.headers)


def _stale(request: Request, exc: Exception) -> JSONResponse:
    return problem(412, "stale-version", t("stale.title"), t("stale", current="?"))


def _integrity(request: Request, exc: Exception) -> JSONResponse:
    # Services check the rules people can break first; this is the database's backstop.
    logger.warning("integrity error: %s", exc)
    return problem(409, "conflict", t("conflict.title"), t("integrity"))


# PostgreSQL data exceptions a request's values cause: out of range for the column's type (22003, and
# 22000 when asyncpg cannot even encode the integer), too long (22001), a date beyond the calendar
# (22007, 22008), NUL or another character the encoding lacks (22021, 22P05).
UNSTORABLE_SQLSTATES = frozenset({"22000", "22001", "22003", "22007", "22008", "22021", "22P05"})


def _unstorable_response() -> JSONResponse:
    # No field named: the database does not say which value it refused.
    return problem(422, "validation", t("validation.title"), t("unstorable"))


def _database_error(request: Request, exc: Exception) -> JSONResponse:
    """A value the database cannot store is the caller's invalid input (422); anything else is ours."""
    assert isinstance(exc, DBAPIError)
    sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if sqlstate not in UNSTORABLE_SQLSTATES:
        return _unexpected(request, exc)
    logger.warning("value the database cannot store on %s %s: %s", request.method, request.url.path, exc.orig)
    return _unstorable_response()


def _overflow(request: Request, exc: Exception) -> JSONResponse:
    # SQLite's driver cannot bind an integer beyond 64 bits; dates beyond year 9999 overflow the same way.
    logger.warning("value out of range on %s %s: %s", request.method, request.url.path, exc)
    return _unstorable_response()


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "internal", t("internal.title"), t("internal"))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(StaleDataError, _stale)
    app.add_exception_handler(IntegrityError, _integrity)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(OverflowError, _overflow)
    app.add_exception_handler(Exception, _unexpected)
