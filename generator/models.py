"""Typed models passed between stages: an article read from disk and the brief made of it.

The brief is the contract between analysis and publishing: templates see only briefs and the
corpus built from them. `SCHEMA_VERSION` changes whenever a field changes meaning or shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = 1

ActorType = Literal["person", "organization", "place"]
ACTOR_TYPES: tuple[str, ...] = ("person", "organization", "place")


@dataclass(frozen=True)
class Article:
    """One article as read from `content/`: metadata and the original body text."""

    path: str
    id: str
    title: str
    lang: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """A stretch of the original article text, by character offsets (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place of one article, under one canonical name."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 0
    key: bool = False
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class _Said:
    """Words someone said, by offsets into the original text, with who said them and the verb."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_name: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class Quote(_Said):
    """A direct quotation: `text` without its outer marks, offsets into the original text."""

    confidence: float = 0.0


@dataclass(frozen=True)
class Statement(_Said):
    """Reported speech ("X a expliqué qu'il …"): never counted as a direct quote."""


@dataclass(frozen=True)
class DateMention:
    """A date or time expression found in the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Context:
    """What surrounds the story: when, where, and who it is sourced to."""

    dates: tuple[DateMention, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    """The structured brief of one article (schema version `SCHEMA_VERSION`)."""

    id: str
    title: str
    lang: str
    path: str
    text: str
    summary: str = ""
    date: str | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = None
    tags: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    context: Context = field(default_factory=Context)
    schema_version: int = SCHEMA_VERSION

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor of this brief with that id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        """Rebuild a brief from `to_dict` output; refuses another schema version."""
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"brief schema {data.get('schema_version')} is not {SCHEMA_VERSION}")
        return _build(cls, data)


_NESTED: dict[str, Any] = {
    "actors": Actor,
    "quotes": Quote,
    "statements": Statement,
    "spans": Span,
    "dates": DateMention,
}


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Build a frozen dataclass from plain JSON data, turning lists back into tuples."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "context" and isinstance(value, dict):
            value = _build(Context, value)
        elif isinstance(value, list):
            item = _NESTED.get(f.name)
            value = tuple(_build(item, v) if item else v for v in value)
        kwargs[f.name] = value
    return cls(**kwargs)
