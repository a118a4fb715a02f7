"""The whole site, built with MkDocs' Python API and the project's mkdocs.yml, in strict mode."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
CONTENT = Path(__file__).resolve().parent / "content"

pytestmark = pytest.mark.slow  # full MkDocs builds


def site_config(tmp: Path, content: Path) -> Path:
    """A copy of the project's mkdocs.yml that reads `content` and writes under `tmp`."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = str(tmp / "docs")
    data["site_dir"] = str(tmp / "site")
    data["theme"]["custom_dir"] = str(ROOT / data["theme"]["custom_dir"])
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "newsbrief" in plugin:
            plugin["newsbrief"].update(
                content_dir=str(content), templates_dir=str(ROOT / "templates"), cache_dir=str(tmp / "cache")
            )
    (tmp / "docs").mkdir(exist_ok=True)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def build_site(config_file: Path) -> None:
    """`mkdocs build --strict` through the Python API."""
    config = load_config(str(config_file), strict=True)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from tests/content/; returns the project folder (docs/ and site/ inside)."""
    tmp = tmp_path_factory.mktemp("site")
    build_site(site_config(tmp, CONTENT))
    return tmp


def page(site: Path, path: str) -> str:
    return (site / "site" / path / "index.html").read_text(encoding="utf-8")


def test_every_page_is_built(site: Path) -> None:
    for path in [
        "",
        "actors",
        "briefs",
        "briefs/fr-seed-maduro-trump",
        "actors/nicolas-maduro",
        "briefs/fr-quote-attributed-with-licence",
        "actors/gregory-doucet",
    ]:
        assert (site / "site" / path / "index.html").is_file(), path
    assert not (site / "site" / ".newsbrief-manifest.json").exists()


def test_actor_page_has_the_quote_and_links_back(site: Path) -> None:
    html = page(site, "actors/gregory-doucet")
    assert "Chaque quartier sera relié au centre par une piste sûre" in html
    assert 'href="../../briefs/fr-quote-attributed-with-licence/"' in html
    # The same actor, named "Doucet" only, in the second article: one page for both.
    assert 'href="../../briefs/fr-same-actor-second-article/"' in html
    assert not (site / "site" / "actors" / "doucet").exists()
    brief = page(site, "briefs/fr-same-actor-second-article")
    assert 'href="../../actors/gregory-doucet/"' in brief


def test_licensed_brief_shows_the_attribution(site: Path) -> None:
    html = page(site, "briefs/fr-quote-attributed-with-licence")
    assert 'class="admonition note"' in html and "CC BY 4.0" in html
    assert 'href="https://example.org/lyon/pistes-cyclables"' in html


def test_hostile_articles_inject_nothing(site: Path) -> None:
    forbidden = re.compile(r"<script>alert|<img src=x|onerror=|onclick=|href=\"javascript|<b>|</title><script")
    for html_file in (site / "site").rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not forbidden.search(text), html_file
    hostile = page(site, "briefs/fr-hostile-front-matter")
    assert "<title>Titre &lt;script&gt;" in hostile
    assert "[lien](javascript:alert(1))" in hostile  # shown as text, not linked


def test_a_failing_article_fails_the_strict_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CONTENT / "fr-same-actor-second-article.md", content)
    (content / "empty.md").write_text("---\ntitle: Vide\n---\n", encoding="utf-8")
    with pytest.raises(Abort, match="strict"):
        build_site(site_config(tmp_path, content))
    # The good article was still published before MkDocs stopped.
    assert (tmp_path / "docs" / "briefs" / "fr-same-actor-second-article.md").is_file()


def test_a_bad_plugin_option_stops_the_build_with_one_message(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = site_config(tmp_path, CONTENT)
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    next(p for p in data["plugins"] if isinstance(p, dict) and "newsbrief" in p)["newsbrief"]["site_lang"] = "xx"
    config_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(Abort, match="BuildError"):
        build_site(config_file)
    assert not (tmp_path / "docs" / "index.md").exists()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "site_lang: 'xx' is not supported" in errors[0]


def test_seed_speaker_page_lists_the_quote_and_links_to_the_brief(site: Path) -> None:
    html = page(site, "actors/nicolas-maduro")
    assert "Cette administration [Biden] ne voulait pas travailler sérieusement" in html
    assert 'href="../../briefs/fr-seed-maduro-trump/"' in html
    brief = page(site, "briefs/fr-seed-maduro-trump")
    assert 'href="../../actors/nicolas-maduro/"' in brief


def test_site_language_no_third_party_requests_and_a_404_page(site: Path) -> None:
    home = page(site, "")
    assert '<html lang="fr"' in home
    assert "Page introuvable" in (site / "site" / "404.html").read_text(encoding="utf-8")
    outside = re.compile(r'(?:src|href)="(?:https?:)?//(?!example\.org)[^"]+"')
    for html_file in (site / "site").rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        # Only links readers follow may leave the site (sources, Material's credit); nothing is loaded.
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            assert not outside.search(tag), (html_file, tag)


def test_feeds_and_indexes_are_published(site: Path) -> None:
    import xml.etree.ElementTree as ET

    for path in ["archive", "places", "tags", "briefs"]:
        assert (site / "site" / path / "index.html").is_file(), path
    feed = ET.parse(site / "site" / "feeds" / "actors" / "gregory-doucet.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    actor = page(site, "actors/gregory-doucet")
    assert 'href="../../feeds/actors/gregory-doucet.xml"' in actor
    # RSS 2.0 beside Atom: published, announced in the page's <head> and linked from the page.
    for rss in ("briefs.rss", "actors/gregory-doucet.rss"):
        assert ET.parse(site / "site" / "feeds" / rss).getroot().tag == "rss", rss
    assert 'type="application/rss+xml" href="../../feeds/actors/gregory-doucet.rss"' in actor
    assert 'type="application/rss+xml" href="../../feeds/briefs.rss"' in actor
    assert actor.count('href="../../feeds/actors/gregory-doucet.rss"') == 2
    brief = page(site, "briefs/fr-quote-attributed-with-licence")
    assert '<mark class="nb-quote" id="source-quote-1">' in brief


def test_an_actors_yml_warning_fails_the_strict_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CONTENT / "fr-same-actor-second-article.md", content)
    (content / "actors.yml").write_text("actors:\n  - name: Personne Inconnue\n    hide: true\n", encoding="utf-8")
    with pytest.raises(Abort, match="strict"):
        build_site(site_config(tmp_path, content))
