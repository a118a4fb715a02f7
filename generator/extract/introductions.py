"""Attributions before a quote: a colon, a speech verb, a verbless heading, a participle clause
speaking for the main subject, a passive participle, or the named subject of the clause."""

from __future__ import annotations

import dataclasses
import itertools

from spacy.tokens import Token

from .quote_window import WINDOW, QuoteWindow
from .speakers import NOBODY, Speaker


class Introductions(QuoteWindow):
    """Attributions before a quote: a colon, a speech verb, a verbless heading, a participle clause"""

    def _introduction(self, before: list[Token]) -> Speaker:
        """The attribution before a quote: a colon, a speech verb, or "selon X"."""
        if not before:
            return NOBODY
        finder = self.finder
        words = [t for t in before if not t.is_space]
        if words and words[-1].text == ":":
            colon = words[-1]
            verb = colon.head if colon.head.pos_ in ("VERB", "AUX") and colon.head.i < colon.i else None
            if verb is None or not finder.is_speech_verb(verb):
                # "X a précisé que les milices … ne représentent pas … :": the speech verb of the
                # clause, not the verb nearest the colon.
                verb = next(
                    (
                        t
                        for t in reversed(words)
                        if finder.is_speech_verb(t)
                        and t.dep_ not in self.lang.deps["adjective"]
                        and not finder.in_quote(t.idx)
                    ),
                    verb,
                )
            # "X, 45 ans, raconte :" with the verb mistagged: its written form still tells.
            verb = verb or next(
                (
                    t
                    for t in reversed(words)
                    if finder.is_speech_verb_form(t)
                    and t.dep_ not in self.lang.deps["adjective"]
                    and not finder.in_quote(t.idx)
                ),
                None,
            )
            verb = verb or next((t for t in reversed(words) if t.pos_ == "VERB"), None)
            if verb is not None:
                return finder.verb_speaker(verb, 0.85 if finder.is_speech_verb(verb) else 0.75)
            if not any(t.pos_ == "AUX" for t in words):
                return self._heading(words)
        # "X told a woman who suggested … that « … »": the speech verb the quote hangs on, before
        # a nearer one of another clause.
        start = before[-1].i + 1
        inside = itertools.takewhile(lambda t: finder.in_quote(t.idx), self.doc[start : start + 2 * WINDOW])
        governing = [t.head for t in inside if not t.is_punct and before[0].i <= t.head.i < start]
        verb = next(
            (g for g in governing if finder.is_speech_verb(g) and g.dep_ not in self.lang.deps["adjective"]), None
        ) or next(
            (t for t in reversed(before) if finder.is_speech_verb(t) and t.dep_ not in self.lang.deps["adjective"]),
            None,
        )
        if verb is not None:
            if self._asked(verb):
                # "Interrogé sur « … », X a …": the words are the question's, not X's.
                agent = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps), None)
                actor = finder.actor_of(agent) if agent is not None else None
                return Speaker(actor, finder.cue_text(verb), 0.6 if actor else 0.3, verb.i)
            return finder.verb_speaker(verb, 0.85)
        return self._preposition(before)

    def _heading(self, words: list[Token]) -> Speaker:
        """ "Réaction de X :", "Même son de cloche chez X :": a verbless phrase before a colon
        that names exactly one person or organisation introduces that actor's words."""
        finder = self.finder
        named = {
            a.id: a
            for a in (finder.mention_actor(t.idx, t.idx + len(t)) for t in words if not finder.in_quote(t.idx))
            if a is not None and a.type != "place"
        }
        if len(named) != 1:
            return NOBODY
        return Speaker(next(iter(named.values())), None, 0.6, words[-1].i)

    def _asked(self, verb: Token) -> bool:
        """A speech verb as a bare past participle opening its clause ("Interrogé sur …",
        "Accusé d'avoir « … »", "Asked about …"): a passive whose subject is the one spoken to
        or of, never the author of the words it introduces."""
        before = self.doc[verb.i - 1] if verb.i else None
        return (
            self.lang.has_morph(verb, "past")
            and self.lang.has_morph(verb, "participle")
            and (before is None or before.is_punct or before.is_space)
            and not any(
                c.dep_ in self.lang.deps["auxiliary"] or c.dep_ in self.lang.speaker_deps for c in verb.children
            )
        )

    def _participle_subject(self, speaker: Speaker, after: list[Token]) -> Speaker:
        """ "Jugeant que « … », X a quitté la séance": a speech verb in a participle clause before
        the quote speaks for the subject of the main clause that follows the quote."""
        verb = self.doc[speaker.cue_token]
        if (
            not self.lang.has_morph(verb, "participle")
            and not self.lang.has_morph(verb, "gerund")
            or self.lang.has_morph(verb, "past")
        ):
            return speaker
        finder = self.finder
        subject = next(
            (
                t
                for t in after
                if t.dep_ in self.lang.speaker_deps and not finder.in_quote(t.idx) and not finder.in_quote(t.head.idx)
            ),
            None,
        )
        actor = finder.actor_of(subject) if subject is not None else None
        return dataclasses.replace(speaker, actor=actor, confidence=0.7) if actor is not None else speaker

    def _sentence_subject(self, before: list[Token]) -> Speaker:
        """A named subject of the clause a quote is part of ("X est intervenu, trouvant le « … »")."""
        finder = self.finder
        subject = next((t for t in before if t.dep_ in self.lang.speaker_deps), None)
        if subject is not None:
            if any(c.dep_ in self.lang.deps["conjunct"] for c in subject.children):
                return NOBODY  # "X et Y : « … »": either of them
            # A pronoun subject of a verb that does not speak is too weak a clue ("il limogea « … »").
            actor = None if finder.is_pronoun(subject) else finder.named_actor(subject)
            return Speaker(actor, None, 0.5) if actor else NOBODY
        verb = next((t for t in before if t.pos_ == "VERB"), None)
        actor = finder.positional_subject(verb) if verb is not None else None
        return Speaker(actor, None, 0.45) if actor else NOBODY
