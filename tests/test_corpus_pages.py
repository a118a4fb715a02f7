"""The corpus as every page shows it: names in the site's language, each edit of
`content/actors.yml` reaching brief pages, actor pages, the indexes, tags and feeds (the search
index is made from those pages), and one place however the briefs spell it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import Config
from generator.corpus import aggregate
from generator.editorial import Edit, Split, apply_edits
from generator.models import Actor, Brief, Context

ROOT = Path(__file__).resolve().parent.parent


def actor(name: str, type: str = "person", key: bool = False, roles: tuple[str, ...] = (), mentions: int = 1) -> Actor:
    """A brief-level actor whose id is a slug of its name."""
    return Actor(re.sub(r"\W+", "-", name.lower()).strip("-"), name, type, roles=roles, mentions=mentions, key=key)


def brief(
    id: str,
    *actors: Actor,
    lang: str = "fr",
    date: str = "2024-03-01",
    places: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Brief:
    """A brief with only what the pages look at."""
    return Brief(
        id=id,
        title=id.title(),
        lang=lang,
        path=f"{id}.md",
        text="…",
        date=date,
        summary=f"Résumé de {id}.",
        tags=tags,
        actors=actors,
        context=Context(places=places, sources=sources),
    )


def site(briefs: list[Brief], edits: tuple[Edit, ...] = (), site_lang: str = "fr") -> dict[str, str]:
    """Every page of the site made of those briefs, after those edits."""
    from generator.render import render_site  # jinja2 only where pages are rendered

    corpus = apply_edits(aggregate(briefs, site_lang=site_lang), edits)
    return render_site(corpus, Config(templates_dir=ROOT / "templates", site_lang=site_lang))


def line(page: str, start: str) -> str:
    """The line of a page that starts with `start` (empty when none does)."""
    return next((x for x in page.splitlines() if x.startswith(start)), "")


def section(page: str, heading: str) -> str:
    """The text under a `## heading` of a page, up to the next heading."""
    found = re.search(rf"^## {re.escape(heading)}.*?$(.*?)(?=^## |\Z)", page, re.M | re.S)
    return found.group(1) if found else ""


# -- Names in the site's language --------------------------------------------------------------


def languages() -> list[Brief]:
    return [
        brief(
            "sommet",
            actor("États-Unis", "place", key=True),
            actor("Joe Biden", key=True, roles=("président des États-Unis",)),
            places=("États-Unis",),
            tags=("États-Unis",),
        ),
        brief(
            "summit",
            actor("United States", "place", key=True, mentions=3),
            actor("Syria", "place"),
            actor("Joe Biden", key=True, roles=("President",)),
            lang="en",
            date="2024-03-02",
            places=("United States", "Syria"),
        ),
        brief("talks", actor("United States", "place", mentions=4), lang="en", date="2024-03-03"),
    ]


def test_a_french_site_names_countries_and_roles_in_french() -> None:
    pages = site(languages())
    assert "actors/etats-unis.md" in pages and "actors/united-states.md" not in pages
    # Only English briefs name Syria: the countries data gives its French name.
    assert "actors/syrie.md" in pages and "# Syrie" in pages["actors/syrie.md"]
    assert "[Syrie](../actors/syrie.md)" in line(pages["briefs/summit.md"], "- **Lieux**")
    # The tag "États-Unis" and the place are one link, not two names for one country.
    tags = line(pages["briefs/sommet.md"], "**Étiquettes**")
    assert tags.count("États-Unis") == 1 and "United States" not in tags
    roles = line(pages["actors/joe-biden.md"], "- **Rôles**")
    assert "président des États-Unis" in roles and "President" not in roles


def test_an_english_site_names_them_in_english() -> None:
    pages = site(languages(), site_lang="en")
    assert "actors/united-states.md" in pages and "actors/syria.md" in pages
    assert "actors/etats-unis.md" not in pages
    roles = line(pages["actors/joe-biden.md"], "- **Roles**")
    assert "President" in roles and "président" not in roles


def test_roles_in_another_language_are_shown_when_the_site_language_gives_none() -> None:
    pages = site([brief("summit", actor("Kamala Harris", roles=("Vice President",)), lang="en")])
    assert "Vice President" in line(pages["actors/kamala-harris.md"], "- **Rôles**")


# -- Each edit of content/actors.yml, on every page ----------------------------------------------


def story() -> list[Brief]:
    return [
        brief(
            "a",
            actor("East Los Angeles", "place", key=True, mentions=2),
            actor("East L.A.", "place"),
            actor("RTVE", "organization"),
            actor("TVE", "organization"),
            actor("Paul Martin", key=True),
            actor("Jordan", "place", key=True),
            actor("Sheriff", "place"),
            places=("East Los Angeles", "East L.A.", "Jordan", "Sheriff"),
            sources=("RTVE", "TVE", "Sheriff"),
        ),
        brief(
            "b",
            actor("Paul Martin", key=True),
            actor("Scientology", "place", key=True),
            actor("Sheriff", "place"),
            date="2024-03-05",
            places=("Scientology",),
        ),
    ]


def appearances(page: str) -> list[str]:
    """The brief links listed under "Apparaît dans" on an actor page."""
    return re.findall(r"\(\.\./briefs/([^)]+)\.md\)", section(page, "Apparaît dans"))


def test_merge_lists_each_brief_once_on_every_page() -> None:
    pages = site(story(), (Edit("East Los Angeles", merge=("East L.A.",)), Edit("RTVE", merge=("TVE",))))
    assert appearances(pages["actors/east-los-angeles.md"]) == ["a"]
    assert line(pages["actors/east-los-angeles.md"], "- **Articles**").endswith(" 1")
    assert line(pages["briefs/a.md"], "- **Lieux**").count("east-los-angeles.md") == 1
    assert line(pages["briefs/a.md"], "- **Sources citées**").count("rtve.md") == 1
    assert "actors/east-l-a.md" not in pages and "actors/tve.md" not in pages
    assert pages["actors/index.md"].count("actors/east-los-angeles.md)") == 1
    assert line(pages["places/index.md"], "| [East Los Angeles]").count("../briefs/a.md") == 1
    assert pages["feeds/actors/east-los-angeles.xml"].count("<entry>") == 1
    assert pages["feeds/actors/rtve.xml"].count("<entry>") == 1


def test_split_gives_each_brief_its_own_actor() -> None:
    pages = site(story(), (Edit("Paul Martin", split=(Split("Paul Martin (footballeur)", ("b",)),)),))
    assert appearances(pages["actors/paul-martin.md"]) == ["a"]
    assert appearances(pages["actors/paul-martin-footballeur.md"]) == ["b"]
    assert "(../actors/paul-martin-footballeur.md)" in pages["briefs/b.md"]
    assert "paul-martin-footballeur" not in pages["briefs/a.md"]
    assert "actors/paul-martin-footballeur.md)" in pages["actors/index.md"]
    assert pages["feeds/actors/paul-martin-footballeur.xml"].count("<entry>") == 1
    assert "briefs/a/" not in pages["feeds/actors/paul-martin-footballeur.xml"]


def test_rename_moves_the_page_and_every_link_to_it() -> None:
    pages = site(story(), (Edit("Scientology", rename="Church of Scientology"),))
    assert "actors/scientology.md" not in pages and "feeds/actors/scientology.xml" not in pages
    assert "# Church of Scientology" in pages["actors/church-of-scientology.md"]
    assert "[Church of Scientology](../actors/church-of-scientology.md)" in line(pages["briefs/b.md"], "- **Lieux**")
    assert "Scientology](" not in pages["briefs/b.md"].replace("Church of Scientology](", "")
    assert "[Church of Scientology](../actors/church-of-scientology.md)" in pages["actors/index.md"]
    assert "Church of Scientology" in pages["feeds/actors/church-of-scientology.xml"]


def test_type_moves_the_actor_on_every_page() -> None:
    pages = site(story(), (Edit("Jordan", type="person"), Edit("Scientology", type="organization")))
    assert "jordan" not in line(pages["briefs/a.md"], "- **Lieux**")
    assert "scientology" not in line(pages["briefs/b.md"], "- **Lieux**")
    assert "| [Jordan](../actors/jordan.md) (acteur clé) | personne |" in pages["briefs/a.md"]
    assert "| [Scientology](../actors/scientology.md) (acteur clé) | organisation |" in pages["briefs/b.md"]
    assert line(pages["actors/jordan.md"], "- **Type**").endswith(" personne")
    assert "| [Jordan](../actors/jordan.md) | personne |" in pages["actors/index.md"]
    assert "jordan" not in pages["places/index.md"] and "scientology" not in pages["places/index.md"]
    # A key person is a tag of its brief, as any key actor that is not a place.
    assert "[Jordan](../tags/jordan.md)" in line(pages["briefs/a.md"], "**Étiquettes**")


def test_hide_leaves_the_actor_out_of_every_page() -> None:
    pages = site(story(), (Edit("Sheriff", hide=True),))
    assert not [p for p in pages if "sheriff" in p]
    for path in ("briefs/a.md", "briefs/b.md"):
        assert "Sheriff" not in line(pages[path], "- **Lieux**")
    assert "Sheriff" not in line(pages["briefs/a.md"], "- **Sources citées**")
    assert "sheriff" not in pages["actors/index.md"].lower() and "sheriff" not in pages["places/index.md"].lower()


def test_description_is_shown_on_the_actor_page_only() -> None:
    pages = site(story(), (Edit("Paul Martin", description="Maire de Lyon depuis 2020."),))
    assert "\nMaire de Lyon depuis 2020.\n" in pages["actors/paul-martin.md"]
    assert "Maire de Lyon" not in pages["briefs/a.md"]


def test_without_edits_every_name_of_the_briefs_stays() -> None:
    pages = site(story())
    assert "Sheriff" in line(pages["briefs/a.md"], "- **Lieux**")
    assert "(../actors/jordan.md)" in line(pages["briefs/a.md"], "- **Lieux**")
    assert appearances(pages["actors/east-l-a.md"]) == ["a"]


@pytest.mark.parametrize("hidden", ["Sheriff", "sheriff"])
def test_a_hidden_place_named_in_the_context_only_is_left_out(hidden: str) -> None:
    briefs = [brief("a", actor("Sheriff", "place"), actor("Lyon", "place"), places=(hidden, "Lyon", "Nulle-part"))]
    places = line(site(briefs, (Edit("Sheriff", hide=True),))["briefs/a.md"], "- **Lieux**")
    # A name that is no actor at all stays, as plain text.
    assert "Sheriff" not in places and "[Lyon]" in places and "Nulle-part" in places


# -- Types and links the pages show ---------------------------------------------------------------


def test_a_place_with_a_trailing_abbreviation_is_the_place_without_it() -> None:
    briefs = [
        brief("a", actor("Washington", "place"), places=("Washington",)),
        brief(
            "b",
            actor("Washington D.C.", "place"),
            actor("Washington", "place"),
            places=("Washington D.C.", "Washington"),
        ),
    ]
    pages = site(briefs)
    assert [p for p in pages if p.startswith("actors/washington")] == ["actors/washington-d-c.md"]
    assert line(pages["briefs/b.md"], "- **Lieux**").count("washington-d-c.md") == 1
    assert "[Washington D.C.](../actors/washington-d-c.md)" in line(pages["briefs/a.md"], "- **Lieux**")
    assert appearances(pages["actors/washington-d-c.md"]) == ["a", "b"]


@pytest.mark.parametrize("other", ["Washington State", "Paris"])
def test_a_place_with_another_word_after_it_stays_apart(other: str) -> None:
    pages = site([brief("a", actor("Washington", "place")), brief("b", actor(other, "place"))])
    assert (
        "actors/washington.md" in pages
        and len([p for p in pages if p.startswith("actors/") and p != "actors/index.md"]) == 2
    )


def mentioned(text: str, *actors: tuple[str, str, tuple[str, ...]]) -> str:
    """The annotated source text of a brief page: each actor (name, type, mentioned words) has a
    span on each of its words' first place in `text`."""
    from generator.models import Span

    made = []
    for name, type, words in actors:
        spans = tuple(Span(text.index(w), text.index(w) + len(w)) for w in words)
        made.append(Actor(re.sub(r"\W+", "-", name.lower()).strip("-"), name, type, spans=spans))
    b = Brief(id="a", title="A", lang="fr", path="a.md", text=text, date="2024-03-01", actors=tuple(made))
    page = site([b])["briefs/a.md"]
    return re.split(r'<div class="nb-source"[^>]*>', page)[1]


def test_a_name_mentioned_in_part_is_linked_whole() -> None:
    source = mentioned("Hier, Donald Trump a parlé.", ("Donald Trump", "person", ("Trump",)))
    assert "[Donald Trump](../actors/donald-trump.md) a parlé" in source
    # A mention that is the name already, or a short form with nothing of the name around it, stays.
    source = mentioned("Selon Trump, rien.", ("Donald Trump", "person", ("Trump",)))
    assert "Selon [Trump](../actors/donald-trump.md), rien." in source


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Wagner dément. Le groupe a démenti.", ("Wagner", "Le groupe")),
        ("Wagner dément. The group denied it.", ("Wagner", "The group")),
    ],
)
def test_a_description_is_not_linked_as_if_it_were_the_name(text: str, words: tuple[str, ...]) -> None:
    source = mentioned(text, ("Wagner", "organization", words))
    assert "[Wagner](../actors/wagner.md) dément." in source
    assert f"[{words[1]}]" not in source and f" {words[1]} " in source


def test_a_description_holding_another_actors_name_links_that_name_only() -> None:
    text = "Il a promu un président parallèle à Maduro, Juan Guaidó."
    source = mentioned(
        text,
        ("Juan Guaidó", "person", ("président parallèle à Maduro", "Juan Guaidó")),
        ("Nicolás Maduro", "person", ("Maduro",)),
    )
    assert (
        "un président parallèle à [Maduro](../actors/nicolas-maduro.md), [Juan Guaidó](../actors/juan-guaido.md)."
        in source
    )
