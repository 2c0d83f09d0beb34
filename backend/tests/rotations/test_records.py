"""A rotation's daily records: attendance, leave, work log, evaluations; who sees what."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.enums import EvaluationGrade, Role
from app.rotations.evaluations import grade_for, weighted_total
from app.rotations.models import CheckIn, Rotation
from app.rotations.schemas import Scores
from tests.factories import World, headers_for, make_rotation, make_teacher, make_user

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SCORES = {"attitude": 90, "attendance": 86, "teaching": 80, "results": 70, "contribution": 100}


@dataclass
class Posting:
    """A second teacher of a1 dispatched to a2 for the autumn term 2026, with their own account."""

    rotation: Rotation
    url: str
    teacher: dict[str, str]


@pytest.fixture
async def posting(world: World, session: AsyncSession, frozen_clock: Any) -> Posting:
    teacher = await make_teacher(session, world.a1, ("英语",))
    user = await make_user(session, Role.teacher, organization=world.bureau_a, teacher=teacher)
    rotation = await make_rotation(
        session, teacher, world.a2, world.agreement, start_date=date(2026, 9, 1), end_date=date(2027, 1, 31)
    )
    headers = headers_for(user, world.county_a)  # signed by the real clock, before it is frozen
    frozen_clock.freeze(datetime(2026, 10, 20, 9, tzinfo=UTC))  # Tuesday, 17:00 in Beijing
    return Posting(rotation, f"/api/v1/rotations/{rotation.id}", headers)


async def _check_ins(session: AsyncSession, rotation: Rotation, *days: int) -> None:
    for day in days:
        moment = datetime.combine(date(2026, 10, day), time(0, 30), tzinfo=UTC)
        session.add(
            CheckIn(
                rotation_id=rotation.id,
                teacher_id=rotation.teacher_id,
                date=moment.date(),
                checked_in_at=moment,
            )
        )
    await session.flush()


async def test_attendance_leaves_out_weekends_and_holidays_and_counts_leave(
    client: AsyncClient, world: World, session: AsyncSession, posting: Posting
) -> None:
    bureau, host = world.headers["bureau_admin"], world.headers["other_school_admin"]
    for day in ("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"):
        added = await client.post(
            "/api/v1/calendar-days", json={"date": day, "name": "国庆节"}, headers=bureau
        )
        assert added.status_code == 201, added.text
    makeup = {"date": "2026-10-10", "kind": "workday", "name": "调休"}
    assert (await client.post("/api/v1/calendar-days", json=makeup, headers=bureau)).status_code == 201
    again = await client.post("/api/v1/calendar-days", json=makeup, headers=bureau)
    assert again.status_code == 409
    # Present on 8, 9, the make-up Saturday 10, 12, 13 and 19; also on the holiday 6 (not a school day).
    await _check_ins(session, posting.rotation, 6, 8, 9, 10, 12, 13, 19)
    leave = await client.post(
        f"{posting.url}/leaves",
        json={"start_date": "2026-10-14", "end_date": "2026-10-15", "reason": "家中有事"},
        headers=posting.teacher,
    )
    assert leave.status_code == 201, leave.text
    assert (
        await client.post(f"/api/v1/leaves/{leave.json()['id']}/approve", headers=host)
    ).status_code == 200

    answer = await client.get(f"{posting.url}/attendance", params={"month": "2026-10"}, headers=host)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    # School days up to today (the 20th, not yet checked in, so not counted): 8 9 10 12 13 14 15 16 19.
    assert (body["expected_days"], body["present_days"], body["leave_days"], body["absent_days"]) == (
        9,
        6,
        2,
        1,
    )
    assert body["attendance_rate"] == pytest.approx(6 / 7, abs=1e-4) and body["suggested_score"] == 86
    states = {d["date"]: d["state"] for d in body["days"]}
    assert states["2026-10-01"] == "no_school" and states["2026-10-11"] == "no_school"
    assert states["2026-10-16"] == "absent" and states["2026-10-20"] == "pending"
    assert states["2026-10-21"] == "upcoming" and states["2026-10-14"] == "leave"

    # A rejected leave is no leave: the day is absent.
    other = await client.post(
        f"{posting.url}/leaves",
        json={"start_date": "2026-10-16", "end_date": "2026-10-16", "reason": "看病"},
        headers=posting.teacher,
    )
    reject = f"/api/v1/leaves/{other.json()['id']}/reject"
    assert (await client.post(reject, headers=host)).status_code == 422  # a reason is required
    assert (await client.post(reject, json={"comment": "当天有公开课"}, headers=host)).json()[
        "status"
    ] == "rejected"
    again_body = (await client.get(f"{posting.url}/attendance?month=2026-10", headers=host)).json()
    assert again_body["absent_days"] == 1 and again_body["leave_days"] == 2

    outside = await client.get(f"{posting.url}/attendance", params={"month": "2027-05"}, headers=host)
    assert outside.status_code == 422 and outside.json()["errors"][0]["loc"] == ["query", "month"]


async def test_leave_is_asked_by_the_teacher_and_decided_by_the_host(
    client: AsyncClient, world: World, posting: Posting
) -> None:
    body = {"start_date": "2026-11-02", "end_date": "2026-11-03", "reason": "参加培训"}
    home, host = world.headers["school_admin"], world.headers["other_school_admin"]
    assert (await client.post(f"{posting.url}/leaves", json=body, headers=home)).status_code == 403
    created = await client.post(f"{posting.url}/leaves", json=body, headers=posting.teacher)
    leave = created.json()
    assert (leave["status"], leave["next_actor"], leave["allowed_actions"]) == (
        "pending",
        "receiving_school",
        [],
    )
    overlapping = {**body, "start_date": "2026-11-03", "end_date": "2026-11-04"}
    assert (
        await client.post(f"{posting.url}/leaves", json=overlapping, headers=posting.teacher)
    ).status_code == 409
    outside = {**body, "end_date": "2027-03-01"}
    assert (
        await client.post(f"{posting.url}/leaves", json=outside, headers=posting.teacher)
    ).status_code == 422
    url = f"/api/v1/leaves/{leave['id']}/approve"
    assert (await client.post(url, headers=home)).status_code == 403
    assert (await client.post(url, headers=posting.teacher)).status_code == 403
    listed = (await client.get(f"{posting.url}/leaves", headers=host)).json()
    assert listed[0]["allowed_actions"] == ["approve", "reject"]
    stale = await client.post(url, headers={**host, "If-Match": '"99"'})
    assert stale.status_code == 412
    approved = await client.post(url, headers=host)
    assert approved.json()["status"] == "approved" and approved.json()["next_actor"] is None
    assert (await client.post(url, headers=host)).status_code == 409


async def test_work_log_by_the_teacher_with_a_photo(
    client: AsyncClient, world: World, posting: Posting
) -> None:
    entry = {"kind": "open_class", "periods": 2, "description": "八年级英语公开课《Unit 3》"}
    written = await client.post(f"{posting.url}/logs", json=entry, headers=posting.teacher)
    assert written.status_code == 201, written.text
    log = written.json()
    assert log["date"] == "2026-10-20" and log["has_photo"] is False
    future = await client.post(
        f"{posting.url}/logs", json={**entry, "date": "2026-10-21"}, headers=posting.teacher
    )
    assert future.status_code == 422
    host = world.headers["other_school_admin"]
    assert (await client.post(f"{posting.url}/logs", json=entry, headers=host)).status_code == 403
    assert [e["description"] for e in (await client.get(f"{posting.url}/logs", headers=host)).json()] == [
        entry["description"]
    ]
    url = f"/api/v1/logs/{log['id']}"
    stale = await client.patch(url, json={"periods": 3}, headers={**posting.teacher, "If-Match": '"7"'})
    assert stale.status_code == 412
    edited = await client.patch(url, json={"periods": 3}, headers={**posting.teacher, "If-Match": '"1"'})
    assert edited.json()["periods"] == 3 and edited.json()["version"] == 2
    assert (await client.patch(url, json={"periods": 1}, headers=host)).status_code == 403

    not_image = await client.post(
        f"{url}/photo", files={"file": ("a.png", b"%PDF-1.4 x", "image/png")}, headers=posting.teacher
    )
    assert not_image.status_code == 415
    photo = await client.post(
        f"{url}/photo", files={"file": ("课堂.png", PNG, "image/png")}, headers=posting.teacher
    )
    assert photo.status_code == 200 and photo.json()["has_photo"] is True
    shown = await client.get(f"{url}/photo", headers=host)
    assert shown.status_code == 200 and shown.content == PNG and shown.headers["content-type"] == "image/png"


def test_total_and_grade_boundaries() -> None:
    weights = {"attitude": 20, "attendance": 20, "teaching": 30, "results": 20, "contribution": 10}
    assert weighted_total(Scores(**SCORES), weights) == Decimal("83.20")
    assert grade_for(Decimal("90.00")) == EvaluationGrade.excellent
    assert grade_for(Decimal("89.99")) == EvaluationGrade.good
    assert grade_for(Decimal("75.00")) == EvaluationGrade.good
    assert grade_for(Decimal("74.99")) == EvaluationGrade.pass_
    assert grade_for(Decimal("60.00")) == EvaluationGrade.pass_
    assert grade_for(Decimal("59.99")) == EvaluationGrade.fail


async def test_evaluation_uses_the_programmes_weights_and_is_hidden_from_the_teacher_until_submitted(
    client: AsyncClient, world: World, session: AsyncSession, posting: Posting
) -> None:
    world.programme_a.evaluation_weights = {
        "attitude": 10,
        "attendance": 10,
        "teaching": 40,
        "results": 40,
        "contribution": 0,
    }
    await session.flush()
    host, home = world.headers["other_school_admin"], world.headers["school_admin"]
    body = {"scores": SCORES, "comments": "教学认真", "submit": False}
    assert (await client.post(f"{posting.url}/evaluations", json=body, headers=home)).status_code == 403
    draft = await client.post(f"{posting.url}/evaluations", json=body, headers=host)
    assert draft.status_code == 201, draft.text
    evaluation = draft.json()
    # 90×10 + 86×10 + 80×40 + 70×40 = 7760 → 77.60 → good
    assert (evaluation["total"], evaluation["grade"], evaluation["status"]) == ("77.60", "good", "draft")
    assert evaluation["allowed_actions"] == ["edit", "submit"]
    assert (await client.get(f"{posting.url}/evaluations", headers=posting.teacher)).json() == []
    assert len((await client.get(f"{posting.url}/evaluations", headers=home)).json()) == 1
    assert (await client.post(f"{posting.url}/evaluations", json=body, headers=host)).status_code == 409

    url = f"/api/v1/evaluations/{evaluation['id']}"
    better = {"scores": {**SCORES, "results": 95, "teaching": 95}}
    revised = await client.patch(url, json=better, headers={**host, "If-Match": '"1"'})
    assert (revised.json()["total"], revised.json()["grade"]) == ("93.60", "excellent")
    submitted = await client.post(f"{url}/submit", headers=host)
    assert submitted.json()["status"] == "submitted" and submitted.json()["allowed_actions"] == []
    assert (await client.patch(url, json={"comments": "改"}, headers=host)).status_code == 409
    seen = (await client.get(f"{posting.url}/evaluations", headers=posting.teacher)).json()
    assert [(e["total"], e["grade"]) for e in seen] == [("93.60", "excellent")]
    completed = await client.post(f"{posting.url}/complete", headers=host)
    assert completed.json()["status"] == "completed"


async def test_a_teacher_sees_only_their_own_records(
    client: AsyncClient, world: World, posting: Posting
) -> None:
    other = world.headers["other_teacher"]
    outsider = world.headers["outsider_school_admin"]
    for suffix in ("/checkins", "/leaves", "/logs", "/evaluations", "/attendance"):
        for headers in (other, outsider, world.headers["foreign_bureau_admin"]):
            answer = await client.get(f"{posting.url}{suffix}", headers=headers)
            assert answer.status_code == 404, (suffix, answer.text)
    # The world's teacher (teacher_a1) cannot write into this teacher's rotation either.
    mine = world.headers["teacher"]
    log = await client.post(f"{posting.url}/logs", json={"kind": "lesson"}, headers=mine)
    assert log.status_code == 404


async def test_a_morning_check_in_in_beijing_belongs_to_the_local_day(
    client: AsyncClient, posting: Posting, frozen_clock: Any
) -> None:
    frozen_clock.freeze(datetime(2026, 10, 19, 23, 40, tzinfo=UTC))  # 07:40 on Tuesday 20 October in Beijing
    tapped = await client.post(f"{posting.url}/checkins", json={}, headers=posting.teacher)
    assert tapped.status_code == 201, tapped.text
    assert tapped.json()["date"] == "2026-10-20"
