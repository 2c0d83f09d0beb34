import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.agreements.models import Agreement
from app.core.clock import today
from app.core.db import Base, Versioned
from app.core.enums import ActionItemStatus, MeetingKind, MeetingStatus, MinutesStatus, Party, db_enum


class Meeting(Versioned, Base):
    """A joint meeting (例会) of the two schools of an agreement: scheduled, then held or cancelled."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_agreement_status_held", "agreement_id", "status", "held_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    kind: Mapped[MeetingKind] = mapped_column(
        db_enum(MeetingKind, "meeting_kind"), default=MeetingKind.regular
    )
    scheduled_date: Mapped[dt.date] = mapped_column(index=True)
    held_date: Mapped[dt.date | None] = mapped_column(index=True)
    status: Mapped[MeetingStatus] = mapped_column(
        db_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.planned, index=True
    )
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    attendees: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    minutes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    minutes_status: Mapped[MinutesStatus | None] = mapped_column(db_enum(MinutesStatus, "minutes_status"))
    # The side that records the minutes; the other side confirms them.
    minutes_recorded_by: Mapped[Party | None] = mapped_column(db_enum(Party, "minutes_party"))
    minutes_comment: Mapped[str] = mapped_column(Text, default="")
    minutes_final_at: Mapped[dt.datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    agreement: Mapped[Agreement] = relationship(lazy="raise")
    items: Mapped[list["ActionItem"]] = relationship(
        back_populates="meeting", lazy="raise", order_by="ActionItem.id", cascade="all, delete-orphan"
    )

    @property
    def agreement_title(self) -> str:
        return self.agreement.title

    @property
    def supporting_school_id(self) -> int:
        return self.agreement.supporting_school_id

    @property
    def supporting_school_name(self) -> str:
        return self.agreement.supporting_school_name

    @property
    def receiving_school_id(self) -> int:
        return self.agreement.receiving_school_id

    @property
    def receiving_school_name(self) -> str:
        return self.agreement.receiving_school_name


class ActionItem(Versioned, Base):
    """A follow-up item (跟进事项) decided at a meeting; overdue when open past its due date."""

    __tablename__ = "action_item"
    __table_args__ = (Index("ix_action_item_agreement_status_due", "agreement_id", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    # Copied from the meeting so carry-over and scoping need no join.
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    description: Mapped[str] = mapped_column(Text)
    owner_school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"))
    owner_name: Mapped[str] = mapped_column(String(100), default="")
    due_date: Mapped[dt.date]
    status: Mapped[ActionItemStatus] = mapped_column(
        db_enum(ActionItemStatus, "action_item_status"), default=ActionItemStatus.open
    )
    done_at: Mapped[dt.datetime | None]

    meeting: Mapped[Meeting] = relationship(back_populates="items", lazy="raise")

    @property
    def overdue(self) -> bool:
        return self.status == ActionItemStatus.open and self.due_date < today()
