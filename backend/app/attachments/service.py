"""Signed documents and photos under an agreement: checked by content, stored behind the Storage interface."""

import hashlib
from pathlib import PurePath
from typing import Any

from fastapi import UploadFile
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.activities.models import Activity
from app.agreements.models import Amendment
from app.agreements.service import ensure_party, get_agreement
from app.attachments.models import Attachment
from app.attachments.schemas import AttachmentRead
from app.core import audit, policy
from app.core.config import get_settings
from app.core.enums import AgreementStatus
from app.core.errors import Conflict, PayloadTooLarge, UnsupportedMediaType, ValidationFailed
from app.core.policy import Caller
from app.core.storage import Storage, content_key

CHUNK = 64 * 1024


def sniff(data: bytes) -> str | None:
    """The real type of an upload from its first bytes; the client's declared type is not trusted."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


async def read_limited(upload: UploadFile, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(limit / (1024 * 1024))
        chunks.append(chunk)
    return b"".join(chunks)


def _clean_filename(name: str | None, content_type: str) -> str:
    base = PurePath((name or "").replace("\\", "/")).name.strip()[:150]
    return base or f"document.{content_type.split('/')[-1]}"


async def attachments_query(session: AsyncSession, *, caller: Caller, agreement_id: int) -> Select[Any]:
    await get_agreement(session, caller=caller, agreement_id=agreement_id)
    return (
        policy.readable(caller, Attachment)
        .where(Attachment.agreement_id == agreement_id)
        .order_by(Attachment.created_at, Attachment.id)
    )


async def upload(
    session: AsyncSession,
    storage: Storage,
    *,
    caller: Caller,
    agreement_id: int,
    file: UploadFile,
    amendment_id: int | None,
    activity_id: int | None,
    description: str,
) -> Attachment:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    ensure_party(caller, agreement)
    if agreement.status in (AgreementStatus.completed, AgreementStatus.terminated):
        raise Conflict("agreement_closed", status=f"status.{agreement.status.value}")
    for model, target_id, field in (
        (Amendment, amendment_id, "amendment_id"),
        (Activity, activity_id, "activity_id"),
    ):
        if target_id is not None:
            owner = await session.scalar(select(model.agreement_id).where(model.id == target_id))  # type: ignore[attr-defined]
            if owner != agreement.id:
                raise ValidationFailed("attachment_target_mismatch", field=field)
    data = await read_limited(file, get_settings().attachment_max_bytes)
    content_type = sniff(data)
    if content_type is None:
        raise UnsupportedMediaType()
    key = content_key(data)
    await storage.put(key, data)
    attachment = Attachment(
        agreement_id=agreement.id,
        amendment_id=amendment_id,
        activity_id=activity_id,
        filename=_clean_filename(file.filename, content_type),
        content_type=content_type,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=key,
        description=description,
        uploaded_by_id=caller.user_id,
    )
    session.add(attachment)
    await session.flush()
    await audit.record(
        session,
        caller,
        action="upload",
        entity="attachment",
        entity_id=attachment.id,
        after=audit.snapshot(AttachmentRead, attachment),
    )
    return attachment


async def get_attachment(session: AsyncSession, *, caller: Caller, attachment_id: int) -> Attachment:
    return await policy.get_readable(session, caller, Attachment, attachment_id, entity="attachment")


async def remove(session: AsyncSession, *, caller: Caller, attachment_id: int) -> None:
    attachment = await get_attachment(session, caller=caller, attachment_id=attachment_id)
    agreement = await get_agreement(session, caller=caller, agreement_id=attachment.agreement_id)
    ensure_party(caller, agreement)
    if agreement.status in (AgreementStatus.completed, AgreementStatus.terminated):
        raise Conflict("agreement_closed", status=f"status.{agreement.status.value}")
    before = audit.snapshot(AttachmentRead, attachment)
    await session.delete(attachment)
    await session.flush()
    # The stored bytes stay: they are content-addressed and may back another attachment or the audit trail.
    await audit.record(
        session, caller, action="delete", entity="attachment", entity_id=before["id"], before=before
    )
