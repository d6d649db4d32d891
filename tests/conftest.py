"""Shared fixtures. Data from ../shared is read in place; tests that need it skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TURNSTONE_SHARED", ROOT.parent / "shared")).resolve()
GOLD_DIR = SHARED / "gold" / "articles"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared reference data beside the project); it is absent")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need_shared()


@pytest.fixture(scope="session")
def gold_files() -> list[Path]:
    files = sorted(need_shared("gold", "articles").glob("*.gold.json"))
    if not files:
        pytest.skip(f"no gold files in {GOLD_DIR}")
    return files


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    return need_shared("gold", "articles", "us-russia-talks-2025-02-12.gold.json")


@pytest.fixture(scope="session")
def seed_result(seed_gold: Path):  # type: ignore[no-untyped-def]
    from turnstone.evaluate import run_gold

    article, gold = run_gold(seed_gold)
    return article, gold
