import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import ActivityKind, DonationKind, db_enum
from app.schools.models import School


class Activity(Versioned, Base):
    """Help given under an agreement: a lecture, a demonstration lesson, a visit …"""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("participants >= 0", name="participants_non_negative"),
        # An agreement's activities in a period (the dashboard's activities by kind, an agreement's list by
        # date), read from the index alone on PostgreSQL: with agreement_id alone a county's dashboard read
        # a dozen rows per agreement to keep the term's one.
        Index("ix_activity_agreement_id_date", "agreement_id", "date", postgresql_include=["kind"]),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    kind: Mapped[ActivityKind] = mapped_column(db_enum(ActivityKind, "activity_kind"), index=True)
    date: Mapped[dt.date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    organizer_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    participants: Mapped[int] = mapped_column(default=0)
    subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    organizer_school: Mapped[School] = relationship(lazy="raise")

    @property
    def organizer_school_name(self) -> str:
        return self.organizer_school.name


class Donation(Versioned, Base):
    """Books, equipment, furniture or funds given under an agreement."""

    __tablename__ = "donation"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_non_negative"),
        CheckConstraint("value_yuan >= 0", name="value_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DonationKind] = mapped_column(db_enum(DonationKind, "donation_kind"))
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal(0))
    unit: Mapped[str] = mapped_column(String(20), default="")
    value_yuan: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal(0))
    date: Mapped[dt.date] = mapped_column(index=True)
    donor_school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
