"""Scheduling and recording meetings, their minutes, and follow-up items."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, load_only, selectinload

from app.agreements.models import Agreement
from app.agreements.service import agreement_titles, ensure_party, get_agreement
from app.core import audit, policy, updates
from app.core.clock import now, today
from app.core.enums import ActionItemStatus, AgreementStatus, MeetingStatus, MinutesStatus, Party, Role
from app.core.errors import Conflict, Forbidden, ValidationFailed
from app.core.i18n import current_locale
from app.core.listing import ListSpec, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.integrations import events
from app.meetings import rules
from app.meetings.models import ActionItem, Meeting
from app.meetings.pdf import minutes_pdf
from app.meetings.schemas import (
    ActionItemCreate,
    ActionItemFilters,
    ActionItemListRow,
    ActionItemRead,
    ActionItemUpdate,
    MeetingCreate,
    MeetingFilters,
    MeetingRead,
    MeetingSummary,
    MeetingUpdate,
)
from app.notifications.service import notify_minutes_to_confirm, settle
from app.schools.models import School

WITH_AGREEMENT = (
    joinedload(Meeting.agreement).joinedload(Agreement.supporting_school),
    joinedload(Meeting.agreement).joinedload(Agreement.receiving_school),
)
# A list's rows (MeetingSummary): not the minutes, agenda and decisions, nor the agreement's commitments
# and the schools' other columns, read and hydrated for 50 rows to be dropped.
_PARTY = joinedload(Meeting.agreement).load_only(
    Agreement.title, Agreement.supporting_school_id, Agreement.receiving_school_id
)
LIST_LOAD = (
    load_only(
        Meeting.agreement_id,
        Meeting.kind,
        Meeting.scheduled_date,
        Meeting.held_date,
        Meeting.status,
        Meeting.minutes_status,
        Meeting.location,
        Meeting.version,
    ),
    _PARTY.joinedload(Agreement.supporting_school).load_only(School.name),
    _PARTY.joinedload(Agreement.receiving_school).load_only(School.name),
)
LIST_SPEC = ListSpec(
    read_model=MeetingSummary,
    sortable={
        "scheduled_date": Meeting.scheduled_date,
        "held_date": Meeting.held_date,
        "status": Meeting.status,
    },
    default_sort=(Meeting.scheduled_date.desc(), Meeting.id.desc()),
    searchable=(Meeting.location, Meeting.agenda),
    options=LIST_LOAD,
    sheet="meetings",
    labels={
        "id": ("编号", "ID"),
        "agreement_title": ("协议", "Agreement"),
        "supporting_school_name": ("支援学校", "Supporting school"),
        "receiving_school_name": ("受援学校", "Receiving school"),
        "kind": ("类型", "Kind"),
        "scheduled_date": ("计划日期", "Scheduled"),
        "held_date": ("召开日期", "Held"),
        "status": ("状态", "Status"),
        "minutes_status": ("纪要", "Minutes"),
        "location": ("地点", "Location"),
    },
)
PLANNED_FIELDS = {"kind", "scheduled_date", "location", "online_link", "agenda"}
RECORD_FIELDS = {"attendees", "minutes", "decisions", "held_date", "location"}


def meetings_query(*, caller: Caller, filters: MeetingFilters) -> Select[Any]:
    stmt = policy.readable(caller, Meeting)
    if filters.status is not None:
        stmt = stmt.where(Meeting.status == filters.status)
    if filters.agreement_id is not None:
        stmt = stmt.where(Meeting.agreement_id == filters.agreement_id)
    if filters.school_id is not None:
        pairs = select(Agreement.id).where(
            (Agreement.supporting_school_id == filters.school_id)
            | (Agreement.receiving_school_id == filters.school_id)
        )
        stmt = stmt.where(Meeting.agreement_id.in_(pairs))
    # A meeting's date is when it was held, or when it is planned for.
    if filters.date_from is not None:
        stmt = stmt.where(Meeting.scheduled_date >= filters.date_from)
    if filters.date_to is not None:
        stmt = stmt.where(Meeting.scheduled_date <= filters.date_to)
    return stmt


def _side(caller: Caller, agreement: Agreement) -> Party:
    """The school side the caller records for; the bureau records for the supporting school."""
    parties = policy.agreement_parties(caller, agreement)
    if Party.receiving_school in parties:
        return Party.receiving_school
    return Party.supporting_school


async def _carried_over(session: AsyncSession, meeting: Meeting) -> list[ActionItem]:
    """Open items of the pair already overdue: they belong on the next planned meeting's agenda."""
    if meeting.status != MeetingStatus.planned:
        return []
    return list(
        (
            await session.scalars(
                select(ActionItem)
                .where(
                    ActionItem.agreement_id == meeting.agreement_id,
                    ActionItem.meeting_id != meeting.id,
                    ActionItem.status == ActionItemStatus.open,
                    ActionItem.due_date < today(),
                )
                .order_by(ActionItem.due_date, ActionItem.id)
            )
        ).all()
    )


async def get_meeting(
    session: AsyncSession, *, caller: Caller, meeting_id: int, for_update: bool = False
) -> Meeting:
    meeting = await policy.get_readable(
        session,
        caller,
        Meeting,
        meeting_id,
        entity="meeting",
        for_update=for_update,
        options=(*WITH_AGREEMENT, selectinload(Meeting.items)),
    )
    parties = policy.agreement_parties(caller, meeting.agreement)
    meeting.allowed_actions = rules.minutes_actions(  # type: ignore[attr-defined]
        meeting.minutes_status, meeting.minutes_recorded_by, parties, caller.role == Role.bureau_admin
    )
    waiting = meeting.minutes_status == MinutesStatus.draft
    meeting.next_actor = rules.other_side(meeting.minutes_recorded_by) if waiting else None  # type: ignore[attr-defined]
    meeting.carried_over_items = await _carried_over(session, meeting)  # type: ignore[attr-defined]
    return meeting


async def _reload(session: AsyncSession, caller: Caller, meeting_id: int) -> Meeting:
    session.expire_all()
    return await get_meeting(session, caller=caller, meeting_id=meeting_id)


async def create_meeting(
    session: AsyncSession, *, caller: Caller, agreement_id: int, data: MeetingCreate
) -> Meeting:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, agreement)
    if agreement.status != AgreementStatus.active:
        raise Conflict("meetings_need_active", status=f"status.{agreement.status.value}")
    meeting = Meeting(agreement_id=agreement.id, created_by_id=caller.user_id, **data.model_dump())
    session.add(meeting)
    await session.flush()
    meeting = await _reload(session, caller, meeting.id)
    await audit.record_created(session, caller, meeting, entity="meeting", read_model=MeetingRead)
    return meeting


def _check_update(meeting: Meeting, changes: dict[str, Any], data: MeetingUpdate) -> None:
    """What may change depends on where the meeting stands."""
    target = changes.get("status", meeting.status)
    if meeting.status == MeetingStatus.cancelled:
        raise Conflict("meeting_cancelled")
    if meeting.status == MeetingStatus.held and "status" in changes:
        raise Conflict("meeting_already_held")
    if target == MeetingStatus.cancelled:
        if not (changes.get("cancel_reason") or "").strip():
            raise ValidationFailed("comment_required", field="cancel_reason")
        return
    if target == MeetingStatus.held:
        held = changes.get("held_date", meeting.held_date)
        if held is None:
            raise ValidationFailed("held_date_required", field="held_date")
        if held > today():
            raise ValidationFailed("held_date_future", field="held_date")
        if meeting.minutes_status == MinutesStatus.final and set(changes) & RECORD_FIELDS:
            raise Conflict("minutes_final")
        return
    # Still planned: only the plan changes; the record waits until it is held.
    if set(changes) - PLANNED_FIELDS:
        field = sorted(set(changes) - PLANNED_FIELDS)[0]
        raise ValidationFailed("record_needs_held", field=field)


async def update_meeting(
    session: AsyncSession,
    *,
    caller: Caller,
    meeting_id: int,
    data: MeetingUpdate,
    expected_version: int | None,
) -> Meeting:
    meeting = await get_meeting(session, caller=caller, meeting_id=meeting_id, for_update=True)
    ensure_party(caller, meeting.agreement)
    check_version(meeting.version, expected_version)
    changes = updates.changed_fields(meeting, data)
    if "attendees" in changes:
        # Attendees come from the two schools: any other school's id would print its name in the
        # minutes (resolved unscoped), revealing schools outside the caller's county.
        for attendee in data.attendees or []:
            _check_owner(meeting.agreement, attendee.school_id, field="attendees")
        changes["attendees"] = [a.model_dump() for a in data.attendees or []]
    if not changes:
        return meeting
    _check_update(meeting, changes, data)
    if changes.get("status") == MeetingStatus.held:
        changes.update(
            minutes_status=MinutesStatus.draft, minutes_recorded_by=_side(caller, meeting.agreement)
        )
    await audit.apply_changes(session, caller, meeting, changes, entity="meeting", read_model=MeetingRead)
    if changes.get("status") == MeetingStatus.held:
        await events.meeting_held(session, meeting, meeting.agreement)
        await notify_minutes_to_confirm(
            session,
            meeting.agreement,
            meeting.id,
            rules.other_side(meeting.minutes_recorded_by),
            meeting.version,
        )
    return await _reload(session, caller, meeting_id)


async def act_on_minutes(
    session: AsyncSession,
    *,
    caller: Caller,
    meeting_id: int,
    action: str,
    comment: str,
    expected_version: int | None,
) -> Meeting:
    meeting = await get_meeting(session, caller=caller, meeting_id=meeting_id, for_update=True)
    check_version(meeting.version, expected_version)
    allowed: list[str] = meeting.allowed_actions  # type: ignore[attr-defined]
    if action not in allowed:
        if policy.agreement_parties(caller, meeting.agreement) or caller.role == Role.bureau_admin:
            raise Conflict("minutes_not_waiting")
        raise Forbidden()
    to, needs_comment = rules.MINUTES_ACTIONS[action]
    if needs_comment and not comment.strip():
        raise ValidationFailed("comment_required", field="comment")
    changes: dict[str, Any] = {"minutes_status": to, "minutes_comment": comment.strip()}
    if to == MinutesStatus.final:
        changes["minutes_final_at"] = now()
    await audit.apply_changes(session, caller, meeting, changes, entity="meeting", read_model=MeetingRead)
    if to == MinutesStatus.final:
        await settle(session, kind="minutes_to_confirm", meeting_id=meeting.id)
    return await _reload(session, caller, meeting_id)


def _check_owner(agreement: Agreement, school_id: int | None, field: str = "owner_school_id") -> None:
    if school_id is not None and school_id not in (
        agreement.supporting_school_id,
        agreement.receiving_school_id,
    ):
        raise ValidationFailed("school_not_party", field=field)


async def add_item(
    session: AsyncSession, *, caller: Caller, meeting_id: int, data: ActionItemCreate
) -> ActionItem:
    meeting = await get_meeting(session, caller=caller, meeting_id=meeting_id)
    ensure_party(caller, meeting.agreement)
    if meeting.status != MeetingStatus.held:
        raise Conflict("items_need_held")
    _check_owner(meeting.agreement, data.owner_school_id)
    item = ActionItem(meeting_id=meeting.id, agreement_id=meeting.agreement_id, **data.model_dump())
    session.add(item)
    await session.flush()
    await audit.record_created(session, caller, item, entity="action_item", read_model=ActionItemRead)
    return item


async def update_item(
    session: AsyncSession,
    *,
    caller: Caller,
    item_id: int,
    data: ActionItemUpdate,
    expected_version: int | None,
) -> ActionItem:
    item = await policy.get_readable(session, caller, ActionItem, item_id, entity="action_item")
    agreement = await get_agreement(session, caller=caller, agreement_id=item.agreement_id)
    ensure_party(caller, agreement)
    check_version(item.version, expected_version)
    changes = updates.changed_fields(item, data)
    if not changes:
        return item
    _check_owner(agreement, changes.get("owner_school_id"))
    if "status" in changes:
        changes["done_at"] = now() if changes["status"] == ActionItemStatus.done else None
    await audit.apply_changes(session, caller, item, changes, entity="action_item", read_model=ActionItemRead)
    return item


ITEM_LIST_SPEC = ListSpec(
    read_model=ActionItemListRow,
    sortable={"due_date": ActionItem.due_date, "status": ActionItem.status},
    default_sort=(ActionItem.due_date, ActionItem.id),
    searchable=(ActionItem.description,),
    sheet="follow-up-items",
    labels={
        "id": ("编号", "ID"),
        "description": ("事项", "Item"),
        "agreement_id": ("协议编号", "Agreement ID"),
        "agreement_title": ("协议", "Agreement"),
        "owner_school_id": ("责任学校编号", "Owner school ID"),
        "owner_school_name": ("责任学校", "Owner school"),
        "owner_name": ("负责人", "Owner"),
        "due_date": ("完成期限", "Due"),
        "status": ("状态", "Status"),
        "overdue": ("已逾期", "Overdue"),
    },
)


async def name_items(session: AsyncSession, items: Sequence[ActionItem]) -> None:
    """Give a page of follow-up items their owner school's name and agreement's title (two queries)."""
    schools = dict(
        (await session.execute(
            select(School.id, School.name).where(School.id.in_({i.owner_school_id for i in items}))
        )).all()
    )  # fmt: skip
    titles = await agreement_titles(session, {i.agreement_id for i in items})
    for item in items:
        item.owner_school_name = schools.get(item.owner_school_id, "")  # type: ignore[attr-defined]
        item.agreement_title = titles.get(item.agreement_id, "")  # type: ignore[attr-defined]


def items_query(*, caller: Caller, filters: ActionItemFilters) -> Select[Any]:
    """Follow-up items of every meeting in scope; `overdue=true`: open and past due (the watch list)."""
    stmt = where_equal(
        policy.readable(caller, ActionItem),
        ActionItem,
        filters,
        only=("status", "agreement_id", "owner_school_id"),
    )
    if filters.overdue is not None:
        late = (ActionItem.status == ActionItemStatus.open) & (ActionItem.due_date < today())
        stmt = stmt.where(late if filters.overdue else ~late)
    return stmt


async def items_of(session: AsyncSession, *, caller: Caller, meeting_id: int) -> list[ActionItem]:
    meeting = await get_meeting(session, caller=caller, meeting_id=meeting_id)
    return list(meeting.items)


async def minutes_document(session: AsyncSession, *, caller: Caller, meeting_id: int) -> tuple[bytes, str]:
    meeting = await get_meeting(session, caller=caller, meeting_id=meeting_id)
    if meeting.minutes_status != MinutesStatus.final:
        raise Conflict("minutes_not_final")
    ids = {meeting.agreement.supporting_school_id, meeting.agreement.receiving_school_id}
    ids |= {a.get("school_id") for a in meeting.attendees if a.get("school_id")}
    names = dict((await session.execute(select(School.id, School.name).where(School.id.in_(ids)))).all())
    data = minutes_pdf(meeting, names, current_locale.get())
    return data, f"minutes-{meeting.held_date}-{meeting.id}.pdf"
