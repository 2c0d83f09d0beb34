"""Rotations: proposals, the lifecycle, overlap, check-ins and the service record."""

import asyncio
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.auth.service import claims_for
from app.core import clock
from app.core.db import write_intent
from app.core.enums import RotationStatus, SchoolLocale
from app.core.errors import Conflict
from app.core.policy import Caller
from app.rotations import rules
from app.rotations.models import Rotation
from app.rotations.schemas import RotationCreate
from app.rotations.service import propose
from tests.factories import World, make_rotation, make_school, make_teacher

HOME, HOST, BUREAU = "school_admin", "other_school_admin", "bureau_admin"


def _plan(world: World, **extra: Any) -> dict[str, Any]:
    return {
        "teacher_id": world.teacher_a1.id,
        "from_school_id": world.a1.id,
        "to_school_id": world.a2.id,
        "start_date": "2035-09-01",
        "end_date": "2036-01-31",
        **extra,
    }


def test_term_presets() -> None:
    assert rules.term_dates(rules.Term.autumn, 2026) == (date(2026, 9, 1), date(2027, 1, 31))
    assert rules.term_dates(rules.Term.spring, 2026) == (date(2027, 2, 1), date(2027, 7, 31))
    assert rules.term_dates(rules.Term.year, 2026) == (date(2026, 9, 1), date(2027, 7, 31))


async def test_lifecycle_by_role(client: AsyncClient, world: World) -> None:
    created = await client.post(
        "/api/v1/rotations",
        json=_plan(
            world,
            term="autumn",
            school_year=2035,
            start_date=None,
            end_date=None,
            living_allowance_yuan="800.00",
        ),
        headers=world.headers[HOME],
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["start_date"], body["end_date"], body["status"]) == ("2035-09-01", "2036-01-31", "planned")
    assert body["allowed_actions"] == ["withdraw"] and body["next_actor"] == "bureau"
    url = f"/api/v1/rotations/{body['id']}"
    assert (await client.post(f"{url}/approve", headers=world.headers[HOME])).status_code == 403
    assert (await client.post(f"{url}/arrive", headers=world.headers[HOST])).status_code == 409
    assert (await client.post(f"{url}/approve", headers=world.headers[BUREAU])).json()["status"] == "approved"
    assert (await client.post(f"{url}/arrive", headers=world.headers[HOME])).status_code == 403
    assert (await client.post(f"{url}/arrive", headers=world.headers[HOST])).json()["status"] == "active"
    no_reason = await client.post(f"{url}/withdraw", headers=world.headers[HOME])
    assert no_reason.status_code == 422
    before_evaluation = await client.post(f"{url}/complete", headers=world.headers[HOST])
    assert before_evaluation.status_code == 409, "a rotation completes only after the host's evaluation"
    scores = {"attitude": 90, "attendance": 95, "teaching": 88, "results": 85, "contribution": 90}
    evaluated = await client.post(f"{url}/evaluations", json={"scores": scores}, headers=world.headers[HOST])
    assert evaluated.status_code == 201, evaluated.text
    assert (await client.post(f"{url}/complete", headers=world.headers[HOST])).json()["status"] == "completed"
    assert (
        await client.post(f"{url}/withdraw", json={"comment": "x"}, headers=world.headers[HOME])
    ).status_code == 409


async def test_proposals_are_checked(client: AsyncClient, world: World) -> None:
    headers = world.headers[HOME]
    not_home = await client.post(
        "/api/v1/rotations", json=_plan(world, teacher_id=world.teacher_a2.id), headers=headers
    )
    assert not_home.status_code == 422 and not_home.json()["errors"][0]["loc"] == ["body", "teacher_id"]
    other_school = await client.post(
        "/api/v1/rotations", headers=world.headers[HOST], json=_plan(world, from_school_id=world.a1.id)
    )
    assert other_school.status_code == 403
    wrong_way = await client.post(
        "/api/v1/rotations",
        headers=world.headers[BUREAU],
        json=_plan(
            world,
            teacher_id=world.teacher_a2.id,
            from_school_id=world.a2.id,
            to_school_id=world.a1.id,
            agreement_id=world.agreement.id,
            direction="dispatch",
        ),
    )
    assert wrong_way.status_code == 422 and wrong_way.json()["errors"][0]["loc"] == ["body", "direction"]
    training = await client.post(
        "/api/v1/rotations",
        headers=world.headers[BUREAU],
        json=_plan(
            world,
            teacher_id=world.teacher_a2.id,
            from_school_id=world.a2.id,
            to_school_id=world.a1.id,
            agreement_id=world.agreement.id,
            direction="training",
            kind="shadowing",
        ),
    )
    assert training.status_code == 201
    approved = await client.post(
        f"/api/v1/rotations/{training.json()['id']}/approve", headers=world.headers[BUREAU]
    )
    # A training visit is hosted by the supporting school: it confirms the arrival.
    assert approved.json()["next_actor"] == "supporting_school"
    no_period = await client.post(
        "/api/v1/rotations", json=_plan(world, start_date=None, end_date=None), headers=headers
    )
    assert no_period.status_code == 422


async def test_a_teacher_cannot_be_in_two_places(client: AsyncClient, world: World) -> None:
    # world.rotation holds teacher_a1 from a month ago for four months.
    overlapping = await client.post(
        "/api/v1/rotations",
        headers=world.headers[HOME],
        json=_plan(world, start_date=str(world.rotation.end_date), end_date="2040-01-01"),
    )
    assert overlapping.status_code == 409 and str(world.rotation.id) in overlapping.json()["detail"]
    withdrawn = await client.post(
        f"/api/v1/rotations/{world.rotation.id}/withdraw",
        json={"comment": "家中有事"},
        headers=world.headers[HOME],
    )
    assert withdrawn.status_code == 200
    again = await client.post(
        "/api/v1/rotations",
        headers=world.headers[HOME],
        json=_plan(world, start_date=str(world.rotation.end_date), end_date="2040-01-01"),
    )
    assert again.status_code == 201


async def test_bulk_proposal_is_all_or_nothing(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    second = await make_teacher(session, world.a1, ("英语",))
    third = await make_teacher(session, world.a1, ("音乐",))
    body = {k: v for k, v in _plan(world).items() if k != "teacher_id"}
    ok = await client.post(
        "/api/v1/rotations/bulk",
        json={**body, "teacher_ids": [second.id, third.id]},
        headers=world.headers[HOME],
    )
    assert ok.status_code == 201 and [r["teacher_id"] for r in ok.json()] == [second.id, third.id]
    fourth = await make_teacher(session, world.a1, ("体育",))
    clash = await client.post(
        "/api/v1/rotations/bulk",
        json={**body, "teacher_ids": [fourth.id, second.id]},
        headers=world.headers[HOME],
    )
    assert clash.status_code == 409
    mine = (
        await client.get("/api/v1/rotations", params={"teacher_id": fourth.id}, headers=world.headers[HOME])
    ).json()
    assert mine["total"] == 0  # the fourth teacher's proposal was rolled back with the failed batch


async def test_check_in_once_a_day_with_distance_flag(
    client: AsyncClient, world: World, session: AsyncSession, frozen_clock: Any
) -> None:
    world.a2.latitude, world.a2.longitude = 33.55, 117.09
    await session.flush()
    url = f"/api/v1/rotations/{world.rotation.id}/checkins"
    teacher = world.headers["teacher"]
    near = await client.post(
        url, json={"latitude": 33.551, "longitude": 117.091, "note": "到校"}, headers=teacher
    )
    assert near.status_code == 201 and near.json()["flagged"] is False and near.json()["distance_m"] < 200
    again = await client.post(url, json={"latitude": 30.0, "longitude": 110.0}, headers=teacher)
    assert again.status_code == 200 and again.json()["id"] == near.json()["id"]  # the same record answers
    other = await client.post(url, json={}, headers=world.headers["other_teacher"])
    assert other.status_code == 404  # another teacher cannot even see this rotation
    listed = (await client.get(url, headers=world.headers[HOST])).json()
    assert listed[0]["id"] == near.json()["id"]
    future = await client.post(url, json={"checked_in_at": "2099-01-01T08:00:00+08:00"}, headers=teacher)
    assert future.status_code == 422


async def test_offline_tap_keeps_its_time_and_far_away_is_flagged(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    world.a2.latitude, world.a2.longitude = 33.55, 117.09
    await session.flush()
    # Two school days back at 08:30 local: never the world's check-in (yesterday) and never in the future,
    # whatever the hour the suite runs (16:00 UTC is already tomorrow in Beijing).
    tap_day = clock.today() - timedelta(days=2)
    tapped_at = datetime.combine(tap_day, time(8, 30), tzinfo=clock.local_zone())
    tap = await client.post(
        f"/api/v1/rotations/{world.rotation.id}/checkins",
        headers=world.headers["teacher"],
        json={"checked_in_at": tapped_at.isoformat(), "latitude": 33.7, "longitude": 117.3},
    )
    assert tap.status_code == 201
    assert datetime.fromisoformat(tap.json()["checked_in_at"]) == tapped_at
    assert tap.json()["date"] == tap_day.isoformat()
    assert tap.json()["flagged"] is True and tap.json()["distance_m"] > 1000


async def test_service_record_counts_completed_dispatches_only(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    remote = await make_school(session, world.county_a, locale=SchoolLocale.remote, is_weak=True)
    town = await make_school(session, world.county_a, locale=SchoolLocale.town, is_weak=True)
    t = world.teacher_a1
    await make_rotation(
        session,
        t,
        remote,
        status=RotationStatus.completed,
        start_date=date(2020, 9, 1),
        end_date=date(2021, 1, 31),
    )  # 153 days rural, weak
    await make_rotation(
        session,
        t,
        town,
        status=RotationStatus.completed,
        start_date=date(2021, 9, 1),
        end_date=date(2022, 7, 31),
    )  # 334 days weak only
    await make_rotation(
        session,
        t,
        remote,
        status=RotationStatus.withdrawn,
        start_date=date(2023, 9, 1),
        end_date=date(2024, 7, 31),
    )  # withdrawn: not counted
    record = (
        await client.get(f"/api/v1/teachers/{t.id}/service-record", headers=world.headers["teacher"])
    ).json()
    assert (record["rural_service_days"], record["weak_service_days"]) == (153, 487)
    assert record["eligible_for_title"] is False and record["required_rural_days"] == 365
    assert len(record["completed_rotations"]) == 2
    await make_rotation(
        session,
        t,
        remote,
        status=RotationStatus.completed,
        start_date=date(2024, 9, 1),
        end_date=date(2025, 1, 31),
    )
    record = (
        await client.get(f"/api/v1/teachers/{t.id}/service-record", headers=world.headers[BUREAU])
    ).json()
    assert record["rural_service_days"] == 306 and record["eligible_for_title"] is False
    await make_rotation(
        session,
        t,
        remote,
        status=RotationStatus.completed,
        start_date=date(2025, 9, 1),
        end_date=date(2025, 11, 28),
    )
    record = (
        await client.get(f"/api/v1/teachers/{t.id}/service-record", headers=world.headers[BUREAU])
    ).json()
    assert record["rural_service_days"] == 395 and record["eligible_for_title"] is True


async def test_two_overlapping_proposals_at_once_one_wins(
    engine: AsyncEngine, committed_world: World
) -> None:
    """The race that could double-book a teacher: both requests check, then both insert. The teacher row
    lock makes the second wait and then see the first."""
    world = committed_world
    caller = Caller.from_claims(claims_for(world.users[BUREAU], world.county_a.path))

    async def propose_for(start: date, end: date) -> str:
        write_intent.set(True)
        async with AsyncSession(engine, expire_on_commit=False) as session:
            try:
                await propose(
                    session,
                    caller=caller,
                    data=RotationCreate(
                        teacher_id=world.teacher_a2.id,
                        from_school_id=world.a2.id,
                        to_school_id=world.a1.id,
                        start_date=start,
                        end_date=end,
                    ),
                )
                await asyncio.sleep(0.05)
                await session.commit()
                return "proposed"
            except Conflict:
                await session.rollback()
                return "conflict"

    outcomes = await asyncio.gather(
        propose_for(date(2035, 9, 1), date(2036, 1, 31)), propose_for(date(2035, 10, 1), date(2036, 6, 30))
    )
    assert sorted(outcomes) == ["conflict", "proposed"]
    async with AsyncSession(engine) as session:
        stored = (
            await session.scalars(select(Rotation.id).where(Rotation.teacher_id == world.teacher_a2.id))
        ).all()
    assert len(stored) == 1


async def test_approval_rechecks_overlap(client: AsyncClient, world: World, session: AsyncSession) -> None:
    # Overlapping proposals that slipped in (say, by import): neither is approved while the other holds.
    first = await make_rotation(
        session,
        world.teacher_a2,
        world.a1,
        status=RotationStatus.planned,
        start_date=date(2035, 9, 1),
        end_date=date(2036, 1, 31),
    )
    await make_rotation(
        session,
        world.teacher_a2,
        world.a3,
        status=RotationStatus.planned,
        start_date=date(2035, 10, 1),
        end_date=date(2036, 6, 30),
    )
    refused = await client.post(f"/api/v1/rotations/{first.id}/approve", headers=world.headers[BUREAU])
    assert refused.status_code == 409


@pytest.mark.parametrize("role", ["outsider_school_admin", "other_teacher", "foreign_bureau_admin"])
async def test_outsiders_do_not_see_rotations(client: AsyncClient, world: World, role: str) -> None:
    assert (
        await client.get(f"/api/v1/rotations/{world.rotation.id}", headers=world.headers[role])
    ).status_code == 404
    assert (
        await client.get(f"/api/v1/rotations/{world.rotation.id}/checkins", headers=world.headers[role])
    ).status_code == 404


async def test_list_filters_by_term_and_subject(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    autumn = await make_rotation(
        session, world.teacher_a1, world.a2, start_date=date(2035, 9, 1), end_date=date(2036, 1, 31)
    )  # teaches 数学 and 物理
    spring = await make_rotation(
        session, world.teacher_a2, world.a1, start_date=date(2036, 2, 1), end_date=date(2036, 7, 31)
    )  # teaches 语文

    async def ids(**params: object) -> set[int]:
        answer = await client.get("/api/v1/rotations", params=params, headers=world.headers[BUREAU])
        assert answer.status_code == 200, answer.text
        return {r["id"] for r in answer.json()["items"]}

    assert await ids(school_year=2035) == {autumn.id, spring.id}
    assert await ids(school_year=2035, term="autumn") == {autumn.id}
    assert await ids(school_year=2035, term="spring") == {spring.id}
    assert await ids(school_year=2035, subject="语文") == {spring.id}
    assert await ids(school_year=2035, subject="物理", term="spring") == set()
