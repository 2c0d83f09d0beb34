"""Webhooks: events written to the outbox with the change, delivered signed by the worker.

- `emit` (called by the services, inside the change's transaction) writes the event and one
  delivery per active subscription of a bureau over the schools involved: a change that rolls back
  leaves no event.
- `deliver_due` (the worker) claims due deliveries under a short lease — on PostgreSQL with
  `FOR UPDATE SKIP LOCKED`, so several workers never take the same attempt — POSTs them outside
  any transaction, and records each attempt. A 2xx answer delivers; otherwise the next attempt
  waits 30 s × 2^(attempt − 1), at most an hour, until 24 hours after the event, then the delivery
  fails (a person may redeliver it).
- The body is `{"id", "type", "occurred_at", "data"}`; the headers `X-Pairing-Event`,
  `X-Pairing-Delivery`, `X-Pairing-Timestamp` and `X-Pairing-Signature: sha256=<hex>`, the
  HMAC-SHA256 with the subscription's secret of `"<timestamp>.<body>"`.
"""

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Select, String, bindparam, cast, exists, func, insert, literal, or_, select, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import now
from app.core.config import get_settings
from app.core.enums import DeliveryStatus
from app.integrations.models import OutboxEvent, WebhookAttempt, WebhookDelivery, WebhookSubscription
from app.rotations.attendance import bureaus_over_schools
from app.schools.models import School

LIFETIME = timedelta(hours=24)
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
LEASE = timedelta(minutes=2)
TIMEOUT_SECONDS = 10.0
BATCH = 20

Sessions = Callable[[], AbstractAsyncContextManager[AsyncSession]]


async def emit(
    session: AsyncSession, event_type: str, *, school_ids: Iterable[int], data: dict[str, Any]
) -> None:
    """Write the event and its deliveries in the caller's transaction. The deliveries are selected from
    the subscriptions by the database, not read into Python first: on PostgreSQL the event and its
    deliveries are one statement (a check-in, the busiest write, ran one more before); on SQLite, which
    has no INSERT in a WITH, two."""
    values = {
        "event_uuid": str(uuid.uuid4()),
        "event_type": event_type,
        "occurred_at": now(),
        "data": data,
        "school_ids": sorted(set(school_ids)),
    }
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(_event_with_deliveries(), values)
        return
    event_id = await session.scalar(_insert_event(), values)
    await session.execute(_insert_deliveries(), {**values, "event_id": event_id})


# The statements `emit` runs, each built once (on a check-in building them would cost more than running
# them). Core tables, not the mapped classes: an ORM INSERT given a dict of values takes it for rows of a
# bulk insert keyed by attribute names.
_EVENTS, _DELIVERIES = OutboxEvent.__table__, WebhookDelivery.__table__
_DELIVERY_COLUMNS = (
    "subscription_id",
    "event_id",
    "next_attempt_at",
    "created_at",
    "status",
    "attempts",
    "last_error",
)


@cache
def _insert_event() -> Any:
    return (
        insert(_EVENTS)
        .values(
            event_id=bindparam("event_uuid"),
            type=bindparam("event_type"),
            occurred_at=bindparam("occurred_at"),
            data=bindparam("data"),
        )
        .returning(_EVENTS.c.id)
    )


def _deliveries(event_id: Any, wants_type: Any) -> Select[Any]:
    """A delivery row of event `event_id` for each active subscription of a bureau over any of the
    schools `:school_ids` that asked for the event's type (`wants_type`, per database)."""
    at = bindparam("occurred_at")
    bureaus = bureaus_over_schools(School.id.in_(bindparam("school_ids", expanding=True)))
    # The columns' defaults written out, not left to `include_defaults`: run with parameters of its own,
    # the statement sent PostgreSQL a NULL status.
    return select(
        WebhookSubscription.id,
        event_id,
        at,
        at,
        literal(DeliveryStatus.pending, _DELIVERIES.c.status.type),
        literal(0, _DELIVERIES.c.attempts.type),
        literal("", _DELIVERIES.c.last_error.type),
    ).where(
        WebhookSubscription.is_active.is_(True),
        WebhookSubscription.organization_id.in_(bureaus),
        wants_type,
    )


@cache
def _event_with_deliveries() -> Any:
    """PostgreSQL: the event inserted in a WITH, its deliveries from it in the same statement."""
    event = _insert_event().cte("event")
    wants_type = cast(WebhookSubscription.events, JSONB).has_key(bindparam("event_type", type_=String))
    chosen = _deliveries(event.c.id, wants_type).select_from(event.join(WebhookSubscription, true()))
    return insert(_DELIVERIES).from_select(_DELIVERY_COLUMNS, chosen, include_defaults=False).add_cte(event)


@cache
def _insert_deliveries() -> Any:
    """SQLite: the deliveries of the event `:event_id`, inserted after it."""
    listed = func.json_each(WebhookSubscription.events).table_valued("value")
    wants_type = exists().select_from(listed).where(listed.c.value == bindparam("event_type"))
    chosen = _deliveries(bindparam("event_id"), wants_type)
    return insert(_DELIVERIES).from_select(_DELIVERY_COLUMNS, chosen, include_defaults=False)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def body_of(event: OutboxEvent) -> bytes:
    payload = {
        "id": event.event_id,
        "type": event.type,
        "occurred_at": event.occurred_at.isoformat(),
        "data": event.data,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class RefusedAddress(ValueError):
    pass


def check_url(url: str, *, resolve: bool) -> None:
    """http(s) only; in production, no private, loopback or link-local address unless allowed
    (`WEBHOOK_ALLOW_PRIVATE_ADDRESSES`): a webhook must not reach into the server's own network."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddress("http or https URL with a host")
    settings = get_settings()
    if settings.environment != "production" or settings.webhook_allow_private_addresses or not resolve:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError as exc:
        raise RefusedAddress(f"cannot resolve {parts.hostname}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise RefusedAddress(f"{address} is not a public address")


def next_wait(attempt: int) -> timedelta:
    return min(FIRST_RETRY * 2 ** (attempt - 1), LONGEST_WAIT)


async def claim(session: AsyncSession, *, limit: int = BATCH) -> list[int]:
    """Take due deliveries for this worker: each gets its next attempt number and a lease."""
    at = now()
    due = (
        select(WebhookDelivery.id)
        .where(
            WebhookDelivery.status == DeliveryStatus.pending,
            WebhookDelivery.next_attempt_at <= at,
            or_(WebhookDelivery.leased_until.is_(None), WebhookDelivery.leased_until < at),
        )
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    ids = list(await session.scalars(due))
    for delivery in await session.scalars(select(WebhookDelivery).where(WebhookDelivery.id.in_(ids))):
        delivery.attempts += 1
        delivery.leased_until = at + LEASE
    await session.flush()
    return ids


@dataclass(frozen=True)
class Parcel:
    """What one attempt sends, read before any network call (no transaction stays open across it)."""

    delivery_id: int
    number: int
    url: str
    secret: str
    event_type: str
    body: bytes


async def _attempt(http: httpx.AsyncClient, parcel: Parcel) -> tuple[int | None, str, int]:
    """(status code, error, milliseconds) of one POST."""
    timestamp = str(int(time.time()))
    started = time.monotonic()
    try:
        check_url(parcel.url, resolve=True)
        answer = await http.post(
            parcel.url,
            content=parcel.body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": "pairing-platform-webhooks/1",
                "X-Pairing-Event": parcel.event_type,
                "X-Pairing-Delivery": str(parcel.delivery_id),
                "X-Pairing-Timestamp": timestamp,
                "X-Pairing-Signature": signature(parcel.secret, timestamp, parcel.body),
            },
        )
        return answer.status_code, "", int((time.monotonic() - started) * 1000)
    except (httpx.HTTPError, RefusedAddress) as exc:
        return None, f"{type(exc).__name__}: {exc}"[:300], int((time.monotonic() - started) * 1000)


def _settle(delivery: WebhookDelivery, status_code: int | None, error: str, at: datetime) -> None:
    delivery.leased_until = None
    delivery.last_status_code, delivery.last_error = status_code, error
    if status_code is not None and 200 <= status_code < 300:
        delivery.status, delivery.delivered_at = DeliveryStatus.delivered, at
        return
    retry_at = at + next_wait(delivery.attempts)
    if retry_at - delivery.created_at > LIFETIME:
        delivery.status = DeliveryStatus.failed
    else:
        delivery.next_attempt_at = retry_at


async def deliver_due(
    sessions: Sessions, *, http: httpx.AsyncClient | None = None, limit: int = BATCH
) -> int:
    """One round of the worker: claim, POST (outside any transaction), record. Returns attempts made."""
    async with sessions() as session:
        ids = await claim(session, limit=limit)
        rows = (
            await session.execute(
                select(WebhookDelivery, WebhookSubscription)
                .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
                .where(WebhookDelivery.id.in_(ids))
                .order_by(WebhookDelivery.id)
            )
        ).all()
        parcels = [Parcel(d.id, d.attempts, s.url, s.secret, d.event.type, body_of(d.event)) for d, s in rows]
    if not parcels:
        return 0
    client = http or httpx.AsyncClient(timeout=TIMEOUT_SECONDS, follow_redirects=False)
    try:
        outcomes = [(parcel, await _attempt(client, parcel)) for parcel in parcels]
    finally:
        if http is None:
            await client.aclose()
    async with sessions() as session:
        for parcel, (status_code, error, took) in outcomes:
            at = now()
            session.add(
                WebhookAttempt(
                    delivery_id=parcel.delivery_id,
                    number=parcel.number,
                    at=at,
                    status_code=status_code,
                    error=error,
                    duration_ms=took,
                )
            )
            delivery = await session.get(WebhookDelivery, parcel.delivery_id)
            if delivery is not None:
                _settle(delivery, status_code, error, at)
    return len(parcels)
