"""Event clusters remember actors, recipients and place apart, for role-aware matching."""

from __future__ import annotations

VERSION = 2
NAME = "cluster_roles"


def statements(dialect: str) -> list[str]:
    return [
        "ALTER TABLE event_clusters ADD COLUMN actors TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE event_clusters ADD COLUMN recipients TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE event_clusters ADD COLUMN place TEXT",
    ]
