from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.schools import service
from app.schools.schemas import SchoolCreate, SchoolFilters, SchoolRead, SchoolUpdate

router = APIRouter(prefix="/schools", tags=["schools"])


@router.get("", response_model=Page[SchoolRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)})
async def list_schools(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[SchoolFilters, Query()],
) -> Any:
    return await respond(
        session, request, service.schools_query(caller=caller, filters=filters), params, service.LIST_SPEC
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=SchoolRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_school(
    body: SchoolCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    school = await service.create_school(session, caller=caller, data=body)
    set_etag(response, school.version)
    return school


@router.get("/{school_id}", response_model=SchoolRead, responses=problem_responses(401, 404))
async def get_school(school_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    school = await service.get_school(session, caller=caller, school_id=school_id)
    set_etag(response, school.version)
    return school


@router.patch(
    "/{school_id}", response_model=SchoolRead, responses=problem_responses(401, 403, 404, 409, 412, 422)
)
async def update_school(
    school_id: int,
    body: SchoolUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    school = await service.update_school(
        session, caller=caller, school_id=school_id, data=body, expected_version=if_match
    )
    set_etag(response, school.version)
    return school
