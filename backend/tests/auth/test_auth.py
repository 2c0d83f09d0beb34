import base64
import json
from datetime import UTC, datetime, timedelta

from httpx import AsyncClient
from jose import jwt
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.models import RefreshToken
from app.core.config import get_settings
from tests.factories import PASSWORD, World


async def login(client: AsyncClient, username: str, password: str = PASSWORD, **headers: str):  # type: ignore[no-untyped-def]
    return await client.post(
        "/api/v1/auth/token", data={"username": username, "password": password}, headers=headers
    )


async def test_password_login_gives_tokens_and_me(client: AsyncClient, world: World) -> None:
    user = world.users["school_admin"]
    response = await login(client, user.username)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 30 * 60 and body["refresh_token"]
    cookie = response.headers["set-cookie"]
    assert "refresh_token=" in cookie and "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    assert "Path=/api/v1/auth" in cookie
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json() | {"id": 0} == {
        "id": 0,
        "username": user.username,
        "display_name": user.display_name,
        "role": "school_admin",
        "organization_id": world.bureau_a.id,
        "school_id": world.a1.id,
        "teacher_id": None,
        "locale": "zh-CN",
        "phone": "",
        "email": "",
    }
    claims = jwt.get_unverified_claims(body["access_token"])
    assert {"exp", "iat", "sub", "jti"} <= claims.keys() and claims["exp"] - claims["iat"] == 1800


async def test_wrong_password_401_and_lockout_after_five_failures(client: AsyncClient, world: World) -> None:
    username = world.users["bureau_viewer"].username
    for _ in range(5):
        response = await login(client, username, "wrong-password")
        assert response.status_code == 401
        assert response.json()["detail"] == "用户名或密码错误。"
    locked = await login(client, username)  # even the right password is refused while locked
    assert locked.status_code == 429
    assert 0 < int(locked.headers["retry-after"]) <= 15 * 60
    other = await login(client, world.users["bureau_admin"].username)
    assert other.status_code == 200  # the lock is per username


async def test_lockout_ends_after_fifteen_minutes(client: AsyncClient, world: World, frozen_clock) -> None:  # type: ignore[no-untyped-def]
    username = world.users["bureau_viewer"].username
    start = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    frozen_clock.freeze(start)
    for _ in range(5):
        await login(client, username, "wrong-password")
    assert (await login(client, username)).status_code == 429
    frozen_clock.freeze(start + timedelta(minutes=15, seconds=1))
    assert (await login(client, username)).status_code == 200


async def test_refresh_rotates_and_reuse_revokes_the_family(client: AsyncClient, world: World) -> None:
    first = (await login(client, world.users["teacher"].username)).json()["refresh_token"]
    rotated = await client.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    second = rotated.json()["refresh_token"]
    assert second != first
    reuse = await client.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert reuse.status_code == 401
    # The stolen-token alarm revoked the newer token too.
    assert (await client.post("/api/v1/auth/refresh", json={"refresh_token": second})).status_code == 401


async def test_refresh_from_cookie_and_logout_revokes(client: AsyncClient, world: World) -> None:
    await login(client, world.users["teacher"].username)  # the client keeps the cookie
    refreshed = await client.post("/api/v1/auth/refresh")
    assert refreshed.status_code == 200
    assert (await client.post("/api/v1/auth/logout")).status_code == 204
    token = refreshed.json()["refresh_token"]
    assert (await client.post("/api/v1/auth/refresh", json={"refresh_token": token})).status_code == 401


def _forge(payload: dict[str, object], header: dict[str, str]) -> str:
    def b64(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{b64(header)}.{b64(payload)}."


async def test_expired_tampered_and_alg_none_tokens_are_401(client: AsyncClient, world: World) -> None:
    good = world.headers["bureau_admin"]["Authorization"].split()[1]
    claims = jwt.get_unverified_claims(good)
    secret = get_settings().secret_key
    expired = jwt.encode(
        {**claims, "exp": int(datetime.now(UTC).timestamp()) - 10}, secret, algorithm="HS256"
    )
    wrong_key = jwt.encode(claims, "another-secret-key-of-sufficient-length", algorithm="HS256")
    head, _payload, signature = good.split(".")
    tampered_claims = {**claims, "role": "bureau_admin", "rgn": "/"}
    tampered = head + "." + _forge(tampered_claims, {"alg": "HS256"}).split(".")[1] + "." + signature
    alg_none = _forge({**claims, "rgn": "/"}, {"alg": "none", "typ": "JWT"})
    for token in (expired, wrong_key, tampered, alg_none, "not-a-token"):
        response = await client.get("/api/v1/schools", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
        assert response.headers["content-type"].startswith("application/problem+json")
    assert (
        await client.get("/api/v1/schools", headers={"Authorization": f"Bearer {good}"})
    ).status_code == 200


async def test_password_change_revokes_refresh_tokens(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    user = world.users["school_admin"]
    old_refresh = (await login(client, user.username)).json()["refresh_token"]
    wrong = await client.post(
        "/api/v1/auth/password",
        headers=world.headers["school_admin"],
        json={"current_password": "nope", "new_password": "brand-new-pass"},
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["loc"] == ["body", "current_password"]
    changed = await client.post(
        "/api/v1/auth/password",
        headers=world.headers["school_admin"],
        json={"current_password": PASSWORD, "new_password": "brand-new-pass"},
    )
    assert changed.status_code == 200
    assert (await client.post("/api/v1/auth/refresh", json={"refresh_token": old_refresh})).status_code == 401
    assert (await login(client, user.username)).status_code == 401
    assert (await login(client, user.username, "brand-new-pass")).status_code == 200
    live = await session.scalar(
        select(func.count())
        .select_from(RefreshToken)
        .where(RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))
    )
    assert live == 2  # the new session from the change, and the last login


async def test_deactivating_a_user_revokes_tokens_and_blocks_login(client: AsyncClient, world: World) -> None:
    user = world.users["other_school_admin"]
    refresh = (await login(client, user.username)).json()["refresh_token"]
    response = await client.patch(
        f"/api/v1/users/{user.id}", json={"is_active": False}, headers=world.headers["bureau_admin"]
    )
    assert response.status_code == 200 and response.json()["is_active"] is False
    assert (await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh})).status_code == 401
    blocked = await login(client, user.username, **{"Accept-Language": "en"})
    assert blocked.status_code == 401 and blocked.json()["detail"] == "This account is deactivated."


async def test_profile_update_sets_locale(client: AsyncClient, world: World) -> None:
    headers = world.headers["teacher"]
    response = await client.patch(
        "/api/v1/auth/me", json={"locale": "en", "phone": "13800000000"}, headers=headers
    )
    assert response.status_code == 200 and response.json()["locale"] == "en"
    assert (await client.patch("/api/v1/auth/me", json={"locale": "fr"}, headers=headers)).status_code == 422
    assert (
        await client.patch("/api/v1/auth/me", json={"role": "bureau_admin"}, headers=headers)
    ).status_code == 422


async def test_an_unknown_grant_type_is_a_clear_400(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "authorization_code", "client_id": "x", "client_secret": "y"},
    )
    assert response.status_code == 400 and "authorization_code" in response.json()["detail"]


async def test_health_checks_the_database(client: AsyncClient) -> None:
    response = await client.get("/api/v1/health")
    assert response.json() == {"status": "ok", "database": "ok"}


async def test_missing_credentials_are_422_not_a_failed_login(client: AsyncClient) -> None:
    response = await client.post("/api/v1/auth/token", json={"username": "bureau", "password": "x"})
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["body", "username"]
