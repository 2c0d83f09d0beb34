from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.core.enums import AgreementArea, AgreementStatus, AssistanceForm, GoalStatus, Party
from app.core.schemas import PatchModel, ReadModel


class GoalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    area: AgreementArea
    target_date: date
    indicator: str = Field(default="", max_length=2000)
    status: GoalStatus = GoalStatus.planned


class GoalUpdate(PatchModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    area: AgreementArea | None = None
    target_date: date | None = None
    indicator: str | None = Field(default=None, max_length=2000)
    status: GoalStatus | None = None


class GoalRead(ReadModel):
    id: int
    agreement_id: int
    title: str
    area: AgreementArea
    target_date: date
    indicator: str
    status: GoalStatus
    version: int


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class AgreementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    programme_id: int
    supporting_school_id: int
    receiving_school_id: int
    title: str = Field(min_length=1, max_length=200)
    start_date: date | None = Field(default=None, description="Default: the next 1 September")
    end_date: date | None = Field(default=None, description="Default: three school years after the start")
    areas: list[AgreementArea] = Field(min_length=1, max_length=5)
    forms: list[AssistanceForm] = Field(default_factory=list, max_length=4)
    commitments: str = Field(default="", max_length=20000)
    assistant_principal_teacher_id: int | None = None
    goals: list[GoalCreate] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _check(self) -> "AgreementCreate":
        if self.supporting_school_id == self.receiving_school_id:
            raise ValueError("the supporting and the receiving school must differ")
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValueError("end_date must be after start_date")
        self.areas = _unique(self.areas)  # type: ignore[arg-type]
        self.forms = _unique(self.forms)  # type: ignore[arg-type]
        return self


class AgreementUpdate(PatchModel):
    nullable = frozenset({"assistant_principal_teacher_id"})

    programme_id: int | None = None
    supporting_school_id: int | None = None
    receiving_school_id: int | None = None
    title: str | None = Field(default=None, min_length=1, max_length=200)
    start_date: date | None = None
    end_date: date | None = None
    areas: list[AgreementArea] | None = Field(default=None, min_length=1, max_length=5)
    forms: list[AssistanceForm] | None = Field(default=None, max_length=4)
    commitments: str | None = Field(default=None, max_length=20000)
    assistant_principal_teacher_id: int | None = None


class AgreementRead(ReadModel):
    id: int
    programme_id: int
    programme_name: str
    supporting_school_id: int
    supporting_school_name: str
    receiving_school_id: int
    receiving_school_name: str
    title: str
    start_date: date
    end_date: date
    areas: list[AgreementArea]
    forms: list[AssistanceForm]
    commitments: str
    assistant_principal_teacher_id: int | None
    status: AgreementStatus
    round: int
    previous_agreement_id: int | None
    allowed_actions: list[str] = Field(description="Transitions this caller may take now")
    next_actor: Party | None = Field(description="Which party must act next")
    version: int
    created_at: datetime
    updated_at: datetime


class AgreementFilters(BaseModel):
    programme_id: int | None = None
    status: AgreementStatus | None = None
    school_id: int | None = Field(default=None, description="Either party")
    supporting_school_id: int | None = None
    receiving_school_id: int | None = None
    area: AgreementArea | None = None
    school_year: int | None = Field(
        default=None, ge=2000, le=2100, description="In force during this school year"
    )
    waiting_for_me: bool | None = Field(
        default=None, description="Only agreements whose next step is the caller's"
    )


class TransitionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(default="", max_length=2000)


class EventRead(ReadModel):
    id: int
    agreement_id: int
    amendment_id: int | None
    action: str
    from_status: str | None
    to_status: str | None
    actor_id: int | None
    actor_name: str | None
    acting_as: Party | None
    on_behalf: bool
    comment: str
    at: datetime


class AmendmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary: str = Field(min_length=1, max_length=20000)
    effective_date: date


class AmendmentRead(ReadModel):
    id: int
    agreement_id: int
    summary: str
    effective_date: date
    status: AgreementStatus
    allowed_actions: list[str]
    next_actor: Party | None
    version: int
    created_at: datetime


class PairRef(BaseModel):
    """A pair named for a report row: the agreement and its two schools."""

    agreement_id: int
    title: str
    supporting_school_id: int
    supporting_school_name: str
    receiving_school_id: int
    receiving_school_name: str
