"""Enumerations fixed by the public API contract (values are part of the contract)."""

from enum import StrEnum
from typing import Any

from sqlalchemy import Enum as SAEnum


class RegionLevel(StrEnum):
    province = "province"
    city = "city"
    county = "county"


class Stage(StrEnum):
    kindergarten = "kindergarten"
    primary = "primary"
    junior = "junior"
    nine_year = "nine_year"
    senior = "senior"
    complete = "complete"
    vocational = "vocational"
    special = "special"


class SchoolLocale(StrEnum):
    urban = "urban"
    town = "town"
    rural = "rural"
    remote = "remote"


class Role(StrEnum):
    bureau_admin = "bureau_admin"
    bureau_viewer = "bureau_viewer"
    school_admin = "school_admin"
    teacher = "teacher"


class Gender(StrEnum):
    female = "female"
    male = "male"


class TitleRank(StrEnum):
    none = "none"
    third = "third"
    second = "second"
    first = "first"
    senior = "senior"
    principal_senior = "principal_senior"


class BackboneLevel(StrEnum):
    none = "none"
    school = "school"
    county = "county"
    city = "city"
    province = "province"


def db_enum(enum_cls: type[StrEnum], name: str) -> Any:
    """A portable enum column: VARCHAR plus a named CHECK constraint, same on SQLite and PostgreSQL."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
