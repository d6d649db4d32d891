"""Run chunks on a Dask cluster: a scheduler address, or a LocalCluster started here.

The driver reads the sources and submits one task per chunk, keeping at most two chunks per
worker thread in flight, so a run over millions of articles holds only a few chunks in memory.
Workers build the pipeline once per process (``worker_stages`` is cached) and write their results
to PostgreSQL or Parquet themselves when the sink says so. Every worker needs Turnstone
installed (the same version as the driver); the sources are read by the driver only.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from typing import Any

from .worker import ChunkItem, ChunkResult, Sink, failed_chunk, process_chunk, warm_up

LOGGER = logging.getLogger(__name__)


def _distributed() -> Any:
    """``dask.distributed``, typed as Any: the package ships no complete type hints."""
    return importlib.import_module("distributed")


def start_local_cluster(workers: int) -> Any:
    """A ``dask.distributed`` LocalCluster of ``workers`` single-threaded worker processes.

    One thread per process because spaCy is CPU-bound and holds the GIL; several threads in
    one process would share one core.
    """
    return _distributed().LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")


class DaskExecutor:
    """Chunks as Dask tasks on the cluster at ``address`` (``"local"``: start a LocalCluster)."""

    def __init__(self, address: str, sink: Sink | None, batch_size: int, local_workers: int = 2) -> None:
        self.sink, self.batch_size = sink, batch_size
        self.cluster = start_local_cluster(local_workers) if address == "local" else None
        self.client = _distributed().Client(self.cluster if self.cluster is not None else address)
        # Load the pipeline on every worker now, in parallel, rather than inside the first chunks.
        self.client.run(warm_up)
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = len(self.client.nthreads()) or 1
        self.max_in_flight = 2 * threads

    @property
    def dashboard(self) -> str | None:
        link = getattr(self.client, "dashboard_link", None)
        return str(link) if link else None

    def run(self, chunks: Iterator[list[ChunkItem]]) -> Iterator[ChunkResult]:
        pending: dict[Any, list[ChunkItem]] = {}
        queue = _distributed().as_completed()
        for chunk in chunks:
            future = self.client.submit(process_chunk, chunk, self.sink, self.batch_size, pure=False)
            pending[future.key] = chunk
            queue.add(future)
            if queue.count() >= self.max_in_flight:
                yield self._result(next(queue), pending)
        for future in queue:
            yield self._result(future, pending)

    @staticmethod
    def _result(future: Any, pending: dict[Any, list[ChunkItem]]) -> ChunkResult:
        chunk = pending.pop(future.key)
        try:
            result: ChunkResult = future.result()
            return result
        except Exception as err:  # noqa: BLE001  a lost worker or a task error fails its chunk, not the run
            return failed_chunk(chunk, f"[E200] the Dask task failed: {type(err).__name__}: {err}")
        finally:
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
