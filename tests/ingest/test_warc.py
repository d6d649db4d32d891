import io

import pytest

from turnstone.errors import InputError, UnreadableError
from turnstone.ingest.warc import count_warc_pages, read_warc
from turnstone.model import Article

PAGE = """<!DOCTYPE html>
<html><head><title>{title}</title>
<meta property="article:published_time" content="{date}">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>{title}</h1>
<p>{body}</p>
<p>Negotiators from both delegations said the next round would take place within a month,
after technical teams finish their review of the draft text on water sharing.</p>
<p>Neither side gave details of the remaining disagreements, which observers said concern the
timetable for releasing water from the upstream reservoir during dry summers.</p>
</article>
<footer>{footer}</footer>
</body></html>
"""


def build_warc(path, pages, *, gzip=True, extra_records=True):
    """Write a small WARC with an HTML response per page, plus records that are not articles."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "turnstone-tests"}))
        for url, html, status in pages:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2025-06-03T12:00:00Z"})
            writer.write_record(record)
        if extra_records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://wire.example/logo.png", "response",
                                                          payload=io.BytesIO(b"\x89PNG...."), http_headers=headers))
    return path


@pytest.fixture
def pages():
    return [
        ("https://wire.example/dam-talks", PAGE.format(
            title="Dam talks resume", date="2025-06-02",
            body="Officials from Egypt and Ethiopia resumed talks on the dam in Addis Ababa on Monday.",
            footer="Copyright 2025 Example Wire. All rights reserved."), "200 OK"),
        ("https://wire.example/missing", "<html><body>Not found</body></html>", "404 Not Found"),
        ("https://wire.example/empty", "<html><head><title>Gallery</title></head><body></body></html>", "200 OK"),
        ("https://wire.example/port-deal", PAGE.format(
            title="Port deal signed", date="",
            body="Kenya and Tanzania signed an agreement on Tuesday to share the new port at Lamu.",
            footer="Example Wire"), "200 OK"),
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses_become_articles(tmp_path, pages, gzip):
    path = build_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), pages, gzip=gzip)
    items = list(read_warc(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    # The 404 page and the image are not articles; the page without text is an error with its record.
    assert [a.url for a in articles] == ["https://wire.example/dam-talks", "https://wire.example/port-deal"]
    assert len(errors) == 1 and errors[0].line is not None and str(path) in str(errors[0])
    dam, port = articles
    assert "Egypt and Ethiopia resumed talks" in dam.text
    assert "Home | World" not in dam.text and "All rights reserved" not in dam.text
    assert dam.published == "2025-06-02"  # from the page
    assert port.published == "2025-06-03"  # no date on the page: the crawl date
    assert count_warc_pages(path) == 3


def test_warc_truncated_archive_keeps_the_good_records(tmp_path, pages):
    path = build_warc(tmp_path / "crawl.warc.gz", pages[:1] * 3)
    data = path.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: len(data) - 200])  # cut the last record short
    items = list(read_warc(broken))
    assert any(isinstance(i, Article) for i in items)
    assert isinstance(items[-1], UnreadableError) and "broken.warc.gz" in str(items[-1])


def test_warc_missing_file_is_an_error(tmp_path):
    [error] = list(read_warc(tmp_path / "nope.warc.gz"))
    assert isinstance(error, UnreadableError)
