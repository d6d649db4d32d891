"""Find temporal expressions in English news text and give them TIMEX3 values.

A small rule grammar in the spirit of HeidelTime: each rule is a regular expression with a
normaliser that turns the match into a (type, value) pair against an anchor date (the article's
publication date). We measured dateparser on the shapes news uses (``evals/time_tempeval3.py``)
and it misses "nearly three years ago", reads "a day after" as anchor+1 and has no notion of
durations, sets, quarters or tense, so the grammar is our own; only the arithmetic is library code.

Values follow TIMEX3: ``2025-02-14``, ``2025-02``, ``2025``, ``2025-W07``, ``2025-Q1``,
``2025-SU``, ``199`` (a decade), ``2025-02-14TMO``, ``P3Y``, ``PT5H``, ``PRESENT_REF``. With no
anchor, expressions that need one keep ``value=None``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .tense import Tense, tense_near
from .timex_anchor import Shift, anchor_to_reference
from .timex_values import (
    DAYPART_RE,
    HEDGE,
    MONTH_RE,
    MONTHS,
    NUM,
    ORDINAL,
    PARTS_OF_DAY,
    SEASONS,
    SMALL,
    UNIT,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    at_granularity,
    duration_value,
    month_year,
    parse_number,
    quarter_of,
    season_year,
    shift,
    unit_of,
    week_value,
    weekday_date,
)

LOGGER = logging.getLogger(__name__)

_NUMBER_WORDS = "|".join(w for w in SMALL if " " not in w and w not in ("a", "an"))


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


# --- rules --------------------------------------------------------------------------------------

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


RULES: list[Rule] = []


def rule(name: str, pattern: str, flags: int = re.IGNORECASE) -> Callable[[Normaliser], Normaliser]:
    def register(fn: Normaliser) -> Normaliser:
        RULES.append(Rule(name, re.compile(pattern, flags), fn))
        return fn

    return register


TenseFn = Callable[[str, int, int], Tense]
# The tense reader for the call in progress: words near the expression by default, the parse when
# find_timexes is given one (see times.find_times).
_TENSE: ContextVar[TenseFn] = ContextVar("timex_tense", default=tense_near)


def _tense(ctx: Context) -> Tense:
    return _TENSE.get()(*ctx)


SINCE = re.compile(r"\b(?:since|ever\s+since)\s+(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
UNTIL = re.compile(r"\b(?:until|till|pending)\s+(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def preposition_tense(ctx: Context) -> Tense:
    """'since' dates what follows in the past whatever the verb; 'until' (mostly) in the future."""
    text, start, _ = ctx
    before = text[max(0, start - 20): start]
    if SINCE.search(before):
        return "past"
    if UNTIL.search(before):
        return "future"
    return None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


@rule("iso_date", r"\b(\d{4})-(\d{2})-(\d{2})\b")
def _iso(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    return "DATE", f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


@rule("numeric_date", r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
def _numeric(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900 if year > 30 else 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


@rule("month_day_year",
      rf"\b(?:(?:early|late|mid)[- ])?({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({YEAR_RE}))?\b(?!\s*(?:%|percent|million|billion))",
      flags=0)
def _month_day(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    month, day = _month(m.group(1)), int(m.group(2))
    if not 1 <= day <= 31:
        return None
    if m.group(3):
        year = int(m.group(3))
    elif anchor is None:
        return "DATE", None
    else:
        year = month_year(anchor, month, _tense(ctx))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


@rule("day_month_year", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})(?:,?\s+({YEAR_RE}))?\b", flags=0)
def _day_month(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    return _month_day(_Swap(m), anchor, ctx)  # type: ignore[arg-type]


class _Swap:
    """Present a day-month match as month-day groups."""

    def __init__(self, m: re.Match[str]) -> None:
        self.groups = {1: m.group(2), 2: m.group(1), 3: m.group(3)}

    def group(self, i: int) -> str:
        return self.groups[i]


@rule("month_year",
      rf"\b(?:(?:early|late|mid)[- ]|the\s+end\s+of\s+|the\s+beginning\s+of\s+|the\s+start\s+of\s+)?({MONTH_RE})(?:\s+of)?,?\s+({YEAR_RE})\b",
      flags=0)
def _month_year(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    return "DATE", f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}"


@rule("bare_month",
      r"\b(?:(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ]|(?:[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+end\s+of|[Tt]he\s+beginning\s+of"
      r"|[Ee]arlier\s+this|[Ll]ater\s+this)\s+))?"
      r"(January|February|March|April|June|July|August|September|October|November|December|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)"
      r"(?!\s+\d)\b(?:,?\s+(?:of\s+)?(last|this|next)\s+year\b)?",
      flags=0)
def _bare_month(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if anchor is None:
        return "DATE", None
    month = _month(m.group(1))
    lead = m.group(0)[: m.start(1) - m.start(0)].lower()
    if m.group(2):  # "July last year"
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
    elif "last" in lead:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif "next" in lead:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif "this" in lead:
        year = anchor.year
    elif preposition_tense(ctx) == "past":  # "since March": the last March begun
        year = anchor.year if month <= anchor.month else anchor.year - 1
    else:
        year = month_year(anchor, month, _tense(ctx))
    return "DATE", f"{year:04d}-{month:02d}"


# "May" is also a modal verb: only as a date after a preposition or a time word.
@rule("may", r"\b(?:(?<=in )|(?<=since )|(?<=until )|(?<=by )|(?<=last )|(?<=next )|(?<=this )|(?<=early )|(?<=late )|(?<=mid-))May\b(?!\s+\d)",
      flags=0)
def _may(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if anchor is None:
        return "DATE", None
    lead = ctx[0][max(0, m.start() - 6): m.start()].lower()
    if "last" in lead:
        year = anchor.year if 5 < anchor.month else anchor.year - 1
    elif "next" in lead:
        year = anchor.year if 5 > anchor.month else anchor.year + 1
    elif preposition_tense(ctx) == "past":
        year = anchor.year if 5 <= anchor.month else anchor.year - 1
    else:
        year = month_year(anchor, 5, _tense(ctx))
    return "DATE", f"{year:04d}-05"


_DECADE_WORDS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8,
                 "ninety": 9}


@rule("spelled_year",
      r"\b(?:the\s+year\s+)?(?:nineteen\s+(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?"
      r"|(two\s+thousand)(?:\s+and\s+|\s+)?(one|two|three|four|five|six|seven|eight|nine)?)\b")
def _spelled_year(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    """Years read out in broadcast transcripts: 'nineteen ninety-six', 'the year two thousand'."""
    if m.group(1):
        return "DATE", f"19{_DECADE_WORDS[m.group(1).lower()]}{SMALL[m.group(2).lower()] if m.group(2) else 0}"
    if not m.group(0).lower().startswith("the year") and not m.group(4):
        return None  # 'two thousand' alone is mostly a number
    return "DATE", f"20{SMALL[m.group(4).lower()] if m.group(4) else 0:02d}"


@rule("century", r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th)\s+century\b")
def _century(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    return "DATE", f"{int(m.group(1)) - 1:02d}"


@rule("decade", r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(1[6-9]\d0|20\d0)'?s\b|\bthe\s+'(\d0)s\b"
      r"|\bthe\s+(?:(?:early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")
def _decade(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if m.group(1):
        return "DATE", m.group(1)[:3]
    if m.group(3):  # "the nineties": the last such decade of the 20th century, as news of any year means it
        return "DATE", f"19{_DECADE_WORDS[m.group(3).lower()[:-3] + 'y']}"
    return "DATE", "19" + m.group(2)[0]


@rule("year",
      rf"\b(?:(?:fiscal|calendar|the\s+year|early|late|mid[- ]?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)\s+)?({YEAR_RE})\b"
      r"(?![-/]\d|\s*(?:%|percent|\$)|,\d|\.\d|\s+(?:people|persons|troops|soldiers|votes|units|tons|feet|metres|meters|miles|km|dollars|shares|points))")
def _year(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, start, _ = ctx
    before = text[max(0, start - 2): start]
    if "$" in before or re.search(r"\d[,.]$", before):
        return None
    return "DATE", m.group(1)


@rule("quarter",
      r"\b(?:the\s+|that\s+|this\s+)?(?:(this|last|next)\s+year'?s\s+|(?:fiscal\s+)?(\d{4})(?:'s)?\s+)?(?:(?:fiscal|calendar)\s+)?"
      r"(?:(first|second|third|fourth|1st|2nd|3rd|4th)|(latest|last|current|previous|past|year-ago|year-earlier|same|"
      r"comparable|corresponding|fiscal)(?:\s+year-(?:ago|earlier))?)?[- ]?(?:fiscal\s+)?(quarter|period)\b"
      r"(?:\s+of\s+(?:fiscal\s+)?(\d{4}))?(\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?")
def _quarter(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """Quarters: 'the third quarter [of 2024]' directly; 'the quarter', 'the year-ago period',
    'the 2023 period' refer back to the quarter the text last named (see timex_anchor)."""
    rel_year, year_text, ordinal, which, noun, of_year, year_back = m.groups()
    which = (which or "").lower()
    whole = m.group(0).lower()
    if "year-ago" in whole or "year-earlier" in whole or year_back:
        which = "year-ago"
    if not (ordinal or which or year_text or rel_year or whole.startswith(("the", "that", "this"))):
        return None
    if noun.lower() == "period" and not (which or year_text):
        return None  # 'the period' alone is not a quarter
    year: int | None = int(of_year or year_text) if (of_year or year_text) else None
    if anchor is None and year is None:
        return "DATE", None
    reported = (anchor - relativedelta(months=3)) if anchor else None  # the quarter earnings news reports on
    if ordinal:
        q = ORDINAL[ordinal.lower()]
        if year is None and anchor is not None:
            base = anchor.year + {"last": -1, "next": 1}.get((rel_year or "").lower(), 0)
            year = base if rel_year or q <= quarter_of(anchor) else anchor.year - 1
            if which == "year-ago":
                year -= 1
        return "DATE", f"{year}-Q{q}"
    if reported is None:
        return "DATE", f"{year}-QX"
    if year is not None:  # 'the 1988 period': that year's counterpart of the quarter in question
        return "DATE", f"{year}-Q{quarter_of(reported)}", Shift("year", year=year, refers_to="quarter")
    if which == "current" and anchor is not None:
        return "DATE", f"{anchor.year}-Q{quarter_of(anchor)}"
    if which in ("last", "previous", "past"):
        return "DATE", f"{reported.year}-Q{quarter_of(reported)}"
    # 'the quarter', 'the latest quarter': the one the text last named, else the last finished
    # one, as earnings reports mean it.
    back = {"year-ago": -1, "": -1 if (rel_year or "").lower() == "last" else 0}.get(which, 0)
    if back:
        reported = reported - relativedelta(years=1)
    elif whole.startswith("this") and not rel_year and anchor is not None:
        reported = anchor  # "this quarter" with no quarter named before: the current one
    return "DATE", f"{reported.year}-Q{quarter_of(reported)}", Shift("year", back, refers_to="quarter")


@rule("year_end", r"\b(?:the\s+)?(?:year[- ]end|year's\s+end|end\s+of\s+the\s+year)\b")
def _year_end(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'by year-end', 'by year's end': the year it closes (TimeBank writes the year)."""
    return "DATE", str(anchor.year) if anchor else None


@rule("half", r"\b(?:the\s+)?(first|second|last)\s+half\s+(?:of\s+)?(?:(\d{4})|(this|last|next)\s+year)?\b")
def _half(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    h = "H1" if m.group(1).lower() == "first" else "H2"
    if m.group(2):
        return "DATE", f"{m.group(2)}-{h}"
    if anchor is None:
        return "DATE", None
    year = anchor.year + {"last": -1, "next": 1}.get((m.group(3) or "").lower(), 0)
    return "DATE", f"{year}-{h}"


@rule("season", r"\b(?:(this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|early|late)\s+)?(spring|summer|fall|autumn|winter)(?:\s+of\s+(\d{4}))?\b")
def _season(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    code = SEASONS[m.group(2).lower()]
    lead = (m.group(1) or "").lower()
    if not lead and not m.group(3):
        text, start, _ = ctx
        if not re.search(r"\b(?:in|this|during|by|until|since|the)\s+$", text[max(0, start - 8): start], re.IGNORECASE):
            return None
    if m.group(3):
        return "DATE", f"{m.group(3)}-{code}"
    if anchor is None:
        return "DATE", None
    if lead in ("last", "the past", "next", "the coming"):
        year = anchor.year + {"last": -1, "the past": -1, "next": 1, "the coming": 1}[lead]
    elif lead.startswith("this "):  # "this past spring": the last one begun; "this coming winter": the next
        year = season_year(anchor, code, "past" if lead.endswith("past") else "future")
    elif lead == "this":
        year = anchor.year
    else:  # "since the autumn" (past), "until the summer" (future), "in the spring" (the verb's tense)
        year = season_year(anchor, code, preposition_tense(ctx) or _tense(ctx))
    return "DATE", f"{year}-{code}"


@rule("deictic_day", r"\b(?:(early|late|earlier|later)\s+)?(today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b"
      r"(?:\s+(morning|afternoon|evening|night))?")
def _deictic(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    word = re.sub(r"\s+", " ", m.group(2).lower())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    if anchor is None:
        return ("TIME" if word == "tonight" or m.group(3) else "DATE"), None
    day = (anchor + dt.timedelta(days=offset)).isoformat()
    if word == "tonight":
        return "TIME", day + "TNI"
    if m.group(3):
        return "TIME", day + PARTS_OF_DAY[m.group(3).lower()]
    return "DATE", day


@rule("day_anaphor", r"\b(?:(?:earlier|later)\s+in\s+the\s+day|(?<=in\s)the\s+(morning|afternoon|evening))\b")
def _day_anaphor(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'later in the day', 'in the morning': that day of the day the text last named (TimeML's
    reference time), else of the anchor."""
    part = PARTS_OF_DAY[m.group(1).lower()] if m.group(1) else ""
    kind = "TIME" if part else "DATE"
    if anchor is None:
        return kind, None
    return kind, anchor.isoformat() + part, Shift("day", 0, part_of_day=part)


@rule("daypart", r"\b(this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)\b|\bovernight\b")
def _daypart(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if anchor is None:
        return "TIME", None
    if not m.group(1):  # "overnight": the night before the anchor, or the night of a weekday beside it
        day = _overnight_weekday(m, anchor, ctx) or anchor - dt.timedelta(days=1)
        return "TIME", day.isoformat() + "TNI"
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[m.group(1).lower()]
    part = m.group(2).lower()
    if m.group(1).lower() == "last" and part != "night":
        offset = -1
    return "TIME", (anchor + dt.timedelta(days=offset)).isoformat() + PARTS_OF_DAY[part]


OVERNIGHT_BEFORE = re.compile(rf"^\s*(?:on\s+|(into|to)\s+)?({WEEKDAY_RE})\b")
OVERNIGHT_AFTER = re.compile(rf"\b({WEEKDAY_RE})(?:\s+night)?,?\s*$")


def _overnight_weekday(m: re.Match[str], anchor: dt.date, ctx: Context) -> dt.date | None:
    """'overnight on Sunday', 'Saturday overnight': that weekday's night; 'overnight into Monday': the night before."""
    text, start, end = ctx
    after = OVERNIGHT_BEFORE.match(text[end: end + 20])
    before = OVERNIGHT_AFTER.search(text[max(0, start - 20): start])
    found = after or before
    if found is None:
        return None
    name = found.group(2 if found is after else 1).lower()
    if name.endswith("s") and name != "tuesdays" and name[:-1] in WEEKDAYS:
        return None  # "overnight Sundays": a set, not one night
    into = found is after and after.group(1) is not None
    tense = _tense(ctx) or "past"  # a night's events are mostly reported after it
    day = weekday_date(anchor, WEEKDAYS[name], tense)
    return day - dt.timedelta(days=1) if into else day


@rule("weekday",
      rf"\b(?:(last|next|this|this\s+coming|this\s+past|coming|past|early|late|earlier|later)\s+(?:on\s+)?)?({WEEKDAY_RE})"
      rf"(?:\s+({DAYPART_RE}))?\b(?:,?\s+({MONTH_RE})\s+(\d{{1,2}})(?:,?\s+({YEAR_RE}))?)?",
      flags=0)
def _weekday(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    name = m.group(2).lower()
    if name.endswith("s") and name != "tuesdays" or name.endswith("days") and name[:-1] in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[name[:-1]] + 1}"
    # "Friday night" is a time of that day (TIMEX3 1998-02-13TNI), as TimeBank and our gold have it.
    kind, suffix = ("TIME", PARTS_OF_DAY[m.group(3).lower()]) if m.group(3) else ("DATE", "")
    if m.group(4) and m.group(5):  # "Friday, March 3[, 2024]": the calendar date decides
        swapped = _Groups({1: m.group(4), 2: m.group(5), 3: m.group(6)})
        found = _month_day(swapped, anchor, ctx)  # type: ignore[arg-type]
        return (kind, found[1] + suffix if found and found[1] else None)
    if anchor is None:
        return kind, None
    lead = (m.group(1) or "").lower()
    lead_lower = lead.split()[0] if lead else ""
    tense: Tense
    if lead_lower in ("last", "past") or lead == "this past":
        tense = "past"
    elif lead_lower in ("next", "coming") or lead == "this coming":
        tense = "future"
    else:
        tense = _tense(ctx)
    day = weekday_date(anchor, WEEKDAYS[name], tense)
    if lead_lower == "next" and (day - anchor).days < 1:
        day += dt.timedelta(days=7)
    if lead_lower == "last" and day == anchor:  # "last Wednesday" written on a Wednesday
        day -= dt.timedelta(days=7)
    return kind, day.isoformat() + suffix


class _Groups:
    def __init__(self, groups: dict[int, str | None]) -> None:
        self.groups = groups

    def group(self, i: int) -> str | None:
        return self.groups[i]


@rule("clock",
      r"\b(?:(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b)|(noon|midnight))"
      r"(?:\s+(?:(?:local|GMT|EST|EDT|ET|UTC)\s+time|(?:GMT|EST|EDT|UTC)))?"
      rf"(?:,?\s+(?:({WEEKDAY_RE})|({MONTH_RE})\s+(\d{{1,2}})\b))?",
      flags=re.IGNORECASE)
def _clock(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    """'3 p.m.', 'noon', with the day named right after it: '10 p.m. Wednesday' is one TIMEX3;
    '6 a.m. on Friday' two, 'on' being a TimeML signal between them."""
    if m.group(4):
        hour, minute = (12, 0) if m.group(4).lower() == "noon" else (24, 0)
    else:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour > 12:
            return None
        pm = m.group(3).lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    if anchor is None:
        return "TIME", None
    day = _day_after_clock(m, anchor, ctx)
    clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    return "TIME", f"{day.isoformat()}{clock}"


_DAY_AFTER_CLOCK = re.compile(rf"^,?\s+on\s+({WEEKDAY_RE})\b")
_DAY_BEFORE_CLOCK = re.compile(rf"\b({WEEKDAY_RE})(?:\s+{DAYPART_RE})?,?\s+(?:at\s+|from\s+|around\s+)?$", re.IGNORECASE)


def _day_after_clock(m: re.Match[str], anchor: dt.date, ctx: Context) -> dt.date:
    """The day of a clock time: named after it ('10 p.m. Wednesday', '5 p.m. EST Nov. 9') or just
    before it ('Friday at 6 a.m.'), else the anchor's."""
    text, start, end = ctx
    weekday, month_name, day_text = m.group(5), m.group(6), m.group(7)
    if not (weekday or month_name):
        after = _DAY_AFTER_CLOCK.match(text[end: end + 30])
        before = _DAY_BEFORE_CLOCK.search(text[max(0, start - 30): start])
        weekday = after.group(1) if after else before.group(1) if before else None
    if weekday:
        name = weekday.lower().rstrip("s")
        return weekday_date(anchor, WEEKDAYS[name], _tense(ctx))
    if not month_name:
        return anchor
    month, day = _month(month_name), int(day_text)
    try:
        return dt.date(month_year(anchor, month, _tense(ctx)), month, day)
    except ValueError:
        return anchor


@rule("ago",
      rf"\b{HEDGE}?({NUM})[\s-]+({UNIT})(?:\s+or\s+so)?\s+(ago|earlier|later|from\s+now|hence|before|after|previously)\b"
      r"|\b(year|month|week)-(earlier|ago)\b")
def _ago(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'three years ago' counts from the anchor; 'a year earlier', 'two days later' from the time
    the text last named (TimeML's reference time), and in earnings talk 'a year ago' from the
    quarter it last named."""
    if m.group(4):  # 'year-earlier' results
        if anchor is None:
            return "DATE", None
        unit = m.group(4).lower()
        back = _back_from(m.group(5).lower(), unit, -1, ctx)
        if unit == "year" and _earnings_context(ctx):
            return "DATE", _year_ago_quarter(anchor), back
        return "DATE", at_granularity(shift(anchor, unit, -1), unit), back
    word = re.sub(r"\s+", " ", m.group(3).lower())
    unit = unit_of(m.group(2))
    number = parse_number(m.group(1))
    if word in ("before", "after"):  # anchored to an event, not to the article: only the length is known
        return None
    if anchor is None:
        return "DATE", None
    if number is None:
        if word in ("earlier", "later"):  # "a few days later": some days from a time named before
            return "DURATION", duration_value(None, unit)
        return "DATE", "PAST_REF" if word in ("ago", "previously") else "FUTURE_REF"
    sign = -1 if word in ("ago", "earlier", "previously") else 1
    moved = _back_from(word, unit, int(sign * number), ctx)
    if unit == "year" and number == 1 and sign < 0 and _earnings_context(ctx):
        return "DATE", _year_ago_quarter(anchor), moved
    if unit in ("hour", "minute", "second"):
        return "DATE", anchor.isoformat()
    return "DATE", at_granularity(shift(anchor, unit, sign * number), unit), moved


def _back_from(word: str, unit: str, amount: int, ctx: Context) -> Shift | None:
    """What 'N units ago/earlier/later' counts from: 'ago' counts from the anchor, except that
    earnings talk counts it from the quarter or period it gave results for, and 'a year ago'
    right after a quarter compares with that quarter; 'earlier'/'later' count from the time the
    text last named."""
    if _earnings_context(ctx):
        return Shift(unit, amount, refers_to="period")
    if word in ("ago", "from now", "hence"):
        return Shift(unit, amount, refers_to="comparison") if (unit, amount) == ("year", -1) else None
    return Shift(unit, amount)


def _earnings_context(ctx: Context) -> bool:
    """'a year ago' in a report on quarterly results means the same quarter a year ago."""
    text = ctx[0]
    return len(_QUARTER_WORD.findall(text)) >= EARNINGS_QUARTER_MENTIONS


_QUARTER_WORD = re.compile(r"\bquarter\b", re.IGNORECASE)
EARNINGS_QUARTER_MENTIONS = 2  # a text naming "quarter" this often reports quarterly results (TempEval-3)


def _year_ago_quarter(anchor: dt.date) -> str:
    reported = anchor - relativedelta(months=3) - relativedelta(years=1)
    return f"{reported.year}-Q{quarter_of(reported)}"


@rule("relative_unit",
      r"\b(?:(early|late|earlier|later|mid)[- ](?:in\s+)?)?(this|last|next|the\s+coming|the\s+past|the\s+previous|the\s+following|the\s+current|the\s+same|the|that|past|coming|previous)\s+"
      r"(?:(?:fiscal|full|calendar)\s+)?(week|weekend|month|year|decade|century)\b(?!s|-)")
def _relative(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    which = re.sub(r"\s+", " ", m.group(2).lower())
    unit = m.group(3).lower()
    text, start, end = ctx
    if which == "the" and unit == "year":
        # 'the year ended March 31', 'throughout the year': a year's length; else this year.
        if YEAR_SPAN_AFTER.match(text[end: end + 12]) or YEAR_SPAN_BEFORE.search(text[max(0, start - 12): start]):
            return "DURATION", "P1Y"
        return "DATE", str(anchor.year) if anchor else None
    if which in ("the", "that", "the same"):
        if unit == "weekend" or unit in ("week", "month") and which == "the":
            pass
        else:
            return None  # 'that year' names a year the text gave before, not one we can count
    if anchor is None:
        return "DATE", None
    if which in ("the following", "the previous"):  # counted from the time the text last named
        step = 1 if which == "the following" else -1
        return "DATE", at_granularity(shift(anchor, unit, step), unit), Shift(unit, step, truncate=True)
    if which == "the past" and unit == "year":
        return "DATE", str(anchor.year - 1)  # TimeBank reads "the past year" as last year
    if which in ("the past", "past") and unit in ("year", "decade", "century", "month", "week"):
        return "DURATION", duration_value(1, unit)
    step = {"last": -1, "the previous": -1, "previous": -1, "next": 1, "the coming": 1, "coming": 1,
            "the following": 1}.get(which, 0)
    if unit == "weekend":
        tense = _tense(ctx)
        if anchor.weekday() < 5 and (which == "the" and tense != "future" or which == "this" and tense == "past"):
            step = -1  # "the weekend" read on a weekday, unless in the future tense: the one just gone
        day = anchor + dt.timedelta(weeks=step)
        return "DATE", week_value(day) + "-WE"
    return "DATE", at_granularity(shift(anchor, unit, step), unit)


YEAR_SPAN_AFTER = re.compile(r"\s+(?:ended|ending|to\s+date)\b", re.IGNORECASE)
YEAR_SPAN_BEFORE = re.compile(r"\b(?:throughout|all)\s+$", re.IGNORECASE)

# After "a second", a noun it counts: the ordinal ("a second round"); a time's words stay time.
ORDINAL_NEXT = re.compile(r"^[ \t]+(?!(?:later|earlier|ago|before|after|or|and|of|in|to|too|longer|more|at|for|"
                          r"so|the|a|an|when|while|then|than|from|since|until|as)\b)[a-z][a-z-]+")


@rule("duration",
      rf"\b(?:the\s+)?(?:(past|last|next|first|coming|previous|following|final|recent|latest)\s+)?{HEDGE}?({NUM})[\s-]+(?:(?:more|additional|further|extra)\s+)?({UNIT})"
      r"(\s+and\s+a\s+half)?(?:[- ]long)?\b(?!-old)")
def _duration(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, _start, end = ctx
    if re.match(r"-old|\s+old\b|-olds", text[end: end + 6]):
        return None  # an age, not a time
    number = parse_number(m.group(2))
    if number is None and m.group(2).lower() in ("a", "an"):
        number = 1
    if m.group(4) and number is not None:  # "an hour and a half"
        number += 0.5
    unit = unit_of(m.group(3))
    if unit == "second" and m.group(3).lower() == "second" and ORDINAL_NEXT.match(text[end: end + 20]):
        return None  # "a second round", "one second attempt": the ordinal, not a time unit
    if unit == "quarter" and (re.match(r"\s+of\b", text[end: end + 4]) or "-" in m.group(0)):
        return None  # "three-quarters", "a quarter of the vote": fractions, not spans of time
    lead = (m.group(1) or "").lower()
    if m.group(2).lower() in ("a", "an") and not lead and RATE_BEFORE.search(text[max(0, _start - 40): _start]):
        return "SET", duration_value(1, unit)  # "$2 million a year", "four flights a week": a rate
    if number is None and lead in VAGUE_PAST:  # "the last few months": some time before now
        return "DATE", "PAST_REF"  # ("the next few days" stays a duration, as TimeBank has it)
    return "DURATION", duration_value(number, unit)


# An amount right before "a year"/"a week" makes it a rate, a TIMEX3 SET: "$1.5 million a year",
# "300 flights a week", "twice a month".
RATE_BEFORE = re.compile(rf"(?:\d|\b(?:million|billion|thousand|hundred|dozen|percent|times|once|twice|{_NUMBER_WORDS}))"
                         r"(?:\s+[a-z]+s)?\s+$", re.IGNORECASE)

# A vague stretch of time ("recent years", "the coming months") placed before or after now:
# TimeML's PAST_REF / FUTURE_REF rather than a duration of unknown length.
VAGUE_PAST = ("past", "last", "recent", "the past")
VAGUE_FUTURE = ("next", "coming", "the coming", "future")


@rule("vague_duration", r"\b(?:for\s+|over\s+|in\s+)?(?:(recent|coming|past|the\s+past|future|the)\s+)?(years|months|weeks|days|decades|hours|minutes|quarters)\b(?!\s+(?:ago|earlier|later))")
def _vague(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, start, _ = ctx
    lead = (m.group(1) or "").lower()
    before = text[max(0, start - 12): start].lower()
    cued = re.search(r"\b(for|over|in|within|took|take|takes|lasted|last)\s*$", before)
    if lead in ("", "the") and not cued and not m.group(0).lower().startswith(("for", "over", "in ")):
        return None  # "years of war", "the years after": not a stretch the clause lasts
    if re.sub(r"\s+", " ", lead) in VAGUE_PAST:
        return "DATE", "PAST_REF"
    if lead in VAGUE_FUTURE:
        return "DATE", "FUTURE_REF"
    if m.group(2).lower() == "quarters":
        return None  # "the second and fourth quarters": counted quarters, not a stretch of time
    return "DURATION", duration_value(None, unit_of(m.group(2)))


@rule("set",
      r"\b(?:(?:every|each|per)\s+(?:(other)\s+)?(day|week|month|year|quarter|morning|evening|night|weekend|" + WEEKDAY_RE + r")"
      r"|(daily|weekly|monthly|yearly|annually|hourly|nightly)"
      r"|(once|twice|three\s+times)\s+a\s+(day|week|month|year))\b")
def _set(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if m.group(3):
        word = m.group(3).lower()
        unit = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "yearly": "year",
                "annually": "year", "hourly": "hour", "quarterly": "quarter"}[word]
        return "SET", duration_value(1, unit)
    if m.group(5):
        return "SET", duration_value(1, m.group(5).lower())
    unit = m.group(2).lower()
    if unit in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
    if unit in ("morning", "evening", "night"):
        return "SET", "XXXX-XX-XX" + PARTS_OF_DAY[unit]
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    return "SET", duration_value(2 if m.group(1) else 1, unit)


@rule("ref",
      r"\b(?:(now|currently|current|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|right\s+now|at\s+this\s+time)"
      r"|(recently|recent|formerly|in\s+the\s+past|the\s+past|lately|once|earlier)"
      r"|(in\s+the\s+future|the\s+future|future|in\s+the\s+coming\s+(?:days|weeks|months|years)|as\s+soon\s+as\s+possible|soon|a\s+later\s+date"
      r"|the\s+near\s+future|the\s+(?:near|short)\s+term))\b(?![- ]term)")
def _ref(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, _start, end = ctx
    word = m.group(0).lower()
    after = text[end: end + 12].lower()
    if word == "once" or word == "earlier":
        return None  # 'once' is mostly 'one time' or 'as soon as'; 'earlier' alone is mostly comparative
    if word == "now" and re.match(r"\s*that\b", after):
        return None
    if word in ("recent", "future"):
        return None  # mostly adjectives ("recent gains", "future growth"), not references to a time
    if word == "soon" and (re.match(r"\s+(?:as|after|before|afterwards?|thereafter)\b", after)
                           or re.search(r"\bas\s+$", text[max(0, _start - 4): _start])):
        return None  # "as soon as", "soon after the vote": a conjunction or a time given elsewhere
    if word == "current" and not re.match(r"\s+\w", after):
        return None
    if word in ("current", "currently") and re.search(r"\bthen[\s-]+$", text[max(0, _start - 6): _start], re.IGNORECASE):
        return "DATE", "PAST_REF"  # "the then-current price": current at a time gone by
    if m.group(1):
        return "DATE", "PRESENT_REF"
    if m.group(2):
        return "DATE", "PAST_REF"
    return "DATE", "FUTURE_REF"


# Expressions whose words are time words but which are not time expressions.
NOT_TIME = re.compile(r"\b(?:may\s+day|the\s+times\b|new\s+year's\s+resolution)", re.IGNORECASE)


def find_timexes(text: str, anchor: dt.date | None, tense: TenseFn | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, longest match first, normalised against ``anchor``.

    ``tense(text, start, end)`` tells whether the clause around an expression is past or future
    (for "on Friday", "in March"); by default it is read from the nearby words.
    """
    token = _TENSE.set(tense or tense_near)
    try:
        return _find(text, anchor)
    finally:
        _TENSE.reset(token)


def _find(text: str, anchor: dt.date | None) -> list[Timex]:
    found: list[tuple[int, int, str, str | None, int, Shift | None]] = []
    for priority, r in enumerate(RULES):
        for m in r.pattern.finditer(text):
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
    chosen = _join_month_and_year(chosen, text)
    values = anchor_to_reference([(text[start:end], kind, value, shift) for start, end, kind, value, shift in chosen],
                                 anchor)
    return [Timex(start, end, text[start:end], kind, value)
            for (start, end, kind, _, _), value in zip(chosen, values, strict=True)]


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


_LEADING = re.compile(r"^(?:for|over|in|on|at|during|since|until|by)\s+", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading preposition and trailing punctuation: TIMEX3 spans do not include them."""
    span = text[start:end]
    m = _LEADING.match(span)
    if m and not span.lower().startswith(("in the past", "in the future", "in the coming", "at present", "at the moment",
                                          "at least", "at most", "at this time")):
        start += m.end()
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return start, end
