from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.programmes import service
from app.programmes.schemas import ProgrammeCreate, ProgrammeFilters, ProgrammeRead, ProgrammeUpdate

router = APIRouter(prefix="/programmes", tags=["programmes"])


@router.get(
    "", response_model=Page[ProgrammeRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)}
)
async def list_programmes(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[ProgrammeFilters, Query()],
) -> Any:
    return await respond(
        session, request, service.programmes_query(caller=caller, filters=filters), params, service.LIST_SPEC
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ProgrammeRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_programme(
    body: ProgrammeCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    programme = await service.create_programme(session, caller=caller, data=body)
    set_etag(response, programme.version)
    return programme


@router.get("/{programme_id}", response_model=ProgrammeRead, responses=problem_responses(401, 404))
async def get_programme(
    programme_id: int, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    programme = await service.get_programme(session, caller=caller, programme_id=programme_id)
    set_etag(response, programme.version)
    return programme


@router.patch(
    "/{programme_id}", response_model=ProgrammeRead, responses=problem_responses(401, 403, 404, 409, 412, 422)
)
async def update_programme(
    programme_id: int,
    body: ProgrammeUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    programme = await service.update_programme(
        session, caller=caller, programme_id=programme_id, data=body, expected_version=if_match
    )
    set_etag(response, programme.version)
    return programme
