"""The batch engine on a real ``dask.distributed`` LocalCluster of two worker processes.

One cluster serves the module (starting one takes a few seconds); each test sends it a handful
of articles. The PostgreSQL test starts a throwaway server with ``scripts/start-postgres.sh`` and
skips, saying why, when none can be started.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from turnstone.batch.engine import IngestOptions, ingest
from turnstone.pipeline import pipeline_version
from turnstone.store import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    from turnstone.batch.dask_cluster import start_local_cluster

    with start_local_cluster(2) as running:
        assert isinstance(running, LocalCluster)
        yield running


@pytest.fixture
def sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(6):
        (src / f"n{i}.txt").write_text(
            f"Harbour talks, day {i}\nNegotiators met at the harbour office on Tuesday, day {i} of the talks. "
            f"\"We are close,\" the chief negotiator said.", encoding="utf-8")
    (src / "bad.jsonl").write_text("{broken\n", encoding="utf-8")
    return src


def test_dask_cluster_workers_write_parquet_and_the_run_resumes(cluster, sources, tmp_path):
    from turnstone.batch.parquet import read_articles

    out, db = tmp_path / "pq", str(tmp_path / "f.db")
    options = IngestOptions(db=db, dask=cluster.scheduler_address, parquet=str(out), chunk_size=2)
    summary = ingest([sources], options)
    assert summary.workers == 2
    assert summary.articles == 6 and summary.failed == 1 and summary.quotes >= 6
    frame = read_articles(out)
    assert len(frame) == 6 and frame["id"].is_unique
    assert len(list((out / "articles").glob("part-*.parquet"))) >= 3  # one partition per task
    with open_store(db) as store:
        assert [f.source for f in store.failures()] == [f"{sources}/bad.jsonl:1"]

    again = ingest([sources], options)
    assert again.articles == 0 and again.skipped == 6 and len(read_articles(out)) == 6


def test_dask_cluster_results_come_back_to_the_driver_for_sqlite(cluster, sources, tmp_path):
    db = str(tmp_path / "d.db")
    summary = ingest([sources], IngestOptions(db=db, dask=cluster.scheduler_address, chunk_size=2))
    assert summary.articles == 6
    with open_store(db) as store:
        assert store.count() == 6
        stored = store.get(store.article_ids(limit=1)[0]["id"])
        assert stored.quotes and stored.text.startswith("Negotiators met")


@pytest.mark.postgres
def test_dask_cluster_workers_write_postgresql(cluster, sources, pg_server):
    import psycopg

    name = f"b_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"{pg_server.rpartition('/')[0]}/{name}"
    try:
        options = IngestOptions(db=url, dask=cluster.scheduler_address, chunk_size=2)
        summary = ingest([sources], options)
        assert summary.articles == 6 and summary.failed == 1
        with open_store(url) as store:
            assert store.count() == 6
            ids = [row["id"] for row in store.article_ids(limit=10)]
            assert all(store.has(i, pipeline_version()) for i in ids)
        assert ingest([sources], options).skipped == 6
    finally:
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_dask_cluster_cli_summary_and_exit_code(cluster, sources, tmp_path):
    from typer.testing import CliRunner

    from turnstone.cli import app

    db = str(tmp_path / "c.db")
    # ``--dask local`` starts its cluster with the same start_local_cluster as the fixture above.
    result = CliRunner().invoke(app, ["ingest", str(sources), "--db", db, "--dask", cluster.scheduler_address,
                                      "--no-progress", "--json"])
    assert result.exit_code == 1, result.output  # the malformed line failed
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 6 and summary["failed"] == 1 and summary["workers"] == 2
