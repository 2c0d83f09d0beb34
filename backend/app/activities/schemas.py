import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from app.core.enums import ActivityKind, DonationKind
from app.core.schemas import PatchModel, ReadModel


class ActivityCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: ActivityKind
    date: dt.date
    title: str = Field(default="", max_length=200)
    organizer_school_id: int
    participants: int = Field(default=0, ge=0, le=100_000)
    subjects: list[str] = Field(default_factory=list, max_length=20)
    description: str = Field(default="", max_length=20000)


class ActivityUpdate(PatchModel):
    kind: ActivityKind | None = None
    date: dt.date | None = None
    title: str | None = Field(default=None, max_length=200)
    organizer_school_id: int | None = None
    participants: int | None = Field(default=None, ge=0, le=100_000)
    subjects: list[str] | None = Field(default=None, max_length=20)
    description: str | None = Field(default=None, max_length=20000)


class ActivityRead(ReadModel):
    id: int
    agreement_id: int
    kind: ActivityKind
    date: dt.date
    title: str
    organizer_school_id: int
    organizer_school_name: str
    participants: int
    subjects: list[str]
    description: str
    version: int
    created_at: dt.datetime


class DonationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DonationKind
    quantity: Decimal = Field(default=Decimal(0), ge=0, max_digits=12, decimal_places=2)
    unit: str = Field(default="", max_length=20)
    value_yuan: Decimal = Field(default=Decimal(0), ge=0, max_digits=14, decimal_places=2)
    date: dt.date
    donor_school_id: int | None = None
    description: str = Field(default="", max_length=5000)


class DonationUpdate(PatchModel):
    nullable = frozenset({"donor_school_id"})

    kind: DonationKind | None = None
    quantity: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    unit: str | None = Field(default=None, max_length=20)
    value_yuan: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    date: dt.date | None = None
    donor_school_id: int | None = None
    description: str | None = Field(default=None, max_length=5000)


class DonationRead(ReadModel):
    id: int
    agreement_id: int
    kind: DonationKind
    quantity: Decimal
    unit: str
    value_yuan: Decimal
    date: dt.date
    donor_school_id: int | None
    description: str
    version: int
    created_at: dt.datetime


class KindTotal(BaseModel):
    count: int
    value_yuan: Decimal | None = None


class LedgerSummary(BaseModel):
    """Totals under one agreement, computed in SQL."""

    activities_total: int
    activities_by_kind: dict[str, int]
    participants_total: int
    donations_total: int
    donations_value_yuan: Decimal
    donations_by_kind: dict[str, KindTotal]
    goals_by_status: dict[str, int]


class DateRangeFilters(BaseModel):
    date_from: dt.date | None = Field(default=None, alias="from")
    date_to: dt.date | None = Field(default=None, alias="to")


class LedgerFilters(DateRangeFilters):
    """Filters of the ledgers across agreements (the lists behind the dashboard's figures)."""

    agreement_id: int | None = None
    programme_id: int | None = None
    school_id: int | None = Field(default=None, description="Either party of the agreement")


class ActivityFilters(LedgerFilters):
    kind: ActivityKind | None = None


class DonationFilters(LedgerFilters):
    kind: DonationKind | None = None


class ActivityListRow(ActivityRead):
    agreement_title: str


class DonationListRow(DonationRead):
    agreement_title: str
