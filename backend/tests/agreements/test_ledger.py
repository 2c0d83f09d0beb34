"""After signing: amendments, renewal, goals, activities and donations; and the agreement list."""

from datetime import date

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Goal
from app.core.enums import AgreementArea, AgreementStatus, GoalStatus
from tests.factories import World, make_agreement


async def test_amendment_is_signed_like_the_agreement(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/amendments"
    created = await client.post(
        url,
        json={"summary": "增加英语送教", "effective_date": "2027-03-01"},
        headers=world.headers["school_admin"],
    )
    assert created.status_code == 201 and created.json()["status"] == "draft"
    amendment = created.json()
    assert amendment["allowed_actions"] == ["submit"] and amendment["next_actor"] == "supporting_school"
    base = f"/api/v1/amendments/{amendment['id']}"
    assert (
        await client.post(f"{base}/confirm", headers=world.headers["other_school_admin"])
    ).status_code == 409
    assert (await client.post(f"{base}/submit", headers=world.headers["school_admin"])).status_code == 200
    assert (await client.post(f"{base}/approve", headers=world.headers["bureau_admin"])).status_code == 409
    assert (
        await client.post(f"{base}/confirm", headers=world.headers["other_school_admin"])
    ).status_code == 200
    approved = await client.post(f"{base}/approve", headers=world.headers["bureau_admin"])
    assert approved.status_code == 200 and approved.json()["status"] == "active"
    events = (
        await client.get(
            f"/api/v1/agreements/{world.agreement.id}/events", headers=world.headers["bureau_viewer"]
        )
    ).json()
    assert [e["action"] for e in events] == [
        "amend",
        "amendment_submit",
        "amendment_confirm",
        "amendment_approve",
    ]
    assert {e["amendment_id"] for e in events} == {amendment["id"]}


async def test_amendments_only_for_active_agreements(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    draft = await make_agreement(session, world.programme_a, world.a1, world.a3, AgreementStatus.draft)
    response = await client.post(
        f"/api/v1/agreements/{draft.id}/amendments",
        headers=world.headers["bureau_admin"],
        json={"summary": "x", "effective_date": "2027-03-01"},
    )
    assert response.status_code == 409


async def test_renewal_carries_over_unmet_goals(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    for title, status in (("已完成目标", GoalStatus.achieved), ("未完成目标", GoalStatus.missed)):
        session.add(
            Goal(
                agreement_id=world.agreement.id,
                title=title,
                area=AgreementArea.teaching,
                target_date=date(2028, 6, 30),
                status=status,
            )
        )
    await session.flush()
    renewed = await client.post(
        f"/api/v1/agreements/{world.agreement.id}/renew", headers=world.headers["school_admin"]
    )
    assert renewed.status_code == 201, renewed.text
    body = renewed.json()
    assert (
        body["status"] == "draft"
        and body["round"] == 2
        and body["previous_agreement_id"] == world.agreement.id
    )
    assert (body["start_date"], body["end_date"]) == ("2029-09-01", "2032-08-31")
    assert body["supporting_school_id"] == world.a1.id and body["areas"] == ["teaching"]
    goals = (
        await client.get(f"/api/v1/agreements/{body['id']}/goals", headers=world.headers["school_admin"])
    ).json()
    titles = {g["title"] for g in goals}
    assert "未完成目标" in titles and "已完成目标" not in titles and "提高数学成绩" in titles
    assert {g["status"] for g in goals} == {"planned"}
    assert all(g["target_date"] >= "2029-09-01" for g in goals)


async def test_activities_and_donations_need_an_active_agreement_and_a_party_school(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}"
    activity = {
        "kind": "demonstration_lesson",
        "date": "2026-11-10",
        "title": "示范课",
        "participants": 40,
        "organizer_school_id": world.a3.id,
        "subjects": ["数学"],
    }
    outsider = await client.post(f"{url}/activities", json=activity, headers=world.headers["school_admin"])
    assert outsider.status_code == 422 and outsider.json()["errors"][0]["loc"] == [
        "body",
        "organizer_school_id",
    ]
    ok = await client.post(
        f"{url}/activities",
        json={**activity, "organizer_school_id": world.a2.id},
        headers=world.headers["other_school_admin"],
    )
    assert ok.status_code == 201 and ok.json()["organizer_school_name"] == world.a2.name
    donation = {"kind": "funds", "value_yuan": "600000.00", "date": "2026-11-12", "description": "专项资金"}
    money = await client.post(f"{url}/donations", json=donation, headers=world.headers["school_admin"])
    assert money.status_code == 201 and money.json()["value_yuan"] == "600000.00"
    assert money.json()["donor_school_id"] == world.a1.id
    bad = await client.post(
        f"{url}/donations", json={**donation, "value_yuan": "-1"}, headers=world.headers["school_admin"]
    )
    assert bad.status_code == 422
    draft = await make_agreement(session, world.programme_a, world.a1, world.a3, AgreementStatus.draft)
    closed = await client.post(
        f"/api/v1/agreements/{draft.id}/activities",
        json={**activity, "organizer_school_id": world.a1.id},
        headers=world.headers["bureau_admin"],
    )
    assert closed.status_code == 409


async def test_summary_totals_by_kind(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}"
    headers = world.headers["school_admin"]
    for kind, value in (("books", "27160.00"), ("books", "840.50"), ("equipment", "12000.00")):
        await client.post(
            f"{url}/donations",
            json={"kind": kind, "value_yuan": value, "date": "2026-11-01"},
            headers=headers,
        )
    summary = (await client.get(f"{url}/summary", headers=world.headers["bureau_viewer"])).json()
    # The world's ledger already holds one lecture (30 people) and one book donation of 2,000 yuan.
    assert summary["activities_total"] == 1 and summary["participants_total"] == 30
    assert summary["donations_by_kind"]["books"] == {"count": 3, "value_yuan": "30000.50"}
    assert summary["donations_value_yuan"] == "42000.50"
    assert summary["goals_by_status"] == {"in_progress": 1}


async def test_list_filters_and_waiting_for_me(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    submitted = await make_agreement(
        session, world.programme_a, world.a3, world.a2, AgreementStatus.submitted, title="等待受援学校确认"
    )
    receiving = world.headers["other_school_admin"]  # a2: receiving in both agreements
    mine = (await client.get("/api/v1/agreements", headers=receiving)).json()
    assert {a["id"] for a in mine["items"]} == {world.agreement.id, submitted.id}
    waiting = (
        await client.get("/api/v1/agreements", params={"waiting_for_me": "true"}, headers=receiving)
    ).json()
    assert [a["id"] for a in waiting["items"]] == [submitted.id]
    assert waiting["items"][0]["allowed_actions"] == ["confirm", "reject"]
    bureau = world.headers["bureau_viewer"]
    by_status = (await client.get("/api/v1/agreements", params={"status": "active"}, headers=bureau)).json()
    assert [a["id"] for a in by_status["items"]] == [world.agreement.id]
    by_school = (
        await client.get("/api/v1/agreements", params={"school_id": world.a3.id}, headers=bureau)
    ).json()
    assert [a["id"] for a in by_school["items"]] == [submitted.id]
    by_year = (await client.get("/api/v1/agreements", params={"school_year": 2031}, headers=bureau)).json()
    assert by_year["total"] == 0
    # A teacher sees only the agreement they are rotated under (world.rotation), read-only.
    rotated = (await client.get("/api/v1/agreements", headers=world.headers["teacher"])).json()
    assert [a["id"] for a in rotated["items"]] == [world.agreement.id] and rotated["items"][0][
        "allowed_actions"
    ] == []
    assert (await client.get("/api/v1/agreements", headers=world.headers["other_teacher"])).json()[
        "total"
    ] == 0
    export = await client.get(
        "/api/v1/agreements", params={"format": "xlsx", "status": "active"}, headers=bureau
    )
    assert export.status_code == 200 and export.content[:2] == b"PK"
