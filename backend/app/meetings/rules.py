"""The minutes step, declared once: the side that did not record the minutes confirms them (final,
locked) or returns them with a comment. A bureau admin may act for that side."""

from app.core.enums import MinutesStatus, Party

MINUTES_ACTIONS: dict[str, tuple[MinutesStatus, bool]] = {
    # action: (minutes status afterwards, comment required)
    "confirm_minutes": (MinutesStatus.final, False),
    "return_minutes": (MinutesStatus.draft, True),
}


def other_side(recorder: Party | None) -> Party | None:
    if recorder == Party.supporting_school:
        return Party.receiving_school
    if recorder == Party.receiving_school:
        return Party.supporting_school
    return None


def minutes_actions(
    minutes_status: MinutesStatus | None,
    recorder: Party | None,
    caller_parties: frozenset[Party],
    is_bureau_admin: bool,
) -> list[str]:
    confirmer = other_side(recorder)
    if minutes_status != MinutesStatus.draft or confirmer is None:
        return []
    if confirmer in caller_parties or is_bureau_admin:
        return list(MINUTES_ACTIONS)
    return []
