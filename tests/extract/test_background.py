"""Background: sentences about events earlier than the news, found by marker or by tense."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.background import find_background
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData
from generator.models import Background


def background(parse: Callable[[str], Doc], lang: LangData, text: str) -> list[Background]:
    doc = parse(text)
    quotes, _ = extract_quotes(doc, lang, extract_actors(doc, lang))
    return find_background(doc, lang, quotes, text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Pluperfect main verb: the cue is the verb group as written.
        ("Les pompiers avaient tenté de contenir le feu pendant toute la nuit.", "avaient tenté"),
        ("La digue était déjà tombée une première fois au printemps.", "déjà"),
        ("Le maire avait été réélu sans difficulté.", "avait été réélu"),
        # Markers, with a verb in the past; the marker wins over the tense.
        ("En 2019, la commune a connu une crue semblable.", "En 2019"),
        ("Lors de son premier mandat, le maire avait promis un nouveau pont.", "Lors de son premier mandat"),
        ("Il y a cinq ans, le club a quitté la première division.", "Il y a cinq ans"),
        ("L'an dernier, l'usine a supprimé deux cents emplois.", "L'an dernier"),
        # Passé simple in a narrative aside.
        ("Le comité décida de reporter le vote.", "décida"),
        # Not background: the news itself, in the present, passé composé or future.
        ("Le conseil municipal a voté mardi la gratuité des transports.", None),
        ("La ministre présente aujourd'hui son plan pour les hôpitaux.", None),
        ("En 2030, la région accueillera les championnats du monde.", None),
        # Not background: a pluperfect in reported speech of the news, or in a relative clause.
        ("Le ministre a expliqué qu'il avait tenté de négocier avec les syndicats.", None),
        ("Le président, qui avait été élu en 2012, a annoncé sa démission.", None),
        ("Les manifestants avaient quitté la place, a précisé la préfecture.", None),
        # Not background: a year as a yardstick, a present spelled like a passé simple.
        ("Les ventes ont augmenté de 5 % par rapport à l'an dernier.", None),
        ("Il s'agit de deux étudiants de la ville.", None),
    ],
)
def test_background_fr(parse_fr: Callable[[str], Doc], fr: LangData, text: str, cue: str | None) -> None:
    found = background(parse_fr, fr, text)
    assert [b.cue for b in found] == ([cue] if cue else [])


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The firefighters had tried to contain the blaze for hours.", "had tried"),
        ("The mayor had been elected without a runoff.", "had been elected"),
        ("In 2019, the town saw a similar flood.", "In 2019"),
        ("Earlier this year, the factory cut two hundred jobs.", "Earlier this year"),
        ("She had previously served as a judge.", "previously"),
        ("The city council voted on Tuesday to make buses free.", None),
        ("The region will host the world championships in 2030.", None),
        ("The minister said that he had tried to negotiate with the unions.", None),
        ("The president, who had been elected in 2012, announced his resignation.", None),
        ("Sales rose five percent compared with last year.", None),
    ],
)
def test_background_en(parse_en: Callable[[str], Doc], en: LangData, text: str, cue: str | None) -> None:
    found = background(parse_en, en, text)
    assert [b.cue for b in found] == ([cue] if cue else [])


def test_quoted_words_are_not_background(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Le maire de Valence a inauguré mardi le nouveau pont sur le Rhône. "
        "« Nous avions tout essayé pour obtenir ce financement de l'État », a déclaré le maire."
    )
    assert background(parse_fr, fr, text) == []


def test_background_is_the_whole_passage_by_offsets(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "La mairie de Valence rouvre lundi la piscine municipale.\n\n"
        "L’équipement avait fermé ses portes après une inondation du sous-sol. Les travaux ont duré six mois."
    )
    found = background(parse_fr, fr, text)
    assert len(found) == 1
    item = found[0]
    assert item.text == text[item.start : item.end]
    assert item.text == "L’équipement avait fermé ses portes après une inondation du sous-sol."  # verbatim apostrophe
    assert item.cue == "avait fermé"
