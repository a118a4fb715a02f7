"""Dated lines across the corpus: every brief's events in date order, and each actor's timeline.

An event carries its own calendar value (`Event.date`: a day, a month or a year). What an actor
said is dated by its brief's date; an undated brief's statements stay out of the timeline, since
a file's modification day is no date of speech. Actor ids here are corpus page ids, taken from
the same (brief id, brief actor id) map as every other link, so editors' merges and hides
(content/actors.yml) apply to timelines too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from .models import Brief

LineKind = Literal["event", "statement"]


@dataclass(frozen=True)
class Dated:
    """One line of a timeline: an event a brief tells of, or words an actor said in a brief."""

    # `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the article is.
    date: str
    kind: LineKind
    text: str
    brief_id: str
    brief_title: str
    # The date as the article writes it ("28 juillet"); events only.
    date_text: str | None = None
    # The speech verb ("a expliqué"); statements only.
    cue: str | None = None
    # Corpus actor ids: the actors of the event, or the speaker.
    actors: tuple[str, ...] = ()

    @property
    def year(self) -> str:
        """The year of the line, to group a long chronology."""
        return self.date[:4]


def chronology(briefs: Sequence[Brief], pages: Mapping[tuple[str, str], str]) -> tuple[Dated, ...]:
    """Every dated event of `briefs` (newest brief first), oldest first; within one date, the
    older brief first, then in reading order. `pages` maps brief actors to corpus actor ids."""
    rank = {b.id: i for i, b in enumerate(briefs)}
    lines: list[tuple[tuple[str, int, int], Dated]] = []
    for brief in briefs:
        for event in brief.context.events:
            ids = tuple(dict.fromkeys(p for a in event.actors if (p := pages.get((brief.id, a))) is not None))
            line = Dated(event.date, "event", event.text, brief.id, brief.title, date_text=event.date_text, actors=ids)
            lines.append(((event.date, -rank[brief.id], event.start), line))
    return tuple(line for _, line in sorted(lines, key=lambda item: item[0]))


class Said(Protocol):
    """Words of an actor in one brief, as `corpus.CorpusQuote` holds them (no import cycle)."""

    @property
    def brief_id(self) -> str: ...
    @property
    def brief_title(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def cue(self) -> str | None: ...


def by_actor(events: Iterable[Dated]) -> dict[str, list[Dated]]:
    """The events of each corpus actor id, in the order given: one pass, however many actors."""
    out: dict[str, list[Dated]] = defaultdict(list)
    for event in events:
        for actor_id in event.actors:
            out[actor_id].append(event)
    return out


def actor_timeline(
    actor_id: str, events: Iterable[Dated], statements: Iterable[Said], rank: Mapping[str, int]
) -> tuple[Dated, ...]:
    """The events of `actor_id` (from `by_actor`) and its dated statements, oldest first; within
    one date, the older brief first, its events before its statements."""
    lines = list(events)
    lines += [
        Dated(s.date, "statement", s.text, s.brief_id, s.brief_title, cue=s.cue, actors=(actor_id,))
        for s in statements
        if s.date
    ]
    # A stable sort keeps the reading order of each brief's events, then its statements.
    return tuple(sorted(lines, key=lambda d: (d.date, -rank.get(d.brief_id, 0), d.kind != "event")))
