"""Who appears with whom: an actor's neighbours ranked (people and organisations apart from
places), and the networks the graphs draw (an actor with its neighbours, the whole corpus).

Co-mentions are counted by `corpus.py` (briefs naming both); this module only picks and ranks.
Nodes carry page paths under docs_dir; `figures.py` makes them addresses when it draws them.
"""

from __future__ import annotations

from itertools import islice

from .corpus import Corpus, CorpusActor
from .graph import Edge, Node

# Nodes of an actor's graph (the actor and its most co-mentioned actors) and of the corpus graph.
ACTOR_NODES = 12
CORPUS_NODES = 40


def actor_path(actor_id: str) -> str:
    """The path under docs_dir of an actor's page."""
    return f"actors/{actor_id}.md"


def appears_with(
    corpus: Corpus, actor: CorpusActor, size: int
) -> tuple[tuple[tuple[CorpusActor, int], ...], tuple[tuple[CorpusActor, int], ...]]:
    """The actors named most often in the same briefs as `actor`, with how many briefs: people and
    organisations first, places apart; at most `size` of each, most shared briefs first."""
    found = [(other, co.count) for co in actor.co_mentions if (other := corpus.actor(co.actor_id)) is not None]
    return (
        tuple(x for x in found if x[0].type != "place")[:size],
        tuple(x for x in found if x[0].type == "place")[:size],
    )


class Networks:
    """The who-appears-with networks of one corpus (co-mention counts made lookup tables once)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._counts: dict[str, dict[str, int]] = {}

    def actor(self, actor: CorpusActor) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
        """The actor and its most co-mentioned actors, each linked to it by the briefs they share.
        Links among the neighbours are left out: they would make every actor page depend on
        briefs that do not name the actor, and a page drawn from one brief a tangle of lines."""
        found = ((co, a) for co in actor.co_mentions if (a := self.corpus.actor(co.actor_id)) is not None)
        nodes = [Node(actor.id, actor.name, actor_path(actor.id), actor.brief_count)]
        edges = []
        for co, other in islice(found, ACTOR_NODES - 1):
            nodes.append(Node(other.id, other.name, actor_path(other.id), co.count))
            edges.append(Edge(min(actor.id, other.id), max(actor.id, other.id), co.count))
        return tuple(nodes), tuple(sorted(edges, key=lambda e: (e.a, e.b)))

    def corpus_wide(self) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
        """The most present people and organisations of the corpus, linked by the briefs they share."""
        top = [a for a in self.corpus.actors if a.type != "place"][:CORPUS_NODES]
        nodes = tuple(Node(a.id, a.name, actor_path(a.id), a.brief_count) for a in top)
        return nodes, self._edges([n.id for n in nodes])

    def _edges(self, ids: list[str]) -> tuple[Edge, ...]:
        """Every pair of `ids` named in the same briefs, once, with how many briefs."""
        edges = []
        for i, one in enumerate(ids):
            counts = self._counts_of(one)
            edges += [Edge(min(one, other), max(one, other), n) for other in ids[i + 1 :] if (n := counts.get(other))]
        return tuple(sorted(edges, key=lambda e: (e.a, e.b)))

    def _counts_of(self, actor_id: str) -> dict[str, int]:
        """In how many briefs `actor_id` is named with each other actor."""
        if actor_id not in self._counts:
            actor = self.corpus.actor(actor_id)
            self._counts[actor_id] = {co.actor_id: co.count for co in (actor.co_mentions if actor else ())}
        return self._counts[actor_id]
