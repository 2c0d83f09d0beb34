import io
from datetime import UTC, datetime
from typing import Any

from httpx import AsyncClient
from openpyxl import load_workbook

from tests.factories import World

SUPPORTING, RECEIVING, BUREAU = "school_admin", "other_school_admin", "bureau_admin"


async def test_schedule_record_and_finalise_minutes(
    client: AsyncClient, world: World, frozen_clock: Any
) -> None:
    frozen_clock.freeze(datetime(2027, 3, 20, 9, tzinfo=UTC))
    created = await client.post(
        f"/api/v1/agreements/{world.agreement.id}/meetings",
        headers=world.headers[RECEIVING],
        json={
            "scheduled_date": "2027-03-18",
            "location": "线上",
            "agenda": "春季学期计划",
            "online_link": "https://meeting.example/abc",
        },
    )
    assert created.status_code == 201, created.text
    meeting = created.json()
    assert meeting["status"] == "planned" and meeting["minutes_status"] is None
    url = f"/api/v1/meetings/{meeting['id']}"
    too_early = await client.patch(url, json={"minutes": "提前写的纪要"}, headers=world.headers[RECEIVING])
    assert too_early.status_code == 422 and too_early.json()["errors"][0]["loc"] == ["body", "minutes"]
    future = await client.patch(
        url, json={"status": "held", "held_date": "2027-03-21"}, headers=world.headers[RECEIVING]
    )
    assert future.status_code == 422
    held = await client.patch(
        url,
        headers={**world.headers[RECEIVING], "If-Match": '"1"'},
        json={
            "status": "held",
            "held_date": "2027-03-18",
            "minutes": "# 纪要\n- 送课 4 次",
            "decisions": "四月送课",
            "attendees": [
                {"name": "王校长", "school_id": world.a1.id, "role": "校长"},
                {"name": "李主任", "school_id": world.a2.id, "role": "教务主任"},
            ],
        },
    )
    assert held.status_code == 200, held.text
    body = held.json()
    assert body["status"] == "held" and body["minutes_status"] == "draft"
    assert body["minutes_recorded_by"] == "receiving_school" and body["next_actor"] == "supporting_school"
    assert [a["name"] for a in body["attendees"]] == ["王校长", "李主任"]
    own = await client.post(f"{url}/minutes/confirm", headers=world.headers[RECEIVING])
    assert own.status_code == 409  # the recorder cannot confirm their own minutes
    returned = await client.post(
        f"{url}/minutes/return", json={"comment": "请补充决定事项的负责人"}, headers=world.headers[SUPPORTING]
    )
    assert returned.json()["minutes_status"] == "draft" and returned.json()["minutes_comment"].startswith(
        "请补充"
    )
    final = await client.post(f"{url}/minutes/confirm", headers=world.headers[SUPPORTING])
    assert final.json()["minutes_status"] == "final" and final.json()["minutes_final_at"] is not None
    locked = await client.patch(url, json={"minutes": "改纪要"}, headers=world.headers[RECEIVING])
    assert locked.status_code == 409
    again = await client.patch(
        url, json={"status": "cancelled", "cancel_reason": "x"}, headers=world.headers[BUREAU]
    )
    assert again.status_code == 409


async def test_cancel_needs_a_reason(client: AsyncClient, world: World) -> None:
    created = (
        await client.post(
            f"/api/v1/agreements/{world.agreement.id}/meetings",
            headers=world.headers[SUPPORTING],
            json={"scheduled_date": "2027-05-10"},
        )
    ).json()
    url = f"/api/v1/meetings/{created['id']}"
    missing = await client.patch(url, json={"status": "cancelled"}, headers=world.headers[SUPPORTING])
    assert missing.status_code == 422 and missing.json()["errors"][0]["loc"] == ["body", "cancel_reason"]
    cancelled = await client.patch(
        url, json={"status": "cancelled", "cancel_reason": "暴雨停课"}, headers=world.headers[SUPPORTING]
    )
    assert cancelled.json()["status"] == "cancelled"


async def test_overdue_items_are_carried_to_the_next_planned_meeting(
    client: AsyncClient, world: World, frozen_clock: Any
) -> None:
    frozen_clock.freeze(datetime(2026, 11, 20, 9, tzinfo=UTC))
    # world.ledger holds a held meeting with an item due 2026-11-01 (now overdue).
    items = (
        await client.get(
            f"/api/v1/meetings/{world.ledger.meeting.id}/action-items", headers=world.headers[SUPPORTING]
        )
    ).json()
    assert [(i["id"], i["overdue"]) for i in items] == [(world.ledger.action_item.id, True)]
    added = await client.post(
        f"/api/v1/meetings/{world.ledger.meeting.id}/action-items",
        headers=world.headers[RECEIVING],
        json={"description": "完成听课记录", "owner_school_id": world.a2.id, "due_date": "2026-12-31"},
    )
    assert added.status_code == 201 and added.json()["overdue"] is False
    outsider_owner = await client.post(
        f"/api/v1/meetings/{world.ledger.meeting.id}/action-items",
        headers=world.headers[RECEIVING],
        json={"description": "x", "owner_school_id": world.a3.id, "due_date": "2026-12-31"},
    )
    assert outsider_owner.status_code == 422
    upcoming = (
        await client.post(
            f"/api/v1/agreements/{world.agreement.id}/meetings",
            headers=world.headers[SUPPORTING],
            json={"scheduled_date": "2026-12-05"},
        )
    ).json()
    assert [i["id"] for i in upcoming["carried_over_items"]] == [world.ledger.action_item.id]
    done = await client.patch(
        f"/api/v1/action-items/{world.ledger.action_item.id}",
        json={"status": "done"},
        headers=world.headers[SUPPORTING],
    )
    assert (
        done.json()["status"] == "done"
        and done.json()["done_at"] is not None
        and done.json()["overdue"] is False
    )
    refreshed = (
        await client.get(f"/api/v1/meetings/{upcoming['id']}", headers=world.headers[SUPPORTING])
    ).json()
    assert refreshed["carried_over_items"] == []


async def test_meetings_list_is_scoped_and_filterable(client: AsyncClient, world: World) -> None:
    await client.post(
        f"/api/v1/agreements/{world.agreement.id}/meetings",
        headers=world.headers[SUPPORTING],
        json={"scheduled_date": "2027-04-01"},
    )
    bureau = (await client.get("/api/v1/meetings", headers=world.headers["bureau_viewer"])).json()
    assert bureau["total"] == 2
    assert bureau["items"][0]["agreement_title"] == world.agreement.title
    planned = (
        await client.get("/api/v1/meetings", params={"status": "planned"}, headers=world.headers[BUREAU])
    ).json()
    assert [m["scheduled_date"] for m in planned["items"]] == ["2027-04-01"]
    window = (
        await client.get(
            "/api/v1/meetings",
            params={"from": "2026-10-01", "to": "2026-10-31"},
            headers=world.headers[BUREAU],
        )
    ).json()
    assert [m["id"] for m in window["items"]] == [world.ledger.meeting.id]
    assert (await client.get("/api/v1/meetings", headers=world.headers["outsider_school_admin"])).json()[
        "total"
    ] == 0
    export = await client.get("/api/v1/meetings", params={"format": "xlsx"}, headers=world.headers[BUREAU])
    assert export.status_code == 200 and export.content[:2] == b"PK"


async def test_final_minutes_download_as_pdf(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/meetings/{world.ledger.meeting.id}"
    draft = await client.get(f"{url}/minutes.pdf", headers=world.headers[SUPPORTING])
    assert draft.status_code == 409
    await client.post(
        f"{url}/action-items",
        headers=world.headers[SUPPORTING],
        json={
            "description": "送教计划 <b>加粗</b>",
            "owner_school_id": world.a1.id,
            "due_date": "2026-12-01",
        },
    )
    assert (await client.post(f"{url}/minutes/confirm", headers=world.headers[RECEIVING])).status_code == 200
    pdf = await client.get(f"{url}/minutes.pdf", headers=world.headers["bureau_viewer"])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and b"STSong-Light" in pdf.content
    assert "attachment" in pdf.headers["content-disposition"]


async def test_overdue_follow_up_items_across_meetings(
    client: AsyncClient, world: World, frozen_clock: Any
) -> None:
    item = world.ledger.action_item.id  # due 2026-11-01, open
    url = "/api/v1/action-items"
    bureau = world.headers["bureau_admin"]

    async def ids(headers: dict[str, str], **params: object) -> list[int]:
        answer = await client.get(url, params=params, headers=headers)
        assert answer.status_code == 200, answer.text
        return [i["id"] for i in answer.json()["items"]]

    frozen_clock.freeze(datetime(2026, 10, 25, 9, tzinfo=UTC))
    assert await ids(bureau, overdue="true") == [] and await ids(bureau, overdue="false") == [item]
    frozen_clock.freeze(datetime(2026, 11, 20, 9, tzinfo=UTC))
    assert await ids(bureau, overdue="true") == [item]
    assert await ids(world.headers["school_admin"], overdue="true", owner_school_id=world.a1.id) == [item]
    assert await ids(world.headers["outsider_school_admin"]) == []
    assert item not in await ids(world.headers["foreign_bureau_admin"])
    # Each row names its owner school and agreement, in the list and in the Excel export.
    row = (await client.get(url, headers=bureau)).json()["items"][0]
    assert (row["owner_school_name"], row["agreement_title"]) == (world.a1.name, world.agreement.title)
    sheet = load_workbook(
        io.BytesIO((await client.get(url, params={"format": "xlsx"}, headers=bureau)).content)
    ).active
    headings, first = list(sheet.iter_rows(values_only=True))[:2]
    assert (
        first[headings.index("责任学校")] == world.a1.name
        and first[headings.index("协议")] == world.agreement.title
    )
