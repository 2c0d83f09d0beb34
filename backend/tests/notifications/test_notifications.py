"""Reminders: written once per person and occasion, however often and by however many workers the job runs."""

import asyncio
from datetime import UTC, date, datetime
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.core.db import write_intent
from app.core.enums import AgreementStatus, MeetingStatus
from app.meetings.models import Meeting
from app.notifications.models import Notification
from app.notifications.producer import expiry_stage, produce_reminders
from tests.factories import World, make_agreement


@pytest.mark.parametrize(
    ("days", "stage"), [(30, "30_days"), (8, "30_days"), (7, "7_days"), (1, "7_days"), (0, "today")]
)
def test_expiry_stages(days: int, stage: str) -> None:
    assert expiry_stage(days) == stage


async def _kinds(client: AsyncClient, headers: dict[str, str]) -> list[str]:
    return [n["kind"] for n in (await client.get("/api/v1/notifications", headers=headers)).json()["items"]]


async def test_expiry_reminders_reach_both_schools_once_per_stage(
    client: AsyncClient, world: World, session: AsyncSession, frozen_clock: Any
) -> None:
    # world.agreement ends 2029-08-31.
    frozen_clock.freeze(datetime(2029, 7, 31, 8, tzinfo=UTC))
    assert (await produce_reminders(session))["agreement_expiring"] == 0
    frozen_clock.freeze(datetime(2029, 8, 1, 8, tzinfo=UTC))
    # One admin of each school of ours, and the other county's supporting school (same end date).
    assert (await produce_reminders(session))["agreement_expiring"] == 3
    assert (await produce_reminders(session))["agreement_expiring"] == 0  # a rerun writes nothing
    frozen_clock.freeze(datetime(2029, 8, 25, 8, tzinfo=UTC))
    assert (await produce_reminders(session))["agreement_expiring"] == 3  # the 7-day stage
    frozen_clock.freeze(datetime(2029, 8, 31, 8, tzinfo=UTC))
    await produce_reminders(session)
    inbox = (
        await client.get(
            "/api/v1/notifications", headers={**world.headers["school_admin"], "Accept-Language": "en"}
        )
    ).json()
    expiring = [n for n in inbox["items"] if n["kind"].startswith("agreement_expiring")]
    assert [n["stage"] for n in expiring] == ["today", "7_days", "30_days"]
    assert "ends today" in expiring[0]["message"]
    assert await _kinds(client, world.headers["outsider_school_admin"]) == []


async def test_items_minutes_risk_and_digest(
    client: AsyncClient, world: World, session: AsyncSession, frozen_clock: Any
) -> None:
    # The world's meeting was held 2026-10-20 (minutes still a draft) with an item due 2026-11-01.
    frozen_clock.freeze(datetime(2026, 10, 26, 8, tzinfo=UTC))
    await produce_reminders(session)
    assert set(await _kinds(client, world.headers["school_admin"])) == {"item_due", "minutes_pending"}
    frozen_clock.freeze(datetime(2027, 3, 2, 8, tzinfo=UTC))
    await produce_reminders(session)
    kinds = await _kinds(client, world.headers["school_admin"])
    assert kinds.count("minutes_pending") == 2 and "item_overdue" in kinds
    assert "compliance_digest" not in kinds
    # An agreement with no meeting at all: non-compliant after the first half → the bureau's weekly digest.
    await make_agreement(session, world.programme_a, world.a3, world.a2, AgreementStatus.active)
    await produce_reminders(session)
    digest = (await client.get("/api/v1/notifications", headers=world.headers["bureau_admin"])).json()[
        "items"
    ]
    assert [n["kind"] for n in digest] == ["compliance_digest"]
    # Late in the second half with nothing held: both schools of the world's agreement are warned.
    frozen_clock.freeze(datetime(2027, 8, 5, 8, tzinfo=UTC))
    await produce_reminders(session)
    assert "meeting_at_risk" in await _kinds(client, world.headers["other_school_admin"])


async def test_signing_steps_notify_the_next_signer(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    draft = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    await client.post(f"/api/v1/agreements/{draft.id}/submit", headers=world.headers["school_admin"])
    assert await _kinds(client, world.headers["other_school_admin"]) == ["agreement_waiting"]
    assert await _kinds(client, world.headers["school_admin"]) == []
    await client.post(f"/api/v1/agreements/{draft.id}/confirm", headers=world.headers["other_school_admin"])
    assert await _kinds(client, world.headers["bureau_admin"]) == ["agreement_waiting"]


async def test_read_and_read_all(
    client: AsyncClient, world: World, session: AsyncSession, frozen_clock: Any
) -> None:
    frozen_clock.freeze(datetime(2027, 3, 2, 8, tzinfo=UTC))
    await produce_reminders(session)
    headers = world.headers["school_admin"]
    inbox = (await client.get("/api/v1/notifications", headers=headers)).json()
    assert inbox["unread_count"] == len(inbox["items"]) >= 2
    first = inbox["items"][0]["id"]
    assert (
        await client.post(f"/api/v1/notifications/{first}/read", headers=world.headers["other_school_admin"])
    ).status_code == 404
    assert (await client.post(f"/api/v1/notifications/{first}/read", headers=headers)).status_code == 204
    after = (await client.get("/api/v1/notifications", headers=headers)).json()
    assert after["unread_count"] == inbox["unread_count"] - 1 and after["items"][-1]["id"] == first
    assert (await client.post("/api/v1/notifications/read-all", headers=headers)).status_code == 204
    assert (
        await client.get("/api/v1/notifications", params={"unread_only": "true"}, headers=headers)
    ).json() == {"items": [], "unread_count": 0}


async def test_two_workers_at_once_write_each_reminder_once(
    engine: AsyncEngine, committed_world: World
) -> None:
    from app.core import clock

    clock.freeze(datetime(2029, 8, 1, 8, tzinfo=UTC))
    try:

        async def worker() -> dict[str, int]:
            write_intent.set(True)
            async with AsyncSession(engine, expire_on_commit=False) as session:
                created = await produce_reminders(session)
                await asyncio.sleep(0.05)
                await session.commit()
                return created

        results = await asyncio.gather(worker(), worker())
        async with AsyncSession(engine) as session:
            stored = await session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.kind == "agreement_expiring")
            )
        assert stored == 3  # our two school admins and the other county's one, each exactly once
        assert sum(r["agreement_expiring"] for r in results) == 3
    finally:
        clock.freeze(None)


async def test_held_meeting_asks_the_other_side_to_confirm_minutes(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    meeting = Meeting(
        agreement_id=world.agreement.id, scheduled_date=date(2026, 11, 2), status=MeetingStatus.planned
    )
    session.add(meeting)
    await session.flush()
    await client.patch(
        f"/api/v1/meetings/{meeting.id}",
        json={"status": "held", "held_date": "2026-11-02"},
        headers=world.headers["school_admin"],
    )
    assert await _kinds(client, world.headers["other_school_admin"]) == ["minutes_to_confirm"]


async def test_reminders_of_a_step_are_settled_once_it_is_taken(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    draft = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    await client.post(f"/api/v1/agreements/{draft.id}/submit", headers=world.headers["school_admin"])
    receiving = world.headers["other_school_admin"]
    assert (await client.get("/api/v1/notifications", headers=receiving)).json()["unread_count"] == 1
    await client.post(f"/api/v1/agreements/{draft.id}/confirm", headers=world.headers["bureau_admin"])
    assert (await client.get("/api/v1/notifications", headers=receiving)).json()["unread_count"] == 0
