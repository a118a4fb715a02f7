"""Context of a story: a short summary, dates, places and the sources it cites."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..langdata import LangData, fold
from ..models import Context, DateMention, Quote
from .actors import ActorTable
from .doctext import text_of

_SUMMARY_CHARS = 420


def extract_context(doc: Doc, lang: LangData, actors: ActorTable) -> Context:
    """Dates written in the text, the places that matter, and the sources cited."""
    return Context(
        dates=tuple(_dates(text_of(doc), lang)),
        places=tuple(a.name for a in sorted(actors.actors, key=lambda a: -a.mentions) if a.type == "place"),
        sources=tuple(_sources(doc, lang, actors)),
    )


def summarize(doc: Doc, quotes: list[Quote], text: str) -> str:
    """The lead of `text` (parsed as `doc`): the first sentences up to a few hundred characters.

    News articles put the essentials first, so the lead is an honest summary. Sentences are
    first joined wherever a quote runs across their boundary (the parser splits inside quotes),
    then passages that are mostly quotation are skipped: a quote belongs to its speaker.
    """
    out: list[str] = []
    size = 0
    for start, end in _passages(doc, quotes):
        passage = " ".join(text[start:end].split())
        if not passage:
            continue
        quoted = sum(min(q.end, end) - max(q.start, start) for q in quotes if q.start < end and start < q.end)
        if quoted > len(passage) / 2:
            continue
        if out and size + len(passage) > _SUMMARY_CHARS:
            break
        out.append(passage)
        size += len(passage) + 1
        if size >= _SUMMARY_CHARS:
            break
    return " ".join(out)


def _passages(doc: Doc, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentence offsets, with sentences joined where a quote (marks included) spans the gap."""
    # Marks and the space inside them lie within two characters of the quote's text.
    inside = [(q.start - 2, q.end + 2) for q in quotes]
    passages: list[tuple[int, int]] = []
    for sent in doc.sents:
        if passages and any(s < sent.start_char < e for s, e in inside):
            passages[-1] = (passages[-1][0], sent.end_char)
        else:
            passages.append((sent.start_char, sent.end_char))
    return passages


def _dates(text: str, lang: LangData) -> list[DateMention]:
    """Dates like "28 juillet", "le 3 mars 2024", "July 28, 2024", "2024-07-28"."""
    months = "|".join(re.escape(m) for m in lang.months)
    days = "|".join(re.escape(d) for d in lang.weekdays)
    patterns = [
        rf"\b(?:(?:{days})\s+)?\d{{1,2}}(?:er)?\s+(?:{months})(?:\s+\d{{4}})?\b",
        rf"\b(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
        rf"\b(?:{months})\s+\d{{4}}\b",
        r"\b\d{4}-\d{2}-\d{2}\b",
    ]
    found: list[DateMention] = []
    for pattern in patterns:
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if any(d.start <= m.start() < d.end for d in found):
                continue
            found.append(DateMention(m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _sources(doc: Doc, lang: LangData, actors: ActorTable) -> list[str]:
    """Actors the article cites as a source of information ("selon le Wall Street Journal")."""
    out: list[str] = []
    for tok in doc:
        if fold(tok.text) not in lang.attribution_preps:
            continue
        window = doc[tok.i + 1 : min(len(doc), tok.i + 8)]
        actor = actors.at(window.start_char, window.end_char)
        if actor is not None and actor.type == "organization" and actor.name not in out:
            out.append(actor.name)
    return out
