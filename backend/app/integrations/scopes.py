"""Which scope each route needs when an integration client calls it.

A route's scope follows from its first path segment (the resource family) and the method: reading
needs `<family>:read`, any other method `<family>:write`. Routes of no family (users, the audit
trail, notifications, integration management) are closed to clients.
"""

from app.core.errors import Forbidden

SCOPES = (
    "schools:read",
    "teachers:read",
    "agreements:read",
    "agreements:write",
    "meetings:read",
    "meetings:write",
    "rotations:read",
    "rotations:write",
    "checkins:write",
    "reports:read",
)

# First path segment under /api/v1 → resource family.
FAMILIES = {
    "regions": "schools",
    "schools": "schools",
    "teachers": "teachers",
    "programmes": "agreements",
    "agreements": "agreements",
    "goals": "agreements",
    "amendments": "agreements",
    "activities": "agreements",
    "donations": "agreements",
    "attachments": "agreements",
    "meetings": "meetings",
    "action-items": "meetings",
    "rotations": "rotations",
    "leaves": "rotations",
    "logs": "rotations",
    "evaluations": "rotations",
    "calendar-days": "rotations",
    "needs": "rotations",
    "planning": "rotations",
    "dashboard": "reports",
    "reports": "reports",
    "assessments": "reports",
}
READ_METHODS = frozenset({"GET", "HEAD"})
OPEN_TO_ANY_CLIENT = frozenset({("GET", "auth/me")})


def _segments(path: str) -> list[str]:
    """`/api/v1/schools/{school_id}` (or the same without the API prefix) → ["schools", "{school_id}"]."""
    return path.removeprefix("/api/v1").strip("/").split("/")


def required_scope(method: str, path: str) -> str | None:
    """The scope `method path` (a route's path template) needs; None: closed to clients."""
    segments = _segments(path)
    if segments[0] == "compliance" and len(segments) > 1:
        family: str | None = "meetings" if segments[1] == "meetings" else "rotations"
        return f"{family}:read" if method in READ_METHODS else None
    if segments[0] == "rotations" and segments[-1] == "checkins" and method not in READ_METHODS:
        return "checkins:write"
    # An agreement's meetings are meetings (docs/integrations.md), though their path starts with it.
    nested_meetings = segments[0] == "agreements" and segments[-1] == "meetings"
    family = "meetings" if nested_meetings else FAMILIES.get(segments[0])
    if family is None:
        return None
    scope = f"{family}:{'read' if method in READ_METHODS else 'write'}"
    return scope if scope in SCOPES else None


def check_scope(method: str, path: str, granted: frozenset[str]) -> None:
    if (method, "/".join(_segments(path))) in OPEN_TO_ANY_CLIENT:
        return
    needed = required_scope(method, path)
    if needed is None:
        raise Forbidden("client_route_closed")
    if needed not in granted:
        raise Forbidden("scope_missing", scope=needed)
