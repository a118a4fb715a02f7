"""Rendering: the escaping filter against hostile text, and the pages made from a corpus."""

from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.config import Config
from generator.corpus import aggregate
from generator.errors import RenderError
from generator.escape import md_escape, page_title, safe_url
from generator.langdata import load_lang
from generator.models import Actor, Brief, Context, DateMention, Quote, Statement
from generator import render
from generator.render import format_date, render_site

ROOT = Path(__file__).resolve().parent.parent
# The extensions of mkdocs.yml, plus the ones MkDocs always loads.
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "fenced_code", "md_in_html"]

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
    "Un paragraphe {: onclick=\"alert(1)\" }",
    "Texte\\ avec \\[barre\\] oblique",
    "&lt;déjà échappé&gt; &amp; &#60;",
    "!!! note \"titre\"\n    corps",
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
    return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_name=None, cue=cue)


@pytest.fixture()
def briefs() -> list[Brief]:
    lyon = Brief(
        id="lyon-velo", title="Lyon double ses pistes", lang="fr", path="lyon-velo.md", text="…",
        summary="Le maire a présenté un plan.", date="2024-03-04", source="Journal d'exemple",
        url="https://example.org/lyon", license="CC BY 2.5",
        actors=(Actor("doucet", "Grégory Doucet", "person", aliases=("Doucet",), roles=("maire",),
                      mentions=3, key=True),
                Actor("lyon", "Lyon", "place", mentions=2)),
        quotes=(quote("Chaque quartier sera relié au centre", "doucet", "déclarer"),
                quote("Une phrase sans locuteur connu du tout", None)),
        statements=(Statement("que l'État paierait", 0, 10, speaker="doucet", cue="répondre"),),
        context=Context(dates=(DateMention("lundi 4 mars", 0, 5),), places=("Lyon",),
                        sources=("Journal d'exemple",)),
    )
    vote = Brief(
        id="vote", title="Le conseil vote le plan", lang="fr", path="vote.md", text="…",
        summary="Vote.", date="2024-03-18",
        actors=(Actor("doucet", "Doucet", "person", mentions=2, key=True),),
        quotes=(quote("Nous tenons notre promesse", "doucet"),),
    )
    hostile = Brief(
        id="hostile", title="<script>alert(1)</script> [x](javascript:alert(2))", lang="fr",
        path="hostile.txt", text="…", summary="# Titre <img src=x onerror=alert(3)> {: onclick=x }",
        source="<b>gras</b>", url="javascript:alert(4)", license="CC | BY",
        actors=(Actor("evil", "<i>Evil</i> `x`", "person", aliases=("[a](javascript:b)",)),),
        quotes=(quote("<script>alert(5)</script>\n# h", "evil", "*dire*"),),
    )
    return [lyon, vote, hostile]


@pytest.fixture()
def pages(briefs: list[Brief]) -> dict[str, str]:
    return render_site(aggregate(briefs), Config(templates_dir=ROOT / "templates"))


def test_every_page_is_made(pages: dict[str, str]) -> None:
    assert set(pages) == {
        "index.md", "briefs/index.md", "actors/index.md",
        "briefs/lyon-velo.md", "briefs/vote.md", "briefs/hostile.md",
        "actors/gregory-doucet.md", "actors/lyon.md", "actors/i-evil-i-x.md",
    }
    for text in pages.values():
        assert text.startswith("---\ntitle: ") and text.endswith("\n") and "\n\n\n" not in text


def test_every_link_between_pages_resolves(pages: dict[str, str]) -> None:
    found = 0
    for path, text in pages.items():
        for target in re.findall(r"\]\(([^)]+)\)", body(text)):
            if target.startswith(("http://", "https://")):
                continue
            assert target.endswith(".md"), (path, target)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages, (path, target)
            found += 1
    assert found > 20


def test_actor_page_lists_quotes_across_briefs_newest_first(pages: dict[str, str]) -> None:
    page = pages["actors/gregory-doucet.md"]
    assert page.index("> Nous tenons notre promesse") < page.index("> Chaque quartier sera relié")
    assert "— [Le conseil vote le plan](../briefs/vote.md), 18 mars 2024" in page
    assert "— [Lyon double ses pistes](../briefs/lyon-velo.md), 4 mars 2024, *déclarer*" in page
    assert "que l'État paierait" in page
    assert "- **Autres noms**\u00a0: Doucet" in page
    assert "- [Lyon](../actors/lyon.md) — 1 article" in page
    assert "sans locuteur" not in page


def test_brief_page_links_speakers_and_shows_the_licence(pages: dict[str, str]) -> None:
    page = pages["briefs/lyon-velo.md"]
    assert "**Source**\u00a0: [Journal d'exemple](https://example.org/lyon)" in page
    assert '!!! note "Licence"' in page and "sous licence CC BY 2.5" in page
    assert "> — [Grégory Doucet](../actors/gregory-doucet.md), *déclarer*" in page
    assert "> — locuteur non identifié" in page
    assert "- [Grégory Doucet](../actors/gregory-doucet.md) — maire" in page
    assert "**Lieux**\u00a0: [Lyon](../actors/lyon.md)" in page
    assert "!!! note" not in pages["briefs/vote.md"]


def test_home_and_indexes(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    assert home.index("briefs/vote.md") < home.index("briefs/lyon-velo.md") < home.index("briefs/hostile.md")
    assert "**Acteurs clés**\u00a0: [Grégory Doucet](actors/gregory-doucet.md)" in home
    actors = pages["actors/index.md"]
    assert actors.index("## Personnes") < actors.index("## Lieux")
    assert "| [Grégory Doucet](../actors/gregory-doucet.md) | 2 | 5 | 2 |" in actors


def test_hostile_text_cannot_inject(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        parsed = _Tags()
        parsed.feed(to_html(body(text)))
        assert not {"script", "img", "i", "b", "h1"} & set(parsed.tags[1:]), path
        for name, value in parsed.attrs:
            assert name in ("href", "id", "class", "style"), (path, name)
            assert not (value or "").lower().startswith(("javascript:", "data:")), path
    assert "](javascript" not in "".join(body(p) for p in pages.values())
    assert "**Source**\u00a0: &lt;b&gt;gras&lt;/b&gt;\n" in pages["briefs/hostile.md"]


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
    [("2024-11-12", "fr", "12 novembre 2024"), ("2024-08-01", "fr", "1er août 2024"),
     ("2024-11-12", "en", "November 12, 2024"), ("pas une date", "fr", "pas une date"), (None, "fr", "")],
)
def test_format_date(iso: str | None, lang: str, expected: str) -> None:
    assert format_date(iso, load_lang(lang).labels) == expected


def test_missing_templates_fall_back_to_the_defaults(tmp_path: Path, briefs: list[Brief],
                                                    pages: dict[str, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert render_site(aggregate(briefs), Config(templates_dir=tmp_path / "missing")) == pages
    monkeypatch.setattr(render, "DEFAULT_TEMPLATES", tmp_path / "none")
    with pytest.raises(RenderError, match="templates folder not found"):
        render_site(aggregate(briefs), Config(templates_dir=tmp_path / "missing"))


def test_a_project_template_overrides_the_default(tmp_path: Path, briefs: list[Brief]) -> None:
    (tmp_path / "actors.md.j2").write_text("---\ntitle: x\n---\n\n# {{ corpus.actors | length }} <b>\n",
                                           encoding="utf-8")
    pages = render_site(aggregate(briefs), Config(templates_dir=tmp_path))
    assert pages["actors/index.md"] == "---\ntitle: x\n---\n\n# 3 <b>\n"
    assert pages["index.md"].startswith("---\ntitle: \"Derniers briefs\"")


def test_template_problems_are_render_errors(tmp_path: Path, briefs: list[Brief]) -> None:
    (tmp_path / "home.md.j2").write_text("{{ nothing_here }}", encoding="utf-8")
    with pytest.raises(RenderError, match="nothing_here"):
        render_site(aggregate(briefs), Config(templates_dir=tmp_path))
