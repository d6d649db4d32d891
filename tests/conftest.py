"""Shared fixtures. Data from ../shared is read in place; tests that need it skip without it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
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


# -- a real PostgreSQL server ---------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    given = os.environ.get("TURNSTONE_PG_URL")
    if given:
        yield given
        return
    script = ROOT / "scripts" / "start-postgres.sh"
    workdir = tempfile.mkdtemp(prefix="turnstone-pg-")
    try:
        done = subprocess.run(["sh", str(script), workdir], capture_output=True, text=True, timeout=90, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.skip(f"PostgreSQL tests skipped: could not run {script}: {err}")
    if done.returncode != 0 or not done.stdout.strip():
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.skip(f"PostgreSQL tests skipped: no server could be started ({script} exited "
                    f"{done.returncode}: {done.stderr.strip()[-300:]})")
    try:
        yield done.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["sh", str(script), "stop", workdir], capture_output=True, timeout=60, check=False)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the server for one test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = pg_server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
