"""Request rate limits: per integration client and per client address, answered with 429 and
`Retry-After`.

Counted in fixed one-minute windows in each API worker's memory (no database round trip on the hot
path), so with N workers a caller may reach up to N times the limit; nginx limits addresses in front
of them in production. The limits come from settings (`RATE_LIMIT_CLIENT_PER_MINUTE`,
`RATE_LIMIT_ADDRESS_PER_MINUTE`; 0 turns one off). The health check is never limited.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.config import get_settings
from app.core.errors import problem
from app.core.i18n import t
from app.core.security import decode_access_token

WINDOW_SECONDS = 60
EXEMPT = frozenset({"/api/v1/health"})
PRUNE_AT = 50_000  # keys kept before old windows are dropped


@dataclass
class FixedWindow:
    limit: int
    clock: Callable[[], float] = time.monotonic
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # key → (window, requests)

    def hit(self, key: str) -> float | None:
        """Count one request; None when allowed, else the seconds until the window resets."""
        now = self.clock()
        window = int(now // WINDOW_SECONDS)
        seen_window, count = self.counts.get(key, (window, 0))
        count = count + 1 if seen_window == window else 1
        if len(self.counts) > PRUNE_AT:
            self.counts = {k: v for k, v in self.counts.items() if v[0] == window}
        self.counts[key] = (window, count)
        if count <= self.limit:
            return None
        return (window + 1) * WINDOW_SECONDS - now


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        settings = get_settings()
        self.by_client = FixedWindow(settings.rate_limit_client_per_minute)
        self.by_address = FixedWindow(settings.rate_limit_address_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/v1/") or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        wait = self._wait(scope)
        if wait is None:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = problem(
            429,
            "too-many-requests",
            t("too_many_requests.title"),
            t("too_many_requests", seconds=seconds),
            headers={"Retry-After": str(seconds)},
        )
        await response(scope, receive, send)

    def _wait(self, scope: Scope) -> float | None:
        if self.by_address.limit:
            address = (scope.get("client") or ("unknown", 0))[0]
            wait = self.by_address.hit(address)
            if wait is not None:
                return wait
        if self.by_client.limit:
            headers = dict(scope.get("headers") or [])
            authorization = headers.get(b"authorization", b"").decode("latin-1")
            if authorization.startswith("Bearer "):
                claims = decode_access_token(authorization.removeprefix("Bearer ").strip())
                if claims is not None and claims.client_id is not None:
                    return self.by_client.hit(f"client:{claims.client_id}")
        return None
