"""The annual assessment: the scoring form, inspectors' scores, the ranking and its publication.

A draft's automatic items follow the data live; publishing stores every pair's points (automatic
ones included), so the published result never moves afterwards and can no longer be edited.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.activities.models import Activity
from app.agreements.models import Agreement, Goal
from app.agreements.schemas import PairRef
from app.assessments.models import Assessment, AssessmentItem, AssessmentScore, AssessmentSheet
from app.assessments.schemas import (
    AssessmentCreate,
    AssessmentFilters,
    AssessmentRead,
    AssessmentResult,
    AssessmentRow,
    AssessmentSummary,
    AssessmentUpdate,
    Items,
    ItemScore,
    SheetWrite,
)
from app.assessments.scoring import CENT, PairFigures, auto_score, competition_ranks
from app.core import audit, policy
from app.core.clock import now
from app.core.enums import AssessmentSource, AssessmentStatus, GoalStatus, RotationStatus
from app.core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.core.i18n import t
from app.core.listing import ListSpec, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.meetings.compliance import Halves, meeting_compliance
from app.notifications.service import notify, school_admins
from app.programmes.models import Programme
from app.rotations.models import Rotation
from app.schools.models import School

LIST_SPEC = ListSpec(
    read_model=AssessmentRead,
    sortable={"school_year": Assessment.school_year, "title": Assessment.title},
    default_sort=(Assessment.school_year.desc(), Assessment.id.desc()),
    searchable=(Assessment.title,),
    sheet="assessments",
    labels={
        "id": ("编号", "ID"),
        "programme_id": ("项目编号", "Programme ID"),
        "programme_name": ("项目", "Programme"),
        "school_year": ("学年", "School year"),
        "title": ("考核名称", "Title"),
        "pass_threshold": ("合格线", "Pass mark"),
        "max_total": ("满分", "Full marks"),
        "status": ("状态", "Status"),
        "published_at": ("发布时间", "Published"),
        "created_at": ("创建时间", "Created"),
    },
    export_exclude=frozenset({"items", "allowed_actions", "version"}),
)

# The standard scoring form (考核评分表), 100 points: message key, points, source, target.
STANDARD_FORM: tuple[tuple[str, int, AssessmentSource, int | None], ...] = (
    ("assessment.item.organisation", 10, AssessmentSource.manual, None),
    ("assessment.item.meetings", 15, AssessmentSource.meetings, None),
    ("assessment.item.rotations", 25, AssessmentSource.rotations, 2),
    ("assessment.item.activities", 20, AssessmentSource.activities, 6),
    ("assessment.item.goals", 15, AssessmentSource.goals, None),
    ("assessment.item.records", 15, AssessmentSource.manual, None),
)


def present(caller: Caller, assessment: Assessment) -> Assessment:
    editable = assessment.status == AssessmentStatus.draft and policy.can_manage_assessments(caller)
    assessment.allowed_actions = ["edit", "score", "publish"] if editable else []  # type: ignore[attr-defined]
    return assessment


def assessments_query(*, caller: Caller, filters: AssessmentFilters) -> Select[Any]:
    return where_equal(policy.readable(caller, Assessment), Assessment, filters)


async def get_assessment(
    session: AsyncSession, *, caller: Caller, assessment_id: int, for_update: bool = False
) -> Assessment:
    assessment = await policy.get_readable(
        session, caller, Assessment, assessment_id, entity="assessment", for_update=for_update
    )
    return present(caller, assessment)


def standard_items() -> list[AssessmentItem]:
    return [
        AssessmentItem(
            position=position,
            title=t(key),
            guidance=t(f"{key}.guidance"),
            max_points=Decimal(points),
            source=source,
            target=target,
        )
        for position, (key, points, source, target) in enumerate(STANDARD_FORM, start=1)
    ]


async def create_assessment(session: AsyncSession, *, caller: Caller, data: AssessmentCreate) -> Assessment:
    if not policy.can_manage_assessments(caller):
        raise Forbidden()
    programme = await policy.get_readable(session, caller, Programme, data.programme_id, entity="programme")
    taken = await session.scalar(
        select(Assessment.id).where(
            Assessment.programme_id == programme.id, Assessment.school_year == data.school_year
        )
    )
    if taken is not None:
        raise Conflict("assessment_exists", other=taken)
    if data.items is not None and any(item.id is not None for item in data.items):
        raise ValidationFailed("assessment_item_unknown", field="items")
    assessment = Assessment(
        programme=programme,
        school_year=data.school_year,
        title=data.title
        or t(
            "assessment.default_title", year=f"{data.school_year}–{data.school_year + 1}", name=programme.name
        ),
        pass_threshold=data.pass_threshold,
        created_by_id=caller.user_id,
        items=standard_items()
        if data.items is None
        else [
            AssessmentItem(position=position, **item.model_dump(exclude={"id"}))
            for position, item in enumerate(data.items, start=1)
        ],
    )
    session.add(assessment)
    await session.flush()
    present(caller, assessment)
    await audit.record_created(session, caller, assessment, entity="assessment", read_model=AssessmentRead)
    return assessment


async def _editable(
    session: AsyncSession, caller: Caller, assessment_id: int, expected_version: int | None
) -> Assessment:
    assessment = await get_assessment(session, caller=caller, assessment_id=assessment_id, for_update=True)
    if not policy.can_manage_assessments(caller):
        raise Forbidden()
    if assessment.status != AssessmentStatus.draft:
        raise Conflict("assessment_published")
    check_version(assessment.version, expected_version)
    return assessment


async def _replace_items(session: AsyncSession, assessment: Assessment, items: Items) -> None:
    """Make the form `items`, in their order: listed ids are kept and changed, the rest removed (with
    their scores), items without id added. A changed source drops the item's scores (they measured
    something else); a lower maximum must still hold every score already given."""
    current = {item.id: item for item in assessment.items}
    kept = [item.id for item in items if item.id is not None]
    if len(kept) != len(set(kept)) or not set(kept) <= current.keys():
        raise ValidationFailed("assessment_item_unknown", field="items")
    highest = dict(
        (
            await session.execute(
                select(AssessmentScore.item_id, func.max(AssessmentScore.points))
                .where(AssessmentScore.item_id.in_(kept))
                .group_by(AssessmentScore.item_id)
            )
        ).all()
    )
    result: list[AssessmentItem] = []
    for position, spec in enumerate(items, start=1):
        values = spec.model_dump(exclude={"id"})
        if spec.id is None:
            result.append(AssessmentItem(position=position, **values))
            continue
        item = current[spec.id]
        if spec.source != item.source:
            await session.execute(delete(AssessmentScore).where(AssessmentScore.item_id == item.id))
        elif spec.max_points < highest.get(item.id, 0):
            raise Conflict("assessment_item_below_scores", item=item.title, points=highest[item.id])
        for key, value in values.items():
            setattr(item, key, value)
        item.position = position
        result.append(item)
    assessment.items = result


async def update_assessment(
    session: AsyncSession,
    *,
    caller: Caller,
    assessment_id: int,
    data: AssessmentUpdate,
    expected_version: int | None,
) -> Assessment:
    assessment = await _editable(session, caller, assessment_id, expected_version)
    before = audit.snapshot(AssessmentRead, assessment)
    if data.title is not None:
        assessment.title = data.title
    if data.pass_threshold is not None:
        assessment.pass_threshold = data.pass_threshold
    if data.items is not None:
        await _replace_items(session, assessment, data.items)
    assessment.updated_at = now()  # the form is part of the assessment: a new version either way
    await session.flush()
    await session.refresh(assessment, attribute_names=["items"])
    after = audit.snapshot(AssessmentRead, assessment)
    await audit.record(
        session,
        caller,
        action="update",
        entity="assessment",
        entity_id=assessment.id,
        before=before,
        after=after,
    )
    return assessment


# --- the pairs and their figures ---------------------------------------------------------------


async def _assessed_pairs(
    session: AsyncSession, assessment: Assessment
) -> tuple[list[PairRef], dict[int, PairFigures]]:
    """The pairs a draft assesses — the programme's agreements in force in the school year, exactly the
    rows of its meeting compliance — with what each did that year, in four grouped queries."""
    compliance = await meeting_compliance(
        session, caller=None, school_year=assessment.school_year, programme_id=assessment.programme_id
    )
    pairs = [PairRef.model_validate(r.model_dump(include=set(PairRef.model_fields))) for r in compliance.rows]
    ids = [p.agreement_id for p in pairs]
    halves = Halves.of(assessment.school_year)
    start, end = halves.first[0], halves.second[1]
    rotations = dict(
        (
            await session.execute(
                select(Rotation.agreement_id, func.count())
                .where(
                    Rotation.agreement_id.in_(ids),
                    Rotation.status.in_([RotationStatus.active, RotationStatus.completed]),
                    Rotation.start_date <= end,
                    Rotation.end_date >= start,
                )
                .group_by(Rotation.agreement_id)
            )
        ).all()
    )
    activities = dict(
        (
            await session.execute(
                select(Activity.agreement_id, func.count())
                .where(Activity.agreement_id.in_(ids), Activity.date >= start, Activity.date <= end)
                .group_by(Activity.agreement_id)
            )
        ).all()
    )
    goals = {
        agreement_id: (achieved, due)
        for agreement_id, achieved, due in await session.execute(
            select(
                Goal.agreement_id,
                func.count(case((Goal.status == GoalStatus.achieved, Goal.id))),
                func.count(),
            )
            .where(Goal.agreement_id.in_(ids), Goal.target_date >= start, Goal.target_date <= end)
            .group_by(Goal.agreement_id)
        )
    }
    figures = {
        r.agreement_id: PairFigures(
            meetings_held=r.held_total,
            meetings_required=r.required,
            rotations=rotations.get(r.agreement_id, 0),
            activities=activities.get(r.agreement_id, 0),
            goals_achieved=goals.get(r.agreement_id, (0, 0))[0],
            goals_due=goals.get(r.agreement_id, (0, 0))[1],
        )
        for r in compliance.rows
    }
    return pairs, figures


async def _published_pairs(session: AsyncSession, assessment: Assessment) -> list[PairRef]:
    """The pairs as published: those with a sheet (publication gives every assessed pair one)."""
    supporting, receiving = aliased(School), aliased(School)
    rows = await session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.supporting_school_id,
            supporting.name,
            Agreement.receiving_school_id,
            receiving.name,
        )
        .join(AssessmentSheet, AssessmentSheet.agreement_id == Agreement.id)
        .join(supporting, supporting.id == Agreement.supporting_school_id)
        .join(receiving, receiving.id == Agreement.receiving_school_id)
        .where(AssessmentSheet.assessment_id == assessment.id)
        .order_by(Agreement.id)
    )
    return [PairRef(**dict(zip(PairRef.model_fields, row, strict=True))) for row in rows.all()]


async def _sheets(session: AsyncSession, assessment_id: int) -> dict[int, AssessmentSheet]:
    sheets = await session.scalars(
        select(AssessmentSheet).where(AssessmentSheet.assessment_id == assessment_id)
    )
    return {sheet.agreement_id: sheet for sheet in sheets}


def _row(
    assessment: Assessment, pair: PairRef, sheet: AssessmentSheet | None, figures: PairFigures | None
) -> AssessmentRow:
    stored = {score.item_id: score for score in sheet.scores} if sheet else {}
    items: list[ItemScore] = []
    for item in assessment.items:
        auto = item.source != AssessmentSource.manual
        score = stored.get(item.id)
        if auto and figures is not None:  # a draft: the data as it stands today
            points, detail = auto_score(item.source, item.max_points, item.target, figures)
            items.append(ItemScore(item_id=item.id, points=points, auto=True, detail=detail, comment=""))
        else:
            items.append(
                ItemScore(
                    item_id=item.id,
                    points=score.points if score else None,
                    auto=auto,
                    detail=score.detail if score else "",
                    comment=score.comment if score else "",
                )
            )
    total = sum((i.points for i in items if i.points is not None), Decimal(0)).quantize(CENT)
    return AssessmentRow(
        **pair.model_dump(),
        assessment_id=assessment.id,
        items=items,
        total=total,
        rank=0,
        below_threshold=total < assessment.pass_threshold,
        complete=all(i.points is not None for i in items),
        remarks=sheet.remarks if sheet else "",
        sheet_version=sheet.version if sheet else 0,
    )


async def _all_rows(session: AsyncSession, assessment: Assessment) -> list[AssessmentRow]:
    """Every pair's row, ranked (whoever asks: a pair's place is among all pairs)."""
    sheets = await _sheets(session, assessment.id)
    if assessment.status == AssessmentStatus.published:
        pairs, figures = await _published_pairs(session, assessment), {}
    else:
        pairs, figures = await _assessed_pairs(session, assessment)
    rows = [_row(assessment, p, sheets.get(p.agreement_id), figures.get(p.agreement_id)) for p in pairs]
    for row, rank in zip(rows, competition_ranks([r.total for r in rows]), strict=True):
        row.rank = rank
    return sorted(rows, key=lambda r: (r.rank, r.agreement_id))


async def _visible(session: AsyncSession, caller: Caller, rows: list[AssessmentRow]) -> list[AssessmentRow]:
    """The rows of the pairs the caller may read (a school sees its own pairs' sheets)."""
    if not rows:
        return rows
    readable = set(
        await session.scalars(
            select(Agreement.id).where(
                policy.scope_condition(caller, Agreement), Agreement.id.in_([r.agreement_id for r in rows])
            )
        )
    )
    return [r for r in rows if r.agreement_id in readable]


def _summary(rows: Sequence[AssessmentRow]) -> AssessmentSummary:
    totals = [r.total for r in rows]
    return AssessmentSummary(
        pairs=len(rows),
        complete=sum(1 for r in rows if r.complete),
        below_threshold=sum(1 for r in rows if r.below_threshold),
        average=(sum(totals, Decimal(0)) / len(totals)).quantize(CENT) if totals else None,
        highest=max(totals) if totals else None,
        lowest=min(totals) if totals else None,
    )


async def result_of(session: AsyncSession, caller: Caller, assessment: Assessment) -> AssessmentResult:
    rows = await _visible(session, caller, await _all_rows(session, assessment))
    return AssessmentResult(
        assessment=AssessmentRead.model_validate(assessment), rows=rows, summary=_summary(rows)
    )


async def results(session: AsyncSession, *, caller: Caller, assessment_id: int) -> AssessmentResult:
    assessment = await get_assessment(session, caller=caller, assessment_id=assessment_id)
    return await result_of(session, caller, assessment)


async def results_for_year(
    session: AsyncSession, *, caller: Caller, school_year: int, programme_id: int | None
) -> list[AssessmentResult]:
    """Every assessment of the school year the caller may read (for a school: the published ones)."""
    filters = AssessmentFilters(school_year=school_year, programme_id=programme_id)
    assessments = await session.scalars(
        assessments_query(caller=caller, filters=filters).order_by(Assessment.programme_id)
    )
    return [await result_of(session, caller, present(caller, a)) for a in assessments]


async def get_sheet(
    session: AsyncSession, *, caller: Caller, assessment_id: int, agreement_id: int
) -> AssessmentRow:
    result = await results(session, caller=caller, assessment_id=assessment_id)
    for row in result.rows:
        if row.agreement_id == agreement_id:
            return row
    raise NotFound("assessment_sheet")


def _scores_snapshot(sheet: AssessmentSheet) -> dict[str, Any]:
    return {
        "remarks": sheet.remarks,
        "scores": {
            str(s.item_id): [str(s.points), s.comment] for s in sorted(sheet.scores, key=lambda s: s.item_id)
        },
    }


async def score(
    session: AsyncSession,
    *,
    caller: Caller,
    assessment_id: int,
    agreement_id: int,
    data: SheetWrite,
    expected_version: int | None,
) -> AssessmentRow:
    """An inspector scores a pair's manual items (a sheet is created on the first score)."""
    assessment = await get_assessment(session, caller=caller, assessment_id=assessment_id, for_update=True)
    if not policy.can_manage_assessments(caller):
        raise Forbidden()
    if assessment.status != AssessmentStatus.draft:
        raise Conflict("assessment_published")
    pairs, _ = await _assessed_pairs(session, assessment)
    if agreement_id not in {p.agreement_id for p in pairs}:
        raise NotFound("assessment_sheet")
    items = {item.id: item for item in assessment.items}
    given = [s.item_id for s in data.scores]
    if len(given) != len(set(given)):
        raise ValidationFailed("assessment_score_repeated", field="scores")
    for entry in data.scores:
        item = items.get(entry.item_id)
        if item is None or item.source != AssessmentSource.manual:
            raise ValidationFailed("assessment_score_not_manual", field="scores")
        if entry.points > item.max_points:
            raise ValidationFailed(
                "assessment_score_above_max", field="scores", item=item.title, max=item.max_points
            )
    current = (await _sheets(session, assessment.id)).get(agreement_id)
    check_version(current.version if current else 0, expected_version)
    sheet = current or AssessmentSheet(assessment_id=assessment.id, agreement_id=agreement_id, scores=[])
    before = _scores_snapshot(sheet) if current else None
    existing = {s.item_id: s for s in sheet.scores}
    for entry in data.scores:
        stored = existing.get(entry.item_id)
        if stored is None:
            sheet.scores.append(
                AssessmentScore(item_id=entry.item_id, points=entry.points, comment=entry.comment)
            )
        else:
            stored.points, stored.comment = entry.points, entry.comment
    if data.remarks is not None:
        sheet.remarks = data.remarks
    sheet.scored_by_id, sheet.updated_at = caller.user_id, now()  # a new sheet version on every scoring
    session.add(sheet)
    await session.flush()
    await audit.record(
        session,
        caller,
        action="score",
        entity="assessment_sheet",
        entity_id=sheet.id,
        before=before,
        after=_scores_snapshot(sheet),
    )
    return await sheet_row(session, caller, assessment, agreement_id)


async def sheet_row(
    session: AsyncSession, caller: Caller, assessment: Assessment, agreement_id: int
) -> AssessmentRow:
    rows = await _all_rows(session, assessment)
    return next(r for r in rows if r.agreement_id == agreement_id)


async def publish(
    session: AsyncSession, *, caller: Caller, assessment_id: int, expected_version: int | None
) -> Assessment:
    """Lock the result: every pair must be fully scored; the automatic points are stored as they stand.
    The admins of every assessed school are told the result is out."""
    assessment = await _editable(session, caller, assessment_id, expected_version)
    pairs, figures = await _assessed_pairs(session, assessment)
    sheets = await _sheets(session, assessment.id)
    rows = [_row(assessment, p, sheets.get(p.agreement_id), figures[p.agreement_id]) for p in pairs]
    if not rows:
        raise Conflict("assessment_no_pairs")
    unscored = [r for r in rows if not r.complete]
    if unscored:
        raise Conflict("assessment_incomplete", count=len(unscored), pairs=len(rows))
    automatic = [item for item in assessment.items if item.source != AssessmentSource.manual]
    for pair in pairs:
        sheet = sheets.get(pair.agreement_id) or AssessmentSheet(
            assessment_id=assessment.id, agreement_id=pair.agreement_id, scores=[]
        )
        for item in automatic:
            points, detail = auto_score(item.source, item.max_points, item.target, figures[pair.agreement_id])
            sheet.scores.append(AssessmentScore(item_id=item.id, points=points, detail=detail))
        session.add(sheet)
    assessment.status = AssessmentStatus.published
    assessment.published_at, assessment.published_by_id = now(), caller.user_id
    await session.flush()
    schools = {p.supporting_school_id for p in pairs} | {p.receiving_school_id for p in pairs}
    await notify(
        session,
        await school_admins(session, schools),
        kind="assessment_published",
        key=f"assessment_published:{assessment.id}",
        payload={"title": assessment.title, "assessment_id": assessment.id, "pairs": len(pairs)},
    )
    present(caller, assessment)
    summary = _summary(rows)
    await audit.record(
        session,
        caller,
        action="publish",
        entity="assessment",
        entity_id=assessment.id,
        after={
            "pairs": summary.pairs,
            "below_threshold": summary.below_threshold,
            "average": str(summary.average),
        },
    )
    return assessment
