"""Statements credited to a source rather than reported by a verb: « selon / d'après / pour X,
… », « C'est l'avis de X » pointing back at the sentence before, and the reporting conditional
going on after a statement."""

from __future__ import annotations

from spacy.tokens import Token

from ..langdata import fold
from .speakers import NOBODY, Speaker
from .statement_window import StatementWindow, _Found


class SourcedStatements(StatementWindow):
    """Clauses a source is credited with, by a preposition, a pointing sentence or the mood."""

    def _sourced(self) -> list[_Found]:
        """Clauses credited with "selon X", "d'après X", "pour X," opening a clause, or "…, selon X."."""
        out: list[_Found] = []
        firsts = {p.split(" ")[0] for p in self.lang.attribution_preps}
        for tok in self.doc:
            if not any(
                fold(tok.text).startswith(f) or f.startswith(fold(tok.text)) for f in firsts
            ) or self.finder.in_quote(tok.idx):
                continue  # (the preposition's words are checked by `_preposition`)
            start, end = self._sentence(tok)
            prev = self.doc[tok.i - 1] if tok.i > start else None
            if prev is not None and not (prev.is_punct or prev.pos_ in ("CCONJ", "SCONJ")):
                continue
            weak = prev is None or prev.pos_ in ("CCONJ", "SCONJ")  # "Pour X, …" opening a clause
            speaker = self._preposition(list(self.doc[tok.i : end + 1]), reach=1, weak=weak)
            if speaker is NOBODY or speaker.actor is None and speaker.cue in self.lang.weak_attribution_preps:
                continue  # « Pour l'instant, … », « Pour construire … »: what for, not who
            source_end = self._source_end(tok, end)
            if source_end < end:
                span = self._tokens_span(source_end + 1, self._clause_end(source_end + 1, end))
            elif prev is not None and prev.is_punct:
                span = self._tokens_span(start, tok.i - 1)  # "…, selon X.", "« … » selon X."
            else:
                span = None
            if span is not None:
                desc = None
                if speaker.actor is None:
                    first = self.token_from(tok.idx + len(speaker.cue or tok.text))
                    words = self._tokens_span(first, source_end - 1, min_words=1)
                    desc = self.text[words[0] : words[1]] if words else None
                cue = speaker.cue or tok.text
                out.append(_Found(*span, speaker, self.text[tok.idx : tok.idx + len(cue)], desc))
        return out

    def _source_end(self, prep: Token, end: int) -> int:
        """The comma closing the source after a preposition, past an apposition
        ("selon la fédération des banques, Febelfin, …"), or the sentence end."""
        doc = self.doc
        comma = next((t.i for t in doc[prep.i + 1 : end + 1] if t.text in (",", ";", ":")), end + 1)
        while comma < end and doc[comma].text == ",":
            nxt = next((t.i for t in doc[comma + 1 : end + 1] if t.text in (",", ";", ":")), None)
            if nxt is None:
                break
            apposition = [t for t in doc[comma + 1 : nxt] if not t.is_punct]
            named = (
                bool(apposition) and self.finder.mention_actor(apposition[0].idx, apposition[-1].idx + 1) is not None
            )
            if (
                not apposition
                or not all(t.pos_ in ("PROPN", "DET", "NOUN", "ADJ") for t in apposition)
                or not (named or any(prep.i < t.head.i < comma for t in apposition))
            ):
                break
            comma = nxt
        return comma

    def _clause_end(self, first: int, end: int) -> int:
        """The last token of the clause opening at `first`: the sentence end, or a semicolon."""
        return next((t.i - 1 for t in self.doc[first : end + 1] if t.text == ";"), end)

    def _pointed(self) -> list[_Found]:
        """« … marchent tête baissée. C'est la remarque de X. »: a sentence whose demonstrative
        subject is an opinion noun of someone's ("l'avis de X") credits the sentence before it."""
        out: list[_Found] = []
        nouns = self.lang.statement_words.get("opinion_nouns", ())
        for noun in self.doc:
            if noun.pos_ != "NOUN" or fold(noun.lemma_) not in nouns or self.finder.in_quote(noun.idx):
                continue
            start, end = self._sentence(noun)
            demonstratives = self.lang.statement_words.get("demonstratives", ())
            demonstrative = next(
                (
                    t
                    for t in self.doc[start : noun.i]
                    if t.dep_ in self.lang.speaker_deps and fold(t.lemma_) in demonstratives
                ),
                None,
            )
            owner = next((c for c in noun.children if c.dep_ in self.lang.deps["complement"] and c.i > noun.i), None)
            if demonstrative is None or owner is None or start == 0:
                continue
            actor = self.finder.named_actor(owner)
            if actor is None or actor.type == "place":
                continue
            prev_start, prev_end = self._sentence(self.doc[start - 1])
            span = self._tokens_span(prev_start, prev_end)
            if span is not None:
                cue = self.text[self.doc[start].idx : noun.idx + len(noun)]
                out.append(_Found(*span, Speaker(actor, cue, 0.6, noun.i), cue))
        return out

    def _continued(self, found: list[_Found]) -> list[_Found]:
        """Sentences in the reporting mood (the French conditional: « Ces espèces seraient
        présentes … ») right after a statement that fills its sentence, in the same paragraph:
        the same source goes on."""
        out: list[_Found] = []
        ends = {self._sentence(self.doc[self.token_at(f.end - 1)])[1]: f for f in found}
        for last, f in sorted(ends.items()):
            nxt = last + 1
            if f.speaker.actor is None:
                continue  # only a named source goes on
            if nxt >= len(self.doc) or "\n" in self.doc[last].whitespace_ or "\n" in self.doc[nxt].text:
                continue
            start, end = self._sentence(self.doc[nxt])
            root = next((t for t in self.doc[start : end + 1] if t.dep_ in self.lang.deps["root"]), None)
            if (
                root is None
                or self.finder.in_quote(root.idx)
                or not any(
                    self._reporting(v)
                    for v in (root, *(c for c in root.children if c.dep_ in self.lang.deps["auxiliary"]))
                )
            ):
                continue
            span = self._tokens_span(start, end)
            if span is not None:
                out.append(_Found(*span, f.speaker, f.cue, f.desc))
        return out

    def _reporting(self, verb: Token) -> bool:
        """A verb in the reporting mood, by its morphology or, where the tagger misses it, by its
        written ending (« augmenterait »)."""
        endings = self.lang.statement_words.get("reporting_endings", ())
        return (
            self._is(verb, "reporting_mood")
            or verb.pos_ in ("VERB", "AUX")
            and any(fold(verb.text).endswith(e) for e in endings)
        )
