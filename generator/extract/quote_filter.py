"""What counts as a quote: someone's words, not a title, a name, a label or a scare-quoted term."""

from __future__ import annotations

from ..langdata import fold
from .quote_marks import Marked
from .quote_window import MIN_WORDS, SENTENCE_END, QuoteWindow
from .speakers import Speaker

TITLE_WORDS = 8  # a title or label after a preposition is at most this long


class QuoteFilter(QuoteWindow):
    """What counts as a quote: someone's words, not a title, a name, a label or a scare-quoted term."""

    def keep(self, mark: Marked, speaker: Speaker, how: str) -> bool:
        """Whether the span is someone's words, not a title, a name or a scare-quoted term."""
        words = self.text[mark.start : mark.end].split()
        if not words or self._titled(mark):
            return False
        introduced = speaker.cue is not None and how in ("incise", "before")
        if len(words) < MIN_WORDS:
            # « Jamais ! », a-t-il lancé: a whole short utterance, introduced by a speech verb.
            inner = self.text[mark.start : mark.end]
            # 'on CNN's "State of the Union."', 'a goal of "Peace Through Strength."': a name the
            # sentence uses (a preposition's or a noun's complement), not words spoken.
            opening = self.token_at(mark.open)
            named = any(g.i < opening and g.pos_ in ("ADP", "NOUN", "PROPN") for g in self._governors(mark))
            return introduced and not named and (inner[:1].isupper() and inner.rstrip()[-1:] in ".!?…")
        if not introduced and title_case(words):
            return False
        if headline_case(words) and any(
            self._para_start(mark.open) <= g.idx < mark.open and g.pos_ in ("ADP", "NOUN", "PROPN")
            for g in self._governors(mark)
        ):
            return False  # 'X said on CNN's "State of the Union."': a show the sentence names, introduced or not
        if not introduced and self._named_after_preposition(mark, words):
            return False  # "un rapport sur « Les revenus et le patrimoine des ménages »": a title
        return True

    def _named_after_preposition(self, mark: Marked, words: list[str]) -> bool:
        """A short capitalised phrase with no closing punctuation, right after a preposition:
        the title of a work or a label the sentence names, not words someone said."""
        if len(words) > TITLE_WORDS or not words[0][:1].isupper() or words[-1][-1:] in SENTENCE_END:
            return False
        i = self.token_at(mark.open) - 1
        return (
            i >= 0
            and self.doc[i].pos_ == "ADP"
            and self.text[self.doc[i].idx + len(self.doc[i]) : mark.open].strip() == ""
        )

    def _titled(self, mark: Marked) -> bool:
        """Whether the words right before the marks name a work, a show or a nickname."""
        i = self.token_at(mark.open) - 1
        prev = [self.doc[j] for j in range(i, max(i - 3, -1), -1) if not self.doc[j].is_space]
        # "intitulé, « … »" is still a title; "Pour l'association, « … »" is someone's words.
        after_comma = bool(prev) and prev[0].text == ","
        prev = [t for t in prev if t.text != ","][:2]
        if not prev:
            return False
        cue = fold(prev[0].text)
        if cue in self.lang.title_cues:
            return True
        if after_comma:
            return False
        if cue in self.lang.title_nouns:
            return True
        if len(prev) > 1 and prev[0].pos_ == "ADP" and fold(prev[1].text) in self.lang.title_nouns:
            # "an episode of “The Morning Hour Show”": capitalised like a title after a work's noun.
            return title_case(self.text[mark.start : mark.end].rstrip(" ,").split())
        return len(prev) > 1 and prev[0].pos_ == "DET" and fold(prev[1].text) in self.lang.title_nouns


def title_case(words: list[str]) -> bool:
    """Words capitalised like a title ("Better Idea of Afghan Girls"), not like a sentence."""
    if len(words) > 8 or any(w[-1:] in ".!?" for w in words):
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 3 and caps * 3 >= len(words) * 2


def headline_case(words: list[str]) -> bool:
    """Every word capitalised but short lowercase ones ("State of the Union.", "Fox and Friends"):
    a name or a title, not a sentence."""
    words = [w.strip(".,!?…") for w in words if w.strip(".,!?…")]
    caps = sum(1 for w in words if w[:1].isupper())
    return (
        bool(words)
        and len(words) <= TITLE_WORDS
        and words[0][:1].isupper()
        and caps >= 2
        and all(w[:1].isupper() or len(w) <= 3 and w.islower() for w in words)
    )
