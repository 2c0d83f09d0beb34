"""Logs: a line per request with its id, JSON when asked, security headers, and never a secret."""

import json
import logging

import pytest
from httpx import AsyncClient

from app.core.logs import ContextFilter, JsonFormatter, redact, request_id
from tests.factories import CLIENT_SECRET, PASSWORD, World

NEW_PASSWORD = "brand-new-Passw0rd"


async def test_no_password_token_or_secret_reaches_the_logs(
    client: AsyncClient, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    user = world.users["school_admin"]
    signed_in = await client.post(
        "/api/v1/auth/token", data={"username": user.username, "password": PASSWORD}
    )
    assert signed_in.status_code == 200
    tokens = signed_in.json()
    wrong = await client.post(
        "/api/v1/auth/token", data={"username": user.username, "password": "wrong-" + PASSWORD}
    )
    assert wrong.status_code == 401
    refreshed = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 200
    bearer = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
    changed = await client.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=bearer,
    )
    assert changed.status_code == 200
    machine = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": world.client.client_id,
            "client_secret": CLIENT_SECRET,
        },
    )
    assert machine.status_code == 200
    created = await client.post(
        "/api/v1/users",
        json={
            "username": "logged-user",
            "display_name": "日志",
            "role": "bureau_viewer",
            "password": NEW_PASSWORD + "2",
        },
        headers=world.headers["bureau_admin"],
    )
    assert created.status_code == 201
    bad = await client.get("/api/v1/auth/me", headers={"Authorization": "Bearer not-a-real-token-at-all"})
    assert bad.status_code == 401
    text = caplog.text
    assert "POST /api/v1/auth/token 200" in text  # the access lines are there …
    secrets = [PASSWORD, NEW_PASSWORD, CLIENT_SECRET, tokens["access_token"], tokens["refresh_token"]]
    secrets += [refreshed.json()["access_token"], machine.json()["access_token"], "not-a-real-token-at-all"]
    leaked = [s[:12] for s in secrets if s in text]
    assert leaked == []  # … and nothing secret in any of them


async def test_every_answer_has_a_request_id_and_its_log_line_too(
    client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.access")
    given = await client.get("/api/v1/health", headers={"X-Request-ID": "proxy-id-12345"})
    assert given.headers["x-request-id"] == "proxy-id-12345"
    made = await client.get("/api/v1/health", headers={"X-Request-ID": "<script>"})
    assert len(made.headers["x-request-id"]) == 32 and made.headers["x-request-id"] != "<script>"
    lines = [r for r in caplog.records if r.name == "app.access" and r.path == "/api/v1/health"]
    assert [(r.method, r.status) for r in lines] == [("GET", 200), ("GET", 200)]
    assert all(r.duration_ms >= 0 for r in lines)


def test_json_lines_carry_the_request_id_and_the_fields() -> None:
    token = request_id.set("abc123def456")
    try:
        record = logging.LogRecord("app.access", logging.INFO, __file__, 1, "%s %s", ("GET", "/x"), None)
        record.status = 200
        ContextFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id.reset(token)
    assert line["request_id"] == "abc123def456" and line["message"] == "GET /x" and line["status"] == 200
    assert line["level"] == "INFO" and line["logger"] == "app.access" and line["time"].endswith("+00:00")


def test_anything_shaped_like_a_secret_is_masked() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnop"
    assert redact(f"token {jwt} used") == "token [token] used"
    assert redact("Authorization: Bearer abcdefgh12345678") == "Authorization: Bearer [token]"
    assert redact('{"password": "hunter22", "name": "x"}') == '{"password": "[redacted]", "name": "x"}'
    assert redact("client_secret=s3cr3t-value&scope=a") == "client_secret=[redacted]&scope=a"


async def test_security_headers_and_a_content_security_policy(client: AsyncClient) -> None:
    answer = await client.get("/api/v1/health")
    policy = answer.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-eval" not in policy
    )
    assert (
        answer.headers["x-frame-options"] == "DENY" and answer.headers["x-content-type-options"] == "nosniff"
    )
    assert "strict-transport-security" not in answer.headers  # plain HTTP: no HSTS
    secure = await client.get("https://test/api/v1/health")
    assert secure.headers["strict-transport-security"].startswith("max-age=31536000")
    docs = await client.get("/docs")
    assert "content-security-policy" not in docs.headers  # Swagger UI's inline script and CDN
