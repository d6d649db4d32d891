"""The PolNeAR news texts the speed benchmarks run on, read in place from ../shared."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("TURNSTONE_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
TEXTS = SHARED / "corpora" / "polnear" / "data"


def polnear_paths(limit: int = 0) -> list[Path]:
    """The article files in a fixed order (the first ``limit`` when given); [] with a note when absent."""
    paths = sorted(TEXTS.glob("*/text/*.txt"))
    if not paths:
        print(f"PolNeAR texts not found under {TEXTS}; skipped")
    return paths[:limit] if limit else paths
