"""The path without MkDocs: `newsbrief generate` then `zensical build` give the same site as
`mkdocs build` with the newsbrief plugin (same pages at the same addresses, same text, same feeds)."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.cli import cli
from generator.config import Config
from generator.plugin import theme_labels

ROOT = Path(__file__).resolve().parent.parent
CONTENT = Path(__file__).resolve().parent / "content"
ZENSICAL = importlib.util.find_spec("zensical") is not None
# Files of the themes themselves (Material's and Zensical's builds of it differ), and each tool's
# own search index and sitemap: the rest of the two sites must match file for file.
THEME_FILES = re.compile(r"^(assets/(javascripts|stylesheets|images)/|search/|search\.json$|sitemap\.xml)")


def test_mkdocs_yml_spells_out_the_plugin_s_404_words() -> None:
    """A build without the plugin reads the 404 page's words from mkdocs.yml: they are the plugin's."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    block = next(p["newsbrief"] for p in data["plugins"] if isinstance(p, dict) and "newsbrief" in p)
    site_lang = block.get("site_lang", Config().site_lang)
    assert data["extra"]["newsbrief_labels"] == theme_labels(site_lang)


def test_the_plugin_warns_when_mkdocs_yml_s_404_words_are_not_site_lang_s(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = project(tmp_path)
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    data["extra"]["newsbrief_labels"] = theme_labels("en")
    config_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    config = load_config(str(config_file))
    config.plugins.on_config(config)
    assert config.extra["newsbrief_labels"] == theme_labels("fr")  # the plugin's build shows the right words
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "extra.newsbrief_labels" in warnings[0]


def project(tmp: Path) -> Path:
    """A copy of the project's mkdocs.yml under `tmp`, reading tests/content/."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    # Relative to the file, as in the project: Zensical 0.0.73 panics on an absolute docs_dir.
    data["docs_dir"], data["site_dir"] = "docs", "site"
    data["theme"]["custom_dir"] = str(ROOT / data["theme"]["custom_dir"])
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "newsbrief" in plugin:
            plugin["newsbrief"].update(
                content_dir=str(CONTENT), templates_dir=str(ROOT / "templates"), cache_dir=str(tmp / "cache")
            )
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(MkDocs' site, Zensical's site), both strict builds of tests/content/ from one mkdocs.yml."""
    if not ZENSICAL:
        pytest.skip("zensical is not installed: pip install -r requirements.txt")
    tmp = tmp_path_factory.mktemp("zensical")
    config_file = project(tmp)
    result = CliRunner().invoke(cli, ["generate", "--strict", "-j", "1", "-f", str(config_file)])
    assert result.exit_code == 0, result.output
    subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f", config_file.name], cwd=tmp, check=True)
    config = load_config(str(config_file), strict=True, site_dir=str(tmp / "site-mkdocs"))
    try:
        build(config)  # with the plugin, which regenerates the same pages
    finally:
        config.plugins.on_shutdown()
    return tmp / "site-mkdocs", tmp / "site"


def site_files(site: Path) -> set[str]:
    """The files of a built site, the theme's own left out."""
    files = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return {f for f in files if not THEME_FILES.match(f)}


def main_text(site: Path, page: str) -> str:
    """The article of a page, with its links resolved from the site root and spacing evened out.

    Zensical writes a link from where the page is (`../../actors/x/`), MkDocs the shortest way
    (`../x/`); it also drops the `data-search-exclude` attributes it reads (its search index
    leaves those sections out like Material's: tested below).
    """
    html = (site / page).read_text(encoding="utf-8")
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert found, page
    text = found.group(1).replace('<a id="__skip" tabindex="-1"></a>', "")
    text = re.sub(r' data-search-exclude(="[^"]*")?', "", text)
    here = posixpath.dirname(page)

    def resolve(match: re.Match[str]) -> str:
        attr, url = match.group(1), match.group(2)
        if re.match(r"^([a-z]+:|#|/)", url):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, url)) + ("/" if url.endswith("/") else "")
        return f'{attr}="/{target.removeprefix("./")}"'

    text = re.sub(r'\b(href|src)="([^"]*)"', resolve, text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
def test_the_same_pages_at_the_same_addresses(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    pages = site_files(mkdocs_site)
    assert {"index.html", "404.html", "feeds/briefs.xml", "assets/newsbrief.css"} <= pages
    assert "briefs/fr-seed-maduro-trump/index.html" in pages
    assert site_files(zensical_site) == pages


@pytest.mark.slow
@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "briefs/index.html",
        "briefs/fr-seed-maduro-trump/index.html",
        "briefs/fr-quote-attributed-with-licence/index.html",
        "actors/index.html",
        "actors/gregory-doucet/index.html",
        "archive/index.html",
    ],
)
def test_a_page_has_the_same_main_text(sites: tuple[Path, Path], page: str) -> None:
    mkdocs_site, zensical_site = sites
    assert main_text(zensical_site, page) == main_text(mkdocs_site, page)


@pytest.mark.slow
def test_every_page_has_the_same_main_text(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    pages = sorted(p for p in site_files(mkdocs_site) if p.endswith("index.html"))
    assert [p for p in pages if main_text(zensical_site, p) != main_text(mkdocs_site, p)] == []


@pytest.mark.slow
def test_feeds_404_and_head_links_without_the_plugin(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    for feed in [*(mkdocs_site / "feeds").rglob("*.xml"), *(mkdocs_site / "feeds").rglob("*.rss")]:
        assert (zensical_site / feed.relative_to(mkdocs_site)).read_bytes() == feed.read_bytes(), feed
    not_found = (zensical_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in not_found and "<h1>Page introuvable</h1>" in not_found
    actor = (zensical_site / "actors/gregory-doucet/index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/actors/gregory-doucet.xml"' in actor  # overrides/main.html is used
    assert "assets/newsbrief.css" in actor
    assert "stylesheets/classic/" in actor  # theme.variant: Material's look, not Zensical's "modern"


@pytest.mark.slow
def test_search_indexes_the_same_sections(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    material = json.loads((mkdocs_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    zensical = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]
    assert {e["location"] for e in zensical} == {e["location"] for e in material}
    # The annotated source is in both indexes; the quotes, which repeat its words, in neither.
    assert "briefs/fr-seed-maduro-trump/#texte-source-annote" in {e["location"] for e in zensical}
    assert "briefs/fr-seed-maduro-trump/#citations" not in {e["location"] for e in zensical}
