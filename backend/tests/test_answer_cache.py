"""The answer cache (core/answers.py) and the change counts it trusts (core/changes.py).

On both databases the cache is switched on as a listening process has it (`kept`), over real
commits (`committed_world`, the application's own sessions): what this process writes is counted
when its connection is handed back. On PostgreSQL the notifications themselves are tested too:
a change committed by another connection reaches the cache, and a lost listening connection turns
the cache off until it is back.
"""

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core import changes
from app.core.answers import Answer, AnswerStore
from app.core.config import get_settings
from app.core.db import Base
from app.schools.models import School
from tests.factories import World

LIST = "/api/v1/agreements?limit=50"
on_postgresql = pytest.mark.skipif(
    not get_settings().database_url.startswith("postgresql"), reason="notifications are PostgreSQL's"
)


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> changes.ChangeState:
    """The cache on, as in a process that listens for changes (every announced table watched)."""
    monkeypatch.setattr(changes.STATE, "listening", True)
    monkeypatch.setattr(changes.STATE, "watched", frozenset(Base.metadata.tables) - changes.UNANNOUNCED)
    return changes.STATE


@pytest.fixture
async def http(shared_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The application with its own sessions: each request commits for real, as in production."""
    transport = httpx.ASGITransport(app=shared_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def cached(response: httpx.Response) -> str | None:
    return response.headers.get("x-answer-cache")


async def _read_until_kept(http: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """Read the list twice: computed, then answered from memory."""
    assert cached(await http.get(LIST, headers=headers)) == "miss"
    assert cached(await http.get(LIST, headers=headers)) == "hit"


async def _computed_again_with(http: httpx.AsyncClient, headers: dict[str, str], school_name: str) -> None:
    """The next read is computed again and shows the school's new name."""
    after = await http.get(LIST, headers=headers)
    assert cached(after) == "miss"
    assert school_name in {a["supporting_school_name"] for a in after.json()["items"]}


async def test_a_read_asked_again_is_answered_from_memory(
    kept: changes.ChangeState, committed_world: World, http: httpx.AsyncClient
) -> None:
    admin = committed_world.headers["bureau_admin"]
    first = await http.get(LIST, headers=admin)
    second = await http.get(LIST, headers=admin)
    assert first.status_code == second.status_code == 200
    assert (cached(first), cached(second)) == ("miss", "hit")
    assert second.json() == first.json() and second.json()["total"] >= 1
    assert second.headers["etag"] == first.headers["etag"]  # conditional GET still works on it
    again = await http.get(LIST, headers={**admin, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


async def test_an_edit_of_a_table_the_answer_read_is_seen_by_the_next_read(
    kept: changes.ChangeState, committed_world: World, http: httpx.AsyncClient
) -> None:
    w = committed_world
    admin = w.headers["bureau_admin"]
    await _read_until_kept(http, admin)
    # The agreements list shows the schools' names: renaming one changes the list.
    renamed = await http.patch(f"/api/v1/schools/{w.a1.id}", json={"name": "新名字学校"}, headers=admin)
    assert renamed.status_code == 200, renamed.text
    await _computed_again_with(http, admin, "新名字学校")


async def test_each_caller_is_answered_with_its_own_scope(
    kept: changes.ChangeState, committed_world: World, http: httpx.AsyncClient
) -> None:
    w = committed_world
    bureau, school = w.headers["bureau_admin"], w.headers["outsider_school_admin"]
    await http.get(LIST, headers=bureau)
    bureau_answer = await http.get(LIST, headers=bureau)
    school_first = await http.get(LIST, headers=school)
    school_again = await http.get(LIST, headers=school)
    assert (cached(bureau_answer), cached(school_first), cached(school_again)) == ("hit", "miss", "hit")
    ids = {a["id"] for a in school_again.json()["items"]}
    assert w.agreement.id in {a["id"] for a in bureau_answer.json()["items"]}
    assert w.agreement.id not in ids  # the outsider never gets the bureau's kept answer


async def test_no_cache_asks_again_and_no_store_keeps_nothing(
    kept: changes.ChangeState, committed_world: World, http: httpx.AsyncClient
) -> None:
    admin = committed_world.headers["bureau_admin"]
    assert cached(await http.get(LIST, headers={**admin, "Cache-Control": "no-store"})) == "miss"
    assert cached(await http.get(LIST, headers=admin)) == "miss"  # the no-store answer was not kept
    assert cached(await http.get(LIST, headers={**admin, "Cache-Control": "no-cache"})) == "miss"
    assert cached(await http.get(LIST, headers=admin)) == "hit"


async def test_an_expired_token_is_refused_even_for_a_kept_answer(
    kept: changes.ChangeState,
    committed_world: World,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = committed_world.headers["bureau_admin"]
    await _read_until_kept(http, admin)
    later = time.time() + 24 * 3600
    monkeypatch.setattr("app.core.security.time.time", lambda: later)
    assert (await http.get(LIST, headers=admin)).status_code == 401


async def test_an_answer_that_read_an_unwatched_table_is_not_kept(
    kept: changes.ChangeState,
    committed_world: World,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = committed_world.headers["bureau_admin"]
    monkeypatch.setattr(kept, "watched", kept.watched - {"school"})  # as if its trigger were missing
    await http.get(LIST, headers=admin)
    assert cached(await http.get(LIST, headers=admin)) == "miss"


async def test_nothing_is_kept_while_changes_are_not_heard(
    committed_world: World, http: httpx.AsyncClient
) -> None:
    assert not changes.STATE.listening  # no listening connection in this process
    admin = committed_world.headers["bureau_admin"]
    await http.get(LIST, headers=admin)
    assert cached(await http.get(LIST, headers=admin)) is None


async def test_a_commit_is_counted_after_it_and_a_rollback_never(engine: AsyncEngine) -> None:
    state = changes.STATE
    before = state.counts["school"]
    async with engine.connect() as conn:
        await conn.execute(update(School).where(School.id == -1).values(name="x"))
        await conn.rollback()
    assert state.counts["school"] == before
    async with engine.connect() as conn:
        await conn.execute(update(School).where(School.id == -1).values(name="x"))
        await conn.commit()
        assert state.counts["school"] == before  # not yet: only once the connection is handed back
    assert state.counts["school"] == before + 1
    async with engine.connect() as conn:
        await conn.execute(select(School.id).limit(1))
    assert state.counts["school"] == before + 1  # reads count nothing


def test_the_tables_a_statement_names_are_found_and_only_those() -> None:
    sql = (
        "SELECT agreement.id, school_1.name FROM agreement JOIN school AS school_1 ON school_1.id = "
        "agreement.supporting_school_id WHERE agreement.programme_id IN (SELECT programme.id FROM programme)"
    )
    assert changes.tables_in(sql) == {"agreement", "school", "programme"}
    assert changes.tables_in("SELECT 1 AS school_id") == frozenset()


def test_the_store_drops_the_least_recently_served_beyond_its_size() -> None:
    def answer(size: int) -> Answer:
        return Answer({"type": "http.response.start", "status": 200}, b"x" * size, 0, ())

    store = AnswerStore(max_bytes=800)
    store.put(("a",), answer(100))
    store.put(("b",), answer(100))
    store.put(("too big",), answer(101))  # over an eighth of the store: never kept
    assert list(store.answers) == [("a",), ("b",)]
    with _listening():
        assert store.get(("a",)) is not None  # a is now the most recently served
        for name in "cdefghi":  # nine answers of 100 bytes: one too many
            store.put((name,), answer(100))
        assert ("b",) not in store.answers and ("a",) in store.answers and store.size <= 800


@contextlib.contextmanager
def _listening() -> Iterator[None]:
    state = changes.STATE
    was, epoch = state.listening, state.epoch
    state.listening, state.epoch = True, 0
    try:
        yield
    finally:
        state.listening, state.epoch = was, epoch


# --- PostgreSQL: the notifications -----------------------------------------------------------------


@pytest.fixture
async def listening() -> AsyncIterator[changes.ChangeState]:
    task = asyncio.create_task(changes.listen(get_settings().database_url))
    for _ in range(100):
        if changes.STATE.listening:
            break
        await asyncio.sleep(0.05)
    assert changes.STATE.listening
    yield changes.STATE
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert not changes.STATE.listening


async def _until(condition: object, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not within the time allowed"
        await asyncio.sleep(0.02)


async def _raw(sql: str, *args: object) -> list[asyncpg.Record]:
    """A statement from outside this process's engine (as another worker, the worker, psql would)."""
    arguments = {**changes.connect_args(get_settings().database_url), "server_settings": {}}
    connection = await asyncpg.connect(**arguments)
    try:
        return await connection.fetch(sql, *args)
    finally:
        await connection.close()


@on_postgresql
async def test_a_change_committed_by_another_connection_reaches_the_cache(
    listening: changes.ChangeState, committed_world: World, http: httpx.AsyncClient
) -> None:
    w = committed_world
    admin = w.headers["bureau_admin"]
    await _read_until_kept(http, admin)
    before = listening.counts["school"]
    await _raw(f"UPDATE school SET name = '远处改的名' WHERE id = {w.a1.id}")
    await _until(lambda: listening.counts["school"] > before)
    await _computed_again_with(http, admin, "远处改的名")


@on_postgresql
async def test_a_lost_listening_connection_stops_the_cache_until_it_is_back(
    listening: changes.ChangeState, committed_world: World, http: httpx.AsyncClient
) -> None:
    admin = committed_world.headers["bureau_admin"]
    await _read_until_kept(http, admin)
    epoch = listening.epoch
    await _raw(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = $1 AND datname = current_database()",
        changes.LISTENER_NAME,
    )
    await _until(lambda: not listening.listening or listening.epoch > epoch)
    await _until(lambda: listening.listening and listening.epoch > epoch)
    # Back, in a new epoch: what was kept before is not trusted (changes in between went unheard).
    assert cached(await http.get(LIST, headers=admin)) == "miss"
    assert cached(await http.get(LIST, headers=admin)) == "hit"


@on_postgresql
async def test_every_table_announces_its_changes_but_the_unannounced() -> None:
    announced = {row[0] for row in await _raw(changes.WATCHED_SQL, changes.TRIGGER)}
    assert announced == set(Base.metadata.tables) - changes.UNANNOUNCED
