"""Context: dates, places and cited sources."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.context import extract_context
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData


def brief_parts(parse: Callable[[str], Doc], lang: LangData, text: str):  # type: ignore[no-untyped-def]
    doc = parse(text)
    table = extract_actors(doc, lang)
    quotes, _ = extract_quotes(doc, lang, table)
    return doc, table, quotes


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Le scrutin du 28 juillet a été contesté. Un nouveau vote aura lieu le 3 mars 2025.",
            ["28 juillet", "3 mars 2025"],
        ),
        ("Le sommet s'ouvre lundi 1er décembre à Paris.", ["lundi 1er décembre"]),
        ("Aucune date ici, seulement des chiffres : 28 pour cent.", []),
    ],
)
def test_dates_fr(parse_fr: Callable[[str], Doc], fr: LangData, text: str, dates: list[str]) -> None:
    doc, table, _ = brief_parts(parse_fr, fr, text)
    assert [d.text for d in extract_context(doc, fr, table).dates] == dates


def test_dates_en(parse_en: Callable[[str], Doc], en: LangData) -> None:
    text = "The vote took place on July 28, 2024, and results came in August 2024."
    doc, table, _ = brief_parts(parse_en, en, text)
    assert [d.text for d in extract_context(doc, en, table).dates] == ["July 28, 2024", "August 2024"]


def test_sources_and_places(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Selon le Wall Street Journal, le gouvernement du Venezuela a rompu les négociations. "
        "Le Venezuela a rappelé son ambassadeur."
    )
    doc, table, _ = brief_parts(parse_fr, fr, text)
    context = extract_context(doc, fr, table)
    assert "Wall Street Journal" in context.sources
    assert "Venezuela" in context.places
