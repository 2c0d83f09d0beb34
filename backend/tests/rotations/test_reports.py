"""Rotation-rate compliance, candidates, the schools' roster, the service ledger, the archive and
certificates."""

import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from httpx import AsyncClient
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.core.clock import today
from app.core.enums import BackboneShareBase, ComplianceStatus, RotationStatus, SchoolLocale
from app.programmes.models import Programme
from app.rotations.compliance import assess
from tests.factories import World, make_programme, make_rotation, make_school, make_teacher
from tests.querycount import counting_statements

YEAR = 2026  # school year 2026-09-01 … 2027-08-31; six years' service means joined by 2020-09-01


def _assess(programme: Programme | None = None, **counts: int) -> dict[str, Any]:
    base = {
        "eligible_backbone": 0,
        "rotated_with_planned": counts.get("rotated", 0),
        "backbone_with_planned": 0,
    }
    base.update(counts)
    base.setdefault("backbone_with_planned", base.get("backbone", 0))
    return assess(programme=programme, **base)  # type: ignore[arg-type]


def test_the_ten_and_twenty_percent_rules_at_their_boundaries() -> None:
    # 20 eligible → 2 required; 21 → 3 (rounded up): one teacher short is non-compliant.
    assert _assess(eligible=20, rotated=2, backbone=1)["status"] == ComplianceStatus.compliant
    short = _assess(eligible=21, rotated=2, backbone=1)
    assert (short["required"], short["gap"], short["status"]) == (3, 1, ComplianceStatus.non_compliant)
    # 5 rotated need ⌈0.2 × 5⌉ = 1 backbone teacher; 6 rotated need 2.
    assert _assess(eligible=50, rotated=5, backbone=1)["status"] == ComplianceStatus.compliant
    backbone_short = _assess(eligible=60, rotated=6, backbone=1)
    assert (backbone_short["backbone_required"], backbone_short["backbone_gap"]) == (2, 1)
    assert backbone_short["status"] == ComplianceStatus.non_compliant
    # Met only once the planned rotations are approved: at risk.
    pending = _assess(eligible=21, rotated=2, backbone=1, rotated_with_planned=3, backbone_with_planned=1)
    assert pending["status"] == ComplianceStatus.at_risk
    # Anhui's base: 20 % of the eligible backbone teachers (10 → 2), however many rotated.
    anhui = Programme(
        min_rotation_share=Decimal("0.10"),
        min_backbone_share=Decimal("0.20"),
        backbone_share_base=BackboneShareBase.eligible,
    )
    by_eligible = _assess(anhui, eligible=20, eligible_backbone=10, rotated=2, backbone=1)
    assert (by_eligible["backbone_required"], by_eligible["status"]) == (2, ComplianceStatus.non_compliant)
    assert _assess(eligible=0, rotated=0, backbone=0)["status"] == ComplianceStatus.compliant


async def test_compliance_counts_eligible_and_rotated_teachers_in_sql(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    # a1 supports a2. Eligible: teacher_a1 (2010), 19 joined in 2015, one exactly on the cut-off day;
    # one joined a day later is not eligible.
    for _ in range(19):
        await make_teacher(session, world.a1, hire_date=date(2015, 9, 1))
    boundary = await make_teacher(session, world.a1, hire_date=date(2020, 9, 1))
    late = await make_teacher(session, world.a1, hire_date=date(2020, 9, 2))
    # Rotated: teacher_a1 (active, backbone, world.rotation) and `boundary` approved; `late` planned;
    # a withdrawn rotation and a training visit count for nothing.
    start, end = date(2027, 3, 1), date(2027, 7, 31)
    await make_rotation(
        session, boundary, world.a2, status=RotationStatus.approved, start_date=start, end_date=end
    )
    await make_rotation(
        session, late, world.a2, status=RotationStatus.planned, start_date=start, end_date=end
    )
    spare = await make_teacher(session, world.a1, hire_date=date(2012, 9, 1))
    await make_rotation(
        session, spare, world.a2, status=RotationStatus.withdrawn, start_date=start, end_date=end
    )
    url = "/api/v1/compliance/rotations"
    answer = await client.get(url, params={"school_year": YEAR}, headers=world.headers["bureau_admin"])
    assert answer.status_code == 200, answer.text
    rows = {r["school_id"]: r for r in answer.json()["rows"]}
    row = rows[world.a1.id]
    assert (row["eligible_teachers"], row["rotated"], row["planned"], row["required"], row["gap"]) == (
        22,
        2,
        1,
        3,
        1,
    )
    assert (row["backbone_rotated"], row["backbone_required"], row["status"]) == (1, 1, "at_risk")
    assert answer.json()["eligible_since"] == "2020-09-01"
    assert world.a2.id not in rows  # a receiving school only
    # The school's own admin sees its row; the teacher may not ask.
    own = await client.get(url, params={"school_year": YEAR}, headers=world.headers["school_admin"])
    assert [r["school_id"] for r in own.json()["rows"]] == [world.a1.id]
    assert (
        await client.get(url, params={"school_year": YEAR}, headers=world.headers["teacher"])
    ).status_code == 403
    sheet = await client.get(
        url, params={"school_year": YEAR, "format": "xlsx"}, headers=world.headers["bureau_admin"]
    )
    cells = list(load_workbook(io.BytesIO(sheet.content)).active.values)
    assert cells[0][:3] == ("学校", "应交流教师", "已交流") and cells[1][1] == 22

    candidates = await client.get(
        f"{url}/candidates",
        params={"school_year": YEAR, "school_id": world.a1.id, "limit": 200},
        headers=world.headers["school_admin"],
    )
    names = {t["id"] for t in candidates.json()["items"]}
    assert spare.id in names, "a withdrawn rotation leaves the teacher to plan from"
    assert not names & {world.teacher_a1.id, boundary.id, late.id}
    assert candidates.json()["total"] == 20


async def test_the_rules_are_the_programme_asked_for_else_the_callers_newest(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    # The look-up is built once per caller and reused: each caller must still get its own programme.
    newer = await make_programme(
        session, world.bureau_a, start_date=date(2027, 9, 1), rotation_eligibility_years=3
    )
    await session.commit()
    url = "/api/v1/compliance/rotations"

    async def report(who: str, **params: Any) -> Any:
        return await client.get(url, params={"school_year": YEAR, **params}, headers=world.headers[who])

    for _ in range(2):  # the second time through the statements kept from the first
        ours = (await report("bureau_admin")).json()
        assert (ours["programme_id"], ours["rotation_eligibility_years"]) == (newer.id, 3)
        assert ours["eligible_since"] == "2023-09-01"
        asked = (await report("bureau_admin", programme_id=world.programme_a.id)).json()
        assert (asked["programme_id"], asked["eligible_since"]) == (world.programme_a.id, "2020-09-01")
        theirs = (await report("foreign_bureau_admin")).json()
        assert theirs["programme_id"] == world.programme_b.id
        foreign = await report("bureau_admin", programme_id=world.programme_b.id)
        assert foreign.status_code == 404, foreign.text


async def test_service_ledger_lists_days_missing_and_eligibility(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    rural = await make_school(session, world.county_a, locale=SchoolLocale.rural, is_weak=False)
    weak_town = await make_school(session, world.county_a, locale=SchoolLocale.town, is_weak=True)
    served = await make_teacher(session, world.a1, name="甲满")
    short = await make_teacher(session, world.a1, name="乙缺")
    done = RotationStatus.completed
    # 2025-09-01 … 2026-01-31 = 153 days, twice (rural) → 306; plus 2026-02-01 … 2026-04-30 (89) → 395.
    for first, last in ((date(2023, 9, 1), date(2024, 1, 31)), (date(2025, 9, 1), date(2026, 1, 31))):
        await make_rotation(session, served, rural, status=done, start_date=first, end_date=last)
    await make_rotation(
        session, served, rural, status=done, start_date=date(2026, 2, 1), end_date=date(2026, 4, 30)
    )
    # `short`: 100 days at a weak town school (not rural), and a withdrawn rural year that counts for nothing.
    await make_rotation(
        session, short, weak_town, status=done, start_date=date(2024, 9, 1), end_date=date(2024, 12, 9)
    )
    await make_rotation(
        session,
        short,
        rural,
        status=RotationStatus.withdrawn,
        start_date=date(2025, 2, 1),
        end_date=date(2026, 1, 31),
    )
    url = "/api/v1/reports/service-records"
    headers = world.headers["bureau_admin"]
    body = (await client.get(url, params={"school_id": world.a1.id, "q": "满"}, headers=headers)).json()
    (row,) = body["items"]
    assert (row["rural_service_days"], row["missing_rural_days"], row["eligible_for_title"]) == (395, 0, True)
    assert row["completed_rotations"] == 3
    (row,) = (await client.get(url, params={"q": "乙缺"}, headers=headers)).json()["items"]
    assert (row["rural_service_days"], row["weak_service_days"]) == (0, 100)
    assert (row["missing_rural_days"], row["missing_weak_days"], row["eligible_for_title"]) == (
        365,
        995,
        False,
    )
    lacking = (await client.get(url, params={"eligible": "false", "limit": 200}, headers=headers)).json()
    assert served.id not in {r["teacher_id"] for r in lacking["items"]}
    assert short.id in {r["teacher_id"] for r in lacking["items"]}
    sheet = await client.get(url, params={"eligible": "false", "format": "xlsx"}, headers=headers)
    cells = list(load_workbook(io.BytesIO(sheet.content)).active.values)
    assert "农村学校尚缺天数" in cells[0] and len(cells) == lacking["total"] + 1
    # A school admin's ledger is their own teachers only; another county sees none of them.
    own = (await client.get(url, params={"limit": 200}, headers=world.headers["school_admin"])).json()
    assert {r["school_id"] for r in own["items"]} == {world.a1.id}
    foreign = (
        await client.get(url, params={"q": "乙缺"}, headers=world.headers["foreign_bureau_admin"])
    ).json()
    assert foreign["items"] == []


async def test_archive_certificate_and_roster(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    headers = world.headers["bureau_admin"]
    past = await make_rotation(
        session,
        world.teacher_a1,
        world.a2,
        status=RotationStatus.completed,
        start_date=date(2024, 9, 1),
        end_date=date(2025, 1, 31),
    )
    archive = await client.get(
        "/api/v1/rotations/archive", params={"teacher_id": world.teacher_a1.id}, headers=headers
    )
    assert archive.status_code == 200, archive.text
    row = next(r for r in archive.json()["items"] if r["rotation_id"] == past.id)
    assert (row["type"], row["personnel_moved"], row["start_month"], row["end_month"]) == (
        "支教",
        "否",
        "2024-09",
        "2025-01",
    )
    assert (row["original_unit"], row["rotation_unit"]) == (world.a1.name, world.a2.name)
    sheet = await client.get("/api/v1/rotations/archive", params={"format": "xlsx"}, headers=headers)
    heading = next(load_workbook(io.BytesIO(sheet.content)).active.values)
    assert heading[2:] == ("交流类型", "是否调动人事关系", "起始年月", "终止年月", "原单位", "交流单位")

    pdf = await client.get(f"/api/v1/rotations/{past.id}/certificate.pdf", headers=world.headers["teacher"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    running = await client.get(f"/api/v1/rotations/{world.rotation.id}/certificate.pdf", headers=headers)
    assert running.status_code == 409

    roster = await client.get(
        "/api/v1/rotations/roster", params={"school_id": world.a2.id, "status": "active"}, headers=headers
    )
    (entry,) = [r for r in roster.json()["items"] if r["id"] == world.rotation.id]
    # The world's rotation: yesterday's check-in, one log entry (yesterday), one pending leave.
    yesterday_was_school = (today() - timedelta(days=1)).weekday() < 5
    assert entry["present_days"] == (1 if yesterday_was_school else 0)
    assert (entry["log_count"], entry["pending_leaves"]) == (1, 1)
    present, absent = entry["present_days"], entry["absent_days"]
    assert absent >= 1 and entry["attendance_rate"] == round(present / (present + absent), 4)


async def test_roster_runs_the_same_number_of_queries_for_one_or_many_rotations(
    client: AsyncClient, world: World, session: AsyncSession, connection: AsyncConnection
) -> None:
    async def queries_for_page() -> int:
        async with counting_statements(connection) as statements:
            answer = await client.get(
                "/api/v1/rotations/roster",
                params={"school_id": world.a2.id},
                headers=world.headers["bureau_admin"],
            )
        assert answer.status_code == 200
        return len(statements)

    one = await queries_for_page()
    assert one > 0
    for n in range(6):
        teacher = await make_teacher(session, world.a1)
        await make_rotation(session, teacher, world.a2, checkin=True, start_date=date(2026, 9, 1 + n))
    assert await queries_for_page() == one
