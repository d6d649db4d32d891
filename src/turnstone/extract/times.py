"""Times: temporal expressions normalised TIMEX3-style against the publication date.

The grammar lives in :mod:`turnstone.extract.timex`; this module is the pipeline stage and the
helper the events stage uses to date a clause (:func:`date_for_span`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from ..model import Article, TimeExpr
from ..pipeline import stage
from .timex import find_timexes

LOGGER = logging.getLogger(__name__)

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
# A calendar value an event can carry: 2025, 2025-02, 2025-02-14 (a part of day is dropped).
CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def publication_date(article: Article) -> dt.date | None:
    """The article's publication date, or None when absent or unreadable."""
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        LOGGER.warning("article %s: unreadable publication date %r", article.id, article.published)
        return None


# Values that put nothing on a timeline: "now", "currently", "recently", "in the future".
VAGUE_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def places_on_timeline(text: str, start: int, value: str | None) -> bool:
    """False for vague references and for a year inside a hyphenated modifier ("pre-2014 borders").

    Event-data users, and the hand-made gold, keep only times that date something.
    """
    if value in VAGUE_REFS:
        return False
    return not (start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha())


def find_times(article: Article) -> list[TimeExpr]:
    """Every time expression in the article; relative ones stay unresolved without a publication date."""
    anchor = publication_date(article)
    return [TimeExpr(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value)  # type: ignore[arg-type]
            for t in find_timexes(article.text, anchor) if places_on_timeline(article.text, t.start, t.value)]


@stage("times", requires=("text",), assigns=("times",))
def extract_times(article: Article) -> Article:
    article.times = find_times(article)
    return article


def sentence_bounds(article: Article, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): from the parse when there is one, else by punctuation."""
    doc = article.doc
    if doc is not None and doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            if sent.start_char <= start < sent.end_char or sent.start_char < end <= sent.end_char:
                return sent.start_char, max(sent.end_char, end)
    text = article.text
    left = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = SENTENCE_END.search(text, end)
    right = after.start() if after else len(text)
    return left, max(right, end)


# An ISO week ("last week" → 2015-W23) or its weekend (2015-W23-WE).
WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def _month_of_week(year: int, week: int, weekend: bool) -> str | None:
    """The month a week falls in, by its Thursday as ISO 8601 assigns a week to a year (by its
    Saturday for a weekend): 'last week' dates an event to the month, not just the year."""
    try:
        day = dt.date.fromisocalendar(year, week, 6 if weekend else 4)
    except ValueError:
        return None
    return f"{day.year:04d}-{day.month:02d}"


def calendar_value(value: str | None) -> str | None:
    """A TIMEX3 value cut to the calendar date an event can carry, or None for durations and refs.

    A week becomes its month: the event date is ISO calendar (``2025``, ``2025-02``, ``2025-02-14``),
    and a bare year would throw away what "last week" says.
    """
    if not value:
        return None
    week = WEEK_VALUE.match(value)
    if week:
        return _month_of_week(int(week.group(1)), int(week.group(2)), weekend=bool(week.group(3)))
    m = CALENDAR_VALUE.match(value)
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def date_for_span(article: Article, start: int, end: int) -> str | None:
    """The date the sentence around ``text[start:end]`` gives (``2025-02-14``, ``2022``), else None.

    Picks a DATE or TIME expression with a calendar value: inside the span first, then the one
    nearest to it in the same sentence. Durations, sets and vague references ("recently") date
    nothing. Callers fall back to the publication date themselves.
    """
    times = article.times or find_times(article)
    s_start, s_end = sentence_bounds(article, start, end)
    best: tuple[int, str] | None = None
    for t in times:
        if t.type not in ("DATE", "TIME") or t.start < s_start or t.end > s_end:
            continue
        value = calendar_value(t.value)
        if value is None:
            continue
        distance = 0 if (t.start >= start and t.end <= end) else min(abs(t.start - end), abs(start - t.end))
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
