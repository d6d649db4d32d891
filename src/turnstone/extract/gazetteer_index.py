"""An on-disk SQLite index of the gazetteer, built once per machine.

Indexing the 235,000 shipped places in memory costs each process about 2 s and 240 MB, which
made the first result slow and every batch worker heavy. The first process writes the index
to the user's cache directory (``$TURNSTONE_CACHE_DIR`` or ``~/.cache/turnstone``), named by
a hash of the data file, so a new gazetteer release gets a new index. Later processes open it
read-only and look names up with one indexed query each.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

LOGGER = logging.getLogger(__name__)
SCHEMA = """
CREATE TABLE rows (row INTEGER PRIMARY KEY, cols TEXT NOT NULL, special INTEGER NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, row INTEGER NOT NULL, alias INTEGER NOT NULL, abbr INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def cache_dir() -> Path:
    return Path(os.environ.get("TURNSTONE_CACHE_DIR") or Path.home() / ".cache" / "turnstone")


def index_path(data: Path) -> Path:
    digest = hashlib.sha1(data.read_bytes()).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{digest}.sqlite"


def write_index(db: Path, rows: list[list[str]], special: set[int],
                names: Iterable[tuple[str, list[tuple[int, bool, bool]]]], max_words: int) -> bool:
    """Write the index atomically (several workers may start at once); False when it cannot."""
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=db.name, suffix=".tmp", dir=db.parent)
        os.close(fd)
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(SCHEMA)
            conn.executemany("INSERT INTO rows VALUES (?, ?, ?)",
                             ((i, "\t".join(cols), int(i in special)) for i, cols in enumerate(rows)))
            conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)",
                             ((key, row, int(alias), int(abbr)) for key, hits in names
                              for row, alias, abbr in hits))
            conn.execute("INSERT INTO meta VALUES ('max_words', ?)", (str(max_words),))
            conn.execute("CREATE INDEX names_key ON names (key)")
            conn.commit()
        finally:
            conn.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache may be shared by users
        os.replace(tmp, db)
        return True
    except (OSError, sqlite3.Error) as err:
        LOGGER.warning("could not write the gazetteer index %s: %s", db, err)
        return False


class IndexReader:
    """Read-only access to an index file; reconnects after a fork (batch workers)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._pid = -1
        self._conn: sqlite3.Connection | None = None
        self.max_words = int(self.conn().execute("SELECT value FROM meta WHERE key = 'max_words'").fetchone()[0])

    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def special_rows(self) -> list[tuple[int, list[str]]]:
        """Countries, first-level units and rows with demonyms: the small indexes kept in memory."""
        return [(row, cols.split("\t")) for row, cols in
                self.conn().execute("SELECT row, cols FROM rows WHERE special = 1 ORDER BY row")]


class IndexedNames:
    """``name → [(row, alias, abbreviation)]`` like the in-memory dict, answered from the index."""

    CACHE_SIZE = 50_000  # names asked about, kept with their answers; an article asks ~200, most repeated

    def __init__(self, reader: IndexReader) -> None:
        self.reader = reader
        self._cache: dict[str, list[tuple[int, bool, bool]]] = {}

    def get(self, key: str, default: list[tuple[int, bool, bool]] | None = None) -> list[tuple[int, bool, bool]] | None:
        found = self._cache.get(key)
        if found is None:
            found = [(row, bool(alias), bool(abbr)) for row, alias, abbr in self.reader.conn().execute(
                "SELECT row, alias, abbr FROM names WHERE key = ? ORDER BY rowid", (key,))]
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return list(found) or default

    def __len__(self) -> int:
        return int(self.reader.conn().execute("SELECT COUNT(DISTINCT key) FROM names").fetchone()[0])


class IndexedRows:
    """``row → columns`` like the in-memory list, answered from the index."""

    def __init__(self, reader: IndexReader) -> None:
        self.reader = reader

    def __getitem__(self, row: int) -> list[str]:
        found = self.reader.conn().execute("SELECT cols FROM rows WHERE row = ?", (row,)).fetchone()
        if found is None:
            raise IndexError(row)
        return str(found[0]).split("\t")
