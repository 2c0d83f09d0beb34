"""Managing webhook subscriptions and reading their delivery log."""

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.core import audit, policy
from app.core.clock import now
from app.core.enums import DeliveryStatus
from app.core.errors import Forbidden, NotFound, ValidationFailed
from app.core.listing import ListSpec
from app.core.policy import Caller
from app.core.versioning import check_version
from app.integrations.models import WebhookDelivery, WebhookSubscription
from app.integrations.schemas import DeliveryFilters, DeliveryRead, WebhookCreate, WebhookRead, WebhookUpdate
from app.integrations.webhooks import RefusedAddress, check_url

LIST_SPEC = ListSpec(
    read_model=WebhookRead,
    sortable={"url": WebhookSubscription.url, "created_at": WebhookSubscription.created_at},
    default_sort=(WebhookSubscription.id,),
    searchable=(WebhookSubscription.url,),
    sheet="webhooks",
    labels={
        "id": ("编号", "ID"),
        "url": ("接收地址", "URL"),
        "events": ("事件", "Events"),
        "is_active": ("启用", "Active"),
        "created_at": ("创建时间", "Created"),
        "delivered": ("已送达", "Delivered"),
        "pending": ("待投递", "Pending"),
        "failed": ("已放弃", "Failed"),
    },
    export_exclude=frozenset({"version"}),
)
DELIVERY_LIST = ListSpec(
    read_model=DeliveryRead,
    sortable={"created_at": WebhookDelivery.created_at, "status": WebhookDelivery.status},
    default_sort=(WebhookDelivery.id.desc(),),
    options=(selectinload(WebhookDelivery.attempt_log),),
    sheet="webhook-deliveries",
    labels={
        "id": ("投递编号", "Delivery"),
        "event_id": ("事件编号", "Event ID"),
        "event_type": ("事件", "Event"),
        "occurred_at": ("发生时间", "Occurred"),
        "status": ("状态", "Status"),
        "attempts": ("尝试次数", "Attempts"),
        "last_status_code": ("最近状态码", "Last status"),
        "last_error": ("最近错误", "Last error"),
        "delivered_at": ("送达时间", "Delivered"),
    },
    export_exclude=frozenset({"attempt_log", "subscription_id", "next_attempt_at", "created_at"}),
)


def _ensure_manager(caller: Caller) -> None:
    if not policy.can_manage_integrations(caller) or caller.organization_id is None:
        raise Forbidden()


def _check_url(url: str) -> None:
    try:
        check_url(url, resolve=True)
    except RefusedAddress as exc:
        raise ValidationFailed("webhook_url_refused", field="url", reason=str(exc)) from exc


def webhooks_query(*, caller: Caller) -> Select[Any]:
    return policy.readable(caller, WebhookSubscription)


async def with_counts(session: AsyncSession, subscriptions: Sequence[WebhookSubscription]) -> None:
    """Delivered, pending and failed deliveries of a page of subscriptions, in one grouped query."""
    counts: dict[tuple[int, DeliveryStatus], int] = {
        (sid, status): n
        for sid, status, n in await session.execute(
            select(WebhookDelivery.subscription_id, WebhookDelivery.status, func.count())
            .where(WebhookDelivery.subscription_id.in_([s.id for s in subscriptions]))
            .group_by(WebhookDelivery.subscription_id, WebhookDelivery.status)
        )
    }
    for s in subscriptions:
        for status in DeliveryStatus:
            setattr(s, status.value, counts.get((s.id, status), 0))


async def get_webhook(
    session: AsyncSession, *, caller: Caller, webhook_id: int, for_update: bool = False
) -> WebhookSubscription:
    webhook = await policy.get_readable(
        session, caller, WebhookSubscription, webhook_id, entity="webhook", for_update=for_update
    )
    await with_counts(session, [webhook])
    return webhook


async def create_webhook(
    session: AsyncSession, *, caller: Caller, data: WebhookCreate
) -> WebhookSubscription:
    _ensure_manager(caller)
    _check_url(str(data.url))
    webhook = WebhookSubscription(
        organization_id=caller.organization_id,
        url=str(data.url),
        events=[e.value for e in data.events],
        secret=data.secret or secrets.token_urlsafe(32),
        created_by_id=caller.user_id,
    )
    session.add(webhook)
    await session.flush()
    await with_counts(session, [webhook])
    await audit.record_created(session, caller, webhook, entity="webhook", read_model=WebhookRead)
    return webhook


async def update_webhook(
    session: AsyncSession,
    *,
    caller: Caller,
    webhook_id: int,
    data: WebhookUpdate,
    expected_version: int | None,
) -> WebhookSubscription:
    webhook = await get_webhook(session, caller=caller, webhook_id=webhook_id, for_update=True)
    _ensure_manager(caller)
    check_version(webhook.version, expected_version)
    changes = data.model_dump(exclude_unset=True)
    if "url" in changes:
        changes["url"] = str(data.url)
        _check_url(changes["url"])
    if "events" in changes:
        changes["events"] = [e.value for e in data.events or []]
    await audit.apply_changes(session, caller, webhook, changes, entity="webhook", read_model=WebhookRead)
    return webhook


async def delete_webhook(
    session: AsyncSession, *, caller: Caller, webhook_id: int, expected_version: int | None
) -> None:
    webhook = await get_webhook(session, caller=caller, webhook_id=webhook_id, for_update=True)
    _ensure_manager(caller)
    check_version(webhook.version, expected_version)
    before = audit.snapshot(WebhookRead, webhook)
    await session.delete(webhook)
    await session.flush()
    await audit.record(
        session, caller, action="delete", entity="webhook", entity_id=webhook_id, before=before
    )


async def deliveries_query(
    session: AsyncSession, *, caller: Caller, webhook_id: int, filters: DeliveryFilters
) -> Select[Any]:
    await get_webhook(session, caller=caller, webhook_id=webhook_id)  # 404 outside the scope
    stmt = policy.readable(caller, WebhookDelivery).where(WebhookDelivery.subscription_id == webhook_id)
    if filters.status is not None:
        stmt = stmt.where(WebhookDelivery.status == filters.status)
    return stmt


def present_delivery(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        **{
            c: getattr(delivery, c)
            for c in DeliveryRead.model_fields
            if hasattr(delivery, c) and c != "event_id"
        },
        "event_id": delivery.event.event_id,
        "event_type": delivery.event.type,
        "occurred_at": delivery.event.occurred_at,
        "attempt_log": sorted(delivery.attempt_log, key=lambda a: a.number),
    }


async def redeliver(
    session: AsyncSession, *, caller: Caller, webhook_id: int, delivery_id: int
) -> dict[str, Any]:
    """Queue the delivery again now, with a fresh 24-hour window (after a fix on the receiver's side)."""
    await get_webhook(session, caller=caller, webhook_id=webhook_id)
    _ensure_manager(caller)
    delivery = (
        await session.scalars(
            policy.readable(caller, WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id, WebhookDelivery.subscription_id == webhook_id)
            .options(selectinload(WebhookDelivery.attempt_log))
        )
    ).one_or_none()
    if delivery is None:
        raise NotFound("webhook_delivery")
    at = now()
    delivery.status, delivery.next_attempt_at, delivery.created_at = DeliveryStatus.pending, at, at
    delivery.leased_until = None
    await session.flush()
    await audit.record(session, caller, action="redeliver", entity="webhook_delivery", entity_id=delivery.id)
    return present_delivery(delivery)
