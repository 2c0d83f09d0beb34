"""The demo county's staffing needs for the current school year: each school receiving under an
active agreement asks for the subjects its partners' eligible teachers teach (one urgent), and one
asks for a subject nobody in the county teaches, so a proposed plan has something to explain."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core.clock import now, today
from app.core.enums import AgreementStatus, NeedPriority, RotationStatus, Term
from app.meetings.compliance import school_year_of
from app.planning.models import StaffingNeed
from app.programmes.models import Programme
from app.regions.models import Organization
from app.rotations.compliance import eligibility_cutoff, school_year_bounds
from app.rotations.models import Rotation
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject

NOTES = {
    NeedPriority.urgent: "自今年三月起无专任教师，课程由其他学科教师兼任。",
    NeedPriority.normal: "现有教师一人任教三个年级，课时偏多。",
}
NOBODY_TEACHES = "心理健康"


async def seed_needs(session: AsyncSession, bureau: Organization) -> int:
    """Create the needs once (nothing if any exist for the year); returns how many were created."""
    school_year = school_year_of(today())
    pairs = (
        await session.execute(
            select(Agreement.supporting_school_id, Agreement.receiving_school_id)
            .join(Programme, Programme.id == Agreement.programme_id)
            .where(Programme.organization_id == bureau.id, Agreement.status == AgreementStatus.active)
            .order_by(Agreement.id)
        )
    ).all()
    receiving = [r for _, r in pairs]
    if not receiving or await session.scalar(
        select(StaffingNeed.id).where(
            StaffingNeed.school_id.in_(receiving), StaffingNeed.school_year == school_year
        )
    ):
        return 0
    cutoff = eligibility_cutoff(school_year, 6)
    start, end = school_year_bounds(school_year)
    # Teachers already dispatched this year are no supply: ask for what the others teach.
    dispatched = select(Rotation.teacher_id).where(
        Rotation.start_date <= end, Rotation.end_date >= start, Rotation.status != RotationStatus.withdrawn
    )
    stages = dict(
        (await session.execute(select(School.id, School.stage).where(School.id.in_(receiving)))).all()
    )
    created = 0
    for index, (supporting, host) in enumerate(pairs):
        subjects = list(
            dict.fromkeys(
                await session.scalars(
                    select(TeacherSubject.subject)
                    .join(Teacher, Teacher.id == TeacherSubject.teacher_id)
                    .where(
                        Teacher.school_id == supporting,
                        Teacher.hire_date <= cutoff,
                        Teacher.id.not_in(dispatched),
                    )
                    .order_by(Teacher.id, TeacherSubject.position)
                )
            )
        )
        wanted = [
            (s, NeedPriority.urgent if i == 0 else NeedPriority.normal) for i, s in enumerate(subjects[:2])
        ]
        if index == 0:
            wanted.append((NOBODY_TEACHES, NeedPriority.normal))
        for subject, priority in wanted:
            session.add(
                StaffingNeed(
                    school_id=host,
                    school_year=school_year,
                    term=Term.year,
                    subject=subject,
                    stage=stages[host],
                    teacher_count=1,
                    priority=priority,
                    notes=NOTES[priority] if subject != NOBODY_TEACHES else "学生心理辅导无专人负责。",
                    created_at=now(),
                )
            )
            created += 1
    await session.flush()
    return created
