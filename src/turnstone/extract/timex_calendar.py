"""Calendar rules of the TIMEX3 grammar: dates, months, years, decades, quarters, seasons,
days named by deixis or by weekday, parts of day and clock times.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .tense import Tense
from .timex_anchor import Shift, weekday_beside
from .timex_grammar import (
    DIGIT,
    MONTH_WORDS,
    Context,
    Normalised,
    RuleList,
    clause_tense,
    month_number,
    preposition_tense,
)
from .timex_values import (
    DAYPART_RE,
    MONTH_RE,
    ORDINAL,
    PARTS_OF_DAY,
    SEASONS,
    SMALL,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    month_year,
    quarter_of,
    season_year,
    week_value,
    weekday_date,
)

CALENDAR = RuleList()
rule = CALENDAR.rule

@rule("iso_date", r"\b(\d{4})-(\d{2})-(\d{2})\b", needs=(DIGIT, "-"))
def _iso(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    return "DATE", f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


@rule("numeric_date", r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b", needs=(DIGIT, "/"))
def _numeric(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900 if year > 30 else 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


@rule("month_day_year",
      rf"\b(?:(?:early|late|mid)[- ])?({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({YEAR_RE}))?\b(?!\s*(?:%|percent|million|billion))",
      flags=0, needs=(DIGIT, MONTH_WORDS))
def _month_day(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    month, day = month_number(m.group(1)), int(m.group(2))
    if not 1 <= day <= 31:
        return None
    if m.group(3):
        year = int(m.group(3))
    elif anchor is None:
        return "DATE", None
    elif (tense := preposition_tense(ctx)) == "past":  # "since the Oct. 23 attack": the last such day
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    else:
        year = month_year(anchor, month, tense or clause_tense(ctx))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


@rule("week_of", rf"\bthe\s+week\s+of\s+({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({YEAR_RE}))?\b", flags=re.IGNORECASE, needs=(DIGIT, "week"))
def _week_of(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'the week of March 6': the ISO week holding that day."""
    found = _month_day(m, anchor, ctx)
    if found is None or found[1] is None:
        return found
    return "DATE", week_value(dt.date.fromisoformat(found[1]))


@rule("day_month_year", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})(?:,?\s+({YEAR_RE}))?\b", flags=0, needs=(DIGIT, MONTH_WORDS))
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
      flags=0, needs=(DIGIT, MONTH_WORDS))
def _month_year(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    return "DATE", f"{int(m.group(2)):04d}-{month_number(m.group(1)):02d}"


# "March" as the name of a protest: an article before it and a capitalised name after it.
MARCH_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w'-]+\s+)?[\"'`\u201c]*$", re.IGNORECASE)  # the ``March of ...
MARCH_AFTER = re.compile(r"^\s+(?:for|of|on|against|to)\s+(?:the\s+)?[A-Z]")


@rule("bare_month",
      r"\b(?:(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ]|(?:[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+end\s+of|[Tt]he\s+beginning\s+of"
      r"|[Ee]arlier\s+this|[Ll]ater\s+this)\s+))?"
      r"(January|February|March|April|June|July|August|September|October|November|December|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)"
      r"(?!\s+\d)\b(?:,?\s+(?:of\s+)?(last|this|next)\s+year\b)?",
      flags=0, needs=(MONTH_WORDS,))
def _bare_month(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, start, end = ctx
    if m.group(1) == "March" and MARCH_BEFORE.search(text[max(0, start - 30): start]) and MARCH_AFTER.match(text[end: end + 40]):
        return None  # "the annual March for Life", "a March on Washington": a protest march named
    if anchor is None:
        return "DATE", None
    month = month_number(m.group(1))
    lead = m.group(0)[: m.start(1) - m.start(0)].lower()
    if m.group(2):  # "July last year"
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
    elif "last" in lead:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif "next" in lead:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif "this" in lead:
        year = anchor.year
    elif (tense := preposition_tense(ctx)) == "past":  # "since March": the last March begun
        year = anchor.year if month <= anchor.month else anchor.year - 1
    else:
        year = month_year(anchor, month, tense or clause_tense(ctx))
    return "DATE", f"{year:04d}-{month:02d}"


# "May" is also a modal verb: only as a date after a preposition or a time word.
@rule("may", r"\b(?:(?<=in )|(?<=since )|(?<=until )|(?<=by )|(?<=last )|(?<=next )|(?<=this )|(?<=early )|(?<=late )|(?<=mid-))May\b(?!\s+\d)",
      flags=0, needs=("may",))
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
        year = month_year(anchor, 5, clause_tense(ctx))
    return "DATE", f"{year:04d}-05"


_DECADE_WORDS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8,
                 "ninety": 9}


@rule("spelled_year",
      r"\b(?:the\s+year\s+)?(?:nineteen\s+(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?"
      r"|(two\s+thousand)(?:\s+and\s+|\s+)?(one|two|three|four|five|six|seven|eight|nine)?)\b", needs=("nineteen|thousand",))
def _spelled_year(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    """Years read out in broadcast transcripts: 'nineteen ninety-six', 'the year two thousand'."""
    if m.group(1):
        return "DATE", f"19{_DECADE_WORDS[m.group(1).lower()]}{SMALL[m.group(2).lower()] if m.group(2) else 0}"
    if not m.group(0).lower().startswith("the year") and not m.group(4):
        return None  # 'two thousand' alone is mostly a number
    return "DATE", f"20{SMALL[m.group(4).lower()] if m.group(4) else 0:02d}"


@rule("century", r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th)\s+century\b", needs=(DIGIT, "century"))
def _century(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    return "DATE", f"{int(m.group(1)) - 1:02d}"


@rule("decade", r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(1[6-9]\d0|20\d0)'?s\b|\bthe\s+'(\d0)s\b"
      r"|\bthe\s+(?:(?:early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", needs=(DIGIT + "|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",))
def _decade(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if m.group(1):
        return "DATE", m.group(1)[:3]
    if m.group(3):  # "the nineties": the last such decade of the 20th century, as news of any year means it
        return "DATE", f"19{_DECADE_WORDS[m.group(3).lower()[:-3] + 'y']}"
    return "DATE", "19" + m.group(2)[0]


@rule("year",
      rf"\b(?:(?:fiscal|calendar|the\s+year|early|late|mid[- ]?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)\s+)?({YEAR_RE})\b"
      r"(?![-/]\d|\s*(?:%|percent|\$)|,\d|\.\d|\s+(?:people|persons|troops|soldiers|votes|units|tons|feet|metres|meters|miles|km|dollars|shares|points)"
      r"|\s+(?:GMT|UTC|Zulu|hours\s+(?:GMT|UTC|local)))", needs=(DIGIT,))  # "(0735 GMT)": a 24-hour clock time, not a year
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
      r"(?:\s+of\s+(?:fiscal\s+)?(\d{4}))?(\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?", needs=("quarter|period",))
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
    if year is not None:  # 'the 1988 period': that year's counterpart of the period in question (a quarter, 'the nine months')
        return "DATE", f"{year}-Q{quarter_of(reported)}", Shift("year", year=year, refers_to="period")
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


@rule("year_end", r"\b(?:the\s+)?(?:year[- ]end|year's\s+end|end\s+of\s+the\s+year)\b", needs=("year",))
def _year_end(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'by year-end', 'by year's end': the year it closes (TimeBank writes the year)."""
    return "DATE", str(anchor.year) if anchor else None


@rule("half", r"\b(?:the\s+)?(first|second|last)\s+(?:half\s+(?:of\s+)?|two\s+quarters\s+of\s+(?=\d|th|la|ne))"
      r"(?:(\d{4})|(this|last|next)\s+year)?\b", needs=("half|quarters",))
def _half(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    """'the first half of 2024', 'the last two quarters of this year' (a half named by its quarters)."""
    h = "H1" if m.group(1).lower() == "first" else "H2"
    if m.group(2):
        return "DATE", f"{m.group(2)}-{h}"
    if anchor is None:
        return "DATE", None
    year = anchor.year + {"last": -1, "next": 1}.get((m.group(3) or "").lower(), 0)
    return "DATE", f"{year}-{h}"


@rule("season", r"\b(?:(this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|early|late)\s+)?(spring|summer|fall|autumn|winter)(?:\s+of\s+(\d{4}))?\b", needs=("spring|summer|fall|autumn|winter",))
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
        year = season_year(anchor, code, preposition_tense(ctx) or clause_tense(ctx))
    return "DATE", f"{year}-{code}"


@rule("deictic_day", r"\b(?:(early|late|earlier|later)\s+)?(today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b"
      r"(?:\s+(morning|afternoon|evening|night))?", needs=("today|tonight|yesterday|tomorrow",))
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


@rule("day_anaphor", r"\b(?:(?:earlier|later)\s+in\s+the\s+day|(?<=in\s)the\s+(morning|afternoon|evening))\b", needs=("day|morning|afternoon|evening",))
def _day_anaphor(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'later in the day', 'in the morning': that day of the day the text last named (TimeML's
    reference time), else of the anchor."""
    part = PARTS_OF_DAY[m.group(1).lower()] if m.group(1) else ""
    kind = "TIME" if part else "DATE"
    if anchor is None:
        return kind, None
    return kind, anchor.isoformat() + part, Shift("day", 0, part_of_day=part)


@rule("mid_daypart", r"\b(?:(early|mid|late)[- ]?(morning|afternoon|evening)|(midday))\b(?:\s+(today|yesterday|tomorrow))?", needs=("morning|afternoon|evening|midday",))
def _mid_daypart(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'by mid-afternoon', 'at midday', 'late evening yesterday': a part of the day named beside it,
    else of the day the text last named (TimeML reference time), else of the anchor."""
    part = "T12:00" if m.group(3) else PARTS_OF_DAY[m.group(2).lower()]
    if anchor is None:
        return "TIME", None
    if m.group(4):
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(4).lower()]
        return "TIME", (anchor + dt.timedelta(days=offset)).isoformat() + part
    return "TIME", anchor.isoformat() + part, Shift("day", 0, part_of_day=part)


@rule("daypart", r"\b(this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)\b|\bovernight\b", needs=("morning|afternoon|evening|night",))
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
    tense = clause_tense(ctx) or "past"  # a night's events are mostly reported after it
    day = weekday_date(anchor, WEEKDAYS[name], tense)
    return day - dt.timedelta(days=1) if into else day


@rule("weekday",
      rf"\b(?:((?i:last|next|this|this\s+coming|this\s+past|coming|past|early|late|earlier|later"
      rf"|the\s+(?:previous|preceding|following|next)))\s+(?:on\s+)?)?({WEEKDAY_RE})"
      rf"(?:\s+({DAYPART_RE}s?))?\b(?:,?\s+({MONTH_RE})\s+(\d{{1,2}})(?:,?\s+({YEAR_RE}))?)?",
      flags=0, needs=("day",))
def _weekday(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    name = m.group(2).lower()
    if name.endswith("s") and name != "tuesdays" or name.endswith("days") and name[:-1] in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[name[:-1]] + 1}"
    # "Tuesday nights", "on Monday and Tuesday nights": that part of every such day (TIMEX3 SET)
    plural = m.group(3) if m.group(3) and m.group(3).endswith("s") else None
    if plural is None and not m.group(3):
        joined = PLURAL_PART_AFTER.match(ctx[0], ctx[2])
        plural = joined.group(1) if joined else None
    if plural:
        return "SET", f"XXXX-WXX-{WEEKDAYS[name] + 1}{PARTS_OF_DAY[plural.lower().rstrip('s')]}"
    # "Friday night" is a time of that day (TIMEX3 1998-02-13TNI), as TimeBank and our gold have it.
    kind, suffix = ("TIME", PARTS_OF_DAY[m.group(3).lower()]) if m.group(3) else ("DATE", "")
    if m.group(4) and m.group(5):  # "Friday, March 3[, 2024]": the calendar date decides
        swapped = _Groups({1: m.group(4), 2: m.group(5), 3: m.group(6)})
        found = _month_day(swapped, anchor, ctx)  # type: ignore[arg-type]
        return (kind, found[1] + suffix if found and found[1] else None)
    if anchor is None:
        return kind, None
    lead = re.sub(r"\s+", " ", (m.group(1) or "").lower())
    if lead.startswith("the "):
        # "the previous Friday", "the following Monday": the one before or after the day the text
        # last named (TimeML reference time), else before or after the anchor.
        step = -1 if lead.endswith(("previous", "preceding")) else 1
        day = weekday_beside(anchor, WEEKDAYS[name], step)
        return kind, day.isoformat() + suffix, Shift("day", step, part_of_day=suffix, weekday=WEEKDAYS[name])
    lead_lower = lead.split()[0] if lead else ""
    tense: Tense
    if lead_lower in ("last", "past") or lead == "this past":
        tense = "past"
    elif lead_lower in ("next", "coming") or lead == "this coming":
        tense = "future"
    else:
        tense = clause_tense(ctx)
    day = weekday_date(anchor, WEEKDAYS[name], tense)
    if lead_lower == "next" and (day - anchor).days < 1:
        day += dt.timedelta(days=7)
    if lead_lower == "last" and day == anchor:  # "last Wednesday" written on a Wednesday
        day -= dt.timedelta(days=7)
    return kind, day.isoformat() + suffix


@rule("day_beside_weekday",
      r"\bthe\s+day\s+(before|after)\s+(?:(last|next|this)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
      flags=re.IGNORECASE, needs=("day", "before|after"))
def _day_beside_weekday(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'the day before last Tuesday's hearing', 'the day after Friday's vote': that weekday's date
    one day back or on (one TIMEX3, as the guidelines write 'the day before yesterday')."""
    if anchor is None:
        return "DATE", None
    found = _weekday(_Groups({1: m.group(2), 2: m.group(3), 3: None, 4: None, 5: None, 6: None}), anchor, ctx)  # type: ignore[arg-type]
    if found is None or found[1] is None or found[0] != "DATE":
        return None
    step = -1 if m.group(1).lower() == "before" else 1
    return "DATE", (dt.date.fromisoformat(found[1]) + dt.timedelta(days=step)).isoformat()


# "Monday and Tuesday nights": the part of day written once, in the plural, after the last weekday.
PLURAL_PART_AFTER = re.compile(rf"\s*(?:,|\s(?:and|or))\s+{WEEKDAY_RE}\s+({DAYPART_RE})s\b")


class _Groups:
    def __init__(self, groups: dict[int, str | None]) -> None:
        self.groups = groups

    def group(self, i: int) -> str | None:
        return self.groups[i]


@rule("clock",
      r"\b(?:(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b|(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening|night)\b)"
      r"|(noon|midnight))"
      r"(?:\s+(?:(?:local|GMT|EST|EDT|ET|UTC)\s+time|(?:GMT|EST|EDT|UTC)))?"
      rf"(?:,?\s+(?:({WEEKDAY_RE})|({MONTH_RE})\s+(\d{{1,2}})\b))?",
      flags=re.IGNORECASE, needs=("a.m|p.m|am|pm|noon|midnight|morning|afternoon|evening|night",))
def _clock(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    """'3 p.m.', '4 in the morning', 'noon', with the day named right after it: '10 p.m. Wednesday'
    is one TIMEX3; '6 a.m. on Friday' two, 'on' being a TimeML signal between them."""
    if m.group(4):
        hour, minute = (12, 0) if m.group(4).lower() == "noon" else (24, 0)
    else:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour > 12:
            return None
        meridiem = m.group(3).lower()
        if not meridiem.endswith(".") and " " in meridiem and not CLOCK_PREPOSITION.search(ctx[0], 0, m.start()):
            return None  # "killed 3 in the morning attack": a count, not a clock time
        pm = meridiem.startswith("p") or meridiem.endswith(("afternoon", "evening")) or (
            meridiem.endswith("night") and hour >= 6)  # "10 at night" is 22:00, "2 in the night" 02:00
        hour = (hour % 12) + (12 if pm else 0)
    if anchor is None:
        return "TIME", None
    day = _day_after_clock(m, anchor, ctx)
    clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    return "TIME", f"{day.isoformat()}{clock}"


# "at 4 in the morning": a clock time said in words needs its preposition.
CLOCK_PREPOSITION = re.compile(r"\b(?:at|by|around|about|until|till|before|after|from|since)\s+$", re.IGNORECASE)
# "6 a.m. on Friday", "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": the
# wires give the time in GMT, or again with its day, in brackets.
_DAY_AFTER_CLOCK = re.compile(rf"^(?:,?\s+on\s+|\s*\([^()]{{1,25}}\),?(?:\s+on)?\s+|\s*\([^()]{{0,25}}\b(?=\w+\)))({WEEKDAY_RE})\b")
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
        return weekday_date(anchor, WEEKDAYS[name], clause_tense(ctx))
    if not month_name:
        return anchor
    month, day = month_number(month_name), int(day_text)
    try:
        return dt.date(month_year(anchor, month, clause_tense(ctx)), month, day)
    except ValueError:
        return anchor
