"""API docs that work offline: Swagger UI from the ``swagger-ui-bundle`` package, served locally.

Swagger UI 4 (what the package ships) reads OpenAPI 3.0, so it gets the schema relabelled
``3.0.3`` at ``/docs/openapi.json``; ``/openapi.json`` stays the true 3.1 schema. Without the
package, ``/docs`` falls back to ``/docs/plain``, a plain HTML list of the operations.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from .errors import ApiError

router = APIRouter(include_in_schema=False)
_ASSETS = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"}


def swagger_dir() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").exists() else None


@router.get("/docs")
def docs_page(request: Request) -> Response:
    if swagger_dir() is None:
        return plain_docs(request)
    from fastapi.openapi.docs import get_swagger_ui_html

    return get_swagger_ui_html(openapi_url="/docs/openapi.json", title="Turnstone API",
                               swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                               swagger_css_url="/docs/assets/swagger-ui.css",
                               swagger_favicon_url="/docs/assets/favicon-32x32.png")


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    folder = swagger_dir()
    if folder is None or name not in _ASSETS:
        raise ApiError(404, f"no docs asset {name!r}")
    return FileResponse(folder / name)


@router.get("/docs/openapi.json")
def docs_schema(request: Request) -> JSONResponse:
    schema: dict[str, Any] = dict(request.app.openapi())
    schema["openapi"] = "3.0.3"
    return JSONResponse(schema)


@router.get("/docs/plain")
def plain_docs(request: Request) -> HTMLResponse:
    """Every operation with its parameters, from the OpenAPI schema, as plain HTML."""
    schema = request.app.openapi()
    parts = [(f"<!doctype html><meta charset=utf-8><title>Turnstone API</title>"
             f"<link rel=stylesheet href=/static/app.css><main class=docs><h1>Turnstone API "
             f"{html.escape(str(schema['info'].get('version', '')))}</h1>"
             f"<p>{html.escape(schema['info'].get('description', ''))}</p>"
             f"<p>Machine-readable: <a href=/openapi.json>/openapi.json</a></p>")]
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = ", ".join(html.escape(p["name"]) for p in op.get("parameters", []))
            parts.append(f"<section class=op><h2><code>{method.upper()} {html.escape(path)}</code></h2>"
                         f"<p>{html.escape(op.get('summary', ''))}</p>"
                         f"<p class=desc>{html.escape(op.get('description', ''))}</p>"
                         + (f"<p>Parameters: {params}</p>" if params else "") + "</section>")
    parts.append("</main>")
    return HTMLResponse("".join(parts))
