from datetime import date

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import BackboneLevel, Gender, TitleRank, db_enum
from app.schools.models import School
from app.users.models import User


class Teacher(Versioned, Base):
    """A teacher on the roster of one home school."""

    __tablename__ = "teacher"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[Gender] = mapped_column(db_enum(Gender, "gender"))
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    title_rank: Mapped[TitleRank] = mapped_column(db_enum(TitleRank, "title_rank"), default=TitleRank.none)
    backbone_level: Mapped[BackboneLevel] = mapped_column(
        db_enum(BackboneLevel, "backbone_level"), default=BackboneLevel.none, index=True
    )
    hire_date: Mapped[date]
    birth_date: Mapped[date | None]
    phone: Mapped[str] = mapped_column(String(30), default="")

    subject_rows: Mapped[list["TeacherSubject"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="TeacherSubject.position"
    )

    school: Mapped[School] = relationship(lazy="raise")
    # The linked sign-in account, if any (the link lives on the account).
    user_id: Mapped[int | None] = column_property(
        select(User.id).where(User.teacher_id == id).correlate_except(User).scalar_subquery()
    )

    @property
    def subjects(self) -> list[str]:
        return [row.subject for row in self.subject_rows]

    @property
    def school_name(self) -> str:
        return self.school.name


class TeacherSubject(Base):
    """One subject a teacher teaches; a table (not a JSON list) so filters and planning can index it."""

    __tablename__ = "teacher_subject"

    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"), primary_key=True)
    subject: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)
