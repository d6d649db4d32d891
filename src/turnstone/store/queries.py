"""Read queries shared by both back ends: event filters, full-text search, clusters."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, text

from ..errors import StoreError
from .rows import pg_tsquery

EVENT_FILTERS = ("event", "actor", "recipient", "country", "date_from", "date_to", "place", "article_id",
                 "cluster_id", "source", "include_negated", "min_confidence", "limit", "offset")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _participant_clause(role: str, value: str, key: str, params: dict[str, Any]) -> str:
    """Match a participant by ISO alpha-3 code (exact) or by a name substring (any case)."""
    params[f"{key}_like"] = f"%{value.lower()}%"
    cond = f"p.name_lower LIKE :{key}_like"
    if _COUNTRY.match(value):
        params[f"{key}_cc"] = value.upper()
        cond = f"(p.country = :{key}_cc OR {cond})"
    return (f"EXISTS (SELECT 1 FROM participants p WHERE p.article_id = e.article_id"
            f" AND p.event_id = e.event_id AND p.role = '{role}' AND {cond})")


def _where(filters: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    unknown = set(filters) - set(EVENT_FILTERS)
    if unknown:
        raise StoreError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    clauses: list[str] = []
    params: dict[str, Any] = {}
    get = {k: v for k, v in filters.items() if v is not None and v != ""}
    if "event" in get:
        types = [t.strip().upper() for t in str(get["event"]).split(",") if t.strip()]
        names = [f":ev{i}" for i in range(len(types))]
        params.update({f"ev{i}": t for i, t in enumerate(types)})
        clauses.append(f"e.event IN ({', '.join(names)})")
    if "actor" in get:
        clauses.append(_participant_clause("actor", str(get["actor"]), "actor", params))
    if "recipient" in get:
        clauses.append(_participant_clause("recipient", str(get["recipient"]), "recip", params))
    if "country" in get:
        params["cc"] = str(get["country"]).upper()
        clauses.append("(e.place_country = :cc OR EXISTS (SELECT 1 FROM participants p WHERE"
                       " p.article_id = e.article_id AND p.event_id = e.event_id AND p.country = :cc))")
    for key, column, op in (("date_from", "e.date_end", ">="), ("date_to", "e.date_start", "<=")):
        if key in get:
            value = str(get[key])
            if not _DATE.match(value):
                raise StoreError(f"{key} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
            # A partial bound covers its whole period: date_to=2025-02 includes Feb 28.
            if len(value) == 4:
                value = f"{value}-01-01" if key == "date_from" else f"{value}-12-31"
            elif len(value) == 7:
                value = f"{value}-01" if key == "date_from" else f"{value}-31"
            params[key] = value
            clauses.append(f"{column} {op} :{key}")
    if "place" in get:
        params["place"] = f"%{str(get['place']).lower()}%"
        clauses.append("LOWER(e.place) LIKE :place")
    if "article_id" in get:
        params["aid"] = str(get["article_id"])
        clauses.append("e.article_id = :aid")
    if "cluster_id" in get:
        params["cid"] = int(get["cluster_id"])
        clauses.append("e.cluster_id = :cid")
    if "source" in get:
        params["source"] = str(get["source"])
        clauses.append("a.source = :source")
    if get.get("include_negated") is False:
        params["false"] = False
        clauses.append("e.negated = :false")
    if "min_confidence" in get:
        params["minconf"] = float(get["min_confidence"])
        clauses.append("e.confidence >= :minconf")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _event_row(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(row.data)
    out.update({"article_id": row.article_id, "cluster_id": row.cluster_id, "published": row.published,
                "source": row.source, "url": row.url, "title": row.title, "lat": row.lat, "lon": row.lon,
                "place_country": row.place_country, "stored_at": row.stored_at})
    return out


def select_events(conn: Connection, dialect: str, filters: dict[str, Any]) -> list[dict[str, Any]]:
    limit = max(0, min(int(filters.get("limit") or 100), 10_000))
    offset = max(0, int(filters.get("offset") or 0))
    where, params = _where(filters)
    params.update({"limit": limit, "offset": offset})
    rows = conn.execute(text(
        "SELECT e.data, e.article_id, e.cluster_id, e.lat, e.lon, e.place_country, a.published, a.source, a.url,"
        " a.stored_at,"
        " a.title FROM events e JOIN articles a ON a.id = e.article_id" + where +
        " ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.seq LIMIT :limit OFFSET :offset"), params)
    return [_event_row(r) for r in rows]


def count_events(conn: Connection, dialect: str, filters: dict[str, Any]) -> int:
    where, params = _where({k: v for k, v in filters.items() if k not in ("limit", "offset")})
    return int(conn.execute(text("SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id" + where),
                            params).scalar_one())


def search_articles(conn: Connection, dialect: str, fts_query: str, raw: str, limit: int,
                    offset: int) -> list[dict[str, Any]]:
    if not fts_query:
        return []
    if dialect == "sqlite":
        sql = ("SELECT a.id, a.title, a.source, a.url, a.published, a.n_events,"
               " snippet(articles_fts, 2, '[[', ']]', '…', 16) AS snippet"
               " FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id"
               " WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts) LIMIT :l OFFSET :o")
        params: dict[str, Any] = {"q": fts_query, "l": limit, "o": offset}
    else:
        sql = ("SELECT a.id, a.title, a.source, a.url, a.published, a.n_events,"
               " ts_headline('english', a.text, q, 'StartSel=[[, StopSel=]], MaxWords=24, MinWords=8') AS snippet"
               " FROM articles a, to_tsquery('english', :q) q"
               " WHERE to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) @@ q"
               " ORDER BY ts_rank(to_tsvector('english', coalesce(a.title, '') || ' ' || a.text), q) DESC, a.id"
               " LIMIT :l OFFSET :o")
        params = {"q": pg_tsquery(raw), "l": limit, "o": offset}
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def search_quotes(conn: Connection, dialect: str, fts_query: str, raw: str, limit: int,
                  offset: int) -> list[dict[str, Any]]:
    if not fts_query:
        return []
    if dialect == "sqlite":
        sql = ("SELECT q.article_id, q.quote_id, q.text, q.kind, q.speaker_name, q.q_start AS start, q.q_end AS \"end\","
               " a.title, a.published, snippet(quotes_fts, 2, '[[', ']]', '…', 24) AS snippet"
               " FROM quotes_fts JOIN quotes q ON q.article_id = quotes_fts.article_id"
               " AND q.quote_id = quotes_fts.quote_id JOIN articles a ON a.id = q.article_id"
               " WHERE quotes_fts MATCH :q ORDER BY bm25(quotes_fts) LIMIT :l OFFSET :o")
        params: dict[str, Any] = {"q": fts_query, "l": limit, "o": offset}
    else:
        doc = "to_tsvector('english', q.text || ' ' || coalesce(q.speaker_name, ''))"
        sql = ("SELECT q.article_id, q.quote_id, q.text, q.kind, q.speaker_name, q.q_start AS start,"
               " q.q_end AS \"end\", a.title, a.published,"
               " ts_headline('english', q.text, tq, 'StartSel=[[, StopSel=]], MaxWords=30, MinWords=8') AS snippet"
               f" FROM quotes q JOIN articles a ON a.id = q.article_id, to_tsquery('english', :q) tq"
               f" WHERE {doc} @@ tq ORDER BY ts_rank({doc}, tq) DESC, q.article_id, q.seq LIMIT :l OFFSET :o")
        params = {"q": pg_tsquery(raw), "l": limit, "o": offset}
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def select_clusters(conn: Connection, event: str | None, min_reports: int, limit: int,
                    offset: int) -> list[dict[str, Any]]:
    params: dict[str, Any] = {"m": min_reports, "l": limit, "o": offset}
    where = "WHERE c.n_reports >= :m"
    if event:
        params["e"] = event.upper()
        where += " AND c.event = :e"
    rows = conn.execute(text(
        "SELECT c.id, c.event, c.date_start, c.date_end, c.participants, c.n_reports,"
        " (SELECT COUNT(DISTINCT e.article_id) FROM events e WHERE e.cluster_id = c.id) AS n_articles"
        f" FROM event_clusters c {where} ORDER BY c.n_reports DESC, c.id LIMIT :l OFFSET :o"), params)
    out = []
    for r in rows:
        item = dict(r._mapping)
        item["participants"] = [p for p in item["participants"].split("|") if p]
        out.append(item)
    return out


def select_cluster(conn: Connection, dialect: str, cluster_id: int) -> dict[str, Any] | None:
    row = conn.execute(text("SELECT id, event, date_start, date_end, participants, n_reports FROM event_clusters"
                            " WHERE id = :id"), {"id": cluster_id}).first()
    if row is None:
        return None
    item = dict(row._mapping)
    item["participants"] = [p for p in item["participants"].split("|") if p]
    item["reports"] = select_events(conn, dialect, {"cluster_id": cluster_id, "limit": 10_000})
    item["n_articles"] = len({r["article_id"] for r in item["reports"]})
    return item
