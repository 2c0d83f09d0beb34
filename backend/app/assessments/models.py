"""The annual assessment (年度考核) of a programme's pairs: a scoring form and the inspectors' scores."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import AssessmentSource, AssessmentStatus, db_enum
from app.programmes.models import Programme


class Assessment(Versioned, Base):
    """One programme's assessment for one school year, with its scoring form (考核评分表)."""

    __tablename__ = "assessment"
    __table_args__ = (
        UniqueConstraint("programme_id", "school_year"),
        CheckConstraint("pass_threshold >= 0", name="pass_threshold_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    school_year: Mapped[int] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(100))
    # Pairs whose total is below this are named in the result (通报).
    pass_threshold: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=Decimal(60))
    status: Mapped[AssessmentStatus] = mapped_column(
        db_enum(AssessmentStatus, "assessment_status"), default=AssessmentStatus.draft, index=True
    )
    published_at: Mapped[dt.datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    programme: Mapped[Programme] = relationship(lazy="joined", innerjoin=True)
    items: Mapped[list["AssessmentItem"]] = relationship(
        order_by="AssessmentItem.position",
        cascade="all, delete-orphan",
        lazy="selectin",
        passive_deletes=True,
    )

    @property
    def programme_name(self) -> str:
        return self.programme.name

    @property
    def max_total(self) -> Decimal:
        return sum((item.max_points for item in self.items), Decimal(0))


class AssessmentItem(Base):
    """A line of the scoring form: what is assessed, how many points, and who scores it."""

    __tablename__ = "assessment_item"
    __table_args__ = (
        CheckConstraint("max_points > 0", name="max_points_positive"),
        CheckConstraint("target IS NULL OR target > 0", name="target_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    guidance: Mapped[str] = mapped_column(Text, default="")  # what the inspector looks for
    max_points: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    source: Mapped[AssessmentSource] = mapped_column(
        db_enum(AssessmentSource, "assessment_source"), default=AssessmentSource.manual
    )
    # The count that earns full points (rotations, activities; goals optionally). None for meetings:
    # the programme's requirement applies; for goals: the goals due in the year.
    target: Mapped[int | None]


class AssessmentSheet(Versioned, Base):
    """The scores of one pair (agreement) in one assessment. Inspectors write the manual items; on
    publication the automatic items' points are stored too, so the published result never moves."""

    __tablename__ = "assessment_sheet"
    __table_args__ = (UniqueConstraint("assessment_id", "agreement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    remarks: Mapped[str] = mapped_column(Text, default="")
    scored_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    scores: Mapped[list["AssessmentScore"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", passive_deletes=True
    )


class AssessmentScore(Base):
    """The points one pair got on one item, with the inspector's comment."""

    __tablename__ = "assessment_score"
    __table_args__ = (
        UniqueConstraint("sheet_id", "item_id"),
        CheckConstraint("points >= 0", name="points_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("assessment_sheet.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("assessment_item.id", ondelete="CASCADE"), index=True)
    points: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    comment: Mapped[str] = mapped_column(Text, default="")
    # A figure behind an automatic score as published, e.g. "2/2".
    detail: Mapped[str] = mapped_column(String(50), default="")
