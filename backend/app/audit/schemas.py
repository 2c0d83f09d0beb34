from datetime import datetime
from typing import Any

from app.core.schemas import ReadModel


class AuditEventRead(ReadModel):
    id: int
    actor_id: int | None
    actor_name: str | None
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: datetime
