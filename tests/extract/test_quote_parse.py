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


# "The spokesman, …", "A spokesman, …", "The army's spokesman, …": an article or a possessive noun
# before the role, as the shipped model parses them (the possessive noun an nmod with a case mark).
DETERMINED_SUBJECTS = {
    "The": [("The", 1, "det", "DET")],
    "A": [("A", 1, "det", "DET")],
    "The army's": [("The", 1, "det", "DET"), ("army", 3, "nmod", "NOUN"), ("'s", 1, "case", "PART")],
}


def rows_with_subject(prefix: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str, str]]:
    """ROWS with its possessive pronoun replaced by ``prefix`` (heads in ``prefix`` count from
    its first word; the role is the word right after it)."""
    shift = len(prefix) - 1
    return prefix + [(w, h + shift, d, p) for w, h, d, p in ROWS[1:]]


@pytest.mark.parametrize("opener", DETERMINED_SUBJECTS)
def test_quote_parse_determined_role_with_named_appositive_gives_the_name(opener):
    text = f'{opener} spokesman, Colonel Ana Ruiz, said the drills would last "as long as needed."'
    article = article_from(text, rows_with_subject(DETERMINED_SUBJECTS[opener]), [("Ana Ruiz", "PERSON", "Ana Ruiz")])
    span = subject_span(article.doc, text.index("said"), text.index("said") + 4)
    assert span is not None and text[span[0]:span[1]] == "Colonel Ana Ruiz"
    quotes = find_quotes(article)
    assert quotes, "no quote found"
    for q in quotes:
        assert q.speaker == "e1" and q.speaker_name == "Ana Ruiz", (q.kind, q.speaker_name)


def test_quote_parse_named_subject_keeps_its_name_not_its_appositive():
    # "Ana Ruiz, a spokesman, said": the subject is the name already; a common-noun appositive
    # is a description of it.
    rows = [("Ana", 5, "nsubj", "PROPN"), ("Ruiz", 0, "flat", "PROPN"), (",", 4, "punct", "PUNCT"),
            ("a", 4, "det", "DET"), ("spokesman", 0, "appos", "NOUN"), ("said", 5, "ROOT", "VERB"),
            ("the", 7, "det", "DET"), ("drills", 9, "nsubj", "NOUN"), ("would", 9, "aux", "AUX"),
            ("end", 5, "ccomp", "VERB"), (".", 5, "punct", "PUNCT")]
    article = parsed_article(rows, {"Ana Ruiz": "Ana Ruiz"})
    text = article.text
    span = subject_span(article.doc, text.index("said"), text.index("said") + 4)
    assert span is not None and text[span[0]:span[1]] == "Ana Ruiz"


# -- parses written out against a text: (word, head, dep, pos) with heads indexing the words ------

def article_from(text: str, rows: list[tuple[str, int, str, str]],
                 entities: list[tuple[str, str, str]]) -> Article:
    """An article over ``text`` whose doc carries the parse ``rows`` (words in text order, each
    followed by one space or none, as written in ``text``); ``entities`` are (name, type, the
    mention string, first occurrence)."""
    words, spaces, pos = [], [], 0
    for word, *_ in rows:
        at = text.index(word, pos)
        assert not text[pos:at].strip(), f"{word!r}: text skipped {text[pos:at]!r}"
        if words:
            spaces[-1] = at > pos
        words.append(word)
        spaces.append(False)
        pos = at + len(word)
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=[h for _, h, _, _ in rows],
              deps=[d for _, _, d, _ in rows], pos=[p for *_, p in rows])
    assert doc.text == text
    article = Article(text=text)
    for n, (name, kind, form) in enumerate(entities, start=1):
        at = text.index(form)
        article.entities.append(Entity(id=f"e{n}", name=name, type=kind,
                                       mentions=[Mention(start=at, end=at + len(form), text=form)]))
    article.doc = doc
    return article


# '"We will keep talking," the army spokesman, Ana Ruiz, said on Friday.' parsed as the shipped
# model parses such a sentence when it goes wrong: the role an obl of the quoted verb, the name a
# conj of the role, and the cue a conj of the quoted verb.
SPLIT_PARSE_TEXT = 'Chile and Peru swapped prisoners. "We will keep talking," the army spokesman, Ana Ruiz, said on Friday.'
SPLIT_PARSE_ROWS = [
    ("Chile", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Peru", 0, "conj", "PROPN"),
    ("swapped", 3, "ROOT", "VERB"), ("prisoners", 3, "obj", "NOUN"), (".", 3, "punct", "PUNCT"),
    ('"', 9, "punct", "PUNCT"), ("We", 9, "nsubj", "PRON"), ("will", 9, "aux", "AUX"),
    ("keep", 9, "ROOT", "VERB"), ("talking", 9, "xcomp", "VERB"), (",", 16, "punct", "PUNCT"),
    ('"', 16, "punct", "PUNCT"), ("the", 15, "det", "DET"), ("army", 15, "compound", "NOUN"),
    ("spokesman", 9, "obl", "NOUN"), (",", 18, "punct", "PUNCT"), ("Ana", 18, "compound", "PROPN"),
    ("Ruiz", 15, "conj", "PROPN"), (",", 20, "punct", "PUNCT"), ("said", 9, "conj", "VERB"),
    ("on", 22, "case", "ADP"), ("Friday", 20, "obl", "PROPN"), (".", 9, "punct", "PUNCT"),
]


def test_quote_parse_cue_joined_to_a_verb_inside_the_quote_does_not_take_its_subject():
    article = article_from(SPLIT_PARSE_TEXT, SPLIT_PARSE_ROWS,
                           [("Chile", "GPE", "Chile"), ("Peru", "GPE", "Peru"), ("Ana Ruiz", "PERSON", "Ana Ruiz")])
    text = article.text
    said = text.index("said")
    quote = (text.index("We"), text.index('," the'))
    got = subject_span(article.doc, said, said + 4, [quote])
    assert got is None or not (quote[0] <= got[0] < quote[1]), text[got[0]:got[1]]
    [q] = find_quotes(article)
    assert q.kind == "direct" and q.text == "We will keep talking,"
    assert q.speaker == "e3" and q.speaker_name == "Ana Ruiz"


def test_quote_parse_speaker_id_is_the_entity_of_the_speaker_mention():
    article = article_from(SPLIT_PARSE_TEXT, SPLIT_PARSE_ROWS,
                           [("Chile", "GPE", "Chile"), ("Peru", "GPE", "Peru"), ("Ana Ruiz", "PERSON", "Ana Ruiz")])
    for q in find_quotes(article):
        mention = q.speaker_mention
        owners = [e.id for e in article.entities for m in e.mentions
                  if (m.start, m.end) == (mention.start, mention.end)]
        assert owners and q.speaker == owners[0], (mention.text, q.speaker)
