"""Tense of the clause around a time expression, read from nearby words."""

from __future__ import annotations

import pytest

from turnstone.extract.tense import tense_near


def tense_of(text: str, span: str) -> str | None:
    start = text.index(span)
    return tense_near(text, start, start + len(span))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire is scheduled to expire on Friday.", "future"),
        ("The ceasefire had been scheduled to expire on Friday.", "past"),
        ("The envoys had originally planned to meet on Friday.", "past"),
        ("The envoys will meet on Friday.", "future"),
        ("The envoys met on Friday.", "past"),
    ],
)
def test_tense_past_perfect_plan_is_past(text: str, expected: str) -> None:
    assert tense_of(text, "Friday") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The security council meets on Friday to discuss the strikes.", "future"),
        ("The truce expires Friday at midnight.", "future"),
        ("Shares fell at the close of business Friday.", "past"),
        ("The envoy met rebel leaders on Friday.", "past"),
    ],
)
def test_tense_schedule_verb_in_the_present_is_future(text: str, expected: str) -> None:
    assert tense_of(text, "Friday") == expected


def test_tense_a_clock_time_does_not_end_the_sentence() -> None:
    text = "The polling stations will open at 7 a.m. on Sunday."
    start = text.index("Sunday")
    assert tense_near(text, start, start + len("Sunday")) == "future"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the auxiliary is far from the weekday: a long object and places between them
        ("Qatar will host indirect talks between the two delegations in its capital, Doha, on Sunday.", "future"),
        ("The minister will meet party leaders during a short private visit to the region starting on Sunday.", "future"),
        ("Officials say the kingdom is set to welcome the foreign ministers of the Gulf states in Riyadh on Sunday.", "future"),
        # the attribution after the comma is another clause
        ("Qatar will host indirect talks between the two delegations in its capital, Doha, on Sunday, officials said.",
         "future"),
        # a past verb after the auxiliary dates the weekday instead
        ("He will never forget how the delegations from both countries were received in the capital on Sunday.", "past"),
        # no auxiliary at all: no tense
        ("The host of the talks between the two delegations in its capital, Doha, on Sunday.", None),
    ],
)
def test_tense_future_auxiliary_governs_a_distant_weekday(text: str, expected: str | None) -> None:
    assert tense_of(text, "Sunday") == expected


def test_tense_without_future_auxiliary_an_attribution_still_dates_the_day() -> None:
    text = "Rebels shelled the outskirts of the provincial capital and two nearby villages on Sunday, officials said."
    assert tense_of(text, "Sunday") == "past"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid will reach the town on a still unspecified date in March.", "future"),
        ("Convoys will cross the troubled region in March.", "future"),
        ("The convoy crossed the region in March.", "past"),
    ],
)
def test_tense_ed_word_after_a_determiner_is_an_adjective(text: str, expected: str) -> None:
    assert tense_of(text, "March") == expected
