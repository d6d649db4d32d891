"""Request guards as one ASGI middleware: a body size limit and the API token for writes.

Writes (POST, PUT, PATCH, DELETE) need ``Authorization: Bearer <token>`` unless both the server
is bound to a loopback address and the request comes from one. A server on another address
without a token refuses every write (403), so a forgotten ``--token`` fails closed.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_body

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class GuardMiddleware:
    """Reject oversized bodies (413) and unauthorised writes (401/403) before any route runs."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, token: str | None, server_host: str):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.token = token
        self.server_on_loopback = is_loopback(server_host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] in WRITE_METHODS:
            refusal = self._check_token(scope)
            if refusal:
                await _send_json(send, *refusal)
                return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                await _send_json(send, 400, "bad_request", "Content-Length is not a number")
                return
            if size > self.max_body_bytes:
                await _send_json(send, 413, "payload_too_large",
                                 f"request body of {size} bytes is over the limit of {self.max_body_bytes} bytes")
                return
        await self._call_counting(scope, receive, send)

    def _check_token(self, scope: Scope) -> tuple[int, str, str, dict[str, str]] | None:
        client = scope.get("client")
        local = self.server_on_loopback and is_loopback(client[0] if client else None)
        if local:
            return None
        if not self.token:
            return (403, "forbidden", ("writes are only accepted from loopback: start the server with --token "
                    "(or TURNSTONE_API_TOKEN) to accept them from other hosts"), {})
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not value:
            return (401, "unauthorized", "writes need an API token: send 'Authorization: Bearer <token>'",
                    {"www-authenticate": "Bearer"})
        if not hmac.compare_digest(value.strip().encode(), self.token.encode()):
            return (403, "forbidden", "the API token is wrong", {})
        return None

    async def _call_counting(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Bodies without Content-Length (chunked) are read here first, up to the limit, then replayed."""
        if scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.max_body_bytes:
                await _send_json(send, 413, "payload_too_large",
                                 f"request body is over the limit of {self.max_body_bytes} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _send_json(send: Send, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps(error_body(status, code, message)).encode()
    raw: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


# Pages load scripts and styles from this server only: a script smuggled into article text
# could not run even if escaping failed. Swagger UI's page needs its inline bootstrap script.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_CSP_DOCS = _CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'")


class SecurityHeadersMiddleware:
    """Content-Security-Policy on HTML, and nosniff / no-referrer on every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (_CSP_DOCS if scope["path"] == "/docs" else _CSP).encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", csp))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
