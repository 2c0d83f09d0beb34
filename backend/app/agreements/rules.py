"""The agreement lifecycle, declared once. Routes, `allowed_actions`, `next_actor` and the tests read it.

Amendments (补充协议) are signed through the same steps, up to `active`.
"""

from dataclasses import dataclass

from app.core.enums import AgreementStatus as S
from app.core.enums import Party


@dataclass(frozen=True)
class Transition:
    to: S
    parties: frozenset[Party]  # who signs this step; a bureau admin may act for either school
    needs_comment: bool = False


SCHOOLS = frozenset({Party.supporting_school, Party.receiving_school})

TRANSITIONS: dict[tuple[S, str], Transition] = {
    (S.draft, "submit"): Transition(S.submitted, frozenset({Party.supporting_school})),
    (S.submitted, "confirm"): Transition(S.confirmed, frozenset({Party.receiving_school})),
    (S.submitted, "reject"): Transition(S.draft, frozenset({Party.receiving_school, Party.bureau}), True),
    (S.confirmed, "approve"): Transition(S.active, frozenset({Party.bureau})),
    (S.confirmed, "reject"): Transition(S.draft, frozenset({Party.bureau}), True),
    (S.active, "complete"): Transition(S.completed, frozenset({Party.bureau})),
    (S.active, "terminate"): Transition(S.terminated, frozenset({Party.bureau}), True),
}

AMENDMENT_ACTIONS = ("submit", "confirm", "approve", "reject")
ACTIONS = ("submit", "confirm", "approve", "reject", "complete", "terminate")

# Who is expected to move the agreement forward in each status.
NEXT_ACTOR: dict[S, Party | None] = {
    S.draft: Party.supporting_school,
    S.submitted: Party.receiving_school,
    S.confirmed: Party.bureau,
    S.active: None,
    S.completed: None,
    S.terminated: None,
}

# Statuses that hold the pair: two of these may not overlap in time.
BINDING = frozenset({S.submitted, S.confirmed, S.active, S.completed})
# Each step into these re-checks the pair under lock: a clash that slipped in (by import, or a race at
# submission) is still caught at the latest when the bureau approves.
SIGNING = frozenset({S.submitted, S.confirmed, S.active})
# Statuses in which goals, activities and donations may be recorded.
RECORDING = frozenset({S.active})


def acting_party(
    caller_parties: frozenset[Party], transition: Transition, is_bureau_admin: bool
) -> Party | None:
    """The party the caller signs for, or None if they may not take this step.
    A bureau admin signs a school's step on its behalf when no school party of theirs can."""
    own = caller_parties & transition.parties
    if own:
        return Party.bureau if Party.bureau in own else next(iter(own))
    if is_bureau_admin and transition.parties:
        return next(
            p
            for p in (Party.supporting_school, Party.receiving_school, Party.bureau)
            if p in transition.parties
        )
    return None


def allowed_actions(
    status: S, caller_parties: frozenset[Party], is_bureau_admin: bool, *, amendment: bool = False
) -> list[str]:
    actions = AMENDMENT_ACTIONS if amendment else ACTIONS
    return [
        action
        for action in actions
        if (t := TRANSITIONS.get((status, action))) is not None
        and acting_party(caller_parties, t, is_bureau_admin) is not None
    ]
