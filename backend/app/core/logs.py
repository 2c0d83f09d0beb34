"""Logging: one line per request with its request id, JSON in production, and never a secret.

The request id comes from the `X-Request-ID` header a proxy set (when it looks like one) or is made
here; it is answered in the same header and stamped on every log record written while the request
runs, so one request's lines can be found across workers. Request bodies and headers are never
logged; as a second line of defence, anything shaped like a token, or a password or secret
parameter, is masked in every message.
"""

import json
import logging
import re
import sys
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id: ContextVar[str] = ContextVar("request_id", default="-")

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_SECRETS = (
    (re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]{4,}"), "[token]"),  # JWTs
    (re.compile(r"(?i)\b(bearer)\s+[\w.~+/=-]{8,}"), r"\1 [token]"),
    (re.compile(r"(?i)\b(password|passwd|secret|client_secret|token|refresh_token)(\"?\s*[=:]\s*\"?)[^\s&\",}]+"),
     r"\1\2[redacted]"),
)  # fmt: skip
# Attributes every LogRecord has; anything else was passed in `extra=` and belongs in the JSON line.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "request_id", "asctime"}


def new_request_id(offered: str | None) -> str:
    """The proxy's id when it is a plausible one, else a fresh one."""
    if offered and _VALID_ID.match(offered):
        return offered
    return uuid.uuid4().hex


def redact(text: str) -> str:
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class ContextFilter(logging.Filter):
    """Stamps the request id and masks secrets (the message is rendered here, once)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.msg = redact(record.getMessage())
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        line.update(
            {k: v for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith("_")}
        )
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def configure(*, json_lines: bool, level: str) -> None:
    """The root handler on standard error (uvicorn's own loggers keep theirs)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_pairing", False)]:
        root.removeHandler(old)
    handler._pairing = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
