"""The audit trail for bureau users: searched by actor, entity, action and day, with the actor's name."""

from datetime import timedelta

from httpx import AsyncClient

from app.core.clock import today
from tests.factories import World


async def test_bureau_admins_search_the_trail_by_actor_entity_action_and_day(
    client: AsyncClient, world: World
) -> None:
    admin = world.headers["bureau_admin"]
    changed = await client.patch(f"/api/v1/schools/{world.a2.id}", json={"address": "新校址"}, headers=admin)
    assert changed.status_code == 200
    actor = world.users["bureau_admin"]
    found = await client.get(
        "/api/v1/audit-events",
        params={"entity": "school", "entity_id": world.a2.id, "actor_id": actor.id, "action": "update",
                "date_from": today().isoformat(), "date_to": today().isoformat()},
        headers=admin,
    )  # fmt: skip
    assert found.status_code == 200
    items = found.json()["items"]
    assert len(items) == 1 and items[0]["actor_name"] == actor.display_name
    assert items[0]["after"]["address"] == "新校址"
    yesterday = (today() - timedelta(days=1)).isoformat()
    none = await client.get(
        "/api/v1/audit-events", params={"entity": "school", "date_to": yesterday}, headers=admin
    )
    assert none.json()["items"] == []
    sheet = await client.get(
        "/api/v1/audit-events", params={"entity": "school", "format": "xlsx"}, headers=admin
    )
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("application/vnd.openxml")
    elsewhere = await client.get(
        "/api/v1/audit-events",
        params={"entity_id": world.a2.id},
        headers=world.headers["foreign_bureau_admin"],
    )
    assert all(e["entity_id"] != world.a2.id or e["entity"] != "school" for e in elsewhere.json()["items"])
