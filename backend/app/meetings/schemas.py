import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from app.agreements.schemas import PairRef
from app.core.enums import (
    ActionItemStatus,
    ComplianceStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    Party,
)
from app.core.schemas import PatchModel, ReadModel


class Attendee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=50)
    school_id: int | None = None
    role: str = Field(default="", max_length=50, description="e.g. 校长, 教务主任")
    user_id: int | None = None


class MeetingCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: MeetingKind = MeetingKind.regular
    scheduled_date: dt.date
    location: str = Field(default="", max_length=200)
    online_link: str = Field(default="", max_length=500, pattern=r"^$|^https?://")
    agenda: str = Field(default="", max_length=20000)


class MeetingUpdate(PatchModel):
    """Reschedule or edit a planned meeting; record it as held (held_date, attendees, minutes,
    decisions) or cancel it (cancel_reason). Minutes are locked once final."""

    nullable = frozenset({"held_date"})

    kind: MeetingKind | None = None
    scheduled_date: dt.date | None = None
    location: str | None = Field(default=None, max_length=200)
    online_link: str | None = Field(default=None, max_length=500, pattern=r"^$|^https?://")
    agenda: str | None = Field(default=None, max_length=20000)
    status: MeetingStatus | None = None
    held_date: dt.date | None = None
    cancel_reason: str | None = Field(default=None, max_length=2000)
    attendees: list[Attendee] | None = Field(default=None, max_length=100)
    minutes: str | None = Field(
        default=None, max_length=100_000, description="Markdown; raw HTML is not rendered"
    )
    decisions: str | None = Field(default=None, max_length=20000)


class ActionItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = Field(min_length=1, max_length=2000)
    owner_school_id: int
    owner_name: str = Field(default="", max_length=100)
    due_date: dt.date


class ActionItemUpdate(PatchModel):
    description: str | None = Field(default=None, min_length=1, max_length=2000)
    owner_school_id: int | None = None
    owner_name: str | None = Field(default=None, max_length=100)
    due_date: dt.date | None = None
    status: ActionItemStatus | None = None


class ActionItemRead(ReadModel):
    id: int
    meeting_id: int
    agreement_id: int
    description: str
    owner_school_id: int
    owner_name: str
    due_date: dt.date
    status: ActionItemStatus
    overdue: bool
    done_at: dt.datetime | None
    version: int


class ActionItemListRow(ActionItemRead):
    """A row of the follow-up list across meetings: named, so it reads without opening the meeting."""

    owner_school_name: str
    agreement_title: str


class ActionItemFilters(BaseModel):
    status: ActionItemStatus | None = None
    overdue: bool | None = Field(default=None, description="true: open items past their due date")
    agreement_id: int | None = None
    owner_school_id: int | None = None


class MeetingSummary(ReadModel):
    id: int
    agreement_id: int
    agreement_title: str
    supporting_school_id: int
    supporting_school_name: str
    receiving_school_id: int
    receiving_school_name: str
    kind: MeetingKind
    scheduled_date: dt.date
    held_date: dt.date | None
    status: MeetingStatus
    minutes_status: MinutesStatus | None
    location: str
    version: int


class MeetingRead(MeetingSummary):
    online_link: str
    agenda: str
    cancel_reason: str
    attendees: list[Attendee]
    minutes: str
    decisions: str
    minutes_recorded_by: Party | None
    minutes_comment: str
    minutes_final_at: dt.datetime | None
    items: list[ActionItemRead]
    carried_over_items: list[ActionItemRead] = Field(
        description="Open overdue items from earlier meetings of the pair, on this planned meeting's agenda"
    )
    allowed_actions: list[str]
    next_actor: Party | None
    created_at: dt.datetime


class MeetingFilters(BaseModel):
    date_from: dt.date | None = Field(default=None, alias="from")
    date_to: dt.date | None = Field(default=None, alias="to")
    status: MeetingStatus | None = None
    agreement_id: int | None = None
    school_id: int | None = None


class MinutesAction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(default="", max_length=2000)


class ComplianceRow(PairRef):
    held_first_half: int
    held_second_half: int
    held_total: int
    required: int
    required_first_half: int
    required_second_half: int
    status: ComplianceStatus


class ComplianceSummary(BaseModel):
    total: int
    compliant: int
    at_risk: int
    non_compliant: int
    rate: float = Field(description="Share of pairs that are compliant, 0–1")


class MeetingCompliance(BaseModel):
    school_year: int
    first_half: tuple[dt.date, dt.date]
    second_half: tuple[dt.date, dt.date]
    rows: list[ComplianceRow]
    summary: ComplianceSummary
