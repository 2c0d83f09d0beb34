from datetime import datetime

from app.core.schemas import ReadModel


class AttachmentRead(ReadModel):
    id: int
    agreement_id: int
    amendment_id: int | None
    activity_id: int | None
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    description: str
    uploaded_by_id: int | None
    created_at: datetime
