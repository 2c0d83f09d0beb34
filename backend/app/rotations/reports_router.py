"""Routes for what is reported about rotations: rotation-rate compliance and whom to plan from, the
schools' outgoing/incoming roster, the title-service ledger, the six-field archive and certificates.

Mounted before the rotations router so that `/rotations/roster` and `/rotations/archive` are not
taken for a rotation id."""

from collections.abc import Sequence
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response

from app.core.clock import today
from app.core.deps import CurrentCaller, SessionDep
from app.core.i18n import current_locale
from app.core.listing import XLSX_MEDIA_TYPE, XLSX_RESPONSE, ListParams, list_params, respond, values_response
from app.core.schemas import Page, problem_responses
from app.rotations import compliance, reports, service
from app.rotations.attendance import roster_stats
from app.rotations.schemas import (
    RosterRow,
    RotationArchiveRow,
    RotationCompliance,
    RotationFilters,
    ServiceLedgerFilters,
    ServiceLedgerRow,
)
from app.teachers.schemas import TeacherRead
from app.teachers.service import LIST_SPEC as TEACHER_LIST_SPEC

router = APIRouter(tags=["rotations"])
SchoolYear = Annotated[int, Query(ge=2000, le=2100, description="2026 = 2026-09-01 … 2027-08-31")]
LIST_ERRORS = {**XLSX_RESPONSE, **problem_responses(401, 422)}


@router.get(
    "/compliance/rotations",
    response_model=RotationCompliance,
    responses={**XLSX_RESPONSE, **problem_responses(401, 403, 404, 422)},
)
async def rotation_compliance(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    school_year: SchoolYear,
    programme_id: int | None = None,
    format: Annotated[str | None, Query(pattern="^(json|xlsx)$")] = None,
) -> Any:
    """Per supporting school: teachers rotated out against the eligible, and backbone teachers against
    their minimum, with the gap in teachers (the programme's shares; the newest programme by default)."""
    report = await compliance.compliance_report(
        session, caller=caller, school_year=school_year, programme_id=programme_id
    )
    if format == "xlsx" or XLSX_MEDIA_TYPE in request.headers.get("accept", ""):
        return compliance.as_workbook(RotationCompliance.model_validate(report), current_locale.get())
    return values_response(report)


@router.get(
    "/compliance/rotations/candidates",
    response_model=Page[TeacherRead],
    responses={**LIST_ERRORS, **problem_responses(404)},
)
async def rotation_candidates(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    school_year: SchoolYear,
    school_id: int | None = None,
    programme_id: int | None = None,
) -> Any:
    """Eligible teachers not yet rotated this school year: whom a school can plan from."""
    programme = await compliance.programme_in_force(session, caller, programme_id)
    stmt = compliance.candidates_query(
        caller=caller,
        school_year=school_year,
        years=programme.rotation_eligibility_years if programme else 6,
        school_id=school_id,
    )
    return await respond(
        session, request, stmt, params, replace(TEACHER_LIST_SPEC, sheet="rotation-candidates")
    )


@router.get("/rotations/roster", response_model=Page[RosterRow], responses=LIST_ERRORS)
async def rotation_roster(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[RotationFilters, Query()],
) -> Any:
    """Rotations (same filters as the list) with attendance so far, log entries and pending leave: a
    school's outgoing and incoming teachers at a glance."""

    async def with_stats(rows: Sequence[Any]) -> None:
        # by id, not a scan per rotation: an export has up to 50,000 rows (scanning, 20,000 took 5.8 s)
        by_id = {r.id: r for r in rows}
        for rotation_id, figures in (await roster_stats(session, list(rows))).items():
            rotation = by_id[rotation_id]
            for key, value in figures.items():
                setattr(rotation, key, value)

    spec = replace(service.LIST_SPEC, read_model=RosterRow, sheet="rotation-roster", labels=ROSTER_LABELS)
    return await respond(
        session,
        request,
        service.rotations_query(caller=caller, filters=filters),
        params,
        spec,
        decorate=lambda r: service.present(caller, r),
        enrich=with_stats,
    )


ROSTER_LABELS = {
    **(service.LIST_SPEC.labels or {}),
    "present_days": ("出勤天数", "Days present"),
    "absent_days": ("缺勤天数", "Days absent"),
    "leave_days": ("请假天数", "Days on leave"),
    "attendance_rate": ("出勤率", "Attendance rate"),
    "flagged_days": ("异地签到天数", "Flagged check-ins"),
    "log_count": ("工作日志条数", "Log entries"),
    "pending_leaves": ("待批请假", "Pending leave"),
}


@router.get("/rotations/archive", response_model=Page[RotationArchiveRow], responses=LIST_ERRORS)
async def rotation_archive(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[RotationFilters, Query()],
) -> Any:
    """The six-field archive record of each rotation (type, personnel relationship moved, start month,
    end month, original unit, rotation unit); `format=xlsx` for the teachers' files."""
    spec = replace(reports.ARCHIVE_SPEC, options=service.LOAD)
    return await respond(
        session, request, service.rotations_query(caller=caller, filters=filters), params, spec
    )


@router.get("/reports/service-records", response_model=Page[ServiceLedgerRow], responses=LIST_ERRORS)
async def service_ledger(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[ServiceLedgerFilters, Query()],
) -> Any:
    """Every teacher in scope with rural and weak-school days served, days still missing and whether the
    title rule is met — the list a county hands in before title applications (`eligible=false`)."""
    need_rural, need_weak = await reports.title_rule(session, caller)
    stmt = reports.ledger_query(
        caller=caller,
        filters=filters,
        dialect=session.get_bind().dialect.name,
        need_rural=need_rural,
        need_weak=need_weak,
    )
    return await respond(session, request, stmt, params, reports.LEDGER_SPEC)


@router.get(
    "/rotations/{rotation_id}/certificate.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **problem_responses(401, 404, 409)},
)
async def rotation_certificate(rotation_id: int, session: SessionDep, caller: CurrentCaller) -> Response:
    """The printable service certificate (支教证明) of a completed rotation, A4 PDF."""
    rotation = await service.get_rotation(session, caller=caller, rotation_id=rotation_id)
    data = await reports.certificate(session, caller=caller, rotation=rotation, issued=today())
    filename = f"支教证明-{rotation.teacher_name}-{rotation.start_date:%Y%m}.pdf"
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )
