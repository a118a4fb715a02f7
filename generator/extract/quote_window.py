"""The text around one quote: the tokens of its clause before and after it, the sentence
before it, the words the parse hangs it on, and "selon X" read in a window.

`QuoteWindow` is the base of every attribution strategy (`incises.py`, `introductions.py`,
`continuations.py`) and of the filter that tells quotes from titles (`quote_filter.py`): they
read the document through it and never call one another; `quotes.py` orders them.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from .actors import ActorTable
from .docindex import DocIndex
from .doctext import text_of
from .quote_marks import Marked
from .speakers import NOBODY, Speaker, SpeakerFinder

MIN_WORDS = 4  # shorter quoted words are terms or titles unless a speech verb introduces them
SENTENCE_END = {".", "!", "?", "…", "..."}
WINDOW = 40  # tokens looked at on each side of a quote
LINE_END = {"?", "!", "…", "..."}  # a dialogue line ending so can still take an incise
INCISE_REACH = 8  # tokens between a closing mark and the verb of "», a-t-il déclaré"

# A dialogue whose introduction names too many people to tell who says which line.
UNTOLD = Speaker(None, None, 0.0)


@dataclass(frozen=True)
class Found:
    """A candidate quote and its speaker, before the last checks."""

    mark: Marked
    speaker: Speaker
    # How the speaker was found: "incise", "before", "inherited", "context" or "none".
    how: str


class QuoteWindow:
    """One document's tokens, quoted spans and speaker finder, indexed for local look-ups."""

    def __init__(self, doc: Doc, lang: LangData, actors: ActorTable, marks: list[Marked]) -> None:
        self.doc, self.lang, self.text = doc, lang, text_of(doc)
        self.index = DocIndex(doc, lang, actors, [(m.open, m.close) for m in marks])
        self.finder = SpeakerFinder(self.index)
        self.long_marks = [m for m in marks if words(self.text[m.start : m.end]) >= MIN_WORDS]
        self.short_marks = [m for m in marks if words(self.text[m.start : m.end]) < MIN_WORDS]
        # Windows stop at the quotes that may be someone's words, not at scare quotes.
        self._bounds = sorted((m.open, m.close) for m in self.long_marks)
        self._bound_starts = [b[0] for b in self._bounds]

    def token_at(self, offset: int) -> int:
        return self.index.token_at(offset)

    def token_from(self, offset: int) -> int:
        return self.index.token_from(offset)

    def _para_start(self, offset: int) -> int:
        return self.index.para_start(offset)

    def _para_end(self, offset: int) -> int:
        return self.index.para_end(offset)

    def before(self, mark: Marked) -> list[Token]:
        """Tokens of the clause before a quote: back to a sentence end, another quote or the paragraph."""
        k = bisect.bisect_left(self._bound_starts, mark.open) - 1
        limit = max(self._para_start(mark.open), self._bounds[k][1] if k >= 0 else 0)
        out: list[Token] = []
        i = self.token_at(mark.open) - 1
        while i >= 0 and len(out) < WINDOW:
            tok = self.doc[i]
            if tok.idx < limit or tok.text in SENTENCE_END and not self.finder.in_quote(tok.idx):
                break
            out.append(tok)
            i -= 1
        return out[::-1]

    def after(self, mark: Marked) -> list[Token]:
        """Tokens after a quote: up to a sentence end, the next quote or the paragraph end."""
        k = bisect.bisect_right(self._bound_starts, mark.open)
        limit = min(self._para_end(mark.close), self._bounds[k][0] if k < len(self._bounds) else len(self.text))
        out: list[Token] = []
        i = self.token_from(mark.close)
        while i < len(self.doc) and len(out) < WINDOW:
            tok = self.doc[i]
            if tok.idx >= limit or tok.text in SENTENCE_END and not self.finder.in_quote(tok.idx):
                break
            out.append(tok)
            i += 1
        return out

    def _governors(self, mark: Marked) -> list[Token]:
        """The words outside a quote that the parse hangs its words on (its marks and
        punctuation left aside): the verb that introduces it, or a word it completes."""
        first, last = self.token_from(mark.start), self.token_at(max(mark.start, mark.end - 1))
        return [
            t.head
            for t in self.doc[first : last + 1]
            if not t.is_punct and not t.is_space and not first <= t.head.i <= last and not t.head.is_punct
        ]

    def sentence_before(self, offset: int) -> list[Token]:
        """Tokens of the sentence ending before `offset`, in this paragraph or the one before."""
        i = self.token_at(offset) - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space) and not self.finder.in_quote(self.doc[i].idx):
            i -= 1
        if i < 0 or self.text.count("\n", self.doc[i].idx, offset) > 2:
            return []
        out: list[Token] = []
        while i >= 0 and len(out) < 2 * WINDOW:
            tok = self.doc[i]
            if "\n" in tok.text or "\n" in tok.whitespace_ and out:
                break
            if self._ends_sentence(tok):
                break
            out.append(tok)
            i -= 1
        return out[::-1]

    def _ends_sentence(self, tok: Token) -> bool:
        """A full stop (or "?", "!") outside quotes that ends a sentence, not the one of an
        abbreviation inside a phrase ("Sen. X (Vt.), who …")."""
        if tok.text not in SENTENCE_END or self.finder.in_quote(tok.idx):
            return False
        nxt = next((t for t in self.doc[tok.i + 1 : tok.i + 3] if not t.is_space), None)
        return nxt is None or not (nxt.text in (")", ",") or nxt.text[:1].islower())

    def _preposition(self, window: list[Token], reach: int = WINDOW, weak: bool = True) -> Speaker:
        """The actor after an attribution preposition opening a clause ("selon X", "according to X")
        within the first `reach` tokens of the window; with `weak` False, only the prepositions
        that always attribute ("selon", not "pour")."""
        text = self.text
        preps = [p for p in self.lang.attribution_preps if weak or p not in self.lang.weak_attribution_preps]
        for n, tok in enumerate(window[:reach]):
            if n and not (window[n - 1].is_punct or window[n - 1].pos_ == "CCONJ"):
                continue  # "selon" opening a clause, not "pour" in "pour « sécuriser … »"
            for prep in preps:
                if (
                    fold(text[tok.idx : tok.idx + len(prep)]) != prep
                    or prep[-1].isalpha()
                    and text[tok.idx + len(prep) :][:1].isalpha()
                ):
                    continue
                rest = [t for t in window[n + 1 :] if t.idx >= tok.idx + len(prep) and not self.finder.in_quote(t.idx)]
                head = head_within(rest)
                if head is None:
                    continue
                actor = self.finder.actor_of(head)
                cue = text[tok.idx : tok.idx + len(prep)].lower()
                if actor is not None:
                    return Speaker(actor, cue, 0.85, tok.i)
                if any(t.pos_ in ("NOUN", "PROPN") for t in itertools.takewhile(lambda t: not t.is_punct, rest)):
                    # A source we cannot name ("selon l'un de ses conseillers"): not anyone else.
                    return Speaker(None, cue, 0.3, tok.i)
        return NOBODY


def words(text: str) -> int:
    return len(text.split())


def head_within(tokens: list[Token]) -> Token | None:
    """The token of a run whose head lies outside the run: the head of a noun phrase."""
    run = list(itertools.takewhile(lambda t: not t.is_punct, tokens))
    if not run:
        return None
    lo, hi = run[0].i, run[-1].i
    for tok in run:
        if not lo <= tok.head.i <= hi or tok.head.i == tok.i:
            return tok
    return None
