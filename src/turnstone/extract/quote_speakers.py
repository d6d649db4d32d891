"""Resolve a speaker phrase ("Trump", "he", "the secretary", "the Kremlin") to an entity.

The entities stage owns coreference; when it offers ``entity_at(article, start, end)`` that is
asked first. Otherwise (and for what it cannot place) this module falls back to: an entity
whose mention overlaps the phrase; for a pronoun, the person who was last the subject of a
sentence or the last speaker; for "the <title>", the most recent entity with that title word.
With no entities at all (the blank pipeline) it still returns a clean name ("Donald Trump"
from "President Donald Trump") so that the quote keeps a readable speaker.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Article, Entity
from .quote_cues import NOT_NAMES, PERSON_TITLES_BEFORE_NAME, POSSESSIVES, PRONOUNS, ROLE_WORDS, TITLE_WORDS

LOGGER = logging.getLogger(__name__)

TYPE_RANK = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3, "FAC": 4, "LOC": 5, "EVENT": 6}
# Words that open sentences but never names.
STARTERS = {"The", "A", "An", "In", "On", "At", "But", "And", "So", "Yet", "It", "This", "That", "There",
            "When", "While", "After", "Before", "As", "If", "For", "With", "By", "From", "Still", "Now",
            "Then", "However", "Meanwhile", "Asked", "Speaking", "According", "Last", "Next", "Earlier",
            "Later", "Some", "Many", "Most", "Both", "Other", "Since", "During", "Despite", "Although",
            "Over", "Under", "Among", "Even", "Also", "Instead", "Only", "His", "Her", "Their", "Its",
            "Our", "We", "They", "He", "She", "I", "You", "What", "Why", "How", "Who", "Where", "Yes",
            "No", "Not", "Here", "These", "Those", "Such", "Like", "Unlike", "Thursday", "Monday",
            "Tuesday", "Wednesday", "Friday", "Saturday", "Sunday", "Today", "Yesterday"}
# First words of a role or description ("the spokesman", "its envoy"), not a name.
_DESCRIPTION_OPENERS = {"the", "a", "an"} | POSSESSIVES
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))(?:In [^,]{1,40}, )?([A-Z][^\s,.;:]*)")
NAME_RUN = re.compile(r"[A-Z][\w’'.\-]*(?:\s+(?:of\s+|de\s+|al-|bin\s+|van\s+|von\s+)?[A-Z][\w’'.\-]*)*")


@dataclass
class Resolved:
    entity: str | None
    name: str | None


@dataclass
class _Seen:
    pos: int
    entity: str | None
    name: str
    phrase: str
    plural: bool = False


def name_core(phrase: str) -> str:
    """The name inside a speaker phrase: titles, roles and descriptions removed. A capitalised
    word that modifies a lower-case head ('the Republican nominee', 'The narrator', 'One
    intelligence source') is no name: the phrase stays as it is."""
    phrase = re.split(r",| of the | of The | who | which ", phrase)[0].strip()
    phrase = re.sub(r"[’']s$", "", phrase)
    runs = [(m.end(), _without_possessive(m.group())) for m in NAME_RUN.finditer(phrase)]
    runs = [r for r in runs if r[1]]
    if not runs:
        return phrase
    end, last = runs[-1]
    if re.search(r"[a-z]", phrase[end:]):
        return phrase
    words = last.split()
    while len(words) > 1 and (words[0] in PERSON_TITLES_BEFORE_NAME or words[0].lower() in ROLE_WORDS):
        words.pop(0)
    return " ".join(words)


def _without_possessive(run: str) -> str:
    """A capitalised run without a sentence-initial possessive ('Its', 'His'): never a name."""
    words = run.split()
    while words and words[0].lower() in POSSESSIVES:
        words.pop(0)
    return " ".join(words)


def _entities_hook(name: str) -> Callable[[Article, int, int], Any] | None:
    """A helper of the entities stage (``entity_at``, ``resolve_reference``) when it has one."""
    try:
        from . import entities
    except ImportError:  # pragma: no cover - the module always exists in the package
        return None
    fn = getattr(entities, name, None)
    return fn if callable(fn) else None


class SpeakerResolver:
    """Resolves speaker phrases in reading order, remembering who spoke last."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.hook = _entities_hook("entity_at")
        # The entities stage's coreference for "he" and "the secretary", asked before our own.
        self.reference = _entities_hook("resolve_reference") if article.entities else None
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in article.entities for m in e.mentions), key=lambda x: x[0])
        self.history: list[_Seen] = []
        self.subjects = self._sentence_subjects()

    # -- what the text offers before a position -------------------------------------------
    def _sentence_subjects(self) -> list[tuple[int, str | None, str, str]]:
        """(position, entity id, name, kind) of names that open a sentence: likely subjects."""
        out: list[tuple[int, str | None, str, str]] = []
        for m in _SENTENCE_START.finditer(self.text):
            pos = m.start(1)
            run = NAME_RUN.match(self.text, pos)
            if not run:
                continue
            phrase = run.group()
            first = phrase.split()[0]
            if (first in STARTERS or first in NOT_NAMES) and len(phrase.split()) == 1:
                continue
            if len(phrase.split()) == 1 and phrase.lower().endswith(("ed", "ing", "ly")):
                continue  # "Reached by phone, …", "Speaking on Sunday, …"
            entity = self._overlapping(pos, run.end())
            if entity is not None:
                out.append((pos, entity.id, entity.name, entity.type))
            elif not self.article.entities:
                core = name_core(phrase)
                if core.split()[0] not in STARTERS:
                    out.append((pos, None, core, "PERSON?"))
        return out

    def _head(self, start: int, end: int, phrase: str) -> tuple[int, int]:
        """The span of the name a speaker phrase is about ('Brian Fallon' in 'Clinton
        spokesman Brian Fallon, who …'), or the phrase itself."""
        core = name_core(phrase)
        if core and core != phrase and core[0].isupper():
            at = phrase.rfind(core)
            if at >= 0:
                return (start + at, start + at + len(core))
        return (start, end)

    def _overlapping(self, start: int, end: int) -> Entity | None:
        best: tuple[int, int, Entity] | None = None
        for s, e, ent in self.mentions:
            if s >= end:
                break
            ov = min(e, end) - max(s, start)
            if ov > 0:
                # The head of an English noun phrase comes last: in "Clinton spokesman Brian
                # Fallon" the speaker is the last person named, not the first.
                key = (TYPE_RANK.get(ent.type, 9), -e)
                if best is None or key < best[:2]:
                    best = (key[0], key[1], ent)
        return best[2] if best else None

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Resolved:
        phrase = self.text[start:end]
        low = phrase.lower()
        got = self._resolve(start, end, phrase, low)
        if got.name:
            plural = low in {"they", "we"} or low.endswith("s") and low.split()[-1] in ROLE_WORDS
            self.history.append(_Seen(start, got.entity, got.name, low, plural))
        return got

    def _resolve(self, start: int, end: int, phrase: str, low: str) -> Resolved:
        start, end = self._head(start, end, phrase)
        phrase = self.text[start:end]
        low = phrase.lower()
        if self.hook is not None:
            try:
                ent = self.hook(self.article, start, end)
            except Exception:  # the hook is another stage's code; never let it sink quotes
                LOGGER.debug("entity_at failed for %r", phrase, exc_info=True)
                ent = None
            if ent is not None:
                return Resolved(ent.id, ent.name)
        words = low.split()
        if self.reference is not None and (low in PRONOUNS or (words and words[0] in _DESCRIPTION_OPENERS)):
            try:
                ent = self.reference(self.article, start, end)
            except Exception:  # another stage's code; fall back to ours
                LOGGER.debug("resolve_reference failed for %r", phrase, exc_info=True)
                ent = None
            if ent is not None:
                return Resolved(ent.id, ent.name)
        if low in PRONOUNS:
            return self._pronoun(start, low)
        ent = self._overlapping(start, end)
        if ent is not None:
            return Resolved(ent.id, ent.name)
        if words and words[0] in _DESCRIPTION_OPENERS and len(words) <= 4:
            got = self._description(start, words[-1])
            if got:
                return got
            return Resolved(None, phrase)
        core = name_core(phrase)
        ent = self._by_surname(core)
        if ent is not None:
            return Resolved(ent.id, ent.name)
        return Resolved(None, core or phrase)

    def _by_surname(self, core: str) -> Entity | None:
        last = core.split()[-1] if core.split() else ""
        if len(last) < 3:
            return None
        for e in self.article.entities:
            if e.type == "PERSON" and e.name.split()[-1] == last:
                return e
        return None

    def _pronoun(self, pos: int, low: str) -> Resolved:
        window = 1200  # characters: about two news paragraphs back
        if low in {"he", "she", "i"}:
            subjects = [s for s in self.subjects if pos - window < s[0] < pos and s[3] in {"PERSON", "PERSON?"}]
            seen = [h for h in self.history if pos - window < h.pos < pos and not h.plural]
            last_subj = subjects[-1] if subjects else None
            last_seen = seen[-1] if seen else None
            if last_subj and (last_seen is None or last_subj[0] > last_seen.pos):
                return Resolved(last_subj[1], last_subj[2])
            if last_seen:
                return Resolved(last_seen.entity, last_seen.name)
            people = [(s, ent) for s, _, ent in self.mentions if s < pos and ent.type == "PERSON"]
            if people:
                return Resolved(people[-1][1].id, people[-1][1].name)
            return Resolved(None, None)
        # they / it / we: an organisation, a group or a country
        seen = [h for h in self.history if pos - window < h.pos < pos and h.plural]
        groups = [(s, ent) for s, _, ent in self.mentions
                  if pos - window < s < pos and ent.type in {"ORG", "GPE", "NORP"}]
        if groups and (not seen or groups[-1][0] > seen[-1].pos):
            return Resolved(groups[-1][1].id, groups[-1][1].name)
        if seen:
            return Resolved(seen[-1].entity, seen[-1].name)
        return Resolved(None, None)

    def _description(self, pos: int, head: str) -> Resolved | None:
        """'the secretary', 'the president', 'the ministry': the latest entity fitting the head."""
        best: tuple[int, Entity] | None = None
        for s, e, ent in self.mentions:
            if s >= pos:
                break
            fits = head in (ent.title or "").lower().split() or head in self.text[s:e].lower().split() \
                or head in {w.lower() for w in self.text[max(0, s - 40):s].split()[-3:]} \
                or (ent.type != "PERSON" and head in ent.name.lower().split())
            if fits:
                best = (s, ent)
        seen = [h for h in self.history if h.pos < pos and head in h.phrase.split()]
        if best and (not seen or best[0] > seen[-1].pos):
            return Resolved(best[1].id, best[1].name)
        if seen:
            return Resolved(seen[-1].entity, seen[-1].name)
        if head in TITLE_WORDS:
            # A title before a name in the text ("Defense Secretary Pete Hegseth").
            for m in reversed(list(re.finditer(rf"\b{head}\b\s+((?:[A-Z][\w’'.\-]+\s?)+)", self.text[:pos],
                                               re.IGNORECASE))):
                core = name_core(m.group(1).strip())
                if core and core[0].isupper():
                    titled = self._by_surname(core)
                    return Resolved(titled.id if titled else None, titled.name if titled else core)
        return None
