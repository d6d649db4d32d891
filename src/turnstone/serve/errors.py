"""One error shape for every 4xx/5xx the API returns, and the handlers that render it.

    {"error": {"status": 422, "code": "invalid_request", "message": "…",
               "details": [{"where": "body.text", "problem": "Field required"}]}}

``tests/serve/test_errors.py`` pins this shape. Paths outside ``/api`` asked for by a browser
get the same information as a small HTML page.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, StoreError, TurnstoneError

LOGGER = logging.getLogger(__name__)

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request",
          429: "too_many_requests", 500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error the API reports with a status, a stable code and a message."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.details = details or []
        self.headers = headers


def error_body(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def render_error(request: Request, status: int, code: str, message: str,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> Response:
    wants_html = "text/html" in request.headers.get("accept", "") and not request.url.path.startswith("/api")
    if wants_html:
        lines = "".join(f"<li>{html.escape(str(d.get('where', '')))}: {html.escape(str(d.get('problem', '')))}</li>"
                        for d in details or [])
        page = (f"<!doctype html><meta charset=utf-8><title>{status} {html.escape(code)}</title>"
                f"<link rel=stylesheet href=/static/app.css><main class=error><h1>{status}</h1>"
                f"<p>{html.escape(message)}</p><ul>{lines}</ul><p><a href=/>Events</a></p></main>")
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(status, code, message, details), status_code=status, headers=headers)


def _where(loc: Any) -> str:
    return ".".join(str(part) for part in loc) if isinstance(loc, (list, tuple)) else str(loc)


def install_error_handlers(app: FastAPI) -> None:
    """Make every error, from validation to a crash, come back in the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> Response:
        return render_error(request, err.status, err.code, err.message, err.details, err.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> Response:
        details = [{"where": _where(e.get("loc", ())), "problem": e.get("msg", "invalid")} for e in err.errors()]
        first = details[0] if details else {"where": "request", "problem": "invalid"}
        message = f"invalid request: {first['where']}: {first['problem']}"
        if len(details) > 1:
            message += f" (and {len(details) - 1} more)"
        return render_error(request, 422, "invalid_request", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> Response:
        message = err.detail if isinstance(err.detail, str) else "request failed"
        if err.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        if err.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return render_error(request, err.status_code, _CODES.get(err.status_code, "error"), message,
                            headers=getattr(err, "headers", None))

    @app.exception_handler(InputError)
    async def _input(request: Request, err: InputError) -> Response:
        return render_error(request, 422, err.code, err.message)

    @app.exception_handler(StoreError)
    async def _store(request: Request, err: StoreError) -> Response:
        # Filter mistakes (a bad date) are the client's; other store failures are ours.
        status = 400 if "filter" in err.message or "must be" in err.message else 503
        return render_error(request, status, err.code, err.message)

    @app.exception_handler(TurnstoneError)
    async def _turnstone(request: Request, err: TurnstoneError) -> Response:
        LOGGER.warning("request failed: %s", err)
        return render_error(request, 500, err.code, err.message)

    @app.exception_handler(Exception)
    async def _crash(request: Request, err: Exception) -> Response:
        LOGGER.exception("unhandled error on %s %s", request.method, request.url.path)
        return render_error(request, 500, "internal_error", f"internal error: {err.__class__.__name__}")
