"""Real server processes on the test database: races between two processes, a crash in the middle of a
burst of writes, and (embedded mode) twenty writers at once on SQLite.

The world is committed for real (`committed_world`) so the servers see it; requests go over HTTP to
uvicorn processes started here, alternating between them.
"""

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.agreements.models import Agreement
from app.audit.models import AuditEvent
from app.core.clock import today
from app.core.db import write_intent
from app.core.enums import AgreementStatus
from app.rotations.models import CheckIn, Rotation
from app.teachers.models import Teacher
from tests.factories import World, make_agreement, make_teacher

BACKEND = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _process(port: int) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=BACKEND,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture
def servers(committed_world: World) -> Iterator[list[str]]:
    """Two server processes serving the same database."""
    ports = [_free_port(), _free_port()]
    with _process(ports[0]), _process(ports[1]):
        yield [f"http://127.0.0.1:{port}" for port in ports]


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30) as client:
        yield client


async def _committed(engine: AsyncEngine, build: Callable[[AsyncSession], Awaitable[T]]) -> T:
    write_intent.set(True)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        made = await build(session)
        await session.commit()
    return made


async def _count(engine: AsyncEngine, stmt: Select[Any]) -> int:
    async with AsyncSession(engine) as session:
        return int(await session.scalar(stmt) or 0)


async def test_approving_the_same_agreement_in_two_processes_succeeds_once(
    servers: list[str], committed_world: World, engine: AsyncEngine, http: httpx.AsyncClient
) -> None:
    w = committed_world

    async def build(session: AsyncSession) -> Agreement:
        return await make_agreement(session, w.programme_a, w.a1, w.a3, AgreementStatus.confirmed)

    agreement = await _committed(engine, build)
    url = f"/api/v1/agreements/{agreement.id}/approve"
    answers = await asyncio.gather(
        *(http.post(f"{base}{url}", json={}, headers=w.headers["bureau_admin"]) for base in servers)
    )
    assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
    events = await _count(
        engine,
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.entity == "agreement",
            AuditEvent.entity_id == agreement.id,
            AuditEvent.action == "approve",  # type: ignore[attr-defined]
        ),
    )
    assert events == 1


async def test_two_edits_with_the_same_if_match_one_wins_the_other_gets_412(
    servers: list[str], committed_world: World, http: httpx.AsyncClient
) -> None:
    w = committed_world
    url = f"/api/v1/schools/{w.a2.id}"
    stale_or_not = {**w.headers["bureau_admin"], "If-Match": '"1"'}
    answers = await asyncio.gather(
        *(
            http.patch(f"{base}{url}", json={"address": f"地址{i}"}, headers=stale_or_not)
            for i, base in enumerate(servers)
        )
    )
    assert sorted(a.status_code for a in answers) == [200, 412], [a.text for a in answers]
    now = (await http.get(f"{servers[0]}{url}", headers=w.headers["bureau_admin"])).json()
    winner = next(a for a in answers if a.status_code == 200).json()
    assert now["address"] == winner["address"] and now["version"] == 2


async def test_overlapping_rotations_of_one_teacher_proposed_at_once_one_is_refused(
    servers: list[str], committed_world: World, engine: AsyncEngine, http: httpx.AsyncClient
) -> None:
    w = committed_world

    async def build(session: AsyncSession) -> Teacher:
        return await make_teacher(session, w.a1, ("英语",))

    teacher = await _committed(engine, build)
    body = {
        "teacher_id": teacher.id,
        "from_school_id": w.a1.id,
        "to_school_id": w.a2.id,
        "direction": "dispatch",
        "agreement_id": w.agreement.id,
        "term": "spring",
        "school_year": 2026,
        "subjects": ["英语"],
    }
    answers = await asyncio.gather(
        *(
            http.post(f"{base}/api/v1/rotations", json=body, headers=w.headers["bureau_admin"])
            for base in servers
        )
    )
    assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
    rows = await _count(
        engine, select(func.count()).select_from(Rotation).where(Rotation.teacher_id == teacher.id)
    )  # type: ignore[attr-defined]
    assert rows == 1


async def test_two_taps_of_one_check_in_in_two_processes_make_one_check_in(
    servers: list[str], committed_world: World, engine: AsyncEngine, http: httpx.AsyncClient
) -> None:
    w = committed_world
    day = today() - timedelta(days=2)
    url = f"/api/v1/rotations/{w.rotation.id}/checkins"
    answers = await asyncio.gather(
        *(
            http.post(f"{base}{url}", json={"date": day.isoformat()}, headers=w.headers["teacher"])
            for base in servers
        )
    )
    assert all(a.status_code in (200, 201) for a in answers), [a.text for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1  # the second tap answers the first
    rows = await _count(
        engine,
        select(func.count())
        .select_from(CheckIn)
        .where(CheckIn.teacher_id == w.teacher_a1.id, CheckIn.date == day),
    )
    assert rows == 1


async def test_a_killed_server_loses_no_answered_write_and_leaves_no_half_record(
    committed_world: World, engine: AsyncEngine, http: httpx.AsyncClient
) -> None:
    w = committed_world
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    answered: list[int] = []
    under_way = asyncio.Event()

    async def create(n: int) -> None:
        body = {
            "name": f"突发{n}",
            "gender": "female",
            "school_id": w.a1.id,
            "subjects": ["数学", "物理"],
            "hire_date": "2020-09-01",
        }
        try:
            response = await http.post(
                f"{base}/api/v1/teachers", json=body, headers=w.headers["bureau_admin"]
            )
        except httpx.TransportError:
            return  # the server died under this one: it may or may not have been written, never half
        if response.status_code == 201:
            answered.append(response.json()["id"])
            if len(answered) >= 10:
                under_way.set()

    with _process(port) as server:
        burst = [asyncio.create_task(create(n)) for n in range(200)]
        with contextlib.suppress(TimeoutError):  # killed mid-burst, once some writes were answered
            await asyncio.wait_for(under_way.wait(), timeout=20)
        server.send_signal(signal.SIGKILL)
        await asyncio.gather(*burst)
    assert answered, "the burst should have been under way when the server was killed"
    with _process(port):  # restarted on the same database
        for teacher_id in answered:
            again = await http.get(f"{base}/api/v1/teachers/{teacher_id}", headers=w.headers["bureau_admin"])
            assert again.status_code == 200 and again.json()["subjects"] == ["数学", "物理"]
    async with AsyncSession(engine) as session:
        burst_ids = list(await session.scalars(select(Teacher.id).where(Teacher.name.like("突发%"))))
        audited = set(
            await session.scalars(
                select(AuditEvent.entity_id).where(
                    AuditEvent.entity == "teacher", AuditEvent.entity_id.in_(burst_ids)
                )
            )
        )
    assert set(answered) <= set(burst_ids)
    assert audited == set(burst_ids)  # every teacher written has its audit event: no half-written request


async def test_twenty_writers_at_once_on_sqlite_never_meet_database_is_locked(
    committed_world: World, engine: AsyncEngine, http: httpx.AsyncClient
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("embedded mode: SQLite only")
    w = committed_world
    port = _free_port()
    base = f"http://127.0.0.1:{port}"

    async def writer(n: int) -> list[int]:
        codes = []
        for k in range(5):
            body = {"name": f"并发{n}-{k}", "gender": "male", "school_id": w.a2.id, "hire_date": "2019-09-01"}
            response = await http.post(
                f"{base}/api/v1/teachers", json=body, headers=w.headers["bureau_admin"]
            )
            codes.append(response.status_code)
        return codes

    with _process(port):
        results = await asyncio.gather(*(writer(n) for n in range(20)))
    assert [code for codes in results for code in codes] == [201] * 100
    rows = await _count(engine, select(func.count()).select_from(Teacher).where(Teacher.name.like("并发%")))
    assert rows == 100
