from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.core.enums import SchoolLocale, Stage
from app.core.schemas import PatchModel, ReadModel


class SchoolBase(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    stage: Stage
    locale: SchoolLocale
    region_id: int
    address: str = Field(default="", max_length=255)
    student_count: int = Field(default=0, ge=0, le=100_000)
    teacher_count: int = Field(default=0, ge=0, le=10_000)
    is_weak: bool = False
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class SchoolCreate(SchoolBase):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")


class SchoolUpdate(PatchModel):
    nullable = frozenset({"latitude", "longitude"})

    code: str | None = Field(default=None, min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")
    name: str | None = Field(default=None, min_length=1, max_length=100)
    stage: Stage | None = None
    locale: SchoolLocale | None = None
    region_id: int | None = None
    address: str | None = Field(default=None, max_length=255)
    student_count: int | None = Field(default=None, ge=0, le=100_000)
    teacher_count: int | None = Field(default=None, ge=0, le=10_000)
    is_weak: bool | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class SchoolRead(ReadModel):
    id: int
    code: str
    name: str
    stage: Stage
    locale: SchoolLocale
    region_id: int
    region_name: str
    address: str
    student_count: int
    teacher_count: int
    is_weak: bool
    latitude: float | None
    longitude: float | None
    version: int
    created_at: datetime
    updated_at: datetime


class SchoolFilters(BaseModel):
    stage: Stage | None = None
    locale: SchoolLocale | None = None
    region_id: int | None = None
    is_weak: bool | None = None
    assisted: bool | None = Field(
        default=None,
        description="true: schools to be helped — weak, or receiving under a (non-draft) agreement; "
        "the dashboard's receiving schools total",
    )
    covered: bool | None = Field(
        default=None, description="true: receiving under an active agreement; false: not (yet)"
    )
    programme_id: int | None = Field(
        default=None, description="Narrows `assisted` and `covered` to a programme"
    )
