"""The in-app inbox: reminders are written once per person and occasion, read in the reader's language."""

from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core.clock import now
from app.core.enums import Party, Role
from app.core.errors import NotFound
from app.core.i18n import t
from app.core.policy import Caller
from app.notifications.models import Notification
from app.programmes.models import Programme
from app.users.models import User

Stage = Literal["30_days", "7_days", "today"]
# Every kind of reminder; each has a "notice.<kind>" message in both languages (a test checks).
KINDS = frozenset(
    {
        "agreement_expiring",
        "agreement_expiring_today",
        "agreement_waiting",
        "amendment_waiting",
        "minutes_to_confirm",
        "minutes_pending",
        "item_due",
        "item_overdue",
        "meeting_at_risk",
        "compliance_digest",
        "rotation_waiting",
        "leave_waiting",
        "leave_decided",
        "evaluation_due",
        "assessment_published",
    }
)
INBOX_SIZE = 50


class NotificationRead(BaseModel):
    id: int
    kind: str
    agreement_id: int | None
    meeting_id: int | None
    action_item_id: int | None
    rotation_id: int | None = None
    assessment_id: int | None = None
    title: str
    stage: Stage | None = None
    due_date: date | None = None
    days_left: int | None = None
    message: str
    created_at: Any
    read_at: Any


class Inbox(BaseModel):
    items: list[NotificationRead]
    unread_count: int


def render(n: Notification) -> NotificationRead:
    payload = n.payload or {}
    return NotificationRead(
        id=n.id,
        kind=n.kind,
        agreement_id=n.agreement_id,
        meeting_id=n.meeting_id,
        action_item_id=n.action_item_id,
        rotation_id=n.rotation_id,
        assessment_id=payload.get("assessment_id"),
        title=str(payload.get("title", "")),
        stage=payload.get("stage"),
        due_date=payload.get("due_date"),
        days_left=payload.get("days_left"),
        message=t(f"notice.{n.kind}", **payload),
        created_at=n.created_at,
        read_at=n.read_at,
    )


async def inbox(session: AsyncSession, caller: Caller, *, unread_only: bool = False) -> Inbox:
    stmt = select(Notification).where(Notification.user_id == caller.user_id)
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    rows = (
        await session.scalars(
            stmt.order_by(
                Notification.read_at.is_not(None), Notification.created_at.desc(), Notification.id.desc()
            ).limit(INBOX_SIZE)
        )
    ).all()
    unread = await session.scalar(
        select(func.count()).where(Notification.user_id == caller.user_id, Notification.read_at.is_(None))
    )
    return Inbox(items=[render(n) for n in rows], unread_count=unread or 0)


async def mark_read(session: AsyncSession, caller: Caller, notification_id: int | None = None) -> None:
    """Mark one notification (or, with None, all of them) as read. Only one's own."""
    stmt = update(Notification).where(Notification.user_id == caller.user_id, Notification.read_at.is_(None))
    if notification_id is not None:
        owned = await session.scalar(
            select(Notification.id).where(
                Notification.id == notification_id, Notification.user_id == caller.user_id
            )
        )
        if owned is None:
            raise NotFound("notification")
        stmt = stmt.where(Notification.id == notification_id)
    await session.execute(stmt.values(read_at=now()))


async def notify(
    session: AsyncSession,
    user_ids: Iterable[int],
    *,
    kind: str,
    key: str,
    payload: dict[str, Any],
    agreement_id: int | None = None,
    meeting_id: int | None = None,
    action_item_id: int | None = None,
    rotation_id: int | None = None,
) -> int:
    """Write a notification for each user unless they already have one for this occasion."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind}")
    rows = [
        {
            "user_id": uid,
            "kind": kind,
            "dedupe_key": key,
            "payload": payload,
            "agreement_id": agreement_id,
            "meeting_id": meeting_id,
            "action_item_id": action_item_id,
            "rotation_id": rotation_id,
            "created_at": now(),
        }
        for uid in dict.fromkeys(user_ids)
    ]
    if not rows:
        return 0
    dialect = (await session.connection()).dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(Notification).values(rows).on_conflict_do_nothing(index_elements=["user_id", "dedupe_key"])
    result = await session.execute(stmt)
    return int(getattr(result, "rowcount", 0) or 0)


async def admins_of(session: AsyncSession, agreement: Agreement, party: Party | None) -> list[int]:
    """Active accounts that act for one side of an agreement: a school's admins, or the programme's bureau."""
    if party is None:
        return []
    if party == Party.bureau:
        org = (
            select(Programme.organization_id).where(Programme.id == agreement.programme_id).scalar_subquery()
        )
        stmt = select(User.id).where(User.role == Role.bureau_admin, User.organization_id == org)
    else:
        school = (
            agreement.supporting_school_id
            if party == Party.supporting_school
            else agreement.receiving_school_id
        )
        stmt = select(User.id).where(User.role == Role.school_admin, User.school_id == school)
    return list((await session.scalars(stmt.where(User.is_active.is_(True)))).all())


async def school_admins(session: AsyncSession, school_ids: Iterable[int]) -> list[int]:
    """Active admin accounts of these schools."""
    stmt = select(User.id).where(
        User.role == Role.school_admin, User.school_id.in_(set(school_ids)), User.is_active.is_(True)
    )
    return list((await session.scalars(stmt)).all())


async def notify_next_signer(
    session: AsyncSession, agreement: Agreement, *, kind: str, key: str, party: Party | None, actor_id: int
) -> None:
    """Tell the side whose step it now is (in the same transaction as the step; not the actor themself).
    Earlier reminders of this kind about the agreement are settled: their step has been taken."""
    await settle(session, kind=kind, agreement_id=agreement.id)
    users = [uid for uid in await admins_of(session, agreement, party) if uid != actor_id]
    await notify(
        session, users, kind=kind, key=key, agreement_id=agreement.id, payload={"title": agreement.title}
    )


async def notify_minutes_to_confirm(
    session: AsyncSession, agreement: Agreement, meeting_id: int, party: Party | None, version: int
) -> None:
    await notify(
        session,
        await admins_of(session, agreement, party),
        kind="minutes_to_confirm",
        key=f"minutes_to_confirm:{meeting_id}:{version}",
        agreement_id=agreement.id,
        meeting_id=meeting_id,
        payload={"title": agreement.title},
    )


async def settle(
    session: AsyncSession,
    *,
    kind: str,
    agreement_id: int | None = None,
    meeting_id: int | None = None,
    rotation_id: int | None = None,
    key: str | None = None,
) -> None:
    """Mark as read the reminders about a step that has now been taken, for everyone they went to."""
    stmt = update(Notification).where(Notification.kind == kind, Notification.read_at.is_(None))
    if agreement_id is not None:
        stmt = stmt.where(Notification.agreement_id == agreement_id)
    if meeting_id is not None:
        stmt = stmt.where(Notification.meeting_id == meeting_id)
    if rotation_id is not None:
        stmt = stmt.where(Notification.rotation_id == rotation_id)
    if key is not None:
        stmt = stmt.where(Notification.dedupe_key == key)
    await session.execute(stmt.values(read_at=now()))
