"""Reported speech without quote marks: "Maduro a expliqué qu'il avait tenté …".

A statement is what someone said or holds, given in the writer's words: the content clause of a
speech or opinion verb (« a expliqué que … », "said the plan …"), its infinitive (« a promis de
… »), its nominal object (« a annoncé sa démission »), the object of its preposition (« a parlé
de … »), the attribute of « se dire » (« s'est dit satisfait »), a clause with a speech verb in
an incise (« …, a-t-il précisé »), or a clause credited to a source (« selon X, … »). The
speaker comes from the same speaker finder and preposition reading as direct quotes.

Words quoted in full are direct quotes and are not repeated here; a clause that only quotes a
few words (« a dit qu'il « refuse » ») is one statement.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from ..langdata import fold
from ..models import Actor, Quote, Statement
from .quote_window import SENTENCE_END, QuoteWindow
from .speakers import NOBODY, Speaker

# A statement that is this much direct quote (by characters) is that quote again.
_QUOTED_SHARE = 0.85
_MIN_WORDS = 2  # shorter content ("l'a annoncé") says nothing a reader can use


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    speaker: Speaker
    cue: str
    desc: str | None = None


class ReportedSpeech(QuoteWindow):
    """Statements of one document, read from the parse around speech verbs and sources."""

    def statements(self, quotes: list[Quote]) -> list[Statement]:
        """Every statement outside direct quotes, one per content span, in text order."""
        found: list[_Found] = []
        for tok in self.doc:
            if self.finder.in_quote(tok.idx):
                continue
            if tok.pos_ in ("VERB", "AUX") or self._participle(tok):
                found.extend(self._verb_statements(tok))
        found.extend(self._sourced())
        found.extend(self._pointed())
        found.extend(self._continued(found))
        return self._kept(found, quotes)

    def _reporting(self, verb: Token) -> bool:
        """A verb in the reporting mood, by its morphology or, where the tagger misses it, by its
        written ending (« augmenterait »)."""
        endings = self.lang.statement_words.get("reporting_endings", ())
        return self._is(verb, "reporting_mood") or verb.pos_ in ("VERB", "AUX") and any(
            fold(verb.text).endswith(e) for e in endings)

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
            demonstrative = next((t for t in self.doc[start:noun.i] if t.dep_ in self.lang.speaker_deps
                                  and fold(t.lemma_) in demonstratives), None)
            owner = next((c for c in noun.children if c.dep_ in self.lang.deps["complement"] and c.i > noun.i), None)
            if demonstrative is None or owner is None or start == 0:
                continue
            actor = self.finder.named_actor(owner)
            if actor is None or actor.type == "place":
                continue
            prev_start, prev_end = self._sentence(self.doc[start - 1])
            span = self._tokens_span(prev_start, prev_end)
            if span is not None:
                cue = self.text[self.doc[start].idx:noun.idx + len(noun)]
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
            root = next((t for t in self.doc[start:end + 1] if t.dep_ in self.lang.deps["root"]), None)
            if root is None or self.finder.in_quote(root.idx) or not any(
                    self._reporting(v) for v in (root, *(c for c in root.children if c.dep_ in self.lang.deps["auxiliary"]))):
                continue
            span = self._tokens_span(start, end)
            if span is not None:
                out.append(_Found(*span, f.speaker, f.cue, f.desc))
        return out

    # -- one verb -------------------------------------------------------------------------

    def _verb_statements(self, verb: Token) -> list[_Found]:
        words = self.lang.statement_words
        lemma = self._lemma(verb)
        speech = self.finder.is_speech_verb(verb) or lemma in self.lang.speech_verbs
        if not self._reports(verb):
            return []
        out: list[_Found] = []
        for child in verb.children:
            if child.i < verb.i:
                continue
            span = None
            if (speech or lemma in words.get("clause_verbs", ())) and self._content_clause(child):
                span = self._clause_span(child)
            elif (speech and lemma not in words.get("not_infinitive_verbs", ()) or lemma in words.get("infinitive_verbs", ())) \
                    and self._infinitive(child):
                span = self._infinitive_span(child)
            elif child.dep_ in self.lang.deps["object"] and self._object_verb(verb) and self._content_noun(child):
                span = self._noun_span(child)
            elif child.dep_ in self.lang.deps["oblique"] and self._preposition_verb(verb, child):
                span = self._noun_span(child, self._after_case(child))
            elif child.dep_ in self.lang.deps["open_clause"] and self._said_to_be(verb) and \
                    (child.pos_ == "ADJ" or self._is(child, "participle")):
                span = self._tokens_span(child.left_edge.i, self._extended(child, coordinated=False))
            if span is not None:
                out.append(self._said(verb, span))
                break  # one content per verb: the first complement after it
        if out or not (speech or lemma in words.get("clause_verbs", ())):
            return out
        span = self._loose_clause(verb) or self._as_clause(verb)
        if span is not None:
            return [self._said(verb, span)]
        incise = self._incise_content(verb) if speech else None
        return [self._said(verb, incise, own=True)] if incise is not None else []

    def _said(self, verb: Token, span: tuple[int, int], own: bool = False) -> _Found:
        """A statement of `verb`'s speaker (the same finder as for quotes), described when unnamed."""
        speaker = self.finder.verb_speaker(verb, 0.8, own=own)
        if own and speaker.actor is None:
            # An inverted subject the parser took for an object ("…, a annoncé le président X").
            named = next((c for c in verb.children if c.i > verb.i and c.dep_ in self.lang.deps["object"]
                          and c.pos_ in ("NOUN", "PROPN")), None)
            actor = None
            if named is not None:
                actor = self.finder.actor_of(named) or self.finder.name_after(verb) or self._person_in(named)
                if actor is None and named.pos_ == "NOUN" and "Plur" not in named.morph.get("Number"):
                    actor = self.finder.role_antecedent(named)  # "…, poursuit l'ex-président"
            if actor is not None:
                speaker = Speaker(actor, speaker.cue, 0.7, verb.i)
        if speaker.actor is None and not own:
            # "Il renchérit que …": a subject pronoun the parser read as impersonal.
            clitic = next((c for c in verb.children if c.dep_ in self.lang.deps["pronoun_subject"]
                           and self.finder.is_pronoun(c)), None)
            actor = self.finder.antecedent(clitic.text, clitic.i) if clitic is not None else None
            if actor is not None:
                speaker = Speaker(actor, speaker.cue, 0.7, verb.i)
        desc = None if speaker.actor else self._subject_words(verb)
        return _Found(*span, speaker, self.finder.cue_text(verb), desc)

    def _subject_words(self, verb: Token) -> str | None:
        """The noun phrase of an unnamed subject, up to its first comma or clause ("les dirigeants européens")."""
        v = verb
        for _ in range(3):
            subject = next((c for c in v.children if c.dep_ in self.lang.speaker_deps and c.pos_ == "NOUN"), None)
            if subject is not None:
                return self._phrase(subject)
            if v.dep_ not in self.lang.deps["chain"] or v.head.i == v.i:
                break
            v = v.head
        return None

    def _phrase(self, head: Token) -> str | None:
        """A noun phrase as written, without its relative clause or apposition."""
        doc = self.doc
        last = head.i
        for t in doc[head.i + 1:head.right_edge.i + 1]:
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
                break
            last = t.i
        span = self._tokens_span(head.left_edge.i, last, min_words=1)
        return self.text[span[0]:span[1]] if span else None

    def _as_clause(self, verb: Token) -> tuple[int, int] | None:
        """« …, comme le précise X »: the clause before "comme" and its object clitic."""
        doc = self.doc
        i = verb.i - 1
        while i > 0 and doc[i].dep_ in self.lang.deps["auxiliary"]:
            i -= 1
        if i < 2 or doc[i].pos_ != "PRON" or fold(doc[i - 1].text) not in self.lang.statement_words.get("as_cues", ()):
            return None
        cue = doc[i - 1]
        start, _ = self._sentence(verb)
        head = verb.head if verb.head.i < cue.i else None
        if head is None or head.i < start:
            return None
        subject = next((c for c in head.children if c.dep_ in self.lang.speaker_deps and c.i < head.i), None)
        first = subject.left_edge.i if subject is not None else head.left_edge.i
        return self._tokens_span(max(first, start), cue.i - 1)

    def _loose_clause(self, verb: Token) -> tuple[int, int] | None:
        """A "que" clause the parser hung elsewhere (on a noun, as a relative): the first
        complementizer after the verb with no other finite verb or clause break between."""
        _, end = self._sentence(verb)
        objects = [c.left_edge.i for c in verb.children if c.dep_ in self.lang.deps["object"] and c.i > verb.i
                   and c.pos_ != "PRON"]
        for tok in self.doc[verb.i + 1:end + 1]:
            if objects and tok.i >= min(objects):
                return None  # "a expliqué la décision qu'il a prise": a relative clause
            if tok.text in (";", ":") or self.finder.in_quote(tok.idx):
                return None
            if fold(tok.text) in self.lang.complementizers:
                prev = self.doc[tok.i - 1]
                if prev.pos_ in ("NOUN", "PROPN") or tok.head.i <= tok.i:
                    return None  # a relative pronoun after its noun
                return self._tokens_span(tok.i + 1, max(tok.head.right_edge.i, tok.head.i))
            if tok.pos_ in ("VERB", "AUX") and self._is(tok, "finite"):
                return None
        return None

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
            words = self.lang.statement_words
            known = self.lang.speech_verbs.union(*(words.get(k, frozenset()) for k in (
                "clause_verbs", "object_verbs", "infinitive_verbs")))
            for lemma_end, written in self.lang.speech_verb_endings:
                guess = form[: len(form) - len(written)] + lemma_end
                if form.endswith(written) and (guess in known or any(v.startswith(guess + " ") for v in known)):
                    return guess
        return lemma

    def _is(self, tok: Token, role: str) -> bool:
        """Whether a token's morphology has one of the features statements.yml lists under `role`."""
        features = fold(str(tok.morph)).split("|")
        return any(f in features for f in self.lang.statement_words.get(role, ()))

    def _subordinate(self, verb: Token) -> bool:
        """A verb of a clause of purpose or time (« afin qu'il explique », « avant de dire »)."""
        marks = self.lang.statement_words.get("unreported_marks", ())
        return any(fold(c.text) in marks for c in verb.children if c.i < verb.i and c.dep_ in self.lang.deps["marker"])

    def _reports(self, verb: Token) -> bool:
        """A verb that can report words: not negated (« n'a pas annoncé », « sans mentionner »),
        not passive (« il est prévu que »), not an infinitive (a purpose or a plan), and not
        the writer's own voice (« Rappelons que », « nous entendîmes »)."""
        words = self.lang.statement_words
        if any(fold(c.text) in words.get("negations", ()) for c in verb.children if c.i < verb.i):
            return False
        # (A main verb tagged subjunctive is a present the tagger misread: « recommande ».)
        subjunctive = self._is(verb, "subjunctive") and verb.dep_ not in self.lang.deps["root"]
        if self._is(verb, "imperative") or subjunctive or self._subordinate(verb):
            return False  # « Rappelons que », « afin qu'il expliquât »: an order, a wish
        start, _ = self._sentence(verb)
        if all(t.is_punct for t in self.doc[start:verb.i]) and not self.finder.inverted_subject(verb) \
                and not any(c.dep_ in self.lang.speaker_deps for c in verb.children):
            return False  # a sentence opening on a verb with no subject: an imperative
        if self._is(verb, "infinitive") and fold(verb.lemma_) not in self.lang.speech_verb_pairs \
                and fold(verb.head.lemma_) not in words.get("aspect_verbs", ()):
            return False  # « pour plaider », « a souhaité faire »; not « vient d'annoncer », « fait savoir »
        reflexive = any(fold(t.text) in words.get("reflexive_pronouns", ()) for t in self.doc[max(0, verb.i - 3):verb.i])
        if not reflexive and any(c.dep_ in self.lang.deps["passive_auxiliary"] for c in verb.children):
            return False  # « il est prévu que » (a reflexive « se sont félicités » is no passive)
        return not (self._is(verb, "first_person") or any(
            c.dep_ in self.lang.deps["auxiliary"] and self._is(c, "first_person") for c in verb.children))

    def _content_clause(self, child: Token) -> bool:
        """A reported clause: "que …" (or, where the language drops it, any content clause)."""
        if child.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or child.dep_ not in self.lang.deps["clause"]:
            return False
        marked = self._marker(child) is not None
        return marked or "true" not in self.lang.statement_words.get("clause_needs_marker", ())

    def _marker(self, clause: Token) -> Token | None:
        return next((c for c in clause.children if c.dep_ in self.lang.deps["marker"] and c.i < clause.i
                     and fold(c.text) in self.lang.complementizers), None)

    def _clause_span(self, clause: Token) -> tuple[int, int] | None:
        """The clause after its "que", with the words the parser hung on the verb after it."""
        mark = self._marker(clause)
        first = mark.i + 1 if mark is not None else clause.left_edge.i
        while first < clause.i and fold(self.doc[first].text) in self.lang.complementizers:
            first += 1  # "that" the parser hung elsewhere
        return self._tokens_span(first, self._extended(clause))

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
            gap = [t for t in self.doc[last + 1:sibling.left_edge.i] if not t.is_punct]
            joined = sibling.left_edge.i == last + 1 or sibling.dep_ in conjunct and not gap
            if sibling.i > last and joined and not sibling.is_punct and sibling.i <= end:
                last = sibling.right_edge.i
        return min(last, end)

    def _infinitive(self, child: Token) -> bool:
        # (A perfect infinitive, « avoir reçu », has its auxiliary in the infinitive.)
        return child.dep_ in self.lang.deps["open_clause"] | self.lang.deps["clause"] and child.pos_ in ("VERB", "AUX") \
            and (self._is(child, "infinitive") or any(
                c.dep_ in self.lang.deps["auxiliary"] and self._is(c, "infinitive") for c in child.children))

    def _infinitive_span(self, verb: Token) -> tuple[int, int] | None:
        markers = self.lang.statement_words.get("infinitive_markers", frozenset())
        first = verb.left_edge.i
        while first < verb.i and fold(self.doc[first].text) in markers:
            first += 1
        return self._tokens_span(first, verb.right_edge.i)

    def _noun_span(self, noun: Token, first: int | None = None) -> tuple[int, int] | None:
        """A content noun phrase, without a participle clause that qualifies the verb instead
        (« a salué la création du gouvernement, y voyant … »)."""
        last = noun.right_edge.i
        for child in noun.children:
            if child.i > noun.i and self._is(child, "participle") and self._is(child, "present"):
                last = min(last, child.left_edge.i - 1)
        return self._tokens_span(noun.left_edge.i if first is None else first, last)

    def _object_verb(self, verb: Token) -> bool:
        """A verb whose direct object is what was said (one word, or a phrase like "mettre en cause")."""
        objects = self.lang.statement_words.get("object_verbs", frozenset())
        lemma = self._lemma(verb)
        if lemma in objects:
            return True
        # The words after the verb, adverbs left out ("met également en cause").
        following = "".join(fold(t.text_with_ws) for t in self.doc[verb.i + 1:verb.i + 5] if t.pos_ != "ADV")
        return any(phrase.startswith(lemma + " ") and following.startswith(phrase[len(lemma) + 1:])
                   for phrase in objects if " " in phrase)

    def _content_noun(self, obj: Token) -> bool:
        """A noun phrase that can be content: not a pronoun, not a person (« saluer X » greets)."""
        if obj.pos_ not in ("NOUN", "PROPN", "NUM"):
            return False
        return not self._names_someone(obj)

    def _preposition_verb(self, verb: Token, obl: Token) -> bool:
        case = next((c for c in obl.children if c.dep_ in self.lang.deps["case_marker"] and c.i < obl.i), None)
        if case is None:
            return False
        forms = dict(f.split(" ", 1) for f in self.lang.statement_words.get("preposition_forms", ()))
        prep = forms.get(fold(case.text), fold(case.text))
        pairs = self.lang.statement_words.get("preposition_verbs", frozenset())
        lemma = self._lemma(verb)
        if f"{lemma} {prep}" in pairs:
            return True
        # Reflexive or phrasal verbs: the words between the verb and the preposition, or before it.
        between = fold(self.doc[verb.i + 1:case.i].text) if case.i > verb.i + 1 else ""
        before = [fold(t.text) for t in self.doc[max(0, verb.i - 3):verb.i]]
        reflexive = any(w in self.lang.statement_words.get("reflexive_pronouns", ()) for w in before)
        candidates = {f"{lemma} {between} {prep}".replace("  ", " ")}
        if reflexive:
            candidates |= {f"se {lemma} {prep}", f"s'{lemma} {prep}"}
        if "en" in before:
            candidates.add(f"en {lemma} {prep}")
        return bool(candidates & pairs)

    def _after_case(self, obl: Token) -> int:
        first = obl.left_edge.i
        while first < obl.i and self.doc[first].dep_ in self.lang.deps["case_marker"]:
            first += 1
        return first

    def _said_to_be(self, verb: Token) -> bool:
        """« se dire » + attribute: "s'est dit satisfait"."""
        words = self.lang.statement_words
        if self._lemma(verb) not in words.get("attribute_verbs", ()):
            return False
        return any(fold(t.text) in words.get("reflexive_pronouns", ()) for t in self.doc[max(0, verb.i - 3):verb.i])

    def _incise_content(self, verb: Token) -> tuple[int, int] | None:
        """The clause of "…, a-t-il précisé." or "Par ailleurs, poursuit X, …": a speech verb set
        off by commas, its subject after it, and no complement of its own."""
        doc = self.doc
        first = verb.i
        # Back over its auxiliaries and glued clitics ("a-t-il précisé").
        while first > 0 and (doc[first - 1].dep_ in self.lang.deps["auxiliary"]
                             or doc[first - 1].text.startswith("-") and not doc[first - 2].whitespace_):
            first -= 1
        if first == 0 or doc[first - 1].text != ",":
            return None
        if not self.finder.inverted_subject(verb) and any(
                c.dep_ in self.lang.speaker_deps and c.i < verb.i for c in verb.children):
            return None  # "X, a spokesman, told Y": the words before are its subject
        after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
        # The parser often takes an inverted subject for an object ("…, poursuit l'ex-président").
        # Set off by commas, a speech verb's noun is its subject, whatever the parse says.
        subject_after = self.finder.inverted_subject(verb) or any(
            c.dep_ in self.lang.speaker_deps or c.dep_ in self.lang.deps["object"] and c.pos_ in ("NOUN", "PROPN")
            for c in after)
        if not subject_after or any(c.dep_ in self.lang.deps["clause"] for c in after):
            return None
        start, end = self._sentence(verb)
        # « …: « … », déclare X »: the words are the quote after the colon, not the clause before.
        start = max([start] + [t.i + 1 for t in doc[start:first] if t.text == ":" and not self.finder.in_quote(t.idx)])
        # The incise ends at the next comma or the sentence end.
        close = next((t.i for t in doc[verb.i + 1:end + 1] if t.text == ","), None)
        before = self._tokens_span(start, first - 2) if first - 2 >= start else None
        if close is None or close >= end:
            return before
        after_span = self._tokens_span(close + 1, end)
        if before is not None and self._opens_incise(close + 1):
            return before  # "…, indique une analyse, a annoncé X.": two incises after the words
        if before is None or self._connector_only(start, first - 1):
            return after_span
        if after_span is None:
            return before
        # « Il est, disent-ils, la langue de … »: the words run on both sides; the longer side holds them.
        return max(before, after_span, key=lambda span: span[1] - span[0])

    def _person_in(self, role: Token) -> Actor | None:
        """The one person named inside a role's phrase ("le président de l'Assemblée Claude X")."""
        if not self.finder.names_a_person(role):
            return None
        _, end = self._sentence(role)
        last = min(end, max(role.right_edge.i, next((t.i for t in self.doc[role.i:end + 1] if t.text == ","), end)))
        stop = self.doc[last].idx + len(self.doc[last])
        people = {a.id: a for m in self.finder.mentions if role.idx <= m.start < stop
                  for a in [self.index.by_id.get(m.actor_id)] if a is not None and a.type == "person"}
        return next(iter(people.values())) if len(people) == 1 else None

    def _opens_incise(self, i: int) -> bool:
        """Whether the words from token `i` open on a speech verb (its auxiliary first)."""
        doc = self.doc
        while i < len(doc) and doc[i].dep_ in self.lang.deps["auxiliary"]:
            i += 1
        return i < len(doc) and (self.finder.is_speech_verb(doc[i]) or self.finder.is_speech_verb_form(doc[i]))

    def _names_someone(self, tok: Token) -> bool:
        """A noun phrase naming a person or body: a name, a role, a pronoun."""
        actor = self.finder.mention_actor(tok.idx, tok.idx + len(tok))
        return actor is not None and actor.type != "place" or self.finder.names_a_person(tok) \
            or tok.pos_ == "PROPN"

    def _connector_only(self, start: int, end: int) -> bool:
        """Words before an incise that only link to the sentence before ("Par ailleurs,")."""
        words = [t for t in self.doc[start:end] if not t.is_punct]
        return len(words) <= 3 and all(t.pos_ in ("ADV", "ADP", "CCONJ", "DET", "NOUN") for t in words) \
            and not any(t.pos_ == "VERB" for t in words)

    # -- sources ----------------------------------------------------------------------------

    def _sourced(self) -> list[_Found]:
        """Clauses credited with "selon X", "d'après X", "pour X," opening a clause, or "…, selon X."."""
        out: list[_Found] = []
        firsts = {p.split(" ")[0] for p in self.lang.attribution_preps}
        for tok in self.doc:
            if not any(fold(tok.text).startswith(f) or f.startswith(fold(tok.text)) for f in firsts) \
                    or self.finder.in_quote(tok.idx):
                continue  # (the preposition's words are checked by `_preposition`)
            start, end = self._sentence(tok)
            prev = self.doc[tok.i - 1] if tok.i > start else None
            if prev is not None and not (prev.is_punct or prev.pos_ in ("CCONJ", "SCONJ")):
                continue
            weak = prev is None or prev.pos_ in ("CCONJ", "SCONJ")  # "Pour X, …" opening a clause
            speaker = self._preposition(list(self.doc[tok.i:end + 1]), reach=1, weak=weak)
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
                    desc = self.text[words[0]:words[1]] if words else None
                cue = speaker.cue or tok.text
                out.append(_Found(*span, speaker, self.text[tok.idx:tok.idx + len(cue)], desc))
        return out

    def _source_end(self, prep: Token, end: int) -> int:
        """The comma closing the source after a preposition, past an apposition
        ("selon la fédération des banques, Febelfin, …"), or the sentence end."""
        doc = self.doc
        comma = next((t.i for t in doc[prep.i + 1:end + 1] if t.text in (",", ";", ":")), end + 1)
        while comma < end and doc[comma].text == ",":
            nxt = next((t.i for t in doc[comma + 1:end + 1] if t.text in (",", ";", ":")), None)
            apposition = [t for t in doc[comma + 1:nxt] if not t.is_punct] if nxt else []
            named = bool(apposition) and self.finder.mention_actor(apposition[0].idx, apposition[-1].idx + 1) is not None
            if not apposition or not all(t.pos_ in ("PROPN", "DET", "NOUN", "ADJ") for t in apposition) \
                    or not (named or any(prep.i < t.head.i < comma for t in apposition)):
                break
            comma = nxt
        return comma

    def _clause_end(self, first: int, end: int) -> int:
        """The last token of the clause opening at `first`: the sentence end, or a semicolon."""
        return next((t.i - 1 for t in self.doc[first:end + 1] if t.text == ";"), end)

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
        gloss = next((t for t in doc[first:last + 1] if t.pos_ == "NOUN" and self._opening(t) > first + 2
                      and doc[self._opening(t) - 1].text == "," and self._runs_to(t, last)
                      and (t.dep_ in self.lang.deps["apposition"] or self._indefinite(doc[self._opening(t)]))
                      and not self.finder.in_quote(t.idx)), None)
        if gloss is not None:
            last = self._opening(gloss) - 2
        if last < first or sum(t.is_alpha for t in doc[first:last + 1]) < min_words:
            return None
        end = doc[last].idx + len(doc[last])
        around = self.index.quote_around(end - 1)
        if around is not None and around[0] >= doc[first].idx:
            end = around[1]  # words that stop inside a quote they opened run to its end
        return doc[first].idx, end

    def _opening(self, phrase: Token) -> int:
        """The first word of a phrase, past the punctuation the parser hangs on it."""
        i = phrase.left_edge.i
        while i < phrase.i and self.doc[i].is_punct:
            i += 1
        return i

    def _runs_to(self, phrase: Token, last: int) -> bool:
        """Whether the words after a phrase's head, up to `last`, all hang on the phrase."""
        lo = phrase.left_edge.i
        return all(t.is_punct or lo <= t.head.i <= last for t in self.doc[phrase.right_edge.i + 1:last + 1])

    def _indefinite(self, tok: Token) -> bool:
        """An indefinite article ("une substance"): a noun phrase opening on it after a comma
        glosses the noun before it."""
        return tok.dep_ in self.lang.deps["determiner"] and self._is(tok, "indefinite")

    def _opens_quote(self, tok: Token) -> bool:
        return any(tok.text == o for o, _ in self.lang.quote_pairs)

    def _closes_quote(self, tok: Token, first: int) -> bool:
        """A closing mark whose opening mark lies inside the span."""
        opening = {c: o for o, c in self.lang.quote_pairs}.get(tok.text)
        return opening is not None and any(t.text == opening for t in self.doc[first:tok.i])

    def _kept(self, found: list[_Found], quotes: list[Quote]) -> list[Statement]:
        """One statement per span (the first found wins overlaps), none that repeats a direct quote."""
        text = self.text
        out: list[Statement] = []
        taken: list[tuple[int, int]] = []
        for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
            if any(s < f.end and f.start < e for s, e in taken):
                continue
            quoted = sum(max(0, min(q.end, f.end) - max(q.start, f.start)) for q in quotes)
            if quoted >= _QUOTED_SHARE * (f.end - f.start):
                continue
            taken.append((f.start, f.end))
            actor = f.speaker.actor
            out.append(Statement(text=text[f.start:f.end], start=f.start, end=f.end,
                                 speaker=actor.id if actor else None,
                                 speaker_name=actor.name if actor else None, cue=f.cue,
                                 speaker_desc=None if actor else f.desc))
        return out
