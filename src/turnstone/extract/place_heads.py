"""Place names with a generic head: "Kursk region", "Fujian province", "Matsu islands", "Taiwan Strait".

News writes the generic word in lower case ("the Donetsk region") or as part of the name ("North
Kivu Province"). The span should include it, and the name should resolve to the unit the head
names (the region, not its namesake city; the island group, not a town). The gazetteer knows many
such names whole ("Kursk region", "Taiwan Strait"); for the rest the head filters the stem's
candidates to the right kind of place.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from .gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from .places import Mention

LOGGER = logging.getLogger(__name__)

ADMIN_HEADS = {"region", "province", "oblast", "governorate", "state", "prefecture", "territory", "krai", "district"}
ISLAND_HEADS = {"island", "islands", "isles", "archipelago", "atoll", "shoal", "reef", "peninsula"}
WATER_HEADS = {"strait", "straits", "sea", "gulf", "bay", "channel", "lagoon"}
HEAD_AFTER = re.compile(r"^[ \t]+(" + "|".join(sorted(ADMIN_HEADS | ISLAND_HEADS | WATER_HEADS)) + r")\b",
                        re.IGNORECASE)
# Kinds of place each head may resolve to, best first.
HEAD_KINDS = {**{h: ("admin1", "region", "admin2") for h in ADMIN_HEADS},
              **{h: ("region", "admin2", "admin1", "country") for h in ISLAND_HEADS | WATER_HEADS}}
# "Washington state" is the state; "Rakhine state" too; "the Islamic State" is no head at all.
STATE_NOT_HEAD = re.compile(r"(?:islamic|united|member|nation|welfare|police|deep|head|city)$", re.IGNORECASE)


def extend_generic_head(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """Grow ``m`` over a following generic word and re-resolve it to the unit that word names.

    Returns True when the mention changed. The head is taken only when the whole name is known to
    the gazetteer, or the stem has a candidate of the head's kind (a region for "region", an island
    group for "islands"); otherwise the text keeps its stem and its old reading ("Donetsk" city
    stays a city when we know no Donetsk region).
    """
    found = HEAD_AFTER.match(text[m.end: m.end + 20])
    if not found:
        return False
    head = found.group(1).lower()
    if found.group(1)[0].isupper() and re.match(r"[ \t]+[A-Z]", text[m.end + found.end(): m.end + found.end() + 3]):
        return False  # "Kentucky State Police", "Gaza Strip Authority": the head opens an organisation's name
    if head == "state" and STATE_NOT_HEAD.search(m.text):
        return False
    end = m.end + found.end()
    whole = [c for c in gaz.lookup(text[m.start:end]) if not c.abbreviation]
    if whole:
        _grow(m, end, text, whole)
        return True
    kinds = HEAD_KINDS[head]
    of_kind = [c for c in m.candidates if c.entry.feature in kinds]
    if not of_kind:
        of_kind = [c for c in gaz.lookup(m.text) if c.entry.feature in kinds and not c.abbreviation]
    if of_kind:
        _grow(m, end, text, of_kind)
        return True
    if head in ADMIN_HEADS and any(c.entry.feature == "city" for c in m.candidates):
        # An oblast or province named after its capital, which we lack as a unit: the capital's
        # point is the best we have, and the span names what the text names.
        _grow(m, end, text, [c for c in m.candidates if c.entry.feature == "city"])
        return True
    return False


def _grow(m: Mention, end: int, text: str, candidates: list[Candidate]) -> None:
    m.end = end
    m.text = text[m.start:end]
    m.candidates = candidates
    m.cue = True
    m.area = False
    m.head = True


def with_generic_heads(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Grow names over their generic head ("Kursk region"), then keep one mention per span, longest first."""
    grown = [m for m in mentions if extend_generic_head(text, m, gaz)]
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if any(g.start <= m.start and m.end <= g.end and (g.start, g.end) != (m.start, m.end) for g in grown):
            continue  # inside a name that grew over its head ("Taiwan" in "Taiwan Strait")
        if kept and (kept[-1].start, kept[-1].end) == (m.start, m.end):
            continue  # the same name found twice (entity and gazetteer)
        kept.append(m)
    return kept
