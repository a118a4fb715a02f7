"""Actor types where the model's label misleads: clubs and schools labelled as the town they hold,
countries named by a state noun, surnames labelled apart from the person's full name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.kinds import decide_kind
from generator.extract.names import Candidate
from generator.langdata import LangData

Parse = Callable[[str], Doc]


def kinds_of(parse: Parse, lang: LangData, text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract_actors(parse(text), lang).actors}


FR_KINDS = [
    # A club word or a facility word with an adjective makes the name a club, not a place ...
    ("Formé au Stade rennais, le défenseur a rejoint Lille en 2019.", "Stade rennais", "organization"),
    (
        "Le milieu de terrain a signé mardi à l'AS Monaco, où il rejoint un ancien coéquipier.",
        "AS Monaco",
        "organization",
    ),
    # ... a facility word with a complement stays a place, and the town stays a place.
    ("Le concert aura lieu au stade de France samedi soir.", "stade de France", "place"),
    ("Formé au Stade rennais, le défenseur a rejoint Lille en 2019.", "Lille", "place"),
    # A school or research body named after its town is an organisation.
    (
        "Les chercheurs de l'Observatoire de Haute-Provence ont repéré une nouvelle planète.",
        "Observatoire de Haute-Provence",
        "organization",
    ),
    # « République » with an adjective is a country, a place even when it acts.
    ("La République tchèque a rejeté la proposition mardi.", "République tchèque", "place"),
    (
        "Le ministre s'est rendu lundi en République centrafricaine, où il a rencontré le président.",
        "République centrafricaine",
        "place",
    ),
]

EN_KINDS = [
    ("Formed at Rovers Academy, the striker joined Hull City in 2019.", "Rovers Academy", "organization"),
    ("The Slovak Republic rejected the plan on Tuesday.", "Slovak Republic", "place"),
    ("The Republic of Korea rejected the plan on Tuesday.", "Republic of Korea", "place"),
    # A surname the model labels an organisation follows the person's full name.
    (
        'Pat Caddell spoke on Monday. "It\'s bad," said Caddell. Caddell went on to discuss the race. Caddell continued.',
        "Pat Caddell",
        "person",
    ),
    (
        "Republican Secretary of State Jon Pastell lost the case. In a statement, Pastell said the ruling was "
        "wrong. The court upheld Pastell's actions.",
        "Jon Pastell",
        "person",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), FR_KINDS)
def test_kind_despite_label_fr(parse_fr: Parse, fr: LangData, text: str, name: str, kind: str) -> None:
    assert kinds_of(parse_fr, fr, text).get(name) == kind


@pytest.mark.parametrize(("text", "name", "kind"), EN_KINDS)
def test_kind_despite_label_en(parse_en: Parse, en: LangData, text: str, name: str, kind: str) -> None:
    assert kinds_of(parse_en, en, text).get(name) == kind


# Names with a state noun and other words are no country.
NOT_COUNTRIES = [
    ("fr", "La République en marche a rejeté la proposition mardi.", "République en marche"),
    ("en", "Republic Airways cancelled forty flights on Tuesday.", "Republic Airways"),
    ("en", "Banana Republic opened a store in Ohio on Tuesday.", "Banana Republic"),
]


@pytest.mark.parametrize(("code", "text", "name"), NOT_COUNTRIES)
def test_state_noun_with_other_words_is_no_country(
    parse_fr: Parse, parse_en: Parse, fr: LangData, en: LangData, code: str, text: str, name: str
) -> None:
    parse, lang = (parse_fr, fr) if code == "fr" else (parse_en, en)
    assert kinds_of(parse, lang, text).get(name) != "place"


def test_name_holding_a_surname_keeps_its_label(parse_en: Parse, en: LangData) -> None:
    """Only a lone surname follows the full name: a longer name that holds it keeps its own type."""
    text = "Eric Trump runs the Trump Organization. The Trump Organization said on Monday that it would sell the hotel."
    kinds = kinds_of(parse_en, en, text)
    assert kinds.get("Eric Trump") == "person"
    assert kinds.get("Trump Organization") == "organization"


# -- decide_kind alone, on names labelled by hand as the model sometimes labels them ------------


def labelled(doc: Doc, name: str, kind: str, nth: int = 0) -> Candidate:
    """The `nth` occurrence of `name` in `doc` as a candidate with the label `kind`."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return Candidate(start, start + len(name), name, kind, span.start, span.end)


APPOSED_TITLES = [
    ("Jean-Paul Lemaire, the foreign minister of France, said the talks would go on.", "Jean-Paul Lemaire", "person"),
    ("Walt Kessel, a writer for the Atlantic, said the law was unfair.", "Walt Kessel", "person"),
    # A title glued before an organisation's name is no apposition: it stays an organisation.
    ("The Republican Party said the law was unfair.", "Party", "organization"),
    ("Greenpeace, the campaign group, said the law was unfair.", "Greenpeace", "organization"),
]


@pytest.mark.parametrize(("text", "name", "kind"), APPOSED_TITLES)
def test_name_labelled_organisation_with_a_persons_title_apposed(
    parse_en: Parse, en: LangData, text: str, name: str, kind: str
) -> None:
    doc = parse_en(text)
    assert decide_kind(doc, [labelled(doc, name, "organization")], en) == kind


def test_surnames_follow_the_full_name_labelled_person(parse_en: Parse, en: LangData) -> None:
    doc = parse_en("Lena Morrow lost the case. Morrow said she would appeal. Morrow's lawyers agreed.")
    full = labelled(doc, "Lena Morrow", "person")
    surnames = [labelled(doc, "Morrow", "organization", n) for n in (1, 2)]
    assert decide_kind(doc, [full, *surnames], en) == "person"
    # Without the full name, the labels decide as before.
    assert decide_kind(doc, surnames, en) == "organization"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Les démocrates restent majoritaires au Sénat. Le Sénat votera mardi.", "Sénat", "organization"),
        ("Les démocrates restent majoritaires à Boston. Ils ont gagné à Boston.", "Boston", "place"),
    ],
)
def test_institution_noun_labelled_place_is_the_institution(
    parse_fr: Parse, fr: LangData, text: str, name: str, kind: str
) -> None:
    doc = parse_fr(text)
    group = [labelled(doc, name, "place"), labelled(doc, name, "place", 1)]
    assert decide_kind(doc, group, fr) == kind
