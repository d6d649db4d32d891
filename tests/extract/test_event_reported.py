"""Accusations in reported speech (turnstone.extract.event_reported), through the events stage."""

from __future__ import annotations

import pytest

import turnstone


def coded(text: str) -> list[tuple[str, str | None, set[str | None], set[str | None]]]:
    events = turnstone.process(text, published="2025-03-10").events
    return [(v.event, v.cameo, {a.country for a in v.actors}, {r.country for r in v.recipients}) for v in events]


@pytest.mark.parametrize("text, actor, recipient", [
    ("Ukraine's foreign ministry said Russia had violated the Easter truce dozens of times.", "UKR", "RUS"),
    ("Russia breached the ceasefire overnight, Ukraine's military said on Monday.", "UKR", "RUS"),
    ("The Kremlin said on Tuesday that Ukraine was behind the attack on the bridge.", "RUS", "UKR"),
    ("Pakistan told the United Nations that India was sponsoring militants in Balochistan.", "PAK", "IND"),
    ("Germany said Russia was spreading disinformation ahead of the election.", "DEU", "RUS"),
    ("The Iranian foreign minister said the United States had broken its promises.", "IRN", "USA"),
    ("China's coast guard said the Philippine boat had deliberately intruded into Chinese waters.", "CHN", "PHL"),
    ("Beijing said Manila had provoked the clash.", "CHN", "PHL"),
    ("Poland's prime minister said Russia was a threat to European security.", "POL", "RUS"),
    ("Iran said Israel was the aggressor.", "IRN", "ISR"),
    # a domestic accusation: same country, different parties
    ("Georgia's president said the Georgian government had violated the constitution.", "GEO", "GEO"),
    ("Iran's foreign minister said the US was responsible for the killing of the general.", "IRN", "USA"),
])
def test_event_reported_wrongdoing_is_the_speakers_accusation(text: str, actor: str, recipient: str) -> None:
    assert coded(text) == [("ACCUSE", "112", {actor}, {recipient})]


@pytest.mark.parametrize("text", [
    "Russia violated the Easter truce dozens of times.",  # the reporter's words: nobody accuses
    "Moscow said Kyiv had not violated the deal.",  # a denial
    "Russia said it had not violated the ceasefire.",
    "China is a threat to regional stability.",  # the reporter's characterisation
    "A spokesman said Russia had violated the ceasefire.",  # an accuser without a country
])
def test_event_reported_wrongdoing_without_accuser_is_no_event(text: str) -> None:
    assert coded(text) == []


def test_event_reported_accusation_verb_codes_once() -> None:
    # "accused X of breaching": one accusation, not a second one from the wrongdoing
    assert coded("Israel accused Hamas of breaching the ceasefire on Sunday.") == [("ACCUSE", "112", {"ISR"}, {"PSE"})]


@pytest.mark.parametrize("text, actor, target", [
    ("Azerbaijan said Armenian forces had fired on its positions overnight.", "ARM", "AZE"),
    ("Russia said Ukrainian drones attacked its oil refinery in Ryazan.", "UKR", "RUS"),
])
def test_event_reported_its_target_is_the_speakers(text: str, actor: str, target: str) -> None:
    assert coded(text) == [("ASSAULT", coded(text)[0][1], {actor}, {target})]


def test_event_reported_own_positions_are_not_the_speakers() -> None:
    assert all("AZE" not in e[3] for e in coded("Armenian forces fired on its own positions, Azerbaijan said."))
