"""Article resources: submit (one or a batch), import processed results, fetch, list, delete."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import InputError, TurnstoneError
from ..ingest.readers import article_from_html, article_from_record
from ..model import Article
from ..store import Store
from .app import Processor, ServeSettings, get_processor, get_settings, get_store
from .errors import ApiError
from .schemas import ERRORS, StoredArticle, SubmitResult

LOGGER = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["articles"], responses=ERRORS)


class SubmitArticle(BaseModel):
    """One article to process: its text (plain or HTML) and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article: plain text (a short first line may be the "
                                                "headline) or HTML when format is 'html'.")
    format: Literal["text", "html"] = "text"
    title: str | None = None
    published: str | None = Field(None, description="Publication date YYYY-MM-DD; relative dates resolve "
                                                     "against it.")
    source: str | None = None
    url: str | None = None
    id: str | None = Field(None, max_length=200, description="Your id; default the sha256 of the cleaned text.")

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value:
            dt.date.fromisoformat(value)
        return value


class SubmitBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[SubmitArticle] = Field(min_length=1)


class ImportBatch(BaseModel):
    """Articles processed elsewhere (``turnstone extract --format jsonl``, a batch run)."""

    model_config = ConfigDict(extra="forbid")
    pipeline_version: str = Field(min_length=1)
    articles: list[Article] = Field(min_length=1)


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[ServeSettings, Depends(get_settings)]
ProcessorDep = Annotated[tuple[Processor, str], Depends(get_processor)]


def _ingest(item: SubmitArticle, settings: ServeSettings) -> Article:
    if len(item.text) > settings.max_text_chars:
        raise ApiError(413, f"article text of {len(item.text)} characters is over the limit of "
                            f"{settings.max_text_chars}", code="payload_too_large")
    meta = {k: v for k, v in {"title": item.title, "published": item.published, "source": item.source,
                              "url": item.url, "id": item.id}.items() if v}
    if item.format == "html":
        return article_from_html(item.text, source_name="request", **meta)
    return article_from_record({"text": item.text, **meta}, source_name="request", line=1)


def _process_and_save(item: SubmitArticle, store: Store, settings: ServeSettings,
                      processor: tuple[Processor, str]) -> tuple[Article, bool, str]:
    run, version = processor
    article = _ingest(item, settings)
    if store.has(article.id, version):
        stored = store.get(article.id)
        if stored is not None:
            return stored, False, store.pipeline_version(article.id) or version
    result = run(article)
    saved = store.save(result, version)
    return result, saved, version


def _article_payload(store: Store, article: Article) -> dict[str, Any]:
    payload = article.to_dict()
    payload["pipeline_version"] = store.pipeline_version(article.id)
    clusters = {e["id"]: e["cluster_id"] for e in store.events(article_id=article.id, limit=10_000)}
    for event in payload["events"]:
        event["cluster_id"] = clusters.get(event["id"])
    return payload


@router.post("/articles", status_code=201, summary="Process and store one article", response_model=SubmitResult)
def submit_article(item: SubmitArticle, response: Response, store: StoreDep, settings: SettingsDep,
                   processor: ProcessorDep) -> dict[str, Any]:
    """Run the pipeline over one article and store the results.

    201 when stored (or replaced by a newer pipeline version), 200 when the same article was
    already stored with this pipeline version (its stored results come back).
    """
    article, saved, version = _process_and_save(item, store, settings, processor)
    if not saved:
        response.status_code = 200
    return {"id": article.id, "stored": saved, "pipeline_version": version,
            "article": _article_payload(store, article)}


@router.post("/articles/batch", summary="Process and store several articles")
def submit_batch(batch: SubmitBatch, store: StoreDep, settings: SettingsDep,
                 processor: ProcessorDep) -> dict[str, Any]:
    """Process each article; one failing article is reported (and recorded) without stopping the rest."""
    if len(batch.articles) > settings.max_batch:
        raise ApiError(413, f"{len(batch.articles)} articles in one batch; the limit is {settings.max_batch}",
                       code="payload_too_large")
    results: list[dict[str, Any]] = []
    for index, item in enumerate(batch.articles):
        try:
            article, saved, _version = _process_and_save(item, store, settings, processor)
            results.append({"index": index, "id": article.id, "stored": saved, "events": len(article.events)})
        except (TurnstoneError, ApiError) as err:
            reason = err.message if isinstance(err, (TurnstoneError, ApiError)) else str(err)
            code = err.code
            ident = item.id or f"request#{index}"
            if not isinstance(err, InputError):
                store.record_failure(ident, item.source or "api", f"[{code}] {reason}")
            results.append({"index": index, "id": item.id, "stored": False,
                            "error": {"code": code, "message": reason}})
    return {"stored": sum(1 for r in results if r["stored"]),
            "unchanged": sum(1 for r in results if not r["stored"] and "error" not in r),
            "failed": sum(1 for r in results if "error" in r), "results": results}


@router.post("/articles/import", summary="Store articles processed elsewhere")
def import_articles(batch: ImportBatch, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """Store already processed articles (the SPEC JSON) as they are, with their pipeline version."""
    if len(batch.articles) > settings.max_batch:
        raise ApiError(413, f"{len(batch.articles)} articles in one batch; the limit is {settings.max_batch}",
                       code="payload_too_large")
    ids = []
    stored = 0
    for article in batch.articles:
        _check_offsets(article)
        stored += store.save(article, batch.pipeline_version)
        ids.append(article.id)
    return {"stored": stored, "unchanged": len(ids) - stored, "ids": ids}


def _check_offsets(article: Article) -> None:
    """Refuse results whose offsets do not index the text: the UI would highlight nonsense."""
    spans: list[tuple[str, Any]] = [(f"quotes.{q.id}", q) for q in article.quotes]
    spans += [(f"times[{i}]", t) for i, t in enumerate(article.times)]
    spans += [(f"places[{i}]", p) for i, p in enumerate(article.places)]
    spans += [(f"events.{e.id}.evidence", e.evidence) for e in article.events]
    spans += [(f"entities.{e.id}.mentions[{i}]", m) for e in article.entities for i, m in enumerate(e.mentions)]
    for where, span in spans:
        if not (0 <= span.start <= span.end <= len(article.text)):
            raise ApiError(422, f"{where}: offsets {span.start}..{span.end} are outside the text",
                           code="invalid_request", details=[{"where": where, "problem": "offsets outside text"}])


@router.get("/articles", summary="List stored articles")
def list_articles(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
                  offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    return {"total": store.count(), "limit": limit, "offset": offset,
            "items": store.article_ids(limit=limit, offset=offset)}


@router.get("/articles/{article_id:path}", summary="One article with all its results",
            response_model=StoredArticle)
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """The article in the SPEC shape, plus ``pipeline_version`` and each event's ``cluster_id``."""
    article = store.get(article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return _article_payload(store, article)


@router.delete("/articles/{article_id:path}", status_code=204, summary="Delete an article and its results")
def delete_article(article_id: str, store: StoreDep) -> Response:
    if not store.delete(article_id):
        raise ApiError(404, f"no article with id {article_id!r}")
    return Response(status_code=204)


@router.get("/failures", summary="Articles that failed to process")
def list_failures(store: StoreDep) -> dict[str, Any]:
    items = [f.to_dict() for f in store.failures()]
    return {"total": len(items), "items": items}
