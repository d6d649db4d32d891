"""Relative rules of the TIMEX3 grammar: 'three years ago', 'a year earlier', 'last month',
durations, vague stretches, sets and the PAST/PRESENT/FUTURE_REF references.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .tense import PAST_CUE
from .timex_anchor import Shift
from .timex_grammar import UNIT_WORDS, Context, Normalised, RuleList, clause_tense
from .timex_values import (
    HEDGE,
    MONTHS,
    NUM,
    PARTS_OF_DAY,
    SEASONS,
    SMALL,
    UNIT,
    WEEKDAY_RE,
    WEEKDAYS,
    at_granularity,
    duration_value,
    parse_number,
    quarter_of,
    shift,
    unit_of,
    week_value,
)

RELATIVE = RuleList()
rule = RELATIVE.rule

_NUMBER_WORDS = "|".join(w for w in SMALL if " " not in w and w not in ("a", "an"))


@rule("ago",
      rf"\b{HEDGE}?({NUM})[\s-]+({UNIT})(?:\s+or\s+so)?\s+(ago|earlier|later|from\s+now|hence|before|after|previously)\b"
      r"|\b(year|month|week)-(earlier|ago)\b", needs=(UNIT_WORDS, "ago|earlier|later|now|hence|before|after|previously"))
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
      r"(?:(?:fiscal|full|calendar)\s+)?(week|weekend|month|year|decade|century)\b(?!s|-)", needs=("week|month|year|decade|century",))
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
        tense = clause_tense(ctx)
        if anchor.weekday() < 5 and (which == "the" and tense != "future" or which == "this" and tense == "past"):
            step = -1  # "the weekend" read on a weekday, unless in the future tense: the one just gone
        day = anchor + dt.timedelta(weeks=step)
        return "DATE", week_value(day) + "-WE"
    return "DATE", at_granularity(shift(anchor, unit, step), unit)


@rule("unit_before", r"\bthe\s+(day|week|month|year)\s+(before|after)\b(?!\s+(?:last|next|this|yesterday|tomorrow))", needs=("day|week|month|year", "before|after"))
def _unit_before(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'the day after', 'the week before', 'the year after': counted from the time the text last named.
    Set off by a comma after a date ('Oct. 12, the day before the crash') it names that date again."""
    unit = m.group(1).lower()
    step = -1 if m.group(2).lower() == "before" else 1
    if anchor is None:
        return "DATE", None
    text, start, _ = ctx
    if re.search(r"\d,\s*$", text[max(0, start - 4): start]):
        step = 0
    return "DATE", at_granularity(shift(anchor, unit, step), unit), Shift(unit, step, truncate=True)


@rule("next_day", r"\bthe\s+(next|following|previous|preceding|prior)\s+(day|morning|afternoon|evening|night)\b", needs=("day|morning|afternoon|evening|night", "next|following|previous|preceding|prior"))
def _next_day(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'the next day', 'the following morning', 'the previous night': a day from the day the text
    last named (TimeML reference time), else from the anchor."""
    step = 1 if m.group(1).lower() in ("next", "following") else -1
    word = m.group(2).lower()
    part = PARTS_OF_DAY.get(word, "")
    if anchor is None:
        return ("TIME" if part else "DATE"), None
    day = (anchor + dt.timedelta(days=step)).isoformat()
    if part:
        return "TIME", day + part, Shift("day", step, part_of_day=part)
    return "DATE", day, Shift("day", step, truncate=True)


@rule("same_unit", r"\b(?:(earlier|later)\s+)?(?:the\s+same|that\s+same|(that))\s+(day|week|month|year)\b", needs=("day|week|month|year", "same|that"))
def _same_unit(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'the same day', 'later that year', 'earlier that day': the day (week, ...) of the time the
    text last named, else of the anchor. A bare 'that day' is mostly any day ('trades made that day')."""
    unit = m.group(3).lower()
    if m.group(2) and not m.group(1) and unit == "day":
        return None
    if anchor is None:
        return "DATE", None
    return "DATE", at_granularity(anchor, unit), Shift(unit, 0, truncate=True)


YEAR_SPAN_AFTER = re.compile(r"\s+(?:ended|ending|to\s+date)\b", re.IGNORECASE)
YEAR_SPAN_BEFORE = re.compile(r"\b(?:throughout|all)\s+$", re.IGNORECASE)

# After "a second", a noun it counts: the ordinal ("a second round"); a time's words stay time.
ORDINAL_NEXT = re.compile(r"^[ \t]+(?!(?:later|earlier|ago|before|after|or|and|of|in|to|too|longer|more|at|for|"
                          r"so|the|a|an|when|while|then|than|from|since|until|as)\b)[a-z][a-z-]+")


@rule("duration",
      rf"\b(?:the\s+)?(?:(past|last|next|first|coming|previous|following|final|recent|latest)\s+)?{HEDGE}?({NUM})[\s-]+(?:(?:more|additional|further|extra)\s+)?"
      rf"(?:(?:trading|business|working|calendar|school)\s+(?=days?\b))?({UNIT})"
      r"(\s+and\s+a\s+half)?(?:[- ]long)?\b(?!-old)", needs=(UNIT_WORDS,))
def _duration(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, _start, end = ctx
    if re.match(r"-old|\s+old\b|-olds", text[end: end + 6]):
        return None  # an age, not a time
    if m.group(2).lower() in ("a", "an") and (m.group(3).lower().endswith("s") or m.group(0).endswith("long")):
        return None  # "a decades-long feud", "a year-long siege": the article is the noun's (see unit_long)
    number = parse_number(m.group(2))
    if number is None and m.group(2).lower() in ("a", "an"):
        number = 1
    if m.group(4) and number is not None:  # "an hour and a half"
        number += 0.5
    unit = unit_of(m.group(3))
    if (m.group(0).lower() == "one day" and SOMEDAY_BEFORE.search(text[max(0, _start - 8): _start])
            and SOMEDAY_AFTER.match(text[end: end + 12])):
        return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day to come, not a day's length
    if unit == "second" and m.group(3).lower() == "second" and ORDINAL_NEXT.match(text[end: end + 20]):
        return None  # "a second round", "one second attempt": the ordinal, not a time unit
    if unit == "quarter" and number is not None and (re.match(r"\s+of\b", text[end: end + 4]) or "-" in m.group(0)):
        return None  # "three-quarters", "a quarter of the vote": fractions ("several quarters of losses" is time)
    lead = (m.group(1) or "").lower()
    bare = m.group(2).lower() in ("a", "an") and m.start(2) == m.start() and not lead  # no hedge: not "over a decade"
    rate = RATE_BEFORE.search(text[max(0, _start - 40): _start]) if bare else None
    if rate and FREQUENCY.match(rate.group(0)):
        return "SET", duration_value(1, unit)  # "four times a year", "once a week": how often, a SET
    if rate:
        return None  # "$2 million a year", "four flights a week": a rate of an amount, no time (see RATE_BEFORE)
    if number is None and lead in VAGUE_PAST:  # "the last few months": some time before now
        return "DATE", "PAST_REF"  # ("the next few days" stays a duration, as TimeBank has it)
    return "DURATION", duration_value(number, unit)


# "will one day be", "hopes to one day run": a modal or "to" before, a verb after.
SOMEDAY_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|to)\s+$", re.IGNORECASE)
SOMEDAY_AFTER = re.compile(r"^\s+(?!(?:of|after|before|later|earlier|and|or|in|at|on|to|for)\b)[a-z]+\b")

# An amount right before "a year"/"a week" makes it a rate: "$1.5 million a year", "300 flights a
# week". TempEval-3 leaves such a rate of an amount out 7 times in 10 (money, seats, jobs, flights,
# "24 hours a day"; in 5 documents of 3 sources), so it is no time; a frequency ("twice a month",
# "four times a year") is a TIMEX3 SET.
RATE_BEFORE = re.compile(rf"(?:\d|\b(?:million|billion|thousand|hundred|dozen|percent|times|once|twice|{_NUMBER_WORDS}))"
                         r"(?:\s+[a-z]+s)?\s+$", re.IGNORECASE)
FREQUENCY = re.compile(r"(?:\S+\s+)?(?:times|once|twice)\s+$", re.IGNORECASE)

# A vague stretch of time ("the past years", "the coming months") placed before or after now:
# TimeML's PAST_REF / FUTURE_REF rather than a duration of unknown length. "recent years" is the
# exception: TempEval-3 writes "recent years/months/weeks/days" as a stretch of unknown length
# (PXY, PXM, ...) 7 times in 11, PAST_REF 4 times.
VAGUE_PAST = ("past", "last", "recent", "the past")
VAGUE_FUTURE = ("next", "coming", "the coming", "future")


@rule("vague_duration",
      r"\b(?:for\s+|over\s+|in\s+)?(?:(recent|coming|past|the\s+past|future|the\s+first|the)\s+)?"
      r"(years|months|weeks|days|decades|hours|minutes|quarters)\b(\s+ahead\b)?(?!\s+(?:ago|earlier|later))", needs=("years|months|weeks|days|decades|hours|minutes|quarters",))
def _vague(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    """'for years', 'over the years', 'the first hours of', 'the weeks ahead': stretches of unknown length."""
    text, start, _ = ctx
    lead = re.sub(r"\s+", " ", (m.group(1) or "").lower())
    before = text[max(0, start - 12): start].lower()
    cued = re.search(r"\b(for|over|in|within|took|take|takes|lasted|last)\s*$", before) or m.group(3)
    if lead in ("", "the") and not cued and not m.group(0).lower().startswith(("for", "over", "in ")):
        return None  # "years of war", "the years after": not a stretch the clause lasts
    if lead == "recent":
        return "DURATION", duration_value(None, unit_of(m.group(2)))
    if lead in VAGUE_PAST:
        return "DATE", "PAST_REF"
    if lead in VAGUE_FUTURE:
        return "DATE", "FUTURE_REF"
    if m.group(2).lower() == "quarters":
        return None  # "the second and fourth quarters": counted quarters, not a stretch of time
    return "DURATION", duration_value(None, unit_of(m.group(2)))


@rule("unit_long", r"\b(hour|day|week|month|year|decade|centur(?:y|ie))(s?)-long\b", needs=("-long",))
def _unit_long(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'a year-long siege' lasts a year (P1Y); 'a decades-long feud' some decades (PXY)."""
    return "DURATION", duration_value(None if m.group(2) else 1, unit_of(m.group(1)))


@rule("vague_stretch", r"(?<=\bfor\s)(?:some\s+time|a\s+while|a\s+(?:(?:\w+ly|rather|very|quite)\s+)?(?:long|lengthy|short|brief)\s+(?:period|while|spell))\b", needs=("time|while|period|spell",))
def _vague_stretch(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'for some time', 'for a while', 'for a fairly lengthy period': a stretch of unknown length and unit (PXX)."""
    return "DURATION", "PXX"


@rule("set",
      r"\b(?:(?:every|each|per)\s+(?:(other)\s+)?(day|week|month|year|quarter|morning|evening|night|weekend|" + WEEKDAY_RE + r")"
      r"|(daily|weekly|monthly|yearly|annually|hourly|nightly)"
      r"|(once|twice|three\s+times)\s+a\s+(day|week|month|year))\b", needs=("day|week|month|year|quarter|morning|evening|night|daily|annually|hourly",))
def _set(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    if m.group(3):
        word = m.group(3).lower()
        text, start, _ = ctx
        if word == "annually" and RATE_BEFORE.search(text[max(0, start - 40): start].replace("%", " percent")):
            return None
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


@rule("set_of_month", r"\b(?:every|each)\s+(January|February|March|April|May|June|July|August|September|October|November"
      r"|December|spring|summer|fall|autumn|winter)\b", needs=("every|each",))
def _set_of_month(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'each July', 'every winter': that month or season of every year (TIMEX3 SET XXXX-07, XXXX-WI)."""
    word = m.group(1).lower()
    return "SET", f"XXXX-{SEASONS[word]}" if word in SEASONS else f"XXXX-{MONTHS[word]:02d}"


@rule("ref",
      r"\b(?:(now|currently|current|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|right\s+now|at\s+this\s+time)"
      r"|(recently|recent|formerly|in\s+the\s+past|the\s+past|lately|once|earlier)"
      r"|(in\s+the\s+future|the\s+future|future|in\s+the\s+coming\s+(?:days|weeks|months|years)|as\s+soon\s+as\s+possible|soon|a\s+later\s+date"
      r"|the\s+near\s+future|the\s+(?:near|short)\s+term))\b(?![- ]term)", needs=("now|current|present|days|moment|time|recent|formerly|past|lately|once|earlier|future|coming|soon|later|term",))
def _ref(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> tuple[str, str | None] | None:
    text, _start, end = ctx
    word = m.group(0).lower()
    after = text[end: end + 12].lower()
    if word == "once" or word == "earlier":
        return None  # 'once' is mostly 'one time' or 'as soon as'; 'earlier' alone is mostly comparative
    if m.group(0) == "Now" and re.match(r"\s*,|\s+for\b", after):
        return None  # "Now, he says ...", "Now for the weather": a discourse marker, not the present
    if m.group(0) == "Currently" and after.startswith(","):
        return None  # "Currently, ..." opening a sentence: TempEval-3 leaves it out as it does "Now, ..." (2 of 2)
    if word.endswith("future") and re.match(r"\s+of\b", after):
        return None  # "the future of the region": its prospects, not a time
    if word in ("recent", "future"):
        return None  # mostly adjectives ("recent gains", "future growth"), not references to a time
    if word == "soon" and (re.match(r"\s+(?:as|after|before|afterwards?|thereafter)\b", after)
                           or re.search(r"\bas\s+$", text[max(0, _start - 4): _start])):
        return None  # "as soon as", "soon after the vote": a conjunction or a time given elsewhere
    if word == "soon" and (PAST_CUE.match(after.lstrip()) or re.search(r"\b(?:was|were|had)\s+$", text[max(0, _start - 6): _start])):
        return None  # "the trickle soon became a flood", "he was soon freed": soon after a past time, no FUTURE_REF
    if word == "current" and not re.match(r"\s+\w", after):
        return None
    if word in ("current", "currently") and re.search(r"\bthen[\s-]+$", text[max(0, _start - 6): _start], re.IGNORECASE):
        return "DATE", "PAST_REF"  # "the then-current price": current at a time gone by
    if m.group(1):
        return "DATE", "PRESENT_REF"
    if m.group(2):
        return "DATE", "PAST_REF"
    return "DATE", "FUTURE_REF"

