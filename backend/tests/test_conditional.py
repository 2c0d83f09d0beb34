"""ETags on every read, 304 for an unchanged one, and If-Match taking the ETag back."""

from httpx import AsyncClient

from tests.factories import World


async def test_an_unchanged_object_answers_304(client: AsyncClient, world: World) -> None:
    url, admin = f"/api/v1/schools/{world.a1.id}", world.headers["bureau_admin"]
    first = await client.get(url, headers=admin)
    etag = first.headers["etag"]
    assert etag.startswith('"1.') and first.json()["version"] == 1
    cached = await client.get(url, headers={**admin, "If-None-Match": etag})
    assert cached.status_code == 304 and cached.content == b"" and cached.headers["etag"] == etag
    # The ETag goes back as If-Match; after the change the old tag no longer matches.
    changed = await client.patch(url, json={"student_count": 321}, headers={**admin, "If-Match": etag})
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"].startswith('"2.')
    stale = await client.patch(url, json={"student_count": 5}, headers={**admin, "If-Match": etag})
    assert stale.status_code == 412
    fresh = await client.get(url, headers={**admin, "If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.json()["student_count"] == 321
    assert fresh.headers["etag"] == changed.headers["etag"]  # a write and the next read agree


async def test_lists_and_reports_get_weak_etags(client: AsyncClient, world: World) -> None:
    admin = world.headers["bureau_admin"]
    first = await client.get("/api/v1/schools", headers=admin)
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert (
        await client.get("/api/v1/schools", headers={**admin, "If-None-Match": f'"x", {etag}'})
    ).status_code == 304
    # Another caller sees another list: another tag.
    other = await client.get("/api/v1/schools", headers=world.headers["foreign_bureau_admin"])
    assert other.headers["etag"] != etag
    await client.patch(f"/api/v1/schools/{world.a2.id}", json={"student_count": 77}, headers=admin)
    after = await client.get("/api/v1/schools", headers={**admin, "If-None-Match": etag})
    assert after.status_code == 200 and after.headers["etag"] != etag
    # Errors carry no ETag and never answer 304.
    missing = await client.get("/api/v1/schools/999999", headers={**admin, "If-None-Match": "*"})
    assert missing.status_code == 404 and "etag" not in missing.headers
