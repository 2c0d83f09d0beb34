"""Staffing needs of receiving schools, teachers kept out of a year's plan, and proposed plans."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import NeedPriority, ProposalStatus, RotationStatus, Stage, Term, db_enum
from app.regions.models import Region
from app.rotations.models import Rotation
from app.schools.models import School
from app.teachers.models import Teacher
from app.users.models import User


class StaffingNeed(Versioned, Base):
    """A receiving school's request for teachers (缺编学科): subject, stage, how many, how urgent."""

    __tablename__ = "staffing_need"
    __table_args__ = (
        CheckConstraint("teacher_count >= 1 AND teacher_count <= 50", name="need_count_range"),
        Index("ix_staffing_need_year_school", "school_year", "school_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    school_year: Mapped[int]
    term: Mapped[Term] = mapped_column(db_enum(Term, "need_term"))
    subject: Mapped[str] = mapped_column(String(30), index=True)
    stage: Mapped[Stage] = mapped_column(db_enum(Stage, "need_stage"))
    # `count` in the API; a column named count would shadow SQL's COUNT in hand-written queries.
    teacher_count: Mapped[int]
    priority: Mapped[NeedPriority] = mapped_column(
        db_enum(NeedPriority, "need_priority"), default=NeedPriority.normal
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    school: Mapped[School] = relationship(lazy="raise")
    # Teachers placed: the rotations (not withdrawn) an accepted plan created for this need.
    filled: Mapped[int] = column_property(
        select(func.count(Rotation.id))
        .where(Rotation.need_id == id, Rotation.status != RotationStatus.withdrawn)
        .correlate_except(Rotation)
        .scalar_subquery()
    )

    @property
    def school_name(self) -> str:
        return self.school.name

    @property
    def count(self) -> int:
        return self.teacher_count


class TeacherUnavailability(Base):
    """A teacher the home school keeps out of a school year's plan, and why (illness, graduating class)."""

    __tablename__ = "teacher_unavailability"
    __table_args__ = (UniqueConstraint("teacher_id", "school_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"), index=True)
    school_year: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime]

    teacher: Mapped[Teacher] = relationship(lazy="raise")


class PlanningProposal(Versioned, Base):
    """A proposed county rotation plan: who asked, when, the inputs the solver saw and its result.
    `inputs` and `result` are snapshots (JSON), so a proposal reads the same later and two can be
    compared, whatever has changed since."""

    __tablename__ = "planning_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"), index=True)
    school_year: Mapped[int] = mapped_column(index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    status: Mapped[ProposalStatus] = mapped_column(
        db_enum(ProposalStatus, "proposal_status"), default=ProposalStatus.draft, index=True
    )
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    accepted_at: Mapped[dt.datetime | None]
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    region: Mapped[Region] = relationship(lazy="raise")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id], lazy="raise")

    @property
    def region_name(self) -> str:
        return self.region.name

    @property
    def created_by_name(self) -> str | None:
        return self.created_by.display_name if self.created_by else None
