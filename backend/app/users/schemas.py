from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.enums import Role
from app.core.schemas import Email, PatchModel, ReadModel

Locale = Literal["zh-CN", "en"]
Password = str


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$")
    display_name: str = Field(min_length=1, max_length=100)
    role: Role
    password: str = Field(min_length=8, max_length=128)
    organization_id: int | None = None
    school_id: int | None = None
    teacher_id: int | None = None
    phone: str = Field(default="", max_length=30)
    email: Email | Literal[""] = ""
    locale: Locale = "zh-CN"


class UserUpdate(PatchModel):
    nullable = frozenset({"school_id", "teacher_id", "organization_id"})

    display_name: str | None = Field(default=None, min_length=1, max_length=100)
    role: Role | None = None
    password: str | None = Field(default=None, min_length=8, max_length=128)
    organization_id: int | None = None
    school_id: int | None = None
    teacher_id: int | None = None
    is_active: bool | None = None
    phone: str | None = Field(default=None, max_length=30)
    email: Email | Literal[""] | None = None
    locale: Locale | None = None


class UserRead(ReadModel):
    id: int
    username: str
    display_name: str
    role: Role
    organization_id: int | None
    school_id: int | None
    school_name: str | None
    teacher_id: int | None
    is_active: bool
    phone: str
    email: str
    locale: str
    last_login_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class UserFilters(BaseModel):
    role: Role | None = None
    school_id: int | None = None
    is_active: bool | None = None
