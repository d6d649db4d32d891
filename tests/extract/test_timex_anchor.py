"""Values counted from the time the text last named (TimeML reference time), not the DCT."""

from __future__ import annotations

import datetime as dt

import pytest

from turnstone.extract.timex import find_timexes
from turnstone.extract.timex_anchor import Shift, shifted_value

ANCHOR = dt.date(2024, 11, 5)  # a Tuesday in the fourth quarter


def values(text: str, anchor: dt.date | None = ANCHOR) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, anchor)}


@pytest.mark.parametrize(
    ("reference", "shift", "expected"),
    [
        ("2024-Q3", Shift("year", -1), "2023-Q3"),
        ("2024-Q1", Shift("quarter", -1), "2023-Q4"),
        ("2021-03-03", Shift("day", 2), "2021-03-05"),
        ("2021-03-03", Shift("year", -1), "2020-03-03"),
        ("2019", Shift("year", 1), "2020"),
        ("2019-07", Shift("month", -8), "2018-11"),
        ("2024-W01", Shift("week", -1), "2023-W52"),
        ("2024-Q3", Shift("year", year=2021), "2021-Q3"),
        ("2019", Shift("day", 2), None),  # a year cannot say which day two days later is
        ("2024-05-01", Shift("year", -1, refers_to="quarter"), None),
        ("PRESENT_REF", Shift("year", -1), None),
    ],
)
def test_timex_anchor_shifted_value(reference: str, shift: Shift, expected: str | None) -> None:
    assert shifted_value(reference, shift) == expected


def test_timex_anchor_later_counts_from_the_date_named() -> None:
    found = values("The rebels took the town on March 3, 2021. Two days later the army was back.")
    assert found["Two days later"] == "2021-03-05"


def test_timex_anchor_earlier_without_a_date_counts_from_the_anchor() -> None:
    assert values("Talks collapsed, and two days earlier the envoy had left.")["two days earlier"] == "2024-11-03"


def test_timex_anchor_ago_counts_from_the_anchor_not_the_date_named() -> None:
    found = values("The ceasefire of March 3, 2021 held until three years ago.")
    assert found["three years ago"] == "2021"


def test_timex_anchor_year_earlier_in_earnings_talk_takes_the_quarter() -> None:
    text = ("Profit in the second quarter rose 4%, the firm said on Sept. 30. A year earlier it had lost money. "
            "Sales for the quarter were flat, against the year-ago quarter.")
    found = values(text)
    assert found["the second quarter"] == "2024-Q2"
    assert found["A year earlier"] == "2023-Q2"
    assert found["the quarter"] == "2024-Q2"
    assert found["the year-ago quarter"] == "2023-Q2"


def test_timex_anchor_a_shifted_value_is_no_reference() -> None:
    text = "Revenue in the second quarter fell, as it had a year earlier; costs were up from a year earlier."
    assert [t.value for t in find_timexes(text, ANCHOR)] == ["2024-Q2", "2023-Q2", "2023-Q2"]


def test_timex_anchor_a_forecast_quarter_is_not_the_latest_one() -> None:
    found = values("The group expects a loss in the fourth quarter. In the latest quarter it earned $3 million.")
    assert found["the fourth quarter"] == "2024-Q4"
    assert found["the latest quarter"] == "2024-Q3"


def test_timex_anchor_named_year_period_keeps_the_quarter() -> None:
    found = values("Third-quarter sales rose to $5 million from $4 million in the 2022 period.")
    assert found["the 2022 period"] == "2022-Q3"


def test_timex_anchor_year_earlier_after_months_of_results_is_a_year() -> None:
    text = ("Third-quarter profit rose; in the quarter sales grew. For the nine months, net income was $8 million, "
            "up from $6 million a year earlier.")
    assert values(text)["a year earlier"] == "2023"


def test_timex_anchor_year_earlier_after_months_outside_earnings_talk_is_a_year() -> None:
    # one quarter named only: not earnings talk, so "year-earlier" counts from the time last named
    text = ("Output fell in the third quarter. For the nine months, the mine lost $2 million, "
            "compared with year-earlier profit of $1 million.")
    assert values(text)["year-earlier"] == "2023"


def test_timex_anchor_ago_outside_earnings_talk_ignores_a_quarter_named() -> None:
    found = values("Exports fell in the third quarter. The border closed three years ago.")
    assert found["three years ago"] == "2021"


def test_timex_anchor_a_year_ago_compares_with_the_quarter_just_named() -> None:
    found = values("Grain exports reached 3 million tonnes in the third quarter, up from 2 million a year ago.")
    assert found["a year ago"] == "2023-Q3"


def test_timex_anchor_ago_is_the_reference_for_earlier() -> None:
    found = values("The mine closed two years ago. A year earlier, miners had struck.")
    assert found["two years ago"] == "2022"
    assert found["A year earlier"] == "2021"


def test_timex_anchor_a_year_ago_then_a_year_earlier_say_the_same_year() -> None:
    found = values("Output was 4 million tonnes, against 3 million a year ago; a year earlier, prices had been higher.")
    assert found["a year ago"] == found["a year earlier"] == "2023"


def test_timex_anchor_in_the_morning_is_of_the_day_named() -> None:
    found = values("Shelling resumed on Friday. In the morning, crowds gathered at the gate.")
    assert found["the morning"] == "2024-11-01TMO"


def test_timex_anchor_later_in_the_day_without_a_day_is_the_anchor() -> None:
    assert values("In a city of 40,000, shops closed in 2020. Later in the day, the mayor spoke.")[
        "Later in the day"] == "2024-11-05"


def test_timex_anchor_the_same_day_is_the_day_named() -> None:
    found = values("Jets struck the border post on Friday. The neighbours recalled their envoys the same day.")
    assert found["the same day"] == "2024-11-01"


def test_timex_anchor_named_year_period_after_months_of_results_is_that_year() -> None:
    text = ("Third-quarter profit rose. In the first nine months, net was $40 million, compared with "
            "a loss of $5 million in the 2023 period.")
    assert values(text)["the 2023 period"] == "2023"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The index closed lower on Friday, Oct. 25, down 3% from the previous Friday.", "the previous Friday",
         "2024-10-18"),
        ("Rebels took the airport on Oct. 9. The following Monday, the army struck back.", "The following Monday",
         "2024-10-14"),
        ("Talks broke down on Oct. 9 and resumed the following Monday night.", "the following Monday night",
         "2024-10-14TNI"),
        ("Observers said they would return the following Monday.", "the following Monday", "2024-11-11"),
    ],
)
def test_timex_anchor_previous_or_following_weekday_counts_from_the_day_named(text: str, span: str,
                                                                            expected: str) -> None:
    assert values(text)[span] == expected


def test_timex_anchor_the_date_ending_a_period_is_no_reference() -> None:
    found = values("The mill earned $4 million in the fiscal first quarter ended Sept. 30, against a loss a year earlier.")
    assert found["Sept. 30"] == "2024-09-30"
    assert found["a year earlier"] == "2023-Q1"
