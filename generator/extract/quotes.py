"""Direct quotes and reported statements, with their speakers.

Spans come from the quote marks alone (`quote_marks.py`); the parse then tells which spans are
someone's words rather than titles or scare quotes, and who said them (`speakers.py`). Every
look at the parse stays within a few tokens of one quote, so extraction costs little next to
parsing.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from ..models import Actor, Quote, Statement
from .actors import ActorTable
from .quote_marks import Marked, find_quote_spans
from .docindex import DocIndex
from .speakers import NOBODY, Speaker, SpeakerFinder
from .statements import find_statements
from .doctext import text_of

_TITLE_WORDS = 8  # a title or label after a preposition is at most this long
MIN_WORDS = 4  # shorter quoted words are terms or titles unless a speech verb introduces them
_SENTENCE_END = {".", "!", "?", "…", "..."}
_WINDOW = 40  # tokens looked at on each side of a quote
_LINE_END = {"?", "!", "…", "..."}  # a dialogue line ending so can still take an incise
_INCISE_REACH = 8  # tokens between a closing mark and the verb of "», a-t-il déclaré"
# A speaker's label opening a transcript's turn: one to three capitalised words, then a colon.
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):[ \t]+")


# A dialogue whose introduction names too many people to tell who says which line.
_UNTOLD = Speaker(None, None, 0.0)


@dataclass(frozen=True)
class _Found:
    """A candidate quote and its speaker, before the last checks."""

    mark: Marked
    speaker: Speaker
    # How the speaker was found: "incise", "before", "inherited", "context" or "none".
    how: str


def extract_quotes(doc: Doc, lang: LangData, actors: ActorTable) -> tuple[list[Quote], list[Statement]]:
    """Direct quotes (outer marks removed, offsets into the text) and indirect statements."""
    marks = find_quote_spans(text_of(doc), lang)
    ctx = _Context(doc, lang, actors, marks)
    found: list[_Found] = []
    for mark in ctx.long_marks + ctx.short_marks:
        mark, speaker, how = ctx.attribute(mark, found)
        if ctx.keep(mark, speaker, how):
            found.append(_Found(mark, speaker, how))
            found.sort(key=lambda f: f.mark.start)
    found = _share_within_groups(found)
    quotes = [
        Quote(text=text_of(doc)[f.mark.start:f.mark.end], start=f.mark.start, end=f.mark.end,
              speaker=f.speaker.actor.id if f.speaker.actor else None,
              speaker_name=f.speaker.actor.name if f.speaker.actor else None,
              cue=f.speaker.cue, confidence=round(f.speaker.confidence if f.speaker.actor else 0.5, 2))
        for f in found
    ]
    return quotes, find_statements(doc, lang, ctx.finder)


class _Context:
    """One document's tokens, quoted spans and speaker finder, indexed for local look-ups."""

    def __init__(self, doc: Doc, lang: LangData, actors: ActorTable, marks: list[Marked]) -> None:
        self.doc, self.lang, self.text = doc, lang, text_of(doc)
        self.index = DocIndex(doc, lang, actors, [(m.open, m.close) for m in marks])
        self.finder = SpeakerFinder(self.index)
        self.long_marks = [m for m in marks if _words(self.text[m.start:m.end]) >= MIN_WORDS]
        self.short_marks = [m for m in marks if _words(self.text[m.start:m.end]) < MIN_WORDS]
        # Windows stop at the quotes that may be someone's words, not at scare quotes.
        self._bounds = sorted((m.open, m.close) for m in self.long_marks)
        self._bound_starts = [b[0] for b in self._bounds]

    # -- token geometry ---------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        return self.index.token_at(offset)

    def token_from(self, offset: int) -> int:
        return self.index.token_from(offset)

    def _para_start(self, offset: int) -> int:
        return self.index.para_start(offset)

    def _para_end(self, offset: int) -> int:
        return self.index.para_end(offset)

    def before(self, mark: Marked) -> list[Token]:
        """Tokens of the clause before a quote: back to a sentence end, another quote or the paragraph."""
        k = bisect.bisect_left(self._bound_starts, mark.open) - 1
        limit = max(self._para_start(mark.open), self._bounds[k][1] if k >= 0 else 0)
        out: list[Token] = []
        i = self.token_at(mark.open) - 1
        while i >= 0 and len(out) < _WINDOW:
            tok = self.doc[i]
            if tok.idx < limit or tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx):
                break
            out.append(tok)
            i -= 1
        return out[::-1]

    def after(self, mark: Marked) -> list[Token]:
        """Tokens after a quote: up to a sentence end, the next quote or the paragraph end."""
        k = bisect.bisect_right(self._bound_starts, mark.open)
        limit = min(self._para_end(mark.close), self._bounds[k][0] if k < len(self._bounds) else len(self.text))
        out: list[Token] = []
        i = self.token_from(mark.close)
        while i < len(self.doc) and len(out) < _WINDOW:
            tok = self.doc[i]
            if tok.idx >= limit or tok.text in _SENTENCE_END and not self.finder.in_quote(tok.idx):
                break
            out.append(tok)
            i += 1
        return out

    def _governors(self, mark: Marked) -> list[Token]:
        """The words outside a quote that the parse hangs its words on (its marks and
        punctuation left aside): the verb that introduces it, or a word it completes."""
        first, last = self.token_from(mark.start), self.token_at(max(mark.start, mark.end - 1))
        return [t.head for t in self.doc[first:last + 1]
                if not t.is_punct and not t.is_space and not first <= t.head.i <= last and not t.head.is_punct]

    def sentence_before(self, offset: int) -> list[Token]:
        """Tokens of the sentence ending before `offset`, in this paragraph or the one before."""
        i = self.token_at(offset) - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space) and not self.finder.in_quote(self.doc[i].idx):
            i -= 1
        if i < 0 or self.text.count("\n", self.doc[i].idx, offset) > 2:
            return []
        out: list[Token] = []
        while i >= 0 and len(out) < 2 * _WINDOW:
            tok = self.doc[i]
            if "\n" in tok.text or "\n" in tok.whitespace_ and out:
                break
            if self._ends_sentence(tok):
                break
            out.append(tok)
            i -= 1
        return out[::-1]

    def _ends_sentence(self, tok: Token) -> bool:
        """A full stop (or "?", "!") outside quotes that ends a sentence, not the one of an
        abbreviation inside a phrase ("Sen. X (Vt.), who …")."""
        if tok.text not in _SENTENCE_END or self.finder.in_quote(tok.idx):
            return False
        nxt = next((t for t in self.doc[tok.i + 1:tok.i + 3] if not t.is_space), None)
        return nxt is None or not (nxt.text in (")", ",") or nxt.text[:1].islower())

    # -- attribution ------------------------------------------------------------------------

    def attribute(self, mark: Marked, found: list[_Found]) -> tuple[Marked, Speaker, str]:
        """The speaker of one quote, from the closest evidence outward."""
        if mark.kind == "pair":
            turn = self._transcript_turn(mark, found)
            if turn is not None:
                return turn
        if mark.kind != "pair":
            mark, speaker = self._dash_line(mark)
            if speaker is not NOBODY:
                return mark, speaker, "incise"
            if mark.kind == "dash":
                speaker = self._dialogue_turn(mark)
                if speaker.actor:
                    return mark, speaker, "context"
                if speaker is _UNTOLD:
                    return mark, NOBODY, "none"
        after = self.after(mark)
        speaker = self._incise(mark, after)
        if speaker is not NOBODY:
            return mark, speaker, "incise"
        previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
        before = self.before(mark)
        if previous and previous.how == "incise" and before and previous.speaker.cue_token >= before[0].i \
                and not self._other_subject(before, previous.speaker):
            return mark, previous.speaker, "inherited"  # « … », a-t-il dit, « … »
        speaker = self._introduction(before)
        if speaker is not NOBODY:
            if speaker.actor is None and speaker.cue_token >= 0:
                speaker = self._participle_subject(speaker, after)
            return mark, speaker, "before"
        same_paragraph = previous is not None and previous.speaker.actor is not None and \
            self._para_start(previous.mark.open) == self._para_start(mark.open)
        if any(t.is_alpha for t in before) or mark.kind == "exchange":
            speaker = self._sentence_subject(before)
            if speaker.actor or mark.kind == "exchange":
                return mark, speaker, "context" if speaker.actor else "none"
        else:
            # A stand-alone quote: its speaker is named by the sentence pointing back at it
            # ("That was the verdict of X"), else was named just before.
            speaker = self._pointed_back(mark)
            if speaker.actor:
                return mark, speaker, "context"
            speaker = self._stand_alone(mark, previous)
            if speaker.actor:
                return mark, speaker, "inherited"
        if same_paragraph and previous is not None:
            # Words quoted again in the paragraph of someone's quote, with no other source.
            return mark, dataclasses.replace(previous.speaker, confidence=0.45), "inherited"
        speaker = self._recent_source(mark, previous, before)
        if speaker is not NOBODY:
            return mark, speaker, "inherited"
        return mark, NOBODY, "none"

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

    def _transcript_turn(self, mark: Marked, found: list[_Found]) -> tuple[Marked, Speaker, str] | None:
        """A turn of a transcript quoted paragraph by paragraph ('"PENCE: Well, …'): the label
        names the speaker (an actor whose surname it is, else someone we cannot name) and is
        left out of the words; a paragraph with no label goes on with the last labelled turn.
        Each turn is its own group, so one speaker's name never spreads to the others'."""
        text = self.text
        label = _TRANSCRIPT_LABEL.match(text, mark.start)
        if label is None:
            previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
            # Labelled turns, and the paragraphs that go on with them, have groups of their own.
            if previous is None or previous.mark.group >= 0 or mark.open != self._para_start(mark.open) \
                    or text[previous.mark.close:mark.open].strip():
                return None
            return dataclasses.replace(mark, group=previous.mark.group), previous.speaker, "inherited"
        name = fold(label.group(1))  # "PENCE", "SEN. SANDERS": the surname ends it
        actors = {a.id: a for a in self.index.actors.actors if a.type == "person"
                  and (name == fold(a.name) or name.split()[-1] == fold(a.name.split()[-1]))}
        actor = next(iter(actors.values())) if len(actors) == 1 else None
        if actor is None:
            # A label naming no one ('"UPDATE: …," the clerk said') is a turn only within a
            # transcript: right after a labelled turn, or before one.
            previous = next((f for f in reversed(found) if f.mark.close <= mark.open), None)
            following = text[self._para_end(mark.open):].lstrip()
            openers = {o for o, _ in self.lang.quote_pairs}
            opens_turn = following[:1] in openers and _TRANSCRIPT_LABEL.match(following, 1)
            if not (previous is not None and previous.mark.group < 0 or opens_turn):
                return None
        speaker = Speaker(actor, label.group(1), 0.8 if actor else 0.3, self.token_from(mark.start))
        return dataclasses.replace(mark, start=label.end(), group=-1 - mark.start), speaker, "incise"

    def _recent_source(self, mark: Marked, previous: _Found | None, before: list[Token]) -> Speaker:
        """The source still speaking when a quote names none: walking back to the previous
        paragraph, the speaker of the last quote or a document subject ("ce rapport se base …"),
        provided no other actor is named on the way."""
        finder = self.finder
        limit = self._para_start(len(self.text[:self._para_start(mark.open)].rstrip()))
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
            if actor is not None and actor.type != "place" and not self._noun_complement(tok):
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
        pronoun = next((t for t in before if t.dep_ in self.lang.speaker_deps and finder.is_pronoun(t)
                        and fold(t.text) not in self.lang.plural_pronouns), None)
        if pronoun is not None and finder.actor_of(pronoun) != speaker.actor:
            return NOBODY
        return speaker

    def _noun_complement(self, tok: Token) -> bool:
        """Whether the mention at `tok` is only a noun's complement ("d'anciens membres des forces
        de sécurité", "members of the security forces"): named in passing, not a new source."""
        m = self.finder.mention_at(tok.idx, tok.idx + len(tok))
        if m is None:
            return False
        first, last = self.token_from(m.start), self.token_at(m.end - 1)
        head = next((t for t in self.doc[first:last + 1] if not first <= t.head.i <= last), None)
        if head is None or head.dep_ not in self.lang.noun_complement_deps:
            return False
        governor = head.head.head if head.head.pos_ == "ADP" else head.head
        return governor.pos_ == "NOUN"

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
            line = text[prev:first - 1].strip()
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
            asked_tok = next((c for c in verb.head.children if c.dep_ in self.lang.speaker_deps
                              and c.dep_ not in self.lang.deps["passive_agent"] and c.i != verb.i), None)
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
        question = text[mark.start:mark.end].rstrip().endswith("?")
        return Speaker(asker if question else asked, None, 0.6)

    def _alternate_turn(self, mark: Marked, first: int, intro: list[Token]) -> Speaker:
        """"X a interpellé Y.\n— …\n— …": a dialogue after a sentence where one named person
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
            return _UNTOLD  # "X a présenté Y à Z": any of them may speak
        if len(people) != 2 or not any(t.pos_ == "VERB" and people[0][0] < t.i < people[1][0] for t in intro):
            return NOBODY
        lines = [line for line in self.text[first:self._para_start(mark.open)].split("\n") if line.strip()]
        return Speaker(people[len(lines) % 2][1], None, 0.55)

    def _pointed_back(self, mark: Marked) -> Speaker:
        """The speaker of a quote paragraph named by the next paragraph, whose first sentence
        has a demonstrative subject standing for the quote ("That was the assessment of X")."""
        text = self.text
        end = self._para_end(mark.close)
        if text[mark.close:end].strip(" .,;!?…\"'»”’") or end >= len(text):
            return NOBODY  # the quote does not close its paragraph
        i = self.token_from(end)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        if i >= len(self.doc):
            return NOBODY
        first = self.doc[i]
        if first.dep_ not in self.lang.speaker_deps or "Dem" not in first.morph.get("PronType") \
                or self.finder.in_quote(first.idx):
            return NOBODY
        for tok in self.doc[i + 1:i + _WINDOW]:
            if tok.text in _SENTENCE_END or "\n" in tok.text:
                break
            actor = None if self.finder.in_quote(tok.idx) else self.finder.mention_actor(tok.idx, tok.idx + len(tok))
            if actor is not None and actor.type != "place":
                return Speaker(actor, None, 0.6)
        return NOBODY

    def _stand_alone(self, mark: Marked, previous: _Found | None) -> Speaker:
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

    def _incise(self, mark: Marked, after: list[Token]) -> Speaker:
        """The attribution right after a quote: "», a-t-il déclaré", '," said Smith', ", selon X"."""
        if not after:
            return NOBODY
        inner = self.text[mark.start:mark.end].rstrip()
        first = after[0]
        if first.text[:1].isupper() and inner[-1:] in ".…" and not first.is_punct:
            return NOBODY  # the quote ended its sentence; a new one starts
        finder = self.finder
        speaker = self._read_in(after)
        if speaker is not NOBODY:
            return speaker
        for tok in after[:_INCISE_REACH]:
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
        """"», peut-on lire dans le communiqué de X", "», peut-on y lire": words read in a
        document are its issuer's, named with the document or, for "y", the last one issued."""
        words = [t for t in after[:_INCISE_REACH] if not t.is_space]
        n = next((n for n, t in enumerate(words) if t.pos_ in ("VERB", "AUX", "NOUN")
                  and fold(t.lemma_) in self.lang.reading_verbs), None)
        if n is None:
            return NOBODY
        verb, finder = words[n], self.finder
        first = words[1] if words[0].text == "," and n > 0 else words[0]
        cue = self.text[first.idx:verb.idx + len(verb)]  # "peut-on lire", "peut-on y lire"
        # "peut-on lire dans le communiqué de X", or "the statement reads".
        document = next((t for t in words[n + 1:] + words[:n][::-1] if t.pos_ == "NOUN"
                         and fold(t.lemma_) in self.lang.document_nouns), None)
        if document is not None:
            actor = finder.named_actor(document)
        elif any(fold(t.text) in self.lang.reading_pronouns for t in words[:n]):
            actor = finder.document_owner_before(after[0].i)
        else:
            return NOBODY
        return Speaker(actor, cue, 0.7 if actor else 0.3, verb.i)

    def _participle_subject(self, speaker: Speaker, after: list[Token]) -> Speaker:
        """"Jugeant que « … », X a quitté la séance": a speech verb in a participle clause before
        the quote speaks for the subject of the main clause that follows the quote."""
        verb = self.doc[speaker.cue_token]
        if "Part" not in verb.morph.get("VerbForm") and "Ger" not in verb.morph.get("VerbForm") \
                or "Past" in verb.morph.get("Tense"):
            return speaker
        finder = self.finder
        subject = next((t for t in after if t.dep_ in self.lang.speaker_deps and not finder.in_quote(t.idx)
                        and not finder.in_quote(t.head.idx)), None)
        actor = finder.actor_of(subject) if subject is not None else None
        return dataclasses.replace(speaker, actor=actor, confidence=0.7) if actor is not None else speaker

    def _closing_incise(self, after: list[Token]) -> Speaker:
        """"« … » qui peut contenir 12 000 personnes, a indiqué un porte-parole de la police.": an
        incise closing the sentence that holds the quote credits all of it, when nothing else in
        between speaks or is quoted. It must be the sentence's last clause: a comma, a speech
        verb with its inverted subject (or clitic), then the sentence end."""
        finder = self.finder
        if len(after) >= len(self.doc) or not after or after[-1].i + 1 >= len(self.doc):
            return NOBODY
        end = self.doc[after[-1].i + 1]
        if end.text not in _SENTENCE_END:
            return NOBODY  # the window stopped at another quote, a paragraph or its size
        for n, tok in enumerate(after):
            if n == 0 or after[n - 1].text != ",":
                continue
            verb = tok
            while verb.pos_ == "AUX" and verb.head.i > verb.i and finder.is_speech_verb(verb.head):
                verb = verb.head
            if not finder.is_speech_verb(verb) or any(finder.is_speech_verb(t) for t in after[:n - 1]):
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
        if actor is None or actor.type != "person":
            return NOBODY
        for tok in self.doc[first.i:verb.i]:
            if tok.idx < m.end:
                continue
            other = finder.mention_actor(tok.idx, tok.idx + len(tok))
            modifier = tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")  # "a top Trump surrogate"
            if finder.in_quote(tok.idx) or finder.is_pronoun(tok) or other is not None and other.type == "person" \
                    and other.id != actor.id and not modifier:
                return NOBODY
        return Speaker(actor, finder.cue_text(verb), 0.7, verb.i)

    def _name_before_verb(self, first: Token, verb: Token) -> Speaker:
        """'"…," Tulsa police Chief X said': a speech verb the parser gave no subject, right
        after a name, with nothing between the quote and the name but the words of a noun
        phrase (a place, a role). That name speaks."""
        finder, doc = self.finder, self.doc
        m = finder.mention_at(doc[verb.i - 1].idx, doc[verb.i - 1].idx + len(doc[verb.i - 1]))
        actor = finder.index.by_id.get(m.actor_id) if m is not None else None
        if actor is None or actor.type == "place" or m.end > doc[verb.i - 1].idx + len(doc[verb.i - 1]):
            return NOBODY
        for tok in doc[first.i:verb.i]:
            if tok.idx >= m.start:
                break
            other = finder.mention_actor(tok.idx, tok.idx + len(tok))
            capitalised = tok.text[:1].isupper()  # a name the tagger took for a verb ("Tulsa")
            if tok.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") and not capitalised \
                    or other is not None and other.type != "place":
                return NOBODY
        return Speaker(actor, finder.cue_text(verb), 0.75, verb.i)

    def _mistagged_incise(self, after: list[Token]) -> Speaker:
        """"», juge le ministère": a speech verb's form opening the incise, followed by its
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
        comma = "," in self.text[mark.end:mark.close]  # '…," goes' (the comma inside the marks)
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
        if "Fin" not in words[0].morph.get("VerbForm") and not compound:
            return NOBODY
        verb = words[0]
        # The parser often reads the inverted subject as an attribute or object ("goes a saying",
        # "s'emballe un diplomate").
        deps = (*self.lang.speaker_deps, *self.lang.deps["attribute"], *self.lang.deps["object"])
        subject = next((c for c in verb.children if c.dep_ in deps and 0 < c.i - verb.i <= _INCISE_REACH
                        and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None:
            return NOBODY
        actor = self.finder.actor_of(subject)
        return Speaker(actor, verb.text, 0.6 if actor else 0.3, verb.i)

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
                verb = next((t for t in reversed(words) if finder.is_speech_verb(t) and t.dep_ not in self.lang.deps["adjective"]
                             and not finder.in_quote(t.idx)), verb)
            # "X, 45 ans, raconte :" with the verb mistagged: its written form still tells.
            verb = verb or next((t for t in reversed(words) if finder.is_speech_verb_form(t)
                                 and t.dep_ not in self.lang.deps["adjective"] and not finder.in_quote(t.idx)), None)
            verb = verb or next((t for t in reversed(words) if t.pos_ == "VERB"), None)
            if verb is not None:
                return finder.verb_speaker(verb, 0.85 if finder.is_speech_verb(verb) else 0.75)
            if not any(t.pos_ == "AUX" for t in words):
                return self._heading(words)
        # "X told a woman who suggested … that « … »": the speech verb the quote hangs on, before
        # a nearer one of another clause.
        start = before[-1].i + 1
        inside = itertools.takewhile(lambda t: finder.in_quote(t.idx), self.doc[start:start + 2 * _WINDOW])
        governing = [t.head for t in inside if not t.is_punct and before[0].i <= t.head.i < start]
        verb = next((g for g in governing if finder.is_speech_verb(g) and g.dep_ not in self.lang.deps["adjective"]), None) or \
            next((t for t in reversed(before) if finder.is_speech_verb(t) and t.dep_ not in self.lang.deps["adjective"]), None)
        if verb is not None:
            if self._asked(verb):
                # "Interrogé sur « … », X a …": the words are the question's, not X's.
                agent = next((c for c in verb.children if c.dep_ in self.lang.speaker_deps), None)
                actor = finder.actor_of(agent) if agent is not None else None
                return Speaker(actor, finder.cue_text(verb), 0.6 if actor else 0.3, verb.i)
            return finder.verb_speaker(verb, 0.85)
        return self._preposition(before)

    def _heading(self, words: list[Token]) -> Speaker:
        """"Réaction de X :", "Même son de cloche chez X :": a verbless phrase before a colon
        that names exactly one person or organisation introduces that actor's words."""
        finder = self.finder
        named = {a.id: a for a in (finder.mention_actor(t.idx, t.idx + len(t)) for t in words
                                   if not finder.in_quote(t.idx)) if a is not None and a.type != "place"}
        if len(named) != 1:
            return NOBODY
        return Speaker(next(iter(named.values())), None, 0.6, words[-1].i)

    def _asked(self, verb: Token) -> bool:
        """A speech verb as a bare past participle opening its clause ("Interrogé sur …",
        "Accusé d'avoir « … »", "Asked about …"): a passive whose subject is the one spoken to
        or of, never the author of the words it introduces."""
        before = self.doc[verb.i - 1] if verb.i else None
        return "Past" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm") \
            and (before is None or before.is_punct or before.is_space) \
            and not any(c.dep_ in self.lang.deps["auxiliary"] or c.dep_ in self.lang.speaker_deps
                        for c in verb.children)

    def _preposition(self, window: list[Token], reach: int = _WINDOW, weak: bool = True) -> Speaker:
        """The actor after an attribution preposition opening a clause ("selon X", "according to X")
        within the first `reach` tokens of the window; with `weak` False, only the prepositions
        that always attribute ("selon", not "pour")."""
        text = self.text
        preps = [p for p in self.lang.attribution_preps if weak or p not in self.lang.weak_attribution_preps]
        for n, tok in enumerate(window[:reach]):
            if n and not (window[n - 1].is_punct or window[n - 1].pos_ == "CCONJ"):
                continue  # "selon" opening a clause, not "pour" in "pour « sécuriser … »"
            for prep in preps:
                if fold(text[tok.idx:tok.idx + len(prep)]) != prep or text[tok.idx + len(prep):][:1].isalpha():
                    continue
                rest = [t for t in window[n + 1:] if t.idx >= tok.idx + len(prep) and not self.finder.in_quote(t.idx)]
                head = _head_within(rest)
                if head is None:
                    continue
                actor = self.finder.actor_of(head)
                cue = text[tok.idx:tok.idx + len(prep)].lower()
                if actor is not None:
                    return Speaker(actor, cue, 0.85, tok.i)
                if head.pos_ in ("NOUN", "PROPN"):
                    return Speaker(None, cue, 0.3, tok.i)  # a source we cannot name: not anyone else
        return NOBODY

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

    def _dash_line(self, mark: Marked) -> tuple[Marked, Speaker]:
        """A dialogue line cut before its incise ("— Non, répond-il."), with the incise's speaker."""
        finder = self.finder
        first, last = self.token_from(mark.start), self.token_at(mark.end - 1)
        for i in range(first + 1, last + 1):
            stop = self.doc[i - 1].text
            if stop != "," and not (stop in _LINE_END and self.doc[i].text[:1].islower()):
                continue
            for tok in self.doc[i:min(i + 3, last + 1)]:
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
                    speaker = finder.verb_speaker(verb, 0.85) if finder.is_speech_verb(verb) or \
                        verb is not tok else Speaker(finder.name_after(verb), verb.text, 0.75, verb.i)
                    return dataclasses.replace(mark, end=end), speaker
        return mark, NOBODY

    # -- what counts as a quote -------------------------------------------------------------

    def keep(self, mark: Marked, speaker: Speaker, how: str) -> bool:
        """Whether the span is someone's words, not a title, a name or a scare-quoted term."""
        words = self.text[mark.start:mark.end].split()
        if not words or self._titled(mark):
            return False
        introduced = speaker.cue is not None and how in ("incise", "before")
        if len(words) < MIN_WORDS:
            # « Jamais ! », a-t-il lancé: a whole short utterance, introduced by a speech verb.
            inner = self.text[mark.start:mark.end]
            # 'on CNN's "State of the Union."', 'a goal of "Peace Through Strength."': a name the
            # sentence uses (a preposition's or a noun's complement), not words spoken.
            opening = self.token_at(mark.open)
            named = any(g.i < opening and g.pos_ in ("ADP", "NOUN", "PROPN") for g in self._governors(mark))
            return introduced and not named and (inner[:1].isupper() and inner.rstrip()[-1:] in ".!?…")
        if not introduced and _title_case(words):
            return False
        if _headline_case(words) and any(self._para_start(mark.open) <= g.idx < mark.open
                                         and g.pos_ in ("ADP", "NOUN", "PROPN") for g in self._governors(mark)):
            return False  # 'X said on CNN's "State of the Union."': a show the sentence names, introduced or not
        if not introduced and self._named_after_preposition(mark, words):
            return False  # "un rapport sur « Les revenus et le patrimoine des ménages »": a title
        return True

    def _named_after_preposition(self, mark: Marked, words: list[str]) -> bool:
        """A short capitalised phrase with no closing punctuation, right after a preposition:
        the title of a work or a label the sentence names, not words someone said."""
        if len(words) > _TITLE_WORDS or not words[0][:1].isupper() or words[-1][-1:] in _SENTENCE_END:
            return False
        i = self.token_at(mark.open) - 1
        return i >= 0 and self.doc[i].pos_ == "ADP" \
            and self.text[self.doc[i].idx + len(self.doc[i]):mark.open].strip() == ""

    def _titled(self, mark: Marked) -> bool:
        """Whether the words right before the marks name a work, a show or a nickname."""
        i = self.token_at(mark.open) - 1
        prev = [self.doc[j] for j in range(i, max(i - 3, -1), -1) if not self.doc[j].is_space]
        # "intitulé, « … »" is still a title; "Pour l'association, « … »" is someone's words.
        after_comma = bool(prev) and prev[0].text == ","
        prev = [t for t in prev if t.text != ","][:2]
        if not prev:
            return False
        cue = fold(prev[0].text)
        if cue in self.lang.title_cues:
            return True
        if after_comma:
            return False
        if cue in self.lang.title_nouns:
            return True
        if len(prev) > 1 and prev[0].pos_ == "ADP" and fold(prev[1].text) in self.lang.title_nouns:
            # "an episode of “The Morning Hour Show”": capitalised like a title after a work's noun.
            return _title_case(self.text[mark.start:mark.end].rstrip(" ,").split())
        return len(prev) > 1 and prev[0].pos_ == "DET" and fold(prev[1].text) in self.lang.title_nouns


def _words(text: str) -> int:
    return len(text.split())


def _title_case(words: list[str]) -> bool:
    """Words capitalised like a title ("Better Idea of Afghan Girls"), not like a sentence."""
    if len(words) > 8 or any(w[-1:] in ".!?" for w in words):
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 3 and caps * 3 >= len(words) * 2


def _headline_case(words: list[str]) -> bool:
    """Every word capitalised but short lowercase ones ("State of the Union.", "Fox and Friends"):
    a name or a title, not a sentence."""
    words = [w.strip(".,!?…") for w in words if w.strip(".,!?…")]
    caps = sum(1 for w in words if w[:1].isupper())
    return bool(words) and len(words) <= _TITLE_WORDS and words[0][:1].isupper() and caps >= 2 \
        and all(w[:1].isupper() or len(w) <= 3 and w.islower() for w in words)


def _head_within(tokens: list[Token]) -> Token | None:
    """The token of a run whose head lies outside the run: the head of a noun phrase."""
    run = list(itertools.takewhile(lambda t: not t.is_punct, tokens))
    if not run:
        return None
    lo, hi = run[0].i, run[-1].i
    for tok in run:
        if not lo <= tok.head.i <= hi or tok.head.i == tok.i:
            return tok
    return None


def _share_within_groups(found: list[_Found]) -> list[_Found]:
    """Paragraphs of one multi-paragraph quote share the speaker found for any of them."""
    best: dict[int, Speaker] = {}
    for f in found:
        if f.speaker.actor and f.speaker.confidence > best.get(f.mark.group, NOBODY).confidence:
            best[f.mark.group] = f.speaker
    return [dataclasses.replace(f, speaker=best[f.mark.group])
            if f.speaker.actor is None and f.mark.group in best else f for f in found]
