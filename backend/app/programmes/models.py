import json
from datetime import date
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, Versioned
from app.core.enums import BackboneShareBase, MeetingCadence, db_enum

DEFAULT_WEIGHTS = {"attitude": 20, "attendance": 20, "teaching": 30, "results": 20, "contribution": 10}
DEFAULT_WEIGHTS_JSON = json.dumps(DEFAULT_WEIGHTS)


class Programme(Versioned, Base):
    """A bureau's pairing programme (e.g. 百校扶百校 2026–2029) and the rules its pairs are held to."""

    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint("end_date > start_date", name="end_after_start"),
        CheckConstraint("min_meetings >= 1", name="min_meetings_positive"),
        CheckConstraint("min_rotation_share >= 0 AND min_rotation_share <= 1", name="rotation_share_range"),
        CheckConstraint("min_backbone_share >= 0 AND min_backbone_share <= 1", name="backbone_share_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date]
    end_date: Mapped[date]
    meeting_cadence: Mapped[MeetingCadence] = mapped_column(
        db_enum(MeetingCadence, "meeting_cadence"), default=MeetingCadence.per_year
    )
    min_meetings: Mapped[int] = mapped_column(default=2)
    min_rotation_share: Mapped[Decimal] = mapped_column(Numeric(3, 2), default=Decimal("0.10"))
    min_backbone_share: Mapped[Decimal] = mapped_column(Numeric(3, 2), default=Decimal("0.20"))
    backbone_share_base: Mapped[BackboneShareBase] = mapped_column(
        db_enum(BackboneShareBase, "backbone_share_base"), default=BackboneShareBase.rotated
    )
    rotation_eligibility_years: Mapped[int] = mapped_column(default=6)
    required_rural_service_days: Mapped[int] = mapped_column(default=365)
    required_weak_service_days: Mapped[int] = mapped_column(default=1095)
    # Host schools' evaluation criteria → weight in points (see programmes.schemas.EvaluationWeights).
    evaluation_weights: Mapped[dict[str, int]] = mapped_column(
        JSON, default=lambda: dict(DEFAULT_WEIGHTS), server_default=DEFAULT_WEIGHTS_JSON
    )
