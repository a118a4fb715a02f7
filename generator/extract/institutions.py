"""Organisations named by a common noun: institutions and collective bodies written in lowercase.

The model tags names, not « la police afghane », « le gouvernement espagnol », « les autorités
locales », « la préfecture de l'Ardèche » or « les forces de la coalition internationale ». A
body phrase is a definite noun phrase headed by an institution noun of the language data
(`institution_nouns`), with the adjectives around the noun and the complements that say whose
or what body it is (« de la Santé », « de sécurité », « de la coalition », a name right after
the noun: « le gouvernement Ayrault »). It names an organisation, by its words without the
article, when it acts (a verb's subject or agent, credited by "selon", the issuer of a
communiqué or the employer of a spokesperson) or when bodies of its kind are named more than
once; a lone passing mention (« devant la mairie de Brest ») makes no actor. A kept phrase
replaces the names it covers ("Ardèche" in « la préfecture de l'Ardèche »).

A body qualified as another time's (`former_modifiers`: « le gouvernement précédent ») is
another body than the one the story is about: bare mentions never join it, and named once it
is context, not an actor.

`body_of` gives what identifies a body for merging: its noun's class (`body_synonyms`: « armée »
and « forces » name the same kind of body) and the other words, nationalities read as their
country, so that « les forces afghanes » and « l'armée afghane » are one actor and « l'armée
française » another.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from .doctext import text_of
from .names import Candidate
from .quote_marks import find_quote_spans

# Institution nouns are at most this many tokens long ("forces de l'" + "ordre").
_MAX_NOUN_WORDS = 4

# Adjectives allowed between the article and the noun (« le nouveau gouvernement »).
_MAX_PRE_ADJECTIVES = 2
# Complements chained after the noun (« les forces de la coalition de l'OTAN »).
_MAX_COMPLEMENTS = 2


@dataclass(frozen=True)
class Body:
    """What identifies a body phrase: the class of its noun, its other words, its countries."""

    kind: str
    words: frozenset[str]
    countries: frozenset[str]
    complement: str | None
    # Qualified as another time's body (« le gouvernement précédent », « l'ancien régime »).
    former: bool = False


def add_institutions(doc: Doc, cands: Sequence[Candidate], lang: LangData) -> list[Candidate]:
    """`cands` plus the body phrases that name an organisation, without the names they cover, by offset."""
    if not lang.institution_nouns:
        return list(cands)
    # A name the model tagged that opens with an institution noun ("musée de X de Montréal")
    # is read again as a body phrase, which knows where the noun's complement ends.
    covered = {i for c in cands if not _noun_at(doc, c.first, lang) for i in range(c.first, c.last)}
    quoted = [(q.start, q.end) for q in find_quote_spans(text_of(doc), lang)]
    phrases: list[Candidate] = []
    i = 0
    while i < len(doc):
        cand = _phrase_at(doc, i, covered, quoted, lang)
        if cand is None:
            i += 1
            continue
        phrases.append(cand)
        i = cand.last
    kinds = Counter(_kind(doc, c, lang) for c in phrases)
    found = [c for c in phrases if c.acts or kinds[_kind(doc, c, lang)] >= 2]
    kept = [c for c in cands if not any(f.start < c.end and c.start < f.end for f in found)]
    return sorted(kept + found, key=lambda c: c.start)


def is_body(cand: Candidate) -> bool:
    """True for a candidate made here (a body phrase), not a name the model tagged."""
    return cand.body


def body_of(doc: Doc, cand: Candidate, lang: LangData) -> Body | None:
    """What identifies the body a lowercase phrase names, or None for a name."""
    if not is_body(cand):
        return None
    head = _noun_in(doc, cand.first, cand.last, lang)
    if head is None:
        return None
    at, size = head
    noun = fold(doc[at : at + size].text)
    words: set[str] = set()
    countries: set[str] = set()
    complement = None
    for tok in doc[cand.first : cand.last]:
        if at <= tok.i < at + size or not tok.is_alpha or tok.pos_ in ("DET", "ADP", "CCONJ"):
            continue
        word = fold(tok.text)
        if lang.is_nationality(word):
            countries.add(lang.nationalities[word])
            continue
        if word in lang.stop_words and tok.pos_ != "ADJ":
            continue
        words.add(fold(tok.lemma_) if tok.text[:1].islower() else word)
        if (
            complement is None
            and tok.i > at
            and tok.pos_ in ("NOUN", "PROPN")
            and doc[tok.i - 1].pos_ in ("ADP", "DET")
        ):
            complement = fold(tok.lemma_) if tok.text[:1].islower() else word
    former = any(fold(t.text) in lang.former_modifiers for t in doc[cand.first : cand.last])
    return Body(lang.body_synonyms.get(noun, noun), frozenset(words), frozenset(countries), complement, former)


def same_body(short: Body, full: Body) -> bool:
    """True when the shorter body phrase can name the same body as the fuller one.

    Same class of noun, no other country, and either nothing the fuller phrase does not say
    (« la police » / « la police madrilène ») or the same first complement (« les forces de la
    coalition internationale » / « … de la coalition de l'OTAN »).
    """
    if short.kind != full.kind or short.former != full.former:
        return False  # "le gouvernement" is never the previous one
    if short.countries and full.countries and not short.countries & full.countries:
        return False
    if short.countries - full.countries and full.countries:
        return False
    if short.words <= full.words and (not short.countries or full.countries):
        return True
    return short.complement is not None and short.complement == full.complement


def _kind(doc: Doc, cand: Candidate, lang: LangData) -> str:
    """The class of a phrase's noun (« forces » and « armée » share one)."""
    body = body_of(doc, cand, lang)
    return body.kind if body is not None else cand.text


def _noun_in(doc: Doc, first: int, last: int, lang: LangData) -> tuple[int, int] | None:
    """Index and length in words of the first institution noun in tokens [first, last)."""
    for i in range(first, last):
        n = _noun_at(doc, i, lang)
        if n:
            return i, n
    return None


def _noun_at(doc: Doc, i: int, lang: LangData) -> int:
    """How many tokens from i spell an institution noun, the longest first; 0 when none does."""
    if not doc[i].text[:1].islower() or fold(doc[i].text) not in _first_words(lang.institution_nouns):
        return 0
    for n in range(_MAX_NOUN_WORDS, 0, -1):
        if i + n <= len(doc) and fold(doc[i : i + n].text) in lang.institution_nouns:
            return n
    return 0


@functools.lru_cache(maxsize=8)
def _first_words(nouns: frozenset[str]) -> frozenset[str]:
    """The first tokens of the institution nouns ("forces" for "forces de l'ordre")."""
    return frozenset(noun.split()[0] for noun in nouns if noun.strip())


def _phrase_at(doc: Doc, i: int, covered: set[int], quoted: list[tuple[int, int]], lang: LangData) -> Candidate | None:
    """The definite body phrase whose noun starts at token i, if there is one."""
    n = _noun_at(doc, i, lang) if i not in covered else 0
    if not n:
        return None
    first = i
    while first > 0 and i - first < _MAX_PRE_ADJECTIVES and _pre_adjective(doc[first - 1]):
        first -= 1
    if first == 0 or not _definite(doc[first - 1], lang):
        return None
    end = _modifiers_end(doc, i + n, lang)
    for _ in range(_MAX_COMPLEMENTS):
        stop = _complement_end(doc, end, lang)
        if stop == end:
            break
        named = doc[stop - 1].text[:1].isupper()
        end = _modifiers_end(doc, stop, lang)
        if named:
            break  # "le musée de X de Montréal": a name says which body; what follows is a place
    start, stop_char = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
    noun = doc[i]
    if any(s <= noun.idx < e for s, e in quoted):
        return None  # inside someone's words a body is named in passing (« prévenir la police »)
    acts = _acts(doc, noun, doc[first - 1], lang)
    return Candidate(start, stop_char, text_of(doc)[start:stop_char], "organization", first, end, True, acts)


def _pre_adjective(tok: Token) -> bool:
    """A lowercase adjective between the article and the noun (« le nouveau gouvernement »)."""
    return tok.pos_ == "ADJ" and tok.text[:1].islower() and tok.is_alpha


def _definite(tok: Token, lang: LangData) -> bool:
    """A definite article, on its own or joined to a preposition (« la », « des », « du », « aux »)."""
    return lang.has_morph(tok, "definite") and lang.has_morph(tok, "article")


def _modifiers_end(doc: Doc, j: int, lang: LangData) -> int:
    """End of the adjectives after a noun (« afghane », « électorale », « armées »), words the
    parser attaches to it as adjectives included whatever their tag (« les rebelles houthis »)."""
    while (
        j < len(doc)
        and doc[j].text[:1].islower()
        and doc[j].is_alpha
        and (
            doc[j].pos_ == "ADJ"
            or lang.is_nationality(doc[j].text)
            or (doc[j].dep_ in lang.deps["adjective"] and doc[j].head.i < j and doc[j].pos_ in ("PROPN", "X"))
        )
    ):
        j += 1
    return j


def _complement_end(doc: Doc, j: int, lang: LangData) -> int:
    """End of a complement that says whose or what body it is, starting at token j; j if none.

    « de l'Ardèche », « de la Culture et de la Communication » (capitalised names, joined);
    « de sécurité », « d'urgence » (a bare noun); « de la coalition » (an article and another
    body noun); or a name right after the noun (« le gouvernement Ayrault »).
    """
    if j >= len(doc):
        return j
    if doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
        return _name_end(doc, j)
    if (
        fold(doc[j].text) in lang.qualifier_preps
        and j + 1 < len(doc)
        and doc[j + 1].pos_ == "NOUN"
        and doc[j + 1].text[:1].islower()
    ):
        return j + 2  # "le gouvernement tibétain en exil"
    if fold(doc[j].text) not in lang.genitive_preps or doc[j].pos_ != "ADP":
        return j
    k = j + 1
    if k < len(doc) and doc[k].pos_ == "DET" and doc[k].text[:1].islower():
        if not _definite(doc[k], lang):
            return j
        k += 1
        if k < len(doc) and _noun_at(doc, k, lang):
            return k + _noun_at(doc, k, lang)
    elif k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].text[:1].islower():
        return k + 1
    # A person named after the noun is not the body's name (« le gouvernement de Benyamin
    # Netanyahou » keeps Netanyahou a person of his own).
    if k >= len(doc) or not doc[k].text[:1].isupper() or lang.entity_types.get(doc[k].ent_type_) == "person":
        return j
    end = _name_end(doc, k)
    if (
        end < len(doc)
        and doc[end].text[:1].islower()
        and fold(doc[end].text) in lang.name_particles
        and end + 1 < len(doc)
        and not doc[end].whitespace_
    ):
        return j  # "de Bachar al-Assad": a particle glued to a surname, a person's name
    # « de la Culture et de la Communication »: a second name joined to the first.
    while end + 2 < len(doc) and doc[end].pos_ == "CCONJ" and fold(doc[end + 1].text) in lang.genitive_preps:
        m = end + 2
        if m < len(doc) and doc[m].pos_ == "DET" and doc[m].text[:1].islower():
            m += 1
        if m >= len(doc) or not doc[m].text[:1].isupper():
            break
        end = _name_end(doc, m)
    return end


def _name_end(doc: Doc, k: int) -> int:
    """End of the capitalised run starting at token k (hyphens inside kept: « Pointe-à-Callière »)."""
    end = k
    while end < len(doc) and (doc[end].text[:1].isupper() or (doc[end].text == "-" and end > k)):
        end += 1
    while end > k and not doc[end - 1].text[:1].isupper():
        end -= 1
    return end


def _acts(doc: Doc, noun: Token, det: Token, lang: LangData) -> bool:
    """True when the body speaks or acts: a verb's subject or agent (or joined to one), credited
    by "selon", named as the agent of an action noun (« l'annonce par la commission »), or
    issuing words through someone ("le communiqué de la préfecture", "le porte-parole de la police")."""
    if noun.dep_ in lang.deps["conjunct"] and noun.head is not noun and noun.head.dep_ in lang.speaker_deps:
        return True
    if noun.dep_ in lang.speaker_deps:
        return True
    if noun.dep_ in lang.deps["complement_noun"] and noun.head is not noun:
        if fold(noun.head.text) in lang.proxy_nouns:
            return True
        if any(c.dep_ in lang.deps["case_marker"] and fold(c.text) in lang.agent_preps for c in noun.children):
            return True
    before = fold(text_of(doc)[max(0, det.idx - 20) : det.idx]).rstrip()
    strong = [p for p in lang.attribution_preps if p not in lang.weak_attribution_preps]
    return any(before.endswith(p) and not before[: -len(p)][-1:].isalpha() for p in strong)
