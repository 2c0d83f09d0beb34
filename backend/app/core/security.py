"""Password hashing (Argon2id) and access tokens (HS256 JWT)."""

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

from jose import JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.core.clock import now
from app.core.config import get_settings

ALGORITHM = "HS256"
TOKENS_KEPT = 10_000  # verified access tokens remembered per process (a few MB at most)


@lru_cache
def _hasher() -> PasswordHash:
    settings = get_settings()
    return PasswordHash(
        (Argon2Hasher(time_cost=settings.argon2_time_cost, memory_cost=settings.argon2_memory_cost),)
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> tuple[bool, str | None]:
    """(valid, new hash if the stored one used outdated parameters)."""
    return _hasher().verify_and_update(password, password_hash)


@lru_cache
def dummy_hash() -> str:
    # Verified against when the username is unknown, so response time does not reveal which usernames exist.
    return hash_password(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    role: str
    organization_id: int | None
    school_id: int | None
    teacher_id: int | None
    region_path: str | None
    # An integration client's token: the client, its secret generation and the scopes granted.
    client_id: int | None = None
    client_generation: int | None = None
    scopes: tuple[str, ...] | None = None


def create_access_token(claims: AccessClaims) -> tuple[str, int]:
    settings = get_settings()
    issued = now()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    payload: dict[str, Any] = {
        "sub": str(claims.user_id),
        "iat": int(issued.timestamp()),
        "exp": int((issued + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "role": claims.role,
        "org": claims.organization_id,
        "sch": claims.school_id,
        "tch": claims.teacher_id,
        "rgn": claims.region_path,
    }
    if claims.client_id is not None:
        payload.update(cid=claims.client_id, gen=claims.client_generation, scp=list(claims.scopes or ()))
    return jwt.encode(payload, settings.secret_key, algorithm=ALGORITHM), int(lifetime.total_seconds())


def decode_access_token(token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired HS256 access token, or None. Only HS256 is accepted,
    so `alg: none` and algorithm-confusion tokens fail here."""
    try:
        claims, expires = _verified(get_settings().secret_key, token)
    except (JWTError, KeyError, TypeError, ValueError):
        return None
    return claims if time.time() < expires else None


@lru_cache(maxsize=TOKENS_KEPT)
def _verified(secret_key: str, token: str) -> tuple[AccessClaims, int]:
    """(claims, expiry) of a token whose signature and claims check out; raises otherwise (and
    failures are not kept). Kept per token, with the key it was checked with: a client sends the same
    token with every request until it expires, and checking it again cost a fifth of a cached read's time.
    Only the expiry is checked again on each use."""
    payload = jwt.decode(
        token,
        secret_key,
        algorithms=[ALGORITHM],
        options={"require_exp": True, "require_iat": True, "require_sub": True, "require_jti": True},
    )
    if payload.get("typ") != "access":
        raise JWTError("not an access token")
    claims = AccessClaims(
        user_id=int(payload["sub"]),
        role=str(payload["role"]),
        organization_id=payload.get("org"),
        school_id=payload.get("sch"),
        teacher_id=payload.get("tch"),
        region_path=payload.get("rgn"),
        client_id=payload.get("cid"),
        client_generation=payload.get("gen"),
        scopes=tuple(payload["scp"]) if "cid" in payload else None,
    )
    return claims, int(payload["exp"])


def new_refresh_token() -> str:
    return secrets.token_urlsafe(48)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
