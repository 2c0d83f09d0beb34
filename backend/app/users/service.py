from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.auth.models import RefreshToken
from app.core import audit, policy, updates
from app.core.clock import now
from app.core.enums import Role
from app.core.errors import Conflict, Duplicate, Forbidden, ValidationFailed
from app.core.listing import ListSpec, where_equal
from app.core.passwords import check_password
from app.core.policy import Caller
from app.core.security import hash_password
from app.core.versioning import check_version
from app.regions.models import Organization
from app.regions.service import governing_organization
from app.schools.models import School
from app.teachers.models import Teacher
from app.users.models import User
from app.users.schemas import UserCreate, UserFilters, UserRead, UserUpdate

LOAD = (joinedload(User.school),)

LIST_SPEC = ListSpec(
    read_model=UserRead,
    sortable={"username": User.username, "display_name": User.display_name, "role": User.role},
    default_sort=(User.id,),
    searchable=(User.username, User.display_name),
    options=LOAD,
    sheet="users",
    labels={
        "id": ("编号", "ID"),
        "username": ("用户名", "Username"),
        "display_name": ("姓名", "Name"),
        "role": ("角色", "Role"),
        "school_name": ("所属学校", "School"),
        "is_active": ("启用", "Active"),
        "phone": ("电话", "Phone"),
        "email": ("邮箱", "Email"),
        "last_login_at": ("最近登录", "Last sign-in"),
    },
)


def users_query(*, caller: Caller, filters: UserFilters) -> Select[Any]:
    return where_equal(policy.readable(caller, User), User, filters)


async def get_user(session: AsyncSession, *, caller: Caller, user_id: int) -> User:
    return await policy.get_readable(session, caller, User, user_id, entity="user", options=LOAD)


async def _resolve_links(
    session: AsyncSession,
    caller: Caller,
    role: Role,
    *,
    organization_id: int | None,
    school_id: int | None,
    teacher_id: int | None,
    user_id: int | None = None,
) -> dict[str, int | None]:
    """The organization / school / teacher an account of `role` is tied to, checked against the
    caller's jurisdiction. School and teacher accounts answer to the bureau over their school."""
    if role in (Role.bureau_admin, Role.bureau_viewer):
        org_id = organization_id if organization_id is not None else caller.organization_id
        visible = await session.scalar(
            policy.readable(caller, Organization)
            .with_only_columns(Organization.id)
            .where(Organization.id == org_id)
        )
        if visible is None:
            raise ValidationFailed("role_bureau_org_required", field="organization_id")
        return {"organization_id": org_id, "school_id": None, "teacher_id": None}
    if role == Role.teacher:
        if teacher_id is None:
            raise ValidationFailed("role_teacher_required", field="teacher_id")
        teacher = await session.scalar(policy.readable(caller, Teacher).where(Teacher.id == teacher_id))
        if teacher is None:
            raise ValidationFailed("not_found", field="teacher_id", entity="entity.teacher")
        taken = await session.scalar(select(User.id).where(User.teacher_id == teacher_id, User.id != user_id))
        if taken is not None:
            raise Conflict("teacher_has_account")
        school_id = teacher.school_id
    elif school_id is None:
        raise ValidationFailed("role_school_required", field="school_id")
    school = await session.scalar(policy.readable(caller, School).where(School.id == school_id))
    if school is None:
        raise ValidationFailed("not_found", field="school_id", entity="entity.school")
    org = await governing_organization(session, school.region_id)
    return {
        "organization_id": org.id if org else None,
        "school_id": school.id,
        "teacher_id": teacher_id if role == Role.teacher else None,
    }


async def revoke_refresh_tokens(session: AsyncSession, user_id: int) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now())
    )


async def create_user(session: AsyncSession, *, caller: Caller, data: UserCreate) -> User:
    if not policy.can_manage_users(caller):
        raise Forbidden()
    if await session.scalar(select(User.id).where(User.username == data.username)) is not None:
        raise Duplicate("username", data.username)
    check_password(data.password, username=data.username)
    links = await _resolve_links(
        session,
        caller,
        data.role,
        organization_id=data.organization_id,
        school_id=data.school_id,
        teacher_id=data.teacher_id,
    )
    user = User(
        **data.model_dump(exclude={"password", "organization_id", "school_id", "teacher_id"}),
        **links,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    await session.flush()
    user = await get_user(session, caller=caller, user_id=user.id)
    await audit.record_created(session, caller, user, entity="user", read_model=UserRead)
    return user


async def update_user(
    session: AsyncSession, *, caller: Caller, user_id: int, data: UserUpdate, expected_version: int | None
) -> User:
    user = await get_user(session, caller=caller, user_id=user_id)
    if not policy.can_manage_users(caller):
        raise Forbidden()
    check_version(user.version, expected_version)
    if data.password is not None:
        check_password(data.password, username=user.username)
    changes = updates.changed_fields(user, data, exclude={"password"})
    if user.id == caller.user_id and (changes.get("is_active") is False or "role" in changes):
        raise ValidationFailed(
            "cannot_deactivate_self", field="is_active" if "is_active" in changes else "role"
        )
    link_fields = {"role", "organization_id", "school_id", "teacher_id"}
    if link_fields & changes.keys():
        role = changes.get("role", user.role)
        links = await _resolve_links(
            session,
            caller,
            role,
            organization_id=changes.get("organization_id", user.organization_id),
            school_id=changes.get("school_id", user.school_id),
            teacher_id=changes.get("teacher_id", user.teacher_id),
            user_id=user.id,
        )
        # The resolved links replace what the request said: a school or teacher account's organization
        # is its school's bureau, a teacher's school the teacher's, and a bureau account has neither.
        for key, value in links.items():
            if getattr(user, key) != value:
                changes[key] = value
            else:
                changes.pop(key, None)
    if not changes and data.password is None:
        return user
    before = audit.snapshot(UserRead, user)
    updates.apply(user, changes)
    if data.password is not None:
        user.password_hash = hash_password(data.password)
        user.updated_at = now()
    # New credentials, a lost account or a changed role: every open session must sign in again.
    if data.password is not None or changes.get("is_active") is False or link_fields & changes.keys():
        await revoke_refresh_tokens(session, user.id)
    await session.flush()
    session.expire(user)  # reload the school relationship after link changes
    user = await get_user(session, caller=caller, user_id=user_id)
    after = audit.snapshot(UserRead, user)
    if data.password is not None:
        after["password_changed"] = True
    await audit.record(
        session, caller, action="update", entity="user", entity_id=user.id, before=before, after=after
    )
    return user
