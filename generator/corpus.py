"""Aggregate the briefs into one corpus: the briefs newest first and one actor index across them.

The same person in two articles is one corpus actor with one page. Actors of the same type are
matched by their folded canonical name, and by alias when that is unambiguous ("Trump" named
in one brief, "Donald Trump" with the alias "Trump" in another). Places named in the countries
data are matched across languages ("États-Unis" / "United States", `lang/countries.tsv`);
nothing else is translated. An actor is named, and its roles given, in the site's language when
the corpus (or, for a country, the countries data) has that form. Pure: no I/O beyond the cached
language data.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .annotate import quote_anchors
from .langdata import country_keys, country_name, fold
from .models import ACTOR_TYPES, Actor, Brief
from .text import slugify, unique_slug
from .timeline import Dated, actor_timeline, by_actor, chronology

# Page ids the site uses for its own index pages.
RESERVED_IDS = frozenset({"index"})
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Appearance:
    """One brief an actor appears in, under that brief's own actor id."""

    brief_id: str
    actor_id: str
    key: bool
    mentions: int
    # Other ids of the same actor in that brief (two brief actors an editor merged): one
    # appearance per brief, so that an actor page never lists a brief twice.
    others: tuple[str, ...] = ()

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """Every brief-level id of the actor in that brief."""
        return (self.actor_id, *self.others)


@dataclass(frozen=True)
class CorpusQuote:
    """Words of an actor in one brief (a direct quote or a reported statement)."""

    brief_id: str
    brief_title: str
    date: str | None
    text: str
    cue: str | None
    lang: str
    # The speaker's roles as that brief gives them ("maire de Lyon"): their role at the time.
    roles: tuple[str, ...] = ()
    # Where the words are marked in the brief's source text (`source-quote-3`), if they are.
    anchor: str | None = None
    # A direct quote given to this speaker with low confidence (`Quote.uncertain`).
    uncertain: bool = False


@dataclass(frozen=True)
class CoMention:
    """Another actor named in the same briefs, and in how many of them."""

    actor_id: str
    count: int


@dataclass(frozen=True)
class CorpusActor:
    """A real actor across the corpus: one page, every appearance, every word quoted."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    # Roles as the briefs in the site's language give them (those of other languages when none do).
    roles: tuple[str, ...]
    mentions: int
    appearances: tuple[Appearance, ...]
    quotes: tuple[CorpusQuote, ...]
    statements: tuple[CorpusQuote, ...]
    co_mentions: tuple[CoMention, ...]
    # Written by an editor in content/actors.yml (generator/editorial.py); empty otherwise.
    description: str = ""
    # The events they take part in and their dated statements, oldest first (`timeline.py`).
    timeline: tuple[Dated, ...] = ()
    # Roles given by briefs in other languages, kept apart rather than mixed with `roles`.
    other_roles: tuple[str, ...] = ()

    @property
    def brief_count(self) -> int:
        """How many briefs name this actor."""
        return len({a.brief_id for a in self.appearances})

    @property
    def key_count(self) -> int:
        """In how many briefs this actor is a key actor."""
        return len({a.brief_id for a in self.appearances if a.key})


@dataclass(frozen=True)
class Corpus:
    """Every brief, newest first, every actor, most present first, and every dated event, oldest first."""

    briefs: tuple[Brief, ...]
    actors: tuple[CorpusActor, ...]
    # (brief id, brief-level actor id) -> corpus actor id.
    pages: Mapping[tuple[str, str], str]
    # The dated events of every brief, their actors as corpus actor ids.
    chronology: tuple[Dated, ...] = ()
    # The language actors are named in (`Config.site_lang`); None prefers no language.
    site_lang: str | None = None

    def brief(self, brief_id: str) -> Brief | None:
        """The brief with that id, if any."""
        return self._briefs_by_id.get(brief_id)

    def actor(self, actor_id: str | None) -> CorpusActor | None:
        """The corpus actor with that page id, if any."""
        return self._actors_by_id.get(actor_id) if actor_id is not None else None

    # Built on first use: lookups by id stay constant-time with thousands of briefs.
    @functools.cached_property
    def _briefs_by_id(self) -> dict[str, Brief]:
        return {b.id: b for b in self.briefs}

    @functools.cached_property
    def _actors_by_id(self) -> dict[str, CorpusActor]:
        return {a.id: a for a in self.actors}

    def page_of(self, brief_id: str, actor_id: str | None) -> str | None:
        """The corpus actor page id of a brief-level actor id, if it has one."""
        if actor_id is None:
            return None
        return self.pages.get((brief_id, actor_id))

    def page_named(self, brief_id: str, name: str) -> str | None:
        """The corpus actor page id of the brief actor called `name` (or by that alias)."""
        brief = self.brief(brief_id)
        if brief is None:
            return None
        key = fold(name)
        for a in brief.actors:
            if key == fold(a.name) or key in {fold(x) for x in a.aliases}:
                return self.page_of(brief_id, a.id)
        return None

    def by_type(self, type: str) -> tuple[CorpusActor, ...]:
        """Actors of one type, most present first."""
        return tuple(a for a in self.actors if a.type == type)


def aggregate(briefs: list[Brief], site_lang: str | None = None) -> Corpus:
    """Take the briefs (and the site's language) and return the corpus: briefs sorted newest
    first, actors merged across them and named in the site's language where the corpus can."""
    ordered = tuple(_newest_first(_unique_ids(briefs)))
    groups = _group_actors(ordered)
    ids = _page_ids(groups, site_lang)
    rank = brief_ranks(ordered)
    actors = [build_actor(ids[i], members, rank, site_lang=site_lang) for i, members in enumerate(groups)]
    return assemble(ordered, actors, site_lang)


def brief_ranks(briefs: Iterable[Brief]) -> dict[str, int]:
    """Position of each brief id in the corpus order (newest first)."""
    return {b.id: i for i, b in enumerate(briefs)}


def assemble(briefs: tuple[Brief, ...], actors: Iterable[CorpusActor], site_lang: str | None = None) -> Corpus:
    """The corpus of ordered briefs and corpus actors: page links, co-mentions, the chronology and
    each actor's timeline, actors most present first.

    A brief actor that no corpus actor appears as (hidden by an editor) has no page, and no place
    in the chronology either.
    """
    actors = list(actors)
    pages = {(ap.brief_id, i): a.id for a in actors for ap in a.appearances for i in ap.actor_ids}
    co = _co_mentions(briefs, pages)
    names = {a.id: fold(a.name) for a in actors}
    events = chronology(briefs, pages)
    events_of = by_actor(events)
    rank = brief_ranks(briefs)
    actors = [
        dataclasses.replace(
            a,
            co_mentions=tuple(
                CoMention(other, n) for other, n in sorted(co[a.id].items(), key=lambda kv: (-kv[1], names[kv[0]]))
            ),
            timeline=actor_timeline(a.id, events_of.get(a.id, ()), a.statements, rank),
        )
        for a in actors
    ]
    actors.sort(key=lambda a: (-a.brief_count, -a.key_count, -a.mentions, fold(a.name), a.id))
    return Corpus(briefs, tuple(actors), MappingProxyType(pages), events, site_lang)


def members_of(corpus: Corpus, actor: CorpusActor) -> list[Member]:
    """The brief actors a corpus actor is made of, with their briefs."""
    out = []
    for ap in actor.appearances:
        brief = corpus.brief(ap.brief_id)
        for actor_id in ap.actor_ids:
            found = brief.actor(actor_id) if brief is not None else None
            if brief is not None and found is not None:
                out.append((brief, found))
    return out


def _newest_first(briefs: list[Brief]) -> list[Brief]:
    """Dated briefs newest first, undated ones last, each day's briefs by title."""
    ordered = sorted(briefs, key=lambda b: (fold(b.title), b.id))
    # A stable sort keeps the title order among briefs of the same date.
    ordered.sort(key=lambda b: b.date or "", reverse=True)
    return ordered


def _unique_ids(briefs: Iterable[Brief]) -> list[Brief]:
    """The briefs with ids made unique page slugs, never a reserved page name."""
    seen: set[str] = set(RESERVED_IDS)
    owners: dict[str, str] = {}
    out = []
    for brief in sorted(briefs, key=lambda b: (b.id, b.path)):
        # Ids become file names and link targets: anything but a slug is made one.
        base = brief.id if _SLUG.fullmatch(brief.id) else slugify(brief.id, fallback="brief")
        new = unique_slug(base, seen)
        if new != base and base in owners:
            # "a.md" beside "a.txt": both would be briefs/a/; the second gets another address.
            log.warning(
                "%s: same page address %r as %s, published as %r instead: rename one of the files",
                brief.path,
                base,
                owners[base],
                new,
            )
        owners.setdefault(base, brief.path)
        out.append(brief if new == brief.id else dataclasses.replace(brief, id=new))
    return out


Member = tuple[Brief, Actor]


def _group_actors(briefs: tuple[Brief, ...]) -> list[list[Member]]:
    """Brief actors grouped into real actors: same type and folded name, or an unambiguous alias."""
    by_name: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for brief in briefs:
        for actor in brief.actors:
            by_name[_name_key(actor)].append((brief, actor))
    keys = sorted(by_name)
    parent = {k: k for k in keys}

    def root(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            k = parent[k]
        return k

    # Which name groups use a folded form as an alias (never counting their own name).
    alias_of: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for k in keys:
        for _, actor in by_name[k]:
            for alias in actor.aliases:
                if fold(alias) and fold(alias) != k[1]:
                    alias_of[(k[0], fold(alias))].add(k)
    briefs_of = {k: {b.id for b, _ in by_name[k]} for k in keys}
    for k in keys:
        owners = alias_of.get(k, set())
        if len(owners) != 1:
            continue  # not an alias anywhere, or an alias of several actors: ambiguous
        a, b = root(k), root(next(iter(owners)))
        # Two actors the extractor kept apart in one article are not merged by an alias.
        if a != b and not (briefs_of[a] & briefs_of[b]):
            parent[a] = b
            briefs_of[b] |= briefs_of[a]
    grouped: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for k in keys:
        grouped[root(k)].extend(by_name[k])
    return [grouped[k] for k in sorted(grouped)]


def _name_key(actor: Actor) -> tuple[str, str]:
    """Type and folded name; a country takes its key shared across languages, and a place named
    with a trailing abbreviation is the place without it ("Washington D.C." is "Washington")."""
    name = fold(actor.name)
    if actor.type == "place":
        name = country_keys().get(name, name)
        name = _QUALIFIER.sub("", name) or name
    return (actor.type, name)


# An abbreviation after a place name, letters each followed by a full stop ("D.C.", "N.Y."): it
# says which place, in the shape of the name rather than in any language's words.
_QUALIFIER = re.compile(r",?\s+(?:[a-z]\.){2,}$")


def _canonical(members: list[Member], site_lang: str | None = None) -> str:
    """The name of a real actor: a form used in the site's language; for a country no brief in
    that language names, its name in that language from the countries data ("Syrie" on a French
    site whose briefs all say "Syria"); else a form of the language most of its briefs are in;
    then the fullest, then the most used."""
    counts = Counter(a.name for _, a in members)
    own = {a.name for b, a in members if b.lang == site_lang}
    if site_lang and not own and members[0][1].type == "place":
        named = country_name(_name_key(members[0][1])[1], site_lang)
        if named:
            return named
    langs = Counter(b.lang for b, _ in members)
    weight = {n: max(langs[b.lang] for b, a in members if a.name == n) for n in counts}
    return min(counts, key=lambda n: (n not in own, -weight[n], -len(n.split()), -counts[n], -len(n), fold(n), n))


def _page_ids(groups: list[list[Member]], site_lang: str | None = None) -> list[str]:
    """A unique page id per group: the slug of its canonical name, numbered on collision."""
    names = [_canonical(g, site_lang) for g in groups]
    order = sorted(range(len(groups)), key=lambda i: (_type_rank(groups[i][0][1].type), fold(names[i]), names[i]))
    seen: set[str] = set(RESERVED_IDS)
    ids = [""] * len(groups)
    for i in order:
        ids[i] = unique_slug(slugify(names[i], fallback="actor"), seen)
    return ids


def _type_rank(type: str) -> int:
    """Position of an actor type in `ACTOR_TYPES` (unknown types last)."""
    return ACTOR_TYPES.index(type) if type in ACTOR_TYPES else len(ACTOR_TYPES)


def build_actor(
    page_id: str,
    members: list[Member],
    rank: Mapping[str, int],
    *,
    name: str | None = None,
    type: str | None = None,
    description: str = "",
    site_lang: str | None = None,
) -> CorpusActor:
    """One corpus actor from the brief actors that are the same real actor.

    `rank` orders the briefs (`brief_ranks`); `name` and `type` default to the name in the site's
    language (`_canonical`) and the first brief's type.
    """
    name = name or _canonical(members, site_lang)
    members = sorted(members, key=lambda m: (rank[m[0].id], m[1].id))
    aliases: dict[str, str] = {}
    for _, actor in members:
        for form in (actor.name, *actor.aliases):
            if fold(form) != fold(name):
                aliases.setdefault(fold(form), form)
    roles, other_roles = _roles(members, site_lang)
    per_brief: dict[str, list[Actor]] = {}
    for brief, actor in members:
        per_brief.setdefault(brief.id, []).append(actor)
    quotes: list[CorpusQuote] = []
    statements: list[CorpusQuote] = []
    for brief, actor in members:
        anchors = quote_anchors(brief)
        quotes += [
            _said(brief, q.text, q.cue, actor.roles, anchors.get(i), q.uncertain)
            for i, q in sorted(enumerate(brief.quotes), key=lambda iq: iq[1].start)
            if q.speaker == actor.id
        ]
        statements += [
            _said(brief, s.text, s.cue, actor.roles)
            for s in sorted(brief.statements, key=lambda s: s.start)
            if s.speaker == actor.id
        ]
    return CorpusActor(
        id=page_id,
        name=name,
        type=type or members[0][1].type,
        aliases=tuple(sorted(aliases.values(), key=fold)),
        roles=roles,
        other_roles=other_roles,
        mentions=sum(a.mentions for _, a in members),
        appearances=tuple(
            Appearance(
                brief_id,
                same[0].id,
                any(a.key for a in same),
                sum(a.mentions for a in same),
                tuple(a.id for a in same[1:]),
            )
            for brief_id, same in per_brief.items()
        ),
        quotes=tuple(quotes),
        statements=tuple(statements),
        co_mentions=(),
        description=description,
    )


def _roles(members: list[Member], site_lang: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The roles briefs in the site's language give, and those other briefs give, apart
    (an English role is not listed beside a French one). Without a site language, or when
    no brief in it gives a role, every role is the actor's."""
    own: dict[str, str] = {}
    other: dict[str, str] = {}
    for brief, actor in members:
        for role in actor.roles:
            (own if site_lang is None or brief.lang == site_lang else other).setdefault(fold(role), role)
    if not own:
        return tuple(other.values()), ()
    return tuple(own.values()), tuple(r for k, r in other.items() if k not in own)


def _said(
    brief: Brief,
    text: str,
    cue: str | None,
    roles: tuple[str, ...] = (),
    anchor: str | None = None,
    uncertain: bool = False,
) -> CorpusQuote:
    """Words said in `brief`, with what is needed to show them away from it."""
    return CorpusQuote(brief.id, brief.title, brief.date, text, cue, brief.lang, roles, anchor, uncertain)


def _co_mentions(briefs: tuple[Brief, ...], pages: Mapping[tuple[str, str], str]) -> dict[str, Counter[str]]:
    """For each corpus actor, the other actors named in the same briefs, counted by brief."""
    co: dict[str, Counter[str]] = defaultdict(Counter)
    for brief in briefs:
        present = {pages[(brief.id, a.id)] for a in brief.actors if (brief.id, a.id) in pages}
        for one in present:
            co[one].update(present - {one})
    return co
