"""Bulk import of schools, teachers and accounts from a spreadsheet.

One pass checks every row against the same rules as the single-record API (the create schemas,
the caller's jurisdiction, unique codes and usernames, in the file and in the database) and
collects every error with its row and column. A dry run stops there and writes nothing. A real
run writes only when no row has an error, and then writes every row in the request's single
transaction, so an import lands whole or not at all. Lookups are loaded once per import (a few
queries whatever the number of rows), and rows are inserted and audited in bulk.
"""

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import audit, labels, policy
from app.core.enums import RegionLevel, Role
from app.core.errors import AppError, Forbidden, ValidationFailed
from app.core.i18n import t, validation_message
from app.core.passwords import check_password
from app.core.policy import Caller
from app.core.security import hash_password
from app.imports.columns import COLUMNS, CellError, Column, ImportKind, match_headings, read_cell
from app.imports.reader import read_sheet
from app.imports.schemas import ImportIssue, ImportReport
from app.regions.models import Region
from app.regions.service import governing_organization
from app.schools.models import School
from app.schools.schemas import SchoolCreate
from app.teachers.models import Teacher, TeacherSubject
from app.teachers.schemas import TeacherCreate
from app.users.models import User
from app.users.schemas import UserCreate

MAX_BYTES = 5 * 1024 * 1024
MAX_REPORTED_ERRORS = 2000
# Accounts are fewer, and each password is hashed with Argon2 (deliberately slow) on the real run.
ROW_LIMITS = {ImportKind.schools: 10_000, ImportKind.teachers: 10_000, ImportKind.users: 500}
_IN_CHUNK = 500  # values per IN (...) list, well under SQLite's parameter limit


class ImportRejected(AppError):
    """A real run over a file with errors: nothing was written; the report says what to fix."""

    status = 422
    slug = "import-rejected"
    title_key = "validation.title"

    def __init__(self, report: ImportReport) -> None:
        super().__init__("import_rejected", count=report.error_count)
        self.report = report

    def render_extra(self) -> dict[str, Any]:
        return {"report": self.report.model_dump(mode="json")}


@dataclass
class Row:
    number: int
    values: dict[str, Any]  # field → value read from the cell (None when empty)
    raw: dict[str, str]  # field → the cell's text, for messages
    failed: set[str] = field(default_factory=set)  # fields already reported


@dataclass
class Issues:
    headings: dict[str, str]  # field → heading as written in the file
    order: dict[str, int]  # field → column position, to sort the report
    items: list[tuple[int, int, ImportIssue]] = field(default_factory=list)

    def add(self, row: Row, field_name: str | None, message: str, *, value: bool = True) -> None:
        if field_name is not None:
            row.failed.add(field_name)
        raw = row.raw.get(field_name) if field_name and value else None
        issue = ImportIssue(
            row=row.number,
            column=self.headings.get(field_name) if field_name else None,
            field=field_name,
            value=raw,
            message=message,
        )
        self.items.append((row.number, self.order.get(field_name or "", -1), issue))

    def rows_with_errors(self) -> set[int]:
        return {number for number, _, _ in self.items}

    def sorted(self) -> list[ImportIssue]:
        return [issue for _, _, issue in sorted(self.items, key=lambda item: (item[0], item[1]))]


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = list(dict.fromkeys(values))
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _validate(
    model: type[BaseModel], payload: dict[str, Any], row: Row, issues: Issues, sources: dict[str, str]
) -> Any:
    """The create schema over the row; its errors land on the columns they came from (`sources`
    maps a resolved API field, such as region_id, to its column). Fields already reported are
    left out, so one bad cell gives one message."""
    try:
        return model.model_validate({k: v for k, v in payload.items() if v is not None})
    except ValidationError as exc:
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else None
            column = sources.get(name, name) if name else None
            if column in row.failed:
                continue
            issues.add(row, column, validation_message(err["type"], err["msg"], err.get("ctx")))
        return None


def _first_rows(rows: Sequence[Row], key: Callable[[Row], Any], issues: Issues, field_name: str) -> None:
    """Reports every row repeating an earlier row's key (a code, a username) within the file."""
    seen: dict[Any, int] = {}
    for row in rows:
        value = key(row)
        if value is None or field_name in row.failed:
            continue
        if value in seen:
            issues.add(row, field_name, t("import.duplicate_in_file", row=seen[value]))
        else:
            seen[value] = row.number


# --- schools ----------------------------------------------------------------------------------


async def _check_schools(session: AsyncSession, caller: Caller, rows: list[Row], issues: Issues) -> list[Any]:
    counties = (
        await session.scalars(policy.readable(caller, Region).where(Region.level == RegionLevel.county))
    ).all()
    by_code = {r.code.casefold(): r for r in counties}
    by_name: dict[str, list[Region]] = {}
    for region in counties:
        by_name.setdefault(region.name.casefold(), []).append(region)
    codes = [r.values["code"] for r in rows if r.values.get("code")]
    taken: set[str] = set()
    for chunk in _chunks(codes):
        taken.update(await session.scalars(select(School.code).where(School.code.in_(chunk))))
    _first_rows(rows, lambda r: r.values.get("code"), issues, "code")
    prepared: list[Any] = []
    for row in rows:
        region = None
        wanted = row.values.get("region")
        if wanted and "region" not in row.failed:
            named = by_name.get(wanted.casefold(), [])
            region = by_code.get(wanted.casefold()) or (named[0] if len(named) == 1 else None)
            if region is None:
                key = "import.region_ambiguous" if named else "import.region_unknown"
                issues.add(row, "region", t(key, value=wanted))
        code = row.values.get("code")
        if code in taken and "code" not in row.failed:
            issues.add(row, "code", t("duplicate", field="field.code", value=code))
        payload = {**row.values, "region_id": region.id if region else None}
        payload.pop("region")
        data = _validate(SchoolCreate, payload, row, issues, {"region_id": "region"})
        if data is not None and not row.failed:
            prepared.append((row, data, region))
    return prepared


async def _write_schools(session: AsyncSession, caller: Caller, prepared: list[Any]) -> list[int]:
    schools = [School(**data.model_dump()) for _, data, _ in prepared]
    session.add_all(schools)
    await session.flush()
    await audit.record_many_created(
        session,
        caller,
        "school",
        [
            (school.id, {"id": school.id, **data.model_dump(mode="json"), "region_name": region.name})
            for school, (_, data, region) in zip(schools, prepared, strict=True)
        ],
    )
    return [school.id for school in schools]


# --- teachers ---------------------------------------------------------------------------------


async def _schools_by_code(session: AsyncSession, caller: Caller, rows: list[Row]) -> dict[str, School]:
    codes = [r.values["school_code"] for r in rows if r.values.get("school_code")]
    found: dict[str, School] = {}
    for chunk in _chunks(codes):
        stmt = policy.readable(caller, School).where(School.code.in_(chunk))
        found.update((s.code, s) for s in await session.scalars(stmt))
    return found


def _school_of(row: Row, schools: dict[str, School], issues: Issues) -> School | None:
    code = row.values.get("school_code")
    if code is None or "school_code" in row.failed:
        return None
    school = schools.get(code)
    if school is None:
        issues.add(row, "school_code", t("import.school_unknown", value=code))
    return school


def _default_own_school(caller: Caller, rows: list[Row], schools: dict[str, School]) -> None:
    """A school administrator may leave the school column out: the rows are their school's."""
    own = next((s for s in schools.values() if s.id == caller.school_id), None)
    if own is None:
        return
    for row in rows:
        if row.values.get("school_code") is None and "school_code" not in row.failed:
            row.values["school_code"] = own.code


async def _check_teachers(
    session: AsyncSession, caller: Caller, rows: list[Row], issues: Issues
) -> list[Any]:
    schools = await _schools_by_code(session, caller, rows)
    if caller.role == Role.school_admin and caller.school_id is not None:
        own = await session.get(School, caller.school_id)
        if own is not None:
            schools.setdefault(own.code, own)
        _default_own_school(caller, rows, schools)
    school_ids = {s.id for s in schools.values()}
    on_roster: set[tuple[int, str, Any]] = set()
    for chunk in _chunks(school_ids):
        stmt = select(Teacher.school_id, Teacher.name, Teacher.hire_date).where(Teacher.school_id.in_(chunk))
        on_roster.update(tuple(r) for r in await session.execute(stmt))
    prepared: list[Any] = []
    seen: dict[tuple[int, str, Any], int] = {}
    for row in rows:
        school = _school_of(row, schools, issues)
        if school is not None and not policy.can_edit_roster(caller, school.id):
            issues.add(row, "school_code", t("import.not_your_school"))
            school = None
        payload = {**row.values, "school_id": school.id if school else None}
        payload.pop("school_code")
        data = _validate(TeacherCreate, payload, row, issues, {"school_id": "school_code"})
        if data is None:
            continue
        key = (data.school_id, data.name, data.hire_date)
        if key in on_roster:
            issues.add(row, "name", t("import.teacher_exists"))
        elif key in seen:
            issues.add(row, "name", t("import.duplicate_in_file", row=seen[key]))
        seen.setdefault(key, row.number)
        if not row.failed:
            prepared.append((row, data, school))
    return prepared


async def _write_teachers(session: AsyncSession, caller: Caller, prepared: list[Any]) -> list[int]:
    teachers = []
    for _, data, _ in prepared:
        teacher = Teacher(**data.model_dump(exclude={"subjects"}))
        teacher.subject_rows = [TeacherSubject(subject=s, position=i) for i, s in enumerate(data.subjects)]
        teachers.append(teacher)
    session.add_all(teachers)
    await session.flush()
    await audit.record_many_created(
        session,
        caller,
        "teacher",
        [
            (teacher.id, {"id": teacher.id, **data.model_dump(mode="json"), "school_name": school.name})
            for teacher, (_, data, school) in zip(teachers, prepared, strict=True)
        ],
    )
    return [teacher.id for teacher in teachers]


# --- accounts ---------------------------------------------------------------------------------


async def _teachers_for_accounts(
    session: AsyncSession, caller: Caller, rows: list[Row], schools: dict[str, School]
) -> tuple[dict[int, Teacher], dict[tuple[int, str], list[Teacher]], set[int]]:
    """Teachers named by id, teachers by (school, name), and teachers that already have an account."""
    by_id: dict[int, Teacher] = {}
    for chunk in _chunks(r.values["teacher_id"] for r in rows if r.values.get("teacher_id") is not None):
        stmt = policy.readable(caller, Teacher).where(Teacher.id.in_(chunk))
        by_id.update((x.id, x) for x in await session.scalars(stmt))
    by_name: dict[tuple[int, str], list[Teacher]] = {}
    for chunk in _chunks(s.id for s in schools.values()):
        stmt = policy.readable(caller, Teacher).where(Teacher.school_id.in_(chunk))
        for teacher in await session.scalars(stmt):
            by_name.setdefault((teacher.school_id, teacher.name), []).append(teacher)
    ids = set(by_id) | {x.id for group in by_name.values() for x in group}
    with_account: set[int] = set()
    for chunk in _chunks(ids):
        with_account.update(
            x for x in await session.scalars(select(User.teacher_id).where(User.teacher_id.in_(chunk))) if x
        )
    return by_id, by_name, with_account


def _teacher_of(
    row: Row,
    school: School | None,
    by_id: dict[int, Teacher],
    by_name: dict[tuple[int, str], list[Teacher]],
    issues: Issues,
) -> Teacher | None:
    if "teacher_id" in row.failed:
        return None
    teacher_id = row.values.get("teacher_id")
    if teacher_id is not None:
        teacher = by_id.get(teacher_id)
        if teacher is None:
            issues.add(row, "teacher_id", t("import.teacher_unknown"))
        elif school is not None and teacher.school_id != school.id:
            issues.add(row, "teacher_id", t("import.teacher_other_school"))
            return None
        return teacher
    name = row.values.get("display_name")
    if school is None or name is None:
        if "school_code" not in row.failed:
            issues.add(row, "teacher_id", t("import.teacher_unknown"), value=False)
        return None
    matches = by_name.get((school.id, name), [])
    if len(matches) != 1:
        key = "import.teacher_ambiguous" if matches else "import.teacher_unknown"
        issues.add(row, "display_name", t(key))
        return None
    return matches[0]


async def _check_users(session: AsyncSession, caller: Caller, rows: list[Row], issues: Issues) -> list[Any]:
    usernames = [r.values["username"] for r in rows if r.values.get("username")]
    taken: set[str] = set()
    for chunk in _chunks(usernames):
        taken.update(await session.scalars(select(User.username).where(User.username.in_(chunk))))
    _first_rows(rows, lambda r: r.values.get("username"), issues, "username")
    schools = await _schools_by_code(session, caller, rows)
    by_id, by_name, with_account = await _teachers_for_accounts(session, caller, rows, schools)
    # Teachers named by id alone: their home schools, loaded together.
    home_ids = {x.school_id for x in by_id.values()} - {s.id for s in schools.values()}
    homes = {s.id: s for s in schools.values()}
    for chunk in _chunks(home_ids):
        homes.update((s.id, s) for s in await session.scalars(select(School).where(School.id.in_(chunk))))
    teacher_rows: dict[int, int] = {}
    bureaus: dict[int, int | None] = {}  # region → governing bureau, looked up once per county
    prepared: list[Any] = []
    for row in rows:
        username = row.values.get("username")
        if username in taken and "username" not in row.failed:
            issues.add(row, "username", t("duplicate", field="field.username", value=username))
        role = row.values.get("role")
        school = _school_of(row, schools, issues)
        teacher = None
        if role == Role.teacher:
            teacher = _teacher_of(row, school, by_id, by_name, issues)
            if teacher is not None:
                if teacher.id in with_account:
                    issues.add(row, "teacher_id", t("teacher_has_account"), value=False)
                elif teacher.id in teacher_rows:
                    issues.add(row, "teacher_id", t("import.duplicate_in_file", row=teacher_rows[teacher.id]))
                teacher_rows.setdefault(teacher.id, row.number)
                school = homes[teacher.school_id]
        elif role == Role.school_admin and school is None and "school_code" not in row.failed:
            issues.add(row, "school_code", t("role_school_required"), value=False)
        payload = {**row.values}
        payload.pop("school_code")
        payload.pop("teacher_id")
        data = _validate(UserCreate, payload, row, issues, {})
        if data is not None and "password" not in row.failed:
            try:
                check_password(data.password, username=data.username)
            except ValidationFailed as refused:
                issues.add(row, "password", refused.detail(), value=False)
        if data is None or row.failed:
            continue
        links: dict[str, int | None] = {"organization_id": caller.organization_id, "school_id": None}
        if role in (Role.school_admin, Role.teacher) and school is not None:
            if school.region_id not in bureaus:
                org = await governing_organization(session, school.region_id)
                bureaus[school.region_id] = org.id if org else None
            links = {"organization_id": bureaus[school.region_id], "school_id": school.id}
        links["teacher_id"] = teacher.id if teacher is not None else None
        prepared.append((row, data, links, school))
    return prepared


async def _write_users(session: AsyncSession, caller: Caller, prepared: list[Any]) -> list[int]:
    # Argon2 is slow on purpose: hash off the event loop so other requests keep being served.
    hashes = await asyncio.to_thread(lambda: [hash_password(data.password) for _, data, _, _ in prepared])
    users = [
        User(
            **data.model_dump(exclude={"password", "organization_id", "school_id", "teacher_id"}),
            **links,
            password_hash=password_hash,
        )
        for (_, data, links, _), password_hash in zip(prepared, hashes, strict=True)
    ]
    session.add_all(users)
    await session.flush()
    snapshots = []
    for user, (_, data, links, school) in zip(users, prepared, strict=True):
        after = {"id": user.id, **data.model_dump(mode="json", exclude={"password"}), **links}
        snapshots.append((user.id, {**after, "school_name": school.name if school else None}))
    await audit.record_many_created(session, caller, "user", snapshots)
    return [user.id for user in users]


Checker = Callable[[AsyncSession, Caller, list[Row], Issues], Awaitable[list[Any]]]
Writer = Callable[[AsyncSession, Caller, list[Any]], Awaitable[list[int]]]
IMPORTERS: dict[ImportKind, tuple[Checker, Writer]] = {
    ImportKind.schools: (_check_schools, _write_schools),
    ImportKind.teachers: (_check_teachers, _write_teachers),
    ImportKind.users: (_check_users, _write_users),
}


def can_import(caller: Caller, kind: ImportKind) -> bool:
    if kind == ImportKind.schools:
        return policy.can_manage_schools(caller)
    if kind == ImportKind.users:
        return policy.can_manage_users(caller)
    return caller.role in (Role.bureau_admin, Role.school_admin)


def required_columns(caller: Caller, kind: ImportKind) -> list[Column]:
    columns = [c for c in COLUMNS[kind] if c.required]
    if kind == ImportKind.teachers and caller.role == Role.school_admin:
        columns = [c for c in columns if c.field != "school_code"]  # their own school by default
    return columns


def _read_rows(data: bytes, kind: ImportKind, caller: Caller) -> tuple[list[Row], Issues, list[str]]:
    sheet = read_sheet(data, limit=ROW_LIMITS[kind])
    found, ignored, repeated = match_headings(kind, sheet.headings)
    if repeated:
        raise ValidationFailed("import_repeated_column", field="file", column=labels.join(repeated))
    present = {c.field for c in found.values()}
    missing = [c.heading() for c in required_columns(caller, kind) if c.field not in present]
    if missing:
        raise ValidationFailed("import_missing_columns", field="file", columns=labels.join(missing))
    headings = {c.field: sheet.headings[i] for i, c in found.items()}
    order = {c.field: i for i, c in found.items()}
    issues = Issues(headings, order)
    rows: list[Row] = []
    for number, cells in sheet.rows:
        row = Row(number, {c.field: None for c in COLUMNS[kind]}, {})
        for index, column in found.items():
            value = cells[index] if index < len(cells) else None
            if value is not None:
                row.raw[column.field] = str(value).strip()
            try:
                row.values[column.field] = read_cell(column, value)
            except CellError as exc:
                issues.add(row, column.field, exc.message())
        for column in required_columns(caller, kind):
            if row.values[column.field] is None and column.field not in row.failed:
                issues.add(row, column.field, t("import.required"), value=False)
        rows.append(row)
    return rows, issues, ignored


async def run_import(
    session: AsyncSession, *, caller: Caller, kind: ImportKind, data: bytes, dry_run: bool
) -> ImportReport:
    if not can_import(caller, kind):
        raise Forbidden()
    rows, issues, ignored = _read_rows(data, kind, caller)
    check, write = IMPORTERS[kind]
    prepared = await check(session, caller, rows, issues)
    errors = issues.sorted()
    report = ImportReport(
        kind=kind,
        dry_run=dry_run,
        rows=len(rows),
        valid_rows=len(rows) - len(issues.rows_with_errors()),
        created=0,
        error_count=len(errors),
        errors=errors[:MAX_REPORTED_ERRORS],
        ignored_columns=ignored,
    )
    if errors and not dry_run:
        raise ImportRejected(report)
    if dry_run:
        return report
    ids = await write(session, caller, prepared)
    return report.model_copy(update={"created": len(ids), "created_ids": ids})
