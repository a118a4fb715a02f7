"""Rendering: the escaping filter against hostile text, and the pages made from a corpus."""

from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator import navigation, render
from generator.config import Config
from generator.corpus import aggregate
from generator.errors import RenderError
from generator.escape import md_escape, page_title, safe_url
from generator.langdata import load_lang
from generator.models import Actor, Background, Brief, Context, DateMention, Event, Quote, Span, Statement
from generator.render import format_date, render_site

ROOT = Path(__file__).resolve().parent.parent
# The extensions of mkdocs.yml, plus the ones MkDocs always loads.
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "fenced_code", "md_in_html"]

# The attributes of the charts and graphs drawn at build time (generator/charts.py, graph.py).
SVG_ATTRIBUTES = (
    *("viewbox", "width", "height", "role", "aria-label", "fill", "stroke", "stroke-width", "text-anchor"),
    *("xmlns:xlink", "xlink:href"),
    *("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r"),
)

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "# Pas un titre",
    "## Pas un titre non plus",
    "> pas une citation",
    "- pas une liste",
    "+ pas une liste",
    "* pas une liste",
    "1. pas une liste",
    "2024. Une année",
    "*gras* et _italique_ et **fort** et __fort__",
    "`code` et ``double``",
    "```\nbloc\n```",
    "~~~\nbloc\n~~~",
    "a | b | c",
    "Titre\n===",
    "Titre\n---",
    "    quatre espaces",
    "{{ config }} {% include 'x' %} {# c #}",
    'Un paragraphe {: onclick="alert(1)" }',
    "Texte\\ avec \\[barre\\] oblique",
    "&lt;déjà échappé&gt; &amp; &#60;",
    '!!! note "titre"\n    corps',
    "<!-- commentaire -->",
    "[réf][1]\n\n[1]: javascript:alert(1)",
    "Ligne\u2028séparée et \u202eretournée",
    "« Nous partirons », a-t-il dit\u202f!",
]


class _Tags(HTMLParser):
    """Tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text += data


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def body(page: str) -> str:
    """A page without its front matter."""
    assert page.startswith("---\n")
    return page.split("\n---\n", 1)[1]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_same_plain_text(text: str) -> None:
    parsed = _Tags()
    parsed.feed(to_html(md_escape(text)))
    assert parsed.tags == ["p"] and parsed.attrs == []
    expected = " ".join(re.sub(r"[\u2028\u202e]", " ", text).split())
    assert " ".join(parsed.text.split()) == expected.replace("\u202e", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_inert_inside_a_blockquote_a_list_and_a_table(text: str) -> None:
    safe = md_escape(text)
    for page in (f"> {safe}\n>\n> — x", f"- {safe}\n- y", f"| a | b |\n| --- | --- |\n| {safe} | z |"):
        parsed = _Tags()
        parsed.feed(to_html(page))
        assert set(parsed.tags) <= {"blockquote", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
        assert parsed.attrs == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a/b?c=d#e", "https://example.org/a/b?c=d#e"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://example.org/x", "HTTPS://example.org/x"),
        ("https://example.org/a b", None),
        ("https://example.org/a)(b){x}", "https://example.org/a%29%28b%29%7Bx%7D"),
        ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
        ("https://fr.wikinews.org/wiki/Caf%C3%A9", "https://fr.wikinews.org/wiki/Caf%C3%A9"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//evil.example/x", None),
        ("/relative/path", None),
        ("https://", None),
        ("https://exa\nmple.org", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_are_linked(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_page_title_is_escaped_html_in_a_yaml_string() -> None:
    import yaml

    title = 'A </title><script>alert("x")</script> & co'
    value = yaml.safe_load(f"title: {page_title(title)}")["title"]
    assert "<" not in value and ">" not in value
    assert html.unescape(value) == title


def quote(text: str, speaker: str | None, cue: str | None = None) -> Quote:
    return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_name=None, cue=cue, confidence=0.9)


@pytest.fixture()
def briefs() -> list[Brief]:
    lyon = Brief(
        id="lyon-velo",
        title="Lyon double ses pistes",
        lang="fr",
        path="lyon-velo.md",
        text="…",
        summary="Le maire a présenté un plan.",
        date="2024-03-04",
        source="Journal d'exemple",
        url="https://example.org/lyon",
        license="CC BY 2.5",
        author="Claire Dubois",
        actors=(
            Actor("doucet", "Grégory Doucet", "person", aliases=("Doucet",), roles=("maire",), mentions=3, key=True),
            Actor("lyon", "Lyon", "place", mentions=2),
        ),
        quotes=(
            quote("Chaque quartier sera relié au centre", "doucet", "déclarer"),
            quote("Une phrase sans locuteur connu du tout", None),
        ),
        statements=(Statement("que l'État paierait", 0, 10, speaker="doucet", cue="répondre"),),
        context=Context(dates=(DateMention("lundi 4 mars", 0, 5),), places=("Lyon",), sources=("Journal d'exemple",)),
    )
    vote = Brief(
        id="vote",
        title="Le conseil vote le plan",
        lang="fr",
        path="vote.md",
        text="…",
        summary="Vote.",
        date="2024-03-18",
        actors=(Actor("doucet", "Doucet", "person", mentions=2, key=True),),
        quotes=(quote("Nous tenons notre promesse", "doucet"),),
    )
    hostile = Brief(
        id="hostile",
        title="<script>alert(1)</script> [x](javascript:alert(2))",
        lang="fr",
        path="hostile.txt",
        text="…",
        summary="# Titre <img src=x onerror=alert(3)> {: onclick=x }",
        source="<b>gras</b>",
        url="javascript:alert(4)",
        license="CC | BY",
        author="<b>Anon</b> *x*",
        actors=(Actor("evil", "<i>Evil</i> `x`", "person", aliases=("[a](javascript:b)",)),),
        quotes=(quote("<script>alert(5)</script>\n# h", "evil", "*dire*"),),
    )
    return [lyon, vote, hostile]


@pytest.fixture()
def pages(briefs: list[Brief]) -> dict[str, str]:
    return render_site(aggregate(briefs), Config(templates_dir=ROOT / "templates"))


def test_every_page_is_made(pages: dict[str, str]) -> None:
    assert set(pages) == {
        "index.md",
        "briefs/index.md",
        "timeline/index.md",
        "network/index.md",
        "actors/index.md",
        "places/index.md",
        "tags/index.md",
        "tags/gregory-doucet.md",
        "archive/index.md",
        "archive/2024-03.md",
        "archive/undated.md",
        "briefs/lyon-velo.md",
        "briefs/vote.md",
        "briefs/hostile.md",
        "actors/gregory-doucet.md",
        "actors/lyon.md",
        "actors/i-evil-i-x.md",
        "feeds/briefs.xml",
        "feeds/actors/gregory-doucet.xml",
        "feeds/actors/lyon.xml",
        "feeds/actors/i-evil-i-x.xml",
        "feeds/briefs.rss",
        "feeds/actors/gregory-doucet.rss",
        "feeds/actors/lyon.rss",
        "feeds/actors/i-evil-i-x.rss",
    }
    for path, text in pages.items():
        if path.endswith(".md"):
            assert text.startswith("---\ntitle: ") and text.endswith("\n") and "\n\n\n" not in text


def test_every_link_between_pages_resolves(pages: dict[str, str]) -> None:
    found = 0
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for target in re.findall(r"\]\(([^)]+)\)", body(text)):
            if target.startswith(("http://", "https://", "#")):
                continue
            assert target.endswith((".md", ".xml", ".rss")), (path, target)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages, (path, target)
            found += 1
    assert found > 20


def test_actor_page_lists_quotes_across_briefs_newest_first(pages: dict[str, str]) -> None:
    page = pages["actors/gregory-doucet.md"]
    assert page.index("Nous tenons notre promesse") < page.index("Chaque quartier sera relié")
    assert " · 18 mars 2024 · [Le conseil vote le plan](../briefs/vote.md)\n" in page
    assert (
        "— [Grégory Doucet](../actors/gregory-doucet.md), maire · 4 mars 2024 · [Lyon double ses pistes]"
        "(../briefs/lyon-velo.md), [Journal d'exemple](https://example.org/lyon)"
    ) in page
    assert "que l'État paierait" in page
    assert "- **Autres noms**\u00a0: Doucet" in page
    assert "1. [Lyon](../actors/lyon.md) — 1 article" in page
    assert "sans locuteur" not in page


def test_brief_page_links_speakers_and_shows_the_licence(pages: dict[str, str]) -> None:
    page = pages["briefs/lyon-velo.md"]
    assert "**Source**\u00a0: [Journal d'exemple](https://example.org/lyon) · **Auteur**\u00a0: Claire Dubois\n" in page
    assert '!!! note "Licence"' in page and "sous licence CC BY 2.5" in page
    assert "— [Grégory Doucet](../actors/gregory-doucet.md), maire · 4 mars 2024 ·" in page
    assert "\n— locuteur non identifié ·" in page
    assert "- [Grégory Doucet](../actors/gregory-doucet.md) — maire" in page
    assert "**Lieux**\u00a0: [Lyon](../actors/lyon.md)" in page
    assert "!!! note" not in pages["briefs/vote.md"]


def test_home_and_indexes(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    assert home.index("briefs/vote.md") < home.index("briefs/lyon-velo.md") < home.index("briefs/hostile.md")
    assert "**Acteurs clés**\u00a0: [Grégory Doucet](actors/gregory-doucet.md)" in home


def test_actor_index_a_to_z_with_count_columns(pages: dict[str, str]) -> None:
    actors = pages["actors/index.md"]
    # A to Z by folded name, then names that start with no letter (the hostile "<i>Evil</i>").
    assert (
        actors.index("## G { #letter-g }")
        < actors.index("## L { #letter-l }")
        < actors.index("## \\# { #letter-other }")
    )
    assert "[G](#letter-g) · [L](#letter-l) · [\\#](#letter-other)" in actors
    assert "| Acteur | Type | Articles | Mentions | Citations |" in actors
    assert "| [Grégory Doucet](../actors/gregory-doucet.md) | personne | 2 | 5 | 2 |" in actors
    assert 'data-filter-label="Filtrer par nom"' in actors
    html_page = to_html(body(actors))
    assert html_page.count("<table>") == 3 and '<h2 id="letter-l">L</h2>' in html_page


def test_actor_letters_fold_accents_and_case() -> None:
    made = [
        Actor("e", "élysée", "organization", mentions=1),
        Actor("a", "Anne Hidalgo", "person", mentions=1),
        Actor("z", "Émile Zola", "person", mentions=1),
        Actor("n", "1er régiment", "organization", mentions=1),
    ]
    brief = Brief(id="b", title="T", lang="fr", path="b.md", text="…", summary="S", actors=tuple(made))
    letters = navigation.letters(aggregate([brief]).actors)
    assert [(x.key, [a.name for a in x.actors]) for x in letters] == [
        ("A", ["Anne Hidalgo"]),
        ("E", ["élysée", "Émile Zola"]),
        ("#", ["1er régiment"]),
    ]


# The actor index's filter box words, interface labels, for overrides/assets/actors-filter.js.
FILTER_WORDS = ("data-filter-label", "data-filter-none")


def test_hostile_text_cannot_inject(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        parsed = _Tags()
        parsed.feed(to_html(body(text)))
        assert not {"script", "img", "i", "b", "h1"} & set(parsed.tags[1:]), path
        for name, value in parsed.attrs:
            assert name in ("href", "id", "class", "style", "data-search-exclude", *FILTER_WORDS, *SVG_ATTRIBUTES), (
                path,
                name,
            )
            assert not (value or "").lower().startswith(("javascript:", "data:")), path
    assert "](javascript" not in "".join(body(p) for k, p in pages.items() if k.endswith(".md"))
    assert (
        "**Source**\u00a0: &lt;b&gt;gras&lt;/b&gt; · **Auteur**\u00a0: &lt;b&gt;Anon&lt;/b&gt; \\*x\\*\n"
        in pages["briefs/hostile.md"]
    )


def test_site_language_comes_from_the_labels(briefs: list[Brief]) -> None:
    pages = render_site(aggregate(briefs), Config(templates_dir=ROOT / "templates", site_lang="en"))
    assert "**Key actors**: [Grégory Doucet](actors/gregory-doucet.md)" in pages["index.md"]
    assert "March 18, 2024" in pages["actors/gregory-doucet.md"]


def test_home_lists_only_the_latest(briefs: list[Brief]) -> None:
    pages = render_site(aggregate(briefs), Config(templates_dir=ROOT / "templates", latest=1))
    assert "briefs/vote.md" in pages["index.md"] and "briefs/lyon-velo.md" not in pages["index.md"]


def test_labels_have_the_same_keys_in_every_language() -> None:
    assert set(load_lang("fr").labels) == set(load_lang("en").labels)


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2024-11-12", "fr", "12 novembre 2024"),
        ("2024-08-01", "fr", "1er août 2024"),
        ("2024-11-12", "en", "November 12, 2024"),
        ("pas une date", "fr", "pas une date"),
        (None, "fr", ""),
        ("2024-07", "fr", "juillet 2024"),
        ("2024-07", "en", "July 2024"),
        ("2024", "fr", "2024"),
        ("2024-13", "fr", "2024-13"),
    ],
)
def test_format_date(iso: str | None, lang: str, expected: str) -> None:
    assert format_date(iso, load_lang(lang).labels) == expected


def test_missing_templates_fall_back_to_the_defaults(
    tmp_path: Path, briefs: list[Brief], pages: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert render_site(aggregate(briefs), Config(templates_dir=tmp_path / "missing")) == pages
    monkeypatch.setattr(render, "DEFAULT_TEMPLATES", tmp_path / "none")
    with pytest.raises(RenderError, match="templates folder not found"):
        render_site(aggregate(briefs), Config(templates_dir=tmp_path / "missing"))


def test_a_project_template_overrides_the_default(tmp_path: Path, briefs: list[Brief]) -> None:
    (tmp_path / "actors.md.j2").write_text(
        "---\ntitle: x\n---\n\n# {{ corpus.actors | length }} <b>\n", encoding="utf-8"
    )
    pages = render_site(aggregate(briefs), Config(templates_dir=tmp_path))
    assert pages["actors/index.md"] == "---\ntitle: x\n---\n\n# 3 <b>\n"
    assert pages["index.md"].startswith('---\ntitle: "Derniers briefs"')


def test_template_problems_are_render_errors(tmp_path: Path, briefs: list[Brief]) -> None:
    (tmp_path / "home.md.j2").write_text("{{ nothing_here }}", encoding="utf-8")
    with pytest.raises(RenderError, match="nothing_here"):
        render_site(aggregate(briefs), Config(templates_dir=tmp_path))


def annotated_brief() -> Brief:
    text = (
        "Le maire Grégory Doucet a déclaré : « Chaque quartier sera relié <b>au</b> centre ».\n\n"
        "# Pas un titre [x](javascript:y) selon Doucet."
    )
    start = text.index("Chaque")
    return Brief(
        id="source",
        title="Source",
        lang="fr",
        path="source.md",
        text=text,
        date="2024-03-04",
        actors=(
            Actor(
                "doucet",
                "Grégory Doucet",
                "person",
                mentions=2,
                key=True,
                spans=(
                    Span(9, 23),
                    Span(text.index("Doucet."), text.index("Doucet.") + 6),
                    Span(10, 20),
                    Span(-4, 2),
                    Span(500, 510),
                ),
            ),
        ),
        quotes=(
            Quote("Chaque quartier sera relié au centre", start, text.index(" »"), speaker="doucet"),
            Quote("hors du texte", 900, 950, speaker="doucet"),
        ),
        statements=(Statement("Pas un titre", text.index("Pas"), text.index(" [x]"), speaker="doucet"),),
    )


def test_annotation_cuts_the_text_at_the_brief_offsets() -> None:
    from generator.annotate import annotate

    brief = annotated_brief()
    paragraphs = annotate(brief)
    assert len(paragraphs) == 2
    assert "".join(p.text for p in paragraphs[0]) + "\n\n" + "".join(p.text for p in paragraphs[1]) == brief.text
    assert [p.text for p in paragraphs[0] if p.actor] == ["Grégory Doucet"]  # the overlapping span is dropped
    assert "".join(p.text for p in paragraphs[0] if p.quote == 0) == brief.quotes[0].text.replace(" au ", " <b>au</b> ")
    assert not any(p.quote == 1 for para in paragraphs for p in para)  # offsets outside the text
    assert "".join(p.text for p in paragraphs[1] if p.statement == 0) == "Pas un titre"


def test_brief_page_shows_the_annotated_source_escaped() -> None:
    brief = annotated_brief()
    page = render_site(aggregate([brief]), Config(templates_dir=ROOT / "templates"))["briefs/source.md"]
    html_page = to_html(body(page))
    assert (
        '<mark class="nb-quote" id="source-quote-1">Chaque quartier sera relié &lt;b&gt;au&lt;/b&gt; centre</mark>'
        in html_page
    )
    assert '<mark class="nb-statement" id="source-statement-1">' in html_page
    assert 'Le maire <a href="../actors/gregory-doucet.md">Grégory Doucet</a> a déclaré' in html_page
    assert 'selon <a href="../actors/gregory-doucet.md">Doucet</a>.' in html_page
    assert "[Voir la citation dans le texte source](#source-quote-1)" in page
    assert "#source-quote-2" not in page  # the quote that could not be placed has no link
    # Indexed for search (its words are found), unlike the summary and quotes that repeat it.
    assert '<div class="nb-source">' in html_page
    assert '<h2 data-search-exclude id="resume">' in html_page and '<h2 id="texte-source-annote">' in html_page
    parsed = _Tags()
    parsed.feed(html_page)
    assert not {"script", "b", "h1"} & set(parsed.tags[1:])


def test_archive_is_paginated_newest_first_by_month(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "PER_PAGE", 2)
    made = [
        Brief(
            id=f"b{i}",
            title=f"Brief {i}",
            lang="fr",
            path=f"b{i}.md",
            text="…",
            summary=f"S{i}",
            date=f"2024-0{1 + i % 2}-1{i}",
            tags=("Vélo", "vélo") if i % 2 else ("Index",),
        )
        for i in range(5)
    ]
    pages = render_site(aggregate(made), Config(templates_dir=ROOT / "templates"))
    assert {p for p in pages if p.startswith("archive/")} == {
        "archive/index.md",
        "archive/page-2.md",
        "archive/page-3.md",
        "archive/2024-02.md",
        "archive/2024-01.md",
        "archive/2024-01-page-2.md",
    }
    first = pages["archive/index.md"]
    assert first.index("briefs/b3.md") < first.index("briefs/b1.md") and "b4" not in first
    assert "Page 1 sur 3" in first and "[Page suivante →](../archive/page-2.md)" in first
    assert "[← Page précédente](../archive/index.md)" in pages["archive/page-2.md"]
    assert "- [février 2024](../archive/2024-02.md) (2)" in first
    assert "exclude: true" in first
    chronology = pages["briefs/index.md"]
    assert chronology.index("## février 2024") < chronology.index("## janvier 2024")
    assert set(p for p in pages if p.startswith("tags/")) == {"tags/index.md", "tags/velo.md", "tags/index-2.md"}
    assert "- [Vélo](../tags/velo.md) (2)" in pages["tags/index.md"]
    assert "**Étiquettes**\u00a0: [Vélo](../tags/velo.md)\n" in pages["briefs/b1.md"]


def test_places_index_and_tags_of_a_brief(pages: dict[str, str]) -> None:
    assert (
        "| [Lyon](../actors/lyon.md) | 1 | 2 | [Lyon double ses pistes](../briefs/lyon-velo.md) |"
        in pages["places/index.md"]
    )
    # Tags are the front matter tags and the key actors, each a tag page; places are not tags.
    assert "**Étiquettes**\u00a0: [Grégory Doucet](../tags/gregory-doucet.md)\n" in pages["briefs/lyon-velo.md"]
    assert "## Acteurs clés\n\n- [Grégory Doucet](../tags/gregory-doucet.md) (2)" in pages["tags/index.md"]
    assert "Lyon" not in pages["tags/index.md"] and "actors/" not in pages["tags/index.md"]


def test_a_tag_page_lists_its_briefs_as_cards(pages: dict[str, str]) -> None:
    page = pages["tags/gregory-doucet.md"]
    assert '<div class="grid cards nb-cards" markdown>' in page
    assert page.index("## [Le conseil vote le plan](../briefs/vote.md)") < page.index(
        "## [Lyon double ses pistes](../briefs/lyon-velo.md)"
    )
    assert "Le maire a présenté un plan." in page  # a card shows the summary
    assert "[Fiche de l'acteur\u00a0: Grégory Doucet](../actors/gregory-doucet.md)" in page


def test_a_front_matter_tag_naming_a_key_actor_is_one_tag() -> None:
    made = [
        Brief(
            id=f"b{i}",
            title=f"Brief {i}",
            lang="fr",
            path=f"b{i}.md",
            text="…",
            summary="S",
            tags=("grégory doucet", "Vélo"),
            actors=(
                Actor("d", "Grégory Doucet", "person", mentions=2, key=i == 0),
                Actor("l", "Lyon", "place", mentions=3),
            ),
        )
        for i in range(2)
    ]
    pages = render_site(aggregate(made), Config(templates_dir=ROOT / "templates"))
    assert {p for p in pages if p.startswith("tags/")} == {"tags/index.md", "tags/gregory-doucet.md", "tags/velo.md"}
    line = "**Étiquettes**\u00a0: [Grégory Doucet](../tags/gregory-doucet.md), [Vélo](../tags/velo.md)\n"
    assert line in pages["briefs/b0.md"] and line in pages["briefs/b1.md"]
    assert "- [Grégory Doucet](../tags/gregory-doucet.md) (2)" in pages["tags/index.md"]


def test_actor_page_links_its_feeds(pages: dict[str, str]) -> None:
    page = pages["actors/gregory-doucet.md"]
    assert 'feed: "feeds/actors/gregory-doucet.xml"' in page and 'rss: "feeds/actors/gregory-doucet.rss"' in page
    assert (
        "**Suivre Grégory Doucet**\u00a0: [flux Atom des citations et apparitions de Grégory Doucet]"
        "(../feeds/actors/gregory-doucet.xml) · [flux RSS des citations et apparitions de Grégory Doucet]"
        "(../feeds/actors/gregory-doucet.rss)"
    ) in page


def test_many_briefs_each_get_their_page() -> None:
    # How fast this renders is measured by benchmarks/site_scale.py, not asserted here.
    made = [
        Brief(
            id=f"b{i}",
            title=f"Brief {i}",
            lang="fr",
            path=f"b{i}.md",
            text="Ana Lopez parle.",
            date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            actors=(Actor(f"a{i % 300}", f"Personne {i % 300}", "person", mentions=1, key=True, spans=(Span(0, 9),)),),
        )
        for i in range(600)
    ]
    corpus = aggregate(made)
    pages = render_site(corpus, Config(templates_dir=ROOT / "templates"))
    assert len([p for p in pages if p.startswith("briefs/")]) == 601


# --- statements, dates, events and background (brief schema 2) ---------------------------------


def story() -> list[Brief]:
    """Two briefs on one story: an undated one (dates resolved from its file) and a dated one."""
    hostile = "<script>alert(1)</script> [x](javascript:y) *gras*"
    undated = Brief(
        id="scrutin",
        title="Le scrutin contesté",
        lang="fr",
        path="scrutin.md",
        text="…",
        actors=(
            Actor("maduro", "Nicolás Maduro", "person", aliases=("Maduro",), mentions=3, key=True),
            Actor("cne", "CNE", "organization", mentions=1),
        ),
        statements=(
            Statement(
                "il avait tenté un accord", 0, 5, speaker="maduro", speaker_name="Nicolás Maduro", cue="a expliqué"
            ),
            Statement(
                "il fait l'éloge de Maduro " + hostile, 6, 9, cue="selon", speaker_desc="l'un de ses conseillers"
            ),
        ),
        context=Context(
            dates=(DateMention("28 juillet", 0, 3, "2026-07-28"), DateMention("l'an dernier", 4, 8)),
            events=(
                Event(
                    "le CNE a proclamé Maduro vainqueur le 29 juillet " + hostile,
                    0,
                    4,
                    "2026-07-29",
                    "29 juillet",
                    ("cne", "maduro"),
                ),
                Event("les élections du 28 juillet", 5, 9, "2026-07-28", "28 juillet", ("ghost",)),
            ),
            background=(Background("En 2019, Guaidó s'était proclamé président " + hostile, 10, 20, "En 2019"),),
            reference_date="2026-12-02",
            reference="file",
        ),
    )
    dated = Brief(
        id="sanctions",
        title="Nouvelles sanctions",
        lang="fr",
        path="sanctions.md",
        text="…",
        date="2026-08-10",
        actors=(Actor("m", "Maduro", "person", mentions=1),),
        statements=(Statement("qu'il ne céderait pas", 0, 5, speaker="m", cue="a assuré"),),
        context=Context(
            events=(Event("Washington a annoncé des sanctions en août", 0, 4, "2026-08", "en août", ("m",)),),
            reference_date="2026-08-10",
            reference="article",
        ),
    )
    return [undated, dated]


@pytest.fixture()
def story_pages() -> dict[str, str]:
    return render_site(aggregate(story()), Config(templates_dir=ROOT / "templates"))


def test_statements_link_their_speaker_or_describe_an_unnamed_source(story_pages: dict[str, str]) -> None:
    page = story_pages["briefs/scrutin.md"]
    assert "## Déclarations rapportées" in page
    assert "- [Nicolás Maduro](../actors/nicolas-maduro.md) (a expliqué)\u00a0: il avait tenté un accord" in page
    assert "- *l'un de ses conseillers* (selon)\u00a0: il fait l'éloge de Maduro" in page
    assert "locuteur non identifié" not in page


def test_dates_show_their_value_and_a_file_date_is_said(story_pages: dict[str, str]) -> None:
    page = story_pages["briefs/scrutin.md"]
    assert "- **Dates**\u00a0: 28 juillet → 2026-07-28, l'an dernier\n" in page
    assert "- *Dates résolues d'après la date du fichier \\(2 décembre 2026\\), l'article n'étant pas daté.*" in page
    # Resolved against the article's own date: nothing to say.
    assert "Dates résolues" not in story_pages["briefs/sanctions.md"]


def test_brief_timeline_in_date_order_with_linked_actors(story_pages: dict[str, str]) -> None:
    page = story_pages["briefs/scrutin.md"]
    timeline = page[page.index("## Chronologie") : page.index("## Contexte antérieur")]
    assert timeline.index("**28 juillet 2026**") < timeline.index("**29 juillet 2026**")
    assert "le CNE a proclamé Maduro vainqueur le 29 juillet &lt;script&gt;alert\\(1\\)&lt;/script&gt;" in timeline
    assert "([CNE](../actors/cne.md), [Nicolás Maduro](../actors/nicolas-maduro.md))" in timeline
    # An actor id the brief does not hold is left out, not shown as an unknown speaker.
    assert "- **28 juillet 2026**\u00a0: les élections du 28 juillet\n" in timeline


def test_background_is_a_section_of_its_own(story_pages: dict[str, str]) -> None:
    page = story_pages["briefs/scrutin.md"]
    section = page[page.index("## Contexte antérieur") : page.index("## Texte source")]
    assert "- En 2019, Guaidó s'était proclamé président" in section and "(*En 2019*)" in section
    assert "## Contexte antérieur" not in story_pages["briefs/sanctions.md"]


def test_chronology_page_lists_every_event_by_date_across_briefs(story_pages: dict[str, str]) -> None:
    page = story_pages["timeline/index.md"]
    assert page.startswith('---\ntitle: "Chronologie des événements"')
    assert page.index("**28 juillet 2026**") < page.index("**29 juillet 2026**") < page.index("**août 2026**")
    assert "## 2026" in page
    assert (
        "- **août 2026**\u00a0: Washington a annoncé des sanctions en août "
        "([Nicolás Maduro](../actors/nicolas-maduro.md)) — [Nouvelles sanctions](../briefs/sanctions.md)"
    ) in page
    assert "[Chronologie des événements](timeline/index.md)" in story_pages["index.md"]


def test_actor_page_has_a_timeline_of_events_and_dated_statements(story_pages: dict[str, str]) -> None:
    page = story_pages["actors/nicolas-maduro.md"]
    timeline = page[page.index("## Chronologie") : page.index("## Apparaît dans")]
    lines = [line for line in timeline.splitlines() if line.startswith("- ")]
    assert [line.split("**")[1] for line in lines] == ["29 juillet 2026", "août 2026", "10 août 2026"]
    assert lines[2] == (
        "- **10 août 2026**, *a assuré*\u00a0: qu'il ne céderait pas — [Nouvelles sanctions](../briefs/sanctions.md)"
    )
    # The undated brief's statement is listed with the others, not in the timeline.
    assert "il avait tenté un accord" in page[: page.index("## Chronologie")]
    assert "il avait tenté un accord" not in timeline


def test_new_sections_in_english() -> None:
    pages = render_site(aggregate(story()), Config(templates_dir=ROOT / "templates", site_lang="en"))
    page = pages["briefs/scrutin.md"]
    assert "## Timeline" in page and "## Background" in page
    assert "- **July 28, 2026**: les élections du 28 juillet" in page
    assert "Dates resolved against the file's date \\(December 2, 2026\\), as the article is undated." in page
    assert "- **August 2026**: Washington" in pages["timeline/index.md"]


def test_hostile_statements_events_and_background_inject_nothing(story_pages: dict[str, str]) -> None:
    for path in ("briefs/scrutin.md", "actors/nicolas-maduro.md", "timeline/index.md"):
        parsed = _Tags()
        parsed.feed(to_html(body(story_pages[path])))
        assert not {"script", "img"} & set(parsed.tags), path
        allowed = ("href", "id", "class", "style", "data-search-exclude", *SVG_ATTRIBUTES)
        assert all(name in allowed for name, _ in parsed.attrs), path
        assert "](javascript" not in story_pages[path]
        assert "alert(1)</script> [x](javascript:y) *gras*" in html.unescape(parsed.text) or path != "briefs/scrutin.md"


def test_no_events_yet(pages: dict[str, str]) -> None:
    assert "Aucun événement daté pour l'instant." in pages["timeline/index.md"]
    assert "## Chronologie" not in pages["briefs/lyon-velo.md"]


def test_feed_entries_name_the_author_else_the_source(pages: dict[str, str]) -> None:
    feed = re.sub(r">\s+<", "><", pages["feeds/briefs.xml"])
    assert "<author><name>Claire Dubois</name></author>" in feed  # lyon-velo: its author
    assert "<author><name>&lt;b&gt;Anon&lt;/b&gt; *x*</name></author>" in feed
