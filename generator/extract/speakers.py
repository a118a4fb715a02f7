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
from .roles import role_words
from .doctext import text_of

# Dependency labels of a verb that hands its subject down to the verb it governs
# ("a dit … avant de poursuivre", "est intervenu … et a déclaré").
_CHAIN_DEPS = ("xcomp", "conj", "advcl", "ccomp", "parataxis")
# Dependency labels of words that rename a noun ("le quotidien El Punt Avui", "X, président").
_RENAMING_DEPS = ("appos", "flat:name", "flat", "compound", "nmod", "npadvmod")
# Clauses with subjects of their own: their pronouns say nothing about the main subject.
_OTHER_CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "acl:relcl", "conj", "parataxis", "nsubj", "nsubj:pass",
                      "csubj", "acl", "punct")
# Dependency labels of object pronouns: "X lui a dit", "X told him" say nothing of X's gender.
_OBJECT_PRONOUN_DEPS = ("obj", "iobj", "dobj", "dative", "obl:arg", "obl", "pobj")
# Universal morphology gender values -> the genders of lang.yml.
_MORPH_GENDERS = {"Masc": "m", "Fem": "f"}
# Dependency labels of a possessor ("Thomas' sister", "sa sœur").
_POSSESSOR_DEPS = ("poss", "nmod:poss", "nmod")
# Dependency labels of a verb's direct object ("a publié un rapport").
_OBJECT_DEPS = ("obj", "dobj")
_SENTENCE_END = {".", "!", "?", "…", "..."}
_POSITION_REACH = 25  # tokens between a verb and a name that opens its clause
_PRONOUN_LOOKBACK = 400  # tokens: a pronoun stands for someone named in the last paragraphs
_UNNAMED_REACH = 80  # tokens back to a subject that names nobody ("son entraîneur") yet is meant


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
        self._weak_genders = {**self._tagged_genders(), **self._genders}
        # Person actors that were grammatical subjects outside quotes: antecedents for pronouns.
        # Each is (token, actor, whether the subject's verb is a speech verb).
        self._subjects: list[tuple[int, Actor, bool]] = []
        for tok in doc:
            if tok.dep_ in lang.speaker_deps and not self.in_quote(tok.idx) and not self.is_pronoun(tok):
                # "John Smith and his wife Mary arrived": each of them is a subject.
                for part in [tok, *(c for c in tok.children if c.dep_ == "conj")]:
                    actor = self.named_actor(part, describe=False)
                    if actor is not None and actor.type == "person":
                        self._subjects.append((part.i, actor, self.is_speech_verb(tok.head)))
            elif tok.dep_ == "ROOT" and tok.pos_ == "VERB" and not self.in_quote(tok.idx) and not any(
                    c.dep_ in lang.speaker_deps for c in tok.children):
                actor = self.positional_subject(tok)
                if actor is not None and actor.type == "person":
                    self._subjects.append((tok.i, actor, self.is_speech_verb(tok)))
        self._subject_tokens = [i for i, _, _ in self._subjects]

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
        # one before it ("the Crown prosecutor") nor a complement ("le parquet de Paris").
        renaming = sorted((c for c in tok.children if c.dep_ == "appos"
                           or c.dep_ in _RENAMING_DEPS and c.pos_ in ("PROPN", "X") and c.i > tok.i
                           and not any(g.dep_ == "case" for g in c.children)),
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
                if found and not (found.type == "person" and self._names_organisation(tok)):
                    return found
        if depth < 2 and (fold(tok.lemma_) in self.lang.proxy_nouns or fold(tok.text) in self.lang.proxy_nouns):
            # A spokesperson's or a document's words go to whoever they speak for.
            for child in tok.children:
                if child.dep_ in ("nmod", "pobj", "prep", "poss") and child.i > tok.i or child.dep_ == "poss":
                    target = next((c for c in child.children if c.dep_ == "pobj"), child)
                    found = self.named_actor(target, depth + 1)
                    if found:
                        return found
        if tok.pos_ == "NOUN" and self._definite(tok):
            return self._generic_owner(tok, documents=depth == 0)
        return None

    def _names_organisation(self, tok: Token) -> bool:
        """A noun that only ever names an organisation ("l'organisation", "the company"), never a person."""
        word = fold(tok.text)
        return word in self.lang.org_titles and word not in self.lang.titles

    def _definite(self, tok: Token) -> bool:
        """A noun with a definite or demonstrative determiner ("l'ONG", "ce rapport", "the company")."""
        return any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
                   and "Plur" not in c.morph.get("Number") for c in tok.children)

    def _generic_owner(self, tok: Token, documents: bool = True) -> Actor | None:
        """The actor behind a generic noun the description resolver left alone: a document
        ("ce rapport") goes to whoever issued one earlier ("HRW a publié un rapport"); an
        organisation noun ("l'organisation", "the company") to the organisation the article is
        about so far, when one clearly leads. Anything less certain gives None."""
        words = {fold(tok.text), fold(tok.lemma_)}
        if words & self.lang.proxy_nouns:
            return self._document_owner(tok) if documents else None
        if not words & self.lang.org_titles:
            return None
        best = self.leading_organisation(tok.idx)
        if best is None:
            return None
        # Its own complement must fit the name ("le ministère de la Santé" is not "ministère de l'Intérieur").
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "ADP" and nxt.head.i != tok.i and nxt.head.head.i == tok.i:
            name = set(role_words(best.name + " " + " ".join(best.aliases)))
            if fold(nxt.head.text) not in name:
                return None
        return best

    def leading_organisation(self, offset: int) -> Actor | None:
        """The organisation named most before `offset`, if it is the only one or clearly leads."""
        counts: dict[str, int] = {}
        for m in self._mentions[:bisect.bisect_left(self._mention_starts, offset)]:
            actor = self._by_id.get(m.actor_id)
            if actor is not None and actor.type == "organization" and m.end <= offset:
                counts[actor.id] = counts.get(actor.id, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][1] >= 2 and ranked[0][1] >= 2 * ranked[1][1]:
            return self._by_id[ranked[0][0]]
        return None

    def _document_owner(self, tok: Token) -> Actor | None:
        """Who issued the document a noun names again: the subject of the verb that had it as
        object earlier ("HRW vient de publier un rapport … ce rapport")."""
        key = fold(tok.lemma_)
        for i in range(tok.i - 1, max(-1, tok.i - _PRONOUN_LOOKBACK), -1):
            earlier = self.doc[i]
            if fold(earlier.lemma_) != key or earlier.dep_ not in _OBJECT_DEPS or self.in_quote(earlier.idx):
                continue
            verb = earlier.head
            for _ in range(3):
                subject = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps), None)
                if subject is not None:
                    return self.actor_of(subject)
                if verb.dep_ not in _CHAIN_DEPS or verb.head.i == verb.i:
                    break
                verb = verb.head
            return None
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
        """The person a pronoun before token `before` stands for, or None when unsure.

        The latest subject that fits the pronoun's gender, unless a nearer subject that names
        nobody ("son entraîneur", "Thomas' sister") tells otherwise, or two people fit as well.
        """
        word = fold(pronoun)
        if word in self.lang.plural_pronouns:
            return self._plural_antecedent(before)
        gender = self.lang.genders.get(word)
        if gender is None:  # unknown pronouns are not resolved
            return None
        k = bisect.bisect_left(self._subject_tokens, before)
        at = max(0, before - _PRONOUN_LOOKBACK)
        found = None
        while k > 0:
            k -= 1
            i, actor, _ = self._subjects[k]
            if i < at:
                break
            if self._genders.get(actor.id, gender) == gender:
                at, found = i, self._best_in_sentence(i, gender, before)
                break
        unnamed, settled = self._unnamed_subject(gender, max(at, before - _UNNAMED_REACH), before)
        return unnamed if settled else found

    def _best_in_sentence(self, at: int, gender: str, before: int) -> Actor | None:
        """Among the subjects of the sentence of token `at` that fit, the one that surely does:
        the only speaker, else the only one known to be of that gender; None if still a tie
        ("Le Premier ministre et le président se sont rencontrés. « … », a-t-il déclaré")."""
        first, last = self._sentence_bounds(at)
        fits: dict[str, tuple[bool, bool, Actor]] = {}
        for i, actor, speaks in self._subjects[bisect.bisect_left(self._subject_tokens, first):]:
            if i >= min(last, before):
                break
            if self._genders.get(actor.id, gender) != gender:
                continue
            was = fits.get(actor.id, (False, False, actor))
            fits[actor.id] = (was[0] or speaks, self._weak_genders.get(actor.id) == gender, actor)
        for rank in (lambda f: f[0], lambda f: f[1], lambda f: f[0] and f[1]):
            if len(fits) == 1:
                break
            top = [f for f in fits.values() if rank(f)]
            if len(top) == 1:
                return top[0][2]
        return next(iter(fits.values()))[2] if len(fits) == 1 else None

    def _sentence_bounds(self, i: int) -> tuple[int, int]:
        """First and after-last token of the sentence of token i, cut at sentence ends outside
        quotes and at paragraph breaks (the parser's sentences run across both at times)."""
        doc = self.doc

        def ends(tok: Token) -> bool:
            return tok.text in _SENTENCE_END and not self.in_quote(tok.idx) or "\n" in tok.text

        first = i
        while first > 0 and not ends(doc[first - 1]) and i - first < 2 * _POSITION_REACH:
            first -= 1
        last = i + 1
        while last < len(doc) and not ends(doc[last - 1]) and last - i < 2 * _POSITION_REACH:
            last += 1
        return first, last

    def _unnamed_subject(self, gender: str, start: int, before: int) -> tuple[Actor | None, bool]:
        """What subjects that name nobody, between token `start` and the pronoun, say, and
        whether that settles it.

        "Thomas' sister pleaded with him, but he replied": a person noun of the other gender
        points to its possessor. One of the same gender ("son entraîneur était ravi") is who
        the pronoun stands for: the actor it describes, or nobody we can name.
        """
        genders, lang = self.lang.genders, self.lang
        for tok in reversed(self.doc[start + 1:before]):
            if tok.dep_ not in lang.speaker_deps or tok.pos_ != "NOUN" or self.in_quote(tok.idx) \
                    or "Plur" in tok.morph.get("Number"):
                continue
            if self.mention_at(tok.idx, tok.idx + len(tok)) is not None:
                continue  # a named subject: the subject list has it
            word = fold(tok.text) if fold(tok.text) in genders or fold(tok.text) in lang.titles else fold(tok.lemma_)
            said = genders.get(word)
            if said is None and word not in lang.titles:
                continue  # not a word for a person
            if said in (None, gender):
                # "Son entraîneur était ravi", "His coach was less happy": that person spoke.
                actor = self.named_actor(tok)
                return (actor if actor is not None and actor.type == "person" else None), True
            possessors = [c for c in tok.children if c.dep_ in _POSSESSOR_DEPS and c.pos_ in ("PROPN", "PRON")]
            owners = {a.id: a for a in (self.mention_actor(c.idx, c.idx + len(c)) for c in possessors)
                      if a is not None and a.type == "person" and self._genders.get(a.id, gender) == gender}
            if len(owners) == 1:
                return next(iter(owners.values())), True
            if any(c.pos_ == "PROPN" for c in possessors):
                return None, True  # "Daniel's sister … he replied": Daniel, whom we cannot name
        return None, False

    def _plural_antecedent(self, before: int) -> Actor | None:
        """"Ils"/"they" stand for an organisation only when the nearest subject before, in the
        same or the previous sentence, is that organisation."""
        sents = 0
        for i in range(before - 1, max(-1, before - _POSITION_REACH * 2), -1):
            tok = self.doc[i]
            if tok.text in _SENTENCE_END and not self.in_quote(tok.idx):
                sents += 1
                if sents > 1:
                    break
            if tok.dep_ not in self.lang.speaker_deps or self.in_quote(tok.idx):
                continue
            actor = self.named_actor(tok, describe=False)
            return actor if actor is not None and actor.type == "organization" else None
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
                    if t.pos_ == "PRON" and fold(t.text) in genders and t.dep_ not in _OBJECT_PRONOUN_DEPS}
            if len(seen) == 1:
                votes.setdefault(m.actor_id, set()).update(seen)
        return {aid: next(iter(g)) for aid, g in votes.items() if len(g) == 1}

    def _tagged_genders(self) -> dict[str, str]:
        """The tagger's gender for each actor's first name ("Édouard": Masc) when all its
        mentions agree. Weak (it tags "Jean" Fem at times): it only breaks ties between people
        who both fit a pronoun; models that do not mark gender on names add nothing."""
        doc, starts = self.doc, [t.idx for t in self.doc]
        tagged: dict[str, set[str]] = {}
        for m in self._mentions:
            k = bisect.bisect_left(starts, m.start)
            if k >= len(doc) or doc[k].pos_ != "PROPN":
                continue
            marked = {_MORPH_GENDERS[g] for g in doc[k].morph.get("Gender") if g in _MORPH_GENDERS}
            tagged.setdefault(m.actor_id, set()).update(marked or {""})
        return {aid: next(iter(g)) for aid, g in tagged.items() if len(g) == 1 and "" not in g}

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
        """A verb that introduces someone's words (by its lemma, or by its form when the
        lemmatizer left it as written: "estime")."""
        return tok.pos_ in ("VERB", "AUX") and (fold(tok.lemma_) in self.lang.speech_verbs
                                                 or fold(tok.text) in self.lang.speech_verb_forms)

    def is_speech_verb_form(self, tok: Token) -> bool:
        """A word spelled like a speech verb whatever its tag ("juge" in "», juge le ministère")."""
        return tok.is_alpha and fold(tok.text) in self.lang.speech_verb_forms

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
                # The first subject that names someone ("interrogé par la commission, l'ancien
                # ministre X a répondu", misparsed as two agents), else the first.
                named = ((s, self.actor_of(s)) for s in subjects)
                subject, actor = next(((s, a) for s, a in named if a is not None), (subjects[0], None))
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
            named = self.mention_at(doc[end].idx, doc[end].idx + 1) if end < len(doc) else None
            person = self._by_id.get(named.actor_id) if named is not None and named.start >= doc[end].idx else None
            if person is not None and person.type == "person":
                # "juge le préfet de police Laurent Nuñez": the role, then the name.
                actor = person
                while end < len(doc) and doc[end].idx < named.end:
                    end += 1
        # The name closes the clause, or only a complement follows ("estime la CGT dans un communiqué").
        if end < len(doc) and not (doc[end].is_punct or doc[end].is_space or doc[end].pos_ == "ADP"):
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
