from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, Versioned
from app.core.enums import SchoolLocale, Stage, db_enum
from app.regions.models import Region


class School(Versioned, Base):
    __tablename__ = "school"
    __table_args__ = (
        CheckConstraint("student_count >= 0", name="student_count_non_negative"),
        CheckConstraint("teacher_count >= 0", name="teacher_count_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    stage: Mapped[Stage] = mapped_column(db_enum(Stage, "school_stage"), index=True)
    locale: Mapped[SchoolLocale] = mapped_column(db_enum(SchoolLocale, "school_locale"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"), index=True)
    address: Mapped[str] = mapped_column(String(255), default="")
    student_count: Mapped[int] = mapped_column(default=0)
    teacher_count: Mapped[int] = mapped_column(default=0)
    is_weak: Mapped[bool] = mapped_column(default=False, index=True)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    region: Mapped[Region] = relationship(lazy="raise")

    @property
    def region_name(self) -> str:
        return self.region.name
