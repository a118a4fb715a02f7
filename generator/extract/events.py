"""Dated events of a story: the clause each resolved date places in time, with its actors.

A date inside a direct quotation dates someone's words, not the story as told: it makes no
event (the quote already carries it, with its speaker).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..langdata import LangData, fold
from ..models import DateMention, Event, Quote
from .actors import ActorTable
from .dates import governing_verb
from .doctext import text_of

# Words trimmed off the edges of a clause: punctuation, blanks, and conjunctions left dangling.
_EDGE_POS = ("PUNCT", "CCONJ", "SCONJ", "SPACE")


def find_events(
    doc: Doc,
    dates: Sequence[DateMention],
    actors: ActorTable,
    quotes: Sequence[Quote],
    lang: LangData,
    text: str | None = None,
) -> list[Event]:
    """One event per clause that a resolved date outside quotations dates, in date then text order.
    `text` is the original of `doc.text` (same offsets), quoted verbatim."""
    text = text if text is not None else text_of(doc)
    events: dict[tuple[int, int], Event] = {}
    for date in dates:
        if date.value is None or any(q.start <= date.start < q.end for q in quotes):
            continue
        bounds = _clause(doc, date, lang)
        if bounds is None or bounds in events:
            continue
        start, end = _outside_quotes(bounds, date, quotes, text)
        if end <= start:
            continue
        ids = tuple(dict.fromkeys(m.actor_id for m in actors.mentions if m.start < end and start < m.end))
        events[bounds] = Event(text[start:end], start, end, date.value, date.text, ids)
    return sorted(events.values(), key=lambda e: (e.date, e.start))


def _outside_quotes(bounds: tuple[int, int], date: DateMention, quotes: Sequence[Quote], text: str) -> tuple[int, int]:
    """The clause cut at the quotes around the date (the parser's sentences run across quote
    ends), without the marks and punctuation left at its edges."""
    start, end = bounds
    for q in quotes:
        if start < q.end <= date.start:
            start = q.end
        if date.end <= q.start < end:
            end = q.start
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")]"):
        end -= 1
    return start, end


def _clause(doc: Doc, date: DateMention, lang: LangData) -> tuple[int, int] | None:
    """Offsets of the clause the date attaches to: its verb's subtree without the clauses joined
    to it, within the sentence, trimmed; the whole sentence when no verb governs the date."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span.sent
    verb = governing_verb(doc, date.start, date.end)
    root = span.root
    genitive = any(fold(c.text) in lang.genitive_preps for c in root.children if c.i < root.i)
    if (
        genitive
        and root.dep_ in lang.deps.get("complement", ())
        and root.head.pos_ == "NOUN"
        and root.head.i != span.start
    ):
        # "les élections présidentielles du 28 juillet": the date dates the noun's event, not the
        # clause around it ("la crise qui s'est ouverte à la suite des élections …"); not
        # "par rapport à l'an dernier", a point of comparison.
        case = lang.deps.get("case_marker", ())
        return _trimmed(
            [
                t
                for t in root.head.subtree
                if sent.start <= t.i < sent.end and not (t.dep_ in case and t.head.i == root.head.i)
            ],
            span,
        )
    if verb is None:
        words = list(sent)
    else:
        joined = [
            c
            for c in verb.children
            if c.dep_ in lang.deps.get("conjunct", ())
            and c.pos_ in ("VERB", "AUX")
            and not (c.left_edge.i <= span.start and span.end - 1 <= c.right_edge.i)
        ]
        cut = {t.i for c in joined for t in c.subtree}
        words = [t for t in verb.subtree if t.i not in cut and sent.start <= t.i < sent.end]
    return _trimmed(words, span)


def _trimmed(words: list[Token], date: Span) -> tuple[int, int] | None:
    """The stretch from the first to the last word, without punctuation or conjunctions at its edges."""
    if not words:
        return None
    first, last = min(w.i for w in words), max(w.i for w in words)
    doc = date.doc
    while first < last and (doc[first].pos_ in _EDGE_POS or doc[first].is_space) and first < date.start:
        first += 1
    while last > first and (doc[last].pos_ in _EDGE_POS or doc[last].is_space) and last >= date.end:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last])
