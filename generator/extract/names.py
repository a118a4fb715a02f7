"""Names found in a parsed text: spaCy entities cleaned, rejected or rescued, before any merging.

A `Candidate` is one stretch of text that names a person, organisation or place, with the type
the model suggested. Cleaning removes what is glued to a name (honorifics, determiners, elided
function words, nationality adjectives, trailing punctuation and possessives); rejection drops
what only looks like a name (pronouns, lowercase words, demonyms, titles of works); rescue adds
names the model missed or mis-typed. Every word list comes from `LangData`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..langdata import LangData, fold
from .doctext import text_of

# Symbols that, glued to a name ("Maduro+"), make it the title of a show or product.
_WORK_SYMBOLS = "+#@©®™*"
# Lowercase words this short never close a name ("and", "of", "da"): they are function words.
_MAX_FUNCTION_LETTERS = 3
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
_BRACKETS = frozenset("()[]")
# A name alone in quotation marks with at most this many words is a nickname or a scare-quoted
# term ("surnommé « le Banquier »", "the famous "French flair""), never an actor.
_SHORT_QUOTE_WORDS = 3
_QUOTE_WINDOW = 40
_CLAUSE_MARKS = ".,;:!?"
# The longest elided function word glued to the next word inside one token ("qu'Erdogan").
_ELISION_LETTERS = 3


@dataclass(frozen=True)
class Candidate:
    """One cleaned name in the text: character offsets, token range and suggested actor type."""

    start: int
    end: int
    text: str
    kind: str
    first: int
    last: int
    # A body named by a common noun ("la police afghane", `institutions.py`), not a name.
    body: bool = False
    # For a body: this mention acts or speaks (a subject, an agent, credited with words).
    acts: bool = False


def find_candidates(doc: Doc, lang: LangData) -> list[Candidate]:
    """Cleaned names of people, organisations and places in `doc`, sorted by offset."""
    found: list[Candidate] = []
    rejected_titles: list[Candidate] = []
    for ent in doc.ents:
        kind = lang.entity_types.get(ent.label_)
        if kind is None:
            thing = clean_span(doc, ent.start, ent.end, "person", lang)
            if thing is not None and after_work_cue(doc, thing, lang):
                rejected_titles.append(thing)
            rescued = _rescue_unmapped(doc, ent.start, ent.end, lang) or _rescue_source(doc, ent.start, ent.end, lang)
            if rescued is not None:
                found.append(rescued)
            continue
        for first, last in _split_at_determiners(doc, ent.start, ent.end):
            cand = clean_span(doc, first, last, kind, lang)
            if cand is not None and is_work_title(doc, cand, lang):
                if after_work_cue(doc, cand, lang):
                    rejected_titles.append(cand)
            elif cand is not None and not _not_a_name_here(doc, cand, lang) and not _role_words(doc, cand, lang):
                found.append(cand)
    # A name that is a work's or a thing's title once ("le typhon Damrey") is one everywhere.
    titles = {name_words(c.text) for c in rejected_titles}
    found = [c for c in found if name_words(c.text) not in titles]
    found += _misc_known_people(doc, lang, found)
    taken = {i for c in found for i in range(c.first, c.last)}
    found += _recurring_proper_runs(doc, lang, taken)
    found += _national_groups(doc, lang, taken)
    return sorted(found, key=lambda c: c.start)


def clean_span(doc: Doc, first: int, last: int, kind: str, lang: LangData) -> Candidate | None:
    """The name left in tokens [first, last) once glued words are removed, or None if none is."""
    while first < last and _strip_leading(doc, first, last, kind, lang):
        first += 1
    # "la Francophonie fixe sportifs et artistes": the model ran the name on into a clause.
    last = next(
        (
            i
            for i in range(first + 1, last)
            if doc[i].pos_ in ("VERB", "AUX") and doc[i].text[:1].islower() and lang.has_morph(doc[i], "finite")
        ),
        last,
    )
    # … or into a noun phrase: a lowercase adjective right before a bare lowercase noun opens it.
    last = next(
        (
            i
            for i in range(first + 1, last - 1)
            if doc[i].pos_ == "ADJ"
            and doc[i].text[:1].islower()
            and doc[i + 1].pos_ == "NOUN"
            and doc[i + 1].text[:1].islower()
        ),
        last,
    )
    if kind == "organization":
        last = _qualifiers_end(doc, first, last, lang)
    while last > first and _strip_trailing(doc[last - 1], lang):
        last -= 1
    last += _owned_s(doc, first, last, lang)
    if first >= last or all(_number_word(t) for t in doc[first:last]):
        # "les Vingt-Sept", "the Twenty-Seven": members counted, not an organisation's name.
        return None
    # "the Los Angeles Sheriff's office": the possessive belongs to the name when a lowercase
    # institution noun closes it.
    if (
        last + 1 < len(doc)
        and doc[last].text in lang.possessive_endings
        and fold(doc[last + 1].text) in lang.org_suffixes
    ):
        last, kind = last + 2, "organization"
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    glued = _glued_elision(doc[first].text, lang)
    if glued and fold(glued) in lang.leading_function_words:
        start += len(glued)
    text = text_of(doc)[start:end]
    if not _looks_like_name(text, lang):
        return None
    if last - first == 1 and fold(text) in lang.titles and first > 0 and doc[first - 1].pos_ == "DET":
        return None  # "le Président", "the King": a title written with a capital ("Mr. King" is a name)
    return Candidate(start, end, text, kind, first, last)


def is_work_title(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True when the name is the title of a show or work rather than an actor."""
    after = text_of(doc)[cand.end : cand.end + 1]
    if any(c in _WORK_SYMBOLS for c in cand.text) or (after and after in _WORK_SYMBOLS):
        return True
    return _quoted(text_of(doc), cand.start, cand.end, lang) or after_work_cue(doc, cand, lang)


def after_work_cue(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a name right after a noun of works or things ("son émission télévisée, Maduro+",
    "le typhon Damrey") or named after someone ("le boson de Higgs").

    Looks back over punctuation, adjectives and participles only, so "l'émission de Jean
    Dupont" keeps Dupont.
    """
    i = cand.first - 1
    while i >= 0 and cand.first - i <= 4:
        tok = doc[i]
        if fold(tok.text) in lang.work_cues:
            return True
        if not (tok.is_punct or tok.pos_ == "ADJ" or lang.has_morph(tok, "participle")):
            break
        i -= 1
    # "le boson de Higgs", "la maladie de Parkinson": a name that names a thing after someone.
    first = cand.first
    return (
        first >= 2
        and fold(doc[first - 1].text) in lang.genitive_preps
        and fold(doc[first - 2].text) in lang.eponym_nouns
    )


def _glued_elision(word: str, lang: LangData) -> str | None:
    """The short word and apostrophe opening a token before more letters ("qu'" in "qu'Erdogan")."""
    cuts = [word.find(a) for a in lang.apostrophes if 0 < word.find(a) <= _ELISION_LETTERS]
    if not cuts:
        return None
    cut = min(cuts)
    prefix = word[: cut + 1]
    return prefix if prefix[:-1].isalnum() and word[cut + 1 : cut + 2].isalnum() else None


def name_words(text: str) -> tuple[str, ...]:
    """Folded words of a name, for comparing forms ("D. Trump's" -> ("d.", "trump"))."""
    words = fold(text).replace("’", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return tuple(w for w in words if w)


def _strip_leading(doc: Doc, i: int, last: int, kind: str, lang: LangData) -> bool:
    """True when token i is glued to the name that follows and is not part of it."""
    tok = doc[i]
    word = fold(tok.text)
    rest = doc[i + 1 : last]
    if not len(rest):
        return False
    if word.rstrip(".") in lang.honorifics or word in lang.honorifics:
        return True
    if (
        word in lang.leading_function_words
        and tok.text[:1].isupper()
        and " ".join(name_words(rest.text)) in lang.countries
    ):
        return True  # "« La France continuera »": the article is not part of a country's name
    if word in lang.leading_function_words or word in lang.non_names:
        if tok.text[:1].islower():
            return True
        # A capitalised article may belong to the name ("Le Pen", "The Hague"): drop it only at
        # a sentence start when the rest is a name on its own.
        return bool(tok.is_sent_start) and (len(rest) >= 2 or _bare_elsewhere(doc, tok, rest.text))
    next_is_name = rest[0].text[:1].isupper()
    if next_is_name and word in lang.titles:
        return True
    # "le Turc Recep Tayyip Erdogan" loses the demonym; "European Commission" and "Australian
    # Institute of Marine Science" keep the capitalised adjective that modifies their head, and
    # "Czech Republic" the one that names its state.
    if next_is_name and lang.is_nationality(word):
        return (
            not (
                kind == "organization"
                and tok.text[:1].isupper()
                and tok.dep_ in lang.deps["name_modifier"]
                and i < tok.head.i < last
            )
            and fold(doc[i + 1].text) not in lang.state_nouns
        )
    # A particle hyphenated to the name is part of it: "al-Joulani", "el-Abidine".
    if word in lang.name_particles and not tok.whitespace_ and rest[0].text[:1] in "-‐":
        return False
    # Person names start with a capital: "affaire Merah" is about Merah.
    return kind == "person" and tok.text[:1].islower()


def _qualifiers_end(doc: Doc, first: int, last: int, lang: LangData) -> int:
    """End of an organisation's name with the words the model left after it: lowercase adjectives
    that qualify its noun ("le Conseil" + "constitutionnel", "la Poste" + "portugaise") and an
    acronym closing it ("Crédit Mutuel" + "CIC")."""
    end = last
    # An adjective that leaves its clause without a verb, or that takes an article after it, is
    # a verb the tagger misread ("le Forum court jusqu'à vendredi", "le Forum court un risque").
    if doc[first:last].root.dep_ in lang.deps["root"]:
        return end
    labels = lang.deps["adjective"] | lang.deps["complement_noun"]
    while (
        end < len(doc)
        and doc[end].pos_ == "ADJ"
        and doc[end].text[:1].islower()
        and doc[end].is_alpha
        and doc[end].head.i in range(first, end)
        and not doc[end].ent_type_
        and doc[end].dep_ in labels
        and not (end + 1 < len(doc) and doc[end + 1].pos_ == "DET")
    ):
        end += 1
    if (
        end == last
        and end < len(doc)
        and doc[end].ent_iob_ != "B"
        and not doc[end].ent_type_
        and doc[end].is_upper
        and doc[end].is_alpha
        and len(doc[end]) >= 2
        and not doc[last - 1].whitespace_ == ""
    ):
        end += 1
    return end


def _owned_s(doc: Doc, first: int, last: int, lang: LangData) -> int:
    """Tokens after [first, last) that end the name with an apostrophe and an s: "Moody's".

    The tokenizer cuts "Moody's" into "Moody'" + "s" (French) or "Moody" + "'s" (English). The
    glued letters belong to the name after a token ending in an apostrophe; a detached "'s"
    belongs to it when no noun follows (no possessed thing: "Moody's said", "selon Moody's,")
    and the name never appears without it ("Trump's lawyer" next to "Trump" is a possessive).
    """
    if last >= len(doc) or last <= first:
        return 0
    tok, nxt = doc[last - 1], doc[last]
    if (
        tok.text[-1:] in lang.apostrophes
        and not tok.whitespace_
        and nxt.is_alpha
        and nxt.text.islower()
        and len(nxt) <= 2
    ):
        return 1
    if nxt.text not in lang.possessive_endings or len(nxt.text) < 2 or tok.whitespace_:
        return 0
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return 0
    base = doc[first:last].text
    text = text_of(doc)
    bare = re.search(rf"(?<!\w){re.escape(base)}(?![\w'’])", text)
    return 0 if bare else 1


def _number_word(tok: Token) -> bool:
    """A cardinal written in words, hyphenated parts included ("Vingt-Sept", "Twenty-Seven")."""
    parts = [p for p in tok.text.split("-") if p]
    return tok.pos_ == "NUM" or (bool(parts) and all(tok.vocab[p].like_num for p in parts))


def _strip_trailing(tok: Token, lang: LangData) -> bool:
    """True when the last token of a span is punctuation, a possessive, a function word or a date word."""
    if tok.text in lang.possessive_endings or tok.is_punct:
        return True
    # "les Vingt-Sept lundi": a lowercase date word the model glued on.
    dates = {fold(w) for w in lang.months + lang.weekdays}
    # A short lowercase word closing a name is a function word of some language ("Sterling and").
    return tok.text[:1].islower() and (
        fold(tok.text) in lang.leading_function_words
        or fold(tok.text) in dates
        or tok.pos_ == "CCONJ"
        or (
            tok.is_alpha
            and len(tok) <= _MAX_FUNCTION_LETTERS
            and tok.i > 0
            and tok.nbor(-1).whitespace_ != ""
            and fold(tok.text) not in lang.name_particles
        )
    )


def _looks_like_name(text: str, lang: LangData) -> bool:
    """False for pronouns, function words, lowercase phrases and bare demonyms."""
    key = fold(text)
    if not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return False
    if key in lang.pronouns or key in lang.non_names or key in lang.stop_words:
        return False
    if key.rstrip(".") in lang.honorifics or key in lang.honorifics:
        return False
    if key in lang.common_acronyms:
        return False  # "la TVA", "GDP": a common noun, however written
    if _roman_ordinal(text.split()[0], lang):
        return False  # "XXe siècle", "Ve République": a century or an era
    return not (" " not in key and lang.is_nationality(key) and key not in lang.countries)


def _roman_ordinal(word: str, lang: LangData) -> bool:
    """True for a Roman numeral with an ordinal ending ("XXe", "Ve", "IIIrd")."""
    # One letter L or C with an ending is a word ("Le", "Ce"), not the 50th or 100th.
    return any(
        word.endswith(end)
        and _ROMAN_NUMERAL.fullmatch(word[: -len(end)]) is not None
        and word[: -len(end)] not in ("L", "C")
        for end in lang.ordinal_suffixes
    )


def _bare_elsewhere(doc: Doc, article: Token, rest: str) -> bool:
    """True when `rest` also appears in the text without the capitalised `article` before it."""
    for m in re.finditer(re.escape(rest), text_of(doc)):
        before = text_of(doc)[max(0, m.start() - len(article.text) - 1) : m.start()].strip()
        if m.start() != article.idx + len(article.text_with_ws) and before != article.text:
            return True
    return False


def _split_at_determiners(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges of an entity cut at a lowercase determiner not after a preposition, or a bracket.

    "Rathbun the Scientology" is two names the model joined; "Conseil de sécurité de l'ONU" and
    "Daughters of the American Revolution" keep their article after a preposition.
    """
    parts, begin = [], first
    for i in range(first + 1, last - 1):
        tok = doc[i]
        if (tok.pos_ == "DET" and tok.text[:1].islower() and doc[i - 1].pos_ != "ADP") or tok.text in _BRACKETS:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, last))
    return parts


def _quoted(text: str, start: int, end: int, lang: LangData) -> bool:
    """True when the name stands in a short pair of quotation marks: a title, nickname or term.

    "« Maduro+ »", "surnommé « le Banquier »", "the "French flair"": a few words between marks
    are no one's words, so a name among them is not an actor.
    """
    before = text[max(0, start - _QUOTE_WINDOW) : start]
    after = text[end : end + _QUOTE_WINDOW]
    for o, c in lang.quote_pairs:
        i, j = before.rfind(o), after.find(c)
        if i < 0 or j < 0:
            continue
        inner = before[i + len(o) :] + text[start:end] + after[:j]
        if o == c and inner != inner.strip():
            continue  # a closing mark then an opening one: '…," said Ambassador Mohib. "…'
        if any(m in inner for pair in lang.quote_pairs for m in pair) or any(p in inner for p in _CLAUSE_MARKS):
            continue
        if len(inner.split()) <= _SHORT_QUOTE_WORDS:
            return True
    return False


def _rescue_unmapped(doc: Doc, first: int, last: int, lang: LangData) -> Candidate | None:
    """A person's name inside an entity of another label: "Turc Recep Tayyip Erdogan" (MISC).

    The model often types a name as MISC when a nationality or a title is glued before it, or
    right after a title ("le ministre Jean Dupont"). Two or more capitalised proper nouns left
    after removing those words are taken as a person.
    """
    lead = fold(doc[first].text)
    before = fold(doc[first - 1].text) if first > 0 else ""
    after_title = before in lang.titles or lang.is_nationality(before) or before.rstrip(".") in lang.honorifics
    if lang.is_nationality(lead) or lead in lang.titles or lead.rstrip(".") in lang.honorifics:
        first += 1
    elif not after_title:
        return None
    # The model may glue more words on ("Turc Recep Tayyip Erdogan à Ankara"): keep the
    # capitalised run that follows the title.
    end = first
    while end < last and doc[end].text[:1].isupper():
        end += 1
    if end - first < 2:
        return None
    return clean_span(doc, first, end, "person", lang)


def _rescue_source(doc: Doc, first: int, last: int, lang: LangData) -> Candidate | None:
    """A name the model gave another label, credited with words ("according to the Sydney Morning Herald").

    Whatever the label (event, work, misc), a capitalised name right after an attribution
    preposition ("according to", "selon") speaks or reports: it is taken as an organisation.
    """
    if not all(t.text[:1].isupper() or t.pos_ in ("DET", "ADP") for t in doc[first:last]):
        return None
    i = first
    while i < last and doc[i].pos_ == "DET":
        i += 1
    j = first - 1
    while j >= 0 and doc[j].pos_ == "DET" and doc[j].text[:1].islower():
        j -= 1
    before = " ".join(fold(t.text) for t in doc[max(0, j - 3) : j + 1])
    if not any(before == p or before.endswith(" " + p) for p in lang.attribution_preps):
        return None
    return clean_span(doc, i, last, "organization", lang)


def _not_a_name_here(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a name that is not an actor where it stands.

    - a time zone or unit in parentheses after a number: "16:50 (UTC)";
    - the first part of a longer name the model cut: "the State and Homeland Security
      Departments" (the name modifies a capitalised word outside any entity).
    """
    if (
        cand.first >= 2
        and doc[cand.first - 1].text == "("
        and (doc[cand.first - 2].like_num or any(c.isdigit() for c in doc[cand.first - 2].text))
    ):
        return True
    root = doc[cand.first : cand.last].root
    head = root.head
    return (
        root.dep_ in lang.deps["noun_modifier"]
        and head.i >= cand.last
        and head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and not head.ent_type_
    )


def _role_words(doc: Doc, cand: Candidate, lang: LangData) -> bool:
    """True for a role the model took for a name.

    - an organisation opening with a lowercase person title: "le ministre de l'Économie" is a
      person's role, unlike "le ministère de l'Économie";
    - one capitalised word opening a sentence, then a preposition, then after a comma a person's
      name: "Pédiatre à Nantes, le Dr Paul Girard …" fronts Girard's job.
    """
    head = doc[cand.first]
    word = fold(head.text)
    if cand.kind == "organization":
        return head.text[:1].islower() and word in lang.titles and word not in lang.org_titles
    if cand.kind != "person" or cand.last - cand.first != 1 or not _opens_sentence(head):
        return False
    if cand.last >= len(doc) or doc[cand.last].pos_ != "ADP" or not doc[cand.last].text[:1].islower():
        return False
    for tok in doc[cand.last : head.sent.end]:
        if tok.text == ",":
            i = tok.i + 1
            while i < len(doc) and (doc[i].pos_ == "DET" or fold(doc[i].text).rstrip(".") in lang.honorifics):
                i += 1
            return i < len(doc) and lang.entity_types.get(doc[i].ent_type_) == "person"
    return False


def _opens_sentence(tok: Token) -> bool:
    """True for a token the parser starts a sentence with, or that follows a full stop it missed."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].is_space:
        i -= 1
    return tok.is_sent_start or i < 0 or tok.doc[i].text in (".", "!", "?", "…")


def _misc_known_people(doc: Doc, lang: LangData, found: list[Candidate]) -> list[Candidate]:
    """A full name the model typed otherwise, whose surname it typed as a person elsewhere.

    "Recep Tayyip Erdoğan" (MISC) … "Erdogan" (PER): the full name is the person's.
    """
    surnames = {name_words(c.text)[-1] for c in found if c.kind == "person" and name_words(c.text)}
    taken = {i for c in found for i in range(c.first, c.last)}
    out = []
    for ent in doc.ents:
        if ent.label_ in lang.entity_types or any(i in taken for i in range(ent.start, ent.end)):
            continue
        if len(ent) >= 2 and all(t.text[:1].isupper() for t in ent) and name_words(ent.text)[-1] in surnames:
            cand = clean_span(doc, ent.start, ent.end, "person", lang)
            if cand is not None:
                out.append(cand)
    return out


def _recurring_proper_runs(doc: Doc, lang: LangData, taken: set[int]) -> list[Candidate]:
    """Organisations the model missed: runs of 2+ capitalised words repeated in the text.

    A run that recurs ("the FIRST Global competition … the first FIRST Global competition") is a
    name the article relies on, whatever the model made of it (often an ordinal or adjectives).
    Capitals are read from the text, not from the tagger, which mis-tags such names.
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and _capitalised_word(doc[j], lang):
            j += 1
        if j - i >= 2 and not doc[i].is_sent_start:
            runs.append((i, j))
        i = max(j, i + 1)
    counts = Counter(doc[a:b].text for a, b in runs)
    out = []
    for a, b in runs:
        if counts[doc[a:b].text] >= 2:
            cand = clean_span(doc, a, b, "organization", lang)
            if cand is not None:
                out.append(cand)
    return out


def _capitalised_word(tok: Token, lang: LangData) -> bool:
    """A capitalised word that is not a function word, nationality, month, weekday or title."""
    word = fold(tok.text)
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and (word not in lang.stop_words or tok.text.isupper())
        and not lang.is_nationality(word)
        and word not in lang.titles
        and word not in {fold(m) for m in lang.months + lang.weekdays}
    )


def _national_groups(doc: Doc, lang: LangData, taken: set[int]) -> list[Candidate]:
    """A group named by nationality and a collective noun ("the Afghan team"), used twice or more."""
    pairs = []
    for tok in doc:
        if fold(tok.text) not in lang.collective_nouns or tok.i in taken:
            continue
        for other in (tok.i - 1, tok.i + 1):
            if 0 <= other < len(doc) and lang.is_nationality(doc[other].text):
                pairs.append((min(tok.i, other), max(tok.i, other) + 1))
    counts = Counter(fold(doc[a:b].text) for a, b in pairs)
    return [
        Candidate(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), doc[a:b].text, "organization", a, b)
        for a, b in pairs
        if counts[fold(doc[a:b].text)] >= 2
    ]
