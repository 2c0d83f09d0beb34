from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Response

from app.core.deps import CurrentCaller, SessionDep
from app.core.i18n import current_locale
from app.core.listing import values_response
from app.core.schemas import problem_responses
from app.reporting import bulletin, dashboard, documents
from app.reporting.schemas import Bulletin, DashboardSeries, DashboardSummary
from app.rotations.attendance import MONTH_PATTERN

router = APIRouter(tags=["reporting"])
SchoolYear = Annotated[int, Query(ge=2000, le=2100, description="2026 = 2026-09-01 … 2027-08-31")]


@router.get(
    "/dashboard/summary", response_model=DashboardSummary, responses=problem_responses(401, 403, 404, 422)
)
async def dashboard_summary(
    session: SessionDep, caller: CurrentCaller, school_year: SchoolYear, programme_id: int | None = None
) -> Any:
    """The KPIs of the bureau dashboard for a school year (and programme), in the caller's scope."""
    return await dashboard.summary(session, caller=caller, school_year=school_year, programme_id=programme_id)


@router.get("/dashboard/series", response_model=DashboardSeries, responses=problem_responses(401, 403, 422))
async def dashboard_series(
    session: SessionDep, caller: CurrentCaller, school_year: SchoolYear, programme_id: int | None = None
) -> Any:
    """What the dashboard charts draw: the monthly trend of activities and check-ins, rotations by
    subject, meeting compliance by pair, and the network of which schools help which."""
    return values_response(
        await dashboard.series(session, caller=caller, school_year=school_year, programme_id=programme_id)
    )


DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@router.get(
    "/reports/bulletin",
    response_model=Bulletin,
    responses={
        200: {"content": {media: {} for media in DOCUMENT_TYPES.values()}},
        **problem_responses(401, 403, 422),
    },
)
async def monthly_bulletin(
    session: SessionDep,
    caller: CurrentCaller,
    month: Annotated[str, Query(pattern=MONTH_PATTERN, description="2026-10")],
    format: Annotated[str | None, Query(pattern="^(json|docx|pdf)$")] = None,
) -> Any:
    """The monthly bulletin (简报): the month's counts, highlights and the pairs needing attention; as
    JSON, or to download as Word (`format=docx`) or PDF (`format=pdf`)."""
    report = await bulletin.bulletin(session, caller=caller, month=month)
    if format in DOCUMENT_TYPES:
        outline = documents.outline(report, current_locale.get())
        data = documents.to_docx(outline) if format == "docx" else documents.to_pdf(outline)
        filename = f"{outline.title}-{month}.{format}"
        return Response(
            data,
            media_type=DOCUMENT_TYPES[format],
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
        )
    return report
