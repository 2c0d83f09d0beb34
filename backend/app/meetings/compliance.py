"""Meeting compliance per agreement and school year, assessed by the database.

A school year runs 1 September – 31 August; its first half ends with February. Only held meetings
count. A half is required when the agreement was in force (active since approval, within its period)
for the whole half: an agreement approved in January owes nothing for the first half.

The rule (`requirement` and `status_of`) is written once and evaluated either on Python values (`assess`)
or as SQL (`app.core.dualrule`): the report's rows and the dashboard's aggregate both select the same
expression, so a province's thousands of pairs are assessed by the database, not a Python loop.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache, reduce
from operator import or_
from typing import Any

from fastapi.responses import Response
from sqlalchemy import Select, Subquery, and_, case, func, select, true
from sqlalchemy import or_ as sql_or
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement, AgreementEvent
from app.core import policy
from app.core.clock import today
from app.core.db import STATEMENTS_KEPT
from app.core.dualrule import When, python_when, sql_value, sql_when
from app.core.enums import AgreementStatus, ComplianceStatus, MeetingCadence, MeetingStatus
from app.core.i18n import current_locale, t
from app.core.listing import row_dicts, workbook_response
from app.core.policy import Caller
from app.meetings.models import Meeting
from app.meetings.schemas import ComplianceSummary, MeetingCompliance
from app.programmes.models import Programme
from app.schools.models import School

AT_RISK_DAYS = 30
C, R, N = ComplianceStatus.compliant, ComplianceStatus.at_risk, ComplianceStatus.non_compliant


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


def shortfall_status(half: tuple[date, date], on: date) -> ComplianceStatus:
    """What a half short of its meetings counts as on `on`: nothing before it begins or while more than
    30 days of it remain, at risk in its last 30 days, non-compliant once it is over."""
    if on < half[0]:
        return C
    if on > half[1]:
        return N
    return R if (half[1] - on).days <= AT_RISK_DAYS else C


def requirement(when: When, *, per_term: Any, min_meetings: Any, covered: tuple[Any, Any]) -> tuple[Any, ...]:
    """(required in the first half, in the second, in the year) for the halves the agreement covers."""
    need = [when(c, when(per_term, min_meetings, 1), 0) for c in covered]
    halves = when(covered[0], 1, 0) + when(covered[1], 1, 0)
    # Per year: ⌈min_meetings × halves / 2⌉ — in integers, so that SQL computes it exactly as Python.
    return need[0], need[1], when(per_term, need[0] + need[1], (min_meetings * halves + 1) // 2)


def status_of(
    when: When, *, need: tuple[Any, Any], held: tuple[Any, Any], required: Any, halves: Halves, on: date
) -> Any:
    """The worst of what each half short of its meetings, and a year short of its total, count as on `on`.
    What a shortfall counts as depends only on `on`, so it is settled here, not per row."""
    shortfalls = [
        (held[0] < need[0], shortfall_status(halves.first, on)),
        (held[1] < need[1], shortfall_status(halves.second, on)),
        (held[0] + held[1] < required, N if on > halves.second[1] else C),
    ]
    status: Any = C
    for level in (R, N):  # the worse level wraps the milder one, so it is tested first
        short = [condition for condition, counts_as in shortfalls if counts_as == level]
        if short:
            status = when(reduce(or_, short), level, status)
    return status


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
    """(required in the first half, in the second, in the year, status) of one agreement."""
    covered = (_covers(active_from, active_to, halves.first), _covers(active_from, active_to, halves.second))
    need_first, need_second, required = requirement(
        python_when, per_term=cadence == MeetingCadence.per_term, min_meetings=min_meetings, covered=covered
    )
    status = status_of(
        python_when,
        need=(need_first, need_second),
        held=(held_first, held_second),
        required=required,
        halves=halves,
        on=on,
    )
    return need_first, need_second, required, status


def _pairs(
    caller: Caller | None, halves: Halves, programme_id: int | None, school_id: int | None
) -> Subquery:
    """The agreements in force in the school year (in scope), one row each: the programme's cadence,
    the held meetings of each half, and whether the agreement was in force for the whole of each half."""
    year_start, year_end = halves.first[0], halves.second[1]
    conditions = [
        policy.scope_condition(caller, Agreement) if caller is not None else true(),
        Agreement.status.in_([AgreementStatus.active, AgreementStatus.completed]),
        Agreement.start_date <= year_end,
        Agreement.end_date >= year_start,
    ]
    if programme_id is not None:
        conditions.append(Agreement.programme_id == programme_id)
    if school_id is not None:
        conditions.append(
            (Agreement.supporting_school_id == school_id) | (Agreement.receiving_school_id == school_id)
        )
    # The grouped sub-queries read only the meetings and events of these agreements: a county's
    # report does not aggregate the whole province's year.
    in_force = select(Agreement.id).where(*conditions)
    approved = (
        select(AgreementEvent.agreement_id, func.min(AgreementEvent.at).label("at"))
        .where(AgreementEvent.action == "approve", AgreementEvent.agreement_id.in_(in_force))
        .group_by(AgreementEvent.agreement_id)
        .subquery()
    )
    second_half = halves.second[0]
    meetings = (
        select(
            Meeting.agreement_id,
            func.count(case((Meeting.held_date < second_half, Meeting.id))).label("first"),
            func.count(case((Meeting.held_date >= second_half, Meeting.id))).label("second"),
        )
        .where(
            Meeting.agreement_id.in_(in_force),
            Meeting.status == MeetingStatus.held,
            Meeting.held_date >= year_start,
            Meeting.held_date <= year_end,
        )
        .group_by(Meeting.agreement_id)
        .subquery()
    )

    def covers(half: tuple[date, date]) -> Any:
        # In force from max(start, the day of approval): approved on the half's first day at the latest,
        # that is before the next midnight (UTC, the day approval times are read in).
        approved_by = datetime.combine(half[0] + timedelta(days=1), time(), tzinfo=UTC)
        in_force_all_half = and_(
            Agreement.start_date <= half[0],
            Agreement.end_date >= half[1],
            sql_or(approved.c.at.is_(None), approved.c.at < approved_by),
        )
        return case((in_force_all_half, 1), else_=0)

    return (
        select(
            Agreement.id.label("agreement_id"),
            Agreement.title,
            Agreement.supporting_school_id,
            Agreement.receiving_school_id,
            Programme.meeting_cadence,
            Programme.min_meetings,
            func.coalesce(meetings.c.first, 0).label("held_first_half"),
            func.coalesce(meetings.c.second, 0).label("held_second_half"),
            covers(halves.first).label("covers_first"),
            covers(halves.second).label("covers_second"),
        )
        .join(Programme, Programme.id == Agreement.programme_id)
        .outerjoin(approved, approved.c.agreement_id == Agreement.id)
        .outerjoin(meetings, meetings.c.agreement_id == Agreement.id)
        .where(*conditions)
        .subquery("pairs")
    )


def _assessment(pairs: Subquery, halves: Halves, on: date) -> tuple[Any, Any, Any, Any]:
    """The rule as SQL over `_pairs`: (required first half, second half, year, status) columns."""
    need_first, need_second, required = requirement(
        sql_when,
        per_term=pairs.c.meeting_cadence == MeetingCadence.per_term,
        min_meetings=pairs.c.min_meetings,
        covered=(pairs.c.covers_first == 1, pairs.c.covers_second == 1),
    )
    status = status_of(
        sql_when,
        need=(need_first, need_second),
        held=(pairs.c.held_first_half, pairs.c.held_second_half),
        required=required,
        halves=halves,
        on=on,
    )
    return need_first, need_second, required, sql_value(status)


def _summary(total: int, counts: Mapping[Any, int]) -> ComplianceSummary:
    compliant = counts.get(C, 0)
    return ComplianceSummary(
        total=total,
        compliant=compliant,
        at_risk=counts.get(R, 0),
        non_compliant=counts.get(N, 0),
        rate=round(compliant / total, 4) if total else 1.0,
    )


@lru_cache(maxsize=STATEMENTS_KEPT)
def _rows_statement(
    caller: Caller | None, school_year: int, programme_id: int | None, school_id: int | None, on: date
) -> Select[Any]:
    """The report's statement. Built once per caller, year, filters and day and then reused: building
    this expression and its cache key costs more than running it on a county (SQLite: ~3 ms a request),
    and a reused statement keeps its key."""
    halves = Halves.of(school_year)
    pairs = _pairs(caller, halves, programme_id, school_id)
    need_first, need_second, required, status = _assessment(pairs, halves, on)
    supporting, receiving = School.__table__.alias("supporting"), School.__table__.alias("receiving")
    return (
        select(
            pairs.c.agreement_id,
            pairs.c.title,
            pairs.c.supporting_school_id,
            supporting.c.name.label("supporting_school_name"),
            pairs.c.receiving_school_id,
            receiving.c.name.label("receiving_school_name"),
            pairs.c.held_first_half,
            pairs.c.held_second_half,
            (pairs.c.held_first_half + pairs.c.held_second_half).label("held_total"),
            required.label("required"),
            need_first.label("required_first_half"),
            need_second.label("required_second_half"),
            status.label("status"),
        )
        .join(supporting, supporting.c.id == pairs.c.supporting_school_id)
        .join(receiving, receiving.c.id == pairs.c.receiving_school_id)
        .order_by(pairs.c.agreement_id)
    )


@lru_cache(maxsize=STATEMENTS_KEPT)
def _summary_statement(
    caller: Caller | None, school_year: int, programme_id: int | None, school_id: int | None, on: date
) -> Select[Any]:
    """The dashboard's aggregate over the same rule (built once and reused, as _rows_statement)."""
    halves = Halves.of(school_year)
    pairs = _pairs(caller, halves, programme_id, school_id)
    status = _assessment(pairs, halves, on)[3]
    return select(
        func.count(),
        func.count(case((status == C.value, 1))),
        func.count(case((status == R.value, 1))),
    ).select_from(pairs)


async def compliance_rows(
    session: AsyncSession,
    *,
    caller: Caller | None,
    school_year: int,
    programme_id: int | None = None,
    school_id: int | None = None,
) -> list[dict[str, Any]]:
    """The report's rows as plain dicts (the fields of ComplianceRow, the status as its value), for
    callers that validate them into their own models at once (the report, the dashboard's series)."""
    stmt = _rows_statement(caller, school_year, programme_id, school_id, today())
    # Core tables and the session's connection: the rows are plain columns, and the ORM's aliases and
    # result layer cost a province's report (4,000 rows) a few milliseconds for nothing.
    return row_dicts(await (await session.connection()).execute(stmt))


async def compliance_report(
    session: AsyncSession,
    *,
    caller: Caller | None,
    school_year: int,
    programme_id: int | None = None,
    school_id: int | None = None,
) -> dict[str, Any]:
    """The report as plain values in MeetingCompliance's shape (rows as dicts, statuses as their
    values): what the JSON response writes out directly, and what `meeting_compliance` validates."""
    halves = Halves.of(school_year)
    rows = await compliance_rows(
        session, caller=caller, school_year=school_year, programme_id=programme_id, school_id=school_id
    )
    return {
        "school_year": school_year,
        "first_half": halves.first,
        "second_half": halves.second,
        "rows": rows,
        "summary": _summary(len(rows), Counter(row["status"] for row in rows)),
    }


async def meeting_compliance(
    session: AsyncSession,
    *,
    caller: Caller | None,
    school_year: int,
    programme_id: int | None = None,
    school_id: int | None = None,
) -> MeetingCompliance:
    """Compliance rows in the caller's scope (caller None: every agreement, for the reminder job)."""
    report = await compliance_report(
        session, caller=caller, school_year=school_year, programme_id=programme_id, school_id=school_id
    )
    return MeetingCompliance.model_validate(report)


async def meeting_summary(
    session: AsyncSession,
    *,
    caller: Caller | None,
    school_year: int,
    programme_id: int | None = None,
    school_id: int | None = None,
) -> ComplianceSummary:
    """The summary of `meeting_compliance` alone (the dashboard's rate): the same rule counted by one
    aggregate query, without producing the rows."""
    stmt = summary_statement(caller, school_year, programme_id, school_id)
    return summary_of(tuple((await session.execute(stmt)).one()))


def summary_statement(
    caller: Caller | None, school_year: int, programme_id: int | None, school_id: int | None = None
) -> Select[Any]:
    """The one-row aggregate of the report's rule, as of today (read by `summary_of`)."""
    return _summary_statement(caller, school_year, programme_id, school_id, today())


def summary_of(values: Sequence[Any]) -> ComplianceSummary:
    """The summary from the values of `summary_statement`'s row: pairs, compliant, at risk."""
    total, compliant, at_risk = values
    return _summary(total, {C: compliant, R: at_risk, N: total - compliant - at_risk})


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
