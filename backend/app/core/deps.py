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

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with session_scope(writes=request.method not in ("GET", "HEAD", "OPTIONS")) as session:
        yield session


# scope="function": commit before the response is sent, so a failed commit becomes an error response.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_caller(token: Annotated[str | None, Depends(oauth2_scheme)]) -> Caller:
    if not token:
        raise Unauthorized()
    claims = decode_access_token(token)
    if claims is None:
        raise Unauthorized()
    return Caller.from_claims(claims)


CurrentCaller = Annotated[Caller, Depends(get_caller)]


class MalformedIfMatch(AppError):
    status = 400

    def __init__(self) -> None:
        super().__init__("precondition_malformed")


def get_if_match(if_match: Annotated[str | None, Header(alias="If-Match")] = None) -> int | None:
    """The version the client last saw, from `If-Match: "3"` (weak `W/"3"` and bare `3` accepted)."""
    if if_match is None or if_match.strip() == "*":
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise MalformedIfMatch()
    return int(value)


IfMatch = Annotated[int | None, Depends(get_if_match)]
