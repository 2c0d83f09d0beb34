"""A rule written once and evaluated two ways: on Python values, or built into a SQL expression.

Compliance reports assess thousands of rows; the database does that far faster than a Python loop, and
the dashboard needs only the counts of an aggregate over the same rule. Writing the rule twice (a Python
function and a SQL CASE) would let the two drift apart, so the rule is one function taking a `when`:
comparisons, `+ - * //`, `&` and `|` mean the same on ints and bools as on SQLAlchemy columns, and the
one thing that does not — choosing between two values — is the `when` passed in.
"""

from collections.abc import Callable
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, case, literal

When = Callable[[Any, Any, Any], Any]


def python_when(condition: Any, then: Any, otherwise: Any) -> Any:
    return then if condition else otherwise


def sql_value(value: Any) -> Any:
    """`value` as a SQL expression. An enum member has no SQL type of its own, its value (a string) has;
    the read model turns it back into the member. A rule may also come out a constant (on a day on which
    nothing can be short), and a constant still has to be selectable."""
    if isinstance(value, ColumnElement):
        return value
    return literal(value.value if isinstance(value, Enum) else value)


def sql_when(condition: Any, then: Any, otherwise: Any) -> Any:
    return case((condition, sql_value(then)), else_=sql_value(otherwise))
