"""Audit events, written in the same transaction as the change they describe."""

from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.core.clock import now
from app.core.policy import Caller

# Never copied into the audit trail.
_SECRET_FIELDS = {"password", "password_hash"}


def snapshot(read_model: type[BaseModel], obj: Any) -> dict[str, Any]:
    data = read_model.model_validate(obj).model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in _SECRET_FIELDS}


async def record(
    session: AsyncSession,
    caller: Caller | None,
    *,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    organization_id: int | None = None,
) -> None:
    session.add(
        AuditEvent(
            actor_id=caller.user_id if caller else None,
            organization_id=organization_id
            if organization_id is not None
            else (caller.organization_id if caller else None),
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
            at=now(),
        )
    )
    # Not flushed here: written with the change's other rows in the commit's flush (or by the next
    # query's autoflush), one round trip fewer on every audited write.


async def record_many_created(
    session: AsyncSession, caller: Caller, entity: str, created: list[tuple[int, dict[str, Any]]]
) -> None:
    """One `create` event per (id, snapshot) of a bulk write, flushed together (an import writes
    thousands of rows; one flush per event would dominate its time)."""
    at = now()
    session.add_all(
        AuditEvent(
            actor_id=caller.user_id,
            organization_id=caller.organization_id,
            action="create",
            entity=entity,
            entity_id=entity_id,
            after={k: v for k, v in after.items() if k not in _SECRET_FIELDS},
            at=at,
        )
        for entity_id, after in created
    )
    await session.flush()


async def record_created(
    session: AsyncSession, caller: Caller | None, obj: Any, *, entity: str, read_model: type[BaseModel]
) -> None:
    await record(
        session, caller, action="create", entity=entity, entity_id=obj.id, after=snapshot(read_model, obj)
    )


async def apply_changes(
    session: AsyncSession,
    caller: Caller,
    obj: Any,
    changes: dict[str, Any],
    *,
    entity: str,
    read_model: type[BaseModel],
    reload: tuple[str, ...] = (),
) -> None:
    """Apply a PATCH's changes, flush, and audit the record before and after, in one transaction.
    `reload` names relationships to refresh when a changed key points them elsewhere."""
    before = snapshot(read_model, obj)
    for key, value in changes.items():
        setattr(obj, key, value)
    await session.flush()
    if reload:
        await session.refresh(obj, attribute_names=list(reload))
    await record(
        session,
        caller,
        action="update",
        entity=entity,
        entity_id=obj.id,
        before=before,
        after=snapshot(read_model, obj),
    )
