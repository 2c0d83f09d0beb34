"""Meeting compliance per agreement and school year, counted by the database.

A school year runs 1 September – 31 August; its first half ends with February. Only held meetings
count. A half is required when the agreement was in force (active since approval, within its period)
for the whole half: an agreement approved in January owes nothing for the first half.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from fastapi.responses import Response
from sqlalchemy import and_, case, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.agreements.models import Agreement, AgreementEvent
from app.core import policy
from app.core.clock import today
from app.core.enums import AgreementStatus, ComplianceStatus, MeetingCadence, MeetingStatus
from app.core.i18n import current_locale, t
from app.core.listing import workbook_response
from app.core.policy import Caller
from app.meetings.models import Meeting
from app.meetings.schemas import ComplianceRow, ComplianceSummary, MeetingCompliance
from app.programmes.models import Programme
from app.schools.models import School

AT_RISK_DAYS = 30


@dataclass(frozen=True)
class Halves:
    first: tuple[date, date]
    second: tuple[date, date]

    @classmethod
    def of(cls, school_year: int) -> "Halves":
        march = date(school_year + 1, 3, 1)
        return cls(
            (date(school_year, 9, 1), march - timedelta(days=1)), (march, date(school_year + 1, 8, 31))
        )


def _covers(active_from: date, active_to: date, half: tuple[date, date]) -> bool:
    return active_from <= half[0] and active_to >= half[1]


def half_status(needed: int, held: int, half: tuple[date, date], on: date) -> ComplianceStatus:
    if needed == 0 or held >= needed or on < half[0]:
        return ComplianceStatus.compliant
    if on > half[1]:
        return ComplianceStatus.non_compliant
    return ComplianceStatus.at_risk if (half[1] - on).days <= AT_RISK_DAYS else ComplianceStatus.compliant


def assess(
    *,
    cadence: MeetingCadence,
    min_meetings: int,
    active_from: date,
    active_to: date,
    halves: Halves,
    held_first: int,
    held_second: int,
    on: date,
) -> tuple[int, int, int, ComplianceStatus]:
    """(required in the first half, in the second, in the year, status)."""
    covered = [_covers(active_from, active_to, h) for h in (halves.first, halves.second)]
    if cadence == MeetingCadence.per_term:
        per_half = [min_meetings if c else 0 for c in covered]
        required = sum(per_half)
    else:
        per_half = [1 if c else 0 for c in covered]
        required = math.ceil(min_meetings * sum(covered) / 2)
    statuses = [
        half_status(n, h, half, on)
        for n, h, half in zip(per_half, (held_first, held_second), (halves.first, halves.second), strict=True)
    ]
    if on > halves.second[1] and held_first + held_second < required:
        statuses.append(ComplianceStatus.non_compliant)
    worst = max(
        statuses,
        key=[ComplianceStatus.compliant, ComplianceStatus.at_risk, ComplianceStatus.non_compliant].index,
    )
    return per_half[0], per_half[1], required, worst


async def meeting_compliance(
    session: AsyncSession,
    *,
    caller: Caller | None,
    school_year: int,
    programme_id: int | None = None,
    school_id: int | None = None,
) -> MeetingCompliance:
    """Compliance rows in the caller's scope (caller None: every agreement, for the reminder job)."""
    halves = Halves.of(school_year)
    year_start, year_end = halves.first[0], halves.second[1]
    supporting, receiving = aliased(School), aliased(School)
    approved = (
        select(AgreementEvent.agreement_id, func.min(AgreementEvent.at).label("approved_at"))
        .where(AgreementEvent.action == "approve")
        .group_by(AgreementEvent.agreement_id)
        .subquery()
    )
    held = and_(
        Meeting.status == MeetingStatus.held, Meeting.held_date >= year_start, Meeting.held_date <= year_end
    )
    stmt = (
        select(
            Agreement.id,
            Agreement.title,
            Agreement.start_date,
            Agreement.end_date,
            Agreement.supporting_school_id,
            supporting.name,
            Agreement.receiving_school_id,
            receiving.name,
            Programme.meeting_cadence,
            Programme.min_meetings,
            approved.c.approved_at,
            func.count(case((and_(held, Meeting.held_date < halves.second[0]), Meeting.id))),
            func.count(case((and_(held, Meeting.held_date >= halves.second[0]), Meeting.id))),
        )
        .join(Programme, Programme.id == Agreement.programme_id)
        .join(supporting, supporting.id == Agreement.supporting_school_id)
        .join(receiving, receiving.id == Agreement.receiving_school_id)
        .outerjoin(approved, approved.c.agreement_id == Agreement.id)
        .outerjoin(Meeting, Meeting.agreement_id == Agreement.id)
        .where(
            policy.scope_condition(caller, Agreement) if caller is not None else true(),
            Agreement.status.in_([AgreementStatus.active, AgreementStatus.completed]),
            Agreement.start_date <= year_end,
            Agreement.end_date >= year_start,
        )
        .group_by(
            Agreement.id,
            supporting.name,
            receiving.name,
            Programme.meeting_cadence,
            Programme.min_meetings,
            approved.c.approved_at,
        )
        .order_by(Agreement.id)
    )
    if programme_id is not None:
        stmt = stmt.where(Agreement.programme_id == programme_id)
    if school_id is not None:
        stmt = stmt.where(
            (Agreement.supporting_school_id == school_id) | (Agreement.receiving_school_id == school_id)
        )
    on = today()
    rows = []
    for (
        agreement_id,
        title,
        start,
        end,
        sup_id,
        sup_name,
        rec_id,
        rec_name,
        cadence,
        min_meetings,
        approved_at,
        first,
        second,
    ) in (await session.execute(stmt)).all():
        active_from = max(start, approved_at.date()) if approved_at else start
        need_first, need_second, required, status = assess(
            cadence=cadence,
            min_meetings=min_meetings,
            active_from=active_from,
            active_to=end,
            halves=halves,
            held_first=first,
            held_second=second,
            on=on,
        )
        rows.append(
            ComplianceRow(
                agreement_id=agreement_id,
                title=title,
                supporting_school_id=sup_id,
                supporting_school_name=sup_name,
                receiving_school_id=rec_id,
                receiving_school_name=rec_name,
                held_first_half=first,
                held_second_half=second,
                held_total=first + second,
                required=required,
                required_first_half=need_first,
                required_second_half=need_second,
                status=status,
            )
        )
    counts = {s: sum(1 for r in rows if r.status == s) for s in ComplianceStatus}
    summary = ComplianceSummary(
        total=len(rows),
        compliant=counts[ComplianceStatus.compliant],
        at_risk=counts[ComplianceStatus.at_risk],
        non_compliant=counts[ComplianceStatus.non_compliant],
        rate=round(counts[ComplianceStatus.compliant] / len(rows), 4) if rows else 1.0,
    )
    return MeetingCompliance(
        school_year=school_year,
        first_half=halves.first,
        second_half=halves.second,
        rows=rows,
        summary=summary,
    )


def school_year_of(day: date) -> int:
    """2026 for any day from 2026-09-01 to 2027-08-31."""
    return day.year if day.month >= 9 else day.year - 1


COLUMNS = {
    "zh-CN": [
        "协议编号",
        "协议",
        "支援学校",
        "受援学校",
        "上半年已开",
        "下半年已开",
        "全年已开",
        "全年应开",
        "状态",
    ],
    "en": [
        "Agreement",
        "Title",
        "Supporting school",
        "Receiving school",
        "Held (first half)",
        "Held (second half)",
        "Held (year)",
        "Required",
        "Status",
    ],
}


def as_workbook(report: MeetingCompliance) -> Response:
    lang = "en" if current_locale.get() == "en" else "zh-CN"
    rows = [
        [
            r.agreement_id,
            r.title,
            r.supporting_school_name,
            r.receiving_school_name,
            r.held_first_half,
            r.held_second_half,
            r.held_total,
            r.required,
            t(f"compliance.{r.status.value}"),
        ]
        for r in report.rows
    ]
    return workbook_response(f"meeting-compliance-{report.school_year}", COLUMNS[lang], rows)
