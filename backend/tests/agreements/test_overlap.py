"""One binding agreement per pair at a time, also when two approvals race."""

import asyncio
from datetime import date

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.agreements.lifecycle import transition_agreement
from app.agreements.models import Agreement
from app.auth.service import claims_for
from app.core.db import write_intent
from app.core.enums import AgreementStatus
from app.core.errors import Conflict
from app.core.policy import Caller
from tests.factories import World, make_agreement


async def test_overlapping_agreement_of_the_same_pair_cannot_be_submitted(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    # world.agreement (a1 → a2) is active 2026-09-01 … 2029-08-31.
    overlapping = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2029, 3, 1),
        end_date=date(2032, 2, 28),
    )
    refused = await client.post(
        f"/api/v1/agreements/{overlapping.id}/submit", headers=world.headers["school_admin"]
    )
    assert refused.status_code == 409 and str(world.agreement.id) in refused.json()["detail"]
    following = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2029, 9, 1),
        end_date=date(2032, 8, 31),
    )
    accepted = await client.post(
        f"/api/v1/agreements/{following.id}/submit", headers=world.headers["school_admin"]
    )
    assert accepted.status_code == 200
    # The reverse direction is another pair (a2 supporting a1) and not blocked by this rule.
    reverse = await make_agreement(
        session,
        world.programme_a,
        world.a2,
        world.a1,
        AgreementStatus.draft,
        start_date=date(2027, 9, 1),
        end_date=date(2030, 8, 31),
    )
    ok = await client.post(
        f"/api/v1/agreements/{reverse.id}/submit", headers=world.headers["other_school_admin"]
    )
    assert ok.status_code == 200


async def test_drafts_and_terminated_agreements_do_not_block(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    terminated = await client.post(
        f"/api/v1/agreements/{world.agreement.id}/terminate",
        json={"comment": "学校撤并"},
        headers=world.headers["bureau_admin"],
    )
    assert terminated.status_code == 200
    await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2027, 9, 1),
        end_date=date(2030, 8, 31),
    )
    replacement = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2027, 9, 1),
        end_date=date(2030, 8, 31),
    )
    submitted = await client.post(
        f"/api/v1/agreements/{replacement.id}/submit", headers=world.headers["school_admin"]
    )
    assert submitted.status_code == 200


async def _race(engine: AsyncEngine, *steps: tuple[Caller, int, str]) -> list[str]:
    """Run lifecycle steps at the same time, each in its own connection and transaction."""

    async def run(caller: Caller, agreement_id: int, action: str) -> str:
        write_intent.set(True)
        async with AsyncSession(engine, expire_on_commit=False) as session:
            try:
                await transition_agreement(
                    session,
                    caller=caller,
                    agreement_id=agreement_id,
                    action=action,
                    comment="",
                    expected_version=None,
                )
                await asyncio.sleep(0.05)  # hold the locks a moment, so the other request truly waits
                await session.commit()
                return "done"
            except Conflict:
                await session.rollback()
                return "conflict"

    return list(await asyncio.gather(*(run(*step) for step in steps)))


async def _statuses(engine: AsyncEngine, *ids: int) -> list[AgreementStatus]:
    async with AsyncSession(engine) as session:
        return sorted((await session.scalars(select(Agreement.status).where(Agreement.id.in_(ids)))).all())


async def test_approving_the_same_agreement_twice_at_once_one_wins(
    engine: AsyncEngine, committed_world: World
) -> None:
    world = committed_world
    async with AsyncSession(engine, expire_on_commit=False) as session:
        write_intent.set(True)
        confirmed = await make_agreement(
            session, world.programme_a, world.a1, world.a3, AgreementStatus.confirmed
        )
        await session.commit()
    caller = Caller.from_claims(claims_for(world.users["bureau_admin"], world.county_a.path))
    outcomes = await _race(engine, (caller, confirmed.id, "approve"), (caller, confirmed.id, "approve"))
    assert sorted(outcomes) == ["conflict", "done"]
    assert await _statuses(engine, confirmed.id) == [AgreementStatus.active]


async def test_two_overlapping_agreements_signed_at_once_only_one_passes(
    engine: AsyncEngine, committed_world: World
) -> None:
    world = committed_world
    async with AsyncSession(engine, expire_on_commit=False) as session:
        write_intent.set(True)
        first = await make_agreement(session, world.programme_a, world.a1, world.a3, AgreementStatus.draft)
        second = await make_agreement(
            session,
            world.programme_a,
            world.a1,
            world.a3,
            AgreementStatus.draft,
            start_date=date(2027, 9, 1),
            end_date=date(2030, 8, 31),
        )
        await session.commit()
    supporting = Caller.from_claims(claims_for(world.users["school_admin"], world.county_a.path))
    outcomes = await _race(engine, (supporting, first.id, "submit"), (supporting, second.id, "submit"))
    assert sorted(outcomes) == ["conflict", "done"]
    assert await _statuses(engine, first.id, second.id) == [AgreementStatus.draft, AgreementStatus.submitted]
