"""Make the brief of one article from its parsed text: the stage between analysis and publishing."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Doc

from .extract.actors import extract_actors, rank_actors
from .extract.context import extract_context
from .extract.doctext import text_of
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
    statements = _verbatim(statements, article.text, text_of(doc))
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
        author=article.author,
        tags=article.tags,
        actors=table.actors,
        quotes=tuple(quotes),
        statements=tuple(statements),
        context=extract_context(doc, lang, table, quotes, article),
    )


def _verbatim(items: Sequence[_T], text: str, parsed: str | None = None) -> list[_T]:
    """The same items with their text taken from the original article at their offsets; with
    `parsed` (the normalised text, same offsets), their speaker description too, from its
    occurrence nearest to them."""
    out = []
    for item in items:
        item = dataclasses.replace(item, text=text[item.start : item.end])
        if parsed is not None and item.speaker_desc:
            found = [
                i
                for i in (parsed.rfind(item.speaker_desc, 0, item.start), parsed.find(item.speaker_desc, item.end))
                if i >= 0
            ]
            if found:
                at = min(found, key=lambda i: abs(i - item.start))
                item = dataclasses.replace(item, speaker_desc=text[at : at + len(item.speaker_desc)])
        out.append(item)
    return out
