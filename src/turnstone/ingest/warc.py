"""WARC files (Common Crawl News and any crawler's output): one Article per HTML response.

warcio reads plain and gzipped WARC files record by record, so a dump of any size streams in
constant memory. Each HTML ``response`` (or ``resource``) record goes through the same HTML path
as a single ``.html`` file (trafilatura, then the promo-line cleaner). Requests, metadata and
non-HTML payloads are skipped, not reported: they are not articles.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, UnreadableError
from ..model import Article
from .readers import read_bytes

LOGGER = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def is_html_record(record: Any) -> bool:
    """An HTML page: a successful HTTP response or a stored resource with an HTML type."""
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return False
    return _content_type(record).startswith(HTML_TYPES)


def read_warc_stream(stream: IO[bytes], source_name: str, **meta: Any) -> Iterator[Article | InputError]:
    """Articles from an open WARC stream; ``line`` on an error is the record's number.

    The crawl date stands in for the publication date only when the page gives none: news
    crawls fetch pages within hours of publication, and relative dates need some anchor.
    """
    from warcio.archiveiterator import ArchiveIterator

    records = iter(ArchiveIterator(stream))
    number = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            number += 1
            if not is_html_record(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            payload = record.content_stream().read()
        except Exception as err:  # noqa: BLE001  warcio raises plain exceptions on truncated or corrupt archives
            yield UnreadableError(f"the WARC archive is unreadable after record {number}: {err}",
                                  source=source_name, line=number + 1)
            return
        yield from _page_articles(payload, source_name, number, url=url, crawled=crawled, **meta)


def _page_articles(payload: bytes, source_name: str, number: int, *, url: str | None, crawled: str | None,
                   **meta: Any) -> Iterator[Article | InputError]:
    try:
        page_meta = {**meta, "url": url} if url else meta
        items = list(read_bytes(payload, f"{source_name}#{number}", kind="html", **page_meta))
    except Exception as err:  # noqa: BLE001  one page that breaks the HTML extractor must not end the archive
        items = [UnreadableError(f"HTML extraction failed: {err}", source=source_name, line=number)]
    for item in items:
        if isinstance(item, InputError):
            item.source, item.line = source_name, number
        elif not item.published and crawled:
            item.published = crawled
        yield item


def read_warc(path: str | Path, **meta: Any) -> Iterator[Article | InputError]:
    """Articles from a ``.warc`` or ``.warc.gz`` file."""
    name = str(path)
    try:
        with open(path, "rb") as stream:
            yield from read_warc_stream(stream, name, **meta)
    except OSError as err:
        yield UnreadableError(f"cannot read: {err.strerror or err}", source=name)


def count_warc_pages(path: str | Path) -> int:
    """The number of HTML pages in a WARC file, read without parsing the pages (for progress)."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            count += is_html_record(record)
    return count
