"""The monthly bulletin for October 2026 in the reporting county (see conftest.py)."""

import io
from datetime import UTC, date, datetime, time

from docx import Document
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements.models import Agreement, AgreementEvent
from app.rotations.models import CheckIn
from tests.factories import World

URL = "/api/v1/reports/bulletin"


async def test_october_in_figures(client: AsyncClient, county: World, session: AsyncSession) -> None:
    at = datetime.combine(date(2026, 10, 12), time(0, 30), tzinfo=UTC)
    session.add(
        CheckIn(
            rotation_id=county.rotation.id, teacher_id=county.teacher_a1.id, date=at.date(), checked_in_at=at
        )
    )
    # Approvals: ours on 10 October; a1→a3 at 04:00 on 1 November in Beijing (still 31 October in
    # UTC: it belongs to November); the other county's in October (not ours).
    second = await session.scalar(select(Agreement.id).where(Agreement.receiving_school_id == county.a3.id))
    for agreement_id, at_utc in (
        (county.agreement.id, datetime(2026, 10, 10, 2, tzinfo=UTC)),
        (second, datetime(2026, 10, 31, 20, tzinfo=UTC)),
        (county.foreign_agreement.id, datetime(2026, 10, 1, tzinfo=UTC)),
    ):
        session.add(AgreementEvent(agreement_id=agreement_id, action="approve", at=at_utc))
    await session.flush()
    answer = await client.get(URL, params={"month": "2026-10"}, headers=county.headers["bureau_admin"])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    counts = body["counts"]
    assert (counts["meetings_held"], counts["activities"], counts["activities_by_kind"]["lecture"]) == (
        1,
        1,
        1,
    )
    # The world's teacher (from 1 October) and the completed rotation (to 31 October); not the planned
    # or the withdrawn one.
    assert (counts["teachers_on_rotation"], counts["checkins"]) == (2, 1)
    assert counts["new_agreements"] == 1  # the other county's approval is not ours
    assert (counts["donations"], counts["donations_value_yuan"]) == (1, "2000.00")
    assert [h["kind"] for h in body["highlights"]] == ["lecture"]
    # At the end of October no pair is behind yet: the first half-year is not over, nothing overdue.
    assert body["attention"] == []

    late = await client.get(URL, params={"month": "2026-11"}, headers=county.headers["bureau_admin"])
    assert late.json()["counts"]["new_agreements"] == 1  # a1→a3, approved in the small hours of 1 November
    assert late.json()["counts"]["activities_by_kind"]["demonstration_lesson"] == 1
    # By 20 November (today) the world's follow-up item, due 1 November, is overdue.
    (watch,) = late.json()["attention"]
    assert (watch["agreement_id"], watch["overdue_items"]) == (county.agreement.id, 1)
    # By 20 November (today) the world's follow-up item, due 1 November, is overdue.
    (watch,) = late.json()["attention"]
    assert (watch["agreement_id"], watch["overdue_items"]) == (county.agreement.id, 1)


async def test_downloads_as_word_and_pdf(client: AsyncClient, county: World) -> None:
    headers = county.headers["bureau_admin"]
    word = await client.get(URL, params={"month": "2026-10", "format": "docx"}, headers=headers)
    assert word.status_code == 200 and "wordprocessingml" in word.headers["content-type"]
    text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    assert "结对帮扶工作简报" in text and "2026年10月" in text and "召开结对例会 1 次" in text
    pdf = await client.get(URL, params={"month": "2026-10", "format": "pdf"}, headers=headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    english = await client.get(
        URL, params={"month": "2026-10", "format": "docx"}, headers={**headers, "Accept-Language": "en"}
    )
    assert "1 pairing meetings held" in "\n".join(
        p.text for p in Document(io.BytesIO(english.content)).paragraphs
    )
    assert (await client.get(URL, params={"month": "2026-13"}, headers=headers)).status_code == 422
    assert (
        await client.get(URL, params={"month": "2026-10"}, headers=county.headers["teacher"])
    ).status_code == 403
