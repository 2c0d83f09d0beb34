"""Proposed county rotation plans: gather the inputs, solve, explain, review, accept.

A proposal keeps a snapshot of what the solver saw (`inputs`: the candidates, the open needs, each
supporting school's quota, the pairs with an agreement) and the assignments (`result`). Every read
recomputes the figures from the two with `solver.recompute`, so a proposal the bureau has edited is
explained exactly like one straight from the solver, and an old proposal reads the same later
whatever has changed since. Acceptance checks the plan against the database of now (the needs
still open, the teachers still at their school and free) and creates every planned rotation in one
transaction, or none.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from app.agreements.models import Agreement
from app.core import audit, policy
from app.core.clock import now
from app.core.enums import (
    AgreementStatus,
    BackboneLevel,
    NeedPriority,
    ProposalStatus,
    RegionLevel,
    RotationDirection,
    RotationKind,
    RotationStatus,
    Term,
)
from app.core.errors import Conflict, Forbidden, ValidationFailed
from app.core.i18n import t
from app.core.listing import ListSpec, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.planning import solver
from app.planning.models import PlanningProposal, StaffingNeed, TeacherUnavailability
from app.planning.schemas import (
    AssignmentRef,
    ProposalAssignment,
    ProposalCreate,
    ProposalFilters,
    ProposalNeed,
    ProposalProblem,
    ProposalRead,
    ProposalSchool,
    ProposalSummary,
    ProposalTotals,
    Unfilled,
)
from app.regions.models import Region
from app.rotations import compliance, rules
from app.rotations.models import Rotation
from app.schools.models import School
from app.teachers.models import Teacher

LOAD = (joinedload(PlanningProposal.region), joinedload(PlanningProposal.created_by))

LIST_SPEC = ListSpec(
    read_model=ProposalSummary,
    sortable={"created_at": PlanningProposal.created_at, "school_year": PlanningProposal.school_year},
    default_sort=(PlanningProposal.created_at.desc(), PlanningProposal.id.desc()),
    options=LOAD,
    sheet="proposals",
    export_exclude=frozenset({"totals", "version"}),
)


def proposals_query(*, caller: Caller, filters: ProposalFilters) -> Select[Any]:
    return where_equal(policy.readable(caller, PlanningProposal), PlanningProposal, filters)


async def get_proposal(
    session: AsyncSession, *, caller: Caller, proposal_id: int, for_update: bool = False
) -> PlanningProposal:
    return await policy.get_readable(
        session, caller, PlanningProposal, proposal_id, entity="proposal", options=LOAD, for_update=for_update
    )


# --- gathering the inputs ---------------------------------------------------------------------


async def _county(session: AsyncSession, caller: Caller, region_id: int) -> Region:
    region = await session.scalar(policy.readable(caller, Region).where(Region.id == region_id))
    if region is None or not caller.region_path or not region.path.startswith(caller.region_path):
        raise ValidationFailed("not_found", field="region_id", entity="entity.region")
    if region.level != RegionLevel.county:
        raise ValidationFailed("planning_county_only", field="region_id")
    return region


def _in_county(county: Region) -> Any:
    return (
        select(School.id)
        .join(Region, School.region_id == Region.id)
        .where(Region.path.startswith(county.path))
    )


async def gather_inputs(
    session: AsyncSession, caller: Caller, county: Region, school_year: int, programme_id: int | None
) -> tuple[dict[str, Any], int | None]:
    """The snapshot the solver works on (JSON), and the programme whose rules applied."""
    programme = await compliance.programme_in_force(session, caller, programme_id)
    years = programme.rotation_eligibility_years if programme else 6
    county_schools = _in_county(county)
    supporting = [
        (school_id, name)
        for school_id, name in await session.execute(
            compliance.supporting_schools(caller, school_year, programme).where(School.id.in_(county_schools))
        )
    ]
    supporting_ids = [school_id for school_id, _ in supporting]
    school_rows = {
        s.id: s
        for s in await session.scalars(
            select(School).where(School.id.in_(county_schools) | School.id.in_(supporting_ids))
        )
    }
    teachers = (
        await session.scalars(
            compliance.candidates_query(caller=caller, school_year=school_year, years=years, school_id=None)
            .where(Teacher.school_id.in_(supporting_ids))
            .options(selectinload(Teacher.subject_rows))
            .order_by(Teacher.id)
        )
    ).all()
    away = dict(
        (
            await session.execute(
                select(TeacherUnavailability.teacher_id, TeacherUnavailability.reason).where(
                    TeacherUnavailability.school_year == school_year,
                    TeacherUnavailability.teacher_id.in_([x.id for x in teachers]),
                )
            )
        ).all()
    )
    candidates = []
    for teacher in teachers:
        home = school_rows[teacher.school_id]
        candidates.append(
            {
                "teacher_id": teacher.id,
                "name": teacher.name,
                "school_id": home.id,
                "subjects": teacher.subjects,
                "stage": home.stage.value,
                "backbone": teacher.backbone_level != BackboneLevel.none,
                "available": teacher.id not in away,
                "unavailable_reason": away.get(teacher.id),
                "latitude": home.latitude,
                "longitude": home.longitude,
            }
        )
    needs = []
    open_needs = await session.scalars(
        select(StaffingNeed)
        .where(StaffingNeed.school_id.in_(county_schools), StaffingNeed.school_year == school_year)
        .order_by(StaffingNeed.id)
    )
    for need in open_needs:
        remaining = need.teacher_count - need.filled
        if remaining <= 0:
            continue
        host = school_rows[need.school_id]
        needs.append(
            {
                "need_id": need.id,
                "school_id": host.id,
                "subject": need.subject,
                "stage": need.stage.value,
                "term": need.term.value,
                "count": remaining,
                "urgent": need.priority == NeedPriority.urgent,
                "latitude": host.latitude,
                "longitude": host.longitude,
            }
        )
    eligible, rotated = await compliance.school_counts(
        session, supporting_ids, school_year, compliance.eligibility_cutoff(school_year, years)
    )
    quotas = []
    for school_id in supporting_ids:
        n_eligible, n_backbone = eligible.get(school_id, (0, 0))
        _, with_planned, _, backbone_planned = rotated.get(school_id, (0, 0, 0, 0))
        # The requirement counts the teachers already rotated or planned: the plan adds to those.
        rule = compliance.assess(
            eligible=n_eligible,
            eligible_backbone=n_backbone,
            rotated=with_planned,
            rotated_with_planned=with_planned,
            backbone=backbone_planned,
            backbone_with_planned=backbone_planned,
            programme=programme,
        )
        quotas.append(
            {
                "school_id": school_id,
                "eligible": n_eligible,
                "rotated": with_planned,
                "required": rule["required"],
                "backbone_rotated": backbone_planned,
                "backbone_required": rule["backbone_required"],
                "required_rotated": rule["gap"],
                "required_backbone": rule["backbone_gap"],
            }
        )
    agreements = select(Agreement.supporting_school_id, Agreement.receiving_school_id, Agreement.id).where(
        Agreement.status == AgreementStatus.active,
        Agreement.supporting_school_id.in_(supporting_ids),
        Agreement.receiving_school_id.in_(county_schools),
    )
    if programme is not None:
        agreements = agreements.where(Agreement.programme_id == programme.id)
    paired = [list(row) for row in await session.execute(agreements.order_by(Agreement.id))]
    inputs = {
        "candidates": candidates,
        "needs": needs,
        "quotas": quotas,
        "paired": paired,
        "schools": {str(s.id): s.name for s in school_rows.values()},
        "eligibility_years": years,
    }
    return inputs, programme.id if programme else None


def plan_input(inputs: dict[str, Any]) -> solver.PlanInput:
    return solver.PlanInput(
        candidates=[
            solver.Candidate(
                teacher_id=c["teacher_id"],
                school_id=c["school_id"],
                subjects=tuple(c["subjects"]),
                stage=c["stage"],
                backbone=c["backbone"],
                available=c["available"],
                latitude=c["latitude"],
                longitude=c["longitude"],
            )
            for c in inputs["candidates"]
        ],
        needs=[
            solver.Need(
                need_id=n["need_id"],
                school_id=n["school_id"],
                subject=n["subject"],
                stage=n["stage"],
                count=n["count"],
                urgent=n["urgent"],
                latitude=n["latitude"],
                longitude=n["longitude"],
            )
            for n in inputs["needs"]
        ],
        quotas=[
            solver.SchoolQuota(q["school_id"], q["required_rotated"], q["required_backbone"])
            for q in inputs["quotas"]
        ],
        paired=frozenset((s, r) for s, r, _ in inputs["paired"]),
    )


def _totals_json(plan: solver.Plan, *, optimal: bool, seconds: float, edited: bool) -> dict[str, Any]:
    totals = plan.totals
    return ProposalTotals(
        seats=totals.seats,
        filled=totals.filled,
        unfilled=totals.unfilled,
        urgent_seats=totals.urgent_seats,
        urgent_unfilled=totals.urgent_unfilled,
        assignments=totals.assignments,
        paired=totals.paired,
        total_km=round(totals.total_km, 1),
        unmeasured=totals.unmeasured,
        rotation_shortfall=totals.rotation_shortfall,
        backbone_shortfall=totals.backbone_shortfall,
        optimal=optimal,
        solve_seconds=round(seconds, 3),
        edited=edited,
    ).model_dump()


# --- proposing, reviewing ---------------------------------------------------------------------


async def propose(session: AsyncSession, *, caller: Caller, data: ProposalCreate) -> PlanningProposal:
    if not policy.can_plan_rotations(caller) or caller.organization_id is None:
        raise Forbidden()
    county = await _county(session, caller, data.region_id)
    inputs, programme_id = await gather_inputs(session, caller, county, data.school_year, data.programme_id)
    plan = solver.solve(plan_input(inputs))
    result = {
        "assignments": [[a.teacher_id, a.need_id] for a in plan.assignments],
        "solver_status": plan.totals.status,
        "totals": _totals_json(
            plan, optimal=plan.totals.optimal, seconds=plan.totals.solve_seconds, edited=False
        ),
        "rotation_ids": [],
    }
    proposal = PlanningProposal(
        organization_id=caller.organization_id,
        region_id=county.id,
        school_year=data.school_year,
        programme_id=programme_id,
        inputs=inputs,
        result=result,
        created_by_id=caller.user_id,
    )
    session.add(proposal)
    await session.flush()
    await audit.record(
        session,
        caller,
        action="create",
        entity="proposal",
        entity_id=proposal.id,
        after={"region_id": county.id, "school_year": data.school_year, "totals": result["totals"]},
    )
    return await get_proposal(session, caller=caller, proposal_id=proposal.id)


async def revise(
    session: AsyncSession,
    *,
    caller: Caller,
    proposal_id: int,
    assignments: Sequence[AssignmentRef],
    expected_version: int | None,
) -> PlanningProposal:
    """The bureau's review: keep, move (another need) or remove (leave out) assignments."""
    proposal = await get_proposal(session, caller=caller, proposal_id=proposal_id, for_update=True)
    if not policy.can_plan_rotations(caller):
        raise Forbidden()
    check_version(proposal.version, expected_version)
    if proposal.status != ProposalStatus.draft:
        raise Conflict("proposal_accepted")
    pairs = [list(pair) for pair in dict.fromkeys((a.teacher_id, a.need_id) for a in assignments)]
    plan = solver.recompute(plan_input(proposal.inputs), [tuple(p) for p in pairs])  # type: ignore[misc]
    unknown = [p for p in plan.problems if p.code in ("unknown_teacher", "unknown_need")]
    if unknown:
        # Only teachers and needs of the proposal can be placed; anything else is a client error.
        raise ValidationFailed("planning_unknown_assignment", field="assignments")
    before = proposal.result["totals"]
    totals = _totals_json(
        plan, optimal=False, seconds=proposal.result["totals"]["solve_seconds"], edited=True
    )
    proposal.result = {**proposal.result, "assignments": pairs, "totals": totals}
    proposal.updated_at = now()
    await session.flush()
    await audit.record(
        session,
        caller,
        action="update",
        entity="proposal",
        entity_id=proposal.id,
        before={"totals": before},
        after={"totals": totals, "assignments": pairs},
    )
    return proposal


# --- explaining -------------------------------------------------------------------------------


def _reason_text(code: str | None) -> str | None:
    return t(f"planning.reason.{code}") if code else None


def render(proposal: PlanningProposal) -> ProposalRead:
    inputs = proposal.inputs
    plan = solver.recompute(plan_input(inputs), [tuple(p) for p in proposal.result["assignments"]])  # type: ignore[misc]
    names = inputs["schools"]
    teachers = {c["teacher_id"]: c for c in inputs["candidates"]}
    needs = {n["need_id"]: n for n in inputs["needs"]}
    agreement_of = {(s, r): a for s, r, a in inputs["paired"]}
    quotas = {q["school_id"]: q for q in inputs["quotas"]}
    assignments = []
    for a in plan.assignments:
        teacher, need = teachers[a.teacher_id], needs[a.need_id]
        assignments.append(
            ProposalAssignment(
                teacher_id=a.teacher_id,
                teacher_name=teacher["name"],
                backbone=teacher["backbone"],
                need_id=a.need_id,
                subject=need["subject"],
                from_school_id=teacher["school_id"],
                from_school_name=names[str(teacher["school_id"])],
                to_school_id=need["school_id"],
                to_school_name=names[str(need["school_id"])],
                agreement_id=agreement_of.get((teacher["school_id"], need["school_id"])),
                distance_km=round(a.km, 1) if a.km is not None else None,
                urgent=need["urgent"],
            )
        )
    schools = []
    for row in plan.schools:
        quota = quotas.get(row.school_id)
        if quota is None:
            continue  # a school with candidates but no quota row cannot occur; stay safe
        schools.append(
            ProposalSchool(
                school_id=row.school_id,
                school_name=names[str(row.school_id)],
                eligible=quota["eligible"],
                rotated=quota["rotated"],
                required=quota["required"],
                assigned=row.assigned,
                shortfall=row.shortfall,
                backbone_rotated=quota["backbone_rotated"],
                backbone_required=quota["backbone_required"],
                backbone_assigned=row.assigned_backbone,
                backbone_shortfall=row.backbone_shortfall,
            )
        )
    need_rows = [
        ProposalNeed(
            need_id=n.need_id,
            school_id=n.school_id,
            school_name=names[str(n.school_id)],
            subject=n.subject,
            stage=n.stage,  # type: ignore[arg-type]
            term=Term(needs[n.need_id]["term"]),
            urgent=n.urgent,
            count=n.count,
            filled=n.filled,
            unfilled=n.unfilled,
            candidates=n.candidates,
            reason=n.reason,
            reason_text=_reason_text(n.reason),
        )
        for n in plan.needs
    ]
    problems = [
        ProposalProblem(
            code=p.code,
            teacher_id=p.teacher_id,
            need_id=p.need_id,
            message=t(
                f"planning.problem.{p.code}",
                teacher=teachers[p.teacher_id]["name"] if p.teacher_id in teachers else p.teacher_id,
                need=needs[p.need_id]["subject"] if p.need_id in needs else p.need_id,
            ),
        )
        for p in plan.problems
    ]
    return ProposalRead(
        id=proposal.id,
        region_id=proposal.region_id,
        region_name=proposal.region_name,
        school_year=proposal.school_year,
        programme_id=proposal.programme_id,
        status=proposal.status,
        created_by_name=proposal.created_by_name,
        created_at=proposal.created_at,
        accepted_at=proposal.accepted_at,
        version=proposal.version,
        totals=ProposalTotals(**proposal.result["totals"]),
        assignments=assignments,
        schools=schools,
        needs=need_rows,
        unfilled=[
            Unfilled(need_id=n.need_id, reason=n.reason, reason_text=_reason_text(n.reason) or "")
            for n in plan.needs
            if n.unfilled > 0 and n.reason
        ],
        problems=problems,
        rotation_ids=proposal.result.get("rotation_ids", []),
    )


def summary(proposal: PlanningProposal) -> dict[str, Any]:
    """A list row: the stored totals, without recomputing the plan."""
    return {
        "id": proposal.id,
        "region_id": proposal.region_id,
        "region_name": proposal.region_name,
        "school_year": proposal.school_year,
        "programme_id": proposal.programme_id,
        "status": proposal.status,
        "created_by_name": proposal.created_by_name,
        "created_at": proposal.created_at,
        "accepted_at": proposal.accepted_at,
        "version": proposal.version,
        "totals": proposal.result["totals"],
    }


# --- accepting --------------------------------------------------------------------------------


class PlanConflicts(Conflict):
    """Acceptance refused: the plan no longer fits the data; nothing was created."""

    def __init__(self, conflicts: list[dict[str, Any]]) -> None:
        super().__init__("proposal_conflicts", count=len(conflicts))
        self.conflicts = conflicts

    def render_extra(self) -> dict[str, Any]:
        return {"conflicts": self.conflicts}


async def accept(
    session: AsyncSession, *, caller: Caller, proposal_id: int, expected_version: int | None
) -> PlanningProposal:
    proposal = await get_proposal(session, caller=caller, proposal_id=proposal_id, for_update=True)
    if not policy.can_plan_rotations(caller):
        raise Forbidden()
    check_version(proposal.version, expected_version)
    if proposal.status != ProposalStatus.draft:
        raise Conflict("proposal_accepted")
    view = render(proposal)
    conflicts: list[dict[str, Any]] = [
        {"code": p.code, "teacher_id": p.teacher_id, "need_id": p.need_id, "message": p.message}
        for p in view.problems
    ]
    if not view.assignments:
        raise Conflict("proposal_empty")
    teacher_ids = [a.teacher_id for a in view.assignments]
    # Lock the teachers first, so a rotation proposed meanwhile for one of them waits for us (or we for it).
    homes = dict(
        (
            await session.execute(
                select(Teacher.id, Teacher.school_id).where(Teacher.id.in_(teacher_ids)).with_for_update()
            )
        ).all()
    )
    needs = {
        n.id: n
        for n in await session.scalars(
            select(StaffingNeed).where(StaffingNeed.id.in_([a.need_id for a in view.assignments]))
        )
    }
    placed_now: dict[int, int] = {}
    periods = {}
    for a in view.assignments:
        need = needs.get(a.need_id)
        if need is None:
            conflicts.append(_conflict("need_gone", a))
            continue
        placed_now[need.id] = placed_now.get(need.id, 0) + 1
        if need.filled + placed_now[need.id] > need.teacher_count:
            conflicts.append(_conflict("need_filled", a))
        if homes.get(a.teacher_id) != a.from_school_id:
            conflicts.append(_conflict("teacher_moved", a))
        periods[(a.teacher_id, a.need_id)] = rules.term_dates(need.term, proposal.school_year)
    clashes = await _overlaps(session, periods)
    for a in view.assignments:
        other = clashes.get((a.teacher_id, a.need_id))
        if other is not None:
            conflicts.append(_conflict("teacher_busy", a, rotation_id=other))
    if conflicts:
        raise PlanConflicts(conflicts)
    rotations = []
    for a in view.assignments:
        start, end = periods[(a.teacher_id, a.need_id)]
        rotations.append(
            Rotation(
                teacher_id=a.teacher_id,
                from_school_id=a.from_school_id,
                to_school_id=a.to_school_id,
                agreement_id=a.agreement_id,
                need_id=a.need_id,
                direction=RotationDirection.dispatch,
                kind=RotationKind.teaching,
                subjects=[a.subject],
                start_date=start,
                end_date=end,
                status=RotationStatus.planned,
                created_by_id=caller.user_id,
            )
        )
    session.add_all(rotations)
    await session.flush()
    await audit.record_many_created(
        session,
        caller,
        "rotation",
        [
            (r.id, {"id": r.id, "teacher_id": r.teacher_id, "from_school_id": r.from_school_id,
                    "to_school_id": r.to_school_id, "agreement_id": r.agreement_id, "need_id": r.need_id,
                    "start_date": r.start_date.isoformat(), "end_date": r.end_date.isoformat(),
                    "status": r.status.value, "proposal_id": proposal.id})
            for r in rotations
        ],
    )  # fmt: skip
    proposal.status = ProposalStatus.accepted
    proposal.accepted_at = now()
    proposal.accepted_by_id = caller.user_id
    proposal.result = {**proposal.result, "rotation_ids": [r.id for r in rotations]}
    await session.flush()
    await audit.record(
        session,
        caller,
        action="accept",
        entity="proposal",
        entity_id=proposal.id,
        after={"rotation_ids": [r.id for r in rotations]},
    )
    return proposal


def _conflict(code: str, a: ProposalAssignment, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "teacher_id": a.teacher_id,
        "need_id": a.need_id,
        "message": t(f"planning.conflict.{code}", teacher=a.teacher_name, school=a.to_school_name),
        **extra,
    }


async def _overlaps(session: AsyncSession, periods: dict[tuple[int, int], tuple[Any, Any]]) -> dict[Any, int]:
    """(teacher, need) → a rotation of the teacher overlapping the planned period, in one query."""
    if not periods:
        return {}
    teacher_ids = {teacher_id for teacher_id, _ in periods}
    starts = min(p[0] for p in periods.values())
    ends = max(p[1] for p in periods.values())
    rows = await session.execute(
        select(Rotation.id, Rotation.teacher_id, Rotation.start_date, Rotation.end_date).where(
            Rotation.teacher_id.in_(teacher_ids),
            Rotation.status.in_(rules.HOLDING),
            and_(Rotation.start_date <= ends, Rotation.end_date >= starts),
        )
    )
    found: dict[Any, int] = {}
    existing = rows.all()
    for (teacher_id, need_id), (start, end) in periods.items():
        for rotation_id, other_teacher, other_start, other_end in existing:
            if other_teacher == teacher_id and other_start <= end and other_end >= start:
                found[(teacher_id, need_id)] = rotation_id
                break
    return found
