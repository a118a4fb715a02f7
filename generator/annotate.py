"""Cut a brief's original text into annotated pieces: where each quote, statement and mention is.

The brief page shows the article as written with every extraction marked in place, so a reader
can check each one. This module only cuts `brief.text` at the offsets the brief already holds
(actor `spans`, quote and statement `start`/`end`); it never re-parses. Pure: no I/O, no markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from .langdata import fold
from .models import Brief

_V = TypeVar("_V")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Piece:
    """A stretch of the original text and what covers it: a mention, a quote or a statement."""

    text: str
    actor: str | None = None
    """Brief-level actor id when this stretch is a mention of that actor."""
    quote: int | None = None
    """Index in `brief.quotes` of the quote this stretch is part of."""
    statement: int | None = None
    """Index in `brief.statements` of the reported statement this stretch is part of."""


def annotate(brief: Brief) -> list[list[Piece]]:
    """Take a brief; return its text as paragraphs of pieces, each marked with what covers it."""
    text = brief.text
    quotes = _non_overlapping([(q.start, q.end, i) for i, q in enumerate(brief.quotes)], len(text))
    statements = _non_overlapping([(s.start, s.end, i) for i, s in enumerate(brief.statements)], len(text))
    mentions = _non_overlapping(
        [
            (start, end, a.id)
            for a in brief.actors
            for s in a.spans
            if (whole := _whole_name(text, s.start, s.end, (a.name, *a.aliases))) is not None
            for start, end in [whole]
        ],
        len(text),
    )
    cuts = {0, len(text)}
    for start, end, _ in (*quotes, *statements, *mentions):
        cuts.update((start, end))
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    for start, end in breaks:
        cuts.update((start, end))
    points = sorted(cuts)
    paragraphs: list[list[Piece]] = [[]]
    for start, end in zip(points, points[1:]):
        if any(b_start <= start and end <= b_end for b_start, b_end in breaks):
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(
            Piece(
                text[start:end],
                actor=_covering(mentions, start, end),
                quote=_covering(quotes, start, end),
                statement=_covering(statements, start, end),
            )
        )
    return [p for p in paragraphs if p]


def _whole_name(text: str, start: int, end: int, names: tuple[str, ...]) -> tuple[int, int] | None:
    """A mention's span widened to the whole name when the text around it completes one of the
    actor's names ("Donald" before a mention "Trump" of "Donald Trump"); None for a mention that
    shares no word with any of its names ("the group" for a named organisation), which a page
    does not link: a link says "this is the actor", and a description is not its name."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return start, end  # `_non_overlapping` drops it
    said = fold(text[start:end])
    words = {w for name in names for w in _WORD.findall(fold(name))}
    if not words & set(_WORD.findall(said)):
        return None
    for name in sorted(names, key=len, reverse=True):
        full = fold(name)
        at = full.find(said)
        if at < 0 or len(full) == len(said):
            continue
        before, after = full[:at], full[at + len(said) :]
        # Bars keep the spaces `fold` would strip at either end ("Donald " before "Trump").
        said_before = fold(f"|{text[max(0, start - len(before)) : start]}|")
        said_after = fold(f"|{text[end : end + len(after)]}|")
        if said_before == f"|{before}|" and said_after == f"|{after}|":
            return start - len(before), end + len(after)
    return start, end


_WORD = re.compile(r"\w+")


def source_anchor(kind: str, index: int) -> str:
    """The id of the mark of `brief.quotes[index]` (`kind` "quote") or of a statement in the
    brief page's source text: `source-quote-1` for the first quote."""
    return f"source-{kind}-{index + 1}"


def quote_anchors(brief: Brief) -> dict[int, str]:
    """Index in `brief.quotes` -> its anchor, for the quotes `annotate` marks in the source text:
    a quote overlapping an earlier one is not marked, so nothing may link to it."""
    spans = [(q.start, q.end, i) for i, q in enumerate(brief.quotes)]
    return {i: source_anchor("quote", i) for _, _, i in _non_overlapping(spans, len(brief.text))}


def _non_overlapping(spans: list[tuple[int, int, _V]], size: int) -> list[tuple[int, int, _V]]:
    """Spans inside the text, earliest (then longest) first, dropping any that overlap a kept one."""
    kept: list[tuple[int, int, _V]] = []
    # An offset outside the text is a broken extraction: it is not shown rather than guessed.
    valid = [(s, e, v) for s, e, v in spans if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= size]
    for start, end, value in sorted(valid, key=lambda x: (x[0], -x[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, value))
    return kept


def _covering(spans: list[tuple[int, int, _V]], start: int, end: int) -> _V | None:
    """The value of the span that contains [start, end), if any (spans do not overlap)."""
    for s, e, value in spans:
        if s <= start and end <= e:
            return value
        if s >= end:
            break
    return None
