"""Names the model cut or left out: names broken at a particle, countries, salient names of other labels.

- A person's name cut at a lowercase particle ("Kito" + "de Pavant", "Mohammed ben" +
  "Salmane") is one name again: the particle (`name_particles`) and the capitalised words on
  its other side join the person.

- A country written as in the nationality data ("Royaume-Uni", "Philippines") is a place even
  where the model tagged nothing, or took the word for a demonym.
- A name the model gave a label that is no actor type (`rescued_labels`: MISC in French, for
  products, projects, events and shows: "Ubuntu", "Wikipédia", "Vendée Globe") is an
  organisation when the story is about it: the title names it, or the text names it again and
  makes it a subject. Demonyms, titles of works in quotation marks and names of one word that
  open a sentence only are left out, as for any name. A full name of such a label that is the
  subject of a speech verb ("…, explique Joechen Zaumseil") is a person.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from .doctext import text_of
from .names import Candidate, after_work_cue, clean_span, is_work_title, name_words
from .verbs import is_speech_verb

_WORD = re.compile(r"[\w-]+")


def rescue_names(doc: Doc, cands: Sequence[Candidate], lang: LangData, title: str = "") -> list[Candidate]:
    """`cands` plus the countries and salient names the model missed, by offset."""
    out = _join_particles(doc, cands, lang)
    out += _countries(doc, out, lang)
    out += _salient_other_labels(doc, out, lang, title)
    return sorted(out, key=lambda c: c.start)


def _countries(doc: Doc, cands: Sequence[Candidate], lang: LangData) -> list[Candidate]:
    """Untagged occurrences of a country name as the nationality data writes it."""
    taken = {i for c in cands for i in range(c.first, c.last)}
    text = text_of(doc)
    out: list[Candidate] = []
    for country in sorted(set(lang.nationalities.values()), key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(country)}(?![\w-])", text):
            span = doc.char_span(m.start(), m.end())
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            out.append(Candidate(m.start(), m.end(), country, "place", span.start, span.end))
            taken |= set(range(span.start, span.end))
    return out


def _salient_other_labels(doc: Doc, cands: Sequence[Candidate], lang: LangData, title: str) -> list[Candidate]:
    """Names of a non-actor label the title names, or the text names twice with one as a subject."""
    if not lang.rescued_labels:
        return []
    taken = {i for c in cands for i in range(c.first, c.last)}
    forms: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    subjects: set[tuple[str, ...]] = set()
    out_people: list[Candidate] = []
    # "le papillon X": X names a thing wherever it is named, whatever its label there.
    things = {
        name_words(c.text)
        for ent in doc.ents
        if (c := clean_span(doc, ent.start, ent.end, "organization", lang)) is not None and after_work_cue(doc, c, lang)
    }
    for ent in doc.ents:
        if ent.label_ not in lang.rescued_labels or any(i in taken for i in range(ent.start, ent.end)):
            continue
        cand = clean_span(doc, ent.start, ent.end, "organization", lang)
        if cand is None or is_work_title(doc, cand, lang) or _lone_sentence_opener(doc, cand):
            continue
        root = doc[cand.first : cand.last].root
        if (
            root.dep_ in lang.deps["subject"]
            and is_speech_verb(root.head, lang)
            and cand.last - cand.first >= 2
            and all(t.text[:1].isupper() for t in doc[cand.first : cand.last])
        ):
            # "…, explique Joechen Zaumseil": a full name that speaks is a person.
            person = clean_span(doc, ent.start, ent.end, "person", lang)
            if person is not None:
                out_people.append(person)
                continue
        key = name_words(cand.text)
        forms[key].append(cand)
        if doc[cand.first : cand.last].root.dep_ in lang.deps["subject"]:
            subjects.add(key)
    # Written as in the title, capitals included: "le minitel" in a title is a common noun.
    title_words = _written_words(title)
    out: list[Candidate] = list(out_people)
    for key, found in forms.items():
        if key in things:
            continue
        in_title = any(_written_words(c.text) <= title_words for c in found)
        if in_title or (len(found) >= 2 and key in subjects):
            out += found
    return out


def _written_words(text: str) -> set[str]:
    """Words as written, capitals kept, accents aside ("Wikimedia" and "Wikimédia" are one)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return set(_WORD.findall(plain))


def _lone_sentence_opener(doc: Doc, cand: Candidate) -> bool:
    """A one-word name at a sentence start, lowercase elsewhere: a common noun, not a name."""
    if cand.last - cand.first != 1 or not doc[cand.first].is_sent_start:
        return False
    lower = fold(cand.text)
    return any(t.text == lower for t in doc)


# Capitalised words a cut name may regain on the other side of its particle.
_MAX_JOINED_WORDS = 2


def _join_particles(doc: Doc, cands: Sequence[Candidate], lang: LangData) -> list[Candidate]:
    """Person names extended over a particle and the capitalised words the model left beside it."""
    out = list(cands)
    for cand in cands:
        if cand.kind != "person":
            continue
        first, last = cand.first, cand.last
        if (
            first >= 1
            and last - first >= 2
            and _capital_particle(doc[first], lang)
            and _joinable(doc[first - 1], lang)
            and _joinable_label(doc[first - 1], lang)
        ):
            first -= 1  # "Marine" + "Le Pen": a first name the model left before the surname
        elif (
            first >= 2
            and _particle(doc[first - 1], lang)
            and _joinable(doc[first - 2], lang)
            and _joinable_label(doc[first - 2], lang)
        ):
            first -= 2
            while (
                cand.first - first < _MAX_JOINED_WORDS + 1
                and first > 0
                and _joinable(doc[first - 1], lang)
                and not doc[first].is_sent_start
            ):
                first -= 1
        if last - first >= 2 and (_particle(doc[last - 1], lang) or _capital_particle(doc[last - 1], lang)):
            while last < len(doc) and last - cand.last < _MAX_JOINED_WORDS and _joinable(doc[last], lang):
                last += 1
        elif (
            last + 1 < len(doc)
            and _capital_particle(doc[last], lang)
            and _joinable(doc[last + 1], lang)
            and lang.entity_types.get(doc[last + 1].ent_type_) != "person"
        ):
            last += 2  # "Armel" + "Le Cléac'h": a capitalised particle opens the surname
        if (first, last) == (cand.first, cand.last) and _closing_word(doc, last, lang):
            last += 1  # "Gordon and Betty Moore" + "Foundation": the model left the last word out
        if (first, last) == (cand.first, cand.last):
            continue
        joined = clean_span(doc, first, last, "person", lang)
        if joined is None:
            continue
        out = [c for c in out if not (c.first < last and first < c.last)] + [joined]
    return out


def _closing_word(doc: Doc, i: int, lang: LangData) -> bool:
    """A capitalised word right after a person's name, untagged and closing the phrase: the end of
    a longer name the model cut ("Betty Moore Foundation"), not a title or another name."""
    if i >= len(doc) or doc[i].ent_type_ or not doc[i - 1].text[:1].isupper() or doc[i - 1].whitespace_ == "":
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if fold(doc[i].text) in {fold(w) for w in lang.months + lang.weekdays}:
        return False  # "said John Smith Tuesday"
    return (
        _joinable(doc[i], lang)
        and doc[i].pos_ in ("PROPN", "NOUN", "X")
        and (after is None or not after.text[:1].isupper())
    )


def _joinable_label(tok: Token, lang: LangData) -> bool:
    """A word joined to a person's name carries no label, a person's, or a rescued one (MISC)."""
    return not tok.ent_type_ or lang.entity_types.get(tok.ent_type_) == "person" or tok.ent_type_ in lang.rescued_labels


def _capital_particle(tok: Token, lang: LangData) -> bool:
    """A capitalised particle or article that opens a surname ("Le Pen", "De Gaulle", "Van Gogh")."""
    word = fold(tok.text)
    return tok.text[:1].isupper() and (word in lang.name_particles or word in lang.surname_articles)


def _particle(tok: Token, lang: LangData) -> bool:
    """A lowercase name particle standing alone ("de", "ben", "van")."""
    return tok.text[:1].islower() and fold(tok.text) in lang.name_particles


def _joinable(tok: Token, lang: LangData) -> bool:
    """A capitalised word that may belong to a personal name (no title, article or demonym)."""
    word = fold(tok.text)
    return (
        tok.text[:1].isupper()
        and tok.text.replace("'", "").replace("’", "").replace("´", "").isalpha()
        and word not in lang.stop_words
        and word not in lang.titles
        and word.rstrip(".") not in lang.honorifics
        and not lang.is_nationality(word)
        and word not in lang.institution_nouns
        and word not in lang.org_titles
    )
