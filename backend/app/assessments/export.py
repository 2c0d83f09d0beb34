"""The assessment result as an Excel workbook: one sheet per assessment, ranked, one column per item."""

from collections.abc import Sequence
from typing import Any

from fastapi.responses import Response

from app.assessments.schemas import AssessmentResult
from app.core.i18n import current_locale
from app.core.listing import SheetData, workbook_of_sheets

HEADINGS = {
    "zh-CN": ("排名", "协议编号", "协议", "支援学校", "受援学校", "总分", "评分完成", "低于合格线", "评语"),
    "en": ("Rank", "Agreement", "Title", "Supporting school", "Receiving school", "Total", "Fully scored",
           "Below pass mark", "Remarks"),
}  # fmt: skip
YES_NO = {"zh-CN": ("是", "否"), "en": ("yes", "no")}


def _sheet(result: AssessmentResult, lang: str) -> SheetData:
    rank, agreement, title, supporting, receiving, total, complete, below, remarks = HEADINGS[lang]
    yes, no = YES_NO[lang]
    items = result.assessment.items
    headings = [
        rank,
        agreement,
        title,
        supporting,
        receiving,
        *(f"{item.title} ({item.max_points})" for item in items),
        f"{total} ({result.assessment.max_total})",
        complete,
        below,
        remarks,
    ]
    rows: list[Sequence[Any]] = [
        [
            row.rank,
            row.agreement_id,
            row.title,
            row.supporting_school_name,
            row.receiving_school_name,
            *(float(score.points) if score.points is not None else None for score in row.items),
            float(row.total),
            yes if row.complete else no,
            yes if row.below_threshold else no,
            row.remarks,
        ]
        for row in result.rows
    ]
    return f"{result.assessment.school_year} {result.assessment.programme_name}", headings, rows


def workbook(filename: str, results: Sequence[AssessmentResult]) -> Response:
    lang = "en" if current_locale.get() == "en" else "zh-CN"
    return workbook_of_sheets(filename, [_sheet(result, lang) for result in results])
