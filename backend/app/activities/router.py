from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.activities import service
from app.activities.schemas import (
    ActivityCreate,
    ActivityFilters,
    ActivityListRow,
    ActivityRead,
    ActivityUpdate,
    DateRangeFilters,
    DonationCreate,
    DonationFilters,
    DonationListRow,
    DonationRead,
    DonationUpdate,
    LedgerSummary,
)
from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag

router = APIRouter(tags=["activities"])
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


@router.get(
    "/activities",
    response_model=Page[ActivityListRow],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_all_activities(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[ActivityFilters, Query()],
) -> Any:
    """Activities of every agreement in scope (filters `from`, `to`, `kind`, `agreement_id`,
    `programme_id`, `school_id`): what the dashboard's activity figures count."""
    return await respond(
        session,
        request,
        service.all_activities_query(caller=caller, filters=filters),
        params,
        service.ALL_ACTIVITIES_LIST,
        enrich=lambda rows: service.with_agreement_titles(session, rows),
    )


@router.get(
    "/donations",
    response_model=Page[DonationListRow],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_all_donations(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[DonationFilters, Query()],
) -> Any:
    """Donations of every agreement in scope (same filters): what the dashboard's donations value sums."""
    return await respond(
        session,
        request,
        service.all_donations_query(caller=caller, filters=filters),
        params,
        service.ALL_DONATIONS_LIST,
        enrich=lambda rows: service.with_agreement_titles(session, rows),
    )


@router.get(
    "/agreements/{agreement_id}/activities",
    response_model=Page[ActivityRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 404, 422)},
)
async def list_activities(
    agreement_id: int,
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[DateRangeFilters, Query()],
) -> Any:
    stmt = await service.activities_query(session, caller=caller, agreement_id=agreement_id, filters=filters)
    return await respond(session, request, stmt, params, service.ACTIVITY_LIST)


@router.post(
    "/agreements/{agreement_id}/activities",
    status_code=status.HTTP_201_CREATED,
    response_model=ActivityRead,
    responses=WRITE_ERRORS,
)
async def create_activity(
    agreement_id: int, body: ActivityCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    activity = await service.add_activity(session, caller=caller, agreement_id=agreement_id, data=body)
    set_etag(response, activity.version)
    return activity


@router.get("/activities/{activity_id}", response_model=ActivityRead, responses=problem_responses(401, 404))
async def get_activity(
    activity_id: int, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    activity = await service.get_activity(session, caller=caller, activity_id=activity_id)
    set_etag(response, activity.version)
    return activity


@router.patch("/activities/{activity_id}", response_model=ActivityRead, responses=WRITE_ERRORS)
async def update_activity(
    activity_id: int,
    body: ActivityUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    activity = await service.update_activity(
        session, caller=caller, activity_id=activity_id, data=body, expected_version=if_match
    )
    set_etag(response, activity.version)
    return activity


@router.get(
    "/agreements/{agreement_id}/donations",
    response_model=Page[DonationRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 404, 422)},
)
async def list_donations(
    agreement_id: int,
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
) -> Any:
    stmt = await service.donations_query(session, caller=caller, agreement_id=agreement_id)
    return await respond(session, request, stmt, params, service.DONATION_LIST)


@router.post(
    "/agreements/{agreement_id}/donations",
    status_code=status.HTTP_201_CREATED,
    response_model=DonationRead,
    responses=WRITE_ERRORS,
)
async def create_donation(
    agreement_id: int, body: DonationCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    donation = await service.add_donation(session, caller=caller, agreement_id=agreement_id, data=body)
    set_etag(response, donation.version)
    return donation


@router.patch("/donations/{donation_id}", response_model=DonationRead, responses=WRITE_ERRORS)
async def update_donation(
    donation_id: int,
    body: DonationUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    donation = await service.update_donation(
        session, caller=caller, donation_id=donation_id, data=body, expected_version=if_match
    )
    set_etag(response, donation.version)
    return donation


@router.get(
    "/agreements/{agreement_id}/summary", response_model=LedgerSummary, responses=problem_responses(401, 404)
)
async def agreement_summary(agreement_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    """Totals of activities (by kind), donations (by kind, in yuan) and goals (by status)."""
    return await service.ledger_summary(session, caller=caller, agreement_id=agreement_id)
