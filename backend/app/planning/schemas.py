from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from app.core.enums import BackboneLevel, NeedPriority, ProposalStatus, Stage, Term, TitleRank
from app.core.schemas import PatchModel, ReadModel

SchoolYear = Field(ge=2000, le=2100, description="The school year by the year it starts (2026 = 2026–2027)")


class NeedCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    school_id: int | None = Field(default=None, description="Default: the caller's school")
    school_year: int = SchoolYear
    term: Term = Term.year
    subject: str = Field(min_length=1, max_length=30)
    stage: Stage | None = Field(default=None, description="Default: the school's stage")
    count: int = Field(default=1, ge=1, le=50)
    priority: NeedPriority = NeedPriority.normal
    notes: str = Field(default="", max_length=1000)


class NeedUpdate(PatchModel):
    school_year: int | None = Field(default=None, ge=2000, le=2100)
    term: Term | None = None
    subject: str | None = Field(default=None, min_length=1, max_length=30)
    stage: Stage | None = None
    count: int | None = Field(default=None, ge=1, le=50)
    priority: NeedPriority | None = None
    notes: str | None = Field(default=None, max_length=1000)


class NeedRead(ReadModel):
    id: int
    school_id: int
    school_name: str
    school_year: int
    term: Term
    subject: str
    stage: Stage
    count: int
    priority: NeedPriority
    notes: str
    filled: int = Field(
        default=0, description="Teachers placed: rotations (not withdrawn) created for this need"
    )
    version: int
    created_at: datetime
    updated_at: datetime


class NeedFilters(BaseModel):
    school_id: int | None = None
    region_id: int | None = Field(default=None, description="Schools of this region and below")
    school_year: int | None = None
    term: Term | None = None
    subject: str | None = Field(default=None, max_length=30)
    priority: NeedPriority | None = None
    open: bool | None = Field(default=None, description="true: not yet filled; false: filled")


class UnavailabilityCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    teacher_id: int
    school_year: int = SchoolYear
    reason: str = Field(min_length=1, max_length=200)


class UnavailabilityRead(ReadModel):
    id: int
    teacher_id: int
    school_year: int
    reason: str
    created_at: datetime


class SupplyRow(ReadModel):
    """An eligible teacher of a supporting school, not yet on a dispatch this school year."""

    teacher_id: int
    name: str
    school_id: int
    school_name: str
    stage: Stage
    subjects: list[str]
    backbone_level: BackboneLevel
    title_rank: TitleRank
    hire_date: date
    available: bool
    unavailability_id: int | None = None
    unavailable_reason: str | None = None


class SupplyFilters(BaseModel):
    school_year: int = SchoolYear
    region_id: int | None = None
    school_id: int | None = None
    subject: str | None = Field(default=None, max_length=30)
    available: bool | None = None


class ProposalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    region_id: int = Field(description="A county of the caller's jurisdiction")
    school_year: int = SchoolYear
    programme_id: int | None = Field(default=None, description="Whose quota rules apply; default: the newest")


class AssignmentRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    teacher_id: int
    need_id: int


class ProposalUpdate(BaseModel):
    """The reviewed plan: the assignments to keep (move one by changing its need; remove by leaving out)."""

    model_config = ConfigDict(extra="forbid")

    assignments: list[AssignmentRef] = Field(max_length=5000)


class ProposalAssignment(BaseModel):
    teacher_id: int
    teacher_name: str
    backbone: bool
    need_id: int
    subject: str
    from_school_id: int
    from_school_name: str
    to_school_id: int
    to_school_name: str
    agreement_id: int | None
    distance_km: float | None
    urgent: bool


class ProposalSchool(BaseModel):
    school_id: int
    school_name: str
    eligible: int = Field(description="Eligible teachers of the school this year")
    rotated: int = Field(description="Already rotated or planned this year, before this plan")
    required: int = Field(description="Required this year (⌈share × eligible⌉)")
    assigned: int = Field(description="Sent by this plan")
    shortfall: int = Field(description="Still missing after this plan")
    backbone_rotated: int
    backbone_required: int
    backbone_assigned: int
    backbone_shortfall: int


class ProposalNeed(BaseModel):
    need_id: int
    school_id: int
    school_name: str
    subject: str
    stage: Stage
    term: Term
    urgent: bool
    count: int = Field(description="Teachers still needed when the plan was made")
    filled: int
    unfilled: int
    candidates: int = Field(description="Available teachers of the county who could fill it")
    reason: str | None
    reason_text: str | None


class Unfilled(BaseModel):
    need_id: int
    reason: str
    reason_text: str


class ProposalProblem(BaseModel):
    code: str
    teacher_id: int | None
    need_id: int | None
    message: str


class ProposalTotals(BaseModel):
    seats: int
    filled: int
    unfilled: int
    urgent_seats: int
    urgent_unfilled: int
    assignments: int
    paired: int = Field(description="Assignments between schools with an agreement in force")
    total_km: float
    unmeasured: int = Field(description="Assignments without a distance (a school without coordinates)")
    rotation_shortfall: int
    backbone_shortfall: int
    optimal: bool
    solve_seconds: float
    edited: bool = Field(description="The bureau changed the solver's assignments")


class ProposalSummary(ReadModel):
    id: int
    region_id: int
    region_name: str
    school_year: int
    programme_id: int | None
    status: ProposalStatus
    created_by_name: str | None
    created_at: datetime
    accepted_at: datetime | None
    version: int
    totals: ProposalTotals


class ProposalRead(ProposalSummary):
    assignments: list[ProposalAssignment]
    schools: list[ProposalSchool]
    needs: list[ProposalNeed]
    unfilled: list[Unfilled]
    problems: list[ProposalProblem]
    rotation_ids: list[int] = Field(
        default_factory=list, description="The planned rotations acceptance created"
    )


class ProposalFilters(BaseModel):
    region_id: int | None = None
    school_year: int | None = None
    status: ProposalStatus | None = None
