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
approved; otherwise non-compliant. Counts are SQL aggregates (one grouped query each).
"""

import math
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, distinct, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core import policy
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
from app.core.listing import workbook_response
from app.core.policy import Caller
from app.programmes.models import Programme
from app.rotations.models import Rotation
from app.rotations.schemas import RotationCompliance, RotationComplianceRow, RotationComplianceSummary
from app.schools.models import School
from app.teachers.models import Teacher

COUNTED = (RotationStatus.approved, RotationStatus.active, RotationStatus.completed)


def school_year_bounds(school_year: int) -> tuple[date, date]:
    return date(school_year, 9, 1), date(school_year + 1, 8, 31)


def eligibility_cutoff(school_year: int, years: int) -> date:
    """Teachers who joined the school on or before this day are eligible in the school year."""
    return date(school_year - years, 9, 1)


async def programme_in_force(
    session: AsyncSession, caller: Caller, programme_id: int | None
) -> Programme | None:
    """The programme whose rules apply: the one asked for, else the newest the caller can read."""
    stmt = policy.readable(caller, Programme)
    if programme_id is not None:
        programme = await session.scalar(stmt.where(Programme.id == programme_id))
        if programme is None:
            raise NotFound("programme")
        return programme
    return await session.scalar(stmt.order_by(Programme.start_date.desc(), Programme.id.desc()).limit(1))


def _dispatches_in(school_year: int) -> Any:
    start, end = school_year_bounds(school_year)
    return and_(
        Rotation.direction == RotationDirection.dispatch,
        Rotation.start_date <= end,
        Rotation.end_date >= start,
        Rotation.status != RotationStatus.withdrawn,
    )


def supporting_schools(caller: Caller, school_year: int, programme: Programme | None) -> Select[Any]:
    """Schools that support another under an agreement in force, or that dispatch teachers this year,
    among the schools whose roster the caller may read."""
    agreements = select(Agreement.supporting_school_id).where(
        Agreement.status.in_((AgreementStatus.active, AgreementStatus.completed))
    )
    if programme is not None:
        agreements = agreements.where(Agreement.programme_id == programme.id)
    dispatching = select(Rotation.from_school_id).where(_dispatches_in(school_year))
    rosters = select(Teacher.school_id).where(policy.scope_condition(caller, Teacher))
    return (
        select(School.id, School.name)
        .where(School.id.in_(rosters), or_(School.id.in_(agreements), School.id.in_(dispatching)))
        .order_by(School.name)
    )


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
    """The pure rule: requirements, gaps and status from the counts."""
    share = Decimal(programme.min_rotation_share) if programme else Decimal("0.10")
    backbone_share = Decimal(programme.min_backbone_share) if programme else Decimal("0.20")
    base_kind = programme.backbone_share_base if programme else BackboneShareBase.rotated
    required = math.ceil(share * eligible)

    def backbone_needed(rotated_count: int) -> int:
        base = eligible_backbone if base_kind == BackboneShareBase.eligible else rotated_count
        return math.ceil(backbone_share * base)

    backbone_required = backbone_needed(rotated)
    met = rotated >= required and backbone >= backbone_required
    met_if_planned = rotated_with_planned >= required and backbone_with_planned >= backbone_needed(
        rotated_with_planned
    )
    status = (
        ComplianceStatus.compliant
        if met
        else ComplianceStatus.at_risk
        if met_if_planned
        else ComplianceStatus.non_compliant
    )
    return {
        "required": required,
        "gap": max(0, required - rotated),
        "rotated_share": round(rotated / eligible, 4) if eligible else None,
        "backbone_required": backbone_required,
        "backbone_gap": max(0, backbone_required - backbone),
        "backbone_share": round(backbone / rotated, 4) if rotated else None,
        "status": status,
    }


async def school_counts(
    session: AsyncSession, ids: list[int], school_year: int, cutoff: date
) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int, int, int]]]:
    """Per school: (eligible, eligible backbone), and (rotated, rotated or planned, backbone rotated,
    backbone rotated or planned) — two grouped queries, whatever the number of schools."""
    is_backbone = Teacher.backbone_level != BackboneLevel.none
    eligible_rows = await session.execute(
        select(
            Teacher.school_id,
            func.count(Teacher.id),
            func.count(case((is_backbone, Teacher.id))),
        )
        .where(Teacher.school_id.in_(ids), Teacher.hire_date <= cutoff)
        .group_by(Teacher.school_id)
    )
    eligible = {school_id: (n, b) for school_id, n, b in eligible_rows}
    counted = Rotation.status.in_(COUNTED)
    rotated_rows = await session.execute(
        select(
            Rotation.from_school_id,
            func.count(distinct(case((counted, Rotation.teacher_id)))),
            func.count(distinct(Rotation.teacher_id)),
            func.count(distinct(case((and_(counted, is_backbone), Rotation.teacher_id)))),
            func.count(distinct(case((is_backbone, Rotation.teacher_id)))),
        )
        .join(Teacher, Teacher.id == Rotation.teacher_id)
        .where(Rotation.from_school_id.in_(ids), _dispatches_in(school_year))
        .group_by(Rotation.from_school_id)
    )
    rotated = {row[0]: row[1:] for row in rotated_rows}
    return eligible, rotated


async def rotation_compliance(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> RotationCompliance:
    if caller.role == Role.teacher:
        raise Forbidden()
    programme = await programme_in_force(session, caller, programme_id)
    years = programme.rotation_eligibility_years if programme else 6
    cutoff = eligibility_cutoff(school_year, years)
    schools = (await session.execute(supporting_schools(caller, school_year, programme))).all()
    eligible, rotated = await school_counts(
        session, [school_id for school_id, _ in schools], school_year, cutoff
    )
    rows = []
    for school_id, name in schools:
        n_eligible, n_backbone = eligible.get(school_id, (0, 0))
        done, with_planned, backbone, backbone_planned = rotated.get(school_id, (0, 0, 0, 0))
        rows.append(
            RotationComplianceRow(
                school_id=school_id,
                school_name=name,
                eligible_teachers=n_eligible,
                eligible_backbone=n_backbone,
                rotated=done,
                planned=with_planned - done,
                backbone_rotated=backbone,
                **assess(
                    eligible=n_eligible,
                    eligible_backbone=n_backbone,
                    rotated=done,
                    rotated_with_planned=with_planned,
                    backbone=backbone,
                    backbone_with_planned=backbone_planned,
                    programme=programme,
                ),
            )
        )
    return RotationCompliance(
        school_year=school_year,
        programme_id=programme.id if programme else None,
        min_rotation_share=float(programme.min_rotation_share) if programme else 0.10,
        min_backbone_share=float(programme.min_backbone_share) if programme else 0.20,
        backbone_share_base=programme.backbone_share_base if programme else BackboneShareBase.rotated,
        rotation_eligibility_years=years,
        eligible_since=cutoff,
        rows=rows,
        summary=_summary(rows),
    )


def _summary(rows: list[RotationComplianceRow]) -> RotationComplianceSummary:
    eligible = sum(r.eligible_teachers for r in rows)
    rotated = sum(r.rotated for r in rows)
    return RotationComplianceSummary(
        schools=len(rows),
        compliant=sum(r.status == ComplianceStatus.compliant for r in rows),
        at_risk=sum(r.status == ComplianceStatus.at_risk for r in rows),
        non_compliant=sum(r.status == ComplianceStatus.non_compliant for r in rows),
        eligible_teachers=eligible,
        rotated=rotated,
        required=sum(r.required for r in rows),
        gap=sum(r.gap for r in rows),
        rotated_share=round(rotated / eligible, 4) if eligible else None,
        backbone_rotated=sum(r.backbone_rotated for r in rows),
        backbone_required=sum(r.backbone_required for r in rows),
    )


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
