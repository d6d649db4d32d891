"""Whether the parse's subject of a speech verb can be the one speaking.

The parser now and then hands a speech verb a subject no one could be: a time ('Tuesday',
'Last September', 'This spring'), a dateline ('RENO, Nev. —'), a word inside parentheses
('Sen. Sherrod Brown (D-OH)'), a relative or demonstrative pronoun ('who', 'These'), a stretch
with a verb of its own ('The Candidate is a natural born citizen by virtue'), or a plain thing
('The promise', 'His speech') where the pattern frame names a person. ``quote_parse`` then keeps
the pattern frame's phrase.
"""

from __future__ import annotations

import logging
from typing import Any

from ..kb.store import default_kb
from ..model import Article
from .quote_cues import ROLE_WORDS, TITLE_WORDS
from .timex_values import MONTHS, WEEKDAYS

LOGGER = logging.getLogger(__name__)

# The times stage's month and weekday names, and other words that name a time, not a speaker.
TIME_WORDS = set(MONTHS) | set(WEEKDAYS) | {
    "spring", "summer", "fall", "autumn", "winter", "week", "weekend", "month", "year", "day", "morning",
    "afternoon", "evening", "night", "today", "yesterday", "tonight", "tomorrow",
}
# Pronouns that point at a thing or stand for a clause: never the one quoted.
THING_PRONOUNS = {"who", "whom", "which", "that", "this", "these", "those", "what", "whatever", "there",
                  "something", "nothing", "everything", "anything"}
PERSONAL_PRONOUNS = {"he", "she", "i", "we", "they"}
# Common nouns, besides roles and titles, for whoever or whatever may be quoted: documents and
# publications that "say" things, and people named by what they are or do.
SPEAKING_NOUNS = {
    "editorial", "column", "op-ed", "study", "poll", "survey", "filing", "lawsuit", "complaint",
    "ruling", "article", "story", "book", "video", "release", "message", "post", "tweet", "platform",
    "bill", "resolution", "document", "transcript", "analysis", "review", "audit", "indictment",
    "order", "decision", "verdict", "opinion", "brief", "notice", "announcement", "narrator", "voice",
    "crowd", "audience", "family", "relative", "neighbor", "neighbour", "friend", "colleague", "parent",
    "child", "kid", "fan", "participant", "respondent", "delegate", "citizen", "ally", "opponent",
    "rival", "proponent", "advocate", "defender", "backer", "donor", "marcher", "demonstrator",
    "employee", "user", "victim", "survivor", "veteran", "person", "individual", "brother", "sister",
    "boy", "girl", "guy", "lady", "voter", "supporter", "critic", "official", "member", "candidate",
}


def _speaking_noun(word: str) -> bool:
    kb = default_kb()
    return (word in kb.agents or word in kb.titles or word in ROLE_WORDS or word in TITLE_WORDS
            or word in SPEAKING_NOUNS)


def _in_dateline(tok: Any) -> bool:
    """'RENO, Nev. —', 'COLUMBUS, OH,': a capitalised place among the first words of a line."""
    text = tok.doc.text
    before = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
    return len(before.split()) <= 2 and all(w.strip(",.").isupper() for w in before.split())


def _in_parentheses(tok: Any, cue_start: int) -> bool:
    """Inside parentheses that close before the cue: '(R-OH)' after a name, not a paragraph
    that is one parenthetical aside ('(Her spokeswoman said …)')."""
    text = tok.doc.text
    line = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
    if line.count("(") <= line.count(")"):
        return False
    between = text[tok.idx:cue_start] if cue_start > tok.idx else ""
    return between.count(")") > between.count("(")


def _mentions_over(article: Article, start: int, end: int) -> list[str]:
    """Entity types of the entity mentions that overlap [start, end)."""
    return [e.type for e in article.entities for m in e.mentions if m.start < end and start < m.end]


def plausible_subject(article: Article, head: Any, words: list[Any], pattern: tuple[int, int],
                      cue_start: int) -> bool:
    """Whether ``head`` (the parse's subject of the speech verb at ``cue_start``, ``words`` its
    name part) can be the speaker, given the pattern frame's speaker span ``pattern``."""
    low = head.text.lower()
    if low in TIME_WORDS or low in THING_PRONOUNS or not any(c.isalpha() for c in head.text):
        return False
    if head.text.isupper() and len(head.text) > 1 and head.ent_type_ in {"", "GPE", "LOC"} \
            and _in_dateline(head):
        return False
    if _in_parentheses(head, cue_start):
        return False
    if any(w.pos_ in {"VERB", "AUX"} and w.dep_ not in {"amod", "compound"} for w in words):
        return False  # a clause the parser took for a noun phrase
    if head.pos_ != "NOUN":
        return True
    lemma = head.lemma_.lower() or low
    if _speaking_noun(low) or _speaking_noun(lemma):
        return True
    # A name among the words up to the head ('Sanders' fundraising email'); one after it ('The
    # paradox of Nancy') does not make the thing a speaker.
    if _mentions_over(article, words[0].idx, head.idx + len(head.text)):
        return True
    # A plain thing ('The promise'): the speaker only when the pattern names no one either.
    said = article.text[pattern[0]:pattern[1]]
    return not (said.lower() in PERSONAL_PRONOUNS or "PERSON" in _mentions_over(article, *pattern))
