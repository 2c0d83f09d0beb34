from typing import Annotated, Any

from fastapi import APIRouter, Body, Cookie, Form, Request, Response, status

from app.auth import service
from app.auth.schemas import Me, MeUpdate, PasswordChange, RefreshRequest, TokenResponse
from app.core.config import get_settings
from app.core.deps import CurrentCaller, SessionDep
from app.core.errors import AppError, Unauthorized, ValidationFailed
from app.core.schemas import problem_responses

router = APIRouter(prefix="/auth", tags=["auth"])

REFRESH_COOKIE = "refresh_token"
COOKIE_PATH = "/api/v1/auth"


class UnsupportedGrant(AppError):
    status = 400
    slug = "unsupported-grant-type"

    def __init__(self, grant: str) -> None:
        super().__init__("unsupported_grant", grant=grant)


def _set_refresh_cookie(response: Response, token: TokenResponse) -> None:
    settings = get_settings()
    response.set_cookie(
        REFRESH_COOKIE,
        token.refresh_token,
        max_age=settings.refresh_token_days * 86400,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.environment == "production",
    )


@router.post("/token", response_model=TokenResponse, responses=problem_responses(400, 401, 422, 429))
async def issue_token(
    request: Request,
    response: Response,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=128)] = "",
    grant_type: Annotated[str, Form(max_length=40)] = "password",
    client_id: Annotated[str, Form(max_length=64)] = "",
    client_secret: Annotated[str, Form(max_length=128)] = "",
    scope: Annotated[str, Form(max_length=500)] = "",
) -> Any:
    """OAuth2 password grant for people; `grant_type=client_credentials` with `client_id`,
    `client_secret` and optionally `scope` (space-separated) for integration clients."""
    ip = request.client.host if request.client else "unknown"
    if grant_type == "client_credentials":
        for field, value in (("client_id", client_id), ("client_secret", client_secret)):
            if not value:
                raise ValidationFailed("credentials_required", field=field)
        return await service.authenticate_client(
            session, client_id=client_id, client_secret=client_secret, scope=scope, ip=ip
        )
    if grant_type != "password":
        raise UnsupportedGrant(grant_type)
    for field, value in (("username", username), ("password", password)):
        if not value:
            raise ValidationFailed("credentials_required", field=field)
    user = await service.authenticate(session, username=username, password=password, ip=ip)
    token = await service.issue_tokens(session, user)
    _set_refresh_cookie(response, token)
    return token


@router.post("/refresh", response_model=TokenResponse, responses=problem_responses(401, 422))
async def refresh(
    response: Response,
    session: SessionDep,
    body: Annotated[RefreshRequest | None, Body()] = None,
    cookie_token: Annotated[str | None, Cookie(alias=REFRESH_COOKIE)] = None,
) -> Any:
    presented = (body.refresh_token if body else None) or cookie_token
    if not presented:
        raise Unauthorized("bad_refresh")
    token = await service.rotate(session, presented)
    _set_refresh_cookie(response, token)
    return token


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(422))
async def logout(
    session: SessionDep,
    body: Annotated[RefreshRequest | None, Body()] = None,
    cookie_token: Annotated[str | None, Cookie(alias=REFRESH_COOKIE)] = None,
) -> Response:
    presented = (body.refresh_token if body else None) or cookie_token
    if presented:
        await service.revoke(session, presented)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH)
    return response


@router.get("/me", response_model=Me, responses=problem_responses(401))
async def me(session: SessionDep, caller: CurrentCaller) -> Any:
    return await service.current_user(session, caller)


@router.patch("/me", response_model=Me, responses=problem_responses(401, 422))
async def update_me(body: MeUpdate, session: SessionDep, caller: CurrentCaller) -> Any:
    return await service.update_me(session, caller, body)


@router.post("/password", response_model=TokenResponse, responses=problem_responses(401, 422))
async def change_password(
    body: PasswordChange, response: Response, session: SessionDep, caller: CurrentCaller
) -> Any:
    token = await service.change_password(session, caller, body)
    _set_refresh_cookie(response, token)
    return token
