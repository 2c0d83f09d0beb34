"""Demo pairs for the demo county, created through the same services people use, so each carries its
timeline and audit trail. 三元中学 (YX004) receives help from 城关中学 and supports 梓园小学 itself."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.activities.schemas import ActivityCreate, DonationCreate
from app.activities.service import add_activity, add_donation
from app.agreements.lifecycle import transition_agreement
from app.agreements.models import Agreement
from app.agreements.schemas import AgreementCreate, GoalCreate
from app.agreements.service import create_agreement
from app.core.enums import (
    ActivityKind,
    AgreementArea,
    AgreementStatus,
    AssistanceForm,
    DonationKind,
    GoalStatus,
    MeetingStatus,
    Role,
)
from app.core.policy import Caller
from app.programmes.models import Programme
from app.regions.models import Organization, Region
from app.schools.models import School
from app.users.models import User

PROGRAMME = "百校扶百校（2026—2029）"
START, END = date(2026, 9, 1), date(2029, 8, 31)

A = AgreementArea
F = AssistanceForm
# supporting, receiving, title, areas, forms, how far it has been signed
PAIRS: list[tuple[str, str, str, list[AgreementArea], list[AssistanceForm], str]] = [
    (
        "YX003",
        "YX004",
        "城关中学—三元中学结对帮扶协议",
        [A.management, A.teaching, A.teacher_development],
        [F.staff, F.teaching],
        "active",
    ),
    (
        "YX004",
        "YX005",
        "三元中学—梓园小学结对帮扶协议",
        [A.teaching, A.conditions],
        [F.teaching, F.material],
        "active",
    ),
    (
        "YX003",
        "YX007",
        "城关中学—张庄中学结对帮扶协议",
        [A.teaching, A.teacher_development, A.campus_culture],
        [F.staff, F.teaching],
        "active",
    ),
    (
        "YX010",
        "YX011",
        "县幼儿园—河口幼儿园结对帮扶协议",
        [A.management, A.teaching],
        [F.teaching, F.material],
        "active",
    ),
    (
        "YX001",
        "YX006",
        "县一中—平岗中学结对帮扶协议",
        [A.management, A.teaching, A.conditions],
        [F.staff, F.funds],
        "confirmed",
    ),
    (
        "YX002",
        "YX008",
        "实验小学—石桥小学结对帮扶协议",
        [A.teaching, A.conditions],
        [F.teaching, F.material],
        "submitted",
    ),
    ("YX012", "YX013", "职业高中—特教学校结对帮扶协议", [A.teacher_development], [F.teaching], "draft"),
]

GOALS = [
    GoalCreate(
        title="建立双方校级领导互访与例会制度",
        area=A.management,
        target_date=date(2026, 12, 31),
        indicator="每学期至少一次领导互访，每年两次例会",
        status=GoalStatus.achieved,
    ),
    GoalCreate(
        title="受援学校数学、英语学科平均分提高 5 分",
        area=A.teaching,
        target_date=date(2027, 7, 15),
        indicator="以县统一期末测试成绩为准",
        status=GoalStatus.in_progress,
    ),
    GoalCreate(
        title="培养县级骨干教师 2 名",
        area=A.teacher_development,
        target_date=date(2029, 6, 30),
        indicator="通过县级骨干教师评选",
        status=GoalStatus.planned,
    ),
]

ACTIVITIES = [
    (ActivityKind.lecture, date(2026, 9, 18), "新学期教学常规管理专题讲座", 46, ["语文", "数学"]),
    (ActivityKind.demonstration_lesson, date(2026, 10, 12), "初中数学“函数”单元示范课", 38, ["数学"]),
    (ActivityKind.lessons_to_countryside, date(2026, 10, 28), "送课下乡：英语阅读教学", 52, ["英语"]),
    (ActivityKind.leader_visit, date(2026, 11, 6), "校级领导互访与教学视导", 12, []),
    (ActivityKind.joint_research, date(2026, 11, 18), "两校数学组联合教研", 24, ["数学"]),
]


async def _callers(session: AsyncSession, bureau: Organization) -> dict[str, Caller]:
    path = await session.scalar(select(Region.path).where(Region.id == bureau.region_id))
    users = (await session.scalars(select(User).where(User.organization_id == bureau.id))).all()
    return {
        u.username: Caller(
            user_id=u.id,
            role=u.role,
            organization_id=u.organization_id,
            school_id=u.school_id,
            teacher_id=u.teacher_id,
            region_path=path,
        )
        for u in users
        if u.role in (Role.bureau_admin, Role.school_admin)
    }


async def seed_agreements(session: AsyncSession, bureau: Organization) -> int:
    """Create the demo programme and pairs once; returns how many agreements were created."""
    existing = await session.scalar(
        select(Programme.id).where(Programme.organization_id == bureau.id, Programme.name == PROGRAMME)
    )
    if existing is not None:
        return 0
    callers = await _callers(session, bureau)
    bureau_caller = callers["bureau"]
    programme = Programme(
        organization_id=bureau.id,
        name=PROGRAMME,
        start_date=START,
        end_date=END,
        description="县域内城镇优质学校与农村薄弱学校结对，三年一轮，自秋季学期起。",
    )
    session.add(programme)
    await session.flush()
    school_ids = dict((await session.execute(select(School.code, School.id))).all())
    created = 0
    for supporting, receiving, title, areas, forms, stage in PAIRS:
        drafter = callers[f"admin_{supporting}"]
        agreement = await create_agreement(
            session,
            caller=drafter,
            data=AgreementCreate(
                programme_id=programme.id,
                supporting_school_id=school_ids[supporting],
                receiving_school_id=school_ids[receiving],
                title=title,
                start_date=START,
                end_date=END,
                areas=areas,
                forms=forms,
                goals=[g for g in GOALS if g.area in areas],
                commitments="支援学校每学期选派骨干教师送教、开放课堂并接收受援学校教师跟岗学习；"
                "受援学校提供支教教师食宿与工作条件，按时报送工作台账。",
            ),
        )
        created += 1
        steps = {
            "draft": [],
            "submitted": [("submit", drafter)],
            "confirmed": [("submit", drafter), ("confirm", callers[f"admin_{receiving}"])],
            "active": [
                ("submit", drafter),
                ("confirm", callers[f"admin_{receiving}"]),
                ("approve", bureau_caller),
            ],
        }[stage]
        for action, caller in steps:
            await transition_agreement(
                session,
                caller=caller,
                agreement_id=agreement.id,
                action=action,
                comment="",
                expected_version=None,
            )
        if stage != "active":
            continue
        for kind, day, activity_title, participants, subjects in ACTIVITIES:
            await add_activity(
                session,
                caller=drafter,
                agreement_id=agreement.id,
                data=ActivityCreate(
                    kind=kind,
                    date=day,
                    title=activity_title,
                    organizer_school_id=school_ids[supporting],
                    participants=participants,
                    subjects=subjects,
                    description=f"{activity_title}，双方教师共同参与并进行课后研讨。",
                ),
            )
        await add_donation(
            session,
            caller=drafter,
            agreement_id=agreement.id,
            data=DonationCreate(
                kind=DonationKind.books,
                quantity=Decimal(1358),
                unit="册",
                value_yuan=Decimal("27160.00"),
                date=date(2026, 10, 15),
                description="捐赠图书充实受援学校图书室",
            ),
        )
        await add_donation(
            session,
            caller=drafter,
            agreement_id=agreement.id,
            data=DonationCreate(
                kind=DonationKind.furniture,
                quantity=Decimal(30),
                unit="套",
                value_yuan=Decimal("18000.00"),
                date=date(2026, 11, 3),
                description="课桌椅 30 套",
            ),
        )
    return created


async def seed_meetings(session: AsyncSession, bureau: Organization) -> int:
    """For each active demo pair: the autumn meeting held with final minutes and follow-up items, and the
    spring one planned. Once only (skipped when the demo pairs already have meetings)."""
    from app.meetings.models import Meeting
    from app.meetings.schemas import ActionItemCreate, MeetingCreate, MeetingUpdate
    from app.meetings.service import act_on_minutes, add_item, create_meeting, update_meeting

    agreements = (
        await session.scalars(
            select(Agreement)
            .join(Programme, Programme.id == Agreement.programme_id)
            .where(
                Programme.organization_id == bureau.id,
                Programme.name == PROGRAMME,
                Agreement.status == AgreementStatus.active,
            )
            .order_by(Agreement.id)
        )
    ).all()
    ids = [a.id for a in agreements]
    pairs = [(a.id, a.supporting_school_id, a.receiving_school_id, a.title) for a in agreements]
    if not ids or await session.scalar(select(Meeting.id).where(Meeting.agreement_id.in_(ids)).limit(1)):
        return 0
    callers = await _callers(session, bureau)
    codes = {
        school_id: code for code, school_id in (await session.execute(select(School.code, School.id))).all()
    }
    created = 0
    for index, (agreement_id, supporting_id, receiving_id, _title) in enumerate(pairs):
        host = callers[f"admin_{codes[receiving_id]}"]
        guest = callers[f"admin_{codes[supporting_id]}"]
        autumn = await create_meeting(
            session,
            caller=host,
            agreement_id=agreement_id,
            data=MeetingCreate(
                scheduled_date=date(2026, 10, 15 + index),
                location="受援学校会议室",
                agenda="1. 本学期帮扶计划\n2. 送课与跟岗安排\n3. 受援学校的困难与需求",
            ),
        )
        await update_meeting(
            session,
            caller=host,
            meeting_id=autumn.id,
            expected_version=None,
            data=MeetingUpdate(
                status=MeetingStatus.held,
                held_date=date(2026, 10, 15 + index),
                attendees=[
                    {"name": "支援学校校长", "school_id": supporting_id, "role": "校长"},
                    {"name": "受援学校校长", "school_id": receiving_id, "role": "校长"},
                    {"name": "受援学校教务主任", "school_id": receiving_id, "role": "教务主任"},
                ],
                minutes="## 会议纪要\n- 双方回顾了开学以来的帮扶情况\n- 确定本学期送课 4 次、跟岗学习 2 批\n"
                "- 受援学校提出英语、音乐学科师资短缺",
                decisions="十一月起每月送课一次；支援学校接收两名受援学校教师跟岗学习。",
            ),
        )
        await add_item(
            session,
            caller=host,
            meeting_id=autumn.id,
            data=ActionItemCreate(
                description="提交本学期送课安排表",
                owner_school_id=supporting_id,
                owner_name="教务处",
                due_date=date(2026, 11, 10),
            ),
        )
        await add_item(
            session,
            caller=host,
            meeting_id=autumn.id,
            data=ActionItemCreate(
                description="确定跟岗学习教师名单",
                owner_school_id=receiving_id,
                owner_name="教务处",
                due_date=date(2026, 12, 15),
            ),
        )
        if index % 2 == 0:  # some minutes confirmed, some still waiting for the supporting school
            await act_on_minutes(
                session,
                caller=guest,
                meeting_id=autumn.id,
                action="confirm_minutes",
                comment="",
                expected_version=None,
            )
        await create_meeting(
            session,
            caller=guest,
            agreement_id=agreement_id,
            data=MeetingCreate(
                scheduled_date=date(2027, 3, 20), location="支援学校", agenda="春季学期工作安排"
            ),
        )
        created += 2
    return created
