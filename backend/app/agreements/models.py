from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import AgreementArea, AgreementStatus, GoalStatus, Party, db_enum
from app.programmes.models import Programme
from app.schools.models import School
from app.users.models import User


class Agreement(Versioned, Base):
    """A signed pairing agreement (结对帮扶协议) between a supporting and a receiving school."""

    __tablename__ = "agreement"
    __table_args__ = (
        CheckConstraint("supporting_school_id <> receiving_school_id", name="schools_differ"),
        CheckConstraint("end_date > start_date", name="end_after_start"),
        Index("ix_agreement_pair", "supporting_school_id", "receiving_school_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="RESTRICT"), index=True)
    supporting_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    receiving_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(index=True)
    end_date: Mapped[date] = mapped_column(index=True)
    commitments: Mapped[str] = mapped_column(Text, default="")
    forms: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Optional secondment of a supporting-school cadre as the receiving school's assistant principal.
    assistant_principal_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="SET NULL")
    )
    status: Mapped[AgreementStatus] = mapped_column(
        db_enum(AgreementStatus, "agreement_status"), default=AgreementStatus.draft, index=True
    )
    round: Mapped[int] = mapped_column(default=1)
    previous_agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    programme: Mapped[Programme] = relationship(lazy="raise")
    supporting_school: Mapped[School] = relationship(foreign_keys=[supporting_school_id], lazy="raise")
    receiving_school: Mapped[School] = relationship(foreign_keys=[receiving_school_id], lazy="raise")
    area_rows: Mapped[list["AgreementAreaRow"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="AgreementAreaRow.position"
    )

    @property
    def areas(self) -> list[str]:
        return [row.area.value for row in self.area_rows]

    @property
    def supporting_school_name(self) -> str:
        return self.supporting_school.name

    @property
    def receiving_school_name(self) -> str:
        return self.receiving_school.name

    @property
    def programme_name(self) -> str:
        return self.programme.name


class AgreementAreaRow(Base):
    """A content area of an agreement; a table so lists can filter by area."""

    __tablename__ = "agreement_area"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True
    )
    area: Mapped[AgreementArea] = mapped_column(
        db_enum(AgreementArea, "agreement_area_kind"), primary_key=True
    )
    position: Mapped[int] = mapped_column(default=0)


class Amendment(Versioned, Base):
    """A supplementary agreement (补充协议): the only way an active agreement changes."""

    __tablename__ = "amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    summary: Mapped[str] = mapped_column(Text)
    effective_date: Mapped[date]
    status: Mapped[AgreementStatus] = mapped_column(
        db_enum(AgreementStatus, "amendment_status"), default=AgreementStatus.draft
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class AgreementEvent(Base):
    """One step in an agreement's (or one of its amendments') timeline."""

    __tablename__ = "agreement_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    amendment_id: Mapped[int | None] = mapped_column(ForeignKey("amendment.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # The party the actor signed for; differs from the actor's own school when the bureau acts on behalf.
    acting_as: Mapped[Party | None] = mapped_column(db_enum(Party, "party"))
    on_behalf: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship(lazy="raise")

    @property
    def actor_name(self) -> str | None:
        return self.actor.display_name if self.actor is not None else None


class Goal(Versioned, Base):
    """A phased goal (阶段性目标) the agreement commits to."""

    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    area: Mapped[AgreementArea] = mapped_column(db_enum(AgreementArea, "goal_area"))
    target_date: Mapped[date]
    indicator: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[GoalStatus] = mapped_column(db_enum(GoalStatus, "goal_status"), default=GoalStatus.planned)
