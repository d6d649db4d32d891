"""Coreference rules of the entities stage: which pronouns and titles are references."""

from __future__ import annotations

import pytest

from turnstone.extract.coref import pronoun_refs
from turnstone.extract.entities import find_entities
from turnstone.model import Article


def owners_of_its(nlp, kb, text: str) -> list[str]:
    article = Article(text=text, published="2024-12-11")
    article.doc = nlp(text)
    return [e.name for e in find_entities(article, kb) for m in e.mentions if m.text.lower() == "its"]


@pytest.mark.parametrize("text, owner", [
    ("MONUSCO said one of its bases near Kirumba was hit by mortar fire.", "MONUSCO"),
    ("Iran said its forces had been attacked near Damascus.", "Iran"),
    ("The Pentagon said it had finished the review and that its troops would stay.", "Pentagon"),
    # another body or country earlier in the sentence is not the speaker
    ("As Shiite pilgrims marched in Karbala, the Pentagon said its troops would stay.", "Pentagon"),
    ("After talks in Vilnius, NATO said its jets would patrol the Baltic.", "NATO"),
])
def test_coref_reported_its_is_the_speaker(nlp, kb, text: str, owner: str) -> None:
    assert owners_of_its(nlp, kb, text) == [owner]


@pytest.mark.parametrize("text", [
    "Iran withdrew its forces from Syria. Israel struck its bases near Damascus.",
    "Israel said Hamas fired rockets from its positions.",
    "Israel said Hamas fired rockets and its fighters crossed the fence.",
    'MONUSCO said "its bases are safe", a statement read.',
])
def test_coref_other_its_is_left_alone(nlp, kb, text: str) -> None:
    # outside "<speaker> said [one of] its ..." the owner may be anyone: no reference is made
    assert owners_of_its(nlp, kb, text) == []


def test_coref_pronoun_refs_offsets_are_exact() -> None:
    text = "NATO said one of its bases was hit. It said the attack failed."
    refs = pronoun_refs(text, None)
    assert [(text[r.start:r.end], r.kind) for r in refs] == [("It", "group"), ("its", "group")]


APPOSITIVE_TEXT = ("Navy spokesman Ivan Petrov said on Monday that the drills would go on.\n"
                   "The spokesman, Lea Brandt, said the ceasefire held. The spokesman added that aid was coming.")


@pytest.mark.parametrize("text, left_alone", [
    (APPOSITIVE_TEXT, "The spokesman, Lea Brandt,"),
    ("The minister met the envoy. The president, Anna Lind, said talks would resume.", "The president, Anna Lind,"),
    ("Navy spokesman Ivan Petrov spoke first.\n\u201cThe ceasefire held,\u201d said the spokesman, Lea Brandt.",
     "the spokesman, Lea Brandt."),
])
def test_coref_title_with_an_appositive_name_is_no_reference(kb, text: str, left_alone: str) -> None:
    # 'The spokesman, <Name>, said' introduces the named person: the title is not a reference
    # to an earlier spokesman; the name after it is that person's own mention.
    import datetime as dt

    from turnstone.extract.coref import title_refs

    refs = title_refs(text, kb, dt.date(2025, 2, 12), [])
    assert text.index(left_alone) not in [r.start for r in refs]


def test_coref_later_title_goes_to_the_appositive_name_end_to_end() -> None:
    from turnstone import process

    article = process(APPOSITIVE_TEXT, published="2025-02-12")
    owner = {m.start: e.name for e in article.entities for m in e.mentions}
    first = APPOSITIVE_TEXT.index("The spokesman,")
    later = APPOSITIVE_TEXT.index("The spokesman added")
    assert owner.get(first) in (None, "Lea Brandt")  # never Petrov, the earlier spokesman
    assert owner[later] == "Lea Brandt"
    assert owner[APPOSITIVE_TEXT.index("Lea Brandt")] == "Lea Brandt"
