"""The entities stage's working parts: mention candidates, entity groups, and attaching titles,
pronouns and bodies to them; the story's home country.

Split from ``entities`` to keep modules small; the rules are described there and in ``coref``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ..kb.resolve import Resolution, generic_name, scan
from ..kb.store import Actor, KnowledgeBase, norm
from .bodies import definite_bodies
from .coref import Ref, title_matches

# The home country must have at least a third of the top country's mentions; tuned on the seed
# article (USA vs RUS, 0.4 without the KB's people) and a wire story on India and Pakistan
# (the only unmarked country, Saudi Arabia, has 1 mention against 6).
HOME_SHARE = 3


@dataclass
class Candidate:
    """A mention before grouping, with what the text around it says."""

    start: int
    end: int
    label: str
    name_start: int  # where the bare name starts (after titles)
    resolution: Resolution | None = None
    cue: Resolution | None = None  # title/appositive around a person's name
    title_text: str | None = None
    marked: str | None = None  # a nationality before the title: "Russian" in "Russian President X"
    owner: str | None = None  # a possessive name before the title: "Trump" in "Trump's envoy, X"
    body: bool = False  # a country-qualified institution: "the Sudanese army"
    pronoun_owner: bool = False  # "Its spokesman, X": X serves the body the last sentence is about


@dataclass
class Group:
    label: str
    name: str
    key: tuple[str, str]
    mentions: list[Candidate] = field(default_factory=list)
    actor: Actor | None = None
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    extra: list[Ref] = field(default_factory=list)
    from_kb: bool = False

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else (self.extra[0].start if self.extra else 0)


def home_country(groups: list[Group]) -> str | None:
    """The story's home country: the most mentioned country that the text does not use to mark
    people as foreign. News names foreign officials with their nationality ("Russian President
    Vladimir Putin") and home officials without it ("President Donald Trump")."""
    counts: Counter[str] = Counter()
    for g in groups:
        if g.country and g.country != "IGO":
            counts[g.country] += len(g.mentions) + len(g.extra)
    marked = {c.marked for g in groups for c in g.mentions if c.marked}
    unmarked = Counter({k: v for k, v in counts.items() if k not in marked})
    best = (unmarked or counts).most_common(1)
    if not best or best[0][1] * HOME_SHARE < counts.most_common(1)[0][1]:
        return None  # a story about other countries (a wire report on India and Pakistan)
    return best[0][0]


def body_country(text: str, start: int, name_start: int, kb: KnowledgeBase, when: dt.date) -> str | None:
    """ "navy spokesperson X" after "the Philippine navy said": the country of the body the
    title names, from where the text last named that body with a country."""
    bodies = {norm(h.text) for h in scan(kb, text[start:name_start], when) if h.kind == "agent"}
    if not bodies:
        return None
    hits = scan(kb, text[:start], when)
    found = None
    for prev, hit in pairwise(hits):
        if hit.kind == "agent" and norm(hit.text) in bodies and prev.kind == "country" and \
                not text[prev.end:hit.start].strip(" '’s"):
            found = prev.code
    return found


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+|\n")


def sentence_starts(text: str) -> list[int]:
    """Where the sentences of ``text`` start, roughly: 0 and after each ".", "!", "?" (and a
    closing quote) followed by space, or a line break."""
    return [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]


def local_country(text: str, start: int, kb: KnowledgeBase, when: dt.date) -> str | None:
    """The last country named before ``start`` in its sentence or the two before it."""
    bounds = sentence_starts(text[:start])
    window = text[bounds[max(0, len(bounds) - 3)]:start]
    codes = [h.code for h in scan(kb, window, when) if h.kind == "country" and h.code != "IGO"]
    return codes[-1] if codes else None


def attach_refs(groups: list[Group], refs: list[Ref], text: str) -> None:
    """Attach title and pronoun references, in text order, to the entity each refers to."""
    home = home_country(groups)
    starts = sentence_starts(text)
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.kind == "title":
            target = title_target(groups, ref, home)
        else:
            target = speaker_of(groups, ref, text) or pronoun_target(groups, ref, starts)
        if target is not None:
            target.extra.append(ref)


def positions(g: Group) -> list[int]:
    return [c.start for c in g.mentions] + [r.start for r in g.extra]


def title_target(groups: list[Group], ref: Ref, home: str | None) -> Group | None:
    fits = [g for g in groups if g.label == "PERSON" and title_matches(g.title, ref.title_words)
            and any(p < ref.start for p in positions(g))]
    if ref.country:
        fits = [g for g in fits if g.country == ref.country]
    elif home and any(g.country == home for g in fits):
        fits = [g for g in fits if g.country == home]
    return max(fits, key=lambda g: max(p for p in positions(g) if p < ref.start), default=None)


def speaker_of(groups: list[Group], ref: Ref, text: str) -> Group | None:
    """For "NATO said its jets ...": the organisation or country named right before the speech verb."""
    if ref.said_at is None:
        return None
    return next((g for g in groups if g.label in ("ORG", "GPE") for c in g.mentions
                 if c.end <= ref.said_at and not text[c.end:ref.said_at].strip()), None)


def pronoun_target(groups: list[Group], ref: Ref, starts: list[int]) -> Group | None:
    labels = {"PERSON"}
    if ref.kind == "group":
        labels = {"ORG", "GPE"} if norm(ref.text) == "it" else {"ORG", "GPE", "NORP"}
    persons = [(p, g) for g in groups if g.label in labels for p in positions(g) if p < ref.start]
    if not persons:
        return None
    own = max(s for s in starts if s <= ref.start)
    same = sorted(((p, g) for p, g in persons if p >= own), key=lambda x: x[0])
    if same:
        return same[0][1]
    earlier = [s for s in starts if s < own]
    for s in reversed(earlier):
        nxt = min((x for x in starts if x > s), default=ref.start)
        inside = sorted(((p, g) for p, g in persons if s <= p < nxt), key=lambda x: x[0])
        if inside:
            return inside[0][1]
    return None


# -- the stage --------------------------------------------------------------------------------
# Verbs after a body that make it a speaker or actor ("the Indian army said", "... accused").
ACTS = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+|on\s+\w+\s+)?(?:said|says|added|announced|warned|denied|"
                  r"claimed|reported|accused|confirmed|ordered|called|stated|urged|rejected|condemned|launched|"
                  r"fired|attacked|struck|killed|arrested|detained|deployed|seized|shot|bombed|shelled)\b")


def attach_bodies(groups: list[Group], text: str, kb: KnowledgeBase, when: dt.date,
                  taken: list[tuple[int, int]]) -> None:
    """ "the army" refers to the latest "<country> army"; "The interior ministry said" with none
    before it names the home (or nearest) country's ministry."""
    home = home_country(groups)
    for start, end, noun in definite_bodies(text, kb):
        if any(s < end and start < e for s, e in taken):
            continue
        ref = Ref(start, end, text[start:end], "body")
        fits = [g for g in groups if g.label == "ORG" and norm(g.name).endswith(noun)
                and any(p < start for p in positions(g))]
        if fits:
            max(fits, key=lambda g: max(p for p in positions(g) if p < start)).extra.append(ref)
        elif ACTS.match(text[end:end + 30]):
            g = Group("ORG", noun, ("ORG", noun), sector=kb.agents.get(noun) or kb.titles.get(noun),
                      country=home or local_country(text, start, kb, when))
            g.extra.append(ref)
            groups.append(g)


# -- shared body names ("Senate", "Congress", "Democrats") ------------------------------------
_OWNER_BEFORE = [re.compile(r"([A-Z][\w.-]*" + more + r")(['’]s)?\s+$") for more in (r"\s[A-Z][\w.-]*", "")]


def own_shared_body(cand: Candidate, text: str, kb: KnowledgeBase, when: dt.date) -> None:
    """A shared name ("Senate", "Congress") right after another country's possessive or
    demonym is that country's body: the mention widens over the country word."""
    res = cand.resolution
    assert res is not None and res.actor is not None
    before = text[max(0, cand.start - 40):cand.start]
    for pattern in _OWNER_BEFORE:  # "South Korea's", "Rwanda's", "Philippine"
        m = pattern.search(before)
        hit = kb.country_of_word(m.group(1), exact_case=m.group(1)) if m else None
        if m is not None and hit is not None and (m.group(2) or hit[1] in ("demonym", "name")):
            start, owner = cand.start - len(m.group()), hit[0]
            break
    else:
        return
    if owner == res.actor.country:
        return
    cand.resolution = Resolution(text=text[start:cand.end], country=owner, sector=res.sector, type=res.type)
    cand.start = cand.name_start = start


def settle_shared_bodies(groups: list[Group], text: str) -> None:
    """A bare shared name ("the Senate", "Democrats") in a story whose actors are all of
    another country is that country's body: "the Senate" in a story about Manila is not the US
    Senate. A story that names any actor or place of the body's own country keeps the knowledge
    base's; places alone ("an aid bill for Ukraine") make no home."""
    shared = [g for g in groups if g.actor is not None and g.actor.generic and g.mentions and all(
        c.resolution is not None and c.resolution.actor is g.actor and any(generic_name(h) for h in c.resolution.hits)
        for c in g.mentions)]
    if not shared:
        return
    rest = [g for g in groups if g not in shared]
    home = home_country([g for g in rest if g.label not in ("GPE", "LOC", "FAC")])  # actors, not places
    for g in shared:
        if home and home != g.country and not any(o.country == g.country for o in rest):
            first = g.mentions[0]
            g.country, g.actor, g.from_kb = home, None, False
            g.name = re.sub(r"^(?i:the)\s+", "", text[first.name_start:first.end])


def pronoun_owner_country(groups: list[Group], text: str, start: int) -> str | None:
    """ "The Eastern Theater Command said ... Its spokesman, X, said": the country of the first
    organisation or country named in the sentence before the one at ``start`` (its subject)."""
    starts = sentence_starts(text)
    own = max(s for s in starts if s <= start)
    before = [s for s in starts if s < own]
    if not before:
        return None
    prev = before[-1]
    named = [(c.start, g) for g in groups if g.label in ("ORG", "GPE") and g.country
             for c in g.mentions if prev <= c.start < own]
    return min(named, key=lambda x: x[0])[1].country if named else None
