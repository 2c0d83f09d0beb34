"""docs/imports.md: its Python example runs against the app, and it names every column."""

import re
from pathlib import Path
from typing import Any

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.imports.columns import COLUMNS
from app.teachers.models import Teacher
from tests.factories import World

DOC = Path(__file__).resolve().parents[3] / "docs" / "imports.md"


def documented_python() -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    for block in re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S):
        exec(compile(block, str(DOC), "exec"), namespace)
    return namespace


async def test_the_documented_script_checks_then_imports(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    import_file = documented_python()["import_file"]
    token = world.headers["bureau_admin"]["Authorization"].removeprefix("Bearer ")
    good = f"姓名,性别,学校代码,入职日期\n文档示例,男,{world.a1.code},2017-09-01\n".encode()
    report = await import_file(client, token, "teachers", "t.csv", good)
    assert report["created"] == 1
    assert (
        await session.scalar(select(Teacher.name).where(Teacher.id == report["created_ids"][0])) == "文档示例"
    )
    bad = f"姓名,性别,学校代码,入职日期\n文档示例二,男,{world.a1.code},明年\n".encode()
    report = await import_file(client, token, "teachers", "t.csv", bad)
    assert report["created"] == 0 and report["errors"][0]["column"] == "入职日期"


def test_the_doc_names_every_column() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [c.zh for columns in COLUMNS.values() for c in columns if c.zh not in text]
    assert missing == []
