"""Group the names of one article so that each group is one actor.

Forms are compared folded (case and accents aside): a surname, a first name or an initial
("D. Trump") joins the one person whose fuller name contains it; an acronym joins the
organisation it abbreviates, either because the text defines it ("Human Rights Watch (HRW)")
or because its letters start the words of the name ("Parti populaire" / "PP", "Febelfin" /
"Fédération belge du secteur financier"), or because it is the longer acronym less its
first letter ("TVE" / "RTVE"), or because the text defines a word-like short form in brackets
("Institut national de la santé et de la recherche médicale (Inserm)"). An organisation
named without the country that opens its name ("Forest Service" / "U.S. Forest Service") is
the same organisation. A short form that fits two people ("Le Pen" with
Jean-Marie and Marine Le Pen in the text) goes, mention by mention, to the one named most
recently, and is left out when neither was named yet.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..langdata import LangData, fold
from .institutions import Body, body_of, same_body
from .names import Candidate, name_words

_KIND_ORDER = ("person", "organization", "place")
# Surnames shorter than this are never taken for typos of one another ("Li" / "Lu").
_MIN_TYPO_LETTERS = 5


@dataclass
class _Form:
    """All the occurrences of one folded name form."""

    key: tuple[str, ...]
    cands: list[Candidate]
    kind: str = ""
    clusters: list[int] = field(default_factory=list)
    # What identifies the body a lowercase phrase names ("la police madrilène"), None for a name.
    body: Body | None = None
    # The first word of this form is also a name of its own in the text ("Francophonie").
    base_named: bool = False


def group_names(doc: Doc, cands: Sequence[Candidate], lang: LangData) -> list[list[Candidate]]:
    """Candidates grouped by the actor they name, each group in text order."""
    cands = list(cands) + _undeclared_acronyms(doc, cands)
    forms: dict[tuple[str, ...], _Form] = {}
    for c in sorted(cands, key=lambda c: c.start):
        key = name_words(c.text)
        if key:
            forms.setdefault(key, _Form(key, [])).cands.append(c)
    for form in forms.values():
        form.kind = vote_kind(c.kind for c in form.cands)
        form.body = body_of(doc, form.cands[0], lang)
        form.base_named = form.key[:1] in forms
    defs = _acronym_definitions(doc, cands, lang)
    clusters: list[list[_Form]] = []
    for form in sorted(forms.values(), key=_fullness):
        target = defs.get(form.key)
        if target is not None and target in forms and forms[target].clusters:
            form.clusters = forms[target].clusters[:1]
        else:
            form.clusters = [i for i, cl in enumerate(clusters) if any(_same_actor(form, g, lang) for g in cl)]
        if not form.clusters:
            form.clusters = [len(clusters)]
            clusters.append([])
        if len(form.clusters) == 1:
            clusters[form.clusters[0]].append(form)
    return _assign(forms.values(), clusters)


def vote_kind(kinds: Iterable[str]) -> str:
    """The most frequent actor type; ties go to person, then organisation, then place."""
    counts = Counter(kinds)
    return max(_KIND_ORDER, key=lambda k: (counts[k], -_KIND_ORDER.index(k)))


def is_acronym(text: str) -> bool:
    """True for one word of 2-8 capital letters, dotted or not ("HRW", "U.S.", "CEDEAO")."""
    letters = [c for c in text if c.isalpha()]
    return " " not in text and 2 <= len(letters) <= 8 and all(c.isupper() for c in letters)


def abbreviates(short: str, name: str, lang: LangData, defined: bool = False) -> bool:
    """True when `short` is made of the starts of the words of `name`, in order.

    Capital acronyms take one or more letters per word ("CPI", "RTVE"); a word-like short form
    takes at least two letters per word ("Febelfin"). Words may be skipped, but the first and
    the last content words must be used and at least two words must contribute. A short form
    the text defines in brackets (`defined`) may take one letter per word even when it is
    written as a word ("Inserm" for "Institut national de la santé et de la recherche médicale").
    """
    caps = is_acronym(short) or defined
    letters = fold(short).replace(".", "")
    words = [w for w in re.split(r"[\s'’\-]+", fold(name)) if w]
    if " " in short.strip() or len(words) < 2 or len(letters) < 2 or not letters.isalpha():
        return False
    least = 1 if caps else 2

    # The last content word must contribute: "U.S." abbreviates "United States", not
    # "United States National Security Council".
    last = max(i for i, w in enumerate(words) if w not in lang.stop_words or i == 0)

    def fits(pos: int, word: int, used: int) -> bool:
        if pos == len(letters):
            return used >= 2 and word > last
        if word == len(words):
            return False
        w = words[word]
        for size in range(min(len(w), len(letters) - pos), least - 1, -1):
            if w[:size] == letters[pos : pos + size] and fits(pos + size, word + 1, used + 1):
                return True
        return word > 0 and fits(pos, word + 1, used)

    return fits(0, 0, 0)


def person_compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when `short` is a run of the words of `full`, initials allowed ("d. trump")."""
    if not short or len(short) > len(full) or all(_initial(w) for w in short):
        return False
    for offset in range(len(full) - len(short) + 1):
        if all(_same_word(a, b) for a, b in zip(short, full[offset:])):
            return True
    return False


def _same_actor(form: _Form, other: _Form, lang: LangData) -> bool:
    """True when `form` can name the same actor as the fuller `other`."""
    if form.key == other.key:
        return True
    if form.body is not None and other.body is not None:
        return same_body(form.body, other.body)
    text = form.cands[0].text
    if other.kind != "person" and len(form.key) == 1 and (is_acronym(text) or form.kind == "organization"):
        if abbreviates(text, other.cands[0].text, lang):
            return True
    if form.kind == other.kind == "organization" and _acronym_tail(text, other.cands[0].text):
        return True
    if other.kind == "person" and (form.kind == "person" or len(form.key) == 1):
        return person_compatible(form.key, other.key) or (
            form.kind == "person" and _variant_spelling(form.key, other.key)
        )
    if "person" not in (form.kind, other.kind) and _qualified(form, other, lang):
        return True
    if other.kind == "organization" and form.kind == "organization" and len(form.key) < len(other.key):
        content = [w for w in form.key if w not in lang.stop_words]
        if not content:
            return False
        return other.key[: len(form.key)] == form.key or _country_less(form, other, lang)
    return False


def _variant_spelling(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True for one person's name spelled two ways: hyphenated or not ("Greg Belobo" / "Jacques
    Greg-Belobo"), or the same first name with a surname one letter off ("Miguel Nerva" /
    "Miguel Neiva", a typo), surnames of `_MIN_TYPO_LETTERS` letters at least."""
    split = tuple(p for w in full for p in w.split("-") if p)
    if len(short) >= 2 and split != full and person_compatible(short, split):
        return True
    if len(short) != len(full) or len(short) < 2 or short[:-1] != full[:-1]:
        return False
    a, b = short[-1], full[-1]
    if min(len(a), len(b)) < _MIN_TYPO_LETTERS or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """True when two different words differ by one letter replaced, added or removed."""
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _qualified(form: _Form, other: _Form, lang: LangData) -> bool:
    """True for two forms of one organisation qualified by lowercase adjectives ("Francophonie
    officielle", "Francophonie institutionnelle"): both are the same proper name, named alone
    in the text too, followed by lowercase words. Generic heads ("Banque centrale", "Banque
    mondiale") are different bodies."""
    a, b = form.cands[0].text.split(), other.cands[0].text.split()
    if (
        not a
        or not b
        or a[0] != b[0]
        or not a[0][:1].isupper()
        or fold(a[0]) in lang.org_titles
        or fold(a[0]) in lang.institution_nouns
        or fold(a[0]) in lang.titles
    ):
        return False
    if not all(w[:1].islower() for w in a[1:] + b[1:]):
        return False
    return form.base_named and other.base_named


def _country_less(form: _Form, other: _Form, lang: LangData) -> bool:
    """True when `form` is `other` without the country that opens it ("U.S. Forest Service").

    The dropped words are a country, a nationality or an acronym of a country; two words at
    least remain, so that "Service" alone never joins.
    """
    cut = len(other.key) - len(form.key)
    if len(form.key) < 2 or other.key[cut:] != form.key:
        return False
    words = other.cands[0].text.split()
    if len(words) != len(other.key):
        return False
    head = " ".join(words[:cut])
    return (
        fold(head) in lang.countries
        or lang.is_nationality(head)
        or (is_acronym(head) and any(abbreviates(head, c, lang) for c in lang.countries))
    )


def _acronym_tail(short: str, long: str) -> bool:
    """True when one acronym is another less its first letter ("TVE" in "RTVE").

    Broadcasters and agencies are often named with and without their leading "R", "N" or "C"
    ("RTVE"/"TVE"); three letters at least, so that "PS" never joins "UPS".
    """
    if not (is_acronym(short) and is_acronym(long)):
        return False
    a, b = fold(short).replace(".", ""), fold(long).replace(".", "")
    return len(a) >= 3 and len(b) == len(a) + 1 and b.endswith(a)


def _fullness(form: _Form) -> tuple[int, int, int, int, int]:
    """Sort key: full names first, acronyms last, then the earliest form."""
    text = form.cands[0].text
    initials = sum(_initial(w) for w in form.key)
    return (is_acronym(text), -len(form.key), initials, -len(text), form.cands[0].start)


def _assign(forms: object, clusters: list[list[_Form]]) -> list[list[Candidate]]:
    """Candidates per cluster; an ambiguous form goes to the cluster named most recently."""
    groups: dict[int, list[Candidate]] = defaultdict(list)
    ambiguous: list[tuple[Candidate, list[int]]] = []
    for form in forms:  # type: ignore[attr-defined]
        if len(form.clusters) == 1:
            groups[form.clusters[0]] += form.cands
        else:
            ambiguous += [(c, form.clusters) for c in form.cands]
    for cand, options in sorted(ambiguous, key=lambda x: x[0].start):
        last_seen = {i: max((c.start for c in groups[i] if c.start < cand.start), default=-1) for i in options}
        best = max(options, key=lambda i: last_seen[i])
        if last_seen[best] >= 0:
            groups[best].append(cand)
    return [sorted(g, key=lambda c: c.start) for _, g in sorted(groups.items()) if g]


def _acronym_definitions(
    doc: Doc, cands: Sequence[Candidate], lang: LangData
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Acronym -> full name for "Full Name (ACR)" and "ACR (Full Name)" written in the text.

    Only organisations and places define acronyms: "François Brottes (PS)" gives a party.
    """
    by_first = {c.first: c for c in cands}
    defs: dict[tuple[str, ...], tuple[str, ...]] = {}
    for c in cands:
        inner = by_first.get(c.last + 1)
        if c.last >= len(doc) or doc[c.last].text != "(" or inner is None:
            continue
        if inner.last >= len(doc) or doc[inner.last].text != ")":
            continue
        short, full = (inner, c) if is_acronym(inner.text) else (c, inner)
        if is_acronym(short.text) and not is_acronym(full.text) and full.kind != "person":
            defs[name_words(short.text)] = name_words(full.text)
        elif (
            c.kind != "person" and " " not in inner.text.strip() and abbreviates(inner.text, c.text, lang, defined=True)
        ):
            defs[name_words(inner.text)] = name_words(c.text)
    return defs


def _undeclared_acronyms(doc: Doc, cands: Sequence[Candidate]) -> list[Candidate]:
    """ "Name (ACR)" where the model missed ACR: the acronym is a name of the same organisation."""
    taken = {i for c in cands for i in range(c.first, c.last)}
    out = []
    for c in cands:
        i = c.last
        if c.kind == "person" or i + 2 >= len(doc) or i + 1 in taken:
            continue
        if doc[i].text == "(" and doc[i + 2].text == ")":
            tok = doc[i + 1]
            if is_acronym(tok.text) and not is_acronym(c.text):
                out.append(Candidate(tok.idx, tok.idx + len(tok.text), tok.text, c.kind, tok.i, tok.i + 1))
    return out


def _initial(word: str) -> bool:
    """True for an initial such as "d." or "j.-m."."""
    return word.endswith(".") and len(word.replace(".", "").replace("-", "")) <= 2


def _same_word(short: str, full: str) -> bool:
    """Equal words, or an initial that starts the other word."""
    if short == full:
        return True
    if _initial(short) and not _initial(full):
        return full.startswith(short.rstrip(".").split(".")[0])
    return False
