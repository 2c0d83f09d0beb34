"""The county-wide activity and donation lists: exactly the rows behind the dashboard's figures."""

import io
from decimal import Decimal

from httpx import AsyncClient
from openpyxl import load_workbook

from tests.factories import World


async def _items(
    client: AsyncClient, county: World, url: str, role: str = "bureau_admin", **params: object
) -> list:
    answer = await client.get(url, params=params, headers=county.headers[role])
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def test_the_dashboard_figures_click_through_to_their_rows(client: AsyncClient, county: World) -> None:
    summary = (
        await client.get(
            "/api/v1/dashboard/summary", params={"school_year": 2026}, headers=county.headers["bureau_admin"]
        )
    ).json()
    window = {"from": summary["activities_from"], "to": summary["activities_to"]}
    for kind, count in summary["activities_by_kind"].items():
        rows = await _items(client, county, "/api/v1/activities", kind=kind, **window)
        assert len(rows) == count, kind
        assert all(r["kind"] == kind and window["from"] <= r["date"] <= window["to"] for r in rows)
    # The world's lecture and the November demonstration lesson; June's lecture was last school year.
    this_year = await _items(
        client, county, "/api/v1/activities", **{"from": "2026-09-01", "to": "2027-08-31"}
    )
    assert [r["date"] for r in this_year] == ["2026-11-05", "2026-10-09"]
    assert this_year[1]["agreement_title"] == county.agreement.title
    donations = await _items(
        client, county, "/api/v1/donations", **{"from": "2026-09-01", "to": "2027-08-31"}
    )
    assert sum(Decimal(d["value_yuan"]) for d in donations) == Decimal(summary["donations_value_yuan"])
    assert {d["agreement_title"] for d in donations} >= {county.agreement.title}


async def test_filters_and_scope(client: AsyncClient, county: World) -> None:
    # a3 is party only to a1→a3, whose activities are the November lesson and June's lecture.
    of_a3 = await _items(client, county, "/api/v1/activities", school_id=county.a3.id)
    assert [r["date"] for r in of_a3] == ["2026-11-05", "2026-06-05"]
    ours = await _items(client, county, "/api/v1/activities", agreement_id=county.agreement.id)
    assert [r["id"] for r in ours] == [county.ledger.activity.id]
    assert await _items(client, county, "/api/v1/activities", programme_id=county.programme_b.id) == []
    # A school sees its own pairs' ledgers; another county's bureau and a stranger school see none of ours.
    mine = await _items(client, county, "/api/v1/activities", "outsider_school_admin")  # a3's admin
    assert {r["agreement_id"] for r in mine} == {of_a3[0]["agreement_id"]}
    foreign = await _items(client, county, "/api/v1/donations", "foreign_bureau_admin")
    assert [d["id"] for d in foreign] == [county.foreign_ledger.donation.id]
    # The teacher reads the agreement they are rotated under, and so its ledger only.
    taught = await _items(client, county, "/api/v1/activities", "teacher")
    assert {r["agreement_id"] for r in taught} == {county.agreement.id}
    bad = await client.get(
        "/api/v1/activities", params={"kind": "party"}, headers=county.headers["bureau_admin"]
    )
    assert bad.status_code == 422


async def test_ledgers_export_to_excel(client: AsyncClient, county: World) -> None:
    answer = await client.get(
        "/api/v1/donations",
        params={"format": "xlsx", "from": "2026-09-01"},
        headers=county.headers["bureau_viewer"],
    )
    assert answer.status_code == 200
    rows = list(load_workbook(io.BytesIO(answer.content)).active.iter_rows(values_only=True))
    headings = rows[0]
    assert "价值（元）" in headings and "协议" in headings
    values = sorted(Decimal(str(r[headings.index("价值（元）")])) for r in rows[1:])
    assert values == [Decimal("1358.50"), Decimal("2000.00")]


async def test_receiving_schools_behind_the_coverage_card(client: AsyncClient, county: World) -> None:
    summary = (
        await client.get(
            "/api/v1/dashboard/summary", params={"school_year": 2026}, headers=county.headers["bureau_admin"]
        )
    ).json()
    assisted = await _items(client, county, "/api/v1/schools", assisted="true", limit=200)
    covered = await _items(client, county, "/api/v1/schools", covered="true", limit=200)
    assert len(assisted) == summary["receiving_schools_total"]
    assert len(covered) == summary["receiving_schools_covered"]
    # Still waiting for a partner: a5 (only in a draft) and a6 (never paired), both weak.
    waiting = await _items(client, county, "/api/v1/schools", assisted="true", covered="false")
    assert len(waiting) == summary["receiving_schools_total"] - summary["receiving_schools_covered"] == 2
    assert {county.a2.id, county.a3.id} <= {s["id"] for s in covered}
    # Of another programme, nobody is covered.
    other = await _items(
        client, county, "/api/v1/schools", covered="true", programme_id=county.programme_b.id
    )
    assert other == []
