"""What a request costs before its own work: no hop to a worker thread, no transaction round trips for a
read on PostgreSQL, a list page that reads only what it shows (docs/benchmarks-notes.md, round 4), and
every route registered on the app
itself (rounds 6 and 7)."""

import inspect
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from app.core.db import session_scope
from app.core.enums import Role
from app.core.listing import ListParams, _page
from app.core.policy import Caller, readable
from app.meetings import service as meetings
from app.meetings.models import Meeting


def _calls(dependant: Dependant) -> Iterator[Any]:
    yield dependant.call
    for sub in dependant.dependencies:
        yield from _calls(sub)


def _runs_on_the_event_loop(call: Any) -> bool:
    """FastAPI awaits coroutine functions and async generators; anything else (a plain function, a
    generator, a class to instantiate) it runs in a worker thread."""
    if inspect.isclass(call):
        return False
    function = call if inspect.isroutine(call) else type(call).__call__
    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)


def test_every_route_is_registered_on_the_app_itself(shared_app: FastAPI) -> None:
    # FastAPI walks an included router as a branch, a route at a time with its context set and restored
    # around each; registered on the app, a route of the 14th router answered in 2.2 ms instead of 3.3.
    routes = shared_app.router.routes
    branches = [route for route in routes if hasattr(route, "original_router")]
    assert branches == [], f"{len(branches)} routers included as branches"
    api = {route.path for route in routes if isinstance(route, APIRoute)}
    assert {"/api/v1/health", "/api/v1/rotations/{rotation_id}/checkins"} <= api
    assert len(api) > 100


async def test_routes_registered_on_the_app_keep_the_dependency_overrides(app: FastAPI, client: Any) -> None:
    # Registered on the app's own router, a route resolves its dependencies through the app, so the
    # overrides a deployment or a test sets still apply (a route copied as it is from its router keeps
    # that router's provider, which has none).
    from app.core.deps import get_caller

    async def regionless_bureau() -> Caller:
        return Caller(1, Role.bureau_admin, None, None, None, None)

    assert (await client.get("/api/v1/agreements")).status_code == 401
    app.dependency_overrides[get_caller] = regionless_bureau
    try:
        answer = await client.get("/api/v1/agreements")
    finally:
        app.dependency_overrides.pop(get_caller)
    assert answer.status_code == 200, answer.text
    assert answer.json()["total"] == 0  # a bureau without a region reads nothing


def test_no_endpoint_or_dependency_runs_in_a_worker_thread(shared_app: FastAPI) -> None:
    # A thread hop cost a 50-row list about 0.4 ms of its 6 in-process, more under load.
    routes = [
        route
        for route in (context.original_route for context in iter_route_contexts(shared_app.routes))
        if isinstance(route, APIRoute)
    ]
    threaded = {
        f"{route.path} → {getattr(call, '__qualname__', type(call).__qualname__)}"
        for route in routes
        for call in _calls(route.dependant)
        if call is not None and not _runs_on_the_event_loop(call)
    }
    assert not threaded, sorted(threaded)
    assert len(routes) > 100  # every route of the API was looked at
    assert not _runs_on_the_event_loop(lambda: None)  # the check itself tells the two apart


async def test_a_read_session_runs_each_statement_on_its_own_on_postgresql(database_url: str) -> None:
    """No BEGIN and COMMIT around a read on PostgreSQL (two of a list's five round trips): under READ
    COMMITTED each statement took its own snapshot inside the transaction as well. Writes keep theirs.
    (SQLite keeps its transaction for reads: one consistent WAL snapshot, and no round trips to save.)"""
    if not database_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL read path")
    transaction_id = text("SELECT txid_current()")
    async with session_scope(writes=False) as session:
        read = [await session.scalar(transaction_id) for _ in range(2)]
    async with session_scope(writes=True) as session:
        write = [await session.scalar(transaction_id) for _ in range(2)]
    assert read[0] != read[1]  # each statement was a transaction of its own
    assert write[0] == write[1]


def test_a_meetings_page_reads_neither_minutes_nor_the_schools_other_columns() -> None:
    caller = Caller(
        user_id=1,
        role=Role.bureau_admin,
        organization_id=1,
        school_id=None,
        teacher_id=None,
        region_path="/1/2/",
    )
    params = ListParams(limit=50, offset=0, q=None, sort=None, format=None)
    stmt = _page(readable(caller, Meeting), params, meetings.LIST_SPEC).options(*meetings.LIST_SPEC.options)
    sql = str(stmt.compile(dialect=postgresql.dialect()))
    selected = set(re.findall(r"\b\w+\.\w+\b", sql.split(" FROM ", 1)[0]))  # the columns read
    for shown in ("meeting.scheduled_date", "agreement_1.title", "school_1.name", "school_2.name"):
        assert shown in selected
    for dropped in ("meeting.minutes", "meeting.agenda", "agreement_1.commitments", "school_1.address"):
        assert dropped not in selected, dropped
