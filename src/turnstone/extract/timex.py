"""Find temporal expressions in English news text and give them TIMEX3 values.

A small rule grammar in the spirit of HeidelTime: each rule is a regular expression with a
normaliser that turns the match into a (type, value) pair against an anchor date (the article's
publication date). We measured dateparser on the shapes news uses (``evals/time_tempeval3.py``)
and it misses "nearly three years ago", reads "a day after" as anchor+1 and has no notion of
durations, sets, quarters or tense, so the grammar is our own; only the arithmetic is library code.

Values follow TIMEX3: ``2025-02-14``, ``2025-02``, ``2025``, ``2025-W07``, ``2025-Q1``,
``2025-SU``, ``199`` (a decade), ``2025-02-14TMO``, ``P3Y``, ``PT5H``, ``PRESENT_REF``. With no
anchor, expressions that need one keep ``value=None``.

The rules live in :mod:`.timex_calendar`, :mod:`.timex_holidays` and :mod:`.timex_relative` (registry in
:mod:`.timex_grammar`, vocabulary and arithmetic in :mod:`.timex_values`); this module runs them,
keeps the longest of overlapping matches, joins a month to the year beside it and lets
:mod:`.timex_anchor` count "a year earlier" from the time the text last named.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from .tense import tense_near
from .timex_anchor import PERIOD_END_BEFORE, Shift, anchor_to_reference
from .timex_calendar import CALENDAR
from .timex_grammar import TENSE_READER, Rule, TenseFn
from .timex_holidays import HOLIDAY_RULES
from .timex_relative import RELATIVE
from .timex_scan import ScanPlan

LOGGER = logging.getLogger(__name__)

# Priority on equal-length overlaps: calendar rules (more specific) before relative ones.
RULES: list[Rule] = [*CALENDAR, *HOLIDAY_RULES, *RELATIVE]


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


# Expressions whose words are time words but which are not time expressions.
# ("quarter-to-quarter comparison", "day-to-day running": a manner, not a time; "high noon" a
# showdown; "today's world", "today's youth", "the people of tomorrow": the present or coming age in
# general, which TempEval-3 leaves out wherever 'today's' or 'of tomorrow' is generic, 5 times in 5.)
NOT_TIME = re.compile(r"\b(?:may\s+day|the\s+times\b|new\s+year's\s+resolution|(day|week|month|quarter|year)-to-\1\b"
                      r"|high\s+noon|(?:today|tomorrow)['\u2019]s\s+(?:[a-z]+\s+)?(?:world|society|youth|young|generations?|children|kids|culture)\b"
                      r"|(?:world|society|people|leaders|generations?|children|cities|jobs|workers|weapons|technology|economy)\s+of\s+tomorrow\b)",
                      re.IGNORECASE)
# Scanned like a rule, over the lines holding one of its words only.
NOT_TIME_RULE = Rule("not_time", NOT_TIME, lambda m, anchor, ctx: None,
                     needs=(("may", "times", "resolution", "-to-", "noon", "today", "tomorrow"),))


def find_timexes(text: str, anchor: dt.date | None, tense: TenseFn | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, longest match first, normalised against ``anchor``.

    ``tense(text, start, end)`` tells whether the clause around an expression is past or future
    (for "on Friday", "in March"); by default it is read from the nearby words.
    """
    token = TENSE_READER.set(tense or tense_near)
    try:
        return _find(text, anchor)
    finally:
        TENSE_READER.reset(token)


def _find(text: str, anchor: dt.date | None) -> list[Timex]:
    found: list[tuple[int, int, str, str | None, int, Shift | None]] = []
    plan = ScanPlan(text)
    for priority, r in enumerate(RULES):
        for m in plan.matches(r):
            if m.end() == m.start():
                continue
            try:
                result = r.normalise(m, anchor, (text, m.start(), m.end()))
            except (KeyError, ValueError, OverflowError) as error:  # a malformed date in the text
                LOGGER.debug("rule %s failed on %r: %s", r.name, m.group(0), error)
                continue
            if result is None:
                continue
            start, end = _trim(text, m.start(), m.end())
            shift = result[2] if len(result) == 3 else None
            found.append((start, end, result[0], result[1], priority, shift))
    # Longest span wins; on equal length the earlier rule (more specific) wins.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[4], f[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str, str | None, Shift | None]] = []
    for start, end, kind, value, _, shift in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, kind, value, shift if anchor is not None else None))
    chosen.sort(key=lambda c: c[0])
    blocked = [m.span() for m in plan.matches(NOT_TIME_RULE)]
    chosen = [c for c in chosen if not _in_a_title(text, c[0], c[1])
              and not any(c[0] < e and s < c[1] for s, e in blocked)]
    chosen = _join_month_and_year(chosen, text)
    chosen = _add_second_days(chosen, text)
    values = anchor_to_reference([(text[start:end], kind, value, shift) for start, end, kind, value, shift in chosen],
                                 anchor, [bool(PERIOD_END_BEFORE.search(text, max(0, c[0] - 30), c[0])) for c in chosen])
    return [Timex(start, end, text[start:end], kind, value)
            for (start, end, kind, _, _), value in zip(chosen, values, strict=True)]


# Time words written in lower case in running text; capitalised inside a sentence they are part of
# a name: ABC's "This Week", CBS's "60 Minutes", "USA Today", the film "High Noon" ("Day" and
# "Year" are left out: holidays are written with them).
_LOWERCASE_TIME_WORDS = {"today", "tonight", "tomorrow", "yesterday", "now", "noon", "midnight", "week", "weeks",
                         "month", "months", "years", "days", "hour", "hours", "minute", "minutes"}
_SENTENCE_START = re.compile(r"(?:^|[.!?:;(\n_-])[\s\"'`]*$")


# Names of times that capitalise a time word themselves.
_CAPITALISED_TIME_NAMES = re.compile(r"\b(?:Easter|Holy)\s+Week\b")


def _in_a_title(text: str, start: int, end: int) -> bool:
    """Whether a time expression is part of a title or name by its capitals: a lower-case time
    word written Title-case inside the span, or as its first word where no sentence starts."""
    if _CAPITALISED_TIME_NAMES.search(text, start, end):
        return False
    for i, word in enumerate(re.findall(r"[A-Za-z]+", text[start:end])):
        if word.lower() not in _LOWERCASE_TIME_WORDS or not word.istitle():
            continue
        if i > 0 or not _SENTENCE_START.search(text[max(0, start - 40): start]):
            return not _in_a_headline(text, start)
    return False


def _in_a_headline(text: str, start: int) -> bool:
    """Whether the line holding ``start`` is written in title case ('Talks Resume Next Week')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in re.findall(r"[A-Za-z]+", text[line_start: line_end if line_end >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_MONTH_OR_SEASON = re.compile(r"^\d{4}-(?:\d{2}|SP|SU|FA|WI)$")
_YEAR_JOIN = re.compile(r"^,?\s+(?:of\s+)?$")


def _join_month_and_year(chosen: list[tuple[int, int, str, str | None, Shift | None]],
                         text: str) -> list[tuple[int, int, str, str | None, Shift | None]]:
    """'January nineteen ninety-seven', 'the winter of 1994' found as a month or season and a
    year beside it: one expression in that year."""
    out: list[tuple[int, int, str, str | None, Shift | None]] = []
    for item in chosen:
        if out:
            start, end, kind, value, _ = out[-1]
            year = item[3]
            if (value and _MONTH_OR_SEASON.match(value) and not re.search(r"\d", text[start:end])
                    and year and re.fullmatch(r"\d{4}", year) and _YEAR_JOIN.match(text[end:item[0]])):
                out[-1] = (start, item[1], kind, year + value[4:], None)
                continue
        out.append(item)
    return out


# "April 24 and 25", "March 3 to 5", "May 2-4": the second day of a pair or range, one more TIMEX3. Only
# where a clause goes on or ends after it, so "April 24 and 25 people" stays a count.
_SECOND_DAY = re.compile(r"(?:\s+(?:and|or|to|through)\s+|\s*[-\u2013]\s*)(\d{1,2})\b(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|for|when|with|and)\b)")
_FULL_DATE = re.compile(r"^(\d{4}-\d{2})-(\d{2})$")


def _add_second_days(chosen: list[tuple[int, int, str, str | None, Shift | None]],
                     text: str) -> list[tuple[int, int, str, str | None, Shift | None]]:
    """A day number joined to a month-day date ('on April 24 and 25'): that day of the same month."""
    out: list[tuple[int, int, str, str | None, Shift | None]] = []
    for i, (start, end, kind, value, shift) in enumerate(chosen):
        out.append((start, end, kind, value, shift))
        m = _SECOND_DAY.match(text, end)
        date = _FULL_DATE.match(value) if value and kind == "DATE" else None
        if not m or not date or not re.search(r"[A-Za-z]", text[start:end]):
            continue
        day = int(m.group(1))
        if not int(date.group(2)) < day <= 31 or (i + 1 < len(chosen) and chosen[i + 1][0] < m.end(1)):
            continue
        out.append((m.start(1), m.end(1), "DATE", f"{date.group(1)}-{day:02d}", None))
    return out


_ARTICLE_BEFORE_MODIFIER = re.compile(r"the\s+(?=[\w.]+-(?:second|minute|hour|day|week|month|year|decade)$)",
                                      re.IGNORECASE)
_LEADING = re.compile(r"^(?:for|over|in|on|at|during|since|until|by)\s+", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading preposition and trailing punctuation: TIMEX3 spans do not include them."""
    span = text[start:end]
    m = _LEADING.match(span)
    if m and not span.lower().startswith(("in the past", "in the future", "in the coming", "at present", "at the moment",
                                          "at least", "at most", "at this time")):
        start += m.end()
    m = _ARTICLE_BEFORE_MODIFIER.match(text, start, end)
    if m:  # "the 48-hour ultimatum": the article belongs to the noun, not to the duration
        start = m.end()
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return start, end
