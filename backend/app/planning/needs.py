"""Staffing needs (缺编需求): what a receiving school asks for, for a term or a school year."""

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.core import audit, policy, updates
from app.core.errors import Conflict, Forbidden, ValidationFailed
from app.core.listing import ListSpec, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.planning.models import StaffingNeed
from app.planning.schemas import NeedCreate, NeedFilters, NeedRead, NeedUpdate
from app.regions.models import Region
from app.rotations.models import Rotation
from app.schools.models import School

LOAD = (joinedload(StaffingNeed.school),)

LIST_SPEC = ListSpec(
    read_model=NeedRead,
    sortable={
        "school_year": StaffingNeed.school_year,
        "subject": StaffingNeed.subject,
        "priority": StaffingNeed.priority,
        "count": StaffingNeed.teacher_count,
        "created_at": StaffingNeed.created_at,
    },
    # Newest year first, then urgent before normal ("urgent" > "normal"), then in order recorded.
    default_sort=(StaffingNeed.school_year.desc(), StaffingNeed.priority.desc(), StaffingNeed.id),
    searchable=(StaffingNeed.subject, StaffingNeed.notes),
    options=LOAD,
    sheet="needs",
    labels={
        "id": ("编号", "ID"),
        "school_id": ("学校编号", "School ID"),
        "school_name": ("学校", "School"),
        "school_year": ("学年", "School year"),
        "term": ("学期", "Term"),
        "subject": ("学科", "Subject"),
        "stage": ("学段", "Stage"),
        "count": ("需求人数", "Teachers needed"),
        "priority": ("紧急程度", "Priority"),
        "notes": ("说明", "Notes"),
        "filled": ("已安排", "Placed"),
    },
    export_exclude=frozenset({"version", "created_at", "updated_at"}),
)


def needs_query(*, caller: Caller, filters: NeedFilters) -> Select[Any]:
    stmt = where_equal(
        policy.readable(caller, StaffingNeed),
        StaffingNeed,
        filters,
        only=("school_id", "school_year", "term", "subject", "priority"),
    )
    if filters.region_id is not None:
        region = select(Region.path).where(Region.id == filters.region_id).scalar_subquery()
        schools = (
            select(School.id)
            .join(Region, School.region_id == Region.id)
            .where(Region.path.startswith(region))
        )
        stmt = stmt.where(StaffingNeed.school_id.in_(schools))
    if filters.open is not None:
        stmt = stmt.where(
            (StaffingNeed.filled < StaffingNeed.teacher_count)
            if filters.open
            else (StaffingNeed.filled >= StaffingNeed.teacher_count)
        )
    return stmt


async def get_need(session: AsyncSession, *, caller: Caller, need_id: int) -> StaffingNeed:
    return await policy.get_readable(session, caller, StaffingNeed, need_id, entity="need", options=LOAD)


async def _school_for_need(session: AsyncSession, caller: Caller, school_id: int | None) -> School:
    if school_id is None:
        if caller.school_id is None:
            raise ValidationFailed("need_school_required", field="school_id")
        school_id = caller.school_id
    school = await session.scalar(policy.readable(caller, School).where(School.id == school_id))
    if school is None:
        raise ValidationFailed("not_found", field="school_id", entity="entity.school")
    if not policy.can_edit_needs(caller, school.id):
        raise Forbidden("need_own_school_only")
    return school


async def create_need(session: AsyncSession, *, caller: Caller, data: NeedCreate) -> StaffingNeed:
    if caller.role not in ("bureau_admin", "school_admin"):
        raise Forbidden()
    school = await _school_for_need(session, caller, data.school_id)
    need = StaffingNeed(
        school_id=school.id,
        school_year=data.school_year,
        term=data.term,
        subject=data.subject.strip(),
        stage=data.stage or school.stage,
        teacher_count=data.count,
        priority=data.priority,
        notes=data.notes,
        created_by_id=caller.user_id,
    )
    session.add(need)
    await session.flush()
    need = await get_need(session, caller=caller, need_id=need.id)
    await audit.record_created(session, caller, need, entity="need", read_model=NeedRead)
    return need


async def update_need(
    session: AsyncSession, *, caller: Caller, need_id: int, data: NeedUpdate, expected_version: int | None
) -> StaffingNeed:
    need = await get_need(session, caller=caller, need_id=need_id)
    if not policy.can_edit_needs(caller, need.school_id):
        raise Forbidden("need_own_school_only")
    check_version(need.version, expected_version)
    changes = updates.changed_fields(need, data, exclude={"count"})
    if "subject" in changes:
        changes["subject"] = changes["subject"].strip()
    if data.count is not None and data.count != need.teacher_count:
        if data.count < need.filled:
            raise ValidationFailed("need_below_filled", field="count", filled=need.filled)
        changes["teacher_count"] = data.count
    if not changes:
        return need
    before = audit.snapshot(NeedRead, need)
    updates.apply(need, changes)
    await session.flush()
    await session.refresh(need, attribute_names=["filled"])  # a computed column: expired by the flush
    await audit.record(
        session,
        caller,
        action="update",
        entity="need",
        entity_id=need.id,
        before=before,
        after=audit.snapshot(NeedRead, need),
    )
    return need


async def delete_need(
    session: AsyncSession, *, caller: Caller, need_id: int, expected_version: int | None
) -> None:
    need = await get_need(session, caller=caller, need_id=need_id)
    if not policy.can_edit_needs(caller, need.school_id):
        raise Forbidden("need_own_school_only")
    check_version(need.version, expected_version)
    placed = await session.scalar(select(Rotation.id).where(Rotation.need_id == need.id).limit(1))
    if placed is not None:
        raise Conflict("need_has_rotations")
    before = audit.snapshot(NeedRead, need)
    await session.delete(need)
    await session.flush()
    await audit.record(session, caller, action="delete", entity="need", entity_id=need_id, before=before)
