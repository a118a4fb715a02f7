"""Who-appears-with graphs drawn at build time as inline SVG: nodes and edges in, SVG out.

The corpus graph is laid out by networkx (its attractive-repulsive force layout, a fixed seed);
an actor's own graph puts the actor in the centre and its neighbours on a ring around it.
Coordinates are rounded so the same graph always gives the same bytes. Every node but the
centre is a link to its page (`<a xlink:href>` in the SVG: no script, so it reads and works
without JavaScript); every text is escaped here.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from .charts import number

# Node links are `xlink:href`, not `href`: in raw HTML MkDocs leaves an `href` as it is, while
# Zensical reads it as relative to the Markdown file and rewrites it; neither touches
# `xlink:href`, which every browser follows. Its namespace is a name, never fetched.
XLINK = "http://www.w3.org/1999/xlink"
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


def _ring(nodes: Sequence[Node], centre: str) -> dict[str, tuple[float, float]]:
    """`centre` in the middle, the other nodes around it in their order, the first on the left:
    computed here, since building a networkx graph for each of thousands of actor pages costs
    more than the rest of the page."""
    others = [n.id for n in nodes if n.id != centre]
    ring = {
        node: (-math.cos(2 * math.pi * i / len(others)), -math.sin(2 * math.pi * i / len(others)))
        for i, node in enumerate(others)
    }
    return {centre: (0.0, 0.0), **ring}


@functools.lru_cache(maxsize=16)
def _spread(nodes: tuple[Node, ...], edges: tuple[Edge, ...]) -> dict[str, tuple[float, float]]:
    """Each node's place in [-1, 1]² by networkx, the same at every run; kept for the next build
    of the same graph (`mkdocs serve` rebuilds in one process, and the layout takes a quarter
    second)."""
    if len(nodes) == 1:
        return {nodes[0].id: (0.0, 0.0)}
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_weighted_edges_from((e.a, e.b, e.weight) for e in edges)
    # Briefs make cliques that share few members: a spring layout piles each clique onto a
    # point, the attractive-repulsive one keeps every node apart (labels stay readable).
    layout = nx.rescale_layout_dict(nx.arf_layout(graph, seed=SEED), 1.0)
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
        for k, (x, y) in (_ring(nodes, centre) if centre else _spread(tuple(nodes), tuple(edges))).items()
    }
    heaviest = max(max(n.weight for n in nodes), 1)
    strongest = max((e.weight for e in edges), default=1)
    out = [
        f'<svg class="nb-network" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(title)}" xmlns:xlink="{XLINK}">',
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
        # The centre is the page the graph is on: not a link.
        start, end = (
            ('<g class="nb-node-self">', "</g>")
            if n.id == centre
            else (f'<a xlink:href="{html.escape(n.href)}">', "</a>")
        )
        out.append(
            f"{start}<title>{html.escape(n.label)}</title>"
            f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(r)}" fill="#7986cb"/>'
            f'<text x="{number(x)}" y="{number(y + r + 11)}" text-anchor="middle">{html.escape(label)}</text>{end}'
        )
    out.append("</svg>")
    return "\n".join(out)
