"""Routes of the annual assessment (年度考核): the scoring form, scoring, publication and results."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.assessments import export, service
from app.assessments.schemas import (
    AssessmentCreate,
    AssessmentFilters,
    AssessmentRead,
    AssessmentReport,
    AssessmentResult,
    AssessmentRow,
    AssessmentUpdate,
    SheetWrite,
)
from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.i18n import t
from app.core.listing import XLSX_MEDIA_TYPE, XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag

router = APIRouter(tags=["assessments"])
READ_ERRORS = problem_responses(401, 404, 422)
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)
XlsxFormat = Annotated[str | None, Query(pattern="^(json|xlsx)$")]


def _wants_xlsx(request: Request, format: str | None) -> bool:
    return format == "xlsx" or XLSX_MEDIA_TYPE in request.headers.get("accept", "")


@router.get(
    "/assessments",
    response_model=Page[AssessmentRead],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_assessments(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[AssessmentFilters, Query()],
) -> Any:
    """The annual assessments in scope (schools see the published ones)."""
    return await respond(
        session,
        request,
        service.assessments_query(caller=caller, filters=filters),
        params,
        service.LIST_SPEC,
        decorate=lambda a: service.present(caller, a),
    )


@router.post(
    "/assessments", status_code=status.HTTP_201_CREATED, response_model=AssessmentRead, responses=WRITE_ERRORS
)
async def create_assessment(
    body: AssessmentCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """Open a programme's assessment for a school year, with the standard scoring form unless `items`
    gives another."""
    assessment = await service.create_assessment(session, caller=caller, data=body)
    set_etag(response, assessment.version)
    return assessment


@router.get("/assessments/{assessment_id}", response_model=AssessmentRead, responses=READ_ERRORS)
async def get_assessment(
    assessment_id: int, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    assessment = await service.get_assessment(session, caller=caller, assessment_id=assessment_id)
    set_etag(response, assessment.version)
    return assessment


@router.patch("/assessments/{assessment_id}", response_model=AssessmentRead, responses=WRITE_ERRORS)
async def update_assessment(
    assessment_id: int,
    body: AssessmentUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """Change a draft's title, pass mark or scoring form (`items` replaces the form: keep an item by
    giving its id)."""
    assessment = await service.update_assessment(
        session, caller=caller, assessment_id=assessment_id, data=body, expected_version=if_match
    )
    set_etag(response, assessment.version)
    return assessment


@router.post("/assessments/{assessment_id}/publish", response_model=AssessmentRead, responses=WRITE_ERRORS)
async def publish_assessment(
    assessment_id: int, response: Response, session: SessionDep, caller: CurrentCaller, if_match: IfMatch
) -> Any:
    """Publish the result once every pair is fully scored; scores are locked from then on."""
    assessment = await service.publish(
        session, caller=caller, assessment_id=assessment_id, expected_version=if_match
    )
    set_etag(response, assessment.version)
    return assessment


@router.get(
    "/assessments/{assessment_id}/results",
    response_model=AssessmentResult,
    responses={**XLSX_RESPONSE, **READ_ERRORS},
)
async def assessment_results(
    assessment_id: int,
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    format: XlsxFormat = None,
) -> Any:
    """Every pair's scores, total and rank (a school sees its own pairs), as JSON or .xlsx."""
    result = await service.results(session, caller=caller, assessment_id=assessment_id)
    if _wants_xlsx(request, format):
        return export.workbook(result.assessment.title, [result])
    return result


@router.get(
    "/assessments/{assessment_id}/sheets/{agreement_id}", response_model=AssessmentRow, responses=READ_ERRORS
)
async def get_sheet(
    assessment_id: int, agreement_id: int, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """One pair's scoring sheet (ETag: the sheet's version, 0 before the first score)."""
    row = await service.get_sheet(
        session, caller=caller, assessment_id=assessment_id, agreement_id=agreement_id
    )
    set_etag(response, row.sheet_version)
    return row


@router.put(
    "/assessments/{assessment_id}/sheets/{agreement_id}", response_model=AssessmentRow, responses=WRITE_ERRORS
)
async def score_sheet(
    assessment_id: int,
    agreement_id: int,
    body: SheetWrite,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """An inspector scores a pair's manual items, with comments."""
    row = await service.score(
        session,
        caller=caller,
        assessment_id=assessment_id,
        agreement_id=agreement_id,
        data=body,
        expected_version=if_match,
    )
    set_etag(response, row.sheet_version)
    return row


@router.get(
    "/reports/assessment", response_model=AssessmentReport, responses={**XLSX_RESPONSE, **READ_ERRORS}
)
async def assessment_report(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    school_year: Annotated[int, Query(ge=2000, le=2100, description="2026 = 2026-09-01 … 2027-08-31")],
    programme_id: int | None = None,
    format: XlsxFormat = None,
) -> Any:
    """The school year's assessment results, one per programme, as JSON or .xlsx (a sheet each)."""
    results = await service.results_for_year(
        session, caller=caller, school_year=school_year, programme_id=programme_id
    )
    if _wants_xlsx(request, format):
        return export.workbook(t("assessment.report_filename", year=school_year), results)
    return AssessmentReport(school_year=school_year, results=results)
