"""Reminders about rotations, written in the same transaction as the step that causes them (and
settled when the step they ask for is taken), plus the daily "evaluation due" round of the job."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from app.core.enums import EvaluationStatus, Role, RotationStatus
from app.notifications.service import notify, settle
from app.rotations.attendance import bureaus_over
from app.rotations.models import Evaluation, Leave, Rotation
from app.schools.models import School
from app.teachers.models import Teacher
from app.users.models import User

EVALUATION_DUE_DAYS = 14


async def _bureau_admins_over(session: AsyncSession, school_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(User.id).where(
                User.role == Role.bureau_admin,
                User.is_active.is_(True),
                User.organization_id.in_(bureaus_over(school_id)),
            )
        )
    )


async def _school_admins(session: AsyncSession, school_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(User.id).where(
                User.role == Role.school_admin, User.is_active.is_(True), User.school_id == school_id
            )
        )
    )


def _about(rotation: Rotation) -> dict[str, object]:
    return {
        "title": rotation.teacher_name,
        "home": rotation.from_school_name,
        "host": rotation.to_school_name,
        "start": rotation.start_date.isoformat(),
        "end": rotation.end_date.isoformat(),
    }


async def rotation_proposed(session: AsyncSession, rotation: Rotation, *, actor_id: int) -> None:
    admins = [uid for uid in await _bureau_admins_over(session, rotation.from_school_id) if uid != actor_id]
    await notify(
        session,
        admins,
        kind="rotation_waiting",
        key=f"rotation_waiting:{rotation.id}",
        rotation_id=rotation.id,
        payload=_about(rotation),
    )


async def rotation_step_taken(session: AsyncSession, rotation: Rotation) -> None:
    """Approved or withdrawn: the approval reminder is settled; once completed, the evaluation one too."""
    await settle(session, kind="rotation_waiting", rotation_id=rotation.id)
    if rotation.status in (RotationStatus.completed, RotationStatus.withdrawn):
        await settle(session, kind="evaluation_due", rotation_id=rotation.id)


async def leave_requested(session: AsyncSession, rotation: Rotation, leave: Leave) -> None:
    await notify(
        session,
        await _school_admins(session, rotation.to_school_id),
        kind="leave_waiting",
        key=f"leave_waiting:{leave.id}",
        rotation_id=rotation.id,
        payload={
            **_about(rotation),
            "start": leave.start_date.isoformat(),
            "end": leave.end_date.isoformat(),
        },
    )


async def leave_decided(session: AsyncSession, rotation: Rotation, leave: Leave) -> None:
    await settle(session, kind="leave_waiting", rotation_id=rotation.id, key=f"leave_waiting:{leave.id}")
    teacher_accounts = await session.scalars(select(User.id).where(User.teacher_id == rotation.teacher_id))
    await notify(
        session,
        list(teacher_accounts),
        kind="leave_decided",
        key=f"leave_decided:{leave.id}",
        rotation_id=rotation.id,
        payload={
            **_about(rotation),
            "start": leave.start_date.isoformat(),
            "end": leave.end_date.isoformat(),
            "outcome": f"leave_status.{leave.status.value}",
        },
    )


async def evaluations_due(session: AsyncSession) -> int:
    """Active rotations ending within two weeks whose host school has not submitted the evaluation."""
    on = today()
    submitted = select(Evaluation.rotation_id).where(
        Evaluation.status == EvaluationStatus.submitted,
        Evaluation.evaluator_school_id == Rotation.to_school_id,
    )
    rows = await session.execute(
        select(Rotation.id, Rotation.to_school_id, Rotation.end_date, Teacher.name, School.name)
        .join(Teacher, Teacher.id == Rotation.teacher_id)
        .join(School, School.id == Rotation.to_school_id)
        .where(
            Rotation.status == RotationStatus.active,
            Rotation.end_date <= on + timedelta(days=EVALUATION_DUE_DAYS),
            Rotation.id.not_in(submitted),
        )
    )
    created = 0
    for rotation_id, host_id, end, teacher, host in rows.all():
        created += await notify(
            session,
            await _school_admins(session, host_id),
            kind="evaluation_due",
            key=f"evaluation_due:{rotation_id}",
            rotation_id=rotation_id,
            payload={"title": teacher, "host": host, "end": end.isoformat(), "due_date": end.isoformat()},
        )
    return created
