"""A host that brings two other parties together mediates; it is not visited by them."""

from __future__ import annotations

import pytest

import turnstone


def coded(text: str) -> list[tuple[str, str | None, set[str | None], set[str | None]]]:
    events = turnstone.process(text, published="2025-03-10").events
    return [(v.event, v.cameo, {a.country for a in v.actors}, {r.country for r in v.recipients}) for v in events]


@pytest.mark.parametrize("text, host, sides, cameo", [
    ("Saudi Arabia hosted a meeting of US and Russian officials in Riyadh.", "SAU", {"USA", "RUS"}, "040"),
    ("Qatar hosted talks between Israel and Hamas in Doha on Thursday.", "QAT", {"ISR", "PSE"}, "046"),
    ("Turkey hosted the first direct talks between Russia and Ukraine in Istanbul.", "TUR", {"RUS", "UKR"}, "046"),
])
def test_event_hosts_mediate_between_the_sides(text: str, host: str, sides: set[str], cameo: str) -> None:
    assert coded(text) == [("CONSULT", "045", {host}, sides), ("CONSULT", cameo, sides, set())]


def test_event_hosts_a_visitor_is_still_hosted() -> None:
    assert coded("Egypt hosted the Palestinian president on Monday.") == [("CONSULT", "043", {"EGY"}, {"PSE"})]


def test_event_hosts_one_bodys_meeting_is_no_pair() -> None:
    # "a meeting of NATO ministers": one body, so the host is not mediating between two sides
    assert all(e[1] != "045" for e in coded("Poland hosted a meeting of NATO defence ministers in Warsaw."))


@pytest.mark.parametrize("text, sides", [
    ("Talks in Doha between Israel and Hamas resumed on Monday.", {"ISR", "PSE"}),
    ("A meeting on Friday between the Indian and Pakistani foreign ministers took place.", {"IND", "PAK"}),
])
def test_event_hosts_pair_after_place_or_date(text: str, sides: set[str]) -> None:
    assert [(e[0], e[2], e[3]) for e in coded(text)] == [("CONSULT", sides, set())]


def test_event_hosts_host_of_a_summit_between_leaders() -> None:
    text = ("Angola will host a summit in Luanda between Congolese President Felix Tshisekedi "
            "and Rwandan President Paul Kagame.")
    assert [(e[1], e[2], e[3]) for e in coded(text)] == [("045", {"AGO"}, {"COD", "RWA"}),
                                                       ("040", {"COD", "RWA"}, set())]


@pytest.mark.parametrize("text", [
    "Qatar, which is mediating between Israel and Hamas, said on Monday that talks would resume.",
    "Oman, which has mediated between Iran and the United States, said it was ready.",
])
def test_event_hosts_ongoing_mediation_in_relative_clause_is_background(text: str) -> None:
    assert coded(text) == []


def test_event_hosts_past_act_in_relative_clause_stays() -> None:
    found = coded("Hamas, which attacked Israel on October 7, released a statement.")
    assert ("ASSAULT", "190", {"PSE"}, {"ISR"}) in found


def test_event_hosts_background_mediator_is_no_side() -> None:
    # the mediator named in the background clause does not become a side of the story's dyad
    text = ("Iran and the United States traded accusations. Oman, which is mediating between Iran and the "
            "United States, hosted officials. Iran threatened military action.")
    assert coded(text)[-1] == ("THREATEN", "130", {"IRN"}, {"USA"})


def test_event_hosts_state_in_restrictive_relative_clause_is_background() -> None:
    # "that has seized parts of Iraq" describes the group; the strike is the sentence's event
    found = coded("The United States launched an air strike against the militant group that has seized parts of Iraq.")
    assert [e[0] for e in found] == ["ASSAULT"]


def test_event_hosts_complementiser_that_keeps_the_event() -> None:
    assert coded("Israel said that Hamas has attacked its soldiers.") == [("ASSAULT", "190", {"PSE"}, {"ISR"})]
