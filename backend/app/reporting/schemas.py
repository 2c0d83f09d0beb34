import datetime as dt

from pydantic import BaseModel, Field

from app.core.enums import ActivityKind, ComplianceStatus


class DashboardSummary(BaseModel):
    """The bureau's figures for a school year, in the caller's scope (one jurisdiction, or one school's
    pairs), each computed by an aggregate query."""

    school_year: int
    programme_id: int | None
    active_agreements: int
    receiving_schools_covered: int = Field(description="Receiving schools with an agreement in force")
    receiving_schools_total: int = Field(
        description="Schools that are weak or receive help under any agreement"
    )
    teachers_on_rotation: int = Field(description="Teachers on an active rotation today")
    teacher_days_served: int = Field(description="Days of dispatch served in the school year up to today")
    meeting_compliance_rate: float = Field(description="Share of pairs meeting as often as required, 0–1")
    rotation_share: float | None = Field(description="Teachers rotated out / eligible, supporting schools")
    rotation_share_target: float
    rotation_gap: int = Field(description="Teachers still to rotate to reach every school's minimum")
    activities_by_kind: dict[ActivityKind, int]
    activities_from: dt.date = Field(
        description="The activities counted: this term, or the whole school year"
    )
    activities_to: dt.date
    donations_value_yuan: str
    open_overdue_items: int


class MonthPoint(BaseModel):
    month: str = Field(description="2026-10")
    activities: int
    checkins: int


class SubjectCount(BaseModel):
    subject: str
    rotations: int


class PairCompliance(BaseModel):
    agreement_id: int
    title: str
    supporting_school_name: str
    receiving_school_name: str
    held_total: int
    required: int
    status: ComplianceStatus


class NetworkNode(BaseModel):
    school_id: int
    name: str
    role: str = Field(description="supporting, receiving, or both (a school that is helped and helps)")
    is_weak: bool


class NetworkEdge(BaseModel):
    agreement_id: int
    source: int = Field(description="The supporting school")
    target: int = Field(description="The receiving school")
    rotations: int = Field(description="Dispatches under the agreement in the school year")


class DashboardSeries(BaseModel):
    school_year: int
    monthly: list[MonthPoint]
    rotations_by_subject: list[SubjectCount]
    compliance_by_pair: list[PairCompliance]
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class BulletinCounts(BaseModel):
    meetings_held: int
    activities: int
    activities_by_kind: dict[ActivityKind, int]
    teachers_on_rotation: int = Field(description="Teachers on a rotation during the month")
    checkins: int
    new_agreements: int = Field(description="Agreements approved (in force) during the month")
    donations: int
    donations_value_yuan: str


class BulletinHighlight(BaseModel):
    activity_id: int
    agreement_id: int
    agreement_title: str
    date: dt.date
    kind: ActivityKind
    title: str
    description: str
    organizer_school_name: str
    participants: int


class BulletinAttention(BaseModel):
    agreement_id: int
    title: str
    supporting_school_name: str
    receiving_school_name: str
    meeting_status: ComplianceStatus
    overdue_items: int


class Bulletin(BaseModel):
    """The monthly bulletin (简报): what happened in the month, its highlights, the pairs to watch."""

    month: str
    from_date: dt.date
    to_date: dt.date
    counts: BulletinCounts
    highlights: list[BulletinHighlight]
    attention: list[BulletinAttention]
