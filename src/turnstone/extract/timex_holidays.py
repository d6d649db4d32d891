"""Holiday rules of the TIMEX3 grammar: days named by a holiday, fixed ('Christmas Day') or
movable ('Thanksgiving', 'Good Friday', the US Election Day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter

from .timex_grammar import Context, Normalised, RuleList, clause_tense
from .timex_values import YEAR_RE, week_value

HOLIDAY_RULES = RuleList()
rule = HOLIDAY_RULES.rule

# Holidays on a fixed day of the year, and movable ones news dates events by (a US-centred set:
# the wires TimeBank and our users read); Ramadan and other lunar feasts are left out.
HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
            "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14),
            "halloween": (10, 31), "bastille day": (7, 14), "armistice day": (11, 11), "remembrance day": (11, 11),
            "veterans day": (11, 11)}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 the last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


MOVABLE_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),  # fourth Thursday of November (US)
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),  # Tuesday after the first Monday
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "easter": lambda y: dt.date.fromordinal(easter(y).toordinal()),  # dateutil is untyped
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
}


def _holiday_date(name: str, year: int) -> dt.date:
    if name in MOVABLE_HOLIDAYS:
        return MOVABLE_HOLIDAYS[name](year)
    month, day = HOLIDAYS[name]
    return dt.date(year, month, day)


@rule("holiday", r"\b(?:(last|next|this)\s+)?(new\s+year'?s\s+(?:day|eve)|christmas(?:\s+(?:eve|day))?|boxing\s+day"
      r"|valentine'?s\s+day|halloween|bastille\s+day|armistice\s+day|remembrance\s+day|veterans'?\s+day"
      r"|thanksgiving(?:\s+day)?|election\s+day|memorial\s+day|labou?r\s+day|easter(?:\s+(?:sunday|monday))?(?!\s+week)|good\s+friday)\b"
      rf"(?:,?\s+({YEAR_RE}))?", needs=("day|year|christmas|halloween|thanksgiving|easter",))
def _holiday(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'on Christmas Day', 'New Year's Eve 2023', 'last Thanksgiving': that day, in the year named,
    the one the lead word points to, or the nearest one (moved by the tense when it is over or
    still to come)."""
    name = re.sub(r"\s+", " ", m.group(2).lower()).replace("years", "year's").replace("valentines", "valentine's")
    name = name.replace("veterans'", "veterans").replace("labour", "labor").replace("easter sunday", "easter")
    name = {"thanksgiving day": "thanksgiving"}.get(name, name)
    if name == "election day" and not m.group(2)[0].isupper():
        return None  # "on election day" of any vote is that vote's day, not the US Election Day
    if m.group(3):
        return "DATE", _holiday_date(name, int(m.group(3))).isoformat()
    if anchor is None:
        return "DATE", None
    return "DATE", _chosen_day(name, anchor, (m.group(1) or "").lower(), ctx).isoformat()


def _chosen_day(name: str, anchor: dt.date, lead: str, ctx: Context) -> dt.date:
    """The holiday the lead word ('last', 'next', 'this') points to, else the nearest one, moved
    by the tense when it is over or still to come."""
    days = [_holiday_date(name, anchor.year + k) for k in (-1, 0, 1)]
    if lead == "last":
        day = max(d for d in days if d < anchor)
    elif lead == "next":
        day = min(d for d in days if d > anchor)
    elif lead == "this":
        day = days[1]
    else:
        day = min(days, key=lambda d: abs((d - anchor).days))
        tense = clause_tense(ctx)
        if tense == "past" and day > anchor:
            day = days[days.index(day) - 1]
        elif tense == "future" and day < anchor:
            day = days[days.index(day) + 1]
    return day


@rule("holy_week", r"\b(?:(last|next|this)\s+)?(?:Easter|Holy)\s+[Ww]eek\b(?:,?\s+(" + YEAR_RE + r"))?", flags=0,
      needs=("week", "easter|holy"))
def _holy_week(m: re.Match[str], anchor: dt.date | None, ctx: Context) -> Normalised | None:
    """'Holy Week', 'Easter week': the ISO week that ends on Easter Sunday (Holy Monday to Easter)."""
    if m.group(2):
        return "DATE", week_value(_holiday_date("easter", int(m.group(2))))
    if anchor is None:
        return "DATE", None
    lead = (m.group(1) or "").lower()
    sunday = _holiday_date("easter", anchor.year)
    if not lead and sunday - dt.timedelta(days=6) <= anchor <= sunday:
        return "DATE", week_value(sunday)  # written during the week itself, whatever the tense
    return "DATE", week_value(_chosen_day("easter", anchor, lead, ctx))
