from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from app.attachments import service
from app.attachments.schemas import AttachmentRead
from app.core.deps import CurrentCaller, SessionDep
from app.core.schemas import problem_responses
from app.core.storage import get_storage

router = APIRouter(tags=["attachments"])


@router.get(
    "/agreements/{agreement_id}/attachments",
    response_model=list[AttachmentRead],
    responses=problem_responses(401, 404),
)
async def list_attachments(agreement_id: int, session: SessionDep, caller: CurrentCaller) -> Any:
    stmt = await service.attachments_query(session, caller=caller, agreement_id=agreement_id)
    return (await session.scalars(stmt)).all()


@router.post(
    "/agreements/{agreement_id}/attachments",
    status_code=status.HTTP_201_CREATED,
    response_model=AttachmentRead,
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def upload_attachment(
    agreement_id: int,
    session: SessionDep,
    caller: CurrentCaller,
    file: Annotated[UploadFile, File(description="PDF, JPEG, PNG or WebP")],
    description: Annotated[str, Form(max_length=500)] = "",
    amendment_id: Annotated[int | None, Form()] = None,
    activity_id: Annotated[int | None, Form()] = None,
) -> Any:
    """File the signed agreement, an amendment's text, or an activity's photos."""
    return await service.upload(
        session,
        get_storage(),
        caller=caller,
        agreement_id=agreement_id,
        file=file,
        amendment_id=amendment_id,
        activity_id=activity_id,
        description=description,
    )


@router.get(
    "/attachments/{attachment_id}/content",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}, "image/*": {}}}, **problem_responses(401, 404)},
)
async def download_attachment(attachment_id: int, session: SessionDep, caller: CurrentCaller) -> Response:
    attachment = await service.get_attachment(session, caller=caller, attachment_id=attachment_id)
    data = await get_storage().get(attachment.storage_key)
    disposition = f"inline; filename*=UTF-8''{quote(attachment.filename)}"
    return Response(
        data,
        media_type=attachment.content_type,
        headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"},
    )


@router.delete(
    "/attachments/{attachment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409),
)
async def delete_attachment(attachment_id: int, session: SessionDep, caller: CurrentCaller) -> Response:
    await service.remove(session, caller=caller, attachment_id=attachment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
