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


def token_values(doc: Any, attr: str) -> list[Any]:
    """``getattr(token, attr)`` for every token of ``doc``, read once per doc and attribute.

    ``doc[i]`` and iterating a Span build a new Token object on every access; rules that look at
    the words around each token spent most of their time making tokens.
    """
    cache = getattr(doc, "user_data", None)
    if cache is None:  # a stand-in doc without spaCy's user_data
        return [getattr(t, attr) for t in doc]
    key = _KEYS.get(attr) or _KEYS.setdefault(attr, "turnstone.tokens." + attr)
    values: list[Any] | None = cache.get(key)
    if values is None:
        values = cache[key] = _read_column(doc, attr)
    return values



def lower_at(doc: Any, i: int) -> str:
    """The lower-case word at token index ``i``, or "" outside the doc (rules peek past both ends)."""
    lower = token_values(doc, "lower_")
    return lower[i] if 0 <= i < len(lower) else ""

_KEYS: dict[str, str] = {}  # attribute -> its user_data key, built once


def _read_column(doc: Any, attr: str) -> list[Any]:
    """One attribute of every token; ``Doc.to_array`` reads it without making Token objects."""
    from spacy import attrs

    if attr in _STRING_COLUMNS:
        strings = doc.vocab.strings
        return [strings[h] for h in doc.to_array(getattr(attrs, _STRING_COLUMNS[attr])).tolist()]
    if attr in _FLAG_COLUMNS:
        return [bool(v) for v in doc.to_array(getattr(attrs, attr.upper())).tolist()]
    if attr == "idx":
        return [int(v) for v in doc.to_array(attrs.IDX).tolist()]
    return [getattr(t, attr) for t in doc]


# Token attributes read through ``Doc.to_array``: string attributes by the hash column they name,
# and lexical flags (which spaCy stores per word type, as these arrays read them).
_STRING_COLUMNS = {"text": "ORTH", "orth_": "ORTH", "lower_": "LOWER", "lemma_": "LEMMA", "pos_": "POS",
                   "tag_": "TAG", "dep_": "DEP", "ent_type_": "ENT_TYPE"}
_FLAG_COLUMNS = {"is_alpha", "is_lower", "is_upper", "is_title", "is_punct", "is_space", "is_digit", "like_num",
                 "is_stop"}
