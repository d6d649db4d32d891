"""Word-order roles (turnstone.extract.event_roles / event_rules) through the events stage."""

from __future__ import annotations

import pytest

import turnstone


def coded(text: str) -> list[tuple[str, set[str | None], set[str | None]]]:
    events = turnstone.process(text, published="2025-03-10").events
    return [(v.event, {a.country for a in v.actors}, {r.country for r in v.recipients}) for v in events]


@pytest.mark.parametrize("text, expected", [
    # an appositive between subject and verb names no actor
    ("Angolan President Joao Lourenco, the African Union's mediator, criticised Rwanda on Monday.",
     ("ACCUSE", {"AGO"}, {"RWA"})),
    # nor does a relative clause
    ("The US envoy, who met Russian officials last week, praised Saudi Arabia.", ("SUPPORT", {"USA"}, {"SAU"})),
    ("French President Emmanuel Macron, a close ally of Ukraine, criticised Russia on Monday.",
     ("ACCUSE", {"FRA"}, {"RUS"})),
])
def test_event_roles_subject_before_parenthetical(text: str, expected: tuple[str, set[str], set[str]]) -> None:
    assert coded(text)[-1] == expected


def test_event_roles_list_of_countries_is_no_parenthetical() -> None:
    # "Russia, the US and China" is a coordination, not a subject with an appositive
    assert coded("Russia, the United States and China condemned Israel.") == [
        ("ACCUSE", {"RUS", "USA", "CHN"}, {"ISR"})]


@pytest.mark.parametrize("text, expected", [
    # the demanded release has not happened: one request to Belarus
    ("The European Union demanded that Belarus release political prisoners.", [("REQUEST", {"IGO"}, {"BLR"})]),
    # the rejected talks are not held: one refusal to meet
    ("Iran's supreme leader rejected talks with the United States.", [("REJECT", {"IRN"}, {"USA"})]),
    # drones reported by the target's air force are an attack on it
    ("Ukraine's air force said Russia launched 40 drones overnight.", [("ASSAULT", {"RUS"}, {"UKR"})]),
])
def test_event_roles_object_of_demand_or_rejection(text: str, expected: list[tuple[str, set[str], set[str]]]) -> None:
    assert coded(text) == expected
