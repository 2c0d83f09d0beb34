from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.enums import BackboneLevel, Gender, TitleRank
from app.core.schemas import PatchModel, ReadModel

Subject = Annotated[str, Field(min_length=1, max_length=30)]


def _dedupe(subjects: list[str]) -> list[str]:
    cleaned = [s.strip() for s in subjects]
    return list(dict.fromkeys(s for s in cleaned if s))


class TeacherCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=50)
    gender: Gender
    school_id: int
    subjects: list[Subject] = Field(default_factory=list, max_length=10)
    title_rank: TitleRank = TitleRank.none
    backbone_level: BackboneLevel = BackboneLevel.none
    hire_date: date
    birth_date: date | None = None
    phone: str = Field(default="", max_length=30)

    @field_validator("subjects")
    @classmethod
    def _subjects(cls, value: list[str]) -> list[str]:
        return _dedupe(value)


class TeacherUpdate(PatchModel):
    nullable = frozenset({"birth_date"})

    name: str | None = Field(default=None, min_length=1, max_length=50)
    gender: Gender | None = None
    school_id: int | None = None
    subjects: list[Subject] | None = Field(default=None, max_length=10)
    title_rank: TitleRank | None = None
    backbone_level: BackboneLevel | None = None
    hire_date: date | None = None
    birth_date: date | None = None
    phone: str | None = Field(default=None, max_length=30)

    @field_validator("subjects")
    @classmethod
    def _subjects(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _dedupe(value)


class TeacherRead(ReadModel):
    id: int
    name: str
    gender: Gender
    school_id: int
    school_name: str
    subjects: list[str]
    title_rank: TitleRank
    backbone_level: BackboneLevel
    hire_date: date
    birth_date: date | None
    phone: str
    user_id: int | None
    version: int
    created_at: datetime
    updated_at: datetime


class TeacherFilters(BaseModel):
    school_id: int | None = None
    subject: str | None = Field(default=None, max_length=30)
    backbone_level: BackboneLevel | None = None
    title_rank: TitleRank | None = None
    gender: Gender | None = None
