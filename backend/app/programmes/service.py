from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import audit, policy, updates
from app.core.errors import Forbidden, ValidationFailed
from app.core.listing import ListSpec, where_equal
from app.core.policy import Caller
from app.core.versioning import check_version
from app.programmes.models import Programme
from app.programmes.schemas import ProgrammeCreate, ProgrammeFilters, ProgrammeRead, ProgrammeUpdate

LIST_SPEC = ListSpec(
    read_model=ProgrammeRead,
    sortable={"name": Programme.name, "start_date": Programme.start_date, "end_date": Programme.end_date},
    default_sort=(Programme.start_date.desc(), Programme.id),
    searchable=(Programme.name,),
    sheet="programmes",
    labels={
        "id": ("编号", "ID"),
        "name": ("项目名称", "Name"),
        "start_date": ("开始日期", "Start"),
        "end_date": ("结束日期", "End"),
        "meeting_cadence": ("例会周期", "Meeting cadence"),
        "min_meetings": ("最少例会次数", "Minimum meetings"),
        "min_rotation_share": ("最低交流比例", "Minimum rotation share"),
        "min_backbone_share": ("骨干教师最低比例", "Minimum backbone share"),
    },
)


def programmes_query(*, caller: Caller, filters: ProgrammeFilters) -> Select[Any]:
    return where_equal(policy.readable(caller, Programme), Programme, filters)


async def get_programme(session: AsyncSession, *, caller: Caller, programme_id: int) -> Programme:
    return await policy.get_readable(session, caller, Programme, programme_id, entity="programme")


async def create_programme(session: AsyncSession, *, caller: Caller, data: ProgrammeCreate) -> Programme:
    if not policy.can_manage_programmes(caller) or caller.organization_id is None:
        raise Forbidden()
    programme = Programme(organization_id=caller.organization_id, **data.model_dump())
    session.add(programme)
    await session.flush()
    await audit.record_created(session, caller, programme, entity="programme", read_model=ProgrammeRead)
    return programme


async def update_programme(
    session: AsyncSession,
    *,
    caller: Caller,
    programme_id: int,
    data: ProgrammeUpdate,
    expected_version: int | None,
) -> Programme:
    programme = await get_programme(session, caller=caller, programme_id=programme_id)
    if not policy.can_manage_programmes(caller):
        raise Forbidden()
    check_version(programme.version, expected_version)
    changes = updates.changed_fields(programme, data)
    if not changes:
        return programme
    if changes.get("end_date", programme.end_date) <= changes.get("start_date", programme.start_date):
        raise ValidationFailed("end_before_start", field="end_date")
    await audit.apply_changes(
        session, caller, programme, changes, entity="programme", read_model=ProgrammeRead
    )
    return programme
