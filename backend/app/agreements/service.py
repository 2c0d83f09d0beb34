"""Drafting, reading and renewing agreements, and their goals."""

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from app.agreements import rules
from app.agreements.models import Agreement, AgreementAreaRow, AgreementEvent, Goal
from app.agreements.schemas import (
    AgreementCreate,
    AgreementFilters,
    AgreementRead,
    AgreementUpdate,
    GoalCreate,
    GoalRead,
    GoalUpdate,
)
from app.core import audit, policy, updates
from app.core.clock import now, today
from app.core.enums import AgreementArea, AgreementStatus, GoalStatus, Party, Role
from app.core.errors import Conflict, Forbidden, ValidationFailed
from app.core.listing import ListSpec, named, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.programmes.models import Programme
from app.regions.models import Organization, Region
from app.schools.models import School
from app.teachers.models import Teacher

LOAD = (
    joinedload(Agreement.programme),
    joinedload(Agreement.supporting_school),
    joinedload(Agreement.receiving_school),
    selectinload(Agreement.area_rows),
)
LIST_LOAD = (
    named(Agreement.programme, Programme.name),
    named(Agreement.supporting_school, School.name),
    named(Agreement.receiving_school, School.name),
    selectinload(Agreement.area_rows),
)

LIST_SPEC = ListSpec(
    read_model=AgreementRead,
    sortable={
        "title": Agreement.title,
        "start_date": Agreement.start_date,
        "end_date": Agreement.end_date,
        "status": Agreement.status,
        "updated_at": Agreement.updated_at,
    },
    default_sort=(Agreement.id.desc(),),
    searchable=(Agreement.title,),
    options=LIST_LOAD,
    sheet="agreements",
    export_exclude=frozenset({"allowed_actions", "commitments"}),
    labels={
        "id": ("编号", "ID"),
        "programme_name": ("所属项目", "Programme"),
        "supporting_school_name": ("支援学校", "Supporting school"),
        "receiving_school_name": ("受援学校", "Receiving school"),
        "title": ("协议名称", "Title"),
        "start_date": ("开始日期", "Start"),
        "end_date": ("结束日期", "End"),
        "areas": ("帮扶内容", "Areas"),
        "forms": ("帮扶形式", "Forms"),
        "status": ("状态", "Status"),
        "round": ("轮次", "Round"),
        "next_actor": ("待办方", "Next to act"),
    },
)


def default_period(on: date) -> tuple[date, date]:
    """Three school years from the next 1 September (the plans' "first round, three years")."""
    year = on.year if on < date(on.year, 9, 1) else on.year + 1
    return date(year, 9, 1), date(year + 3, 8, 31)


def present(caller: Caller, agreement: Agreement) -> Agreement:
    """Attach what this caller may do now and who must act next."""
    parties = policy.agreement_parties(caller, agreement)
    agreement.allowed_actions = rules.allowed_actions(  # type: ignore[attr-defined]
        agreement.status, parties, caller.role == Role.bureau_admin
    )
    agreement.next_actor = rules.NEXT_ACTOR[agreement.status]  # type: ignore[attr-defined]
    return agreement


def agreements_query(*, caller: Caller, filters: AgreementFilters) -> Select[Any]:
    stmt = policy.readable(caller, Agreement)
    stmt = where_equal(
        stmt,
        Agreement,
        filters,
        only=("programme_id", "status", "supporting_school_id", "receiving_school_id"),
    )
    if filters.school_id is not None:
        stmt = stmt.where(
            (Agreement.supporting_school_id == filters.school_id)
            | (Agreement.receiving_school_id == filters.school_id)
        )
    if filters.area is not None:
        stmt = stmt.where(
            Agreement.id.in_(
                select(AgreementAreaRow.agreement_id).where(AgreementAreaRow.area == filters.area)
            )
        )
    if filters.school_year is not None:
        stmt = stmt.where(
            Agreement.start_date <= date(filters.school_year + 1, 8, 31),
            Agreement.end_date >= date(filters.school_year, 9, 1),
        )
    if filters.waiting_for_me:
        stmt = stmt.where(_waiting_for(caller))
    return stmt


def _waiting_for(caller: Caller) -> Any:
    """Agreements whose next step belongs to the caller's side."""
    if caller.role == Role.bureau_admin:
        return Agreement.status == AgreementStatus.confirmed
    if caller.role == Role.school_admin and caller.school_id is not None:
        return or_(
            and_(
                Agreement.status == AgreementStatus.draft, Agreement.supporting_school_id == caller.school_id
            ),
            and_(
                Agreement.status == AgreementStatus.submitted,
                Agreement.receiving_school_id == caller.school_id,
            ),
        )
    return Agreement.id.is_(None)


async def agreement_titles(session: AsyncSession, ids: set[int]) -> dict[int, str]:
    """Titles of the given agreements (already known to be readable: rows of a scoped list)."""
    if not ids:
        return {}
    return dict(
        (await session.execute(select(Agreement.id, Agreement.title).where(Agreement.id.in_(ids)))).all()
    )


async def get_agreement(
    session: AsyncSession, *, caller: Caller, agreement_id: int, for_update: bool = False
) -> Agreement:
    agreement = await policy.get_readable(
        session, caller, Agreement, agreement_id, entity="agreement", options=LOAD, for_update=for_update
    )
    return present(caller, agreement)


async def _check_parties(
    session: AsyncSession,
    caller: Caller,
    programme_id: int,
    supporting_id: int,
    receiving_id: int,
    assistant_principal_id: int | None,
) -> None:
    """Both schools lie in the programme bureau's jurisdiction; the caller is one of them or the bureau."""
    if caller.role not in (Role.school_admin, Role.bureau_admin):
        raise Forbidden()
    programme = await session.scalar(policy.readable(caller, Programme).where(Programme.id == programme_id))
    if programme is None:
        raise ValidationFailed("not_found", field="programme_id", entity="entity.programme")
    bureau_path = await session.scalar(
        select(Region.path)
        .join(Organization, Organization.region_id == Region.id)
        .where(Organization.id == programme.organization_id)
    )
    for field, school_id in (("supporting_school_id", supporting_id), ("receiving_school_id", receiving_id)):
        path = await session.scalar(
            select(Region.path)
            .join(School, School.region_id == Region.id)
            .where(
                School.id == school_id,
                School.id.in_(policy.readable(caller, School).with_only_columns(School.id)),
            )
        )
        if path is None or not bureau_path or not path.startswith(bureau_path):
            raise ValidationFailed("school_outside_programme", field=field)
    if supporting_id == receiving_id:
        raise ValidationFailed("schools_must_differ", field="receiving_school_id")
    if caller.role == Role.school_admin and caller.school_id not in (supporting_id, receiving_id):
        raise Forbidden("must_be_party")
    if assistant_principal_id is not None:
        home = await session.scalar(select(Teacher.school_id).where(Teacher.id == assistant_principal_id))
        if home != supporting_id:
            raise ValidationFailed(
                "assistant_principal_not_supporting", field="assistant_principal_teacher_id"
            )


def _set_areas(agreement: Agreement, areas: list[AgreementArea]) -> None:
    agreement.area_rows = [AgreementAreaRow(area=a, position=i) for i, a in enumerate(areas)]


async def record_event(
    session: AsyncSession,
    caller: Caller,
    agreement: Agreement,
    action: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    acting_as: Party | None = None,
    on_behalf: bool = False,
    comment: str = "",
    amendment_id: int | None = None,
) -> None:
    session.add(
        AgreementEvent(
            agreement_id=agreement.id,
            amendment_id=amendment_id,
            action=action,
            from_status=from_status,
            to_status=to_status,
            actor_id=caller.user_id,
            acting_as=acting_as,
            on_behalf=on_behalf,
            comment=comment,
            at=now(),
        )
    )
    await session.flush()


async def create_agreement(session: AsyncSession, *, caller: Caller, data: AgreementCreate) -> Agreement:
    await _check_parties(
        session,
        caller,
        data.programme_id,
        data.supporting_school_id,
        data.receiving_school_id,
        data.assistant_principal_teacher_id,
    )
    start, end = default_period(today())
    start = data.start_date or start
    end = data.end_date or (date(start.year + 3, start.month, start.day) - timedelta(days=1))
    if end <= start:
        raise ValidationFailed("end_before_start", field="end_date")
    agreement = Agreement(
        **data.model_dump(exclude={"areas", "goals", "start_date", "end_date"}),
        start_date=start,
        end_date=end,
        created_by_id=caller.user_id,
    )
    _set_areas(agreement, data.areas)
    session.add(agreement)
    await session.flush()
    for goal in data.goals:
        session.add(Goal(agreement_id=agreement.id, **goal.model_dump()))
    await record_event(session, caller, agreement, "create", to_status=AgreementStatus.draft.value)
    agreement = await _reload(session, caller, agreement.id)
    await audit.record_created(session, caller, agreement, entity="agreement", read_model=AgreementRead)
    return agreement


async def _reload(session: AsyncSession, caller: Caller, agreement_id: int) -> Agreement:
    session.expire_all()
    return await get_agreement(session, caller=caller, agreement_id=agreement_id)


def ensure_party(caller: Caller, agreement: Agreement) -> None:
    if not policy.can_record_under(caller, agreement):
        raise Forbidden()


async def update_agreement(
    session: AsyncSession,
    *,
    caller: Caller,
    agreement_id: int,
    data: AgreementUpdate,
    expected_version: int | None,
) -> Agreement:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, agreement)
    check_version(agreement.version, expected_version)
    if agreement.status != AgreementStatus.draft:
        raise Conflict("agreement_not_editable", status=f"status.{agreement.status.value}")
    changes = updates.changed_fields(agreement, data, exclude={"areas"})
    areas_changed = data.areas is not None and list(data.areas) != agreement.areas
    if not changes and not areas_changed:
        return agreement
    merged = {
        f: changes.get(f, getattr(agreement, f))
        for f in (
            "programme_id",
            "supporting_school_id",
            "receiving_school_id",
            "assistant_principal_teacher_id",
            "start_date",
            "end_date",
        )
    }
    await _check_parties(
        session,
        caller,
        merged["programme_id"],
        merged["supporting_school_id"],
        merged["receiving_school_id"],
        merged["assistant_principal_teacher_id"],
    )
    if merged["end_date"] <= merged["start_date"]:
        raise ValidationFailed("end_before_start", field="end_date")
    before = audit.snapshot(AgreementRead, agreement)
    updates.apply(agreement, changes)
    if areas_changed and data.areas is not None:
        _set_areas(agreement, list(dict.fromkeys(data.areas)))
        agreement.updated_at = now()
    await session.flush()
    agreement = await _reload(session, caller, agreement_id)
    await audit.record(
        session,
        caller,
        action="update",
        entity="agreement",
        entity_id=agreement.id,
        before=before,
        after=audit.snapshot(AgreementRead, agreement),
    )
    return agreement


async def renew_agreement(session: AsyncSession, *, caller: Caller, agreement_id: int) -> Agreement:
    """The next round's draft: same parties and areas, the goals not yet achieved carried over."""
    old = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, old)
    if old.status not in (AgreementStatus.active, AgreementStatus.completed):
        raise Conflict("renew_needs_signed", status=f"status.{old.status.value}")
    start = old.end_date + timedelta(days=1)
    end = date(start.year + 3, start.month, start.day) - timedelta(days=1)
    new = Agreement(
        programme_id=old.programme_id,
        supporting_school_id=old.supporting_school_id,
        receiving_school_id=old.receiving_school_id,
        title=old.title,
        start_date=start,
        end_date=end,
        commitments=old.commitments,
        forms=list(old.forms),
        round=old.round + 1,
        previous_agreement_id=old.id,
        created_by_id=caller.user_id,
    )
    _set_areas(new, [AgreementArea(a) for a in old.areas])
    session.add(new)
    await session.flush()
    carried = (
        await session.scalars(
            select(Goal)
            .where(Goal.agreement_id == old.id, Goal.status.not_in([GoalStatus.achieved]))
            .order_by(Goal.id)
        )
    ).all()
    for goal in carried:
        session.add(
            Goal(
                agreement_id=new.id,
                title=goal.title,
                area=goal.area,
                indicator=goal.indicator,
                target_date=max(goal.target_date, start),
                status=GoalStatus.planned,
            )
        )
    await record_event(
        session, caller, new, "create", to_status=AgreementStatus.draft.value, comment=f"renewal of #{old.id}"
    )
    await record_event(session, caller, old, "renew", comment=f"next round: #{new.id}")
    new = await _reload(session, caller, new.id)
    await audit.record(
        session,
        caller,
        action="renew",
        entity="agreement",
        entity_id=new.id,
        after=audit.snapshot(AgreementRead, new) | {"carried_goals": len(carried)},
    )
    return new


async def add_goal(session: AsyncSession, *, caller: Caller, agreement_id: int, data: GoalCreate) -> Goal:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, agreement)
    if agreement.status not in (AgreementStatus.draft, AgreementStatus.active):
        raise Conflict("agreement_closed", status=f"status.{agreement.status.value}")
    goal = Goal(agreement_id=agreement.id, **data.model_dump())
    session.add(goal)
    await session.flush()
    await audit.record(
        session,
        caller,
        action="create",
        entity="goal",
        entity_id=goal.id,
        after=data.model_dump(mode="json") | {"agreement_id": agreement.id},
    )
    return goal


async def update_goal(
    session: AsyncSession, *, caller: Caller, goal_id: int, data: GoalUpdate, expected_version: int | None
) -> Goal:
    goal = await policy.get_readable(session, caller, Goal, goal_id, entity="goal")
    agreement = await get_agreement(session, caller=caller, agreement_id=goal.agreement_id)
    ensure_party(caller, agreement)
    if agreement.status not in (AgreementStatus.draft, AgreementStatus.active):
        raise Conflict("agreement_closed", status=f"status.{agreement.status.value}")
    check_version(goal.version, expected_version)
    changes = updates.changed_fields(goal, data)
    if changes:
        await audit.apply_changes(session, caller, goal, changes, entity="goal", read_model=GoalRead)
    return goal
