"""Idempotency-Key on POST: the same request again gets the first answer; nothing is done twice."""

from datetime import timedelta

from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Goal
from app.core.clock import now
from app.integrations.idempotency import purge_expired
from app.integrations.models import IdempotencyRecord
from tests.factories import World

GOAL = {"title": "开设英语送教", "area": "teaching", "target_date": "2027-06-30"}


async def _goals(session: AsyncSession, world: World) -> int:
    return (
        await session.scalar(
            select(func.count()).select_from(Goal).where(Goal.agreement_id == world.agreement.id)
        )
        or 0
    )


async def test_a_repeated_post_is_answered_once(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/goals"
    headers = {**world.headers["bureau_admin"], "Idempotency-Key": "goal-2026-001"}
    before = await _goals(session, world)
    first = await client.post(url, json=GOAL, headers=headers)
    assert first.status_code == 201, first.text
    again = await client.post(url, json=GOAL, headers=headers)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotency-replayed"] == "true" and "idempotency-replayed" not in first.headers
    assert again.headers["content-type"] == first.headers["content-type"]
    assert await _goals(session, world) == before + 1
    # The same key for another request is refused; another caller's key is their own.
    other = await client.post(url, json={**GOAL, "title": "另一个目标"}, headers=headers)
    assert other.status_code == 422 and "Idempotency-Key" in other.json()["detail"]
    mine = await client.post(
        url, json=GOAL, headers={**world.headers["school_admin"], "Idempotency-Key": "goal-2026-001"}
    )
    assert mine.status_code == 201 and mine.json()["id"] != first.json()["id"]
    # Without a key, every POST acts.
    assert (await client.post(url, json=GOAL, headers=world.headers["bureau_admin"])).status_code == 201
    assert await _goals(session, world) == before + 3


async def test_a_refusal_is_replayed_too_and_changes_nothing(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/goals"
    headers = {**world.headers["bureau_admin"], "Idempotency-Key": "bad-1"}
    before = await _goals(session, world)
    for _ in range(2):
        answer = await client.post(url, json={"title": ""}, headers=headers)
        assert answer.status_code == 422
    assert answer.headers["idempotency-replayed"] == "true"
    assert await _goals(session, world) == before


async def test_in_progress_expired_and_invalid_keys(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/goals"
    user = world.users["bureau_admin"].id
    session.add_all(
        [
            IdempotencyRecord(user_id=user, key="running", fingerprint="x", created_at=now()),
            IdempotencyRecord(
                user_id=user,
                key="old",
                fingerprint="x",
                status_code=201,
                created_at=now() - timedelta(hours=25),
            ),
        ]
    )
    await session.flush()
    admin = world.headers["bureau_admin"]
    running = await client.post(url, json=GOAL, headers={**admin, "Idempotency-Key": "running"})
    assert running.status_code == 409
    # Past 24 hours a key is forgotten: the request runs again.
    old = await client.post(url, json=GOAL, headers={**admin, "Idempotency-Key": "old"})
    assert old.status_code == 201 and "idempotency-replayed" not in old.headers
    too_long = await client.post(url, json=GOAL, headers={**admin, "Idempotency-Key": "k" * 201})
    assert too_long.status_code == 422
    # Unauthenticated requests are refused by the route, not remembered.
    assert (await client.post(url, json=GOAL, headers={"Idempotency-Key": "anon"})).status_code == 401
    assert (
        await session.scalar(
            select(func.count()).select_from(IdempotencyRecord).where(IdempotencyRecord.key == "anon")
        )
        == 0
    )


async def test_the_worker_forgets_expired_keys(session: AsyncSession, world: World) -> None:
    user = world.users["bureau_admin"].id
    session.add_all(
        [
            IdempotencyRecord(user_id=user, key="fresh", fingerprint="x", status_code=201, created_at=now()),
            IdempotencyRecord(
                user_id=user,
                key="stale",
                fingerprint="x",
                status_code=201,
                created_at=now() - timedelta(hours=30),
            ),
        ]
    )
    await session.flush()
    assert await purge_expired(session) == 1
    keys = set(await session.scalars(select(IdempotencyRecord.key)))
    assert keys == {"fresh"}
