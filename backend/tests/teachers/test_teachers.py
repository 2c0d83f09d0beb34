from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from tests.factories import World

NEW = {
    "name": "李芳",
    "gender": "female",
    "subjects": ["英语", " 英语", "音乐"],
    "title_rank": "second",
    "backbone_level": "county",
    "hire_date": "2015-09-01",
}


async def test_school_admin_adds_teacher_to_own_roster(client: AsyncClient, world: World) -> None:
    response = await client.post(
        "/api/v1/teachers", json={**NEW, "school_id": world.a1.id}, headers=world.headers["school_admin"]
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["subjects"] == ["英语", "音乐"] and body["school_name"] == world.a1.name
    assert body["user_id"] is None and body["version"] == 1


async def test_school_admin_cannot_add_to_another_school(client: AsyncClient, world: World) -> None:
    same_county = await client.post(
        "/api/v1/teachers", json={**NEW, "school_id": world.a2.id}, headers=world.headers["school_admin"]
    )
    assert same_county.status_code == 403
    other_county = await client.post(
        "/api/v1/teachers", json={**NEW, "school_id": world.b1.id}, headers=world.headers["school_admin"]
    )
    assert other_county.status_code == 422
    assert other_county.json()["errors"][0]["loc"] == ["body", "school_id"]


async def test_teacher_of_another_school_is_404_for_school_admin(client: AsyncClient, world: World) -> None:
    headers = world.headers["school_admin"]
    assert (await client.get(f"/api/v1/teachers/{world.teacher_a2.id}", headers=headers)).status_code == 404
    assert (await client.get(f"/api/v1/teachers/{world.teacher_b1.id}", headers=headers)).status_code == 404
    listed = (await client.get("/api/v1/teachers", headers=headers)).json()
    assert [t["id"] for t in listed["items"]] == [world.teacher_a1.id]


async def test_teacher_sees_only_themselves(client: AsyncClient, world: World) -> None:
    headers = world.headers["teacher"]
    listed = (await client.get("/api/v1/teachers", headers=headers)).json()
    assert [t["id"] for t in listed["items"]] == [world.teacher_a1.id]
    assert listed["items"][0]["user_id"] == world.users["teacher"].id
    assert (await client.get(f"/api/v1/teachers/{world.teacher_a2.id}", headers=headers)).status_code == 404


async def test_bureau_filters_by_subject_backbone_and_school(client: AsyncClient, world: World) -> None:
    headers = world.headers["bureau_admin"]

    async def ids(**params: str | int) -> list[int]:
        return [
            t["id"]
            for t in (await client.get("/api/v1/teachers", params=params, headers=headers)).json()["items"]
        ]

    assert await ids(subject="物理") == [world.teacher_a1.id]
    assert await ids(subject="英语") == []  # teacher_b1 teaches English but is in another county
    assert await ids(backbone_level="county") == [world.teacher_a1.id]
    assert await ids(school_id=world.a2.id) == [world.teacher_a2.id]
    assert await ids(q=world.teacher_a2.name) == [world.teacher_a2.id]


async def test_edit_subjects_bumps_version_and_audits(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/api/v1/teachers/{world.teacher_a1.id}"
    response = await client.patch(
        url, json={"subjects": ["化学"]}, headers={**world.headers["school_admin"], "If-Match": '"1"'}
    )
    assert response.status_code == 200, response.text
    assert response.json()["subjects"] == ["化学"] and response.json()["version"] == 2
    event = await session.scalar(
        select(AuditEvent).where(AuditEvent.entity == "teacher", AuditEvent.entity_id == world.teacher_a1.id)
    )
    assert event is not None
    assert event.before["subjects"] == ["数学", "物理"] and event.after["subjects"] == ["化学"]
    stale = await client.patch(
        url, json={"phone": "1"}, headers={**world.headers["school_admin"], "If-Match": '"1"'}
    )
    assert stale.status_code == 412


async def test_school_admin_cannot_move_teacher_away(client: AsyncClient, world: World) -> None:
    response = await client.patch(
        f"/api/v1/teachers/{world.teacher_a1.id}",
        json={"school_id": world.a2.id},
        headers=world.headers["school_admin"],
    )
    assert response.status_code == 403
    check = await client.get(f"/api/v1/teachers/{world.teacher_a1.id}", headers=world.headers["school_admin"])
    assert check.json()["school_id"] == world.a1.id


async def test_invalid_teacher_fields(client: AsyncClient, world: World) -> None:
    body = {**NEW, "school_id": world.a1.id, "gender": "x", "hire_date": "2015-13-45", "title_rank": "dean"}
    response = await client.post("/api/v1/teachers", json=body, headers=world.headers["bureau_admin"])
    assert response.status_code == 422
    assert {("body", f) for f in ("gender", "hire_date", "title_rank")} <= {
        tuple(e["loc"]) for e in response.json()["errors"]
    }
