from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, Query, Request, Response, status

from app.agreements.service import get_agreement
from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_MEDIA_TYPE, XLSX_RESPONSE, ListParams, list_params, respond, values_response
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.meetings import compliance, service
from app.meetings.schemas import (
    ActionItemCreate,
    ActionItemFilters,
    ActionItemListRow,
    ActionItemRead,
    ActionItemUpdate,
    MeetingCompliance,
    MeetingCreate,
    MeetingFilters,
    MeetingRead,
    MeetingSummary,
    MeetingUpdate,
    MinutesAction,
)

router = APIRouter(tags=["meetings"])
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


@router.get(
    "/meetings",
    response_model=Page[MeetingSummary],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_meetings(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[MeetingFilters, Query()],
) -> Any:
    """All meetings in the caller's scope (filters `from`, `to`, `status`, `agreement_id`, `school_id`)."""
    return await respond(
        session, request, service.meetings_query(caller=caller, filters=filters), params, service.LIST_SPEC
    )


@router.get(
    "/agreements/{agreement_id}/meetings",
    response_model=Page[MeetingSummary],
    responses={**XLSX_RESPONSE, **problem_responses(401, 404, 422)},
)
async def list_agreement_meetings(
    agreement_id: int,
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
) -> Any:
    await get_agreement(session, caller=caller, agreement_id=agreement_id)
    stmt = service.meetings_query(caller=caller, filters=MeetingFilters(agreement_id=agreement_id))
    return await respond(session, request, stmt, params, service.LIST_SPEC)


@router.post(
    "/agreements/{agreement_id}/meetings",
    status_code=status.HTTP_201_CREATED,
    response_model=MeetingRead,
    responses=WRITE_ERRORS,
)
async def create_meeting(
    agreement_id: int, body: MeetingCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    meeting = await service.create_meeting(session, caller=caller, agreement_id=agreement_id, data=body)
    set_etag(response, meeting.version)
    return meeting


@router.get("/meetings/{meeting_id}", response_model=MeetingRead, responses=problem_responses(401, 404))
async def get_meeting(meeting_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    meeting = await service.get_meeting(session, caller=caller, meeting_id=meeting_id)
    set_etag(response, meeting.version)
    return meeting


@router.patch("/meetings/{meeting_id}", response_model=MeetingRead, responses=WRITE_ERRORS)
async def update_meeting(
    meeting_id: int,
    body: MeetingUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """Edit the plan; record as held (`status: held` with `held_date`, attendees, minutes, decisions);
    or cancel (`status: cancelled` with `cancel_reason`)."""
    meeting = await service.update_meeting(
        session, caller=caller, meeting_id=meeting_id, data=body, expected_version=if_match
    )
    set_etag(response, meeting.version)
    return meeting


def _minutes_route(action: str, path: str) -> None:
    async def act(
        meeting_id: int,
        response: Response,
        session: SessionDep,
        caller: CurrentCaller,
        if_match: IfMatch,
        body: Annotated[MinutesAction | None, Body()] = None,
    ) -> Any:
        meeting = await service.act_on_minutes(
            session,
            caller=caller,
            meeting_id=meeting_id,
            action=action,
            comment=body.comment if body else "",
            expected_version=if_match,
        )
        set_etag(response, meeting.version)
        return meeting

    router.add_api_route(
        f"/meetings/{{meeting_id}}/minutes/{path}",
        act,
        methods=["POST"],
        response_model=MeetingRead,
        responses=WRITE_ERRORS,
        name=action,
    )


_minutes_route("confirm_minutes", "confirm")
_minutes_route("return_minutes", "return")


@router.get(
    "/meetings/{meeting_id}/minutes.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **problem_responses(401, 404, 409)},
)
async def minutes_pdf(meeting_id: int, session: SessionDep, caller: CurrentCaller) -> Response:
    """The final minutes as an A4 PDF for the archive (409 while the minutes are not final)."""
    data, filename = await service.minutes_document(session, caller=caller, meeting_id=meeting_id)
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


@router.get(
    "/meetings/{meeting_id}/action-items",
    response_model=list[ActionItemRead],
    responses=problem_responses(401, 404),
)
async def list_action_items(meeting_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    return await service.items_of(session, caller=caller, meeting_id=meeting_id)


@router.post(
    "/meetings/{meeting_id}/action-items",
    status_code=status.HTTP_201_CREATED,
    response_model=ActionItemRead,
    responses=WRITE_ERRORS,
)
async def create_action_item(
    meeting_id: int, body: ActionItemCreate, session: SessionDep, caller: CurrentCaller
) -> Any:
    return await service.add_item(session, caller=caller, meeting_id=meeting_id, data=body)


@router.get(
    "/action-items",
    response_model=Page[ActionItemListRow],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_all_action_items(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[ActionItemFilters, Query()],
) -> Any:
    """Follow-up items of all meetings in scope (filters `status`, `overdue`, `agreement_id`,
    `owner_school_id`): `overdue=true` lists what is past due."""
    return await respond(
        session,
        request,
        service.items_query(caller=caller, filters=filters),
        params,
        service.ITEM_LIST_SPEC,
        enrich=lambda items: service.name_items(session, items),
    )


@router.patch("/action-items/{item_id}", response_model=ActionItemRead, responses=WRITE_ERRORS)
async def update_action_item(
    item_id: int,
    body: ActionItemUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    item = await service.update_item(
        session, caller=caller, item_id=item_id, data=body, expected_version=if_match
    )
    set_etag(response, item.version)
    return item


@router.get(
    "/compliance/meetings",
    response_model=MeetingCompliance,
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def meeting_compliance(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    school_year: Annotated[int, Query(ge=2000, le=2100, description="2026 = 2026-09-01 … 2027-08-31")],
    programme_id: int | None = None,
    school_id: int | None = None,
    format: Annotated[str | None, Query(pattern="^(json|xlsx)$")] = None,
) -> Any:
    """Per agreement: held meetings in each half against what the programme requires, and the status."""
    report = await compliance.compliance_report(
        session, caller=caller, school_year=school_year, programme_id=programme_id, school_id=school_id
    )
    if format == "xlsx" or XLSX_MEDIA_TYPE in request.headers.get("accept", ""):
        return compliance.as_workbook(MeetingCompliance.model_validate(report))
    return values_response(report)
