"""WARC files (Common Crawl News and any crawler's output): one Article per HTML response.

warcio reads plain and gzipped WARC files record by record, so a dump of any size streams in
constant memory. Each HTML ``response`` (or ``resource``) record goes through the same HTML path
as a single ``.html`` file (trafilatura, then the promo-line cleaner). Requests, metadata,
error responses and non-HTML payloads are skipped, not reported: they are not articles.
``read_warc_pages`` yields the pages unextracted, so that a batch run extracts them in its workers.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


@dataclass
class WarcPage:
    """One HTML page of a WARC file, not yet extracted.

    Its ``id`` is known before the (costly) HTML extraction: the sha256 of the page's bytes, so a
    batch run can skip pages it has done and extract the others in its workers. Identical text
    reached through different pages is still stored once: the store also knows articles by the
    hash of their text.
    """

    id: str
    source: str
    number: int
    payload: bytes
    url: str | None = None
    crawled: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def locator(self) -> str:
        return f"{self.source}:{self.number}"

    def extract(self) -> Article | InputError:
        """The page's article (trafilatura, then the promo-line cleaner), or why there is none.

        The crawl date stands in for the publication date only when the page gives none: news
        crawls fetch pages within hours of publication, and relative dates need some anchor.
        """
        meta = {**self.meta, "url": self.url} if self.url else dict(self.meta)
        meta["id"] = self.id
        try:
            items = list(read_bytes(self.payload, self.locator, kind="html", **meta))
        except Exception as err:  # noqa: BLE001  one page that breaks the HTML extractor must not end the run
            items = [UnreadableError(f"HTML extraction failed: {err}")]
        item = items[0] if items else UnreadableError("no article in the page")
        if isinstance(item, InputError):
            item.source, item.line = self.source, self.number
        elif not item.published and self.crawled:
            item.published = self.crawled
        return item


def read_warc_pages(path: str | Path, **meta: Any) -> Iterator[WarcPage | InputError]:
    """The HTML pages of a ``.warc`` or ``.warc.gz`` file, unextracted; ``line`` on an error is
    the record's number."""
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115  closed below; a generator cannot use `with` around the error
    except OSError as err:
        yield UnreadableError(f"cannot read: {err.strerror or err}", source=name)
        return
    with stream:
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
                payload = record.content_stream().read()
                page = WarcPage(
                    id=hashlib.sha256(payload).hexdigest(), source=name, number=number, payload=payload,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    crawled=(record.rec_headers.get_header("WARC-Date") or "")[:10] or None, meta=meta)
            except Exception as err:  # noqa: BLE001  warcio raises plain exceptions on corrupt archives
                yield UnreadableError(f"the WARC archive is unreadable after record {number}: {err}",
                                      source=name, line=number + 1)
                return
            yield page


def read_warc(path: str | Path, **meta: Any) -> Iterator[Article | InputError]:
    """Articles from a ``.warc`` or ``.warc.gz`` file, one per HTML page with text."""
    for page in read_warc_pages(path, **meta):
        yield page if isinstance(page, InputError) else page.extract()


def count_warc_pages(path: str | Path) -> int:
    """The number of HTML pages in a WARC file, read without parsing the pages (for progress)."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            count += is_html_record(record)
    return count
