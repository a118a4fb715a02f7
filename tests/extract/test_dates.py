"""Dates in the text: which expressions are dates, and the calendar value each resolves to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.dates import find_dates
from generator.langdata import LangData

# A Thursday.
REF = dt.date(2023, 3, 16)


def dates(
    parse: Callable[[str], Doc], lang: LangData, text: str, ref: dt.date | None = REF
) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(parse(text), lang, ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La mairie a voté le budget mardi.", [("mardi", "2023-03-14")]),
        ("Le maire a signé jeudi le nouvel arrêté.", [("jeudi", "2023-03-16")]),
        ("La commission se réunira lundi pour trancher.", [("lundi", "2023-03-20")]),
        ("Les pompiers sont intervenus hier soir dans le quartier.", [("hier soir", "2023-03-15")]),
        ("Ce matin, le train est reparti.", [("Ce matin", "2023-03-16")]),
        ("L'entreprise a fermé samedi dernier.", [("samedi dernier", "2023-03-11")]),
        ("Le vote aura lieu mardi prochain.", [("mardi prochain", "2023-03-21")]),
        ("Le festival s'est tenu le 28 juillet.", [("28 juillet", "2022-07-28")]),
        ("Le pont a été inauguré le 3 mars 2021.", [("3 mars 2021", "2021-03-03")]),
        ("Le club a été fondé en 1998.", [("1998", "1998")]),
        ("Les ventes ont chuté l'an dernier.", [("l'an dernier", "2022")]),
        ("Les travaux finiront fin 2025.", [("fin 2025", "2025")]),
        ("Il avait quitté le parti il y a deux mois.", [("il y a deux mois", "2023-01")]),
        ("Le contrat a été signé en juillet dernier.", [("juillet dernier", "2022-07")]),
        ("Cette année, la récolte est bonne.", [("Cette année", "2023")]),
        ("Le salon aura lieu du 22 au 24 juin 2024.", [("22", "2024-06-22"), ("24 juin 2024", "2024-06-24")]),
        ("Il est arrivé le 5 mai. La veille, il avait appelé.", [("5 mai", "2022-05-05"), ("veille", "2022-05-04")]),
        ("Il est parti début du mois dernier.", [("début du mois dernier", "2023-02")]),
    ],
)
def test_french_dates(parse_fr: Callable[[str], Doc], fr: LangData, text: str, expected: list) -> None:
    assert dates(parse_fr, fr, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il a travaillé pendant trois ans à Lyon.",  # a duration
        "Elle vit ici depuis deux semaines.",  # a duration
        "Le rendez-vous est fixé à 15 h.",  # a clock time
        "Le suspect, âgé de 17 ans, a été relâché.",  # an age
        "L'offre vise les jeunes de 18 à 25 ans.",  # ages
        "Près de 2000 manifestants ont défilé.",  # an amount, not a year
        "Le dictionnaire recense 300 langues.",  # a count
        "La sonde Mars Express a photographié le cratère.",  # the planet, not the month
        "Le chiffre reste stable à ce jour.",  # an idiom: so far
        "La mode des années 1970 revient.",  # a decade
    ],
)
def test_french_non_dates(parse_fr: Callable[[str], Doc], fr: LangData, text: str) -> None:
    assert dates(parse_fr, fr, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council met yesterday.", [("yesterday", "2023-03-15")]),
        ("The bridge closed last Tuesday.", [("last Tuesday", "2023-03-14")]),
        ("Voters will return on Monday.", [("Monday", "2023-03-20")]),
        ("The law passed on July 28.", [("July 28", "2022-07-28")]),
        ("The company was founded in 2006.", [("2006", "2006")]),
        ("The talks resume next Monday.", [("next Monday", "2023-03-20")]),
        ("Prices rose two months ago.", [("two months ago", "2023-01")]),
    ],
)
def test_english_dates(parse_en: Callable[[str], Doc], en: LangData, text: str, expected: list) -> None:
    assert dates(parse_en, en, text) == expected


@pytest.mark.parametrize("text", ["She may leave soon.", "He worked there for three years.", "They met at 3 pm."])
def test_english_non_dates(parse_en: Callable[[str], Doc], en: LangData, text: str) -> None:
    assert dates(parse_en, en, text) == []


def test_without_a_reference_only_full_dates_have_values(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    found = dates(parse_fr, fr, "Le 3 mars 2021, le pont a ouvert ; hier, il a fermé.", ref=None)
    assert found == [("3 mars 2021", "2021-03-03"), ("hier", None)]


def test_a_following_day_of_an_undated_day_has_no_value(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    found = dates(parse_fr, fr, "Le projet date de 2019. Le lendemain, rien.")
    assert found == [("2019", "2019"), ("lendemain", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le marché se tient chaque lundi.", []),
        ("L'incendie a éclaté dans la nuit de samedi à dimanche.", [("nuit de samedi à dimanche", "2023-03-12")]),
        ("Le navire a coulé dans la nuit de mardi.", [("nuit de mardi", "2023-03-14")]),
        (
            "La réunion a commencé vendredi matin et a duré jusqu'à lundi soir.",
            [("vendredi matin", "2023-03-10"), ("lundi soir", "2023-03-13")],
        ),
    ],
)
def test_french_nights_and_habits(parse_fr: Callable[[str], Doc], fr: LangData, text: str, expected: list) -> None:
    assert dates(parse_fr, fr, text) == expected
