"""The rule registry the TIMEX3 grammar is written in (:mod:`turnstone.extract.timex`).

A rule is a regular expression with a normaliser that turns a match into (type, value) against
an anchor date; rule modules register theirs in a :class:`RuleList`, and the order of the lists
(then of the rules in each) is the priority on equal-length overlaps. Shared helpers for
normalisers: the tense of the clause and the tense a preposition imposes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from .tense import Tense, tense_near
from .timex_anchor import Shift
from .timex_values import MONTHS

Context = tuple[str, int, int]  # (whole text, match start, match end) for tense look-ups
# (type, value) or (type, value, shift): a shifted value is recomputed from the text's reference
# time when it has one (see timex_anchor); the value given is the fallback, counted from the anchor.
Normalised = tuple[str, str | None] | tuple[str, str | None, Shift | None]
Normaliser = Callable[["re.Match[str]", dt.date | None, Context], Normalised | None]




@dataclass
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    # Words a match cannot do without, as groups of lower-case alternatives ("quarter|period"):
    # every group must have one in the paragraph for the rule to run there (see timex_scan). "#"
    # stands for a digit. Empty: the rule runs everywhere.
    needs: tuple[tuple[str, ...], ...] = ()


# Word groups rules need (lower-case substrings: "sep" also finds "Sept.", "day" every weekday).
DIGIT = "#"
MONTH_WORDS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
UNIT_WORDS = "second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur"


class RuleList(list[Rule]):
    """Rules in priority order; ``@rules.rule(name, pattern, needs=...)`` registers a normaliser."""

    def rule(self, name: str, pattern: str, flags: int = re.IGNORECASE,
             needs: tuple[str, ...] = ()) -> Callable[[Normaliser], Normaliser]:
        def register(fn: Normaliser) -> Normaliser:
            self.append(Rule(name, re.compile(pattern, flags), fn, tuple(tuple(g.split("|")) for g in needs)))
            return fn

        return register


TenseFn = Callable[[str, int, int], Tense]
# The tense reader for the call in progress: words near the expression by default, another when
# find_timexes is given one.
TENSE_READER: ContextVar[TenseFn] = ContextVar("timex_tense", default=tense_near)


def clause_tense(ctx: Context) -> Tense:
    """The tense of the clause around the match, by the reader of the call in progress."""
    return TENSE_READER.get()(*ctx)


SINCE = re.compile(r"\b(?:since|ever\s+since)\s+(?:(?:shortly|just|soon|right|days|weeks)\s+)?(?:after\s+|before\s+)?"
                   r"(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
UNTIL = re.compile(r"\b(?:until|till|pending|by|effective)\s+(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def preposition_tense(ctx: Context) -> Tense:
    """'since' dates what follows in the past whatever the verb; 'until' and 'by' (a deadline)
    and 'effective' (a start: TempEval-3's 'effective Dec. 7', 3 of 3) mostly in the future."""
    text, start, _ = ctx
    before = text[max(0, start - 40): start]
    if SINCE.search(before):
        return "past"
    if UNTIL.search(before):
        return "future"
    return None




def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]
