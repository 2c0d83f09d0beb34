from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.teachers import service
from app.teachers.schemas import TeacherCreate, TeacherFilters, TeacherRead, TeacherUpdate

router = APIRouter(prefix="/teachers", tags=["teachers"])


@router.get("", response_model=Page[TeacherRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)})
async def list_teachers(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[TeacherFilters, Query()],
) -> Any:
    return await respond(
        session, request, service.teachers_query(caller=caller, filters=filters), params, service.LIST_SPEC
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=TeacherRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_teacher(
    body: TeacherCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    teacher = await service.create_teacher(session, caller=caller, data=body)
    set_etag(response, teacher.version)
    return teacher


@router.get("/{teacher_id}", response_model=TeacherRead, responses=problem_responses(401, 404))
async def get_teacher(teacher_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    teacher = await service.get_teacher(session, caller=caller, teacher_id=teacher_id)
    set_etag(response, teacher.version)
    return teacher


@router.patch(
    "/{teacher_id}", response_model=TeacherRead, responses=problem_responses(401, 403, 404, 409, 412, 422)
)
async def update_teacher(
    teacher_id: int,
    body: TeacherUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    teacher = await service.update_teacher(
        session, caller=caller, teacher_id=teacher_id, data=body, expected_version=if_match
    )
    set_etag(response, teacher.version)
    return teacher
