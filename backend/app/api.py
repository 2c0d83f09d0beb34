"""Every domain router, mounted under /api/v1."""

import logging
from typing import Any, Literal

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.activities.router import router as activities_router
from app.agreements.router import router as agreements_router
from app.assessments.router import router as assessments_router
from app.attachments.router import router as attachments_router
from app.audit.router import router as audit_router
from app.auth.router import router as auth_router
from app.core.db import get_engine, write_intent
from app.imports.router import router as imports_router
from app.integrations.router import router as integrations_router
from app.integrations.webhook_router import router as webhooks_router
from app.meetings.router import router as meetings_router
from app.notifications.router import router as notifications_router
from app.planning.router import router as planning_router
from app.programmes.router import router as programmes_router
from app.regions.router import router as regions_router
from app.reporting.router import router as reporting_router
from app.rotations.records_router import router as rotation_records_router
from app.rotations.reports_router import router as rotation_reports_router
from app.rotations.router import router as rotations_router
from app.schools.router import router as schools_router
from app.teachers.router import router as teachers_router
from app.users.router import router as users_router

logger = logging.getLogger("app.health")
API_PREFIX = "/api/v1"
health_router = APIRouter()


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: Literal["ok", "unavailable"]


@health_router.get("/health", tags=["health"], response_model=Health, responses={503: {"model": Health}})
async def health() -> Any:
    """Liveness and database reachability (no authentication, for load balancers)."""
    write_intent.set(False)  # a read: never queue behind writers
    try:
        async with get_engine().connect() as conn:
            await conn.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        logger.exception("health check: database unreachable")
        return JSONResponse({"status": "degraded", "database": "unavailable"}, status_code=503)
    return {"status": "ok", "database": "ok"}


# In the order they are matched: rotation_reports_router before rotations_router, since
# /rotations/roster is no rotation id.
DOMAIN_ROUTERS = (
    auth_router,
    regions_router,
    schools_router,
    teachers_router,
    users_router,
    imports_router,
    planning_router,
    programmes_router,
    agreements_router,
    activities_router,
    meetings_router,
    rotation_reports_router,
    rotations_router,
    rotation_records_router,
    attachments_router,
    notifications_router,
    reporting_router,
    assessments_router,
    audit_router,
    integrations_router,
    webhooks_router,
)


def include_api(app: FastAPI) -> None:
    """Every router included in the app itself, under the prefix. Not through one /api/v1 router that
    includes the domains': FastAPI matches each level of included routers twice over (to find the route,
    then again to hand it the request), and behind a second level a route of the last router took 2.2 ms
    to reach instead of 0.9 (a 401 answered in-process)."""
    for router in (health_router, *DOMAIN_ROUTERS):
        app.include_router(router, prefix=API_PREFIX)
