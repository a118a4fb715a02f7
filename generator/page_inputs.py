"""What each generated page depends on, as a digest, so that an unchanged page is not rendered again.

A brief page depends on its brief and on the pages and names of the actors it links to; an actor
page on the actor, on the titles and dates of the briefs it lists, on its neighbours in the
who-appears-with graph and on the quotes of other briefs that name it; a list (archive, month,
tag) on what it lists; an actor's feed on the actor and its latest briefs. Every digest also
covers the templates, the interface labels, the site settings and newsbrief's own code, so a
change to any of them renders everything again. Pages drawn from the whole corpus (home, the
indexes, the timeline, the site feed) have no digest: they are always rendered.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import code_fingerprint

if TYPE_CHECKING:
    from .config import Config
    from .corpus import Corpus, CorpusActor
    from .graph import Edge, Node
    from .mentions import NamedIn
    from .navigation import Listing, Month, Tag


# The templates newsbrief comes with; a project's own templates_dir overrides them file by file.
# An installed package has them in generator/templates/ (pyproject.toml's package-dir), a source
# checkout in the repository's templates/.
_PACKAGE = Path(__file__).resolve().parent
DEFAULT_TEMPLATES = next(
    (p for p in (_PACKAGE / "templates", _PACKAGE.parent / "templates") if p.is_dir()), _PACKAGE / "templates"
)


def template_folders(config: Config) -> list[Path]:
    """The folders templates are loaded from: the project's own first, then newsbrief's."""
    return [Path(p).resolve() for p in dict.fromkeys((config.templates_dir, DEFAULT_TEMPLATES)) if Path(p).is_dir()]


def digest(*parts: Any) -> str:
    """A short, stable hash of plain data (dataclasses, tuples, strings, numbers)."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=5), digest_size=16).hexdigest()


def templates_digest(folders: list[Path]) -> str:
    """A hash of every template file newsbrief may load, by name and content."""
    h = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class PageInputs:
    """The digest of each page's inputs, for one corpus; `None` for pages always rendered."""

    def __init__(
        self,
        corpus: Corpus,
        config: Config,
        labels: Mapping[str, str],
        templates: str,
        places: Mapping[str, tuple[str, ...]],
        brief_tags: Mapping[str, tuple[Tag, ...]],
    ) -> None:
        self.corpus = corpus
        self.places = places
        self.brief_tags = brief_tags
        settings = (config.site_lang, config.site_url, config.site_name, config.use_directory_urls, config.latest)
        self.site = digest(settings, dict(labels), templates, code_fingerprint())
        self.names = {a.id: a.name for a in corpus.actors}
        # A brief page shows the corpus type of its actors (an editor's `type:` included).
        self.types = {a.id: a.type for a in corpus.actors}
        self.briefs = {b.id: b for b in corpus.briefs}

    def page(self, path: str, template: str, inputs: str) -> str:
        """The digest of one page: its own inputs, where it is and the whole site's settings."""
        return digest(self.site, path, template, inputs)

    @functools.cache  # noqa: B019 - one PageInputs per build, dropped with it
    def brief(self, brief_id: str) -> str:
        """A brief with the pages and names of the actors, places and tags it links to."""
        b = self.briefs[brief_id]
        pages = [(a.id, self.corpus.page_of(b.id, a.id)) for a in b.actors]
        actors = [(a, page, self.names.get(page) if page else None, self.types.get(page or "")) for a, page in pages]
        places = [(p, self.names.get(p)) for p in self.places.get(b.id, ())]
        tags = [(t.name, t.path) for t in self.brief_tags.get(b.id, ())]
        return digest(b, actors, places, tags)

    def head(self, brief_id: str) -> tuple[str, str, str | None] | None:
        """What a link to a brief shows: its title and date (None for a brief no longer there)."""
        b = self.briefs.get(brief_id)
        return (b.id, b.title, b.date) if b is not None else None

    @functools.cache  # noqa: B019 - one PageInputs per build, dropped with it
    def actor(self, actor_id: str) -> str:
        """An actor with the titles and dates of the briefs it lists and the names it links to."""
        a = self._actor(actor_id)
        ids = [x.brief_id for x in a.appearances] + [q.brief_id for q in (*a.quotes, *a.statements)]
        ids += [d.brief_id for d in a.timeline]
        heads = [self.head(i) for i in dict.fromkeys(ids)]
        return digest(a, heads, [self.names.get(co.actor_id) for co in a.co_mentions])

    def actor_page(
        self, actor_id: str, network: tuple[Sequence[Node], Sequence[Edge]], named: Sequence[NamedIn]
    ) -> str:
        """An actor's page: the actor (`actor`), the sources of the briefs it is quoted in, the
        types of the actors it appears with (people apart from places), its graph (`network`:
        its neighbours' names) and the briefs of the quotes of others that name it (`named`),
        with their speakers."""
        a = self._actor(actor_id)
        sources = [(b.source, b.url) if (b := self.briefs.get(q.brief_id)) else None for q in a.quotes]
        types = [self.types.get(co.actor_id) for co in a.co_mentions]
        nodes, edges = network
        graph = ([(n.id, n.label, n.weight) for n in nodes], [(e.a, e.b, e.weight) for e in edges])
        named_in = [(n.brief_id, n.index, n.anchor, self.brief(n.brief_id)) for n in named]
        return digest(self.actor(actor_id), sources, types, graph, named_in)

    def actor_feed(self, actor_id: str, size: int) -> str:
        """An actor's feed: the actor and the briefs of its latest appearances."""
        a = self._actor(actor_id)
        return digest(
            self.actor(actor_id), [self.brief(x.brief_id) for x in a.appearances[:size] if x.brief_id in self.briefs]
        )

    def listing(self, listing: Listing, month: Month | None, months: tuple[Month, ...]) -> str:
        """A page of the archive or of a month: its briefs (as cards), its neighbours, the months."""
        index = [(m.key, m.path, m.total) for m in months]
        own = (listing.path, listing.number, listing.count, listing.previous, listing.next)
        return digest(own, month.key if month else None, [self.brief(b.id) for b in listing.briefs], index)

    def tag(self, tag: Tag) -> str:
        """A tag page: its briefs, as cards (as on the archive), and the actor it may link to."""
        return digest(tag.name, tag.path, tag.actor, [self.brief(b.id) for b in tag.briefs])

    def _actor(self, actor_id: str) -> CorpusActor:
        """The corpus actor with that id (every page of an actor is made from one that exists)."""
        actor = self.corpus.actor(actor_id)
        if actor is None:
            raise KeyError(actor_id)
        return actor
