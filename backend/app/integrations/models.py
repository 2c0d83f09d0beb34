"""Integration clients: other systems (a city platform, a school's own system) calling the API."""

import datetime as dt

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, Versioned


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
