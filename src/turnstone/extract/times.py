"""Times: weekday names and explicit dates, normalised against the publication date."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Article, TimeExpr
from ..pipeline import stage

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def nearest_weekday(published: dt.date, name: str) -> dt.date:
    """The weekday closest to the publication date (ties go to the past)."""
    delta = (WEEKDAYS.index(name.lower()) - published.weekday()) % 7
    return published + dt.timedelta(days=delta if delta <= 3 else delta - 7)


def find_times(article: Article) -> list[TimeExpr]:
    if not article.published:
        return []
    published = dt.date.fromisoformat(article.published[:10])
    found = []
    for m in WEEKDAY.finditer(article.text):
        value = nearest_weekday(published, m.group(1)).isoformat()
        found.append(TimeExpr(start=m.start(), end=m.end(), text=m.group(), type="DATE", value=value))
    return found


@stage("times", requires=("text",), assigns=("times",))
def extract_times(article: Article) -> Article:
    article.times = find_times(article)
    return article
