"""Integration clients: other systems (a city platform, a school's own system) calling the API."""

import datetime as dt

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import DeliveryStatus, db_enum


class IntegrationClient(Versioned, Base):
    """A client registered by a bureau admin. It acts through its own service account (so audit
    entries and `created_by` name it), only within the granted scopes and its bureau's jurisdiction."""

    __tablename__ = "integration_client"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    client_id: Mapped[str] = mapped_column(String(40), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(255))
    # Raised by every secret rotation: tokens carry it, so a rotation or revocation ends them at once.
    secret_generation: Mapped[int] = mapped_column(default=1)
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    service_user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="RESTRICT"), unique=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    revoked_at: Mapped[dt.datetime | None]
    last_used_at: Mapped[dt.datetime | None]
    usage_day: Mapped[dt.date | None]  # the local day `requests_on_day` counts
    requests_on_day: Mapped[int] = mapped_column(default=0)


class IdempotencyRecord(Base):
    """The first answer to a `POST` sent with an `Idempotency-Key`, replayed for 24 hours to the same
    caller repeating the same request. `status_code` None: the first request is still running."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of path, query and body
    status_code: Mapped[int | None]
    headers: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    body: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    created_at: Mapped[dt.datetime] = mapped_column(index=True)


class WebhookSubscription(Versioned, Base):
    """A bureau's subscription: events of its jurisdiction are POSTed, signed, to `url`."""

    __tablename__ = "webhook_subscription"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(500))
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The HMAC key shared with the receiver: kept as given, since every delivery is signed with it.
    secret: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class OutboxEvent(Base):
    """An event, written in the same transaction as the change it reports (the transactional outbox)."""

    __tablename__ = "outbox_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)  # stable across retries: receivers dedupe
    type: Mapped[str] = mapped_column(String(50), index=True)
    occurred_at: Mapped[dt.datetime]
    data: Mapped[dict[str, object]] = mapped_column(JSON)


class WebhookDelivery(Base):
    """One event for one subscription: attempted until the receiver answers 2xx or 24 hours pass."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_subscription.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int] = mapped_column(ForeignKey("outbox_event.id", ondelete="CASCADE"))
    status: Mapped[DeliveryStatus] = mapped_column(
        db_enum(DeliveryStatus, "delivery_status"), default=DeliveryStatus.pending
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime]
    # A worker holds the delivery until then while it attempts it; others skip it.
    leased_until: Mapped[dt.datetime | None]
    last_status_code: Mapped[int | None]
    last_error: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime]
    delivered_at: Mapped[dt.datetime | None]

    event: Mapped[OutboxEvent] = relationship(lazy="joined", innerjoin=True)
    attempt_log: Mapped[list["WebhookAttempt"]] = relationship(lazy="raise", passive_deletes=True)


class WebhookAttempt(Base):
    """The log of every attempt: when, the answer's status code or the error, how long it took."""

    __tablename__ = "webhook_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_delivery.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    at: Mapped[dt.datetime]
    status_code: Mapped[int | None]
    error: Mapped[str] = mapped_column(String(300), default="")
    duration_ms: Mapped[int] = mapped_column(default=0)
