"""The one clock of the application, so tests can fix "today"."""

from datetime import UTC, date, datetime

_frozen: datetime | None = None


def now() -> datetime:
    return _frozen if _frozen is not None else datetime.now(UTC)


def today() -> date:
    return now().date()


def freeze(at: datetime | None) -> None:
    """Fix the clock at `at` (timezone-aware), or release it with None. For tests only."""
    global _frozen
    _frozen = at
