"""Rate limits per integration client and per address: 429 with Retry-After, the health check exempt."""

from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.integrations.ratelimit import FixedWindow
from app.main import create_app
from tests.conftest import share_connection
from tests.factories import CLIENT_SECRET, World, make_client


@pytest.fixture
def app(connection: AsyncConnection) -> FastAPI:
    """An application of its own: its rate limiter reads the limits these tests patch in."""
    application = create_app()
    share_connection(application, connection)
    return application


def test_fixed_window_counts_per_minute() -> None:
    now = [120.0]
    window = FixedWindow(limit=2, clock=lambda: now[0])
    assert window.hit("a") is None and window.hit("a") is None
    assert window.hit("a") == 60.0  # the window of 120–180 resets in 60 s
    assert window.hit("b") is None  # another key counts apart
    now[0] = 179.5
    assert window.hit("a") == pytest.approx(0.5)
    now[0] = 180.0
    assert window.hit("a") is None


async def _bearer(client: AsyncClient, client_id: str) -> dict[str, str]:
    token = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": CLIENT_SECRET},
    )
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


async def test_a_client_over_its_limit_gets_429(
    client: AsyncClient, world: World, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits = SimpleNamespace(rate_limit_client_per_minute=3, rate_limit_address_per_minute=0)
    monkeypatch.setattr("app.integrations.ratelimit.get_settings", lambda: limits)
    headers = await _bearer(client, world.client.client_id)
    url = f"/api/v1/schools/{world.a1.id}"
    for _ in range(3):
        assert (await client.get(url, headers=headers)).status_code == 200
    refused = await client.get(url, headers={**headers, "Accept-Language": "en"})
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "Too many requests" in refused.json()["detail"]
    other = await make_client(session, world.bureau_a)
    assert (await client.get(url, headers=await _bearer(client, other.client_id))).status_code == 200
    # People are limited by address only (off here).
    for _ in range(5):
        assert (await client.get(url, headers=world.headers["bureau_admin"])).status_code == 200


async def test_an_address_over_its_limit_gets_429(
    client: AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits = SimpleNamespace(rate_limit_client_per_minute=0, rate_limit_address_per_minute=4)
    monkeypatch.setattr("app.integrations.ratelimit.get_settings", lambda: limits)
    url = f"/api/v1/schools/{world.a1.id}"
    statuses = [(await client.get(url, headers=world.headers["bureau_admin"])).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert (await client.get("/api/v1/health")).status_code == 200  # never limited
