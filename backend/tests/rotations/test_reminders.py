"""Reminders about rotations: approval waiting, leave waiting and decided, evaluation due."""

from datetime import UTC, datetime, time, timedelta
from typing import Any

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from app.notifications.producer import produce_reminders
from tests.factories import World


async def _inbox(client: AsyncClient, headers: dict[str, str], kind: str) -> list[dict[str, Any]]:
    items = (await client.get("/api/v1/notifications", headers=headers)).json()["items"]
    return [n for n in items if n["kind"] == kind]


async def test_a_proposal_waits_for_the_bureau_until_approved(client: AsyncClient, world: World) -> None:
    proposal = {
        "teacher_id": world.teacher_a1.id,
        "from_school_id": world.a1.id,
        "to_school_id": world.a3.id,
        "start_date": "2035-09-01",
        "end_date": "2036-01-31",
    }
    created = await client.post("/api/v1/rotations", json=proposal, headers=world.headers["school_admin"])
    assert created.status_code == 201, created.text
    bureau = world.headers["bureau_admin"]
    (waiting,) = await _inbox(client, bureau, "rotation_waiting")
    assert waiting["rotation_id"] == created.json()["id"] and waiting["read_at"] is None
    assert world.teacher_a1.name in waiting["message"] and "待审批" in waiting["message"]
    assert await _inbox(client, world.headers["foreign_bureau_admin"], "rotation_waiting") == []
    await client.post(f"/api/v1/rotations/{created.json()['id']}/approve", headers=bureau)
    (settled,) = await _inbox(client, bureau, "rotation_waiting")
    assert settled["read_at"] is not None


async def test_leave_reaches_the_host_and_the_decision_the_teacher(client: AsyncClient, world: World) -> None:
    day = (today() + timedelta(days=30)).isoformat()
    url = f"/api/v1/rotations/{world.rotation.id}/leaves"
    leave = await client.post(
        url, json={"start_date": day, "end_date": day, "reason": "体检"}, headers=world.headers["teacher"]
    )
    assert leave.status_code == 201, leave.text
    host = world.headers["other_school_admin"]
    (waiting,) = await _inbox(client, host, "leave_waiting")
    assert waiting["rotation_id"] == world.rotation.id and waiting["read_at"] is None
    assert await _inbox(client, world.headers["school_admin"], "leave_waiting") == []  # the home school
    await client.post(f"/api/v1/leaves/{leave.json()['id']}/approve", headers=host)
    (settled,) = await _inbox(client, host, "leave_waiting")
    assert settled["read_at"] is not None
    (decided,) = await _inbox(client, {**world.headers["teacher"], "Accept-Language": "en"}, "leave_decided")
    assert decided["message"] == f"Your leave from {day} to {day}: approved."


async def test_evaluation_due_two_weeks_before_the_end_once(
    client: AsyncClient, world: World, session: AsyncSession, frozen_clock: Any
) -> None:
    # world.rotation ends 120 days from today; the foreign one too (another county's host school).
    end = world.rotation.end_date
    frozen_clock.freeze(datetime.combine(end - timedelta(days=15), time(2), tzinfo=UTC))
    assert (await produce_reminders(session))["evaluation_due"] == 0
    frozen_clock.freeze(datetime.combine(end - timedelta(days=14), time(2), tzinfo=UTC))
    assert (await produce_reminders(session))["evaluation_due"] == 1  # a2's admin; b2 has none
    host = world.headers["other_school_admin"]
    (due,) = await _inbox(client, host, "evaluation_due")
    assert due["rotation_id"] == world.rotation.id and due["due_date"] == end.isoformat()
    assert (await produce_reminders(session))["evaluation_due"] == 0  # a rerun writes nothing
