"""Direct quotes and reported statements, with their speakers.

Spans come from the quote marks alone (`quote_marks.py`); the parse then tells which spans are
someone's words rather than titles or scare quotes (`quote_filter.py`), and who said them: each
strategy reads the text around one quote (`incises.py` after it, `introductions.py` before it,
`continuations.py` from the story around it) and `attribute` asks them from the closest evidence
outward. Every look at the parse stays within a few tokens of one quote, so extraction costs
little next to parsing.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from ..langdata import LangData
from ..models import Quote, Statement
from .actors import ActorTable
from .continuations import Continuations
from .doctext import text_of
from .incises import Incises
from .introductions import Introductions
from .quote_filter import QuoteFilter
from .quote_marks import Marked, find_quote_spans
from .quote_window import UNTOLD, Found
from .speakers import NOBODY, Speaker
from .statements import ReportedSpeech


def extract_quotes(doc: Doc, lang: LangData, actors: ActorTable) -> tuple[list[Quote], list[Statement]]:
    """Direct quotes (outer marks removed, offsets into the text) and indirect statements."""
    marks = find_quote_spans(text_of(doc), lang)
    ctx = _Context(doc, lang, actors, marks)
    found: list[Found] = []
    for mark in ctx.long_marks + ctx.short_marks:
        mark, speaker, how = ctx.attribute(mark, found)
        if ctx.keep(mark, speaker, how):
            found.append(Found(mark, speaker, how))
            found.sort(key=lambda f: f.mark.start)
    found = share_within_groups(found)
    quotes = [
        Quote(
            text=text_of(doc)[f.mark.start : f.mark.end],
            start=f.mark.start,
            end=f.mark.end,
            speaker=f.speaker.actor.id if f.speaker.actor else None,
            speaker_name=f.speaker.actor.name if f.speaker.actor else None,
            cue=f.speaker.cue,
            confidence=round(f.speaker.confidence if f.speaker.actor else 0.5, 2),
        )
        for f in found
    ]
    return quotes, ctx.statements(quotes)


class _Context(Incises, Introductions, Continuations, QuoteFilter, ReportedSpeech):
    """Every strategy over one document; `attribute` decides their order."""

    def attribute(self, mark: Marked, found: list[Found]) -> tuple[Marked, Speaker, str]:
        """The speaker of one quote, from the closest evidence outward."""
        if mark.kind == "pair":
            turn = self._transcript_turn(mark, found)
            if turn is not None:
                return turn
        if mark.kind != "pair":
            mark, speaker = self._dash_line(mark)
            if speaker is not NOBODY:
                return mark, speaker, "incise"
            if mark.kind == "dash":
                speaker = self._dialogue_turn(mark)
                if speaker.actor:
                    return mark, speaker, "context"
                if speaker is UNTOLD:
                    return mark, NOBODY, "none"
        after = self.after(mark)
        speaker = self._incise(mark, after)
        if speaker is not NOBODY:
            return mark, speaker, "incise"
        previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
        before = self.before(mark)
        if (
            previous
            and previous.how == "incise"
            and before
            and previous.speaker.cue_token >= before[0].i
            and not self._other_subject(before, previous.speaker)
        ):
            return mark, previous.speaker, "inherited"  # « … », a-t-il dit, « … »
        speaker = self._introduction(before)
        if speaker is not NOBODY:
            if speaker.actor is None and speaker.cue_token >= 0:
                speaker = self._participle_subject(speaker, after)
            return mark, speaker, "before"
        same_paragraph = (
            previous is not None
            and previous.speaker.actor is not None
            and self._para_start(previous.mark.open) == self._para_start(mark.open)
        )
        if any(t.is_alpha for t in before) or mark.kind == "exchange":
            speaker = self._sentence_subject(before)
            if speaker.actor or mark.kind == "exchange":
                return mark, speaker, "context" if speaker.actor else "none"
        else:
            # A stand-alone quote: its speaker is named by the sentence pointing back at it
            # ("That was the verdict of X"), else was named just before.
            speaker = self._pointed_back(mark)
            if speaker.actor:
                return mark, speaker, "context"
            speaker = self._stand_alone(mark, previous)
            if speaker.actor:
                return mark, speaker, "inherited"
        if same_paragraph and previous is not None:
            # Words quoted again in the paragraph of someone's quote, with no other source.
            return mark, dataclasses.replace(previous.speaker, confidence=0.45), "inherited"
        speaker = self._recent_source(mark, previous, before)
        if speaker is not NOBODY:
            return mark, speaker, "inherited"
        return mark, NOBODY, "none"


def share_within_groups(found: list[Found]) -> list[Found]:
    """Paragraphs of one multi-paragraph quote share the speaker found for any of them."""
    best: dict[int, Speaker] = {}
    for f in found:
        if f.speaker.actor and f.speaker.confidence > best.get(f.mark.group, NOBODY).confidence:
            best[f.mark.group] = f.speaker
    return [
        dataclasses.replace(f, speaker=best[f.mark.group]) if f.speaker.actor is None and f.mark.group in best else f
        for f in found
    ]
