"""In-app reminders, derived from the data each time they are asked for (nothing to send or to forget):
agreements ending within 30 days, within 7 days and today; and signing steps waiting for the caller."""

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements import rules
from app.agreements.models import Agreement, Amendment
from app.agreements.schemas import AgreementFilters
from app.agreements.service import agreements_query
from app.core import policy
from app.core.clock import today
from app.core.enums import AgreementStatus, Role
from app.core.i18n import t
from app.core.policy import Caller

Stage = Literal["30_days", "7_days", "today"]
EXPIRY_WINDOW_DAYS = 30


class Notification(BaseModel):
    kind: Literal["agreement_expiring", "agreement_waiting", "amendment_waiting"]
    agreement_id: int
    amendment_id: int | None = None
    title: str
    stage: Stage | None = None
    due_date: date | None = None
    days_left: int | None = None
    message: str


def expiry_stage(days_left: int) -> Stage:
    if days_left <= 0:
        return "today"
    return "7_days" if days_left <= 7 else "30_days"


async def notifications_for(session: AsyncSession, caller: Caller) -> list[Notification]:
    on = today()
    items: list[Notification] = []
    expiring = await session.scalars(
        agreements_query(caller=caller, filters=AgreementFilters(status=AgreementStatus.active))
        .where(Agreement.end_date >= on, Agreement.end_date <= on + timedelta(days=EXPIRY_WINDOW_DAYS))
        .order_by(Agreement.end_date)
    )
    for agreement in expiring:
        days_left = (agreement.end_date - on).days
        items.append(
            Notification(
                kind="agreement_expiring",
                agreement_id=agreement.id,
                title=agreement.title,
                stage=expiry_stage(days_left),
                due_date=agreement.end_date,
                days_left=days_left,
                message=t(
                    "notice.expiring_today" if days_left == 0 else "notice.expiring",
                    title=agreement.title,
                    days=days_left,
                    end=agreement.end_date.isoformat(),
                ),
            )
        )
    if caller.role in (Role.bureau_admin, Role.school_admin):
        waiting = await session.scalars(
            agreements_query(caller=caller, filters=AgreementFilters(waiting_for_me=True)).order_by(
                Agreement.id
            )
        )
        for agreement in waiting:
            items.append(
                Notification(
                    kind="agreement_waiting",
                    agreement_id=agreement.id,
                    title=agreement.title,
                    message=t(
                        "notice.waiting", title=agreement.title, status=f"status.{agreement.status.value}"
                    ),
                )
            )
        items.extend(await _amendments_waiting(session, caller))
    return items


async def _amendments_waiting(session: AsyncSession, caller: Caller) -> list[Notification]:
    rows = (
        await session.execute(
            select(Amendment, Agreement)
            .join(Agreement, Agreement.id == Amendment.agreement_id)
            .where(
                Agreement.id.in_(policy.readable(caller, Agreement).with_only_columns(Agreement.id)),
                Agreement.status == AgreementStatus.active,
                Amendment.status.in_(
                    [AgreementStatus.draft, AgreementStatus.submitted, AgreementStatus.confirmed]
                ),
            )
            .order_by(Amendment.id)
        )
    ).all()
    notices = []
    for amendment, agreement in rows:
        mine = policy.agreement_parties(caller, agreement)
        if rules.NEXT_ACTOR[amendment.status] in mine:
            notices.append(
                Notification(
                    kind="amendment_waiting",
                    agreement_id=agreement.id,
                    amendment_id=amendment.id,
                    title=agreement.title,
                    message=t(
                        "notice.amendment_waiting",
                        title=agreement.title,
                        status=f"status.{amendment.status.value}",
                    ),
                )
            )
    return notices
