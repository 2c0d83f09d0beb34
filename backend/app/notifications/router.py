from typing import Any

from fastapi import APIRouter

from app.core.deps import CurrentCaller, SessionDep
from app.core.schemas import problem_responses
from app.notifications.service import Notification, notifications_for

router = APIRouter(tags=["notifications"])


@router.get("/notifications", response_model=list[Notification], responses=problem_responses(401))
async def list_notifications(session: SessionDep, caller: CurrentCaller) -> Any:
    """Reminders: agreements ending soon (30 days, 7 days, today) and signing steps waiting for the caller."""
    return await notifications_for(session, caller)
