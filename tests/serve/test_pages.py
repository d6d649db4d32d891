"""The web UI's HTML: highlights, escaping of untrusted text, dashboard and list pages."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from turnstone.model import Article, Entity, Event, Mention, Participant, Place, Quote, Span, TimeExpr
from turnstone.serve.app import ServeSettings, create_app
from turnstone.serve.highlight import segments
from turnstone.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def hostile_article() -> Article:
    """An article whose text, title, names and URL try to inject markup."""
    text = (f"Freedonia accused Sylvania of shelling Geneva {HOSTILE} on Monday. "
            "\"This will not stand,\" said Rufus Firefly.")
    end = text.index("Monday.") + 7
    q0, q1 = text.index('"This'), text.index('stand,"') + 7
    monday = text.index("Monday")
    geneva = text.index("Geneva")
    return Article(
        id="hostile", title=f"Title {HOSTILE}", source="<b>Wire</b>", url="javascript:alert(1)",
        published="2031-05-05", text=text,
        entities=[Entity(id="e1", name="Freedonia", type="GPE", country="FRE", sector="GOV",
                         mentions=[Mention(start=0, end=9, text="Freedonia")]),
                  Entity(id="e2", name=f"Rufus {HOSTILE}", type="PERSON",
                         mentions=[Mention(start=text.index("Rufus"), end=text.index("Rufus") + 13,
                                           text="Rufus Firefly")])],
        quotes=[Quote(id="q1", text=text[q0:q1], start=q0, end=q1, kind="direct", speaker="e2",
                      speaker_name=f"Rufus {HOSTILE}")],
        times=[TimeExpr(text="Monday", start=monday, end=monday + 6, value="2031-05-05")],
        places=[Place(text="Geneva", start=geneva, end=geneva + 6, name="Geneva", country="CHE", lat=46.2,
                      lon=6.14)],
        events=[Event(id="v1", event="ACCUSE", actors=[Participant(entity="e1", name="Freedonia", country="FRE")],
                      recipients=[Participant(name="Sylvania", country="SYL")], date="2031-05-05",
                      place="Geneva", goldstein=-2.0, evidence=Span(start=0, end=end, text=text[:end]))])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "ui.db")
    opened.save(hostile_article(), "1")
    yield opened
    opened.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(), store=store), client=("127.0.0.1", 1)) as c:
        yield c


def test_highlight_segments_rebuild_text_and_nest() -> None:
    article = hostile_article()
    parts = segments(article)
    assert "".join(p.text for p in parts) == article.text
    freedonia = next(p for p in parts if p.text == "Freedonia")
    assert freedonia.kinds == ["entity", "evidence"]  # an entity inside the event's evidence
    monday = next(p for p in parts if p.text == "Monday")
    assert set(monday.kinds) == {"time", "evidence"}
    quote = next(p for p in parts if "will not stand" in p.text)
    assert quote.kinds == ["quote"]


def test_highlight_skips_offsets_outside_text() -> None:
    article = hostile_article()
    article.times.append(TimeExpr(text="x", start=5000, end=5001, value=None))
    assert "".join(p.text for p in segments(article)) == article.text


def test_pages_article_escapes_untrusted_text(client: TestClient) -> None:
    page = client.get("/articles/hostile")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert "<b>Wire</b>" not in page.text
    assert 'href="javascript:' not in page.text  # a hostile URL is not linked


def test_pages_article_highlights(client: TestClient) -> None:
    page = client.get("/articles/hostile").text
    text_block = page[page.index('id="text"'):page.index("</div>", page.index('id="text"'))]
    assert re.search(r'<span class="hl entity evidence" data-refs="e1 v1"[^>]*>Freedonia</span>', text_block)
    assert re.search(r'class="hl[^"]*\btime\b[^"]*"[^>]*>Monday</span>', text_block)
    assert re.search(r'class="hl[^"]*\bplace\b[^"]*"[^>]*>Geneva</span>', text_block)
    assert re.search(r'class="hl quote"[^>]*>&#34;This will not stand,&#34;</span>', text_block)
    assert 'data-ref="v1"' in page and "ACCUSE" in page


def test_pages_unknown_article_is_html_404(client: TestClient) -> None:
    page = client.get("/articles/nope", headers={"accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no article with id" in page.text


def test_pages_dashboard_and_lists(client: TestClient) -> None:
    dash = client.get("/", params={"actor": '"><script>x</script>'})
    assert dash.status_code == 200
    assert "<script>x</script>" not in dash.text
    for element in ('id="events"', 'id="timeline"', 'id="network"', 'id="map"', "/static/world.js"):
        assert element in dash.text
    listing = client.get("/articles").text
    assert "/articles/hostile" in listing and "<script>alert" not in listing
    found = client.get("/articles", params={"q": "shelling"}).text
    assert "/articles/hostile" in found
    quotes = client.get("/articles", params={"q": "stand", "kind": "quotes"}).text
    assert "will not stand" in quotes and "<script>alert" not in quotes


def test_pages_static_assets(client: TestClient) -> None:
    for name in ("app.css", "events.js", "charts.js", "world.js", "article.js", "snippets.js", "submit.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and len(response.text) > 100
        assert "innerHTML" not in response.text  # data goes in as text only


def test_pages_cluster_lists_reports(client: TestClient, store: Store) -> None:
    second = hostile_article()
    second.id = "second"
    second.text = second.text + " A later paragraph."
    store.save(second, "1")
    (cluster,) = store.clusters(min_reports=2)
    page = client.get(f"/clusters/{cluster['id']}")
    assert page.status_code == 200
    assert page.text.count("/articles/hostile#v1") == 1 and page.text.count("/articles/second#v1") == 1
    assert "<script>alert" not in page.text
    assert f'href="/clusters/{cluster["id"]}"' in client.get("/articles/hostile").text
    assert client.get("/clusters/99999").status_code == 404


def test_pages_places_grouped_by_place(client: TestClient, store: Store) -> None:
    article = hostile_article()
    article.id = "twice"
    article.text += " Geneva again."
    at = article.text.rindex("Geneva")
    article.places.append(article.places[0].model_copy(update={"start": at, "end": at + 6}))
    store.save(article, "1")
    page = client.get("/articles/twice").text
    assert 'data-ref="p0 p1"' in page and "2 mentions" in page


def test_pages_security_headers(client: TestClient) -> None:
    page = client.get("/articles/hostile")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "unsafe-inline" in client.get("/docs").headers["content-security-policy"]  # Swagger's bootstrap
    api = client.get("/api/events")
    assert "content-security-policy" not in api.headers and api.headers["x-content-type-options"] == "nosniff"
