from typing import Any

from sqlalchemy import Select, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.agreements.models import Agreement
from app.core import audit, policy, updates
from app.core.enums import AgreementStatus, RegionLevel
from app.core.errors import Duplicate, Forbidden, ValidationFailed
from app.core.listing import ListSpec, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.regions.models import Region
from app.schools.models import School
from app.schools.schemas import SchoolCreate, SchoolFilters, SchoolRead, SchoolUpdate

LIST_SPEC = ListSpec(
    read_model=SchoolRead,
    sortable={
        "code": School.code,
        "name": School.name,
        "stage": School.stage,
        "locale": School.locale,
        "student_count": School.student_count,
        "teacher_count": School.teacher_count,
    },
    default_sort=(School.code,),
    searchable=(School.name, School.code),
    options=(joinedload(School.region),),
    sheet="schools",
    labels={
        "id": ("编号", "ID"),
        "code": ("学校代码", "Code"),
        "name": ("学校名称", "Name"),
        "stage": ("学段", "Stage"),
        "locale": ("城乡类型", "Locale"),
        "region_id": ("区域编号", "Region ID"),
        "region_name": ("所属区域", "Region"),
        "address": ("地址", "Address"),
        "student_count": ("学生数", "Students"),
        "teacher_count": ("教师数", "Teachers"),
        "is_weak": ("薄弱学校", "Weak school"),
    },
)


def schools_query(*, caller: Caller, filters: SchoolFilters) -> Select[Any]:
    stmt = where_equal(
        policy.readable(caller, School), School, filters, only=("stage", "locale", "region_id", "is_weak")
    )
    if filters.assisted is None and filters.covered is None:
        return stmt
    # The dashboard's coverage, school by school: receiving under the agreements in the caller's scope.
    agreements = select(Agreement.receiving_school_id).where(policy.scope_condition(caller, Agreement))
    if filters.programme_id is not None:
        agreements = agreements.where(Agreement.programme_id == filters.programme_id)
    if filters.assisted is not None:
        assisted = or_(
            School.is_weak.is_(True),
            School.id.in_(agreements.where(Agreement.status != AgreementStatus.draft)),
        )
        stmt = stmt.where(assisted if filters.assisted else not_(assisted))
    if filters.covered is not None:
        covered = School.id.in_(agreements.where(Agreement.status == AgreementStatus.active))
        stmt = stmt.where(covered if filters.covered else not_(covered))
    return stmt


async def get_school(session: AsyncSession, *, caller: Caller, school_id: int) -> School:
    return await policy.get_readable(
        session, caller, School, school_id, entity="school", options=(joinedload(School.region),)
    )


async def _check_region(session: AsyncSession, caller: Caller, region_id: int) -> None:
    region = (
        await session.scalars(policy.readable(caller, Region).where(Region.id == region_id))
    ).one_or_none()
    if region is None or region.level != RegionLevel.county:
        raise ValidationFailed("region_not_county", field="region_id")


async def _check_code_free(session: AsyncSession, code: str, *, except_id: int | None = None) -> None:
    stmt = select(School.id).where(School.code == code)
    if except_id is not None:
        stmt = stmt.where(School.id != except_id)
    if await session.scalar(stmt) is not None:
        raise Duplicate("code", code)


async def create_school(session: AsyncSession, *, caller: Caller, data: SchoolCreate) -> School:
    if not policy.can_manage_schools(caller):
        raise Forbidden()
    await _check_region(session, caller, data.region_id)
    await _check_code_free(session, data.code)
    school = School(**data.model_dump())
    session.add(school)
    await session.flush()
    school = await get_school(session, caller=caller, school_id=school.id)
    await audit.record_created(session, caller, school, entity="school", read_model=SchoolRead)
    return school


async def update_school(
    session: AsyncSession, *, caller: Caller, school_id: int, data: SchoolUpdate, expected_version: int | None
) -> School:
    school = await get_school(session, caller=caller, school_id=school_id)
    if not policy.can_manage_schools(caller):
        raise Forbidden()
    check_version(school.version, expected_version)
    changes = updates.changed_fields(school, data)
    if not changes:
        return school
    if "region_id" in changes:
        await _check_region(session, caller, changes["region_id"])
    if "code" in changes:
        await _check_code_free(session, changes["code"], except_id=school.id)
    await audit.apply_changes(
        session, caller, school, changes, entity="school", read_model=SchoolRead, reload=("region",)
    )
    return school
