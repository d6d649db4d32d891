"""Vocabulary and TIMEX3 value arithmetic for :mod:`turnstone.extract.timex`.

Word lists and patterns for numbers, units, months and weekdays; ISO 8601 / TIMEX3 value
formatting (durations, weeks, quarters, granularity); and choosing which weekday or which year
a bare name means, from the anchor date and the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .tense import Tense

# --- vocabulary ---------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half a": 0.5, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}
VAGUE = ("several", "a few", "few", "many", "some", "numerous", "multiple")
ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}

_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_WORDNUM = (
    rf"(?:{_TENS}(?:[- ]{_UNITS_W})?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    rf"|nineteen|ten|zero|{_UNITS_W})"
)
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:an?|{_WORDNUM})\s+hundred|{_WORDNUM}(?:[- ]and[- ]a[- ]half)?|an?|half\s+an?|a\s+couple\s+of|couple\s+of"
       rf"|a\s+dozen|dozens\s+of|hundreds\s+of|several|a\s+few|few|many|some|numerous|multiple)")
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
HEDGE = (r"(?:(?:nearly|almost|about|around|approximately|roughly|some|just|only|more\s+than|less\s+than|over|under"
         r"|at\s+least|at\s+most|up\s+to|barely|fully|well\s+over|close\s+to|within)\s+)")
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
DAYPART_RE = r"(?:morning|afternoon|evening|night)"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"


def parse_number(text: str) -> float | None:
    """'three' → 3, 'twenty-four' → 24, '5 1/2' → 5.5, vague quantities → None."""
    t = text.lower().strip()
    t = re.sub(r"\s+", " ", t)
    if t in VAGUE or t.startswith(("dozens", "hundreds")):
        return None
    half = 0.0
    if t.endswith(("and-a-half", "and a half", " and a half")):
        half, t = 0.5, re.sub(r"[- ]and[- ]a[- ]half$", "", t)
    if t.endswith(" 1/2"):
        half, t = 0.5, t[:-4]
    if t in SMALL:
        return SMALL[t] + half
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    parts = re.split(r"[- ]", t)
    if not all(p in SMALL for p in parts):
        return None
    total = 0.0
    for p in parts:  # "a hundred" → 100, "two hundred fifty" → 250
        total = max(total, 1) * 100 if p == "hundred" else total + SMALL[p]
    return total + half


# --- value formatting ---------------------------------------------------------------------------

UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
             "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}


def unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    if w.startswith("centur"):
        return "century"
    return w


def duration_value(number: float | None, unit: str) -> str:
    """ISO 8601 / TIMEX3 duration: P3Y, PT5H, PXM (vague), decades as years (TimeBank's habit)."""
    if unit == "fortnight":
        number, unit = (number * 2 if number is not None else None), "week"
    if unit == "decade":
        number, unit = (number * 10 if number is not None else None), "year"
    if number is None:
        amount = "X"
    elif number == int(number):
        amount = str(int(number))
    elif unit in ("hour", "minute") and number * 60 == int(number * 60):  # 5 1/2 hours → PT5H30M
        whole = int(number)
        sub = "M" if unit == "hour" else "S"
        return f"PT{whole}{UNIT_CODE[unit]}{round((number - whole) * 60)}{sub}"
    elif unit in ("year", "day") and (number * 2) == int(number * 2):  # 2 1/2 years → P2Y6M
        whole = int(number)
        sub = "6M" if unit == "year" else "T12H"
        return f"P{whole}{UNIT_CODE[unit]}{sub}"
    else:
        amount = f"{number:g}"
    code = UNIT_CODE[unit]
    if unit in ("second", "minute", "hour"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def at_granularity(day: dt.date, unit: str) -> str:
    """A date written as precisely as the unit it was counted in ('three years ago' → a year)."""
    if unit in ("day", "hour", "minute", "second"):
        return day.isoformat()
    if unit in ("week", "fortnight"):
        return week_value(day)
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def shift(day: dt.date, unit: str, amount: float) -> dt.date:
    n = int(amount)
    steps = {
        "day": relativedelta(days=n), "week": relativedelta(weeks=n), "fortnight": relativedelta(weeks=2 * n),
        "month": relativedelta(months=n), "quarter": relativedelta(months=3 * n), "year": relativedelta(years=n),
        "decade": relativedelta(years=10 * n), "century": relativedelta(years=100 * n),
    }
    moved: dt.date = day + steps.get(unit, relativedelta(days=0))
    return moved


def weekday_date(anchor: dt.date, weekday: int, tense: Tense) -> dt.date:
    """The weekday meant, chosen by tense: past → the last one, future → the coming one, else nearest."""
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0:
        return anchor
    if tense == "past":
        return anchor - dt.timedelta(days=7 - ahead)
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    # No tense cue: the nearest such day; ties and unclear cases lean to the past, as news mostly reports.
    return anchor + dt.timedelta(days=ahead) if ahead < 3 else anchor - dt.timedelta(days=7 - ahead)


# With no tense cue, a month five or six months ahead is read as last year's: news mostly reports
# what is past (as weekday_date leans to the past on near-ties).
NO_TENSE_FUTURE_GAP = 5
MONTH_TENSE_GAP = 3  # months away from the anchor beyond which tense may move a bare month a year


def month_year(anchor: dt.date, month: int, tense: Tense) -> int:
    """The year of a month named without one ('in March'): the nearest such month to the anchor.

    Tense decides only near-ties (about half a year either way), where "nearest" says little; with
    no tense a month five or six months ahead is last year's.
    TempEval-3 showed tense cues alone mislead: news announces "Dec. 15" meetings in October.
    """
    best = min((anchor.year - 1, anchor.year, anchor.year + 1),
               key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))
    gap = (best - anchor.year) * 12 + month - anchor.month
    if tense is None and gap >= NO_TENSE_FUTURE_GAP:
        return best - 1
    if abs(gap) >= MONTH_TENSE_GAP:
        if tense == "past" and gap > 0:
            return best - 1
        if tense == "future" and gap < 0:
            return best + 1
    return best


# Months each season starts in; winter is dated by the year of its December (TIMEX3 "2024-WI").
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(anchor: dt.date, code: str, tense: Tense) -> int:
    """The year of a season named without one ("since the autumn"), chosen by tense.

    Past: the latest such season begun by the anchor date; future: the earliest not yet over;
    no cue: the anchor's year (TimeBank's reading of a bare "this summer").
    """
    start = SEASON_START[code]
    if tense == "past":
        return max(y for y in (anchor.year - 1, anchor.year) if dt.date(y, start, 1) <= anchor)
    if tense == "future":
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            end = dt.date(y, start, 1) + relativedelta(months=3)  # the day after it ends
            if end > anchor:
                return y
    return anchor.year
