"""One BLAS thread per process: Turnstone scales with worker processes, one per core.

numpy's OpenBLAS starts a thread per core when it loads. Beside the model's small matrix
products those threads mostly spin, and parallel workers compete for each other's cores. Told
to use one thread before it loads, the model's ``nlp.pipe`` took ~121 instead of ~135 ms of CPU
per PolNeAR article (40 articles, batches of 4, alternated runs); limiting the threads after
loading (threadpoolctl) did not give that back. So the environment variable is set when
``turnstone`` is imported before numpy (``turnstone.core`` does it first thing), and the runtime
limit is the fallback when numpy came first.

A thread count the user set in any of ``THREAD_ENV`` is always left alone.
This module must not import numpy.
"""

from __future__ import annotations

import logging
import os
import sys

LOGGER = logging.getLogger(__name__)
THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def user_set_threads() -> bool:
    """Whether the user chose a BLAS/OpenMP thread count in the environment."""
    return any(os.environ.get(name) for name in THREAD_ENV)


def one_blas_thread_env() -> None:
    """Set ``OPENBLAS_NUM_THREADS=1`` while numpy is not loaded yet and the user set no count.

    Worker processes inherit it, so they start with one BLAS thread too.
    """
    if "numpy" in sys.modules or user_set_threads():
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"


def limit_blas_threads() -> None:
    """Run numpy's BLAS on one thread from now on, unless the user set a thread count."""
    if user_set_threads():  # the user's count, or ours set before numpy loaded
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency; only a stripped environment lacks it
        LOGGER.debug("threadpoolctl missing; BLAS keeps its thread count")
        return
    threadpool_limits(limits=1, user_api="blas")
