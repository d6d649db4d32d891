from turnstone.model import Article, Entity, Mention, json_schema


def test_model_roundtrip_through_dict():
    article = Article(text="Ministers met in Oslo.", published="2025-01-06",
                      entities=[Entity(id="e1", name="Oslo", type="GPE", country="NOR",
                                       mentions=[Mention(start=17, end=21, text="Oslo")])])
    article.ensure_id()
    again = Article.from_dict(article.to_dict())
    assert again == article
    assert again.to_dict()["entities"][0]["mentions"][0] == {"start": 17, "end": 21, "text": "Oslo"}


def test_model_id_is_sha256_of_text_unless_given():
    import hashlib

    a = Article(text="x y z")
    assert a.ensure_id() == hashlib.sha256(b"x y z").hexdigest()
    assert Article(text="x", id="given").ensure_id() == "given"


def test_model_doc_is_not_serialised():
    a = Article(text="x")
    a.doc = object()
    assert "doc" not in a.to_dict() and "_doc" not in a.to_dict()


def test_model_schema_has_every_spec_section():
    schema = json_schema()
    for key in ("id", "title", "source", "url", "published", "language", "text", "removed",
                "entities", "quotes", "times", "places", "events"):
        assert key in schema["properties"], key


def test_model_published_accepts_python_dates():
    """Python callers may pass a date or datetime; the contract keeps YYYY-MM-DD text."""
    import datetime as dt

    assert Article(text="x", published=dt.date(2025, 2, 12)).published == "2025-02-12"
    assert Article(text="x", published=dt.datetime(2025, 2, 12, 18, 30)).published == "2025-02-12"
    assert Article(text="x", published="2025-02-12").published == "2025-02-12"
