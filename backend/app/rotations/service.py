"""Proposing, approving and running rotations; daily check-ins; each teacher's service record."""

import math
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.agreements.models import Agreement
from app.core import audit, policy
from app.core.clock import local_date, now, today
from app.core.enums import (
    AgreementStatus,
    EvaluationStatus,
    Role,
    RotationDirection,
    RotationStatus,
    SchoolLocale,
)
from app.core.errors import Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed
from app.core.i18n import t
from app.core.listing import ListSpec, named, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.integrations import events
from app.rotations import reminders, rules
from app.rotations.models import CheckIn, Evaluation, Rotation
from app.rotations.reports import title_rule
from app.rotations.schemas import (
    CheckInCreate,
    RotationBulkCreate,
    RotationCreate,
    RotationFilters,
    RotationPlan,
    RotationRead,
    ServiceRecord,
)
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject

LOAD = (joinedload(Rotation.teacher), joinedload(Rotation.from_school), joinedload(Rotation.to_school))
# Only the receiving school's position, for the distance.
CHECKIN_LOAD = (named(Rotation.to_school, School.latitude, School.longitude),)
LIST_LOAD = (
    named(Rotation.teacher, Teacher.name),
    named(Rotation.from_school, School.name),
    named(Rotation.to_school, School.name),
)
LIST_SPEC = ListSpec(
    read_model=RotationRead,
    sortable={"start_date": Rotation.start_date, "end_date": Rotation.end_date, "status": Rotation.status},
    default_sort=(Rotation.start_date.desc(), Rotation.id.desc()),
    options=LIST_LOAD,
    sheet="rotations",
    export_exclude=frozenset({"allowed_actions"}),
    labels={
        "id": ("编号", "ID"),
        "teacher_name": ("教师", "Teacher"),
        "from_school_name": ("派出学校", "Home school"),
        "to_school_name": ("接收学校", "Host school"),
        "direction": ("方向", "Direction"),
        "kind": ("类型", "Kind"),
        "subjects": ("学科", "Subjects"),
        "start_date": ("开始日期", "Start"),
        "end_date": ("结束日期", "End"),
        "personnel_moved": ("调动人事关系", "Personnel moved"),
        "status": ("状态", "Status"),
    },
)
CHECKIN_RADIUS_M = 1000


def sides_of(caller: Caller, rotation: Rotation) -> frozenset[str]:
    sides = set()
    if caller.role == Role.bureau_admin:
        sides.add("bureau")
    if caller.role == Role.school_admin and caller.school_id == rotation.from_school_id:
        sides.add("home")
    if caller.role == Role.school_admin and caller.school_id == rotation.to_school_id:
        sides.add("host")
    return frozenset(sides)


def present(caller: Caller, rotation: Rotation) -> Rotation:
    rotation.allowed_actions = rules.allowed(  # type: ignore[attr-defined]
        rotation.status, sides_of(caller, rotation), caller.role == Role.bureau_admin
    )
    rotation.next_actor = rules.next_actor(rotation.status, rotation.direction)  # type: ignore[attr-defined]
    return rotation


def rotations_query(*, caller: Caller, filters: RotationFilters) -> Select[Any]:
    stmt = policy.readable(caller, Rotation)
    stmt = where_equal(stmt, Rotation, filters, only=("status", "teacher_id", "agreement_id", "direction"))
    if filters.school_id is not None:
        stmt = stmt.where(
            (Rotation.from_school_id == filters.school_id) | (Rotation.to_school_id == filters.school_id)
        )
    if filters.subject is not None:
        stmt = stmt.where(
            Rotation.teacher_id.in_(
                select(TeacherSubject.teacher_id).where(TeacherSubject.subject == filters.subject)
            )
        )
    if filters.school_year is not None:
        # A term narrows the school year to its months; either way: rotations overlapping the period.
        first, last = (
            rules.term_dates(filters.term, filters.school_year)
            if filters.term is not None
            else (date(filters.school_year, 9, 1), date(filters.school_year + 1, 8, 31))
        )
        stmt = stmt.where(Rotation.start_date <= last, Rotation.end_date >= first)
    return stmt


async def get_rotation(
    session: AsyncSession, *, caller: Caller, rotation_id: int, for_update: bool = False
) -> Rotation:
    rotation = await policy.get_readable(
        session, caller, Rotation, rotation_id, entity="rotation", options=LOAD, for_update=for_update
    )
    return present(caller, rotation)


async def _check_no_overlap(
    session: AsyncSession, teacher_id: int, start: date, end: date, except_id: int | None = None
) -> None:
    """A teacher is in one place at a time. The teacher's row is locked first, so concurrent proposals
    and approvals for the same teacher queue instead of double-booking."""
    await session.execute(select(Teacher.id).where(Teacher.id == teacher_id).with_for_update())
    stmt = select(Rotation.id).where(
        Rotation.teacher_id == teacher_id,
        Rotation.status.in_(rules.HOLDING),
        Rotation.start_date <= end,
        Rotation.end_date >= start,
    )
    if except_id is not None:
        stmt = stmt.where(Rotation.id != except_id)
    clash = await session.scalar(stmt.limit(1))
    if clash is not None:
        raise Conflict("rotation_overlap", other=clash)


async def _check_plan(session: AsyncSession, caller: Caller, plan: RotationPlan) -> tuple[date, date]:
    if caller.role not in (Role.bureau_admin, Role.school_admin):
        raise Forbidden()
    if caller.role == Role.school_admin and caller.school_id != plan.from_school_id:
        raise Forbidden("rotation_home_only")
    for field, school_id in (("from_school_id", plan.from_school_id), ("to_school_id", plan.to_school_id)):
        if (
            await session.scalar(
                policy.readable(caller, School).with_only_columns(School.id).where(School.id == school_id)
            )
            is None
        ):
            raise ValidationFailed("not_found", field=field, entity="entity.school")
    if plan.agreement_id is not None:
        agreement = await session.scalar(
            policy.readable(caller, Agreement).where(Agreement.id == plan.agreement_id)
        )
        if agreement is None or agreement.status != AgreementStatus.active:
            raise ValidationFailed("rotation_agreement_inactive", field="agreement_id")
        expected = (
            (agreement.supporting_school_id, agreement.receiving_school_id)
            if plan.direction == RotationDirection.dispatch
            else (agreement.receiving_school_id, agreement.supporting_school_id)
        )
        if (plan.from_school_id, plan.to_school_id) != expected:
            raise ValidationFailed("rotation_direction_mismatch", field="direction")
    if plan.start_date is not None and plan.end_date is not None:
        return plan.start_date, plan.end_date
    assert plan.term is not None and plan.school_year is not None
    return rules.term_dates(plan.term, plan.school_year)


async def _propose_one(
    session: AsyncSession, caller: Caller, plan: RotationPlan, teacher_id: int, period: tuple[date, date]
) -> Rotation:
    home = await session.scalar(select(Teacher.school_id).where(Teacher.id == teacher_id))
    if home != plan.from_school_id:
        raise ValidationFailed("rotation_teacher_not_home", field="teacher_id")
    await _check_no_overlap(session, teacher_id, *period)
    fields = plan.model_dump(
        exclude={"term", "school_year", "start_date", "end_date", "teacher_id", "teacher_ids"}
    )
    rotation = Rotation(
        teacher_id=teacher_id,
        start_date=period[0],
        end_date=period[1],
        created_by_id=caller.user_id,
        **fields,
    )
    session.add(rotation)
    await session.flush()
    return rotation


async def propose(session: AsyncSession, *, caller: Caller, data: RotationCreate) -> Rotation:
    period = await _check_plan(session, caller, data)
    rotation = await _propose_one(session, caller, data, data.teacher_id, period)
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation.id)
    await audit.record_created(session, caller, rotation, entity="rotation", read_model=RotationRead)
    await reminders.rotation_proposed(session, rotation, actor_id=caller.user_id)
    return rotation


async def propose_many(session: AsyncSession, *, caller: Caller, data: RotationBulkCreate) -> list[Rotation]:
    """Several teachers at once (the plans send 7 or 14 together): all are proposed, or none."""
    period = await _check_plan(session, caller, data)
    created = []
    for teacher_id in dict.fromkeys(data.teacher_ids):
        rotation = await _propose_one(session, caller, data, teacher_id, period)
        created.append(rotation.id)
    session.expire_all()
    rotations = [await get_rotation(session, caller=caller, rotation_id=rid) for rid in created]
    for rotation in rotations:
        await audit.record_created(session, caller, rotation, entity="rotation", read_model=RotationRead)
        await reminders.rotation_proposed(session, rotation, actor_id=caller.user_id)
    return rotations


async def _has_final_evaluation(session: AsyncSession, rotation: Rotation) -> bool:
    """A rotation completes after the host school's evaluation ("at the end, after evaluation")."""
    found = await session.scalar(
        select(Evaluation.id).where(
            Evaluation.rotation_id == rotation.id,
            Evaluation.evaluator_school_id == rotation.to_school_id,
            Evaluation.status == EvaluationStatus.submitted,
        )
    )
    return found is not None


async def transition(
    session: AsyncSession,
    *,
    caller: Caller,
    rotation_id: int,
    action: str,
    comment: str,
    expected_version: int | None,
) -> Rotation:
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id, for_update=True)
    check_version(rotation.version, expected_version)
    step = rules.STEPS.get((rotation.status, action))
    allowed: list[str] = rotation.allowed_actions  # type: ignore[attr-defined]
    if step is None:
        names = "、".join(t(f"action.{a}") for a in allowed) or t("action.none")
        raise InvalidTransition(
            "invalid_transition",
            status=f"rotation_status.{rotation.status.value}",
            action=f"action.{action}",
            allowed=names,
        )
    if action not in allowed:
        raise Forbidden()
    if step.needs_reason and not comment.strip():
        raise ValidationFailed("comment_required", field="comment")
    if action == "complete" and not await _has_final_evaluation(session, rotation):
        raise Conflict("complete_needs_evaluation")
    if action == "approve":
        await _check_no_overlap(
            session, rotation.teacher_id, rotation.start_date, rotation.end_date, rotation.id
        )
    before = rotation.status
    rotation.status = step.to
    if action == "withdraw":
        rotation.withdraw_reason = comment.strip()
    if action == "arrive":
        rotation.arrived_at = now()
    await session.flush()
    await audit.record(
        session,
        caller,
        action=action,
        entity="rotation",
        entity_id=rotation.id,
        before={"status": before.value},
        after={"status": step.to.value, "comment": comment},
    )
    await reminders.rotation_step_taken(session, rotation)
    await events.rotation_status_changed(session, rotation, action=action, from_status=before.value)
    return present(caller, rotation)


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    """Great-circle distance (haversine), metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return round(2 * 6_371_000 * math.asin(math.sqrt(a)))


async def check_in(
    session: AsyncSession, *, caller: Caller, rotation_id: int, data: CheckInCreate
) -> tuple[CheckIn, bool]:
    """The teacher's check-in for a day; a second tap the same day answers the first. (record, created?)"""
    rotation = await policy.get_readable(
        session, caller, Rotation, rotation_id, entity="rotation", options=CHECKIN_LOAD
    )
    if caller.role != Role.teacher or caller.teacher_id != rotation.teacher_id:
        raise Forbidden()
    if rotation.status != RotationStatus.active:
        raise Conflict("checkin_needs_active")
    tapped = data.checked_in_at or now()
    if tapped.tzinfo is None:
        raise ValidationFailed("timezone_required", field="checked_in_at")
    day = data.date or local_date(tapped)
    if tapped > now() or day > today():
        raise ValidationFailed("checkin_future", field="checked_in_at")
    if not rotation.start_date <= day <= rotation.end_date:
        raise ValidationFailed("checkin_outside_rotation", field="date")
    distance = None
    school = rotation.to_school
    if None not in (data.latitude, data.longitude, school.latitude, school.longitude):
        distance = _distance_m(data.latitude, data.longitude, school.latitude, school.longitude)  # type: ignore[arg-type]
    record = await session.scalar(
        _insert_checkin(session.get_bind().dialect.name),
        {
            "rotation_id": rotation.id,
            "teacher_id": rotation.teacher_id,
            "date": day,
            "checked_in_at": tapped,
            "note": data.note,
            "latitude": data.latitude,
            "longitude": data.longitude,
            "distance_m": distance,
            "flagged": distance is not None and distance > CHECKIN_RADIUS_M,
        },
    )
    if record is None:  # that day's check-in exists: the first tap is the answer
        existing = await session.scalar(
            select(CheckIn).where(CheckIn.teacher_id == rotation.teacher_id, CheckIn.date == day)
        )
        assert existing is not None  # the conflict was on (teacher_id, date): it is that row
        return existing, False
    await audit.record(
        session,
        caller,
        action="checkin",
        entity="rotation",
        entity_id=rotation.id,
        after={"date": day.isoformat(), "flagged": record.flagged},
    )
    await events.checkin_created(session, record, rotation)
    return record, True


@cache
def _insert_checkin(dialect: str) -> Any:
    """One statement whether or not the day is already recorded (a second tap, or two taps at once):
    INSERT ... ON CONFLICT DO NOTHING RETURNING, where a look-up, a savepoint and an INSERT took four
    round trips on the busiest write of the day. Built once per dialect, the values sent as parameters."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return (
        insert(CheckIn)
        .on_conflict_do_nothing(index_elements=[CheckIn.teacher_id, CheckIn.date])
        .returning(CheckIn)
    )


async def checkins_of(session: AsyncSession, *, caller: Caller, rotation_id: int) -> list[CheckIn]:
    await get_rotation(session, caller=caller, rotation_id=rotation_id)
    return list(
        (
            await session.scalars(
                policy.readable(caller, CheckIn)
                .where(CheckIn.rotation_id == rotation_id)
                .order_by(CheckIn.date.desc())
            )
        ).all()
    )


async def service_record(session: AsyncSession, *, caller: Caller, teacher_id: int) -> ServiceRecord:
    """Completed dispatch days at rural/remote schools and at weak schools, against the title rule
    (default: 365 rural days or 1,095 weak days, from the bureau's newest programme)."""
    teacher = await session.scalar(policy.readable(caller, Teacher).where(Teacher.id == teacher_id))
    if teacher is None:
        raise NotFound("teacher")
    rotations = (
        await session.scalars(
            select(Rotation)
            .where(
                Rotation.teacher_id == teacher_id,
                Rotation.status == RotationStatus.completed,
                Rotation.direction == RotationDirection.dispatch,
            )
            .options(*LOAD)
            .order_by(Rotation.start_date)
        )
    ).all()
    rural = sum(
        (r.end_date - r.start_date).days + 1
        for r in rotations
        if r.to_school.locale in (SchoolLocale.rural, SchoolLocale.remote)
    )
    weak = sum((r.end_date - r.start_date).days + 1 for r in rotations if r.to_school.is_weak)
    need_rural, need_weak = await title_rule(session, caller)
    return ServiceRecord(
        teacher_id=teacher_id,
        rural_service_days=rural,
        weak_service_days=weak,
        completed_rotations=[RotationRead.model_validate(present(caller, r)) for r in rotations],
        eligible_for_title=rural >= need_rural or weak >= need_weak,
        required_rural_days=need_rural,
        required_weak_days=need_weak,
    )
