"""The batch driver: read sources, skip what is done, farm chunks out, record every outcome.

    sources ──read──▶ skip stored / failed ──chunk──▶ executor (inline | process pool | Dask)
                                                          │  pipeline.pipe(batch) per chunk
    store.save / record_failure ◀──────── ChunkResult ◀──┘  (or the worker writes PostgreSQL/Parquet)

Resumable: an article is skipped when the store (or the Parquet folder) already holds it for this
pipeline version, so a run killed at any moment and started again stores nothing twice and loses
nothing (what was in flight is simply processed again). An article that failed is recorded with
its id, input and reason; later runs skip it until ``retry_failed`` asks for it again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import InputError
from ..ingest.sources import count_articles, iter_located
from ..pipeline import pipeline_version
from .worker import DEFAULT_BATCH_SIZE, ChunkItem, ChunkResult, Sink

LOGGER = logging.getLogger(__name__)

# Articles per task. Small first chunks give a first result quickly; later chunks grow to
# CHUNK_SIZE so that per-task overhead (pickling, scheduling) stays under 1% of the work.
FIRST_CHUNK_SIZE = 4
CHUNK_SIZE = 64


@dataclass
class IngestOptions:
    """Everything ``turnstone ingest`` can be told, turned into one object once."""

    db: str | None = None
    workers: int | None = None  # local processes (default 1); with dask="local", its workers (default: cores)
    dask: str | None = None  # a scheduler address, or "local"
    parquet: str | None = None
    retry_failed: bool = False
    batch_size: int = DEFAULT_BATCH_SIZE
    chunk_size: int = CHUNK_SIZE
    meta: dict[str, Any] = field(default_factory=dict)  # defaults for every article (published, source)


@dataclass
class Summary:
    """What a run did; ``failed`` counts only this run's failures."""

    articles: int = 0  # processed and stored by this run
    skipped: int = 0  # already stored for this pipeline version (or a duplicate within the run)
    skipped_failed: int = 0  # recorded as failed by an earlier run and not retried
    events: int = 0
    quotes: int = 0
    failed: int = 0
    seconds: float = 0.0
    worker_cpu_seconds: float = 0.0  # CPU time all workers spent processing chunks
    first_result_s: float | None = None
    workers: int = 1
    worker_peak_rss_mb: float = 0.0  # the largest peak resident memory of any worker process
    worker_pss_mb: float = 0.0  # the largest proportional memory of a worker (shared pages split)
    pipeline_version: str = ""

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**{k: getattr(self, k) for k in self.__dataclass_fields__}, "rate": round(self.rate, 2)}


class IdSet:
    """A set of article ids kept as 8-byte hashes: ~60 bytes an id instead of ~200, so a driver
    can remember millions of ids (a collision needs ~4 billion ids to become likely)."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._keys: set[int] = {self._key(i) for i in ids}

    @staticmethod
    def _key(article_id: str) -> int:
        return int.from_bytes(hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest(), "big")

    def add(self, article_id: str) -> None:
        self._keys.add(self._key(article_id))

    def update(self, ids: Iterable[str]) -> None:
        for article_id in ids:
            self.add(article_id)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._key(article_id) in self._keys

    def __len__(self) -> int:
        return len(self._keys)


class Progress(Protocol):
    """What the driver reports as it goes (the CLI draws it with Rich)."""

    def set_total(self, total: int) -> None: ...

    def advance(self, n: int, summary: Summary) -> None: ...


class Executor(Protocol):
    workers: int

    def run(self, chunks: Iterator[list[ChunkItem]]) -> Iterator[ChunkResult]: ...

    def close(self) -> None: ...


def make_executor(options: IngestOptions, sink: Sink | None) -> Executor:
    if options.dask:
        from .dask_cluster import DaskExecutor

        local_workers = options.workers or max(2, os.cpu_count() or 2)
        return DaskExecutor(options.dask, sink, options.batch_size, local_workers=local_workers)
    if (options.workers or 1) > 1:
        from .local import PoolExecutor

        return PoolExecutor(options.workers or 1, sink, options.batch_size)
    from .local import InlineExecutor

    return InlineExecutor(sink, options.batch_size)


def worker_sink(options: IngestOptions, version: str) -> Sink | None:
    """Workers write themselves where several writers are safe (PostgreSQL, Parquet); the driver
    writes SQLite, which has a single writer."""
    if options.parquet:
        return Sink(parquet_dir=str(options.parquet), pipeline_version=version)
    several = bool(options.dask) or (options.workers or 1) > 1
    if options.db and str(options.db).startswith(("postgresql", "postgres:")) and several:
        return Sink(db_url=str(options.db), pipeline_version=version)
    return None


def ingest(sources: Iterable[str | Path], options: IngestOptions, progress: Progress | None = None,
           store: Any = None) -> Summary:
    """Process every article in ``sources`` into the store (or Parquet folder) in ``options``.

    Args:
        sources: files and directories (text, HTML, JSON Lines, feeds, WARC; see ``ingest.sources``).
        options: where to write, how many workers, whether to retry recorded failures.
        progress: told the expected total and every article done, skipped or failed.
        store: an open Store to use instead of opening ``options.db`` (closed by the caller).

    Returns:
        The run's Summary; ``summary.ok`` is False when some article failed.
    """
    from ..store import open_store

    started = time.perf_counter()
    names = [str(s) for s in sources]
    version = pipeline_version()
    own_store = store is None
    store = open_store(options.db) if own_store else store
    summary = Summary(pipeline_version=version)
    try:
        _start_counting(names, progress)
        sink = worker_sink(options, version)
        executor = make_executor(options, sink)
        summary.workers = executor.workers
        run = _Run(store, options, version, sink, summary, progress, started)
        try:
            for result in executor.run(run.chunks(names)):
                run.handle(result)
            run.finish(names)
        finally:
            executor.close()
    finally:
        summary.seconds = time.perf_counter() - started
        if own_store:
            store.close()
    return summary


def _start_counting(sources: list[str], progress: Progress | None) -> None:
    """Count the articles in a background thread, so the first result does not wait for it."""
    if progress is None:
        return

    def count() -> None:
        try:
            progress.set_total(count_articles(sources))
        except Exception:
            LOGGER.debug("counting the articles failed", exc_info=True)

    threading.Thread(target=count, name="turnstone-count", daemon=True).start()


class _Run:
    """The state of one ingest run: what to skip, and the bookkeeping of each outcome."""

    def __init__(self, store: Any, options: IngestOptions, version: str, sink: Sink | None, summary: Summary,
                 progress: Progress | None, started: float) -> None:
        self.store, self.options, self.version, self.sink = store, options, version, sink
        self.summary, self.progress, self.started = summary, progress, started
        self.failed_before = {f.article_id for f in store.failures()}
        self.in_parquet = IdSet()
        if options.parquet:
            from .parquet import written_ids

            self.in_parquet = IdSet(written_ids(options.parquet, version))
        self.seen = IdSet()
        self.failed_now: set[str] = set()

    def _advance(self, n: int) -> None:
        if self.progress is not None and n:
            self.progress.advance(n, self.summary)

    def _is_done(self, article_id: str) -> bool:
        if self.options.parquet:
            return article_id in self.in_parquet
        return bool(self.store.has(article_id, self.version))

    def chunks(self, sources: list[str]) -> Iterator[list[ChunkItem]]:
        """Chunks of articles still to process; skips and input errors are booked on the way."""
        size = min(FIRST_CHUNK_SIZE, self.options.chunk_size)
        chunk: list[ChunkItem] = []
        for locator, item in iter_located(sources, defer_html=True, **self.options.meta):
            if isinstance(item, InputError):
                self._input_error(locator, item)
                continue
            if item.id in self.seen or self._is_done(item.id):
                self.seen.add(item.id)
                self.summary.skipped += 1
                self._advance(1)
                continue
            self.seen.add(item.id)
            if item.id in self.failed_before and not self.options.retry_failed:
                self.summary.skipped_failed += 1
                self._advance(1)
                continue
            chunk.append(ChunkItem(locator, item))
            if len(chunk) >= size:
                yield chunk
                chunk = []
                size = min(size * 2, self.options.chunk_size)
        if chunk:
            yield chunk

    def _input_error(self, locator: str, error: InputError) -> None:
        if locator in self.failed_before and not self.options.retry_failed:
            self.summary.skipped_failed += 1
        else:
            self._record_failure(locator, locator, str(error))
        self._advance(1)

    def _record_failure(self, article_id: str, locator: str, reason: str) -> None:
        self.summary.failed += 1
        self.failed_now.add(article_id)
        if article_id == locator or reason.startswith(locator):
            LOGGER.warning("failed: %s", reason)  # an input error names its input already
        else:
            LOGGER.warning("failed: %s (article %s): %s", locator or "?", article_id, reason)
        try:
            self.store.record_failure(article_id, locator, reason)
        except Exception:
            LOGGER.exception("could not record the failure of %s", article_id)

    def handle(self, result: ChunkResult) -> None:
        """Book one chunk's outcome: save what the driver writes, record failures, count."""
        if self.summary.first_result_s is None and (result.done_ids or result.failures):
            self.summary.first_result_s = time.perf_counter() - self.started
        done_ids = list(result.done_ids)
        for article in result.done:
            try:
                self.store.save(article, self.version)
            except Exception as err:  # noqa: BLE001  one article the store refuses must not stop the run
                done_ids.remove(article.id)
                result.failures.append((article.id, "", f"[E400] saving failed: {err}"))
        if self.options.retry_failed:
            for article_id in done_ids:
                if article_id in self.failed_before:
                    self.store.clear_failure(article_id)
        if self.options.parquet:
            self.in_parquet.update(done_ids)
        for article_id, locator, reason in result.failures:
            self._record_failure(article_id, locator, reason)
        self.summary.worker_peak_rss_mb = max(self.summary.worker_peak_rss_mb, result.peak_rss_mb)
        self.summary.worker_cpu_seconds += result.cpu_seconds
        self.summary.worker_pss_mb = max(self.summary.worker_pss_mb, result.pss_mb)
        self.summary.articles += len(done_ids)
        self.summary.events += result.events
        self.summary.quotes += result.quotes
        self._advance(len(done_ids) + len(result.failures))

    def finish(self, sources: list[str]) -> None:
        """After a retry: forget input failures under these sources that did not fail again."""
        if not self.options.retry_failed:
            return
        roots = [str(Path(s)) for s in sources]
        for failure in self.store.failures():
            is_input = failure.article_id == failure.source
            if is_input and failure.article_id in self.failed_before and failure.article_id not in self.failed_now \
                    and any(failure.source == r or failure.source.startswith(r.rstrip("/") + "/")
                            or failure.source.startswith(r + ":") for r in roots):
                self.store.clear_failure(failure.article_id)
