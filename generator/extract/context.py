"""Context of a story: a short summary, dates, events, places and the sources it cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from ..langdata import LangData, fold
from ..models import Article, Context, Quote
from .actors import ActorTable
from .background import find_background
from .dates import find_dates
from .events import find_events


def extract_context(
    doc: Doc, lang: LangData, actors: ActorTable, quotes: Sequence[Quote] = (), article: Article | None = None
) -> Context:
    """Dates written in the text and the events they date, passages about earlier events, the
    places that matter, and the sources cited. Dates resolve against `article`'s date, else its file's (None: no values)."""
    reference_date, reference = reference_of(article)
    day = _day(reference_date)
    original = article.text if article is not None else None
    dates = find_dates(doc, lang, day, original)
    return Context(
        dates=tuple(dates),
        places=tuple(a.name for a in sorted(actors.actors, key=lambda a: -a.mentions) if a.type == "place"),
        sources=tuple(_sources(doc, lang, actors)),
        events=tuple(find_events(doc, dates, actors, quotes, lang, original)),
        background=tuple(find_background(doc, lang, list(quotes), original)),
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
