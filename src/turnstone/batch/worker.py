"""The work one batch worker does: run a chunk of articles through the pipeline and keep the results.

Everything here runs inside a worker process (a local process pool worker or a Dask worker).
The pipeline, its spaCy model and any store connection are built once per process and reused
for every chunk. A chunk's articles go through ``Pipeline.pipe`` in batches, so the analyze
stage runs ``nlp.pipe``. A stage that fails on one article fails only that article; the reason
comes back to the driver, which records it.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import InputError
from ..ingest.warc import WarcPage
from ..model import Article
from ..pipeline import Pipeline, Stage

LOGGER = logging.getLogger(__name__)

# Articles per nlp.pipe call. With the trained model (tok2vec+tagger+morphologizer+parser+lemmatizer+
# NER) on PolNeAR (~700 words), batches of 2, 4, 8 and 16 ran at the same speed (4.0 articles/s/core,
# CPU time), while the worker's peak memory grew ~35 MB per article in the batch (569, 629, 747 and
# 886 MB): bench/pipeline_speed.py --limit 48 --batch-size N. Re-measured on a Dask worker with
# the later model (80 PolNeAR articles, chunks of 16; /tmp probe, client.run + ru_maxrss): batch 2
# peaks at 442 MB, batch 4 at 502 MB, for the same CPU time (14.6 s) and the same output rows.
DEFAULT_BATCH_SIZE = 2


@dataclass(frozen=True)
class Sink:
    """Where a worker writes its results itself; empty means "send them back to the driver"."""

    db_url: str | None = None
    parquet_dir: str | None = None
    pipeline_version: str = ""

    @property
    def on_worker(self) -> bool:
        return bool(self.db_url or self.parquet_dir)


@dataclass
class ChunkItem:
    """One article to process and where it was read from (for failure records).

    A WARC page travels unextracted: its HTML extraction runs in the worker, not the driver.
    """

    locator: str
    article: Article | WarcPage


@dataclass
class ChunkResult:
    """What a worker sends back for one chunk."""

    done: list[Article] = field(default_factory=list)  # processed, when the driver writes them
    done_ids: list[str] = field(default_factory=list)
    saved: int = 0  # written by the worker itself (new or replaced)
    events: int = 0
    quotes: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (article id, locator, reason)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time the worker spent on the chunk (unaffected by other load)
    worker: str = ""
    peak_rss_mb: float = 0.0
    pss_mb: float = 0.0


@lru_cache(maxsize=1)
def worker_stages() -> tuple[Stage, ...]:
    """The default pipeline's stages, built (and its model loaded) once per worker process."""
    from ..core import default_pipeline

    pipeline = default_pipeline()
    # Load the spaCy model now rather than inside the first chunk's timing (the profile's own:
    # $TURNSTONE_PROFILE, which `turnstone --profile accurate ingest` sets for its workers).
    from ..analyze.stage import get_nlp

    get_nlp()
    return tuple(pipeline.stages)


@lru_cache(maxsize=4)
def _worker_store(url: str) -> Any:
    from ..store import open_store

    return open_store(url)


# An invented sentence that touches every stage, so that lexicons, gazetteers and caches that the
# stages load lazily are loaded by ``warm_up`` (once, before the first real chunk).
WARM_UP_TEXT = ("Officials from France met their German counterparts in Berlin on Monday. "
                "\"We agreed to talk again next week,\" the French foreign minister said.")


def warm_up() -> str:
    """Load the pipeline and everything its stages load lazily; returns the process id.

    Run in each worker before its first chunk (the local pool's forkserver runs it once, and
    every worker forked from it shares what it loaded).
    """
    from ..ingest.readers import article_from_text

    stages = worker_stages()
    try:
        Pipeline(list(stages))(article_from_text(WARM_UP_TEXT, published="2025-01-08"))
    except Exception:
        LOGGER.warning("warming up the pipeline failed", exc_info=True)
    return str(os.getpid())


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pss_mb() -> float:
    """This process's proportional set size in MB (shared pages divided among the processes that
    share them: what a forked worker really adds), or 0 where /proc does not tell."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def process_chunk(items: list[ChunkItem], sink: Sink | None = None,
                  batch_size: int = DEFAULT_BATCH_SIZE) -> ChunkResult:
    """Run ``items`` through the default pipeline and keep or return the results.

    Args:
        items: the articles with their locators.
        sink: when it names a database or a Parquet folder, the worker writes the results there
            and returns only counts; otherwise the processed Articles come back in ``done``.
        batch_size: articles per ``nlp.pipe`` call.

    Returns:
        The chunk's counts, failures and (for driver-side writing) processed articles.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    result = ChunkResult(worker=str(os.getpid()))
    failed: dict[int, str] = {}

    def collect(article: Article, stage: Stage, error: Exception) -> None:
        failed[id(article)] = f"[{getattr(error, 'code', 'E200')}] stage {stage.name!r} failed: " \
                              f"{type(error).__name__}: {error}"

    pipeline = Pipeline(list(worker_stages()), on_error=collect)
    locators = {item.article.id: item.locator for item in items}
    ready: list[Article] = []
    for item in items:
        article = item.article.extract() if isinstance(item.article, WarcPage) else item.article
        if isinstance(article, InputError):
            result.failures.append((item.article.id, item.locator, str(article)))
        else:
            ready.append(article)
    processed: list[Article] = []
    for article in pipeline.pipe(ready, batch_size=batch_size):
        article.doc = None  # the Doc is large and never stored
        reason = failed.get(id(article))
        if reason is not None:
            result.failures.append((article.id, locators.get(article.id, ""), reason))
            continue
        processed.append(article)
        result.events += len(article.events)
        result.quotes += len(article.quotes)
    result.done_ids = [a.id for a in processed]
    if sink is not None and sink.on_worker:
        result.saved = write_results(processed, sink, result, locators)
    else:
        result.done = processed
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.peak_rss_mb = peak_rss_mb()
    result.pss_mb = pss_mb()
    return result


def write_results(articles: list[Article], sink: Sink, result: ChunkResult, locators: dict[str, str]) -> int:
    """Write processed articles where ``sink`` says; a failed write becomes a failure per article."""
    if not articles:
        return 0
    if sink.parquet_dir:
        from .parquet import write_partition

        try:
            write_partition(sink.parquet_dir, articles, sink.pipeline_version)
            return len(articles)
        except Exception as err:  # noqa: BLE001  (a batch run must go on)
            _fail_all(articles, result, locators, f"[E400] writing the Parquet partition failed: {err}")
            return 0
    store = _worker_store(sink.db_url or "")
    saved = 0
    for article in articles:
        try:
            saved += bool(store.save(article, sink.pipeline_version))
        except Exception as err:  # noqa: BLE001  (a batch run must go on)
            result.done_ids.remove(article.id)
            result.failures.append((article.id, locators.get(article.id, ""), f"[E400] saving failed: {err}"))
    return saved


def _fail_all(articles: list[Article], result: ChunkResult, locators: dict[str, str], reason: str) -> None:
    for article in articles:
        result.failures.append((article.id, locators.get(article.id, ""), reason))
    result.done_ids = []
    result.events = result.quotes = 0


def failed_chunk(chunk: list[ChunkItem], reason: str) -> ChunkResult:
    """The result of a chunk whose worker failed as a whole: every article failed with ``reason``."""
    return ChunkResult(failures=[(item.article.id, item.locator, reason) for item in chunk])
