"""Far into a list the page's ids are found first (listing._page): the same rows, in the same order,
as a plain OFFSET, whatever the sort and the filters."""

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import listing
from tests.factories import World, make_rotation, make_teacher


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/teachers?limit=3",
        "/api/v1/teachers?limit=4&sort=-name",
        "/api/v1/rotations?limit=2&sort=end_date",
        "/api/v1/rotations?limit=2&status=active",
    ],
)
async def test_deep_pages_are_the_rows_offset_gives(
    client: AsyncClient, world: World, session: AsyncSession, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    for n in range(6):
        teacher = await make_teacher(session, world.a1, name=f"深页教师{n % 3}")
        await make_rotation(session, teacher, world.a2)
    headers = world.headers["bureau_admin"]

    async def pages() -> list[list[int]]:
        found = []
        for offset in range(0, 14, 2):
            answer = await client.get(f"{path}&offset={offset}", headers=headers)
            assert answer.status_code == 200, answer.text
            found.append([item["id"] for item in answer.json()["items"]])
        return found

    monkeypatch.setattr(listing, "DEEP_OFFSET", 10**9)
    plain = await pages()
    monkeypatch.setattr(listing, "DEEP_OFFSET", 1)
    assert await pages() == plain
    assert sum(map(len, plain)) >= 7  # the pages reach past the first ones
