"""Reader-facing pages: one card per quote, actor pages with their chart, neighbours and graph,
the corpus graph, and the home page showing what is new."""

from __future__ import annotations

import dataclasses
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from generator.config import Config
from generator.corpus import aggregate
from generator.graph import XLINK
from generator.mentions import NamedIn, quotes_naming
from generator.models import Actor, Brief, Quote
from generator.render import relative_url, render_site

ROOT = Path(__file__).resolve().parent.parent
XLINK_HREF = f"{{{XLINK}}}href"
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


def section(page: str, heading: str) -> str:
    """The text of a page from `## heading` to the next heading of that level."""
    start = page.index(f"## {heading}")
    end = page.find("\n## ", start + 1)
    return page[start : end if end > 0 else None]


def svgs(page: str) -> list[ET.Element]:
    """Every SVG of a page, parsed as XML: a malformed one fails the test."""
    return [ET.fromstring(s) for s in re.findall(r"<svg .*?</svg>", page, re.S)]


def test_actor_page_charts_its_briefs_month_by_month(pages: dict[str, str]) -> None:
    (chart,) = svgs(section(pages["actors/paul-martin.md"], "Au fil du temps"))
    bars = [g for g in chart.iter("g")]
    assert [g.findtext("title") for g in bars] == [
        "mars 2024 — briefs : 1, dont cité : 1",
        "avril 2024 — briefs : 1",
    ]
    assert len(chart.findall(".//rect[@class='nb-bar-part']")) == 1


def test_appears_most_with_ranks_people_apart_from_places(pages: dict[str, str]) -> None:
    page = pages["actors/paul-martin.md"]
    people, places = section(page, "Apparaît le plus avec"), section(page, "Lieux les plus associés")
    assert "1. [Sophie Binet](../actors/sophie-binet.md) — 1 article" in people and "Lyon" not in people
    assert "1. [Lyon](../actors/lyon.md) — 2 articles" in places and "Binet" not in places


def test_actor_page_shows_quotes_of_others_that_name_it(pages: dict[str, str]) -> None:
    named = section(pages["actors/paul-martin.md"], "Cité par d'autres")
    assert named.count('<figure class="nb-quote"') == 1
    assert "Paul Martin ne nous écoute pas" in named
    assert "— [Sophie Binet](../actors/sophie-binet.md), secrétaire générale" in named
    assert "[Titre greve](../briefs/greve.md)" in named
    assert "Nous tiendrons" not in named, "its own words are not quotes of others"
    assert "Cité par d'autres" not in pages["actors/sophie-binet.md"]


def test_every_graph_node_links_to_a_page_that_exists(pages: dict[str, str]) -> None:
    drawn = 0
    for path in ("actors/paul-martin.md", "actors/sophie-binet.md", "network/index.md"):
        (graph,) = svgs(pages[path].split('<div class="nb-graph">', 1)[1])
        url = path.removesuffix(".md").removesuffix("index")
        url = url if url.endswith("/") else url + "/"
        for a in graph.iter("a"):
            href = a.attrib[XLINK_HREF]
            target = posixpath.normpath(posixpath.join(url, href))
            assert f"{target}.md" in pages or f"{target}/index.md" in pages, (path, href)
            drawn += 1
    assert drawn >= 2 + 2 + 2


def test_svg_makes_no_outside_request_and_escapes_names() -> None:
    evil = Actor("e", '<script>alert(1)</script> "A & B"', "person", mentions=2, key=True)
    hostile = brief("hostile", "2024-05-01", "…", (evil, MARTIN))
    pages = render_site(aggregate([hostile]), Config(templates_dir=ROOT / "templates"))
    for path, page in pages.items():
        for svg in re.findall(r"<svg .*?</svg>", page, re.S):
            # The one address in it is the XLink namespace: a name, never fetched.
            assert "http" not in svg.replace(f'xmlns:xlink="{XLINK}"', "") and "<script" not in svg, path
            ET.fromstring(svg)
    (graph,) = svgs(pages["network/index.md"])
    assert '<script>alert(1)</script> "A & B"' in [a.findtext("title") for a in graph.iter("a")]


def test_pages_are_the_same_at_every_render(corpus_briefs: list[Brief], pages: dict[str, str]) -> None:
    assert render_site(aggregate(corpus_briefs), Config(templates_dir=ROOT / "templates")) == pages


def test_home_shows_the_newest_month_most_quoted_and_the_chart(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    quoted = section(home, "Les plus cités en avril 2024")
    assert "1. [Sophie Binet](actors/sophie-binet.md) — citations : 1" in quoted
    assert "Paul Martin" not in quoted, "his quotes are of March, not of the newest brief's month"
    assert len(svgs(section(home, "Briefs par mois"))) == 1
    assert "[Réseau des acteurs](network/index.md)" in home


def test_timeline_charts_the_briefs_with_each_month_key_actors(pages: dict[str, str]) -> None:
    months = section(pages["timeline/index.md"], "Briefs par mois")
    assert len(svgs(months)) == 1
    assert "- **[avril 2024](../archive/2024-04.md)** (1)\u00a0: [Sophie Binet](../actors/sophie-binet.md)\n" in months
    assert "- **[mars 2024](../archive/2024-03.md)** (1)\u00a0: [Paul Martin](../actors/paul-martin.md)\n" in months


def test_a_span_of_many_years_is_charted_year_by_year_and_loses_no_brief() -> None:
    briefs = [
        brief("ancien", "2009-05-08", "Paul Martin parle.", (MARTIN,)),
        brief("moyen", "2012-07-03", "Paul Martin parle.", (MARTIN,)),
        brief("recent", "2024-11-12", "Paul Martin parle.", (MARTIN,)),
    ]
    site = render_site(aggregate(briefs), Config(templates_dir=ROOT / "templates"))
    timeline = section(site["timeline/index.md"], "Briefs par année")
    (chart,) = svgs(timeline)
    assert len(chart.findall(".//rect[@class='nb-bar']")) == 3
    assert [t.text for t in chart.iter("text") if t.text and len(t.text) == 4][:2] == ["2009", "2010"]
    # Each year links to the archive of its newest month; the empty years are not listed.
    assert "- **[2024](../archive/2024-11.md)** (1)" in timeline
    assert "- **[2009](../archive/2009-05.md)** (1)" in timeline and "[2010]" not in timeline
    assert "## Briefs par année" in site["index.md"]
    (actor_chart,) = svgs(section(site["actors/paul-martin.md"], "Au fil du temps"))
    years = [t.text for t in actor_chart.iter("text") if t.text and len(t.text) == 4]
    assert years == [str(y) for y in range(2009, 2025)]  # every year written, 2009 to 2024
    assert len(list(actor_chart.iter("g"))) == 3  # a bar for each year with a brief


def test_a_name_is_found_as_whole_words_and_only_when_it_says_one_actor() -> None:
    martinez = brief("autre", "2024-05-02", "…", (BINET,), (said("Martinez et Lyonnais ne sont pas là", "b", 0),))
    aliased = dataclasses.replace(MARTIN, aliases=("le maire",))
    first = brief("a", "2024-05-01", "Le Maire a tort", (aliased, BINET), (said("Le Maire a tort", "b", 0),))
    corpus = aggregate([first, martinez])
    assert quotes_naming(corpus, 10) == {"paul-martin": (NamedIn("a", 0, "source-quote-1"),)}


@pytest.mark.parametrize(
    ("page", "target", "directory_urls", "expected"),
    [
        ("actors/x.md", "actors/y.md", True, "../y/"),
        ("index.md", "actors/y.md", True, "actors/y/"),
        ("network/index.md", "actors/y.md", True, "../actors/y/"),
        ("network/index.md", "index.md", True, "../"),
        ("actors/x.md", "actors/y.md", False, "y.html"),
        ("network/index.md", "actors/y.md", False, "../actors/y.html"),
    ],
)
def test_addresses_inside_svg_are_those_mkdocs_publishes(
    page: str, target: str, directory_urls: bool, expected: str
) -> None:
    assert relative_url(page, target, directory_urls) == expected
