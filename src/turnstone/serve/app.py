"""The FastAPI application: API routes split by resource, the web UI and offline API docs.

    from turnstone.serve.app import create_app, ServeSettings
    app = create_app(ServeSettings(db="events.db"))

Built-in routers are registered the same way an extension would add its own
(``ROUTERS`` below, as datasette's ``DEFAULT_PLUGINS``).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from ..model import Article
from ..store import Store, open_store
from .errors import ApiError, install_error_handlers
from .guard import GuardMiddleware, SecurityHeadersMiddleware

LOGGER = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent

# The routers of the app, in order; each module has a ``router``.
ROUTERS = ("articles", "events", "search", "exports", "docs", "pages")


@dataclass
class ServeSettings:
    """Everything ``turnstone serve`` can set, each with its default."""

    db: str | None = None  # database URL or path; None = ./turnstone.db
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = field(default_factory=lambda: os.environ.get("TURNSTONE_API_TOKEN") or None)
    max_body_bytes: int = 5_000_000  # about 50 long articles as JSON; batch clients send several requests
    max_batch: int = 100
    max_text_chars: int = 1_000_000


Processor = Callable[[Article], Article]


def default_processor() -> tuple[Processor, str]:
    """The default pipeline as a thread-safe callable, and its version string."""
    from ..core import default_pipeline

    pipeline = default_pipeline()
    lock = threading.Lock()

    def run(article: Article) -> Article:
        with lock:  # spaCy pipelines are not documented as thread-safe
            return pipeline(article)

    return run, pipeline.version


def create_app(settings: ServeSettings | None = None, *, store: Store | None = None,
               processor: Processor | None = None, pipeline_version: str | None = None) -> FastAPI:
    """Build the app over ``store`` (or the database in ``settings.db``).

    Args:
        settings: server settings; defaults when None.
        store: an open store to use instead of opening ``settings.db``.
        processor, pipeline_version: what runs submitted articles; the default pipeline when None
            (loaded on the first submission).
    """
    settings = settings or ServeSettings()
    from .. import __version__

    app = FastAPI(title="Turnstone", version=__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="Sourced, structured event data (PLOVER/CAMEO) from news articles. "
                              "Errors come back as {\"error\": {\"status\", \"code\", \"message\", \"details\"}}.")
    app.state.settings = settings
    app.state.store = store or open_store(settings.db)
    app.state.owns_store = store is None
    app.state.processor = processor
    app.state.pipeline_version = pipeline_version
    app.state.processor_lock = threading.Lock()
    install_error_handlers(app)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes, token=settings.token,
                       server_host=settings.host)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    import importlib

    for name in ROUTERS:
        module = importlib.import_module(f"{__package__}.{name}")
        app.include_router(module.router)

    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    if app.state.owns_store:
        app.state.store.close()


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def get_processor(request: Request) -> tuple[Processor, str]:
    """The processor, built on first use (loading spaCy takes seconds)."""
    state = request.app.state
    with state.processor_lock:
        if state.processor is None:
            try:
                state.processor, state.pipeline_version = default_processor()
            except Exception as err:
                raise ApiError(503, f"the pipeline cannot be loaded: {err}", code="unavailable") from err
        if state.pipeline_version is None:
            from ..pipeline import pipeline_version

            state.pipeline_version = pipeline_version()
    return state.processor, state.pipeline_version
