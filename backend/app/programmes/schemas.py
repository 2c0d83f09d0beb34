from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

from app.core.enums import BackboneShareBase, MeetingCadence
from app.core.schemas import PatchModel, ReadModel


class EvaluationWeights(BaseModel):
    """Weights (in points, summing to 100) of the five criteria a host school scores a dispatched
    teacher on; the total is the weighted mean of the 0–100 scores."""

    model_config = ConfigDict(extra="forbid")

    attitude: int = Field(default=20, ge=0, le=100)
    attendance: int = Field(default=20, ge=0, le=100)
    teaching: int = Field(default=30, ge=0, le=100)
    results: int = Field(default=20, ge=0, le=100)
    contribution: int = Field(default=10, ge=0, le=100)

    @model_validator(mode="after")
    def _sum(self) -> "EvaluationWeights":
        if sum(self.model_dump().values()) != 100:
            raise ValueError("the weights must add up to 100")
        return self


class ProgrammeRules(BaseModel):
    meeting_cadence: MeetingCadence = MeetingCadence.per_year
    min_meetings: int = Field(default=2, ge=1, le=12)
    min_rotation_share: Decimal = Field(default=Decimal("0.10"), ge=0, le=1, max_digits=3, decimal_places=2)
    min_backbone_share: Decimal = Field(default=Decimal("0.20"), ge=0, le=1, max_digits=3, decimal_places=2)
    backbone_share_base: BackboneShareBase = BackboneShareBase.rotated
    rotation_eligibility_years: int = Field(default=6, ge=0, le=40)
    required_rural_service_days: int = Field(default=365, ge=0, le=3650)
    required_weak_service_days: int = Field(default=1095, ge=0, le=3650)
    evaluation_weights: EvaluationWeights = Field(default_factory=EvaluationWeights)


class ProgrammeCreate(ProgrammeRules):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=5000)
    start_date: date
    end_date: date

    @model_validator(mode="after")
    def _period(self) -> "ProgrammeCreate":
        if self.end_date <= self.start_date:
            raise ValueError("end_date must be after start_date")
        return self


class ProgrammeUpdate(PatchModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=5000)
    start_date: date | None = None
    end_date: date | None = None
    meeting_cadence: MeetingCadence | None = None
    min_meetings: int | None = Field(default=None, ge=1, le=12)
    min_rotation_share: Decimal | None = Field(default=None, ge=0, le=1, max_digits=3, decimal_places=2)
    min_backbone_share: Decimal | None = Field(default=None, ge=0, le=1, max_digits=3, decimal_places=2)
    backbone_share_base: BackboneShareBase | None = None
    rotation_eligibility_years: int | None = Field(default=None, ge=0, le=40)
    required_rural_service_days: int | None = Field(default=None, ge=0, le=3650)
    required_weak_service_days: int | None = Field(default=None, ge=0, le=3650)
    evaluation_weights: EvaluationWeights | None = None


# Shares are fractions with two decimals ("0.10" = 10 %), always shown with both.
Share = Annotated[
    Decimal, PlainSerializer(lambda v: str(Decimal(v).quantize(Decimal("0.01"))), return_type=str)
]


class ProgrammeRead(ReadModel):
    id: int
    organization_id: int
    name: str
    description: str
    start_date: date
    end_date: date
    meeting_cadence: MeetingCadence
    min_meetings: int
    min_rotation_share: Share
    min_backbone_share: Share
    backbone_share_base: BackboneShareBase
    rotation_eligibility_years: int
    required_rural_service_days: int
    required_weak_service_days: int
    evaluation_weights: EvaluationWeights
    version: int
    created_at: datetime
    updated_at: datetime


class ProgrammeFilters(BaseModel):
    organization_id: int | None = None
