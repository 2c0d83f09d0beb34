"""No list runs more queries for a bigger page (N+1): every paginated GET route, at page sizes 10 and 100,
on a generated county (100 schools, 500 teachers, 300 meetings, 200 rotations, …)."""

from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.main import create_app
from app.meetings.models import Meeting
from app.regions.models import Region
from app.scale import seed_scale
from app.users.models import User
from tests.factories import headers_for
from tests.querycount import counting_statements

SEED = 11
REQUIRED = {"school_year": "2026"}


def paginated_routes() -> list[str]:
    """Every GET route answering a Page, from the application's own OpenAPI document."""
    routes = []
    for path, ops in create_app().openapi()["paths"].items():
        get = ops.get("get")
        schema = (
            (get or {}).get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
        )
        if "Page_" in schema.get("schema", {}).get("$ref", ""):
            routes.append(path)
    return sorted(routes)


ROUTES = paginated_routes()


@pytest.fixture
async def county(connection: AsyncConnection, session: AsyncSession) -> dict[str, Any]:
    await seed_scale(connection, size="county", seed=SEED, progress=False)
    marker = f"sc{SEED:03d}"
    users = {
        u.username: u for u in await session.scalars(select(User).where(User.username.like(f"{marker}%")))
    }
    county = await session.scalar(select(Region).where(Region.code == f"SC{SEED:03d}X000"))
    assert county is not None
    # The agreement with the most meetings: its own lists (meetings, activities) are long too.
    busiest = await session.scalar(
        select(Meeting.agreement_id).group_by(Meeting.agreement_id).order_by(func.count().desc()).limit(1)
    )
    return {"bureau": headers_for(users[f"{marker}-x000-admin"], county), "agreement_id": busiest}


@pytest.mark.parametrize("path", ROUTES)
async def test_a_bigger_page_runs_no_more_queries(
    client: AsyncClient, connection: AsyncConnection, county: dict[str, Any], path: str
) -> None:
    url = path.replace("/{agreement_id}/", f"/{county['agreement_id']}/")
    if "{" in url:
        pytest.skip(f"{path}: no generated object to list under")  # e.g. webhooks: none in the data set
    counts = {}
    for limit in (10, 100):
        async with counting_statements(connection) as statements:
            response = await client.get(url, params={"limit": limit, **REQUIRED}, headers=county["bureau"])
        assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:200]}"
        counts[limit] = (len(statements), len(response.json()["items"]))
    assert counts[10][0] == counts[100][0], f"{url}: {counts} (queries, items) — a query per row?"


async def test_the_generated_county_makes_the_long_lists_long(
    client: AsyncClient, county: dict[str, Any]
) -> None:
    """Otherwise the comparison above would compare two pages of the same few rows."""
    for url in (
        "/api/v1/teachers",
        "/api/v1/schools",
        "/api/v1/meetings",
        "/api/v1/rotations",
        "/api/v1/activities",
    ):
        page = (await client.get(url, params={"limit": 100}, headers=county["bureau"])).json()
        assert len(page["items"]) == 100, url
