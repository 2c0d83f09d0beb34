"""The reminder job: looks at the data as of today and writes each due reminder once.

Safe to run as often as wanted and from several workers at once: every reminder has a dedupe key
and the (user, key) unique constraint turns a repeat into a no-op.
"""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement
from app.core.clock import today
from app.core.enums import (
    ActionItemStatus,
    AgreementStatus,
    ComplianceStatus,
    MeetingStatus,
    MinutesStatus,
    Party,
)
from app.meetings.compliance import Halves, meeting_compliance, school_year_of
from app.meetings.models import ActionItem, Meeting
from app.notifications.service import admins_of, notify
from app.programmes.models import Programme
from app.rotations.reminders import evaluations_due
from app.users.models import User

SCHOOLS = (Party.supporting_school, Party.receiving_school)
MINUTES_REMINDER_DAYS = (3, 7)


def expiry_stage(days_left: int) -> str:
    if days_left <= 0:
        return "today"
    return "7_days" if days_left <= 7 else "30_days"


async def _both_schools(session: AsyncSession, agreement: Agreement) -> list[int]:
    return [uid for party in SCHOOLS for uid in await admins_of(session, agreement, party)]


async def _expiring(session: AsyncSession) -> int:
    on = today()
    created = 0
    agreements = (
        await session.scalars(
            select(Agreement).where(
                Agreement.status == AgreementStatus.active,
                Agreement.end_date >= on,
                Agreement.end_date <= on + timedelta(days=30),
            )
        )
    ).all()
    for agreement in agreements:
        days_left = (agreement.end_date - on).days
        stage = expiry_stage(days_left)
        created += await notify(
            session,
            await _both_schools(session, agreement),
            kind="agreement_expiring" if days_left else "agreement_expiring_today",
            key=f"agreement_expiring:{agreement.id}:{stage}",
            agreement_id=agreement.id,
            payload={
                "title": agreement.title,
                "stage": stage,
                "days_left": days_left,
                "days": days_left,
                "due_date": agreement.end_date.isoformat(),
                "end": agreement.end_date.isoformat(),
            },
        )
    return created


async def _meetings_at_risk(session: AsyncSession) -> int:
    on = today()
    year = school_year_of(on)
    half = "first" if on <= Halves.of(year).first[1] else "second"
    report = await meeting_compliance(session, caller=None, school_year=year)
    created = 0
    for row in report.rows:
        if row.status != ComplianceStatus.at_risk:
            continue
        agreement = await session.get(Agreement, row.agreement_id)
        assert agreement is not None
        created += await notify(
            session,
            await _both_schools(session, agreement),
            kind="meeting_at_risk",
            key=f"meeting_at_risk:{agreement.id}:{year}:{half}",
            agreement_id=agreement.id,
            payload={"title": agreement.title},
        )
    return created


async def _items(session: AsyncSession) -> int:
    on = today()
    created = 0
    rows = (
        await session.execute(
            select(ActionItem, Agreement)
            .join(Agreement, Agreement.id == ActionItem.agreement_id)
            .where(ActionItem.status == ActionItemStatus.open, ActionItem.due_date <= on + timedelta(days=7))
        )
    ).all()
    for item, agreement in rows:
        owners = list(
            (
                await session.scalars(
                    select(User.id).where(
                        User.school_id == item.owner_school_id,
                        User.role == "school_admin",
                        User.is_active.is_(True),
                    )
                )
            ).all()
        )
        kind = "item_overdue" if item.due_date < on else "item_due"
        created += await notify(
            session,
            owners,
            kind=kind,
            key=f"{kind}:{item.id}",
            agreement_id=agreement.id,
            meeting_id=item.meeting_id,
            action_item_id=item.id,
            payload={
                "title": agreement.title,
                "description": item.description[:100],
                "due": item.due_date.isoformat(),
                "due_date": item.due_date.isoformat(),
            },
        )
    return created


async def _minutes_pending(session: AsyncSession) -> int:
    on = today()
    created = 0
    rows = (
        await session.execute(
            select(Meeting, Agreement)
            .join(Agreement, Agreement.id == Meeting.agreement_id)
            .where(
                Meeting.status == MeetingStatus.held,
                Meeting.minutes_status == MinutesStatus.draft,
                Meeting.held_date <= on - timedelta(days=MINUTES_REMINDER_DAYS[0]),
            )
        )
    ).all()
    for meeting, agreement in rows:
        assert meeting.held_date is not None
        waited = (on - meeting.held_date).days
        for days in MINUTES_REMINDER_DAYS:
            if waited >= days:
                created += await notify(
                    session,
                    await admins_of(session, agreement, meeting.minutes_recorded_by),
                    kind="minutes_pending",
                    key=f"minutes_pending:{meeting.id}:{days}",
                    agreement_id=agreement.id,
                    meeting_id=meeting.id,
                    payload={"title": agreement.title, "days": days, "held": meeting.held_date.isoformat()},
                )
    return created


async def _weekly_digest(session: AsyncSession) -> int:
    on = today()
    year = school_year_of(on)
    report = await meeting_compliance(session, caller=None, school_year=year)
    failing = {r.agreement_id for r in report.rows if r.status == ComplianceStatus.non_compliant}
    if not failing:
        return 0
    by_org: dict[int, int] = {}
    for org_id, _agreement_id in (
        await session.execute(
            select(Programme.organization_id, Agreement.id)
            .join(Programme, Programme.id == Agreement.programme_id)
            .where(Agreement.id.in_(failing))
        )
    ).all():
        by_org[org_id] = by_org.get(org_id, 0) + 1
    iso_year, week, _ = on.isocalendar()
    created = 0
    for org_id, count in by_org.items():
        admins = (
            await session.scalars(
                select(User.id).where(
                    User.organization_id == org_id, User.role == "bureau_admin", User.is_active.is_(True)
                )
            )
        ).all()
        created += await notify(
            session,
            admins,
            kind="compliance_digest",
            key=f"compliance_digest:{org_id}:{iso_year}-W{week:02d}",
            payload={"title": "", "count": count, "year": year},
        )
    return created


async def produce_reminders(session: AsyncSession) -> dict[str, int]:
    """Write every reminder due today; returns how many were new, by kind."""
    return {
        "agreement_expiring": await _expiring(session),
        "meeting_at_risk": await _meetings_at_risk(session),
        "items": await _items(session),
        "minutes_pending": await _minutes_pending(session),
        "compliance_digest": await _weekly_digest(session),
        "evaluation_due": await evaluations_due(session),
    }
