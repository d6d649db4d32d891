"""Turnstone: sourced, structured event data from news about international politics and conflict."""

import logging

from .core import process, process_article, process_paths
from .errors import TurnstoneError
from .model import Article, Entity, Event, Place, Quote, Span, TimeExpr
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Entity",
    "Event",
    "Pipeline",
    "Place",
    "Quote",
    "Span",
    "TimeExpr",
    "TurnstoneError",
    "process",
    "process_article",
    "process_paths",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
