"""Bulk import of schools, teachers and accounts: templates, dry runs, all-or-nothing real runs."""

import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient, Response
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.audit.models import AuditEvent
from app.core.labels import ENUM_LABELS
from app.imports import service
from app.schools.models import School
from app.teachers.models import Teacher
from app.users.models import User
from tests.factories import World, make_teacher
from tests.querycount import counting_statements

BASE = "/api/v1/imports"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FRONTEND_I18N = Path(__file__).resolve().parents[3] / "frontend" / "src" / "i18n"


def xlsx(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    return "\n".join(",".join(row) for row in rows).encode(encoding)


async def upload(
    client: AsyncClient,
    world: World,
    kind: str,
    content: bytes,
    *,
    role: str = "bureau_admin",
    dry_run: bool = True,
    name: str = "data.xlsx",
    lang: str = "zh-CN",
    **params: str,
) -> Response:
    headers = {**world.headers[role], "Accept-Language": lang}
    return await client.post(
        f"{BASE}/{kind}",
        params={"dry_run": str(dry_run).lower(), **params},
        files={"file": (name, content, "application/octet-stream")},
        headers=headers,
    )


async def count(session: AsyncSession, model: Any) -> int:
    return await session.scalar(select(func.count()).select_from(model)) or 0


def errors_by_cell(report: dict[str, Any]) -> dict[tuple[int, str | None], str]:
    return {(e["row"], e["column"]): e["message"] for e in report["errors"]}


SCHOOL_HEADINGS = ["学校代码*", "学校名称*", "学段*", "城乡类型*", "所属区县*", "学生数", "薄弱学校"]


def school_rows(world: World) -> list[list[Any]]:
    return [
        SCHOOL_HEADINGS,
        ["IMP-01", "导入第一小学", "小学", "乡村", "甲县", 320, "是"],  # row 2: valid
        ["IMP-02", "", "大学", "乡村", "甲县", "三百", "否"],  # row 3: name missing, stage, count
        [world.a1.code, "重复代码学校", "初中", "城区", "甲县", 10, ""],  # row 4: code taken
        ["IMP-01", "同代码学校", "初中", "城区", world.county_a.code, 10, ""],  # row 5: repeats row 2
        ["IMP-05", "外县学校", "初中", "镇区", "乙县", 10, "也许"],  # row 6: county, yes/no
        [None, None, None, None, None, None, None],  # an empty formatted row: skipped
        ["IMP-07", "导入第七小学", "primary", "Remote", world.county_a.code, None, None],  # row 8: valid
    ]


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("enum_key", "enum_cls"),
    [
        (key, cls)
        for key, cls in zip(
            ("stage", "locale", "gender", "titleRank", "backbone", "role"), ENUM_LABELS, strict=True
        )
    ],
)
def test_server_labels_match_the_spas_translations(enum_key: str, enum_cls: Any) -> None:
    """The names a spreadsheet may use are the ones people see on screen, in both languages."""
    zh = json.loads((FRONTEND_I18N / "zh-CN.json").read_text())["enum"][enum_key]
    en = json.loads((FRONTEND_I18N / "en.json").read_text())["enum"][enum_key]
    assert {k: (zh[k], en[k]) for k in zh} == ENUM_LABELS[enum_cls]


# --- templates -------------------------------------------------------------------------------


async def test_schools_template_has_marked_headings_lists_and_only_the_callers_counties(
    client: AsyncClient, world: World
) -> None:
    response = await client.get(f"{BASE}/schools/template", headers=world.headers["bureau_admin"])
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    data, guide, counties = workbook.worksheets
    assert [c.value for c in data[1]][:5] == ["学校代码*", "学校名称*", "学段*", "城乡类型*", "所属区县*"]
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert '"幼儿园,小学,初中' in lists["C2:C10001"]  # stage drop-down in Chinese
    assert lists["E2:E10001"].endswith("!$A$2:$A$2")  # the county column picks from the county sheet
    assert [[c.value for c in row] for row in counties.iter_rows(min_row=2)] == [
        ["甲县", world.county_a.code]
    ]
    assert guide.title == "填写说明" and guide["A2"].value == "学校代码"


async def test_templates_follow_the_callers_language_and_role(client: AsyncClient, world: World) -> None:
    english = await client.get(
        f"{BASE}/teachers/template",
        params={"format": "csv"},
        headers={**world.headers["school_admin"], "Accept-Language": "en"},
    )
    assert english.status_code == 200 and english.content.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    # A school admin may leave the school out (their own school): not marked required.
    assert english.content.decode("utf-8-sig").strip() == (
        "Name*,Gender*,School code,Subjects,Title,Backbone level,Hire date*,Birth date,Phone"
    )
    workbook = load_workbook(
        io.BytesIO(
            (await client.get(f"{BASE}/teachers/template", headers=world.headers["school_admin"])).content
        )
    )
    schools = workbook.worksheets[2]
    assert [[c.value for c in row] for row in schools.iter_rows(min_row=2)] == [
        [world.a1.code, world.a1.name]
    ]
    refused = await client.get(f"{BASE}/schools/template", headers=world.headers["school_admin"])
    assert refused.status_code == 403


# --- schools ---------------------------------------------------------------------------------


async def test_dry_run_reports_every_row_and_column_error_and_writes_nothing(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    schools, audits = await count(session, School), await count(session, AuditEvent)
    response = await upload(client, world, "schools", xlsx(school_rows(world)))
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["rows"], report["valid_rows"], report["created"], report["dry_run"]) == (6, 2, 0, True)
    errors = errors_by_cell(report)
    assert errors == {
        (3, "学校名称*"): "必填项。",
        (
            3,
            "学段*",
        ): "“大学”不是可选值，可选：幼儿园、小学、初中、九年一贯制、高中、完全中学、职业学校、特殊教育学校。",
        (3, "学生数"): "应为整数。",
        (4, "学校代码*"): f"学校代码“{world.a1.code}”已被使用。",
        (5, "学校代码*"): "与第 2 行重复。",
        (6, "所属区县*"): "未找到区县“乙县”：请填写本辖区内区县的名称或代码（见模板中的区县表）。",
        (6, "薄弱学校"): "应填“是”或“否”。",
    }
    assert report["error_count"] == 7
    assert [e["row"] for e in report["errors"]] == sorted(e["row"] for e in report["errors"])
    assert next(e for e in report["errors"] if e["row"] == 3 and e["field"] == "stage")["value"] == "大学"
    assert await count(session, School) == schools and await count(session, AuditEvent) == audits


async def test_messages_are_in_english_when_asked(client: AsyncClient, world: World) -> None:
    response = await upload(client, world, "schools", xlsx(school_rows(world)), lang="en")
    errors = errors_by_cell(response.json())
    assert errors[(3, "学生数")] == "Must be a whole number."
    assert errors[(5, "学校代码*")] == "Repeats row 2."
    assert errors[(3, "学段*")].startswith("“大学” is not one of the choices: Kindergarten, Primary, Junior")


async def test_real_run_with_any_error_writes_no_row(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    schools, audits = await count(session, School), await count(session, AuditEvent)
    response = await upload(client, world, "schools", xlsx(school_rows(world)), dry_run=False)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["detail"].startswith("文件中有 7 处错误，未导入任何数据")
    assert problem["report"]["error_count"] == 7 and problem["report"]["created"] == 0
    assert await count(session, School) == schools and await count(session, AuditEvent) == audits
    assert await session.scalar(select(School).where(School.code == "IMP-01")) is None


async def test_real_run_writes_every_row_audited_from_a_chinese_excel_csv(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    rows = [
        ["学校代码", "学校名称", "学段", "城乡类型", "所属区县", "薄弱学校", "纬度", "经度", "备注"],
        ["IMP-11", "导入中心小学", "小学", "镇区", "甲县", "是", "34.5", "105.7", "新建"],
        ["IMP-12", "导入初级中学", "初中", "乡村", world.county_a.code, "", "", "", ""],
    ]
    # Excel on a Chinese Windows saves CSV as GB18030 (GBK).
    response = await upload(client, world, "schools", csv_bytes(rows, "gb18030"), dry_run=False, name="s.csv")
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["created"] == 2 and report["errors"] == [] and report["ignored_columns"] == ["备注"]
    created = (await session.scalars(select(School).where(School.id.in_(report["created_ids"])))).all()
    by_code = {s.code: s for s in created}
    assert by_code["IMP-11"].stage == "primary" and by_code["IMP-11"].locale == "town"
    assert by_code["IMP-11"].is_weak is True and by_code["IMP-11"].latitude == 34.5
    assert by_code["IMP-12"].is_weak is False and by_code["IMP-12"].region_id == world.county_a.id
    events = (
        await session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "school", AuditEvent.entity_id.in_(report["created_ids"])
            )
        )
    ).all()
    assert len(events) == 2 and {e.actor_id for e in events} == {world.users["bureau_admin"].id}
    assert {e.after["code"] for e in events} == {"IMP-11", "IMP-12"} and events[0].after[
        "region_name"
    ] == "甲县"


async def test_file_level_problems_are_clear(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    old_excel = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
    unsupported = await upload(client, world, "schools", old_excel, name="old.xls")
    assert unsupported.status_code == 415 and ".xlsx" in unsupported.json()["detail"]
    broken = await upload(client, world, "schools", b"PK\x03\x04 not really a workbook")
    assert broken.status_code == 422 and "无法读取" in broken.json()["detail"]
    empty = await upload(client, world, "schools", xlsx([SCHOOL_HEADINGS]))
    assert empty.status_code == 422 and "没有数据" in empty.json()["detail"]
    missing = await upload(client, world, "schools", csv_bytes([["学校名称", "学段"], ["甲", "小学"]]))
    assert missing.status_code == 422
    assert missing.json()["detail"] == "缺少必填列：学校代码、城乡类型、所属区县。请使用下载的模板。"
    twice = await upload(client, world, "schools", csv_bytes([["学校代码", "Code"], ["a", "b"]]))
    assert twice.status_code == 422 and "Code" in twice.json()["detail"]
    too_large = await upload(client, world, "schools", b"a" * (service.MAX_BYTES + 1))
    assert too_large.status_code == 413
    refused = await upload(client, world, "schools", xlsx(school_rows(world)), role="school_admin")
    assert refused.status_code == 403


async def test_row_limit_is_enforced(
    client: AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(service.ROW_LIMITS, service.ImportKind.schools, 3)
    rows = [SCHOOL_HEADINGS] + [[f"L-{i}", "校", "小学", "乡村", "甲县", 1, ""] for i in range(4)]
    response = await upload(client, world, "schools", xlsx(rows))
    assert response.status_code == 422 and response.json()["detail"] == "一次最多导入 3 行，请分成几个文件。"


async def test_error_report_downloads_as_a_workbook(client: AsyncClient, world: World) -> None:
    response = await upload(client, world, "schools", xlsx(school_rows(world)), dry_run=False, format="xlsx")
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["行号", "列", "填写内容", "问题"] and len(rows) == 8
    assert rows[1][:3] == [3, "学校名称*", None] and rows[2][:3] == [3, "学段*", "大学"]


async def test_checking_runs_a_fixed_number_of_queries_whatever_the_rows(
    client: AsyncClient, world: World, connection: AsyncConnection
) -> None:
    async def queries(n: int) -> int:
        rows = [SCHOOL_HEADINGS] + [[f"Q-{i}", f"校{i}", "小学", "乡村", "甲县", 1, ""] for i in range(n)]
        async with counting_statements(connection) as statements:
            response = await upload(client, world, "schools", xlsx(rows))
        assert response.status_code == 200 and response.json()["valid_rows"] == n
        return len(statements)

    assert await queries(5) == await queries(200)


# --- teachers --------------------------------------------------------------------------------


async def test_school_admin_imports_own_teachers_and_nobody_elses(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    existing = world.teacher_a1
    rows = [
        ["姓名", "性别", "学校代码", "任教学科", "骨干级别", "入职日期", "出生日期"],
        ["赵一", "女", "", "语文、道德与法治", "县级骨干", datetime(2016, 9, 1), "1988/3/12"],  # own school
        ["钱二", "男", world.a2.code, "数学", "", "2019-09-01", ""],  # a school of the county, not theirs
        ["孙三", "男", world.b1.code, "数学", "", "2019-09-01", ""],  # another county's school
        [existing.name, "女", world.a1.code, "数学", "", existing.hire_date, ""],  # already on the roster
        ["李四", "未知", world.a1.code, "", "", "2019-13-01", ""],  # gender, date
    ]
    response = await upload(client, world, "teachers", xlsx(rows), role="school_admin")
    report = response.json()
    assert errors_by_cell(report) == {
        (3, "学校代码"): "只能导入本校的教师。",
        (4, "学校代码"): f"未找到学校代码“{world.b1.code}”（或该校不在您的管辖范围内）。",
        (5, "姓名"): "该校已有同名且入职日期相同的教师。",
        (6, "性别"): "“未知”不是可选值，可选：女、男。",
        (6, "入职日期"): "日期格式应为 2026-09-01。",
    }
    ok = await upload(client, world, "teachers", xlsx(rows[:2]), role="school_admin", dry_run=False)
    assert ok.status_code == 201, ok.text
    teacher = await session.scalar(select(Teacher).where(Teacher.id == ok.json()["created_ids"][0]))
    assert teacher is not None and teacher.school_id == world.a1.id
    assert (teacher.hire_date, teacher.birth_date) == (date(2016, 9, 1), date(1988, 3, 12))
    assert teacher.backbone_level == "county"
    listed = await client.get(f"/api/v1/teachers/{teacher.id}", headers=world.headers["school_admin"])
    assert (
        listed.json()["subjects"] == ["语文", "道德与法治"] and listed.json()["school_name"] == world.a1.name
    )


async def test_same_teacher_twice_in_a_file_is_reported(client: AsyncClient, world: World) -> None:
    row = ["周五", "女", world.a2.code, "英语", "", "2020-09-01", ""]
    headings = ["姓名", "性别", "学校代码", "任教学科", "职称", "入职日期", "电话"]
    report = (await upload(client, world, "teachers", xlsx([headings, row, row]))).json()
    assert errors_by_cell(report) == {(3, "姓名"): "与第 2 行重复。"}


# --- accounts --------------------------------------------------------------------------------

USER_HEADINGS = ["用户名", "姓名", "角色", "初始密码", "学校代码", "教师编号", "界面语言"]


async def test_accounts_import_links_schools_and_teachers_and_they_can_sign_in(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    newcomer = await make_teacher(session, world.a1, name="吴六")
    rows = [
        USER_HEADINGS,
        ["a1-office", "教务处", "学校管理员", "office-pass-1", world.a1.code, "", ""],
        ["wuliu", "吴六", "教师", "teacher-pass-1", world.a1.code, "", "English"],  # matched by name
        ["bureau-2", "督导", "教育局领导", "viewer-pass-1", "", "", ""],
    ]
    response = await upload(client, world, "users", xlsx(rows), dry_run=False)
    assert response.status_code == 201, response.text
    users = {
        u.username: u
        for u in await session.scalars(select(User).where(User.id.in_(response.json()["created_ids"])))
    }
    assert users["a1-office"].school_id == world.a1.id and users["a1-office"].role == "school_admin"
    assert users["a1-office"].organization_id == world.bureau_a.id
    assert users["wuliu"].teacher_id == newcomer.id and users["wuliu"].locale == "en"
    assert users["bureau-2"].organization_id == world.bureau_a.id and users["bureau-2"].school_id is None
    signed_in = await client.post(
        "/api/v1/auth/token", data={"username": "wuliu", "password": "teacher-pass-1"}
    )
    assert signed_in.status_code == 200, signed_in.text
    audit = await session.scalar(
        select(AuditEvent).where(AuditEvent.entity == "user", AuditEvent.entity_id == users["wuliu"].id)
    )
    assert audit is not None and "password" not in audit.after and audit.after["teacher_id"] == newcomer.id


async def test_account_rows_are_checked_like_the_form(client: AsyncClient, world: World) -> None:
    rows = [
        USER_HEADINGS,
        [world.users["teacher"].username, "重名", "教育局领导", "long-enough-1", "", "", ""],
        ["short", "短密码", "学校管理员", "abc", world.a1.code, "", ""],
        ["noschool", "无学校", "学校管理员", "long-enough-1", "", "", ""],
        ["taken", "已有账号", "教师", "long-enough-1", "", world.teacher_a1.id, ""],
        ["nobody", "查无此人", "教师", "long-enough-1", world.a1.code, "", ""],
        ["foreign", "外县", "教师", "long-enough-1", "", world.teacher_b1.id, ""],
        ["short", "重复", "教育局领导", "long-enough-1", "", "", "法语"],
    ]
    report = (await upload(client, world, "users", xlsx(rows))).json()
    assert errors_by_cell(report) == {
        (2, "用户名"): f"用户名“{world.users['teacher'].username}”已被使用。",
        (3, "初始密码"): "至少需要 8 个字符。",
        (4, "学校代码"): "学校管理员必须指定所属学校。",
        (5, "教师编号"): "该教师已关联其他账号。",
        (6, "姓名"): "未找到该教师：请填写教师编号，或填写学校代码并使姓名与教师档案一致。",
        (7, "教师编号"): "未找到该教师：请填写教师编号，或填写学校代码并使姓名与教师档案一致。",
        (8, "用户名"): "与第 3 行重复。",
        (8, "界面语言"): "“法语”不是可选值，可选：中文、English。",
    }
    assert report["valid_rows"] == 0
