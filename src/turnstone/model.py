"""The typed document that flows through every stage.

One model serves the CLI's JSON, the database rows, the HTTP API and the batch workers; its
shape is the output contract in ``SPEC.md``. Every offset indexes into ``Article.text`` with
Python string semantics: ``text[start:end] == span.text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]
QuoteKind = Literal["direct", "partial", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Span(_Model):
    """A stretch of the article text."""

    start: int
    end: int
    text: str


class Removed(Span):
    """A line dropped while cleaning the text; offsets index the raw input."""

    why: str


class Mention(Span):
    pass


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Model):
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    speaker_name: str | None = None
    cue: Span | None = None


class TimeExpr(Span):
    type: TimeType = "DATE"
    value: str | None = None


class Place(Span):
    name: str
    country: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


class Participant(_Model):
    entity: str | None = None
    name: str
    country: str | None = None
    sector: str | None = None


class Event(_Model):
    id: str
    event: PloverType
    mode: str | None = None
    actors: list[Participant] = Field(default_factory=list)
    recipients: list[Participant] = Field(default_factory=list)
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    cameo: str | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    confidence: float = 0.5
    evidence: Span
    quote: str | None = None


class Article(_Model):
    """An article and everything Turnstone found in it."""

    id: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    text: str
    removed: list[Removed] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    # The spaCy Doc of `text`, set by the analyze stage; never serialised.
    _doc: Any = PrivateAttr(default=None)

    @field_validator("published", mode="before")
    @classmethod
    def _published_as_text(cls, value: Any) -> Any:
        """A ``date`` or ``datetime`` from Python callers becomes the contract's YYYY-MM-DD."""
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    @property
    def doc(self) -> Any:
        return self._doc

    @doc.setter
    def doc(self, value: Any) -> None:
        self._doc = value

    def ensure_id(self) -> str:
        """Give the article the sha256 of its cleaned text unless an id was given."""
        if not self.id:
            self.id = content_hash(self.text)
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls.model_validate(data)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def json_schema() -> dict[str, Any]:
    return Article.model_json_schema()
