"""Rotation planning through the API: needs, supply, proposals — solved, explained, reviewed, accepted."""

from dataclasses import dataclass
from datetime import date

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.enums import BackboneLevel, Role, SchoolLocale, Stage
from app.planning.models import StaffingNeed
from app.regions.models import Organization, Region
from app.rotations.models import Rotation
from app.schools.models import School
from app.teachers.models import Teacher
from tests.factories import (
    World,
    headers_for,
    make_agreement,
    make_need,
    make_rotation,
    make_school,
    make_teacher,
    make_user,
)

NEEDS = "/api/v1/needs"
PROPOSALS = "/api/v1/planning/proposals"


@dataclass
class County:
    """A primary school s1 of county A supporting a2 (active agreement), with three eligible teachers and
    one too new to rotate; a2 asks for English (the world's need), Chinese (urgent) and music."""

    s1: School
    chinese: Teacher
    english: Teacher  # backbone
    maths: Teacher
    newcomer: Teacher
    chinese_need: StaffingNeed
    music_need: StaffingNeed
    agreement_id: int


@pytest.fixture
async def county(world: World, session: AsyncSession) -> County:
    s1 = await make_school(
        session,
        world.county_a,
        stage=Stage.primary,
        locale=SchoolLocale.urban,
        is_weak=False,
        latitude=34.0,
        longitude=105.0,
    )
    world.a2.latitude, world.a2.longitude = 34.1, 105.1
    agreement = await make_agreement(session, world.programme_a, s1, world.a2)
    chinese = await make_teacher(session, s1, ("语文",), name="赵语文", hire_date=date(2015, 9, 1))
    english = await make_teacher(
        session, s1, ("英语",), name="钱英语", hire_date=date(2012, 9, 1), backbone_level=BackboneLevel.county
    )
    maths = await make_teacher(session, s1, ("数学",), name="孙数学", hire_date=date(2014, 9, 1))
    newcomer = await make_teacher(session, s1, ("英语",), name="李新", hire_date=date(2024, 9, 1))
    chinese_need = await make_need(session, world.a2, subject="语文", priority="urgent")
    music_need = await make_need(session, world.a2, subject="音乐")
    return County(s1, chinese, english, maths, newcomer, chinese_need, music_need, agreement.id)


# --- needs -----------------------------------------------------------------------------------


async def test_a_school_records_its_needs_and_only_it_and_its_partners_see_them(
    client: AsyncClient, world: World
) -> None:
    own = world.headers["other_school_admin"]  # a2's admin: the receiving school
    created = await client.post(
        NEEDS,
        json={"school_year": 2026, "subject": "英语", "count": 2, "notes": "三月起无英语教师"},
        headers=own,
    )
    assert created.status_code == 201, created.text
    need = created.json()
    assert (need["school_id"], need["stage"], need["term"], need["priority"], need["filled"]) == (
        world.a2.id,
        "primary",  # the school's stage by default
        "year",
        "normal",
        0,
    )
    url = f"{NEEDS}/{need['id']}"
    assert (
        await client.get(url, headers=world.headers["school_admin"])
    ).status_code == 200  # a1: the partner
    for stranger in ("outsider_school_admin", "foreign_bureau_admin", "foreign_school_admin", "teacher"):
        assert (await client.get(url, headers=world.headers[stranger])).status_code == 404, stranger
    partner_edit = await client.patch(url, json={"count": 3}, headers=world.headers["school_admin"])
    assert partner_edit.status_code == 403 and "本校" in partner_edit.json()["detail"]
    stale = await client.patch(url, json={"count": 3}, headers={**own, "If-Match": '"7"'})
    assert stale.status_code == 412
    bad = await client.patch(url, json={"count": 0}, headers=own)
    assert bad.status_code == 422
    changed = await client.patch(
        url, json={"count": 3, "priority": "urgent"}, headers={**own, "If-Match": '"1"'}
    )
    assert changed.status_code == 200 and changed.json()["count"] == 3 and changed.json()["version"] == 2
    listed = await client.get(
        NEEDS, params={"school_year": 2026, "priority": "urgent"}, headers=world.headers["bureau_admin"]
    )
    assert [n["id"] for n in listed.json()["items"]] == [need["id"]]
    assert (await client.delete(url, headers=own)).status_code == 204
    assert (await client.get(url, headers=own)).status_code == 404


async def test_a_school_cannot_record_another_schools_need(client: AsyncClient, world: World) -> None:
    response = await client.post(
        NEEDS,
        json={"school_id": world.a2.id, "school_year": 2026, "subject": "英语"},
        headers=world.headers["school_admin"],
    )
    assert response.status_code == 403


# --- supply ----------------------------------------------------------------------------------


async def test_supply_lists_eligible_free_teachers_and_those_kept_back(
    client: AsyncClient, world: World, county: County
) -> None:
    admin = world.headers["bureau_admin"]
    supply = await client.get(
        "/api/v1/planning/supply", params={"school_year": 2026, "limit": 100}, headers=admin
    )
    assert supply.status_code == 200, supply.text
    names = {row["name"] for row in supply.json()["items"]}
    # Eligible (six years at the school), not dispatched this year; receiving schools are no supply.
    assert {"赵语文", "钱英语", "孙数学"} <= names
    assert "李新" not in names and world.teacher_a1.name not in names and world.teacher_a2.name not in names
    mark = await client.post(
        "/api/v1/planning/unavailable-teachers",
        json={"teacher_id": county.maths.id, "school_year": 2026, "reason": "毕业班"},
        headers=admin,
    )
    assert mark.status_code == 201, mark.text
    again = await client.post(
        "/api/v1/planning/unavailable-teachers",
        json={"teacher_id": county.maths.id, "school_year": 2026, "reason": "病假"},
        headers=admin,
    )
    assert again.status_code == 409
    kept_back = await client.get(
        "/api/v1/planning/supply", params={"school_year": 2026, "available": "false"}, headers=admin
    )
    assert [(r["name"], r["available"], r["unavailable_reason"]) for r in kept_back.json()["items"]] == [
        ("孙数学", False, "毕业班")
    ]


# --- proposals -------------------------------------------------------------------------------


async def _propose(client: AsyncClient, world: World) -> dict:
    response = await client.post(
        PROPOSALS,
        json={"region_id": world.county_a.id, "school_year": 2026},
        headers=world.headers["bureau_admin"],
    )
    assert response.status_code == 201, response.text
    return response.json()


def _placed(proposal: dict) -> dict[int, int]:
    return {a["need_id"]: a["teacher_id"] for a in proposal["assignments"]}


async def test_the_plan_matches_subjects_explains_what_it_cannot_fill_and_meets_the_quota(
    client: AsyncClient, world: World, county: County
) -> None:
    proposal = await _propose(client, world)
    assert _placed(proposal) == {world.need.id: county.english.id, county.chinese_need.id: county.chinese.id}
    english = next(a for a in proposal["assignments"] if a["teacher_id"] == county.english.id)
    assert english["agreement_id"] == county.agreement_id and english["from_school_id"] == county.s1.id
    assert english["distance_km"] == pytest.approx(14.4, abs=0.3) and english["backbone"] is True
    assert proposal["unfilled"] == [
        {
            "need_id": county.music_need.id,
            "reason": "no_candidate_subject",
            "reason_text": "本县支援学校中没有任教该学科的可交流教师。",
        }
    ]
    s1 = next(s for s in proposal["schools"] if s["school_id"] == county.s1.id)
    assert (s1["eligible"], s1["rotated"], s1["required"], s1["assigned"], s1["shortfall"]) == (3, 0, 1, 2, 0)
    totals = proposal["totals"]
    assert (totals["seats"], totals["filled"], totals["urgent_unfilled"], totals["optimal"]) == (
        3,
        2,
        0,
        True,
    )
    assert (
        proposal["status"] == "draft"
        and proposal["created_by_name"] == world.users["bureau_admin"].display_name
    )
    listed = await client.get(PROPOSALS, headers=world.headers["bureau_viewer"])
    assert proposal["id"] in [p["id"] for p in listed.json()["items"]]


async def test_review_moves_and_removes_then_acceptance_creates_exactly_the_planned_rotations(
    client: AsyncClient, world: World, county: County, session: AsyncSession
) -> None:
    admin = world.headers["bureau_admin"]
    proposal = await _propose(client, world)
    url = f"{PROPOSALS}/{proposal['id']}"
    # Move the maths teacher onto the Chinese need, drop the Chinese teacher: a subject mismatch.
    edited = await client.patch(
        url,
        json={"assignments": [{"teacher_id": county.english.id, "need_id": world.need.id},
                              {"teacher_id": county.maths.id, "need_id": county.chinese_need.id}]},
        headers={**admin, "If-Match": f'"{proposal["version"]}"'},
    )  # fmt: skip
    assert edited.status_code == 200, edited.text
    body = edited.json()
    assert [p["code"] for p in body["problems"]] == ["subject_mismatch"]
    assert body["problems"][0]["message"] == "孙数学 不任教“语文”。"
    assert body["totals"]["edited"] is True and body["version"] == proposal["version"] + 1
    before = await session.scalar(select(func.count()).select_from(Rotation))
    refused = await client.post(f"{url}/accept", headers=admin)
    assert refused.status_code == 409 and refused.json()["conflicts"][0]["code"] == "subject_mismatch"
    assert await session.scalar(select(func.count()).select_from(Rotation)) == before
    # Remove the bad one: only the English teacher goes.
    kept = await client.patch(
        url,
        json={"assignments": [{"teacher_id": county.english.id, "need_id": world.need.id}]},
        headers=admin,
    )
    assert kept.json()["problems"] == [] and kept.json()["totals"]["filled"] == 1
    accepted = await client.post(f"{url}/accept", headers=admin)
    assert accepted.status_code == 200, accepted.text
    done = accepted.json()
    assert done["status"] == "accepted" and len(done["rotation_ids"]) == 1
    rotation = await session.get(Rotation, done["rotation_ids"][0])
    assert rotation is not None
    assert (rotation.teacher_id, rotation.from_school_id, rotation.to_school_id, rotation.need_id) == (
        county.english.id,
        county.s1.id,
        world.a2.id,
        world.need.id,
    )
    assert (rotation.status, rotation.agreement_id, rotation.subjects) == (
        "planned",
        county.agreement_id,
        ["英语"],
    )
    assert (rotation.start_date, rotation.end_date) == (date(2026, 9, 1), date(2027, 7, 31))
    need = await client.get(f"{NEEDS}/{world.need.id}", headers=admin)
    assert need.json()["filled"] == 1
    assert (await client.post(f"{url}/accept", headers=admin)).status_code == 409
    assert (await client.patch(url, json={"assignments": []}, headers=admin)).status_code == 409
    # The need is filled: the next proposal no longer asks for it.
    assert world.need.id not in {n["need_id"] for n in (await _propose(client, world))["needs"]}


async def test_acceptance_fails_whole_when_a_teacher_became_busy(
    client: AsyncClient, world: World, county: County, session: AsyncSession
) -> None:
    proposal = await _propose(client, world)
    busy = await make_rotation(session, county.english, world.a3)
    before = await session.scalar(select(func.count()).select_from(Rotation))
    response = await client.post(
        f"{PROPOSALS}/{proposal['id']}/accept", headers=world.headers["bureau_admin"]
    )
    assert response.status_code == 409
    conflicts = response.json()["conflicts"]
    assert [(c["code"], c["teacher_id"], c.get("rotation_id")) for c in conflicts] == [
        ("teacher_busy", county.english.id, busy.id)
    ]
    assert "钱英语" in conflicts[0]["message"]
    assert (
        await session.scalar(select(func.count()).select_from(Rotation)) == before
    )  # not even the other one


async def test_plans_are_made_per_county_of_the_bureau(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    city = await session.get(Region, world.county_a.parent_id)
    assert city is not None
    city_bureau = Organization(name="测试市教育局", region_id=city.id)
    session.add(city_bureau)
    await session.flush()
    city_admin = headers_for(await make_user(session, Role.bureau_admin, organization=city_bureau), city)
    whole_city = await client.post(
        PROPOSALS, json={"region_id": city.id, "school_year": 2026}, headers=city_admin
    )
    assert (
        whole_city.status_code == 422
        and whole_city.json()["detail"] == "轮岗方案按区县编制，请选择一个区县。"
    )
    by_county = await client.post(
        PROPOSALS, json={"region_id": world.county_b.id, "school_year": 2026}, headers=city_admin
    )
    assert by_county.status_code == 201  # a city bureau plans each of its counties
    other = await client.post(
        PROPOSALS,
        json={"region_id": world.county_b.id, "school_year": 2026},
        headers=world.headers["bureau_admin"],
    )
    assert other.status_code == 422 and other.json()["detail"] == "未找到该区域。"


async def test_unknown_assignments_are_refused_and_nothing_changes(
    client: AsyncClient, world: World, county: County
) -> None:
    proposal = await _propose(client, world)
    response = await client.patch(
        f"{PROPOSALS}/{proposal['id']}",
        json={"assignments": [{"teacher_id": county.newcomer.id, "need_id": world.need.id}]},
        headers=world.headers["bureau_admin"],
    )
    assert response.status_code == 422
    again = await client.get(f"{PROPOSALS}/{proposal['id']}", headers=world.headers["bureau_admin"])
    assert again.json()["version"] == proposal["version"] and _placed(again.json()) == _placed(proposal)
