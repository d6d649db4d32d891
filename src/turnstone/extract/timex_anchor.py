"""Values counted from the time the text last mentioned, not from the publication date.

TimeML anchors "a year earlier", "two days later", "the following year" to the reference time
of the discourse (the ``anchorTimeID`` of a TIMEX3), and earnings news names a quarter once and
then says "the quarter", "the year-ago period", "a year ago" for it and its counterpart. A rule
marks such an expression with a :class:`Shift`; :func:`anchor_to_reference` then recomputes its
value from the last expression the text dated directly (a shifted one never becomes the
reference: "a year earlier ... a year earlier" both count from the same quarter).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

from .timex_values import at_granularity


@dataclass(frozen=True)
class Shift:
    """How a value follows from the reference time.

    ``unit``/``amount``: the distance ("a year earlier" → year, -1); ``year``: a year named
    outright ("the 1988 period"); ``refers_to``: what may anchor it: "quarter" (only a quarter
    the text named: "the latest quarter"), "period" (a quarter or a stretch of this year such as
    "the nine months": "a year ago" in earnings talk), "comparison" (the expression just before
    when it is a quarter: "sales in the third quarter, up from a year ago") or "any" dated
    expression; with none the rule's own value stands; ``truncate``: the value is as
    precise as the unit ("the following year" is a year, "a year later" a day when the
    reference was a day); ``part_of_day``: a TIMEX3 part of day put after a day ("in the
    morning" → the day named before, TMO), which then needs a day to refer to; ``weekday``
    (Monday 0): the nearest such weekday before the day named (``amount`` -1: "the previous
    Friday") or after it (+1: "the following Monday"), which also needs a day.
    """

    unit: str
    amount: int = 0
    year: int | None = None
    refers_to: Literal["quarter", "period", "comparison", "any"] = "any"
    truncate: bool = False
    part_of_day: str = ""
    weekday: int | None = None


# Values that can anchor others: a year, quarter, month, ISO week or day (a part of day dropped).
REFERENCE = re.compile(r"^(\d{4})(?:-Q([1-4])|-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?(?:T[A-Z0-9:]+)?$")
# Units a reference of each granularity can be moved by and still say something exact.
UNITS_FOR = {
    "year": {"year", "decade", "century"},
    "quarter": {"year", "quarter"},
    "month": {"year", "quarter", "month"},
    "week": {"year", "month", "week"},
    "day": {"year", "quarter", "month", "week", "fortnight", "day"},
}


def shifted_value(reference: str, shift: Shift) -> str | None:
    """``reference`` moved as ``shift`` says, at the reference's own granularity; None when it cannot be."""
    m = REFERENCE.match(reference)
    if not m:
        return None
    year_s, quarter, week, month, day = m.groups()
    year = int(year_s)
    if shift.refers_to in ("quarter", "comparison") and not quarter:
        return None
    grain = "quarter" if quarter else "week" if week else "day" if day else "month" if month else "year"
    if (shift.part_of_day or shift.weekday is not None) and grain != "day":
        return None
    if shift.weekday is not None:
        return weekday_beside(dt.date(year, int(month), int(day)), shift.weekday, shift.amount).isoformat() + shift.part_of_day
    if shift.unit not in UNITS_FOR[grain]:
        return None
    if shift.year is not None:
        year, amount, unit = shift.year, 0, "year"
    else:
        amount, unit = shift.amount, shift.unit
    if grain == "year":
        years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
        return f"{year + years:04d}"
    if grain == "quarter":
        index = year * 4 + int(quarter) - 1 + amount * (4 if unit == "year" else 1)
        return f"{index // 4:04d}" if shift.truncate and unit == "year" else f"{index // 4:04d}-Q{index % 4 + 1}"
    if grain == "week":
        start = dt.date.fromisocalendar(year, int(week), 1)
    else:
        start = dt.date(year, int(month), int(day or 1))
    moved: dt.date = start + _step(unit, amount)
    if shift.truncate or grain == "week":
        return at_granularity(moved, unit if shift.truncate else "week")
    if grain == "month":
        return f"{moved.year:04d}-{moved.month:02d}"
    return moved.isoformat() + shift.part_of_day


def weekday_beside(day: dt.date, weekday: int, direction: int) -> dt.date:
    """The nearest ``weekday`` strictly before ``day`` (direction < 0) or strictly after it."""
    if direction < 0:
        return day - dt.timedelta(days=(day.weekday() - weekday) % 7 or 7)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def _step(unit: str, amount: int) -> relativedelta:
    return {
        "year": relativedelta(years=amount), "quarter": relativedelta(months=3 * amount),
        "month": relativedelta(months=amount), "week": relativedelta(weeks=amount),
        "fortnight": relativedelta(weeks=2 * amount), "day": relativedelta(days=amount),
    }[unit]


# "the nine months", "the first six months": a stretch of the anchor's year that results are
# compared with ("... from $3 million a year earlier"): it anchors at year precision.
YEAR_PERIOD = re.compile(r"^the\s+(?:first\s+|latest\s+)?\w+\s+months$", re.IGNORECASE)


# "the quarter ended Sept. 30", "the year ending June 30": the date only bounds the period named
# before it, which stays the time the text is about ("... up from $3 million a year earlier" compares
# with the quarter, not with Sept. 30).
PERIOD_END_BEFORE = re.compile(r"\b(?:quarter|period|year|months|weeks)\s+(?:ended|ending)\s+$", re.IGNORECASE)


def anchor_to_reference(found: list[tuple[str, str, str | None, Shift | None]],
                        anchor: dt.date | None, bounds_period: list[bool] | None = None) -> list[str | None]:
    """The values of expressions in text order, shifted ones recomputed from the last direct one.

    ``found`` holds (text, type, value, shift) per expression; a shifted expression with no
    usable reference keeps the value its rule gave (counted from the publication date). Only a
    quarter over by ``anchor`` is one earnings talk refers back to: a forecast for the fourth
    quarter does not make it "the latest quarter". ``bounds_period`` marks the expressions that
    only end a period named before them (see PERIOD_END_BEFORE): they never become the reference.
    """
    out: list[str | None] = []
    last: str | None = None  # the last directly dated value
    last_quarter: str | None = None  # the last quarter named: earnings talk refers back to it
    period: str | None = None  # the last quarter or stretch of the year results were given for
    for i, (text, kind, value, shift) in enumerate(found):
        if shift is None:
            out.append(value)
            if bounds_period and bounds_period[i]:
                continue
            if kind in ("DATE", "TIME") and value and REFERENCE.match(value):
                last = value
                if "-Q" in value and _quarter_over(value, anchor):
                    last_quarter = period = value
            elif kind == "DURATION" and anchor is not None and YEAR_PERIOD.match(text):
                period = last = str(anchor.year)
            continue
        comparison = last if last and "-Q" in last else None
        reference = {"quarter": last_quarter, "period": period, "comparison": comparison, "any": last}[shift.refers_to]
        moved = shifted_value(reference, shift) if reference else None
        out.append(moved if moved is not None else value)
    return out


def _quarter_over(value: str, anchor: dt.date | None) -> bool:
    year, quarter = int(value[:4]), int(value[6])
    return anchor is None or dt.date(year, 3 * quarter, 1) + relativedelta(months=1) <= anchor
