"""Annotated dependency aliases used by every router."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import session_scope
from app.core.errors import AppError, Unauthorized
from app.core.policy import Caller
from app.core.security import decode_access_token
from app.integrations.scopes import check_scope
from app.integrations.service import check_token

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with session_scope(writes=request.method not in ("GET", "HEAD", "OPTIONS")) as session:
        yield session


# scope="function": commit before the response is sent, so a failed commit becomes an error response.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_caller(
    request: Request, session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> Caller:
    if not token:
        raise Unauthorized()
    claims = decode_access_token(token)
    if claims is None:
        raise Unauthorized()
    if claims.client_id is not None:
        # An integration client: still registered, and the route within its scopes.
        await check_token(session, claims)
        route = request.scope.get("route")
        check_scope(request.method, getattr(route, "path", request.url.path), frozenset(claims.scopes or ()))
    return Caller.from_claims(claims)


CurrentCaller = Annotated[Caller, Depends(get_caller)]


class MalformedIfMatch(AppError):
    status = 400

    def __init__(self) -> None:
        super().__init__("precondition_malformed")


async def get_if_match(if_match: Annotated[str | None, Header(alias="If-Match")] = None) -> int | None:
    """The version the client last saw, from the ETag it got (`"3.9f2c…"`) or from the `version`
    field (`"3"`; weak `W/"3"` and bare `3` accepted)."""
    if if_match is None or if_match.strip() == "*":
        return None
    value = if_match.strip().removeprefix("W/").strip('"').split(".", 1)[0]
    if not value.isdigit():
        raise MalformedIfMatch()
    return int(value)


IfMatch = Annotated[int | None, Depends(get_if_match)]
