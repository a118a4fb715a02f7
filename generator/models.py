"""Typed models passed between stages: an article read from disk and the brief made of it.

The brief is the contract between analysis and publishing: templates see only briefs and the
corpus built from them. `SCHEMA_VERSION` changes whenever a field changes meaning or shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = 3

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
    author: str | None = None
    tags: tuple[str, ...] = ()
    # The file's modification day, only for an article with no date of its own: relative dates
    # in its text resolve against it, and the brief says so.
    file_date: str | None = None


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
    # Who speaks when the text names nobody ("l'un de ses conseillers"), as written.
    speaker_desc: str | None = None


# Below this confidence an attributed quote is shown as "speaker uncertain": 0.5 is what an
# attribution inherited from an earlier quote (0.45) or a continuation paragraph (0.4) falls
# under, while a speaker named by the quote's own speech verb scores above it.
UNCERTAIN_BELOW = 0.5


@dataclass(frozen=True)
class Quote(_Said):
    """A direct quotation: `text` without its outer marks, offsets into the original text."""

    confidence: float = 0.0

    @property
    def uncertain(self) -> bool:
        """Whether the quote is given a speaker with too little confidence to state it plainly."""
        return bool(self.speaker or self.speaker_name) and self.confidence < UNCERTAIN_BELOW


@dataclass(frozen=True)
class Statement(_Said):
    """Reported speech ("X a expliqué qu'il …"): never counted as a direct quote."""


@dataclass(frozen=True)
class DateMention:
    """A day, month or year written in the text, with its calendar value when it can be told.

    `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, resolved against `Context.reference_date`;
    None when the text does not fix it (never a guess).
    """

    text: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated event of the story: the clause a date places in time, with the actors in it."""

    text: str
    start: int
    end: int
    date: str
    date_text: str
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Background:
    """A passage about earlier events, and the marker or tense that says so."""

    text: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class Context:
    """What surrounds the story: when, where, who it is sourced to, its events and background.

    `reference_date` is the day relative dates ("hier", "mardi") resolve against, and
    `reference` says where it comes from: "article" (front matter or file name) or "file" (the
    file's modification date, for an undated article).
    """

    dates: tuple[DateMention, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    background: tuple[Background, ...] = ()
    reference_date: str | None = None
    reference: str | None = None


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
    author: str | None = None
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
    "events": Event,
    "background": Background,
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
            # Nested only where the items are objects: `Event.actors` holds plain actor ids.
            value = tuple(_build(item, v) if item and isinstance(v, dict) else v for v in value)
        kwargs[f.name] = value
    return cls(**kwargs)
