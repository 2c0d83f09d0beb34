from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from app.audit.models import AuditEvent
from app.audit.schemas import AuditEventRead
from app.core import policy
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
    sheet="audit",
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
) -> Any:
    if not policy.can_read_audit(caller):
        raise Forbidden()
    stmt = policy.readable(caller, AuditEvent)
    if entity is not None:
        stmt = stmt.where(AuditEvent.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditEvent.entity_id == entity_id)
    if actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    return await respond(session, request, stmt, params, LIST_SPEC)
