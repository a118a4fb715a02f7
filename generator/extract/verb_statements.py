"""Statements a verb reports: its « que » clause, infinitive, content object or preposition's
object, the attribute of « se dire », the clause around an incise without quote marks, and
« …, comme le précise X »; the speaker is the verb's, described when unnamed."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from ..langdata import fold
from ..models import Actor
from .speakers import Speaker
from .statement_window import StatementWindow, _Found


class VerbStatements(StatementWindow):
    """What a speech or opinion verb reports, one content per verb, and who reported it."""

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
            elif (
                speech
                and lemma not in words.get("not_infinitive_verbs", ())
                or lemma in words.get("infinitive_verbs", ())
            ) and self._infinitive(child):
                span = self._infinitive_span(child)
            elif child.dep_ in self.lang.deps["object"] and self._object_verb(verb) and self._content_noun(child):
                span = self._noun_span(child)
            elif child.dep_ in self.lang.deps["oblique"] and self._preposition_verb(verb, child):
                span = self._noun_span(child, self._after_case(child))
            elif (
                child.dep_ in self.lang.deps["open_clause"]
                and self._said_to_be(verb)
                and (child.pos_ == "ADJ" or self._is(child, "participle"))
            ):
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
            named = next(
                (
                    c
                    for c in verb.children
                    if c.i > verb.i and c.dep_ in self.lang.deps["object"] and c.pos_ in ("NOUN", "PROPN")
                ),
                None,
            )
            actor = None
            if named is not None:
                actor = self.finder.actor_of(named) or self.finder.name_after(verb) or self._person_in(named)
                if actor is None and named.pos_ == "NOUN" and not self.lang.has_morph(named, "plural"):
                    actor = self.finder.role_antecedent(named)  # "…, poursuit l'ex-président"
            if actor is not None:
                speaker = Speaker(actor, speaker.cue, 0.7, verb.i)
        if speaker.actor is None and not own:
            # "Il renchérit que …": a subject pronoun the parser read as impersonal.
            clitic = next(
                (c for c in verb.children if c.dep_ in self.lang.deps["pronoun_subject"] and self.finder.is_pronoun(c)),
                None,
            )
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
        for t in doc[head.i + 1 : head.right_edge.i + 1]:
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
                break
            last = t.i
        span = self._tokens_span(head.left_edge.i, last, min_words=1)
        return self.text[span[0] : span[1]] if span else None

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
        objects = [
            c.left_edge.i
            for c in verb.children
            if c.dep_ in self.lang.deps["object"] and c.i > verb.i and c.pos_ != "PRON"
        ]
        for tok in self.doc[verb.i + 1 : end + 1]:
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
        if (
            all(t.is_punct for t in self.doc[start : verb.i])
            and not self.finder.inverted_subject(verb)
            and not any(c.dep_ in self.lang.speaker_deps for c in verb.children)
        ):
            return False  # a sentence opening on a verb with no subject: an imperative
        if (
            self._is(verb, "infinitive")
            and fold(verb.lemma_) not in self.lang.speech_verb_pairs
            and fold(verb.head.lemma_) not in words.get("aspect_verbs", ())
        ):
            return False  # « pour plaider », « a souhaité faire »; not « vient d'annoncer », « fait savoir »
        reflexive = any(
            fold(t.text) in words.get("reflexive_pronouns", ()) for t in self.doc[max(0, verb.i - 3) : verb.i]
        )
        if not reflexive and any(c.dep_ in self.lang.deps["passive_auxiliary"] for c in verb.children):
            return False  # « il est prévu que » (a reflexive « se sont félicités » is no passive)
        return not (
            self._is(verb, "first_person")
            or any(c.dep_ in self.lang.deps["auxiliary"] and self._is(c, "first_person") for c in verb.children)
        )

    def _content_clause(self, child: Token) -> bool:
        """A reported clause: "que …" (or, where the language drops it, any content clause)."""
        if child.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or child.dep_ not in self.lang.deps["clause"]:
            return False
        marked = self._marker(child) is not None
        return marked or not self.lang.complementizer_required

    def _marker(self, clause: Token) -> Token | None:
        return next(
            (
                c
                for c in clause.children
                if c.dep_ in self.lang.deps["marker"] and c.i < clause.i and fold(c.text) in self.lang.complementizers
            ),
            None,
        )

    def _clause_span(self, clause: Token) -> tuple[int, int] | None:
        """The clause after its "que", with the words the parser hung on the verb after it."""
        mark = self._marker(clause)
        first = mark.i + 1 if mark is not None else clause.left_edge.i
        while first < clause.i and fold(self.doc[first].text) in self.lang.complementizers:
            first += 1  # "that" the parser hung elsewhere
        return self._tokens_span(first, self._extended(clause))

    def _infinitive(self, child: Token) -> bool:
        # (A perfect infinitive, « avoir reçu », has its auxiliary in the infinitive.)
        return (
            child.dep_ in self.lang.deps["open_clause"] | self.lang.deps["clause"]
            and child.pos_ in ("VERB", "AUX")
            and (
                self._is(child, "infinitive")
                or any(c.dep_ in self.lang.deps["auxiliary"] and self._is(c, "infinitive") for c in child.children)
            )
        )

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
        following = "".join(fold(t.text_with_ws) for t in self.doc[verb.i + 1 : verb.i + 5] if t.pos_ != "ADV")
        return any(
            phrase.startswith(lemma + " ") and following.startswith(phrase[len(lemma) + 1 :])
            for phrase in objects
            if " " in phrase
        )

    def _content_noun(self, obj: Token) -> bool:
        """A noun phrase that can be content: not a pronoun, not a person (« saluer X » greets)."""
        if obj.pos_ not in ("NOUN", "PROPN", "NUM"):
            return False
        return not self._names_someone(obj)

    @functools.cached_property
    def _preposition_forms(self) -> dict[str, str]:
        """Contracted prepositions and the one they hold ("du" -> "de"), from statements.yml."""
        return dict(f.split(" ", 1) for f in self.lang.statement_words.get("preposition_forms", ()))

    def _preposition_verb(self, verb: Token, obl: Token) -> bool:
        case = next((c for c in obl.children if c.dep_ in self.lang.deps["case_marker"] and c.i < obl.i), None)
        if case is None:
            return False
        prep = self._preposition_forms.get(fold(case.text), fold(case.text))
        pairs = self.lang.statement_words.get("preposition_verbs", frozenset())
        lemma = self._lemma(verb)
        if f"{lemma} {prep}" in pairs:
            return True
        # Reflexive or phrasal verbs: the words between the verb and the preposition, or before it.
        between = fold(self.doc[verb.i + 1 : case.i].text) if case.i > verb.i + 1 else ""
        before = [fold(t.text) for t in self.doc[max(0, verb.i - 3) : verb.i]]
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
        return any(fold(t.text) in words.get("reflexive_pronouns", ()) for t in self.doc[max(0, verb.i - 3) : verb.i])

    def _incise_content(self, verb: Token) -> tuple[int, int] | None:
        """The clause of "…, a-t-il précisé." or "Par ailleurs, poursuit X, …": a speech verb set
        off by commas, its subject after it, and no complement of its own."""
        doc = self.doc
        first = verb.i
        # Back over its auxiliaries and glued clitics ("a-t-il précisé").
        while first > 0 and (
            doc[first - 1].dep_ in self.lang.deps["auxiliary"]
            or doc[first - 1].text.startswith("-")
            and not doc[first - 2].whitespace_
        ):
            first -= 1
        if first == 0 or doc[first - 1].text != ",":
            return None
        if not self.finder.inverted_subject(verb) and any(
            c.dep_ in self.lang.speaker_deps and c.i < verb.i for c in verb.children
        ):
            return None  # "X, a spokesman, told Y": the words before are its subject
        after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
        # The parser often takes an inverted subject for an object ("…, poursuit l'ex-président").
        # Set off by commas, a speech verb's noun is its subject, whatever the parse says.
        subject_after = self.finder.inverted_subject(verb) or any(
            c.dep_ in self.lang.speaker_deps or c.dep_ in self.lang.deps["object"] and c.pos_ in ("NOUN", "PROPN")
            for c in after
        )
        if not subject_after or any(c.dep_ in self.lang.deps["clause"] for c in after):
            return None
        start, end = self._sentence(verb)
        # « …: « … », déclare X »: the words are the quote after the colon, not the clause before.
        start = max([start] + [t.i + 1 for t in doc[start:first] if t.text == ":" and not self.finder.in_quote(t.idx)])
        # The incise ends at the next comma or the sentence end.
        close = next((t.i for t in doc[verb.i + 1 : end + 1] if t.text == ","), None)
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
        last = min(end, max(role.right_edge.i, next((t.i for t in self.doc[role.i : end + 1] if t.text == ","), end)))
        stop = self.doc[last].idx + len(self.doc[last])
        people = {
            a.id: a
            for m in self.finder.mentions
            if role.idx <= m.start < stop
            for a in [self.index.by_id.get(m.actor_id)]
            if a is not None and a.type == "person"
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _opens_incise(self, i: int) -> bool:
        """Whether the words from token `i` open on a speech verb (its auxiliary first)."""
        doc = self.doc
        while i < len(doc) and doc[i].dep_ in self.lang.deps["auxiliary"]:
            i += 1
        return i < len(doc) and (self.finder.is_speech_verb(doc[i]) or self.finder.is_speech_verb_form(doc[i]))

    def _connector_only(self, start: int, end: int) -> bool:
        """Words before an incise that only link to the sentence before ("Par ailleurs,")."""
        words = [t for t in self.doc[start:end] if not t.is_punct]
        return (
            len(words) <= 3
            and all(t.pos_ in ("ADV", "ADP", "CCONJ", "DET", "NOUN") for t in words)
            and not any(t.pos_ == "VERB" for t in words)
        )
