"""Downloadable templates: the headings an import reads, in the caller's language.

The XLSX template has drop-down lists for the columns with fixed choices, an instructions sheet
(each column: required or not, what to write, an example) and a reference sheet of the counties
or schools the caller may name, so a school code can be copied instead of guessed.
"""

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import labels, policy
from app.core.enums import RegionLevel
from app.core.i18n import t
from app.core.policy import Caller
from app.imports.columns import COLUMNS, Column, ImportKind
from app.imports.service import ROW_LIMITS, required_columns
from app.regions.models import Region
from app.schools.models import School

REFERENCE_LIMIT = 10_000
_BOLD = Font(bold=True)
_REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def _choices(column: Column) -> list[str] | None:
    if column.kind == "enum" and column.enum is not None:
        return labels.labels(column.enum)
    if column.kind == "bool":
        return [t("import.yes"), t("import.no")]
    if column.kind == "locale":
        return ["中文", "English"]
    return None


def _instructions(column: Column, required: bool) -> list[str]:
    choices = _choices(column)
    what = labels.join(choices) if choices else (t(column.hint) if column.hint else "")
    if choices and column.hint:
        what = f"{t(column.hint)} {what}"
    return [column.heading(), t("import.yes") if required else t("import.no"), what, column.example]


async def _reference(session: AsyncSession, caller: Caller, kind: ImportKind) -> tuple[str, list[list[Any]]]:
    """The reference sheet: counties for schools, schools for teachers and accounts."""
    if kind == ImportKind.schools:
        stmt = (
            policy.readable(caller, Region)
            .where(Region.level == RegionLevel.county)
            .order_by(Region.code)
            .limit(REFERENCE_LIMIT)
        )
        rows = [[r.name, r.code] for r in await session.scalars(stmt)]
        return t("import.sheet.counties"), [[t("import.col.county"), t("import.col.county_code")], *rows]
    stmt = (
        policy.readable(caller, School)
        .with_only_columns(School.code, School.name)
        .order_by(School.code)
        .limit(REFERENCE_LIMIT)
    )
    if not policy.can_manage_schools(caller):
        stmt = stmt.where(School.id == caller.school_id) if caller.school_id else stmt.where(False)
    rows = [list(r) for r in await session.execute(stmt)]
    return t("import.sheet.schools"), [[t("import.col.school_code"), t("import.col.school_name")], *rows]


async def xlsx_template(session: AsyncSession, caller: Caller, kind: ImportKind) -> bytes:
    columns = COLUMNS[kind]
    required = {c.field for c in required_columns(caller, kind)}
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = t(f"import.kind.{kind.value}")
    sheet.append([f"{c.heading()}*" if c.field in required else c.heading() for c in columns])
    sheet.freeze_panes = "A2"
    last_row = ROW_LIMITS[kind] + 1
    reference_name, reference_rows = await _reference(session, caller, kind)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index)
        cell.font = _BOLD
        if column.field in required:
            cell.fill = _REQUIRED_FILL
        sheet.column_dimensions[letter].width = max(12, len(column.heading()) * 2 + 4)
        choices = _choices(column)
        formula = None
        if choices:
            formula = '"' + ",".join(choices) + '"'
        elif column.field == "region" and len(reference_rows) > 1:
            formula = f"'{reference_name}'!$A$2:$A${len(reference_rows)}"
        if column.kind in ("date", "text"):
            # Text cells keep leading zeros of codes and phone numbers; dates are typed as text too.
            for row in range(2, min(last_row, 201) + 1):
                sheet.cell(row=row, column=index).number_format = "@"
        if formula:
            validation = DataValidation(type="list", formula1=formula, allow_blank=True)
            validation.error = t("import.pick_from_list")
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{last_row}")
    guide = workbook.create_sheet(t("import.sheet.instructions"))
    guide.append(
        [t("import.col.column"), t("import.col.required"), t("import.col.format"), t("import.col.example")]
    )
    for column in columns:
        guide.append(_instructions(column, column.field in required))
    guide.append([])
    guide.append([t("import.guide.dry_run")])
    for index, width in enumerate((16, 8, 60, 20), start=1):
        guide.column_dimensions[get_column_letter(index)].width = width
    for cell in guide[1]:
        cell.font = _BOLD
    reference = workbook.create_sheet(reference_name)
    for row in reference_rows:
        reference.append(row)
    for cell in reference[1]:
        cell.font = _BOLD
    reference.column_dimensions["A"].width = 24
    reference.column_dimensions["B"].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_template(caller: Caller, kind: ImportKind) -> bytes:
    required = {c.field for c in required_columns(caller, kind)}
    buffer = io.StringIO()
    csv.writer(buffer).writerow(
        [f"{c.heading()}*" if c.field in required else c.heading() for c in COLUMNS[kind]]
    )
    # A byte-order mark, so Excel opens the UTF-8 headings as Chinese rather than mojibake.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
