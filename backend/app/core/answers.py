"""The answer cache: a read answered again from memory while nothing it was computed from has changed.

County staff open the same lists and dashboards over and over (the agreements, the rotations, the
summary a leadership meeting looks at), and each answer costs a few milliseconds of queries and
validation, the province's dashboard a few hundred. Each API process keeps the answers of the reads
named in CACHED_PATHS, under everything the answer depends on:

- the request: path, query string, Accept (JSON or .xlsx) and the negotiated language;
- the caller: the bearer token itself, so one caller's answer (scoped by policy.py, with that
  caller's allowed actions) is never another's; an expired token is refused before anything is
  served; integration clients (whose tokens are checked against the database) are not cached;
- the day: answers derived from "today" (who is on rotation, what is overdue) change at midnight;
- the data: the tables its statements read, each with its change count (core/changes.py) from before
  it was computed. An answer is served only while every one of those counts is unchanged.

Only on PostgreSQL, and only while the process listens for change notifications: an answer is never
kept on a guess. `Cache-Control: no-cache` from the client skips the kept answer (and `no-store` skips
keeping one). The answer says what happened in `X-Answer-Cache` (`hit` or `miss`).
"""

import asyncio
import re
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.changes import STATE, Reads, current_reads
from app.core.clock import today
from app.core.i18n import current_locale
from app.core.security import decode_access_token

CACHED_PATHS = re.compile(
    r"^/api/v1/(agreements|rotations|meetings|teachers|schools|activities"
    r"|dashboard/summary|compliance/meetings|compliance/rotations)$"
)
HEADER = b"x-answer-cache"


@dataclass(frozen=True)
class Answer:
    start: Message
    body: bytes
    epoch: int
    counts: tuple[tuple[str, int], ...]  # the tables read, with their change counts before the read

    def current(self) -> bool:
        counts = STATE.counts
        return STATE.listening and STATE.epoch == self.epoch and all(counts[t] == n for t, n in self.counts)


class AnswerStore:
    """Answers by key, the least recently served dropped first beyond `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.answers: OrderedDict[tuple[object, ...], Answer] = OrderedDict()

    def get(self, key: tuple[object, ...]) -> Answer | None:
        answer = self.answers.get(key)
        if answer is None:
            return None
        if not answer.current():
            self.drop(key)
            return None
        self.answers.move_to_end(key)
        return answer

    def put(self, key: tuple[object, ...], answer: Answer) -> None:
        if len(answer.body) > self.max_bytes // 8:
            return  # one answer (a large export) must not empty the store
        self.drop(key)
        self.answers[key] = answer
        self.size += len(answer.body)
        while self.size > self.max_bytes:
            self.drop(next(iter(self.answers)))

    def drop(self, key: tuple[object, ...]) -> None:
        answer = self.answers.pop(key, None)
        if answer is not None:
            self.size -= len(answer.body)


def _marked(start: Message, how: bytes) -> Message:
    return {**start, "headers": [*start.get("headers", []), (HEADER, how)]}


class AnswerCacheMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.store = AnswerStore(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key, headers = None, {}
        if STATE.listening and self.store.max_bytes > 0 and self._cacheable(scope):
            headers = dict(scope["headers"])
            key = self._key(scope, headers)
        if key is None:
            await self.app(scope, receive, send)
            return
        cache_control = headers.get(b"cache-control", b"").lower()
        if b"no-cache" not in cache_control:
            # A notification already received but not yet counted is counted first (its callback is
            # queued on this loop): a change committed before this request arrived is then known.
            await asyncio.sleep(0)
            answer = self.store.get(key)
            if answer is not None:
                await send(_marked(answer.start, b"hit"))
                await send({"type": "http.response.body", "body": answer.body})
                return
        await self._compute(scope, receive, send, key, keep=b"no-store" not in cache_control)

    @staticmethod
    def _cacheable(scope: Scope) -> bool:
        reading = scope["type"] == "http" and scope["method"] == "GET"
        return reading and CACHED_PATHS.match(scope["path"]) is not None

    def _key(self, scope: Scope, headers: dict[bytes, bytes]) -> tuple[object, ...] | None:
        authorization = headers.get(b"authorization", b"")
        if not authorization.startswith(b"Bearer "):
            return None
        claims = decode_access_token(authorization[7:].decode("latin-1"))
        if claims is None or claims.client_id is not None:
            return None  # refused as the route would; integration clients are checked in the database
        return (
            scope["path"],
            scope["query_string"],
            authorization,
            headers.get(b"accept", b""),
            current_locale.get(),
            today(),
        )

    async def _compute(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[object, ...], keep: bool
    ) -> None:
        epoch, counts = STATE.epoch, dict(STATE.counts)
        reads = Reads()
        token = current_reads.set(reads)
        start: Message | None = None
        chunks: list[bytes] = []

        async def recorded(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                message = _marked(message, b"miss")
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, recorded)
        finally:
            current_reads.reset(token)
        if (
            keep
            and start is not None
            and start["status"] == 200
            and reads.tables
            and not reads.spoiled
            and reads.tables <= STATE.watched
            and STATE.listening
            and STATE.epoch == epoch
            and not any(name.lower() == b"set-cookie" for name, _ in start.get("headers", []))
        ):
            read = tuple((table, counts.get(table, 0)) for table in sorted(reads.tables))
            self.store.put(key, Answer(start, b"".join(chunks), epoch, read))
