"""``turnstone serve``: the HTTP API and web UI; ``--get /path`` runs one request in-process."""

from __future__ import annotations

import secrets
import sys
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("serve")(serve)


def serve(
    db: Annotated[str | None, typer.Option("--db", help="Database: a SQLite file path, sqlite:///PATH or "
                                                           "postgresql://USER@HOST/DB.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; writes from other hosts need --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="TURNSTONE_API_TOKEN",
                                                 help="API token for writes (Authorization: Bearer ...).")] = None,
    max_body: Annotated[int, typer.Option("--max-body", help="Largest request body in bytes.")] = 5_000_000,
    get: Annotated[str | None, typer.Option("--get", help="Run one GET request in-process, print the body "
                                                             "and exit (1 on an error status).")] = None,
) -> None:
    """Serve the API (OpenAPI docs at /docs) and the web UI over a Turnstone database."""
    from ..errors import StoreError
    from .app import ServeSettings, create_app
    from .guard import is_loopback

    settings = ServeSettings(db=db, host=host, port=port, token=token, max_body_bytes=max_body)
    try:
        application = create_app(settings)
    except StoreError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    if get is not None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette's notice about httpx, irrelevant here
            from fastapi.testclient import TestClient

        with TestClient(application, client=("127.0.0.1", 50000)) as client:
            response = client.get(get if get.startswith("/") else "/" + get)
        sys.stdout.write(response.text)
        if not response.text.endswith("\n"):
            sys.stdout.write("\n")
        raise typer.Exit(0 if response.status_code < 400 else 1)
    if not is_loopback(host) and not settings.token:
        settings.token = secrets.token_urlsafe(24)
        typer.echo(f"Listening on {host}: writes need 'Authorization: Bearer {settings.token}' "
                   "(set --token or TURNSTONE_API_TOKEN to choose it).", err=True)
        application = create_app(settings, store=application.state.store)
    import uvicorn

    uvicorn.run(application, host=host, port=port, log_level="info")
