"""Attendance of a dispatched teacher: which days were school days, and which of them the teacher
checked in, was on approved leave, or was absent.

A school day is Monday to Friday, unless the bureau over the host school marked it a holiday; a
weekend day it marked a make-up school day (调休) counts too. Days after today are not counted yet,
and neither is today until the teacher has checked in (or is on leave).
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import audit, policy
from app.core.clock import today
from app.core.enums import CalendarDayKind, LeaveStatus
from app.core.errors import Duplicate, Forbidden, ValidationFailed
from app.core.policy import Caller
from app.regions.models import Organization, Region
from app.rotations.models import CalendarDay, CheckIn, Leave, Rotation, WorkLog
from app.rotations.schemas import Attendance, AttendanceDay, CalendarDayCreate, CalendarDayRead
from app.schools.models import School


def bureaus_over(school_id: int) -> Select[tuple[int]]:
    """Ids of the bureaus whose region contains the school (its county's, its city's...)."""
    return bureaus_over_schools(School.id == school_id)


def bureaus_over_schools(schools: ColumnElement[bool]) -> Select[tuple[int]]:
    """Ids of the bureaus whose region contains any of the schools the condition `schools` selects."""
    paths = select(Region.path).join(School, School.region_id == Region.id).where(schools).subquery()
    above = select(Region.id).join(paths, paths.c.path.startswith(Region.path))
    return select(Organization.id).where(Organization.region_id.in_(above))


async def calendar_exceptions(
    session: AsyncSession, school_id: int, start: date, end: date
) -> tuple[set[date], set[date]]:
    """(holidays, make-up school days) that apply to the school between start and end."""
    rows = await session.execute(
        select(CalendarDay.date, CalendarDay.kind).where(
            CalendarDay.organization_id.in_(bureaus_over(school_id)),
            CalendarDay.date >= start,
            CalendarDay.date <= end,
        )
    )
    holidays, workdays = set(), set()
    for day, kind in rows:
        (workdays if kind == CalendarDayKind.workday else holidays).add(day)
    return holidays, workdays - holidays


def is_school_day(day: date, holidays: set[date], workdays: set[date]) -> bool:
    if day in holidays:
        return False
    return day.weekday() < 5 or day in workdays


# A month query parameter: 2000-01 … 2099-12 (year 0 or 9999 would overflow the calendar's dates).
MONTH_PATTERN = r"^20\d{2}-(0[1-9]|1[0-2])$"


def month_window(month: str) -> tuple[date, date]:
    """'2026-10' → (2026-10-01, 2026-10-31)."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def tally(
    days: list[date],
    *,
    holidays: set[date],
    workdays: set[date],
    present: dict[date, bool],
    on_leave: set[date],
    as_of: date,
) -> list[AttendanceDay]:
    """The state of each day: present / leave / absent / pending (today) / upcoming / no_school."""
    out = []
    for day in days:
        flagged = present.get(day, False)
        if not is_school_day(day, holidays, workdays):
            state = "present" if day in present else "no_school"
        elif day in present:
            state = "present"
        elif day in on_leave:
            state = "leave"
        elif day > as_of:
            state = "upcoming"
        elif day == as_of:
            state = "pending"
        else:
            state = "absent"
        out.append(AttendanceDay(date=day, state=state, flagged=flagged))
    return out


@dataclass(frozen=True)
class DayCounts:
    """Present, leave and absent school days of a run of day states (and the flagged among them)."""

    present: int
    leave: int
    absent: int
    flagged: int

    @classmethod
    def of(cls, states: list[AttendanceDay], holidays: set[date], workdays: set[date]) -> "DayCounts":
        school = [d for d in states if is_school_day(d.date, holidays, workdays)]
        counted = [d for d in school if d.state in ("present", "leave", "absent")]
        return cls(
            present=sum(d.state == "present" for d in counted),
            leave=sum(d.state == "leave" for d in counted),
            absent=sum(d.state == "absent" for d in counted),
            flagged=sum(d.flagged for d in counted),
        )

    @property
    def rate(self) -> float | None:
        """present / (present + absent): leave is excused and lowers neither side."""
        base = self.present + self.absent
        return round(self.present / base, 4) if base else None


def _leave_days(leaves: list[tuple[date, date]], start: date, end: date) -> set[date]:
    days: set[date] = set()
    for first, last in leaves:
        day = max(first, start)
        while day <= min(last, end):
            days.add(day)
            day += timedelta(days=1)
    return days


async def attendance(session: AsyncSession, rotation: Rotation, month: str | None) -> Attendance:
    start, end = rotation.start_date, rotation.end_date
    if month is not None:
        first, last = month_window(month)
        start, end = max(start, first), min(end, last)
        if start > end:
            raise ValidationFailed("month_outside_rotation", field="month", loc="query")
    holidays, workdays = await calendar_exceptions(session, rotation.to_school_id, start, end)
    checkins = await session.execute(
        select(CheckIn.date, CheckIn.flagged).where(
            CheckIn.rotation_id == rotation.id, CheckIn.date >= start, CheckIn.date <= end
        )
    )
    present = {day: flagged for day, flagged in checkins}
    leaves = await session.execute(
        select(Leave.start_date, Leave.end_date).where(
            Leave.rotation_id == rotation.id,
            Leave.status == LeaveStatus.approved,
            Leave.start_date <= end,
            Leave.end_date >= start,
        )
    )
    on_leave = _leave_days([(first, last) for first, last in leaves], start, end)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    states = tally(
        days, holidays=holidays, workdays=workdays, present=present, on_leave=on_leave, as_of=today()
    )
    counts = DayCounts.of(states, holidays, workdays)
    rate = counts.rate
    return Attendance(
        rotation_id=rotation.id,
        month=month,
        from_date=start,
        to_date=end,
        expected_days=counts.present + counts.leave + counts.absent,
        present_days=counts.present,
        leave_days=counts.leave,
        absent_days=counts.absent,
        flagged_days=counts.flagged,
        attendance_rate=rate,
        suggested_score=round(rate * 100) if rate is not None else None,
        days=states,
    )


# --- the bureau's calendar of exceptions ------------------------------------------------------


async def calendar_days(session: AsyncSession, *, caller: Caller, year: int | None) -> list[CalendarDay]:
    stmt = policy.readable(caller, CalendarDay).order_by(CalendarDay.date)
    if year is not None:
        stmt = stmt.where(CalendarDay.date >= date(year, 1, 1), CalendarDay.date <= date(year, 12, 31))
    return list(await session.scalars(stmt))


async def add_calendar_day(session: AsyncSession, *, caller: Caller, data: CalendarDayCreate) -> CalendarDay:
    if not policy.can_manage_calendar(caller) or caller.organization_id is None:
        raise Forbidden()
    taken = await session.scalar(
        select(CalendarDay.id).where(
            CalendarDay.organization_id == caller.organization_id, CalendarDay.date == data.date
        )
    )
    if taken is not None:
        raise Duplicate("date", data.date.isoformat())
    day = CalendarDay(organization_id=caller.organization_id, **data.model_dump())
    session.add(day)
    await session.flush()
    await audit.record_created(session, caller, day, entity="calendar_day", read_model=CalendarDayRead)
    return day


async def remove_calendar_day(session: AsyncSession, *, caller: Caller, day_id: int) -> None:
    day = await policy.get_readable(session, caller, CalendarDay, day_id, entity="calendar_day")
    if not policy.can_manage_calendar(caller) or day.organization_id != caller.organization_id:
        raise Forbidden()
    before = audit.snapshot(CalendarDayRead, day)
    await session.delete(day)
    await session.flush()
    await audit.record(
        session, caller, action="delete", entity="calendar_day", entity_id=day_id, before=before
    )


# --- attendance of many rotations at once (the schools' outgoing and incoming lists) ------------


async def host_calendars(
    session: AsyncSession, school_ids: set[int], start: date, end: date
) -> dict[int, tuple[set[date], set[date]]]:
    """Holidays and make-up days per host school, in one query for all of them."""
    school_region = Region.__table__.alias("school_region")
    rows = await session.execute(
        select(School.id, CalendarDay.date, CalendarDay.kind)
        .join(school_region, school_region.c.id == School.region_id)
        .join(Region, school_region.c.path.startswith(Region.path))
        .join(Organization, Organization.region_id == Region.id)
        .join(CalendarDay, CalendarDay.organization_id == Organization.id)
        .where(School.id.in_(school_ids), CalendarDay.date >= start, CalendarDay.date <= end)
    )
    calendars: dict[int, tuple[set[date], set[date]]] = {sid: (set(), set()) for sid in school_ids}
    for school_id, day, kind in rows:
        calendars[school_id][1 if kind == CalendarDayKind.workday else 0].add(day)
    return calendars


async def roster_stats(session: AsyncSession, rotations: list[Rotation]) -> dict[int, dict[str, object]]:
    """For a page of rotations: attendance so far, log entries and pending leave, in a fixed number of
    queries whatever the page size (check-in and leave dates are bounded by the page's periods)."""
    if not rotations:
        return {}
    ids = [r.id for r in rotations]
    start = min(r.start_date for r in rotations)
    end = min(max(r.end_date for r in rotations), today())
    calendars = await host_calendars(session, {r.to_school_id for r in rotations}, start, max(start, end))
    checkins: dict[int, dict[date, bool]] = {rid: {} for rid in ids}
    for rid, day, flagged in await session.execute(
        select(CheckIn.rotation_id, CheckIn.date, CheckIn.flagged).where(CheckIn.rotation_id.in_(ids))
    ):
        checkins[rid][day] = flagged
    leaves: dict[int, list[tuple[date, date]]] = {rid: [] for rid in ids}
    for rid, first, last in await session.execute(
        select(Leave.rotation_id, Leave.start_date, Leave.end_date).where(
            Leave.rotation_id.in_(ids), Leave.status == LeaveStatus.approved
        )
    ):
        leaves[rid].append((first, last))
    logs = await _counts(session, WorkLog.rotation_id, WorkLog.rotation_id.in_(ids))
    pending = await _counts(
        session, Leave.rotation_id, Leave.rotation_id.in_(ids), Leave.status == LeaveStatus.pending
    )
    stats: dict[int, dict[str, object]] = {}
    for rotation in rotations:
        holidays, workdays = calendars[rotation.to_school_id]
        last = min(rotation.end_date, today())
        days = [rotation.start_date + timedelta(days=n) for n in range((last - rotation.start_date).days + 1)]
        states = tally(
            days,
            holidays=holidays,
            workdays=workdays,
            present=checkins[rotation.id],
            on_leave=_leave_days(leaves[rotation.id], rotation.start_date, last),
            as_of=today(),
        )
        counts = DayCounts.of(states, holidays, workdays)
        stats[rotation.id] = {
            "present_days": counts.present,
            "absent_days": counts.absent,
            "leave_days": counts.leave,
            "attendance_rate": counts.rate,
            "flagged_days": sum(1 for flagged in checkins[rotation.id].values() if flagged),
            "log_count": logs.get(rotation.id, 0),
            "pending_leaves": pending.get(rotation.id, 0),
        }
    return stats


async def _counts(session: AsyncSession, key: Any, *where: Any) -> dict[int, int]:
    rows = await session.execute(select(key, func.count()).where(*where).group_by(key))
    return {k: n for k, n in rows}
