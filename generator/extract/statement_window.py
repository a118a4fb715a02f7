"""The sentence and span of a statement, and the token morphology its rules test.

`StatementWindow` is the base of both statement strategies (`verb_statements.py`: what a verb
reports; `sourced_statements.py`: what a source is credited with): they read the document through
it and never call one another; `statements.py` gathers them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from ..langdata import fold
from .quote_window import QuoteWindow
from .speakers import Speaker

_MIN_WORDS = 2  # shorter content ("l'a annoncé") says nothing a reader can use


@dataclass(frozen=True)
class _Found:
    """A candidate statement: its character span, speaker and cue, and who an unnamed speaker is."""

    start: int
    end: int
    speaker: Speaker
    cue: str
    desc: str | None = None


class StatementWindow(QuoteWindow):
    """One document read for statements: sentences outside quotes, content spans, morphology."""

    # -- spans ------------------------------------------------------------------------------

    def _sentence(self, tok: Token) -> tuple[int, int]:
        """First and last token of the sentence holding `tok`, by sentence-ending marks outside
        quotes (the parser splits inside quotes) and paragraph breaks."""
        return self._sentences[tok.i]

    @functools.cached_property
    def _sentences(self) -> list[tuple[int, int]]:
        """For each token, the first and last token of its sentence, found in one pass."""
        doc, out, first = self.doc, [], 0
        for j, tok in enumerate(doc):
            if "\n" in tok.text:  # a paragraph break stands alone
                out.extend([(first, j - 1)] * (j - first) + [(j, j)])
                first = j + 1
            elif j + 1 == len(doc) or self._full_stop(tok) or "\n" in doc[j + 1].text:
                out.extend([(first, j)] * (j + 1 - first))
                first = j + 1
        return out

    def _full_stop(self, tok: Token) -> bool:
        """A sentence end, not the stop of an initial ("D'après V. Sapounov")."""
        if tok.text == "." and tok.i and len(self.doc[tok.i - 1].text) == 1 and self.doc[tok.i - 1].is_upper:
            return False
        return self._ends_sentence(tok)

    def _tokens_span(self, first: int, last: int, min_words: int = _MIN_WORDS) -> tuple[int, int] | None:
        """Character offsets of tokens first..last without edge punctuation, or None when empty."""
        doc = self.doc
        last = min(last, len(doc) - 1)
        while first <= last and (doc[first].is_punct or doc[first].is_space) and not self._opens_quote(doc[first]):
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space) and not self._closes_quote(doc[last], first):
            last -= 1
        # A trailing apposition is the writer's gloss, not the source's words ("… au polonium, une
        # substance très radioactive, dont …").
        gloss = next(
            (
                t
                for t in doc[first : last + 1]
                if t.pos_ == "NOUN"
                and self._opening(t) > first + 2
                and doc[self._opening(t) - 1].text == ","
                and self._runs_to(t, last)
                and (t.dep_ in self.lang.deps["apposition"] or self._indefinite(doc[self._opening(t)]))
                and not self.finder.in_quote(t.idx)
            ),
            None,
        )
        if gloss is not None:
            last = self._opening(gloss) - 2
        if last < first or sum(t.is_alpha for t in doc[first : last + 1]) < min_words:
            return None
        end = doc[last].idx + len(doc[last])
        around = self.index.quote_around(end - 1)
        if around is not None and around[0] >= doc[first].idx:
            end = around[1]  # words that stop inside a quote they opened run to its end
        return doc[first].idx, end

    def _extended(self, complement: Token, coordinated: bool = True) -> int:
        """The last token of a complement, with the parts the parser hung on its verb after it:
        right after it, or after a comma when coordinated ("que X, comme Y, empêche …");
        without `coordinated`, never a coordinated verb ("se dit rassuré et pense que …")."""
        _, end = self._sentence(complement)
        last = complement.right_edge.i
        conjunct = self.lang.deps["conjunct"]
        for sibling in complement.head.children:
            if sibling.dep_ in conjunct and not coordinated:
                break
            gap = [t for t in self.doc[last + 1 : sibling.left_edge.i] if not t.is_punct]
            joined = sibling.left_edge.i == last + 1 or sibling.dep_ in conjunct and not gap
            if sibling.i > last and joined and not sibling.is_punct and sibling.i <= end:
                last = sibling.right_edge.i
        return min(last, end)

    def _opening(self, phrase: Token) -> int:
        """The first word of a phrase, past the punctuation the parser hangs on it."""
        i = phrase.left_edge.i
        while i < phrase.i and self.doc[i].is_punct:
            i += 1
        return i

    def _runs_to(self, phrase: Token, last: int) -> bool:
        """Whether the words after a phrase's head, up to `last`, all hang on the phrase."""
        lo = phrase.left_edge.i
        return all(t.is_punct or lo <= t.head.i <= last for t in self.doc[phrase.right_edge.i + 1 : last + 1])

    def _indefinite(self, tok: Token) -> bool:
        """An indefinite article ("une substance"): a noun phrase opening on it after a comma
        glosses the noun before it."""
        return tok.dep_ in self.lang.deps["determiner"] and self._is(tok, "indefinite")

    def _opens_quote(self, tok: Token) -> bool:
        return any(tok.text == o for o, _ in self.lang.quote_pairs)

    def _closes_quote(self, tok: Token, first: int) -> bool:
        """A closing mark whose opening mark lies inside the span."""
        opening = {c: o for o, c in self.lang.quote_pairs}.get(tok.text)
        return opening is not None and any(t.text == opening for t in self.doc[first : tok.i])

    # -- morphology -------------------------------------------------------------------------

    def _is(self, tok: Token, role: str) -> bool:
        """Whether a token's morphology has one of the features lang.yml's `morphology` lists under `role`."""
        return self.lang.has_morph(tok, role)

    def _participle(self, tok: Token) -> bool:
        """A past participle the tagger took for an adjective or a noun, after its auxiliary
        ("a nuancé", « se sont félicités »)."""
        return tok.pos_ in ("ADJ", "NOUN") and any(c.dep_ in self.lang.deps["auxiliary"] for c in tok.children)

    def _lemma(self, verb: Token) -> str:
        """The folded lemma; for a participle tagged as an adjective, or a verb the lemmatizer
        left as written ("recommande", "met"), the verb of our lists it is spelled from."""
        lemma, form = fold(verb.lemma_), fold(verb.text)
        if self._participle(verb):
            for ending in self.lang.statement_words.get("participle_endings", ()):
                written, lemma_end = ending.split(" ")
                if form.endswith(written):
                    return form[: len(form) - len(written)] + lemma_end
        elif lemma == form:
            for lemma_end, written in self.lang.speech_verb_endings:
                guess = form[: len(form) - len(written)] + lemma_end
                if form.endswith(written) and guess in self._listed_verbs:
                    return guess
        return lemma

    @functools.cached_property
    def _listed_verbs(self) -> frozenset[str]:
        """Every verb our lists name, and the first word of those of several ("mettre en cause")."""
        words = self.lang.statement_words
        verbs = self.lang.speech_verbs.union(
            *(words.get(k, frozenset()) for k in ("clause_verbs", "object_verbs", "infinitive_verbs"))
        )
        return verbs | {v.split(" ", 1)[0] for v in verbs}

    def _names_someone(self, tok: Token) -> bool:
        """A noun phrase naming a person or body: a name, a role, a pronoun."""
        actor = self.finder.mention_actor(tok.idx, tok.idx + len(tok))
        return actor is not None and actor.type != "place" or self.finder.names_a_person(tok) or tok.pos_ == "PROPN"
