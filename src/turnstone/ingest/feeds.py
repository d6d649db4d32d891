"""RSS and Atom feeds saved on disk: one Article per feed entry.

feedparser reads every RSS and Atom dialect and tolerates broken XML. An entry's body is its
full content (``content:encoded`` / Atom ``content``) when the feed has one, else its summary.
Feed bodies are already the article without page chrome, so the HTML is flattened to text with
lxml (one paragraph per block element) rather than run through trafilatura, which needs a whole
page and drops short bodies.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

from ..errors import BadRecordError, InputError
from ..model import Article
from .readers import article_from_record

LOGGER = logging.getLogger(__name__)

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
# Element names that end a paragraph when feed HTML is flattened to text.
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file are an RSS, Atom or RDF feed."""
    sample = head[:2048].lstrip().lower()
    return sample.startswith(b"<?xml") and any(tag in sample for tag in (b"<rss", b"<feed", b"<rdf:rdf")) \
        or sample.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def html_to_text(fragment: str) -> str:
    """Flatten an HTML fragment to plain text, one line per block element."""
    if "<" not in fragment:
        return fragment
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    # The longest content block is the full article; summaries are teasers.
    bodies = [c.get("value", "") for c in contents if c.get("value")]
    body = max(bodies, key=len) if bodies else entry.get("summary", "") or entry.get("description", "")
    return html_to_text(body)


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", parsed)


def read_feed(data: bytes, source_name: str, **meta: Any) -> Iterator[Article | InputError]:
    """Articles from one saved feed; an entry without text comes back as a ``BadRecordError``.

    Args:
        data: the feed file's bytes.
        source_name: the file name, used in error messages.
        meta: defaults (``published``, ``source``) for entries that do not set them.

    Returns:
        An iterator of Articles and InputErrors; ``line`` on an error is the entry's number.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = f"not a readable feed: {parsed.get('bozo_exception')}" if parsed.get("bozo") else "the feed has no entries"
        yield BadRecordError(reason, source=source_name)
        return
    feed_title = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        text = _entry_body(entry)
        if not text.strip():
            yield BadRecordError("the feed entry has no text", source=source_name, line=number)
            continue
        record = {
            "text": text,
            "title": entry.get("title"),
            "url": entry.get("link"),
            "published": _entry_date(entry),
            "source": meta.get("source") or feed_title,
        }
        try:
            yield article_from_record(record, source_name=source_name, line=number, **meta)
        except InputError as err:
            yield err
