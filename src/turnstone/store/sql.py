"""The SQL store for SQLite and PostgreSQL (SQLAlchemy 2 Core; psycopg 3 for PostgreSQL).

SQLite: WAL journal, ``BEGIN IMMEDIATE`` for writes and one in-process write lock, so several
batch worker processes and the web server's threads can share one file. PostgreSQL: every
write takes one transaction-level advisory lock, so cluster assignment and idempotency checks
never race between workers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from ..model import Article, content_hash
from . import cluster as clu
from .base import Failure, Store
from .migrations import apply_pending, current_version
from .rows import article_rows, newer_or_same, quote_fts_query

LOGGER = logging.getLogger(__name__)

_PG_LOCK = 73_050_815  # any constant: the advisory lock id that serialises writers
MAX_LIMIT = 10_000


class SqlStore(Store):
    """The Store on SQLite or PostgreSQL; see ``turnstone.store`` for the contract."""

    def __init__(self, url: str):
        self.url = url
        self.dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
        self._lock = threading.RLock()
        try:
            self.engine = self._make_engine(url)
            with self._write() as conn:
                apply_pending(conn, self.dialect)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot open database {self._safe_url()}: {err.__class__.__name__}: {err}") from err

    # -- connections -------------------------------------------------------------------

    def _safe_url(self) -> str:
        head, _, tail = self.url.rpartition("@")
        return f"{head.split('://')[0]}://…@{tail}" if head else self.url

    def _make_engine(self, url: str) -> Any:
        if self.dialect == "postgresql":
            return create_engine(url, pool_pre_ping=True)
        memory = url in ("sqlite://", "sqlite:///:memory:")
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if memory:
            kwargs["poolclass"] = StaticPool
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy's "begin" hook below emit BEGIN itself (pysqlite's own is too late).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout=30000")  # first: switching to WAL may wait on another process
            if not memory:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("turnstone_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._lock, self.engine.connect() as raw:
            conn = raw.execution_options(turnstone_write=True)
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as err:
            raise StoreError(f"database read failed: {err.__class__.__name__}: {err}") from err

    def close(self) -> None:
        self.engine.dispose()

    def schema_version(self) -> int:
        with self._read() as conn:
            return current_version(conn)

    # -- articles ----------------------------------------------------------------------

    def save(self, article: Article, pipeline_version: str) -> bool:
        article_id = article.ensure_id()
        digest = content_hash(article.text)
        try:
            with self._write() as conn:
                found = conn.execute(
                    text("SELECT id, pipeline_version, content_hash FROM articles WHERE id = :id OR content_hash = :h"),
                    {"id": article_id, "h": digest}).all()
                for row in found:
                    if newer_or_same(row.pipeline_version, pipeline_version):
                        LOGGER.debug("article %s already stored with version %s", article_id, row.pipeline_version)
                        return False
                for row in found:
                    self._delete_rows(conn, row.id)
                self._insert(conn, article, article_id, digest, pipeline_version)
                conn.execute(text("DELETE FROM failures WHERE article_id = :id"), {"id": article_id})
                return True
        except SQLAlchemyError as err:
            raise StoreError(f"cannot save article: {err.__class__.__name__}: {err}", source=article_id) from err

    def _insert(self, conn: Connection, article: Article, article_id: str, digest: str, version: str) -> None:
        rows = article_rows(article, article_id)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data = article.to_dict()
        data["id"] = article_id
        conn.execute(text(
            "INSERT INTO articles (id, content_hash, title, source, url, published, language, text, data,"
            " pipeline_version, stored_at, n_events) VALUES (:id, :h, :title, :source, :url, :published,"
            " :language, :text, :data, :v, :now, :n)"),
            {"id": article_id, "h": digest, "title": article.title, "source": article.source, "url": article.url,
             "published": article.published, "language": article.language, "text": article.text,
             "data": json.dumps(data, ensure_ascii=False), "v": version, "now": now, "n": len(rows.events)})
        if rows.entities:
            conn.execute(text(
                "INSERT INTO entities (article_id, entity_id, name, type, country, sector, title, n_mentions)"
                " VALUES (:article_id, :entity_id, :name, :type, :country, :sector, :title, :n_mentions)"),
                rows.entities)
        if rows.quotes:
            conn.execute(text(
                "INSERT INTO quotes (article_id, quote_id, seq, text, kind, speaker, speaker_name, q_start, q_end)"
                " VALUES (:article_id, :quote_id, :seq, :text, :kind, :speaker, :speaker_name, :q_start, :q_end)"),
                rows.quotes)
        for ev in rows.events:
            ev["cluster_id"] = self._assign_cluster(conn, ev.pop("_signature"))
        if rows.events:
            conn.execute(text(
                "INSERT INTO events (article_id, event_id, seq, event, mode, cameo, goldstein, plover_score,"
                " confidence, date, date_start, date_end, place, place_country, lat, lon, negated, hypothetical,"
                " future, historical, actor_names, recipient_names, evidence_start, evidence_end, evidence_text,"
                " cluster_id, data) VALUES (:article_id, :event_id, :seq, :event, :mode, :cameo, :goldstein,"
                " :plover_score, :confidence, :date, :date_start, :date_end, :place, :place_country, :lat, :lon,"
                " :negated, :hypothetical, :future, :historical, :actor_names, :recipient_names,"
                " :evidence_start, :evidence_end, :evidence_text, :cluster_id, :data)"), rows.events)
        if rows.participants:
            conn.execute(text(
                "INSERT INTO participants (article_id, event_id, role, name, name_lower, country, sector, entity)"
                " VALUES (:article_id, :event_id, :role, :name, :name_lower, :country, :sector, :entity)"),
                rows.participants)
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO articles_fts (article_id, title, text) VALUES (:id, :title, :text)"),
                         {"id": article_id, "title": article.title or "", "text": article.text})
            if rows.quotes:
                conn.execute(text("INSERT INTO quotes_fts (article_id, quote_id, text, speaker)"
                                  " VALUES (:article_id, :quote_id, :text, :speaker)"),
                             [{**q, "speaker": q["speaker_name"] or ""} for q in rows.quotes])

    def _assign_cluster(self, conn: Connection, sig: clu.Signature) -> int:
        """Put one event report into the most similar cluster, or a new one; returns its id."""
        params: dict[str, Any] = {"e": sig.event}
        where = "event = :e"
        if sig.date_start and sig.date_end:
            lo, hi = clu.date_range(sig.date_start)[0], clu.date_range(sig.date_end)[1]
            assert lo and hi
            gap = dt.timedelta(days=clu.WINDOW_DAYS)
            params["lo"] = (dt.date.fromisoformat(lo) - gap).isoformat()
            params["hi"] = (dt.date.fromisoformat(hi) + gap).isoformat()
            where += " AND (date_start IS NULL OR (date_start <= :hi AND date_end >= :lo))"
        candidates = conn.execute(text(
            f"SELECT id, date_start, date_end, participants, tokens, actors, recipients, place FROM event_clusters"
            f" WHERE {where}"
            " ORDER BY id DESC LIMIT 2000"), params).all()
        best_id, best_score, best_sig = None, clu.MIN_SCORE, None
        for row in candidates:
            other = clu.Signature(sig.event, row.date_start, row.date_end, _keys(row.participants),
                                  set(row.tokens.split()), _keys(row.actors), _keys(row.recipients), row.place)
            value = clu.score(sig, other)
            if value >= best_score:
                best_id, best_score, best_sig = row.id, value, other
        if best_id is None or best_sig is None:
            params = {"e": sig.event, **_cluster_params(sig)}
            sql = ("INSERT INTO event_clusters (event, date_start, date_end, participants, tokens, actors, recipients,"
                   " place, n_reports) VALUES (:e, :s, :d, :p, :t, :a, :r, :pl, 1)")
            if self.dialect == "postgresql":
                return int(conn.execute(text(sql + " RETURNING id"), params).scalar_one())
            return int(conn.execute(text(sql), params).lastrowid)
        merged = clu.merge(best_sig, sig)
        conn.execute(text(
            "UPDATE event_clusters SET date_start = :s, date_end = :d, participants = :p, tokens = :t,"
            " actors = :a, recipients = :r, place = :pl, n_reports = n_reports + 1 WHERE id = :id"),
            {**_cluster_params(merged), "id": best_id})
        return int(best_id)

    def _delete_rows(self, conn: Connection, article_id: str) -> None:
        p = {"id": article_id}
        conn.execute(text(
            "UPDATE event_clusters SET n_reports = n_reports - (SELECT COUNT(*) FROM events e"
            " WHERE e.article_id = :id AND e.cluster_id = event_clusters.id)"
            " WHERE id IN (SELECT cluster_id FROM events WHERE article_id = :id)"), p)
        for table in ("participants", "events", "quotes", "entities"):
            conn.execute(text(f"DELETE FROM {table} WHERE article_id = :id"), p)
        conn.execute(text("DELETE FROM event_clusters WHERE n_reports <= 0"))
        if self.dialect == "sqlite":
            conn.execute(text("DELETE FROM articles_fts WHERE article_id = :id"), p)
            conn.execute(text("DELETE FROM quotes_fts WHERE article_id = :id"), p)
        conn.execute(text("DELETE FROM articles WHERE id = :id"), p)

    def delete(self, article_id: str) -> bool:
        with self._write() as conn:
            exists = conn.execute(text("SELECT 1 FROM articles WHERE id = :id"), {"id": article_id}).first()
            if exists:
                self._delete_rows(conn, article_id)
            return exists is not None

    def has(self, article_id: str, pipeline_version: str | None = None) -> bool:
        stored = self.pipeline_version(article_id)
        if stored is None:
            return False
        return pipeline_version is None or newer_or_same(stored, pipeline_version)

    def pipeline_version(self, article_id: str) -> str | None:
        with self._read() as conn:
            value = conn.execute(text("SELECT pipeline_version FROM articles WHERE id = :id OR content_hash = :id"
                                      " ORDER BY (id = :id) DESC LIMIT 1"), {"id": article_id}).scalar()
        return None if value is None else str(value)

    def get(self, article_id: str) -> Article | None:
        with self._read() as conn:
            data = conn.execute(text("SELECT data FROM articles WHERE id = :id"), {"id": article_id}).scalar()
        return None if data is None else Article.from_dict(json.loads(data))

    def count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(text("SELECT COUNT(*) FROM articles")).scalar_one())

    def article_ids(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(text(
                "SELECT id, title, source, url, published, pipeline_version, stored_at, n_events FROM articles"
                " ORDER BY stored_at DESC, id LIMIT :l OFFSET :o"), {"l": _limit(limit), "o": max(0, offset)})
            return [dict(r._mapping) for r in rows]

    # -- failures ----------------------------------------------------------------------

    def record_failure(self, article_id: str, source: str, reason: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._write() as conn:
            updated = conn.execute(text(
                "UPDATE failures SET source = :s, reason = :r, attempts = attempts + 1, failed_at = :t"
                " WHERE article_id = :id"), {"id": article_id, "s": source, "r": reason, "t": now}).rowcount
            if not updated:
                conn.execute(text("INSERT INTO failures (article_id, source, reason, attempts, failed_at)"
                                  " VALUES (:id, :s, :r, 1, :t)"), {"id": article_id, "s": source, "r": reason,
                                                                    "t": now})

    def failures(self) -> list[Failure]:
        with self._read() as conn:
            rows = conn.execute(text("SELECT article_id, source, reason, attempts, failed_at FROM failures"
                                     " ORDER BY failed_at, article_id")).all()
        return [Failure(r.article_id, r.source, r.reason, int(r.attempts), r.failed_at) for r in rows]

    def clear_failure(self, article_id: str) -> None:
        with self._write() as conn:
            conn.execute(text("DELETE FROM failures WHERE article_id = :id"), {"id": article_id})

    # -- events, search, clusters: see queries.py -------------------------------------

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        from .queries import select_events

        with self._read() as conn:
            return select_events(conn, self.dialect, filters)

    def count_events(self, **filters: Any) -> int:
        from .queries import count_events

        with self._read() as conn:
            return count_events(conn, self.dialect, filters)

    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        from .queries import search_articles

        with self._read() as conn:
            return search_articles(conn, self.dialect, quote_fts_query(query), query, _limit(limit), max(0, offset))

    def search_quotes(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        from .queries import search_quotes

        with self._read() as conn:
            return search_quotes(conn, self.dialect, quote_fts_query(query), query, _limit(limit), max(0, offset))

    def clusters(self, *, event: str | None = None, min_reports: int = 1, limit: int = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
        from .queries import select_clusters

        with self._read() as conn:
            return select_clusters(conn, event, min_reports, _limit(limit), max(0, offset))

    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        from .queries import select_cluster

        with self._read() as conn:
            return select_cluster(conn, self.dialect, cluster_id)


def _keys(value: str | None) -> set[str]:
    return set(filter(None, (value or "").split("|")))


def _cluster_params(sig: clu.Signature) -> dict[str, Any]:
    return {"s": sig.date_start, "d": sig.date_end, "p": "|".join(sorted(sig.participants)),
            "t": " ".join(sorted(sig.tokens)), "a": "|".join(sorted(sig.actors)),
            "r": "|".join(sorted(sig.recipients)), "pl": sig.place}


def _limit(value: int) -> int:
    return max(0, min(int(value), MAX_LIMIT))
