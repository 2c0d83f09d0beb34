import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, UrlConstraints, field_validator

from app.core.enums import DeliveryStatus, WebhookEvent
from app.core.schemas import PatchModel, ReadModel
from app.integrations.scopes import SCOPES

Scope = Literal[SCOPES]  # type: ignore[valid-type]


def _distinct(scopes: list[str] | None) -> list[str] | None:
    return None if scopes is None else sorted(set(scopes))


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    scopes: list[Scope] = Field(min_length=1, max_length=len(SCOPES))

    _scopes = field_validator("scopes")(_distinct)


class ClientUpdate(PatchModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    scopes: list[Scope] | None = Field(default=None, min_length=1, max_length=len(SCOPES))

    _scopes = field_validator("scopes")(_distinct)


class ClientRead(ReadModel):
    id: int
    name: str
    client_id: str
    scopes: list[str]
    status: Literal["active", "revoked"]
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None
    requests_today: int
    version: int


class ClientWithSecret(ClientRead):
    client_secret: str = Field(description="Shown this once: store it now; only a hash is kept")


# As long as the subscription's column holds.
WebhookUrl = Annotated[HttpUrl, UrlConstraints(max_length=500)]


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: WebhookUrl = Field(description="http or https; in production not a private or loopback address")
    events: list[WebhookEvent] = Field(min_length=1, max_length=len(WebhookEvent))
    secret: str | None = Field(
        default=None,
        min_length=16,
        max_length=200,
        description="The HMAC key; default: generated and shown once",
    )

    _events = field_validator("events")(_distinct)


class WebhookUpdate(PatchModel):
    url: WebhookUrl | None = None
    events: list[WebhookEvent] | None = Field(default=None, min_length=1, max_length=len(WebhookEvent))
    is_active: bool | None = None

    _events = field_validator("events")(_distinct)


class WebhookRead(ReadModel):
    id: int
    url: str
    events: list[str]
    is_active: bool
    created_at: dt.datetime
    version: int
    delivered: int = Field(description="Deliveries answered 2xx")
    pending: int
    failed: int


class WebhookWithSecret(WebhookRead):
    secret: str = Field(description="Shown at creation: verify X-Pairing-Signature with it")


class DeliveryFilters(BaseModel):
    status: DeliveryStatus | None = None


class AttemptRead(ReadModel):
    number: int
    at: dt.datetime
    status_code: int | None
    error: str
    duration_ms: int


class DeliveryRead(ReadModel):
    id: int
    subscription_id: int
    event_id: str
    event_type: str
    occurred_at: dt.datetime
    status: DeliveryStatus
    attempts: int
    next_attempt_at: dt.datetime
    last_status_code: int | None
    last_error: str
    created_at: dt.datetime
    delivered_at: dt.datetime | None
    attempt_log: list[AttemptRead] = Field(default_factory=list)
