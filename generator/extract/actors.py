"""Actors of one article: people, organisations and places under one canonical name each.

BASELINE: raw spaCy entities, merged by surname. To be replaced by the full cleaning/merging rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from ..langdata import LangData, fold
from ..models import Actor, Span
from ..text import slugify


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or describes) an actor."""

    start: int
    end: int
    actor_id: str
    text: str


@dataclass(frozen=True)
class ActorTable:
    """The actors of one article and every mention of them, sorted by offset."""

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]

    def by_id(self, actor_id: str | None) -> Actor | None:
        """The actor with that id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, start: int, end: int) -> Actor | None:
        """The actor a mention overlapping [start, end) refers to."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return self.by_id(m.actor_id)
        return None

    def resolve(self, span: SpacySpan) -> Actor | None:
        """The actor a name or description in the text refers to, if it can be told."""
        found = self.at(span.start_char, span.end_char)
        if found:
            return found
        key = fold(span.text)
        for a in self.actors:
            if key == fold(a.name) or key in {fold(x) for x in a.aliases}:
                return a
        return None

    def mentions_before(self, offset: int, type: str | None = None) -> list[Mention]:
        """Mentions ending before `offset`, nearest first, optionally of one actor type."""
        out = [m for m in self.mentions if m.end <= offset]
        if type is not None:
            out = [m for m in out if (a := self.by_id(m.actor_id)) is not None and a.type == type]
        return sorted(out, key=lambda m: -m.start)


def extract_actors(doc: Doc, lang: LangData) -> ActorTable:
    """Actors of the document, typed and merged under one canonical name."""
    groups: dict[str, list[SpacySpan]] = defaultdict(list)
    types: dict[str, str] = {}
    for ent in doc.ents:
        kind = lang.entity_types.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        canon = next((c for c in groups if fold(c).split()[-1:] == fold(name).split()[-1:]), name)
        if len(name) > len(canon):
            groups[name] = groups.pop(canon)
            types[name] = types.pop(canon)
            canon = name
        groups[canon].append(ent)
        types.setdefault(canon, kind)
    actors, mentions = [], []
    for canon, ents in groups.items():
        aid = slugify(canon)
        aliases = tuple(sorted({e.text for e in ents} - {canon}))
        actors.append(Actor(id=aid, name=canon, type=types[canon], aliases=aliases, mentions=len(ents),
                            spans=tuple(Span(e.start_char, e.end_char) for e in ents)))
        mentions += [Mention(e.start_char, e.end_char, aid, e.text) for e in ents]
    return ActorTable(tuple(actors), tuple(sorted(mentions, key=lambda m: m.start)))


def rank_actors(table: ActorTable, quoted: set[str], title: str, lead_end: int) -> ActorTable:
    """Mark the few central actors `key`: quoted, named in the title or lead, often mentioned."""
    import dataclasses

    actors = []
    for a in table.actors:
        in_lead = any(s.start < lead_end for s in a.spans)
        key = a.id in quoted or fold(a.name.split()[-1]) in fold(title) or (in_lead and a.mentions >= 2)
        actors.append(dataclasses.replace(a, key=key))
    return ActorTable(tuple(actors), table.mentions)
