"""The events other systems may subscribe to, with the resource each one carries (see docs/integrations.md).
Each is called by its service inside the change's transaction."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.enums import WebhookEvent
from app.integrations.webhooks import emit


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


async def agreement_status_changed(
    session: AsyncSession, agreement: Any, *, action: str, from_status: str, to_status: str
) -> None:
    await emit(
        session,
        WebhookEvent.agreement_status_changed,
        school_ids=(agreement.supporting_school_id, agreement.receiving_school_id),
        data={
            "agreement": {
                "id": agreement.id,
                "programme_id": agreement.programme_id,
                "title": agreement.title,
                "supporting_school_id": agreement.supporting_school_id,
                "receiving_school_id": agreement.receiving_school_id,
                "start_date": _iso(agreement.start_date),
                "end_date": _iso(agreement.end_date),
                "status": to_status,
                "version": agreement.version,
            },
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
        },
    )


async def meeting_held(session: AsyncSession, meeting: Any, agreement: Any) -> None:
    await emit(
        session,
        WebhookEvent.meeting_held,
        school_ids=(agreement.supporting_school_id, agreement.receiving_school_id),
        data={
            "meeting": {
                "id": meeting.id,
                "agreement_id": meeting.agreement_id,
                "kind": meeting.kind,
                "scheduled_date": _iso(meeting.scheduled_date),
                "held_date": _iso(meeting.held_date),
                "location": meeting.location,
                "status": meeting.status,
                "version": meeting.version,
            }
        },
    )


def _rotation(rotation: Any) -> dict[str, Any]:
    return {
        "id": rotation.id,
        "teacher_id": rotation.teacher_id,
        "from_school_id": rotation.from_school_id,
        "to_school_id": rotation.to_school_id,
        "agreement_id": rotation.agreement_id,
        "direction": rotation.direction,
        "start_date": _iso(rotation.start_date),
        "end_date": _iso(rotation.end_date),
        "status": rotation.status,
        "version": rotation.version,
    }


async def rotation_status_changed(
    session: AsyncSession, rotation: Any, *, action: str, from_status: str
) -> None:
    await emit(
        session,
        WebhookEvent.rotation_status_changed,
        school_ids=(rotation.from_school_id, rotation.to_school_id),
        data={
            "rotation": _rotation(rotation),
            "action": action,
            "from_status": from_status,
            "to_status": rotation.status,
        },
    )


async def checkin_created(session: AsyncSession, checkin: Any, rotation: Any) -> None:
    await emit(
        session,
        WebhookEvent.checkin_created,
        school_ids=(rotation.from_school_id, rotation.to_school_id),
        data={
            "checkin": {
                "id": checkin.id,
                "rotation_id": checkin.rotation_id,
                "teacher_id": checkin.teacher_id,
                "date": _iso(checkin.date),
                "checked_in_at": _iso(checkin.checked_in_at),
                "flagged": checkin.flagged,
            }
        },
    )


async def evaluation_submitted(session: AsyncSession, evaluation: Any, rotation: Any) -> None:
    await emit(
        session,
        WebhookEvent.evaluation_submitted,
        school_ids=(rotation.from_school_id, rotation.to_school_id),
        data={
            "evaluation": {
                "id": evaluation.id,
                "rotation_id": evaluation.rotation_id,
                "evaluator_school_id": evaluation.evaluator_school_id,
                "scores": evaluation.scores,
                "total": str(evaluation.total),
                "grade": evaluation.grade,
                "submitted_at": _iso(evaluation.submitted_at),
            }
        },
    )
