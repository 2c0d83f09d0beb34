from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.schools.models import School
from tests.factories import World

NEW_SCHOOL = {"code": "NEW-01", "name": "新建村小学", "stage": "primary", "locale": "rural", "is_weak": True}


async def test_bureau_admin_creates_school_and_it_is_audited(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    body = {**NEW_SCHOOL, "region_id": world.county_a.id, "student_count": 120}
    response = await client.post("/api/v1/schools", json=body, headers=world.headers["bureau_admin"])
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["code"] == "NEW-01" and created["region_name"] == "甲县" and created["version"] == 1
    assert response.headers["etag"].startswith('"1.')  # the version, then a digest of the body
    event = await session.scalar(
        select(AuditEvent).where(AuditEvent.entity == "school", AuditEvent.entity_id == created["id"])
    )
    assert event is not None and event.action == "create"
    assert event.actor_id == world.users["bureau_admin"].id and event.after["code"] == "NEW-01"


async def test_duplicate_code_answers_409_and_writes_nothing(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    before = await session.scalar(select(func.count()).select_from(School))
    audits_before = await session.scalar(select(func.count()).select_from(AuditEvent))
    body = {**NEW_SCHOOL, "code": world.a1.code, "region_id": world.county_a.id}
    response = await client.post("/api/v1/schools", json=body, headers=world.headers["bureau_admin"])
    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["errors"][0]["loc"] == ["body", "code"] and world.a1.code in problem["detail"]
    assert await session.scalar(select(func.count()).select_from(School)) == before
    assert await session.scalar(select(func.count()).select_from(AuditEvent)) == audits_before


async def test_school_admin_cannot_create_school(client: AsyncClient, world: World) -> None:
    body = {**NEW_SCHOOL, "region_id": world.county_a.id}
    response = await client.post("/api/v1/schools", json=body, headers=world.headers["school_admin"])
    assert response.status_code == 403


async def test_bad_input_answers_422_with_field_paths_in_chinese_by_default(
    client: AsyncClient, world: World
) -> None:
    body = {
        "code": "bad code!",
        "name": "",
        "stage": "university",
        "locale": "rural",
        "region_id": world.county_a.id,
        "student_count": -5,
    }
    response = await client.post("/api/v1/schools", json=body, headers=world.headers["bureau_admin"])
    assert response.status_code == 422
    problem = response.json()
    locs = {tuple(e["loc"]) for e in problem["errors"]}
    assert {("body", "code"), ("body", "name"), ("body", "stage"), ("body", "student_count")} <= locs
    assert problem["title"] == "输入有误"
    english = await client.post(
        "/api/v1/schools",
        json=body,
        headers={**world.headers["bureau_admin"], "Accept-Language": "en-US,en;q=0.9"},
    )
    assert english.json()["title"] == "Invalid input"


async def test_school_must_be_in_a_county_of_the_jurisdiction(client: AsyncClient, world: World) -> None:
    for region in (world.county_b, world.province):
        body = {**NEW_SCHOOL, "region_id": region.id}
        response = await client.post("/api/v1/schools", json=body, headers=world.headers["bureau_admin"])
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "region_id"]


async def test_scope_other_bureau_school_is_404(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/schools/{world.b1.id}"
    assert (await client.get(url, headers=world.headers["school_admin"])).status_code == 404
    assert (await client.get(url, headers=world.headers["bureau_admin"])).status_code == 404
    assert (await client.get(url, headers=world.headers["foreign_school_admin"])).status_code == 200


async def test_list_is_scoped_searchable_sortable_and_paginated(client: AsyncClient, world: World) -> None:
    headers = world.headers["school_admin"]
    page = (await client.get("/api/v1/schools", headers=headers)).json()
    ids = {s["id"] for s in page["items"]}
    assert ids == {world.a1.id, world.a2.id, world.a3.id} and page["total"] == 3
    searched = (await client.get("/api/v1/schools", params={"q": world.a2.name}, headers=headers)).json()
    assert [s["id"] for s in searched["items"]] == [world.a2.id]
    by_size = (
        await client.get("/api/v1/schools", params={"sort": "-code", "limit": 1}, headers=headers)
    ).json()
    assert by_size["limit"] == 1 and by_size["total"] == 3 and len(by_size["items"]) == 1
    assert by_size["items"][0]["code"] == max(world.a1.code, world.a2.code, world.a3.code)
    weak = (await client.get("/api/v1/schools", params={"is_weak": "true"}, headers=headers)).json()
    assert [s["id"] for s in weak["items"]] == [world.a2.id, world.a3.id]
    bad_sort = await client.get("/api/v1/schools", params={"sort": "password"}, headers=headers)
    assert bad_sort.status_code == 422
    too_many = await client.get("/api/v1/schools", params={"limit": 500}, headers=headers)
    assert too_many.status_code == 422


async def test_update_with_stale_if_match_answers_412_and_keeps_data(
    client: AsyncClient, world: World
) -> None:
    url = f"/api/v1/schools/{world.a1.id}"
    headers = world.headers["bureau_admin"]
    first = await client.patch(url, json={"student_count": 999}, headers={**headers, "If-Match": '"1"'})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = await client.patch(url, json={"student_count": 5}, headers={**headers, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert (await client.get(url, headers=headers)).json()["student_count"] == 999


async def test_patch_refuses_null_for_required_fields(client: AsyncClient, world: World) -> None:
    response = await client.patch(
        f"/api/v1/schools/{world.a1.id}", json={"name": None}, headers=world.headers["bureau_admin"]
    )
    assert response.status_code == 422


async def test_viewer_reads_but_cannot_edit(client: AsyncClient, world: World) -> None:
    headers = world.headers["bureau_viewer"]
    assert (await client.get(f"/api/v1/schools/{world.a1.id}", headers=headers)).status_code == 200
    response = await client.patch(f"/api/v1/schools/{world.a1.id}", json={"name": "改名"}, headers=headers)
    assert response.status_code == 403


async def test_list_exports_to_excel(client: AsyncClient, world: World) -> None:
    import io

    from openpyxl import load_workbook

    response = await client.get(
        "/api/v1/schools", params={"format": "xlsx"}, headers=world.headers["bureau_admin"]
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "学校代码"
    assert {r[1] for r in rows[1:]} == {world.a1.code, world.a2.code, world.a3.code}
