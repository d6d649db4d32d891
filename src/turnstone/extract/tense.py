"""The tense of the clause around a time expression, from the words near it.

Used to decide whether "on Friday" is the last or the coming Friday and which year a bare month
name belongs to. Works on plain text (no tagger needed): it reads the nearest verb-like cue in
the same clause, looking left first (the governing verb usually precedes the expression in news
English), then right; where no cue stands near, a future auxiliary governing the clause ("will host
talks between ... on Sunday") decides.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"] | None

# Cues for an event still to come: modals, plans and schedules.
FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+for|scheduled|slated|set\s+to|due\s+to|expected\s+to|"
    r"is\s+to|are\s+to|upcoming|next|to\s+be\s+held|to\s+meet|to\s+visit|to\s+vote|to\s+begin|to\s+start|"
    r"will\s+be|would\s+be\s+held|would\s+(?:happen|take\s+place|begin|start|meet|hold|visit|travel)|"
    r"due\s+(?:on|for|in)|set\s+for|intends?\s+to|hopes?\s+to|aims?\s+to|prepares?\s+to|preparing\s+to|coming|"
    r"as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|planned|planning|might|could|may|"
    # News reports what is past in the past tense: a schedule verb in the present dates a coming day
    # ("the council meets on Friday", "the truce expires Sunday").
    # Only forms that are seldom nouns: "at the close of business Friday" is no schedule.
    r"meet|meets|opens|begins|starts|resumes|convenes|visits|travels|returns|expires)\b",
    re.IGNORECASE,
)
# Common irregular past forms in news; regular ones end in -ed.
IRREGULAR_PAST = ["said", "told", "met", "spoke", "went", "came", "took", "made", "gave", "held", "left", "saw", "began", "fell", "rose", "won", "lost", "sent", "struck", "hit", "killed", "fled", "fought", "wrote", "read", "ran", "led", "brought", "bought", "sold", "paid", "found", "thought", "knew", "became", "broke", "chose", "drew", "drove", "flew", "grew", "kept", "meant", "rang", "sang", "sat", "shot", "slept", "spent", "stood", "stole", "swore", "threw", "took", "understood", "woke", "wore", "was", "were", "had", "did", "got", "heard", "felt", "dealt", "laid", "overtook", "withdrew", "began", "arrived", "seized", "sought", "taught", "caught", "beat", "bore", "forgot", "forgave", "hid", "lent", "rode", "shook", "slid", "spun", "split", "spread", "stuck", "stung", "strove", "swept", "swung", "tore", "undertook", "upheld", "wept", "wound"]
PAST_CUE = re.compile(r"\b(?:" + "|".join(IRREGULAR_PAST) + r"|\w{3,}ed|ago|last|earlier|previously)\b", re.IGNORECASE)
# Words ending in -ed that are not past-tense verbs often enough to mislead.
NOT_PAST = {"need", "needed", "speed", "feed", "seed", "bed", "red", "led", "united", "based", "alleged",
            "proposed", "planned", "scheduled", "expected", "supposed", "limited", "advanced", "armed",
            "detailed", "related", "concerned", "interested", "so-called", "called", "hundred", "indeed"}
FUTURE_PASSIVE = re.compile(r"\b(?:will|shall|'ll|to|would)\s+(?:not\s+)?be\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "had" a few words before a future cue: "had been scheduled to", "had originally planned to meet".
PAST_PERFECT = re.compile(r"\bhad\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# Cues further than this many characters from the expression belong to another verb phrase
# ("The president put emphasis on ... meeting in Munich on Friday": "put" does not date Friday).
MAX_CUE_DISTANCE = 45
# A full stop ends a sentence unless it ends a clock time or a title ("6 a.m. Friday", "Gen. Smith").
SENTENCE_STOP = (r"(?<!\b[ap])(?<![ap]\.m)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bGen)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bSt)"
                 r"(?<!\bU\.S)(?<!\bU\.N)\.")
CLAUSE_BREAK = re.compile(SENTENCE_STOP + r"|[;!?\n]|,\s+(?:but|and|while|which|who|where|when)\b|\b(?:but|while|which|after|before)\b")


# A determiner (and an adverb) right before an -ed word makes it an adjective, not a past verb:
# "on a still unspecified date", "the troubled region", "an armed group".
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|your|my)\s+(?:\w+ly\s+|still\s+)?$",
                               re.IGNORECASE)


def _past_verb(text: str, m: re.Match[str]) -> bool:
    """Whether the PAST_CUE match ``m`` is a past cue: not a word that seldom is one, nor an -ed
    word used as an adjective after a determiner."""
    word = m.group(0).lower()
    if word in NOT_PAST:
        return False
    return not (word.endswith("ed") and word not in IRREGULAR_PAST and DETERMINER_BEFORE.search(text, 0, m.start()))


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause left and right of a span, cut at sentence and clause breaks."""
    left = text[max(0, start - 120): start]
    breaks = list(CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end: end + 80]
    cut = CLAUSE_BREAK.search(right)
    if cut:
        right = right[: cut.start()]
    return left, right


def tense_near(text: str, start: int, end: int) -> Tense:
    """'past', 'future' or None for the clause holding ``text[start:end]``."""
    left, right = _clause(text, start, end)
    cues: list[tuple[int, Tense]] = []  # (distance, tense)
    for m in FUTURE_CUES.finditer(left):
        # "had been scheduled to expire Friday": a plan in the past perfect speaks of a time gone by
        planned_before = PAST_PERFECT.search(left[: m.start()])
        cues.append((len(left) - m.end(), "past" if planned_before else "future"))
    for m in PAST_CUE.finditer(left):
        if _past_verb(left, m):
            # "will be held", "is to be signed": a participle after a future auxiliary is no past
            future = FUTURE_PASSIVE.search(left[: m.start()])
            cues.append((len(left) - m.end(), "future" if future else "past"))
    cues = [c for c in cues if c[0] <= MAX_CUE_DISTANCE]
    if cues:
        return min(cues, key=lambda c: c[0])[1]
    governing = _future_auxiliary(left)
    # With a future auxiliary governing the clause, a verb after a comma is another clause's:
    # "Qatar will host the talks in Doha on Sunday, officials said."
    reach = right.find(",") if governing and "," in right else len(right)
    for m in FUTURE_CUES.finditer(right, 0, reach):
        cues.append((m.start(), "future"))
    for m in PAST_CUE.finditer(right, 0, reach):
        if _past_verb(right, m):
            cues.append((m.start(), "past"))
    cues = [c for c in cues if c[0] <= MAX_CUE_DISTANCE]
    if cues:
        return min(cues, key=lambda c: c[0])[1]
    return governing


# The auxiliary that makes a whole clause future: "Qatar will host talks between the two delegations
# in its capital on Sunday" is dated by "will" however long the object between them.
FUTURE_AUXILIARY = re.compile(r"\b(?:will|won't|shall|'ll|wo\s+n't|(?:is|are)\s+(?:going|set|due|expected|scheduled)\s+to)\b",
                              re.IGNORECASE)


def _future_auxiliary(left: str) -> Tense:
    """'future' when the clause left of the expression is governed by a future auxiliary with no
    past-tense verb after it; read only where no cue stands near the expression."""
    last = None
    for last in FUTURE_AUXILIARY.finditer(left):
        pass
    if last is None:
        return None
    for m in PAST_CUE.finditer(left, last.end()):
        if _past_verb(left, m) and not FUTURE_PASSIVE.search(left[: m.start()]):
            return None
    return "future"
