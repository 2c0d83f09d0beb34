from datetime import UTC, date, datetime
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Amendment
from app.core.enums import AgreementStatus
from app.notifications.service import expiry_stage
from tests.factories import World, make_agreement


@pytest.mark.parametrize(
    ("days", "stage"), [(30, "30_days"), (8, "30_days"), (7, "7_days"), (1, "7_days"), (0, "today")]
)
def test_expiry_stages(days: int, stage: str) -> None:
    assert expiry_stage(days) == stage


async def _expiry(client: AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    notes = (await client.get("/api/v1/notifications", headers=headers)).json()
    return [n for n in notes if n["kind"] == "agreement_expiring"]


async def test_both_schools_are_reminded_before_the_end(
    client: AsyncClient, world: World, frozen_clock: Any
) -> None:
    # world.agreement ends 2029-08-31.
    frozen_clock.freeze(datetime(2029, 7, 31, 8, tzinfo=UTC))
    assert await _expiry(client, world.headers["school_admin"]) == []
    frozen_clock.freeze(datetime(2029, 8, 1, 8, tzinfo=UTC))
    for role in ("school_admin", "other_school_admin", "bureau_viewer"):
        notes = await _expiry(client, world.headers[role])
        assert [(n["stage"], n["days_left"]) for n in notes] == [("30_days", 30)]
    frozen_clock.freeze(datetime(2029, 8, 31, 8, tzinfo=UTC))
    today = await _expiry(client, {**world.headers["school_admin"], "Accept-Language": "en"})
    assert today[0]["stage"] == "today" and "ends today" in today[0]["message"]
    assert await _expiry(client, world.headers["outsider_school_admin"]) == []


async def test_steps_waiting_for_the_caller(client: AsyncClient, world: World, session: AsyncSession) -> None:
    submitted = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.submitted,
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    session.add(
        Amendment(
            agreement_id=world.agreement.id,
            summary="调整",
            effective_date=date(2027, 3, 1),
            status=AgreementStatus.confirmed,
        )
    )
    await session.flush()
    receiving = (
        await client.get("/api/v1/notifications", headers=world.headers["other_school_admin"])
    ).json()
    assert [(n["kind"], n["agreement_id"]) for n in receiving] == [("agreement_waiting", submitted.id)]
    supporting = (await client.get("/api/v1/notifications", headers=world.headers["school_admin"])).json()
    # world.ledger's draft amendment waits for the supporting school to submit it.
    assert [n["kind"] for n in supporting] == ["amendment_waiting"]
    bureau = (await client.get("/api/v1/notifications", headers=world.headers["bureau_admin"])).json()
    assert [n["kind"] for n in bureau] == ["amendment_waiting"]
