"""ETags on every successful API answer, and conditional GET (`If-None-Match` → 304).

An object's ETag is `"<version>.<digest>"`: the version (what `If-Match` checks — only the number
before the dot is compared, see deps.get_if_match) and a digest of the body, so fields derived for
the caller (such as `allowed_actions`) that change without a new version still change the tag. Any
other read (lists, reports) gets a weak ETag of its body. A client that sends the tag back with
`If-None-Match` gets `304 Not Modified` without the body when nothing changed.
"""

import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api/v1/"
VERSION_TAG = re.compile(r'^"(\d+)"$')


def _opaque(tag: str) -> str:
    """The tag without its weakness marker: If-None-Match compares weakly (RFC 9110 13.1.2)."""
    return tag.strip().removeprefix("W/")


def matches(if_none_match: str, etag: str) -> bool:
    tags = [t for t in if_none_match.split(",") if t.strip()]
    return any(t.strip() == "*" or _opaque(t) == _opaque(etag) for t in tags)


def tag_for(route_etag: str | None, body: bytes) -> str:
    digest = hashlib.sha256(body).hexdigest()[:16]
    version = VERSION_TAG.match(route_etag or "")
    if version:
        return f'"{version.group(1)}.{digest}"'
    return route_etag or f'W/"{digest}"'


class ConditionalGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        reading = scope["method"] in ("GET", "HEAD")
        if_none_match = dict(scope.get("headers") or []).get(b"if-none-match", b"").decode("latin-1")
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                etagged = any(k.lower() == b"etag" for k, _ in message.get("headers") or [])
                if not (
                    200 <= message["status"] < 300 and (etagged or (reading and message["status"] == 200))
                ):
                    await send(message)  # errors, empty answers and untagged writes pass through
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                await _finish(start, b"".join(chunks), if_none_match if reading else "", send)

        await self.app(scope, receive, buffered)


async def _finish(start: Message, body: bytes, if_none_match: str, send: Send) -> None:
    headers = [(k, v) for k, v in start.get("headers") or [] if k.lower() != b"etag"]
    route_etag = next(
        (v.decode("latin-1") for k, v in start.get("headers") or [] if k.lower() == b"etag"), None
    )
    etag = tag_for(route_etag, body)
    headers.append((b"etag", etag.encode("latin-1")))
    if if_none_match and matches(if_none_match, etag):
        kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": body})
