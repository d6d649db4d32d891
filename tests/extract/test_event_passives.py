"""Agentless passives: the target from the subject phrase, the attacker from the story or unknown."""

from __future__ import annotations

import pytest

import turnstone


def coded(text: str) -> list[tuple[str, set[str | None], set[str | None]]]:
    events = turnstone.process(text, published="2025-03-10").events
    return [(v.event, {a.country for a in v.actors}, {r.country for r in v.recipients}) for v in events]


@pytest.mark.parametrize("text, target", [
    # a weapon in the agent's place is no actor; the place in the subject phrase is the target
    ("A power station in Kharkiv was struck by drones on Sunday.", "UKR"),
    ("A school near Kidal was hit by mortar fire on Sunday.", "MLI"),
    ("A market in Peshawar was shelled overnight.", "PAK"),
])
def test_event_passives_target_from_subject_place(text: str, target: str) -> None:
    assert coded(text) == [("ASSAULT", set(), {target})]


def test_event_passives_attacker_is_the_other_side_of_the_fight() -> None:
    text = "Russia and Ukraine exchanged fire overnight. A power station in Kharkiv was struck by drones."
    assert coded(text)[-1] == ("ASSAULT", {"RUS"}, {"UKR"})


def test_event_passives_attacker_stays_unknown_in_a_civil_war() -> None:
    # the story's fight is inside Sudan: no other country to blame
    text = ("Sudan's army fought the paramilitary Rapid Support Forces near Khartoum. "
            "A hospital in El Obeid was shelled on Friday.")
    last = coded(text)[-1]
    assert last[0] == "ASSAULT" and last[2] == {"SDN"} and not last[1] - {"SDN"}


def test_event_passives_named_agent_still_acts() -> None:
    assert coded("A power station in Kharkiv was struck by Russian drones.") == [("ASSAULT", {"RUS"}, {"UKR"})]


def test_event_passives_owned_subject_is_not_the_places() -> None:
    # "its" owns the base: the place's country would be a guess at the target
    assert coded("One of its bases near Kidal was hit by mortar fire on Sunday.") == []


def test_event_passives_toll_is_no_second_attack() -> None:
    # ", killing eight people" is the toll of the shelling, not an attack by whoever stands nearest
    found = coded("Rebels shelled a government-held district of Syria's city of Aleppo overnight, killing eight people.")
    assert [e[0] for e in found] == ["ASSAULT"]



def test_event_passives_toll_after_a_non_attack_clause_is_kept() -> None:
    # a comma and "killing" without an attack before it: the killing is the attack
    found = coded("Pakistani troops entered the village on Monday, killing four Afghan soldiers.")
    assert ("ASSAULT", {"PAK"}, {"AFG"}) in found


def test_event_passives_parser_subject_of_a_passive_is_no_actor() -> None:
    # the parser may label "journalist" a plain subject; "was detained" makes it the patient
    assert coded("A Ukrainian journalist was detained in Crimea on Saturday.") == [("COERCE", set(), {"UKR"})]


def test_event_passives_background_arrest_in_relative_clause_is_no_event() -> None:
    assert coded("The court heard that an American who had been arrested in Moscow in 2023 was freed.") == []


def test_event_passives_detention_by_the_other_side_of_the_fight() -> None:
    text = "Russia and Ukraine exchanged fire overnight. A Ukrainian journalist was detained in Crimea on Saturday."
    assert coded(text)[-1] == ("COERCE", {"RUS"}, {"UKR"})


@pytest.mark.parametrize("text, expected", [
    ("Rockets were fired from Lebanon into northern Israel on Sunday.", ("ASSAULT", {"LBN"}, {"ISR"})),
    # "at it": the speaker was the target
    ("Israel said a mortar bomb was fired at it from the Gaza Strip on Tuesday.", ("ASSAULT", {"PSE"}, {"ISR"})),
])
def test_event_passives_fire_from_a_place(text: str, expected: tuple[str, set[str], set[str]]) -> None:
    assert coded(text) == [expected]


def test_event_passives_fire_from_a_car_names_no_attacker() -> None:
    assert coded("Shots were fired from a passing car in Kabul.") == []
