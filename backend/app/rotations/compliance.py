"""Rotation-rate compliance (交流轮岗比例) of supporting schools for a school year.

Eligible teachers: a school's teachers who by 1 September of the school year have taught there for at
least the programme's `rotation_eligibility_years` (default 6; `hire_date` is the date a teacher joined
the present school). Rotated: distinct teachers of the school on a dispatch (not withdrawn) overlapping
the school year; approved, active and completed ones count, planned ones are shown apart because the
bureau has not approved them yet. Required: ⌈min_rotation_share × eligible⌉ (default 10 %).
Backbone: teachers with a backbone level among the rotated; required ⌈min_backbone_share × base⌉
(default 20 %), where the base is the number rotated, or — when the programme's
`backbone_share_base` is `eligible` — the school's eligible backbone teachers.
Status: compliant when both are met; at risk when they would be met once the planned rotations are
approved; otherwise non-compliant.

The counts and the rule are one query: the rule (`rule`) is written once and evaluated as SQL over each
school's counts (`app.core.dualrule`) for the report's rows and for the dashboard's sums alike, and in
Python (`assess`) for planning, so a province's two thousand schools are assessed by the database.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, Subquery, and_, bindparam, case, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core import policy
from app.core.db import STATEMENTS_KEPT
from app.core.dualrule import When, python_when, sql_value, sql_when
from app.core.enums import (
    AgreementStatus,
    BackboneLevel,
    BackboneShareBase,
    ComplianceStatus,
    Role,
    RotationDirection,
    RotationStatus,
)
from app.core.errors import Forbidden, NotFound
from app.core.i18n import t
from app.core.listing import row_dicts, workbook_response
from app.core.policy import Caller
from app.programmes.models import Programme
from app.rotations.models import Rotation
from app.rotations.schemas import RotationCompliance, RotationComplianceSummary
from app.schools.models import School
from app.teachers.models import Teacher

COUNTED = (RotationStatus.approved, RotationStatus.active, RotationStatus.completed)
IS_BACKBONE = Teacher.backbone_level != BackboneLevel.none


def school_year_bounds(school_year: int) -> tuple[date, date]:
    return date(school_year, 9, 1), date(school_year + 1, 8, 31)


def eligibility_cutoff(school_year: int, years: int) -> date:
    """Teachers who joined the school on or before this day are eligible in the school year."""
    return date(school_year - years, 9, 1)


async def programme_in_force(
    session: AsyncSession, caller: Caller, programme_id: int | None
) -> Programme | None:
    """The programme whose rules apply: the one asked for, else the newest the caller can read."""
    if programme_id is not None:
        by_id = _programme_statement(caller, by_id=True)
        programme = await session.scalar(by_id, {"programme_id": programme_id})
        if programme is None:
            raise NotFound("programme")
        return programme
    return await session.scalar(_programme_statement(caller, by_id=False))


@lru_cache(maxsize=STATEMENTS_KEPT)
def _programme_statement(caller: Caller, by_id: bool) -> Select[tuple[Programme]]:
    """The look-up of the programme in force, built once per caller: building the caller's scope and its
    cache key took a third of a county's dashboard summary in Python, more than running it."""
    stmt = policy.readable(caller, Programme)
    if by_id:
        return stmt.where(Programme.id == bindparam("programme_id"))
    return stmt.order_by(Programme.start_date.desc(), Programme.id.desc()).limit(1)


def _dispatches_in(school_year: int) -> Any:
    start, end = school_year_bounds(school_year)
    return and_(
        Rotation.direction == RotationDirection.dispatch,
        Rotation.start_date <= end,
        Rotation.end_date >= start,
        Rotation.status != RotationStatus.withdrawn,
    )


def _candidates(caller: Caller, school_year: int, programme_id: int | None) -> Any:
    """Schools that support another under an agreement in force, or that dispatch teachers this year,
    among the agreements and rotations the caller may read."""
    agreements = select(Agreement.supporting_school_id).where(
        Agreement.status.in_((AgreementStatus.active, AgreementStatus.completed)),
        policy.scope_condition(caller, Agreement),
    )
    if programme_id is not None:
        agreements = agreements.where(Agreement.programme_id == programme_id)
    dispatching = select(Rotation.from_school_id).where(
        _dispatches_in(school_year), policy.scope_condition(caller, Rotation)
    )
    # One set (a UNION) the database hashes once, rather than two memberships tested on every row.
    return agreements.union(dispatching)


def supporting_schools(caller: Caller, school_year: int, programme: Programme | None) -> Select[Any]:
    """Schools that support another under an agreement in force, or that dispatch teachers this year,
    among the schools whose roster the caller may read."""
    rosters = select(Teacher.school_id).where(policy.scope_condition(caller, Teacher))
    return (
        select(School.id, School.name)
        .where(
            School.id.in_(rosters),
            School.id.in_(_candidates(caller, school_year, programme.id if programme else None)),
        )
        .order_by(School.name)
    )


@dataclass(frozen=True)
class Shares:
    """The programme's minimum shares, as exact fractions (0.10 → 1/10), so that ⌈share × n⌉ is integer
    arithmetic — the same in SQL as in Python, where a float (SQLite's NUMERIC) could round 0.1 × 30 up
    to 4."""

    rotation: Fraction
    backbone: Fraction
    base: BackboneShareBase

    @classmethod
    def of(cls, programme: Programme | None) -> "Shares":
        if programme is None:
            return cls(Fraction(1, 10), Fraction(1, 5), BackboneShareBase.rotated)
        return cls(
            Fraction(Decimal(programme.min_rotation_share)),
            Fraction(Decimal(programme.min_backbone_share)),
            programme.backbone_share_base,
        )


def _at_least(share: Fraction, count: Any) -> Any:
    """⌈share × count⌉ for a count of teachers (an int, or a SQL integer expression)."""
    return (count * share.numerator + (share.denominator - 1)) // share.denominator


def rule(
    when: When,
    *,
    eligible: Any,
    eligible_backbone: Any,
    rotated: Any,
    rotated_with_planned: Any,
    backbone: Any,
    backbone_with_planned: Any,
    shares: Shares,
) -> dict[str, Any]:
    """The rule on the counts: requirements, gaps and status (values, or SQL expressions)."""
    required = _at_least(shares.rotation, eligible)

    def backbone_needed(rotated_count: Any) -> Any:
        base = eligible_backbone if shares.base == BackboneShareBase.eligible else rotated_count
        return _at_least(shares.backbone, base)

    backbone_required = backbone_needed(rotated)
    met = (rotated >= required) & (backbone >= backbone_required)
    met_if_planned = (rotated_with_planned >= required) & (
        backbone_with_planned >= backbone_needed(rotated_with_planned)
    )
    return {
        "required": required,
        "gap": when(required > rotated, required - rotated, 0),
        "backbone_required": backbone_required,
        "backbone_gap": when(backbone_required > backbone, backbone_required - backbone, 0),
        "status": when(
            met,
            ComplianceStatus.compliant,
            when(met_if_planned, ComplianceStatus.at_risk, ComplianceStatus.non_compliant),
        ),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def assess(
    *,
    eligible: int,
    eligible_backbone: int,
    rotated: int,
    rotated_with_planned: int,
    backbone: int,
    backbone_with_planned: int,
    programme: Programme | None,
) -> dict[str, Any]:
    """The rule on one school's counts, in Python (planning; the unit tests)."""
    return {
        **rule(
            python_when,
            eligible=eligible,
            eligible_backbone=eligible_backbone,
            rotated=rotated,
            rotated_with_planned=rotated_with_planned,
            backbone=backbone,
            backbone_with_planned=backbone_with_planned,
            shares=Shares.of(programme),
        ),
        "rotated_share": _share(rotated, eligible),
        "backbone_share": _share(backbone, rotated),
    }


def _eligible_columns(cutoff: date) -> tuple[Any, Any]:
    """Counts over a school's teachers: (eligible, eligible backbone)."""
    eligible = Teacher.hire_date <= cutoff
    return (
        func.count(case((eligible, Teacher.id))).label("eligible"),
        func.count(case((and_(eligible, IS_BACKBONE), Teacher.id))).label("eligible_backbone"),
    )


def _rotated_columns() -> tuple[Any, ...]:
    """Counts over a school's dispatches joined to their teachers: (rotated, rotated or planned, backbone
    rotated, backbone rotated or planned), in distinct teachers."""
    counted = Rotation.status.in_(COUNTED)
    return (
        func.count(distinct(case((counted, Rotation.teacher_id)))).label("rotated"),
        func.count(distinct(Rotation.teacher_id)).label("with_planned"),
        func.count(distinct(case((and_(counted, IS_BACKBONE), Rotation.teacher_id)))).label("backbone"),
        func.count(distinct(case((IS_BACKBONE, Rotation.teacher_id)))).label("backbone_with_planned"),
    )


async def school_counts(
    session: AsyncSession, ids: list[int] | Select[Any], school_year: int, cutoff: date
) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int, int, int]]]:
    """Per school: (eligible, eligible backbone), and (rotated, rotated or planned, backbone rotated,
    backbone rotated or planned) — two grouped queries, whatever the number of schools. `ids` is a list
    of school ids or, better for many schools, the query selecting them."""
    eligible_rows = await session.execute(
        select(Teacher.school_id, *_eligible_columns(cutoff))
        .where(Teacher.school_id.in_(ids), Teacher.hire_date <= cutoff)
        .group_by(Teacher.school_id)
    )
    eligible = {school_id: (n, b) for school_id, n, b in eligible_rows}
    rotated_rows = await session.execute(
        select(Rotation.from_school_id, *_rotated_columns())
        .join(Teacher, Teacher.id == Rotation.teacher_id)
        .where(Rotation.from_school_id.in_(ids), _dispatches_in(school_year))
        .group_by(Rotation.from_school_id)
    )
    rotated = {row[0]: row[1:] for row in rotated_rows}
    return eligible, rotated


def _school_figures(
    caller: Caller, school_year: int, programme_id: int | None, shares: Shares, cutoff: date
) -> tuple[Subquery, dict[str, Any]]:
    """One row per supporting school with its counts (a sub-query), and the rule's columns over it."""
    # The supporting schools of `supporting_schools`, found without sending their ids back to the
    # database: the candidates' teachers the caller may read, grouped by school, are both the roster
    # condition (a school appears when it has such a teacher) and the eligible counts. The dispatches
    # are joined to those schools and grouped with them, so they are looked up by school (an index) and
    # need no scope of their own. Not a CTE of the supporting schools: PostgreSQL has no statistics for
    # a CTE, misjudged the joins by a factor of a thousand and spent 400 ms compiling the query (JIT).
    roster = (
        select(Teacher.school_id, *_eligible_columns(cutoff))
        .where(
            policy.scope_condition(caller, Teacher),
            Teacher.school_id.in_(_candidates(caller, school_year, programme_id)),
        )
        .group_by(Teacher.school_id)
        .subquery("roster")
    )
    # Grouped by the school id alone (the roster's counts are one value per school): a sort on one
    # integer key. The names are joined by the rows' query only; the dashboard's sums need none.
    figures = (
        select(
            roster.c.school_id,
            func.max(roster.c.eligible).label("eligible_teachers"),
            func.max(roster.c.eligible_backbone).label("eligible_backbone"),
            *_rotated_columns(),
        )
        .select_from(roster)
        .outerjoin(Rotation, and_(Rotation.from_school_id == roster.c.school_id, _dispatches_in(school_year)))
        .outerjoin(Teacher, Teacher.id == Rotation.teacher_id)
        .group_by(roster.c.school_id)
        .subquery("figures")
    )
    columns = rule(
        sql_when,
        eligible=figures.c.eligible_teachers,
        eligible_backbone=figures.c.eligible_backbone,
        rotated=figures.c.rotated,
        rotated_with_planned=figures.c.with_planned,
        backbone=figures.c.backbone,
        backbone_with_planned=figures.c.backbone_with_planned,
        shares=shares,
    )
    return figures, {name: sql_value(column) for name, column in columns.items()}


async def _programme_and_cutoff(
    session: AsyncSession, caller: Caller, school_year: int, programme_id: int | None
) -> tuple[Programme | None, int, date]:
    if caller.role == Role.teacher:
        raise Forbidden()
    programme = await programme_in_force(session, caller, programme_id)
    years = programme.rotation_eligibility_years if programme else 6
    return programme, years, eligibility_cutoff(school_year, years)


@lru_cache(maxsize=STATEMENTS_KEPT)
def _rows_statement(
    caller: Caller, school_year: int, programme_id: int | None, shares: Shares, cutoff: date
) -> Select[Any]:
    """The report's statement, built once per caller and settings and then reused: building it and its
    cache key cost more than running it on a county."""
    figures, rule_columns = _school_figures(caller, school_year, programme_id, shares, cutoff)
    return (
        select(
            figures.c.school_id,
            School.name.label("school_name"),
            figures.c.eligible_teachers,
            figures.c.eligible_backbone,
            figures.c.rotated,
            (figures.c.with_planned - figures.c.rotated).label("planned"),
            figures.c.backbone.label("backbone_rotated"),
            *(column.label(name) for name, column in rule_columns.items()),
        )
        .join(School, School.id == figures.c.school_id)
        .order_by(School.name, School.id)
    )


@lru_cache(maxsize=STATEMENTS_KEPT)
def _summary_statement(
    caller: Caller, school_year: int, programme_id: int | None, shares: Shares, cutoff: date
) -> Select[Any]:
    """The dashboard's sums over the same rule (built once and reused, as _rows_statement)."""
    figures, rule_columns = _school_figures(caller, school_year, programme_id, shares, cutoff)
    status = rule_columns["status"]

    def total(column: Any) -> Any:
        return func.coalesce(func.sum(column), 0)

    return select(
        func.count(),
        func.count(case((status == ComplianceStatus.compliant.value, 1))),
        func.count(case((status == ComplianceStatus.at_risk.value, 1))),
        total(figures.c.eligible_teachers),
        total(figures.c.rotated),
        total(rule_columns["required"]),
        total(rule_columns["gap"]),
        total(figures.c.backbone),
        total(rule_columns["backbone_required"]),
    )


async def compliance_report(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> dict[str, Any]:
    """The report as plain values in RotationCompliance's shape (rows as dicts, statuses as their
    values): what the JSON response writes out directly, and what `rotation_compliance` validates."""
    programme, years, cutoff = await _programme_and_cutoff(session, caller, school_year, programme_id)
    stmt = _rows_statement(
        caller, school_year, programme.id if programme else None, Shares.of(programme), cutoff
    )
    # Core rows on the session's connection: nothing here is an ORM entity (see meetings.compliance_rows).
    rows = row_dicts(await (await session.connection()).execute(stmt))
    for row in rows:
        row["rotated_share"] = _share(row["rotated"], row["eligible_teachers"])
        row["backbone_share"] = _share(row["backbone_rotated"], row["rotated"])
    return {
        "school_year": school_year,
        "programme_id": programme.id if programme else None,
        "min_rotation_share": float(programme.min_rotation_share) if programme else 0.10,
        "min_backbone_share": float(programme.min_backbone_share) if programme else 0.20,
        "backbone_share_base": programme.backbone_share_base if programme else BackboneShareBase.rotated,
        "rotation_eligibility_years": years,
        "eligible_since": cutoff,
        "rows": rows,
        "summary": _summary(rows),
    }


async def rotation_compliance(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> RotationCompliance:
    report = await compliance_report(
        session, caller=caller, school_year=school_year, programme_id=programme_id
    )
    return RotationCompliance.model_validate(report)


def _summary(rows: list[dict[str, Any]]) -> RotationComplianceSummary:
    eligible = sum(r["eligible_teachers"] for r in rows)
    rotated = sum(r["rotated"] for r in rows)
    statuses = Counter(r["status"] for r in rows)
    return RotationComplianceSummary(
        schools=len(rows),
        compliant=statuses[ComplianceStatus.compliant],
        at_risk=statuses[ComplianceStatus.at_risk],
        non_compliant=statuses[ComplianceStatus.non_compliant],
        eligible_teachers=eligible,
        rotated=rotated,
        required=sum(r["required"] for r in rows),
        gap=sum(r["gap"] for r in rows),
        rotated_share=_share(rotated, eligible),
        backbone_rotated=sum(r["backbone_rotated"] for r in rows),
        backbone_required=sum(r["backbone_required"] for r in rows),
    )


async def summary_statement(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> tuple[Select[Any], float]:
    """The one-row aggregate of `rotation_compliance`'s rule (read by `summary_of`) and the share it
    holds schools to. The programme in force is looked up here (its rules shape the statement)."""
    programme, _, cutoff = await _programme_and_cutoff(session, caller, school_year, programme_id)
    stmt = _summary_statement(
        caller, school_year, programme.id if programme else None, Shares.of(programme), cutoff
    )
    return stmt, float(programme.min_rotation_share) if programme else 0.10


def summary_of(values: Sequence[Any]) -> RotationComplianceSummary:
    """The summary from the values of `summary_statement`'s row, in its order."""
    (schools, compliant, at_risk, eligible, rotated, required, gap, backbone, backbone_required) = values
    return RotationComplianceSummary(
        schools=schools,
        compliant=compliant,
        at_risk=at_risk,
        non_compliant=schools - compliant - at_risk,
        eligible_teachers=eligible,
        rotated=rotated,
        required=required,
        gap=gap,
        rotated_share=_share(rotated, eligible),
        backbone_rotated=backbone,
        backbone_required=backbone_required,
    )


async def rotation_summary(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> tuple[RotationComplianceSummary, float]:
    """The summary of `rotation_compliance` alone and the share it holds schools to: the same rule
    summed by one aggregate query, without producing the rows."""
    stmt, target = await summary_statement(
        session, caller=caller, school_year=school_year, programme_id=programme_id
    )
    return summary_of(tuple((await session.execute(stmt)).one())), target


def candidates_query(*, caller: Caller, school_year: int, years: int, school_id: int | None) -> Select[Any]:
    """Eligible teachers with no dispatch (other than withdrawn) in the school year: whom to plan from."""
    stmt = policy.readable(caller, Teacher).where(
        Teacher.hire_date <= eligibility_cutoff(school_year, years),
        Teacher.id.not_in(select(Rotation.teacher_id).where(_dispatches_in(school_year))),
    )
    if school_id is not None:
        stmt = stmt.where(Teacher.school_id == school_id)
    return stmt


HEADINGS = {
    "zh-CN": [
        "学校", "应交流教师", "已交流", "待审批", "应达人数", "差额", "交流比例",
        "骨干已交流", "骨干应达", "骨干差额", "状态",
    ],
    "en": [
        "School", "Eligible", "Rotated", "Planned", "Required", "Gap", "Share",
        "Backbone rotated", "Backbone required", "Backbone gap", "Status",
    ],
}  # fmt: skip


def as_workbook(report: RotationCompliance, locale: str) -> Any:
    rows = [
        [
            r.school_name,
            r.eligible_teachers,
            r.rotated,
            r.planned,
            r.required,
            r.gap,
            f"{r.rotated_share:.1%}" if r.rotated_share is not None else "",
            r.backbone_rotated,
            r.backbone_required,
            r.backbone_gap,
            t(f"compliance.{r.status.value}"),
        ]
        for r in report.rows
    ]
    return workbook_response(f"rotation-compliance-{report.school_year}", HEADINGS[locale], rows)
