"""The bureau dashboard: KPIs and chart series for a school year, each an aggregate SQL query over the
caller's scope (a fixed number of queries whatever the size of the county — a test counts them)."""

from collections import Counter
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, case, distinct, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.activities.models import Activity, Donation
from app.agreements.models import Agreement
from app.core import policy
from app.core.clock import today
from app.core.db import STATEMENTS_KEPT
from app.core.enums import (
    ActionItemStatus,
    ActivityKind,
    AgreementStatus,
    Role,
    RotationDirection,
    RotationStatus,
    Term,
)
from app.core.errors import Forbidden
from app.core.policy import Caller
from app.core.sqldates import day_span, earlier, later
from app.meetings import compliance as meeting_rule
from app.meetings.compliance import compliance_rows
from app.meetings.models import ActionItem
from app.reporting.schemas import DashboardSummary, PairCompliance
from app.rotations import compliance as rotation_rule
from app.rotations import rules
from app.rotations.compliance import school_year_bounds
from app.rotations.models import CheckIn, Rotation
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject

SERVED = (RotationStatus.active, RotationStatus.completed)

PAIR_FIELDS = tuple(PairCompliance.model_fields)  # of a compliance row, what the chart shows


def ensure_may_read(caller: Caller) -> None:
    if caller.role == Role.teacher:
        raise Forbidden()


def in_scope_agreements(caller: Caller, programme_id: int | None) -> Any:
    """WHERE clause: agreements in scope (of the programme, when given)."""
    condition = policy.scope_condition(caller, Agreement)
    if programme_id is not None:
        condition = and_(condition, Agreement.programme_id == programme_id)
    return condition


def rotations_in(caller: Caller, programme_id: int | None, first: date, last: date) -> Any:
    condition = and_(
        policy.scope_condition(caller, Rotation), Rotation.start_date <= last, Rotation.end_date >= first
    )
    if programme_id is not None:
        condition = and_(
            condition,
            Rotation.agreement_id.in_(select(Agreement.id).where(Agreement.programme_id == programme_id)),
        )
    return condition


def activity_window(school_year: int, on: date) -> tuple[date, date]:
    """The term running on `on` when it falls in the school year, else the whole school year."""
    first, last = school_year_bounds(school_year)
    if not first <= on <= last:
        return first, last
    autumn = rules.term_dates(Term.autumn, school_year)
    return autumn if on <= autumn[1] else (autumn[1].replace(day=1, month=2), last)


@lru_cache(maxsize=STATEMENTS_KEPT)
def _summary_statements(
    caller: Caller, programme_id: int | None, school_year: int, on: date, dialect: str
) -> tuple[Select[Any], Select[Any], tuple[date, date]]:
    """The summary's single figures (one statement) and its activities by kind, with the activities'
    window. Built once per caller, programme and day and reused, as the compliance reports' statements:
    building them costs more than a county's database time."""
    first, last = school_year_bounds(school_year)
    in_scope = in_scope_agreements(caller, programme_id)
    active = and_(in_scope, Agreement.status == AgreementStatus.active)
    receiving_ever = select(Agreement.receiving_school_id).where(
        in_scope, Agreement.status != AgreementStatus.draft
    )
    served_to = min(last, on)
    span = day_span(
        later(Rotation.start_date, first, dialect), earlier(Rotation.end_date, served_to, dialect), dialect
    )
    # The single figures in one statement, a sub-query each: one round trip instead of seven (each
    # costs the request more in the driver and SQLAlchemy than a county's query costs the database).
    figures = [
        select(func.count(Agreement.id)).where(active),
        select(func.count(distinct(Agreement.receiving_school_id))).where(active),
        select(func.count(School.id)).where(
            policy.scope_condition(caller, School),
            or_(School.is_weak.is_(True), School.id.in_(receiving_ever)),
        ),
        select(func.count(distinct(Rotation.teacher_id))).where(
            rotations_in(caller, programme_id, on, on), Rotation.status == RotationStatus.active
        ),
        select(func.coalesce(func.sum(span), 0)).where(
            rotations_in(caller, programme_id, first, served_to),
            Rotation.status.in_(SERVED),
            Rotation.direction == RotationDirection.dispatch,
        ),
        select(func.coalesce(func.sum(Donation.value_yuan), 0))
        .join(Agreement, Agreement.id == Donation.agreement_id)
        .where(in_scope, Donation.date >= first, Donation.date <= last),
        select(func.count(ActionItem.id))
        .join(Agreement, Agreement.id == ActionItem.agreement_id)
        .where(in_scope, ActionItem.status == ActionItemStatus.open, ActionItem.due_date < on),
    ]
    window = activity_window(school_year, on)
    # One row, a count per kind in ActivityKind's order (rather than a row per kind), so that it joins
    # the summary's one statement.
    by_kind = (
        select(*(func.count(case((Activity.kind == kind, 1))) for kind in ActivityKind))
        .join(Agreement, Agreement.id == Activity.agreement_id)
        .where(in_scope, Activity.date >= window[0], Activity.date <= window[1])
    )
    return select(*(figure.scalar_subquery() for figure in figures)), by_kind, window


@lru_cache(maxsize=STATEMENTS_KEPT)
def _one_statement(
    figures: Select[Any], by_kind: Select[Any], meetings: Select[Any], rotations: Select[Any]
) -> Select[Any]:
    """The single figures, the activities by kind and both compliance aggregates (each one row) in one
    statement, the aggregates as derived tables joined on nothing: one round trip instead of four, each
    of which cost a county's summary more in the driver and SQLAlchemy than in the database. Keyed on
    the statements, themselves built once per caller (a new one is a new key)."""
    kinds = by_kind.subquery("activity_kinds")
    meeting_row = meetings.subquery("meeting_rule")
    rotation_row = rotations.subquery("rotation_rule")
    return select(*figures.selected_columns, *kinds.c, *meeting_row.c, *rotation_row.c).select_from(
        kinds.join(meeting_row, true()).join(rotation_row, true())
    )


async def summary(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> DashboardSummary:
    ensure_may_read(caller)
    on = today()
    figures, by_kind_statement, window = _summary_statements(
        caller, programme_id, school_year, on, session.get_bind().dialect.name
    )
    # The two compliance figures come from aggregates over the reports' own rules, not their rows.
    rotation_statement, rotation_target = await rotation_rule.summary_statement(
        session, caller=caller, school_year=school_year, programme_id=programme_id
    )
    meeting_statement = meeting_rule.summary_statement(caller, school_year, programme_id)
    statement = _one_statement(figures, by_kind_statement, meeting_statement, rotation_statement)
    row = tuple((await session.execute(statement)).one())
    single, kinds = len(figures.selected_columns), len(ActivityKind)
    agreements, covered, total_receiving, on_rotation, days, donated, overdue = row[:single]
    by_kind = dict(zip(ActivityKind, row[single : single + kinds], strict=True))
    meetings = meeting_rule.summary_of(row[single + kinds : single + kinds + 3])
    rotation = rotation_rule.summary_of(row[single + kinds + 3 :])
    return DashboardSummary(
        school_year=school_year,
        programme_id=programme_id,
        active_agreements=agreements or 0,
        receiving_schools_covered=covered or 0,
        receiving_schools_total=total_receiving or 0,
        teachers_on_rotation=on_rotation or 0,
        teacher_days_served=int(days or 0),
        meeting_compliance_rate=meetings.rate,
        rotation_share=rotation.rotated_share,
        rotation_share_target=rotation_target,
        rotation_gap=rotation.gap,
        activities_by_kind={kind: by_kind.get(kind, 0) for kind in ActivityKind},
        activities_from=window[0],
        activities_to=window[1],
        donations_value_yuan=str(Decimal(donated or 0).quantize(Decimal("0.01"))),
        open_overdue_items=overdue or 0,
    )


def _months(school_year: int) -> list[str]:
    return [f"{school_year + (m < 9)}-{m:02d}" for m in (*range(9, 13), *range(1, 9))]


def _by_month(per_day: Any) -> Counter[str]:
    """'2026-10' → the sum of the month's (day, count) rows."""
    months: Counter[str] = Counter()
    for day, n in per_day:
        months[f"{day.year}-{day.month:02d}"] += n
    return months


async def _monthly(
    session: AsyncSession, caller: Caller, programme_id: int | None, school_year: int
) -> list[dict[str, Any]]:
    first, last = school_year_bounds(school_year)
    # Counted per day and summed into months here: grouping a province's 100,000 check-ins of a term
    # by their date costs the database half of formatting each one's month first (at most 365 rows).
    activities = _by_month(
        await session.execute(
            select(Activity.date, func.count(Activity.id))
            .join(Agreement, Agreement.id == Activity.agreement_id)
            .where(in_scope_agreements(caller, programme_id), Activity.date >= first, Activity.date <= last)
            .group_by(Activity.date)
        )
    )
    checkins_stmt: Select[Any] = (
        select(CheckIn.date, func.count(CheckIn.id))
        .join(Rotation, Rotation.id == CheckIn.rotation_id)
        .where(rotations_in(caller, programme_id, first, last), CheckIn.date >= first, CheckIn.date <= last)
        .group_by(CheckIn.date)
    )
    checkins = _by_month(await session.execute(checkins_stmt))
    return [
        {"month": m, "activities": activities.get(m, 0), "checkins": checkins.get(m, 0)}
        for m in _months(school_year)
    ]


async def series(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> dict[str, Any]:
    """DashboardSeries as plain values (written out as JSON directly: a province's is 1.9 MB of some
    13,000 pairs, schools and links, which validating into models and serialising them again tripled)."""
    ensure_may_read(caller)
    first, last = school_year_bounds(school_year)
    counted = and_(
        rotations_in(caller, programme_id, first, last), Rotation.status != RotationStatus.withdrawn
    )
    # A rotation's subject is its teacher's main subject (the first listed).
    by_subject = (
        await session.execute(
            select(TeacherSubject.subject, func.count(Rotation.id))
            .join(Teacher, Teacher.id == Rotation.teacher_id)
            .join(TeacherSubject, and_(TeacherSubject.teacher_id == Teacher.id, TeacherSubject.position == 0))
            .where(counted)
            .group_by(TeacherSubject.subject)
            .order_by(func.count(Rotation.id).desc(), TeacherSubject.subject)
        )
    ).all()
    compliance = await compliance_rows(
        session, caller=caller, school_year=school_year, programme_id=programme_id
    )
    supporting, receiving = School.__table__.alias("supporting"), School.__table__.alias("receiving")
    dispatches = (
        select(Rotation.agreement_id, func.count(Rotation.id).label("n"))
        .where(counted, Rotation.direction == RotationDirection.dispatch)
        .group_by(Rotation.agreement_id)
        .subquery()
    )
    pairs = (
        await session.execute(
            select(
                Agreement.id,
                Agreement.supporting_school_id,
                supporting.c.name,
                supporting.c.is_weak,
                Agreement.receiving_school_id,
                receiving.c.name,
                receiving.c.is_weak,
                func.coalesce(dispatches.c.n, 0),
            )
            .join(supporting, supporting.c.id == Agreement.supporting_school_id)
            .join(receiving, receiving.c.id == Agreement.receiving_school_id)
            .outerjoin(dispatches, dispatches.c.agreement_id == Agreement.id)
            .where(in_scope_agreements(caller, programme_id), Agreement.status == AgreementStatus.active)
            .order_by(Agreement.id)
        )
    ).all()
    nodes: dict[int, dict[str, Any]] = {}
    edges = []
    for agreement_id, sup_id, sup_name, sup_weak, rec_id, rec_name, rec_weak, rotations in pairs:
        for school_id, name, weak, role in (
            (sup_id, sup_name, sup_weak, "supporting"),
            (rec_id, rec_name, rec_weak, "receiving"),
        ):
            node = nodes.get(school_id)
            if node is None:
                nodes[school_id] = {"school_id": school_id, "name": name, "role": role, "is_weak": weak}
            elif node["role"] != role:
                node["role"] = "both"
        edges.append(
            {"agreement_id": agreement_id, "source": sup_id, "target": rec_id, "rotations": rotations}
        )
    return {
        "school_year": school_year,
        "monthly": await _monthly(session, caller, programme_id, school_year),
        "rotations_by_subject": [{"subject": s, "rotations": n} for s, n in by_subject],
        # The report's rows carry more fields than a pair of the chart needs.
        "compliance_by_pair": [{key: row[key] for key in PAIR_FIELDS} for row in compliance],
        "nodes": list(nodes.values()),
        "edges": edges,
    }
