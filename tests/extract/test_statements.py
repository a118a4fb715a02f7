"""Reported speech without quote marks: each form, its speaker and cue, and what is not a statement.

Sentences are written for these tests; none comes from the evaluation sets.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData
from generator.models import Statement


def statements(parse: Callable[[str], Doc], lang: LangData, text: str) -> list[Statement]:
    doc = parse(text)
    _, found = extract_quotes(doc, lang, extract_actors(doc, lang))
    return found


def one(found: list[Statement], start: str) -> Statement:
    matches = [s for s in found if s.text.startswith(start)]
    assert len(matches) == 1, [s.text for s in found]
    return matches[0]


FRENCH = [
    # Speech verb + « que » clause; the cue is the verb as written, auxiliary included.
    (
        "La ministre Claire Dufresne a annoncé mardi que la réforme des retraites serait retirée du calendrier.",
        "la réforme des retraites serait retirée",
        "Claire Dufresne",
        "a annoncé",
    ),
    # An opinion verb takes a content clause too.
    (
        "Le maire Paul Girard estime que le budget de la ville ne permet plus aucune embauche.",
        "le budget de la ville ne permet plus",
        "Paul Girard",
        "estime",
    ),
    # Infinitive clause: « a démenti avoir … ».
    (
        "L'ancien ministre Henri Lacombe a démenti avoir reçu de l'argent de la société minière.",
        "avoir reçu de l'argent",
        "Henri Lacombe",
        "a démenti",
    ),
    # Nominal content object: « a annoncé sa démission ».
    (
        "Le président du club, Marc Vidal, a annoncé sa démission après la défaite de dimanche.",
        "sa démission",
        "Marc Vidal",
        "a annoncé",
    ),
    # « selon X, … » opening the sentence.
    (
        "Selon la préfète Anne Morel, plus de deux cents familles ont été relogées dans la nuit.",
        "plus de deux cents familles ont été relogées",
        "Anne Morel",
        "Selon",
    ),
    # « …, selon X. » closing it.
    (
        "Les négociations avec les syndicats reprendront la semaine prochaine, selon le ministre Luc Bernard.",
        "Les négociations avec les syndicats reprendront",
        "Luc Bernard",
        "selon",
    ),
    # An incise without quote marks, its subject a clitic resolved to the person named before.
    (
        "Le procureur Jean Moreau a tenu une conférence de presse. Trois suspects ont été interpellés à l'aube, "
        "a-t-il précisé.",
        "Trois suspects ont été interpellés",
        "Jean Moreau",
        "a-t-il précisé",
    ),
    # A prepositional object: « a plaidé pour … ».
    (
        "La députée Sophie Laurent a plaidé pour une hausse du budget des hôpitaux.",
        "une hausse du budget des hôpitaux",
        "Sophie Laurent",
        "a plaidé",
    ),
    # « se dire » + attribute.
    (
        "Le sélectionneur Didier Fabre s'est dit très déçu par le comportement de ses joueurs.",
        "très déçu par le comportement",
        "Didier Fabre",
        "est dit",
    ),
]


@pytest.mark.parametrize(("text", "start", "speaker", "cue"), FRENCH)
def test_french_statement_forms(
    parse_fr: Callable[[str], Doc], fr: LangData, text: str, start: str, speaker: str, cue: str
) -> None:
    found = one(statements(parse_fr, fr, text), start)
    assert found.speaker_name == speaker
    assert found.cue == cue
    assert text[found.start : found.end] == found.text


def test_a_clause_with_a_few_quoted_words_is_one_statement(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = "Le sénateur Louis Perrin a dit qu'il « refuse » de voter un texte bâclé."
    found = one(statements(parse_fr, fr, text), "il « refuse »")
    assert found.speaker_name == "Louis Perrin" and found.text.endswith("un texte bâclé")


def test_a_direct_quote_is_not_repeated_as_a_statement(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "La maire Nadia Roux a déclaré : « Nous ne fermerons aucune école cette année, quoi qu'il en "
        "coûte à la commune. »"
    )
    assert statements(parse_fr, fr, text) == []


def test_an_unnamed_source_is_described_not_named(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Le ministre Paul Lenoir défend son plan. Mais, selon l'un de ses collaborateurs, il envisage "
        "déjà de le retirer."
    )
    found = one(statements(parse_fr, fr, text), "il envisage déjà")
    assert found.speaker is None and found.speaker_desc == "l'un de ses collaborateurs"


def test_the_reporting_conditional_continues_a_statement(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "D'après l'économiste Julie Marchand, la croissance ralentirait dès le printemps. Le chômage "
        "augmenterait aussi fortement."
    )
    found = statements(parse_fr, fr, text)
    assert [s.speaker_name for s in found] == ["Julie Marchand", "Julie Marchand"]
    assert found[1].text.startswith("Le chômage augmenterait")


def test_an_opinion_noun_points_back_at_the_sentence_before(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = "Le sénateur Hugo Marin a visité le port. La pêche artisanale va disparaître. C'est l'avis de Hugo Marin."
    found = one(statements(parse_fr, fr, text), "La pêche artisanale va disparaître")
    assert found.speaker_name == "Hugo Marin"


def test_plural_members_of_a_body_speak_for_it(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = "Les députés du Parti radical ont dénoncé la fermeture de la maternité de Vierzon."
    found = one(statements(parse_fr, fr, text), "la fermeture de la maternité")
    assert found.speaker_name == "Parti radical"


@pytest.mark.parametrize(
    "text",
    [
        # Actions are not statements.
        "Le maire Paul Girard a inauguré la nouvelle médiathèque du quartier nord.",
        "La police a arrêté trois hommes soupçonnés d'avoir dévalisé la bijouterie.",
        # Negated, passive, purpose and the writer's own voice report nothing.
        "Le ministre Luc Bernard n'a pas annoncé sa démission malgré la pression des syndicats.",
        "Il est prévu que les travaux durent jusqu'à la fin de l'été prochain.",
        "Rappelons que la ville avait déjà fermé deux écoles primaires en dix ans.",
        "Le maire a convoqué le conseil afin qu'il explique enfin ses choix budgétaires.",
        # « Pour » saying what for, not who.
        "Pour l'instant, la circulation reste coupée sur la route départementale.",
        # Greeting someone is not saying something.
        "Le président Marc Vidal a salué Claire Dufresne à son arrivée à l'Élysée.",
    ],
)
def test_what_is_not_a_statement(parse_fr: Callable[[str], Doc], fr: LangData, text: str) -> None:
    assert statements(parse_fr, fr, text) == []


ENGLISH = [
    (
        "Senator Ann Briggs said the budget would be cut by ten percent next year.",
        "the budget would be cut",
        "Ann Briggs",
        "said",
    ),
    (
        "Mayor Tom Hale told reporters that the bridge would reopen in March.",
        "the bridge would reopen",
        "Tom Hale",
        "told",
    ),
    (
        "According to the governor, Laura Kent, three hundred homes were flooded overnight.",
        "three hundred homes were flooded",
        "Laura Kent",
        "According to",
    ),
    (
        "The company announced the closure of its plant in Ohio on Monday.",
        "the closure of its plant",
        None,
        "announced",
    ),
]


@pytest.mark.parametrize(("text", "start", "speaker", "cue"), ENGLISH)
def test_english_statement_forms(
    parse_en: Callable[[str], Doc], en: LangData, text: str, start: str, speaker: str | None, cue: str
) -> None:
    found = one(statements(parse_en, en, text), start)
    if speaker is not None:
        assert found.speaker_name == speaker
    assert found.cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "The parents continued to shun conventional treatment for months.",
        "Firefighters rescued two children from the burning house on Elm Street.",
    ],
)
def test_english_non_statements(parse_en: Callable[[str], Doc], en: LangData, text: str) -> None:
    assert statements(parse_en, en, text) == []


def test_a_trailing_gloss_is_the_writers_not_the_sources(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Selon le rapport de l'inspecteur Marc Dumas, le pont aurait été fragilisé par le chlorure, une "
        "substance très corrosive, dont l'usage était autorisé depuis 2015."
    )
    found = one(statements(parse_fr, fr, text), "le pont aurait été fragilisé")
    assert found.text == "le pont aurait été fragilisé par le chlorure"
    # A gloss of one's own is kept: nothing else follows it in the sentence.
    found = one(
        statements(parse_fr, fr, "D'après le ministre Paul Lenoir, la centrale fermerait avant 2030."),
        "la centrale fermerait",
    )
    assert found.text == "la centrale fermerait avant 2030"
