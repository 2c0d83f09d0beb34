"""Counting the SQL statements that requests run, for the tests that bound them."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection


@asynccontextmanager
async def counting_statements(connection: AsyncConnection) -> AsyncIterator[list[str]]:
    """The statements run on `connection` inside the block (the test session's connection)."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(connection.sync_connection, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(connection.sync_connection, "before_cursor_execute", count)
