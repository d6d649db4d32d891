"""Event resources: query events with filters and paging, summaries for the UI, clusters."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..model import PLOVER_TYPES
from ..store import Store
from .app import get_store
from .errors import ApiError
from .schemas import ERRORS, EventPage

router = APIRouter(prefix="/api", tags=["events"], responses=ERRORS)
StoreDep = Annotated[Store, Depends(get_store)]
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass
class EventQuery:
    """The filters every event endpoint (and export) accepts."""

    event: str | None
    actor: str | None
    recipient: str | None
    country: str | None
    date_from: str | None
    date_to: str | None
    place: str | None
    article_id: str | None
    cluster_id: int | None
    source: str | None
    include_negated: bool
    min_confidence: float | None

    def filters(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def event_query(
    event: Annotated[str | None, Query(description="PLOVER type(s), comma-separated, e.g. CONSULT,AGREE")] = None,
    actor: Annotated[str | None, Query(description="Actor name substring or ISO alpha-3 country code")] = None,
    recipient: Annotated[str | None, Query(description="Recipient name substring or ISO alpha-3 code")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                         description="ISO alpha-3 code of any participant or the place")] = None,
    date_from: Annotated[str | None, Query(pattern=_DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
    date_to: Annotated[str | None, Query(pattern=_DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
    place: Annotated[str | None, Query(description="Place name substring")] = None,
    article_id: Annotated[str | None, Query()] = None,
    cluster_id: Annotated[int | None, Query(ge=1)] = None,
    source: Annotated[str | None, Query(description="Exact source (outlet) name")] = None,
    include_negated: Annotated[bool, Query(description="Include negated events")] = True,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> EventQuery:
    if event:
        unknown = [t for t in re.split(r"\s*,\s*", event.strip().upper()) if t and t not in PLOVER_TYPES]
        if unknown:
            raise ApiError(422, f"unknown PLOVER event type(s): {', '.join(unknown)}; use one of "
                                f"{', '.join(PLOVER_TYPES)}", code="invalid_request",
                           details=[{"where": "query.event", "problem": f"unknown type {t}"} for t in unknown])
    return EventQuery(event, actor, recipient, country, date_from, date_to, place, article_id, cluster_id, source,
                      include_negated, min_confidence)


QueryDep = Annotated[EventQuery, Depends(event_query)]


@router.get("/events", summary="Query events", response_model=EventPage)
def list_events(query: QueryDep, store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
                offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Events matching every given filter, newest first, one page at a time.

    Each item is the SPEC event plus ``article_id``, ``cluster_id``, ``published``, ``source``,
    ``url``, ``title``, ``lat``, ``lon`` and ``place_country``.
    """
    filters = query.filters()
    return {"total": store.count_events(**filters), "limit": limit, "offset": offset,
            "items": store.events(**filters, limit=limit, offset=offset)}


def summarise(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts the UI draws: per day and type, actor→recipient links with mean score, places."""
    by_day: dict[str, Counter[str]] = defaultdict(Counter)
    links: dict[tuple[str, str], list[float]] = defaultdict(list)
    nodes: Counter[str] = Counter()
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for ev in events:
        day = ev.get("date") or ev.get("published")
        if day:
            by_day[str(day)[:10]][ev["event"]] += 1
        score = ev.get("goldstein")
        if score is None:
            score = ev.get("plover_score") or 0.0
        actors = [p["name"] for p in ev["actors"]]
        recipients = [p["name"] for p in ev["recipients"]]
        # A reciprocal event (both parties under actors) links the actors with each other.
        pairs = [(a, r) for a in actors for r in recipients] or \
                [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
        for a, b in pairs:
            if a != b:
                links[(a, b)].append(float(score))
                nodes[a] += 1
                nodes[b] += 1
        if ev.get("lat") is not None and ev.get("lon") is not None:
            key = (round(ev["lat"], 3), round(ev["lon"], 3))
            spot = places.setdefault(key, {"name": ev.get("place"), "lat": key[0], "lon": key[1], "count": 0,
                                           "types": Counter()})
            spot["count"] += 1
            spot["types"][ev["event"]] += 1
    return {
        "timeline": [{"date": d, "counts": dict(c)} for d, c in sorted(by_day.items())],
        "network": {
            "nodes": [{"id": n, "count": c} for n, c in nodes.most_common()],
            "links": [{"source": a, "target": b, "count": len(s), "score": round(sum(s) / len(s), 2)}
                      for (a, b), s in sorted(links.items())],
        },
        "places": [{**p, "types": dict(p["types"])} for p in places.values()],
    }


@router.get("/events/summary", summary="Timeline, actor network and map data for matching events")
def events_summary(query: QueryDep, store: StoreDep,
                   limit: Annotated[int, Query(ge=1, le=10_000)] = 5000) -> dict[str, Any]:
    filters = query.filters()
    events = store.events(**filters, limit=limit)
    return {"total": store.count_events(**filters), "used": len(events), **summarise(events)}


@router.get("/clusters", summary="Cross-article event clusters")
def list_clusters(store: StoreDep, event: Annotated[str | None, Query()] = None,
                  min_reports: Annotated[int, Query(ge=1)] = 1, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
                  offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    return {"limit": limit, "offset": offset,
            "items": store.clusters(event=event, min_reports=min_reports, limit=limit, offset=offset)}


@router.get("/clusters/{cluster_id}", summary="One cluster with every report of the event")
def get_cluster(cluster_id: int, store: StoreDep) -> dict[str, Any]:
    found = store.cluster(cluster_id)
    if found is None:
        raise ApiError(404, f"no cluster with id {cluster_id}")
    return found
