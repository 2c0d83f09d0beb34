import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.core.enums import (
    BackboneLevel,
    BackboneShareBase,
    CalendarDayKind,
    ComplianceStatus,
    EvaluationGrade,
    EvaluationStatus,
    LeaveStatus,
    RotationDirection,
    RotationKind,
    RotationStatus,
    Term,
    TitleRank,
    WorkLogKind,
)
from app.core.i18n import t
from app.core.schemas import PatchModel, ReadModel


class RotationPlan(BaseModel):
    """What a proposal says apart from the teacher: the same for every teacher of a bulk proposal."""

    model_config = ConfigDict(extra="forbid")

    from_school_id: int
    to_school_id: int
    agreement_id: int | None = None
    direction: RotationDirection = RotationDirection.dispatch
    kind: RotationKind = RotationKind.teaching
    subjects: list[str] = Field(default_factory=list, max_length=10)
    term: Term | None = Field(
        default=None, description="A preset period, with school_year; or give the dates"
    )
    school_year: int | None = Field(default=None, ge=2000, le=2100)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    weekly_periods: int = Field(default=0, ge=0, le=40)
    personnel_moved: bool = False
    living_allowance_yuan: Decimal = Field(default=Decimal(0), ge=0, max_digits=10, decimal_places=2)
    transport_allowance_yuan: Decimal = Field(default=Decimal(0), ge=0, max_digits=10, decimal_places=2)

    @model_validator(mode="after")
    def _period(self) -> "RotationPlan":
        if self.from_school_id == self.to_school_id:
            raise ValueError("the home and host school must differ")
        has_dates = self.start_date is not None and self.end_date is not None
        if not has_dates and (self.term is None or self.school_year is None):
            raise ValueError("give start_date and end_date, or term and school_year")
        if has_dates and self.end_date < self.start_date:  # type: ignore[operator]
            raise ValueError("end_date must not be before start_date")
        return self


class RotationCreate(RotationPlan):
    teacher_id: int


class RotationBulkCreate(RotationPlan):
    teacher_ids: list[int] = Field(min_length=1, max_length=100)


class RotationRead(ReadModel):
    id: int
    teacher_id: int
    teacher_name: str
    from_school_id: int
    from_school_name: str
    to_school_id: int
    to_school_name: str
    agreement_id: int | None
    need_id: int | None = Field(default=None, description="The staffing need an accepted plan created it for")
    direction: RotationDirection
    kind: RotationKind
    subjects: list[str]
    start_date: dt.date
    end_date: dt.date
    weekly_periods: int
    personnel_moved: bool
    living_allowance_yuan: Decimal
    transport_allowance_yuan: Decimal
    status: RotationStatus
    withdraw_reason: str
    allowed_actions: list[str]
    next_actor: str | None
    version: int
    created_at: dt.datetime


class RotationFilters(BaseModel):
    status: RotationStatus | None = None
    teacher_id: int | None = None
    school_id: int | None = Field(default=None, description="Home or host school")
    agreement_id: int | None = None
    direction: RotationDirection | None = None
    school_year: int | None = Field(default=None, ge=2000, le=2100)
    term: Term | None = Field(default=None, description="With school_year: rotations in that term")
    subject: str | None = Field(default=None, max_length=30, description="Teachers who teach this subject")


class RotationAction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(default="", max_length=2000)


class CheckInCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date | None = Field(default=None, description="Default: today")
    checked_in_at: dt.datetime | None = Field(default=None, description="When tapped (offline taps keep it)")
    note: str = Field(default="", max_length=500)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class CheckInRead(ReadModel):
    id: int
    rotation_id: int
    teacher_id: int
    date: dt.date
    checked_in_at: dt.datetime
    note: str
    distance_m: int | None
    flagged: bool


class ServiceRecord(BaseModel):
    teacher_id: int
    rural_service_days: int
    weak_service_days: int
    completed_rotations: list[RotationRead]
    eligible_for_title: bool
    required_rural_days: int
    required_weak_days: int


class LeaveCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start_date: dt.date
    end_date: dt.date
    reason: str = Field(min_length=1, max_length=500)

    @model_validator(mode="after")
    def _period(self) -> "LeaveCreate":
        if self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        return self


class LeaveRead(ReadModel):
    id: int
    rotation_id: int
    teacher_id: int
    start_date: dt.date
    end_date: dt.date
    reason: str
    status: LeaveStatus
    decision_comment: str
    decided_at: dt.datetime | None
    allowed_actions: list[str]
    next_actor: str | None
    version: int
    created_at: dt.datetime


class WorkLogCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date | None = Field(default=None, description="Default: today")
    kind: WorkLogKind
    periods: int = Field(default=0, ge=0, le=20)
    description: str = Field(default="", max_length=2000)


class WorkLogUpdate(PatchModel):
    date: dt.date | None = None
    kind: WorkLogKind | None = None
    periods: int | None = Field(default=None, ge=0, le=20)
    description: str | None = Field(default=None, max_length=2000)


class WorkLogRead(ReadModel):
    id: int
    rotation_id: int
    teacher_id: int
    date: dt.date
    kind: WorkLogKind
    periods: int
    description: str
    has_photo: bool
    version: int
    created_at: dt.datetime


class Scores(BaseModel):
    """The five criteria of a dispatched teacher's assessment, each scored 0–100."""

    model_config = ConfigDict(extra="forbid")

    attitude: int = Field(ge=0, le=100)
    attendance: int = Field(ge=0, le=100)
    teaching: int = Field(ge=0, le=100)
    results: int = Field(ge=0, le=100)
    contribution: int = Field(ge=0, le=100)


class EvaluationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scores: Scores
    comments: str = Field(default="", max_length=5000)
    submit: bool = Field(default=True, description="Submit now (final); false keeps a draft to finish later")


class EvaluationUpdate(PatchModel):
    scores: Scores | None = None
    comments: str | None = Field(default=None, max_length=5000)


class EvaluationRead(ReadModel):
    id: int
    rotation_id: int
    evaluator_school_id: int
    scores: Scores
    weights: dict[str, int]
    total: Decimal
    grade: EvaluationGrade
    comments: str
    status: EvaluationStatus
    submitted_at: dt.datetime | None
    allowed_actions: list[str]
    version: int
    created_at: dt.datetime


class AttendanceDay(BaseModel):
    date: dt.date
    state: str = Field(description="present, leave, absent, pending (today, not yet), upcoming, or no_school")
    flagged: bool = False


class Attendance(BaseModel):
    """School days of a rotation in a month (or the whole rotation): weekends and the bureau's holidays
    are not school days; days after today are not counted yet, nor today before the check-in."""

    rotation_id: int
    month: str | None
    from_date: dt.date
    to_date: dt.date
    expected_days: int
    present_days: int
    leave_days: int
    absent_days: int
    flagged_days: int
    attendance_rate: float | None = Field(description="present / (expected − leave); null with no days yet")
    suggested_score: int | None = Field(description="The attendance score the evaluation form starts from")
    days: list[AttendanceDay]


class CalendarDayCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    kind: CalendarDayKind = CalendarDayKind.holiday
    name: str = Field(default="", max_length=50)


class CalendarDayRead(ReadModel):
    id: int
    organization_id: int
    date: dt.date
    kind: CalendarDayKind
    name: str


class RotationComplianceRow(BaseModel):
    school_id: int
    school_name: str
    eligible_teachers: int
    eligible_backbone: int
    rotated: int = Field(description="Distinct teachers on approved, active or completed dispatches")
    planned: int = Field(description="More teachers proposed but not yet approved")
    required: int
    gap: int = Field(description="Teachers still to rotate to reach the required share")
    rotated_share: float | None
    backbone_rotated: int
    backbone_required: int
    backbone_gap: int
    backbone_share: float | None = Field(description="Backbone teachers among those rotated")
    status: ComplianceStatus


class RotationComplianceSummary(BaseModel):
    schools: int
    compliant: int
    at_risk: int
    non_compliant: int
    eligible_teachers: int
    rotated: int
    required: int
    gap: int
    rotated_share: float | None
    backbone_rotated: int
    backbone_required: int


class RotationCompliance(BaseModel):
    school_year: int
    programme_id: int | None
    min_rotation_share: float
    min_backbone_share: float
    backbone_share_base: BackboneShareBase
    rotation_eligibility_years: int
    eligible_since: dt.date = Field(description="Teachers who joined their school by this day are eligible")
    rows: list[RotationComplianceRow]
    summary: RotationComplianceSummary


class ServiceLedgerFilters(BaseModel):
    school_id: int | None = None
    region_id: int | None = Field(default=None, description="Schools of this county")
    eligible: bool | None = Field(default=None, description="false: only teachers still short of the rule")


class ServiceLedgerRow(BaseModel):
    """A teacher's rural and weak-school service against the title rule (the county's 台账)."""

    teacher_id: int
    teacher_name: str
    school_id: int
    school_name: str
    title_rank: TitleRank
    backbone_level: BackboneLevel
    completed_rotations: int
    rural_service_days: int
    weak_service_days: int
    required_rural_days: int
    required_weak_days: int
    missing_rural_days: int
    missing_weak_days: int
    eligible_for_title: bool


class RotationArchiveRow(BaseModel):
    """The six fields teacher archives keep for each rotation, plus whose it is."""

    rotation_id: int
    teacher_name: str
    type: str = Field(description="The kind of rotation, in the caller's language (支教, 跟岗学习, 挂职…)")
    personnel_moved: str = Field(description="是 / 否 (yes / no)")
    start_month: str = Field(description="2026-09")
    end_month: str
    original_unit: str
    rotation_unit: str

    @model_validator(mode="before")
    @classmethod
    def _from_rotation(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return value
        return {
            "rotation_id": value.id,
            "teacher_name": value.teacher_name,
            "type": t(f"rotation_kind.{value.kind.value}"),
            "personnel_moved": t("yes" if value.personnel_moved else "no"),
            "start_month": value.start_date.strftime("%Y-%m"),
            "end_month": value.end_date.strftime("%Y-%m"),
            "original_unit": value.from_school_name,
            "rotation_unit": value.to_school_name,
        }


class RosterRow(RotationRead):
    """A rotation with how it is going: the schools' lists of outgoing and incoming teachers."""

    present_days: int
    absent_days: int
    leave_days: int
    attendance_rate: float | None
    flagged_days: int
    log_count: int
    pending_leaves: int
