"""The demo county's annual assessment: a draft for the current school year with the standard form,
in which the inspectors have scored every pair but one (so the demo shows the work in progress)."""

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.assessments import service
from app.assessments.models import Assessment
from app.assessments.schemas import AssessmentCreate, ScoreIn, SheetWrite
from app.core.clock import today
from app.core.enums import AssessmentSource
from app.demo_agreements import PROGRAMME, _callers
from app.meetings.compliance import school_year_of
from app.programmes.models import Programme
from app.regions.models import Organization

# The inspectors' points for the manual items of each scored pair, and their remarks.
SCORES = (
    (("9", "领导小组健全，年度计划具体到月。"), ("13.5", "台账规范，宣传报道及时。"), "工作扎实，亮点突出。"),
    (("8", "计划完整，分工明确。"), ("11", "过程资料基本齐全，部分活动缺少照片。"), "按计划推进。"),
    (("6", "计划笼统，缺少时间节点。"), ("8.5", "资料不全，报道较少。"), "需加强过程管理。"),
)


async def seed_assessment(session: AsyncSession, bureau: Organization) -> int:
    """Create the draft once; returns how many pairs were scored."""
    programme = await session.scalar(
        select(Programme).where(Programme.organization_id == bureau.id, Programme.name == PROGRAMME)
    )
    if programme is None:
        return 0
    school_year = school_year_of(today())
    if school_year_of(programme.start_date) > school_year or school_year_of(programme.end_date) < school_year:
        return 0
    exists = await session.scalar(
        select(Assessment.id).where(
            Assessment.programme_id == programme.id, Assessment.school_year == school_year
        )
    )
    if exists is not None:
        return 0
    inspector = (await _callers(session, bureau))["bureau"]
    assessment = await service.create_assessment(
        session, caller=inspector, data=AssessmentCreate(programme_id=programme.id, school_year=school_year)
    )
    manual = [item for item in assessment.items if item.source == AssessmentSource.manual]
    result = await service.results(session, caller=inspector, assessment_id=assessment.id)
    pairs = sorted(row.agreement_id for row in result.rows)[:-1]  # the newest pair is left to score
    for agreement_id, (*items, remarks) in zip(pairs, SCORES, strict=False):
        await service.score(
            session,
            caller=inspector,
            assessment_id=assessment.id,
            agreement_id=agreement_id,
            data=SheetWrite(
                scores=[
                    ScoreIn(item_id=item.id, points=Decimal(points), comment=comment)
                    for item, (points, comment) in zip(manual, items, strict=True)
                ],
                remarks=remarks,
            ),
            expected_version=None,
        )
    return len(pairs)
