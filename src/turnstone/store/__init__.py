"""Store: keep processed articles, their results and the failures of batch runs.

One interface, two back ends:

* SQLite (the default): one file, full-text search with FTS5 over article text and quotes.
* PostgreSQL (a shared server): SQLAlchemy 2 with psycopg 3, full-text search with ``tsvector``.

Open a store with :func:`open_store`::

    from turnstone.store import open_store

    store = open_store(None)                       # ./turnstone.db
    store = open_store("data/events.db")           # a SQLite file
    store = open_store("sqlite:///data/events.db")
    store = open_store("postgresql://user@localhost/turnstone")

    store.save(article, pipeline_version="0.1.0")  # -> True if stored or replaced
    store.has(article.id, "0.1.0")                 # -> True: done with this version or a newer one
    store.record_failure(article_id, source, reason)
    store.events(event="CONSULT", actor="USA", date_from="2025-02-01", limit=50)

Contract of :class:`Store` (both back ends pass the same tests in ``tests/store``):

``save(article, pipeline_version) -> bool``
    Idempotent and atomic. The article is known by its id and by the sha256 of its text; saving
    an article that is already stored with the same pipeline version changes nothing and returns
    False. Saving it with a newer version replaces every result row (entities, quotes, events,
    search index) in one transaction and returns True; an older version is ignored (False).
    Public PEP 440 versions decide which is newer; the same public version with another local
    part (``0.1.0+analyze.entities`` vs ``0.1.0+analyze.entities.events``) or an unparsable one
    counts as newer. An article without an id gets the sha256 of its text (``ensure_id``).
    A successful save clears a recorded failure of that article. Events are assigned to
    cross-article clusters (the same real-world event reported by several articles).
``has(article_id, pipeline_version=None) -> bool``
    Whether the article is stored; with a version, whether it is stored with that version or a
    newer one (what a batch run asks before processing an article again). The id may also be
    the content hash of a stored article.
``get(article_id) -> Article | None``; ``count() -> int``; ``delete(article_id) -> bool``.
``record_failure(article_id, source, reason)``; ``failures() -> list[Failure]``;
``clear_failure(article_id)``
    One row per article (the latest failure), with an attempt counter.
``events(**filters) -> list[dict]``; ``count_events(**filters) -> int``
    Filters: ``event`` (PLOVER type), ``actor``, ``recipient`` (a name substring or an ISO
    alpha-3 country code), ``country`` (of any participant or the place), ``date_from``,
    ``date_to`` (ISO dates; partial event dates match by overlap), ``place`` (name substring),
    ``article_id``, ``cluster_id``, ``source``, ``include_negated`` (default True), ``limit``
    (default 100), ``offset``. Each row is the SPEC event plus ``article_id``, ``cluster_id``,
    ``published``, ``source``, ``url``, ``lat``, ``lon``, ``place_country``.
``search_articles(query, limit, offset)``; ``search_quotes(query, limit, offset)``
    Full-text search; rows carry a short ``snippet``.
``clusters(**filters)``; ``cluster(cluster_id)``
    Event clusters with their reports.
``close()``
"""

from __future__ import annotations

from .base import Failure, Store, open_store

__all__ = ["Failure", "Store", "open_store"]
