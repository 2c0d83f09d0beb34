from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import joinedload

from app.audit.models import AuditEvent
from app.audit.schemas import AuditEventRead
from app.core import policy
from app.core.clock import local_zone
from app.core.deps import CurrentCaller, SessionDep
from app.core.errors import Forbidden
from app.core.listing import XLSX_RESPONSE, ListParams, ListSpec, list_params, respond
from app.core.schemas import Page, problem_responses

router = APIRouter(tags=["audit"])

LIST_SPEC = ListSpec(
    read_model=AuditEventRead,
    sortable={"at": AuditEvent.at},
    default_sort=(AuditEvent.id.desc(),),
    searchable=(AuditEvent.action,),
    options=(joinedload(AuditEvent.actor),),
    sheet="audit",
    labels={
        "id": ("编号", "ID"),
        "actor_id": ("操作人编号", "Actor ID"),
        "actor_name": ("操作人", "Actor"),
        "action": ("操作", "Action"),
        "entity": ("对象类型", "Entity"),
        "entity_id": ("对象编号", "Entity ID"),
        "at": ("时间", "When"),
    },
    export_exclude=frozenset({"before", "after"}),
)


@router.get(
    "/audit-events",
    response_model=Page[AuditEventRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 403)},
)
async def list_audit_events(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    entity: Annotated[str | None, Query(max_length=40)] = None,
    entity_id: int | None = None,
    actor_id: int | None = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    date_from: Annotated[date | None, Query(description="From this day (the schools' time zone)")] = None,
    date_to: Annotated[date | None, Query(description="Up to and including this day")] = None,
) -> Any:
    """Who changed what and when, in the caller's jurisdiction: by actor, entity (and id), action, days."""
    if not policy.can_read_audit(caller):
        raise Forbidden()
    stmt = policy.readable(caller, AuditEvent)
    if entity is not None:
        stmt = stmt.where(AuditEvent.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditEvent.entity_id == entity_id)
    if actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if action is not None:
        stmt = stmt.where(AuditEvent.action == action)
    zone = local_zone()
    if date_from is not None:
        stmt = stmt.where(AuditEvent.at >= datetime.combine(date_from, time(0), zone))
    if date_to is not None:
        stmt = stmt.where(AuditEvent.at < datetime.combine(date_to + timedelta(days=1), time(0), zone))
    return await respond(session, request, stmt, params, LIST_SPEC)
