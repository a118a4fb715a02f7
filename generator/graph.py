"""Who-appears-with graphs drawn at build time as inline SVG: nodes and edges in, SVG out.

The layout is networkx's: its attractive-repulsive force layout with a fixed seed for the corpus
graph, the actor in the centre with its neighbours around it for an actor's own graph. Coordinates are rounded so
the same graph always gives the same bytes. Every node is a link to its page (`<a href>` in
the SVG: no script, so it reads and works without JavaScript); every text is escaped here.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from .charts import number

# Any fixed seed does: it only has to be the same at every build.
SEED = 12
# Longest label drawn under a node, in characters.
LABEL = 26


@dataclass(frozen=True)
class Node:
    """An actor of the graph: its id, the name shown, the address of its page, its weight."""

    id: str
    label: str
    href: str
    weight: int


@dataclass(frozen=True)
class Edge:
    """Two actors named in the same briefs, and in how many."""

    a: str
    b: str
    weight: int


def _positions(nodes: Sequence[Node], edges: Sequence[Edge], centre: str | None) -> dict[str, tuple[float, float]]:
    """Each node's place in [-1, 1]², the same at every run."""
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_weighted_edges_from((e.a, e.b, e.weight) for e in edges)
    if len(nodes) == 1:
        return {nodes[0].id: (0.0, 0.0)}
    if centre is not None:
        layout = nx.shell_layout(graph, [[centre], [n.id for n in nodes if n.id != centre]])
    else:
        # Briefs make cliques that share few members: a spring layout piles each clique onto a
        # point, the attractive-repulsive one keeps every node apart (labels stay readable).
        layout = nx.arf_layout(graph, seed=SEED)
    layout = nx.rescale_layout_dict(layout, 1.0)
    return {k: (float(v[0]), float(v[1])) for k, v in layout.items()}


def graph_svg(
    nodes: Sequence[Node], edges: Sequence[Edge], title: str, centre: str | None = None, size: int = 600
) -> str:
    """An SVG of `nodes` linked by `edges`, titled `title`; `centre` is drawn in the middle."""
    if not nodes:
        return ""
    width, height = size, round(size * 0.7)
    pad_x, pad_y = 90, 30
    place = {
        k: ((x + 1) / 2 * (width - 2 * pad_x) + pad_x, (y + 1) / 2 * (height - 2 * pad_y) + pad_y)
        for k, (x, y) in _positions(nodes, edges, centre).items()
    }
    heaviest = max(max(n.weight for n in nodes), 1)
    strongest = max((e.weight for e in edges), default=1)
    out = [
        f'<svg class="nb-network" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(title)}">',
        f"<title>{html.escape(title)}</title>",
    ]
    for e in sorted(edges, key=lambda e: (e.a, e.b)):
        (x1, y1), (x2, y2) = place[e.a], place[e.b]
        out.append(
            f'<line x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" y2="{number(y2)}" stroke="#999" '
            f'stroke-width="{number(0.6 + 3 * e.weight / strongest)}"/>'
        )
    for n in nodes:
        x, y = place[n.id]
        r = 4 + 8 * math.sqrt(n.weight / heaviest)
        label = n.label if len(n.label) <= LABEL else n.label[: LABEL - 1] + "…"
        own = ' class="nb-node-self"' if n.id == centre else ""
        out.append(
            f'<a href="{html.escape(n.href)}"{own}><title>{html.escape(n.label)}</title>'
            f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(r)}" fill="#7986cb"/>'
            f'<text x="{number(x)}" y="{number(y + r + 11)}" text-anchor="middle">{html.escape(label)}</text></a>'
        )
    out.append("</svg>")
    return "\n".join(out)
