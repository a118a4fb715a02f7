"""Direct quotes and reported statements, with their speakers.

Spans come from the quote marks alone (`quote_marks.py`); the parse then tells which spans are
someone's words rather than titles or scare quotes, and who said them (`speakers.py`). Every
look at the parse stays within a few tokens of one quote, so extraction costs little next to
parsing.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from ..models import Quote, Statement
from .actors import ActorTable
from .quote_marks import Marked, find_quote_spans
from .speakers import NOBODY, Speaker, SpeakerFinder
from .statements import find_statements
from .doctext import text_of

MIN_WORDS = 4  # shorter quoted words are terms or titles unless a speech verb introduces them
_SENTENCE_END = {".", "!", "?", "…", "..."}
_WINDOW = 40  # tokens looked at on each side of a quote
_INCISE_REACH = 8  # tokens between a closing mark and the verb of "», a-t-il déclaré"


@dataclass(frozen=True)
class _Found:
    """A candidate quote and its speaker, before the last checks."""

    mark: Marked
    speaker: Speaker
    # How the speaker was found: "incise", "before", "inherited", "context" or "none".
    how: str


def extract_quotes(doc: Doc, lang: LangData, actors: ActorTable) -> tuple[list[Quote], list[Statement]]:
    """Direct quotes (outer marks removed, offsets into the text) and indirect statements."""
    marks = find_quote_spans(text_of(doc), lang)
    ctx = _Context(doc, lang, actors, marks)
    found: list[_Found] = []
    for mark in ctx.long_marks + ctx.short_marks:
        mark, speaker, how = ctx.attribute(mark, found)
        if ctx.keep(mark, speaker, how):
            found.append(_Found(mark, speaker, how))
            found.sort(key=lambda f: f.mark.start)
    found = _share_within_groups(found)
    quotes = [
        Quote(text=text_of(doc)[f.mark.start:f.mark.end], start=f.mark.start, end=f.mark.end,
              speaker=f.speaker.actor.id if f.speaker.actor else None,
              speaker_name=f.speaker.actor.name if f.speaker.actor else None,
              cue=f.speaker.cue, confidence=round(f.speaker.confidence if f.speaker.actor else 0.5, 2))
        for f in found
    ]
    return quotes, find_statements(doc, lang, ctx.finder)


class _Context:
    """One document's tokens, quoted spans and speaker finder, indexed for local look-ups."""

    def __init__(self, doc: Doc, lang: LangData, actors: ActorTable, marks: list[Marked]) -> None:
        self.doc, self.lang, self.text = doc, lang, text_of(doc)
        self.starts = [t.idx for t in doc]
        self.finder = SpeakerFinder(doc, lang, actors, [(m.open, m.close) for m in marks])
        self.long_marks = [m for m in marks if _words(self.text[m.start:m.end]) >= MIN_WORDS]
        self.short_marks = [m for m in marks if _words(self.text[m.start:m.end]) < MIN_WORDS]
        # Windows stop at the quotes that may be someone's words, not at scare quotes.
        self._bounds = sorted((m.open, m.close) for m in self.long_marks)
        self._bound_starts = [b[0] for b in self._bounds]

    # -- token geometry ---------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        """Index of the token starting at or before a character offset."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def token_from(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect.bisect_left(self.starts, offset)

    def _para_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def _para_end(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end

    def before(self, mark: Marked) -> list[Token]:
        """Tokens of the clause before a quote: back to a sentence end, another quote or the paragraph."""
        k = bisect.bisect_left(self._bound_starts, mark.open) - 1
        limit = max(self._para_start(mark.open), self._bounds[k][1] if k >= 0 else 0)
        out: list[Token] = []
        i = self.token_at(mark.open) - 1
        while i >= 0 and len(out) < _WINDOW:
            tok = self.doc[i]
            if tok.idx < limit or tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx):
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
        while i < len(self.doc) and len(out) < _WINDOW:
            tok = self.doc[i]
            if tok.idx >= limit or tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx):
                break
            out.append(tok)
            i += 1
        return out

    def sentence_before(self, offset: int) -> list[Token]:
        """Tokens of the sentence ending before `offset`, in this paragraph or the one before."""
        i = self.token_at(offset) - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space) and not self.finder.in_quote(self.doc[i].idx):
            i -= 1
        if i < 0 or self.text.count("\n", self.doc[i].idx, offset) > 2:
            return []
        out: list[Token] = []
        while i >= 0 and len(out) < 2 * _WINDOW:
            tok = self.doc[i]
            if "\n" in tok.text or "\n" in tok.whitespace_ and out:
                break
            if tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx):
                break
            out.append(tok)
            i -= 1
        return out[::-1]

    # -- attribution ------------------------------------------------------------------------

    def attribute(self, mark: Marked, found: list[_Found]) -> tuple[Marked, Speaker, str]:
        """The speaker of one quote, from the closest evidence outward."""
        if mark.kind != "pair":
            mark, speaker = self._dash_line(mark)
            if speaker is not NOBODY:
                return mark, speaker, "incise"
        after = self.after(mark)
        speaker = self._incise(mark, after)
        if speaker is not NOBODY:
            return mark, speaker, "incise"
        previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
        before = self.before(mark)
        if previous and previous.how == "incise" and before and previous.speaker.cue_token >= before[0].i:
            return mark, previous.speaker, "inherited"  # « … », a-t-il dit, « … »
        speaker = self._introduction(before)
        if speaker is not NOBODY:
            return mark, speaker, "before"
        same_paragraph = previous is not None and previous.speaker.actor is not None and \
            self._para_start(previous.mark.open) == self._para_start(mark.open)
        if any(t.is_alpha for t in before) or mark.kind == "exchange":
            speaker = self._sentence_subject(before)
            if speaker.actor or mark.kind == "exchange":
                return mark, speaker, "context" if speaker.actor else "none"
        else:
            # A stand-alone quote: its speaker was named just before.
            speaker = self._stand_alone(mark, previous)
            if speaker.actor:
                return mark, speaker, "inherited"
        if same_paragraph and previous is not None:
            # Words quoted again in the paragraph of someone's quote, with no other source.
            return mark, dataclasses.replace(previous.speaker, confidence=0.45), "inherited"
        return mark, NOBODY, "none"

    def _stand_alone(self, mark: Marked, previous: _Found | None) -> Speaker:
        """The speaker of a quote standing alone: that of a quote in the sentence before, else
        the subject of that sentence ("La porte-parole a nuancé les chiffres. « … »")."""
        prior = self.sentence_before(mark.open)
        if previous and (not prior or previous.mark.close > prior[0].idx):
            return dataclasses.replace(previous.speaker, confidence=previous.speaker.confidence - 0.1)
        subject = next((t for t in prior if t.dep_ in self.lang.speaker_deps
                        and not self.finder.in_quote(t.idx)), None)
        actor = self.finder.actor_of(subject) if subject is not None else None
        return Speaker(actor, None, 0.55) if actor else NOBODY

    def _incise(self, mark: Marked, after: list[Token]) -> Speaker:
        """The attribution right after a quote: "», a-t-il déclaré", '," said Smith', ", selon X"."""
        if not after:
            return NOBODY
        inner = self.text[mark.start:mark.end].rstrip()
        first = after[0]
        if first.text[:1].isupper() and inner[-1:] in ".…" and not first.is_punct:
            return NOBODY  # the quote ended its sentence; a new one starts
        finder = self.finder
        for tok in after[:_INCISE_REACH]:
            if tok.pos_ in ("VERB", "AUX") and finder.inverted_subject(tok):
                verb = tok.head if tok.dep_.startswith("aux") else tok
                return finder.verb_speaker(verb, 0.85)
            if finder.is_speech_verb(tok):
                # An incise has a subject of its own; '", and told the police' goes on the
                # sentence before the quote instead.
                speaker = finder.verb_speaker(tok, 0.9, own=True)
                if speaker is not NOBODY:
                    return speaker
                break
        return self._preposition(after)

    def _introduction(self, before: list[Token]) -> Speaker:
        """The attribution before a quote: a colon, a speech verb, or "selon X"."""
        if not before:
            return NOBODY
        finder = self.finder
        words = [t for t in before if not t.is_space]
        if words and words[-1].text == ":":
            colon = words[-1]
            verb = colon.head if colon.head.pos_ in ("VERB", "AUX") and colon.head.i < colon.i else None
            verb = verb or next((t for t in reversed(words) if t.pos_ == "VERB"), None)
            if verb is not None:
                return finder.verb_speaker(verb, 0.85 if finder.is_speech_verb(verb) else 0.75)
        verb = next((t for t in reversed(before) if finder.is_speech_verb(t) and t.dep_ != "amod"), None)
        if verb is not None:
            return finder.verb_speaker(verb, 0.85)
        return self._preposition(before)

    def _preposition(self, window: list[Token]) -> Speaker:
        """The actor after an attribution preposition opening a clause ("selon X", "according to X")."""
        text = self.text
        for n, tok in enumerate(window):
            if n and not (window[n - 1].is_punct or window[n - 1].pos_ == "CCONJ"):
                continue  # "selon" opening a clause, not "pour" in "pour « sécuriser … »"
            for prep in self.lang.attribution_preps:
                if fold(text[tok.idx:tok.idx + len(prep)]) != prep or text[tok.idx + len(prep):][:1].isalpha():
                    continue
                rest = [t for t in window[n + 1:] if t.idx >= tok.idx + len(prep) and not self.finder.in_quote(t.idx)]
                head = _head_within(rest)
                if head is None:
                    continue
                actor = self.finder.actor_of(head)
                cue = text[tok.idx:tok.idx + len(prep)].lower()
                if actor is not None:
                    return Speaker(actor, cue, 0.85, tok.i)
                if head.pos_ in ("NOUN", "PROPN"):
                    return Speaker(None, cue, 0.3, tok.i)  # a source we cannot name: not anyone else
        return NOBODY

    def _sentence_subject(self, before: list[Token]) -> Speaker:
        """A named subject of the clause a quote is part of ("X est intervenu, trouvant le « … »")."""
        finder = self.finder
        subject = next((t for t in before if t.dep_ in self.lang.speaker_deps), None)
        if subject is not None:
            # A pronoun subject of a verb that does not speak is too weak a clue ("il limogea « … »").
            actor = None if finder.is_pronoun(subject) else finder.named_actor(subject)
            return Speaker(actor, None, 0.5) if actor else NOBODY
        verb = next((t for t in before if t.pos_ == "VERB"), None)
        actor = finder.positional_subject(verb) if verb is not None else None
        return Speaker(actor, None, 0.45) if actor else NOBODY

    def _dash_line(self, mark: Marked) -> tuple[Marked, Speaker]:
        """A dialogue line cut before its incise ("— Non, répond-il."), with the incise's speaker."""
        finder = self.finder
        first, last = self.token_from(mark.start), self.token_at(mark.end - 1)
        for i in range(first + 1, last + 1):
            if self.doc[i - 1].text != ",":
                continue
            for tok in self.doc[i:min(i + 3, last + 1)]:
                verb = None
                if tok.pos_ in ("VERB", "AUX") and finder.inverted_subject(tok):
                    verb = tok.head if tok.dep_.startswith("aux") else tok
                elif finder.is_speech_verb(tok) and tok.i == i:
                    verb = tok
                if verb is not None:
                    end = self.doc[i - 1].idx
                    while end > mark.start and self.text[end - 1].isspace():
                        end -= 1
                    return dataclasses.replace(mark, end=end), finder.verb_speaker(verb, 0.85)
        return mark, NOBODY

    # -- what counts as a quote -------------------------------------------------------------

    def keep(self, mark: Marked, speaker: Speaker, how: str) -> bool:
        """Whether the span is someone's words, not a title, a name or a scare-quoted term."""
        words = self.text[mark.start:mark.end].split()
        if not words or self._titled(mark):
            return False
        introduced = speaker.cue is not None and how in ("incise", "before")
        if len(words) < MIN_WORDS:
            # « Jamais ! », a-t-il lancé: a whole short utterance, introduced by a speech verb.
            inner = self.text[mark.start:mark.end]
            return introduced and (inner[:1].isupper() and inner.rstrip()[-1:] in ".!?…")
        if not introduced and _title_case(words):
            return False
        return True

    def _titled(self, mark: Marked) -> bool:
        """Whether the words right before the marks name a work, a show or a nickname."""
        i = self.token_at(mark.open) - 1
        prev = [self.doc[j] for j in range(i, max(i - 3, -1), -1) if not self.doc[j].is_space]
        prev = [t for t in prev if t.text != ","][:2]
        if not prev:
            return False
        cue = fold(prev[0].text)
        if cue in self.lang.title_cues or cue in self.lang.title_nouns:
            return True
        return len(prev) > 1 and prev[0].pos_ == "DET" and fold(prev[1].text) in self.lang.title_nouns


def _words(text: str) -> int:
    return len(text.split())


def _title_case(words: list[str]) -> bool:
    """Words capitalised like a title ("Better Idea of Afghan Girls"), not like a sentence."""
    if len(words) > 8 or any(w[-1:] in ".!?" for w in words):
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 3 and caps * 3 >= len(words) * 2


def _head_within(tokens: list[Token]) -> Token | None:
    """The token of a run whose head lies outside the run: the head of a noun phrase."""
    if not tokens:
        return None
    lo, hi = tokens[0].i, tokens[-1].i
    for tok in tokens:
        if tok.is_punct:
            break
        if not lo <= tok.head.i <= hi or tok.head.i == tok.i:
            return tok
    return None


def _share_within_groups(found: list[_Found]) -> list[_Found]:
    """Paragraphs of one multi-paragraph quote share the speaker found for any of them."""
    best: dict[int, Speaker] = {}
    for f in found:
        if f.speaker.actor and f.speaker.confidence > best.get(f.mark.group, NOBODY).confidence:
            best[f.mark.group] = f.speaker
    return [dataclasses.replace(f, speaker=best[f.mark.group])
            if f.speaker.actor is None and f.mark.group in best else f for f in found]
