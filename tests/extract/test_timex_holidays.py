"""Holiday rules (fixed and movable feasts); each sentence written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from turnstone.extract.timex import find_timexes

ANCHOR = dt.date(2024, 11, 5)  # a Tuesday, the US Election Day of 2024


def found(text: str, anchor: dt.date | None = ANCHOR) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, anchor)}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Troops will be home by Christmas.", "Christmas", ("DATE", "2024-12-25")),
        ("The ceasefire held through Christmas.", "Christmas", ("DATE", "2023-12-25")),
        ("On New Year's Eve 2022 the city was shelled.", "New Year's Eve 2022", ("DATE", "2022-12-31")),
    ],
)
def test_timex_holidays_fixed(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The refugees landed on Thanksgiving Day.", "Thanksgiving Day", ("DATE", "2023-11-23")),
        ("The pardon came last Thanksgiving.", "last Thanksgiving", ("DATE", "2023-11-23")),
        ("The senator will campaign hard until Election Day.", "Election Day", ("DATE", "2024-11-05")),
        ("Pilgrims crowded the old city on Good Friday 2019.", "Good Friday 2019", ("DATE", "2019-04-19")),
        ("The talks will resume on Labor Day.", "Labor Day", ("DATE", "2025-09-01")),
    ],
)
def test_timex_holidays_movable(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


def test_timex_holidays_lowercase_election_day_is_not_the_us_one() -> None:
    assert "election day" not in found("Voters in Ghana queued for hours on election day.")


@pytest.mark.parametrize(
    ("text", "anchor", "span", "expected"),
    [
        # Easter 2025 is April 20: Holy Week is the ISO week ending on it
        ("Pilgrims will crowd Jerusalem during Holy Week.", ANCHOR, "Holy Week", ("DATE", "2025-W16")),
        ("Riots broke out during Holy Week 2024.", ANCHOR, "Holy Week 2024", ("DATE", "2024-W13")),
        # written on the Monday of that week (April 14, 2025): this week, though the verb is past
        ("Crowds prayed as Easter week began.", dt.date(2025, 4, 14), "Easter week", ("DATE", "2025-W16")),
    ],
)
def test_timex_holidays_holy_week_is_the_week_ending_on_easter(text: str, anchor: dt.date, span: str,
                                                               expected: tuple[str, str]) -> None:
    assert found(text, anchor)[span] == expected
