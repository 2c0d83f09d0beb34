from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.rotations import service
from app.rotations.schemas import (
    CheckInCreate,
    CheckInRead,
    RotationAction,
    RotationBulkCreate,
    RotationCreate,
    RotationFilters,
    RotationRead,
    ServiceRecord,
)

router = APIRouter(tags=["rotations"])
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


@router.get(
    "/rotations",
    response_model=Page[RotationRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_rotations(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[RotationFilters, Query()],
) -> Any:
    return await respond(
        session,
        request,
        service.rotations_query(caller=caller, filters=filters),
        params,
        service.LIST_SPEC,
        decorate=lambda r: service.present(caller, r),
    )


@router.post(
    "/rotations",
    status_code=status.HTTP_201_CREATED,
    response_model=RotationRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def propose_rotation(
    body: RotationCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """Propose a rotation (home school or bureau). Dates, or a term preset with the school year."""
    rotation = await service.propose(session, caller=caller, data=body)
    set_etag(response, rotation.version)
    return rotation


@router.post(
    "/rotations/bulk",
    status_code=status.HTTP_201_CREATED,
    response_model=list[RotationRead],
    responses=problem_responses(401, 403, 409, 422),
)
async def propose_rotations(body: RotationBulkCreate, session: SessionDep, caller: CurrentCaller) -> Any:
    """Propose the same rotation for several teachers; all or none are created."""
    return await service.propose_many(session, caller=caller, data=body)


@router.get("/rotations/{rotation_id}", response_model=RotationRead, responses=problem_responses(401, 404))
async def get_rotation(
    rotation_id: int, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    rotation = await service.get_rotation(session, caller=caller, rotation_id=rotation_id)
    set_etag(response, rotation.version)
    return rotation


def _transition_route(action: str) -> None:
    async def act(
        rotation_id: int,
        response: Response,
        session: SessionDep,
        caller: CurrentCaller,
        if_match: IfMatch,
        body: Annotated[RotationAction | None, Body()] = None,
    ) -> Any:
        rotation = await service.transition(
            session,
            caller=caller,
            rotation_id=rotation_id,
            action=action,
            comment=body.comment if body else "",
            expected_version=if_match,
        )
        set_etag(response, rotation.version)
        return rotation

    router.add_api_route(
        f"/rotations/{{rotation_id}}/{action}",
        act,
        methods=["POST"],
        response_model=RotationRead,
        responses=WRITE_ERRORS,
        name=f"{action}_rotation",
    )


for _action in ("approve", "arrive", "complete", "withdraw"):
    _transition_route(_action)


@router.get(
    "/rotations/{rotation_id}/checkins",
    response_model=list[CheckInRead],
    responses=problem_responses(401, 404),
)
async def list_checkins(rotation_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    return await service.checkins_of(session, caller=caller, rotation_id=rotation_id)


@router.post(
    "/rotations/{rotation_id}/checkins",
    status_code=status.HTTP_201_CREATED,
    response_model=CheckInRead,
    responses={200: {"model": CheckInRead, "description": "Already checked in that day"}, **WRITE_ERRORS},
)
async def check_in(
    rotation_id: int, body: CheckInCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """The teacher checks in for a day; a repeat the same day answers the existing record (200)."""
    record, created = await service.check_in(session, caller=caller, rotation_id=rotation_id, data=body)
    if not created:
        response.status_code = status.HTTP_200_OK
    return record


@router.get(
    "/teachers/{teacher_id}/service-record",
    response_model=ServiceRecord,
    responses=problem_responses(401, 404),
)
async def service_record(teacher_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    """Rural and weak-school service days from completed dispatches, and title eligibility."""
    return await service.service_record(session, caller=caller, teacher_id=teacher_id)
