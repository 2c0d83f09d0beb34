from httpx import AsyncClient

from tests.factories import World

BODY = {
    "name": "第二轮结对（2029—2032）",
    "start_date": "2029-09-01",
    "end_date": "2032-08-31",
    "meeting_cadence": "per_term",
    "min_meetings": 2,
    "min_rotation_share": "0.15",
    "backbone_share_base": "eligible",
    "required_weak_service_days": 1095,
}


async def test_bureau_admin_creates_programme_with_rules(client: AsyncClient, world: World) -> None:
    response = await client.post("/api/v1/programmes", json=BODY, headers=world.headers["bureau_admin"])
    assert response.status_code == 201, response.text
    programme = response.json()
    assert programme["organization_id"] == world.bureau_a.id
    assert programme["meeting_cadence"] == "per_term" and programme["min_rotation_share"] == "0.15"
    assert programme["min_backbone_share"] == "0.20" and programme["rotation_eligibility_years"] == 6
    assert programme["required_rural_service_days"] == 365
    seen = (await client.get("/api/v1/programmes", headers=world.headers["school_admin"])).json()
    assert programme["id"] in {p["id"] for p in seen["items"]}
    foreign = await client.get(
        f"/api/v1/programmes/{programme['id']}", headers=world.headers["foreign_bureau_admin"]
    )
    assert foreign.status_code == 404


async def test_programme_validation(client: AsyncClient, world: World) -> None:
    headers = world.headers["bureau_admin"]
    for bad in (
        {"end_date": "2029-01-01"},
        {"min_rotation_share": "1.5"},
        {"meeting_cadence": "weekly"},
        {"min_meetings": 0},
    ):
        response = await client.post("/api/v1/programmes", json={**BODY, **bad}, headers=headers)
        assert response.status_code == 422, bad
    url = f"/api/v1/programmes/{world.programme_a.id}"
    backwards = await client.patch(url, json={"end_date": "2020-01-01"}, headers=headers)
    assert backwards.status_code == 422
    updated = await client.patch(url, json={"min_meetings": 4}, headers={**headers, "If-Match": '"1"'})
    assert updated.status_code == 200 and updated.json()["min_meetings"] == 4
    stale = await client.patch(url, json={"min_meetings": 3}, headers={**headers, "If-Match": '"1"'})
    assert stale.status_code == 412
