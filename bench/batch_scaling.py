"""Scaling of ``turnstone ingest`` from 1 to 2 workers: local processes and a Dask LocalCluster.

    .venv/bin/python bench/batch_scaling.py [--limit N] [--runs local,dask]

Each configuration ingests the same PolNeAR texts into a fresh SQLite store (Dask: Parquet
partitions written by the workers) and reports the whole run's articles/s and the steady rate
after the first result (startup and model loading excluded), and articles per CPU-second of
worker time: when that stays flat from 1 to 2 workers, the engine adds no per-article overhead
and throughput grows with the idle cores. The machine's load average is printed too: on a shared
machine, 2 workers can only scale as far as idle cores allow.
Reads ../shared (or $TURNSTONE_SHARED); prints a skip line when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
from pathlib import Path

from _polnear import polnear_paths


def run(paths: list[Path], *, workers: int, dask: str | None) -> dict[str, float]:
    from turnstone.batch.engine import IngestOptions, ingest

    with tempfile.TemporaryDirectory() as tmp:
        options = IngestOptions(db=str(Path(tmp) / "s.db"), workers=workers, dask=dask,
                                parquet=str(Path(tmp) / "pq") if dask else None, chunk_size=16)
        summary = ingest(paths, options)
    steady = summary.articles / (summary.seconds - (summary.first_result_s or 0))
    return {"articles": summary.articles, "seconds": summary.seconds, "rate": summary.rate, "steady": steady,
            "first": summary.first_result_s or 0.0, "rss": summary.worker_peak_rss_mb, "pss": summary.worker_pss_mb,
            "per_cpu": summary.articles / summary.worker_cpu_seconds if summary.worker_cpu_seconds else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="articles per run (0: all 924)")
    parser.add_argument("--runs", default="local,dask", help="which executors: local, dask or both")
    args = parser.parse_args()
    paths = polnear_paths(args.limit)
    if not paths:
        return 0
    logging.getLogger("distributed").setLevel(logging.WARNING)
    print(f"{len(paths)} PolNeAR articles; {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'executor':28s} {'workers':>7s} {'articles/s':>10s} {'steady/s':>9s} {'speedup':>8s} "
          f"{'first result':>12s} {'worker RSS':>10s} {'PSS':>7s} {'art/CPU-s':>9s}")
    kinds = args.runs.split(",")
    for kind in ("local", "dask"):
        if kind not in kinds:
            continue
        base = None
        for workers in (1, 2):
            if kind == "local":
                label = "in-process" if workers == 1 else "process pool (forkserver)"
                result = run(paths, workers=workers, dask=None)
            else:
                label = "Dask LocalCluster"
                result = run(paths, workers=workers, dask="local")
            base = base or result["steady"]
            print(f"{label:28s} {workers:7d} {result['rate']:10.1f} {result['steady']:9.1f} "
                  f"{result['steady'] / base:7.2f}x {result['first']:11.2f}s {result['rss']:8.0f}MB"
                  f" {result['pss']:5.0f}MB {result['per_cpu']:9.1f}"
                  f"   (load {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
