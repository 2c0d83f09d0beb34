"""Who may see and do what: the one scoping mechanism.

`readable(caller, Model)` gives the SELECT of the rows of `Model` the caller may read; every
service starts its queries from it, so a list or a lookup is scoped by construction and an
object outside the scope is simply not found (404). Actions are decided by the named
`can_*` functions below; a caller who can see an object but not act on it gets 403.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, String, and_, bindparam, false, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.interfaces import ORMOption

from app.activities.models import Activity, Donation
from app.agreements.models import Agreement, AgreementEvent, Amendment, Goal
from app.assessments.models import Assessment
from app.attachments.models import Attachment
from app.audit.models import AuditEvent
from app.core.enums import AssessmentStatus, EvaluationStatus, Party, Role
from app.core.errors import NotFound
from app.core.security import AccessClaims
from app.core.sqlsets import member_of
from app.integrations.models import IntegrationClient, WebhookDelivery, WebhookSubscription
from app.meetings.models import ActionItem, Meeting
from app.planning.models import PlanningProposal, StaffingNeed, TeacherUnavailability
from app.programmes.models import Programme
from app.regions.models import Organization, Region
from app.rotations.models import CalendarDay, CheckIn, Evaluation, Leave, Rotation, WorkLog
from app.schools.models import School
from app.teachers.models import Teacher
from app.users.models import User

T = TypeVar("T")


@dataclass(frozen=True)
class Caller:
    user_id: int
    role: Role
    organization_id: int | None
    school_id: int | None
    teacher_id: int | None
    # Path of the caller's jurisdiction region ("/1/4/9/"): their bureau's region.
    region_path: str | None
    # Set for an integration client acting through its service account: the scopes it holds.
    client_id: int | None = None
    scopes: frozenset[str] | None = None

    @classmethod
    def from_claims(cls, claims: AccessClaims) -> "Caller":
        return cls(
            user_id=claims.user_id,
            role=Role(claims.role),
            organization_id=claims.organization_id,
            school_id=claims.school_id,
            teacher_id=claims.teacher_id,
            region_path=claims.region_path,
            client_id=claims.client_id,
            scopes=frozenset(claims.scopes) if claims.scopes is not None else None,
        )

    @property
    def is_bureau(self) -> bool:
        return self.role in (Role.bureau_admin, Role.bureau_viewer)


def _at_or_below(region_path: str) -> ColumnElement[bool]:
    """Regions at or below the one of `region_path`.

    A province's path is written into the SQL: the planner has to see it to know that it holds every
    region. Bound, a prepared statement's generic plan guesses one row and runs the province's dashboard
    as nested loops (its activity count: 4 ms -> 57 ms of database time). Below a province the path is
    bound, so every county shares one statement text: one prepared statement per connection whose
    generic plan (counties are alike in size) is reused. Written in, each of 100 counties had its own
    text, more than asyncpg keeps prepared per connection, and every request was planned again (a
    county's dashboard: 3 of its 6 ms of database time)."""
    province = region_path.count("/") <= 2  # "/1/" is a province, "/1/2/" a city, "/1/2/19/" a county
    return Region.path.startswith(bindparam(None, region_path, type_=String, literal_execute=province))


def _in_jurisdiction(caller: Caller, region_id_column: Any) -> ColumnElement[bool]:
    """`region_id_column` lies in the caller's region or below it."""
    if not caller.region_path:
        return false()
    subtree = select(Region.id).where(_at_or_below(caller.region_path))
    return region_id_column.in_(subtree)


def _school_in_jurisdiction(caller: Caller, school_id_column: Any) -> ColumnElement[bool]:
    schools = select(School.id).where(_in_jurisdiction(caller, School.region_id))
    # A city's or a county's schools are a few percent of the province's: probing the column's index
    # once per school beats reading the table (see sqlsets). A province holds every row, where the
    # plain IN (a hashed sub-plan over one scan) is the better plan.
    below_province = (caller.region_path or "").count("/") > 2
    return member_of(school_id_column, schools) if below_province else school_id_column.in_(schools)


def _schools(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau or caller.role == Role.school_admin:
        # School users see the directory of their bureau's jurisdiction, to find partners.
        return _in_jurisdiction(caller, School.region_id)
    if caller.role == Role.teacher and caller.school_id is not None:
        return School.id == caller.school_id
    return false()


def _teachers(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return _school_in_jurisdiction(caller, Teacher.school_id)
    if caller.role == Role.school_admin and caller.school_id is not None:
        return Teacher.school_id == caller.school_id
    if caller.role == Role.teacher and caller.teacher_id is not None:
        return Teacher.id == caller.teacher_id
    return false()


def _organizations_in_jurisdiction(caller: Caller) -> Select[tuple[int]]:
    return select(Organization.id).where(_in_jurisdiction(caller, Organization.region_id))


def _users(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return User.organization_id.in_(_organizations_in_jurisdiction(caller)) | _school_in_jurisdiction(
            caller, User.school_id
        )
    if caller.role == Role.school_admin and caller.school_id is not None:
        return User.school_id == caller.school_id
    return User.id == caller.user_id


def _regions(caller: Caller) -> ColumnElement[bool]:
    if not caller.region_path:
        return false()
    # The caller's region, everything below it, and its ancestors (so names of the chain resolve).
    ancestors = [int(part) for part in caller.region_path.strip("/").split("/") if part]
    return _at_or_below(caller.region_path) | Region.id.in_(ancestors)


def _organizations(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return _in_jurisdiction(caller, Organization.region_id)
    if caller.organization_id is not None:
        return Organization.id == caller.organization_id
    return false()


def _audit_events(caller: Caller) -> ColumnElement[bool]:
    if not caller.is_bureau:
        return false()
    return AuditEvent.organization_id.in_(_organizations_in_jurisdiction(caller))


def _programmes(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return Programme.organization_id.in_(_organizations_in_jurisdiction(caller))
    if caller.role == Role.school_admin:
        # Schools see the programmes of their bureau, to draft agreements in them.
        return Programme.organization_id == caller.organization_id
    return false()


def _agreements(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return Agreement.programme_id.in_(select(Programme.id).where(_programmes(caller)))
    if caller.role == Role.school_admin and caller.school_id is not None:
        return (Agreement.supporting_school_id == caller.school_id) | (
            Agreement.receiving_school_id == caller.school_id
        )
    if caller.role == Role.teacher and caller.teacher_id is not None:
        # Teachers see (read-only) the agreements they are rotated under.
        return Agreement.id.in_(select(Rotation.agreement_id).where(Rotation.teacher_id == caller.teacher_id))
    return false()


def _rotations(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return _school_in_jurisdiction(caller, Rotation.from_school_id) | _school_in_jurisdiction(
            caller, Rotation.to_school_id
        )
    if caller.role == Role.school_admin and caller.school_id is not None:
        return (Rotation.from_school_id == caller.school_id) | (Rotation.to_school_id == caller.school_id)
    if caller.role == Role.teacher and caller.teacher_id is not None:
        return Rotation.teacher_id == caller.teacher_id
    return false()


def _under_rotation(column: Any) -> Callable[[Caller], ColumnElement[bool]]:
    """Scope of a record that belongs to a rotation (check-ins, leave, work log): the rotation's readers."""

    def scope(caller: Caller) -> ColumnElement[bool]:
        return column.in_(select(Rotation.id).where(_rotations(caller)))

    return scope


def _evaluations(caller: Caller) -> ColumnElement[bool]:
    condition = _under_rotation(Evaluation.rotation_id)(caller)
    if caller.role == Role.teacher:
        # The evaluated teacher sees the scores only once the school has submitted them.
        return condition & (Evaluation.status == EvaluationStatus.submitted)
    return condition


def _calendar_days(caller: Caller) -> ColumnElement[bool]:
    if caller.is_bureau:
        return CalendarDay.organization_id.in_(_organizations_in_jurisdiction(caller))
    if caller.organization_id is not None:
        return CalendarDay.organization_id == caller.organization_id
    return false()


def _assessments(caller: Caller) -> ColumnElement[bool]:
    """The bureau over the programme reads its assessments; the bureau's schools once published."""
    programmes = select(Programme.id).where(_programmes(caller))
    if caller.is_bureau:
        return Assessment.programme_id.in_(programmes)
    if caller.role == Role.school_admin:
        return and_(Assessment.programme_id.in_(programmes), Assessment.status == AssessmentStatus.published)
    return false()


def _integration_clients(caller: Caller) -> ColumnElement[bool]:
    if not caller.is_bureau:
        return false()
    return IntegrationClient.organization_id.in_(_organizations_in_jurisdiction(caller))


def _webhooks(caller: Caller) -> ColumnElement[bool]:
    if not caller.is_bureau:
        return false()
    return WebhookSubscription.organization_id.in_(_organizations_in_jurisdiction(caller))


def _deliveries(caller: Caller) -> ColumnElement[bool]:
    return WebhookDelivery.subscription_id.in_(select(WebhookSubscription.id).where(_webhooks(caller)))


def _partner_schools(school_id: int) -> Any:
    """The schools paired with `school_id` under an agreement, in either direction."""
    return (
        select(Agreement.receiving_school_id)
        .where(Agreement.supporting_school_id == school_id)
        .union(select(Agreement.supporting_school_id).where(Agreement.receiving_school_id == school_id))
    )


def _needs(caller: Caller) -> ColumnElement[bool]:
    """A school's staffing needs: the school, its partners (who may send the teachers) and the bureau."""
    if caller.is_bureau:
        return _school_in_jurisdiction(caller, StaffingNeed.school_id)
    if caller.role == Role.school_admin and caller.school_id is not None:
        return (StaffingNeed.school_id == caller.school_id) | StaffingNeed.school_id.in_(
            _partner_schools(caller.school_id)
        )
    return false()


def _unavailability(caller: Caller) -> ColumnElement[bool]:
    if caller.role == Role.teacher:
        return false()  # the school's decision about a teacher, not the teacher's page
    return TeacherUnavailability.teacher_id.in_(select(Teacher.id).where(_teachers(caller)))


def _proposals(caller: Caller) -> ColumnElement[bool]:
    if not caller.is_bureau:
        return false()
    return PlanningProposal.organization_id.in_(_organizations_in_jurisdiction(caller))


def _under_agreement(column: Any) -> Callable[[Caller], ColumnElement[bool]]:
    """Scope of a record that belongs to an agreement: exactly the agreement's readers."""

    def scope(caller: Caller) -> ColumnElement[bool]:
        return column.in_(select(Agreement.id).where(_agreements(caller)))

    return scope


_SCOPES: dict[type, Callable[[Caller], ColumnElement[bool]]] = {
    Programme: _programmes,
    Assessment: _assessments,
    Agreement: _agreements,
    Amendment: _under_agreement(Amendment.agreement_id),
    AgreementEvent: _under_agreement(AgreementEvent.agreement_id),
    Goal: _under_agreement(Goal.agreement_id),
    Activity: _under_agreement(Activity.agreement_id),
    Donation: _under_agreement(Donation.agreement_id),
    Attachment: _under_agreement(Attachment.agreement_id),
    Meeting: _under_agreement(Meeting.agreement_id),
    Rotation: _rotations,
    CheckIn: _under_rotation(CheckIn.rotation_id),
    Leave: _under_rotation(Leave.rotation_id),
    WorkLog: _under_rotation(WorkLog.rotation_id),
    Evaluation: _evaluations,
    CalendarDay: _calendar_days,
    ActionItem: _under_agreement(ActionItem.agreement_id),
    School: _schools,
    Teacher: _teachers,
    User: _users,
    Region: _regions,
    Organization: _organizations,
    AuditEvent: _audit_events,
    IntegrationClient: _integration_clients,
    WebhookSubscription: _webhooks,
    WebhookDelivery: _deliveries,
    StaffingNeed: _needs,
    TeacherUnavailability: _unavailability,
    PlanningProposal: _proposals,
}


# A caller's scope of a model is built once and kept: the scope functions depend on the caller alone (no
# clock, no stored state), and SQLAlchemy's expressions are immutable, so one kept condition serves every
# later statement composed from it. Building them was a tenth of a county list's Python (the
# jurisdiction's sub-selects, their bound paths). Callers are users: a day's active ones times the
# models they read stay within this bound.
SCOPES_KEPT = 4096


def readable(caller: Caller, model: type[T]) -> Select[tuple[T]]:
    """SELECT of the `model` rows the caller may read."""
    return _readable(caller, model)


@lru_cache(maxsize=SCOPES_KEPT)
def _readable(caller: Caller, model: type) -> Select[Any]:
    return select(model).where(scope_condition(caller, model))


@lru_cache(maxsize=SCOPES_KEPT)
def scope_condition(caller: Caller, model: type) -> ColumnElement[bool]:
    """The WHERE clause of `readable`, for composing into joins and sub-queries."""
    scope = _SCOPES.get(model)
    return scope(caller) if scope is not None else false()


# --- actions -------------------------------------------------------------------------------


def can_manage_schools(caller: Caller) -> bool:
    return caller.role == Role.bureau_admin


def can_manage_users(caller: Caller) -> bool:
    return caller.role == Role.bureau_admin


def can_manage_programmes(caller: Caller) -> bool:
    return caller.role == Role.bureau_admin


def agreement_parties(caller: Caller, agreement: Agreement) -> frozenset[Party]:
    """The sides of `agreement` the caller stands on (the agreement must already be readable)."""
    if caller.role == Role.bureau_admin:
        return frozenset({Party.bureau})
    if caller.role == Role.school_admin:
        if caller.school_id == agreement.supporting_school_id:
            return frozenset({Party.supporting_school})
        if caller.school_id == agreement.receiving_school_id:
            return frozenset({Party.receiving_school})
    return frozenset()


def can_record_under(caller: Caller, agreement: Agreement) -> bool:
    """Draft agreements, add goals, activities and donations: a party's school or the bureau admin."""
    return bool(agreement_parties(caller, agreement))


def can_manage_calendar(caller: Caller) -> bool:
    """Holidays and make-up school days of the bureau's schools."""
    return caller.role == Role.bureau_admin


def can_manage_assessments(caller: Caller) -> bool:
    """Edit the scoring form, score pairs and publish: the bureau's admins (its inspectors)."""
    return caller.role == Role.bureau_admin


def can_manage_integrations(caller: Caller) -> bool:
    """Register, change, rotate and revoke integration clients (never a client itself)."""
    return caller.role == Role.bureau_admin and caller.client_id is None


def can_read_audit(caller: Caller) -> bool:
    return caller.is_bureau


def can_edit_needs(caller: Caller, school_id: int) -> bool:
    """Record or change `school_id`'s staffing needs (the school must already be readable)."""
    if caller.role == Role.bureau_admin:
        return True
    return caller.role == Role.school_admin and caller.school_id == school_id


def can_plan_rotations(caller: Caller) -> bool:
    return caller.role == Role.bureau_admin


def can_edit_roster(caller: Caller, school_id: int) -> bool:
    """Create or edit teachers of `school_id` (the school must already be readable)."""
    if caller.role == Role.bureau_admin:
        return True
    return caller.role == Role.school_admin and caller.school_id == school_id


async def get_readable(
    session: AsyncSession,
    caller: Caller,
    model: type[T],
    object_id: int,
    *,
    entity: str,
    options: Sequence[ORMOption] = (),
    for_update: bool = False,
) -> T:
    """The object if the caller may read it; NotFound otherwise (never revealing that it exists)."""
    stmt = readable(caller, model).where(model.id == object_id).options(*options)  # type: ignore[attr-defined]
    if for_update:
        stmt = stmt.with_for_update(of=model)  # lock this row only, not the rows joined in for display
    obj = (await session.scalars(stmt)).one_or_none()
    if obj is None:
        raise NotFound(entity)
    return obj
