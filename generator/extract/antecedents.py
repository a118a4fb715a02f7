"""Who a pronoun stands for: the people named as subjects so far, their genders, and the
unnamed subjects ("son entraîneur", "Thomas' sister") that may be meant instead.

`Antecedents` is built once per document over a names-only `NounPhrases` view (mentions,
quoted spans, names of noun phrases): an antecedent is always a name, never another pronoun.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..langdata import LangData, fold
from ..models import Actor
from .nominal import NounPhrases
from .verbs import is_speech_verb, is_speech_verb_form

# Clauses with subjects of their own: their pronouns say nothing about the main subject.
# Dependency labels of object pronouns: "X lui a dit", "X told him" say nothing of X's gender.
# The genders of lang.yml -> the morphology roles that mark them.
_MORPH_GENDERS = {"m": "masculine", "f": "feminine"}
# Dependency labels of a possessor ("Thomas' sister", "sa sœur").
_SENTENCE_END = {".", "!", "?", "…", "..."}
_POSITION_REACH = 25  # tokens: how far a sentence is looked at around one subject
_PRONOUN_LOOKBACK = 400  # tokens: a pronoun stands for someone named in the last paragraphs
_UNNAMED_REACH = 80  # tokens back to a subject that names nobody ("son entraîneur") yet is meant


class Antecedents:
    """The people a pronoun of one document may stand for."""

    def __init__(self, finder: NounPhrases) -> None:
        self.finder, self.doc, self.lang = finder, finder.doc, finder.lang
        doc, lang = self.doc, self.lang
        self._genders = self._actor_genders()
        self._weak_genders = {**self._tagged_genders(), **self._genders}
        # Person actors that were grammatical subjects outside quotes: antecedents for pronouns.
        # Each is (token, actor, whether the subject's verb is a speech verb).
        self._subjects: list[tuple[int, Actor, bool]] = []
        for tok in doc:
            if tok.dep_ in lang.speaker_deps and tok.head.dep_ in lang.deps["open_clause"]:
                continue  # "X a indiqué avoir eu Y au téléphone": Y is no subject, whatever the parse
            if tok.dep_ in lang.speaker_deps and not self.finder.in_quote(tok.idx) and not self.finder.is_pronoun(tok):
                # "John Smith and his wife Mary arrived": each of them is a subject.
                for part in [tok, *(c for c in tok.children if c.dep_ in lang.deps["conjunct"])]:
                    actor = self.finder.named_actor(part, describe=False)
                    # A person's name, even when the actor table typed it otherwise: the tagger
                    # says so, or a gendered word or pronoun was seen with it.
                    if actor is not None and (
                        actor.type == "person"
                        or actor.type != "place"
                        and (lang.entity_types.get(part.ent_type_) == "person" or actor.id in self._genders)
                    ):
                        self._subjects.append((part.i, actor, is_speech_verb(tok.head, lang)))
            elif (
                tok.dep_ in lang.deps["root"]
                and tok.pos_ == "VERB"
                and not self.finder.in_quote(tok.idx)
                and not any(c.dep_ in lang.speaker_deps for c in tok.children)
            ):
                actor = self.finder.positional_subject(tok)
                if actor is not None and actor.type == "person":
                    self._subjects.append((tok.i, actor, is_speech_verb(tok, lang)))
            elif is_speech_verb_form(tok, lang) and not self.finder.in_quote(tok.idx) and self._opens_incise(tok):
                # "», raconte X", ", a indiqué X": the incise's name, which the parser often takes
                # for an object; or the body an unnamed spokesperson speaks for ("a indiqué un
                # porte-parole de la police … a-t-il précisé").
                actor = self.finder.name_after(tok)
                if actor is not None and (actor.type == "person" or self._spokesperson_after(tok)):
                    self._subjects.append((tok.i + 1, actor, True))
        self._subjects.sort(key=lambda s: s[0])
        self._subject_tokens = [i for i, _, _ in self._subjects]

    def _opens_incise(self, verb: Token) -> bool:
        """A verb (after its auxiliaries) right after a closing quote mark or a comma."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ == "AUX" and self.doc[i].head.i == verb.i:
            i -= 1
        return i >= 0 and (self.finder.in_quote(self.doc[i].idx) or self.doc[i].text == ",")

    def _spokesperson_after(self, verb: Token) -> bool:
        """A proxy noun ("un porte-parole") right after the verb: a person speaking for a body."""
        j = verb.i + 1
        while j < len(self.doc) and self.doc[j].pos_ == "DET":
            j += 1
        return (
            j < len(self.doc)
            and fold(self.doc[j].lemma_) in self.lang.proxy_nouns
            and fold(self.doc[j].lemma_) not in self.lang.document_nouns
        )

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
        reporter = (
            self._reporting_pronoun(at, gender) if at < before and self.doc[at].dep_ in self.lang.speaker_deps else None
        )
        if reporter is not None:
            found = self.antecedent(self.doc[reporter].text, reporter)
        elif found is not None:
            found = self._named_since(found, at, gender, before)
        if found is not None and self._other_gender_beside(found, at, gender):
            found = None  # "Paul X a rencontré Marie Y. « … », a-t-elle déclaré": not Paul
        unnamed, settled = self._unnamed_subject(gender, max(at, before - _UNNAMED_REACH), before)
        if settled:
            return unnamed
        body, settled = self._body_subject(gender, max(at, before - _UNNAMED_REACH), before)
        return body if settled else found

    def _other_gender_beside(self, found: Actor, at: int, gender: str) -> bool:
        """Whether the subject found is, by its tagged first name, of the other gender while
        someone else named in its sentence may be of the pronoun's: the pronoun may mean that other
        person, whom it cannot name for sure (the tagger errs at times), so nobody."""
        if self._weak_genders.get(found.id, gender) == gender:
            return False
        first, last = self._sentence_bounds(at)
        start, end = self.doc[first].idx, self.doc[min(last, len(self.doc) - 1)].idx
        return any(
            m.actor_id != found.id and start <= m.start < end and self._weak_genders.get(m.actor_id, gender) == gender
            for m in self.finder.mentions
        )

    def role_antecedent(self, tok: Token) -> Actor | None:
        """ "X called on Y to apologize. "…," Obama's former strategist said": a definite or
        possessed person noun no name resolves stands, like a pronoun, for the person subject
        of the sentences just before, when nobody else has been named by name since, that
        person is not its possessor ("X's lawyer") and the noun's gender does not rule them out."""
        word = fold(tok.lemma_)
        if word not in self.lang.person_nouns or word in self.lang.titles:
            return None  # a title ("the minister") names only whoever was given it (`_titled_before`)
        if any(c.dep_ in self.lang.deps["determiner"] and self.lang.has_morph(c, "indefinite") for c in tok.children):
            return None  # "a strategist": someone unnamed
        first, _ = self._sentence_bounds(tok.i)
        start, _ = self._sentence_bounds(max(0, first - 1))
        start, _ = self._sentence_bounds(max(0, start - 1))
        k = bisect.bisect_left(self._subject_tokens, tok.i)
        if k == 0 or self._subjects[k - 1][0] < start:
            return None
        at, actor, _ = self._subjects[k - 1]
        if k >= 2 and self._subjects[k - 2][1] != actor and self._subjects[k - 2][0] >= self._sentence_bounds(at)[0]:
            return None  # "X et Y ont présenté …, résume le chercheur": either of them
        possessors = [c for c in tok.children if c.dep_ in self.lang.deps["possessor"]]
        owned = any(
            self.finder.mention_actor(c.idx, c.idx + len(c)) == actor
            or fold(c.text) in fold(actor.name).split()
            or c.pos_ == "PRON"
            or self.finder.names_a_person(c)  # "his lawyer", "the mayor's aide"
            for c in possessors
        )
        gender = self.lang.genders.get(fold(tok.lemma_))
        if owned or gender is not None and self._genders.get(actor.id, gender) != gender:
            return None
        return actor if self._named_since(actor, at, gender, tok.i) == actor else None

    def _reporting_pronoun(self, at: int, gender: str) -> int | None:
        """ "She added that X was wrong", "he does believe X is right": the subject at token `at`
        is only reported by a verb whose own subject, before it, is a pronoun of that gender;
        that pronoun (its index) is who goes on speaking."""
        verb = self.doc[at].head
        for _ in range(3):
            if verb.dep_ not in self.lang.deps["chain"] or verb.head.i == verb.i:
                break
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps), None)
            if subject is not None:
                fits = (
                    subject.i < at
                    and self.finder.is_pronoun(subject)
                    and self.lang.genders.get(fold(subject.text)) == gender
                )
                return subject.i if fits else None
        return None

    def _named_since(self, found: Actor, at: int, gender: str | None, before: int) -> Actor | None:
        """ "X said … [then] with Y lambasting the plan. "…," she said": people who may fit the
        pronoun, named after the sentence of the subject found (by name, not as subjects nor
        as a modifier: "the Y campaign", "Y's plan"), stand between it and the pronoun. One
        such person is who is meant; several leave it open. A pronoun subject of that gender
        in between ("He added that Y …") carries the subject found on instead. The subject of
        a clause of its own ("While X had …, that concerns Y") leaves the rest of its sentence."""
        _, last = self._sentence_bounds(at)
        head = self.doc[at].head
        if head.dep_ in self.lang.deps["other_clause"] and head.i < head.right_edge.i + 1 < last:
            last = head.right_edge.i + 1
        if last >= before:
            return found
        doc, finder = self.doc, self.finder
        if any(
            t.dep_ in self.lang.speaker_deps
            and finder.is_pronoun(t)
            and not finder.in_quote(t.idx)
            and self.lang.genders.get(fold(t.text)) == gender
            for t in doc[last:before]
        ):
            return found
        start, end = doc[last].idx, doc[min(before, len(doc) - 1)].idx
        since: dict[str, Actor] = {}
        for m in finder.mentions[bisect.bisect_left(finder.index.mention_starts, start) :]:
            if m.start >= end:
                break
            actor = finder.index.by_id.get(m.actor_id)
            if actor is None or actor.type != "person" or actor.id == found.id or finder.in_quote(m.start):
                continue
            first = doc[bisect.bisect_left(finder.index.token_starts, m.start)]
            root = next(
                (t for t in doc[first.i : first.i + 6] if t.idx < m.end and not m.start <= t.head.idx < m.end), first
            )
            names = {fold(n) for n in (actor.name, *actor.aliases)}
            if fold(m.text) not in names or root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN"):
                continue  # a description ("the nominee"), or a name modifying a noun
            if finder.in_passing(m):
                continue  # named as a noun's complement ("avec son complice, Paul Durand")
            if gender is None or self._genders.get(actor.id, gender) == gender:  # None: any person fits
                since[actor.id] = actor
        if not since:
            return found
        return next(iter(since.values())) if len(since) == 1 else None

    def _body_subject(self, gender: str, start: int, before: int) -> tuple[Actor | None, bool]:
        """ "Le nouveau gouvernement s'est donné pour objectif … Il a déclaré": a singular subject
        naming an institution, of the pronoun's grammatical gender, nearer than any person,
        is what the pronoun stands for (the organisation if it is an actor, else no one we
        can name)."""
        lang = self.lang
        for tok in reversed(self.doc[start + 1 : before]):
            # (An acronym such as "ONG" is often tagged as a foreign word, without gender.)
            if (
                tok.dep_ not in lang.speaker_deps
                or tok.pos_ not in ("NOUN", "X")
                or self.finder.in_quote(tok.idx)
                or lang.has_morph(tok, "plural")
            ):
                continue
            if fold(tok.lemma_) not in lang.institution_nouns and fold(tok.lemma_) not in lang.org_titles:
                continue
            # A noun without grammatical gender ("the party") is no "he" or "she"; the data
            # knows the gender of nouns the tagger leaves without one.
            noun_gender = next(iter(_genders(tok, lang)), None) or lang.body_genders.get(fold(tok.lemma_))
            if noun_gender != gender:
                continue
            actor = self.finder.named_actor(tok)
            return (actor if actor is not None and actor.type == "organization" else None), True
        return None, False

    def _best_in_sentence(self, at: int, gender: str, before: int) -> Actor | None:
        """Among the subjects of the sentence of token `at` that fit, the one that surely does:
        the only speaker, else the only one known to be of that gender; None if still a tie
        ("Le Premier ministre et le président se sont rencontrés. « … », a-t-il déclaré")."""
        first, last = self._sentence_bounds(at)
        fits: dict[str, tuple[bool, bool, Actor]] = {}
        for i, actor, speaks in self._subjects[bisect.bisect_left(self._subject_tokens, first) :]:
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
            return tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx) or "\n" in tok.text

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
        for tok in reversed(self.doc[start + 1 : before]):
            if (
                tok.dep_ not in lang.speaker_deps
                or tok.pos_ != "NOUN"
                or self.finder.in_quote(tok.idx)
                or lang.has_morph(tok, "plural")
            ):
                continue
            if self.finder.mention_at(tok.idx, tok.idx + len(tok)) is not None:
                continue  # a named subject: the subject list has it
            word = fold(tok.text) if fold(tok.text) in genders or fold(tok.text) in lang.titles else fold(tok.lemma_)
            said = genders.get(word)
            if said is None and word not in lang.titles:
                continue  # not a word for a person
            if said in (None, gender):
                # "Son entraîneur était ravi", "His coach was less happy": that person spoke.
                actor = self.finder.named_actor(tok)
                if actor is not None and actor.type == "organization" and fold(tok.lemma_) in lang.proxy_nouns:
                    return actor, True  # "un porte-parole de la police … a-t-il précisé": the police
                if actor is None or actor.type != "person":
                    return None, True
                possessive = any(
                    c.dep_ in self.lang.deps["determiner"] and self.lang.has_morph(c, "possessive")
                    for c in tok.children
                )
                if not possessive and not self._named_in_paragraph(actor, before):
                    # "La procureure elle-même avait salué …": a role last named paragraphs ago,
                    # set in a side remark; too weak to credit her with the words.
                    return None, True
                return actor, True
            possessors = [
                c for c in tok.children if c.dep_ in self.lang.deps["possessor"] and c.pos_ in ("PROPN", "PRON")
            ]
            owners = {
                a.id: a
                for a in (self.finder.mention_actor(c.idx, c.idx + len(c)) for c in possessors)
                if a is not None and a.type == "person" and self._genders.get(a.id, gender) == gender
            }
            if len(owners) == 1:
                return next(iter(owners.values())), True
            if any(c.pos_ == "PROPN" for c in possessors):
                return None, True  # "Daniel's sister … he replied": Daniel, whom we cannot name
        return None, False

    def _named_in_paragraph(self, actor: Actor, before: int) -> bool:
        """Whether `actor` is mentioned in the paragraph of token `before`, before it."""
        doc, text = self.doc, self.finder.doc_text
        start = text.rfind("\n", 0, doc[before].idx if before < len(doc) else len(text)) + 1
        end = doc[before].idx if before < len(doc) else len(text)
        return any(m.actor_id == actor.id and start <= m.start < end for m in self.finder.mentions)

    def _plural_antecedent(self, before: int) -> Actor | None:
        """ "Ils"/"they" stand for an organisation only when the nearest subject before, in the
        same or the previous sentence, is that organisation."""
        sents = 0
        for i in range(before - 1, max(-1, before - _POSITION_REACH * 2), -1):
            tok = self.doc[i]
            if tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx):
                sents += 1
                if sents > 1:
                    break
            if tok.dep_ not in self.lang.speaker_deps or self.finder.in_quote(tok.idx) or tok.pos_ == "PRON":
                continue  # a pronoun ("ont-ils prévenu") is what we are resolving, not an antecedent
            actor = self.finder.named_actor(tok, describe=False)
            return actor if actor is not None and actor.type == "organization" else None
        return None

    def _actor_genders(self) -> dict[str, str]:
        """Gender of actors told by a word next to one of their mentions ("Mme X", "sa fille, X")."""
        doc, genders = self.doc, self.lang.genders
        starts = [t.idx for t in doc]
        votes: dict[str, set[str]] = {}
        for m in self.finder.mentions:
            k = bisect.bisect_left(starts, m.start)
            if k >= len(doc):
                continue
            # "Mme X", "his wife X", and appositions both ways ("sa fille, X", "X, présidente").
            near = [doc[k - 1]] if k else []
            near += [c for c in doc[k].children if c.dep_ in self.lang.deps["apposition"]]
            if doc[k].dep_ in self.lang.deps["apposition"]:
                near.append(doc[k].head)
            for tok in near:
                word = fold(tok.text) if fold(tok.text) in genders else fold(tok.lemma_)
                if word in genders and tok.pos_ != "PRON":
                    votes.setdefault(m.actor_id, set()).add(genders[word])
                elif self.finder.names_a_person(tok) and len(_genders(tok, self.lang)) == 1:
                    # "son adjointe Marie X": a person noun the data lists without a gender,
                    # whose form the tagger marks.
                    votes.setdefault(m.actor_id, set()).add(_genders(tok, self.lang)[0])
        for tok in doc:
            if tok.dep_ not in self.lang.speaker_deps or self.finder.in_quote(tok.idx):
                continue
            m = self.finder.mention_at(tok.idx, tok.idx + len(tok))
            if m is None:
                continue
            # "X decided to treat his daughter himself": pronouns of X's own clause, not of the
            # clauses it governs ("X told the court that her …").
            clause = self._own_clause(tok.head, tok.i)
            # "X grilled Y for his role": with someone else named in the clause, a possessive
            # may be theirs.
            others = any(
                o is not None and o.id != m.actor_id and o.type == "person"
                for o in (self.finder.mention_actor(t.idx, t.idx + len(t)) for t in clause)
            )
            seen = {
                genders[fold(t.text)]
                for t in clause
                if t.pos_ == "PRON"
                and fold(t.text) in genders
                and t.dep_ not in self.lang.deps["object_pronoun"]
                and not (others and t.dep_ in self.lang.deps["possessor"])
            }
            if len(seen) == 1:
                votes.setdefault(m.actor_id, set()).update(seen)
        return {aid: next(iter(g)) for aid, g in votes.items() if len(g) == 1}

    def _tagged_genders(self) -> dict[str, str]:
        """The tagger's gender for each actor's first name ("Édouard": Masc) when all its
        mentions agree. Weak (it tags "Jean" Fem at times): it only breaks ties between people
        who both fit a pronoun; models that do not mark gender on names add nothing."""
        doc, starts = self.doc, [t.idx for t in self.doc]
        tagged: dict[str, set[str]] = {}
        for m in self.finder.mentions:
            k = bisect.bisect_left(starts, m.start)
            if k >= len(doc) or doc[k].pos_ != "PROPN":
                continue
            marked = set(_genders(doc[k], self.lang))
            tagged.setdefault(m.actor_id, set()).update(marked or {""})
        return {aid: next(iter(g)) for aid, g in tagged.items() if len(g) == 1 and "" not in g}

    def _own_clause(self, verb: Token, subject: int) -> list[Token]:
        """Tokens of a verb's clause, without its subject and the clauses it governs."""
        out: list[Token] = []
        stack = [verb]
        while stack and len(out) < 40:
            tok = stack.pop()
            out.append(tok)
            stack += [c for c in tok.children if c.i != subject and c.dep_ not in self.lang.deps["other_clause"]]
        return out


def _genders(tok: Token, lang: LangData) -> list[str]:
    """The genders ("m", "f") the token's morphology marks."""
    return [gender for gender, role in _MORPH_GENDERS.items() if lang.has_morph(tok, role)]
