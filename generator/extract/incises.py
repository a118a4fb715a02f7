"""Attributions after a quote: the incise ("», a-t-il déclaré", '" said X'), its long or misparsed
forms, a sentence-closing incise, words read in a document, and a dialogue line's own incise."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ..langdata import fold
from .quote_marks import Marked
from .quote_window import INCISE_REACH, LINE_END, SENTENCE_END, QuoteWindow
from .speakers import NOBODY, Speaker


class Incises(QuoteWindow):
    """Attributions after a quote: the incise ("», a-t-il déclaré", '" said X'), its long or misparsed"""

    def _incise(self, mark: Marked, after: list[Token]) -> Speaker:
        """The attribution right after a quote: "», a-t-il déclaré", '," said Smith', ", selon X"."""
        if not after:
            return NOBODY
        inner = self.text[mark.start : mark.end].rstrip()
        first = after[0]
        if first.text[:1].isupper() and inner[-1:] in ".…" and not first.is_punct:
            return NOBODY  # the quote ended its sentence; a new one starts
        finder = self.finder
        speaker = self._read_in(after)
        if speaker is not NOBODY:
            return speaker
        for tok in after[:INCISE_REACH]:
            if tok.pos_ in ("VERB", "AUX") and finder.inverted_subject(tok):
                verb = tok.head if tok.dep_ in self.lang.deps["auxiliary"] else tok
                return finder.verb_speaker(verb, 0.85)
            if finder.is_speech_verb(tok):
                # An incise has a subject of its own; '", and told the police' goes on the
                # sentence before the quote instead.
                speaker = finder.verb_speaker(tok, 0.9, own=True)
                if speaker is not NOBODY:
                    return speaker
                break
        speaker = self._long_subject_incise(mark, after)
        if speaker is not NOBODY:
            return speaker
        speaker = self._mistagged_incise(after)
        if speaker is not NOBODY:
            return speaker
        speaker = self._other_incise(mark, after)
        if speaker is not NOBODY:
            return speaker
        # "», selon X" right after the quote, not "; d'après le droit international" further on,
        # nor "» pour ce service", where "pour" says what for.
        if after[0].text == "," or after[0].is_alpha:
            speaker = self._preposition(after, reach=2, weak=False)
            if speaker is not NOBODY:
                return speaker
        return self._closing_incise(after)

    def _read_in(self, after: list[Token]) -> Speaker:
        """ "», peut-on lire dans le communiqué de X", "», peut-on y lire": words read in a
        document are its issuer's, named with the document or, for "y", the last one issued."""
        words = [t for t in after[:INCISE_REACH] if not t.is_space]
        n = next(
            (
                n
                for n, t in enumerate(words)
                if t.pos_ in ("VERB", "AUX", "NOUN") and fold(t.lemma_) in self.lang.reading_verbs
            ),
            None,
        )
        if n is None:
            return NOBODY
        verb, finder = words[n], self.finder
        first = words[1] if words[0].text == "," and n > 0 else words[0]
        cue = self.text[first.idx : verb.idx + len(verb)]  # "peut-on lire", "peut-on y lire"
        # "peut-on lire dans le communiqué de X", or "the statement reads".
        document = next(
            (
                t
                for t in words[n + 1 :] + words[:n][::-1]
                if t.pos_ == "NOUN" and fold(t.lemma_) in self.lang.document_nouns
            ),
            None,
        )
        if document is not None:
            actor = finder.named_actor(document)
        elif any(fold(t.text) in self.lang.reading_pronouns for t in words[:n]):
            actor = finder.document_owner_before(after[0].i)
        else:
            return NOBODY
        return Speaker(actor, cue, 0.7 if actor else 0.3, verb.i)

    def _closing_incise(self, after: list[Token]) -> Speaker:
        """ "« … » qui peut contenir 12 000 personnes, a indiqué un porte-parole de la police.": an
        incise closing the sentence that holds the quote credits all of it, when nothing else in
        between speaks or is quoted. It must be the sentence's last clause: a comma, a speech
        verb with its inverted subject (or clitic), then the sentence end."""
        finder = self.finder
        if not after or after[-1].i + 1 >= len(self.doc):
            return NOBODY
        end = self.doc[after[-1].i + 1]
        if end.text not in SENTENCE_END:
            return NOBODY  # the window stopped at another quote, a paragraph or its size
        for n, tok in enumerate(after):
            if n == 0 or after[n - 1].text != ",":
                continue
            verb = tok
            while verb.pos_ == "AUX" and verb.head.i > verb.i and finder.is_speech_verb(verb.head):
                verb = verb.head
            if not finder.is_speech_verb(verb) or any(finder.is_speech_verb(t) for t in after[: n - 1]):
                continue
            speaker = finder.verb_speaker(verb, 0.7, own=True)
            if speaker is not NOBODY and speaker.actor is not None:
                return speaker
        return NOBODY

    def _long_subject_incise(self, mark: Marked, after: list[Token]) -> Speaker:
        """'"…," Rep. X (D-Ore.), a member of the panel, said': an incise whose subject, opening
        right after the quote, runs past the usual reach (a party and state, an apposition).
        The parse must say that the speech verb's subject is the whole phrase after the quote,
        and that no word before the quote governs it ('an episode of "The Show," X said')."""
        if any(self._para_start(mark.open) <= h.idx < mark.open for h in self._governors(mark)):
            return NOBODY  # (the parser may hang a paragraph's first words on the one before)
        words = [t for t in after if not t.is_space]
        if words and words[0].text == ",":
            words = words[1:]
        if not words:
            return NOBODY
        first = words[0]
        verb = next((t for t in words[1:] if self.finder.is_speech_verb(t)), None)
        if verb is None:
            return NOBODY
        subject = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps and c.i < verb.i), None)
        if subject is None:
            speaker = self._name_before_verb(first, verb)
            return speaker if speaker is not NOBODY else self._name_opening_incise(first, verb)
        if subject.left_edge.i > first.i:
            return NOBODY
        return self.finder.verb_speaker(verb, 0.85, own=True)

    def _name_opening_incise(self, first: Token, verb: Token) -> Speaker:
        """'"…" X, the director of Y and a voice of the film, told Z': a speech verb the parser
        gave no subject, after an incise opened by a person's name with nobody else named
        before the verb (an apposition the parser could not read)."""
        finder = self.finder
        m = finder.mention_at(first.idx, first.idx + len(first))
        actor = finder.index.by_id.get(m.actor_id) if m is not None and m.start == first.idx else None
        if m is None or actor is None or actor.type != "person":
            return NOBODY
        for tok in self.doc[first.i : verb.i]:
            if tok.idx < m.end:
                continue
            other = finder.mention_actor(tok.idx, tok.idx + len(tok))
            modifier = tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")  # "a top Trump surrogate"
            if (
                finder.in_quote(tok.idx)
                or finder.is_pronoun(tok)
                or other is not None
                and other.type == "person"
                and other.id != actor.id
                and not modifier
            ):
                return NOBODY
        return Speaker(actor, finder.cue_text(verb), 0.7, verb.i)

    def _name_before_verb(self, first: Token, verb: Token) -> Speaker:
        """'"…," Tulsa police Chief X said': a speech verb the parser gave no subject, right
        after a name, with nothing between the quote and the name but the words of a noun
        phrase (a place, a role). That name speaks."""
        finder, doc = self.finder, self.doc
        m = finder.mention_at(doc[verb.i - 1].idx, doc[verb.i - 1].idx + len(doc[verb.i - 1]))
        actor = finder.index.by_id.get(m.actor_id) if m is not None else None
        if m is None or actor is None or actor.type == "place" or m.end > doc[verb.i - 1].idx + len(doc[verb.i - 1]):
            return NOBODY
        for tok in doc[first.i : verb.i]:
            if tok.idx >= m.start:
                break
            other = finder.mention_actor(tok.idx, tok.idx + len(tok))
            capitalised = tok.text[:1].isupper()  # a name the tagger took for a verb ("Tulsa")
            if (
                tok.pos_ not in ("PROPN", "NOUN", "ADJ", "DET")
                and not capitalised
                or other is not None
                and other.type != "place"
            ):
                return NOBODY
        return Speaker(actor, finder.cue_text(verb), 0.75, verb.i)

    def _mistagged_incise(self, after: list[Token]) -> Speaker:
        """ "», juge le ministère": a speech verb's form opening the incise, followed by its
        inverted subject, even when the tagger took the verb for a noun."""
        words = [t for t in after[:3] if not t.is_space]
        if words and words[0].text == ",":
            words = words[1:]
        if len(words) < 2 or not self.finder.is_speech_verb_form(words[0]):
            return NOBODY
        verb, subject = words[0], words[1]
        if verb.text[:1].isupper() or subject.pos_ not in ("DET", "PROPN", "NOUN"):
            return NOBODY
        actor = self.finder.name_after(verb)
        return Speaker(actor, verb.text, 0.75 if actor else 0.4, verb.i)

    def _other_incise(self, mark: Marked, after: list[Token]) -> Speaker:
        """'," goes a saying': an incise whose verb is no speech verb but has its own subject
        after it still names the source, and no one else is meant (an unnamed source gives a
        speaker without an actor)."""
        words = [t for t in after[:6] if not t.is_space]
        comma = "," in self.text[mark.end : mark.close]  # '…," goes' (the comma inside the marks)
        if words and words[0].text == ",":
            comma, words = True, words[1:]
        right_after = bool(words) and words[0].idx - mark.close <= 1  # "» s'est réjoui X"
        while words and words[0].pos_ == "PRON" and not words[0].whitespace_:
            words = words[1:]  # a clitic glued to the verb ("s'agace")
        compound = False  # "s'est réjouie la CGT": the auxiliary, then the verb
        while len(words) > 1 and words[0].pos_ == "AUX" and words[0].head.i == words[1].i:
            words, compound = words[1:], True
        # Without a comma the verb must follow the mark at once ("» s'est réjoui X").
        if not (comma or right_after) or len(words) < 2 or words[0].pos_ != "VERB":
            return NOBODY
        if not self.lang.has_morph(words[0], "finite") and not compound:
            return NOBODY
        verb = words[0]
        # The parser often reads the inverted subject as an attribute or object ("goes a saying",
        # "s'emballe un diplomate").
        deps = (*self.lang.speaker_deps, *self.lang.deps["attribute"], *self.lang.deps["object"])
        subject = next(
            (
                c
                for c in verb.children
                if c.dep_ in deps and 0 < c.i - verb.i <= INCISE_REACH and c.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
        if subject is None:
            return NOBODY
        actor = self.finder.actor_of(subject)
        return Speaker(actor, verb.text, 0.6 if actor else 0.3, verb.i)

    def _dash_line(self, mark: Marked) -> tuple[Marked, Speaker]:
        """A dialogue line cut before its incise ("— Non, répond-il."), with the incise's speaker."""
        finder = self.finder
        first, last = self.token_from(mark.start), self.token_at(mark.end - 1)
        for i in range(first + 1, last + 1):
            stop = self.doc[i - 1].text
            if stop != "," and not (stop in LINE_END and self.doc[i].text[:1].islower()):
                continue
            for tok in self.doc[i : min(i + 3, last + 1)]:
                verb = None
                if tok.pos_ in ("VERB", "AUX") and finder.inverted_subject(tok):
                    verb = tok.head if tok.dep_ in self.lang.deps["auxiliary"] else tok
                elif tok.i == i and (finder.is_speech_verb(tok) or finder.is_speech_verb_form(tok)):
                    verb = tok  # "— Avez-vous volé ? demande le juge."
                if verb is not None:
                    # The line keeps its "?" or "!", not the comma before the incise.
                    end = self.doc[i - 1].idx + (len(stop) if stop != "," else 0)
                    while end > mark.start and self.text[end - 1].isspace():
                        end -= 1
                    speaker = (
                        finder.verb_speaker(verb, 0.85)
                        if finder.is_speech_verb(verb) or verb is not tok
                        else Speaker(finder.name_after(verb), verb.text, 0.75, verb.i)
                    )
                    return dataclasses.replace(mark, end=end), speaker
        return mark, NOBODY
