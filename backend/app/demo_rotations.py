"""Demo rotations for the demo county, proposed, approved and received through the same services people
use (so each has its audit trail), with a term's worth of check-ins, leave and work log behind them.

The demo teacher (云溪县实验小学) is on an active dispatch to 梓园小学 and has not checked in today;
城关中学 has teachers at 三元中学 and at 张庄中学 in every state of the lifecycle; 三元中学 both
receives teachers and sends one on to 梓园小学.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core.clock import local_zone, today
from app.core.enums import (
    AgreementStatus,
    LeaveStatus,
    RotationDirection,
    RotationKind,
    Term,
    WorkLogKind,
)
from app.core.policy import Caller
from app.demo_agreements import _callers
from app.regions.models import Organization
from app.rotations import evaluations, rules, service
from app.rotations.attendance import is_school_day
from app.rotations.models import CheckIn, Leave, Rotation, WorkLog
from app.rotations.schemas import EvaluationCreate, RotationBulkCreate, Scores
from app.schools.models import School
from app.teachers.models import Teacher

LOGS = [
    (WorkLogKind.lesson, 2, "七年级数学：一元一次方程的解法"),
    (WorkLogKind.lesson_prep, 0, "与本校数学组集体备课，统一单元进度"),
    (WorkLogKind.open_class, 1, "公开课《有理数的乘方》，本校教师 12 人听课"),
    (WorkLogKind.mentoring, 1, "指导青年教师王老师修改教学设计"),
    (WorkLogKind.marking, 0, "批改两个班的单元作业并记录共性错误"),
    (WorkLogKind.research, 2, "参加乡镇数学教研活动，作“作业设计”交流发言"),
    (WorkLogKind.exam_analysis, 0, "期中考试质量分析，提出分层辅导名单"),
    (WorkLogKind.demonstration_lesson, 1, "示范课：几何图形初步"),
]


@dataclass(frozen=True)
class Plan:
    """One demo proposal: teachers (by position on the home roster) and how far it has got."""

    home: str
    host: str
    teachers: tuple[int, ...]
    period: str  # "term" (the current one) or "spring" (the next one to plan)
    to_state: str  # planned / approved / active
    pair: tuple[str, str] | None = None  # the agreement's (supporting, receiving) school codes
    subjects: tuple[str, ...] = ()
    direction: RotationDirection = RotationDirection.dispatch
    kind: RotationKind = RotationKind.teaching
    absent_every: int = 0  # active ones get a term of history: one school day in so many missed


PLANS = [
    Plan("YX002", "YX005", (0,), "term", "active", subjects=("数学",), absent_every=9),  # the demo teacher
    Plan("YX003", "YX004", (0, 1), "term", "active", ("YX003", "YX004"), ("数学",), absent_every=7),
    Plan("YX004", "YX005", (0,), "term", "active", ("YX004", "YX005"), ("英语",), absent_every=6),
    Plan("YX003", "YX007", (2,), "spring", "planned", ("YX003", "YX007"), ("英语",)),
    Plan("YX003", "YX007", (3,), "spring", "approved", ("YX003", "YX007"), ("物理",)),
    Plan(
        "YX004",
        "YX003",
        (1,),
        "spring",
        "planned",
        ("YX003", "YX004"),
        direction=RotationDirection.training,
        kind=RotationKind.shadowing,
    ),
]


def current_term(day: date) -> tuple[date, date]:
    """The term running on `day`; in the summer holiday, a period around it (so the demo is never empty)."""
    if day.month >= 9 or day.month == 1:
        return rules.term_dates(Term.autumn, day.year if day.month >= 9 else day.year - 1)
    if day.month <= 7:
        return rules.term_dates(Term.spring, day.year - 1)
    return day - timedelta(days=20), day + timedelta(days=150)


def _school_days(start: date, end: date) -> list[date]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [d for d in days if is_school_day(d, set(), set())]


def _history(rotation: Rotation, *, upto: date, absent_every: int) -> list[object]:
    """Check-ins on past school days (07:2x local time; every `absent_every`-th day missed, one day
    far from the school), two days of approved leave and a log entry every third day."""
    rows: list[object] = []
    past = _school_days(rotation.start_date, min(upto, rotation.end_date))
    leave_days = set(past[len(past) // 2 : len(past) // 2 + 2]) if len(past) > 10 else set()
    if leave_days:
        first, last = min(leave_days), max(leave_days)
        rows.append(
            Leave(
                rotation_id=rotation.id,
                teacher_id=rotation.teacher_id,
                start_date=first,
                end_date=last,
                reason="回派出学校参加职称评审材料审核",
                status=LeaveStatus.approved,
                decided_at=datetime.combine(first, time(1), tzinfo=UTC),
            )
        )
    for n, day in enumerate(past):
        if day in leave_days or n % absent_every == absent_every - 1:
            continue
        tapped = datetime.combine(day, time(7, 20 + n % 30), tzinfo=local_zone())
        rows.append(
            CheckIn(
                rotation_id=rotation.id,
                teacher_id=rotation.teacher_id,
                date=day,
                checked_in_at=tapped.astimezone(UTC),
                distance_m=2400 if n == 3 else 120,
                flagged=n == 3,
            )
        )
        if n % 3 == 0:
            kind, periods, text = LOGS[(n // 3) % len(LOGS)]
            rows.append(
                WorkLog(
                    rotation_id=rotation.id,
                    teacher_id=rotation.teacher_id,
                    date=day,
                    kind=kind,
                    periods=periods,
                    description=text,
                )
            )
    return rows


async def _run(
    session: AsyncSession,
    callers: dict[str, Caller],
    *,
    home: str,
    host: str,
    teachers: list[int],
    period: tuple[date, date],
    to_state: str,
    agreement_id: int | None = None,
    school_ids: dict[str, int],
    direction: RotationDirection = RotationDirection.dispatch,
    kind: RotationKind = RotationKind.teaching,
    subjects: list[str] | None = None,
) -> list[Rotation]:
    """Propose (as the home school), then take the steps up to `to_state`: planned/approved/active."""
    rotations = await service.propose_many(
        session,
        caller=callers[f"admin_{home}"],
        data=RotationBulkCreate(
            teacher_ids=teachers,
            from_school_id=school_ids[home],
            to_school_id=school_ids[host],
            agreement_id=agreement_id,
            direction=direction,
            kind=kind,
            subjects=subjects or [],
            start_date=period[0],
            end_date=period[1],
            weekly_periods=12 if kind == RotationKind.teaching else 0,
            living_allowance_yuan=Decimal("800.00"),
            transport_allowance_yuan=Decimal("300.00"),
        ),
    )
    steps = {
        "planned": [],
        "approved": [("bureau", "approve")],
        "active": [("bureau", "approve"), (host, "arrive")],
    }
    for rotation in rotations:
        for actor, action in steps[to_state]:
            caller = callers["bureau" if actor == "bureau" else f"admin_{actor}"]
            await service.transition(
                session,
                caller=caller,
                rotation_id=rotation.id,
                action=action,
                comment="",
                expected_version=None,
            )
    return rotations


async def _completed(
    session: AsyncSession,
    callers: dict[str, Caller],
    teacher_id: int,
    period: tuple[date, date],
    scores: Scores,
    school_ids: dict[str, int],
) -> Rotation:
    """A past dispatch 城关中学 → 张庄中学 with its history, evaluated and completed by the host."""
    (past,) = await _run(
        session,
        callers,
        home="YX003",
        host="YX007",
        teachers=[teacher_id],
        period=period,
        to_state="active",
        school_ids=school_ids,
        subjects=["语文"],
    )
    session.add_all(_history(past, upto=period[1], absent_every=15))
    await session.flush()
    host = callers["admin_YX007"]
    comments = "工作认真负责，示范课效果好，带动了本校语文组教研。"
    await evaluations.evaluate(
        session, caller=host, rotation_id=past.id, data=EvaluationCreate(scores=scores, comments=comments)
    )
    await service.transition(
        session, caller=host, rotation_id=past.id, action="complete", comment="", expected_version=None
    )
    return past


async def seed_rotations(session: AsyncSession, bureau: Organization) -> int:
    """Once: skipped when the demo county already has rotations. Returns how many were created."""
    school_ids = dict((await session.execute(select(School.code, School.id))).all())
    if not school_ids or await session.scalar(select(Rotation.id).limit(1)) is not None:
        return 0
    callers = await _callers(session, bureau)
    roster: dict[str, list[int]] = {code: [] for code in school_ids}
    codes = {school_id: code for code, school_id in school_ids.items()}
    for teacher_id, school_id in await session.execute(
        select(Teacher.id, Teacher.school_id).order_by(Teacher.id)
    ):
        roster[codes[school_id]].append(teacher_id)
    pairs = {
        (a.supporting_school_id, a.receiving_school_id): a.id
        for a in await session.scalars(select(Agreement).where(Agreement.status == AgreementStatus.active))
    }

    def agreement(supporting: str, receiving: str) -> int | None:
        return pairs.get((school_ids[supporting], school_ids[receiving]))

    now_day = today()
    term = current_term(now_day)
    spring = rules.term_dates(Term.spring, term[0].year if term[0].month >= 8 else term[0].year - 1)
    if spring[0] <= now_day:  # already in (or past) the spring term: plan the next autumn instead
        spring = rules.term_dates(Term.autumn, now_day.year)
    periods = {"term": term, "spring": spring}
    created: list[Rotation] = []
    running: list[tuple[Rotation, int]] = []
    for plan in PLANS:
        rotations = await _run(
            session,
            callers,
            home=plan.home,
            host=plan.host,
            teachers=[roster[plan.home][n] for n in plan.teachers],
            period=periods[plan.period],
            to_state=plan.to_state,
            agreement_id=agreement(*plan.pair) if plan.pair else None,
            school_ids=school_ids,
            direction=plan.direction,
            kind=plan.kind,
            subjects=list(plan.subjects),
        )
        created += rotations
        if plan.absent_every:
            running += [(r, plan.absent_every + r.id % 3) for r in rotations]
    # Earlier years: an autumn term two years ago and last whole school year at 张庄中学, each evaluated
    # and completed — together more than the 365 rural days a title application needs.
    last = term[0].year - 1 if term[0].month >= 8 else term[0].year - 2
    for period, marks in (
        (rules.term_dates(Term.autumn, last - 1), (90, 88, 86, 84, 85)),
        (rules.term_dates(Term.year, last), (95, 93, 90, 88, 92)),
    ):
        scores = Scores(**dict(zip(Scores.model_fields, marks, strict=True)))
        created.append(await _completed(session, callers, roster["YX003"][4], period, scores, school_ids))
    for rotation, absent_every in running:
        await session.refresh(rotation)  # later proposals expired the loaded objects
        session.add_all(_history(rotation, upto=now_day - timedelta(days=1), absent_every=absent_every))
    await session.flush()
    return len(created)
