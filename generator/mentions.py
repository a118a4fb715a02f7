"""Quotes that name an actor: words of someone else, in any brief, whose text names the actor
by its name or one of its aliases ("Paul Martin ne nous écoute pas" names Paul Martin).

Names are compared folded and as whole words. A name shared by several actors says nobody in
particular and is not looked for; nor is a name shorter than `MIN_NAME`. One pass over the
quotes, looking up each run of words in a table of names: linear in the corpus.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .annotate import quote_anchors
from .corpus import Corpus
from .langdata import fold

_WORD = re.compile(r"\w+")
# Shorter names ("UE", "PS") are too often something else inside a quote.
MIN_NAME = 3
# The longest name looked for, in words.
MAX_WORDS = 6


@dataclass(frozen=True)
class NamedIn:
    """A quote naming an actor: which brief, the quote's index in `brief.quotes`, and where it is
    marked in the brief's source text (`source-quote-N`), if it is."""

    brief_id: str
    index: int
    anchor: str | None = None


def _key(text: str) -> tuple[str, ...]:
    """The folded words of a name or a text."""
    return tuple(_WORD.findall(fold(text)))


def quotes_naming(corpus: Corpus, per_actor: int) -> dict[str, tuple[NamedIn, ...]]:
    """For each corpus actor id, the quotes of other speakers that name it, newest brief first,
    at most `per_actor` each."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for actor in corpus.actors:
        for name in (actor.name, *actor.aliases):
            key = _key(name)
            if key and len(key) <= MAX_WORDS and len(" ".join(key)) >= MIN_NAME:
                owners[key].add(actor.id)
    names = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
    out: dict[str, list[NamedIn]] = defaultdict(list)
    for brief in corpus.briefs:
        anchors = quote_anchors(brief)
        for i, quote in enumerate(brief.quotes):
            speaker = corpus.page_of(brief.id, quote.speaker)
            words = _key(quote.text)
            found = {
                names[run]
                for n in range(1, MAX_WORDS + 1)
                for start in range(len(words) - n + 1)
                if (run := words[start : start + n]) in names
            }
            for actor_id in sorted(found - {speaker}):
                if len(out[actor_id]) < per_actor:
                    out[actor_id].append(NamedIn(brief.id, i, anchors.get(i)))
    return {k: tuple(v) for k, v in out.items()}
