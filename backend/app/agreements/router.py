from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response, status
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.agreements import lifecycle, service
from app.agreements.models import AgreementEvent, Amendment, Goal
from app.agreements.schemas import (
    AgreementCreate,
    AgreementFilters,
    AgreementRead,
    AgreementUpdate,
    AmendmentCreate,
    AmendmentRead,
    EventRead,
    GoalCreate,
    GoalRead,
    GoalUpdate,
    TransitionRequest,
)
from app.core import policy
from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag

router = APIRouter(tags=["agreements"])

AgreementId = Annotated[int, Path()]
TRANSITION_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


@router.get(
    "/agreements",
    response_model=Page[AgreementRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_agreements(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[AgreementFilters, Query()],
) -> Any:
    stmt = service.agreements_query(caller=caller, filters=filters)
    return await respond(
        session, request, stmt, params, service.LIST_SPEC, decorate=lambda a: service.present(caller, a)
    )


@router.post(
    "/agreements",
    status_code=status.HTTP_201_CREATED,
    response_model=AgreementRead,
    responses=problem_responses(401, 403, 422),
)
async def create_agreement(
    body: AgreementCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    agreement = await service.create_agreement(session, caller=caller, data=body)
    set_etag(response, agreement.version)
    return agreement


@router.get("/agreements/{agreement_id}", response_model=AgreementRead, responses=problem_responses(401, 404))
async def get_agreement(
    agreement_id: AgreementId, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    agreement = await service.get_agreement(session, caller=caller, agreement_id=agreement_id)
    set_etag(response, agreement.version)
    return agreement


@router.patch("/agreements/{agreement_id}", response_model=AgreementRead, responses=TRANSITION_ERRORS)
async def update_agreement(
    agreement_id: AgreementId,
    body: AgreementUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    agreement = await service.update_agreement(
        session, caller=caller, agreement_id=agreement_id, data=body, expected_version=if_match
    )
    set_etag(response, agreement.version)
    return agreement


def _transition_route(action: str) -> None:
    async def transition(
        agreement_id: AgreementId,
        response: Response,
        session: SessionDep,
        caller: CurrentCaller,
        if_match: IfMatch,
        body: Annotated[TransitionRequest | None, Body()] = None,
    ) -> Any:
        agreement = await lifecycle.transition_agreement(
            session,
            caller=caller,
            agreement_id=agreement_id,
            action=action,
            comment=body.comment if body else "",
            expected_version=if_match,
        )
        set_etag(response, agreement.version)
        return agreement

    router.add_api_route(
        f"/agreements/{{agreement_id}}/{action}",
        transition,
        methods=["POST"],
        response_model=AgreementRead,
        responses=TRANSITION_ERRORS,
        name=f"{action}_agreement",
        summary=f"{action.capitalize()} the agreement (see the lifecycle table)",
    )


for _action in ("submit", "confirm", "approve", "reject", "complete", "terminate"):
    _transition_route(_action)


@router.post(
    "/agreements/{agreement_id}/renew",
    status_code=status.HTTP_201_CREATED,
    response_model=AgreementRead,
    responses=problem_responses(401, 403, 404, 409),
)
async def renew_agreement(agreement_id: AgreementId, session: SessionDep, caller: CurrentCaller) -> Any:
    return await service.renew_agreement(session, caller=caller, agreement_id=agreement_id)


@router.get(
    "/agreements/{agreement_id}/events", response_model=list[EventRead], responses=problem_responses(401, 404)
)
async def list_agreement_events(agreement_id: AgreementId, session: SessionDep, caller: CurrentCaller) -> Any:
    await service.get_agreement(session, caller=caller, agreement_id=agreement_id)
    stmt = (
        policy.readable(caller, AgreementEvent)
        .where(AgreementEvent.agreement_id == agreement_id)
        .options(joinedload(AgreementEvent.actor))
        .order_by(AgreementEvent.at, AgreementEvent.id)
    )
    return (await session.scalars(stmt)).all()


# --- goals ----------------------------------------------------------------------------------


@router.get(
    "/agreements/{agreement_id}/goals", response_model=list[GoalRead], responses=problem_responses(401, 404)
)
async def list_goals(agreement_id: AgreementId, session: SessionDep, caller: CurrentCaller) -> Any:
    await service.get_agreement(session, caller=caller, agreement_id=agreement_id)
    stmt = (
        policy.readable(caller, Goal)
        .where(Goal.agreement_id == agreement_id)
        .order_by(Goal.target_date, Goal.id)
    )
    return (await session.scalars(stmt)).all()


@router.post(
    "/agreements/{agreement_id}/goals",
    status_code=status.HTTP_201_CREATED,
    response_model=GoalRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_goal(
    agreement_id: AgreementId, body: GoalCreate, session: SessionDep, caller: CurrentCaller
) -> Any:
    return await service.add_goal(session, caller=caller, agreement_id=agreement_id, data=body)


@router.patch("/goals/{goal_id}", response_model=GoalRead, responses=TRANSITION_ERRORS)
async def update_goal(
    goal_id: int,
    body: GoalUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    goal = await service.update_goal(
        session, caller=caller, goal_id=goal_id, data=body, expected_version=if_match
    )
    set_etag(response, goal.version)
    return goal


# --- amendments -----------------------------------------------------------------------------


@router.get(
    "/agreements/{agreement_id}/amendments",
    response_model=list[AmendmentRead],
    responses=problem_responses(401, 404),
)
async def list_amendments(agreement_id: AgreementId, session: SessionDep, caller: CurrentCaller) -> Any:
    agreement = await service.get_agreement(session, caller=caller, agreement_id=agreement_id)
    rows = (
        await session.scalars(
            select(Amendment).where(Amendment.agreement_id == agreement.id).order_by(Amendment.id)
        )
    ).all()
    return [lifecycle.present_amendment(caller, agreement, a) for a in rows]


@router.post(
    "/agreements/{agreement_id}/amendments",
    status_code=status.HTTP_201_CREATED,
    response_model=AmendmentRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_amendment(
    agreement_id: AgreementId, body: AmendmentCreate, session: SessionDep, caller: CurrentCaller
) -> Any:
    return await lifecycle.create_amendment(
        session,
        caller=caller,
        agreement_id=agreement_id,
        summary=body.summary,
        effective_date=body.effective_date,
    )


def _amendment_route(action: str) -> None:
    async def transition(
        amendment_id: int,
        response: Response,
        session: SessionDep,
        caller: CurrentCaller,
        if_match: IfMatch,
        body: Annotated[TransitionRequest | None, Body()] = None,
    ) -> Any:
        amendment = await lifecycle.transition_amendment(
            session,
            caller=caller,
            amendment_id=amendment_id,
            action=action,
            comment=body.comment if body else "",
            expected_version=if_match,
        )
        set_etag(response, amendment.version)
        return amendment

    router.add_api_route(
        f"/amendments/{{amendment_id}}/{action}",
        transition,
        methods=["POST"],
        response_model=AmendmentRead,
        responses=TRANSITION_ERRORS,
        name=f"{action}_amendment",
    )


for _action in ("submit", "confirm", "approve", "reject"):
    _amendment_route(_action)
