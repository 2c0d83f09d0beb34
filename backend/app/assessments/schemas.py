import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.agreements.schemas import PairRef
from app.core.enums import AssessmentSource, AssessmentStatus
from app.core.schemas import PatchModel, ReadModel

Points = Decimal  # two decimals, serialized as a decimal string like money

# Sources whose data gives a count but no natural requirement: the item must say what earns full points.
TARGETED = frozenset({AssessmentSource.rotations, AssessmentSource.activities})


class AssessmentItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int | None = Field(
        default=None, description="An existing item to keep (and change); omit for a new one"
    )
    title: str = Field(min_length=1, max_length=200)
    guidance: str = Field(default="", max_length=2000)
    max_points: Decimal = Field(gt=0, le=1000, max_digits=6, decimal_places=2)
    source: AssessmentSource = AssessmentSource.manual
    target: int | None = Field(
        default=None,
        ge=1,
        le=10000,
        description="The count earning full points: required for rotations and activities; optional for "
        "goals (default: the goals due in the year); not used for meetings (the programme's requirement)",
    )

    @model_validator(mode="after")
    def _target(self) -> "AssessmentItemIn":
        if self.source in TARGETED and self.target is None:
            raise ValueError(f"an item scored from {self.source.value} needs a target")
        if self.source in (AssessmentSource.manual, AssessmentSource.meetings):
            self.target = None
        return self


Items = list[AssessmentItemIn]


class AssessmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    programme_id: int
    school_year: int = Field(ge=2000, le=2100, description="2026 = 2026-09-01 … 2027-08-31")
    title: str | None = Field(default=None, min_length=1, max_length=100, description="Default: derived")
    pass_threshold: Decimal = Field(default=Decimal(60), ge=0, le=1000, max_digits=6, decimal_places=2)
    items: Items | None = Field(
        default=None, min_length=1, max_length=40, description="The scoring form; default: the standard form"
    )


class AssessmentUpdate(PatchModel):
    title: str | None = Field(default=None, min_length=1, max_length=100)
    pass_threshold: Decimal | None = Field(default=None, ge=0, le=1000, max_digits=6, decimal_places=2)
    items: Items | None = Field(default=None, min_length=1, max_length=40)


class AssessmentFilters(BaseModel):
    programme_id: int | None = None
    school_year: int | None = Field(default=None, ge=2000, le=2100)
    status: AssessmentStatus | None = None


class AssessmentItemRead(ReadModel):
    id: int
    position: int
    title: str
    guidance: str
    max_points: Points
    source: AssessmentSource
    target: int | None


class AssessmentRead(ReadModel):
    id: int
    programme_id: int
    programme_name: str
    school_year: int
    title: str
    pass_threshold: Points
    max_total: Points
    status: AssessmentStatus
    published_at: dt.datetime | None
    items: list[AssessmentItemRead]
    allowed_actions: list[str] = Field(description="edit, score, publish: what this caller may do now")
    version: int
    created_at: dt.datetime


class ScoreIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item_id: int
    points: Decimal = Field(ge=0, max_digits=6, decimal_places=2)
    comment: str = Field(default="", max_length=2000)


class SheetWrite(BaseModel):
    """An inspector's scores for a pair's manual items (all or some of them: the rest stay as they are)."""

    model_config = ConfigDict(extra="forbid")

    scores: list[ScoreIn] = Field(max_length=40)
    remarks: str | None = Field(default=None, max_length=5000)


class ItemScore(BaseModel):
    item_id: int
    points: Points | None = Field(description="None: a manual item not scored yet")
    auto: bool
    detail: str = Field(description="The figure behind an automatic score, e.g. 2/2")
    comment: str


class AssessmentRow(PairRef):
    """One pair's sheet: its item scores, total and place in the ranking."""

    assessment_id: int
    items: list[ItemScore]
    total: Points
    rank: int = Field(description="1 = highest total; equal totals share a rank")
    below_threshold: bool
    complete: bool = Field(description="Every manual item is scored")
    remarks: str
    sheet_version: int = Field(description="For If-Match when scoring; 0 before the first score")


class AssessmentSummary(BaseModel):
    pairs: int
    complete: int
    below_threshold: int
    average: Points | None
    highest: Points | None
    lowest: Points | None


class AssessmentResult(BaseModel):
    assessment: AssessmentRead
    rows: list[AssessmentRow]
    summary: AssessmentSummary


class AssessmentReport(BaseModel):
    school_year: int
    results: list[AssessmentResult]
