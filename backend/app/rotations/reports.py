"""Reports built on completed rotations: the service ledger a county hands in before title applications,
the six-field archive record, and the printable service certificate (支教证明)."""

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import (
    Select,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import policy
from app.core.enums import RotationDirection, RotationStatus, SchoolLocale
from app.core.errors import Conflict
from app.core.i18n import current_locale, t
from app.core.listing import ListSpec
from app.core.policy import Caller
from app.core.sqldates import day_span
from app.meetings.pdf import BODY, SMALL, TITLE
from app.programmes.models import Programme
from app.rotations.models import Evaluation, Rotation
from app.rotations.schemas import RotationArchiveRow, ServiceLedgerFilters, ServiceLedgerRow
from app.schools.models import School
from app.teachers.models import Teacher

RURAL = (SchoolLocale.rural, SchoolLocale.remote)


async def title_rule(session: AsyncSession, caller: Caller) -> tuple[int, int]:
    """(rural days, weak-school days) needed before a title application: the bureau's newest programme,
    else the national default of one year rural or three years at weak schools."""
    programme = (
        await session.scalar(
            select(Programme)
            .where(Programme.organization_id == caller.organization_id)
            .order_by(Programme.start_date.desc(), Programme.id.desc())
            .limit(1)
        )
        if caller.organization_id
        else None
    )
    if programme is None:
        return 365, 1095
    return programme.required_rural_service_days, programme.required_weak_service_days


def ledger_query(
    *, caller: Caller, filters: ServiceLedgerFilters, dialect: str, need_rural: int, need_weak: int
) -> Select[Any]:
    """One row per teacher in scope: days served at rural/remote and at weak schools on completed
    dispatches, what is still missing, and whether the title rule is met. All in one SQL statement."""
    span = day_span(Rotation.start_date, Rotation.end_date, dialect)
    host = School.__table__.alias("host")
    served = (
        select(
            Rotation.teacher_id.label("teacher_id"),
            func.sum(case((host.c.locale.in_(RURAL), span), else_=0)).label("rural"),
            func.sum(case((host.c.is_weak.is_(True), span), else_=0)).label("weak"),
            func.count(Rotation.id).label("rotations"),
        )
        .join(host, host.c.id == Rotation.to_school_id)
        .where(Rotation.status == RotationStatus.completed, Rotation.direction == RotationDirection.dispatch)
        .group_by(Rotation.teacher_id)
        .subquery()
    )
    rural = func.coalesce(served.c.rural, 0)
    weak = func.coalesce(served.c.weak, 0)
    eligible = or_(rural >= need_rural, weak >= need_weak)
    stmt = (
        select(
            Teacher.id.label("teacher_id"),
            Teacher.name.label("teacher_name"),
            Teacher.school_id.label("school_id"),
            School.name.label("school_name"),
            Teacher.title_rank.label("title_rank"),
            Teacher.backbone_level.label("backbone_level"),
            func.coalesce(served.c.rotations, 0).label("completed_rotations"),
            rural.label("rural_service_days"),
            weak.label("weak_service_days"),
            literal(need_rural).label("required_rural_days"),
            literal(need_weak).label("required_weak_days"),
            case((rural >= need_rural, 0), else_=need_rural - rural).label("missing_rural_days"),
            case((weak >= need_weak, 0), else_=need_weak - weak).label("missing_weak_days"),
            case((eligible, True), else_=False).label("eligible_for_title"),
        )
        .join(School, School.id == Teacher.school_id)
        .outerjoin(served, served.c.teacher_id == Teacher.id)
        .where(policy.scope_condition(caller, Teacher))
    )
    if filters.school_id is not None:
        stmt = stmt.where(Teacher.school_id == filters.school_id)
    if filters.region_id is not None:
        stmt = stmt.where(School.region_id == filters.region_id)
    if filters.eligible is not None:
        stmt = stmt.where(eligible if filters.eligible else ~eligible)
    return stmt


LEDGER_SPEC = ListSpec(
    read_model=ServiceLedgerRow,
    sortable={
        "teacher_name": Teacher.name,
        "school_name": School.name,
        **{
            name: literal_column(name)
            for name in ("rural_service_days", "weak_service_days", "missing_rural_days", "missing_weak_days")
        },
    },
    default_sort=(School.name, Teacher.name, Teacher.id),
    searchable=(Teacher.name,),
    sheet="service-ledger",
    columns=True,
    labels={
        "teacher_id": ("教师编号", "Teacher ID"),
        "teacher_name": ("教师", "Teacher"),
        "school_id": ("学校编号", "School ID"),
        "school_name": ("所在学校", "School"),
        "title_rank": ("职称", "Title"),
        "backbone_level": ("骨干级别", "Backbone level"),
        "completed_rotations": ("已完成交流次数", "Completed rotations"),
        "rural_service_days": ("农村学校服务天数", "Rural service days"),
        "weak_service_days": ("薄弱学校服务天数", "Weak-school service days"),
        "required_rural_days": ("农村学校应满天数", "Rural days required"),
        "required_weak_days": ("薄弱学校应满天数", "Weak-school days required"),
        "missing_rural_days": ("农村学校尚缺天数", "Rural days missing"),
        "missing_weak_days": ("薄弱学校尚缺天数", "Weak-school days missing"),
        "eligible_for_title": ("满足职称申报条件", "Meets the title rule"),
    },
)


ARCHIVE_SPEC = ListSpec(
    read_model=RotationArchiveRow,
    sortable={"start_date": Rotation.start_date},
    default_sort=(Rotation.start_date.desc(), Rotation.id.desc()),
    sheet="rotation-archive",
    labels={
        "rotation_id": ("编号", "ID"),
        "teacher_name": ("姓名", "Name"),
        "type": ("交流类型", "Type"),
        "personnel_moved": ("是否调动人事关系", "Personnel relationship moved"),
        "start_month": ("起始年月", "Start month"),
        "end_month": ("终止年月", "End month"),
        "original_unit": ("原单位", "Original unit"),
        "rotation_unit": ("交流单位", "Rotation unit"),
    },
)


# --- the service certificate -----------------------------------------------------------------

CERTIFICATE = {
    "zh-CN": {
        "title": "支 教 证 明",
        "body": "兹证明{teacher}同志（{home}教师）于 {start} 至 {end} 在{host}参加{kind}，"
        "共计 {days} 天{grade}。",
        "grade": "，考核等级为“{grade}”",
        "closing": "特此证明。",
        "issued": "出具日期：{day}",
        "note": "本证明由结对帮扶平台根据已完成的交流记录生成，编号 {id}。",
    },
    "en": {
        "title": "Certificate of rotation service",
        "body": "This is to certify that {teacher}, a teacher of {home}, served at {host} in {kind} "
        "from {start} to {end}, {days} days in all{grade}.",
        "grade": ", assessed as “{grade}”",
        "closing": "",
        "issued": "Issued on {day}",
        "note": "Generated by the school pairing platform from completed rotation record no. {id}.",
    },
}


async def certificate(session: AsyncSession, *, caller: Caller, rotation: Rotation, issued: date) -> bytes:
    """An A4 certificate for a completed rotation (409 before completion)."""
    if rotation.status != RotationStatus.completed:
        raise Conflict("certificate_needs_completed", status=f"rotation_status.{rotation.status.value}")
    grade = await session.scalar(
        select(Evaluation.grade).where(
            and_(
                Evaluation.rotation_id == rotation.id, Evaluation.evaluator_school_id == rotation.to_school_id
            )
        )
    )
    texts = CERTIFICATE[current_locale.get()]
    body = texts["body"].format(
        teacher=escape(rotation.teacher_name),
        home=escape(rotation.from_school_name),
        host=escape(rotation.to_school_name),
        kind=t(f"rotation_kind.{rotation.kind.value}"),
        start=rotation.start_date.isoformat(),
        end=rotation.end_date.isoformat(),
        days=(rotation.end_date - rotation.start_date).days + 1,
        grade=texts["grade"].format(grade=t(f"grade.{grade.value}")) if grade else "",
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=35 * mm, title=texts["title"]
    )
    story = [
        Paragraph(escape(texts["title"]), TITLE),
        Spacer(1, 14 * mm),
        Paragraph(body, BODY),
        Spacer(1, 4 * mm),
        Paragraph(escape(texts["closing"]), BODY),
        Spacer(1, 30 * mm),
        Paragraph(escape(rotation.to_school_name), BODY),
        Paragraph(escape(texts["issued"].format(day=issued.isoformat())), BODY),
        Spacer(1, 20 * mm),
        Paragraph(escape(texts["note"].format(id=rotation.id)), SMALL),
    ]
    document.build(story)
    return buffer.getvalue()
