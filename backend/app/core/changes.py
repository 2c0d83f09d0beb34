"""Which tables changed, counted per table: what the answer cache (core/answers.py) checks its answers by.

On PostgreSQL every table has a statement trigger (migration 0016) that sends `NOTIFY table_changes`
with the table's name. The database delivers it when the writing transaction commits, to every
listening connection, whoever wrote: another API worker, the background worker, a CLI import, psql.
Each API process keeps one listening connection (`listen`) and counts, per table, the notifications
it got. Its own writes are counted too, as soon as their connection is handed back after the commit,
so that the writer's next read in this process does not depend on the notification's round trip.

An answer computed from tables T is kept with their counts taken *before* it was computed; a commit
that lands while or after it is computed raises a count, so once a change the answer may have missed
is known, the answer is no longer current. While the listening connection is down nothing is cached
(`STATE.listening`), and each new connection starts a new epoch: what was kept before is dropped,
since changes made in between were not heard.

SQLite (embedded mode) has no notifications: another process writing the file (a CLI import beside
`make run`) would go unheard, so there the cache stays off.
"""

import asyncio
import contextlib
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.db import Base

logger = logging.getLogger("app.changes")

CHANNEL = "table_changes"
TRIGGER = "notify_table_change"
# The tables migration 0016 leaves without the trigger: those written on every check-in, work log and
# log-in, and what each write leaves behind. No kept answer reads them (an answer that does is not kept).
UNANNOUNCED = frozenset(
    {
        "checkin", "work_log", "audit_event", "outbox_event", "webhook_delivery", "webhook_attempt",
        "idempotency_record", "login_attempt", "refresh_token", "notification",
    }
)  # fmt: skip
# Tables that notify: those carrying the trigger. A table without it (one a later migration added and
# forgot) is read uncached rather than served stale.
WATCHED_SQL = """
SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE t.tgname = $1 AND t.tgenabled <> 'D' AND pg_catalog.pg_table_is_visible(c.oid)
"""
LISTENER_NAME = "pairing-change-listener"  # its application_name, as pg_stat_activity shows it
KEEPALIVE_SECONDS = 30.0  # a listening connection cut without a word (a firewall) is found this soon
RECONNECT_SECONDS = (0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass
class ChangeState:
    counts: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    epoch: int = 0
    listening: bool = False
    watched: frozenset[str] = frozenset()

    def bump(self, tables: Iterable[str]) -> None:
        for table in tables:
            self.counts[table] += 1

    def lost(self) -> None:
        """Stop trusting what was counted: changes may now go unheard."""
        self.listening = False
        self.epoch += 1


STATE = ChangeState()


@dataclass
class Reads:
    """The tables one request read, and whether it also wrote, which makes its answer one not to keep."""

    tables: set[str] = field(default_factory=set)
    spoiled: bool = False


# Set by the answer cache around a request it may keep; the engine hook below adds to it.
current_reads: ContextVar[Reads | None] = ContextVar("current_reads", default=None)


@lru_cache(maxsize=1)
def _table_names(count: int) -> re.Pattern[str]:
    """All tables' names as one pattern; keyed by their number, so a model imported later rebuilds it."""
    names = sorted(Base.metadata.tables, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(name) for name in names) + r")\b")


@lru_cache(maxsize=4096)
def tables_in(sql: str) -> frozenset[str]:
    """The tables a statement names, as SQLAlchemy writes them (`FROM rotation AS rotation_1`). A word
    that only looks like a table's name counts too: too many tables means an answer is dropped sooner,
    never that it is kept too long. Statement texts repeat (compiled once, cached), hence the cache."""
    return frozenset(_table_names(len(Base.metadata.tables)).findall(sql))


def _is_read(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"


def track(engine: AsyncEngine) -> None:
    """Count this process's own committed writes, and record what a kept request reads."""

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _statement(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        tables = tables_in(statement)
        reading = _is_read(statement)
        reads = current_reads.get()
        if reads is not None:
            reads.tables.update(tables)
            if not reading and tables:
                reads.spoiled = True
        if tables and not reading:
            conn.info.setdefault("written", set()).update(tables)

    @event.listens_for(engine.sync_engine, "commit")
    def _commit(conn: Any) -> None:
        # Before the commit: counted only when the connection is handed back, after it (a count
        # raised earlier would let a read that still sees the old rows be kept as current).
        written = conn.info.pop("written", None)
        if written:
            conn.info.setdefault("committed", set()).update(written)

    @event.listens_for(engine.sync_engine, "rollback")
    def _rollback(conn: Any) -> None:
        if conn.invalidated:
            return  # the connection is gone (its `info` with it); touching it would try to reconnect
        conn.info.pop("written", None)

    @event.listens_for(engine.sync_engine, "checkin")
    def _handed_back(_dbapi_connection: Any, record: Any) -> None:
        # Left-over "written" tables: autocommit writes (already committed) or work the pool is
        # about to roll back; counting both is safe.
        for key in ("committed", "written"):
            tables = record.info.pop(key, None)
            if tables:
                STATE.bump(tables)


def connect_args(database_url: str) -> dict[str, Any]:
    """asyncpg's arguments for the database of `database_url` (SQLAlchemy's form of it, with its query
    such as `?ssl=require`), the connection named so that pg_stat_activity shows what it is."""
    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    return {"dsn": dsn, "server_settings": {"application_name": LISTENER_NAME}}


def _notified(_connection: Any, _pid: int, _channel: str, payload: str) -> None:
    STATE.bump((payload,))


async def listen(database_url: str) -> None:
    """Hold the listening connection, for as long as the process runs; reconnect when it is lost."""
    import asyncpg

    attempt = 0
    while True:
        connection = None
        try:
            connection = await asyncpg.connect(**connect_args(database_url))
            closed = asyncio.Event()
            connection.add_termination_listener(lambda _c, closed=closed: closed.set())
            await connection.add_listener(CHANNEL, _notified)
            watched = frozenset(row[0] for row in await connection.fetch(WATCHED_SQL, TRIGGER))
            # A new epoch: anything counted before this connection listened may have missed changes.
            STATE.epoch += 1
            STATE.watched = watched
            STATE.listening = True
            attempt = 0
            while not closed.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(closed.wait(), KEEPALIVE_SECONDS)
                if not closed.is_set():
                    await connection.fetchval("SELECT 1", timeout=KEEPALIVE_SECONDS)
            logger.warning("change notifications: connection closed; answers are not cached until back")
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.warning("change notifications: no listening connection; answers are not cached")
        finally:
            STATE.lost()
            if connection is not None and not connection.is_closed():
                connection.terminate()
        await asyncio.sleep(RECONNECT_SECONDS[min(attempt, len(RECONNECT_SECONDS) - 1)])
        attempt += 1
