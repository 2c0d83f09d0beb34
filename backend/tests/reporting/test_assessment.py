"""The annual assessment in the reporting county on 2026-11-20 (see conftest.py), school year 2026.

The three pairs in force, with the standard form (organisation 10 manual, meetings 15, rotations 25
for 2 teachers, activities 20 for 6, goals 15, records 15 manual):
- a1→a2 (the world's): 1 of 2 meetings held → 7.50; 1 rotation → 12.50; 1 activity → 3.33; its one
  goal due is in progress → 0: 23.33 automatic points;
- a1→a3: no meeting → 0; the completed rotation (the planned and withdrawn ones count for nothing)
  → 12.50; the November activity (June's was last year) → 3.33; no goal due → 0: 15.83;
- a2→a4: nothing → 0. The draft a1→a5 is not assessed.
"""

import io
from datetime import date
from decimal import Decimal
from typing import Any

from httpx import AsyncClient
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.activities.models import Activity
from app.agreements.models import Agreement
from app.assessments.models import AssessmentScore, AssessmentSheet
from app.assessments.scoring import PairFigures, auto_score, competition_ranks
from app.core.enums import ActivityKind, AssessmentSource
from tests.factories import World, make_agreement, make_school
from tests.querycount import counting_statements

BASE = "/api/v1/assessments"


async def _pairs(session: AsyncSession, county: World) -> tuple[int, int, int]:
    second = await session.scalar(select(Agreement.id).where(Agreement.receiving_school_id == county.a3.id))
    third = await session.scalar(select(Agreement.id).where(Agreement.supporting_school_id == county.a2.id))
    assert second and third
    return county.agreement.id, second, third


def _manual(county: World) -> tuple[int, int]:
    items = county.assessment.items
    return items[0].id, items[5].id


async def _score(
    client: AsyncClient, county: World, agreement_id: int, organisation: str, records: str, **extra: Any
) -> Any:
    first, last = _manual(county)
    return await client.put(
        f"{BASE}/{county.assessment.id}/sheets/{agreement_id}",
        json={
            "scores": [
                {"item_id": first, "points": organisation, "comment": "计划完整"},
                {"item_id": last, "points": records},
            ],
            **extra,
        },
        headers=county.headers["bureau_admin"],
    )


def test_auto_score_rules() -> None:
    figures = PairFigures(meetings_held=3, meetings_required=2, rotations=1, activities=0, goals_due=0)
    assert auto_score(AssessmentSource.meetings, Decimal(15), None, figures) == (Decimal(15), "3/2")
    assert auto_score(AssessmentSource.rotations, Decimal(25), 3, figures) == (Decimal("8.33"), "1/3")
    assert auto_score(AssessmentSource.activities, Decimal(20), 6, figures) == (Decimal(0), "0/6")
    # Nothing required of the pair: full points; no goal set for the year: nothing achieved.
    assert auto_score(AssessmentSource.meetings, Decimal(15), None, PairFigures())[0] == Decimal(15)
    assert auto_score(AssessmentSource.goals, Decimal(15), None, figures) == (Decimal(0), "0/0")
    assert auto_score(AssessmentSource.goals, Decimal(15), 2, PairFigures(goals_achieved=1)) == (
        Decimal("7.50"),
        "1/2",
    )
    assert competition_ranks([Decimal(5), Decimal(9), Decimal(5), Decimal(1)]) == [2, 1, 2, 4]


async def test_automatic_items_from_the_years_data(
    client: AsyncClient, county: World, session: AsyncSession
) -> None:
    ours, second, third = await _pairs(session, county)
    answer = await client.get(
        f"{BASE}/{county.assessment.id}/results", headers=county.headers["bureau_admin"]
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    rows = {r["agreement_id"]: r for r in body["rows"]}
    assert set(rows) == {ours, second, third}
    points = {aid: [i["points"] for i in r["items"]] for aid, r in rows.items()}
    assert points[ours] == [None, "7.50", "12.50", "3.33", "0.00", None]
    assert points[second] == [None, "0.00", "12.50", "3.33", "0.00", None]
    assert points[third] == [None, "0.00", "0.00", "0.00", "0.00", None]
    assert [i["detail"] for i in rows[ours]["items"]] == ["", "1/2", "1/2", "1/6", "0/1", ""]
    assert [rows[a]["total"] for a in (ours, second, third)] == ["23.33", "15.83", "0.00"]
    assert [r["agreement_id"] for r in body["rows"]] == [ours, second, third]
    assert [r["rank"] for r in body["rows"]] == [1, 2, 3]
    assert not any(r["complete"] for r in body["rows"]) and all(r["below_threshold"] for r in body["rows"])
    assert body["summary"] == {"pairs": 3, "complete": 0, "below_threshold": 3, "average": "13.05",
                               "highest": "23.33", "lowest": "0.00"}  # fmt: skip
    assert body["assessment"]["max_total"] == "100.00"
    assert body["assessment"]["allowed_actions"] == ["edit", "score", "publish"]
    # A draft follows the data: a new activity for a1→a3 counts at once.
    session.add(Activity(agreement_id=second, kind=ActivityKind.seminar, date=date(2026, 11, 18),
                         organizer_school_id=county.a1.id))  # fmt: skip
    await session.flush()
    again = await client.get(
        f"{BASE}/{county.assessment.id}/sheets/{second}", headers=county.headers["bureau_admin"]
    )
    assert again.json()["items"][3] == {"item_id": county.assessment.items[3].id, "points": "6.67",
                                        "auto": True, "detail": "2/6", "comment": ""}  # fmt: skip
    assert again.headers["etag"].startswith('"0.')


async def test_inspectors_score_rank_and_publish(
    client: AsyncClient, county: World, session: AsyncSession
) -> None:
    ours, second, third = await _pairs(session, county)
    admin = county.headers["bureau_admin"]
    scored = await _score(client, county, ours, "10", "15", remarks="资料齐全")
    assert scored.status_code == 200, scored.text
    assert scored.json()["total"] == "48.33" and scored.json()["complete"] is True
    assert scored.json()["items"][0]["comment"] == "计划完整" and scored.headers["etag"].startswith('"1.')
    # Refused while two pairs are unscored, and nothing changes.
    version = (await client.get(f"{BASE}/{county.assessment.id}", headers=admin)).json()["version"]
    refused = await client.post(
        f"{BASE}/{county.assessment.id}/publish", headers={**admin, "If-Match": f'"{version}"'}
    )
    assert refused.status_code == 409 and "2" in refused.json()["detail"]
    assert (await client.get(f"{BASE}/{county.assessment.id}", headers=admin)).json()["status"] == "draft"
    assert (await _score(client, county, second, "9", "14.5")).json()["total"] == "39.33"
    assert (await _score(client, county, third, "10", "15")).json()["total"] == "25.00"
    # The pass mark moved to 40 names a1→a3 and a2→a4.
    lowered = await client.patch(
        f"{BASE}/{county.assessment.id}",
        json={"pass_threshold": "40"},
        headers={**admin, "If-Match": f'"{version}"'},
    )
    assert lowered.status_code == 200, lowered.text
    published = await client.post(
        f"{BASE}/{county.assessment.id}/publish",
        headers={**admin, "If-Match": f'"{lowered.json()["version"]}"'},
    )
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published" and published.json()["allowed_actions"] == []
    # Locked: no more scores or form changes; later data no longer moves the result.
    assert (await _score(client, county, ours, "1", "1")).status_code == 409
    changed = await client.patch(f"{BASE}/{county.assessment.id}", json={"title": "改"}, headers=admin)
    assert changed.status_code == 409
    session.add(Activity(agreement_id=third, kind=ActivityKind.seminar, date=date(2026, 11, 18),
                         organizer_school_id=county.a2.id))  # fmt: skip
    await session.flush()
    result = (await client.get(f"{BASE}/{county.assessment.id}/results", headers=admin)).json()
    assert [(r["agreement_id"], r["total"], r["rank"], r["below_threshold"]) for r in result["rows"]] == [
        (ours, "48.33", 1, False),
        (second, "39.33", 2, True),
        (third, "25.00", 3, True),
    ]
    assert result["rows"][0]["items"][1]["detail"] == "1/2" and result["summary"]["below_threshold"] == 2
    stored = await session.scalar(
        select(func.count()).select_from(AssessmentScore).join(AssessmentSheet)
        .where(AssessmentSheet.assessment_id == county.assessment.id)
    )  # fmt: skip
    assert stored == 3 * 6  # every item of every pair, the automatic ones frozen at publication


async def test_schools_see_their_pairs_once_published(
    client: AsyncClient, county: World, session: AsyncSession
) -> None:
    ours, second, third = await _pairs(session, county)
    url = f"{BASE}/{county.assessment.id}/results"
    assert (await client.get(url, headers=county.headers["school_admin"])).status_code == 404
    listed = await client.get(BASE, headers=county.headers["school_admin"])
    assert listed.json()["total"] == 0
    for pair in (ours, second, third):
        await _score(client, county, pair, "5", "5")
    published = await client.post(
        f"{BASE}/{county.assessment.id}/publish", headers=county.headers["bureau_admin"]
    )
    assert published.status_code == 200, published.text
    # The schools' admins are told (a4 has no account): a1's, a2's and a3's.
    inbox = (await client.get("/api/v1/notifications", headers=county.headers["school_admin"])).json()
    notice = next(n for n in inbox["items"] if n["kind"] == "assessment_published")
    assert notice["assessment_id"] == county.assessment.id and "3 对" in notice["message"]
    for role in ("other_school_admin", "outsider_school_admin"):
        kinds = [
            n["kind"]
            for n in (await client.get("/api/v1/notifications", headers=county.headers[role])).json()["items"]
        ]
        assert "assessment_published" in kinds
    foreign = (
        await client.get("/api/v1/notifications", headers=county.headers["foreign_school_admin"])
    ).json()
    assert "assessment_published" not in [n["kind"] for n in foreign["items"]]
    # a1 supports a2 and a3; a2 is helped by a1 and helps a4: each sees its own pairs, ranked among all.
    mine = (await client.get(url, headers=county.headers["school_admin"])).json()
    assert [r["agreement_id"] for r in mine["rows"]] == [ours, second]
    assert [r["rank"] for r in mine["rows"]] == [1, 2]
    theirs = (await client.get(url, headers=county.headers["other_school_admin"])).json()
    assert {r["agreement_id"] for r in theirs["rows"]} == {ours, third}
    helped = (await client.get(url, headers=county.headers["outsider_school_admin"])).json()  # a3's admin
    assert [r["agreement_id"] for r in helped["rows"]] == [second] and helped["summary"]["pairs"] == 1
    sheet = await client.get(
        f"{BASE}/{county.assessment.id}/sheets/{third}", headers=county.headers["school_admin"]
    )
    assert sheet.status_code == 404
    foreign = await client.get(url, headers=county.headers["foreign_bureau_admin"])
    assert foreign.status_code == 404


async def test_bad_scores_change_nothing(client: AsyncClient, county: World, session: AsyncSession) -> None:
    ours, _, _ = await _pairs(session, county)
    sheet = f"{BASE}/{county.assessment.id}/sheets/{ours}"
    admin = county.headers["bureau_admin"]
    first, _ = _manual(county)
    meetings = county.assessment.items[1].id
    for body, status, loc in (
        ({"scores": [{"item_id": first, "points": "10.5"}]}, 422, ["body", "scores"]),  # above the item's 10
        ({"scores": [{"item_id": meetings, "points": "3"}]}, 422, ["body", "scores"]),  # automatic item
        (
            {"scores": [{"item_id": first, "points": "1"}, {"item_id": first, "points": "2"}]},
            422,
            ["body", "scores"],
        ),
        ({"scores": [{"item_id": first, "points": "-1"}]}, 422, None),
    ):
        answer = await client.put(sheet, json=body, headers={**admin, "Accept-Language": "zh-CN"})
        assert answer.status_code == status, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        if loc:
            assert answer.json()["errors"][0]["loc"] == loc
    assert "最高 10" in (await client.put(sheet, json={"scores": [{"item_id": first, "points": "11"}]},
                                         headers=admin)).json()["errors"][0]["msg"]  # fmt: skip
    assert await session.scalar(select(func.count()).select_from(AssessmentSheet)) == 0
    # Lost updates: a second inspector working from version 0 after the first saved is refused.
    assert (await client.put(sheet, json={"scores": [{"item_id": first, "points": "8"}]},
                             headers={**admin, "If-Match": '"0"'})).status_code == 200  # fmt: skip
    stale = await client.put(sheet, json={"scores": [{"item_id": first, "points": "2"}]},
                             headers={**admin, "If-Match": '"0"'})  # fmt: skip
    assert stale.status_code == 412
    assert (await client.get(sheet, headers=admin)).json()["items"][0]["points"] == "8.00"
    # A pair the assessment does not cover (the draft agreement a1→a5) has no sheet.
    draft = await session.scalar(select(Agreement.id).where(Agreement.status == "draft"))
    assert (await client.put(f"{BASE}/{county.assessment.id}/sheets/{draft}", json={"scores": []},
                             headers=admin)).status_code == 404  # fmt: skip
    duplicate = await client.post(
        BASE, json={"programme_id": county.programme_a.id, "school_year": 2026}, headers=admin
    )
    assert duplicate.status_code == 409
    untargeted = await client.post(
        BASE,
        json={"programme_id": county.programme_a.id, "school_year": 2027,
              "items": [{"title": "交流", "max_points": "50", "source": "rotations"}]},
        headers=admin,
    )  # fmt: skip
    assert untargeted.status_code == 422


async def test_editing_the_form(client: AsyncClient, county: World, session: AsyncSession) -> None:
    ours, _, _ = await _pairs(session, county)
    admin = county.headers["bureau_admin"]
    await _score(client, county, ours, "8", "12")
    items = (await client.get(f"{BASE}/{county.assessment.id}", headers=admin)).json()["items"]
    form = [{k: i[k] for k in ("id", "title", "guidance", "max_points", "source", "target")} for i in items]
    # Lowering the organisation item below the 8 points already given is refused.
    lowered = [{**form[0], "max_points": "5"}, *form[1:]]
    refused = await client.patch(f"{BASE}/{county.assessment.id}", json={"items": lowered}, headers=admin)
    assert refused.status_code == 409, refused.text
    # Drop the records item (its score goes with it), turn organisation into 20 points, add an item.
    new_form = [
        {**form[0], "max_points": "20"},
        *form[1:5],
        {"title": "特色亮点", "max_points": "5", "source": "manual"},
    ]
    changed = await client.patch(f"{BASE}/{county.assessment.id}", json={"items": new_form}, headers=admin)
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert [i["title"] for i in body["items"]][-1] == "特色亮点" and body["max_total"] == "100.00"
    assert body["items"][0]["id"] == form[0]["id"] and body["version"] == 2
    sheet = (await client.get(f"{BASE}/{county.assessment.id}/sheets/{ours}", headers=admin)).json()
    assert sheet["items"][0]["points"] == "8.00" and sheet["items"][-1]["points"] is None
    assert sheet["total"] == "31.33" and sheet["complete"] is False
    # Turning a manual item into an automatic one drops its inspector scores.
    as_goals = [{**form[0], "source": "activities", "target": 3, "max_points": "20"}, *new_form[1:]]
    moved = await client.patch(f"{BASE}/{county.assessment.id}", json={"items": as_goals}, headers=admin)
    assert moved.status_code == 200, moved.text
    sheet = (await client.get(f"{BASE}/{county.assessment.id}/sheets/{ours}", headers=admin)).json()
    assert sheet["items"][0] == {"item_id": form[0]["id"], "points": "6.67", "auto": True, "detail": "1/3",
                                 "comment": ""}  # fmt: skip


async def test_results_as_excel(client: AsyncClient, county: World, session: AsyncSession) -> None:
    ours, second, third = await _pairs(session, county)
    await _score(client, county, ours, "10", "15")
    answer = await client.get(
        f"{BASE}/{county.assessment.id}/results",
        params={"format": "xlsx"},
        headers=county.headers["bureau_viewer"],
    )
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("排名", "协议编号", "协议", "支援学校", "受援学校")
    assert rows[0][5] == "组织领导与工作计划 (10.00)" and rows[0][11] == "总分 (100.00)"
    assert [(r[0], r[1], r[11], r[12]) for r in rows[1:]] == [
        (1, ours, 48.33, "是"),
        (2, second, 15.83, "否"),
        (3, third, 0.0, "否"),
    ]
    # The contract's report: the school year's assessments in scope, JSON or a workbook.
    report = await client.get("/api/v1/reports/assessment", params={"school_year": 2026},
                              headers=county.headers["bureau_admin"])  # fmt: skip
    assert [r["assessment"]["id"] for r in report.json()["results"]] == [county.assessment.id]
    english = await client.get(
        "/api/v1/reports/assessment",
        params={"school_year": 2026, "format": "xlsx"},
        headers={**county.headers["bureau_admin"], "Accept-Language": "en"},
    )
    book = load_workbook(io.BytesIO(english.content))
    assert len(book.sheetnames) == 1 and book.active.cell(1, 1).value == "Rank"
    # Another county's bureau gets only its own assessment, never ours.
    foreign = await client.get("/api/v1/reports/assessment", params={"school_year": 2026},
                               headers=county.headers["foreign_bureau_admin"])  # fmt: skip
    assert [r["assessment"]["id"] for r in foreign.json()["results"]] == [county.foreign_assessment.id]


async def test_the_list_pages_filters_and_exports(client: AsyncClient, county: World) -> None:
    admin = county.headers["bureau_admin"]
    page = await client.get(
        BASE, params={"limit": 20, "offset": 0, "school_year": 2026, "q": "考核"}, headers=admin
    )
    assert page.status_code == 200, page.text
    assert [a["id"] for a in page.json()["items"]] == [county.assessment.id]
    assert (await client.get(BASE, params={"status": "published"}, headers=admin)).json()["total"] == 0
    sheet = await client.get(BASE, params={"format": "xlsx"}, headers=admin)
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("编号", "项目编号", "项目", "学年") and rows[1][0] == county.assessment.id


async def test_results_queries_do_not_grow_with_the_pairs(
    client: AsyncClient, county: World, session: AsyncSession, connection: AsyncConnection
) -> None:
    async def queries() -> int:
        async with counting_statements(connection) as statements:
            answer = await client.get(
                f"{BASE}/{county.assessment.id}/results", headers=county.headers["bureau_admin"]
            )
        assert answer.status_code == 200
        return len(statements)

    ours, _, _ = await _pairs(session, county)
    await _score(client, county, ours, "10", "15")
    before = await queries()
    assert before > 0
    for _ in range(4):
        school = await make_school(session, county.county_a)
        agreement = await make_agreement(session, county.programme_a, county.a1, school)
        await _score(client, county, agreement.id, "1", "2")
    assert await queries() == before
