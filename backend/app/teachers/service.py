from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from app.core import audit, policy, updates
from app.core.clock import now
from app.core.errors import Forbidden, ValidationFailed
from app.core.listing import ListSpec, named, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject
from app.teachers.schemas import TeacherCreate, TeacherFilters, TeacherRead, TeacherUpdate

LOAD = (joinedload(Teacher.school), selectinload(Teacher.subject_rows))
LIST_LOAD = (named(Teacher.school, School.name), selectinload(Teacher.subject_rows))

LIST_SPEC = ListSpec(
    read_model=TeacherRead,
    sortable={
        "name": Teacher.name,
        "hire_date": Teacher.hire_date,
        "title_rank": Teacher.title_rank,
        "backbone_level": Teacher.backbone_level,
    },
    default_sort=(Teacher.id,),
    searchable=(Teacher.name,),
    options=LIST_LOAD,
    sheet="teachers",
    labels={
        "id": ("编号", "ID"),
        "name": ("姓名", "Name"),
        "gender": ("性别", "Gender"),
        "school_id": ("学校编号", "School ID"),
        "school_name": ("所在学校", "School"),
        "subjects": ("任教学科", "Subjects"),
        "title_rank": ("职称", "Title"),
        "backbone_level": ("骨干级别", "Backbone level"),
        "hire_date": ("入职日期", "Hire date"),
        "birth_date": ("出生日期", "Birth date"),
        "phone": ("电话", "Phone"),
    },
)


def teachers_query(*, caller: Caller, filters: TeacherFilters) -> Select[Any]:
    # Subjects live in their own table; the other filters are columns of the teacher.
    stmt = where_equal(
        policy.readable(caller, Teacher),
        Teacher,
        filters,
        only=("school_id", "backbone_level", "title_rank", "gender"),
    )
    if filters.subject:
        stmt = stmt.where(
            Teacher.id.in_(select(TeacherSubject.teacher_id).where(TeacherSubject.subject == filters.subject))
        )
    return stmt


async def get_teacher(session: AsyncSession, *, caller: Caller, teacher_id: int) -> Teacher:
    return await policy.get_readable(session, caller, Teacher, teacher_id, entity="teacher", options=LOAD)


async def _check_home_school(session: AsyncSession, caller: Caller, school_id: int) -> None:
    """The home school must be one the caller can see and keeps the roster of."""
    visible = await session.scalar(
        policy.readable(caller, School).with_only_columns(School.id).where(School.id == school_id)
    )
    if visible is None:
        raise ValidationFailed("not_found", field="school_id", entity="entity.school")
    if not policy.can_edit_roster(caller, school_id):
        raise Forbidden()


def _set_subjects(teacher: Teacher, subjects: list[str]) -> None:
    teacher.subject_rows = [TeacherSubject(subject=s, position=i) for i, s in enumerate(subjects)]


async def create_teacher(session: AsyncSession, *, caller: Caller, data: TeacherCreate) -> Teacher:
    if caller.role not in ("bureau_admin", "school_admin"):
        raise Forbidden()
    await _check_home_school(session, caller, data.school_id)
    teacher = Teacher(**data.model_dump(exclude={"subjects"}))
    _set_subjects(teacher, data.subjects)
    session.add(teacher)
    await session.flush()
    teacher = await _reload(session, caller, teacher.id)
    await audit.record_created(session, caller, teacher, entity="teacher", read_model=TeacherRead)
    return teacher


async def _reload(session: AsyncSession, caller: Caller, teacher_id: int) -> Teacher:
    session.expire_all()
    return await get_teacher(session, caller=caller, teacher_id=teacher_id)


async def update_teacher(
    session: AsyncSession,
    *,
    caller: Caller,
    teacher_id: int,
    data: TeacherUpdate,
    expected_version: int | None,
) -> Teacher:
    teacher = await get_teacher(session, caller=caller, teacher_id=teacher_id)
    if not policy.can_edit_roster(caller, teacher.school_id):
        raise Forbidden()
    check_version(teacher.version, expected_version)
    changes = updates.changed_fields(teacher, data, exclude={"subjects"})
    subjects_changed = data.subjects is not None and data.subjects != teacher.subjects
    if not changes and not subjects_changed:
        return teacher
    if "school_id" in changes:
        await _check_home_school(session, caller, changes["school_id"])
    before = audit.snapshot(TeacherRead, teacher)
    updates.apply(teacher, changes)
    if subjects_changed and data.subjects is not None:
        _set_subjects(teacher, data.subjects)
        teacher.updated_at = now()  # a subjects-only edit still bumps the version
    await session.flush()
    teacher = await _reload(session, caller, teacher.id)
    await audit.record(
        session,
        caller,
        action="update",
        entity="teacher",
        entity_id=teacher.id,
        before=before,
        after=audit.snapshot(TeacherRead, teacher),
    )
    return teacher
