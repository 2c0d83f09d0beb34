import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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
