"""The clustering decision: type, date window, participant veto, evidence words."""

from __future__ import annotations

import pytest

from turnstone.store.cluster import (
    Signature,
    cluster_signatures,
    date_range,
    dates_compatible,
    evidence_tokens,
    participant_key,
    same_event,
    score,
    stem,
)


@pytest.mark.parametrize(("value", "expected"), [
    ("2025", ("2025-01-01", "2025-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2025-12", ("2025-12-01", "2025-12-31")),
    ("2025-02-12", ("2025-02-12", "2025-02-12")),
    ("2025-02-12T10:30", ("2025-02-12", "2025-02-12")),
    ("P3Y", (None, None)),
    (None, (None, None)),
    ("2025-13", (None, None)),
])
def test_cluster_date_range(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert date_range(value) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("talks", "talk"), ("talked", "talk"), ("talking", "talk"), ("attacks", "attack"), ("stopped", "stop"),
    ("negotiations", "negoti"), ("agreed", "agre"), ("agree", "agree"), ("bus", "bus"), ("carried", "carry"),
])
def test_cluster_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_cluster_evidence_tokens_drop_stopwords() -> None:
    assert evidence_tokens("The ministers said they talked about the border.") == {"minister", "talk", "border"}


def test_cluster_participant_key_prefers_country() -> None:
    assert participant_key("Vladimir Putin", "rus") == "RUS"
    assert participant_key("  Hamas  Movement ", None) == "hamas movement"


def sig(event: str = "CONSULT", day: str | None = "2031-05-05", people: tuple[str, ...] = ("FRE", "SYL"),
        words: str = "ministers met in Geneva") -> Signature:
    start, end = date_range(day)
    return Signature(event, start, end, set(people), evidence_tokens(words))


def test_cluster_same_report_matches() -> None:
    assert same_event(sig(), sig(day="2031-05-06", words="foreign ministers held talks in Geneva"))


@pytest.mark.parametrize("other", [
    sig(event="AGREE"),  # another type
    sig(day="2031-05-12"),  # outside the window
    sig(people=("OCE", "EAS")),  # disjoint participants veto
])
def test_cluster_different_events_do_not_match(other: Signature) -> None:
    assert score(sig(), other) == 0.0


def test_cluster_window_and_unknown_dates() -> None:
    assert dates_compatible(sig(day="2031-05-01"), sig(day="2031-05-02"))
    assert not dates_compatible(sig(day="2031-05-01"), sig(day="2031-05-03"))
    assert dates_compatible(sig(day=None), sig(day="2031-05-05"))
    assert dates_compatible(sig(day="2031-05"), sig(day="2031-05-20"))  # a month-precise date spans the month


def test_cluster_signatures_groups_in_order() -> None:
    items = [sig(), sig(event="ASSAULT", people=("OCE", "EAS"), words="shelling of the port"),
             sig(day="2031-05-06"), sig(day="2031-07-01")]
    assert cluster_signatures(items) == [0, 1, 0, 2]


def directed(actors: set[str], recipients: set[str], place: str | None = None) -> Signature:
    start, end = date_range("2031-05-05")
    return Signature("CONSULT", start, end, actors | recipients, evidence_tokens("spoke by phone"), actors,
                     recipients, place)


def test_cluster_roles_must_match() -> None:
    call_putin = directed({"USA"}, {"RUS"})
    assert same_event(call_putin, directed({"USA"}, {"RUS"}))
    assert score(call_putin, directed({"USA"}, {"UKR"})) == 0.0  # same caller, another recipient
    assert score(call_putin, directed({"RUS"}, {"USA"})) == 0.0  # reversed roles: another event
    reciprocal = Signature("CONSULT", "2031-05-05", "2031-05-05", {"USA", "RUS"}, evidence_tokens("spoke by phone"),
                           {"USA", "RUS"}, set())
    assert same_event(call_putin, reciprocal)  # "the two presidents spoke" vs "Trump called Putin"


def test_cluster_places_must_not_differ() -> None:
    assert score(directed({"USA"}, {"UKR"}, "Munich"), directed({"USA"}, {"UKR"}, "Kyiv")) == 0.0
    assert same_event(directed({"USA"}, {"UKR"}, "Munich"), directed({"USA"}, {"UKR"}, "munich"))
    assert same_event(directed({"USA"}, {"UKR"}, "Munich"), directed({"USA"}, {"UKR"}))
