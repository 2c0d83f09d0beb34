"""The dashboard's compliance figures are aggregates over the compliance reports' own rules, computed
without producing the rows. On a generated county, in every phase of the school year and under several
programme settings, they must equal what the rows add up to, and every row the database assessed must
equal the rule evaluated in Python — so the SQL and the Python reading of a rule can never drift."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from httpx import AsyncClient
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.agreements.models import Agreement, AgreementEvent
from app.core.enums import BackboneShareBase, MeetingCadence, MeetingStatus
from app.core.policy import Caller
from app.meetings import compliance as meetings
from app.meetings.models import Meeting
from app.programmes.models import Programme
from app.regions.models import Region
from app.reporting.schemas import DashboardSeries
from app.rotations import compliance as rotations
from app.scale import seed_scale
from app.users.models import User
from tests.factories import headers_for

SEED = 23
YEAR = 2026
# Before the school year; early in its first half; the first half's last 30 days; the second half once
# the first is over; the second half's last 30 days; after the year.
DAYS = [
    date(2026, 8, 20),
    date(2026, 11, 20),
    date(2027, 2, 10),
    date(2027, 3, 5),
    date(2027, 8, 10),
    date(2027, 9, 2),
]
MEETING_RULES = [(MeetingCadence.per_year, 2), (MeetingCadence.per_year, 3), (MeetingCadence.per_term, 1)]
ROTATION_RULES = [
    (Decimal("0.10"), Decimal("0.20"), BackboneShareBase.rotated, 6),
    (Decimal("0.15"), Decimal("0.25"), BackboneShareBase.eligible, 3),
    (Decimal("0.33"), Decimal("0.50"), BackboneShareBase.rotated, 10),
]


@dataclass
class County:
    caller: Caller
    headers: dict[str, str]
    programme: Programme


@pytest.fixture
async def county(connection: AsyncConnection, session: AsyncSession) -> County:
    await seed_scale(connection, size="county", seed=SEED, progress=False)
    marker = f"sc{SEED:03d}"
    region = await session.scalar(select(Region).where(Region.code == f"SC{SEED:03d}X000"))
    admin = await session.scalar(select(User).where(User.username == f"{marker}-x000-admin"))
    assert region is not None and admin is not None
    programme = await session.scalar(
        select(Programme).where(Programme.organization_id == admin.organization_id)
    )
    assert programme is not None
    await _vary_the_agreements(session, programme)
    caller = Caller(
        user_id=admin.id,
        role=admin.role,
        organization_id=admin.organization_id,
        school_id=None,
        teacher_id=None,
        region_path=region.path,
    )
    return County(caller, headers_for(admin, region), programme)


async def _vary_the_agreements(session: AsyncSession, programme: Programme) -> None:
    """The generator gives every agreement the same period and no approval: take each branch of the
    rule here — periods starting or ending inside a half, approvals on either side of midnight at the
    start of a half, a later (amendment's) approval, and meetings in both halves."""
    agreements = (
        await session.scalars(
            select(Agreement).where(Agreement.programme_id == programme.id).order_by(Agreement.id)
        )
    ).all()
    assert len(agreements) > 30

    def approve(agreement: Agreement, at: datetime) -> None:
        session.add(AgreementEvent(agreement_id=agreement.id, action="approve", at=at))

    def hold(agreement: Agreement, day: date) -> None:
        session.add(
            Meeting(agreement_id=agreement.id, scheduled_date=day, held_date=day, status=MeetingStatus.held)
        )

    for i, agreement in enumerate(agreements):
        match i % 8:
            case 1:
                agreement.start_date = date(2026, 11, 15)
            case 2:
                agreement.end_date = date(2027, 5, 31)
            case 3:
                approve(agreement, datetime(2026, 9, 1, 23, 59, tzinfo=UTC))  # still the half's first day
            case 4:
                approve(agreement, datetime(2026, 9, 2, 0, 0, tzinfo=UTC))  # a day late for the first half
            case 5:
                approve(agreement, datetime(2027, 1, 12, 3, tzinfo=UTC))
            case 6:
                approve(agreement, datetime(2024, 8, 30, tzinfo=UTC))
                approve(agreement, datetime(2027, 4, 1, tzinfo=UTC))  # an amendment's, later
        if i % 3 == 0:
            hold(agreement, date(2027, 1, 10))
        if i % 5 == 0:
            hold(agreement, date(2027, 4, 2))
            hold(agreement, date(2027, 6, 20))
    await session.flush()


def _phases() -> Iterator[tuple[int, MeetingCadence, int, date]]:
    for (cadence, minimum), day in zip(
        [rule for rule in MEETING_RULES for _ in DAYS], DAYS * len(MEETING_RULES), strict=True
    ):
        yield YEAR, cadence, minimum, day
    yield YEAR + 4, MeetingCadence.per_year, 2, date(2030, 10, 1)  # nothing in force: an empty report


async def _approvals(session: AsyncSession) -> dict[int, datetime]:
    rows = await session.execute(
        select(AgreementEvent.agreement_id, func.min(AgreementEvent.at))
        .where(AgreementEvent.action == "approve")
        .group_by(AgreementEvent.agreement_id)
    )
    return dict(rows.all())


async def test_meeting_compliance_aggregate_equals_its_rows(
    client: AsyncClient, session: AsyncSession, county: County, frozen_clock: Any
) -> None:
    approved = await _approvals(session)
    agreements = {
        a.id: a
        for a in await session.scalars(select(Agreement).where(Agreement.programme_id == county.programme.id))
    }
    seen = set()
    for school_year, cadence, minimum, day in _phases():
        county.programme.meeting_cadence, county.programme.min_meetings = cadence, minimum
        await session.flush()
        frozen_clock.freeze(datetime(day.year, day.month, day.day, 4, tzinfo=UTC))
        report = await meetings.meeting_compliance(session, caller=county.caller, school_year=school_year)
        halves = meetings.Halves.of(school_year)
        for row in report.rows:
            agreement = agreements[row.agreement_id]
            at = approved.get(row.agreement_id)
            expected = meetings.assess(
                cadence=cadence,
                min_meetings=minimum,
                active_from=max(agreement.start_date, at.date()) if at else agreement.start_date,
                active_to=agreement.end_date,
                halves=halves,
                held_first=row.held_first_half,
                held_second=row.held_second_half,
                on=day,
            )
            actual = (row.required_first_half, row.required_second_half, row.required, row.status)
            assert actual == expected, (row, day, cadence, minimum)
            seen.add(row.status)
        aggregate = await meetings.meeting_summary(session, caller=county.caller, school_year=school_year)
        assert aggregate == report.summary, (day, cadence, minimum)
        await _served_as_the_model(client, "/api/v1/compliance/meetings", school_year, county, report)
        dashboard = await client.get(
            "/api/v1/dashboard/summary", params={"school_year": school_year}, headers=county.headers
        )
        assert dashboard.status_code == 200, dashboard.text
        assert dashboard.json()["meeting_compliance_rate"] == report.summary.rate
    assert len(seen) == 3  # every status came up: the comparison compared something


async def test_rotation_compliance_aggregate_equals_its_rows(
    client: AsyncClient, session: AsyncSession, county: County
) -> None:
    statuses = set()
    for rotation_share, backbone_share, base, years in ROTATION_RULES:
        programme = county.programme
        programme.min_rotation_share, programme.min_backbone_share = rotation_share, backbone_share
        programme.backbone_share_base, programme.rotation_eligibility_years = base, years
        await session.flush()
        for school_year in (YEAR - 1, YEAR, YEAR + 4):
            report = await rotations.rotation_compliance(
                session, caller=county.caller, school_year=school_year, programme_id=None
            )
            assert report.programme_id == programme.id
            # The rows against the rule in Python on the counts the planning queries give.
            eligible, rotated = await rotations.school_counts(
                session, [r.school_id for r in report.rows], school_year, report.eligible_since
            )
            for row in report.rows:
                n_eligible, n_backbone = eligible.get(row.school_id, (0, 0))
                done, with_planned, backbone, backbone_planned = rotated.get(row.school_id, (0, 0, 0, 0))
                expected = rotations.assess(
                    eligible=n_eligible,
                    eligible_backbone=n_backbone,
                    rotated=done,
                    rotated_with_planned=with_planned,
                    backbone=backbone,
                    backbone_with_planned=backbone_planned,
                    programme=programme,
                )
                assert (row.eligible_teachers, row.eligible_backbone) == (n_eligible, n_backbone)
                assert (row.rotated, row.planned, row.backbone_rotated) == (
                    done,
                    with_planned - done,
                    backbone,
                )
                assert row.model_dump(include=set(expected)) == expected, (row, rotation_share, base)
                statuses.add(row.status)
            aggregate, target = await rotations.rotation_summary(
                session, caller=county.caller, school_year=school_year, programme_id=None
            )
            assert (aggregate, target) == (report.summary, report.min_rotation_share)
            await _served_as_the_model(client, "/api/v1/compliance/rotations", school_year, county, report)
            dashboard = (
                await client.get(
                    "/api/v1/dashboard/summary", params={"school_year": school_year}, headers=county.headers
                )
            ).json()
            assert (
                dashboard["rotation_share"],
                dashboard["rotation_gap"],
                dashboard["rotation_share_target"],
            ) == (report.summary.rotated_share, report.summary.gap, report.min_rotation_share)
    assert len(statuses) == 3


async def _served_as_the_model(
    client: AsyncClient, path: str, school_year: int, county: County, report: BaseModel
) -> None:
    """The endpoint writes its JSON straight from the statement's values, skipping the model: the body
    must be exactly what the model would serialise (no key missing or extra, no number as a string)."""
    response = await client.get(path, params={"school_year": school_year}, headers=county.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == report.model_dump(mode="json")
    type(report).model_validate_json(response.content, strict=True)


async def test_the_dashboard_series_is_exactly_its_model(client: AsyncClient, county: County) -> None:
    """The series, also written straight from values, reads back through its model unchanged: every key
    the model has and none it lacks, each value of the model's type (strict: no number as a string)."""
    response = await client.get(
        "/api/v1/dashboard/series", params={"school_year": YEAR}, headers=county.headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["compliance_by_pair"]) > 30 and body["nodes"] and body["edges"] and body["monthly"]
    assert DashboardSeries.model_validate_json(response.content, strict=True).model_dump(mode="json") == body


def test_shares_round_up_exactly() -> None:
    """⌈share × n⌉ in integers: 0.10 × 30 is 3 (a float, SQLite's NUMERIC, makes it 3.0000000000000004)."""
    ten = rotations.Shares.of(None)
    assert [rotations._at_least(ten.rotation, n) for n in (0, 1, 10, 11, 30, 31)] == [0, 1, 1, 2, 3, 4]
    thirds = Programme(
        min_rotation_share=Decimal("0.33"),
        min_backbone_share=Decimal("1.00"),
        backbone_share_base=BackboneShareBase.rotated,
    )
    shares = rotations.Shares.of(thirds)
    assert [rotations._at_least(shares.rotation, n) for n in (100, 101)] == [33, 34]
    assert rotations._at_least(shares.backbone, 7) == 7
