"""The ways into the briefs besides the home page: by month, by page of the archive, by tag.

Pure functions of the corpus, giving the page paths (under docs_dir) of each listing, so the
templates only format them. Months and archive pages are newest first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .corpus import RESERVED_IDS, Corpus, CorpusActor
from .langdata import fold
from .models import Brief
from .text import slugify, unique_slug

UNDATED = "undated"


@dataclass(frozen=True)
class Listing:
    """One page of a paginated list of briefs."""

    path: str
    briefs: tuple[Brief, ...]
    number: int
    count: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class Month:
    """The briefs of one month (`key` is `YYYY-MM`, or `undated`), paginated."""

    key: str
    pages: tuple[Listing, ...]

    @property
    def path(self) -> str:
        """The first page of this month."""
        return self.pages[0].path

    @property
    def total(self) -> int:
        """How many briefs this month holds."""
        return sum(len(p.briefs) for p in self.pages)


@dataclass(frozen=True)
class Tag:
    """A tag, its page and the briefs that carry it, newest first. A tag is a front matter tag or
    a key actor of a brief (`actor` is then the actor's page id); the same name is one tag."""

    name: str
    path: str
    briefs: tuple[Brief, ...]
    actor: str | None = None


def paginate(briefs: Sequence[Brief], first: str, prefix: str, per_page: int) -> tuple[Listing, ...]:
    """`briefs` cut into pages: the first at `first`, the others at `{prefix}{n}.md`."""
    chunks = [tuple(briefs[i : i + per_page]) for i in range(0, len(briefs), per_page)] or [()]
    paths = [first] + [f"{prefix}{n}.md" for n in range(2, len(chunks) + 1)]
    return tuple(
        Listing(
            paths[i],
            chunk,
            i + 1,
            len(chunks),
            paths[i - 1] if i else None,
            paths[i + 1] if i + 1 < len(chunks) else None,
        )
        for i, chunk in enumerate(chunks)
    )


def months(corpus: Corpus, per_page: int) -> tuple[Month, ...]:
    """The archive by month, newest month first, undated briefs last."""
    by_month: dict[str, list[Brief]] = defaultdict(list)
    for brief in corpus.briefs:
        by_month[month_of(brief.date)].append(brief)
    keys = sorted((k for k in by_month if k != UNDATED), reverse=True)
    keys += [UNDATED] if UNDATED in by_month else []
    return tuple(Month(k, paginate(by_month[k], f"archive/{k}.md", f"archive/{k}-page-", per_page)) for k in keys)


def month_of(date: str | None) -> str:
    """`YYYY-MM` of an ISO date, or `undated`."""
    try:
        return dt.date.fromisoformat(date or "").strftime("%Y-%m")
    except ValueError:
        return UNDATED


def tags(corpus: Corpus) -> tuple[Tag, ...]:
    """Front matter tags and key actors (the same tag however it is cased or accented), by name."""
    groups: dict[str, list[tuple[str, str | None, Brief]]] = defaultdict(list)
    for brief in corpus.briefs:
        for key, name, actor in _tags_of(corpus, brief):
            groups[key].append((name, actor, brief))
    taken = set(RESERVED_IDS)
    out = []
    for key in sorted(groups):
        members = groups[key]
        actors = Counter(a for _, a, _ in members if a is not None)
        actor = min(actors, key=lambda a: (-actors[a], a)) if actors else None
        # A key actor's tag is named as its page is; a front matter tag by its commonest spelling.
        counts = Counter(n for n, a, _ in members if a == actor)
        name = min(counts, key=lambda n: (-counts[n], n))
        briefs = tuple(dict.fromkeys(b for _, _, b in members))
        out.append(Tag(name, f"tags/{unique_slug(slugify(name, fallback='tag'), taken)}.md", briefs, actor))
    return tuple(out)


def brief_tags(corpus: Corpus, tags: Sequence[Tag]) -> dict[str, tuple[Tag, ...]]:
    """The tags of each brief, by brief id: its front matter tags, then its key actors."""
    by_key = {fold(t.name): t for t in tags}
    return {
        b.id: tuple(dict.fromkeys(by_key[key] for key, _, _ in _tags_of(corpus, b) if key in by_key))
        for b in corpus.briefs
    }


def _tags_of(corpus: Corpus, brief: Brief) -> list[tuple[str, str, str | None]]:
    """(folded name, name, actor page id or None) of each tag of a brief, each name once."""
    own: list[tuple[str, str, str | None]] = [
        (fold(str(t)), str(t).strip(), None) for t in brief.tags if str(t).strip()
    ]
    key = [
        (fold(actor.name), actor.name, actor.id)
        for a in brief.actors
        if a.key and (actor := corpus.actor(corpus.page_of(brief.id, a.id))) is not None
    ]
    seen: dict[str, tuple[str, str, str | None]] = {}
    for k, name, page in [*own, *key]:
        # A front matter tag naming a key actor is that actor's tag, and named as its page is.
        if k not in seen or (page is not None and seen[k][2] is None):
            seen[k] = (k, name, page)
    return list(seen.values())


@dataclass(frozen=True)
class Letter:
    """The actors whose name starts with one letter (`#` for any other first character), by name."""

    key: str
    anchor: str
    actors: tuple[CorpusActor, ...]


def letters(actors: Sequence[CorpusActor]) -> tuple[Letter, ...]:
    """The actors A to Z by their folded name ("Élysée" under E), then those under `#`."""
    groups: dict[str, list[CorpusActor]] = defaultdict(list)
    for actor in sorted(actors, key=lambda a: (fold(a.name), a.id)):
        first = fold(actor.name)[:1].upper()
        groups[first if "A" <= first <= "Z" else OTHER].append(actor)
    keys = sorted(k for k in groups if k != OTHER) + ([OTHER] if OTHER in groups else [])
    return tuple(Letter(k, "other" if k == OTHER else k.lower(), tuple(groups[k])) for k in keys)


# The section of names that start with no letter A to Z (digits, other scripts).
OTHER = "#"
