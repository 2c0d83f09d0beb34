"""Routes to register and manage integration clients (bureau admins)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.integrations import service
from app.integrations.schemas import ClientCreate, ClientRead, ClientUpdate, ClientWithSecret

router = APIRouter(prefix="/integrations/clients", tags=["integrations"])
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


def _with_secret(client: Any, secret: str) -> ClientWithSecret:
    return ClientWithSecret.model_validate(
        {**ClientRead.model_validate(client).model_dump(), "client_secret": secret}
    )


@router.get("", response_model=Page[ClientRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)})
async def list_clients(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
) -> Any:
    """The bureau's integration clients with their usage (revoked ones last)."""
    return await respond(
        session,
        request,
        service.clients_query(caller=caller),
        params,
        service.LIST_SPEC,
        decorate=service.present,
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ClientWithSecret, responses=WRITE_ERRORS)
async def create_client(
    body: ClientCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """Register a client; the answer holds its secret, shown this once."""
    client, secret = await service.create_client(session, caller=caller, data=body)
    set_etag(response, client.version)
    return _with_secret(client, secret)


@router.get("/{client_id}", response_model=ClientRead, responses=problem_responses(401, 404))
async def get_client(client_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    client = await service.get_client(session, caller=caller, client_id=client_id)
    set_etag(response, client.version)
    return client


@router.patch("/{client_id}", response_model=ClientRead, responses=WRITE_ERRORS)
async def update_client(
    client_id: int,
    body: ClientUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """Rename a client or change its scopes (tokens already issued keep the scopes they were given
    until they expire)."""
    client = await service.update_client(
        session, caller=caller, client_id=client_id, data=body, expected_version=if_match
    )
    set_etag(response, client.version)
    return client


@router.post("/{client_id}/rotate-secret", response_model=ClientWithSecret, responses=WRITE_ERRORS)
async def rotate_secret(
    client_id: int, response: Response, session: SessionDep, caller: CurrentCaller, if_match: IfMatch
) -> Any:
    """A new secret, shown this once; the old secret and its tokens stop working at once."""
    client, secret = await service.rotate_secret(
        session, caller=caller, client_id=client_id, expected_version=if_match
    )
    set_etag(response, client.version)
    return _with_secret(client, secret)


@router.delete("/{client_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
async def revoke_client(
    client_id: int, session: SessionDep, caller: CurrentCaller, if_match: IfMatch
) -> None:
    """Revoke a client: its tokens stop working at once. The record stays, for the audit trail."""
    await service.revoke(session, caller=caller, client_id=client_id, expected_version=if_match)
