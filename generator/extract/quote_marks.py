"""Find the stretches of text set off as someone's words: quote-mark pairs and dialogue dashes.

Works on characters only (no parse), so it is cheap and testable alone. Only the outermost pair
is a quote; a quote never runs past its paragraph, except that a paragraph reopening the same
mark continues a multi-paragraph quote (each paragraph is then a span of its own, in one group).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..langdata import LangData
from ..text import normalize_for_parser

# Sentence-final punctuation after which a dash starts another speaker's line.
_SENTENCE_END = ".!?…"


@dataclass(frozen=True)
class Marked:
    """A span of quoted words: `start`/`end` bound the words, `open`/`close` include the marks."""

    start: int
    end: int
    open: int
    close: int
    # Spans of one multi-paragraph quote share a group number (else each has its own).
    group: int
    # "pair" (between marks), "dash" (a dialogue line), "exchange" (a reply after a dash).
    kind: str = "pair"


def find_quote_spans(text: str, lang: LangData) -> list[Marked]:
    """Every quoted span of `text` (outer marks only), in text order."""
    opens, closes = _marks(lang)
    # What may close a sentence's last quote before its full stop ("« … ».", "… 'n'").
    closers = "".join(closes) + "".join(lang.apostrophes)
    dashes = tuple(normalize_for_parser(d) for d in lang.dialogue_dashes)
    groups = itertools.count()
    out: list[Marked] = []
    carry: int | None = None  # group of a quote continued from the previous paragraph
    paragraphs = _paragraphs(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        lead = text[p_start]
        if lead in dashes:
            out += _pieces(text, p_start + 1, p_end, p_start, p_end, next(groups), "dash", dashes, groups)
            carry = None
            continue
        # A quote left open at the end of its paragraph continues only if the next one reopens it.
        next_lead = text[paragraphs[n + 1][0]] if n + 1 < len(paragraphs) else ""
        pairs, unclosed = _scan(text, p_start, p_end, opens, closes, next_lead, closers)
        if unclosed is not None:
            pairs.append((unclosed, p_end, p_end))
        next_carry = None
        for o, c_start, c_end in pairs:
            group = carry if carry is not None and o == p_start else next(groups)
            out += _pieces(text, o + 1, c_start, o, c_end, group, "pair", dashes, groups)
            if o == unclosed:
                next_carry = group
        carry = next_carry
    return [m for m in out if m.end > m.start]


def _marks(lang: LangData) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Opening mark -> its closing marks, and closing mark -> its opening marks."""
    opens: dict[str, set[str]] = {}
    closes: dict[str, set[str]] = {}
    for o, c in lang.quote_pairs:
        # The parser's text has plain apostrophes: a closing ’ reads as '.
        o, c = normalize_for_parser(o), normalize_for_parser(c)
        opens.setdefault(o, set()).add(c)
        closes.setdefault(c, set()).add(o)
    return opens, closes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, leading and trailing spaces excluded."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped[0])
            spans.append((start, start + len(stripped)))
    return spans


def _scan(
    text: str,
    start: int,
    end: int,
    opens: dict[str, set[str]],
    closes: dict[str, set[str]],
    next_lead: str,
    closers: str,
) -> tuple[list[tuple[int, int, int]], int | None]:
    """Outermost balanced pairs in text[start:end] as (open, close, after close), and the
    offset of an opening mark still unclosed at the end (opening the paragraph or a sentence, and
    reopened by the next paragraph: `next_lead`).

    An opening mark never closed is dropped and the scan starts again after it, so the pairs it
    would have swallowed are still found.
    """
    skip: set[int] = set()
    while True:
        stack: list[int] = []
        pairs: list[tuple[int, int, int]] = []
        for i in range(start, end):
            if i in skip:
                continue
            ch = text[i]
            if stack and ch in opens[text[stack[-1]]] and _can_close(text, i, start, ch):
                o = stack.pop()
                if not stack:
                    pairs.append((o, i, i + 1))
            elif ch in opens and _can_open(text, i, end, ch, ch in closes):
                stack.append(i)
        if not stack:
            return pairs, None
        if text[stack[0]] == next_lead and (stack[0] == start or _opens_sentence(text, stack[0], start, closers)):
            # A paragraph opening a quote it never closes (at its start or at a sentence's),
            # and the next one reopening it: one paragraph of a multi-paragraph quote.
            return pairs, stack[0]
        skip.add(stack[0])


def _opens_sentence(text: str, i: int, start: int, closers: str) -> bool:
    """Whether the mark at `i` opens a sentence: after a full stop (and maybe a closing mark)."""
    before = text[start:i].rstrip()
    return (
        len(before) < i - start
        and before[-1:] in _SENTENCE_END + closers
        and before.rstrip(closers)[-1:] in _SENTENCE_END
    )


def _can_open(text: str, i: int, end: int, ch: str, also_closes: bool) -> bool:
    """Whether the mark at `i` can open a quote: not glued to the end of a word, not last."""
    if i + 1 >= end or text[i + 1] in " \t" and also_closes:
        return False
    if also_closes and i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".,;:!?"):
        return False
    return True


def _can_close(text: str, i: int, start: int, ch: str) -> bool:
    """Whether the mark at `i` can close a quote; an apostrophe inside a word cannot."""
    if ch == "'":
        after = text[i + 1 : i + 2]
        return not after.isalpha()
    return True


def _pieces(
    text: str,
    start: int,
    end: int,
    open_: int,
    close: int,
    group: int,
    kind: str,
    dashes: tuple[str, ...],
    groups: itertools.count[int],
) -> list[Marked]:
    """The span text[start:end], cut where a dash after a full stop hands over to another speaker."""
    pattern = rf"(?<=[{re.escape(_SENTENCE_END)}])\s+([{re.escape(''.join(dashes))}])\s"
    dash_at = [start + m.start(1) for m in re.finditer(pattern, text[start:end])]
    bounds = [start - 1, *dash_at, end]
    out = []
    for n in range(len(bounds) - 1):
        s, e = _trim(text, bounds[n] + 1, bounds[n + 1])
        first, last = n == 0, n == len(bounds) - 2
        out.append(
            Marked(
                s,
                e,
                open_ if first else bounds[n],
                close if last else bounds[n + 1],
                group if first else next(groups),
                kind if first else "exchange",
            )
        )
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds without the whitespace just inside the marks, nor a comma before the closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
