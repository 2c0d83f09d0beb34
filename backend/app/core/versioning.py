"""Optimistic locking helpers: ETag out, If-Match in."""

from fastapi import Response

from app.core.errors import StaleVersion


def check_version(current: int, expected: int | None) -> None:
    """412 when the client edited an older version than the stored one."""
    if expected is not None and expected != current:
        raise StaleVersion(current)


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = f'"{version}"'
