"""The first schema: articles, entities, quotes, events, participants, clusters, failures, search."""

from __future__ import annotations

VERSION = 1
NAME = "initial"


def statements(dialect: str) -> list[str]:
    pg = dialect == "postgresql"
    serial = "BIGSERIAL PRIMARY KEY" if pg else "INTEGER PRIMARY KEY AUTOINCREMENT"
    boolean = "BOOLEAN" if pg else "INTEGER"
    real = "DOUBLE PRECISION" if pg else "REAL"
    out = [
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT, source TEXT, url TEXT, published TEXT, language TEXT,
            text TEXT NOT NULL,
            data TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            n_events INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id),
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT, title TEXT,
            n_mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, entity_id))""",
        """CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id),
            quote_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT, speaker_name TEXT,
            q_start INTEGER NOT NULL, q_end INTEGER NOT NULL,
            PRIMARY KEY (article_id, quote_id))""",
        f"""CREATE TABLE event_clusters (
            id {serial},
            event TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            participants TEXT NOT NULL,
            tokens TEXT NOT NULL,
            label TEXT,
            n_reports INTEGER NOT NULL DEFAULT 0)""",
        f"""CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id),
            event_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            event TEXT NOT NULL, mode TEXT, cameo TEXT,
            goldstein {real}, plover_score {real}, confidence {real},
            date TEXT, date_start TEXT, date_end TEXT,
            place TEXT, place_country TEXT, lat {real}, lon {real},
            negated {boolean} NOT NULL, hypothetical {boolean} NOT NULL,
            future {boolean} NOT NULL, historical {boolean} NOT NULL,
            actor_names TEXT, recipient_names TEXT,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text TEXT,
            cluster_id BIGINT REFERENCES event_clusters(id),
            data TEXT NOT NULL,
            PRIMARY KEY (article_id, event_id))""",
        """CREATE TABLE participants (
            article_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            role TEXT NOT NULL,
            name TEXT NOT NULL, name_lower TEXT NOT NULL,
            country TEXT, sector TEXT, entity TEXT,
            FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, event_id))""",
        """CREATE TABLE failures (
            article_id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            failed_at TEXT NOT NULL)""",
        "CREATE INDEX events_type ON events (event)",
        "CREATE INDEX events_date ON events (date_start, date_end)",
        "CREATE INDEX events_cluster ON events (cluster_id)",
        "CREATE INDEX events_place_country ON events (place_country)",
        "CREATE INDEX participants_event ON participants (article_id, event_id)",
        "CREATE INDEX participants_country ON participants (role, country)",
        "CREATE INDEX participants_name ON participants (name_lower)",
        "CREATE INDEX clusters_type_date ON event_clusters (event, date_start)",
        "CREATE INDEX articles_published ON articles (published)",
    ]
    if pg:
        out += [
            ("CREATE INDEX articles_fts ON articles USING GIN "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"),
            ("CREATE INDEX quotes_fts ON quotes USING GIN "
            "(to_tsvector('english', text || ' ' || coalesce(speaker_name, '')))"),
        ]
    else:
        out += [
            ("CREATE VIRTUAL TABLE articles_fts USING fts5("
            "article_id UNINDEXED, title, text, tokenize='porter unicode61')"),
            ("CREATE VIRTUAL TABLE quotes_fts USING fts5("
            "article_id UNINDEXED, quote_id UNINDEXED, text, speaker, tokenize='porter unicode61')"),
        ]
    return out
