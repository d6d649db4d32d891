"""Run chunks in this process or in a pool of local worker processes.

Workers come from a ``forkserver`` that has already imported Turnstone and loaded the pipeline,
so each worker starts in milliseconds with the model in memory (shared copy-on-write) instead of
importing spaCy again; ``fork`` itself is avoided because the driver runs threads (the progress
bar, the article counter) and forking a threaded process can deadlock.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .worker import ChunkItem, ChunkResult, Sink, failed_chunk, process_chunk, warm_up

LOGGER = logging.getLogger(__name__)


class InlineExecutor:
    """One worker: the driver process runs every chunk itself (lowest first-result latency)."""

    workers = 1

    def __init__(self, sink: Sink | None, batch_size: int) -> None:
        self.sink, self.batch_size = sink, batch_size

    def run(self, chunks: Iterator[list[ChunkItem]]) -> Iterator[ChunkResult]:
        for chunk in chunks:
            yield process_chunk(chunk, self.sink, self.batch_size)

    def close(self) -> None:
        pass


class PoolExecutor:
    """``workers`` local processes; at most two chunks per worker in flight, so memory stays flat."""

    def __init__(self, workers: int, sink: Sink | None, batch_size: int) -> None:
        self.workers, self.sink, self.batch_size = workers, sink, batch_size
        self.context = multiprocessing.get_context("forkserver")
        # The forkserver imports the worker module and loads the model once; workers fork from it.
        self.context.set_forkserver_preload(["turnstone.batch._preload"])
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=self.context, initializer=warm_up)

    def run(self, chunks: Iterator[list[ChunkItem]]) -> Iterator[ChunkResult]:
        in_flight: dict[Future[ChunkResult], list[ChunkItem]] = {}
        for chunk in chunks:
            in_flight[self._submit(chunk)] = chunk
            if len(in_flight) >= 2 * self.workers:
                yield from self._collect(in_flight)
        while in_flight:
            yield from self._collect(in_flight)

    def _submit(self, chunk: list[ChunkItem]) -> Future[ChunkResult]:
        try:
            return self.pool.submit(process_chunk, chunk, self.sink, self.batch_size)
        except BrokenProcessPool:
            self._restart()
            return self.pool.submit(process_chunk, chunk, self.sink, self.batch_size)

    def _collect(self, in_flight: dict[Future[ChunkResult], list[ChunkItem]]) -> Iterator[ChunkResult]:
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            chunk = in_flight.pop(future)
            try:
                yield future.result()
            except BrokenProcessPool as err:
                # A worker died (killed, out of memory, a crash in native code): fail its chunk and
                # carry on with a fresh pool; --retry-failed tries the articles again.
                LOGGER.error("a worker process died: %s; restarting the pool", err)
                self._restart()
                yield failed_chunk(chunk, f"[E200] the worker process died: {err}")
            except Exception as err:  # noqa: BLE001  (a batch run must go on)
                yield failed_chunk(chunk, f"[E200] the worker raised {type(err).__name__}: {err}")

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context, initializer=warm_up)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
