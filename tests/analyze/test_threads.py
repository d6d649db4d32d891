"""analyze/threads: one BLAS thread per process unless the user chose a count."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from turnstone.analyze.threads import THREAD_ENV

# import turnstone first (as users do), then numpy: OpenBLAS must start with one thread
_TURNSTONE_FIRST = """
import json, os
import turnstone
import numpy
from threadpoolctl import threadpool_info
print(json.dumps([os.environ.get("OPENBLAS_NUM_THREADS"),
                  [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]]))
"""
# numpy loaded before turnstone: the environment is too late, the runtime limit applies
_NUMPY_FIRST = """
import json, os
import numpy
from turnstone.analyze.threads import limit_blas_threads, one_blas_thread_env
one_blas_thread_env()
limit_blas_threads()
from threadpoolctl import threadpool_info
print(json.dumps([os.environ.get("OPENBLAS_NUM_THREADS"),
                  [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]]))
"""


def _probe(script: str, env: dict[str, str]) -> tuple[str | None, list[int]]:
    base = {k: v for k, v in os.environ.items() if k not in THREAD_ENV}
    out = subprocess.run([sys.executable, "-c", script], env={**base, **env}, capture_output=True, text=True,
                         check=True, timeout=60)
    variable, counts = json.loads(out.stdout.strip().splitlines()[-1])
    if not counts:
        pytest.skip("numpy is built without a BLAS that threadpoolctl can see")
    return variable, counts


def test_threads_one_blas_thread_when_turnstone_comes_first() -> None:
    assert _probe(_TURNSTONE_FIRST, {}) == ("1", [1])


def test_threads_runtime_limit_when_numpy_comes_first() -> None:
    variable, counts = _probe(_NUMPY_FIRST, {})
    assert variable is None  # numpy was loaded: the environment is left as it was
    assert counts == [1]


@pytest.mark.parametrize("env", [{"OPENBLAS_NUM_THREADS": "2"}, {"OMP_NUM_THREADS": "2"}])
def test_threads_user_count_left_alone(env: dict[str, str]) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("a user's count of 2 looks like one thread on a single core")
    variable, counts = _probe(_TURNSTONE_FIRST, env)
    assert variable == env.get("OPENBLAS_NUM_THREADS")
    assert counts == [2] * len(counts)
