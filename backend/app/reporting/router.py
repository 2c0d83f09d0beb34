from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.core.deps import CurrentCaller, SessionDep
from app.core.schemas import problem_responses
from app.reporting import dashboard
from app.reporting.schemas import DashboardSeries, DashboardSummary

router = APIRouter(tags=["reporting"])
SchoolYear = Annotated[int, Query(ge=2000, le=2100, description="2026 = 2026-09-01 … 2027-08-31")]


@router.get("/dashboard/summary", response_model=DashboardSummary, responses=problem_responses(401, 403, 422))
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
    return await dashboard.series(session, caller=caller, school_year=school_year, programme_id=programme_id)
