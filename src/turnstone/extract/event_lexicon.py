"""The PLOVER trigger lexicon: loads ``data/plover_triggers.yaml`` and finds triggers in tokens.

Triggers are matched on lower-cased word forms generated from each entry's base form (and on
the token's lemma when the model provides one), so the lexicon works with the blank fallback
pipeline as well as with the trained model.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..analyze.doc_cache import token_values
from ..errors import KnowledgeBaseError
from ..model import PLOVER_TYPES

LOGGER = logging.getLogger(__name__)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~10x faster
LEXICON_PATH = Path(__file__).parent / "data" / "plover_triggers.yaml"
GAP = "..."
MAX_GAP = 4
VOWELS = set("aeiou")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry."""

    words: str
    pos: str
    event: str
    cameo: str
    mode: str | None = None
    recipient: tuple[str, ...] = ()
    reciprocal: bool = False
    needs: frozenset[str] = frozenset()
    needs_verb: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    content: str | None = None
    passive_role: bool = False
    needs_object_to: bool = False
    # a wrongdoing ("violated the truce") that is coded only when someone says it: an accusation
    # by the speaker against the clause's subject
    reported: bool = False
    # (forms of one word, or None for a gap) in order
    pattern: tuple[frozenset[str] | None, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class TriggerMatch:
    trigger: Trigger
    start: int  # token index in the Doc
    end: int    # exclusive
    head: int   # the token that carries the event (the last non-gap word for nouns, first for verbs)


def inflections(word: str) -> set[str]:
    """Regular English inflections of a base form (over-generation is harmless for matching)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS \
            and word[-3] not in VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("ize"):
        forms |= inflections(word[:-3] + "ise")
    return forms


def _words_list(values: Any) -> list[str]:
    """YAML 1.1 reads a bare ``on`` as True; turn such booleans back into the word."""
    return [("on" if v else "no") if isinstance(v, bool) else str(v) for v in values or []]


def _build(entry: dict[str, Any]) -> Trigger:
    if entry.get("event") not in PLOVER_TYPES:
        raise KnowledgeBaseError(f"trigger {entry.get('words')!r}: unknown PLOVER type {entry.get('event')!r}",
                                 source=str(LEXICON_PATH))
    pattern: list[frozenset[str] | None] = []
    for i, word in enumerate(str(entry["words"]).split()):
        if word == GAP:
            pattern.append(None)
            continue
        forms = inflections(word.lower())
        if i == 0:
            forms |= {f.lower() for f in entry.get("forms", [])}
        pattern.append(frozenset(forms))
    recipient = _words_list(entry.get("recipient"))
    return Trigger(
        words=str(entry["words"]), pos=entry.get("pos", "verb"), event=entry["event"], cameo=str(entry["cameo"]),
        mode=entry.get("mode"), recipient=tuple(recipient), reciprocal=bool(entry.get("reciprocal")),
        needs=frozenset(_words_list(entry.get("needs"))),
        needs_verb=frozenset(_verb_forms(_words_list(entry.get("needs_verb")))),
        unless=frozenset(_words_list(entry.get("unless"))), content=entry.get("content"),
        passive_role=bool(entry.get("passive_role")), needs_object_to=bool(entry.get("needs_object_to")),
        reported=bool(entry.get("reported")), pattern=tuple(pattern))


def _verb_forms(words: Sequence[str]) -> set[str]:
    irregular = {"strike": {"struck"}, "make": {"made"}, "carry": {"carried"}, "begin": {"began", "begun"}}
    out: set[str] = set()
    for w in words:
        out |= inflections(w) | irregular.get(w, set())
    return out


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> tuple[Trigger, ...]:
    """All triggers of a lexicon file; raises KnowledgeBaseError on an invalid entry."""
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or []
    return tuple(_build(e) for e in entries)


@lru_cache(maxsize=4)
def _index(path: Path = LEXICON_PATH) -> dict[str, list[Trigger]]:
    index: dict[str, list[Trigger]] = {}
    for trig in load_lexicon(path):
        first = trig.pattern[0]
        assert first is not None
        for form in first:
            index.setdefault(form, []).append(trig)
    return index


def find_triggers(span: Any, path: Path = LEXICON_PATH) -> list[TriggerMatch]:
    """Every lexicon match over a spaCy Span (overlapping matches are all returned); the words
    are read from the doc's cached word lists."""
    words = token_values(span.doc, "lower_")[span.start:span.end]
    lemmas = [(lemma or "").lower() for lemma in token_values(span.doc, "lemma_")[span.start:span.end]]
    index = _index(path)
    offset = span.start
    found: list[TriggerMatch] = []
    for i, word in enumerate(words):
        by_word, lemma = index.get(word), lemmas[i]
        by_lemma = index.get(lemma) if lemma != word else None
        if not by_word and not by_lemma:
            continue  # most words start no trigger
        for trig in (by_word or []) + (by_lemma or []):
            end = _match_rest(trig.pattern, words, lemmas, i + 1)
            if end is None:
                continue
            last = end - 1
            head = i if trig.pos == "verb" else last
            found.append(TriggerMatch(trig, offset + i, offset + end, offset + head))
    return found


def _match_rest(pattern: tuple[frozenset[str] | None, ...], words: list[str], lemmas: list[str],
                pos: int) -> int | None:
    gap = 0
    for part in pattern[1:]:
        if part is None:
            gap = MAX_GAP
            continue
        for j in range(pos, min(len(words), pos + gap + 1)):
            if words[j] in part or lemmas[j] in part:
                pos = j + 1
                break
            if words[j] in {".", ";", ",", "and", "but"}:
                return None
        else:
            return None
        gap = 0
    return pos
