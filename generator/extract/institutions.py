"""Organisations written in lowercase: "la préfecture de l'Ardèche", "le parquet de Nanterre".

The model tags only the capitalised complement ("Ardèche", a place). When a definite
institution noun from the language data (`institution_nouns`) takes a "de" complement that is
a capitalised name, and the phrase acts (subject of a verb, credited by "selon"/"d'après",
issuer of a communiqué), the whole phrase without its article names an organisation and
replaces the complement's mention there. "à la mairie de Lyon" (a location) stays as it was;
the complement may still be an actor where it is named alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from .doctext import text_of
from .names import Candidate

def add_institutions(doc: Doc, cands: Sequence[Candidate], lang: LangData) -> list[Candidate]:
    """`cands` plus acting lowercase institutions, without the names those now cover, by offset."""
    if not lang.institution_nouns:
        return list(cands)
    covered = {i for c in cands for i in range(c.first, c.last)}
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        cand = _institution_at(doc, i, covered, lang)
        if cand is None:
            i += 1
            continue
        found.append(cand)
        i = cand.last
    kept = [c for c in cands if not any(f.start < c.end and c.start < f.end for f in found)]
    return sorted(kept + found, key=lambda c: c.start)


def _institution_at(doc: Doc, i: int, covered: set[int], lang: LangData) -> Candidate | None:
    """The acting institution phrase whose noun starts at token i, if there is one."""
    tok = doc[i]
    if i == 0 or i in covered or not tok.text[:1].islower():
        return None
    det = doc[i - 1]
    if "Def" not in det.morph.get("Definite"):
        return None
    n = next((n for n in (3, 2, 1) if " ".join(fold(t.text) for t in doc[i : i + n]) in lang.institution_nouns), 0)
    if not n:
        return None
    # A lowercase preposition, maybe an article, then the capitalised complement of the noun
    # ("de l'Ardèche", "du Gard"): told by the parse, so no word list is needed here.
    j = i + n
    if j >= len(doc) or doc[j].pos_ != "ADP" or not doc[j].text[:1].islower():
        return None
    j += 1
    if j < len(doc) and doc[j].pos_ == "DET" and doc[j].text[:1].islower():
        j += 1
    end = j
    while end < len(doc) and (doc[end].text[:1].isupper() or (doc[end].text == "-" and end > j)):
        end += 1
    while end > j and not doc[end - 1].text[:1].isupper():
        end -= 1
    if end == j or not any(t.head.i == i and t.dep_ in ("nmod", "pobj") for t in doc[j:end]):
        return None
    if not _acts(doc, tok, det, lang):
        return None
    start, stop = tok.idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Candidate(start, stop, text_of(doc)[start:stop], "organization", i, end)


def _acts(doc: Doc, noun: Token, det: Token, lang: LangData) -> bool:
    """True when the institution speaks or acts: a verb's subject, credited by "selon", or issuing
    a document ("le communiqué de la préfecture")."""
    if noun.dep_ == "nsubj" and noun.head.pos_ in ("VERB", "AUX"):
        return True
    if noun.dep_ in ("nmod", "pobj") and noun.head is not noun and fold(noun.head.text) in lang.proxy_nouns:
        return True
    before = fold(text_of(doc)[max(0, det.idx - 20) : det.idx]).rstrip()
    strong = [p for p in lang.attribution_preps if p not in lang.weak_attribution_preps]
    return any(before.endswith(p) and not before[: -len(p)][-1:].isalpha() for p in strong)
