import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import (
    CalendarDayKind,
    EvaluationGrade,
    EvaluationStatus,
    LeaveStatus,
    RotationDirection,
    RotationKind,
    RotationStatus,
    WorkLogKind,
    db_enum,
)
from app.schools.models import School
from app.teachers.models import Teacher


class Rotation(Versioned, Base):
    """A teacher's stay at another school (支教 or 跟岗), from proposal to completion or withdrawal."""

    __tablename__ = "rotation"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_not_before_start"),
        CheckConstraint("from_school_id <> to_school_id", name="schools_differ"),
        CheckConstraint("weekly_periods >= 0", name="weekly_periods_non_negative"),
        Index("ix_rotation_teacher_dates", "teacher_id", "start_date", "end_date"),
        # The lists' order (start_date DESC, id DESC) read straight off the index: rotations cluster on
        # the first days of a term, and with start_date alone a province's first page sorted all 1,813
        # rotations of the newest day, with their joins, to keep 50 (29.6 ms; now the first 50 rows).
        Index("ix_rotation_start_date_id", "start_date", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"))
    from_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    to_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), index=True
    )
    # The staffing need a rotation plan's acceptance created it for (None for rotations entered by hand).
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("staffing_need.id", ondelete="SET NULL"), index=True
    )
    direction: Mapped[RotationDirection] = mapped_column(db_enum(RotationDirection, "rotation_direction"))
    kind: Mapped[RotationKind] = mapped_column(
        db_enum(RotationKind, "rotation_kind"), default=RotationKind.teaching
    )
    subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date] = mapped_column(index=True)
    weekly_periods: Mapped[int] = mapped_column(default=0)
    # Whether the personnel relationship moves with the teacher (是否调动人事关系); usually not.
    personnel_moved: Mapped[bool] = mapped_column(default=False)
    living_allowance_yuan: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal(0))
    transport_allowance_yuan: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal(0))
    status: Mapped[RotationStatus] = mapped_column(
        db_enum(RotationStatus, "rotation_status"), default=RotationStatus.planned, index=True
    )
    withdraw_reason: Mapped[str] = mapped_column(Text, default="")
    arrived_at: Mapped[dt.datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    teacher: Mapped[Teacher] = relationship(lazy="raise")
    from_school: Mapped[School] = relationship(foreign_keys=[from_school_id], lazy="raise")
    to_school: Mapped[School] = relationship(foreign_keys=[to_school_id], lazy="raise")

    @property
    def teacher_name(self) -> str:
        return self.teacher.name

    @property
    def from_school_name(self) -> str:
        return self.from_school.name

    @property
    def to_school_name(self) -> str:
        return self.to_school.name


class CheckIn(Base):
    """A dispatched teacher's daily check-in at the host school: one per teacher per day."""

    __tablename__ = "checkin"
    __table_args__ = (UniqueConstraint("teacher_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rotation_id: Mapped[int] = mapped_column(ForeignKey("rotation.id", ondelete="CASCADE"), index=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    checked_in_at: Mapped[dt.datetime]
    note: Mapped[str] = mapped_column(String(500), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    distance_m: Mapped[int | None]
    # Farther from the host school than the allowed radius: shown to the school, never refused.
    flagged: Mapped[bool] = mapped_column(default=False)


class Leave(Versioned, Base):
    """A dispatched teacher's leave request, decided by the host school."""

    __tablename__ = "leave"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_not_before_start"),
        Index("ix_leave_rotation_dates", "rotation_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rotation_id: Mapped[int] = mapped_column(ForeignKey("rotation.id", ondelete="CASCADE"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[LeaveStatus] = mapped_column(
        db_enum(LeaveStatus, "leave_status"), default=LeaveStatus.pending, index=True
    )
    decision_comment: Mapped[str] = mapped_column(String(500), default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None]


class WorkLog(Versioned, Base):
    """One entry of the teacher's work log (lessons, open classes, mentoring...), optionally with a photo."""

    __tablename__ = "work_log"
    __table_args__ = (
        CheckConstraint("periods >= 0 AND periods <= 20", name="periods_range"),
        Index("ix_work_log_rotation_date", "rotation_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rotation_id: Mapped[int] = mapped_column(ForeignKey("rotation.id", ondelete="CASCADE"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date]
    kind: Mapped[WorkLogKind] = mapped_column(db_enum(WorkLogKind, "work_log_kind"))
    periods: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    photo_key: Mapped[str | None] = mapped_column(String(200))
    photo_content_type: Mapped[str | None] = mapped_column(String(50))

    @property
    def has_photo(self) -> bool:
        return self.photo_key is not None


class Evaluation(Versioned, Base):
    """The host school's end-of-term assessment (考核) of a dispatched teacher."""

    __tablename__ = "evaluation"
    __table_args__ = (
        UniqueConstraint("rotation_id", "evaluator_school_id"),
        CheckConstraint("total >= 0 AND total <= 100", name="total_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rotation_id: Mapped[int] = mapped_column(ForeignKey("rotation.id", ondelete="CASCADE"))
    evaluator_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    # {attitude, attendance, teaching, results, contribution}: 0–100 each.
    scores: Mapped[dict[str, int]] = mapped_column(JSON)
    weights: Mapped[dict[str, int]] = mapped_column(JSON)  # the programme's, as they were when scored
    total: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    grade: Mapped[EvaluationGrade] = mapped_column(db_enum(EvaluationGrade, "evaluation_grade"))
    comments: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[EvaluationStatus] = mapped_column(
        db_enum(EvaluationStatus, "evaluation_status"), default=EvaluationStatus.draft
    )
    submitted_at: Mapped[dt.datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class CalendarDay(Base):
    """An exception to the Monday–Friday school week, kept by a bureau for its schools:
    a weekday holiday, or a weekend make-up school day (调休)."""

    __tablename__ = "calendar_day"
    __table_args__ = (UniqueConstraint("organization_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[CalendarDayKind] = mapped_column(
        db_enum(CalendarDayKind, "calendar_day_kind"), default=CalendarDayKind.holiday
    )
    name: Mapped[str] = mapped_column(String(50), default="")
