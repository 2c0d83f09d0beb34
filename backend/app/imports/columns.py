"""The columns of each import: headings in both languages, how a cell is read, and hints.

A heading in the file may be written in Chinese or English or as the field name, with or without
the template's "*" marking required columns. Cells are read forgivingly (dates as 2026-09-01 or
2026/9/1, 是/否 or yes/no, enumerations by value or by their Chinese or English name) and every
cell that cannot be read is reported with its row and column.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from app.core import labels
from app.core.enums import BackboneLevel, Gender, Role, SchoolLocale, Stage, TitleRank
from app.core.i18n import current_locale, t


class ImportKind(StrEnum):
    schools = "schools"
    teachers = "teachers"
    users = "users"


CellKind = Literal["text", "int", "float", "bool", "date", "enum", "list", "locale"]


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    kind: CellKind = "text"
    required: bool = False
    enum: type[StrEnum] | None = None
    hint: str = ""  # message key of the format hint shown in the template
    example: str = ""

    def heading(self) -> str:
        return self.zh if current_locale.get() == "zh-CN" else self.en


class CellError(Exception):
    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.params = params

    def message(self) -> str:
        return t(self.message_key, **self.params)


COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.schools: (
        Column("code", "学校代码", "Code", required=True, hint="import.hint.code", example="QS-X01"),
        Column("name", "学校名称", "Name", required=True, example="清水县第一小学"),
        Column("stage", "学段", "Stage", "enum", required=True, enum=Stage),
        Column("locale", "城乡类型", "Locale", "enum", required=True, enum=SchoolLocale),
        Column("region", "所属区县", "County", required=True, hint="import.hint.region"),
        Column("address", "地址", "Address"),
        Column("student_count", "学生数", "Students", "int", example="320"),
        Column("teacher_count", "教师数", "Teachers", "int", example="24"),
        Column("is_weak", "薄弱学校", "Weak school", "bool", hint="import.hint.bool"),
        Column("latitude", "纬度", "Latitude", "float", example="34.58"),
        Column("longitude", "经度", "Longitude", "float", example="105.72"),
    ),
    ImportKind.teachers: (
        Column("name", "姓名", "Name", required=True, example="王芳"),
        Column("gender", "性别", "Gender", "enum", required=True, enum=Gender),
        Column("school_code", "学校代码", "School code", required=True, hint="import.hint.school_code"),
        Column(
            "subjects",
            "任教学科",
            "Subjects",
            "list",
            hint="import.hint.subjects",
            example="语文、道德与法治",
        ),
        Column("title_rank", "职称", "Title", "enum", enum=TitleRank),
        Column("backbone_level", "骨干级别", "Backbone level", "enum", enum=BackboneLevel),
        Column("hire_date", "入职日期", "Hire date", "date", required=True, hint="import.hint.hire_date"),
        Column("birth_date", "出生日期", "Birth date", "date", hint="import.hint.date"),
        Column("phone", "电话", "Phone", example="13800000000"),
    ),
    ImportKind.users: (
        Column("username", "用户名", "Username", required=True, hint="import.hint.username"),
        Column("display_name", "姓名", "Name", required=True, example="李明"),
        Column("role", "角色", "Role", "enum", required=True, enum=Role),
        Column("password", "初始密码", "Initial password", required=True, hint="import.hint.password"),
        Column("school_code", "学校代码", "School code", hint="import.hint.user_school"),
        Column("teacher_id", "教师编号", "Teacher ID", "int", hint="import.hint.teacher_id"),
        Column("phone", "电话", "Phone"),
        Column("email", "邮箱", "Email"),
        Column("locale", "界面语言", "Language", "locale", hint="import.hint.locale"),
    ),
}

_MARKS = re.compile(r"[*＊]|[(（](必填|required)[)）]", re.IGNORECASE)


def normalise_heading(text: str) -> str:
    return _MARKS.sub("", text).strip().casefold()


def match_headings(kind: ImportKind, headings: list[str]) -> tuple[dict[int, Column], list[str], list[str]]:
    """Column index → Column, headings not understood, headings repeated."""
    names: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for name in (column.field, column.zh, column.en):
            names[normalise_heading(name)] = column
    found: dict[int, Column] = {}
    ignored: list[str] = []
    repeated: list[str] = []
    for index, heading in enumerate(headings):
        column = names.get(normalise_heading(heading)) if heading else None
        if column is None:
            if heading:
                ignored.append(heading)
        elif column in found.values():
            repeated.append(heading)
        else:
            found[index] = column
    return found, ignored, repeated


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_YES = {"是", "y", "yes", "true", "1", "√", "✓"}
_NO = {"否", "n", "no", "false", "0", "×", "✗"}
_LIST_SEPARATORS = re.compile(r"[、,，;；/\s]+")
LOCALES = {"zh-cn": "zh-CN", "zh": "zh-CN", "中文": "zh-CN", "简体中文": "zh-CN", "en": "en", "english": "en"}


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a numeric code or phone number typed into Excel
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def read_cell(column: Column, value: Any) -> Any:
    """The cell as the API field expects it; None when empty. Raises CellError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = _text(value)
    match column.kind:
        case "text":
            return text
        case "int":
            if isinstance(value, bool):
                raise CellError("import.bad_int")
            if isinstance(value, int):
                return value
            if isinstance(value, float) and value.is_integer():
                return int(value)
            if re.fullmatch(r"[+-]?\d+", text.replace(",", "")):
                return int(text.replace(",", ""))
            raise CellError("import.bad_int")
        case "float":
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
            try:
                return float(text)
            except ValueError:
                raise CellError("import.bad_number") from None
        case "bool":
            if isinstance(value, bool):
                return value
            if text.casefold() in _YES:
                return True
            if text.casefold() in _NO:
                return False
            raise CellError("import.bad_bool")
        case "date":
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            found = _DATE.match(text)
            try:
                if found is None:
                    raise ValueError(text)
                return date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                raise CellError("import.bad_date") from None
        case "enum":
            assert column.enum is not None
            member = labels.parse(column.enum, text)
            if member is None:
                raise CellError(
                    "import.bad_choice", value=text, choices=labels.join(labels.labels(column.enum))
                )
            return member
        case "list":
            return [part for part in _LIST_SEPARATORS.split(text) if part]
        case "locale":
            locale = LOCALES.get(text.casefold())
            if locale is None:
                raise CellError("import.bad_choice", value=text, choices=labels.join(["中文", "English"]))
            return locale
    raise AssertionError(column.kind)
