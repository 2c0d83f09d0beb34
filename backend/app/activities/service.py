"""The activity and donation ledger of an agreement."""

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.activities.models import Activity, Donation
from app.activities.schemas import (
    ActivityCreate,
    ActivityFilters,
    ActivityListRow,
    ActivityRead,
    ActivityUpdate,
    DonationCreate,
    DonationFilters,
    DonationListRow,
    DonationRead,
    DonationUpdate,
    KindTotal,
    LedgerFilters,
    LedgerSummary,
)
from app.agreements.models import Agreement, Goal
from app.agreements.service import agreement_titles, ensure_party, get_agreement
from app.core import audit, policy, updates
from app.core.enums import AgreementStatus
from app.core.errors import Conflict, ValidationFailed
from app.core.listing import ListSpec
from app.core.policy import Caller
from app.core.versioning import check_version

ACTIVITY_LIST = ListSpec(
    read_model=ActivityRead,
    sortable={"date": Activity.date, "kind": Activity.kind, "participants": Activity.participants},
    default_sort=(Activity.date.desc(), Activity.id.desc()),
    searchable=(Activity.title, Activity.description),
    options=(joinedload(Activity.organizer_school),),
    sheet="activities",
    labels={
        "id": ("编号", "ID"),
        "agreement_id": ("协议编号", "Agreement"),
        "kind": ("活动类型", "Kind"),
        "date": ("日期", "Date"),
        "title": ("主题", "Title"),
        "organizer_school_name": ("组织学校", "Organizer"),
        "participants": ("参与人数", "Participants"),
        "subjects": ("学科", "Subjects"),
        "description": ("内容", "Description"),
    },
)
DONATION_LIST = ListSpec(
    read_model=DonationRead,
    sortable={"date": Donation.date, "kind": Donation.kind, "value_yuan": Donation.value_yuan},
    default_sort=(Donation.date.desc(), Donation.id.desc()),
    searchable=(Donation.description,),
    sheet="donations",
    labels={
        "id": ("编号", "ID"),
        "agreement_id": ("协议编号", "Agreement"),
        "kind": ("捐赠类型", "Kind"),
        "quantity": ("数量", "Quantity"),
        "unit": ("单位", "Unit"),
        "value_yuan": ("价值（元）", "Value (yuan)"),
        "date": ("日期", "Date"),
        "description": ("说明", "Description"),
    },
)

_WITH_AGREEMENT = {"agreement_title": ("协议", "Agreement title")}
ALL_ACTIVITIES_LIST = replace(
    ACTIVITY_LIST,
    read_model=ActivityListRow,
    sheet="activities-all",
    labels={**(ACTIVITY_LIST.labels or {}), **_WITH_AGREEMENT},
)
ALL_DONATIONS_LIST = replace(
    DONATION_LIST,
    read_model=DonationListRow,
    sheet="donations-all",
    labels={**(DONATION_LIST.labels or {}), **_WITH_AGREEMENT},
)


def _ensure_recording(agreement: Agreement) -> None:
    if agreement.status != AgreementStatus.active:
        raise Conflict("ledger_needs_active", status=f"status.{agreement.status.value}")


def _ensure_party_school(agreement: Agreement, school_id: int | None, field: str) -> None:
    if school_id is not None and school_id not in (
        agreement.supporting_school_id,
        agreement.receiving_school_id,
    ):
        raise ValidationFailed("school_not_party", field=field)


async def activities_query(
    session: AsyncSession, *, caller: Caller, agreement_id: int, filters: Any
) -> Select[Any]:
    await get_agreement(session, caller=caller, agreement_id=agreement_id)  # 404 outside the scope
    stmt = policy.readable(caller, Activity).where(Activity.agreement_id == agreement_id)
    if filters.date_from:
        stmt = stmt.where(Activity.date >= filters.date_from)
    if filters.date_to:
        stmt = stmt.where(Activity.date <= filters.date_to)
    return stmt


async def donations_query(session: AsyncSession, *, caller: Caller, agreement_id: int) -> Select[Any]:
    await get_agreement(session, caller=caller, agreement_id=agreement_id)
    return policy.readable(caller, Donation).where(Donation.agreement_id == agreement_id)


def _in_ledger(
    stmt: Select[Any], model: type[Activity] | type[Donation], filters: LedgerFilters
) -> Select[Any]:
    """Narrow a ledger across agreements by the filters (dates inclusive, agreement fields by a join)."""
    if filters.date_from:
        stmt = stmt.where(model.date >= filters.date_from)
    if filters.date_to:
        stmt = stmt.where(model.date <= filters.date_to)
    if filters.agreement_id is not None:
        stmt = stmt.where(model.agreement_id == filters.agreement_id)
    if getattr(filters, "kind", None) is not None:
        stmt = stmt.where(model.kind == filters.kind)  # type: ignore[attr-defined]
    if filters.programme_id is not None or filters.school_id is not None:
        agreements = select(Agreement.id)
        if filters.programme_id is not None:
            agreements = agreements.where(Agreement.programme_id == filters.programme_id)
        if filters.school_id is not None:
            agreements = agreements.where(
                (Agreement.supporting_school_id == filters.school_id)
                | (Agreement.receiving_school_id == filters.school_id)
            )
        stmt = stmt.where(model.agreement_id.in_(agreements))
    return stmt


def all_activities_query(*, caller: Caller, filters: ActivityFilters) -> Select[Any]:
    """Activities of every agreement in scope: the list behind the dashboard's activity figures."""
    return _in_ledger(policy.readable(caller, Activity), Activity, filters)


def all_donations_query(*, caller: Caller, filters: DonationFilters) -> Select[Any]:
    """Donations of every agreement in scope: the list behind the dashboard's donations value."""
    return _in_ledger(policy.readable(caller, Donation), Donation, filters)


async def with_agreement_titles(session: AsyncSession, rows: Sequence[Activity] | Sequence[Donation]) -> None:
    """Give a page of ledger rows their agreement's title, in one query."""
    titles = await agreement_titles(session, {row.agreement_id for row in rows})
    for row in rows:
        row.agreement_title = titles.get(row.agreement_id, "")  # type: ignore[union-attr]


async def get_activity(session: AsyncSession, *, caller: Caller, activity_id: int) -> Activity:
    return await policy.get_readable(
        session,
        caller,
        Activity,
        activity_id,
        entity="activity",
        options=(joinedload(Activity.organizer_school),),
    )


async def add_activity(
    session: AsyncSession, *, caller: Caller, agreement_id: int, data: ActivityCreate
) -> Activity:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, agreement)
    _ensure_recording(agreement)
    _ensure_party_school(agreement, data.organizer_school_id, "organizer_school_id")
    activity = Activity(agreement_id=agreement.id, created_by_id=caller.user_id, **data.model_dump())
    session.add(activity)
    await session.flush()
    activity = await get_activity(session, caller=caller, activity_id=activity.id)
    await audit.record_created(session, caller, activity, entity="activity", read_model=ActivityRead)
    return activity


async def update_activity(
    session: AsyncSession,
    *,
    caller: Caller,
    activity_id: int,
    data: ActivityUpdate,
    expected_version: int | None,
) -> Activity:
    activity = await get_activity(session, caller=caller, activity_id=activity_id)
    agreement = await get_agreement(session, caller=caller, agreement_id=activity.agreement_id)
    ensure_party(caller, agreement)
    _ensure_recording(agreement)
    check_version(activity.version, expected_version)
    changes = updates.changed_fields(activity, data)
    if not changes:
        return activity
    _ensure_party_school(agreement, changes.get("organizer_school_id"), "organizer_school_id")
    await audit.apply_changes(
        session,
        caller,
        activity,
        changes,
        entity="activity",
        read_model=ActivityRead,
        reload=("organizer_school",),
    )
    return activity


async def add_donation(
    session: AsyncSession, *, caller: Caller, agreement_id: int, data: DonationCreate
) -> Donation:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, agreement)
    _ensure_recording(agreement)
    _ensure_party_school(agreement, data.donor_school_id, "donor_school_id")
    donation = Donation(agreement_id=agreement.id, created_by_id=caller.user_id, **data.model_dump())
    if donation.donor_school_id is None:
        donation.donor_school_id = agreement.supporting_school_id
    session.add(donation)
    await session.flush()
    await audit.record_created(session, caller, donation, entity="donation", read_model=DonationRead)
    return donation


async def update_donation(
    session: AsyncSession,
    *,
    caller: Caller,
    donation_id: int,
    data: DonationUpdate,
    expected_version: int | None,
) -> Donation:
    donation = await policy.get_readable(session, caller, Donation, donation_id, entity="donation")
    agreement = await get_agreement(session, caller=caller, agreement_id=donation.agreement_id)
    ensure_party(caller, agreement)
    _ensure_recording(agreement)
    check_version(donation.version, expected_version)
    changes = updates.changed_fields(donation, data)
    if not changes:
        return donation
    _ensure_party_school(agreement, changes.get("donor_school_id"), "donor_school_id")
    await audit.apply_changes(session, caller, donation, changes, entity="donation", read_model=DonationRead)
    return donation


async def ledger_summary(session: AsyncSession, *, caller: Caller, agreement_id: int) -> LedgerSummary:
    await get_agreement(session, caller=caller, agreement_id=agreement_id)
    activity_rows = (
        await session.execute(
            select(Activity.kind, func.count(), func.coalesce(func.sum(Activity.participants), 0))
            .where(Activity.agreement_id == agreement_id)
            .group_by(Activity.kind)
        )
    ).all()
    donation_rows = (
        await session.execute(
            select(Donation.kind, func.count(), func.coalesce(func.sum(Donation.value_yuan), 0))
            .where(Donation.agreement_id == agreement_id)
            .group_by(Donation.kind)
        )
    ).all()
    goal_rows = (
        await session.execute(
            select(Goal.status, func.count()).where(Goal.agreement_id == agreement_id).group_by(Goal.status)
        )
    ).all()
    money = Decimal("0.01")
    by_kind = {
        kind.value: KindTotal(count=n, value_yuan=Decimal(v).quantize(money)) for kind, n, v in donation_rows
    }
    return LedgerSummary(
        activities_total=sum(n for _, n, _ in activity_rows),
        activities_by_kind={kind.value: n for kind, n, _ in activity_rows},
        participants_total=sum(int(p) for _, _, p in activity_rows),
        donations_total=sum(n for _, n, _ in donation_rows),
        donations_value_yuan=sum((t.value_yuan or Decimal(0) for t in by_kind.values()), Decimal("0.00")),
        donations_by_kind=by_kind,
        goals_by_status={status.value: n for status, n in goal_rows},
    )
