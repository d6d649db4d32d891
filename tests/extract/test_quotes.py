"""Tests for the quotes stage: quotation marks, cues, speakers, reported speech."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from turnstone.extract.quote_cues import CUE_LEMMA, SPEECH_VERBS
from turnstone.extract.quotes import find_quotes, is_headline, quote_covering
from turnstone.model import Article, Entity, Mention

SHARED = Path(os.environ.get("TURNSTONE_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))


def make_article(text: str, people: dict[str, list[str]] | None = None,
                 orgs: dict[str, list[str]] | None = None) -> Article:
    """An article whose entities are given as name -> mention strings (every occurrence)."""
    article = Article(text=text)
    for kind, group in (("PERSON", people or {}), ("ORG", orgs or {})):
        for name, forms in group.items():
            mentions = []
            for form in forms:
                start = text.find(form)
                while start >= 0:
                    mentions.append(Mention(start=start, end=start + len(form), text=form))
                    start = text.find(form, start + 1)
            article.entities.append(Entity(id=f"e{len(article.entities) + 1}", name=name, type=kind,
                                           mentions=mentions))
    return article


def quoted(article: Article) -> list:
    return [q for q in find_quotes(article) if q.kind != "indirect"]


def test_quotes_direct_with_pronoun_cue_resolves_to_person():
    text = ("Prime Minister Anna Lind met the envoy on Monday.\n"
            "“We will not give up a metre of our land,” she said.")
    article = make_article(text, people={"Anna Lind": ["Anna Lind"], "Envoy": []})
    [q] = quoted(article)
    assert q.kind == "direct"
    assert q.text == "We will not give up a metre of our land,"
    assert text[q.start:q.end] == q.text
    assert q.cue is not None and q.cue.text == "said" and text[q.cue.start:q.cue.end] == "said"
    assert q.speaker == "e1" and q.speaker_name == "Anna Lind"


def test_quotes_inverted_cue_and_straight_marks():
    text = 'Officials met in Geneva.\n"The talks were useful," said Omar Haddad, the foreign minister.'
    article = make_article(text, people={"Omar Haddad": ["Omar Haddad"]})
    [q] = quoted(article)
    assert q.text == "The talks were useful,"
    assert q.speaker_name == "Omar Haddad" and q.speaker == "e1"


def test_quotes_split_by_cue_keeps_one_speaker_for_both_parts():
    text = "“We are ready,” Haddad said. “But the other side must stop shooting first.”"
    article = make_article(text, people={"Omar Haddad": ["Haddad"]})
    first, second = quoted(article)
    assert first.text == "We are ready,"
    assert second.text == "But the other side must stop shooting first."
    assert first.speaker == second.speaker == "e1"


def test_quotes_paragraph_continuing_a_quote_without_a_cue_keeps_the_speaker():
    text = ("“The ceasefire is holding,” General Mira Osei told reporters.\n"
            "“Supplies reached the north this morning. More convoys leave tomorrow.”\n"
            "The fighting resumed in the east on Friday.")
    article = make_article(text, people={"Mira Osei": ["General Mira Osei"]})
    first, second = quoted(article)
    assert second.text.startswith("Supplies reached")
    assert second.speaker == first.speaker == "e1"


def test_quotes_multi_paragraph_quote_is_one_quote_attributed_at_its_end():
    text = ("Lind described the night of the attack.\n"
            "“The sirens started at two. Nobody slept.\n"
            "“By dawn the bridge was gone,” she said.")
    article = make_article(text, people={"Anna Lind": ["Lind"]})
    [q] = quoted(article)
    assert q.text == "The sirens started at two. Nobody slept.\n“By dawn the bridge was gone,"
    assert text[q.start:q.end] == q.text
    assert q.speaker == "e1" and q.cue.text == "said"


def test_quotes_partial_quote_takes_the_subject_of_the_cue():
    text = "Foreign Minister Omar Haddad called the proposal a “dangerous illusion” on Tuesday."
    article = make_article(text, people={"Omar Haddad": ["Foreign Minister Omar Haddad"]})
    [q] = quoted(article)
    assert q.kind == "partial"
    assert q.text == "dangerous illusion"
    assert q.cue.text == "called"
    assert q.speaker == "e1"


def test_quotes_partial_quote_with_cue_after_it():
    text = 'The two sides agreed to "resume talks soon" to settle the dispute, Haddad said on Sunday.'
    article = make_article(text, people={"Omar Haddad": ["Haddad"]})
    [q] = quoted(article)
    assert q.kind == "partial" and q.speaker == "e1" and q.cue.text == "said"


def test_quotes_definite_description_resolves_to_the_titled_person():
    text = ("Defence Minister Jan Kowal visited the front.\n"
            "“Our troops are ready,” the minister said.")
    article = make_article(text, people={"Jan Kowal": ["Defence Minister Jan Kowal"]})
    [q] = quoted(article)
    assert q.speaker == "e1"


def test_quotes_organisation_speaker_in_a_statement():
    text = "“The claims are baseless,” the Kremlin said in a statement."
    article = make_article(text, orgs={"Kremlin": ["Kremlin"]})
    [q] = quoted(article)
    assert q.speaker == "e1" and q.speaker_name == "Kremlin"


def test_quotes_pronoun_prefers_the_last_subject_over_the_last_named_person():
    text = ("Lind later spoke with Haddad about the border.\n"
            "“I expect progress within weeks,” she added.")
    article = make_article(text, people={"Anna Lind": ["Lind"], "Omar Haddad": ["Haddad"]})
    [q] = quoted(article)
    assert q.speaker_name == "Anna Lind"


def reported(article: Article) -> list:
    return [q for q in find_quotes(article) if q.kind == "indirect"]


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("Haddad said the border crossings will reopen next week.", "the border crossings will reopen next week", "said"),
    ("Haddad told reporters that the army had withdrawn from the hills.", "the army had withdrawn from the hills",
     "told"),
    ("Haddad said in a statement that talks would resume on Monday.", "talks would resume on Monday", "said"),
    ("The convoy was shelled near the river, Haddad said on Sunday.", "The convoy was shelled near the river",
     "said"),
    ("According to Haddad, the ceasefire collapsed overnight.", "the ceasefire collapsed overnight",
     "According to"),
    ("The ceasefire collapsed overnight, according to Haddad.", "The ceasefire collapsed overnight",
     "according to"),
])
def test_quotes_reported_speech_is_indirect_with_speaker(text, content, cue):
    article = make_article(text, people={"Omar Haddad": ["Haddad"]})
    [q] = reported(article)
    assert q.text == content and text[q.start:q.end] == content
    assert q.cue.text == cue
    assert q.speaker == "e1"


@pytest.mark.parametrize(("text", "content"), [
    ("The navy's spokeswoman, Lea Brandt, said the drills would go on.", "the drills would go on"),
    ("A spokeswoman, Lea Brandt, said the army had withdrawn from the hills.",
     "the army had withdrawn from the hills"),
    ("The spokesman, Lea Brandt, said the border is closed to trucks.", "the border is closed to trucks"),
])
def test_quotes_reported_after_an_appositive_subject_is_the_clause_with_the_named_speaker(text, content):
    # An inverted speaker after the cue ('…, said the minister') is a noun phrase; 'the drills
    # would go' is the subject and verb of the reported clause.
    [q] = reported(make_article(text, people={"Lea Brandt": ["Lea Brandt"]}))
    assert q.text == content
    assert q.speaker == "e1" and q.speaker_mention.text == "Lea Brandt"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The convoy was shelled near the river, said the defence minister.", "the defence minister"),
    ("The convoy was shelled near the river, said Lea Brandt on Tuesday.", "Lea Brandt"),
])
def test_quotes_reported_with_an_inverted_noun_phrase_speaker(text, speaker):
    [q] = reported(make_article(text, people={"Lea Brandt": ["Lea Brandt"]}))
    assert q.text == "The convoy was shelled near the river"
    assert q.speaker_mention.text == speaker


def test_quotes_the_addressee_after_told_is_not_an_inverted_speaker():
    text = "“The border stays closed,” the spokesman, Lea Brandt, told reporters."
    article = make_article(text, people={"Lea Brandt": ["Lea Brandt"]})
    assert reported(article) == []
    [q] = quoted(article)
    assert q.speaker == "e1"


def test_quotes_reported_speech_not_taken_from_inside_quotation_marks():
    text = "“I told them that the plan would fail,” Haddad said."
    article = make_article(text, people={"Omar Haddad": ["Haddad"]})
    assert reported(article) == []
    assert len(quoted(article)) == 1


def test_quotes_reported_speech_needs_a_speech_verb():
    text = "The army withdrew from the hills after the talks in Geneva failed."
    assert reported(make_article(text)) == []


@pytest.mark.parametrize("text", [
    "LIND: TALKS ‘USELESS’ WITHOUT GUARANTEES FROM MOSCOW",
    "Minister Says Border Deal Is ‘Close’",
])
def test_quotes_headlines_hold_no_quotes(text):
    assert is_headline(text)
    assert quoted(make_article(text + "\nThe talks went on.")) == []


@pytest.mark.parametrize("text", [
    "She starred in the film “Northern Lights” before entering politics.",
    "The so-called “peace dividend” never arrived.",
])
def test_quotes_titles_and_scare_quotes_without_a_cue_are_not_quotes(text):
    assert quoted(make_article(text)) == []


def test_quotes_offsets_index_the_article_text():
    text = "“One,” he said. “Two three.”\n\"Four,\" said Lind."
    for q in find_quotes(make_article(text, people={"Anna Lind": ["Lind"]})):
        assert text[q.start:q.end] == q.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text


def test_quotes_quote_covering_finds_the_quote_in_an_evidence_span():
    text = "Haddad rejected the plan. “We will never accept it,” Haddad said."
    article = make_article(text, people={"Omar Haddad": ["Haddad"]})
    article.quotes = find_quotes(article)
    q = quote_covering(article, text.index("“"), len(text))
    assert q is not None and q.text == "We will never accept it,"
    assert quote_covering(article, 0, 6) is None


def test_quotes_cue_lexicon_forms_map_to_their_lemma():
    for forms in SPEECH_VERBS.values():
        for form in forms:
            assert form == form.lower()
            assert CUE_LEMMA[form] in SPEECH_VERBS
    assert CUE_LEMMA["said"] == "say" and CUE_LEMMA["told"] == "tell"


# -- shared data: read at test time, skipped without ../shared ---------------------------------

SEED = SHARED / "gold" / "articles" / "us-russia-talks-2025-02-12.gold.json"
TEXTACY = SHARED / "corpora" / "textacy_quote_tests" / "textacy_direct_quotation_cases.json"


def test_quotes_seed_gold_all_quotes_with_speaker():
    if not SEED.exists():
        pytest.skip(f"seed gold not found at {SEED}")
    from turnstone import process

    gold = json.loads(SEED.read_text(encoding="utf-8"))
    raw = SEED.with_name(SEED.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    article = process(raw, published="2025-02-12")
    quotes = [q for q in article.quotes if q.kind != "indirect"]
    for g in gold["quotes"]:
        hits = [q for q in quotes if q.text.strip() == g["text"].strip()]
        assert hits, f"missed {g['text'][:50]!r}"
        surname = g["speaker"].split()[-1]
        assert hits[0].speaker_name and surname in hits[0].speaker_name, (g["text"][:40], hits[0].speaker_name)
        assert hits[0].kind == g["kind"], g["text"][:40]


def _textacy_cases() -> list:
    if not TEXTACY.exists():
        return []
    data = json.loads(TEXTACY.read_text(encoding="utf-8"))
    cases = [("triple", c) for c in data["direct_quotation_triples"] if "disabled" not in c.get("note", "")]
    cases += [("speaker", c) for c in data["speaker_cases"]]
    return cases


@pytest.mark.parametrize("case", _textacy_cases() or [pytest.param(None, marks=pytest.mark.skip(
    reason=f"textacy quote cases not found at {TEXTACY}"))])
def test_quotes_textacy_direct_quotation_cases(case):
    kind, c = case
    text = c["text"]
    found = find_quotes(Article(text=text))
    direct = [q for q in found if q.kind == "direct"]
    # textacy's speaker cases count every quotation, embedded ones included.
    spoken = [text[q.speaker_mention.start:q.speaker_mention.end] for q in found
              if q.kind != "indirect" and getattr(q, "speaker_mention", None) is not None]
    if kind == "triple":
        assert len(direct) == len(c["gold"])
        for q, (speakers, cues, content) in zip(direct, c["gold"]):
            assert q.text == content.strip('"')
            assert q.cue is not None and q.cue.text == cues[0]
            mention = text[q.speaker_mention.start:q.speaker_mention.end]
            assert all(s in mention for s in speakers)
    else:
        # textacy lists the speaker words of every direct quote, determiners left out.
        words = [w for s in spoken for w in s.split() if w.lower() not in {"the", "a", "an"}]
        assert words == c["speakers"]


def test_quotes_appositive_speakers_with_the_shipped_model():
    # The three shapes of the appositive-speaker review, end to end with the trained model.
    from turnstone import process

    text = ("Chile and Peru swapped prisoners on Monday.\n"
            "“We will keep talking,” the army spokesman, Ana Ruiz, said on Friday.\n"
            "The navy's spokeswoman, Lea Brandt, said the drills would go on.\n"
            "“The border stays closed,” the spokesman, Omar Haddad, told reporters.")
    article = process(text, published="2025-02-12")
    owner = {(m.start, m.end): e.id for e in article.entities for m in e.mentions}
    by_text = {q.text: q for q in article.quotes}
    assert by_text["We will keep talking,"].speaker_name == "Ana Ruiz"
    assert by_text["the drills would go on"].kind == "indirect"
    assert by_text["the drills would go on"].speaker_name == "Lea Brandt"
    assert by_text["The border stays closed,"].speaker_name == "Omar Haddad"
    assert not any("Lea Brandt" in q.text or "Omar Haddad" in q.text for q in article.quotes)
    for q in article.quotes:
        m = q.speaker_mention
        if (m.start, m.end) in owner:
            assert q.speaker == owner[(m.start, m.end)], (q.text, m.text, q.speaker)


INVERTED_CLAUSE_CASES = [
    ("The spokesman, Lea Brandt, said the ceasefire held.", "the ceasefire held"),
    ("A spokeswoman, Lea Brandt, said the rebels withdrew from the hills.", "the rebels withdrew from the hills"),
    ("The navy's spokeswoman, Lea Brandt, said the convoy turned back on Monday.",
     "the convoy turned back on Monday"),
    ("Lea Brandt, a spokeswoman for the navy, said the convoy turned back.", "the convoy turned back"),
]


@pytest.mark.parametrize(("text", "content"), INVERTED_CLAUSE_CASES)
def test_quotes_reported_subject_of_a_past_verb_after_said_is_content_not_speaker(text, content):
    # '…, said the ceasefire held': no auxiliary follows 'the ceasefire', yet it is the subject of
    # the reported clause; the words before the comma are the speaker, not reported content.
    article = make_article(text, people={"Lea Brandt": ["Lea Brandt"]})
    [q] = reported(article)
    assert q.text == content and text[q.start:q.end] == content
    assert q.speaker == "e1" and q.speaker_mention.text == "Lea Brandt"


@pytest.mark.parametrize(("text", "content"), INVERTED_CLAUSE_CASES)
def test_quotes_reported_subject_of_a_past_verb_after_said_with_the_parse(parsed, text, content):
    article = make_article(text, people={"Lea Brandt": ["Lea Brandt"]})
    article.doc = parsed(text)
    [q] = reported(article)
    assert q.text == content
    assert q.speaker == "e1" and q.speaker_mention.text == "Lea Brandt"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The convoy was shelled near the river, said the defence minister.", "the defence minister"),
    ("The convoy was shelled near the river, said Lea Brandt on Tuesday.", "Lea Brandt"),
])
def test_quotes_reported_inverted_speaker_still_read_with_the_parse(parsed, text, speaker):
    article = make_article(text, people={"Lea Brandt": ["Lea Brandt"]})
    article.doc = parsed(text)
    [q] = reported(article)
    assert q.text == "The convoy was shelled near the river"
    assert q.speaker_mention.text == speaker


def test_quotes_role_with_appositive_name_and_a_past_verb_clause_end_to_end():
    from turnstone import process

    text = ("Navy spokesman Ivan Petrov said on Monday that the drills would go on.\n"
            "The spokesman, Lea Brandt, said the ceasefire held. The spokesman added that aid was coming.")
    article = process(text, published="2025-02-12")
    by_text = {q.text: q for q in article.quotes}
    assert by_text["the ceasefire held"].kind == "indirect"
    assert by_text["the ceasefire held"].speaker_name == "Lea Brandt"
    assert not any("Lea Brandt" in q.text for q in article.quotes)
    assert by_text["aid was coming"].speaker_name == "Lea Brandt"


def test_quotes_two_single_marks_are_direct_quotes_with_a_speaker():
    text = ("Officials met in Geneva on Monday.\n"
            "''The talks were useful,'' said Omar Haddad, the foreign minister. "
            "He called the ceasefire ''fragile but real.''")
    article = make_article(text, people={"Omar Haddad": ["Omar Haddad"]})
    found = quoted(article)
    assert [(q.text, q.speaker_name) for q in found] == [
        ("The talks were useful,", "Omar Haddad"), ("fragile but real.", "Omar Haddad")]
    assert all(text[q.start:q.end] == q.text for q in found)
