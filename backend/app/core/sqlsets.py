"""`column IN (sub-query)` written so that PostgreSQL can use the column's index.

Scopes such as "rotations from or to a school of this county" are an OR of two memberships. PostgreSQL
plans `a IN (SELECT …) OR b IN (SELECT …)` as two hashed sub-plans tested against every row of the
table: a county bureau's list of rotations read all 20,000 rows of the province to find its 200
(8 ms a query on the benchmark data). Written `a = ANY(ARRAY(SELECT …))`, each sub-query runs once as
an init plan and the two memberships become index scans joined by a BitmapOr (0.4 ms). SQLite plans
the OR of IN sub-queries with its indexes already, so it keeps the plain form.
"""

from typing import Any, ClassVar

from sqlalchemy import Boolean, ColumnElement, Select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal


class MemberOf(ColumnElement[bool]):
    """`column` is one of the ids the uncorrelated `ids` query selects."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals: ClassVar[list[tuple[str, Any]]] = [  # what the statement cache keys on
        ("column", InternalTraversal.dp_clauseelement),
        ("ids", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, ids: Select[Any]) -> None:
        self.column = column
        self.ids = ids


@compiles(MemberOf)
def _member_of(element: MemberOf, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.in_(element.ids), **kw)


@compiles(MemberOf, "postgresql")
def _member_of_postgresql(element: MemberOf, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} = ANY(ARRAY{compiler.process(element.ids.scalar_subquery(), **kw)})"


def member_of(column: Any, ids: Select[Any]) -> ColumnElement[bool]:
    return MemberOf(column, ids)
