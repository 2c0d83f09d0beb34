"""Reading an uploaded spreadsheet (CSV or XLSX) into a header and numbered rows of raw cells.

The type is sniffed from the content, not trusted from the name or the browser: an XLSX file is a
ZIP archive; anything else must decode as text. CSV files saved by Chinese Excel are GB18030
(GBK), others UTF-8 (with or without a byte-order mark): both are accepted.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl import load_workbook

from app.core.errors import UnsupportedMediaType, ValidationFailed

ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Sheet:
    headings: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _numbered(rows: Iterator[list[Any]], limit: int) -> Sheet:
    try:
        header = next(rows)
    except StopIteration:
        raise ValidationFailed("import_empty", field="file") from None
    headings = ["" if _blank(h) else str(h).strip() for h in header]
    while headings and not headings[-1]:
        headings.pop()
    numbered: list[tuple[int, list[Any]]] = []
    for number, cells in enumerate(rows, start=2):
        if all(_blank(c) for c in cells):
            continue  # spreadsheets keep formatted but empty rows
        numbered.append((number, list(cells[: len(headings)])))
        if len(numbered) > limit:
            raise ValidationFailed("import_too_many_rows", field="file", limit=limit)
    if not numbered:
        raise ValidationFailed("import_empty", field="file")
    return Sheet(headings, numbered)


def _xlsx_rows(data: bytes) -> Iterator[list[Any]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationFailed("import_unreadable", field="file") from exc
    try:
        # The first sheet holds the data; a template's later sheets are instructions and lists.
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnsupportedMediaType("import_unsupported")


def _csv_rows(text: str) -> Iterator[list[Any]]:
    first_line = text.split("\n", 1)[0]
    # Excel writes commas, or semicolons / tabs in some locales; the header line tells which.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def read_sheet(data: bytes, *, limit: int) -> Sheet:
    if data.startswith(ZIP_MAGIC):
        return _numbered(_xlsx_rows(data), limit)
    if b"\x00" in data[:4096]:
        raise UnsupportedMediaType("import_unsupported")  # binary, and not an XLSX (e.g. an old .xls)
    return _numbered(_csv_rows(_decode(data)), limit)
