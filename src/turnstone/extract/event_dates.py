"""When an event happened: its date from the time stage, corrected for what the words say.

The time stage dates a span; here that date is checked against the sentence ("withdrew from the
2015 deal in 2018" is dated 2018, "will hold talks on Saturday" on Saturday, "two years ago" to
the month), and turned into the future/historical flags.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Article
from .times import WEEK_VALUE, calendar_value, date_for_span

YEARS_AGO = re.compile(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago\b", re.IGNORECASE)
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
OFFSET = re.compile(r"^P(\d+)([DW])$")


def _refine_date(article: Article, value: str | None, sent: Any, cand_start: int) -> str | None:
    """Month precision for "N years ago" (the time stage gives the year), and "a day after X"."""
    published = article.published[:10] if article.published else None
    if not published:
        return value
    try:
        pub = dt.date.fromisoformat(published)
    except ValueError:
        return value
    m = YEARS_AGO.search(sent.text)
    if value and len(value) == 4 and m:
        n = NUMBERS.get(m.group(0).split()[0].lower()) or int(m.group(0).split()[0])
        if pub.year - n == int(value):
            return f"{pub.year - n:04d}-{pub.month:02d}"
    if value is None:
        for t in article.times:
            if t.type != "DURATION" or not (sent.start_char <= t.start and t.end <= cand_start):
                continue
            after = article.text[t.end:t.end + 8].strip().lower()
            offset = OFFSET.match(t.value or "")
            if offset and after.startswith(("after", "before")):
                days = int(offset.group(1)) * (7 if offset.group(2) == "W" else 1)
                sign = -1 if after.startswith("after") else 1
                return (pub + dt.timedelta(days=sign * days)).isoformat()
    return value


# a future marker right before the trigger: "will hold talks", "is due to meet", "are expected to sign"
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|'ll|would|due\s+to|expected\s+to|scheduled\s+to|set\s+to|plans?\s+to|"
                           r"is\s+to|are\s+to)(?:\s+\w+){0,2}\s*$", re.IGNORECASE)


def _future_date(article: Article, sent: Any, trigger_start: int | None) -> str | None:
    """For a trigger under a future marker, the first date still to come after it in the sentence.

    "Iran said on Tuesday it will hold talks on Saturday": the talks are on Saturday, the saying on Tuesday.
    """
    if trigger_start is None or not article.published:
        return None
    if not FUTURE_BEFORE.search(article.text[max(sent.start_char, trigger_start - 40):trigger_start]):
        return None
    pub = article.published[:10]
    for t in sorted(article.times, key=lambda t: t.start):
        if t.type != "DATE" or not trigger_start < t.start < sent.end_char or not t.value:
            continue
        # a week ("2025-W08") is compared by its Monday: as text it sorts after every date of its year
        week = WEEK_VALUE.match(t.value)
        start = _monday_of(int(week[1]), int(week[2])) if week else t.value[:10]
        if start and start[:4].isdigit() and start > pub[: len(start)]:
            return calendar_value(t.value)
    return None


def _monday_of(year: int, week: int) -> str | None:
    """The Monday of an ISO week, or None for a week the year does not have ("2025-W53")."""
    try:
        return dt.date.fromisocalendar(year, week, 1).isoformat()
    except ValueError:
        return None


# a year between a determiner and its noun names a thing ("the 2015 deal"), it does not date the event
ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|'s)\s*$", re.IGNORECASE)
ATTRIBUTIVE_AFTER = re.compile(r"^\s*(?:[a-z][\w-]*\s+){0,2}(?:deal|accord|agreement|treaty|pact|law|act|election|"
                               r"elections|war|ceasefire|truce|resolution|sanctions|protests?|summit|talks|plan|"
                               r"framework|constitution|invasion|coup|uprising|offensive|crisis|attack|attacks)\b")


def _attributive(article: Article, t: Any) -> bool:
    """Whether a time expression modifies a noun ("the 2015 deal") rather than dating a clause."""
    before = article.text[max(0, t.start - 12):t.start]
    after = article.text[t.end:t.end + 40]
    return bool(ATTRIBUTIVE_BEFORE.search(before) and ATTRIBUTIVE_AFTER.match(after))


def _clause_date(article: Article, value: str | None, sent: Any, start: int, end: int) -> str | None:
    """The date the time stage chose, unless it names a noun's year ("withdrew from the 2015 deal
    in 2018"): then the nearest other dating expression of the sentence, else none."""
    times = [t for t in article.times if t.type in ("DATE", "TIME") and sent.start_char <= t.start
             and t.end <= sent.end_char and calendar_value(t.value)]
    nouns = [t for t in times if _attributive(article, t)]
    # value None: the parser's sentence may be shorter than the one events read (a split before
    # "of war on Sunday"); the nearest date of the whole sentence then dates the event
    if value is not None and (not nouns or not any(calendar_value(t.value) == value for t in nouns)):
        return value
    rest = [t for t in times if t not in nouns]
    if not rest:
        return None
    best = min(rest, key=lambda t: 0 if (t.start >= start and t.end <= end)
               else min(abs(t.start - end), abs(start - t.end)))
    found = calendar_value(best.value)
    return None if found is None else str(found)


def event_date(article: Article, cand_span: tuple[int, int], sent: Any, trigger_start: int | None = None) -> str | None:
    """The event's date (ISO, possibly year or month only) for its character span and sentence;
    the publication date where nothing in the text dates it."""
    value = date_for_span(article, *cand_span)
    value = _clause_date(article, value, sent, *cand_span)
    value = _refine_date(article, value, sent, cand_span[0])
    future = _future_date(article, sent, trigger_start)
    if future and (value is None or value[:10] <= (article.published or "")[:10]):
        value = future
    return value or (article.published[:10] if article.published else None)


def time_flags(article: Article, date: str | None) -> tuple[bool, bool]:
    """(future, historical) from the event date against the publication date."""
    if not date or not article.published:
        return False, False
    pub = article.published[:10]
    future = date[: len(pub)] > pub[: len(date)]
    try:
        year = int(date[:4])
        pub_year, pub_month = int(pub[:4]), int(pub[5:7])
        month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else 12
    except ValueError:  # a value that is not a calendar date ("2025-W07", a bad published field)
        return future, False
    historical = (pub_year - year) * 12 + (pub_month - month) >= 12
    return future, historical
