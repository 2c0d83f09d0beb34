from sqlalchemy import func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.regions.models import Organization, Region


async def governing_organization(session: AsyncSession, region_id: int) -> Organization | None:
    """The nearest bureau at or above `region_id` (a county school answers to its county bureau)."""
    path = await session.scalar(select(Region.path).where(Region.id == region_id))
    if path is None:
        return None
    stmt = (
        select(Organization)
        .join(Region, Organization.region_id == Region.id)
        .where(literal(path).like(Region.path + "%"))
        .order_by(func.length(Region.path).desc())
        .limit(1)
    )
    return (await session.scalars(stmt)).first()


async def region_path_of_organization(session: AsyncSession, organization_id: int | None) -> str | None:
    if organization_id is None:
        return None
    return await session.scalar(
        select(Region.path)
        .join(Organization, Organization.region_id == Region.id)
        .where(Organization.id == organization_id)
    )
