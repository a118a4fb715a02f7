"""Make the brief of one article from its parsed text: the stage between analysis and publishing."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Doc

from .extract.actors import extract_actors, rank_actors
from .extract.context import extract_context
from .extract.quotes import extract_quotes
from .extract.summary import summarize
from .langdata import LangData
from .models import Article, Brief, Quote, Statement

_T = TypeVar("_T", Quote, Statement)


def make_brief(article: Article, doc: Doc, lang: LangData) -> Brief:
    """Run every extractor on `doc` (the parse of `article.text`) and assemble the brief."""
    table = extract_actors(doc, lang, article.title)
    quotes, statements = extract_quotes(doc, lang, table)
    # The parser saw normalised text (same offsets): quote the original characters.
    quotes = _verbatim(quotes, article.text)
    statements = _verbatim(statements, article.text)
    lead_end = next(iter(doc.sents)).end_char if len(doc) else 0
    quoted = {q.speaker for q in quotes if q.speaker}
    table = rank_actors(table, quoted, article.title, lead_end)
    return Brief(
        id=article.id,
        title=article.title,
        lang=article.lang,
        path=article.path,
        text=article.text,
        summary=summarize(doc, quotes, article.text, table, article.title),
        date=article.date,
        source=article.source,
        url=article.url,
        license=article.license,
        tags=article.tags,
        actors=table.actors,
        quotes=tuple(quotes),
        statements=tuple(statements),
        context=extract_context(doc, lang, table, quotes, article),
    )


def _verbatim(items: Sequence[_T], text: str) -> list[_T]:
    """The same items with their text taken from the original article at their offsets."""
    return [dataclasses.replace(item, text=text[item.start : item.end]) for item in items]
