"""Response shapes of the API, for the OpenAPI schema (and a check on what the routes return)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..model import Article, Event


class ErrorDetail(BaseModel):
    where: str = Field(description="Where the problem is: body.text, query.date_from …")
    problem: str


class ErrorInfo(BaseModel):
    status: int
    code: str = Field(description="Stable: not_found, invalid_request, payload_too_large, unauthorized, "
                                  "forbidden, … or a Turnstone error code such as E101")
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """Every 4xx/5xx response."""

    error: ErrorInfo


class StoredEvent(Event):
    """A SPEC event with where it was stored and what it was matched to."""

    model_config = ConfigDict(extra="allow")
    article_id: str
    cluster_id: int | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_country: str | None = None


class EventPage(BaseModel):
    total: int = Field(description="How many events match, over all pages")
    limit: int
    offset: int
    items: list[StoredEvent]


class StoredArticle(Article):
    """A SPEC article with the pipeline version its results came from; events carry ``cluster_id``."""

    pipeline_version: str | None = None


class SubmitResult(BaseModel):
    id: str
    stored: bool = Field(description="False when it was already stored with this pipeline version")
    pipeline_version: str
    article: StoredArticle


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((401, "A write without an API token"), (403, ("A write with a wrong token, or from "
                         "another host to a server without one")), (404, "Not found"),
                         (413, "Body or batch over the limit"), (422, "Invalid request"))
}
