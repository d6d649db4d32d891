"""Per-doc caches of values spaCy recomputes on every access.

``Doc.text`` joins every token each time it is read; on a long article, reading it once per
mention made stages quadratic. The value is kept in ``doc.user_data``.
"""

from __future__ import annotations

from typing import Any


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per doc."""
    cache = getattr(doc, "user_data", None)
    if cache is None:  # a stand-in doc without spaCy's user_data
        return str(doc.text)
    text = cache.get("turnstone.text")
    if text is None:
        text = cache["turnstone.text"] = doc.text
    return str(text)


def remember_text(doc: Any, text: str) -> Any:
    """Record ``text`` as ``doc.text`` (spaCy's tokenizer keeps every character, so a doc made from
    ``text`` reads back as ``text``) and return ``doc``; saves joining its tokens later."""
    doc.user_data["turnstone.text"] = text
    return doc
