"""The scorer itself, on hand-built articles, so that eval numbers can be trusted."""

from turnstone.evaluate import score_entities, score_events, score_quotes, score_times
from turnstone.model import Article, Entity, Event, Mention, Participant, Quote, Span, TimeExpr

TEXT = '"We agreed," Putin said on Friday after talks with Trump.'


def ent(eid, name, country, sector="GOV", typ="PERSON"):
    start = TEXT.find(name)
    return Entity(id=eid, name=name, type=typ, country=country, sector=sector,
                  mentions=[Mention(start=start, end=start + len(name), text=name)])


GOLD = {
    "entities": [
        {"name": "Vladimir Putin", "type": "PERSON", "mentions": ["Putin"], "country": "RUS", "sector": "GOV"},
        {"name": "Donald Trump", "type": "PERSON", "mentions": ["Trump"], "country": "USA", "sector": "GOV"},
        {"name": "Kremlin", "type": "ORG", "mentions": ["Kremlin"], "country": "RUS", "sector": "GOV",
         "required": False},
    ],
    "quotes": [{"speaker": "Vladimir Putin", "kind": "direct", "text": "We agreed,"}],
    "times": [{"text": "Friday", "value": "2025-02-14"}],
    "places": [],
    "events": [{"event": "CONSULT", "actors": ["RUS"], "recipients": ["USA"], "reciprocal_ok": True,
                "date": "2025-02-14", "evidence": "talks with Trump"}],
}


def test_evaluate_entities_count_attributes_and_false_positives():
    article = Article(text=TEXT, entities=[ent("e1", "Putin", "RUS"), ent("e2", "Trump", "GBR"),
                                           ent("e3", "Friday", None, None, "ORG")])
    s = score_entities(article, GOLD).scores()
    assert (s["gold"], s["system"]) == (2, 3)
    assert s["recall"] == 1.0 and s["attr_recall"] == 0.5
    assert s["precision"] == round(2 / 3, 3)


def test_evaluate_quotes_need_the_right_speaker():
    article = Article(text=TEXT, entities=[ent("e1", "Putin", "RUS")])
    start = TEXT.find("We agreed,")
    good = Quote(id="q1", text="We agreed,", start=start, end=start + 10, kind="direct", speaker="e1")
    assert score_quotes(article.model_copy(update={"quotes": [good]}), GOLD).scores()["attr_recall"] == 1.0
    wrong = good.model_copy(update={"speaker": None, "speaker_name": "Trump"})
    s = score_quotes(article.model_copy(update={"quotes": [wrong]}), GOLD).scores()
    assert s["recall"] == 1.0 and s["attr_recall"] == 0.0


def test_evaluate_times_compare_values():
    start = TEXT.find("Friday")
    right = TimeExpr(start=start, end=start + 6, text="Friday", value="2025-02-14")
    assert score_times(Article(text=TEXT, times=[right]), GOLD).scores()["attr_f1"] == 1.0
    wrong = right.model_copy(update={"value": "2025-02-07"})
    s = score_times(Article(text=TEXT, times=[wrong]), GOLD).scores()
    assert s["f1"] == 1.0 and s["attr_f1"] == 0.0


def test_evaluate_events_accept_reciprocal_parties_and_check_date():
    start = TEXT.find("talks")
    evidence = Span(start=start, end=len(TEXT) - 1, text=TEXT[start:-1])
    both = Event(id="v1", event="CONSULT", evidence=evidence, date="2025-02-14",
                 actors=[Participant(name="Putin", country="RUS"), Participant(name="Trump", country="USA")])
    assert score_events(Article(text=TEXT, events=[both]), GOLD).scores()["attr_recall"] == 1.0
    late = both.model_copy(update={"date": "2025-02-15"})
    assert score_events(Article(text=TEXT, events=[late]), GOLD).scores()["attr_recall"] == 0.0
    other = both.model_copy(update={"event": "ASSAULT"})
    s = score_events(Article(text=TEXT, events=[other]), GOLD).scores()
    assert s["recall"] == 0.0 and s["precision"] == 0.0


def test_evaluate_place_names_match_with_or_without_a_generic_head():
    from turnstone.evaluate import _same_place_text

    assert _same_place_text("Kursk region", "Kursk")
    assert _same_place_text("Kursk", "the Kursk region")
    assert not _same_place_text("Kursk", "Kurskaya")
    assert not _same_place_text("Niger", "Nigeria")
