"""Attributions from the story around a quote: transcript and dialogue turns, a quote standing
alone after its speaker's sentence, a paragraph pointing back at it, the source still speaking."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from ..langdata import fold
from ..models import Actor
from .quote_marks import Marked
from .quote_window import SENTENCE_END, UNTOLD, WINDOW, Found, QuoteWindow
from .speakers import NOBODY, Speaker

# A speaker's label opening a transcript's turn: one to three capitalised words, then a colon.
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):[ \t]+")


class Continuations(QuoteWindow):
    """Attributions from the story around a quote: transcript and dialogue turns, a quote standing"""

    def _other_subject(self, before: list[Token], speaker: Speaker) -> bool:
        """'"…," X said of the vote, which Y had called "…"': after the incise, a clause with a
        subject naming someone else leads to the next quote."""
        for tok in before:
            if tok.i <= speaker.cue_token or tok.dep_ not in self.lang.speaker_deps or self.finder.in_quote(tok.idx):
                continue
            actor = self.finder.mention_actor(tok.idx, tok.idx + len(tok))
            if actor is not None and actor != speaker.actor and actor.type != "place":
                return True
        return False

    def _transcript_turn(self, mark: Marked, found: list[Found]) -> tuple[Marked, Speaker, str] | None:
        """A turn of a transcript quoted paragraph by paragraph ('"PENCE: Well, …'): the label
        names the speaker (an actor whose surname it is, else someone we cannot name) and is
        left out of the words; a paragraph with no label goes on with the last labelled turn.
        Each turn is its own group, so one speaker's name never spreads to the others'."""
        text = self.text
        label = TRANSCRIPT_LABEL.match(text, mark.start)
        if label is None:
            previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
            # Labelled turns, and the paragraphs that go on with them, have groups of their own.
            if (
                previous is None
                or previous.mark.group >= 0
                or mark.open != self._para_start(mark.open)
                or text[previous.mark.close : mark.open].strip()
            ):
                return None
            return dataclasses.replace(mark, group=previous.mark.group), previous.speaker, "inherited"
        name = fold(label.group(1))  # "PENCE", "SEN. SANDERS": the surname ends it
        actors = {
            a.id: a
            for a in self.index.actors.actors
            if a.type == "person" and (name == fold(a.name) or name.split()[-1] == fold(a.name.split()[-1]))
        }
        actor = next(iter(actors.values())) if len(actors) == 1 else None
        if actor is None:
            # A label naming no one ('"UPDATE: …," the clerk said') is a turn only within a
            # transcript: right after a labelled turn, or before one.
            previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
            following = text[self._para_end(mark.open) :].lstrip()
            openers = {o for o, _ in self.lang.quote_pairs}
            opens_turn = following[:1] in openers and TRANSCRIPT_LABEL.match(following, 1)
            if not (previous is not None and previous.mark.group < 0 or opens_turn):
                return None
        speaker = Speaker(actor, label.group(1), 0.8 if actor else 0.3, self.token_from(mark.start))
        return dataclasses.replace(mark, start=label.end(), group=-1 - mark.start), speaker, "incise"

    def _recent_source(self, mark: Marked, previous: Found | None, before: list[Token]) -> Speaker:
        """The source still speaking when a quote names none: walking back to the previous
        paragraph, the speaker of the last quote or a document subject ("ce rapport se base …"),
        provided no other actor is named on the way."""
        finder = self.finder
        limit = self._para_start(len(self.text[: self._para_start(mark.open)].rstrip()))
        speaker = NOBODY
        i = self.token_at(mark.open) - 1
        while i >= 0 and self.doc[i].idx >= limit:
            tok = self.doc[i]
            i -= 1
            if finder.in_quote(tok.idx):
                if previous is not None and previous.mark.open <= tok.idx < previous.mark.close:
                    if previous.speaker.actor is not None:
                        speaker = dataclasses.replace(previous.speaker, confidence=0.4)
                    break
                continue  # a scare-quoted term
            actor = finder.mention_actor(tok.idx, tok.idx + len(tok))
            mention = finder.mention_at(tok.idx, tok.idx + len(tok))
            if actor is not None and actor.type != "place" and not (mention and finder.in_passing(mention)):
                if previous is not None and previous.speaker.actor == actor:
                    speaker = dataclasses.replace(previous.speaker, confidence=0.4)  # its attribution
                break  # else someone else was named since
            if tok.dep_ in self.lang.speaker_deps and fold(tok.lemma_) in self.lang.proxy_nouns:
                owner = finder.named_actor(tok)
                if owner is not None:
                    speaker = Speaker(owner, None, 0.4)
                break
        if speaker.actor is None:
            return NOBODY
        # "Elle a évoqué « … »": a pronoun subject must stand for that same source.
        # "Ils" (the people the story is about) does not.
        pronoun = next(
            (
                t
                for t in before
                if t.dep_ in self.lang.speaker_deps
                and finder.is_pronoun(t)
                and fold(t.text) not in self.lang.plural_pronouns
            ),
            None,
        )
        if pronoun is not None and finder.actor_of(pronoun) != speaker.actor:
            return NOBODY
        return speaker

    def _dialogue_turn(self, mark: Marked) -> Speaker:
        """The speaker of a dialogue line with no incise, when the sentence before the dialogue
        says who addresses whom ("Interrogé par X, Y a hésité", "X asked Y", "X a interpellé Y").
        After a verb of asking, the lines that are questions go to the one asking and the others
        to the one asked; after any other verb between two named people, the turns alternate,
        the subject speaking first."""
        text, finder = self.text, self.finder
        first = self._para_start(mark.open)
        while first > 1:  # back to the first line of the dialogue
            prev = self._para_start(first - 1)
            line = text[prev : first - 1].strip()
            if line and line[0] not in self.lang.dialogue_dashes:
                break
            first = prev
        intro = self.sentence_before(first)
        outside = [t for t in intro if t.pos_ == "VERB" and not finder.in_quote(t.idx)]
        verb = next((t for t in outside if fold(t.lemma_) in self.lang.asking_verbs), None)
        if verb is None:
            return self._alternate_turn(mark, first, intro)
        agent = next((c for c in verb.children if c.dep_ in self.lang.deps["passive_agent"]), None)
        if agent is not None:  # "Interrogé par X, Y a …": X asks, the subject of the main verb answers
            asker = finder.actor_of(agent)
            asked_tok = next(
                (
                    c
                    for c in verb.head.children
                    if c.dep_ in self.lang.speaker_deps
                    and c.dep_ not in self.lang.deps["passive_agent"]
                    and c.i != verb.i
                ),
                None,
            )
        else:  # "X a interrogé Y"
            asker_tok = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps), None)
            asker = finder.actor_of(asker_tok) if asker_tok is not None else None
            asked_tok = next((c for c in verb.children if c.dep_ in self.lang.deps["object"]), None)
        if asked_tok is not None and finder.is_pronoun(asked_tok):
            # "Interrogé par X, il …": "il" stands for someone named before, never for X.
            asked = finder.antecedent(asked_tok.text, intro[0].i)
        else:
            asked = finder.actor_of(asked_tok) if asked_tok is not None else None
        if asker is None or asked is None or asker == asked:
            return NOBODY
        question = text[mark.start : mark.end].rstrip().endswith("?")
        return Speaker(asker if question else asked, None, 0.6)

    def _alternate_turn(self, mark: Marked, first: int, intro: list[Token]) -> Speaker:
        """ "X a interpellé Y.\n— …\n— …": a dialogue after a sentence where one named person
        acts on another, read by position (the parse of such sentences is often wrong): the
        turns alternate, the one named before the verb speaking first. Exactly two people
        must be named there, on either side of a verb."""
        finder = self.finder
        people: list[tuple[int, Actor]] = []
        for tok in intro:
            actor = None if finder.in_quote(tok.idx) else finder.mention_actor(tok.idx, tok.idx + len(tok))
            if actor is not None and actor.type == "person" and actor not in [a for _, a in people]:
                people.append((tok.i, actor))
        if len(people) > 2:
            return UNTOLD  # "X a présenté Y à Z": any of them may speak
        if len(people) != 2 or not any(t.pos_ == "VERB" and people[0][0] < t.i < people[1][0] for t in intro):
            return NOBODY
        lines = [line for line in self.text[first : self._para_start(mark.open)].split("\n") if line.strip()]
        return Speaker(people[len(lines) % 2][1], None, 0.55)

    def _pointed_back(self, mark: Marked) -> Speaker:
        """The speaker of a quote paragraph named by the next paragraph, whose first sentence
        has a demonstrative subject standing for the quote ("That was the assessment of X")."""
        text = self.text
        end = self._para_end(mark.close)
        closers = "".join(c for _, c in self.lang.quote_pairs) + "".join(self.lang.apostrophes)
        if text[mark.close : end].strip(" .,;!?…" + closers) or end >= len(text):
            return NOBODY  # the quote does not close its paragraph
        i = self.token_from(end)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        if i >= len(self.doc):
            return NOBODY
        first = self.doc[i]
        if (
            first.dep_ not in self.lang.speaker_deps
            or not self.lang.has_morph(first, "demonstrative")
            or self.finder.in_quote(first.idx)
        ):
            return NOBODY
        for tok in self.doc[i + 1 : i + WINDOW]:
            if tok.text in SENTENCE_END or "\n" in tok.text:
                break
            actor = None if self.finder.in_quote(tok.idx) else self.finder.mention_actor(tok.idx, tok.idx + len(tok))
            if actor is not None and actor.type != "place":
                return Speaker(actor, None, 0.6)
        return NOBODY

    def _stand_alone(self, mark: Marked, previous: Found | None) -> Speaker:
        """The speaker of a quote standing alone: that of a quote in the sentence before, else
        the subject of that sentence ("La porte-parole a nuancé les chiffres. « … »")."""
        prior = self.sentence_before(mark.open)
        if previous and (not prior or previous.mark.close > prior[0].idx):
            return dataclasses.replace(previous.speaker, confidence=previous.speaker.confidence - 0.1)
        finder = self.finder
        # "X a longuement répondu.\n« … »": the speech verb of that sentence tells best.
        verb = next((t for t in reversed(prior) if finder.is_speech_verb(t) and not finder.in_quote(t.idx)), None)
        if verb is not None:
            speaker = finder.verb_speaker(verb, 0.65)
            if speaker.actor is not None:
                return speaker
        # The subjects that name someone: the parser takes an opening participle for one at
        # times ("Ceint de son écharpe, il a …"), which says nothing either way.
        subjects = [t for t in prior if t.dep_ in self.lang.speaker_deps and not finder.in_quote(t.idx)]
        if any(any(c.dep_ in self.lang.deps["conjunct"] for c in t.children) for t in subjects):
            return NOBODY  # "X et Y ont débattu. « … »": either of them
        actors = {}
        for subject in subjects:
            actor = finder.actor_of(subject)
            if actor is not None:
                actors[actor.id] = actor
            elif fold(subject.text) in self.lang.plural_pronouns and subject.head.head.i != subject.head.i:
                continue  # "X said that they should …": a subordinate clause's people, not the speaker
            elif finder.is_pronoun(subject) or finder.names_a_person(subject):
                return NOBODY  # "Son entraîneur était ravi. « … »": someone we cannot name
        return Speaker(next(iter(actors.values())), None, 0.55) if len(actors) == 1 else NOBODY
