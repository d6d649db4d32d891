"""Versioned schema migrations: numbered, applied once, recorded, rolled back on failure."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from turnstone.errors import StoreError
from turnstone.store import migrations as mig
from turnstone.store import open_store


def test_migrations_numbered_without_gaps() -> None:
    versions = [int(m.VERSION) for m in mig.all_migrations()]
    assert versions == list(range(1, len(versions) + 1)) and mig.latest_version() == len(versions) >= 1
    for module in mig.all_migrations():
        assert module.statements("sqlite") and module.statements("postgresql")


def test_migrations_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    open_store(db).close()
    open_store(db).close()
    rows = sqlite3.connect(db).execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == list(range(1, mig.latest_version() + 1))
    assert rows[0][1] == "initial"


def test_migrations_new_one_applies_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    store = open_store(db)
    store.close()
    extra = SimpleNamespace(VERSION=mig.latest_version() + 1, NAME="add_notes",
                            statements=lambda dialect: ["ALTER TABLE articles ADD COLUMN notes TEXT"])
    real = mig.all_migrations()
    monkeypatch.setattr(mig, "all_migrations", lambda: [*real, extra])
    store = open_store(db)
    assert store.schema_version() == extra.VERSION
    store.close()
    columns = [r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(articles)")]
    assert "notes" in columns


def test_migrations_failure_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    open_store(db).close()
    before = mig.latest_version()
    broken = SimpleNamespace(VERSION=mig.latest_version() + 1, NAME="broken",
                             statements=lambda dialect: ["ALTER TABLE articles ADD COLUMN half TEXT",
                                                         "ALTER TABLE no_such_table ADD COLUMN x TEXT"])
    real = mig.all_migrations()
    monkeypatch.setattr(mig, "all_migrations", lambda: [*real, broken])
    with pytest.raises(StoreError):
        open_store(db)
    columns = [r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(articles)")]
    assert "half" not in columns  # the half-applied migration was rolled back
    version = sqlite3.connect(db).execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    assert version == before
