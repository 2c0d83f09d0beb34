"""What a dispatched teacher records day to day: leave requests (decided by the host school) and
the work log (lessons, open classes, mentoring...), with an optional photo."""

from datetime import date

from fastapi import UploadFile
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.attachments.service import read_limited, sniff
from app.core import audit, policy, updates
from app.core.clock import now, today
from app.core.config import get_settings
from app.core.enums import LeaveStatus, Role, RotationStatus
from app.core.errors import Conflict, Forbidden, InvalidTransition, UnsupportedMediaType, ValidationFailed
from app.core.i18n import t
from app.core.policy import Caller
from app.core.storage import content_key, get_storage
from app.core.versioning import check_version
from app.rotations import reminders, rules
from app.rotations.models import Leave, Rotation, WorkLog
from app.rotations.schemas import LeaveCreate, LeaveRead, WorkLogCreate, WorkLogRead, WorkLogUpdate
from app.rotations.service import get_rotation, sides_of

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})


def _ensure_own(caller: Caller, rotation: Rotation) -> None:
    """Only the rotated teacher writes their own leave requests and log."""
    if caller.role != Role.teacher or caller.teacher_id != rotation.teacher_id:
        raise Forbidden("own_records_only")


def _within(rotation: Rotation, day: date, field: str) -> None:
    if not rotation.start_date <= day <= rotation.end_date:
        raise ValidationFailed("date_outside_rotation", field=field)


# --- leave -----------------------------------------------------------------------------------


def present_leave(caller: Caller, rotation: Rotation, leave: Leave) -> Leave:
    leave.allowed_actions = rules.leave_allowed(leave.status, sides_of(caller, rotation))  # type: ignore[attr-defined]
    leave.next_actor = (  # type: ignore[attr-defined]
        rules.host_party(rotation.direction) if leave.status == LeaveStatus.pending else None
    )
    return leave


async def leaves_of(session: AsyncSession, *, caller: Caller, rotation_id: int) -> list[Leave]:
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id)
    leaves = await session.scalars(
        policy.readable(caller, Leave)
        .where(Leave.rotation_id == rotation_id)
        .order_by(Leave.start_date.desc(), Leave.id.desc())
    )
    return [present_leave(caller, rotation, leave) for leave in leaves]


async def request_leave(
    session: AsyncSession, *, caller: Caller, rotation_id: int, data: LeaveCreate
) -> Leave:
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id)
    _ensure_own(caller, rotation)
    if rotation.status not in (RotationStatus.approved, RotationStatus.active):
        raise Conflict("leave_needs_running", status=f"rotation_status.{rotation.status.value}")
    _within(rotation, data.start_date, "start_date")
    _within(rotation, data.end_date, "end_date")
    clash = await session.scalar(
        select(Leave.id).where(
            Leave.rotation_id == rotation.id,
            Leave.status.in_((LeaveStatus.pending, LeaveStatus.approved)),
            Leave.start_date <= data.end_date,
            Leave.end_date >= data.start_date,
        )
    )
    if clash is not None:
        raise Conflict("leave_overlap", other=clash)
    leave = Leave(rotation_id=rotation.id, teacher_id=rotation.teacher_id, **data.model_dump())
    session.add(leave)
    await session.flush()
    present_leave(caller, rotation, leave)
    await audit.record_created(session, caller, leave, entity="leave", read_model=LeaveRead)
    await reminders.leave_requested(session, rotation, leave)
    return leave


async def decide_leave(
    session: AsyncSession,
    *,
    caller: Caller,
    leave_id: int,
    action: str,
    comment: str,
    expected_version: int | None,
) -> Leave:
    leave = await policy.get_readable(session, caller, Leave, leave_id, entity="leave", for_update=True)
    rotation = await get_rotation(session, caller=caller, rotation_id=leave.rotation_id)
    check_version(leave.version, expected_version)
    present_leave(caller, rotation, leave)
    step = rules.LEAVE_STEPS.get((leave.status, action))
    if step is None:
        allowed = "、".join(t(f"action.{a}") for a in leave.allowed_actions) or t("action.none")  # type: ignore[attr-defined]
        raise InvalidTransition(
            "invalid_transition",
            status=f"leave_status.{leave.status.value}",
            action=f"action.{action}",
            allowed=allowed,
        )
    if action not in leave.allowed_actions:  # type: ignore[attr-defined]
        raise Forbidden("not_your_step", party=f"party.{rules.host_party(rotation.direction)}")
    if step.needs_reason and not comment.strip():
        raise ValidationFailed("comment_required", field="comment")
    before = leave.status
    leave.status = step.to
    leave.decision_comment = comment.strip()
    leave.decided_by_id = caller.user_id
    leave.decided_at = now()
    await session.flush()
    await audit.record(
        session,
        caller,
        action=f"leave_{action}",
        entity="leave",
        entity_id=leave.id,
        before={"status": before.value},
        after={"status": step.to.value, "comment": leave.decision_comment},
    )
    await reminders.leave_decided(session, rotation, leave)
    return present_leave(caller, rotation, leave)


# --- work log --------------------------------------------------------------------------------


async def logs_of(session: AsyncSession, *, caller: Caller, rotation_id: int) -> list[WorkLog]:
    await get_rotation(session, caller=caller, rotation_id=rotation_id)
    return list(
        await session.scalars(
            policy.readable(caller, WorkLog)
            .where(WorkLog.rotation_id == rotation_id)
            .order_by(WorkLog.date.desc(), WorkLog.id.desc())
        )
    )


def _check_log_day(rotation: Rotation, day: date) -> None:
    if day > today():
        raise ValidationFailed("log_future", field="date")
    _within(rotation, day, "date")


async def write_log(
    session: AsyncSession, *, caller: Caller, rotation_id: int, data: WorkLogCreate
) -> WorkLog:
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id)
    _ensure_own(caller, rotation)
    if rotation.status != RotationStatus.active:
        raise Conflict("log_needs_active", status=f"rotation_status.{rotation.status.value}")
    day = data.date or today()
    _check_log_day(rotation, day)
    log = WorkLog(
        rotation_id=rotation.id, teacher_id=rotation.teacher_id, **{**data.model_dump(), "date": day}
    )
    session.add(log)
    await session.flush()
    await audit.record_created(session, caller, log, entity="work_log", read_model=WorkLogRead)
    return log


async def _own_log(session: AsyncSession, caller: Caller, log_id: int) -> tuple[WorkLog, Rotation]:
    log = await policy.get_readable(session, caller, WorkLog, log_id, entity="work_log", for_update=True)
    rotation = await get_rotation(session, caller=caller, rotation_id=log.rotation_id)
    _ensure_own(caller, rotation)
    if rotation.status != RotationStatus.active:
        raise Conflict("log_needs_active", status=f"rotation_status.{rotation.status.value}")
    return log, rotation


async def edit_log(
    session: AsyncSession, *, caller: Caller, log_id: int, data: WorkLogUpdate, expected_version: int | None
) -> WorkLog:
    log, rotation = await _own_log(session, caller, log_id)
    check_version(log.version, expected_version)
    changes = updates.changed_fields(log, data)
    if "date" in changes:
        _check_log_day(rotation, changes["date"])
    if changes:
        await audit.apply_changes(session, caller, log, changes, entity="work_log", read_model=WorkLogRead)
    return log


async def attach_photo(session: AsyncSession, *, caller: Caller, log_id: int, file: UploadFile) -> WorkLog:
    log, _ = await _own_log(session, caller, log_id)
    data = await read_limited(file, get_settings().attachment_max_bytes)
    content_type = sniff(data)
    if content_type not in IMAGE_TYPES:
        raise UnsupportedMediaType("unsupported_image")
    key = content_key(data)
    await get_storage().put(key, data)
    log.photo_key, log.photo_content_type = key, content_type
    await session.flush()
    await audit.record(
        session, caller, action="photo", entity="work_log", entity_id=log.id, after={"photo": key}
    )
    return log


async def photo_of(session: AsyncSession, *, caller: Caller, log_id: int) -> tuple[bytes, str]:
    log = await policy.get_readable(session, caller, WorkLog, log_id, entity="work_log")
    if log.photo_key is None or log.photo_content_type is None:
        raise Conflict("log_no_photo")
    return await get_storage().get(log.photo_key), log.photo_content_type
