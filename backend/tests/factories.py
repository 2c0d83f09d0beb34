"""Factories: rows built through the models, and a small two-county world for scope tests."""

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy.ext.asyncio import AsyncSession

from app.activities.models import Activity, Donation
from app.agreements.models import Agreement, AgreementAreaRow, Amendment, Goal
from app.assessments.models import Assessment
from app.assessments.service import standard_items
from app.attachments.models import Attachment
from app.auth.service import claims_for
from app.core.clock import now, today
from app.core.enums import (
    ActivityKind,
    AgreementArea,
    AgreementStatus,
    BackboneLevel,
    DeliveryStatus,
    DonationKind,
    EvaluationGrade,
    Gender,
    GoalStatus,
    MeetingStatus,
    MinutesStatus,
    Party,
    RegionLevel,
    Role,
    RotationDirection,
    RotationStatus,
    SchoolLocale,
    Stage,
    Term,
    TitleRank,
    WebhookEvent,
    WorkLogKind,
)
from app.core.security import create_access_token, hash_password
from app.core.storage import content_key, get_storage
from app.integrations.models import IntegrationClient, OutboxEvent, WebhookDelivery, WebhookSubscription
from app.integrations.scopes import SCOPES
from app.meetings.models import ActionItem, Meeting
from app.notifications.models import Notification
from app.planning.models import PlanningProposal, StaffingNeed, TeacherUnavailability
from app.programmes.models import Programme
from app.regions.models import Organization, Region
from app.rotations.models import CalendarDay, CheckIn, Evaluation, Leave, Rotation, WorkLog
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject
from app.users.models import User

PASSWORD = "correct-horse-9"


@lru_cache
def _hashed(password: str) -> str:
    return hash_password(password)  # one real Argon2 hash per password, not one per user per test


_seq = itertools.count(1)


async def make_region(
    session: AsyncSession, name: str, level: RegionLevel, parent: Region | None = None
) -> Region:
    region = Region(
        code=f"R{next(_seq):05d}", name=name, level=level, parent_id=parent.id if parent else None, path=""
    )
    session.add(region)
    await session.flush()
    region.path = f"{parent.path if parent else '/'}{region.id}/"
    await session.flush()
    return region


async def make_school(session: AsyncSession, region: Region, **overrides: object) -> School:
    n = next(_seq)
    fields: dict[str, object] = {
        "code": f"S{n:05d}",
        "name": f"测试学校{n}",
        "stage": Stage.primary,
        "locale": SchoolLocale.rural,
        "region_id": region.id,
        "student_count": 300,
        "teacher_count": 20,
        "is_weak": True,
    }
    fields.update(overrides)
    school = School(**fields)
    session.add(school)
    await session.flush()
    return school


async def make_teacher(
    session: AsyncSession, school: School, subjects: tuple[str, ...] = ("数学",), **overrides: object
) -> Teacher:
    n = next(_seq)
    fields: dict[str, object] = {
        "name": f"教师{n}",
        "gender": Gender.female,
        "school_id": school.id,
        "title_rank": TitleRank.first,
        "backbone_level": BackboneLevel.none,
        "hire_date": date(2010, 9, 1),
    }
    fields.update(overrides)
    teacher = Teacher(**fields)
    teacher.subject_rows = [TeacherSubject(subject=s, position=i) for i, s in enumerate(subjects)]
    session.add(teacher)
    await session.flush()
    return teacher


async def make_user(
    session: AsyncSession,
    role: Role,
    *,
    organization: Organization | None = None,
    school: School | None = None,
    teacher: Teacher | None = None,
    password: str = PASSWORD,
    **overrides: object,
) -> User:
    n = next(_seq)
    user = User(
        username=overrides.pop("username", f"user{n}"),
        display_name=f"用户{n}",
        password_hash=_hashed(password),
        role=role,
        organization_id=organization.id if organization else None,
        school_id=school.id if school else (teacher.school_id if teacher else None),
        teacher_id=teacher.id if teacher else None,
        **overrides,
    )
    session.add(user)
    await session.flush()
    return user


async def make_programme(session: AsyncSession, bureau: Organization, **overrides: object) -> Programme:
    fields: dict[str, object] = {
        "organization_id": bureau.id,
        "name": f"百校扶百校{next(_seq)}",
        "start_date": date(2026, 9, 1),
        "end_date": date(2029, 8, 31),
    }
    fields.update(overrides)
    programme = Programme(**fields)
    session.add(programme)
    await session.flush()
    return programme


CLIENT_SECRET = "client-secret-for-tests"


async def make_client(
    session: AsyncSession, bureau: Organization, scopes: tuple[str, ...] = SCOPES
) -> IntegrationClient:
    n = next(_seq)
    account = await make_user(session, Role.bureau_admin, organization=bureau, is_active=False)
    client = IntegrationClient(
        organization_id=bureau.id,
        name=f"市级平台{n}",
        client_id=f"pc_test{n}",
        secret_hash=_hashed(CLIENT_SECRET),
        scopes=list(scopes),
        service_user_id=account.id,
    )
    session.add(client)
    await session.flush()
    return client


async def make_webhook(
    session: AsyncSession, bureau: Organization, url: str = "https://hooks.example.org/pairing"
) -> WebhookDelivery:
    """A paused subscription to every event (so tests' changes send it nothing), and one delivery of
    it that failed (for the log and redelivery)."""
    subscription = WebhookSubscription(
        organization_id=bureau.id,
        url=url,
        events=[e.value for e in WebhookEvent],
        secret="s" * 32,
        is_active=False,
    )
    event = OutboxEvent(
        event_id=f"00000000-0000-0000-0000-{next(_seq):012d}",
        type=WebhookEvent.meeting_held.value,
        occurred_at=now(),
        data={"meeting": {"id": 1}},
    )
    session.add_all([subscription, event])
    await session.flush()
    delivery = WebhookDelivery(
        subscription_id=subscription.id,
        event_id=event.id,
        status=DeliveryStatus.failed,
        attempts=3,
        next_attempt_at=now(),
        last_status_code=500,
        created_at=now(),
    )
    session.add(delivery)
    await session.flush()
    return delivery


async def make_assessment(session: AsyncSession, programme: Programme, school_year: int = 2026) -> Assessment:
    assessment = Assessment(
        programme=programme, school_year=school_year, title=f"{programme.name}考核", items=standard_items()
    )
    session.add(assessment)
    await session.flush()
    return assessment


async def make_agreement(
    session: AsyncSession,
    programme: Programme,
    supporting: School,
    receiving: School,
    status: AgreementStatus = AgreementStatus.active,
    **overrides: object,
) -> Agreement:
    fields: dict[str, object] = {
        "programme_id": programme.id,
        "supporting_school_id": supporting.id,
        "receiving_school_id": receiving.id,
        "title": f"结对协议{next(_seq)}",
        "start_date": date(2026, 9, 1),
        "end_date": date(2029, 8, 31),
        "status": status,
        "forms": ["teaching"],
    }
    fields.update(overrides)
    agreement = Agreement(**fields)
    agreement.area_rows = [AgreementAreaRow(area=AgreementArea.teaching, position=0)]
    session.add(agreement)
    await session.flush()
    return agreement


@dataclass
class Ledger:
    """One of each record that lives under an agreement."""

    goal: Goal
    amendment: Amendment
    activity: Activity
    donation: Donation
    attachment: Attachment
    meeting: Meeting  # held on 2026-10-20, minutes drafted by the supporting school
    action_item: ActionItem


async def make_ledger(session: AsyncSession, agreement: Agreement) -> Ledger:
    goal = Goal(
        agreement_id=agreement.id,
        title="提高数学成绩",
        area=AgreementArea.teaching,
        target_date=date(2027, 7, 1),
        status=GoalStatus.in_progress,
    )
    amendment = Amendment(
        agreement_id=agreement.id, summary="增加英语学科送教", effective_date=date(2027, 3, 1)
    )
    activity = Activity(
        agreement_id=agreement.id,
        kind=ActivityKind.lecture,
        date=date(2026, 10, 9),
        organizer_school_id=agreement.supporting_school_id,
        participants=30,
        subjects=["数学"],
    )
    donation = Donation(
        agreement_id=agreement.id,
        kind=DonationKind.books,
        quantity=100,
        unit="册",
        value_yuan=2000,
        date=date(2026, 10, 15),
    )
    session.add_all([goal, amendment, activity, donation])
    await session.flush()
    data = b"%PDF-1.4 signed"
    await get_storage().put(content_key(data), data)
    attachment = Attachment(
        agreement_id=agreement.id,
        filename="协议.pdf",
        content_type="application/pdf",
        size_bytes=len(data),
        sha256="0" * 64,
        storage_key=content_key(data),
    )
    session.add(attachment)
    meeting = Meeting(
        agreement_id=agreement.id,
        scheduled_date=date(2026, 10, 20),
        held_date=date(2026, 10, 20),
        status=MeetingStatus.held,
        minutes="## 纪要\n双方商定送课计划。",
        minutes_status=MinutesStatus.draft,
        minutes_recorded_by=Party.supporting_school,
        location="受援学校会议室",
    )
    session.add(meeting)
    await session.flush()
    item = ActionItem(
        meeting_id=meeting.id,
        agreement_id=agreement.id,
        description="提交送课安排表",
        owner_school_id=agreement.supporting_school_id,
        owner_name="教务处",
        due_date=date(2026, 11, 1),
    )
    session.add(item)
    await session.flush()
    return Ledger(goal, amendment, activity, donation, attachment, meeting, item)


async def make_rotation(
    session: AsyncSession,
    teacher: Teacher,
    host: School,
    agreement: Agreement | None = None,
    status: RotationStatus = RotationStatus.active,
    checkin: bool = False,
    **overrides: object,
) -> Rotation:
    """A dispatch of `teacher` from their home school to `host`, running from a month ago for four months
    (and, with `checkin`, yesterday's check-in)."""
    fields: dict[str, object] = {
        "teacher_id": teacher.id,
        "from_school_id": teacher.school_id,
        "to_school_id": host.id,
        "agreement_id": agreement.id if agreement else None,
        "direction": RotationDirection.dispatch,
        "start_date": today() - timedelta(days=30),
        "end_date": today() + timedelta(days=120),
        "status": status,
        "subjects": ["数学"],
    }
    fields.update(overrides)
    rotation = Rotation(**fields)
    session.add(rotation)
    await session.flush()
    if not checkin:
        return rotation
    yesterday = today() - timedelta(days=1)
    session.add(
        CheckIn(
            rotation_id=rotation.id,
            teacher_id=teacher.id,
            date=yesterday,
            checked_in_at=datetime.combine(yesterday, time(8), tzinfo=UTC),
        )
    )
    await session.flush()
    return rotation


def headers_for(user: User, region: Region | None) -> dict[str, str]:
    """Bearer headers for `user` without a (deliberately slow) password sign-in."""
    token, _ = create_access_token(claims_for(user, region.path if region else None))
    return {"Authorization": f"Bearer {token}"}


@dataclass
class World:
    """County A (our bureau, schools a1 and a2) and county B (another bureau, school b1)."""

    province: Region
    county_a: Region
    county_b: Region
    bureau_a: Organization
    bureau_b: Organization
    a1: School
    a2: School
    b1: School
    teacher_a1: Teacher
    teacher_a2: Teacher
    teacher_b1: Teacher
    users: dict[str, User]
    headers: dict[str, dict[str, str]]
    a3: School
    b2: School
    programme_a: Programme
    programme_b: Programme
    agreement: Agreement  # a1 supports a2, active
    ledger: Ledger
    foreign_agreement: Agreement  # b1 supports b2 in the other county, active
    foreign_ledger: Ledger
    notification: Notification  # the teacher's
    rotation: Rotation  # teacher_a1 dispatched a1 → a2 under `agreement`, active around today
    foreign_rotation: Rotation
    records: "RotationRecords"  # under `rotation`
    foreign_records: "RotationRecords"
    assessment: Assessment  # programme_a's for school year 2026, a draft with the standard form
    foreign_assessment: Assessment
    client: IntegrationClient  # bureau A's, with every scope; its secret is CLIENT_SECRET
    foreign_client: IntegrationClient
    webhook: WebhookDelivery  # bureau A's subscription's failed delivery of one event
    foreign_webhook: WebhookDelivery
    need: StaffingNeed  # a2's (the receiving school of `agreement`): an English teacher for 2026
    foreign_need: StaffingNeed
    unavailable: TeacherUnavailability  # teacher_a1 kept back in 2027 by a1
    foreign_unavailable: TeacherUnavailability
    proposal: PlanningProposal  # bureau A's, for county A and 2026: an empty draft
    foreign_proposal: PlanningProposal


async def make_need(session: AsyncSession, school: School, **overrides: object) -> StaffingNeed:
    fields: dict[str, object] = {
        "school_id": school.id,
        "school_year": 2026,
        "term": Term.year,
        "subject": "英语",
        "stage": school.stage,
        "teacher_count": 1,
    }
    fields.update(overrides)
    need = StaffingNeed(**fields)
    session.add(need)
    await session.flush()
    return need


async def make_unavailable(
    session: AsyncSession, teacher: Teacher, school_year: int = 2027
) -> TeacherUnavailability:
    mark = TeacherUnavailability(
        teacher_id=teacher.id, school_year=school_year, reason="毕业班", created_at=now()
    )
    session.add(mark)
    await session.flush()
    return mark


EMPTY_PLAN_INPUTS = {
    "candidates": [],
    "needs": [],
    "quotas": [],
    "paired": [],
    "schools": {},
    "eligibility_years": 6,
}
EMPTY_PLAN_TOTALS = {
    "seats": 0, "filled": 0, "unfilled": 0, "urgent_seats": 0, "urgent_unfilled": 0, "assignments": 0,
    "paired": 0, "total_km": 0.0, "unmeasured": 0, "rotation_shortfall": 0, "backbone_shortfall": 0,
    "optimal": True, "solve_seconds": 0.0, "edited": False,
}  # fmt: skip


async def make_proposal(session: AsyncSession, bureau: Organization, county: Region) -> PlanningProposal:
    proposal = PlanningProposal(
        organization_id=bureau.id,
        region_id=county.id,
        school_year=2026,
        inputs=EMPTY_PLAN_INPUTS,
        result={
            "assignments": [],
            "solver_status": "optimal",
            "totals": EMPTY_PLAN_TOTALS,
            "rotation_ids": [],
        },
    )
    session.add(proposal)
    await session.flush()
    return proposal


@dataclass
class RotationRecords:
    """A pending leave, a log entry with a photo and a draft evaluation of one rotation, and a holiday
    of the bureau over it."""

    leave: Leave
    work_log: WorkLog
    evaluation: Evaluation
    calendar_day: CalendarDay


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


async def make_records(session: AsyncSession, rotation: Rotation, bureau: Organization) -> RotationRecords:
    soon = today() + timedelta(days=7)
    leave = Leave(
        rotation_id=rotation.id, teacher_id=rotation.teacher_id, start_date=soon, end_date=soon, reason="体检"
    )
    await get_storage().put(content_key(PNG), PNG)
    log = WorkLog(
        rotation_id=rotation.id,
        teacher_id=rotation.teacher_id,
        date=today() - timedelta(days=1),
        kind=WorkLogKind.lesson,
        periods=2,
        description="七年级数学",
        photo_key=content_key(PNG),
        photo_content_type="image/png",
    )
    evaluation = Evaluation(
        rotation_id=rotation.id,
        evaluator_school_id=rotation.to_school_id,
        scores={"attitude": 80, "attendance": 80, "teaching": 80, "results": 80, "contribution": 80},
        weights={"attitude": 20, "attendance": 20, "teaching": 30, "results": 20, "contribution": 10},
        total=80,
        grade=EvaluationGrade.good,
    )
    day = CalendarDay(organization_id=bureau.id, date=date(2026, 5, 1), name="劳动节")
    session.add_all([leave, log, evaluation, day])
    await session.flush()
    return RotationRecords(leave, log, evaluation, day)


async def build_world(session: AsyncSession) -> World:
    province = await make_region(session, "测试省", RegionLevel.province)
    city = await make_region(session, "测试市", RegionLevel.city, province)
    county_a = await make_region(session, "甲县", RegionLevel.county, city)
    county_b = await make_region(session, "乙县", RegionLevel.county, city)
    bureau_a = Organization(name=f"甲县教育局{next(_seq)}", region_id=county_a.id)
    bureau_b = Organization(name=f"乙县教育局{next(_seq)}", region_id=county_b.id)
    session.add_all([bureau_a, bureau_b])
    await session.flush()
    a1 = await make_school(session, county_a, stage=Stage.junior, locale=SchoolLocale.urban, is_weak=False)
    a2 = await make_school(session, county_a)
    b1 = await make_school(session, county_b)
    teacher_a1 = await make_teacher(session, a1, ("数学", "物理"), backbone_level=BackboneLevel.county)
    teacher_a2 = await make_teacher(session, a2, ("语文",))
    teacher_b1 = await make_teacher(session, b1, ("英语",))
    users = {
        "bureau_admin": await make_user(session, Role.bureau_admin, organization=bureau_a),
        "bureau_viewer": await make_user(session, Role.bureau_viewer, organization=bureau_a),
        "school_admin": await make_user(session, Role.school_admin, organization=bureau_a, school=a1),
        "other_school_admin": await make_user(session, Role.school_admin, organization=bureau_a, school=a2),
        "teacher": await make_user(session, Role.teacher, organization=bureau_a, teacher=teacher_a1),
        "other_teacher": await make_user(session, Role.teacher, organization=bureau_a, teacher=teacher_a2),
        "foreign_bureau_admin": await make_user(session, Role.bureau_admin, organization=bureau_b),
        "foreign_school_admin": await make_user(session, Role.school_admin, organization=bureau_b, school=b1),
    }
    a3 = await make_school(session, county_a)
    b2 = await make_school(session, county_b)
    users["outsider_school_admin"] = await make_user(
        session, Role.school_admin, organization=bureau_a, school=a3
    )
    region_of = {bureau_a.id: county_a, bureau_b.id: county_b}
    headers = {name: headers_for(u, region_of.get(u.organization_id or 0)) for name, u in users.items()}
    headers["anonymous"] = {}
    programme_a = await make_programme(session, bureau_a)
    programme_b = await make_programme(session, bureau_b)
    agreement = await make_agreement(session, programme_a, a1, a2)
    foreign_agreement = await make_agreement(session, programme_b, b1, b2)
    notification = Notification(
        user_id=users["teacher"].id,
        kind="agreement_waiting",
        dedupe_key="test",
        agreement_id=agreement.id,
        payload={"title": agreement.title},
        created_at=now(),
    )
    session.add(notification)
    rotation = await make_rotation(session, teacher_a1, a2, agreement, checkin=True)
    foreign_rotation = await make_rotation(session, teacher_b1, b2, foreign_agreement, checkin=True)
    return World(
        province,
        county_a,
        county_b,
        bureau_a,
        bureau_b,
        a1,
        a2,
        b1,
        teacher_a1,
        teacher_a2,
        teacher_b1,
        users,
        headers,
        a3,
        b2,
        programme_a,
        programme_b,
        agreement,
        await make_ledger(session, agreement),
        foreign_agreement,
        await make_ledger(session, foreign_agreement),
        notification,
        rotation,
        foreign_rotation,
        await make_records(session, rotation, bureau_a),
        await make_records(session, foreign_rotation, bureau_b),
        await make_assessment(session, programme_a),
        await make_assessment(session, programme_b),
        await make_client(session, bureau_a),
        await make_client(session, bureau_b),
        await make_webhook(session, bureau_a),
        await make_webhook(session, bureau_b),
        await make_need(session, a2),
        await make_need(session, b2),
        await make_unavailable(session, teacher_a1),
        await make_unavailable(session, teacher_b1),
        await make_proposal(session, bureau_a, county_a),
        await make_proposal(session, bureau_b, county_b),
    )
