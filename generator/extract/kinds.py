"""Decide what kind of actor a group of names is, and whether it is an actor at all.

Types come from the model's labels by majority over all mentions, a lone surname voting with
the person's full name ("Husted said" after "Jon Husted"), with corrections: a place that the
text treats as an institution becomes an organisation ("la Maison Blanche a annoncé", "the
White House spokesman", "l'administration de la Maison Blanche", "Bruxelles a répondu"), and an
organisation named like a building is a place ("Century City Towers"). Countries named in the
nationality data, or by a state noun and adjectives ("République tchèque"), are places whatever
the model said: the annotation guidelines keep "la Syrie" or "North Korea" as places that are
parties. A name that says it is a school, a research body or a club ("université de Caen",
"AS Saint-Étienne", "Stade toulousain") is an organisation, whatever town it holds; a name
labelled an organisation with a person's title apposed ("X, the foreign minister,") a person.

Groups that are not actors are dropped: news media that only pass on someone's words
("a déclaré à l'AFP", "told LA Weekly", "interrogé par l'AFP", "auprès de l'AFP"),
organisations named only as someone's workplace ("a geologist at the University of X"),
families named by a plural ("the Sams", "des Fabius"), people only ever listed by surname
among several ("des œuvres de Bonnard, Corot et Monet") and common nouns capitalised only
because they open a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from .institutions import body_of, is_body
from .merge import vote_kind
from .names import Candidate, name_words
from .roles import role_words, roles_of

# A run of this many names or more, joined by commas, is a list of examples.
_MIN_LIST = 3


def decide_kind(doc: Doc, group: Sequence[Candidate], lang: LangData) -> str:
    """The actor type of a group of names: the majority label, places promoted when acting."""
    kind = vote_kind(_surnames_as_named(group))
    if kind != "person" and any(_state_name(doc, c, lang) for c in group):
        return "place"
    if any(_org_name(doc, c, lang) for c in group) and (
        kind != "person" or all(_org_name(doc, c, lang) for c in group)
    ):
        return "organization"
    if kind == "organization" and any(
        _facility(c.text, lang)
        or _national_team(c.text, lang)
        or _place_apposition(doc, c, lang)
        or _facility_before(doc, c, lang)
        for c in group
    ):
        return "place"
    if any(" ".join(name_words(c.text)) in lang.countries for c in group):
        return "place"
    if kind == "organization" and any(
        _demonym_before(doc, c, lang) or _person_role(doc, c, lang, apposed=True) for c in group
    ):
        return "person"
    if kind == "person" and all(c.last - c.first == 1 for c in group) and any(_employer(doc, c, lang) for c in group):
        return "organization"
    if kind != "place":
        return kind
    if any(_person_role(doc, c, lang) for c in group):
        return "person"
    if any(_acts(_root(doc, c), lang) or _verb_follows(doc, c, lang) for c in group):
        return "organization"
    return kind


def enumerated(doc: Doc, cands: Sequence[Candidate], lang: LangData) -> frozenset[int]:
    """Starts of one-word names listed in passing: runs of `_MIN_LIST` names or more joined only
    by commas and conjunctions ("des œuvres de Bonnard, Corot, Degas et Monet"), none of them a
    subject. Full names in a list ("le retour de Patrice Bernier, Davy Arnaud, …") are kept."""
    ordered = sorted(cands, key=lambda c: c.first)
    runs: list[list[Candidate]] = []
    for cand in ordered:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and prev.last <= cand.first
            and all(t.is_punct and t.text == "," or t.pos_ == "CCONJ" for t in doc[prev.last : cand.first])
            and cand.first - prev.last <= 2
        ):
            runs[-1].append(cand)
        else:
            runs.append([cand])
    out: set[int] = set()
    for run in runs:
        if len(run) < _MIN_LIST or any(_root(doc, c).dep_ in lang.deps["subject"] for c in run):
            continue
        out |= {c.start for c in run if c.last - c.first == 1}
    return frozenset(out)


def is_actor(
    doc: Doc,
    group: Sequence[Candidate],
    kind: str,
    person_words: set[str],
    lang: LangData,
    listed: frozenset[int] = frozenset(),
) -> bool:
    """False for groups that name no actor of the story (see the module docstring)."""
    if kind == "person" and all(c.start in listed for c in group):
        return False  # only ever listed in passing, by surname
    if all(is_body(c) for c in group) and len(group) < 2:
        body = body_of(doc, group[0], lang)
        if not group[0].acts or (body is not None and body.former):
            return False  # a body named once in passing ("devant la mairie de Brest"), or a past one
    roots = [_root(doc, c) for c in group]
    if kind == "organization" and all(
        _passes_words_on(r, lang) or _relays(doc, c, r, lang) for c, r in zip(group, roots)
    ):
        return False
    if kind == "organization" and all(_affiliation(doc, c, r, lang) for c, r in zip(group, roots)):
        return False
    if all(_family(doc, c, r, person_words, lang) for c, r in zip(group, roots)):
        return False
    if kind == "organization" and all(_example_only(doc, c, r, lang) for c, r in zip(group, roots)):
        return False
    return not _sentence_initial_common_noun(doc, group)


def _surnames_as_named(group: Sequence[Candidate]) -> list[str]:
    """The model's label of each name, a lone surname taking the label of the person's full name.

    Small models often label a bare surname an organisation or a place ("Husted said") where
    they label the full name, first name included, a person ("Jon Husted"): the full name,
    which carries more evidence, decides for the surname in the same group.
    """
    surnames = {words[-1] for c in group if c.kind == "person" and len(words := name_words(c.text)) >= 2}
    return ["person" if name_words(c.text) in {(s,) for s in surnames} else c.kind for c in group]


def _org_name(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a name that says it is an organisation: an institution noun written as a name
    ("Sénat"), or it opens or closes with a school, research body or club word ("université de Caen", "AS Saint-Étienne", "Leeds University"), or a club's
    facility word has an adjective after it ("Stade toulousain"; "stade de France" is a place).
    The model often labels them by the town they hold."""
    words = name_words(cand.text)
    if " ".join(words) in lang.institution_nouns:
        return True  # "le Sénat", "le Parlement": the institution, not the building
    if len(words) < 2:
        return False
    if words[0] in lang.org_name_words or words[-1] in lang.org_name_words:
        return True
    second = doc[cand.first + 1] if cand.first + 1 < cand.last else None
    return words[0] in lang.club_facility_words and second is not None and second.pos_ == "ADJ"


def _state_name(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a country named by a state noun with adjectives or a country beside it ("République
    tchèque", "Czech Republic", "Republic of Korea"): a place, even when it acts. A name with
    other words ("République en marche", a party) is not one."""
    tokens = list(doc[cand.first : cand.last])
    states = [t for t in tokens if fold(t.text) in lang.state_nouns]
    if not states or len(tokens) < 2:
        return False
    for tok in tokens:
        after_prep = tok.i > cand.first and doc[tok.i - 1].pos_ == "ADP"
        if not (
            tok in states
            or tok.pos_ in ("ADJ", "ADP", "DET")
            or lang.is_nationality(tok.text)
            or (tok.pos_ == "PROPN" and (after_prep or cand.kind == "place"))
        ):
            return False
    return True


def _example_only(doc: Doc, cand: Candidate, root: Token, lang: LangData) -> bool:
    """True for a name only given as an example ("journals including Social Science & Medicine").

    The name follows an example cue ("including", "dont", "notamment") and does nothing itself:
    it is no subject and has no relative clause ("notamment Libération, qui a accusé…" acts).
    """
    i = cand.first - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 0:
        return False
    before = fold(doc[i].text)
    two = f"{fold(doc[i - 1].text)} {before}" if i > 0 else ""
    if before not in lang.example_cues and two not in lang.example_cues:
        return False
    return not (root.dep_ in lang.deps["subject"] or any(c.dep_ in lang.deps["relative_clause"] for c in root.children))


def _person_role(doc: Doc, cand: Candidate, lang: LangData, apposed: bool = False) -> bool:
    """True for a name apposed to a person's title ("le chef du groupe, Abou Bakr al-Baghdadi,"):
    the model often takes names with Arabic particles for places, and some full names for
    organisations ("Jean Dupont, the foreign minister,"). With `apposed`, a title glued before
    the name does not count: "the Republican Party" is no person."""
    for role in roles_of(doc, cand, lang):
        if apposed and not role.separate:
            continue
        words = [w for w in role_words(role.text) if w not in lang.stop_words]
        if words and (words[0] in lang.titles or " ".join(words[:2]) in lang.titles):
            return True
        if apposed and _role_head(role.text, lang) in lang.titles | lang.person_nouns:
            return True
    return False


def _role_head(role: str, lang: LangData) -> str:
    """The noun a role phrase is about: its last word before a function word ("foreign minister
    of France" -> "minister", "a writer for X" -> "writer")."""
    words = role_words(role)
    head = ""
    for word in words:
        if word in lang.stop_words:
            if head:
                break
            continue
        head = word
    return head


def _demonym_before(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for "l'Éthiopien X", "le Turc X": a capitalised demonym noun after an article names a person."""
    i = cand.first - 1
    if i < 1 or not doc[i].text[:1].isupper() or not lang.is_nationality(fold(doc[i].text)):
        return False
    det = doc[i - 1]
    return det.pos_ == "DET" and det.text[:1].islower() and lang.has_morph(det, "definite")


def _employer(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a name that employs people ("les salariés de X") or an organisation noun names
    ("l'entreprise X", "the company X")."""
    i = cand.first - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
        i -= 1
    if i >= 0 and doc[i].text[:1].islower() and fold(doc[i].text) in lang.org_titles:
        return True
    root = _root(doc, cand)
    head = root.head
    if root.dep_ in lang.deps["preposition_object"] and head.pos_ == "ADP":
        head = head.head
    return root.dep_ in lang.deps["complement_noun"] and head is not root and fold(head.text) in lang.staff_nouns


def _national_team(name: str, lang: LangData) -> bool:
    """True for a team named by its country ("Team Estonia", "l'équipe de France"): a place."""
    words = [w for w in name_words(name) if w not in lang.stop_words]
    if len(words) < 2 or words[0] not in lang.collective_nouns:
        return False
    return " ".join(words[1:]) in lang.countries


def _place_apposition(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for "Herat, their home" / "Kaboul, la capitale": a place noun in apposition."""
    i = cand.last
    if i >= len(doc) or doc[i].text != ",":
        return False
    i += 1
    while i < len(doc) and doc[i].pos_ in ("DET", "PRON", "ADJ"):
        i += 1
    return i < len(doc) and fold(doc[i].text) in lang.place_nouns


def _facility_before(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a name right after a lowercase facility noun the model left out ("place Tahrir")."""
    i = cand.first - 1
    return i >= 0 and doc[i].text[:1].islower() and fold(doc[i].text) in lang.facility_words


def _facility(name: str, lang: LangData) -> bool:
    """True for a building or site name: "Century City Towers", "stade de France"."""
    words = name_words(name)
    return len(words) >= 2 and (words[0] in lang.facility_words or words[-1] in lang.facility_words)


def _root(doc: Doc, cand: Candidate) -> Token:
    """The syntactic head of a name."""
    return doc[cand.first : cand.last].root


def _acts(root: Token, lang: LangData) -> bool:
    """True when a place name is used as an institution: an acting subject or an office's seat."""
    if root.dep_ in lang.deps["active_subject"] and root.head.pos_ == "VERB":
        return True
    head = root.head
    if head.pos_ == "ADP":
        head = head.head
    if root.dep_ in lang.deps["governed_name"] and head is not root:
        return fold(head.text) in lang.institution_cues
    return False


def _verb_follows(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True when a verb (after auxiliaries) follows a name that opens a sentence or clause.

    A fallback for parses that miss the subject ("Bruxelles a rejeté …" parsed as two roots).
    """
    start = cand.first - 1 if cand.first > 0 and doc[cand.first - 1].pos_ == "DET" else cand.first
    if start > 0 and not doc[start].is_sent_start and not doc[start - 1].is_punct:
        return False
    i = cand.last
    while i < len(doc) and doc[i].pos_ == "AUX":
        i += 1
    return i < len(doc) and doc[i].pos_ == "VERB" and doc[i].dep_ not in lang.deps["adjectival"]


def _passes_words_on(root: Token, lang: LangData) -> bool:
    """True when an organisation is only the addressee of someone's words ("told LA Weekly")."""
    head = root.head
    if root.dep_ in lang.deps["preposition_object"] and head.pos_ == "ADP":
        head = head.head
    if not (root.dep_ in lang.deps["verb_argument"] and head.pos_ == "VERB" and fold(head.lemma_) in lang.speech_verbs):
        return False
    # "asked the Council to help" gives the organisation a task: it acts, it does not relay.
    return not any(c.dep_ in lang.deps["task"] for c in head.children)


def _prep_before(doc: Doc, cand: Candidate, lang: LangData, preps: frozenset[str]) -> bool:
    """True when one of `preps` (one or two words) stands right before the name and its articles."""
    i = cand.first - 1
    while i >= 0 and doc[i].pos_ == "DET" and doc[i].text[:1].islower():
        i -= 1
    if i < 0:
        return False
    one = fold(doc[i].text)
    return one in preps or (i > 0 and f"{fold(doc[i - 1].text)} {one}" in preps)


def _relays(doc: Doc, cand: Candidate, root: Token, lang: LangData) -> bool:
    """True when a medium only gathered someone's words: "interrogée par l'AFP", "auprès de l'AFP".

    The name is the agent or object of a verb of interviewing, or follows a preposition that
    names the addressee of words.
    """
    if _prep_before(doc, cand, lang, lang.relay_preps):
        return True
    head = root.head
    if root.dep_ in lang.deps["preposition_object"] and head.pos_ == "ADP":
        head = head.head
    return head is not root and head.pos_ in ("VERB", "AUX") and fold(head.lemma_) in lang.relay_verbs


def _affiliation(doc: Doc, cand: Candidate, root: Token, lang: LangData) -> bool:
    """True for an organisation named only as someone's workplace: "a biologist at the University of X".

    The name follows an affiliation preposition right after a common noun (a job) that it
    completes; "président du groupe UMP à l'Assemblée nationale" names an institution.
    """
    if not _prep_before(doc, cand, lang, lang.affiliation_preps):
        return False
    head = root.head
    if root.dep_ in lang.deps["preposition_object"] and head.pos_ == "ADP":
        head = head.head
    prep = cand.first - 1
    while prep >= 0 and doc[prep].pos_ == "DET" and doc[prep].text[:1].islower():
        prep -= 1
    return head is not root and head.pos_ == "NOUN" and head.text[:1].islower() and head.i == prep - 1


def _family(doc: Doc, cand: Candidate, root: Token, person_words: set[str], lang: LangData) -> bool:
    """True for a family named by a plural: "the Sams" (Thomas and Manju Sam), "des Fabius".

    A name of another type joined to a family ("des Dassault ou des Fabius") is a family too.
    """
    if cand.last - cand.first != 1:
        return False
    word = fold(cand.text)
    if root.tag_ in lang.tags["plural_proper_noun"] or lang.has_morph(root, "plural"):
        if any(word.endswith(end) and word[: -len(end)] in person_words for end in lang.plural_endings):
            return True
    before = doc[cand.first - 1] if cand.first else None
    if not (
        before is not None
        and before.text[:1].islower()
        and lang.has_morph(before, "plural")
        and lang.has_morph(before, "definite")
    ):
        return False
    if cand.kind == "person":
        return True
    conjunct = lang.deps["conjunct"]
    joined = [c for c in root.children if c.dep_ in conjunct] + ([root.head] if root.dep_ in conjunct else [])
    return any(lang.entity_types.get(t.ent_type_) == "person" for t in joined)


def _sentence_initial_common_noun(doc: Doc, group: Sequence[Candidate]) -> bool:
    """True for one capitalised word that only opens sentences and is lowercase elsewhere."""
    if any(c.last - c.first != 1 or not doc[c.first].is_sent_start for c in group):
        return False
    lower = group[0].text.lower()
    return any(t.text == lower for t in doc)
