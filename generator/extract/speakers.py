"""Who speaks: from a speech verb, an attribution preposition or a pronoun to an actor.

`SpeakerFinder` is built once per document over its `DocIndex`: the noun phrases it inherits
name actors; `Antecedents`, built from a names-only view, resolves pronouns. Every question it
answers looks at a few tokens around one place, never the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..langdata import fold
from ..models import Actor
from . import verbs
from .antecedents import Antecedents
from .docindex import DocIndex
from .nominal import SENTENCE_END, NounPhrases


@dataclass(frozen=True)
class Speaker:
    """A speaker found for some words: the actor (None when unnamed) and how sure we are."""

    actor: Actor | None
    cue: str | None
    confidence: float
    # Token index of the cue word, so a split quote can tell it shares the same incise.
    cue_token: int = -1


NOBODY = Speaker(None, None, 0.0)


class SpeakerFinder(NounPhrases):
    """Answers "who is this?" and "who says this?" for tokens of one parsed document."""

    def __init__(self, index: DocIndex) -> None:
        super().__init__(index)
        self._antecedents = Antecedents(NounPhrases(index))

    def antecedent(self, pronoun: str, before: int) -> Actor | None:
        """The person a pronoun before token `before` stands for, or None when unsure."""
        return self._antecedents.antecedent(pronoun, before)

    def _side_of(self, verb: Token) -> Actor | None:
        """The person or organisation an impersonal subject speaks for, named by a "side"
        preposition opening the verb's sentence ("Chez Renault, on …", "Du côté de la CGT, on …")."""
        text, doc = self.doc_text, self.doc
        i = verb.i - 1
        while i > 0 and doc[i - 1].text not in SENTENCE_END and "\n" not in doc[i - 1].text:
            i -= 1
        for tok in doc[i : verb.i]:
            prep = next(
                (
                    p
                    for p in self.lang.side_preps
                    if fold(text[tok.idx : tok.idx + len(p)]) == p and not text[tok.idx + len(p) :][:1].isalpha()
                ),
                None,
            )
            if prep is None:
                continue
            rest = [t for t in doc[tok.i : verb.i] if t.idx >= tok.idx + len(prep) and not t.is_punct]
            k = 0
            while k < len(rest) and rest[k].pos_ == "DET":
                k += 1
            actor = self.mention_actor(rest[k].idx, rest[k].idx + len(rest[k])) if k < len(rest) else None
            return actor if actor is not None and actor.type != "place" else None
        return None

    def role_antecedent(self, tok: Token) -> Actor | None:
        """The person a role noun no name resolves stands for, like a pronoun ("a promis l'édile")."""
        return self._antecedents.role_antecedent(tok)

    def is_speech_verb(self, tok: Token) -> bool:
        """A verb that introduces someone's words."""
        return verbs.is_speech_verb(tok, self.lang)

    def is_speech_verb_form(self, tok: Token) -> bool:
        """A word spelled like a speech verb whatever its tag."""
        return verbs.is_speech_verb_form(tok, self.lang)

    def inverted_subject(self, verb: Token) -> str | None:
        """The subject clitic glued after the verb or its auxiliary."""
        return verbs.inverted_subject(verb, self.lang)

    def cue_text(self, verb: Token) -> str:
        """The speech verb as written."""
        return verbs.cue_text(verb, self.lang)

    def verb_speaker(self, verb: Token, cue_confidence: float, own: bool = False) -> Speaker:
        """The speaker of a verb: its subject, its inverted clitic, or that of the verb it hangs on.

        With `own`, only the verb's own subject counts (an incise always has one) and a verb
        without one gives `NOBODY`.
        """
        clitic = self.inverted_subject(verb)
        cue = self.cue_text(verb)
        if clitic:
            return Speaker(self.antecedent(clitic, verb.i), cue, cue_confidence - 0.1, verb.i)
        v = verb
        for _ in range(1 if own else 3):
            # Names first: the parser sometimes takes an object clitic ("lui avait dit X") for one.
            # An agent ("par X") speaks only for a passive verb: "ont fait part de leur
            # indignation par Christian Jacob" is the body's words, relayed by him.
            passive = any(c.dep_ in self.lang.deps["passive_auxiliary"] for c in v.children)
            subjects = sorted(
                (
                    c
                    for c in v.children
                    if c.dep_ in self.lang.speaker_deps
                    and not self.in_quote(c.idx)
                    and (passive or c.dep_ not in self.lang.deps["passive_agent"])
                ),
                key=self.is_pronoun,
            )
            if subjects:
                # The first subject that names someone ("interrogé par la commission, l'ancien
                # ministre X a répondu", misparsed as two agents), else the first.
                named = ((s, self.actor_of(s)) for s in subjects)
                subject, actor = next(((s, a) for s, a in named if a is not None), (subjects[0], None))
                if (
                    actor is None
                    and subject.pos_ == "PRON"
                    and subject.i == v.left_edge.i < v.i
                    and v.head.i < subject.i
                    and v.head.pos_ in ("NOUN", "PROPN")
                ):
                    # "X, who told him that …": a relative pronoun stands for the noun its clause qualifies.
                    actor = self.named_actor(v.head)
                elif actor is None and fold(subject.text) in self.lang.impersonal_pronouns:
                    actor = self._side_of(v)  # "Chez Renault, on assure que …": Renault
                elif actor is None and not self.is_pronoun(subject):
                    # A name between a subject we cannot place and the verb is a misparse of
                    # "Alors que …, X est intervenu"; an unnamed subject otherwise stays unnamed.
                    actor = self.positional_subject(v, after=subject.i)
                    if actor is None and self.names_a_person(subject) and not self.lang.has_morph(subject, "plural"):
                        # "the senator said": the person the story was just about, like a pronoun.
                        actor = self._antecedents.role_antecedent(subject)
                penalty = 0.1 if self.is_pronoun(subject) else 0.0
                return Speaker(actor, cue, cue_confidence - penalty, verb.i)
            clitic = self.inverted_subject(v)
            if clitic:
                return Speaker(self.antecedent(clitic, v.i), cue, cue_confidence - 0.1, verb.i)
            if (
                not own
                and v is verb
                and v.head.pos_ in ("ADP", "SCONJ")
                and v.head.head.i > v.i
                and v.head.head.pos_ in ("VERB", "AUX")
            ):
                # "After saying …, she left": the participle's clause speaks for the main subject.
                v = v.head.head
                continue
            if own or v.dep_ not in self.lang.deps["chain"] or v.head.i == v.i or self.in_quote(v.head.idx):
                break
            if v is verb:
                # "comme le précise X, …": an inverted subject of the verb itself comes before
                # the subject of the verb it hangs on.
                actor = self.name_after(v)
                if actor is not None:
                    return Speaker(actor, cue, cue_confidence - 0.1, verb.i)
                if (
                    v.i
                    and self.doc[v.i - 1].text == ","
                    and self.lang.has_morph(v, "participle")
                    and v.sent.root.i < v.i
                    and v.sent.root.i != v.head.i
                ):
                    # "X was defensive when forced to …, saying …": a participle closing the
                    # sentence speaks for its main subject, wherever the parser hung it.
                    v = v.sent.root
                    continue
            v = v.head
        actor = self.name_after(v)
        if actor is not None:
            return Speaker(actor, cue, cue_confidence - 0.1, verb.i)
        if own:
            return NOBODY
        actor = self.positional_subject(v)
        if actor is not None:
            return Speaker(actor, cue, cue_confidence - 0.1, verb.i)
        return Speaker(None, cue, cue_confidence - 0.3, verb.i)
