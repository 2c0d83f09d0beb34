"""The monthly bulletin (简报): counts for the month, the month's activities as highlights, and the pairs
that need attention (behind on meetings, or with overdue follow-up items). Aggregate SQL throughout."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.activities.models import Activity, Donation
from app.agreements.models import Agreement, AgreementEvent
from app.core.clock import local_zone, today
from app.core.enums import (
    ActionItemStatus,
    ActivityKind,
    ComplianceStatus,
    MeetingStatus,
    RotationStatus,
)
from app.core.policy import Caller
from app.meetings.compliance import meeting_compliance, school_year_of
from app.meetings.models import ActionItem, Meeting
from app.reporting.dashboard import ensure_may_read, in_scope_agreements, rotations_in
from app.reporting.schemas import Bulletin, BulletinAttention, BulletinCounts, BulletinHighlight
from app.rotations.attendance import month_window
from app.rotations.models import CheckIn, Rotation
from app.schools.models import School

HIGHLIGHTS = 30


async def bulletin(session: AsyncSession, *, caller: Caller, month: str) -> Bulletin:
    ensure_may_read(caller)
    first, last = month_window(month)
    scope = in_scope_agreements(caller, None)
    meetings = await session.scalar(
        select(func.count(Meeting.id))
        .join(Agreement, Agreement.id == Meeting.agreement_id)
        .where(
            scope, Meeting.status == MeetingStatus.held, Meeting.held_date >= first, Meeting.held_date <= last
        )
    )
    by_kind = dict(
        (
            await session.execute(
                select(Activity.kind, func.count(Activity.id))
                .join(Agreement, Agreement.id == Activity.agreement_id)
                .where(scope, Activity.date >= first, Activity.date <= last)
                .group_by(Activity.kind)
            )
        ).all()
    )
    rotating = await session.scalar(
        select(func.count(distinct(Rotation.teacher_id))).where(
            rotations_in(caller, None, first, last),
            Rotation.status.in_((RotationStatus.active, RotationStatus.completed)),
        )
    )
    checkins = await session.scalar(
        select(func.count(CheckIn.id))
        .join(Rotation, Rotation.id == CheckIn.rotation_id)
        .where(rotations_in(caller, None, first, last), CheckIn.date >= first, CheckIn.date <= last)
    )
    # Approval times are stored in UTC; the month is the schools' local month.
    start = datetime.combine(first, time(0), tzinfo=local_zone()).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=local_zone()).astimezone(UTC)
    approved = await session.scalar(
        select(func.count(distinct(AgreementEvent.agreement_id)))
        .join(Agreement, Agreement.id == AgreementEvent.agreement_id)
        .where(
            scope,
            AgreementEvent.action == "approve",
            AgreementEvent.amendment_id.is_(None),
            AgreementEvent.at >= start,
            AgreementEvent.at < end,
        )
    )
    donations, donated = (
        await session.execute(
            select(func.count(Donation.id), func.coalesce(func.sum(Donation.value_yuan), 0))
            .join(Agreement, Agreement.id == Donation.agreement_id)
            .where(scope, Donation.date >= first, Donation.date <= last)
        )
    ).one()
    return Bulletin(
        month=month,
        from_date=first,
        to_date=last,
        counts=BulletinCounts(
            meetings_held=meetings or 0,
            activities=sum(by_kind.values()),
            activities_by_kind={kind: by_kind.get(kind, 0) for kind in ActivityKind},
            teachers_on_rotation=rotating or 0,
            checkins=checkins or 0,
            new_agreements=approved or 0,
            donations=donations,
            donations_value_yuan=str(Decimal(donated).quantize(Decimal("0.01"))),
        ),
        highlights=await _highlights(session, caller, first, last),
        attention=await _attention(session, caller, last),
    )


async def _highlights(
    session: AsyncSession, caller: Caller, first: date, last: date
) -> list[BulletinHighlight]:
    """The month's activities, those described at more length first (they make the better story)."""
    rows = await session.execute(
        select(Activity, Agreement.title, School.name)
        .join(Agreement, Agreement.id == Activity.agreement_id)
        .join(School, School.id == Activity.organizer_school_id)
        .where(in_scope_agreements(caller, None), Activity.date >= first, Activity.date <= last)
        .order_by(
            func.length(Activity.description).desc(), Activity.participants.desc(), Activity.date, Activity.id
        )
        .limit(HIGHLIGHTS)
    )
    return [
        BulletinHighlight(
            activity_id=a.id,
            agreement_id=a.agreement_id,
            agreement_title=title,
            date=a.date,
            kind=a.kind,
            title=a.title,
            description=a.description,
            organizer_school_name=school,
            participants=a.participants,
        )
        for a, title, school in rows.all()
    ]


async def _attention(session: AsyncSession, caller: Caller, last: date) -> list[BulletinAttention]:
    """Pairs behind on meetings this school year (at risk or not compliant) or with overdue items."""
    as_of = min(last, today())
    report = await meeting_compliance(session, caller=caller, school_year=school_year_of(as_of))
    overdue = dict(
        (
            await session.execute(
                select(ActionItem.agreement_id, func.count(ActionItem.id))
                .where(
                    ActionItem.agreement_id.in_([r.agreement_id for r in report.rows]),
                    ActionItem.status == ActionItemStatus.open,
                    ActionItem.due_date < as_of,
                )
                .group_by(ActionItem.agreement_id)
            )
        ).all()
    )
    return [
        BulletinAttention(
            agreement_id=r.agreement_id,
            title=r.title,
            supporting_school_name=r.supporting_school_name,
            receiving_school_name=r.receiving_school_name,
            meeting_status=r.status,
            overdue_items=overdue.get(r.agreement_id, 0),
        )
        for r in report.rows
        if r.status != ComplianceStatus.compliant or overdue.get(r.agreement_id)
    ]
