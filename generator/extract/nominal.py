"""Who a noun phrase names or describes: a mention, an apposed name, a role, a spokesperson's
or a document's owner, an organisation noun ("l'ONG").

`NounPhrases` reads a `DocIndex`. On its own it resolves no pronoun (`antecedent` gives None):
that is the names-only view `Antecedents` is built from; `SpeakerFinder` extends it with
pronoun resolution, so no module needs the one that needs it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from ..langdata import fold
from ..models import Actor
from .actors import Mention
from .docindex import DocIndex
from .doctext import text_of
from .roles import role_words

SENTENCE_END = {".", "!", "?", "…", "..."}
_POSITION_REACH = 25  # tokens between a verb and a name that opens its clause
_COMPLEMENT_REACH = 9  # tokens after a verb: a short complement, then its inverted subject
PRONOUN_LOOKBACK = 400  # tokens: a pronoun stands for someone named in the last paragraphs


class NounPhrases:
    """Answers "whom does this noun phrase name?" for tokens of one document."""

    def __init__(self, index: DocIndex) -> None:
        self.index = index
        self.doc, self.lang, self.actors = index.doc, index.lang, index.actors
        self.doc_text = index.text
        self._token_starts = index.token_starts
        self._mentions = index.mentions
        self._mention_starts = index.mention_starts
        self._by_id = index.by_id
        self.in_quote = index.in_quote
        self.mention_at = index.mention_at
        self.mention_actor = index.mention_actor

    @property
    def mentions(self):  # noqa: ANN201 - list[Mention]
        """The actor mentions of the document, in text order."""
        return self._mentions

    def antecedent(self, pronoun: str, before: int) -> Actor | None:
        """Names only: a pronoun is not resolved here (see `SpeakerFinder`)."""
        return None

    def role_antecedent(self, tok: Token) -> Actor | None:
        """Names only: a role noun is not resolved like a pronoun here (see `SpeakerFinder`)."""
        return None

    # -- noun phrases -------------------------------------------------------------------------

    def is_pronoun(self, tok: Token) -> bool:
        """A personal pronoun that may stand for a named speaker."""
        return fold(tok.text) in self.lang.pronouns or fold(tok.text) in self.lang.genders and tok.pos_ == "PRON"

    def names_a_person(self, tok: Token) -> bool:
        """A common noun for a person ("le maire", "son frère", "the spokesman")."""
        if tok.pos_ != "NOUN":
            return False
        words = {fold(tok.text), fold(tok.lemma_)}
        # "l'ex-président": the role it was.
        words |= {w[len(p) :] for w in words for p in self.lang.former_prefixes if w.startswith(p)}
        return bool(words & self.lang.titles or words & self.lang.genders.keys() or words & self.lang.person_nouns)

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
        deps = self.lang.deps
        if tok.pos_ == "ADP":  # English agents hang the noun under "by"
            tok = next((c for c in tok.children if c.dep_ in deps["preposition_object"]), tok)
        found = self.mention_actor(tok.idx, tok.idx + len(tok))
        if found and not (
            found.type != "person" and self.names_a_person(tok) and fold(tok.text) not in fold(found.name)
        ):
            return found  # not "le président de la COP29", a person whose role names the body
        # A name in apposition, or right after a common noun ("le quotidien El Punt Avui"), not
        # one before it ("the Crown prosecutor") nor a complement ("le parquet de Paris").
        renaming = sorted(
            (
                c
                for c in tok.children
                if c.dep_ in deps["apposition"]
                or c.dep_ in deps["renaming"]
                and c.pos_ in ("PROPN", "X")
                and c.i > tok.i
                and not any(g.dep_ in deps["case_marker"] for g in c.children)
            ),
            key=lambda c: c.dep_ not in deps["apposition"],
        )
        for child in renaming:
            found = self.mention_actor(child.idx, child.idx + len(child))
            if found and not (found.type == "place" and self.names_a_person(tok)):
                return found  # not "le maire de New York" (its "York" read as renaming the mayor)
        if tok.pos_ == "NOUN":
            found = self._name_after_role(tok)
            if found:
                return found
        if depth == 0 and tok.pos_ == "NOUN" and self.names_a_person(tok):
            # "X, le candidat du parti, a dit": the parser often makes the role the subject.
            left = tok.left_edge.i
            if left >= 2 and self.doc[left - 1].text == ",":
                found = self.mention_actor(self.doc[left - 2].idx, self.doc[left - 2].idx + 1)
                if found:
                    return found
        if not describe:
            return None
        plural_members = fold(tok.lemma_) in self.lang.member_nouns and self.lang.has_morph(tok, "plural")
        if depth < 2 and (
            fold(tok.lemma_) in self.lang.proxy_nouns or fold(tok.text) in self.lang.proxy_nouns or plural_members
        ):
            # A spokesperson's or a document's words go to whoever they speak for, before any
            # description of the spokesperson themself ("la porte-parole du ministère").
            for child in tok.children:
                # "la porte-parole de X", "a spokesman for X", "X's statement", "a X spokesperson".
                if (
                    child.dep_ in deps["complement"] | deps["preposition_object"]
                    and child.i > tok.i
                    or child.dep_ in deps["possessive"]
                    or child.dep_ in deps["compound_name"]
                    and child.pos_ == "PROPN"
                ):
                    target = next((c for c in child.children if c.dep_ in deps["preposition_object"]), child)
                    found = self.named_actor(target, depth + 1)
                    # "les députés de l'UMP" speak for their party, not for a place.
                    if found and (not plural_members or found.type == "organization"):
                        return found
        # A description ("le président vénézuélien", "le président de la commission"), unless a
        # name inside it ("Gloria's eczema") is what resolve() would return instead.
        # "un négociateur africain": an unnamed individual, not whoever fits the description.
        indefinite = any(c.dep_ in deps["determiner"] and self.lang.has_morph(c, "indefinite") for c in tok.children)
        for span in () if indefinite else self._noun_phrases(tok):
            if len(span) and not self._has_mention(span):
                found = self.actors.resolve(span)
                # "l'organisation" is no person, "le maire de New York" no place.
                if found and not (
                    found.type == "person"
                    and self._names_organisation(tok)
                    or found.type == "place"
                    and self.names_a_person(tok)
                ):
                    return found
        possessive = any(c.dep_ in deps["determiner"] and self.lang.has_morph(c, "possessive") for c in tok.children)
        if not indefinite and (self._definite(tok) or possessive):
            found = self._titled_before(tok)
            if found:
                return found
        if tok.pos_ == "NOUN" and self._definite(tok):
            found = self._generic_owner(tok, documents=depth == 0)
            if (
                found is None
                and self.names_a_person(tok)
                and not self.lang.has_morph(tok, "plural")
                and not any(c.dep_ in deps["complement"] for c in tok.children)
            ):
                found = self._only_person_before(tok)
            return found
        return None

    def _only_person_before(self, tok: Token) -> Actor | None:
        """ "résume l'universitaire", "the senator said": a definite person noun with no complement
        names again the one person the story has named so far (outside quotes); with two or
        more, it could be any of them and names nobody. That person must have been named as
        more than a noun's complement: in "the trial of X … the lawyer said", X is no lawyer."""
        person, acting = None, False
        for m in self._mentions[: bisect.bisect_left(self._mention_starts, tok.idx)]:
            actor = self._by_id.get(m.actor_id)
            if actor is None or actor.type != "person" or self.in_quote(m.start):
                continue
            if person is not None and actor.id != person.id:
                return None
            person = actor
            acting = acting or not self.in_passing(m)
        return person if acting else None

    def in_passing(self, m: Mention) -> bool:
        """Whether a mention only complements a noun before it ("le procès de X", "d'anciens
        membres des forces de sécurité", "the trial of X"): named in passing, acting in nothing."""
        first = bisect.bisect_left(self._token_starts, m.start)
        if first >= len(self.doc):
            return False
        span = [t for t in self.doc[first : first + 8] if t.idx < m.end]
        head = next((t for t in span if not m.start <= t.head.idx < m.end), self.doc[first])
        governor = head.head.head if head.head.pos_ == "ADP" else head.head
        return head.dep_ in self.lang.deps["passing_complement"] and governor.pos_ == "NOUN" and governor.i < head.i

    def _name_after_role(self, tok: Token) -> Actor | None:
        """A person named right after a role noun the parser split off ("le lieutenant-colonel
        X", where "-colonel X" hangs elsewhere): only words glued by hyphens or lowercase
        nouns and adjectives in between."""
        doc = self.doc
        j = tok.i + 1
        while (
            j < len(doc)
            and j - tok.i <= 4
            and (
                not doc[j - 1].whitespace_ and not doc[j].is_space or doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_lower
            )
        ):
            j += 1
        if j >= len(doc):  # the name itself may be mistagged ("le président Obama" as ADJ)
            return None
        m = self.mention_at(doc[j].idx, doc[j].idx + len(doc[j]))
        actor = self._by_id.get(m.actor_id) if m is not None and m.start == doc[j].idx else None
        if actor is None or actor.type != "person":
            return None
        role = fold(text_of(doc)[tok.idx : doc[j - 1].idx + len(doc[j - 1])])
        return actor if self.names_a_person(tok) or role in self.lang.titles else None

    def _titled_before(self, tok: Token) -> Actor | None:
        """The person last named with the same title or kinship noun ("le ministre chargé de la
        Santé, X" … "a assuré le ministre"; "son frère, X" … "son frère"): the nearest person
        mention before `tok` with that word just before it or in apposition to it."""
        word = fold(tok.lemma_)
        if word not in self.lang.titles and word not in self.lang.genders:
            return None
        if any(c.dep_ in self.lang.deps["possessor"] for c in tok.children):
            return None  # "le ministre de l'Intérieur" is named by its complement, if at all
        doc, starts = self.doc, self._token_starts
        for m in reversed(self._mentions[: bisect.bisect_left(self._mention_starts, tok.idx)]):
            k = bisect.bisect_left(starts, m.start)
            if k >= len(doc) or tok.i - k > PRONOUN_LOOKBACK:
                break
            actor = self._by_id.get(m.actor_id)
            if actor is None or actor.type != "person" or self.in_quote(m.start):
                continue
            near = list(doc[max(0, k - 8) : k]) + ([doc[k].head] if doc[k].dep_ in self.lang.deps["apposition"] else [])
            if any(fold(t.lemma_) == word and t.pos_ == "NOUN" for t in near):
                return actor
        return None

    def _names_organisation(self, tok: Token) -> bool:
        """A noun that only ever names an organisation ("l'organisation", "the company"), never a person."""
        word = fold(tok.text)
        return word in self.lang.org_titles and word not in self.lang.titles

    def _definite(self, tok: Token) -> bool:
        """A noun with a definite or demonstrative determiner ("l'ONG", "ce rapport", "the company")."""
        return any(
            c.dep_ in self.lang.deps["determiner"]
            and (self.lang.has_morph(c, "definite") or self.lang.has_morph(c, "demonstrative"))
            and not self.lang.has_morph(c, "plural")
            for c in tok.children
        )

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
        for m in self._mentions[: bisect.bisect_left(self._mention_starts, offset)]:
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
        """Who issued the document a noun names again: the subject of the verb that had the
        last document before as object or complement ("HRW vient de publier un rapport … ce
        rapport", "Dans un communiqué, la présidence a jugé … poursuit le texte")."""
        keys: frozenset[str] = frozenset({fold(tok.lemma_)})
        if keys & self.lang.document_nouns:
            keys = self.lang.document_nouns
        return self._owner_before(tok.i, keys)

    def document_owner_before(self, before: int) -> Actor | None:
        """Who issued the last document named before token `before` ("La CGT a publié un
        communiqué. « … », peut-on y lire")."""
        return self._owner_before(before, self.lang.document_nouns)

    def _owner_before(self, before: int, keys: frozenset[str] | set[str]) -> Actor | None:
        """The issuer of the last document before token `before` whose noun is one of `keys`."""
        deps = self.lang.deps
        for i in range(before - 1, max(-1, before - PRONOUN_LOOKBACK), -1):
            earlier = self.doc[i]
            if fold(earlier.lemma_) not in keys or self.in_quote(earlier.idx):
                continue
            if earlier.dep_ in self.lang.speaker_deps:
                # "Le documentaire d'Al Jazeera précise …": its owner named there; else "Le
                # document est …", the same document again, further back.
                owner = next(
                    (
                        a
                        for a in (
                            self.mention_actor(c.idx, c.idx + len(c))
                            for c in earlier.children
                            if c.dep_ in deps["complement"] and c.i > earlier.i
                        )
                        if a is not None
                    ),
                    None,
                )
                if owner is not None:
                    return owner
                continue
            if earlier.dep_ in deps["complement"]:
                continue  # "après 9 mois d'enquête": no document of anyone's
            if earlier.dep_ not in deps["object"] | deps["oblique"]:
                return None
            verb = earlier.head
            for _ in range(3):
                subject = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps), None)
                if subject is not None:
                    return self.actor_of(subject)
                if verb.dep_ not in deps["chain"] or verb.head.i == verb.i:
                    break
                verb = verb.head
            return self.positional_subject(earlier.head)  # a subject the parser hung elsewhere
        return None

    def _noun_phrases(self, tok: Token) -> tuple[Span, Span]:
        """The noun phrase of `tok`: narrow (determiner, adjectives, noun) and wide (with its
        complements, up to a comma, a verb or a quote)."""
        doc = self.doc
        left = tok.left_edge.i
        while left < tok.i and (doc[left].is_punct or doc[left].is_space or self.in_quote(doc[left].idx)):
            left += 1
        narrow = tok.i + 1
        while (
            narrow <= tok.right_edge.i
            and doc[narrow].dep_ in self.lang.deps["adjective"]
            and doc[narrow].head.i == tok.i
        ):
            narrow += 1
        wide = narrow
        while (
            wide <= tok.right_edge.i
            and not doc[wide].is_punct
            and doc[wide].pos_ not in ("VERB", "AUX")
            and not self.in_quote(doc[wide].idx)
        ):
            wide += 1
        return doc[left:narrow], doc[left:wide]

    def _has_mention(self, span: Span) -> bool:
        return self.mention_actor(span.start_char, span.end_char) is not None

    def name_after(self, verb: Token) -> Actor | None:
        """A name right after a verb, closing its clause: an inverted subject the parser missed
        ("comme le rappelle HRW, « … »", "said Ambassador Mohib.", "a confié au Monde X")."""
        return self._name_from(verb.i + 1, verb)

    def _name_from(self, j: int, verb: Token | None = None) -> Actor | None:
        """The name (or a noun phrase naming someone) that starts at token `j` and closes its
        clause; from right after a `verb`, a name past the verb's complement too."""
        doc = self.doc
        while j < len(doc) and (
            doc[j].pos_ in ("ADV", "DET")
            or doc[j].pos_ == "ADJ"
            and j + 1 < len(doc)
            and doc[j + 1].pos_ in ("NOUN", "PROPN")
        ):  # "l'ancien ministre X"
            j += 1
        m = self.mention_at(doc[j].idx, doc[j].idx + len(doc[j])) if j < len(doc) else None
        # A name the tagger missed still starts a mention ("a estimé Jan van der Berg", tagged X).
        if j >= len(doc) or doc[j].pos_ not in ("PROPN", "NOUN") and (m is None or m.start < doc[j].idx):
            return self._name_past_complement(verb) if verb is not None else None
        if m is not None and m.start >= doc[j].idx:
            end = doc[j].i
            while end < len(doc) and doc[end].idx < m.end:
                end += 1
            actor = self._by_id.get(m.actor_id)
        else:  # "écrit le quotidien El Punt Avui", "a répondu la porte-parole de la fédération"
            end = doc[j].i + 1
            while end <= doc[j].right_edge.i and not self.in_quote(doc[end].idx):
                end += 1
            actor = self.named_actor(doc[j]) if doc[j].pos_ == "NOUN" else None
            if actor is None and doc[j].pos_ == "NOUN" and self._definite(doc[j]) and self.names_a_person(doc[j]):
                actor = self.role_antecedent(doc[j])  # "», a promis l'édile": the one just spoken of
            # "juge le préfet de police Laurent Nuñez", "a dit le président de X, Y": the role, then the name.
            k = end + 1 if end < len(doc) and doc[end].text == "," else end
            named = self.mention_at(doc[k].idx, doc[k].idx + 1) if k < len(doc) else None
            person = self._by_id.get(named.actor_id) if named is not None and named.start >= doc[k].idx else None
            if (
                named is not None
                and person is not None
                and person.type == "person"
                and (k == end or self.names_a_person(doc[j]))
            ):
                actor, end = person, k
                while end < len(doc) and doc[end].idx < named.end:
                    end += 1
        # The name closes the clause, or only a complement follows ("estime la CGT dans un communiqué").
        if end < len(doc) and not (doc[end].is_punct or doc[end].is_space or doc[end].pos_ == "ADP"):
            return None
        return actor

    def _name_past_complement(self, verb: Token) -> Actor | None:
        """ "a confié au Monde X", "a expliqué à l'AFP X, professeur": the inverted subject after a
        short complement of the verb, which the parser hangs on the complement. The first name
        within reach that no preposition introduces, before any other verb or quote."""
        doc = self.doc
        if verb.i + 1 >= len(doc) or doc[verb.i + 1].pos_ != "ADP":
            return None  # no complement: "arguing that X …" names the subject of another clause
        # The complement is a preposition and one name or noun ("au Monde", "à la presse"); what
        # follows it is read as if it followed the verb ("a déclaré au Monde le maire de X, Y").
        j = verb.i + 2
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        if j < len(doc) and not self.in_quote(doc[j].idx):
            m = self.mention_at(doc[j].idx, doc[j].idx + len(doc[j]))
            if m is not None and m.start >= doc[j].idx:
                while j < len(doc) and doc[j].idx < m.end:
                    j += 1
            elif doc[j].pos_ in ("PROPN", "NOUN"):
                j += 1
            if j < len(doc) and doc[j].pos_ == "DET":
                found = self._name_from(j)
                if found is not None:
                    return found
        for i in range(verb.i + 1, min(len(doc), verb.i + _COMPLEMENT_REACH)):
            tok = doc[i]
            if tok.pos_ in ("VERB", "AUX") or tok.text in SENTENCE_END or "\n" in tok.text or self.in_quote(tok.idx):
                return None
            m = self.mention_at(tok.idx, tok.idx + len(tok))
            if m is None or m.start < tok.idx:
                continue
            j = i - 1
            while j > verb.i and doc[j].pos_ == "DET":
                j -= 1
            actor = self._by_id.get(m.actor_id)
            if j > verb.i and doc[j].pos_ == "ADP" or actor is None or actor.type == "place":
                continue  # the complement itself ("au Monde", "à Paris")
            # After a name ("au Monde X"), not after a role noun the name belongs to
            # ("au président de la commission X" names the one spoken to).
            return actor if doc[i - 1].pos_ == "PROPN" else None
        return None

    def positional_subject(self, verb: Token, after: int = -1) -> Actor | None:
        """The name before a verb the parser gave no subject ("X, président de Y, est intervenu"):
        the nearest person (else organisation) named before it in its sentence, outside
        prepositional phrases, parentheses and quotes."""
        doc = self.doc
        found: dict[str, Actor] = {}
        i = verb.i - 1
        while i > after and verb.i - i <= _POSITION_REACH:
            tok = doc[i]
            if tok.text in SENTENCE_END or "\n" in tok.text or "\n" in tok.whitespace_ or self.in_quote(tok.idx):
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
