"""Name comparison rules, tested alone (no model needed)."""

from __future__ import annotations

import pytest

from generator.extract.merge import abbreviates, is_acronym, person_compatible
from generator.extract.names import name_words
from generator.langdata import LangData


@pytest.mark.parametrize(
    ("text", "expected"),
    [("HRW", True), ("U.S.", True), ("CEDEAO", True), ("Febelfin", False), ("Paris", False), ("A", False)],
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("HRW", "Human Rights Watch", True),
        ("CPI", "Cour pénale internationale", True),
        ("CEDEAO", "Communauté économique des États de l'Afrique de l'Ouest", True),
        ("UMP", "Union pour un mouvement populaire", True),
        ("Febelfin", "Fédération belge du secteur financier", True),
        ("U.S.", "United States", True),
        # The last word must count: "U.S." is not the council.
        ("U.S.", "United States National Security Council", False),
        ("PS", "Parti populaire", False),
        ("Ana", "Assemblée nationale", False),
    ],
)
def test_abbreviates(short: str, name: str, expected: bool, fr: LangData) -> None:
    assert abbreviates(short, name, fr) is expected


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Trump", "Donald Trump", True),
        ("D. Trump", "Donald Trump", True),
        ("B. Obama", "Barack Obama", True),
        ("Marine", "Marine Le Pen", True),
        ("Le Pen", "Jean-Marie Le Pen", True),
        ("Pastor", "Ana Pastor García", True),
        ("Erdoğan", "Recep Tayyip Erdogan", True),
        ("Jean", "Jean-Marie Le Pen", False),
        ("Marine Le Pen", "Jean-Marie Le Pen", False),
        ("J. Trump", "Donald Trump", False),
        ("D.", "Donald Trump", False),
    ],
)
def test_person_compatible(short: str, full: str, expected: bool) -> None:
    assert person_compatible(name_words(short), name_words(full)) is expected
