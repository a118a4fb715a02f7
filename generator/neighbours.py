"""Who appears with whom: an actor's neighbours ranked (people and organisations apart from
places), and the networks the graphs draw (an actor with its neighbours, the whole corpus).

Co-mentions are counted by `corpus.py` (briefs naming both); this module only picks and ranks.
Nodes carry page paths under docs_dir; `figures.py` makes them addresses when it draws them.
"""

from __future__ import annotations

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


def actor_network(corpus: Corpus, actor: CorpusActor) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
    """The actor and its most co-mentioned actors, linked by the briefs they share (also among
    themselves); addresses are page paths under docs_dir, made relative when drawn."""
    others = [co for co in actor.co_mentions if corpus.actor(co.actor_id) is not None][: ACTOR_NODES - 1]
    nodes = [Node(actor.id, actor.name, actor_path(actor.id), actor.brief_count)]
    nodes += [Node(co.actor_id, _name(corpus, co.actor_id), actor_path(co.actor_id), co.count) for co in others]
    return tuple(nodes), _edges(corpus, [n.id for n in nodes])


def corpus_network(corpus: Corpus) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
    """The most present people and organisations of the corpus, linked by the briefs they share."""
    top = [a for a in corpus.actors if a.type != "place"][:CORPUS_NODES]
    nodes = tuple(Node(a.id, a.name, actor_path(a.id), a.brief_count) for a in top)
    return nodes, _edges(corpus, [n.id for n in nodes])


def _name(corpus: Corpus, actor_id: str) -> str:
    found = corpus.actor(actor_id)
    return found.name if found is not None else actor_id


def _edges(corpus: Corpus, ids: list[str]) -> tuple[Edge, ...]:
    """Every pair of `ids` named in the same briefs, once, with how many briefs."""
    inside = set(ids)
    edges = []
    for one in ids:
        actor = corpus.actor(one)
        for co in actor.co_mentions if actor is not None else ():
            if co.actor_id in inside and one < co.actor_id:
                edges.append(Edge(one, co.actor_id, co.count))
    return tuple(sorted(edges, key=lambda e: (e.a, e.b)))
