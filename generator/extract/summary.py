"""The summary of a story: two or three of its own sentences, chosen for what they say.

News puts the essentials first, so a short article's lead is its summary and a longer one's lead
weighs most; other sentences earn their place by naming the key actors and the words of the title
and lead. Sentences are copied verbatim, in reading order, never cut; a quotation belongs to its
speaker, so passages that are mostly quotation never enter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc

from ..langdata import fold
from ..models import Quote
from .actors import ActorTable
from .doctext import text_of

# About three sentences of news prose: the cap is never met by cutting a sentence.
MAX_CHARS = 600
MAX_PASSAGES = 3
# Up to this many passages, the article is short: its lead, in order, is the summary.
SHORT_ARTICLE = 3
# Shorter passages are headings, datelines or asides, not sentences that sum anything up.
MIN_CHARS = 40
# Weights of the evidence a passage is central; calibrated on the French Wikinews folders.
LEAD_BONUS = 3.0  # news puts the essentials in the first sentence
LEAD_PARAGRAPH = 0.5  # and the rest of them in the first paragraph
KEY_ACTOR = 1.0  # each key person or organisation named for the first time in the summary
KEY_PLACE = 0.5  # a key place: the setting, told once, matters less than who acts
KEY_ACTOR_AGAIN = 0.25  # a key actor the summary already names adds little
TITLE_WORD = 0.6  # each title word not yet in the summary: the title says what the news is
LEAD_WORD = 0.2  # each word shared with the lead: the same event, told further
SEEN_WORD = 0.1  # a word the summary already holds
QUOTED = 1.0  # times the share of quotation: a summary narrates, quotes belong to their speakers
POSITION = 0.15  # per passage down the article: later paragraphs drift to detail and background
# Words compared by their first letters, folded, so "transfère" meets "transfert".
STEM = 5
_LINE = re.compile(r"\S(?:[^\n]*\S)?")


@dataclass(frozen=True)
class _Passage:
    """One or more sentences (joined where a quote spans them), with what they mention."""

    start: int
    end: int
    text: str
    index: int
    actors: frozenset[str]  # key people and organisations named
    places: frozenset[str]  # key places named
    words: frozenset[str]  # stems of content words
    quoted: float  # share of the passage inside quotes
    in_lead: bool  # in the article's first paragraph


def summarize(doc: Doc, quotes: list[Quote], text: str, actors: ActorTable, title: str = "") -> str:
    """Two or three sentences of `text` (parsed as `doc`) that carry the story, in reading order.

    `actors` is the ranked table (its key actors make a sentence central); `title` gives the
    words the story is about. A short article keeps its lead.
    """
    found = _candidates(doc, quotes, text, actors)
    if not found:
        return ""
    chosen = found if len(found) <= SHORT_ARTICLE else _choose(found, _stems(title, doc))
    out: list[str] = []
    size = 0
    for p in sorted(chosen, key=lambda p: p.start):
        if out and size + len(p.text) > MAX_CHARS:
            break
        out.append(p.text)
        size += len(p.text) + 1
    return " ".join(out)


def passages(doc: Doc, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentence offsets, with sentences joined where a quote (marks included) spans the gap.

    The parser's sentences are mended first: one run across a line break ("… AXA.\\n\\nFebelfin
    a …") is two, and a piece cut off in mid-sentence on one line (after words with no closing
    punctuation, or before a lowercase word: "… ; il s'agit de …") is joined back.
    """
    # Marks and the space inside them lie within two characters of the quote's text.
    inside = [(q.start - 2, q.end + 2) for q in quotes]
    text = text_of(doc)
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        for start, end in _lines(text, sent.start_char, sent.end_char):
            if out and (any(s < start < e for s, e in inside) or _cut(text, out[-1][1], start)):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of text[start:end], by offsets, without their surrounding white space."""
    return [m.span() for m in _LINE.finditer(text, start, end)]


def _cut(text: str, end: int, start: int) -> bool:
    """True when a piece ending at `end` and the next starting at `start` are one sentence cut in two."""
    if start == end:  # no space between: the parser cut inside a word ("Royaume-" | "Uni")
        return True
    if "\n" in text[end:start]:
        return False
    last, first = text[end - 1], text[start]
    return not unicodedata.category(last).startswith("P") or first.islower()


def mostly_quoted(start: int, end: int, quotes: list[Quote]) -> bool:
    """True when more than half of text[start:end] is quotation: the passage is someone's words."""
    quoted = sum(min(q.end, end) - max(q.start, start) for q in quotes if q.start < end and start < q.end)
    return quoted > (end - start) / 2


def _candidates(doc: Doc, quotes: list[Quote], text: str, actors: ActorTable) -> list[_Passage]:
    """The passages a summary may quote, with the key actors and content words of each."""
    keys = [a for a in actors.actors if a.key]
    out: list[_Passage] = []
    for start, end in passages(doc, quotes):
        passage = " ".join(text[start:end].split())
        if not _sentence(passage) or mostly_quoted(start, end, quotes):
            continue
        named = {a.id: a.type for a in keys if any(s.start < end and start < s.end for s in a.spans)}
        span = doc.char_span(start, end, alignment_mode="expand")
        words = frozenset(_stem(t.text) for t in span or () if _content(t.text, t.is_stop))
        quoted = sum(min(q.end, end) - max(q.start, start) for q in quotes if q.start < end and start < q.end)
        in_lead = not out or (out[0].in_lead and "\n" not in text[out[0].start : start])
        out.append(
            _Passage(
                start,
                end,
                passage,
                len(out),
                frozenset(k for k, t in named.items() if t != "place"),
                frozenset(k for k, t in named.items() if t == "place"),
                words,
                quoted / (end - start),
                in_lead,
            )
        )
    return out


def _choose(found: list[_Passage], title: frozenset[str]) -> list[_Passage]:
    """The best passages one by one, each scored against what the summary already says."""
    lead = found[0]
    pool = [p for p in found if MIN_CHARS <= len(p.text) <= MAX_CHARS or p is lead]
    chosen: list[_Passage] = []
    size = 0
    while pool and len(chosen) < MAX_PASSAGES:
        best = max(pool, key=lambda p: _score(p, lead, title, chosen))
        pool.remove(best)
        if size + len(best.text) <= MAX_CHARS:
            chosen.append(best)
            size += len(best.text) + 1
    return chosen


def _score(p: _Passage, lead: _Passage, title: frozenset[str], chosen: list[_Passage]) -> float:
    """How much `p` would add to a summary already holding `chosen`: named evidence, weighed above."""
    named = frozenset().union(*(c.actors | c.places for c in chosen))
    said = frozenset().union(*(c.words for c in chosen))
    fresh = p.words - said
    return (
        LEAD_BONUS * (p is lead)
        + LEAD_PARAGRAPH * p.in_lead
        + KEY_ACTOR * len(p.actors - named)
        + KEY_PLACE * len(p.places - named)
        + KEY_ACTOR_AGAIN * len((p.actors | p.places) & named)
        + TITLE_WORD * len(fresh & title)
        + SEEN_WORD * len(p.words & said & title)
        + (LEAD_WORD * len(fresh & lead.words) if p is not lead else 0.0)
        - QUOTED * p.quoted
        - POSITION * p.index
    )


def _sentence(passage: str) -> bool:
    """A whole sentence: it opens on a capital (or a quote mark before one) and closes on punctuation,
    unlike a heading, a caption or a piece the parser cut."""
    first = next((c for c in passage if c.isalnum()), "")
    return (first.isupper() or first.isdigit()) and unicodedata.category(passage[-1]).startswith("P")


def _stems(title: str, doc: Doc) -> frozenset[str]:
    """Content words of the title, compared as stems (the title is not parsed: the vocabulary's
    stop-word flags tell function words)."""
    return frozenset(_stem(w) for w in re.findall(r"\w+", title) if _content(w, doc.vocab[w.lower()].is_stop))


def _content(word: str, is_stop: bool) -> bool:
    """A word that says what the story is about: not a function word, a digit run or a letter."""
    return not is_stop and len(word) > 2 and not word.isdigit() and any(c.isalpha() for c in word)


def _stem(word: str) -> str:
    """The folded first letters of a word."""
    return fold(word)[:STEM]
