from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.users import service
from app.users.schemas import UserCreate, UserFilters, UserRead, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


@router.get("", response_model=Page[UserRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)})
async def list_users(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[UserFilters, Query()],
) -> Any:
    return await respond(
        session, request, service.users_query(caller=caller, filters=filters), params, service.LIST_SPEC
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_user(
    body: UserCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    user = await service.create_user(session, caller=caller, data=body)
    set_etag(response, user.version)
    return user


@router.get("/{user_id}", response_model=UserRead, responses=problem_responses(401, 404))
async def get_user(user_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    user = await service.get_user(session, caller=caller, user_id=user_id)
    set_etag(response, user.version)
    return user


@router.patch(
    "/{user_id}", response_model=UserRead, responses=problem_responses(401, 403, 404, 409, 412, 422)
)
async def update_user(
    user_id: int,
    body: UserUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    user = await service.update_user(
        session, caller=caller, user_id=user_id, data=body, expected_version=if_match
    )
    set_etag(response, user.version)
    return user
