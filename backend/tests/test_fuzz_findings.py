"""What the Schemathesis fuzz run (tests/fuzz/) found, each kept fixed by a plain test on both databases."""

from typing import Any

import pytest
from httpx import AsyncClient

from app.core.errors import PROBLEM_JSON
from app.main import create_app
from tests.factories import World

PROBLEM = {"$ref": "#/components/schemas/Problem"}
HUGE = 2**63  # beyond SQLite's 64-bit integers (and PostgreSQL's INTEGER ids from 2**31)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return create_app().openapi()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m.upper(), p, op) for p, item in document["paths"].items() for m, op in item.items()]


def _is_problem(response: Any) -> bool:
    assert response.headers["content-type"] == PROBLEM_JSON
    body = response.json()
    return {"type", "title", "status", "detail"} <= body.keys() and body["status"] == response.status_code


def test_every_error_is_documented_as_the_problem_json_it_is(document: dict[str, Any]) -> None:
    """Errors are answered as application/problem+json; FastAPI documented them as application/json
    (and its own 422 shape, HTTPValidationError), so no error answer matched its documentation."""
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for method, path, operation in _operations(document):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")) and not (path == "/api/v1/health" and status == "503"):
                assert response["content"] == {PROBLEM_JSON: {"schema": PROBLEM}}, (method, path, status)


def test_malformed_requests_are_documented_400(document: dict[str, Any]) -> None:
    """A body that is no JSON at all (not UTF-8, a broken multipart) or an If-Match that is no version
    is answered 400, which no operation documented."""
    for method, path, operation in _operations(document):
        if_match = any(p["name"] == "If-Match" for p in operation.get("parameters", []))
        if "requestBody" in operation or if_match:
            assert "400" in operation["responses"], (method, path)


async def test_malformed_if_match_and_undecodable_body_answer_400(client: AsyncClient, world: World) -> None:
    headers = world.headers["bureau_admin"]
    url = f"/api/v1/schools/{world.a1.id}"
    bad_version = await client.patch(url, json={"name": "新名"}, headers={**headers, "If-Match": "abc"})
    assert bad_version.status_code == 400 and _is_problem(bad_version)
    not_utf8 = await client.patch(
        url, content=b"\xc4\xff l\xe9", headers={**headers, "Content-Type": "application/json"}
    )
    assert not_utf8.status_code == 400 and _is_problem(not_utf8)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/schools/{HUGE}",  # a path id
        f"/api/v1/audit-events?actor_id={HUGE}",  # a query filter
        f"/api/v1/planning/supply?school_year=2026&offset={HUGE}",  # pagination
        "/api/v1/schools/2147483648",  # 404 on SQLite, out of PostgreSQL's INTEGER range
    ],
)
async def test_integers_the_database_cannot_hold_are_invalid_input(
    client: AsyncClient, world: World, url: str
) -> None:
    """They reached the database and failed there: 500 (SQLite's driver cannot bind beyond 64 bits,
    PostgreSQL refuses values beyond its column's type)."""
    answer = await client.get(url, headers=world.headers["bureau_admin"])
    assert answer.status_code in (404, 422) and _is_problem(answer)
    if "2147483648" not in url:
        assert answer.status_code == 422


async def test_a_huge_id_in_a_body_is_invalid_input(client: AsyncClient, world: World) -> None:
    body = {"title": "x", "programme_id": HUGE, "supporting_school_id": world.a1.id,
            "receiving_school_id": world.a2.id, "areas": ["teaching"]}  # fmt: skip
    answer = await client.post("/api/v1/agreements", json=body, headers=world.headers["bureau_admin"])
    assert answer.status_code == 422 and _is_problem(answer)


async def test_a_nul_character_is_stored_or_refused_never_a_server_error(
    client: AsyncClient, world: World
) -> None:
    """PostgreSQL cannot store NUL in text (SQLite can): invalid input there, not a 500."""
    answer = await client.patch(
        f"/api/v1/schools/{world.a1.id}", json={"name": "学\x00校"}, headers=world.headers["bureau_admin"]
    )
    assert answer.status_code in (200, 422)
    if answer.status_code == 422:
        assert _is_problem(answer)


@pytest.mark.parametrize("month", ["0000-01", "9999-12", "1999-12"])
async def test_months_outside_the_calendar_are_invalid(client: AsyncClient, world: World, month: str) -> None:
    """Year 0 (or one after 9999) made the month's dates fail: 500."""
    headers = world.headers["bureau_admin"]
    bulletin = await client.get(f"/api/v1/reports/bulletin?month={month}", headers=headers)
    assert bulletin.status_code == 422 and bulletin.json()["errors"][0]["loc"] == ["query", "month"]
    attendance = await client.get(
        f"/api/v1/rotations/{world.rotation.id}/attendance?month={month}", headers=headers
    )
    assert attendance.status_code == 422 and attendance.json()["errors"][0]["loc"] == ["query", "month"]


async def test_dashboard_of_an_unknown_programme_is_a_documented_404(
    client: AsyncClient, world: World, document: dict[str, Any]
) -> None:
    path = "/api/v1/dashboard/summary"
    answer = await client.get(
        f"{path}?school_year=2026&programme_id=0", headers=world.headers["bureau_admin"]
    )
    assert answer.status_code == 404 and _is_problem(answer)
    assert "404" in document["paths"][path]["get"]["responses"]


async def test_an_account_keeps_the_links_its_role_gives_it(client: AsyncClient, world: World) -> None:
    """A PATCH naming another organization or school kept it when the resolved links were unchanged:
    a teacher's account moved to the other county's bureau or to a school not the teacher's, a bureau
    account tied to a school (and an organization that does not exist failed in the database: 409)."""
    headers = world.headers["bureau_admin"]
    teacher = f"/api/v1/users/{world.users['teacher'].id}"
    for change in (
        {"organization_id": world.bureau_b.id},
        {"school_id": world.a2.id},
        {"organization_id": -2},
    ):
        answer = await client.patch(teacher, json=change, headers=headers)
        assert answer.status_code == 200, answer.text
        assert (answer.json()["organization_id"], answer.json()["school_id"]) == (
            world.bureau_a.id,
            world.a1.id,
        )
    viewer = f"/api/v1/users/{world.users['bureau_viewer'].id}"
    answer = await client.patch(viewer, json={"school_id": world.b1.id}, headers=headers)
    assert answer.status_code == 200 and answer.json()["school_id"] is None


async def test_values_longer_than_their_columns_are_refused_or_fit(client: AsyncClient, world: World) -> None:
    """PostgreSQL refused what the schemas let through (SQLite stores any length): 500."""
    headers = world.headers["bureau_admin"]
    named = await client.post(
        "/api/v1/integrations/clients", json={"name": "名" * 100, "scopes": ["schools:read"]}, headers=headers
    )
    assert named.status_code == 201, named.text  # its service account's display name is cut to fit
    long_url = "https://hooks.example.org/" + "a" * 480
    hook = await client.post(
        "/api/v1/integrations/webhooks", json={"url": long_url, "events": ["meeting.held"]}, headers=headers
    )
    assert hook.status_code == 422 and hook.json()["errors"][0]["loc"] == ["body", "url"]
    email = "a" * 110 + "@example.org"
    me = await client.patch("/api/v1/auth/me", json={"email": email}, headers=headers)
    assert me.status_code == 422 and me.json()["errors"][0]["loc"][:2] == ["body", "email"]
