"""Date arithmetic in SQL, which SQLite and PostgreSQL spell differently (the embedded and the
production database): day spans, the later/earlier of two dates, and the month of a date."""

from typing import Any

from sqlalchemy import Integer, String, cast, func, type_coerce


def day_span(start: Any, end: Any, dialect: str) -> Any:
    """Days from `start` to `end`, both included (an integer expression)."""
    if dialect == "sqlite":
        return cast(func.julianday(end) - func.julianday(start), Integer) + 1
    return type_coerce(end - start, Integer) + 1


def later(a: Any, b: Any, dialect: str) -> Any:
    return func.max(a, b) if dialect == "sqlite" else func.greatest(a, b)


def earlier(a: Any, b: Any, dialect: str) -> Any:
    return func.min(a, b) if dialect == "sqlite" else func.least(a, b)


def month_of(day: Any, dialect: str) -> Any:
    """'2026-10' for a date column."""
    if dialect == "sqlite":
        return func.strftime("%Y-%m", day)
    return type_coerce(func.to_char(day, "YYYY-MM"), String)
