"""Roles of actors and the descriptions that stand for them.

A role is a noun phrase the text attaches to a name, kept without its determiner:
- an apposition after the name: "Nicolás Maduro, le président vénézuélien,"; "Human Rights
  Watch, une ONG";
- an apposition before it: "du prochain président, Donald Trump.";
- title words glued before it: "le démocrate Joe Biden", "l'ONG Human Rights Watch",
  "U.S. President Donald Trump", "le Russe Vladimir Poutine".

A description is a definite noun phrase headed by a title noun ("le président vénézuélien",
"la porte-parole de la fédération", "the minister"). It resolves to the actor holding a
matching role; failing that, a person title resolves to the one clearly most salient person
named so far, unless that person's known nationality differs from the description's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..langdata import LangData, fold
from ..models import Actor
from .names import Candidate

_MAX_ROLE_TOKENS = 12
_ROLE_STOP_POS = frozenset({"VERB", "AUX", "SCONJ", "PUNCT", "PRON", "NUM", "SYM"})


@dataclass(frozen=True)
class Role:
    """A role phrase found next to a name, with the offsets of its own text."""

    text: str
    start: int
    end: int
    separate: bool


@dataclass(frozen=True)
class Description:
    """A definite noun phrase that may stand for an actor."""

    head: str
    words: frozenset[str]
    countries: frozenset[str]
    person_title: bool
    complement: SpacySpan | None


def roles_of(doc: Doc, cand: Candidate, lang: LangData) -> list[Role]:
    """The role phrases attached to one name in the text."""
    found = (_after(doc, cand, lang), _before_comma(doc, cand, lang), _glued_before(doc, cand, lang))
    return [r for r in found if r is not None]


def _after(doc: Doc, cand: Candidate, lang: LangData) -> Role | None:
    """ "Name, [det] role," — a closed apposition, or one the parser marks as such."""
    if cand.last + 1 >= len(doc) or doc[cand.last].text != ",":
        return None
    i = cand.last + 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    start = i
    while i < len(doc) and i - start < _MAX_ROLE_TOKENS and _role_token(doc[i]):
        i += 1
    if i == start or not _has_head_noun(doc[start:i], lang) or doc[start].pos_ == "PROPN":
        return None
    closed = i == len(doc) or doc[i].is_punct
    head = doc[start:i].root
    if not closed and not (head.dep_ in lang.deps["apposition"] and cand.first <= head.head.i < cand.last):
        return None
    return Role(doc[start:i].text, doc[start].idx, doc[i - 1].idx + len(doc[i - 1].text), True)


def _before_comma(doc: Doc, cand: Candidate, lang: LangData) -> Role | None:
    """ "[det] role, Name." — the name closes the phrase, so it is an apposition to the role.

    The role is the noun nearest the comma with its left modifiers ("du prochain président,
    Donald Trump"); a noun that is not a title takes the noun it complements ("la fédération
    des banques, Febelfin").
    """
    comma = cand.first - 1
    closed = cand.last == len(doc) or doc[cand.last].is_punct
    if comma < 1 or doc[comma].text != "," or not closed:
        return None
    head = comma - 1
    while head >= 0 and comma - head <= 6 and not _noun_like(doc[head], lang):
        if doc[head].is_punct or doc[head].pos_ in ("VERB", "AUX", "PRON", "CCONJ"):
            return None
        head -= 1
    if head < 0 or comma - head > 6 or not _noun_like(doc[head], lang):
        return None
    start = _left_edge(doc, head, lang)
    if not _is_title(doc[head], lang) and start >= 2 and doc[start - 1].pos_ == "ADP":
        outer = start - 2
        if _noun_like(doc[outer], lang):
            start = _left_edge(doc, outer, lang)
    phrase = doc[start:comma]
    if not doc[start].text[:1].islower() and not _is_title(doc[start], lang):
        return None
    return Role(phrase.text, phrase.start_char, phrase.end_char, True)


def _noun_like(tok: Token, lang: LangData) -> bool:
    """A lowercase common noun or a title word."""
    return _is_title(tok, lang) or (tok.pos_ == "NOUN" and tok.text[:1].islower())


def _is_title(tok: Token, lang: LangData) -> bool:
    """A title or organisation noun ("président", "ONG")."""
    word = fold(tok.text)
    return word in lang.titles or word in lang.org_titles


def _left_edge(doc: Doc, i: int, lang: LangData) -> int:
    """Start of the noun at i with the adjectives, nouns and title words right before it."""
    while i > 0 and doc[i - 1].pos_ in ("ADJ", "NOUN", "PROPN", "X") and not doc[i - 1].is_punct:
        if doc[i - 1].pos_ in ("PROPN", "X") and not (_is_title(doc[i - 1], lang) or doc[i - 1].ent_type_):
            break
        i -= 1
    return i


def _glued_before(doc: Doc, cand: Candidate, lang: LangData) -> Role | None:
    """ "le démocrate Joe Biden", "team member Rodaba Noori": title words right before the name."""
    i = cand.first - 1
    while i >= 0 and _premodifier(doc[i], lang):
        i -= 1
    phrase = doc[i + 1 : cand.first]
    if not len(phrase):
        return None
    last = fold(phrase[-1].text)
    if phrase[-1].pos_ == "ADJ" and not lang.is_nationality(last):
        return None
    if cand.kind == "person" and (last in lang.org_titles or last in lang.institution_cues):
        return None
    return Role(phrase.text, phrase.start_char, phrase.end_char, False)


def _premodifier(tok: Token, lang: LangData) -> bool:
    """A word that may belong to a title glued before a name."""
    word = fold(tok.text)
    if word in lang.titles or word in lang.org_titles or lang.is_nationality(word):
        return True
    return tok.text[:1].islower() and tok.pos_ in ("NOUN", "ADJ") and not tok.is_stop


def _role_token(tok: Token) -> bool:
    """A token that may continue a role phrase (no verb, clause word or punctuation)."""
    if tok.pos_ in _ROLE_STOP_POS or tok.text in ("(", ")"):
        return False
    if tok.pos_ != "CCONJ":
        return True
    # "responsable de l'organisation et spécialiste de la Syrie": a conjunction joins two roles.
    return tok.i + 1 < len(tok.doc) and tok.nbor(1).pos_ in ("NOUN", "ADJ")


def _has_head_noun(phrase: SpacySpan, lang: LangData) -> bool:
    """True when a phrase opens (after adjectives) with a lowercase noun or a title word."""
    for tok in phrase[:4]:
        word = fold(tok.text)
        if word in lang.titles or word in lang.org_titles:
            return True
        if tok.pos_ == "NOUN" and tok.text[:1].islower():
            return True
        if tok.pos_ != "ADJ":
            return False
    return False


def find_descriptions(doc: Doc, lang: LangData, taken: set[int]) -> list[SpacySpan]:
    """Definite singular noun phrases headed by a title noun, outside names and roles."""
    out = []
    for tok in doc:
        if tok.i in taken or not _title_at(doc, tok.i, lang):
            continue
        det = tok.i - 1
        while det >= 0 and doc[det].pos_ in ("ADJ", "NOUN", "PROPN") and det not in taken and tok.i - det < 4:
            det -= 1
        if det < 0 or det in taken or not _definite_singular(doc[det], lang):
            continue
        end = tok.i + 1
        while end < len(doc) and end not in taken and (doc[end].pos_ == "ADJ" or lang.is_nationality(doc[end].text)):
            end += 1
        end = _complement_end(doc, end, taken)
        if end < len(doc) and end in taken and doc[end].ent_type_:
            continue  # "le démocrate Joe Biden": the title is the name's role, not a description
        out.append(doc[det:end])
    return out


def describe(span: SpacySpan, lang: LangData) -> Description | None:
    """The description a noun phrase makes, if it is headed by a title noun."""
    toks = [t for t in span if not (t.pos_ == "DET" and t.i == span.start)]
    for k, tok in enumerate(toks):
        if not _title_at(span.doc, tok.i, lang):
            continue
        two = f"{fold(tok.text)} {fold(toks[k + 1].text)}" if k + 1 < len(toks) else ""
        head = two if two in lang.titles else fold(tok.text)
        rest = toks[k + 1 :]
        # "l'organisation militant pour les droits de l'Homme": a participle or verb opens a
        # clause about the noun, not a complement naming its owner.
        verb_at = next((j for j, t in enumerate(rest) if t.pos_ in ("VERB", "AUX")), None)
        if verb_at is not None:
            rest = rest[:verb_at]
        comp_at = next((j for j, t in enumerate(rest) if t.pos_ == "ADP"), None)
        complement = None
        if comp_at is not None and comp_at + 1 < len(rest):
            complement = span.doc[rest[comp_at + 1].i : rest[-1].i + 1]
            rest = rest[:comp_at]
        words = frozenset(fold(t.text) for t in toks[:k] + rest if t.is_alpha and not t.is_stop)
        countries = frozenset(lang.nationalities[w] for w in words if w in lang.nationalities)
        return Description(head, words | frozenset(head.split()), countries, head in lang.titles, complement)
    return None


def role_matches(desc: Description, role: str) -> bool:
    """True when a role says at least what the description says ("président vénézuélien")."""
    words = set(role_words(role))
    return set(desc.head.split()) <= words and desc.words <= words


def role_words(role: str) -> list[str]:
    """Folded words of a role phrase."""
    return [w for w in re.split(r"[\s'’,]+", fold(role)) if w]


def countries_of(actor: Actor, lang: LangData) -> set[str]:
    """Countries an actor's roles tie it to ("président vénézuélien" -> Venezuela)."""
    return {lang.nationalities[w] for r in actor.roles for w in role_words(r) if w in lang.nationalities}


def resolve_description(
    desc: Description,
    actors: Sequence[Actor],
    seen: Mapping[str, int],
    resolve_span: Callable[[SpacySpan], Actor | None],
    lang: LangData,
) -> Actor | None:
    """The actor a description stands for, or None when it cannot be told.

    `seen` counts each actor's mentions before the description; `resolve_span` resolves the
    complement ("de la fédération").
    """
    owner = resolve_span(desc.complement) if desc.complement is not None else None
    # "l'organisation" is no person, even one whose role mentions it ("responsable de l'organisation").
    org_noun = desc.head in lang.org_titles and desc.head not in lang.titles
    holders = [
        a
        for a in actors
        if a.id in seen
        and any(role_matches(desc, r) for r in a.roles)
        and not _conflicts(desc, a, lang)
        and not (org_noun and a.type == "person")
    ]
    if owner is not None:
        # "la porte-parole de la fédération": the person holding that role there, else the body.
        named = [
            a
            for a in holders
            if a.id != owner.id and any(w in set(role_words(" ".join(a.roles))) for w in _words(owner.name))
        ]
        if len(named) == 1:
            return named[0]
        return owner if owner.type == "organization" and desc.person_title else None
    if desc.complement is not None:
        return None
    if len(holders) == 1:
        return holders[0]
    if len(holders) > 1:
        return max(holders, key=lambda a: seen[a.id])
    if not desc.person_title:
        return _named_by_head(desc, actors, seen) or _fitting_org(desc, actors, seen, lang)
    people = sorted(
        (a for a in actors if a.type == "person" and a.id in seen and not _conflicts(desc, a, lang)),
        key=lambda a: -seen[a.id],
    )
    if not people:
        return None
    best = seen[people[0].id]
    second = seen[people[1].id] if len(people) > 1 else 0
    return people[0] if best >= 2 and best >= 2 * second else None


def _named_by_head(desc: Description, actors: Sequence[Actor], seen: Mapping[str, int]) -> Actor | None:
    """ "le parquet", "the church": the one organisation whose name opens with that noun."""
    found = [
        a
        for a in actors
        if a.type == "organization"
        and a.id in seen
        and _words(a.name)[:1] == [desc.head]
        and desc.words <= set(_words(a.name))
    ]
    return found[0] if len(found) == 1 else None


def _fitting_org(desc: Description, actors: Sequence[Actor], seen: Mapping[str, int], lang: LangData) -> Actor | None:
    """ "l'ONG", "the company": the one organisation named so far that the noun fits.

    A generic noun ("l'organisation") fits every organisation; another noun fits those with it
    in their name or roles ("Human Rights Watch, une ONG"): "the company" is no one when no
    organisation of the article is called a company. Several
    fitting: the most named one, if named twice or more and twice as often as the next.
    """
    orgs = [a for a in actors if a.type == "organization" and a.id in seen]
    if desc.head not in lang.generic_org_nouns:
        kinds = {a.id: set(role_words(" ".join(a.roles))) | set(_words(a.name)) for a in orgs}
        orgs = [a for a in orgs if desc.head in kinds[a.id]]
    if len(orgs) <= 1:
        return orgs[0] if orgs else None
    ranked = sorted(orgs, key=lambda a: -seen[a.id])
    best, second = seen[ranked[0].id], seen[ranked[1].id]
    return ranked[0] if best >= 2 and best >= 2 * second else None


def _conflicts(desc: Description, actor: Actor, lang: LangData) -> bool:
    """True when the description's nationality differs from the actor's known one."""
    known = countries_of(actor, lang)
    return bool(desc.countries and known and not desc.countries & known)


def _words(text: str) -> list[str]:
    """Folded words of a name."""
    return role_words(text)


def _title_at(doc: Doc, i: int, lang: LangData) -> bool:
    """True when token i is a title or organisation noun used as a common noun."""
    tok = doc[i]
    word = fold(tok.text)
    if word not in lang.titles and word not in lang.org_titles:
        return False
    return tok.pos_ in ("NOUN", "X") or (tok.pos_ == "PROPN" and not tok.ent_type_)


def _definite_singular(tok: Token, lang: LangData) -> bool:
    """A definite article, singular or unmarked ("le", "l'", "du", "the")."""
    return lang.has_morph(tok, "definite") and not lang.has_morph(tok, "plural") and tok.pos_ in ("DET", "ADP")


def _complement_end(doc: Doc, end: int, taken: set[int]) -> int:
    """End of a "de la fédération" / "of the council" complement starting at `end`, if any."""
    if end >= len(doc) or doc[end].pos_ != "ADP" or doc[end].text[:1].isupper():
        return end
    j = end + 1
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    k = j
    while k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and k - j < 6:
        k += 1
    return k if k > j else end
