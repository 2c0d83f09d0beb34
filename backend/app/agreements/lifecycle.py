"""Signing steps of agreements and amendments, read from the table in rules.py."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.agreements import rules
from app.agreements.models import Agreement, Amendment
from app.agreements.service import get_agreement, present, record_event
from app.core import audit, policy
from app.core.enums import AgreementStatus, Party, Role
from app.core.errors import Conflict, Forbidden, InvalidTransition, ValidationFailed
from app.core.i18n import t
from app.core.policy import Caller
from app.core.versioning import check_version
from app.integrations import events
from app.notifications.service import notify_next_signer
from app.schools.models import School


def _refuse(status: AgreementStatus, action: str, allowed: list[str]) -> InvalidTransition:
    names = "、".join(t(f"action.{a}") for a in allowed) if allowed else t("action.none")
    return InvalidTransition(
        "invalid_transition", status=f"status.{status.value}", action=f"action.{action}", allowed=names
    )


def _step(
    caller: Caller,
    agreement: Agreement,
    status: AgreementStatus,
    action: str,
    comment: str,
    *,
    amendment: bool = False,
) -> tuple[rules.Transition, Party, bool]:
    """Validate one step: the transition exists, the caller signs for a party of it, a reason is given."""
    parties = policy.agreement_parties(caller, agreement)
    is_admin = caller.role == Role.bureau_admin
    transition = rules.TRANSITIONS.get((status, action))
    if transition is None or (amendment and action not in rules.AMENDMENT_ACTIONS):
        raise _refuse(status, action, rules.allowed_actions(status, parties, is_admin, amendment=amendment))
    party = rules.acting_party(parties, transition, is_admin)
    if party is None:
        raise Forbidden("not_your_step", party=f"party.{next(iter(transition.parties)).value}")
    if transition.needs_comment and not comment.strip():
        raise ValidationFailed("comment_required", field="comment")
    return transition, party, is_admin and party != Party.bureau


async def _check_no_overlap(session: AsyncSession, agreement: Agreement) -> None:
    """One binding agreement per pair at a time. The two school rows are locked (in id order, so
    concurrent signers queue rather than deadlock) before looking, so two approvals cannot both pass."""
    pair = sorted((agreement.supporting_school_id, agreement.receiving_school_id))
    await session.execute(select(School.id).where(School.id.in_(pair)).order_by(School.id).with_for_update())
    clash = await session.scalar(
        select(Agreement.id)
        .where(
            Agreement.id != agreement.id,
            Agreement.supporting_school_id == agreement.supporting_school_id,
            Agreement.receiving_school_id == agreement.receiving_school_id,
            Agreement.status.in_(rules.BINDING),
            Agreement.start_date <= agreement.end_date,
            Agreement.end_date >= agreement.start_date,
        )
        .limit(1)
    )
    if clash is not None:
        raise Conflict("agreement_overlap", other=clash)


async def transition_agreement(
    session: AsyncSession,
    *,
    caller: Caller,
    agreement_id: int,
    action: str,
    comment: str,
    expected_version: int | None,
) -> Agreement:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id, for_update=True)
    check_version(agreement.version, expected_version)
    transition, party, on_behalf = _step(caller, agreement, agreement.status, action, comment)
    if transition.to in rules.SIGNING:
        await _check_no_overlap(session, agreement)
    before = agreement.status
    agreement.status = transition.to
    await session.flush()
    await record_event(
        session,
        caller,
        agreement,
        action,
        from_status=before.value,
        to_status=transition.to.value,
        acting_as=party,
        on_behalf=on_behalf,
        comment=comment.strip(),
    )
    await events.agreement_status_changed(
        session, agreement, action=action, from_status=before.value, to_status=transition.to.value
    )
    await notify_next_signer(
        session,
        agreement,
        kind="agreement_waiting",
        party=rules.NEXT_ACTOR[transition.to],
        key=f"agreement_step:{agreement.id}:{transition.to.value}:{agreement.version}",
        actor_id=caller.user_id,
    )
    await audit.record(
        session,
        caller,
        action=action,
        entity="agreement",
        entity_id=agreement.id,
        before={"status": before.value},
        after={"status": transition.to.value, "comment": comment},
    )
    return present(caller, agreement)


def present_amendment(caller: Caller, agreement: Agreement, amendment: Amendment) -> Amendment:
    parties = policy.agreement_parties(caller, agreement)
    amendment.allowed_actions = rules.allowed_actions(  # type: ignore[attr-defined]
        amendment.status, parties, caller.role == Role.bureau_admin, amendment=True
    )
    amendment.next_actor = rules.NEXT_ACTOR[amendment.status]  # type: ignore[attr-defined]
    return amendment


async def get_amendment(
    session: AsyncSession, *, caller: Caller, amendment_id: int, for_update: bool = False
) -> tuple[Agreement, Amendment]:
    amendment = await policy.get_readable(
        session, caller, Amendment, amendment_id, entity="amendment", for_update=for_update
    )
    agreement = await get_agreement(session, caller=caller, agreement_id=amendment.agreement_id)
    return agreement, present_amendment(caller, agreement, amendment)


async def create_amendment(
    session: AsyncSession, *, caller: Caller, agreement_id: int, summary: str, effective_date: object
) -> Amendment:
    agreement = await get_agreement(session, caller=caller, agreement_id=agreement_id)
    if not policy.can_record_under(caller, agreement):
        raise Forbidden()
    if agreement.status != AgreementStatus.active:
        raise Conflict("amendment_needs_active", status=f"status.{agreement.status.value}")
    amendment = Amendment(
        agreement_id=agreement.id,
        summary=summary,
        effective_date=effective_date,
        created_by_id=caller.user_id,
    )
    session.add(amendment)
    await session.flush()
    await record_event(
        session,
        caller,
        agreement,
        "amend",
        to_status=AgreementStatus.draft.value,
        amendment_id=amendment.id,
        comment=summary[:200],
    )
    await audit.record(
        session,
        caller,
        action="create",
        entity="amendment",
        entity_id=amendment.id,
        after={"agreement_id": agreement.id, "summary": summary, "effective_date": str(effective_date)},
    )
    await notify_next_signer(
        session,
        agreement,
        kind="amendment_waiting",
        party=rules.NEXT_ACTOR[AgreementStatus.draft],
        key=f"amendment_step:{amendment.id}:draft:{amendment.version}",
        actor_id=caller.user_id,
    )
    return present_amendment(caller, agreement, amendment)


async def transition_amendment(
    session: AsyncSession,
    *,
    caller: Caller,
    amendment_id: int,
    action: str,
    comment: str,
    expected_version: int | None,
) -> Amendment:
    agreement, amendment = await get_amendment(
        session, caller=caller, amendment_id=amendment_id, for_update=True
    )
    check_version(amendment.version, expected_version)
    if agreement.status != AgreementStatus.active:
        raise Conflict("amendment_needs_active", status=f"status.{agreement.status.value}")
    transition, party, on_behalf = _step(caller, agreement, amendment.status, action, comment, amendment=True)
    before = amendment.status
    amendment.status = transition.to
    await session.flush()
    await record_event(
        session,
        caller,
        agreement,
        f"amendment_{action}",
        from_status=before.value,
        to_status=transition.to.value,
        acting_as=party,
        on_behalf=on_behalf,
        comment=comment.strip(),
        amendment_id=amendment.id,
    )
    await notify_next_signer(
        session,
        agreement,
        kind="amendment_waiting",
        party=rules.NEXT_ACTOR[transition.to],
        key=f"amendment_step:{amendment.id}:{transition.to.value}:{amendment.version}",
        actor_id=caller.user_id,
    )
    await audit.record(
        session,
        caller,
        action=action,
        entity="amendment",
        entity_id=amendment.id,
        before={"status": before.value},
        after={"status": transition.to.value, "comment": comment},
    )
    return present_amendment(caller, agreement, amendment)
