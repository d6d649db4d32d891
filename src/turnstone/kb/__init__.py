"""The knowledge base: countries, organisations, officials and agents for actor coding.

Stable API (used by the ``actor`` command, the entities stage and the events engineer):

    resolve_actor(text: str, date: str | None = None) -> dict
        {"text", "country", "sector", "name", "title"}; unknown parts are None. ``date`` is
        YYYY-MM-DD (default today): a person's office is the one held on that date.

    load_kb(extra=None) -> KnowledgeBase      shipped files + the user's folder (+ extra files)
    default_kb() -> KnowledgeBase             the same, cached per process
    import_petrarch(path) -> dict             PETRARCH/TABARI actor/agent dictionaries as user data
"""

from __future__ import annotations

import datetime as dt
import logging

from ..errors import KnowledgeBaseError
from .petrarch import import_petrarch
from .resolve import Resolution, resolve_phrase
from .store import Actor, Country, KnowledgeBase, Role, default_kb, load_kb, user_dir

LOGGER = logging.getLogger(__name__)
LOGGER.addHandler(logging.NullHandler())

__all__ = ["Actor", "Country", "KnowledgeBase", "Resolution", "Role", "default_kb", "import_petrarch", "load_kb",
           "resolve_actor", "resolve_phrase", "to_date", "user_dir"]


def to_date(value: str | dt.date | None) -> dt.date | None:
    """Parse YYYY-MM-DD (or a longer ISO timestamp); None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise KnowledgeBaseError(f"bad date {value!r}: use YYYY-MM-DD") from err


def resolve_actor(text: str, date: str | None = None, kb: KnowledgeBase | None = None) -> dict[str, str | None]:
    """Resolve an actor phrase to ``{"text", "country", "sector", "name", "title"}``.

    Args:
        text: an actor phrase, e.g. "Armenian Prime Minister", "the Kremlin", "Russian police".
        date: YYYY-MM-DD the phrase refers to (default today); offices are valid between dates.
        kb: a knowledge base (default: the shipped one plus the user's files).

    Returns:
        The code; ``country`` is ISO alpha-3 or "IGO", ``sector`` a CAMEO/PLOVER agent code.

    Raises:
        KnowledgeBaseError: ``date`` is not YYYY-MM-DD, or a user file is invalid.
    """
    return resolve_phrase(kb or default_kb(), text, to_date(date)).as_dict()
