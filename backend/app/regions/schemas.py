from app.core.enums import RegionLevel
from app.core.schemas import ReadModel


class RegionRead(ReadModel):
    id: int
    code: str
    name: str
    level: RegionLevel
    parent_id: int | None


class OrganizationRead(ReadModel):
    id: int
    name: str
    kind: str
    region_id: int
