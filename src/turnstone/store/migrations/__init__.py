"""Versioned schema migrations, applied in order and recorded in ``schema_migrations``.

Each migration is a module ``mNNN_name.py`` with ``VERSION``, ``NAME`` and a function
``statements(dialect) -> list[str]`` ("sqlite" or "postgresql"). A store applies every migration
newer than the recorded version inside one transaction per migration, so a failed migration
leaves the database at the previous version. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import pkgutil
from types import ModuleType

from sqlalchemy import Connection, text

LOGGER = logging.getLogger(__name__)


def all_migrations() -> list[ModuleType]:
    """Every migration module, by version."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:4].isdigit():
            found.append(importlib.import_module(f"{__name__}.{info.name}"))
    found.sort(key=lambda m: int(m.VERSION))
    versions = [int(m.VERSION) for m in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def latest_version() -> int:
    return len(all_migrations())


def current_version(conn: Connection) -> int:
    """The applied version, 0 on an empty database."""
    conn.execute(text(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"))
    value = conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar()
    return int(value or 0)


def apply_pending(conn: Connection, dialect: str) -> int:
    """Apply every migration newer than the database's version; returns the new version.

    The caller holds the transaction (and, on PostgreSQL, a lock) around this call.
    """
    version = current_version(conn)
    for module in all_migrations():
        if int(module.VERSION) <= version:
            continue
        LOGGER.info("applying schema migration %s %s", module.VERSION, module.NAME)
        for statement in module.statements(dialect):
            conn.exec_driver_sql(statement)
        conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                     {"v": int(module.VERSION), "n": module.NAME, "t": dt.datetime.now(dt.UTC).isoformat()})
        version = int(module.VERSION)
    return version
