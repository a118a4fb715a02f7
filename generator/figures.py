"""The charts and graphs of the pages, made from the corpus with the site's labels and addresses.

`charts.py` and `graph.py` draw plain data (`activity.py` counts the months, `neighbours.py`
picks the nodes); this module labels it and wraps each drawing as a `Markdown` block the templates pass through as it is.
The SVG is a raw HTML block, so MkDocs does not rewrite the addresses in it: `href` gives each
node the address of its page relative to the page it is drawn on, as MkDocs publishes both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .activity import MonthCount, actor_months
from .charts import Bar, bar_chart
from .corpus import Corpus, CorpusActor
from .escape import Markdown
from .graph import Edge, Node, graph_svg

Href = Callable[[str, str], str]
"""The address of a page (second path) from another page (first path), both under docs_dir."""
MonthName = Callable[[str], str]
"""A month key (`2024-11`) written out in the site's language."""


def _block(kind: str, svg: str) -> Markdown:
    """An SVG as a raw HTML block of its own (no blank line inside, so Markdown leaves it whole)."""
    return Markdown(f'<div class="nb-{kind}">\n{svg}\n</div>') if svg else Markdown("")


def month_bars(months: Sequence[MonthCount], labels: Mapping[str, str], month_name: MonthName) -> list[Bar]:
    """One bar per month, the year written under January and under the first month; one bar
    per year, each with its year, when the span is counted by year."""
    bars = []
    for i, m in enumerate(months):
        name = month_name(m.key)
        title = (
            labels["chart_bar_quoted"].format(month=name, briefs=m.briefs, quoted=m.part)
            if m.part
            else labels["chart_bar"].format(month=name, briefs=m.briefs)
        )
        by_year = len(m.key) == 4
        bars.append(Bar(m.key[:4] if by_year or i == 0 or m.key.endswith("-01") else "", m.briefs, m.part, title))
    return bars


def months_chart(
    months: Sequence[MonthCount], title: str, labels: Mapping[str, str], month_name: MonthName
) -> Markdown:
    """A bar chart of briefs month by month."""
    return _block("chart", bar_chart(month_bars(months, labels, month_name), title))


def actor_chart(corpus: Corpus, actor: CorpusActor, labels: Mapping[str, str], month_name: MonthName) -> Markdown:
    """The briefs an actor appears in, month by month, the part where it is quoted darker."""
    return months_chart(actor_months(corpus, actor), f"{actor.name} — {labels['activity']}", labels, month_name)


def network_figure(
    nodes: Sequence[Node], edges: Sequence[Edge], title: str, page: str, href: Href, centre: str | None = None
) -> Markdown:
    """A graph drawn for the page at `page`: each node's address made relative to it."""
    linked = [Node(n.id, n.label, href(page, n.href), n.weight) for n in nodes]
    size = 600 if centre is not None else 760
    return _block("graph", graph_svg(linked, edges, title, centre=centre, size=size))
