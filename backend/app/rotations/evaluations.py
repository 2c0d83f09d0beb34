"""The host school's end-of-term assessment (考核) of a dispatched teacher.

Five criteria scored 0–100; the total is their mean weighted by the programme's weights (the weights
in force are stored with the evaluation, so a later change of the programme does not rewrite it);
the grade follows from the total: 90 and above excellent, 75 good, 60 pass, below 60 fail.
A draft can be edited; once submitted it is final and the teacher sees it.
"""

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core import audit, policy
from app.core.clock import now
from app.core.enums import EvaluationGrade, EvaluationStatus, RotationStatus
from app.core.errors import Conflict, Forbidden
from app.core.policy import Caller
from app.core.versioning import check_version
from app.integrations import events
from app.programmes.models import DEFAULT_WEIGHTS, Programme
from app.rotations.attendance import bureaus_over
from app.rotations.models import Evaluation, Rotation
from app.rotations.schemas import EvaluationCreate, EvaluationRead, EvaluationUpdate, Scores
from app.rotations.service import get_rotation, sides_of

GRADE_FLOORS = ((90, EvaluationGrade.excellent), (75, EvaluationGrade.good), (60, EvaluationGrade.pass_))


def grade_for(total: Decimal) -> EvaluationGrade:
    for floor, grade in GRADE_FLOORS:
        if total >= floor:
            return grade
    return EvaluationGrade.fail


def weighted_total(scores: Scores, weights: dict[str, int]) -> Decimal:
    values = scores.model_dump()
    weight_sum = sum(weights.values()) or 1
    total = Decimal(sum(values[name] * weight for name, weight in weights.items())) / weight_sum
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


async def programme_for(session: AsyncSession, rotation: Rotation) -> Programme | None:
    """The rotation's agreement's programme; without an agreement, the newest programme of the bureau
    over the host school."""
    if rotation.agreement_id is not None:
        return await session.scalar(
            select(Programme)
            .join(Agreement, Agreement.programme_id == Programme.id)
            .where(Agreement.id == rotation.agreement_id)
        )
    return await session.scalar(
        select(Programme)
        .where(Programme.organization_id.in_(bureaus_over(rotation.to_school_id)))
        .order_by(Programme.start_date.desc(), Programme.id.desc())
        .limit(1)
    )


def _may_evaluate(caller: Caller, rotation: Rotation) -> bool:
    return bool(sides_of(caller, rotation) & {"host", "bureau"})


def present(caller: Caller, rotation: Rotation, evaluation: Evaluation) -> Evaluation:
    editable = evaluation.status == EvaluationStatus.draft and _may_evaluate(caller, rotation)
    evaluation.allowed_actions = ["edit", "submit"] if editable else []  # type: ignore[attr-defined]
    return evaluation


async def evaluations_of(session: AsyncSession, *, caller: Caller, rotation_id: int) -> list[Evaluation]:
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id)
    rows = await session.scalars(
        policy.readable(caller, Evaluation)
        .where(Evaluation.rotation_id == rotation_id)
        .order_by(Evaluation.id)
    )
    return [present(caller, rotation, e) for e in rows]


def _score(evaluation: Evaluation, scores: Scores) -> None:
    evaluation.scores = scores.model_dump()
    evaluation.total = weighted_total(scores, evaluation.weights)
    evaluation.grade = grade_for(evaluation.total)


async def evaluate(
    session: AsyncSession, *, caller: Caller, rotation_id: int, data: EvaluationCreate
) -> Evaluation:
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id, for_update=True)
    if not _may_evaluate(caller, rotation):
        raise Forbidden("evaluation_host_only")
    if rotation.status != RotationStatus.active:
        raise Conflict("evaluation_needs_active", status=f"rotation_status.{rotation.status.value}")
    existing = await session.scalar(
        select(Evaluation.id).where(
            Evaluation.rotation_id == rotation.id, Evaluation.evaluator_school_id == rotation.to_school_id
        )
    )
    if existing is not None:
        raise Conflict("evaluation_exists", other=existing)
    programme = await programme_for(session, rotation)
    evaluation = Evaluation(
        rotation_id=rotation.id,
        evaluator_school_id=rotation.to_school_id,
        weights=dict(programme.evaluation_weights if programme else DEFAULT_WEIGHTS),
        comments=data.comments,
        created_by_id=caller.user_id,
    )
    _score(evaluation, data.scores)
    if data.submit:
        evaluation.status, evaluation.submitted_at = EvaluationStatus.submitted, now()
    session.add(evaluation)
    await session.flush()
    present(caller, rotation, evaluation)
    await audit.record_created(session, caller, evaluation, entity="evaluation", read_model=EvaluationRead)
    if evaluation.status == EvaluationStatus.submitted:
        await events.evaluation_submitted(session, evaluation, rotation)
    return evaluation


async def _editable(
    session: AsyncSession, caller: Caller, evaluation_id: int, expected_version: int | None
) -> tuple[Evaluation, Rotation]:
    evaluation = await policy.get_readable(
        session, caller, Evaluation, evaluation_id, entity="evaluation", for_update=True
    )
    rotation = await get_rotation(session, caller=caller, rotation_id=evaluation.rotation_id)
    if not _may_evaluate(caller, rotation):
        raise Forbidden("evaluation_host_only")
    check_version(evaluation.version, expected_version)
    if evaluation.status != EvaluationStatus.draft:
        raise Conflict("evaluation_final")
    return evaluation, rotation


async def revise(
    session: AsyncSession,
    *,
    caller: Caller,
    evaluation_id: int,
    data: EvaluationUpdate,
    expected_version: int | None,
) -> Evaluation:
    evaluation, rotation = await _editable(session, caller, evaluation_id, expected_version)
    before = audit.snapshot(EvaluationRead, present(caller, rotation, evaluation))
    if data.scores is not None:
        _score(evaluation, data.scores)
    if data.comments is not None:
        evaluation.comments = data.comments
    await session.flush()
    after = audit.snapshot(EvaluationRead, present(caller, rotation, evaluation))
    await audit.record(
        session,
        caller,
        action="update",
        entity="evaluation",
        entity_id=evaluation.id,
        before=before,
        after=after,
    )
    return evaluation


async def submit(
    session: AsyncSession, *, caller: Caller, evaluation_id: int, expected_version: int | None
) -> Evaluation:
    evaluation, rotation = await _editable(session, caller, evaluation_id, expected_version)
    evaluation.status, evaluation.submitted_at = EvaluationStatus.submitted, now()
    await session.flush()
    await audit.record(
        session,
        caller,
        action="submit",
        entity="evaluation",
        entity_id=evaluation.id,
        after={"total": str(evaluation.total), "grade": evaluation.grade.value},
    )
    await events.evaluation_submitted(session, evaluation, rotation)
    return present(caller, rotation, evaluation)
