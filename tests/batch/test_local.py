import os

from turnstone.batch.local import PoolExecutor
from turnstone.batch.worker import ChunkItem, Sink
from turnstone.ingest.readers import article_from_text


def chunk(start: int, n: int) -> list[ChunkItem]:
    return [ChunkItem(f"f{i}.txt", article_from_text(f"Officials met in Riga on Friday, round {i}. "
                                                     "\"It went well,\" an official said."))
            for i in range(start, start + n)]


def test_local_pool_runs_chunks_in_worker_processes(tmp_path):
    executor = PoolExecutor(2, Sink(parquet_dir=str(tmp_path), pipeline_version="t"), batch_size=4)
    try:
        results = list(executor.run(iter([chunk(0, 3), chunk(3, 3), chunk(6, 3), chunk(9, 3)])))
    finally:
        executor.close()
    assert sum(r.saved for r in results) == 12 and all(not r.failures for r in results)
    workers = {r.worker for r in results}
    assert str(os.getpid()) not in workers  # the work ran in other processes
    assert len(list((tmp_path / "articles").glob("part-*.parquet"))) == 4


def test_local_pool_survives_a_dying_worker(monkeypatch):
    from turnstone.batch import local

    executor = PoolExecutor(1, None, batch_size=4)
    try:
        results = list(executor.run(iter([chunk(1, 2)])))
        assert results[0].done_ids and not results[0].failures
        # A chunk whose processing kills its worker process outright (as the OOM killer would).
        with monkeypatch.context() as patch:
            patch.setattr(local, "process_chunk", _kill_self)
            [died] = list(executor.run(iter([chunk(0, 1)])))
        assert died.failures and "died" in died.failures[0][2]
        [after] = list(executor.run(iter([chunk(5, 2)])))
        assert len(after.done_ids) == 2  # a fresh pool took over
    finally:
        executor.close()


def _kill_self(*args, **kwargs):
    os._exit(3)
