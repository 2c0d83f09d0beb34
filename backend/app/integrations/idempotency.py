"""`Idempotency-Key` on POST: a repeated request gets the first answer instead of acting twice.

The key is the caller's (two callers may use the same key). Within 24 hours, the same key with the
same request (path, query and body) replays the stored answer, marked `Idempotency-Replayed: true`;
with another request it answers 422; while the first is still running, 409. Answers of 500 and above
are not kept, so such a request can be retried with its key. Only answers up to 1 MiB are kept.
"""

import contextlib
import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.clock import now
from app.core.db import session_scope
from app.core.errors import problem
from app.core.i18n import t
from app.core.security import decode_access_token
from app.integrations.models import IdempotencyRecord

LIFETIME = timedelta(hours=24)
MAX_KEY = 200
MAX_STORED = 1024 * 1024
REPLAYED = b"idempotency-replayed"


@asynccontextmanager
async def _session(app: FastAPI) -> AsyncIterator[AsyncSession]:
    """A session outside any route, obtained the way routes get theirs (tests swap it for theirs)."""
    from app.core.deps import get_session  # the dependency module imports this package

    override = app.dependency_overrides.get(get_session)
    if override is None:
        async with session_scope() as session:
            yield session
        return
    generator = override()
    session = await generator.__anext__()
    try:
        yield session
    except BaseException as exc:
        await generator.athrow(exc)
        raise
    else:
        with contextlib.suppress(StopAsyncIteration):  # run the dependency to its end: it commits
            await generator.__anext__()


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or []:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, fastapi_app: FastAPI) -> None:
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, b"idempotency-key") if scope["type"] == "http" else None
        if key is None or scope["method"] != "POST" or not scope["path"].startswith("/api/v1/"):
            await self.app(scope, receive, send)
            return
        authorization = _header(scope, b"authorization") or ""
        claims = decode_access_token(authorization.removeprefix("Bearer ").strip()) if authorization else None
        if claims is None:  # the route itself answers 401
            await self.app(scope, receive, send)
            return
        if not key.strip() or len(key) > MAX_KEY:
            await self._problem(scope, receive, send, 422, "idempotency_key_invalid", max=MAX_KEY)
            return
        body = await _read_body(receive)
        fingerprint = hashlib.sha256(
            b"\n".join([scope["path"].encode(), scope.get("query_string", b""), body])
        ).hexdigest()
        outcome = await self._claim(claims.user_id, key, fingerprint)
        if isinstance(outcome, IdempotencyRecord):
            await self._replay(outcome, send)
            return
        if outcome is not None:
            await self._problem(scope, receive, send, *outcome)
            return
        start, chunks = await self._run(scope, body, send)
        await self._store(claims.user_id, key, start, b"".join(chunks))
        await send(start)
        await send({"type": "http.response.body", "body": b"".join(chunks)})

    async def _claim(
        self, user_id: int, key: str, fingerprint: str
    ) -> IdempotencyRecord | tuple[int, str] | None:
        """The stored answer to replay, a refusal (status, message key), or None: this request runs,
        its key now held by a pending record."""
        async with _session(self.fastapi_app) as session:
            await session.execute(
                delete(IdempotencyRecord).where(
                    IdempotencyRecord.user_id == user_id,
                    IdempotencyRecord.key == key,
                    IdempotencyRecord.created_at < now() - LIFETIME,
                )
            )
            record = await session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
                )
            )
            if record is not None:
                if record.status_code is None:
                    return 409, "idempotency_in_progress"
                return record if record.fingerprint == fingerprint else (422, "idempotency_key_reused")
            try:
                async with session.begin_nested():
                    session.add(
                        IdempotencyRecord(user_id=user_id, key=key, fingerprint=fingerprint, created_at=now())
                    )
            except IntegrityError:  # the same key arrived twice at once
                return 409, "idempotency_in_progress"
        return None

    async def _run(self, scope: Scope, body: bytes, send: Send) -> tuple[Message, list[bytes]]:
        start: Message = {}
        chunks: list[bytes] = []
        delivered = False

        async def replay_body() -> Message:
            nonlocal delivered
            if delivered:
                return {"type": "http.disconnect"}
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, replay_body, capture)
        return start, chunks

    async def _store(self, user_id: int, key: str, start: Message, body: bytes) -> None:
        async with _session(self.fastapi_app) as session:
            record = await session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
                )
            )
            if record is None:
                return
            if start.get("status", 500) >= 500 or len(body) > MAX_STORED:
                await session.delete(record)
                return
            record.status_code = start["status"]
            record.headers = [
                [k.decode("latin-1"), v.decode("latin-1")]
                for k, v in start.get("headers") or []
                if k.lower() != b"content-length"
            ]
            record.body = body

    @staticmethod
    async def _replay(record: IdempotencyRecord, send: Send) -> None:
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in record.headers]
        headers += [(b"content-length", str(len(record.body)).encode()), (REPLAYED, b"true")]
        await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": record.body})

    @staticmethod
    async def _problem(
        scope: Scope, receive: Receive, send: Send, status: int, message: str, **params: object
    ) -> None:
        title = "validation.title" if status == 422 else "conflict.title"
        await problem(status, message.replace("_", "-"), t(title), t(message, **params))(scope, receive, send)


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def purge_expired(session: AsyncSession) -> int:
    """Forget answers older than 24 hours (run by the worker)."""
    result = await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now() - LIFETIME)
    )
    return int(getattr(result, "rowcount", 0) or 0)
