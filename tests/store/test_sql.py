"""The Store contract, run against SQLite and against a real PostgreSQL server.

The PostgreSQL server comes from TURNSTONE_PG_URL when set (each test gets its own database in
it), otherwise ``scripts/start-postgres.sh`` starts a throwaway one on loopback for the session.
The PostgreSQL tests skip, saying why, only when no server can be started.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from turnstone.errors import StoreError
from turnstone.model import Article, Entity, Event, Mention, Participant, Place, Quote, Span, TimeExpr
from turnstone.store import Store, open_store
from turnstone.store.base import database_url

ROOT = Path(__file__).resolve().parents[2]


def make_article(*, id: str = "", published: str = "2031-05-06", extra: str = "", event: str = "CONSULT",
                 actor: tuple[str, str] = ("Freedonia", "FRE"), recipient: tuple[str, str] = ("Sylvania", "SYL"),
                 date: str | None = "2031-05-05", negated: bool = False) -> Article:
    """A small invented article with one of everything, offsets computed from the text."""
    text = (f"{actor[0]}'s foreign minister met her {recipient[0]} counterpart in Geneva on Monday. "
            "\"We will not give up an inch,\" said Rufus Firefly, the Freedonian leader. " + extra)
    sentence_end = text.index(". ") + 1
    geneva = text.index("Geneva")
    q0, q1 = text.index('"We'), text.index('inch,"') + 6
    rufus = text.index("Rufus")
    monday = text.index("Monday")
    return Article(
        id=id, title="Ministers meet", source="Test Wire", published=published, text=text,
        entities=[Entity(id="e1", name=actor[0], type="GPE", country=actor[1], sector="GOV",
                         mentions=[Mention(start=0, end=len(actor[0]), text=actor[0])]),
                  Entity(id="e2", name="Rufus Firefly", type="PERSON", country="FRE", sector="GOV",
                         mentions=[Mention(start=rufus, end=rufus + 13, text="Rufus Firefly")])],
        quotes=[Quote(id="q1", text=text[q0:q1], start=q0, end=q1, kind="direct", speaker="e2",
                      speaker_name="Rufus Firefly")],
        times=[TimeExpr(text="Monday", start=monday, end=monday + 6, value="2031-05-05")],
        places=[Place(text="Geneva", start=geneva, end=geneva + 6, name="Geneva", country="CHE", lat=46.2,
                      lon=6.14, geonames_id=2660646)],
        events=[Event(id="v1", event=event, actors=[Participant(entity="e1", name=actor[0], country=actor[1],
                                                               sector="GOV")],
                      recipients=[Participant(name=recipient[0], country=recipient[1], sector="GOV")],
                      date=date, place="Geneva", cameo="040", goldstein=1.0, plover_score=1.0, confidence=0.8,
                      negated=negated, evidence=Span(start=0, end=sentence_end, text=text[:sentence_end]))])


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "turnstone.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


# -- the contract ---------------------------------------------------------------------------

def test_sql_save_is_idempotent(store: Store) -> None:
    article = make_article()
    assert store.save(article, "0.1.0") is True
    assert store.save(make_article(), "0.1.0") is False
    assert store.count() == 1
    assert store.count_events() == 1
    assert article.id and store.has(article.id)


def test_sql_same_text_other_id_is_one_row(store: Store) -> None:
    first = make_article()
    store.save(first, "0.1.0")
    assert store.save(make_article(id="wire-123"), "0.1.0") is False
    assert store.count() == 1
    assert store.has(first.id)


def test_sql_newer_version_replaces_results(store: Store) -> None:
    store.save(make_article(id="a1"), "0.1.0")
    newer = make_article(id="a1", event="AGREE")
    assert store.save(newer, "0.2.0") is True
    assert store.count() == 1
    assert [e["event"] for e in store.events()] == ["AGREE"]
    assert store.pipeline_version("a1") == "0.2.0"
    # An older version never overwrites newer results.
    assert store.save(make_article(id="a1", event="ASSAULT"), "0.1.5") is False
    assert [e["event"] for e in store.events()] == ["AGREE"]
    # Same public version, other stage list: counts as a new pipeline and replaces.
    assert store.save(make_article(id="a1", event="REJECT"), "0.2.0+analyze.events") is True
    assert [e["event"] for e in store.events()] == ["REJECT"]
    assert len(store.search_quotes("inch")) == 1  # search index replaced, not duplicated


def test_sql_has_with_version(store: Store) -> None:
    store.save(make_article(id="a1"), "0.2.0")
    assert store.has("a1", "0.2.0")
    assert store.has("a1", "0.1.0")
    assert not store.has("a1", "0.3.0")
    assert not store.has("missing")


def test_sql_get_round_trips_article(store: Store) -> None:
    article = make_article(id="a1")
    store.save(article, "0.1.0")
    got = store.get("a1")
    assert got is not None
    assert got.to_dict() == article.to_dict()
    assert store.get("nope") is None


def test_sql_replacement_is_atomic(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(make_article(id="a1"), "0.1.0")
    from turnstone.store import sql

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sql, "article_rows", broken)
    with pytest.raises(RuntimeError):
        store.save(make_article(id="a1", event="AGREE"), "0.2.0")
    # The failed replacement left the old results whole.
    assert store.pipeline_version("a1") == "0.1.0"
    assert [e["event"] for e in store.events()] == ["CONSULT"]
    assert store.get("a1") is not None


def test_sql_failures_are_recorded_and_cleared(store: Store) -> None:
    store.record_failure("bad1", "feed.jsonl:3", "E101 empty")
    store.record_failure("bad1", "feed.jsonl:3", "E200 stage events failed")
    store.record_failure("bad2", "x.html", "E102 binary")
    failures = {f.article_id: f for f in store.failures()}
    assert failures["bad1"].attempts == 2 and failures["bad1"].reason == "E200 stage events failed"
    assert failures["bad2"].source == "x.html"
    store.clear_failure("bad2")
    store.clear_failure("never-failed")
    assert [f.article_id for f in store.failures()] == ["bad1"]
    store.save(make_article(id="bad1"), "0.1.0")
    assert store.failures() == []


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, {"a", "b", "c"}),
    ({"event": "consult"}, {"a", "b"}),
    ({"event": "CONSULT,ASSAULT"}, {"a", "b", "c"}),
    ({"actor": "FRE"}, {"a", "b"}),
    ({"actor": "oceania"}, {"c"}),
    ({"recipient": "syl"}, {"a", "b"}),
    ({"recipient": "FRE"}, set()),
    ({"country": "EAS"}, {"c"}),
    ({"country": "CHE"}, {"a", "b", "c"}),
    ({"date_from": "2031-05-05", "date_to": "2031-05-05"}, {"a", "b"}),
    ({"date_from": "2031-06"}, {"c"}),
    ({"date_to": "2031-05"}, {"a", "b"}),
    ({"place": "genev"}, {"a", "b", "c"}),
    ({"place": "paris"}, set()),
    ({"include_negated": False}, {"a", "c"}),
    ({"article_id": "b"}, {"b"}),
])
def test_sql_event_filters(store: Store, filters: dict[str, object], expected: set[str]) -> None:
    store.save(make_article(id="a"), "1")
    store.save(make_article(id="b", extra="Another report.", negated=True), "1")
    store.save(make_article(id="c", event="ASSAULT", actor=("Oceania", "OCE"), recipient=("Eastasia", "EAS"),
                            date="2031-06-10", published="2031-06-10"), "1")
    assert {e["article_id"] for e in store.events(**filters)} == expected
    assert store.count_events(**filters) == len(expected)


def test_sql_event_rows_carry_place_and_article(store: Store) -> None:
    store.save(make_article(id="a"), "1")
    (row,) = store.events()
    assert (row["lat"], row["lon"], row["place_country"]) == (46.2, 6.14, "CHE")
    assert row["article_id"] == "a" and row["source"] == "Test Wire" and row["published"] == "2031-05-06"
    assert row["evidence"]["text"].startswith("Freedonia's foreign minister met")


def test_sql_event_paging(store: Store) -> None:
    for i in range(5):
        store.save(make_article(id=f"p{i}", extra=f"Report number {i}.", date=f"2031-05-0{i + 1}"), "1")
    first = store.events(limit=2)
    second = store.events(limit=2, offset=2)
    rest = store.events(limit=10, offset=4)
    assert [e["date"] for e in first] == ["2031-05-05", "2031-05-04"]
    assert [e["date"] for e in second] == ["2031-05-03", "2031-05-02"]
    assert [e["date"] for e in rest] == ["2031-05-01"]


def test_sql_bad_filters_raise_store_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.events(date_from="last tuesday")
    with pytest.raises(StoreError):
        store.events(colour="red")


def test_sql_search_articles_and_quotes(store: Store) -> None:
    store.save(make_article(id="a", extra="Wheat exports were also discussed."), "1")
    store.save(make_article(id="b", extra="Nothing about grain."), "1")
    hits = store.search_articles("wheat exports")
    assert [h["id"] for h in hits] == ["a"]
    assert "[[" in hits[0]["snippet"]
    quotes = store.search_quotes("inch")
    assert {q["article_id"] for q in quotes} == {"a", "b"}
    assert quotes[0]["speaker_name"] == "Rufus Firefly"
    assert store.search_quotes("firefly")  # speakers are searchable too
    assert store.search_articles("") == []


def test_sql_search_syntax_is_safe(store: Store) -> None:
    store.save(make_article(id="a", extra="Wheat exports were also discussed."), "1")
    assert [h["id"] for h in store.search_articles('"wheat -(exports:')] == ["a"]
    assert [h["id"] for h in store.search_articles('wheat*) ^discussed")')] == ["a"]
    assert [h["id"] for h in store.search_articles("whe*")] == ["a"]  # prefix search


def test_sql_clusters_group_reports_of_one_event(store: Store) -> None:
    store.save(make_article(id="a"), "1")
    store.save(make_article(id="b", extra="A second outlet's report.", published="2031-05-07"), "1")
    store.save(make_article(id="c", event="ASSAULT", actor=("Oceania", "OCE"), recipient=("Eastasia", "EAS")), "1")
    store.save(make_article(id="d", extra="A much later meeting.", date="2031-09-01"), "1")
    clusters = store.clusters()
    sizes = sorted(c["n_reports"] for c in clusters)
    assert sizes == [1, 1, 2]
    big = store.cluster(clusters[0]["id"])
    assert big is not None
    assert {r["article_id"] for r in big["reports"]} == {"a", "b"}
    assert big["n_articles"] == 2
    # Replacing and deleting articles keeps the counts right.
    store.save(make_article(id="b", event="AGREE", extra="A second outlet's report."), "2")
    assert sorted(c["n_reports"] for c in store.clusters()) == [1, 1, 1, 1]
    assert store.delete("b") and not store.delete("b")
    assert sorted(c["n_reports"] for c in store.clusters()) == [1, 1, 1]


def test_sql_reopen_keeps_data_and_schema(store_url: str) -> None:
    first = open_store(store_url)
    first.save(make_article(id="a"), "1")
    version = first.schema_version()
    first.close()
    again = open_store(store_url)
    assert again.count() == 1 and again.schema_version() == version >= 1
    again.close()


def test_sql_concurrent_saves_from_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(5):
                store.save(make_article(id=f"t{n}-{i}", extra=f"Thread {n} item {i}."), "1")
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count() == 20
    assert sum(c["n_reports"] for c in store.clusters(limit=100)) == 20


def test_sql_database_url_forms() -> None:
    assert database_url(None) == "sqlite:///turnstone.db"
    assert database_url("data/x.db") == "sqlite:///data/x.db"
    assert database_url(":memory:") == "sqlite://"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError):
        open_store("mysql://u@h/db")


def test_sql_memory_store_works() -> None:
    with open_store(":memory:") as store:
        store.save(make_article(id="m"), "1")
        assert store.count() == 1


def test_sql_unopenable_database_is_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def _save_from_process(url: str, worker: int) -> None:
    with open_store(url) as store:
        for i in range(4):
            store.save(make_article(id=f"w{worker}-{i}", extra=f"Worker {worker} item {i}."), "1")
        store.record_failure(f"bad-{worker}", "proc", "E200 boom")


@pytest.mark.parametrize("create_first", [True, False])
def test_sql_several_processes_share_one_sqlite_file(tmp_path: Path, create_first: bool) -> None:
    import multiprocessing

    url = str(tmp_path / "shared.db")
    if create_first:  # as a batch run does before starting workers; without it the workers race to migrate
        open_store(url).close()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_save_from_process, args=(url, n)) for n in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    with open_store(url) as store:
        assert store.count() == 12
        assert len(store.failures()) == 3
        assert sum(c["n_reports"] for c in store.clusters(limit=100)) == 12
