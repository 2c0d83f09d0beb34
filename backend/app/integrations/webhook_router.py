"""Routes of webhook subscriptions and their delivery log (bureau admins manage; viewers read)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.integrations import webhook_service as service
from app.integrations.schemas import (
    DeliveryFilters,
    DeliveryRead,
    WebhookCreate,
    WebhookRead,
    WebhookUpdate,
    WebhookWithSecret,
)

router = APIRouter(prefix="/integrations/webhooks", tags=["integrations"])
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


@router.get("", response_model=Page[WebhookRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)})
async def list_webhooks(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
) -> Any:
    """The bureau's subscriptions, with how many deliveries arrived, wait and failed."""
    return await respond(
        session,
        request,
        service.webhooks_query(caller=caller),
        params,
        service.LIST_SPEC,
        enrich=lambda rows: service.with_counts(session, rows),
    )


@router.post(
    "", status_code=status.HTTP_201_CREATED, response_model=WebhookWithSecret, responses=WRITE_ERRORS
)
async def create_webhook(
    body: WebhookCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """Subscribe a URL to events; the answer holds the signing secret."""
    webhook = await service.create_webhook(session, caller=caller, data=body)
    set_etag(response, webhook.version)
    return WebhookWithSecret.model_validate(
        {**WebhookRead.model_validate(webhook).model_dump(), "secret": webhook.secret}
    )


@router.get("/{webhook_id}", response_model=WebhookRead, responses=problem_responses(401, 404))
async def get_webhook(webhook_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    webhook = await service.get_webhook(session, caller=caller, webhook_id=webhook_id)
    set_etag(response, webhook.version)
    return webhook


@router.patch("/{webhook_id}", response_model=WebhookRead, responses=WRITE_ERRORS)
async def update_webhook(
    webhook_id: int,
    body: WebhookUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """Change the URL or events, or pause the subscription (`is_active: false`)."""
    webhook = await service.update_webhook(
        session, caller=caller, webhook_id=webhook_id, data=body, expected_version=if_match
    )
    set_etag(response, webhook.version)
    return webhook


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
async def delete_webhook(
    webhook_id: int, session: SessionDep, caller: CurrentCaller, if_match: IfMatch
) -> None:
    """Remove the subscription and its delivery log."""
    await service.delete_webhook(session, caller=caller, webhook_id=webhook_id, expected_version=if_match)


@router.get(
    "/{webhook_id}/deliveries",
    response_model=Page[DeliveryRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 404, 422)},
)
async def list_deliveries(
    webhook_id: int,
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[DeliveryFilters, Query()],
) -> Any:
    """The delivery log, newest first: each event's status, attempts and their answers."""
    stmt = await service.deliveries_query(session, caller=caller, webhook_id=webhook_id, filters=filters)
    return await respond(
        session, request, stmt, params, service.DELIVERY_LIST, decorate=service.present_delivery
    )


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver", response_model=DeliveryRead, responses=WRITE_ERRORS
)
async def redeliver(webhook_id: int, delivery_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    """Queue a delivery again now (the worker sends it within seconds)."""
    return await service.redeliver(session, caller=caller, webhook_id=webhook_id, delivery_id=delivery_id)
