"""The reporting tests' county: a small hand-built data set whose right answers the tests write down."""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.activities.models import Activity, Donation
from app.core.enums import ActionItemStatus, ActivityKind, DonationKind, RotationStatus, SchoolLocale
from app.meetings.models import ActionItem
from tests.factories import World, make_agreement, make_rotation, make_school, make_teacher


def _item(world: World, *, due: date, status: ActionItemStatus = ActionItemStatus.open) -> ActionItem:
    meeting = world.ledger.meeting
    return ActionItem(
        meeting_id=meeting.id,
        agreement_id=world.agreement.id,
        description="跟进",
        owner_school_id=world.a2.id,
        due_date=due,
        status=status,
    )


@pytest.fixture
async def county(world: World, session: AsyncSession, frozen_clock: Any) -> World:
    """County A on 2026-11-20 (school year 2026):
    - agreements in force: a1→a2 (the world's) and a1→a3; a2→a4 (a2 is helped and helps); a draft a1→a5;
    - weak schools: a2, a3, a4 and a5 (a5 only in a draft), and a6 with no agreement at all;
    - rotations: the world's teacher at a2 since 2026-10-01 (51 days so far), one completed
      2026-09-01…2026-10-31 (61 days) at a3, one planned and one withdrawn (count for nothing);
    - activities: the world's lecture (2026-10-09) and a demonstration lesson on 2026-11-05, one last
      school year; donations: the world's 2000.00 and 1358.50 on 2026-11-01;
    - follow-up items: the world's (due 2026-11-01, open: overdue), one due later, one overdue but done."""
    a3, a2 = world.a3, world.a2
    a4 = await make_school(session, world.county_a)
    a5 = await make_school(session, world.county_a)
    await make_school(session, world.county_a, locale=SchoolLocale.remote)  # a6: weak, never paired
    second = await make_agreement(session, world.programme_a, world.a1, a3)
    await make_agreement(session, world.programme_a, a2, a4)
    await make_agreement(session, world.programme_a, world.a1, a5, status="draft")
    world.rotation.start_date, world.rotation.end_date = date(2026, 10, 1), date(2027, 1, 31)
    done = await make_teacher(session, world.a1)
    await make_rotation(
        session, done, a3, second, status=RotationStatus.completed, start_date=date(2026, 9, 1),
        end_date=date(2026, 10, 31),
    )  # fmt: skip
    english = await make_teacher(session, world.a1, ("英语",))
    await make_rotation(
        session, english, a3, second, status=RotationStatus.planned, start_date=date(2027, 2, 1),
        end_date=date(2027, 7, 31),
    )  # fmt: skip
    gone = await make_teacher(session, world.a1, ("音乐",))
    await make_rotation(
        session, gone, a3, second, status=RotationStatus.withdrawn, start_date=date(2026, 9, 1),
        end_date=date(2026, 12, 31),
    )  # fmt: skip
    session.add_all(
        [
            Activity(agreement_id=second.id, kind=ActivityKind.demonstration_lesson, date=date(2026, 11, 5),
                     organizer_school_id=world.a1.id, participants=20),
            Activity(agreement_id=second.id, kind=ActivityKind.lecture, date=date(2026, 6, 5),
                     organizer_school_id=world.a1.id, participants=20),
            Donation(agreement_id=second.id, kind=DonationKind.books, quantity=1358, unit="册",
                     value_yuan=Decimal("1358.50"), date=date(2026, 11, 1)),
            _item(world, due=date(2026, 12, 1)),
            _item(world, due=date(2026, 10, 1), status=ActionItemStatus.done),
        ]
    )  # fmt: skip
    await session.flush()
    frozen_clock.freeze(datetime(2026, 11, 20, 9, tzinfo=UTC))
    return world
