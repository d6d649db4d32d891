"""The HTTP API: submit, fetch, query, search, export, the error shape and the request guards."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from turnstone.model import Article, Entity, Event, Mention, Participant, Place, Quote, Span
from turnstone.serve.app import ServeSettings, create_app
from turnstone.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
LOCAL = ("127.0.0.1", 40000)
REMOTE = ("203.0.113.7", 40000)


def article(aid: str, *, event: str = "CONSULT", actor: tuple[str, str] = ("Freedonia", "FRE"),
            recipient: tuple[str, str] = ("Sylvania", "SYL"), date: str = "2031-05-05", extra: str = "",
            place: tuple[str, str, float, float] = ("Geneva", "CHE", 46.2, 6.14), goldstein: float = 1.0,
            cameo: str = "040") -> Article:
    text = f"{actor[0]} officials met {recipient[0]} envoys in {place[0]} on Monday. {extra}".strip()
    end = text.index(".") + 1
    p0 = text.index(place[0])
    q0 = text.index(extra) if extra else len(text)
    quotes = [Quote(id="q1", text=extra, start=q0, end=q0 + len(extra), kind="direct", speaker_name="Rufus Firefly")] \
        if extra else []
    return Article(
        id=aid, title=f"Report {aid}", source="Test Wire", url=f"https://news.invalid/{aid}", published=date,
        text=text,
        entities=[Entity(id="e1", name=actor[0], type="GPE", country=actor[1],
                         mentions=[Mention(start=0, end=len(actor[0]), text=actor[0])])],
        quotes=quotes,
        places=[Place(text=place[0], start=p0, end=p0 + len(place[0]), name=place[0], country=place[1],
                      lat=place[2], lon=place[3])],
        events=[Event(id="v1", event=event, actors=[Participant(name=actor[0], country=actor[1], sector="GOV")],
                      recipients=[Participant(name=recipient[0], country=recipient[1], sector="GOV")],
                      date=date, place=place[0], cameo=cameo, goldstein=goldstein, confidence=0.7,
                      evidence=Span(start=0, end=end, text=text[:end]))])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "api.db")
    yield opened
    opened.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    app = create_app(ServeSettings(max_body_bytes=20_000, max_batch=5), store=store)
    with TestClient(app, client=LOCAL) as c:
        yield c


@pytest.fixture
def filled(store: Store, client: TestClient) -> TestClient:
    store.save(article("a", extra='"We will talk again," said Rufus Firefly.'), "1")
    store.save(article("b", date="2031-05-06"), "1")  # a second report of the same meeting
    store.save(article("c", event="ASSAULT", actor=("Oceania", "OCE"), recipient=("Eastasia", "EAS"),
                       date="2031-06-10", place=("Kyiv", "UKR", 50.45, 30.52), goldstein=-10.0, cameo="190"), "1")
    return client


# -- the one error shape -------------------------------------------------------------------

def assert_error(response: object, status: int, code: str | None = None) -> dict[str, object]:
    assert response.status_code == status  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    assert isinstance(err["details"], list)
    if code:
        assert err["code"] == code
    return err


def test_api_error_shape_not_found(client: TestClient) -> None:
    err = assert_error(client.get("/api/articles/missing"), 404, "not_found")
    assert "missing" in str(err["message"])
    assert_error(client.get("/api/no/such/route"), 404, "not_found")


def test_api_error_shape_validation(client: TestClient) -> None:
    err = assert_error(client.post("/api/articles", json={"title": "no text"}), 422, "invalid_request")
    assert any(d["where"] == "body.text" for d in err["details"])  # type: ignore[union-attr]
    assert "body.text" in str(err["message"])
    err = assert_error(client.get("/api/events", params={"date_from": "yesterday"}), 422, "invalid_request")
    assert "date_from" in str(err["message"])
    assert_error(client.get("/api/events", params={"event": "HUG"}), 422, "invalid_request")
    assert_error(client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"}),
                 422, "invalid_request")


def test_api_error_shape_method(client: TestClient) -> None:
    assert_error(client.put("/api/events"), 405, "method_not_allowed")


# -- guards ----------------------------------------------------------------------------------

def test_api_body_limit_by_content_length(client: TestClient) -> None:
    err = assert_error(client.post("/api/articles", json={"text": "x" * 30_000}), 413, "payload_too_large")
    assert "20000" in str(err["message"])


def test_api_body_limit_when_streamed(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 1000
        yield b'"}'

    response = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert_error(response, 413, "payload_too_large")


def test_api_writes_from_other_hosts_need_token(store: Store) -> None:
    open_app = create_app(ServeSettings(host="127.0.0.1"), store=store)
    with TestClient(open_app, client=REMOTE) as remote:
        assert_error(remote.delete("/api/articles/x"), 403, "forbidden")
        assert remote.get("/api/events").status_code == 200  # reads stay open
    guarded = create_app(ServeSettings(host="0.0.0.0", token="s3cret"), store=store)
    with TestClient(guarded, client=REMOTE) as remote:
        assert_error(remote.delete("/api/articles/x"), 401, "unauthorized")
        assert_error(remote.delete("/api/articles/x", headers={"authorization": "Bearer wrong"}), 403, "forbidden")
        ok = remote.delete("/api/articles/x", headers={"authorization": "Bearer s3cret"})
        assert_error(ok, 404, "not_found")  # past the guard: the article just does not exist
    # A server bound to all interfaces wants the token even from loopback (a proxy looks local).
    with TestClient(guarded, client=LOCAL) as local:
        assert_error(local.delete("/api/articles/x"), 401, "unauthorized")


def test_api_loopback_server_accepts_local_writes(client: TestClient, store: Store) -> None:
    store.save(article("gone"), "1")
    assert client.delete("/api/articles/gone").status_code == 204
    assert store.count() == 0


# -- articles ----------------------------------------------------------------------------------

def test_api_submit_runs_pipeline_and_is_idempotent(client: TestClient, store: Store) -> None:
    text = ("Ministers meet in Geneva\n"
            "The foreign ministers of Freedonia and Sylvania met in Geneva on Monday to discuss the border.")
    first = client.post("/api/articles", json={"text": text, "published": "2031-05-06", "source": "Wire"})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["stored"] is True
    assert body["article"]["text"].startswith("The foreign ministers")
    assert body["article"]["title"] == "Ministers meet in Geneva"
    assert body["article"]["pipeline_version"] == body["pipeline_version"]
    again = client.post("/api/articles", json={"text": text, "published": "2031-05-06", "source": "Wire"})
    assert again.status_code == 200 and again.json()["stored"] is False
    assert store.count() == 1
    fetched = client.get(f"/api/articles/{body['id']}").json()
    assert fetched["id"] == body["id"] and fetched["source"] == "Wire"
    assert Article.from_dict({k: v for k, v in fetched.items() if k != "pipeline_version"}).text == \
        body["article"]["text"]


def test_api_submit_html(client: TestClient) -> None:
    page = ("<html><head><title>Talks</title></head><body><article><h1>Talks in Geneva</h1>"
            "<p>The foreign ministers of Freedonia and Sylvania met in Geneva on Monday to discuss the border, "
            "officials said after the meeting ended late in the evening.</p>"
            "<p>Both sides described the talks as constructive and agreed to meet again next month.</p>"
            "</article></body></html>")
    response = client.post("/api/articles", json={"text": page, "format": "html", "published": "2031-05-06"})
    assert response.status_code == 201, response.text
    assert "<p>" not in response.json()["article"]["text"]


def test_api_submit_rejects_bad_date_and_empty_text(client: TestClient) -> None:
    assert_error(client.post("/api/articles", json={"text": "Some text.", "published": "12/02/2025"}), 422)
    err = assert_error(client.post("/api/articles", json={"text": "   \n  "}), 422)
    assert err["code"].startswith("E1")  # type: ignore[union-attr]


def test_api_batch_reports_each_article(client: TestClient, store: Store) -> None:
    good = "The foreign ministers of Freedonia and Sylvania met in Geneva on Monday."
    response = client.post("/api/articles/batch", json={"articles": [
        {"text": good, "id": "g1"}, {"text": "  ", "id": "empty"}, {"text": good, "id": "g1"}]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stored"], body["unchanged"], body["failed"]) == (1, 1, 1)
    assert body["results"][1]["error"]["code"].startswith("E1")  # an input error
    assert store.count() == 1
    too_many = client.post("/api/articles/batch", json={"articles": [{"text": good}] * 6})
    assert_error(too_many, 413, "payload_too_large")


def test_api_import_processed_articles(client: TestClient, store: Store) -> None:
    payload = {"pipeline_version": "9.9", "articles": [article("x1").to_dict(), article("x2", extra="Other words.").to_dict()]}
    response = client.post("/api/articles/import", json=payload)
    assert response.status_code == 200 and response.json()["stored"] == 2
    assert store.pipeline_version("x1") == "9.9"
    broken = article("x3").to_dict()
    broken["events"][0]["evidence"]["end"] = 10_000
    err = assert_error(client.post("/api/articles/import", json={"pipeline_version": "1", "articles": [broken]}),
                       422)
    assert "outside the text" in str(err["message"])


def test_api_list_articles_and_failures(filled: TestClient, store: Store) -> None:
    listing = filled.get("/api/articles", params={"limit": 2}).json()
    assert listing["total"] == 3 and len(listing["items"]) == 2
    store.record_failure("bad", "feed.jsonl:7", "E105 malformed")
    failures = filled.get("/api/failures").json()
    assert failures["items"][0]["article_id"] == "bad" and failures["items"][0]["source"] == "feed.jsonl:7"


# -- events, search, clusters --------------------------------------------------------------------

@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"a", "b", "c"}),
    ({"event": "ASSAULT"}, {"c"}),
    ({"actor": "FRE"}, {"a", "b"}),
    ({"actor": "ocean"}, {"c"}),
    ({"recipient": "EAS"}, {"c"}),
    ({"country": "UKR"}, {"c"}),
    ({"date_from": "2031-05-06", "date_to": "2031-05-31"}, {"b"}),
    ({"place": "geneva"}, {"a", "b"}),
])
def test_api_event_filters(filled: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = filled.get("/api/events", params=params).json()
    assert {e["article_id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_api_event_paging(filled: TestClient) -> None:
    pages = [filled.get("/api/events", params={"limit": 1, "offset": i}).json() for i in range(4)]
    assert [p["total"] for p in pages] == [3, 3, 3, 3]
    assert [len(p["items"]) for p in pages] == [1, 1, 1, 0]
    assert [p["items"][0]["article_id"] for p in pages[:3]] == ["c", "b", "a"]
    assert_error(filled.get("/api/events", params={"limit": 0}), 422)


def test_api_events_summary(filled: TestClient) -> None:
    body = filled.get("/api/events/summary").json()
    assert [d["date"] for d in body["timeline"]] == ["2031-05-05", "2031-05-06", "2031-06-10"]
    links = {(link["source"], link["target"]): link for link in body["network"]["links"]}
    assert links[("Freedonia", "Sylvania")]["count"] == 2
    assert links[("Oceania", "Eastasia")]["score"] == -10.0
    places = {p["name"]: p["count"] for p in body["places"]}
    assert places == {"Geneva": 2, "Kyiv": 1}


def test_api_clusters_join_reports(filled: TestClient) -> None:
    clusters = filled.get("/api/clusters", params={"min_reports": 2}).json()["items"]
    assert len(clusters) == 1 and clusters[0]["n_articles"] == 2
    one = filled.get(f"/api/clusters/{clusters[0]['id']}").json()
    assert {r["article_id"] for r in one["reports"]} == {"a", "b"}
    assert_error(filled.get("/api/clusters/999999"), 404)
    article_body = filled.get("/api/articles/a").json()
    assert article_body["events"][0]["cluster_id"] == clusters[0]["id"]


def test_api_search(filled: TestClient) -> None:
    hits = filled.get("/api/search/articles", params={"q": "oceania"}).json()["items"]
    assert [h["id"] for h in hits] == ["c"]
    quotes = filled.get("/api/search/quotes", params={"q": "talk again"}).json()["items"]
    assert [q["article_id"] for q in quotes] == ["a"] and quotes[0]["speaker_name"] == "Rufus Firefly"
    assert_error(filled.get("/api/search/articles"), 422)


# -- exports ---------------------------------------------------------------------------------------

def test_api_export_csv(filled: TestClient) -> None:
    response = filled.get("/api/export/events.csv", params={"actor": "FRE"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["article_id"] for r in rows} == {"a", "b"}
    assert rows[0]["actor_countries"] == "FRE" and rows[0]["lat"] == "46.2"


def test_api_export_jsonl(filled: TestClient) -> None:
    lines = filled.get("/api/export/events.jsonl").text.splitlines()
    assert len(lines) == 3
    assert {json.loads(line)["event"] for line in lines} == {"CONSULT", "ASSAULT"}


def test_api_export_parquet(filled: TestClient) -> None:
    import pyarrow.parquet as pq

    response = filled.get("/api/export/events.parquet")
    table = pq.read_table(io.BytesIO(response.content))
    assert table.num_rows == 3
    assert table.schema.field("goldstein").type == "double"
    assert sorted(table.column("event").to_pylist()) == ["ASSAULT", "CONSULT", "CONSULT"]


def test_api_export_unknown_format(filled: TestClient) -> None:
    assert_error(filled.get("/api/export/events.xlsx"), 404)


def test_api_export_gdelt_events(filled: TestClient) -> None:
    from turnstone.store.export import GDELT_EVENT_COLUMNS

    lines = filled.get("/api/export/gdelt/events.tsv").text.splitlines()
    header = lines[0].split("\t")
    assert header == list(GDELT_EVENT_COLUMNS) and len(header) == 61
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert len(rows) == 2  # the two Geneva reports are one event
    meeting = next(r for r in rows if r["EventCode"] == "040")
    assert meeting["NumMentions"] == "2" and meeting["NumArticles"] == "2"
    assert meeting["Actor1Code"] == "FREGOV" and meeting["Actor2CountryCode"] == "SYL"
    assert meeting["QuadClass"] == "1" and meeting["SQLDATE"] == "20310505"
    assert meeting["ActionGeo_FullName"] == "Geneva" and meeting["ActionGeo_Lat"] == "46.2000"
    attack = next(r for r in rows if r["EventCode"] == "190")
    assert attack["QuadClass"] == "4" and attack["EventRootCode"] == "19" and attack["GoldsteinScale"] == "-10.0"
    no_header = filled.get("/api/export/gdelt/events.tsv", params={"header": "false"}).text.splitlines()
    assert len(no_header) == 2


def test_api_gdelt_columns_match_reference() -> None:
    reference = SHARED / "reference" / "gdelt" / "gdelt2_schema.md"
    if not reference.exists():
        pytest.skip(f"needs {reference} (shared reference data); it is absent")
    from turnstone.store.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

    text = reference.read_text(encoding="utf-8")
    assert "61 columns" in text and len(GDELT_EVENT_COLUMNS) == 61
    # Every column the reference names outright appears in ours, in the same order.
    named = [c for c in GDELT_EVENT_COLUMNS if c in text]
    for explicit in ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Type3Code", "IsRootEvent", "QuadClass",
                     "GoldsteinScale", "NumArticles", "AvgTone", "Actor1Geo_FeatureID", "DATEADDED", "SOURCEURL"):
        assert explicit in named
    assert all(c in text for c in GDELT_MENTION_COLUMNS) and len(GDELT_MENTION_COLUMNS) == 16


def test_api_export_gdelt_mentions(filled: TestClient) -> None:
    lines = filled.get("/api/export/gdelt/mentions.tsv").text.splitlines()
    assert len(lines) == 4
    rows = [line.split("\t") for line in lines[1:]]
    assert len({r[0] for r in rows}) == 2  # three reports of two events


def test_api_export_refuses_oversized(filled: TestClient) -> None:
    assert_error(filled.get("/api/export/events.csv", params={"limit": 2}), 413, "payload_too_large")


# -- docs -------------------------------------------------------------------------------------------

def test_api_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css"):
        assert asset in page.text
        assert client.get(asset).status_code == 200
    schema = client.get("/docs/openapi.json").json()
    assert schema["openapi"].startswith("3.0") and "/api/events" in schema["paths"]
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    plain = client.get("/docs/plain").text
    assert "GET /api/events" in plain and "POST /api/articles" in plain


def test_api_ids_with_slashes_and_spaces(client: TestClient, store: Store) -> None:
    store.save(article("feed/2031/05 item", extra="Unique words here."), "1")
    body = client.get("/api/articles/feed%2F2031%2F05%20item").json()
    assert body["id"] == "feed/2031/05 item"
    assert client.get("/articles/feed/2031/05%20item").status_code == 200
    assert client.delete("/api/articles/feed/2031/05 item").status_code == 204


def test_api_openapi_documents_shapes(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert {"ErrorBody", "EventPage", "StoredEvent", "StoredArticle", "SubmitResult"} <= set(components)
    events = schema["paths"]["/api/events"]["get"]
    assert events["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/EventPage")
    assert events["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    names = {p["name"] for p in events["parameters"]}
    assert {"event", "actor", "recipient", "country", "date_from", "date_to", "place", "limit", "offset"} <= names
