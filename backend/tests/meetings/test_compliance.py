"""Meeting compliance: the rules on their own (boundary days included), then the aggregate query."""

from datetime import UTC, date, datetime
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import AgreementEvent
from app.core.enums import AgreementStatus, ComplianceStatus, MeetingCadence, MeetingStatus
from app.meetings.compliance import Halves, assess
from app.meetings.models import Meeting
from tests.factories import World, make_agreement

C, R, N = ComplianceStatus.compliant, ComplianceStatus.at_risk, ComplianceStatus.non_compliant
YEAR = Halves.of(2026)


def test_halves_end_with_february_including_leap_years() -> None:
    assert YEAR.first == (date(2026, 9, 1), date(2027, 2, 28))
    assert YEAR.second == (date(2027, 3, 1), date(2027, 8, 31))
    assert Halves.of(2027).first[1] == date(2028, 2, 29)


def _assess(
    first: int,
    second: int,
    on: date,
    *,
    active_from: date = date(2026, 9, 1),
    cadence: MeetingCadence = MeetingCadence.per_year,
    minimum: int = 2,
) -> tuple[Any, ...]:
    return assess(
        cadence=cadence,
        min_meetings=minimum,
        active_from=active_from,
        active_to=date(2029, 8, 31),
        halves=YEAR,
        held_first=first,
        held_second=second,
        on=on,
    )


@pytest.mark.parametrize(
    ("first", "second", "on", "status"),
    [
        (1, 1, date(2027, 8, 31), C),  # one in each half
        (1, 0, date(2027, 5, 1), C),  # second half under way, more than 30 days left
        (1, 0, date(2027, 8, 1), R),  # 30 days left in the second half with none held
        (1, 0, date(2027, 9, 1), N),  # the year ended short
        (2, 0, date(2027, 8, 1), R),  # two in the same half: at risk before the year ends …
        (2, 0, date(2027, 9, 1), N),  # … non-compliant once it has
        (0, 0, date(2027, 1, 28), C),  # 31 days left in the first half
        (0, 0, date(2027, 1, 29), R),  # 30 days left
        (0, 0, date(2027, 2, 28), R),  # the last day of the first half
        (0, 0, date(2027, 3, 1), N),  # the first half finished without a meeting
        (0, 0, date(2026, 8, 31), C),  # the year has not begun
    ],
)
def test_per_year_cadence(first: int, second: int, on: date, status: ComplianceStatus) -> None:
    assert _assess(first, second, on)[3] == status


def test_agreement_active_from_january_owes_nothing_for_the_first_half() -> None:
    need_first, need_second, required, status = _assess(0, 1, date(2027, 9, 1), active_from=date(2027, 1, 10))
    assert (need_first, need_second, required, status) == (0, 1, 1, C)
    assert _assess(0, 0, date(2027, 3, 2), active_from=date(2027, 1, 10))[3] == C
    assert _assess(0, 0, date(2027, 9, 1), active_from=date(2027, 1, 10))[3] == N


def test_per_term_cadence_needs_the_minimum_in_each_term() -> None:
    assert _assess(2, 2, date(2027, 9, 1), cadence=MeetingCadence.per_term)[2:] == (4, C)
    assert _assess(2, 1, date(2027, 9, 1), cadence=MeetingCadence.per_term)[3] == N
    assert _assess(1, 0, date(2027, 3, 1), cadence=MeetingCadence.per_term)[3] == N


async def _meeting(
    session: AsyncSession, agreement_id: int, held: date | None, status: MeetingStatus
) -> None:
    session.add(
        Meeting(
            agreement_id=agreement_id, scheduled_date=held or date(2027, 1, 5), held_date=held, status=status
        )
    )
    await session.flush()


async def test_compliance_report_counts_held_meetings_only(
    client: AsyncClient, world: World, session: AsyncSession, frozen_clock: Any
) -> None:
    frozen_clock.freeze(datetime(2027, 9, 2, 9, tzinfo=UTC))
    ok = world.agreement  # a1 → a2, in force all year; the world already holds its meeting of 2026-10-20
    await _meeting(session, ok.id, date(2026, 8, 31), MeetingStatus.held)  # the year before
    await _meeting(session, ok.id, date(2027, 2, 28), MeetingStatus.cancelled)  # does not count
    await _meeting(session, ok.id, date(2027, 8, 31), MeetingStatus.held)
    short = await make_agreement(session, world.programme_a, world.a3, world.a2, AgreementStatus.active)
    await _meeting(session, short.id, date(2026, 11, 1), MeetingStatus.held)
    await _meeting(session, short.id, date(2027, 2, 27), MeetingStatus.held)
    late = await make_agreement(session, world.programme_a, world.a1, world.a3, AgreementStatus.active)
    session.add(
        AgreementEvent(agreement_id=late.id, action="approve", at=datetime(2027, 1, 12, 3, tzinfo=UTC))
    )
    await _meeting(session, late.id, date(2027, 4, 20), MeetingStatus.held)
    await make_agreement(
        session, world.programme_a, world.a2, world.a3, AgreementStatus.draft
    )  # not in force
    response = await client.get(
        "/api/v1/compliance/meetings", params={"school_year": 2026}, headers=world.headers["bureau_viewer"]
    )
    assert response.status_code == 200
    report = response.json()
    rows = {r["agreement_id"]: r for r in report["rows"]}
    assert set(rows) == {ok.id, short.id, late.id}
    assert (rows[ok.id]["held_first_half"], rows[ok.id]["held_second_half"], rows[ok.id]["status"]) == (
        1,
        1,
        "compliant",
    )
    assert rows[short.id]["held_total"] == 2 and rows[short.id]["status"] == "non_compliant"
    assert rows[late.id]["required"] == 1 and rows[late.id]["status"] == "compliant"
    assert report["summary"] == {"total": 3, "compliant": 2, "at_risk": 0, "non_compliant": 1, "rate": 0.6667}
    mine = (
        await client.get(
            "/api/v1/compliance/meetings",
            params={"school_year": 2026},
            headers=world.headers["outsider_school_admin"],
        )
    ).json()
    assert {r["agreement_id"] for r in mine["rows"]} == {short.id, late.id}
    filtered = (
        await client.get(
            "/api/v1/compliance/meetings",
            params={"school_year": 2026, "school_id": world.a3.id},
            headers=world.headers["bureau_admin"],
        )
    ).json()
    assert {r["agreement_id"] for r in filtered["rows"]} == {short.id, late.id}


async def test_compliance_exports_to_excel(client: AsyncClient, world: World) -> None:
    import io

    from openpyxl import load_workbook

    response = await client.get(
        "/api/v1/compliance/meetings",
        params={"school_year": 2026, "format": "xlsx"},
        headers={**world.headers["bureau_admin"], "Accept-Language": "en"},
    )
    assert response.status_code == 200 and response.content[:2] == b"PK"
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Agreement" and rows[1][0] == world.agreement.id
