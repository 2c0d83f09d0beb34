"""The agreement lifecycle, step by step, for every kind of caller."""

from datetime import date

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements import rules
from app.core.enums import AgreementStatus
from tests.factories import World, make_agreement

SUPPORTING, RECEIVING, BUREAU, VIEWER, OUTSIDER = (
    "school_admin",
    "other_school_admin",
    "bureau_admin",
    "bureau_viewer",
    "outsider_school_admin",
)
# (status, action) -> caller -> expected HTTP status. a1 supports a2; the outsider's school a3 is no party.
EXPECTED: dict[tuple[str, str], dict[str, int]] = {
    ("draft", "submit"): {SUPPORTING: 200, RECEIVING: 403, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
    ("submitted", "confirm"): {SUPPORTING: 403, RECEIVING: 200, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
    ("submitted", "reject"): {SUPPORTING: 403, RECEIVING: 200, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
    ("confirmed", "approve"): {SUPPORTING: 403, RECEIVING: 403, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
    ("confirmed", "reject"): {SUPPORTING: 403, RECEIVING: 403, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
    ("active", "complete"): {SUPPORTING: 403, RECEIVING: 403, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
    ("active", "terminate"): {SUPPORTING: 403, RECEIVING: 403, BUREAU: 200, VIEWER: 403, OUTSIDER: 404},
}
ILLEGAL = [(s.value, a) for s in AgreementStatus for a in rules.ACTIONS if (s, a) not in rules.TRANSITIONS]


def test_expectations_cover_the_whole_table() -> None:
    assert {(s.value, a) for s, a in rules.TRANSITIONS} == set(EXPECTED)


@pytest.mark.parametrize("step", sorted(EXPECTED), ids="-".join)
@pytest.mark.parametrize("caller", [SUPPORTING, RECEIVING, BUREAU, VIEWER, OUTSIDER])
async def test_transition_by_role(
    client: AsyncClient, world: World, session: AsyncSession, step: tuple[str, str], caller: str
) -> None:
    status, action = step
    agreement = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus(status),
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    response = await client.post(
        f"/api/v1/agreements/{agreement.id}/{action}", json={"comment": "理由"}, headers=world.headers[caller]
    )
    assert response.status_code == EXPECTED[step][caller], response.text
    after = await client.get(f"/api/v1/agreements/{agreement.id}", headers=world.headers[BUREAU])
    moved = rules.TRANSITIONS[(AgreementStatus(status), action)].to.value
    assert after.json()["status"] == (moved if response.status_code == 200 else status)


@pytest.mark.parametrize("step", ILLEGAL, ids="-".join)
async def test_illegal_transition_is_409_naming_status_and_allowed(
    client: AsyncClient, world: World, session: AsyncSession, step: tuple[str, str]
) -> None:
    status, action = step
    agreement = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus(status),
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    response = await client.post(
        f"/api/v1/agreements/{agreement.id}/{action}",
        json={"comment": "x"},
        headers={**world.headers[BUREAU], "Accept-Language": "en"},
    )
    assert response.status_code == 409
    assert f"The current status is {status}" in response.json()["detail"]


async def test_full_signing_journey_with_timeline(client: AsyncClient, world: World) -> None:
    body = {
        "programme_id": world.programme_a.id,
        "supporting_school_id": world.a1.id,
        "receiving_school_id": world.a3.id,
        "title": "甲乙结对",
        "areas": ["teaching", "management"],
        "forms": ["staff"],
        "goals": [{"title": "建立例会制度", "area": "management", "target_date": "2027-01-31"}],
    }
    created = await client.post("/api/v1/agreements", json=body, headers=world.headers[SUPPORTING])
    assert created.status_code == 201, created.text
    agreement = created.json()
    assert agreement["status"] == "draft" and agreement["next_actor"] == "supporting_school"
    assert agreement["allowed_actions"] == ["submit"]
    url = f"/api/v1/agreements/{agreement['id']}"
    submitted = await client.post(f"{url}/submit", headers={**world.headers[SUPPORTING], "If-Match": '"1"'})
    assert submitted.json()["status"] == "submitted" and submitted.json()["next_actor"] == "receiving_school"
    assert submitted.json()["allowed_actions"] == []  # now the receiving school's turn
    stale = await client.post(f"{url}/approve", headers={**world.headers[BUREAU], "If-Match": '"1"'})
    assert stale.status_code == 412
    # The receiving school (a3) has no admin in the world; the bureau confirms on its behalf.
    confirmed = await client.post(
        f"{url}/confirm", json={"comment": "电话确认"}, headers=world.headers[BUREAU]
    )
    assert confirmed.json()["status"] == "confirmed"
    approved = await client.post(f"{url}/approve", headers=world.headers[BUREAU])
    assert approved.json()["status"] == "active" and approved.json()["next_actor"] is None
    events = (await client.get(f"{url}/events", headers=world.headers[SUPPORTING])).json()
    assert [e["action"] for e in events] == ["create", "submit", "confirm", "approve"]
    confirm = events[2]
    assert confirm["acting_as"] == "receiving_school" and confirm["on_behalf"] is True
    assert confirm["comment"] == "电话确认" and confirm["actor_id"] == world.users[BUREAU].id
    assert events[1]["on_behalf"] is False and events[1]["acting_as"] == "supporting_school"
    goals = (await client.get(f"{url}/goals", headers=world.headers[SUPPORTING])).json()
    assert [g["title"] for g in goals] == ["建立例会制度"]


async def test_reject_needs_a_reason_and_returns_to_draft(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    agreement = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.submitted,
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    url = f"/api/v1/agreements/{agreement.id}/reject"
    missing = await client.post(url, json={"comment": "  "}, headers=world.headers[RECEIVING])
    assert missing.status_code == 422 and missing.json()["errors"][0]["loc"] == ["body", "comment"]
    rejected = await client.post(url, json={"comment": "目标不够具体"}, headers=world.headers[RECEIVING])
    assert rejected.status_code == 200 and rejected.json()["status"] == "draft"


async def test_default_period_is_three_school_years_from_next_september(
    client: AsyncClient, world: World, frozen_clock
) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    frozen_clock.freeze(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    body = {
        "programme_id": world.programme_a.id,
        "supporting_school_id": world.a1.id,
        "receiving_school_id": world.a3.id,
        "title": "默认期限",
        "areas": ["teaching"],
    }
    created = (await client.post("/api/v1/agreements", json=body, headers=world.headers[BUREAU])).json()
    assert (created["start_date"], created["end_date"]) == ("2027-09-01", "2030-08-31")


async def test_drafting_rules(client: AsyncClient, world: World) -> None:
    base = {"programme_id": world.programme_a.id, "title": "x", "areas": ["teaching"]}
    same = await client.post(
        "/api/v1/agreements",
        headers=world.headers[BUREAU],
        json={**base, "supporting_school_id": world.a1.id, "receiving_school_id": world.a1.id},
    )
    assert same.status_code == 422
    foreign = await client.post(
        "/api/v1/agreements",
        headers=world.headers[BUREAU],
        json={**base, "supporting_school_id": world.a1.id, "receiving_school_id": world.b1.id},
    )
    assert foreign.status_code == 422 and foreign.json()["errors"][0]["loc"] == [
        "body",
        "receiving_school_id",
    ]
    not_party = await client.post(
        "/api/v1/agreements",
        headers=world.headers[OUTSIDER],
        json={**base, "supporting_school_id": world.a1.id, "receiving_school_id": world.a2.id},
    )
    assert not_party.status_code == 403
    backwards = await client.post(
        "/api/v1/agreements",
        headers=world.headers[BUREAU],
        json={
            **base,
            "supporting_school_id": world.a1.id,
            "receiving_school_id": world.a3.id,
            "start_date": "2027-09-01",
            "end_date": "2027-01-01",
        },
    )
    assert backwards.status_code == 422
    no_area = await client.post(
        "/api/v1/agreements",
        headers=world.headers[BUREAU],
        json={**base, "areas": [], "supporting_school_id": world.a1.id, "receiving_school_id": world.a3.id},
    )
    assert no_area.status_code == 422


async def test_only_drafts_are_edited(client: AsyncClient, world: World, session: AsyncSession) -> None:
    draft = await make_agreement(
        session,
        world.programme_a,
        world.a1,
        world.a2,
        AgreementStatus.draft,
        start_date=date(2035, 9, 1),
        end_date=date(2038, 8, 31),
    )
    edited = await client.patch(
        f"/api/v1/agreements/{draft.id}",
        json={"title": "新名称", "areas": ["conditions"]},
        headers={**world.headers[SUPPORTING], "If-Match": '"1"'},
    )
    assert (
        edited.status_code == 200
        and edited.json()["areas"] == ["conditions"]
        and edited.json()["version"] == 2
    )
    active = await client.patch(
        f"/api/v1/agreements/{world.agreement.id}", json={"title": "改"}, headers=world.headers[SUPPORTING]
    )
    assert active.status_code == 409 and "补充协议" in active.json()["detail"]
