"""Many inputs as one stream: directories, text/HTML files, JSON Lines (gzipped too), feeds, WARC.

``iter_located`` pairs every Article or InputError with a *locator* (``path`` or ``path:line``)
that names where it came from, so a batch run can record a failure with its input and retry it.
Directories are walked recursively in sorted order (hidden files skipped), which keeps a re-run
reading the same articles in the same order.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from ..errors import BadRecordError, EncodingError, InputError, UnreadableError
from ..model import Article
from .feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from .readers import HTML_SUFFIXES, JSONL_SUFFIXES, article_from_record, read_path
from .warc import WarcPage, count_warc_pages, is_warc, read_warc, read_warc_pages

LOGGER = logging.getLogger(__name__)

SourceKind = Literal["txt", "html", "jsonl", "feed", "warc"]
Item = Article | InputError
# Files in a directory that are plainly not articles.
SKIP_SUFFIXES = {".json", ".ann", ".tsv", ".csv", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".parquet"}


def source_kind(path: Path) -> SourceKind:
    """What reader a file needs, from its name (and, for ``.xml``, its first bytes)."""
    name = path.name.lower()
    if is_warc(path):
        return "warc"
    stem_suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix.lower()
    if stem_suffix in JSONL_SUFFIXES:
        return "jsonl"
    if stem_suffix in FEED_SUFFIXES:
        return "feed"
    if stem_suffix in HTML_SUFFIXES:
        return "html"
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return "txt"  # the reader reports the error
    return "feed" if looks_like_feed(head) else "txt"


def expand(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Every input file under the given files and directories, in a stable order."""
    for source in sources:
        path = Path(source)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                child = Path(root) / name
                if name.startswith(".") or child.suffix.lower() in SKIP_SUFFIXES:
                    continue
                yield child


def _open_text_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from fh


def read_jsonl_file(path: Path, **meta: Any) -> Iterator[tuple[int, Item]]:
    """(line number, Article or error) for each non-blank line of a ``.jsonl`` or ``.jsonl.gz`` file."""
    name = str(path)
    number = 0
    try:
        for number, raw in enumerate(_open_text_lines(path), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError as err:
                yield number, EncodingError(f"invalid UTF-8 at byte {err.start} of the line", source=name, line=number)
                continue
            except json.JSONDecodeError as err:
                yield number, BadRecordError(f"malformed JSON: {err.msg} (column {err.colno})", source=name,
                                             line=number)
                continue
            try:
                yield number, article_from_record(record, source_name=name, line=number, **meta)
            except InputError as err:
                yield number, err
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield number + 1, UnreadableError(f"cannot read after line {number}: {err}", source=name, line=number + 1)


def read_source_file(path: Path, *, defer_html: bool = False,
                     **meta: Any) -> Iterator[tuple[str, Item | WarcPage]]:
    """(locator, Article or error) for every article in one file (``defer_html``: WARC pages unextracted)."""
    name = str(path)
    if not path.exists():
        yield name, UnreadableError("no such file or directory", source=name)
        return
    kind = source_kind(path)
    if kind == "jsonl":
        for number, item in read_jsonl_file(path, **meta):
            yield f"{name}:{number}", item
    elif kind == "warc" and defer_html:
        for page in read_warc_pages(path, **meta):
            yield (page.locator if isinstance(page, WarcPage) else _locate(name, page)), page
    elif kind == "warc":
        for item in read_warc(path, **meta):
            yield _locate(name, item), item
    elif kind == "feed":
        try:
            data = path.read_bytes()
        except OSError as err:
            yield name, UnreadableError(f"cannot read: {err.strerror or err}", source=name)
            return
        for item in read_feed(data, name, **meta):
            yield _locate(name, item), item
    else:
        for item in read_path(path, **meta):
            yield name, item


def _locate(name: str, item: Item) -> str:
    line = item.line if isinstance(item, InputError) else None
    return f"{name}:{line}" if line else name


def iter_located(sources: Iterable[str | Path], *, defer_html: bool = False,
                 **meta: Any) -> Iterator[tuple[str, Item | WarcPage]]:
    """(locator, Article or InputError) for every article in every source, in a stable order.

    Args:
        sources: files and directories; each file may be text, HTML, JSON Lines (``.gz`` too),
            an RSS/Atom feed or a WARC archive.
        defer_html: yield the pages of WARC files as ``WarcPage`` (id known, HTML not yet
            extracted), so that a batch run can skip done pages and extract the rest in workers.
        meta: defaults for every article (``published``, ``source``).

    Returns:
        An iterator that never raises for bad input: unreadable files, malformed lines and pages
        without text come back as InputErrors with their locator.
    """
    for path in expand(sources):
        try:
            yield from read_source_file(path, defer_html=defer_html, **meta)
        except InputError as err:
            yield str(path), err
        except Exception as err:
            LOGGER.exception("reading %s failed", path)
            yield str(path), UnreadableError(f"reading failed: {err}", source=str(path))


def iter_sources(sources: Iterable[str | Path], **meta: Any) -> Iterator[Item]:
    """Every Article or InputError in the sources (see ``iter_located``)."""
    for _, item in iter_located(sources, **meta):
        assert not isinstance(item, WarcPage)  # only with defer_html
        yield item


def count_articles(sources: Iterable[str | Path]) -> int:
    """About how many articles the sources hold, read cheaply (no HTML parsing), for progress bars.

    Lines of JSON Lines files, entries of feeds and HTML pages of WARC files are counted; a
    text or HTML file counts one. Unreadable files count one, as they yield one error.
    """
    total = 0
    for path in expand(sources):
        try:
            kind = source_kind(path)
            if kind == "jsonl":
                total += sum(1 for raw in _open_text_lines(path) if raw.strip())
            elif kind == "warc":
                total += count_warc_pages(path)
            elif kind == "feed":
                import feedparser

                total += max(1, len(feedparser.parse(path.read_bytes()).get("entries") or []))
            else:
                total += 1
        except Exception:  # noqa: BLE001  counting is only a progress estimate
            total += 1
    return total
