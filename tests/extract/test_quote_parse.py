"""Tests for quote_parse: the speaker the dependency parse gives, on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from turnstone.extract.quote_parse import subject_span
from turnstone.extract.quotes import find_quotes
from turnstone.model import Article, Entity, Mention

# "<Possessive> spokesman, Colonel Ana Ruiz, said the drills would last "as long as needed.""
# as our parser labels it (UD: the possessive is nmod, the name an appositive with flat parts).
ROWS = [
    # word, head, dep, pos
    ("{poss}", 1, "nmod", "PRON"),
    ("spokesman", 7, "nsubj", "NOUN"),
    (",", 3, "punct", "PUNCT"),
    ("Colonel", 1, "appos", "PROPN"),
    ("Ana", 3, "flat", "PROPN"),
    ("Ruiz", 3, "flat", "PROPN"),
    (",", 1, "punct", "PUNCT"),
    ("said", 7, "ROOT", "VERB"),
    ("the", 9, "det", "DET"),
    ("drills", 11, "nsubj", "NOUN"),
    ("would", 11, "aux", "AUX"),
    ("last", 7, "ccomp", "VERB"),
    ('"', 14, "punct", "PUNCT"),
    ("as", 14, "advmod", "ADV"),
    ("long", 11, "advmod", "ADV"),
    ("as", 16, "mark", "SCONJ"),
    ("needed", 14, "advcl", "VERB"),
    (".", 7, "punct", "PUNCT"),
    ('"', 7, "punct", "PUNCT"),
]


def parsed_article(rows: list[tuple[str, int, str, str]], people: dict[str, str]) -> Article:
    """An article whose text is the words of ``rows`` and whose doc carries their parse;
    ``people`` maps a person's name to the one mention string the entities stage would give."""
    words = [w for w, *_ in rows]
    no_space_before = {",", ".", '"'} if words.count('"') < 2 else {",", "."}
    spaces = []
    quote_open = False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == '"':
            quote_open = not quote_open
        space = nxt is not None and nxt not in no_space_before and not (w == '"' and quote_open)
        if nxt == '"' and quote_open:
            space = False  # a closing mark sticks to the word before it
        if nxt == '"' and not quote_open:
            space = True  # an opening mark follows a space
        spaces.append(space)
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=[h for _, h, _, _ in rows],
              deps=[d for _, _, d, _ in rows], pos=[p for *_, p in rows])
    article = Article(text=doc.text)
    for n, (name, form) in enumerate(people.items(), start=1):
        at = doc.text.index(form)
        article.entities.append(Entity(id=f"e{n}", name=name, type="PERSON",
                                       mentions=[Mention(start=at, end=at + len(form), text=form)]))
    article.doc = doc
    return article


def rows_with(poss: str) -> list[tuple[str, int, str, str]]:
    return [(w.format(poss=poss), h, d, p) for w, h, d, p in ROWS]


@pytest.mark.parametrize("poss", ["Its", "His", "Their"])
def test_quote_parse_possessive_role_with_named_appositive_gives_the_name(poss):
    article = parsed_article(rows_with(poss), {"Ana Ruiz": "Ana Ruiz"})
    text = article.text
    assert text.startswith(f"{poss} spokesman, Colonel Ana Ruiz, said")
    span = subject_span(article.doc, text.index("said"), text.index("said") + 4)
    assert span is not None and text[span[0]:span[1]] == "Colonel Ana Ruiz"


@pytest.mark.parametrize("poss", ["Its", "His", "Their"])
def test_quote_parse_possessive_role_quote_goes_to_the_appositive_person(poss):
    article = parsed_article(rows_with(poss), {"Ana Ruiz": "Ana Ruiz"})
    quotes = find_quotes(article)
    assert quotes, "no quote found"
    for q in quotes:
        assert q.speaker == "e1" and q.speaker_name == "Ana Ruiz", (q.kind, q.speaker_name)


def test_quote_parse_determiner_role_keeps_the_subject_without_its_appositive():
    # "The spokesman, Colonel Ana Ruiz, said": not a possessive, the subject stays the role phrase
    rows = [("The", 1, "det", "DET")] + ROWS[1:]
    article = parsed_article(rows, {"Ana Ruiz": "Ana Ruiz"})
    text = article.text
    span = subject_span(article.doc, text.index("said"), text.index("said") + 4)
    assert span is not None and text[span[0]:span[1]] == "The spokesman"
