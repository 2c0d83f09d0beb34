"""Backup and restore: back up, change data, restore, and every table has its rows back, byte for byte.

Runs on a database of its own (a SQLite file; on PostgreSQL, a fresh database next to the test one),
filled with a generated county, since the tests' shared database lives inside rolled-back transactions.
"""

import asyncio
import hashlib
import os
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.backup import backup, restore
from app.core.config import get_settings, normalise_database_url
from app.core.db import build_engine
from app.models import Base
from app.scale import seed_scale
from tests.conftest import alembic_config


async def fingerprint(engine: AsyncEngine) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its content (rows in a fixed order)."""
    found = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = (await conn.execute(text(f"SELECT * FROM {table.name}"))).all()
            # Sorted here: JSON columns have no ordering in PostgreSQL.
            digest = hashlib.sha256(repr(sorted(tuple(map(str, row)) for row in rows)).encode()).hexdigest()
            found[table.name] = (len(rows), digest)
    return found


async def vandalise(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(text("DELETE FROM checkin"))
        await conn.execute(text("UPDATE school SET name = 'changed after the backup'"))
        await conn.execute(text("DELETE FROM work_log WHERE id % 2 = 0"))


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`get_settings()` re-read for the database the test sets, and restored afterwards."""
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
async def sqlite_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, configured: None
) -> AsyncIterator[AsyncEngine]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'live.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    engine = build_engine(url)
    await seed_scale(engine, size="county", seed=21, progress=False)
    yield engine
    await engine.dispose()


async def test_sqlite_backup_and_restore_bring_every_row_back(sqlite_db: AsyncEngine, tmp_path: Path) -> None:
    before = await fingerprint(sqlite_db)
    assert before["checkin"][0] > 1000 and before["school"][0] == 100
    # The backup is taken while a connection of the running application holds the database open.
    async with sqlite_db.connect() as busy:
        await busy.execute(text("SELECT count(*) FROM teacher"))
        saved = await asyncio.to_thread(backup, tmp_path / "backups" / "b.db")
    await vandalise(sqlite_db)
    assert (await fingerprint(sqlite_db))["checkin"][0] == 0
    await sqlite_db.dispose()  # the server is stopped for a restore
    await asyncio.to_thread(restore, saved)
    assert await fingerprint(sqlite_db) == before


def test_restore_refuses_a_missing_file(tmp_path: Path, configured: None) -> None:
    with pytest.raises(SystemExit, match="does not exist"):
        restore(tmp_path / "nothing.db")


@pytest.fixture
async def postgres_db(monkeypatch: pytest.MonkeyPatch, configured: None) -> AsyncIterator[AsyncEngine]:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base or not base.startswith("postgres"):
        pytest.skip("PostgreSQL backup runs with TEST_DATABASE_URL")
    name = f"backup_{uuid.uuid4().hex[:8]}"
    admin = base.rsplit("/", 1)[0] + "/postgres"
    await asyncio.to_thread(subprocess.run, ["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    url = base.rsplit("/", 1)[0] + f"/{name}"
    monkeypatch.setenv("DATABASE_URL", url)
    await asyncio.to_thread(command.upgrade, alembic_config(normalise_database_url(url)), "head")
    engine = build_engine(normalise_database_url(url))
    try:
        await seed_scale(engine, size="county", seed=22, progress=False)
        yield engine
    finally:
        await engine.dispose()
        drop = ["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)']
        await asyncio.to_thread(subprocess.run, drop, check=True)


async def test_postgres_backup_and_restore_bring_every_row_back(
    postgres_db: AsyncEngine, tmp_path: Path
) -> None:
    before = await fingerprint(postgres_db)
    saved = await asyncio.to_thread(backup, tmp_path / "b.dump")
    assert saved.stat().st_size > 10_000
    await vandalise(postgres_db)
    await postgres_db.dispose()
    await asyncio.to_thread(restore, saved)
    assert await fingerprint(postgres_db) == before
