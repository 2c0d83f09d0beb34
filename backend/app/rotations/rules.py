"""The rotation lifecycle, declared once: (status, action) → (new status, who may, reason needed).

The home school proposes and may withdraw; the bureau approves; the host school confirms arrival and
completion. A bureau admin may act for either school.
"""

from dataclasses import dataclass
from datetime import date

from app.core.enums import LeaveStatus, RotationDirection, Term
from app.core.enums import RotationStatus as S


@dataclass(frozen=True)
class Step:
    to: S
    actors: frozenset[str]  # "home", "host", "bureau"
    needs_reason: bool = False


STEPS: dict[tuple[S, str], Step] = {
    (S.planned, "approve"): Step(S.approved, frozenset({"bureau"})),
    (S.approved, "arrive"): Step(S.active, frozenset({"host"})),
    (S.active, "complete"): Step(S.completed, frozenset({"host"})),
    (S.planned, "withdraw"): Step(S.withdrawn, frozenset({"home", "bureau"}), True),
    (S.approved, "withdraw"): Step(S.withdrawn, frozenset({"home", "bureau"}), True),
    (S.active, "withdraw"): Step(S.withdrawn, frozenset({"home", "bureau"}), True),
}
ACTIONS = ("approve", "arrive", "complete", "withdraw")
# Everything but a withdrawn rotation holds the teacher's time.
HOLDING = frozenset({S.planned, S.approved, S.active, S.completed})


def allowed(status: S, sides: frozenset[str], is_bureau_admin: bool) -> list[str]:
    return [
        a for a in ACTIONS if (step := STEPS.get((status, a))) and (sides & step.actors or is_bureau_admin)
    ]


def term_dates(term: Term, school_year: int) -> tuple[date, date]:
    """Autumn term: 1 Sep – 31 Jan; spring term: 1 Feb – 31 Jul; a school year: 1 Sep – 31 Jul."""
    if term == Term.autumn:
        return date(school_year, 9, 1), date(school_year + 1, 1, 31)
    if term == Term.spring:
        return date(school_year + 1, 2, 1), date(school_year + 1, 7, 31)
    return date(school_year, 9, 1), date(school_year + 1, 7, 31)


# Leave: the teacher asks, the host school (or the bureau admin for it) decides.
@dataclass(frozen=True)
class LeaveStep:
    to: LeaveStatus
    actors: frozenset[str]
    needs_reason: bool = False


LEAVE_STEPS: dict[tuple[LeaveStatus, str], LeaveStep] = {
    (LeaveStatus.pending, "approve"): LeaveStep(LeaveStatus.approved, frozenset({"host", "bureau"})),
    (LeaveStatus.pending, "reject"): LeaveStep(LeaveStatus.rejected, frozenset({"host", "bureau"}), True),
}


def leave_allowed(status: LeaveStatus, sides: frozenset[str]) -> list[str]:
    return [
        a for a in ("approve", "reject") if (step := LEAVE_STEPS.get((status, a))) and sides & step.actors
    ]


def host_party(direction: RotationDirection) -> str:
    """Which side of the pairing hosts the teacher: a dispatch goes to the receiving school."""
    return "receiving_school" if direction == RotationDirection.dispatch else "supporting_school"


def next_actor(status: S, direction: RotationDirection) -> str | None:
    """The bureau approves; then the host school (receiving for a dispatch, supporting for a training
    visit) confirms arrival and, at the end, completion."""
    if status == S.planned:
        return "bureau"
    if status in (S.approved, S.active):
        return host_party(direction)
    return None
