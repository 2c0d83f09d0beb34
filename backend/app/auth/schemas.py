from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.enums import Role
from app.core.schemas import Email


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    refresh_token: str | None = Field(description="None for integration clients (client credentials)")


class RefreshRequest(BaseModel):
    refresh_token: str | None = Field(default=None, max_length=200)


class Me(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    role: Role
    organization_id: int | None
    school_id: int | None
    teacher_id: int | None
    locale: str
    phone: str
    email: str


class MeUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, min_length=1, max_length=100)
    locale: Literal["zh-CN", "en"] | None = None
    phone: str | None = Field(default=None, max_length=30)
    email: Email | Literal[""] | None = None


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=8, max_length=128)
