"""Engine, declarative base and the request-scoped session.

The session dependency owns the transaction: it commits when the request succeeded and
rolls back otherwise; services only flush.
"""

import contextvars
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, Dialect, MetaData, event, exc
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from app.core.clock import now
from app.core.config import get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back timezone-aware (SQLite drops the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a timezone-aware column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Versioned:
    """A row with an optimistic-lock counter: stale writes raise instead of overwriting."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


# Whether the current request intends to write. On SQLite a writing transaction starts with
# BEGIN IMMEDIATE so concurrent writers queue on the busy timeout instead of failing later
# with "database is locked"; readers keep a plain BEGIN and are never blocked (WAL).
write_intent: contextvars.ContextVar[bool] = contextvars.ContextVar("write_intent", default=False)


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the driver so BEGIN and SAVEPOINT behave.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write_intent.get() else "BEGIN")


def build_engine(url: str | None = None) -> AsyncEngine:
    settings = get_settings()
    url = url or settings.database_url
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            from pathlib import Path

            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 15})
        _configure_sqlite(engine)
    else:
        engine = create_async_engine(url, pool_size=10, max_overflow=10)
        _ping_idle_connections(engine)
    from app.core.changes import track  # changes.py reads the tables of Base, defined here

    track(engine)
    return engine


# Large report statements (compliance, the dashboard) are built once per caller, filters and day and then
# reused: building the expression tree and its cache key costs more than a county's query. At most this
# many are kept per builder — a day's callers of a county or a province are a few hundred.
STATEMENTS_KEPT = 512

# A pooled connection unused for this long is checked before use (see _ping_idle_connections).
IDLE_PING_SECONDS = 10.0


def _ping_idle_connections(engine: AsyncEngine) -> None:
    """Hand out only live connections, checking those that sat idle. SQLAlchemy's pool_pre_ping checks
    every checkout, which on asyncpg is three round trips (a transaction, a statement, a rollback) on
    every request, as many as a list itself runs. A connection handed back moments ago is alive; one
    idle for a while may have been cut (a database restart, a firewall's idle timeout) and is pinged,
    and replaced when dead — SQLAlchemy's recipe: DisconnectionError at checkout means "another one"."""

    @event.listens_for(engine.sync_engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return
        try:
            dbapi_connection.ping()
        except Exception as error:
            raise exc.DisconnectionError() from error


_engine: AsyncEngine | None = None
_sessionmaker: async_sessionmaker[AsyncSession] | None = None
_read_sessionmaker: async_sessionmaker[AsyncSession] | None = None


def get_engine() -> AsyncEngine:
    global _engine, _sessionmaker, _read_sessionmaker
    if _engine is None:
        _engine = build_engine()
        _sessionmaker = async_sessionmaker(_engine, expire_on_commit=False)
        _read_sessionmaker = _sessionmaker
        if _engine.dialect.name == "postgresql":
            # Reads without BEGIN and COMMIT: two of a list's five round trips. Nothing is lost: under
            # PostgreSQL's READ COMMITTED each statement takes its own snapshot inside a transaction
            # too, so a read request sees exactly what it saw before; it writes nothing to commit.
            _read_sessionmaker = async_sessionmaker(
                _engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False
            )
    return _engine


def get_sessionmaker(*, writes: bool = True) -> async_sessionmaker[AsyncSession]:
    """Sessions for a writing request, or for a reading one (on PostgreSQL, without a transaction)."""
    get_engine()
    chosen = _sessionmaker if writes else _read_sessionmaker
    assert chosen is not None
    return chosen


async def dispose_engine() -> None:
    global _engine, _sessionmaker, _read_sessionmaker
    if _engine is not None:
        await _engine.dispose()
    _engine = None
    _sessionmaker = None
    _read_sessionmaker = None


@asynccontextmanager
async def session_scope(*, writes: bool = True) -> AsyncIterator[AsyncSession]:
    """A session whose transaction commits on success and rolls back on any exception."""
    # Set, not reset: each request runs in its own task (its own context copy), and the value
    # must still hold when the session lazily emits BEGIN, wherever FastAPI finalises the dependency.
    write_intent.set(writes)
    async with get_sessionmaker(writes=writes)() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
