from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.attachments.models import Attachment
from app.core.config import get_settings
from tests.factories import World

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


async def test_signed_pdf_is_filed_and_downloaded(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/attachments"
    uploaded = await client.post(
        url,
        headers=world.headers["school_admin"],
        files={"file": ("协议签字页.pdf", PDF, "application/octet-stream")},
        data={"description": "双方签字盖章页"},
    )
    assert uploaded.status_code == 201, uploaded.text
    body = uploaded.json()
    assert body["content_type"] == "application/pdf" and body["size_bytes"] == len(PDF)
    assert body["filename"] == "协议签字页.pdf"
    listed = (await client.get(url, headers=world.headers["bureau_viewer"])).json()
    assert [a["id"] for a in listed] == [world.ledger.attachment.id, body["id"]]
    download = await client.get(
        f"/api/v1/attachments/{body['id']}/content", headers=world.headers["other_school_admin"]
    )
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    outsider = await client.get(
        f"/api/v1/attachments/{body['id']}/content", headers=world.headers["outsider_school_admin"]
    )
    assert outsider.status_code == 404


async def test_type_is_checked_by_content_not_by_name(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/attachments"
    disguised = await client.post(
        url,
        headers=world.headers["school_admin"],
        files={"file": ("scan.pdf", b"MZ\x90\x00 this is an executable", "application/pdf")},
    )
    assert disguised.status_code == 415
    assert disguised.headers["content-type"].startswith("application/problem+json")
    photo = await client.post(
        url,
        headers=world.headers["school_admin"],
        files={"file": ("../../etc/photo.png", PNG, "image/png")},
        data={"activity_id": str(world.ledger.activity.id)},
    )
    assert photo.status_code == 201 and photo.json()["filename"] == "photo.png"
    assert photo.json()["activity_id"] == world.ledger.activity.id
    count = await session.scalar(
        select(func.count()).select_from(Attachment).where(Attachment.agreement_id == world.agreement.id)
    )
    assert count == 2  # the world's signed copy and the photo; the disguised file was not kept


async def test_size_limit_and_foreign_targets(client: AsyncClient, world: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(get_settings(), "attachment_max_bytes", 1024)
    url = f"/api/v1/agreements/{world.agreement.id}/attachments"
    big = await client.post(
        url,
        headers=world.headers["school_admin"],
        files={"file": ("big.pdf", PDF + b"0" * 2048, "application/pdf")},
    )
    assert big.status_code == 413
    foreign = await client.post(
        url,
        headers=world.headers["school_admin"],
        files={"file": ("a.pdf", PDF, "application/pdf")},
        data={"amendment_id": str(world.foreign_ledger.amendment.id)},
    )
    assert foreign.status_code == 422 and foreign.json()["errors"][0]["loc"] == ["body", "amendment_id"]
    viewer = await client.post(
        url, headers=world.headers["bureau_viewer"], files={"file": ("a.pdf", PDF, "application/pdf")}
    )
    assert viewer.status_code == 403


async def test_delete_is_for_parties_and_audited(client: AsyncClient, world: World) -> None:
    url = f"/api/v1/agreements/{world.agreement.id}/attachments"
    created = (
        await client.post(
            url, headers=world.headers["school_admin"], files={"file": ("a.pdf", PDF, "application/pdf")}
        )
    ).json()
    assert (
        await client.delete(f"/api/v1/attachments/{created['id']}", headers=world.headers["bureau_viewer"])
    ).status_code == 403
    assert (
        await client.delete(f"/api/v1/attachments/{created['id']}", headers=world.headers["school_admin"])
    ).status_code == 204
    remaining = (await client.get(url, headers=world.headers["school_admin"])).json()
    assert [a["id"] for a in remaining] == [world.ledger.attachment.id]
    audit = (
        await client.get(
            "/api/v1/audit-events", params={"entity": "attachment"}, headers=world.headers["bureau_admin"]
        )
    ).json()
    assert [e["action"] for e in audit["items"]] == ["delete", "upload"]
