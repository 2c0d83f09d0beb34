"""The supply side of a plan: eligible teachers of the supporting schools, and the ones kept back."""

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from app.core import audit, policy
from app.core.clock import now
from app.core.errors import Conflict, Forbidden, ValidationFailed
from app.core.listing import ListSpec
from app.core.policy import Caller
from app.planning.models import TeacherUnavailability
from app.planning.schemas import SupplyFilters, SupplyRow, UnavailabilityCreate, UnavailabilityRead
from app.regions.models import Region
from app.rotations import compliance
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject

LIST_SPEC = ListSpec(
    read_model=SupplyRow,
    sortable={"name": Teacher.name, "hire_date": Teacher.hire_date, "backbone_level": Teacher.backbone_level},
    default_sort=(Teacher.school_id, Teacher.id),
    searchable=(Teacher.name,),
    options=(joinedload(Teacher.school), selectinload(Teacher.subject_rows)),
    sheet="supply",
    labels={
        "teacher_id": ("教师编号", "Teacher ID"),
        "name": ("姓名", "Name"),
        "school_name": ("所在学校", "School"),
        "stage": ("学段", "Stage"),
        "subjects": ("任教学科", "Subjects"),
        "backbone_level": ("骨干级别", "Backbone level"),
        "title_rank": ("职称", "Title"),
        "hire_date": ("到校日期", "Joined the school"),
        "available": ("可交流", "Available"),
        "unavailable_reason": ("不可交流原因", "Why not available"),
    },
    export_exclude=frozenset({"school_id", "unavailability_id"}),
)


async def supply_query(session: AsyncSession, *, caller: Caller, filters: SupplyFilters) -> Select[Any]:
    """Eligible teachers of the supporting schools not yet dispatched in the school year."""
    if caller.role == "teacher":
        raise Forbidden()
    programme = await compliance.programme_in_force(session, caller, None)
    years = programme.rotation_eligibility_years if programme else 6
    supporting = compliance.supporting_schools(caller, filters.school_year, programme).with_only_columns(
        School.id
    )
    stmt = compliance.candidates_query(
        caller=caller, school_year=filters.school_year, years=years, school_id=filters.school_id
    ).where(Teacher.school_id.in_(supporting.order_by(None)))
    if filters.region_id is not None:
        path = select(Region.path).where(Region.id == filters.region_id).scalar_subquery()
        stmt = stmt.where(
            Teacher.school_id.in_(
                select(School.id)
                .join(Region, School.region_id == Region.id)
                .where(Region.path.startswith(path))
            )
        )
    if filters.subject:
        stmt = stmt.where(
            Teacher.id.in_(select(TeacherSubject.teacher_id).where(TeacherSubject.subject == filters.subject))
        )
    away = select(TeacherUnavailability.teacher_id).where(
        TeacherUnavailability.school_year == filters.school_year
    )
    if filters.available is True:
        stmt = stmt.where(Teacher.id.not_in(away))
    elif filters.available is False:
        stmt = stmt.where(Teacher.id.in_(away))
    return stmt


def supply_rows(school_year: int) -> tuple[Any, Any]:
    """`enrich` and `decorate` for listing.respond: the year's unavailability of the page's teachers."""
    marks: dict[int, TeacherUnavailability] = {}

    async def enrich_with(session: AsyncSession, rows: Any) -> None:
        ids = [teacher.id for teacher in rows]
        for mark in await session.scalars(
            select(TeacherUnavailability).where(
                TeacherUnavailability.school_year == school_year, TeacherUnavailability.teacher_id.in_(ids)
            )
        ):
            marks[mark.teacher_id] = mark

    def decorate(teacher: Teacher) -> dict[str, Any]:
        mark = marks.get(teacher.id)
        return {
            "teacher_id": teacher.id,
            "name": teacher.name,
            "school_id": teacher.school_id,
            "school_name": teacher.school.name,
            "stage": teacher.school.stage,
            "subjects": teacher.subjects,
            "backbone_level": teacher.backbone_level,
            "title_rank": teacher.title_rank,
            "hire_date": teacher.hire_date,
            "available": mark is None,
            "unavailability_id": mark.id if mark else None,
            "unavailable_reason": mark.reason if mark else None,
        }

    return enrich_with, decorate


def unavailability_query(*, caller: Caller, school_year: int | None, school_id: int | None) -> Select[Any]:
    stmt = policy.readable(caller, TeacherUnavailability).order_by(TeacherUnavailability.id)
    if school_year is not None:
        stmt = stmt.where(TeacherUnavailability.school_year == school_year)
    if school_id is not None:
        stmt = stmt.where(
            TeacherUnavailability.teacher_id.in_(select(Teacher.id).where(Teacher.school_id == school_id))
        )
    return stmt


async def mark_unavailable(
    session: AsyncSession, *, caller: Caller, data: UnavailabilityCreate
) -> TeacherUnavailability:
    teacher = await session.scalar(policy.readable(caller, Teacher).where(Teacher.id == data.teacher_id))
    if teacher is None:
        raise ValidationFailed("not_found", field="teacher_id", entity="entity.teacher")
    if not policy.can_edit_roster(caller, teacher.school_id):
        raise Forbidden()
    mark = TeacherUnavailability(
        teacher_id=teacher.id,
        school_year=data.school_year,
        reason=data.reason.strip(),
        created_by_id=caller.user_id,
        created_at=now(),
    )
    try:
        async with session.begin_nested():
            session.add(mark)
            await session.flush()
    except IntegrityError:
        raise Conflict("teacher_already_unavailable") from None
    await audit.record_created(session, caller, mark, entity="unavailability", read_model=UnavailabilityRead)
    return mark


async def clear_unavailable(session: AsyncSession, *, caller: Caller, mark_id: int) -> None:
    mark = await policy.get_readable(
        session,
        caller,
        TeacherUnavailability,
        mark_id,
        entity="unavailability",
        options=(joinedload(TeacherUnavailability.teacher),),
    )
    if not policy.can_edit_roster(caller, mark.teacher.school_id):
        raise Forbidden()
    before = audit.snapshot(UnavailabilityRead, mark)
    await session.delete(mark)
    await session.flush()
    await audit.record(
        session, caller, action="delete", entity="unavailability", entity_id=mark_id, before=before
    )
