"""PostgreSQL pool: a connection that sat idle is checked before use and replaced when the server cut
it; one handed back moments ago is used without a round trip (app.core.db._ping_idle_connections)."""

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core import db


def _postgresql_url(database_url: str) -> str:
    if not database_url.startswith("postgresql"):
        pytest.skip("the SQLite engine has no pool of server connections")
    return database_url


async def _cut_connection_of(pid: int, url: str) -> None:
    """What a database restart does to a pooled connection, done to this one alone."""
    other = db.build_engine(url)
    async with other.connect() as conn:
        await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        # The signal is asynchronous: wait until the server process is really gone.
        for _ in range(200):
            alive = await conn.scalar(
                text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
            )
            if not alive:
                break
            await asyncio.sleep(0.02)
    await other.dispose()


async def _engine_with_a_cut_connection(url: str) -> tuple[AsyncEngine, int]:
    """An engine whose one pooled connection the server has since closed, and that connection's pid."""
    engine = db.build_engine(url)
    async with engine.connect() as conn:
        pid = await conn.scalar(text("SELECT pg_backend_pid()"))
    await _cut_connection_of(pid, url)
    return engine, pid


async def test_an_idle_connection_cut_by_the_server_is_replaced(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, pid = await _engine_with_a_cut_connection(_postgresql_url(database_url))
    try:
        monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)  # the connection has been idle "long enough"
        async with engine.connect() as conn:
            assert await conn.scalar(text("SELECT pg_backend_pid()")) != pid
    finally:
        await engine.dispose()


async def test_a_connection_just_handed_back_is_not_pinged(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = await _engine_with_a_cut_connection(_postgresql_url(database_url))
    try:
        monkeypatch.setattr(db, "IDLE_PING_SECONDS", 3600.0)
        # Not checked, so the cut shows at first use (as it would for any connection in use when the
        # server went away): the proof that no ping ran on this checkout.
        with pytest.raises(Exception, match=r"(?i)connection|terminat"):
            async with engine.connect() as conn:
                await conn.scalar(text("SELECT 1"))
    finally:
        await engine.dispose()
