"""The web UI: the event dashboard (table, timeline, network, map), article list and article view.

Pages are Jinja2 templates with autoescaping on; data the browser fetches later is put into the
page with ``textContent``, never as HTML. Article text is untrusted input throughout.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model import PLOVER_TYPES, Place
from ..store import Store
from .app import HERE, get_store
from .errors import ApiError
from .highlight import segments

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]


@lru_cache(maxsize=1)
def templates() -> Environment:
    return Environment(loader=FileSystemLoader(HERE / "templates"),
                       autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)


def _page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**context), status_code=status)


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep) -> HTMLResponse:
    return _page("events.html", types=PLOVER_TYPES, n_articles=store.count(), args=dict(request.query_params))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, offset: int = 0) -> HTMLResponse:
    q = request.query_params.get("q", "").strip()
    kind = request.query_params.get("kind", "articles")
    if q and kind == "quotes":
        return _page("articles.html", q=q, kind=kind, quotes=store.search_quotes(q, 50, 0), articles=None)
    items = store.search_articles(q, 50, 0) if q else store.article_ids(limit=50, offset=max(0, offset))
    return _page("articles.html", q=q, kind=kind, articles=items, quotes=None, total=store.count(),
                 offset=max(0, offset))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str, store: StoreDep) -> HTMLResponse:
    article = store.get(article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    clusters = {e["id"]: e["cluster_id"] for e in store.events(article_id=article.id, limit=10_000)}
    # One line per place, however often it is mentioned; hovering it marks every mention.
    places: dict[tuple[object, str], tuple[Place, list[str]]] = {}
    for i, place in enumerate(article.places):
        places.setdefault((place.geonames_id, place.name), (place, []))[1].append(f"p{i}")
    return _page("article.html", article=article, segments=segments(article), clusters=clusters,
                 places=list(places.values()), version=store.pipeline_version(article.id))


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(cluster_id: int, store: StoreDep) -> HTMLResponse:
    """Every report of one real-world event, across articles."""
    found = store.cluster(cluster_id)
    if found is None:
        raise ApiError(404, f"no cluster with id {cluster_id}")
    return _page("cluster.html", c=found)
