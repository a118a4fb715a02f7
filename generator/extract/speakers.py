"""Who speaks: from a speech verb, an attribution preposition or a pronoun to an actor.

`SpeakerFinder` is built once per document: it indexes tokens, quoted spans and actor mentions
so that every question it answers looks at a few tokens around one place, never the whole text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..langdata import LangData, fold
from ..models import Actor
from .actors import ActorTable, Mention
from .doctext import text_of

# Dependency labels of a verb that hands its subject down to the verb it governs
# ("a dit … avant de poursuivre", "est intervenu … et a déclaré").
_CHAIN_DEPS = ("xcomp", "conj", "advcl", "ccomp", "parataxis")
# Dependency labels of words that rename a noun ("le quotidien El Punt Avui", "X, président").
_RENAMING_DEPS = ("appos", "flat:name", "flat", "compound", "nmod", "npadvmod")
# Clauses with subjects of their own: their pronouns say nothing about the main subject.
_OTHER_CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "acl:relcl", "conj", "parataxis", "nsubj", "nsubj:pass",
                      "csubj", "acl", "punct")
_SENTENCE_END = {".", "!", "?", "…", "..."}
_POSITION_REACH = 25  # tokens between a verb and a name that opens its clause
_PRONOUN_LOOKBACK = 400  # tokens: a pronoun stands for someone named in the last paragraphs


@dataclass(frozen=True)
class Speaker:
    """A speaker found for some words: the actor (None when unnamed) and how sure we are."""

    actor: Actor | None
    cue: str | None
    confidence: float
    # Token index of the cue word, so a split quote can tell it shares the same incise.
    cue_token: int = -1


NOBODY = Speaker(None, None, 0.0)


class SpeakerFinder:
    """Answers "who is this?" for tokens of one parsed document."""

    def __init__(self, doc: Doc, lang: LangData, actors: ActorTable, quoted: list[tuple[int, int]]) -> None:
        self.doc, self.lang, self.actors = doc, lang, actors
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        self._mentions = list(actors.mentions)
        self._mention_starts = [m.start for m in self._mentions]
        self._by_id = {a.id: a for a in actors.actors}
        self._genders = self._actor_genders()
        # Person actors that were grammatical subjects outside quotes: antecedents for pronouns.
        self._subjects: list[tuple[int, Actor]] = []
        for tok in doc:
            if tok.dep_ in lang.speaker_deps and not self.in_quote(tok.idx) and not self.is_pronoun(tok):
                actor = self.named_actor(tok, describe=False)
                if actor is not None and actor.type == "person":
                    self._subjects.append((tok.i, actor))
            elif tok.dep_ == "ROOT" and tok.pos_ == "VERB" and not self.in_quote(tok.idx) and not any(
                    c.dep_ in lang.speaker_deps for c in tok.children):
                actor = self.positional_subject(tok)
                if actor is not None and actor.type == "person":
                    self._subjects.append((tok.i, actor))
        self._subject_tokens = [i for i, _ in self._subjects]

    # -- places ---------------------------------------------------------------------------

    def in_quote(self, offset: int) -> bool:
        """Whether a character offset lies inside a quoted span (marks included)."""
        k = bisect.bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and offset < self._quoted[k][1]

    def mention_at(self, start: int, end: int) -> Mention | None:
        """A mention overlapping [start, end), by binary search."""
        k = bisect.bisect_left(self._mention_starts, end)
        for m in reversed(self._mentions[max(0, k - 8):k]):
            if m.end > start:
                return m
        return None

    def mention_actor(self, start: int, end: int) -> Actor | None:
        """The actor of a mention overlapping [start, end)."""
        m = self.mention_at(start, end)
        return self._by_id.get(m.actor_id) if m else None

    # -- noun phrases -------------------------------------------------------------------------

    def is_pronoun(self, tok: Token) -> bool:
        """A personal pronoun that may stand for a named speaker."""
        return fold(tok.text) in self.lang.pronouns or fold(tok.text) in self.lang.genders and tok.pos_ == "PRON"

    def actor_of(self, tok: Token) -> Actor | None:
        """The actor a subject or object token names, describes or (as a pronoun) stands for."""
        if self.is_pronoun(tok):
            return self.antecedent(tok.text, tok.i)
        return self.named_actor(tok)

    def named_actor(self, tok: Token, depth: int = 0, describe: bool = True) -> Actor | None:
        """The actor a noun phrase headed by `tok` names or describes, if the text tells.

        Without `describe`, only names count: descriptions go through `ActorTable.resolve`,
        too costly to call for every subject of the document.
        """
        if tok.pos_ == "ADP":  # English agents hang the noun under "by"
            tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
        found = self.mention_actor(tok.idx, tok.idx + len(tok))
        if found:
            return found
        # A name in apposition, or right after a common noun ("le quotidien El Punt Avui"), not
        # one before it ("the Crown prosecutor").
        renaming = sorted((c for c in tok.children if c.dep_ == "appos"
                           or c.dep_ in _RENAMING_DEPS and c.pos_ == "PROPN" and c.i > tok.i),
                          key=lambda c: c.dep_ != "appos")
        for child in renaming:
            found = self.mention_actor(child.idx, child.idx + len(child))
            if found:
                return found
        if depth == 0 and tok.pos_ == "NOUN":
            # "X, le candidat du parti, a dit": the parser often makes the role the subject.
            left = tok.left_edge.i
            if left >= 2 and self.doc[left - 1].text == ",":
                found = self.mention_actor(self.doc[left - 2].idx, self.doc[left - 2].idx + 1)
                if found:
                    return found
        if not describe:
            return None
        # A description ("le président vénézuélien", "le président de la commission"), unless a
        # name inside it ("Gloria's eczema") is what resolve() would return instead.
        for span in self._noun_phrases(tok):
            if len(span) and not self._has_mention(span):
                found = self.actors.resolve(span)
                if found:
                    return found
        if depth < 2 and (fold(tok.lemma_) in self.lang.proxy_nouns or fold(tok.text) in self.lang.proxy_nouns):
            # A spokesperson's or a document's words go to whoever they speak for.
            for child in tok.children:
                if child.dep_ in ("nmod", "pobj", "prep", "poss") and child.i > tok.i or child.dep_ == "poss":
                    target = next((c for c in child.children if c.dep_ == "pobj"), child)
                    found = self.named_actor(target, depth + 1)
                    if found:
                        return found
        return None

    def _noun_phrases(self, tok: Token) -> tuple[Span, Span]:
        """The noun phrase of `tok`: narrow (determiner, adjectives, noun) and wide (with its
        complements, up to a comma, a verb or a quote)."""
        doc = self.doc
        left = tok.left_edge.i
        while left < tok.i and (doc[left].is_punct or doc[left].is_space or self.in_quote(doc[left].idx)):
            left += 1
        narrow = tok.i + 1
        while narrow <= tok.right_edge.i and doc[narrow].dep_ == "amod" and doc[narrow].head.i == tok.i:
            narrow += 1
        wide = narrow
        while wide <= tok.right_edge.i and not doc[wide].is_punct and doc[wide].pos_ not in ("VERB", "AUX") \
                and not self.in_quote(doc[wide].idx):
            wide += 1
        return doc[left:narrow], doc[left:wide]

    def _has_mention(self, span: Span) -> bool:
        return self.mention_actor(span.start_char, span.end_char) is not None

    # -- pronouns ---------------------------------------------------------------------------

    def antecedent(self, pronoun: str, before: int) -> Actor | None:
        """The latest person actor that was a subject before token `before` and fits the pronoun."""
        gender = self.lang.genders.get(fold(pronoun))
        if gender is None:  # plural or unknown pronouns are not resolved
            return None
        k = bisect.bisect_left(self._subject_tokens, before)
        while k > 0:
            k -= 1
            at, actor = self._subjects[k]
            if before - at > _PRONOUN_LOOKBACK:
                break
            if self._genders.get(actor.id, gender) == gender:
                return actor
        return None

    def _actor_genders(self) -> dict[str, str]:
        """Gender of actors told by a word next to one of their mentions ("Mme X", "sa fille, X")."""
        doc, genders = self.doc, self.lang.genders
        starts = [t.idx for t in doc]
        votes: dict[str, set[str]] = {}
        for m in self._mentions:
            k = bisect.bisect_left(starts, m.start)
            if k >= len(doc):
                continue
            # "Mme X", "his wife X", and appositions both ways ("sa fille, X", "X, présidente").
            near = [doc[k - 1]] if k else []
            near += [c for c in doc[k].children if c.dep_ == "appos"]
            if doc[k].dep_ == "appos":
                near.append(doc[k].head)
            for tok in near:
                word = fold(tok.text) if fold(tok.text) in genders else fold(tok.lemma_)
                if word in genders and tok.pos_ != "PRON":
                    votes.setdefault(m.actor_id, set()).add(genders[word])
        for tok in doc:
            if tok.dep_ not in self.lang.speaker_deps or self.in_quote(tok.idx):
                continue
            m = self.mention_at(tok.idx, tok.idx + len(tok))
            if m is None:
                continue
            # "X decided to treat his daughter himself": pronouns of X's own clause, not of the
            # clauses it governs ("X told the court that her …").
            seen = {genders[fold(t.text)] for t in self._own_clause(tok.head, tok.i)
                    if t.pos_ == "PRON" and fold(t.text) in genders}
            if len(seen) == 1:
                votes.setdefault(m.actor_id, set()).update(seen)
        return {aid: next(iter(g)) for aid, g in votes.items() if len(g) == 1}

    def _own_clause(self, verb: Token, subject: int) -> list[Token]:
        """Tokens of a verb's clause, without its subject and the clauses it governs."""
        out, stack = [], [verb]
        while stack and len(out) < 40:
            tok = stack.pop()
            out.append(tok)
            stack += [c for c in tok.children if c.i != subject and c.dep_ not in _OTHER_CLAUSE_DEPS]
        return out

    # -- verbs ------------------------------------------------------------------------------

    def is_speech_verb(self, tok: Token) -> bool:
        """A verb that introduces someone's words."""
        return tok.pos_ in ("VERB", "AUX") and fold(tok.lemma_) in self.lang.speech_verbs

    def inverted_subject(self, verb: Token) -> str | None:
        """The subject clitic glued after the verb or its auxiliary ("a-t-il dit", "explique-t-elle")."""
        doc = self.doc
        for pos in [verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")]:
            joined, j = "", pos + 1
            while j < len(doc) and doc[j].text.startswith("-") and not doc[j - 1].whitespace_:
                joined += doc[j].text
                j += 1
            if joined and fold(joined) in self.lang.inverted_subjects:
                return joined
        return None

    def cue_text(self, verb: Token) -> str:
        """The speech verb as written, with its auxiliaries and an inverted clitic
        ("a-t-il déclaré", "explique-t-elle", "has said")."""
        doc = verb.doc
        first = min([verb.i] + [c.i for c in verb.children
                                if c.dep_.startswith("aux") and 0 < verb.i - c.i <= 4])
        last = verb.i
        while last + 1 < len(doc) and doc[last + 1].text.startswith("-") and not doc[last].whitespace_:
            last += 1
        return text_of(doc)[doc[first].idx : doc[last].idx + len(doc[last].text)]

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
            subjects = sorted((c for c in v.children if c.dep_ in self.lang.speaker_deps
                               and not self.in_quote(c.idx)), key=self.is_pronoun)
            if subjects:
                subject = subjects[0]
                actor = self.actor_of(subject)
                if actor is None and not self.is_pronoun(subject):
                    # A name between a subject we cannot place and the verb is a misparse of
                    # "Alors que …, X est intervenu"; an unnamed subject otherwise stays unnamed.
                    actor = self.positional_subject(v, after=subject.i)
                penalty = 0.1 if self.is_pronoun(subject) else 0.0
                return Speaker(actor, cue, cue_confidence - penalty, verb.i)
            clitic = self.inverted_subject(v)
            if clitic:
                return Speaker(self.antecedent(clitic, v.i), cue, cue_confidence - 0.1, verb.i)
            if own or v.dep_ not in _CHAIN_DEPS or v.head.i == v.i or self.in_quote(v.head.idx):
                break
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

    def name_after(self, verb: Token) -> Actor | None:
        """A name right after a verb, closing its clause: an inverted subject the parser missed
        ("comme le rappelle HRW, « … »", "said Ambassador Mohib.")."""
        doc = self.doc
        j = verb.i + 1
        while j < len(doc) and doc[j].pos_ in ("ADV", "DET"):
            j += 1
        if j >= len(doc) or doc[j].pos_ not in ("PROPN", "NOUN"):
            return None
        m = self.mention_at(doc[j].idx, doc[j].idx + len(doc[j]))
        if m is not None and m.start >= doc[j].idx:
            end = doc[j].i
            while end < len(doc) and doc[end].idx < m.end:
                end += 1
            actor = self._by_id.get(m.actor_id)
        else:  # "écrit le quotidien El Punt Avui", "a répondu la porte-parole de la fédération"
            end = doc[j].right_edge.i + 1
            actor = self.named_actor(doc[j]) if doc[j].pos_ == "NOUN" else None
        if end < len(doc) and not (doc[end].is_punct or doc[end].is_space):
            return None
        return actor

    def positional_subject(self, verb: Token, after: int = -1) -> Actor | None:
        """The name before a verb the parser gave no subject ("X, président de Y, est intervenu"):
        the nearest person (else organisation) named before it in its sentence, outside
        prepositional phrases, parentheses and quotes."""
        doc = self.doc
        found: dict[str, Actor] = {}
        i = verb.i - 1
        while i > after and verb.i - i <= _POSITION_REACH:
            tok = doc[i]
            if tok.text in _SENTENCE_END or "\n" in tok.text or "\n" in tok.whitespace_ or self.in_quote(tok.idx):
                break
            m = self.mention_at(tok.idx, tok.idx + len(tok))
            if m is not None and m.start >= tok.idx:  # the first token of the mention
                j = i - 1
                while j >= 0 and doc[j].pos_ == "DET":
                    j -= 1
                actor = self._by_id.get(m.actor_id)
                if actor is not None and (j < 0 or doc[j].pos_ != "ADP" and doc[j].text != "("):
                    found.setdefault(actor.type, actor)
            i -= 1
        return found.get("person") or found.get("organization")
