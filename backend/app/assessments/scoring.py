"""How the automatic items of an assessment are scored, and how pairs are ranked (pure functions).

An automatic item earns its maximum times actual ÷ target, capped at the maximum:
- meetings: meetings held in the school year ÷ the meetings the programme required of the pair that
  year (nothing required, e.g. an agreement approved mid-year: full points);
- rotations: teachers exchanged under the agreement (active or completed, overlapping the year) ÷ the
  item's target;
- activities: activities dated in the year ÷ the item's target;
- goals: goals due in the year that are achieved ÷ the goals due (or ÷ the item's target when it has
  one). A pair that set no goal for the year has nothing to show and scores 0.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.core.enums import AssessmentSource

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PairFigures:
    """What a pair did in the school year, as the automatic items read it."""

    meetings_held: int = 0
    meetings_required: int = 0
    rotations: int = 0
    activities: int = 0
    goals_achieved: int = 0
    goals_due: int = 0


def auto_score(
    source: AssessmentSource, max_points: Decimal, target: int | None, figures: PairFigures
) -> tuple[Decimal, str]:
    """(points, the figure behind them such as "2/3") of an automatic item."""
    if source == AssessmentSource.meetings:
        actual, goal = figures.meetings_held, figures.meetings_required
        if goal == 0:
            return max_points, f"{actual}/0"
    elif source == AssessmentSource.rotations:
        actual, goal = figures.rotations, target or 0
    elif source == AssessmentSource.activities:
        actual, goal = figures.activities, target or 0
    elif source == AssessmentSource.goals:
        actual, goal = figures.goals_achieved, target or figures.goals_due
    else:
        raise ValueError("manual items are scored by inspectors")
    if goal <= 0:
        return Decimal("0.00"), f"{actual}/0"
    share = min(Decimal(actual) / Decimal(goal), Decimal(1))
    return (max_points * share).quantize(CENT, rounding=ROUND_HALF_UP), f"{actual}/{goal}"


def competition_ranks(totals: list[Decimal]) -> list[int]:
    """Rank of each total, highest first; equal totals share a rank and the next rank skips (1, 2, 2, 4)."""
    ordered = sorted(totals, reverse=True)
    first_place = {}
    for position, total in enumerate(ordered, start=1):
        first_place.setdefault(total, position)
    return [first_place[total] for total in totals]
