"""Test setup: a database built by the migrations, a rolled-back transaction per test, and an
httpx client over ASGI. The same suite runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL."""

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="pairing-tests-"))
os.environ["ENVIRONMENT"] = "test"
os.environ["DATA_DIR"] = str(_TMP)
os.environ["ARGON2_TIME_COST"] = "1"
os.environ["ARGON2_MEMORY_COST"] = "64"
os.environ["REMINDER_INTERVAL_SECONDS"] = "0"  # tests run the reminder job themselves
os.environ["WEBHOOK_INTERVAL_SECONDS"] = "0"  # and deliver webhooks themselves
# One application serves every test (building its routes on a first request takes about a second):
# no rate limit carries over between tests; test_rate_limits.py builds its own limited application.
os.environ["RATE_LIMIT_CLIENT_PER_MINUTE"] = "0"
os.environ["RATE_LIMIT_ADDRESS_PER_MINUTE"] = "0"
os.environ["FRONTEND_DIST"] = str(_TMP / "no-dist")
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{_TMP / 'test.db'}"

import pytest  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402
from sqlalchemy import (  # noqa: E402
    delete,
    text,
    update,
)
from sqlalchemy.ext.asyncio import (  # noqa: E402
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
)

from app.core import clock  # noqa: E402
from app.core.config import get_settings  # noqa: E402
from app.core.db import build_engine, write_intent  # noqa: E402
from app.core.deps import get_session  # noqa: E402
from app.main import create_app  # noqa: E402
from app.models import Base  # noqa: E402
from app.regions.models import Region  # noqa: E402
from tests.factories import World, build_world  # noqa: E402

BACKEND = Path(__file__).resolve().parents[1]


def alembic_config(url: str | None = None) -> Config:
    config = Config(str(BACKEND / "alembic.ini"))
    config.set_main_option("script_location", str(BACKEND / "alembic"))
    config.attributes["configure_logging"] = False
    if url:
        config.attributes["database_url"] = url
    return config


def reset_database(url: str) -> None:
    """Empty the test database, whatever an earlier run left in it."""
    if url.startswith("postgresql"):
        engine = build_engine(url)

        async def _drop() -> None:
            async with engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
            await engine.dispose()

        asyncio.run(_drop())
    else:
        path = Path(url.split(":///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    url = get_settings().database_url
    reset_database(url)
    command.upgrade(alembic_config(), "head")
    yield url


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    eng = build_engine(database_url)
    yield eng
    await eng.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """One connection per test, in a transaction rolled back at the end: tests never see each other."""
    write_intent.set(True)
    async with engine.connect() as conn:
        transaction = await conn.begin()
        yield conn
        if transaction.is_active:
            await transaction.rollback()


@pytest.fixture
async def session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    async with AsyncSession(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    ) as s:
        yield s


@pytest.fixture
async def world(session: AsyncSession) -> World:
    return await build_world(session)


@pytest.fixture(scope="session")
def shared_app() -> FastAPI:
    return create_app()


def share_connection(application: FastAPI, connection: AsyncConnection) -> None:
    """Make the application's requests run on the test's connection (inside its transaction)."""

    async def _session() -> AsyncIterator[AsyncSession]:
        # The app's requests share the test's connection; their commits become savepoint releases.
        async with AsyncSession(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as s:
            try:
                yield s
                await s.commit()
            except BaseException:
                await s.rollback()
                raise

    application.dependency_overrides[get_session] = _session


@pytest.fixture
def app(shared_app: FastAPI, connection: AsyncConnection) -> Iterator[FastAPI]:
    share_connection(shared_app, connection)
    yield shared_app
    shared_app.dependency_overrides.pop(get_session, None)


@pytest.fixture
async def client(app) -> AsyncIterator[AsyncClient]:  # type: ignore[no-untyped-def]
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def frozen_clock() -> Iterator[object]:
    yield clock
    clock.freeze(None)


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ["DATABASE_URL"]
    origin = "TEST_DATABASE_URL" if os.environ.get("TEST_DATABASE_URL") else "embedded SQLite"
    return f"database: {url.split('://')[0]} ({origin})"


@pytest.fixture
async def committed_world(engine: AsyncEngine) -> AsyncIterator[World]:
    """A world committed for real, so that separate connections race on it; emptied afterwards."""
    write_intent.set(True)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        world = await build_world(session)
        await session.commit()
    yield world
    write_intent.set(True)
    async with engine.begin() as conn:
        await conn.execute(update(Region).values(parent_id=None))  # regions refer to each other
        for table in reversed(Base.metadata.sorted_tables):
            await conn.execute(delete(table))
