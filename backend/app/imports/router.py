from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from app.attachments.service import read_limited
from app.core.deps import CurrentCaller, SessionDep
from app.core.errors import Forbidden
from app.core.i18n import t
from app.core.listing import XLSX_MEDIA_TYPE, workbook_response
from app.core.schemas import problem_responses
from app.imports import service, templates
from app.imports.columns import ImportKind
from app.imports.schemas import ImportReport

router = APIRouter(prefix="/imports", tags=["imports"])


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


@router.get(
    "/{kind}/template",
    response_class=Response,
    responses={200: {"content": {XLSX_MEDIA_TYPE: {}, "text/csv": {}}}, **problem_responses(401, 403, 422)},
)
async def download_template(
    kind: ImportKind,
    session: SessionDep,
    caller: CurrentCaller,
    format: Annotated[Literal["xlsx", "csv"], Query()] = "xlsx",
) -> Response:
    """The file to fill in: headings in the caller's language (required ones marked *); the XLSX
    version adds drop-down lists, instructions and the counties or schools the caller may name."""
    if not service.can_import(caller, kind):
        raise Forbidden()
    name = t("import.template_name", kind=f"import.kind.{kind.value}")
    if format == "csv":
        return _download(templates.csv_template(caller, kind), "text/csv; charset=utf-8", f"{name}.csv")
    return _download(await templates.xlsx_template(session, caller, kind), XLSX_MEDIA_TYPE, f"{name}.xlsx")


@router.post(
    "/{kind}",
    response_model=ImportReport,
    responses={
        201: {"model": ImportReport, "description": "Written: every row"},
        200: {
            "content": {XLSX_MEDIA_TYPE: {}},
            "description": "The dry run's report (as .xlsx with format=xlsx)",
        },
        **problem_responses(401, 403, 413, 415, 422),
    },
)
async def import_file(
    kind: ImportKind,
    response: Response,
    session: SessionDep,
    caller: CurrentCaller,
    file: Annotated[UploadFile, File(description="CSV (UTF-8 or GB18030) or XLSX, with a heading row")],
    dry_run: Annotated[
        bool, Query(description="Check only (the default); false writes every row or none")
    ] = True,
    format: Annotated[
        Literal["json", "xlsx"], Query(description="xlsx: the dry run's errors as a workbook")
    ] = "json",
) -> Any:
    """Import schools, teachers or accounts. A dry run reports every row and column error without
    writing; the real run (`dry_run=false`) writes all rows in one transaction, or — when any row
    has an error — none, answering 422 with the same report."""
    data = await read_limited(file, service.MAX_BYTES)
    report = await service.run_import(
        session, caller=caller, kind=kind, data=data, dry_run=dry_run or format == "xlsx"
    )
    if format == "xlsx":
        headings = [
            t("import.col.row"),
            t("import.col.column"),
            t("import.col.value"),
            t("import.col.message"),
        ]
        rows = [[e.row, e.column, e.value, e.message] for e in report.errors]
        return workbook_response(t("import.sheet.errors"), headings, rows)
    if not report.dry_run:
        response.status_code = status.HTTP_201_CREATED
    return report
