"""Sign-in, token rotation and sign-out."""

import secrets
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.models import LoginAttempt, RefreshToken
from app.auth.schemas import MeUpdate, PasswordChange, TokenResponse
from app.core import audit
from app.core.clock import now
from app.core.config import get_settings
from app.core.enums import Role
from app.core.errors import RateLimited, Unauthorized, ValidationFailed
from app.core.passwords import check_password
from app.core.policy import Caller
from app.core.security import (
    AccessClaims,
    create_access_token,
    dummy_hash,
    hash_password,
    hash_token,
    new_refresh_token,
    verify_password,
)
from app.integrations.service import by_public_id
from app.regions.service import region_path_of_organization
from app.users.models import User
from app.users.service import revoke_refresh_tokens


async def _check_lockout(session: AsyncSession, username: str, ip: str) -> None:
    settings = get_settings()
    window_start = now() - timedelta(minutes=settings.login_lockout_minutes)
    recent = (
        await session.scalars(
            select(LoginAttempt.at)
            .where(LoginAttempt.username == username, LoginAttempt.ip == ip, LoginAttempt.at > window_start)
            .order_by(LoginAttempt.at.desc())
            .limit(settings.login_max_failures)
        )
    ).all()
    if len(recent) >= settings.login_max_failures:
        # Locked until the oldest of the last N failures leaves the window.
        unlock_at = recent[-1] + timedelta(minutes=settings.login_lockout_minutes)
        retry_after = max(1, int((unlock_at - now()).total_seconds()))
        raise RateLimited(retry_after, minutes=max(1, -(-retry_after // 60)))


async def _record_failure(session: AsyncSession, username: str, ip: str) -> None:
    session.add(LoginAttempt(username=username, ip=ip, at=now()))
    # Commit now: the request ends in a 401 and its transaction will be rolled back.
    await session.commit()


async def authenticate(session: AsyncSession, *, username: str, password: str, ip: str) -> User:
    username = username.strip()[:64]
    await _check_lockout(session, username, ip)
    user = await session.scalar(select(User).where(User.username == username))
    valid, new_hash = verify_password(password, user.password_hash if user else dummy_hash())
    if user is None or not valid:
        await _record_failure(session, username, ip)
        raise Unauthorized("bad_credentials")
    if not user.is_active:
        raise Unauthorized("inactive")
    if new_hash:
        user.password_hash = new_hash
    await session.execute(
        delete(LoginAttempt).where(LoginAttempt.username == username, LoginAttempt.ip == ip)
    )
    # A Core UPDATE: signing in is not an edit of the account and must not bump its version.
    await session.execute(update(User).where(User.id == user.id).values(last_login_at=now()))
    return user


def claims_for(user: User, region_path: str | None) -> AccessClaims:
    """What the access token says about its holder: enough to scope every request without a lookup."""
    return AccessClaims(
        user_id=user.id,
        role=user.role.value,
        organization_id=user.organization_id,
        school_id=user.school_id,
        teacher_id=user.teacher_id,
        region_path=region_path,
    )


async def issue_tokens(session: AsyncSession, user: User, *, family: str | None = None) -> TokenResponse:
    region_path = await region_path_of_organization(session, user.organization_id)
    access, expires_in = create_access_token(claims_for(user, region_path))
    refresh = new_refresh_token()
    issued = now()
    session.add(
        RefreshToken(
            user_id=user.id,
            token_hash=hash_token(refresh),
            family=family or secrets.token_hex(16),
            issued_at=issued,
            expires_at=issued + timedelta(days=get_settings().refresh_token_days),
        )
    )
    await session.flush()
    return TokenResponse(access_token=access, expires_in=expires_in, refresh_token=refresh)


async def rotate(session: AsyncSession, refresh_token: str) -> TokenResponse:
    """Trade a refresh token for a new pair. A token used twice means it leaked: the whole
    family is revoked and both holders must sign in again."""
    stored = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_token(refresh_token)).with_for_update()
    )
    if stored is None or stored.expires_at <= now():
        raise Unauthorized("bad_refresh")
    if stored.revoked_at is not None:
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.family == stored.family, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now())
        )
        await session.commit()
        raise Unauthorized("bad_refresh")
    user = await session.get(User, stored.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("bad_refresh")
    stored.revoked_at = now()
    return await issue_tokens(session, user, family=stored.family)


async def revoke(session: AsyncSession, refresh_token: str) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.token_hash == hash_token(refresh_token), RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now())
    )


async def current_user(session: AsyncSession, caller: Caller) -> User:
    user = await session.get(User, caller.user_id)
    # An integration client's service account is never active (nobody signs in with it); the
    # client itself was checked when its token was accepted.
    if user is None or not (user.is_active or caller.client_id is not None):
        raise Unauthorized()
    return user


def _me_snapshot(user: User) -> dict[str, object]:
    return {
        "display_name": user.display_name,
        "locale": user.locale,
        "phone": user.phone,
        "email": user.email,
    }


async def update_me(session: AsyncSession, caller: Caller, data: MeUpdate) -> User:
    user = await current_user(session, caller)
    changes = {k: v for k, v in data.model_dump(exclude_unset=True).items() if v is not None}
    if changes:
        before = _me_snapshot(user)
        for key, value in changes.items():
            setattr(user, key, value)
        await session.flush()
        await audit.record(
            session,
            caller,
            action="update_profile",
            entity="user",
            entity_id=user.id,
            before=before,
            after=_me_snapshot(user),
        )
    return user


async def change_password(session: AsyncSession, caller: Caller, data: PasswordChange) -> TokenResponse:
    user = await current_user(session, caller)
    valid, _ = verify_password(data.current_password, user.password_hash)
    if not valid:
        raise ValidationFailed("wrong_password", field="current_password")
    check_password(data.new_password, username=user.username, field="new_password")
    user.password_hash = hash_password(data.new_password)
    user.updated_at = now()
    await revoke_refresh_tokens(session, user.id)
    await session.flush()
    await audit.record(
        session,
        caller,
        action="change_password",
        entity="user",
        entity_id=user.id,
        after={"password_changed": True},
    )
    return await issue_tokens(session, user)


async def authenticate_client(
    session: AsyncSession, *, client_id: str, client_secret: str, scope: str, ip: str
) -> TokenResponse:
    """The client-credentials grant: an access token (no refresh token) for the scopes asked for
    (all granted ones when `scope` is empty). Failures count towards the same lockout as sign-ins."""
    key = f"client:{client_id.strip()[:40]}"
    await _check_lockout(session, key, ip)
    client = await by_public_id(session, client_id.strip())
    valid, _ = verify_password(client_secret, client.secret_hash if client else dummy_hash())
    if client is None or not valid or client.revoked_at is not None:
        await _record_failure(session, key, ip)
        raise Unauthorized("bad_client")
    asked = set(scope.split()) if scope.strip() else set(client.scopes)
    if not asked <= set(client.scopes):
        raise ValidationFailed(
            "invalid_scope", field="scope", scopes=" ".join(sorted(asked - set(client.scopes)))
        )
    region_path = await region_path_of_organization(session, client.organization_id)
    access, expires_in = create_access_token(
        AccessClaims(
            user_id=client.service_user_id,
            role=Role.bureau_admin.value,
            organization_id=client.organization_id,
            school_id=None,
            teacher_id=None,
            region_path=region_path,
            client_id=client.id,
            client_generation=client.secret_generation,
            scopes=tuple(sorted(asked)),
        )
    )
    return TokenResponse(access_token=access, expires_in=expires_in, refresh_token=None)
