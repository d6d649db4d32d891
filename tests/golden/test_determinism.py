"""The same article gives the same result in every process, whatever Python's hash seed.

Batch workers each have their own seed; any result that depended on set order would make the
same article code differently depending on which worker took it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from turnstone.samples import SAMPLE_DIR

ARTICLES = sorted((Path(__file__).parent / "heldout").glob("*.txt")) + sorted(SAMPLE_DIR.glob("*.txt"))


def extract_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-m", "turnstone", "extract", *map(str, ARTICLES),
                             "--published", "2025-01-15", "--format", "jsonl"],
                            capture_output=True, text=True, env=env, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_determinism_across_hash_seeds():
    first = extract_with_seed("1").splitlines()
    second = extract_with_seed("2").splitlines()
    assert len(first) == len(ARTICLES)
    for a, b, path in zip(first, second, ARTICLES):
        assert a == b, f"{path.name} differs between hash seeds"
