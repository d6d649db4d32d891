"""Read articles from files: plain text, HTML and JSON Lines.

Readers yield an ``Article`` per article or an ``InputError`` naming the input (and line) that
could not be read, so one bad input never hides the good ones around it.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import (
    BadRecordError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    UnreadableError,
)
from ..model import Article
from .clean import clean_text

LOGGER = logging.getLogger(__name__)

ReadResult = Article | InputError
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def decode(data: bytes, source: str) -> str:
    """Bytes to text, refusing empty, binary and non-UTF-8 input with a clear reason."""
    if not data.strip():
        raise EmptyInputError("the input is empty", source=source)
    if b"\x00" in data[:8192]:
        raise BinaryInputError("the input looks binary (it contains NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise EncodingError(f"invalid UTF-8 at byte {err.start}", source=source, line=line) from err


def article_from_text(raw: str, *, source_name: str | None = None, **meta: Any) -> Article:
    cleaned = clean_text(raw)
    if not cleaned.text.strip():
        raise EmptyInputError("no article text is left after cleaning", source=source_name)
    article = Article(text=cleaned.text, title=meta.pop("title", None) or cleaned.title,
                      removed=cleaned.removed, **{k: v for k, v in meta.items() if v is not None})
    article.ensure_id()
    return article


def article_from_html(html: str, *, source_name: str | None = None, **meta: Any) -> Article:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    doc: dict[str, Any] = result.as_dict() if result is not None and not isinstance(result, dict) else (result or {})
    if not doc.get("text"):
        raise EmptyInputError("no article text found in the HTML", source=source_name)
    meta.setdefault("title", doc.get("title"))
    if not meta.get("published") and doc.get("date"):
        meta["published"] = str(doc["date"])[:10]
    meta.setdefault("url", doc.get("url"))
    meta.setdefault("source", doc.get("sitename"))
    cleaned = clean_text(doc["text"], first_line_title=False)
    article = Article(text=cleaned.text, removed=cleaned.removed, **{k: v for k, v in meta.items() if v is not None})
    article.ensure_id()
    return article


def article_from_record(record: Any, *, source_name: str, line: int, **defaults: Any) -> Article:
    if not isinstance(record, dict):
        raise BadRecordError("a JSONL line must be a JSON object", source=source_name, line=line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecordError("the record has no 'text' string", source=source_name, line=line)
    meta = {**defaults, **{k: record[k] for k in ("title", "published", "source", "url", "id") if record.get(k)}}
    if meta.get("id") is not None:
        meta["id"] = str(meta["id"])
    cleaned = clean_text(text, first_line_title=not record.get("title"))
    article = Article(text=cleaned.text, removed=cleaned.removed,
                      **{**meta, "title": meta.get("title") or cleaned.title})
    article.ensure_id()
    return article


def read_jsonl(data: str, source_name: str, **defaults: Any) -> Iterator[ReadResult]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield BadRecordError(f"malformed JSON: {err.msg} (column {err.colno})", source=source_name, line=number)
            continue
        try:
            yield article_from_record(record, source_name=source_name, line=number, **defaults)
        except InputError as err:
            yield err


def read_bytes(data: bytes, source_name: str, *, kind: str = "txt", **meta: Any) -> Iterator[ReadResult]:
    """Articles from one input's bytes; ``kind`` is txt, html or jsonl."""
    try:
        text = decode(data, source_name)
    except InputError as err:
        yield err
        return
    if kind == "jsonl":
        yield from read_jsonl(text, source_name, **meta)
        return
    try:
        if kind == "html" or (kind == "txt" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
            yield article_from_html(text, source_name=source_name, **meta)
        else:
            yield article_from_text(text, source_name=source_name, **meta)
    except InputError as err:
        yield err


def kind_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in HTML_SUFFIXES:
        return "html"
    if suffixes and suffixes[-1] in JSONL_SUFFIXES:
        return "jsonl"
    return "txt"


def read_path(path: str | Path, **meta: Any) -> Iterator[ReadResult]:
    """Articles from a file path, or from standard input when the path is ``-``."""
    name = str(path)
    if name == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", **meta)
        return
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        yield UnreadableError(f"cannot read: {err.strerror or err}", source=name)
        return
    yield from read_bytes(data, name, kind=kind_of(p), **meta)


def read_paths(paths: Iterable[str | Path], **meta: Any) -> Iterator[ReadResult]:
    for path in paths:
        yield from read_path(path, **meta)
