"""Actors of a text: cleaning, rejection, rescue, typing, merging and salience, in French and English."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.actors import ActorTable, extract_actors, rank_actors
from generator.langdata import LangData
from generator.models import Actor

Parse = Callable[[str], Doc]


def table_of(parse: Parse, lang: LangData, text: str) -> ActorTable:
    return extract_actors(parse(text), lang)


def by_name(table: ActorTable) -> dict[str, Actor]:
    return {a.name: a for a in table.actors}


# --- cleaning and rejection -------------------------------------------------------------------

FR_NAMES = [
    ("M. Laurent Fabre a rencontré Mme Claire Dubois à Lyon.", {"Laurent Fabre", "Claire Dubois", "Lyon"}),
    ("Il a rencontré le Russe Vladimir Poutine, puis le Turc Recep Tayyip Erdogan.",
     {"Vladimir Poutine", "Recep Tayyip Erdogan"}),
    ("Les Vénézuéliens ont voté dimanche, a rappelé Nicolás Maduro.", {"Nicolás Maduro"}),
    ("Le président a parlé lors de son émission télévisée, Maduro+, diffusée depuis Caracas.", {"Caracas"}),
    ("Selon le journal, elle animait une émission intitulée Los desayunos sur la chaîne publique.", set()),
]

EN_NAMES = [
    ("Mr. Daniel Craig met Dr. Susan Blake in Boston on Monday.", {"Daniel Craig", "Susan Blake", "Boston"}),
    ("Prosecutor Mark Tedeschi, QC, told the court that the girl had suffered.", {"Mark Tedeschi"}),
    ("He praised the Russian Vladimir Putin during a visit to Moscow.", {"Vladimir Putin", "Moscow"}),
]


@pytest.mark.parametrize(("text", "expected"), FR_NAMES)
def test_names_fr(parse_fr: Parse, fr: LangData, text: str, expected: set[str]) -> None:
    assert set(by_name(table_of(parse_fr, fr, text))) == expected


@pytest.mark.parametrize(("text", "expected"), EN_NAMES)
def test_names_en(parse_en: Parse, en: LangData, text: str, expected: set[str]) -> None:
    assert set(by_name(table_of(parse_en, en, text))) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Elle a déclaré qu'Erdogan viendrait. D'après Erdogan, tout va bien.", "qu'Erdogan"),
        ("« Nous partons ! », a lancé Jean Castex. Jean Castex est parti.", "Jean Castex !"),
        ("Les Russes et les Polonais arrêtés servaient de relais, selon la police.", "Russes"),
    ],
)
def test_junk_is_dropped_fr(parse_fr: Parse, fr: LangData, text: str, absent: str) -> None:
    names = {n for a in table_of(parse_fr, fr, text).actors for n in (a.name, *a.aliases)}
    assert absent not in names


# --- types: places that act as organisations, and places that stay places ---------------------

@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("La Maison Blanche a annoncé mardi de nouvelles sanctions contre Caracas.", "Maison Blanche", "organization"),
        ("Il a critiqué l'administration de la Maison Blanche pendant la campagne.", "Maison Blanche", "organization"),
        ("Bruxelles a rejeté la proposition lundi.", "Bruxelles", "organization"),
        ("La Syrie a refusé de ratifier la convention, selon Human Rights Watch.", "Syrie", "place"),
        ("Les délégués se sont retrouvés à Genève pour une semaine de discussions.", "Genève", "place"),
    ],
)
def test_kind_fr(parse_fr: Parse, fr: LangData, text: str, name: str, kind: str) -> None:
    assert by_name(table_of(parse_fr, fr, text))[name].type == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("A White House spokesman declined to comment on the talks in Geneva.", "White House", "organization"),
        ("Brussels rejected the proposal on Monday, officials said.", "Brussels", "organization"),
        ("Thousands of tourists visit Paris every summer.", "Paris", "place"),
    ],
)
def test_kind_en(parse_en: Parse, en: LangData, text: str, name: str, kind: str) -> None:
    assert by_name(table_of(parse_en, en, text))[name].type == kind


def test_media_that_only_relays_words_is_left_out(parse_fr: Parse, fr: LangData) -> None:
    text = "Paul Morel, maire de Lodève, a déclaré à l'AFP que la route serait rouverte."
    assert "AFP" not in by_name(table_of(parse_fr, fr, text))


def test_media_told_is_left_out_en(parse_en: Parse, en: LangData) -> None:
    text = "Steve Whitmore told LA Weekly that the case was closed. Whitmore told LA Weekly nothing else."
    assert "LA Weekly" not in by_name(table_of(parse_en, en, text))


# --- rescue -------------------------------------------------------------------------------------

def test_misc_name_after_nationality_is_a_person(parse_fr: Parse, fr: LangData) -> None:
    text = "Il admire le Turc Recep Tayyip Erdogan depuis longtemps."
    actor = by_name(table_of(parse_fr, fr, text))["Recep Tayyip Erdogan"]
    assert actor.type == "person" and "Turc" in actor.roles


def test_recurring_capitalised_name_is_rescued(parse_en: Parse, en: LangData) -> None:
    text = ("The team won a medal at the FIRST Global Challenge. The FIRST Global competition was founded "
            "in 2016. This is the first FIRST Global competition held abroad.")
    assert "FIRST Global" in by_name(table_of(parse_en, en, text))


def test_possessive_org_office_is_one_name(parse_en: Parse, en: LangData) -> None:
    text = "A detective for the Los Angeles Sheriff's office arrested him on Thursday."
    assert "Los Angeles Sheriff's office" in by_name(table_of(parse_en, en, text))


# --- merging ------------------------------------------------------------------------------------

FR_MERGE = [
    # surname, accents and case
    ("Recep Tayyip Erdoğan a reçu Angela Merkel. Erdogan a ensuite critiqué Merkel.",
     {"Recep Tayyip Erdoğan": {"Erdogan"}, "Angela Merkel": {"Merkel"}}),
    # initial
    ("Donald Trump arrive mardi. La position de D. Trump sur Cuba reste floue, et Trump se tait.",
     {"Donald Trump": {"D. Trump", "Trump"}}),
    # acronym defined in the text
    ("L'ONG Human Rights Watch (HRW) publie un rapport. Selon HRW, la torture est systématique.",
     {"Human Rights Watch": {"HRW"}}),
    ("La Communauté économique des États de l'Afrique de l'Ouest (CEDEAO) se réunit à Abuja. "
     "La CEDEAO a menacé les putschistes.",
     {"Communauté économique des États de l'Afrique de l'Ouest": {"CEDEAO"}}),
    # first name alone, two people sharing a surname kept apart
    ("Jean-Marie Le Pen a critiqué sa fille Marine Le Pen. Marine a répondu le lendemain.",
     {"Jean-Marie Le Pen": set(), "Marine Le Pen": {"Marine"}}),
]


@pytest.mark.parametrize(("text", "expected"), FR_MERGE)
def test_merge_fr(parse_fr: Parse, fr: LangData, text: str, expected: dict[str, set[str]]) -> None:
    actors = by_name(table_of(parse_fr, fr, text))
    for name, aliases in expected.items():
        assert set(actors[name].aliases) == aliases


EN_MERGE = [
    ("Barack Obama met Angela Merkel in Berlin. Later, B. Obama said Obama's plan was ready.",
     {"Barack Obama": {"B. Obama", "Obama"}}),
    ("Daniel Montalvo, 19, was arrested in Florida. Montalvo's lawyer said Daniel was innocent.",
     {"Daniel Montalvo": {"Montalvo", "Daniel"}}),
]


@pytest.mark.parametrize(("text", "expected"), EN_MERGE)
def test_merge_en(parse_en: Parse, en: LangData, text: str, expected: dict[str, set[str]]) -> None:
    actors = by_name(table_of(parse_en, en, text))
    for name, aliases in expected.items():
        assert set(actors[name].aliases) == aliases


def test_same_surname_goes_to_latest_named(parse_fr: Parse, fr: LangData) -> None:
    text = ("Paul Martin a ouvert la séance. Sophie Martin, sa cousine, a pris la parole ensuite. "
            "Martin a rappelé les chiffres du budget.")
    table = table_of(parse_fr, fr, text)
    names = by_name(table)
    assert {"Paul Martin", "Sophie Martin"} <= set(names)
    last = table.mentions_before(len(text), type="person")[0]
    assert last.text == "Martin" and last.actor_id == names["Sophie Martin"].id


def test_shared_surname_before_anyone_is_named_stays_unresolved(parse_en: Parse, en: LangData) -> None:
    text = "Martin was not there. Paul Martin and Sophie Martin arrived later with their lawyer."
    table = table_of(parse_en, en, text)
    assert table.at(0, 6) is None


def test_actor_ids_are_unique_slugs(parse_fr: Parse, fr: LangData) -> None:
    table = table_of(parse_fr, fr, "Nicolás Maduro a parlé à Caracas. Maduro a rencontré des élus à Caracas.")
    ids = [a.id for a in table.actors]
    assert len(ids) == len(set(ids)) and "nicolas-maduro" in ids
    maduro = table.by_id("nicolas-maduro")
    assert maduro is not None and maduro.mentions == len(maduro.spans) == 2


# --- roles and descriptions --------------------------------------------------------------------

FR_ROLES = [
    ("Nicolás Maduro, le président vénézuélien, a répondu lundi.", "Nicolás Maduro", "président vénézuélien"),
    ("Il a critiqué l'administration du démocrate Joe Biden sans relâche.", "Joe Biden", "démocrate"),
    ("C'est une priorité du prochain président, Donald Trump.", "Donald Trump", "prochain président"),
    ("Human Rights Watch, une ONG, dénonce la torture.", "Human Rights Watch", "ONG"),
    ("Christian Jacob, président du groupe UMP, a pris la parole.", "Christian Jacob", "président du groupe UMP"),
]


@pytest.mark.parametrize(("text", "name", "role"), FR_ROLES)
def test_roles_fr(parse_fr: Parse, fr: LangData, text: str, name: str, role: str) -> None:
    assert role in by_name(table_of(parse_fr, fr, text))[name].roles


EN_ROLES = [
    ("Steve Whitmore, a representative for the sheriff, told reporters the case was closed.",
     "Steve Whitmore", "representative for the sheriff"),
    ("The case was handled by a company attorney, Kendrick Moxon.", "Kendrick Moxon", "company attorney"),
    ("The Democrat Joe Biden won the vote.", "Joe Biden", "Democrat"),
]


@pytest.mark.parametrize(("text", "name", "role"), EN_ROLES)
def test_roles_en(parse_en: Parse, en: LangData, text: str, name: str, role: str) -> None:
    assert role in by_name(table_of(parse_en, en, text))[name].roles


def test_description_resolves_to_most_salient_person(parse_fr: Parse, fr: LangData) -> None:
    text = ("Nicolás Maduro a proposé son aide aux États-Unis, selon Donald Trump. Maduro insiste. "
            "Le président vénézuélien a expliqué qu'il attendait une réponse.")
    table = table_of(parse_fr, fr, text)
    maduro = by_name(table)["Nicolás Maduro"]
    start = text.index("Le président")
    assert table.at(start, start + len("Le président vénézuélien")) == maduro
    assert "président vénézuélien" in maduro.roles


def test_description_resolves_to_role_holder(parse_en: Parse, en: LangData) -> None:
    text = ("Mark Tedeschi, the prosecutor, spoke first. Tom Molomby and Tom Baker spoke for the parents. "
            "Molomby said little. The prosecutor then asked for a recess.")
    table = table_of(parse_en, en, text)
    start = text.index("The prosecutor")
    assert table.at(start, start + 14) == by_name(table)["Mark Tedeschi"]


def test_description_never_goes_to_a_conflicting_nationality(parse_fr: Parse, fr: LangData) -> None:
    text = ("Vladimir Poutine, le président russe, a reçu ses ministres. Poutine a parlé longtemps. "
            "Le président ukrainien a répondu dans la soirée.")
    table = table_of(parse_fr, fr, text)
    start = text.index("Le président ukrainien")
    span = table.at(start, start + len("Le président ukrainien"))
    assert span is None


def test_spokesperson_of_organisation_resolves_to_it(parse_fr: Parse, fr: LangData) -> None:
    text = ("Selon la fédération des banques, Febelfin, le montant est faible. "
            "La porte-parole de la fédération a ensuite nuancé les chiffres.")
    doc = parse_fr(text)
    table = extract_actors(doc, fr)
    start = text.index("La porte-parole")
    span = doc.char_span(start, start + len("La porte-parole de la fédération"))
    assert table.resolve(span) == by_name(table)["Febelfin"]


def test_resolve_names_and_unknowns(parse_en: Parse, en: LangData) -> None:
    text = "Donald Trump met Angela Merkel. The minister said nothing. Trump left early."
    doc = parse_en(text)
    table = extract_actors(doc, en)
    trump = by_name(table)["Donald Trump"]
    last = doc.char_span(text.rindex("Trump"), text.rindex("Trump") + 5)
    assert table.resolve(last) == trump
    # Two people named equally often: "the minister" cannot be told.
    minister = doc.char_span(text.index("The minister"), text.index("The minister") + 12)
    assert table.resolve(minister) is None


# --- salience -----------------------------------------------------------------------------------

def test_rank_marks_quoted_title_and_lead_actors(parse_fr: Parse, fr: LangData) -> None:
    text = ("Nicolás Maduro a proposé aux États-Unis son expérience. Maduro a rencontré Juan Guaidó. "
            "Le Wall Street Journal évoque une rencontre avec Vladimir Poutine à Moscou. Maduro reste prudent.")
    table = table_of(parse_fr, fr, text)
    guaido = by_name(table)["Juan Guaidó"]
    ranked = rank_actors(table, {guaido.id}, "Maduro tend la main", lead_end=text.index(".") + 1)
    keys = {a.name for a in ranked.actors if a.key}
    assert {"Nicolás Maduro", "Juan Guaidó"} <= keys
    assert "Vladimir Poutine" not in keys and 1 <= len(keys) <= 5
