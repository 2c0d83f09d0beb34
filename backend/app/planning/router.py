from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.deps import CurrentCaller, IfMatch, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, list_params, respond
from app.core.schemas import Page, problem_responses
from app.core.versioning import set_etag
from app.planning import needs, proposals, supply
from app.planning.schemas import (
    NeedCreate,
    NeedFilters,
    NeedRead,
    NeedUpdate,
    ProposalCreate,
    ProposalFilters,
    ProposalRead,
    ProposalSummary,
    ProposalUpdate,
    SupplyFilters,
    SupplyRow,
    UnavailabilityCreate,
    UnavailabilityRead,
)

router = APIRouter(tags=["planning"])
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)


# --- staffing needs ---------------------------------------------------------------------------


@router.get(
    "/needs", response_model=Page[NeedRead], responses={**XLSX_RESPONSE, **problem_responses(401, 422)}
)
async def list_needs(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[NeedFilters, Query()],
) -> Any:
    """Staffing needs the caller may see: a school's own and its partners'; the bureau's schools'."""
    return await respond(
        session, request, needs.needs_query(caller=caller, filters=filters), params, needs.LIST_SPEC
    )


@router.post("/needs", status_code=status.HTTP_201_CREATED, response_model=NeedRead, responses=WRITE_ERRORS)
async def create_need(
    body: NeedCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    need = await needs.create_need(session, caller=caller, data=body)
    set_etag(response, need.version)
    return need


@router.get("/needs/{need_id}", response_model=NeedRead, responses=problem_responses(401, 404))
async def get_need(need_id: int, response: Response, session: SessionDep, caller: CurrentCaller) -> Any:
    need = await needs.get_need(session, caller=caller, need_id=need_id)
    set_etag(response, need.version)
    return need


@router.patch("/needs/{need_id}", response_model=NeedRead, responses=WRITE_ERRORS)
async def update_need(
    need_id: int,
    body: NeedUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    need = await needs.update_need(
        session, caller=caller, need_id=need_id, data=body, expected_version=if_match
    )
    set_etag(response, need.version)
    return need


@router.delete("/needs/{need_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
async def delete_need(need_id: int, session: SessionDep, caller: CurrentCaller, if_match: IfMatch) -> None:
    """Only a need no rotation was created for (409 otherwise: lower its count instead)."""
    await needs.delete_need(session, caller=caller, need_id=need_id, expected_version=if_match)


# --- supply -----------------------------------------------------------------------------------


@router.get(
    "/planning/supply",
    response_model=Page[SupplyRow],
    responses={**XLSX_RESPONSE, **problem_responses(401, 403, 422)},
)
async def list_supply(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[SupplyFilters, Query()],
) -> Any:
    """Eligible teachers of the supporting schools not yet dispatched in the school year, with the
    ones their school keeps back (and why)."""
    stmt = await supply.supply_query(session, caller=caller, filters=filters)
    enrich_with, decorate = supply.supply_rows(filters.school_year)
    return await respond(
        session,
        request,
        stmt,
        params,
        supply.LIST_SPEC,
        decorate=decorate,
        enrich=lambda rows: enrich_with(session, rows),
    )


@router.get(
    "/planning/unavailable-teachers",
    response_model=list[UnavailabilityRead],
    responses=problem_responses(401),
)
async def list_unavailable(
    session: SessionDep,
    caller: CurrentCaller,
    school_year: Annotated[int | None, Query()] = None,
    school_id: Annotated[int | None, Query()] = None,
) -> Any:
    stmt = supply.unavailability_query(caller=caller, school_year=school_year, school_id=school_id)
    return (await session.scalars(stmt.limit(5000))).all()


@router.post(
    "/planning/unavailable-teachers",
    status_code=status.HTTP_201_CREATED,
    response_model=UnavailabilityRead,
    responses=WRITE_ERRORS,
)
async def mark_unavailable(body: UnavailabilityCreate, session: SessionDep, caller: CurrentCaller) -> Any:
    """Keep a teacher out of the school year's plan (illness, a graduating class, …)."""
    return await supply.mark_unavailable(session, caller=caller, data=body)


@router.delete(
    "/planning/unavailable-teachers/{mark_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS
)
async def clear_unavailable(mark_id: int, session: SessionDep, caller: CurrentCaller) -> None:
    await supply.clear_unavailable(session, caller=caller, mark_id=mark_id)


# --- proposals --------------------------------------------------------------------------------


@router.get(
    "/planning/proposals",
    response_model=Page[ProposalSummary],
    responses={**XLSX_RESPONSE, **problem_responses(401, 422)},
)
async def list_proposals(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
    filters: Annotated[ProposalFilters, Query()],
) -> Any:
    """Proposals kept for comparison: who asked, when, and their totals."""
    stmt = proposals.proposals_query(caller=caller, filters=filters)
    return await respond(session, request, stmt, params, proposals.LIST_SPEC, decorate=proposals.summary)


@router.post(
    "/planning/proposals",
    status_code=status.HTTP_201_CREATED,
    response_model=ProposalRead,
    responses=WRITE_ERRORS,
)
async def create_proposal(
    body: ProposalCreate, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    """Solve the county's plan for the school year (an integer program: subjects match, no need gets
    more than asked, quotas met where the supply allows, agreements preferred, distance kept low,
    urgent needs first) and keep it with its inputs and its explanation."""
    proposal = await proposals.propose(session, caller=caller, data=body)
    set_etag(response, proposal.version)
    return proposals.render(proposal)


@router.get(
    "/planning/proposals/{proposal_id}", response_model=ProposalRead, responses=problem_responses(401, 404)
)
async def get_proposal(
    proposal_id: int, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    proposal = await proposals.get_proposal(session, caller=caller, proposal_id=proposal_id)
    set_etag(response, proposal.version)
    return proposals.render(proposal)


@router.patch("/planning/proposals/{proposal_id}", response_model=ProposalRead, responses=WRITE_ERRORS)
async def revise_proposal(
    proposal_id: int,
    body: ProposalUpdate,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    if_match: IfMatch,
) -> Any:
    """The reviewed assignments (a moved one names its new need; a removed one is left out). The
    figures recompute; what is wrong with the edit is listed in `problems` (and blocks acceptance)."""
    proposal = await proposals.revise(
        session,
        caller=caller,
        proposal_id=proposal_id,
        assignments=body.assignments,
        expected_version=if_match,
    )
    set_etag(response, proposal.version)
    return proposals.render(proposal)


@router.post("/planning/proposals/{proposal_id}/accept", response_model=ProposalRead, responses=WRITE_ERRORS)
async def accept_proposal(
    proposal_id: int, response: Response, session: SessionDep, caller: CurrentCaller, if_match: IfMatch
) -> Any:
    """Create every assignment's rotation in `planned` status (linked to the agreement between the two
    schools where there is one), in one transaction — or none, answering 409 with the conflicts."""
    proposal = await proposals.accept(
        session, caller=caller, proposal_id=proposal_id, expected_version=if_match
    )
    set_etag(response, proposal.version)
    return proposals.render(proposal)
