"""Routes for a rotation's daily records: leave, work log, evaluations, attendance, school calendar."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Query, Response, UploadFile, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.schemas import problem_responses
from app.core.versioning import set_etag
from app.rotations import attendance, evaluations, records
from app.rotations.schemas import (
    Attendance,
    CalendarDayCreate,
    CalendarDayRead,
    EvaluationCreate,
    EvaluationRead,
    EvaluationUpdate,
    LeaveCreate,
    LeaveRead,
    RotationAction,
    WorkLogCreate,
    WorkLogRead,
    WorkLogUpdate,
)
from app.rotations.service import get_rotation

router = APIRouter(tags=["rotations"])
READ_ERRORS = problem_responses(401, 404)
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


@router.get("/rotations/{rotation_id}/leaves", response_model=list[LeaveRead], responses=READ_ERRORS)
async def list_leaves(rotation_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    return await records.leaves_of(session, caller=caller, rotation_id=rotation_id)


@router.post(
    "/rotations/{rotation_id}/leaves",
    status_code=status.HTTP_201_CREATED,
    response_model=LeaveRead,
    responses=WRITE_ERRORS,
)
async def request_leave(
    rotation_id: int, body: LeaveCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """The rotated teacher asks for leave; the host school decides."""
    leave = await records.request_leave(session, caller=caller, rotation_id=rotation_id, data=body)
    set_etag(response, leave.version)
    return leave


def _leave_route(action: str) -> None:
    async def decide(
        leave_id: int,
        response: Response,
        session: SessionDep,
        caller: CurrentCaller,
        if_match: IfMatch,
        body: Annotated[RotationAction | None, Body()] = None,
    ) -> Any:
        leave = await records.decide_leave(
            session,
            caller=caller,
            leave_id=leave_id,
            action=action,
            comment=body.comment if body else "",
            expected_version=if_match,
        )
        set_etag(response, leave.version)
        return leave

    router.add_api_route(
        f"/leaves/{{leave_id}}/{action}",
        decide,
        methods=["POST"],
        response_model=LeaveRead,
        responses=WRITE_ERRORS,
        name=f"{action}_leave",
        description="The host school (or the bureau admin) decides a pending leave request"
        + ("; a reason is required." if action == "reject" else "."),
    )


for _action in ("approve", "reject"):
    _leave_route(_action)


@router.get("/rotations/{rotation_id}/logs", response_model=list[WorkLogRead], responses=READ_ERRORS)
async def list_logs(rotation_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    return await records.logs_of(session, caller=caller, rotation_id=rotation_id)


@router.post(
    "/rotations/{rotation_id}/logs",
    status_code=status.HTTP_201_CREATED,
    response_model=WorkLogRead,
    responses=WRITE_ERRORS,
)
async def write_log(
    rotation_id: int, body: WorkLogCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """A work-log entry of the rotated teacher (date defaults to today)."""
    log = await records.write_log(session, caller=caller, rotation_id=rotation_id, data=body)
    set_etag(response, log.version)
    return log


@router.patch("/logs/{log_id}", response_model=WorkLogRead, responses=WRITE_ERRORS)
async def edit_log(
    log_id: int,
    body: WorkLogUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    log = await records.edit_log(session, caller=caller, log_id=log_id, data=body, expected_version=if_match)
    set_etag(response, log.version)
    return log


@router.post(
    "/logs/{log_id}/photo",
    response_model=WorkLogRead,
    responses={**WRITE_ERRORS, **problem_responses(413, 415)},
)
async def attach_log_photo(
    log_id: int, file: Annotated[UploadFile, File()], session: SessionDep, caller: CurrentCaller
) -> Any:
    """A photo for the entry (JPEG, PNG or WebP, checked by content); replaces an earlier one."""
    return await records.attach_photo(session, caller=caller, log_id=log_id, file=file)


@router.get(
    "/logs/{log_id}/photo",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}, "image/png": {}, "image/webp": {}}}, **READ_ERRORS},
)
async def log_photo(log_id: int, session: SessionDep, caller: CurrentCaller) -> Response:
    data, content_type = await records.photo_of(session, caller=caller, log_id=log_id)
    return Response(data, media_type=content_type, headers={"Cache-Control": "private, max-age=3600"})


@router.get(
    "/rotations/{rotation_id}/evaluations", response_model=list[EvaluationRead], responses=READ_ERRORS
)
async def list_evaluations(rotation_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    """The host school's evaluation; the evaluated teacher sees it only once it is submitted."""
    return await evaluations.evaluations_of(session, caller=caller, rotation_id=rotation_id)


@router.post(
    "/rotations/{rotation_id}/evaluations",
    status_code=status.HTTP_201_CREATED,
    response_model=EvaluationRead,
    responses=WRITE_ERRORS,
)
async def evaluate(
    rotation_id: int, body: EvaluationCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """The host school scores the teacher (total and grade computed with the programme's weights)."""
    evaluation = await evaluations.evaluate(session, caller=caller, rotation_id=rotation_id, data=body)
    set_etag(response, evaluation.version)
    return evaluation


@router.patch("/evaluations/{evaluation_id}", response_model=EvaluationRead, responses=WRITE_ERRORS)
async def revise_evaluation(
    evaluation_id: int,
    body: EvaluationUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """Change a draft evaluation."""
    evaluation = await evaluations.revise(
        session, caller=caller, evaluation_id=evaluation_id, data=body, expected_version=if_match
    )
    set_etag(response, evaluation.version)
    return evaluation


@router.post("/evaluations/{evaluation_id}/submit", response_model=EvaluationRead, responses=WRITE_ERRORS)
async def submit_evaluation(
    evaluation_id: int, response: Response, session: SessionDep, caller: CurrentCaller, if_match: IfMatch
) -> Any:
    """Make a draft evaluation final (the teacher sees it from now on)."""
    evaluation = await evaluations.submit(
        session, caller=caller, evaluation_id=evaluation_id, expected_version=if_match
    )
    set_etag(response, evaluation.version)
    return evaluation


@router.get(
    "/rotations/{rotation_id}/attendance",
    response_model=Attendance,
    responses=problem_responses(401, 404, 422),
)
async def rotation_attendance(
    rotation_id: int,
    session: SessionDep,
    caller: CurrentCaller,
    month: Annotated[
        str | None,
        Query(pattern=attendance.MONTH_PATTERN, description="2026-10; without it, the whole rotation"),
    ] = None,
) -> Any:
    """Expected school days, present, leave and absent, with each day's state."""
    rotation = await get_rotation(session, caller=caller, rotation_id=rotation_id)
    return await attendance.attendance(session, rotation, month)


@router.get("/calendar-days", response_model=list[CalendarDayRead], responses=problem_responses(401))
async def list_calendar_days(
    session: SessionDep,
    caller: CurrentCaller,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> Any:
    """The bureau's holidays and make-up school days, which attendance leaves out or counts."""
    return await attendance.calendar_days(session, caller=caller, year=year)


@router.post(
    "/calendar-days",
    status_code=status.HTTP_201_CREATED,
    response_model=CalendarDayRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def add_calendar_day(body: CalendarDayCreate, session: SessionDep, caller: CurrentCaller) -> Any:
    return await attendance.add_calendar_day(session, caller=caller, data=body)


@router.delete(
    "/calendar-days/{day_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
async def remove_calendar_day(day_id: int, session: SessionDep, caller: CurrentCaller) -> None:
    await attendance.remove_calendar_day(session, caller=caller, day_id=day_id)
