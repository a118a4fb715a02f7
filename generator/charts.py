"""Bar charts drawn at build time as inline SVG: plain numbers in, one SVG string out.

No script, no outside address, no font: the chart is part of the page and reads without
JavaScript (each bar's `<title>` is its tooltip and its text for screen readers). Every text is
escaped here, since labels can hold article text; numbers are rounded so that the same data
always gives the same bytes (golden files, incremental builds).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 600
HEIGHT = 130
# Room above the bars for the scale, below them for the axis labels.
TOP = 16
BOTTOM = 18
WIDEST_BAR = 40


@dataclass(frozen=True)
class Bar:
    """One bar: its axis label (often empty), its height, the highlighted part of it, its tooltip."""

    label: str
    total: int
    part: int
    title: str


def number(value: float) -> str:
    """A coordinate with one decimal at most: stable text for the same drawing."""
    text = str(round(value, 1))
    return "0" if text == "-0.0" else text[:-2] if text.endswith(".0") else text


def bar_chart(bars: Sequence[Bar], title: str) -> str:
    """An SVG bar chart of `bars`, left to right, titled `title`; empty text for no bars."""
    if not bars:
        return ""
    top = max(max(b.total for b in bars), 1)
    slot = (WIDTH - 2) / len(bars)
    width = min(WIDEST_BAR, slot * 0.8)
    base = HEIGHT - BOTTOM
    scale = (base - TOP) / top
    out = [
        f'<svg class="nb-bars" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="{html.escape(title)}">',
        f"<title>{html.escape(title)}</title>",
        f'<text x="0" y="11">{top}</text>',
        f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#999" stroke-width="1"/>',
    ]
    for i, bar in enumerate(bars):
        x = 1 + i * slot + (slot - width) / 2
        h = bar.total * scale
        part = bar.part * scale
        if bar.label:
            out.append(
                f'<text x="{number(x + width / 2)}" y="{HEIGHT - 4}" text-anchor="middle">{html.escape(bar.label)}</text>'
            )
        if not bar.total:
            continue  # an empty month: its place on the axis is the drawing
        out.append(f"<g><title>{html.escape(bar.title)}</title>")
        out.append(
            f'<rect class="nb-bar" x="{number(x)}" y="{number(base - h)}" width="{number(width)}" '
            f'height="{number(h)}" fill="#7986cb"/>'
        )
        if bar.part:
            out.append(
                f'<rect class="nb-bar-part" x="{number(x)}" y="{number(base - part)}" width="{number(width)}" '
                f'height="{number(part)}" fill="#3f51b5"/>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
