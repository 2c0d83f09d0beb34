from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from tests.factories import World


async def test_bureau_admin_creates_school_admin_tied_to_the_county_bureau(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    body = {
        "username": "admin_new",
        "display_name": "新管理员",
        "role": "school_admin",
        "password": "a-good-password",
        "school_id": world.a2.id,
        "organization_id": world.bureau_b.id,
    }
    response = await client.post("/api/v1/users", json=body, headers=world.headers["bureau_admin"])
    assert response.status_code == 201, response.text
    user = response.json()
    assert user["school_id"] == world.a2.id and user["organization_id"] == world.bureau_a.id
    assert "password" not in user and "password_hash" not in user
    event = await session.scalar(
        select(AuditEvent).where(AuditEvent.entity == "user", AuditEvent.entity_id == user["id"])
    )
    assert event is not None and "password_hash" not in event.after
    login = await client.post(
        "/api/v1/auth/token", data={"username": "admin_new", "password": "a-good-password"}
    )
    assert login.status_code == 200


async def test_duplicate_username_409(client: AsyncClient, world: World) -> None:
    body = {
        "username": world.users["teacher"].username,
        "display_name": "x",
        "role": "bureau_viewer",
        "password": "a-good-password",
    }
    response = await client.post("/api/v1/users", json=body, headers=world.headers["bureau_admin"])
    assert response.status_code == 409 and response.json()["errors"][0]["loc"] == ["body", "username"]


async def test_role_links_are_required(client: AsyncClient, world: World) -> None:
    headers = world.headers["bureau_admin"]
    base = {"display_name": "x", "password": "a-good-password"}
    no_school = await client.post(
        "/api/v1/users", json={**base, "username": "user_one", "role": "school_admin"}, headers=headers
    )
    assert no_school.status_code == 422 and no_school.json()["errors"][0]["loc"] == ["body", "school_id"]
    no_teacher = await client.post(
        "/api/v1/users", json={**base, "username": "user_two", "role": "teacher"}, headers=headers
    )
    assert no_teacher.status_code == 422 and no_teacher.json()["errors"][0]["loc"] == ["body", "teacher_id"]
    taken = await client.post(
        "/api/v1/users",
        json={**base, "username": "user_three", "role": "teacher", "teacher_id": world.teacher_a1.id},
        headers=headers,
    )
    assert taken.status_code == 409


async def test_school_admin_sees_only_own_school_accounts_and_cannot_create(
    client: AsyncClient, world: World
) -> None:
    headers = world.headers["school_admin"]
    listed = (await client.get("/api/v1/users", headers=headers)).json()
    assert {u["id"] for u in listed["items"]} == {world.users["school_admin"].id, world.users["teacher"].id}
    body = {"username": "sneaky", "display_name": "x", "role": "bureau_admin", "password": "a-good-password"}
    assert (await client.post("/api/v1/users", json=body, headers=headers)).status_code == 403


async def test_admin_cannot_deactivate_or_demote_self(client: AsyncClient, world: World) -> None:
    me = world.users["bureau_admin"]
    for body in ({"is_active": False}, {"role": "bureau_viewer"}):
        response = await client.patch(
            f"/api/v1/users/{me.id}", json=body, headers=world.headers["bureau_admin"]
        )
        assert response.status_code == 422


async def test_mass_assignment_of_protected_fields_is_refused(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/users/{world.users['teacher'].id}"
    for body in ({"version": 9}, {"password_hash": "x"}, {"username": "renamed"}, {"id": 1}):
        response = await client.patch(url, json=body, headers=world.headers["bureau_admin"])
        assert response.status_code == 422, body
    school = await client.post(
        "/api/v1/schools",
        headers=world.headers["bureau_admin"],
        json={
            "code": "MA-1",
            "name": "x",
            "stage": "primary",
            "locale": "rural",
            "region_id": world.county_a.id,
            "version": 7,
        },
    )
    assert school.status_code == 422


async def test_audit_events_are_scoped_to_the_bureau(client: AsyncClient, world: World) -> None:
    await client.patch(
        f"/api/v1/schools/{world.a1.id}", json={"address": "新址"}, headers=world.headers["bureau_admin"]
    )
    ours = (
        await client.get(
            "/api/v1/audit-events", params={"entity": "school"}, headers=world.headers["bureau_viewer"]
        )
    ).json()
    assert [e["entity_id"] for e in ours["items"]] == [world.a1.id]
    assert ours["items"][0]["before"]["address"] == "" and ours["items"][0]["after"]["address"] == "新址"
    theirs = (await client.get("/api/v1/audit-events", headers=world.headers["foreign_bureau_admin"])).json()
    assert theirs["total"] == 0
