"""Place or actor: country and city names acting or speaking are not places (gold convention)."""

from __future__ import annotations

import pytest

from turnstone.extract.places import find_places
from turnstone.model import Article


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from turnstone.analyze.nlp import load_nlp

    loaded = load_nlp()
    if "parser" not in loaded.pipe_names:
        pytest.skip("the shipped model has no parser (blank pipeline)")
    return loaded


def parsed_places(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    article = Article(text=text)
    article.doc = nlp(text)
    return [p.text for p in find_places(article)]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan has moved additional troops to the frontier.",
        "Lithuania, Latvia and Estonia on Monday imposed travel bans on officials.",
        "He met the U.S. envoy on Friday.",
        "Polls opened in the U.S. presidential election.",
        "The move would end Russia's war, officials said.",
        "Seoul accused Pyongyang of firing missiles.",
        "The issue has long been a concern for Moscow.",
        "Soldiers were sent to fight against Ukraine.",
        "Washington reaffirmed its defence treaty with the Philippines.",
    ],
)
def test_place_roles_actors_are_not_places(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert parsed_places(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels fighting in northern Mali clashed with the army.", "Mali"),
        ("He accused Pyongyang of sending soldiers to Russia.", "Russia"),
        ("The government would reopen the Adre border crossing.", "Adre"),
        ("India blamed Pakistan-based militants for the attack.", "Pakistan"),
        ("Shelling hit the outskirts of Kharkiv on Sunday.", "Kharkiv"),
        ("Ukraine's borders were redrawn.", "Ukraine"),
        ("Ambassadors were recalled from Algiers the same day.", "Algiers"),
        ("A man was held in a Montreal jail overnight.", "Montreal"),
    ],
)
def test_place_roles_locations_stay_places(nlp, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert place in parsed_places(nlp, text)


def test_place_roles_word_patterns_without_a_parse() -> None:
    def places(text: str) -> list[str]:
        return [p.text for p in find_places(Article(text=text))]

    assert places("The U.S. envoy arrived on Monday.") == []
    assert places("Lithuania, Latvia and Estonia on Monday imposed travel bans.") == []
    assert places("It would end Russia's war quickly.") == []
    assert places("Troops massed on Ukraine's borders.") == ["Ukraine"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Officials said the Ukrainian capital Kyiv was hit by a barrage of Russian drones overnight.", "Kyiv"),
        ("Officials said the city of Kharkiv came under heavy Russian fire on Sunday.", "Kharkiv"),
    ],
)
def test_place_roles_targets_are_places(nlp, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert place in parsed_places(nlp, text)


def test_place_roles_object_of_shelling_is_a_place() -> None:
    import spacy

    from turnstone.extract.place_roles import actor_by_parse

    nlp = spacy.blank("en")
    words = ["Fighters", "shelled", "El", "Fasher", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, spaces=[True, True, True, False, False],
                           heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "obj", "flat", "punct"],
                           lemmas=["fighter", "shelle", "El", "Fasher", "."])  # a lemmatiser's slip
    start = doc.text.index("El Fasher")
    assert actor_by_parse(doc, start, start + len("El Fasher")) is False
