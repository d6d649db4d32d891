"""Exports of an event query: CSV, JSON Lines, Parquet, and GDELT 2.0 style events/mentions tables."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ..store import Store
from ..store import export as ex
from .app import get_store
from .errors import ApiError
from .events import QueryDep
from .schemas import ERRORS

router = APIRouter(prefix="/api/export", tags=["exports"], responses=ERRORS)
StoreDep = Annotated[Store, Depends(get_store)]
MAX_EXPORT = 100_000
_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
          "parquet": "application/vnd.apache.parquet", "tsv": "text/tab-separated-values; charset=utf-8"}


def _events(store: Store, query: QueryDep, limit: int) -> list[dict[str, object]]:
    filters = query.filters()
    total = store.count_events(**filters)
    if total > limit:
        raise ApiError(413, f"{total} events match; narrow the query or raise limit (at most {MAX_EXPORT}) "
                            "and page with offset", code="payload_too_large")
    return store.events(**filters, limit=limit)


def _download(body: str | bytes, kind: str, name: str) -> Response:
    return Response(body, media_type=_TYPES[kind], headers={"content-disposition": f'attachment; filename="{name}"'})


Limit = Annotated[int, Query(ge=1, le=MAX_EXPORT, description="Refuse (413) when more events match")]


@router.get("/events.{fmt}", summary="Matching events as CSV, JSON Lines or Parquet",
            responses={200: {"content": {v: {} for v in _TYPES.values()}}})
def export_events(fmt: str, query: QueryDep, store: StoreDep, limit: Limit = 10_000) -> Response:
    """Flat columns for CSV and Parquet (see ``turnstone.store.export.FLAT_COLUMNS``); JSON Lines
    keeps the nested event objects."""
    if fmt not in ("csv", "jsonl", "parquet"):
        raise ApiError(404, f"unknown export format {fmt!r}: use csv, jsonl or parquet")
    events = _events(store, query, limit)
    if fmt == "csv":
        return _download(ex.to_csv(events), "csv", "events.csv")
    if fmt == "jsonl":
        return _download(ex.to_jsonl(events), "jsonl", "events.jsonl")
    return _download(ex.to_parquet(events), "parquet", "events.parquet")


@router.get("/gdelt/events.tsv", summary="GDELT 2.0 style events table (one row per event cluster)")
def export_gdelt_events(query: QueryDep, store: StoreDep, limit: Limit = 10_000,
                        header: Annotated[bool, Query(description="First line lists the columns "
                                                                  "(GDELT's own files have none)")] = True
                        ) -> Response:
    rows = ex.gdelt_events(_events(store, query, limit))
    return _download(ex.to_tsv(ex.GDELT_EVENT_COLUMNS, rows, header), "tsv", "events.export.tsv")


@router.get("/gdelt/mentions.tsv", summary="GDELT 2.0 style mentions table (one row per event report)")
def export_gdelt_mentions(query: QueryDep, store: StoreDep, limit: Limit = 10_000,
                          header: Annotated[bool, Query()] = True) -> Response:
    rows = ex.gdelt_mentions(_events(store, query, limit))
    return _download(ex.to_tsv(ex.GDELT_MENTION_COLUMNS, rows, header), "tsv", "mentions.tsv")
