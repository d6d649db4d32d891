"""Places: place names found in the text and resolved to GeoNames records.

Mentions come from the entity recogniser (GPE/LOC/FAC entities) when the model has one, and from
gazetteer matching over the capitalised words no entity covers. Each mention is resolved among same-named places by
(1) an explicit "Town, State" qualifier, (2) the countries and states the rest of the article is
about, (3) population and kind of place; the article's country alone never makes a small namesake
beat a national capital or a city of a million ("Rome" stays Rome, Italy). A generic head after a
name joins it ("Kursk region", "Matsu islands": place_heads). Adjectives ("a Ukrainian city") are never places, and a
place name acting as a government ("Washington said", "Moscow warned") is an actor, not a
location.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from ..model import Article, Place
from ..pipeline import stage
from .gazetteer import Candidate, GazEntry, Gazetteer, capitals, gazetteer, prior
from .place_heads import with_generic_heads
from .place_roles import LOCATIVE, is_actor
from .times import sentence_bounds

LOGGER = logging.getLogger(__name__)

# Context weights, in log10-population units (tuned on TR-News, evals/places_trnews.py).
QUALIFIER_BONUS = 6.0  # "Paris, Texas": the qualifier names the state or country
COUNTRY_CONTEXT_BONUS = 2.5  # the article is about this place's country
ADMIN1_CONTEXT_BONUS = 1.5  # ... and about its state or province
# What a bare name means in news, when nothing in the article says otherwise.
BARE_NAME_MEANS = {"washington": 4140963, "new york": 5128581, "georgia": 614540}
BARE_NAME_BONUS = 3.0
CONFIDENT_MARGIN = 3.0  # a reading this far ahead of any other country's votes for its country
CONTEXT_ROUNDS = 2
# Small towns found without NER need a cue before we believe a capitalised word is a place.
SMALL_TOWN = 100_000
BIG_CITY = 1_000_000  # other names of cities this big ("Kiev", "Bombay") stand alone
# A namesake this many times smaller than a capital or a city of a million gets no help from the
# article's country alone ("Rome" in a story about the U.S. is still Rome, Italy).
DOMINATED_RATIO = 30
LOCAL_STORY_VOTES = 2  # other places in its state that make a story local to it ("New York" alone is not)

WORD = r"[A-Z][\w'’.\-]*[\w.]|[A-Z]"
CONNECTOR = r"(?:of|de|del|da|do|du|la|le|el|al|upon|on|the|and)"
CAP_RUN = re.compile(rf"(?:{WORD})(?:[ \t]+(?:{CONNECTOR}[ \t]+)*(?:{WORD}))*")
# Where a run of capitalised words breaks into pieces: connectors, and a sentence's end ("in Khan
# Younis. Ships ..."; "U.S." and "St." are no sentence ends: too short).
PIECE_SEP = re.compile(rf"(?<=[a-z]{{3}}\.)[ \t]+|[ \t]+(?:{CONNECTOR}[ \t]+)+")
POSSESSIVE = re.compile(r"['’]s?$")
NOT_PLACE_WORDS = {
    "president", "secretary", "minister", "general", "gen", "director", "ambassador", "envoy", "senator", "governor",
    "mayor", "chief", "king", "queen", "prince", "pope", "god", "christmas", "easter", "mr", "mrs", "ms", "dr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "click", "read",
    "state", "house", "senate", "congress", "parliament", "police", "army", "university", "street", "news", "time",
    "war", "peace", "death", "destruction", "hope", "justice", "liberty", "independence", "union", "republic",
    "city", "china town", "nation", "nations", "west", "east", "north", "south", "central", "mission", "victory",
    "commerce", "progress", "enterprise", "unity", "harmony", "friendship", "concord", "providence",
}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    candidates: list[Candidate]
    qualifier: list[GazEntry] = field(default_factory=list)  # "Town, <qualifier>"
    cue: bool = False  # preceded by a locative word or qualified
    from_ner: bool = False
    area: bool = False  # a county or district named by its suffix; may have no candidates
    unknown_kind: str = "area"  # what an NER place missing from the gazetteer is called ("facility" for FAC)
    office: bool = False  # opens the name of an office or force: "Edmonton" in "Edmonton Police Service"
    head: bool = False  # grew over a generic head ("Kursk region"): a place, never a government acting


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    m = POSSESSIVE.search(span)
    if m and len(span) > 3:
        end -= len(m.group(0))
        span = text[start:end]
    if span.lower().startswith("the "):
        start += 4
    return start, end


# Words that make an unknown name a place all the same ("Church Street", "Penn Park").
PLACE_WORD = re.compile(
    r"\b(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Square|Park|Airport|Hospital|Church|Cathedral|Mosque|"
    r"Temple|Bridge|Valley|River|Lake|Mountains?|Mount|Island|Islands|Bay|Coast|Harbou?r|Port|Station|Camp|Base|"
    r"District|Province|County|Region|Village|Town|City|Hall|Palace|Stadium|Prison|Jail|Border|Crossing|Desert|"
    r"Sea|Ocean|Gulf|Strait|Peninsula|Plains?|Heights|Hills?|Forest|Canal|Dam|Museum|Gallery|University|School)\b")
# An office, force or title after a place name in an entity: "Plymouth County Sheriff" → Plymouth County.
TRAILING_OFFICE = re.compile(r"\s+(?:Sheriff|Police|Mayor|Governor|Council|Government|Department|Office|Officials?)$")


def _mentions_from_ner(article: Article, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    doc = article.doc
    person_words = {w.strip(".,'’") for e in doc.ents if e.label_ == "PERSON" and " " in e.text
                    for w in e.text.split()}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP") and "\n" not in ent.text and _settlement_named(article, ent, gaz, out):
            continue
        if ent.label_ not in ("GPE", "LOC", "FAC") or "\n" in ent.text:
            continue
        start, end = _clean(article.text, ent.start_char, ent.end_char)
        trailing = TRAILING_OFFICE.search(article.text[start:end])
        if trailing:
            end -= len(trailing.group(0))
        name = article.text[start:end]
        if not name or gaz.is_adjective(name) or name.lower() in NOT_PLACE_WORDS:
            continue
        cands = [c for c in gaz.lookup(name) if not c.abbreviation]
        area = None if cands else area_candidates(name, gaz)
        if not cands and area is None and not (ent.label_ == "FAC" or PLACE_WORD.search(name)):
            continue  # an unknown name with nothing place-like about it: more often an NER slip than a place
        m = Mention(start, end, name, cands or area or [], from_ner=True, area=area is not None,
                    unknown_kind="facility" if ent.label_ == "FAC" else "area")
        if " " not in name and name in person_words and not LOCATIVE.search(article.text[max(0, start - 30):start]):
            continue  # "Georgia", first name of the skater "Georgia Stevens"
        # Unknown names stay, with no candidates: resolution places them in the article's state or country.
        out.append(m)
    return out


# "the town of X", "the village of X": whatever the NER calls X, it is a settlement.
SETTLEMENT_OF = re.compile(r"\b(?:town|village|city|hamlet|settlement|port|suburb)\s+of\s+$", re.IGNORECASE)


def _settlement_named(article: Article, ent: Span, gaz: Gazetteer, out: list[Mention]) -> bool:
    """A name the NER read as a person or group right after "the town of": a town, known or not."""
    if not SETTLEMENT_OF.search(article.text[max(0, ent.start_char - 20): ent.start_char]):
        return False
    start, end = _clean(article.text, ent.start_char, ent.end_char)
    name = article.text[start:end]
    cands = [c for c in gaz.lookup(name) if c.entry.feature == "city" and not c.abbreviation]
    out.append(Mention(start, end, name, cands, cue=True, from_ner=True, unknown_kind="city"))
    return True


# Capitalised words that open a sentence or headline before a place name.
OPENERS = {"overall", "meanwhile", "today", "yesterday", "now", "also", "but", "and", "so", "then", "still", "outside",
           "inside", "across", "near", "throughout", "despite", "after", "before", "while", "like", "unlike",
           "one", "two", "three", "many", "several", "some", "most", "all", "every", "each"}

# "University of Texas", "Bank of England": the part after "of" names an organisation, not a place.
ORG_HEAD = re.compile(r"(?:University|College|Institute|Bank|Church|Department|Ministry|Council|Museum|School|"
                      r"Academy|Society|Association|Foundation|Company|Corporation|Court|Hospital|Party|Office|Board|Agency|Service|"
                      r"Authority|Commission|Committee|Bureau|Center|Centre|Bank)$")


def _mentions_from_gazetteer(text: str, gaz: Gazetteer) -> list[Mention]:
    """Capitalised names that are place names as a whole ("Munich", "Bosnia and Herzegovina").

    A run of capitalised words is split at connectors ("of", "and", "on" …); a place must cover
    whole pieces, so "Marco Rubio" or "Munich Security Conference" never yield a town.
    """
    out: list[Mention] = []
    person_words: set[str] = set()  # words of multi-word names that are not places: "John Burton" → Burton
    for run in CAP_RUN.finditer(text):
        words = run.group(0).split()
        if 2 <= len(words) <= 3 and not gaz.lookup(run.group(0)) and all(w[:1].isupper() for w in words):
            person_words.update(w.strip(".,'’") for w in words)
        pieces = []  # (start, end) of capitalised groups between connectors
        pos = run.start()
        first = re.match(r"\S+[ \t]+", run.group(0))
        if first and first.group(0).strip().lower() in STOP_WORDS | OPENERS:
            pos += first.end()  # "In Canada", "One Edmonton resident": a capitalised opener is no part of the name
        for sep in PIECE_SEP.finditer(run.group(0)):
            pieces.append((pos, run.start() + sep.start()))
            pos = run.start() + sep.end()
        pieces.append((pos, run.end()))
        pieces = [_without_opener(text, start, end) for start, end in pieces]
        for start, end in pieces:
            _modifier_place(text, start, end, gaz, out)
        i = 0
        while i < len(pieces):
            found = None
            for j in range(min(len(pieces), i + 4) - 1, i - 1, -1):  # longest first
                if i > 0 and ORG_HEAD.search(text[pieces[i - 1][0]:pieces[i - 1][1]]):
                    break
                m = _lookup_span(text, pieces[i][0], pieces[j][1], gaz)
                if m:
                    found = (j, m)
                    break
            if found and not _person_word(found[1], person_words):
                out.append(found[1])
                i = found[0] + 1
            else:
                i += 1
    return out


def _without_opener(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece after a sentence's end may open with its own opener: "... on Friday. In Rome"."""
    first = re.match(r"\S+[ \t]+", text[start:end])
    if first and start > 0 and first.group(0).strip().lower() in STOP_WORDS | OPENERS:
        return start + first.end(), end
    return start, end


# Heads that make a leading place name a place: "Edmonton police", "U.S. President", "Kyiv Mayor".
OFFICE_HEAD = re.compile(
    r"^[ \t]+(?:President|Prime|Minister|Secretary|Ambassador|Embassy|Consulate|Police|Army|Navy|Forces|Military|"
    r"Government|Parliament|Senate|Governor|Mayor|Premier|Foreign|Defence|Defense|Interior|Border|Coast|Guard|"
    r"Capital|Region|Highway|Airport|International\s+Airport|Province|Provincial|County|City\s+Council|Fire|"
    r"Sheriff|State\s+Police|Attorney|Chief|Officials?|Troops|Soldiers)\b")


def _modifier_place(text: str, piece_start: int, piece_end: int, gaz: Gazetteer, out: list[Mention]) -> None:
    """A place that opens a longer name of an office or force ("Edmonton Police Service") is a place."""
    words = list(re.finditer(r"\S+", text[piece_start:piece_end]))
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        start, end = piece_start + words[0].start(), piece_start + words[n - 1].end()
        if not OFFICE_HEAD.match(text[end: end + 30]):
            continue
        m = _lookup_span(text, start, end, gaz)
        if m and any(c.entry.feature != "city" or c.entry.population >= SMALL_TOWN for c in m.candidates):
            m.cue = m.office = True
            out.append(m)
            return


def _person_word(m: Mention, person_words: set[str]) -> bool:
    """A lone town name that is also a word of a person's name in this article ("Burton said")."""
    return (m.text in person_words and " " not in m.text
            and all(c.entry.feature == "city" and c.entry.population < 500_000 for c in m.candidates))


def _lookup_span(text: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    start, end = _clean(text, start, end)
    name = text[start:end]
    if not name or name.isupper() and len(name) > 4 and _all_caps_line(text, start):
        return None  # headlines in capitals
    key = name.lower().rstrip(".") if not name.endswith(".") or len(name) > 6 else name.lower()
    if key in NOT_PLACE_WORDS or (key in STOP_WORDS and not name.isupper()) or gaz.is_adjective(name):
        return None  # "Spanish", "Canadian": adjectives, not the towns of that name
    cands = gaz.lookup(name)
    if not cands and name.endswith("."):  # a sentence's full stop, not an abbreviation's
        end -= 1
        name = text[start:end]
        cands = gaz.lookup(name)
    if not cands:
        return _area_mention(text, start, end, gaz)
    # "Ky.", "KY": a state only right after "Town, ", written as an abbreviation is written.
    after_comma = text[max(0, start - 2): start] == ", " and (name.isupper() or name.endswith("."))
    cands = [c for c in cands if not c.abbreviation or after_comma]
    return Mention(start, end, name, cands) if cands else None


# "Metcalfe County", "Karak district": an area below the state, which the gazetteer lacks.
AREA_SUFFIX = re.compile(r"^(?P<stem>.+?)\s+(?:County|Co\.|Parish|District|Province|Region|Oblast|Governorate)$",
                         re.IGNORECASE)


def area_candidates(name: str, gaz: Gazetteer) -> list[Candidate] | None:
    """For a county or district name: towns sharing its stem (maybe none); None if not such a name."""
    m = AREA_SUFFIX.match(name)
    if not m or m.group("stem").lower() in NOT_PLACE_WORDS:
        return None
    return [c for c in gaz.lookup(m.group("stem")) if c.entry.feature == "city"]


def _area_mention(text: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """A county or district: its seat town when one shares its name, else (at resolution) the state."""
    cands = area_candidates(text[start:end], gaz)
    return None if cands is None else Mention(start, end, text[start:end], cands, cue=True, area=True)


def _all_caps_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _attach_qualifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Paris, Texas' / 'Edmonton, Alta.': the second names the first's state or country."""
    kept: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    for i, m in enumerate(mentions):
        before = text[max(0, m.start - 30): m.start]
        if LOCATIVE.search(before):
            m.cue = True
        nxt_start = m.end + 2
        nxt = by_start.get(nxt_start)
        if text[m.end: m.end + 2] == ", " and nxt is not None:
            quals = [c.entry for c in nxt.candidates if c.entry.feature in ("admin1", "country")]
            if quals and (m.area or any(c.entry.feature == "city" for c in m.candidates)):
                m.qualifier = quals
                m.cue = True
                nxt.cue = True
        kept.append(m)
    return kept


def _major_population(cands: list[Candidate]) -> int:
    """The population of the mention's world city (a national capital or a city of a million), else 0."""
    caps = capitals()
    return max((c.entry.population for c in cands if c.entry.feature == "city"
                and (c.entry.population >= BIG_CITY or (c.entry.country, c.entry.name) in caps)), default=0)


def _score(m: Mention, cand: Candidate, countries: Counter[str], admins: Counter[tuple[str, str]],
           major: int = 0) -> float:
    e = cand.entry
    score = prior(cand)
    qualified = any(q.country == e.country and (q.feature == "country" or q.admin1 == e.admin1) for q in m.qualifier)
    if qualified:
        score += QUALIFIER_BONUS
    dominated = e.feature == "city" and e.population * DOMINATED_RATIO < major
    if dominated and not qualified and admins.get((e.country, e.admin1), 0) < LOCAL_STORY_VOTES:
        return score  # only the text ("Rome, Ga.") or a story about its state makes a small namesake win
    if countries.get(e.country):
        score += COUNTRY_CONTEXT_BONUS
    if e.feature == "city" and admins.get((e.country, e.admin1)):
        score += ADMIN1_CONTEXT_BONUS
    if BARE_NAME_MEANS.get(m.text.lower()) == e.geonameid:
        score += BARE_NAME_BONUS
    return score


def _votes(m: Mention, e: GazEntry, scores: list[tuple[float, Candidate]]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """What one resolved mention says about the article's countries and states."""
    c: Counter[str] = Counter()
    a: Counter[tuple[str, str]] = Counter()
    others = [sc for sc, cand in scores if cand.entry.country != e.country]
    margin = scores[0][0] - max(others) if others else CONFIDENT_MARGIN
    # Only confident picks vote: one country among the candidates, a clear winner, a country or state.
    if margin >= CONFIDENT_MARGIN or e.feature in ("country", "admin1") or m.qualifier:
        if e.country:
            c[e.country] += 1
        if e.feature in ("admin1", "city") and e.admin1:
            # Naming the state itself makes a story local to it as much as two of its towns do.
            # ("New York", "Washington" are also cities: no stronger than one town).
            plain_state = e.feature == "admin1" and not any(
                c.entry.feature == "city" and c.entry.population >= SMALL_TOWN for _, c in scores)
            a[(e.country, e.admin1)] += LOCAL_STORY_VOTES if plain_state else 1
    return c, a


ADJECTIVE = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\b")


def adjective_context(text: str, gaz: Gazetteer) -> Counter[str]:
    """Countries the article's adjectives point to ("Canadian police", "a Turkish court"): context, not places."""
    found: Counter[str] = Counter()
    for m in ADJECTIVE.finditer(text):
        if gaz.is_adjective(m.group(0)):
            for e in gaz.demonym(m.group(0))[:1]:
                found[e.country] += 1
    return found


def resolve(mentions: list[Mention], context: Counter[str] | None = None) -> list[tuple[Mention, GazEntry]]:
    """Pick one place per mention, using the article's other places as context.

    Starts from each name's prior reading, then re-reads every mention in the light of what the
    others say (a few rounds, each mention's own vote left out), so that "London" in an article
    about Ontario is London, Ontario.
    """
    picks: list[GazEntry | None] = []
    votes: list[tuple[Counter[str], Counter[tuple[str, str]]]] = []
    countries: Counter[str] = Counter(context or {})
    admins: Counter[tuple[str, str]] = Counter()
    for _ in range(CONTEXT_ROUNDS):
        new_picks: list[GazEntry | None] = []
        new_votes: list[tuple[Counter[str], Counter[tuple[str, str]]]] = []
        for i, m in enumerate(mentions):
            mine = votes[i] if votes else (Counter(), Counter())
            ctx_c, ctx_a = countries - mine[0], admins - mine[1]
            cands = m.candidates
            if m.area:  # a county's namesake town counts only inside the state the text is about
                cands = [c for c in cands if _in_context(m, c.entry, ctx_a)]
            if not cands:
                new_picks.append(_containing_area(m, ctx_c, ctx_a))
                new_votes.append((Counter(), Counter()))
                continue
            major = _major_population(cands)
            scores = sorted(((_score(m, c, ctx_c, ctx_a, major), c) for c in cands), key=lambda x: -x[0])
            new_picks.append(scores[0][1].entry)
            new_votes.append(_votes(m, scores[0][1].entry, scores))
        picks, votes = new_picks, new_votes
        countries, admins = Counter(context or {}), Counter()
        for c, a in votes:
            countries.update(c)
            admins.update(a)
    return [(m, e) for m, e in zip(mentions, picks) if e is not None]


def _in_context(m: Mention, e: GazEntry, admins: Counter[tuple[str, str]]) -> bool:
    if m.qualifier:
        return any(q.country == e.country and q.admin1 == e.admin1 for q in m.qualifier if q.feature == "admin1")
    return bool(admins.get((e.country, e.admin1)))


def _containing_area(m: Mention, countries: Counter[str], admins: Counter[tuple[str, str]]) -> GazEntry | None:
    """An unknown county or district placed in its named state, else the state the article is most about."""
    gaz = gazetteer()
    for q in m.qualifier:
        if q.feature == "admin1":
            return GazEntry(0, m.text, "admin2", q.country, q.lat, q.lon, 0, q.admin1)
    kind = "admin2" if m.area else m.unknown_kind
    # The article's main country first, then its most named state there.
    top_country = countries.most_common(1)[0][0] if countries else None
    ranked = sorted(admins.items(), key=lambda kv: (kv[0][0] != top_country, -kv[1]))
    for (country, admin1), _ in ranked:
        state = gaz.admin1.get((country, admin1))
        if state is not None:
            return GazEntry(0, m.text, kind, country, state.lat, state.lon, 0, admin1)
    if not m.area and countries:  # a facility or area we cannot find: at least its country
        top = gaz.countries.get(countries.most_common(1)[0][0])
        if top is not None:
            return GazEntry(0, m.text, kind, top.country, top.lat, top.lon, 0, "")
    return None


def _keep(m: Mention, e: GazEntry, countries: set[str]) -> bool:
    """Without NER, a small town or a town's other name needs a cue before a capitalised word is taken for it."""
    if m.from_ner or e.feature != "city":
        return True
    alias = any(c.alias for c in m.candidates if c.entry is e)
    if alias and e.population < BIG_CITY:  # "Drug" is an old name of Durg, India, and a common word; Kiev is Kyiv
        return m.cue or e.country in countries
    if e.population >= SMALL_TOWN:
        return True
    return m.cue or (e.country in countries and e.population >= 5_000)


PLACE_LABELS = ("GPE", "LOC", "FAC")
# A town taken or shelled: "M23 seized Goma", whatever the NER reads "Goma" as.
CAPTURED = re.compile(r"\b(?:seized|captured|took|retook|recaptured|stormed|overran|besieged|encircled|shelled|"
                      r"bombed|liberated|evacuated)\s+(?:the\s+)?$", re.IGNORECASE)


def _gazetteer_over_entities(text: str, m: Mention, overlapping: list[tuple[int, int, str]],
                             person_words: set[str], parsed: bool) -> str:
    """Whether a gazetteer name stands beside the entities it overlaps: "" (no), "free", "longer".

    Free of entities; an organisation named after an office keeps its place ("Kentucky State
    Police" → Kentucky); a known longer place name wins over a place entity inside it ("South China
    Sea" over "China"); a known place after a locative word wins over an entity of exactly its words
    read as a people or person ("in Khan Younis" tagged NORP), and so does a city of a million read
    as a person ("Kyiv was hit"), unless it is a word of a person's full name here; only with a
    parse, whose actor test then drops a person's uses ("Sydney said").
    """
    if not overlapping:
        return "free"
    if m.office and all((s, e) != (m.start, m.end) for s, e, _ in overlapping):
        return "free"
    if all(label in PLACE_LABELS and m.start <= s and e <= m.end and e - s < m.end - m.start
           for s, e, label in overlapping):
        return "longer"
    exact = [(s, e, label) for s, e, label in overlapping if (s, e) == (m.start, m.end)]
    if len(exact) != len(overlapping) or exact[0][2] not in ("NORP", "PERSON", "ORG") or gazetteer().is_adjective(m.text):
        return ""
    if exact[0][2] == "ORG" and (m.area or not any(c.entry.feature == "city" for c in m.candidates)):
        return ""  # "Box Elder School District": an organisation's name, whatever its place word
    if LOCATIVE.search(text[max(0, m.start - 30): m.start]) or (
            CAPTURED.search(text[max(0, m.start - 30): m.start]) and any(c.entry.feature == "city" for c in m.candidates)):
        return "free"
    big = any(c.entry.feature == "city" and c.entry.population >= BIG_CITY for c in m.candidates)
    return "free" if parsed and big and exact[0][2] == "PERSON" and m.text not in person_words else ""


def find_places(article: Article, keep_actors: bool = False) -> list[Place]:
    """Every place mention in the article, resolved; actors (unless ``keep_actors``) and adjectives left out."""
    gaz = gazetteer()
    doc = article.doc
    mentions: list[Mention] = []
    ents: list[tuple[int, int, str]] = []
    if doc is not None and doc.has_annotation("ENT_IOB"):
        mentions = _mentions_from_ner(article, gaz)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    # Words of people's full names ("Georgia" in "Georgia Stevens"): never read as a place over the NER.
    person_words = {w for s, e, label in ents if label == "PERSON" and " " in article.text[s:e]
                    for w in article.text[s:e].split()}
    # Names the entity recogniser left alone are looked up in the gazetteer; any entity (a person
    # "Georgia", an organisation "Munich Security Conference") keeps its words from being places.
    for m in _mentions_from_gazetteer(article.text, gaz):
        verdict = _gazetteer_over_entities(article.text, m, [x for x in ents if m.start < x[1] and x[0] < m.end],
                                           person_words, doc is not None and doc.has_annotation("DEP"))
        if verdict == "longer":  # "South China Sea" over the entity "China"
            mentions = [n for n in mentions if not (m.start <= n.start and n.end <= m.end)]
        if verdict:
            mentions.append(m)
    mentions = with_generic_heads(article.text, mentions, gaz)
    mentions = _attach_qualifiers(article.text, mentions)
    resolved = resolve(mentions, adjective_context(article.text, gaz))
    countries = {e.country for _, e in resolved if e.feature in ("country", "admin1")}
    places = []
    for m, e in resolved:
        if not keep_actors and not m.head and is_actor(article.text, article.doc, m.start, m.end) and e.feature in ("country", "city", "admin1", "landmark"):
            continue
        if not _keep(m, e, countries):
            continue
        places.append(to_place(m.start, m.end, m.text, e))
    return places


def to_place(start: int, end: int, text: str, e: GazEntry) -> Place:
    return Place(start=start, end=end, text=text, name=e.name, country=e.country or None,
                 geonames_id=e.geonames_id, lat=e.lat, lon=e.lon, feature=e.feature)


@stage("places", requires=("doc",), assigns=("places",))
def extract_places(article: Article) -> Article:
    article.places = find_places(article)
    return article


def place_for_span(article: Article, start: int, end: int) -> Place | None:
    """The place the clause around ``text[start:end]`` names ("met in Munich" → Munich), else None.

    Prefers a place inside the span, then one introduced by a locative word ("in", "near"),
    then the nearest in the same sentence; countries rank below cities and regions, since an
    event's country is often its actor's too.
    """
    places = article.places or find_places(article)
    s_start, s_end = sentence_bounds(article, start, end)
    best: tuple[tuple[int, int, int], Place] | None = None
    for p in places:
        if p.start < s_start or p.end > s_end:
            continue
        inside = p.start >= start and p.end <= end
        locative = bool(LOCATIVE.search(article.text[max(0, p.start - 30): p.start]))
        distance = 0 if inside else min(abs(p.start - end), abs(start - p.end))
        key = (0 if locative else 1, 0 if p.feature != "country" else 1, distance)
        if not inside and not locative:
            key = (2, key[1], distance)
        if best is None or key < best[0]:
            best = (key, p)
    return best[1] if best else None
