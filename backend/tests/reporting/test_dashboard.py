"""The bureau dashboard on a small hand-built county whose right answers are written here."""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.activities.models import Activity, Donation
from app.core.enums import ActionItemStatus, ActivityKind, DonationKind, RotationStatus, SchoolLocale
from app.meetings.models import ActionItem
from app.reporting.dashboard import activity_window
from tests.factories import World, make_agreement, make_rotation, make_school, make_teacher

SUMMARY = "/api/v1/dashboard/summary"
SERIES = "/api/v1/dashboard/series"


def _item(world: World, *, due: date, status: ActionItemStatus = ActionItemStatus.open) -> ActionItem:
    meeting = world.ledger.meeting
    return ActionItem(
        meeting_id=meeting.id,
        agreement_id=world.agreement.id,
        description="跟进",
        owner_school_id=world.a2.id,
        due_date=due,
        status=status,
    )


@pytest.fixture
async def county(world: World, session: AsyncSession, frozen_clock: Any) -> World:
    """County A on 2026-11-20 (school year 2026):
    - agreements in force: a1→a2 (the world's) and a1→a3; a2→a4 (a2 is helped and helps); a draft a1→a5;
    - weak schools: a2, a3, a4 and a5 (a5 only in a draft), and a6 with no agreement at all;
    - rotations: the world's teacher at a2 since 2026-10-01 (51 days so far), one completed
      2026-09-01…2026-10-31 (61 days) at a3, one planned and one withdrawn (count for nothing);
    - activities: the world's lecture (2026-10-09) and a demonstration lesson on 2026-11-05, one last
      school year; donations: the world's 2000.00 and 1358.50 on 2026-11-01;
    - follow-up items: the world's (due 2026-11-01, open: overdue), one due later, one overdue but done."""
    a3, a2 = world.a3, world.a2
    a4 = await make_school(session, world.county_a)
    a5 = await make_school(session, world.county_a)
    await make_school(session, world.county_a, locale=SchoolLocale.remote)  # a6: weak, never paired
    second = await make_agreement(session, world.programme_a, world.a1, a3)
    await make_agreement(session, world.programme_a, a2, a4)
    await make_agreement(session, world.programme_a, world.a1, a5, status="draft")
    world.rotation.start_date, world.rotation.end_date = date(2026, 10, 1), date(2027, 1, 31)
    done = await make_teacher(session, world.a1)
    await make_rotation(
        session, done, a3, second, status=RotationStatus.completed, start_date=date(2026, 9, 1),
        end_date=date(2026, 10, 31),
    )  # fmt: skip
    english = await make_teacher(session, world.a1, ("英语",))
    await make_rotation(
        session, english, a3, second, status=RotationStatus.planned, start_date=date(2027, 2, 1),
        end_date=date(2027, 7, 31),
    )  # fmt: skip
    gone = await make_teacher(session, world.a1, ("音乐",))
    await make_rotation(
        session, gone, a3, second, status=RotationStatus.withdrawn, start_date=date(2026, 9, 1),
        end_date=date(2026, 12, 31),
    )  # fmt: skip
    session.add_all(
        [
            Activity(agreement_id=second.id, kind=ActivityKind.demonstration_lesson, date=date(2026, 11, 5),
                     organizer_school_id=world.a1.id, participants=20),
            Activity(agreement_id=second.id, kind=ActivityKind.lecture, date=date(2026, 6, 5),
                     organizer_school_id=world.a1.id, participants=20),
            Donation(agreement_id=second.id, kind=DonationKind.books, quantity=1358, unit="册",
                     value_yuan=Decimal("1358.50"), date=date(2026, 11, 1)),
            _item(world, due=date(2026, 12, 1)),
            _item(world, due=date(2026, 10, 1), status=ActionItemStatus.done),
        ]
    )  # fmt: skip
    await session.flush()
    frozen_clock.freeze(datetime(2026, 11, 20, 9, tzinfo=UTC))
    return world


def test_activities_count_this_term_or_the_whole_year() -> None:
    assert activity_window(2026, date(2026, 11, 20)) == (date(2026, 9, 1), date(2027, 1, 31))
    assert activity_window(2026, date(2027, 3, 2)) == (date(2027, 2, 1), date(2027, 8, 31))
    assert activity_window(2025, date(2026, 11, 20)) == (date(2025, 9, 1), date(2026, 8, 31))


async def test_summary_figures(client: AsyncClient, county: World) -> None:
    answer = await client.get(SUMMARY, params={"school_year": 2026}, headers=county.headers["bureau_admin"])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["active_agreements"], body["receiving_schools_covered"]) == (3, 3)  # a2, a3, a4
    assert body["receiving_schools_total"] == 5  # a2 a3 a4 a5 a6 (weak or receiving), not a1
    assert (body["teachers_on_rotation"], body["teacher_days_served"]) == (1, 51 + 61)
    assert (
        body["activities_by_kind"]["lecture"] == 1 and body["activities_by_kind"]["demonstration_lesson"] == 1
    )
    assert sum(body["activities_by_kind"].values()) == 2
    assert (body["activities_from"], body["activities_to"]) == ("2026-09-01", "2027-01-31")
    assert (body["donations_value_yuan"], body["open_overdue_items"]) == ("3358.50", 1)
    compliance = await client.get(
        "/api/v1/compliance/meetings", params={"school_year": 2026}, headers=county.headers["bureau_admin"]
    )
    assert body["meeting_compliance_rate"] == compliance.json()["summary"]["rate"]
    assert body["rotation_share_target"] == pytest.approx(0.10)
    # The other county sees only its own pair.
    foreign = await client.get(
        SUMMARY, params={"school_year": 2026}, headers=county.headers["foreign_bureau_admin"]
    )
    assert (foreign.json()["active_agreements"], foreign.json()["donations_value_yuan"]) == (1, "2000.00")
    refused = await client.get(SUMMARY, params={"school_year": 2026}, headers=county.headers["teacher"])
    assert refused.status_code == 403


async def test_series(client: AsyncClient, county: World, session: AsyncSession) -> None:
    answer = await client.get(SERIES, params={"school_year": 2026}, headers=county.headers["bureau_admin"])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    months = {m["month"]: m for m in body["monthly"]}
    assert list(months)[:3] == ["2026-09", "2026-10", "2026-11"] and list(months)[-1] == "2027-08"
    assert (
        months["2026-10"]["activities"],
        months["2026-11"]["activities"],
        months["2026-09"]["activities"],
    ) == (
        1,
        1,
        0,
    )
    # Rotations by the teacher's main subject: the world's teacher and the completed one teach 数学,
    # the planned one 英语; the withdrawn one counts for nothing.
    assert [(s["subject"], s["rotations"]) for s in body["rotations_by_subject"]] == [
        ("数学", 2),
        ("英语", 1),
    ]
    roles = {n["school_id"]: n["role"] for n in body["nodes"]}
    assert roles[county.a1.id] == "supporting" and roles[county.a2.id] == "both"
    assert roles[county.a3.id] == "receiving" and len(roles) == 4  # the draft's a5 is not in the network
    edges = {(e["source"], e["target"]): e["rotations"] for e in body["edges"]}
    # a1→a3: the completed and the planned dispatch (not the withdrawn one).
    assert edges[(county.a1.id, county.a2.id)] == 1 and edges[(county.a1.id, county.a3.id)] == 2
    assert {p["agreement_id"] for p in body["compliance_by_pair"]} >= {county.agreement.id}


async def test_dashboard_queries_do_not_grow_with_the_county(
    client: AsyncClient, county: World, session: AsyncSession, connection: AsyncConnection
) -> None:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    async def queries() -> int:
        statements.clear()
        event.listen(connection.sync_connection, "before_cursor_execute", count)
        try:
            for url in (SUMMARY, SERIES):
                answer = await client.get(
                    url, params={"school_year": 2026}, headers=county.headers["bureau_admin"]
                )
                assert answer.status_code == 200
        finally:
            event.remove(connection.sync_connection, "before_cursor_execute", count)
        return len(statements)

    before = await queries()
    assert before > 0
    for _ in range(5):
        school = await make_school(session, county.county_a)
        agreement = await make_agreement(session, county.programme_a, county.a1, school)
        teacher = await make_teacher(session, county.a1, ("物理",))
        await make_rotation(session, teacher, school, agreement, checkin=True, start_date=date(2026, 9, 1))
        session.add(Activity(agreement_id=agreement.id, kind=ActivityKind.seminar, date=date(2026, 10, 1),
                             organizer_school_id=county.a1.id))  # fmt: skip
    await session.flush()
    assert await queries() == before
