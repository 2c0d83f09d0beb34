"""The bureau dashboard on a small hand-built county whose right answers are written here."""

from datetime import date

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.activities.models import Activity
from app.core.enums import ActivityKind
from app.reporting.dashboard import activity_window
from tests.factories import World, make_agreement, make_rotation, make_school, make_teacher
from tests.querycount import counting_statements

SUMMARY = "/api/v1/dashboard/summary"
SERIES = "/api/v1/dashboard/series"


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
    async def queries() -> int:
        async with counting_statements(connection) as statements:
            for url in (SUMMARY, SERIES):
                answer = await client.get(
                    url, params={"school_year": 2026}, headers=county.headers["bureau_admin"]
                )
                assert answer.status_code == 200
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
