"""Registering integration clients, their secrets, and checking a client's token on every request."""

import secrets
from typing import Any

from sqlalchemy import Select, case, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import audit, policy
from app.core.clock import now, today
from app.core.enums import Role
from app.core.errors import Conflict, Forbidden, Unauthorized
from app.core.i18n import t
from app.core.listing import ListSpec
from app.core.policy import Caller
from app.core.security import AccessClaims, hash_password
from app.core.versioning import check_version
from app.integrations.models import IntegrationClient
from app.integrations.schemas import ClientCreate, ClientRead, ClientUpdate
from app.users.models import User

LIST_SPEC = ListSpec(
    read_model=ClientRead,
    sortable={"name": IntegrationClient.name, "created_at": IntegrationClient.created_at},
    default_sort=(IntegrationClient.revoked_at.is_not(None), IntegrationClient.name, IntegrationClient.id),
    searchable=(IntegrationClient.name, IntegrationClient.client_id),
    sheet="integration-clients",
    labels={
        "id": ("编号", "ID"),
        "name": ("名称", "Name"),
        "client_id": ("客户端编号", "Client ID"),
        "scopes": ("权限范围", "Scopes"),
        "status": ("状态", "Status"),
        "created_at": ("创建时间", "Created"),
        "revoked_at": ("吊销时间", "Revoked"),
        "last_used_at": ("最近使用", "Last used"),
        "requests_today": ("今日请求数", "Requests today"),
    },
    export_exclude=frozenset({"version"}),
)


def present(client: IntegrationClient) -> IntegrationClient:
    client.status = "revoked" if client.revoked_at else "active"  # type: ignore[attr-defined]
    client.requests_today = client.requests_on_day if client.usage_day == today() else 0  # type: ignore[attr-defined]
    return client


def _ensure_manager(caller: Caller) -> None:
    if not policy.can_manage_integrations(caller) or caller.organization_id is None:
        raise Forbidden()


def clients_query(*, caller: Caller) -> Select[Any]:
    return policy.readable(caller, IntegrationClient)


async def get_client(
    session: AsyncSession, *, caller: Caller, client_id: int, for_update: bool = False
) -> IntegrationClient:
    client = await policy.get_readable(
        session, caller, IntegrationClient, client_id, entity="integration_client", for_update=for_update
    )
    return present(client)


def _new_secret() -> tuple[str, str]:
    secret = secrets.token_urlsafe(32)
    return secret, hash_password(secret)


DISPLAY_NAME_LENGTH = User.__table__.c.display_name.type.length


async def create_client(
    session: AsyncSession, *, caller: Caller, data: ClientCreate
) -> tuple[IntegrationClient, str]:
    _ensure_manager(caller)
    public_id = f"pc_{secrets.token_hex(8)}"
    secret, secret_hash = _new_secret()
    # The account the client acts through: deactivated, so nobody can sign in with it.
    account = User(
        username=f"client_{public_id}",
        # The label around a 100-character client name may not fit the account's display name.
        display_name=t("integration.service_user", name=data.name)[:DISPLAY_NAME_LENGTH],
        password_hash=hash_password(secrets.token_urlsafe(32)),
        role=Role.bureau_admin,
        organization_id=caller.organization_id,
        is_active=False,
    )
    session.add(account)
    await session.flush()
    client = IntegrationClient(
        organization_id=caller.organization_id,
        name=data.name,
        client_id=public_id,
        secret_hash=secret_hash,
        scopes=list(data.scopes),
        service_user_id=account.id,
        created_by_id=caller.user_id,
    )
    session.add(client)
    await session.flush()
    present(client)
    await audit.record_created(session, caller, client, entity="integration_client", read_model=ClientRead)
    return client, secret


async def _active(
    session: AsyncSession, caller: Caller, client_id: int, expected_version: int | None
) -> IntegrationClient:
    client = await get_client(session, caller=caller, client_id=client_id, for_update=True)
    _ensure_manager(caller)
    check_version(client.version, expected_version)
    if client.revoked_at is not None:
        raise Conflict("client_revoked")
    return client


async def update_client(
    session: AsyncSession, *, caller: Caller, client_id: int, data: ClientUpdate, expected_version: int | None
) -> IntegrationClient:
    client = await _active(session, caller, client_id, expected_version)
    changes = data.model_dump(exclude_unset=True)
    await audit.apply_changes(
        session, caller, client, changes, entity="integration_client", read_model=ClientRead
    )
    return present(client)


async def rotate_secret(
    session: AsyncSession, *, caller: Caller, client_id: int, expected_version: int | None
) -> tuple[IntegrationClient, str]:
    """A new secret; the old one and every token issued with it stop working at once."""
    client = await _active(session, caller, client_id, expected_version)
    secret, client.secret_hash = _new_secret()
    client.secret_generation += 1
    await session.flush()
    await audit.record(
        session, caller, action="rotate_secret", entity="integration_client", entity_id=client.id
    )
    return present(client), secret


async def revoke(
    session: AsyncSession, *, caller: Caller, client_id: int, expected_version: int | None
) -> None:
    client = await _active(session, caller, client_id, expected_version)
    client.revoked_at = now()
    await session.flush()
    await audit.record(session, caller, action="revoke", entity="integration_client", entity_id=client.id)


async def check_token(session: AsyncSession, claims: AccessClaims) -> None:
    """A client's token works only while the client is active with the same secret generation; each
    accepted request counts towards today's usage: a write's in its transaction (a write that fails
    does not count); a read, which on PostgreSQL runs without one (core/db.py), once its token is
    accepted. The first statement of the request, so SQLite takes its write lock at once."""
    day = today()
    result = await session.execute(
        update(IntegrationClient)
        .where(
            IntegrationClient.id == claims.client_id,
            IntegrationClient.revoked_at.is_(None),
            IntegrationClient.secret_generation == claims.client_generation,
        )
        .values(
            last_used_at=now(),
            usage_day=day,
            requests_on_day=case(
                (IntegrationClient.usage_day == day, IntegrationClient.requests_on_day + 1), else_=1
            ),
        )
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        raise Unauthorized("client_revoked")


async def by_public_id(session: AsyncSession, public_id: str) -> IntegrationClient | None:
    return await session.scalar(select(IntegrationClient).where(IntegrationClient.client_id == public_id))
