"""Lists: pagination, search, sort and Excel export, the same way for every resource."""

import io
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Query, Request
from fastapi.responses import Response
from openpyxl import Workbook
from pydantic import BaseModel
from pydantic_core import to_json
from sqlalchemy import ColumnElement, Result, Select, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.interfaces import ORMOption

from app.core.errors import ValidationFailed
from app.core.i18n import current_locale
from app.core.schemas import Page

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_ROW_LIMIT = 50_000
DEEP_OFFSET = 1_000  # from here on a page's ids are found first (see _page)
MAX_OFFSET = 2**31 - 1

XLSX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {XLSX_MEDIA_TYPE: {}}, "description": "The list as JSON, or as .xlsx with ?format=xlsx"}
}


@dataclass
class ListParams:
    limit: int
    offset: int
    q: str | None
    sort: str | None
    format: str | None


async def list_params(
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    # At most the largest INTEGER id: a deep page's offset is written into the SQL (see _page), where a
    # number beyond 64 bits would reach the database as a malformed statement rather than as invalid input.
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    q: Annotated[str | None, Query(max_length=100, description="Search names")] = None,
    sort: Annotated[str | None, Query(max_length=40, description="field or -field")] = None,
    format: Annotated[str | None, Query(pattern="^(json|xlsx)$")] = None,
) -> ListParams:
    # async, like every dependency: FastAPI runs a plain function in a worker thread, a hop that cost a
    # list request about 0.4 ms of its 6 (measured in-process).
    return ListParams(limit=limit, offset=offset, q=q, sort=sort, format=format)


@dataclass(frozen=True)
class ListSpec:
    """How one resource is searched, sorted and exported."""

    read_model: type[BaseModel]
    sortable: dict[str, Any]
    default_sort: Sequence[Any]
    searchable: Sequence[Any] = ()
    options: Sequence[ORMOption] = ()
    sheet: str = "export"
    labels: dict[str, tuple[str, str]] | None = None  # field → (zh-CN, en) column heading
    export_exclude: frozenset[str] = frozenset()
    # The statement selects labelled columns (an aggregate report), not ORM objects.
    columns: bool = False


def named(relationship: Any, *columns: Any) -> ORMOption:
    """Join a related object of which a list shows only its name (and id): hydrating every column of two
    schools and a programme for each of 50 rows cost more Python than the page's query."""
    return joinedload(relationship).load_only(*columns)


def where_equal(
    stmt: Select[Any], model: type, filters: BaseModel, *, only: Sequence[str] | None = None
) -> Select[Any]:
    """Narrow `stmt` by each filter the client gave: `?stage=junior` → `WHERE stage = 'junior'`.
    The filters used (all of them, or those named in `only`) must be columns of `model` of the same name."""
    for field, value in filters.model_dump(exclude_none=True).items():
        if only is None or field in only:
            stmt = stmt.where(getattr(model, field) == value)
    return stmt


def _apply_search_sort(stmt: Select[Any], params: ListParams, spec: ListSpec) -> Select[Any]:
    if params.q and spec.searchable:
        pattern = f"%{params.q.strip()}%"
        stmt = stmt.where(or_(*(column.ilike(pattern) for column in spec.searchable)))
    order: list[ColumnElement[Any]] = []
    if params.sort:
        descending = params.sort.startswith("-")
        key = params.sort.lstrip("-")
        if key not in spec.sortable:
            raise ValidationFailed("validation", field="sort")
        column = spec.sortable[key]
        order.append(column.desc() if descending else column.asc())
    order.extend(spec.default_sort)
    return stmt.order_by(*order)


async def respond(
    session: AsyncSession,
    request: Request,
    stmt: Select[Any],
    params: ListParams,
    spec: ListSpec,
    *,
    decorate: Callable[[Any], Any] | None = None,
    enrich: Callable[[Sequence[Any]], Awaitable[None]] | None = None,
) -> Page[Any] | Response:
    """Run a scoped list statement: a page of JSON, or the whole filtered list as .xlsx.
    `decorate` adds per-caller fields (such as allowed actions) to each row before it is shown;
    `enrich` adds figures computed for all the rows of the page (or export) at once."""
    stmt = _apply_search_sort(stmt, params, spec)
    if params.format == "xlsx" or XLSX_MEDIA_TYPE in request.headers.get("accept", ""):
        return await _export(session, stmt, spec, decorate, enrich)
    total = await session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = await _rows(session, _page(stmt, params, spec).options(*spec.options), spec)
    if enrich is not None:
        await enrich(rows)
    items = [spec.read_model.model_validate(decorate(row) if decorate else row) for row in rows]
    return Page[spec.read_model](items=items, total=total or 0, limit=params.limit, offset=params.offset)  # type: ignore[name-defined]


def _page(stmt: Select[Any], params: ListParams, spec: ListSpec) -> Select[Any]:
    """The page's rows. Far into a long list, OFFSET makes the database build and discard every row
    before the page, with its joins and computed columns (teachers at offset 50,000: 90-170 ms). There
    the ids are paged first, on the narrow scoped query, and only the page's rows are built (a deferred
    join): the same rows in the same order."""
    if params.offset < DEEP_OFFSET or spec.columns:
        # The page size written into the SQL (a handful of sizes: one statement text each): bound, the
        # generic plan PostgreSQL adopts for a statement reused across counties takes an unknown LIMIT
        # for a tenth of the rows, prices the plans accordingly, and read a county's rotations backwards
        # along the (start_date, id) index, discarding 8,239 rows to keep 50 (3.7 -> 15.6 ms).
        return stmt.limit(bindparam("page_size", params.limit, literal_execute=True)).offset(params.offset)
    entity = stmt.column_descriptions[0]["entity"]
    # The numbers written into the SQL: bound, PostgreSQL's generic plan for a reused statement cannot
    # know the offset is deep and chose the plan of a first page (teachers at 50,000: 9 ms -> 46 ms).
    ids = (
        stmt.with_only_columns(entity.id)
        .limit(bindparam("page_limit", params.limit, literal_execute=True))
        .offset(bindparam("page_offset", params.offset, literal_execute=True))
    )
    return stmt.where(entity.id.in_(ids)).limit(params.limit)


async def _rows(session: AsyncSession, stmt: Select[Any], spec: ListSpec) -> Sequence[Any]:
    if spec.columns:
        return [dict(row._mapping) for row in await session.execute(stmt)]
    return (await session.scalars(stmt)).all()


def values_response(content: Any) -> Response:
    """A JSON response written straight from plain values our own statements produced (dicts, lists,
    numbers, strings, dates), without building the response model first. For reports of thousands of
    rows: validating a province's 4,388 compliance rows into models and serialising the models cost
    three times the statement. The endpoint's response model still documents the shape, and the tests
    validate these bodies against it."""
    return Response(to_json(content), media_type="application/json")


def row_dicts(result: Result[Any]) -> list[dict[str, Any]]:
    """A Core result's rows as plain dicts, for `values_response` or a model validated at once in
    pydantic's core (a model built per row in Python, or validating row mappings, costs several times
    more). The keys made plain strings: SQLAlchemy's labels are a str subclass, which pydantic-core
    serialises through a slow fallback (a province's compliance report: 120 ms)."""
    keys = list(map(str, result.keys()))
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


def workbook_response(sheet_name: str, headings: list[str], rows: Sequence[Sequence[Any]]) -> Response:
    """A one-sheet .xlsx download of already computed rows."""
    return workbook_of_sheets(sheet_name, [(sheet_name, headings, rows)])


SheetData = tuple[str, list[str], Sequence[Sequence[Any]]]  # name, headings, rows
_SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def workbook_of_sheets(filename: str, sheets: Sequence[SheetData]) -> Response:
    """An .xlsx download with one sheet per entry (names cut to Excel's 31 characters)."""
    workbook = Workbook(write_only=True)
    for name, headings, rows in sheets:
        sheet = workbook.create_sheet(name.translate(_SHEET_NAME_FORBIDDEN)[:31])
        sheet.append(headings)
        for row in rows:
            sheet.append([_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(
        buffer.getvalue(),
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}.xlsx"},
    )


async def _export(
    session: AsyncSession,
    stmt: Select[Any],
    spec: ListSpec,
    decorate: Callable[[Any], Any] | None,
    enrich: Callable[[Sequence[Any]], Awaitable[None]] | None,
) -> Response:
    count = await session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    if count > EXPORT_ROW_LIMIT:
        raise ValidationFailed("export_too_large", limit=EXPORT_ROW_LIMIT)
    rows = await _rows(session, stmt.options(*spec.options), spec)
    if enrich is not None:
        await enrich(rows)
    fields = [f for f in spec.read_model.model_fields if f not in spec.export_exclude]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.sheet)
    labels = spec.labels or {}
    lang = 0 if current_locale.get() == "zh-CN" else 1
    sheet.append([labels[f][lang] if f in labels else f for f in fields])
    for row in rows:
        data = spec.read_model.model_validate(decorate(row) if decorate else row).model_dump()
        sheet.append([_cell(data[f]) for f in fields])
    buffer = io.BytesIO()
    workbook.save(buffer)
    filename = f"{spec.sheet}.xlsx"
    return Response(
        buffer.getvalue(),
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if hasattr(value, "value"):
        return value.value
    return value
