"""Context of a story: a short summary, dates, events, places and the sources it cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from ..langdata import LangData, fold
from ..models import Article, Context, Quote
from .actors import ActorTable
from .dates import find_dates
from .events import find_events

_SUMMARY_CHARS = 420


def extract_context(doc: Doc, lang: LangData, actors: ActorTable, quotes: Sequence[Quote] = (),
                    article: Article | None = None) -> Context:
    """Dates written in the text and the events they date, the places that matter, and the
    sources cited. Dates resolve against `article`'s date, else its file's (None: no values)."""
    reference_date, reference = reference_of(article)
    day = _day(reference_date)
    original = article.text if article is not None else None
    dates = find_dates(doc, lang, day, original)
    return Context(
        dates=tuple(dates),
        places=tuple(a.name for a in sorted(actors.actors, key=lambda a: -a.mentions) if a.type == "place"),
        sources=tuple(_sources(doc, lang, actors)),
        events=tuple(find_events(doc, dates, actors, quotes, lang, original)),
        reference_date=reference_date,
        reference=reference,
    )


def reference_of(article: Article | None) -> tuple[str | None, str | None]:
    """The day relative dates resolve against, and where it comes from ("article" or "file")."""
    if article is not None and article.date:
        return article.date, "article"
    if article is not None and article.file_date:
        return article.file_date, "file"
    return None, None


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


def _day(iso: str | None) -> dt.date | None:
    """An ISO day as a date; None for none or for one that is no calendar day."""
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


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
