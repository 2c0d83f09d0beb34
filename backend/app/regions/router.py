from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from app.core import policy
from app.core.deps import CurrentCaller, SessionDep
from app.core.listing import XLSX_RESPONSE, ListParams, ListSpec, list_params, respond
from app.core.schemas import Page, problem_responses
from app.regions.models import Organization, Region
from app.regions.schemas import OrganizationRead, RegionRead

router = APIRouter(tags=["regions"])

REGION_LIST = ListSpec(
    read_model=RegionRead,
    sortable={"name": Region.name, "code": Region.code, "level": Region.level},
    default_sort=(Region.path,),
    searchable=(Region.name,),
    sheet="regions",
)
ORGANIZATION_LIST = ListSpec(
    read_model=OrganizationRead,
    sortable={"name": Organization.name},
    default_sort=(Organization.id,),
    searchable=(Organization.name,),
    sheet="organizations",
)


@router.get(
    "/regions", response_model=Page[RegionRead], responses={**XLSX_RESPONSE, **problem_responses(401)}
)
async def list_regions(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
) -> Any:
    return await respond(session, request, policy.readable(caller, Region), params, REGION_LIST)


@router.get(
    "/organizations",
    response_model=Page[OrganizationRead],
    responses={**XLSX_RESPONSE, **problem_responses(401)},
)
async def list_organizations(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    params: Annotated[ListParams, Depends(list_params)],
) -> Any:
    return await respond(session, request, policy.readable(caller, Organization), params, ORGANIZATION_LIST)
