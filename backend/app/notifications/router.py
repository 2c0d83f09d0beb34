from typing import Any

from fastapi import APIRouter, Response, status

from app.core.deps import CurrentCaller, SessionDep
from app.core.schemas import problem_responses
from app.notifications import service
from app.notifications.service import Inbox

router = APIRouter(prefix="/notifications", tags=["notifications"])


@router.get("", response_model=Inbox, responses=problem_responses(401))
async def list_notifications(session: SessionDep, caller: CurrentCaller, unread_only: bool = False) -> Any:
    """The caller's reminders, unread first: agreements ending (30 days, 7 days, today), signing steps and
    minutes waiting for them, follow-up items due or overdue, pairs at risk of missing a meeting, and for
    bureau admins a weekly digest of non-compliant pairs."""
    return await service.inbox(session, caller, unread_only=unread_only)


@router.post(
    "/{notification_id}/read", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 404)
)
async def mark_notification_read(
    notification_id: int, session: SessionDep, caller: CurrentCaller
) -> Response:
    await service.mark_read(session, caller, notification_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/read-all", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401))
async def mark_all_notifications_read(session: SessionDep, caller: CurrentCaller) -> Response:
    await service.mark_read(session, caller)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
