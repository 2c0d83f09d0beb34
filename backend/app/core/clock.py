"""The one clock of the application, so tests can fix "today"."""

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.core.config import get_settings

_frozen: datetime | None = None


@lru_cache
def local_zone() -> ZoneInfo:
    return ZoneInfo(get_settings().timezone)


def now() -> datetime:
    return _frozen if _frozen is not None else datetime.now(UTC)


def today() -> date:
    """The schools' calendar day (a check-in at 07:30 in Beijing is 23:30 UTC of the day before)."""
    return now().astimezone(local_zone()).date()


def local_date(moment: datetime) -> date:
    return moment.astimezone(local_zone()).date()


def freeze(at: datetime | None) -> None:
    """Fix the clock at `at` (timezone-aware), or release it with None. For tests only."""
    global _frozen
    _frozen = at
