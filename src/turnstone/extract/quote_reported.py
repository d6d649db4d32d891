"""Reported speech: 'X said (that) …', 'X told reporters that …', '…, according to X'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article, Quote

if TYPE_CHECKING:
    from .quote_speakers import SpeakerResolver


def find_reported(article: Article, quoted: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    return []
