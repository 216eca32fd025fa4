"""The service's defences against hostile clients: headers, body size, rate, token, JSON depth.

All three middlewares are plain ASGI (not Starlette's `BaseHTTPMiddleware`) so the size limit
sees the body as it streams in, and nothing here buffers a response.
"""

from __future__ import annotations

import hmac
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException

from warta.errors import InputError
from warta.ingest import jsonsafe

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script or style anywhere: every script is a static file of ours. Swagger UI's CSS
# carries its icons as data: URIs, hence `img-src data:`.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def bounded_json(raw: bytes) -> Any:
    """A JSON body parsed with bounded depth and number size (`jsonsafe`), or a 400 with one line.

    Routes read hostile bodies through this rather than FastAPI's parser, which says only "There
    was an error parsing the body" for a body nested 100,000 deep or holding a 5,000-digit number."""
    try:
        return jsonsafe.loads(raw, "request body")
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None


class BodyTooLarge(HTTPException):
    """Raised while a body streams in; an `HTTPException` so FastAPI's body parser re-raises it."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


async def send_json(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]]) -> None:
    """A JSON error sent straight from a middleware, in the same shape as the app's handlers."""
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the CSP and friends to every HTTP response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """413 for bodies over `limit`: at once from Content-Length, else while the body streams."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            status = 400 if not declared.isdigit() else 413
            await send_json(send, status, "bad Content-Length" if status == 400
                            else f"request body larger than {self.limit} bytes", [])
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge as exc:  # raised outside a route (no handler saw it)
            if not started:
                await send_json(send, 413, str(exc.detail), [])


class TokenBuckets:
    """Per-key token buckets: `rate` tokens a second, at most `burst` saved up.

    Bounded: past `max_keys` clients the least recently seen is forgotten (it starts full again,
    which only ever errs towards letting a request through).
    """

    def __init__(self, rate: float, burst: int, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str) -> float:
        """0.0 when a request may go now, else the seconds to wait for the next token."""
        now = self.clock()
        tokens, last = self._buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


class RateLimit:
    """429 with Retry-After when a client IP outruns its bucket; static files are not counted."""

    def __init__(self, app: ASGIApp, rate: float, burst: int) -> None:
        self.app = app
        self.buckets = TokenBuckets(rate, burst) if rate > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or self.buckets is None
                or str(scope.get("path", "")).startswith("/static/")):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "unknown")
        if wait > 0:
            retry = str(max(1, round(wait + 0.5))).encode()
            await send_json(send, 429, "too many requests; slow down", [(b"retry-after", retry)])
            return
        await self.app(scope, receive, send)


def token_matches(header: str | None, expected: str) -> bool:
    """Constant-time check of an `Authorization: Bearer <token>` header; no token configured: no."""
    if not expected or not header:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), expected.encode())
