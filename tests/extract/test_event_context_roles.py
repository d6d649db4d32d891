"""Roles the story supplies: a show of force aimed at the other side of the story's dyad."""

from __future__ import annotations

import pytest

import turnstone


def coded(text: str) -> list[tuple[str, str | None, set[str | None], set[str | None]]]:
    events = turnstone.process(text, published="2025-03-10").events
    return [(v.event, v.cameo, {a.country for a in v.actors}, {r.country for r in v.recipients}) for v in events]


@pytest.mark.parametrize("text, actor, target", [
    (("China accused the Philippines of ramming its coast guard ship near the shoal on Monday. "
     "Beijing later held naval drills in the area."), "CHN", "PHL"),
    (("North Korea fired artillery at South Korea's islands last week. "
     "On Tuesday Pyongyang staged military exercises."), "PRK", "KOR"),
])
def test_event_context_roles_show_of_force_aims_at_the_other_side(text: str, actor: str, target: str) -> None:
    assert coded(text)[-1] == ("MOBILIZE", "150", {actor}, {target})


def test_event_context_roles_deployment_takes_no_target_from_context() -> None:
    # moving one's own troops may be defensive: no target unless the sentence names one
    text = "Russia attacked Ukraine's power grid again on Sunday. Moscow also deployed more troops."
    assert coded(text)[-1] == ("MOBILIZE", "154", {"RUS"}, set())


def test_event_context_roles_no_dyad_no_target() -> None:
    assert coded("Beijing held naval drills on Monday.") == [("MOBILIZE", "150", {"CHN"}, set())]


def test_event_context_roles_light_verb_noun_is_a_new_act() -> None:
    # the patrols are a second act against the same side on the same day, not a mention of the first
    text = ("China sent warships around the Philippines on Monday, Manila said. "
            "Chinese coast guard ships also carried out patrols on Monday.")
    assert [e for e in coded(text) if e[0] == "MOBILIZE"] == [
        ("MOBILIZE", "154", {"CHN"}, {"PHL"}), ("MOBILIZE", "150", {"CHN"}, {"PHL"})]


@pytest.mark.parametrize("text, event, actor, target", [
    (("Venezuela and Guyana have argued over the Essequibo region for decades. "
      "Venezuela threatened military action on Tuesday."), "THREATEN", "VEN", "GUY"),
    (("Tensions rose between China and the Philippines over the disputed shoal. "
      "Beijing later held naval drills in the area."), "MOBILIZE", "CHN", "PHL"),
])
def test_event_context_roles_conflict_named_without_event_is_the_dyad(
        text: str, event: str, actor: str, target: str) -> None:
    assert coded(text)[-1][0] == event
    assert coded(text)[-1][2:] == ({actor}, {target})


def test_event_context_roles_coordination_alone_is_no_conflict() -> None:
    # two countries named together with no conflict word give the story no dyad
    text = "Venezuela and Guyana sent teams to the games. Venezuela threatened military action on Tuesday."
    assert coded(text)[-1][2:] == ({"VEN"}, set())


def test_event_context_roles_condemnation_answers_the_nouns_last_actors() -> None:
    # the drill was not coded (a joint exercise); the condemnation answers who held it, not the
    # condemner's own earlier act
    text = ("Iran tested a new missile on Monday. Israel and the United States then held a joint naval exercise. "
            "Iran condemned the exercise as a provocation.")
    last = coded(text)[-1]
    assert last[0] == "ACCUSE" and last[2] == {"IRN"} and last[3] == {"ISR", "USA"}


def test_event_context_roles_no_country_condemns_its_own_act() -> None:
    text = "Iran tested a new missile on Monday. Iran condemned the test as necessary."
    assert all(not (e[0] == "ACCUSE" and e[3] & {"IRN"}) for e in coded(text))


@pytest.mark.parametrize("text, actor, target", [
    (("Iran and the United States held talks in Muscat last week. "
      "On Thursday the U.S. Treasury imposed sanctions on three shipping companies."), "USA", "IRN"),
    (("China and Japan traded accusations over the islands this week. "
      "Tokyo later imposed sanctions on two firms."), "JPN", "CHN"),
])
def test_event_context_roles_sanctioned_firms_belong_to_the_other_side(text: str, actor: str, target: str) -> None:
    assert coded(text)[-1] == ("SANCTION", "160", {actor}, {target})


def test_event_context_roles_sanctions_outside_the_dyad_keep_no_country() -> None:
    # the sanctioning country is no side of the story's pair: whose firms they are is not known
    text = ("Israel and Iran traded accusations over the strikes. "
            "The European Union imposed sanctions on three shipping companies.")
    assert coded(text)[-1][3] == {None}


def test_event_context_roles_domestic_story_victims_are_the_countrys() -> None:
    text = ("Haitian police arrested twelve gang members in Port-au-Prince on Monday. "
            "Haitian gunmen later attacked a crowd of residents.")
    assert coded(text)[-1] == ("ASSAULT", "190", {"HTI"}, {"HTI"})


def test_event_context_roles_attack_victims_in_a_two_country_story_keep_no_country() -> None:
    # the victims of an attack may be either side's (or rebels of the actor's own country)
    text = "Russia and Ukraine traded accusations on Monday. Russian troops attacked a crowd of residents."
    assert coded(text)[-1][3] == {None}


@pytest.mark.parametrize("text, sides", [
    ("Russia and Ukraine each freed 150 prisoners of war on Sunday.", {"RUS", "UKR"}),
    ("Armenia and Azerbaijan each released five detainees.", {"ARM", "AZE"}),
])
def test_event_context_roles_each_side_acting_on_the_other(text: str, sides: set[str]) -> None:
    # the countryless captives are no recipient: both sides are the parties
    assert coded(text) == [("RETREAT", "0841", sides, set())]


STORY = ("India and Pakistan exchanged artillery fire across the Line of Control on Monday. Pakistan vowed to "
         "retaliate. Israel struck targets in Gaza on Sunday. Hamas fired rockets in response. "
         "Egypt condemned the strikes.")


def test_event_context_roles_vow_of_force_threatens_the_other_side() -> None:
    assert ("THREATEN", "138", {"PAK"}, {"IND"}) in coded(STORY)


def test_event_context_roles_rockets_in_response_are_an_attack() -> None:
    # fired at no named target, but "in response": retaliation against the story's other side
    assert ("ASSAULT", "194", {"PSE"}, {"ISR"}) in coded(STORY)


def test_event_context_roles_condemnation_answers_the_act_its_noun_names() -> None:
    # "the strikes" are Israel's ("struck"), not the later rocket fire
    assert coded(STORY)[-1] == ("ACCUSE", "111", {"EGY"}, {"ISR"})


def test_event_context_roles_welcome_answers_the_latest_cooperation() -> None:
    text = "Armenia and Azerbaijan signed a peace deal in Washington on Friday. Iran welcomed the agreement."
    assert coded(text)[-1] == ("SUPPORT", "051", {"IRN"}, {"ARM", "AZE"})


def test_event_context_roles_welcome_without_earlier_cooperation_is_no_event() -> None:
    assert coded("Iran welcomed the agreement.") == []


def test_event_context_roles_third_party_addresses_a_recurring_conflict() -> None:
    text = ("India and Pakistan exchanged artillery fire on Monday. India's foreign ministry summoned the "
            "Pakistani envoy. China offered to mediate.")
    assert coded(text)[-1] == ("AGREE", "030", {"CHN"}, {"IND", "PAK"})


def test_event_context_roles_pair_named_once_is_no_conflict_to_address() -> None:
    # a promise by a third country is not addressed to a pair the story names only once
    text = ("Russia's representative and the US envoy argued at the Security Council about Haiti. "
            "Haiti's prime minister promised to restore order.")
    assert coded(text) == []
