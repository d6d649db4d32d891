"""The Store interface and ``open_store``; the contract is in the package docstring."""

from __future__ import annotations

import abc
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Self

from ..errors import StoreError
from ..model import Article

DEFAULT_SQLITE_PATH = "turnstone.db"


@dataclass
class Failure:
    """The latest failure of one article in a batch run."""

    article_id: str
    source: str
    reason: str
    attempts: int = 1
    failed_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Store(abc.ABC):
    """Processed articles, their results, event clusters and batch failures."""

    url: str

    @abc.abstractmethod
    def save(self, article: Article, pipeline_version: str) -> bool:
        """Store ``article`` and its results; idempotent and atomic.

        Returns:
            True when the article was stored or its results replaced, False when it was
            already stored with this (or a newer) pipeline version.
        """

    @abc.abstractmethod
    def has(self, article_id: str, pipeline_version: str | None = None) -> bool:
        """Whether the article is stored (with this version or a newer one, when given)."""

    @abc.abstractmethod
    def get(self, article_id: str) -> Article | None:
        """The stored article with its results, or None."""

    @abc.abstractmethod
    def pipeline_version(self, article_id: str) -> str | None:
        """The pipeline version the stored results came from, or None."""

    @abc.abstractmethod
    def delete(self, article_id: str) -> bool:
        """Remove an article and its results; True when it existed."""

    @abc.abstractmethod
    def count(self) -> int:
        """How many articles are stored."""

    @abc.abstractmethod
    def article_ids(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles (id, title, source, published, pipeline_version, n_events), newest first."""

    @abc.abstractmethod
    def record_failure(self, article_id: str, source: str, reason: str) -> None:
        """Record (or update) the failure of one article."""

    @abc.abstractmethod
    def failures(self) -> list[Failure]:
        """Every recorded failure, oldest first."""

    @abc.abstractmethod
    def clear_failure(self, article_id: str) -> None:
        """Forget the failure of one article (no error when there is none)."""

    @abc.abstractmethod
    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Events matching ``filters`` (see the package docstring), newest first."""

    @abc.abstractmethod
    def count_events(self, **filters: Any) -> int:
        """How many events match ``filters`` (``limit``/``offset`` ignored)."""

    @abc.abstractmethod
    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search over titles and texts."""

    @abc.abstractmethod
    def search_quotes(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search over quotes and their speakers."""

    @abc.abstractmethod
    def clusters(self, *, event: str | None = None, min_reports: int = 1, limit: int = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
        """Cross-article event clusters, largest first."""

    @abc.abstractmethod
    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        """One cluster with every report (event rows) in it."""

    @abc.abstractmethod
    def schema_version(self) -> int:
        """The applied schema migration number."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def database_url(url: str | Path | None) -> str:
    """Turn a path, a SQLAlchemy URL or None into a SQLAlchemy URL."""
    if url is None or str(url) == "":
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship and test.
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{text}"


def open_store(url: str | Path | None = None) -> Store:
    """Open (and create or migrate) a store.

    Args:
        url: None or "" for ``./turnstone.db``; a file path; ``:memory:``; ``sqlite:///PATH``;
            ``postgresql://USER@HOST/DB`` (psycopg 3).

    Returns:
        A ready Store with the newest schema applied.

    Raises:
        StoreError: when the database cannot be opened or migrated.
    """
    from .sql import SqlStore

    full = database_url(url)
    if not full.startswith(("sqlite", "postgresql")):
        raise StoreError(f"unsupported database URL {str(url)!r}: use a file path, sqlite:/// or postgresql://")
    return SqlStore(full)
