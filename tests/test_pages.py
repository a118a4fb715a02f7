"""Reader-facing pages: one card per quote, actor pages with their chart, neighbours and graph,
the corpus graph, and the home page showing what is new."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import markdown
import pytest

from generator.config import Config
from generator.corpus import aggregate
from generator.models import Actor, Brief, Quote
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "md_in_html"]


def to_html(page: str) -> str:
    """The body of a generated page as MkDocs would render it."""
    return markdown.markdown(page.split("\n---\n", 1)[1], extensions=EXTENSIONS)


def said(text: str, speaker: str | None, start: int, confidence: float = 0.9) -> Quote:
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker, confidence=confidence)


def brief(id: str, date: str, text: str, actors: tuple[Actor, ...], quotes: tuple[Quote, ...] = ()) -> Brief:
    return Brief(
        id=id,
        title=f"Titre {id}",
        lang="fr",
        path=f"{id}.md",
        text=text,
        summary="Résumé.",
        date=date,
        source="Journal d'exemple",
        url=f"https://example.org/{id}",
        actors=actors,
        quotes=quotes,
    )


MARTIN = Actor("m", "Paul Martin", "person", roles=("maire de Lyon",), mentions=3, key=True)
BINET = Actor("b", "Sophie Binet", "person", roles=("secrétaire générale",), mentions=2, key=True)
LYON = Actor("l", "Lyon", "place", mentions=2)


@pytest.fixture(scope="module")
def corpus_briefs() -> list[Brief]:
    text = "« Nous tiendrons nos engagements », dit Paul Martin. « Le budget est juste », ajoute-t-il."
    first, second = "Nous tiendrons nos engagements", "Le budget est juste"
    budget = brief(
        "budget",
        "2024-03-04",
        text,
        (MARTIN, LYON),
        (said(first, "m", text.index(first)), said(second, "m", text.index(second), confidence=0.4)),
    )
    words = "Paul Martin ne nous écoute pas"
    greve = brief(
        "greve",
        "2024-04-06",
        f"Sophie Binet : « {words} ».",
        (BINET, dataclasses.replace(MARTIN, key=False, mentions=1), LYON),
        (said(words, "b", 17),),
    )
    return [budget, greve]


@pytest.fixture(scope="module")
def pages(corpus_briefs: list[Brief]) -> dict[str, str]:
    return render_site(aggregate(corpus_briefs), Config(templates_dir=ROOT / "templates"))


def test_two_quotes_are_two_cards_with_speaker_date_source_and_anchor(pages: dict[str, str]) -> None:
    html = to_html(pages["briefs/budget.md"])
    cards = re.findall(r'<figure class="nb-quote">(.*?)</figure>', html, re.S)
    assert len(cards) == 2
    for number, card in enumerate(cards, 1):
        assert "<blockquote>" in card
        assert '<a href="../actors/paul-martin.md">Paul Martin</a>, maire de Lyon' in card
        assert "4 mars 2024" in card
        assert '<a href="https://example.org/budget">Journal d\'exemple</a>' in card
        assert f'href="#source-quote-{number}"' in card
    assert 'id="source-quote-1"' in pages["briefs/budget.md"] and 'id="source-quote-2"' in pages["briefs/budget.md"]


def test_a_weak_attribution_says_the_speaker_is_uncertain(pages: dict[str, str]) -> None:
    html = to_html(pages["briefs/budget.md"])
    first, second = re.findall(r'<figure class="nb-quote">(.*?)</figure>', html, re.S)
    assert "locuteur incertain" not in first
    assert '<span class="nb-uncertain">(locuteur incertain)</span>' in second


def test_actor_page_cards_link_the_brief_and_the_quote_in_its_source(pages: dict[str, str]) -> None:
    html = to_html(pages["actors/paul-martin.md"])
    cards = re.findall(r'<figure class="nb-quote">(.*?)</figure>', html, re.S)
    assert len(cards) >= 2
    assert '<a href="../briefs/budget.md">Titre budget</a>' in cards[0]
    assert 'href="../briefs/budget.md#source-quote-1"' in cards[0]
    assert 'href="../briefs/budget.md#source-quote-2"' in cards[1]
