"""Integration clients: registration, client-credentials tokens, scopes, jurisdiction, revocation."""

from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.integrations.scopes import SCOPES
from tests.factories import CLIENT_SECRET, World, make_client

TOKEN = "/api/v1/auth/token"
CLIENTS = "/api/v1/integrations/clients"


async def _token(client: AsyncClient, client_id: str, secret: str = CLIENT_SECRET, scope: str = "") -> Any:
    return await client.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": scope,
        },
    )


async def _bearer(client: AsyncClient, client_id: str, scope: str = "") -> dict[str, str]:
    answer = await _token(client, client_id, scope=scope)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def _scope_samples(w: World) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """A route each scope opens: method, url, request arguments."""
    return {
        "schools:read": ("GET", f"/api/v1/schools/{w.a1.id}", {}),
        "teachers:read": ("GET", f"/api/v1/teachers/{w.teacher_a1.id}", {}),
        "agreements:read": ("GET", f"/api/v1/agreements/{w.agreement.id}", {}),
        "agreements:write": (
            "POST",
            f"/api/v1/agreements/{w.agreement.id}/goals",
            {"json": {"title": "开设英语送教", "area": "teaching", "target_date": "2027-06-30"}},
        ),
        "meetings:read": ("GET", "/api/v1/meetings", {}),
        "meetings:write": (
            "PATCH",
            f"/api/v1/action-items/{w.ledger.action_item.id}",
            {"json": {"status": "done"}},
        ),
        "rotations:read": ("GET", "/api/v1/rotations", {}),
        "rotations:write": (
            "POST",
            "/api/v1/calendar-days",
            {"json": {"date": "2026-10-08", "name": "国庆节"}},
        ),
        "checkins:write": ("POST", f"/api/v1/rotations/{w.rotation.id}/checkins", {"json": {}}),
        "reports:read": ("GET", "/api/v1/dashboard/summary", {"params": {"school_year": 2026}}),
    }


async def test_register_then_sign_in_with_client_credentials(client: AsyncClient, world: World) -> None:
    created = await client.post(
        CLIENTS, json={"name": "市教育云平台", "scopes": ["schools:read", "schools:read"]},
        headers=world.headers["bureau_admin"],
    )  # fmt: skip
    assert created.status_code == 201, created.text
    body = created.json()
    assert (
        body["scopes"] == ["schools:read"] and body["status"] == "active" and len(body["client_secret"]) > 30
    )
    shown = await client.get(f"{CLIENTS}/{body['id']}", headers=world.headers["bureau_admin"])
    assert "client_secret" not in shown.json()
    token = await _token(client, body["client_id"], body["client_secret"])
    assert token.status_code == 200, token.text
    assert token.json()["refresh_token"] is None and token.json()["token_type"] == "bearer"
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    school = await client.get(f"/api/v1/schools/{world.a1.id}", headers=headers)
    assert school.status_code == 200, school.text
    # Usage is visible to the bureau.
    again = (await client.get(f"{CLIENTS}/{body['id']}", headers=world.headers["bureau_viewer"])).json()
    assert again["requests_today"] == 1 and again["last_used_at"] is not None
    # Wrong secret, unknown client, a scope never granted.
    assert (await _token(client, body["client_id"], "wrong")).status_code == 401
    assert (await _token(client, "pc_nobody", "wrong")).status_code == 401
    refused = await _token(
        client, body["client_id"], body["client_secret"], scope="schools:read reports:read"
    )
    assert refused.status_code == 422 and "reports:read" in refused.json()["errors"][0]["msg"]
    bad = await client.post(
        CLIENTS, json={"name": "x", "scopes": ["everything"]}, headers=world.headers["bureau_admin"]
    )
    assert bad.status_code == 422


@pytest.mark.parametrize("scope", SCOPES)
async def test_each_scope_opens_its_routes_and_no_other(
    client: AsyncClient, world: World, session: AsyncSession, scope: str
) -> None:
    method, url, kwargs = _scope_samples(world)[scope]
    without = await make_client(session, world.bureau_a, tuple(s for s in SCOPES if s != scope))
    refused = await client.request(method, url, headers=await _bearer(client, without.client_id), **kwargs)
    assert refused.status_code == 403 and scope in refused.json()["detail"], refused.text
    only = await make_client(session, world.bureau_a, (scope,))
    answer = await client.request(method, url, headers=await _bearer(client, only.client_id), **kwargs)
    assert scope not in answer.json().get("detail", ""), answer.text
    # The bureau's own rules still apply past the scope (a bureau account cannot check in for a teacher).
    assert answer.status_code < 400 or (scope == "checkins:write" and answer.status_code == 403), answer.text


async def test_a_token_may_carry_fewer_scopes(client: AsyncClient, world: World) -> None:
    headers = await _bearer(client, world.client.client_id, scope="schools:read")
    assert (await client.get("/api/v1/schools", headers=headers)).status_code == 200
    assert (await client.get("/api/v1/teachers", headers=headers)).status_code == 403


async def test_clients_stay_in_their_bureau_and_off_admin_routes(client: AsyncClient, world: World) -> None:
    headers = await _bearer(client, world.client.client_id)
    assert (await client.get(f"/api/v1/schools/{world.b1.id}", headers=headers)).status_code == 404
    assert (
        await client.get(f"/api/v1/agreements/{world.foreign_agreement.id}", headers=headers)
    ).status_code == 404
    for url in ("/api/v1/users", "/api/v1/audit-events", CLIENTS, "/api/v1/notifications"):
        answer = await client.get(url, headers=headers)
        assert answer.status_code == 403, url
    renamed = await client.patch("/api/v1/auth/me", json={"display_name": "x"}, headers=headers)
    assert renamed.status_code == 403
    me = await client.get("/api/v1/auth/me", headers=headers)
    assert me.status_code == 200 and me.json()["role"] == "bureau_admin"


async def test_writes_are_audited_as_the_client(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    method, url, kwargs = _scope_samples(world)["agreements:write"]
    answer = await client.request(
        method, url, headers=await _bearer(client, world.client.client_id), **kwargs
    )
    assert answer.status_code == 201, answer.text
    event = await session.scalar(
        select(AuditEvent).where(AuditEvent.entity == "goal", AuditEvent.action == "create")
    )
    assert event is not None and event.actor_id == world.client.service_user_id


async def test_revoking_or_rotating_ends_tokens_at_once(client: AsyncClient, world: World) -> None:
    admin = world.headers["bureau_admin"]
    headers = await _bearer(client, world.client.client_id)
    url = f"/api/v1/schools/{world.a1.id}"
    assert (await client.get(url, headers=headers)).status_code == 200
    rotated = await client.post(f"{CLIENTS}/{world.client.id}/rotate-secret", headers=admin)
    assert rotated.status_code == 200, rotated.text
    assert (await client.get(url, headers=headers)).status_code == 401
    assert (await _token(client, world.client.client_id)).status_code == 401  # the old secret
    fresh = await _token(client, world.client.client_id, rotated.json()["client_secret"])
    headers = {"Authorization": f"Bearer {fresh.json()['access_token']}"}
    assert (await client.get(url, headers=headers)).status_code == 200
    version = (await client.get(f"{CLIENTS}/{world.client.id}", headers=admin)).json()["version"]
    stale = await client.delete(
        f"{CLIENTS}/{world.client.id}", headers={**admin, "If-Match": f'"{version - 1}"'}
    )
    assert stale.status_code == 412
    assert (await client.delete(f"{CLIENTS}/{world.client.id}", headers=admin)).status_code == 204
    assert (await client.get(url, headers=headers)).status_code == 401
    assert (await _token(client, world.client.client_id, rotated.json()["client_secret"])).status_code == 401
    listed = (await client.get(CLIENTS, headers=admin)).json()["items"]
    assert next(c for c in listed if c["id"] == world.client.id)["status"] == "revoked"
    again = await client.post(f"{CLIENTS}/{world.client.id}/rotate-secret", headers=admin)
    assert again.status_code == 409


async def test_the_service_account_cannot_sign_in(client: AsyncClient, world: World) -> None:
    created = await client.post(
        CLIENTS, json={"name": "校园系统", "scopes": ["teachers:read"]}, headers=world.headers["bureau_admin"]
    )
    username = f"client_{created.json()['client_id']}"
    answer = await client.post(
        TOKEN, data={"username": username, "password": created.json()["client_secret"]}
    )
    assert answer.status_code == 401
