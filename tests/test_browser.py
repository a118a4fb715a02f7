"""End to end in a real browser: the site built from the sample content, served on 127.0.0.1.

Headless Chromium (the Debian `chromium` package) driven by Playwright. These tests are what
"done" means for the site, so they run in `make test`; they skip, saying why, only where
Chromium or Playwright is not installed (CI installs both: see .ci/run).
"""

from __future__ import annotations

import functools
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from test_site import ROOT, build_site, site_config

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED_QUOTE = "ne voulait pas travailler sérieusement"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: `make install` installs it"
)
if not CHROMIUM.is_file():
    pytest.skip(
        f"{CHROMIUM} not found: install the Debian package `chromium` (CI does, see .ci/run)", allow_module_level=True
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site; a stuck request cannot hold the test run."""

    timeout = 10

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built from content/ (with site_url set), served on a free local port; yields its address."""
    tmp = tmp_path_factory.mktemp("browser")
    (tmp / "site").mkdir()
    handler = functools.partial(_QuietHandler, directory=str(tmp / "site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    config_file = site_config(tmp, ROOT / "content")
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    data["site_url"] = base
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "newsbrief" in plugin:
            # Briefs are cached by article content and model, so the project cache is safe to share.
            plugin["newsbrief"]["cache_dir"] = str(ROOT / ".cache" / "newsbrief")
    config_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    build_site(config_file)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser_page(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """A fresh headless Chromium page; collects console errors and any request leaving 127.0.0.1."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    errors: list[str] = []
    outside: list[str] = []
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
            locale="fr-FR",
        )
        context.set_default_timeout(15_000)

        def route(r: object) -> None:
            if urlsplit(r.request.url).hostname == "127.0.0.1":
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        try:
            yield page, errors, outside
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_a_reader_goes_from_home_to_brief_to_speaker(server: str, browser_page: tuple) -> None:
    page, errors, outside = browser_page
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(server)
    assert page.get_attribute("html", "lang") == "fr"
    assert page.locator("h1").first.inner_text() == "Derniers briefs"
    cards = page.locator(".nb-cards > ul > li")
    assert cards.count() == 10
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)

    page.locator(".md-content").get_by_role(
        "link", name="Maduro propose à Trump son expérience dans la lutte contre la criminalité"
    ).click()
    page.wait_for_url("**/briefs/maduro-trump-securite/")
    assert page.locator("h1").inner_text().startswith("Maduro propose à Trump")
    # The annotated source text highlights the quote where it stands, and links mentions.
    mark = page.locator(".nb-source mark.nb-quote").first
    assert SEED_QUOTE in mark.inner_text()
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator('.nb-source a[href$="actors/nicolas-maduro/"]').count() >= 3
    page.get_by_role("link", name="Voir la citation dans le texte source").click()
    page.wait_for_url("**#source-quote-1")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "brief.png"), full_page=True)

    speaker = page.locator('.nb-quote figcaption a[href$="actors/nicolas-maduro/"]').first
    assert speaker.inner_text() == "Nicolás Maduro"
    speaker.click()
    page.wait_for_url("**/actors/nicolas-maduro/")
    assert page.locator("h1").inner_text() == "Nicolás Maduro"
    assert SEED_QUOTE in page.locator("blockquote").first.inner_text()
    feed = page.get_by_role("link", name="flux Atom des citations et apparitions de Nicolás Maduro")
    assert feed.get_attribute("href").endswith("feeds/actors/nicolas-maduro.xml")
    page.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)

    assert not errors, errors
    assert not outside, f"requests to other hosts: {outside}"


def test_cards_charts_and_graphs_fit_a_phone_and_graph_nodes_are_links(server: str, browser_page: tuple) -> None:
    page, errors, outside = browser_page
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        _fits_a_phone(server, page)
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not errors, errors
    assert not outside, f"requests to other hosts: {outside}"


def _fits_a_phone(server: str, page: Any) -> None:
    """At 390 px, the pages with cards, charts and graphs do not scroll sideways; a node opens its page."""
    for path in ("", "actors/nicolas-maduro/", "network/", "timeline/"):
        page.goto(server + path)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, (path, wide)
        for svg in page.locator(".nb-chart svg, .nb-graph svg").all():
            box = svg.bounding_box()
            assert box is not None and box["width"] > 0 and box["height"] > 0, path
    page.goto(server + "actors/nicolas-maduro/")
    card = page.locator("figure.nb-quote").first
    assert SEED_QUOTE in card.locator("blockquote").inner_text()
    assert card.locator("figcaption").get_by_role("link", name="Voir la citation dans le texte source").count() == 1
    page.screenshot(path=str(ARTIFACTS / "actor-390.png"), full_page=True)
    page.goto(server + "network/")
    page.screenshot(path=str(ARTIFACTS / "network-390.png"), full_page=True)
    # Labels of close nodes may overlap: the click is sent to the node's own link.
    page.locator('.nb-graph a[*|href$="actors/donald-trump/"]').first.dispatch_event("click")
    page.wait_for_url("**/actors/donald-trump/")
    assert page.locator("h1").inner_text() == "Donald Trump"


def test_search_finds_an_actor(server: str, browser_page: tuple) -> None:
    page, errors, outside = browser_page
    page.goto(server + "briefs/")
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    result = page.locator(".md-search-result__item a[href*='actors/juan-guaido/']").first
    # The search worker may still be indexing when the first letters arrive: type again if so.
    for attempt in range(4):
        box.click()
        box.fill("")
        box.press_sequentially("Guaidó", delay=30)
        try:
            result.wait_for(timeout=5_000)
            break
        except playwright_api.TimeoutError:
            if attempt == 3:
                raise
    assert "Juan Guaidó" in result.inner_text()
    result.click()
    page.wait_for_url("**/actors/juan-guaido/**")
    assert page.locator("h1").inner_text() == "Juan Guaidó"
    assert not errors, errors
    assert not outside, f"requests to other hosts: {outside}"


def test_the_feeds_and_the_404_page(server: str, browser_page: tuple) -> None:
    page, errors, outside = browser_page
    response = page.request.get(server + "feeds/actors/nicolas-maduro.xml")
    assert response.ok
    feed = ET.fromstring(response.body())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.get("href") for e in feed.findall("a:entry/a:link", ns)]
    assert server + "briefs/maduro-trump-securite/" in links
    discovered = page.goto(server + "actors/nicolas-maduro/") and page.locator(
        'link[rel~="alternate"][type="application/atom+xml"]'
    ).evaluate_all("ls => ls.map(l => l.href)")
    assert server + "feeds/actors/nicolas-maduro.xml" in discovered
    rss = page.locator('link[rel~="alternate"][type="application/rss+xml"]').evaluate_all("ls => ls.map(l => l.href)")
    assert {server + "feeds/actors/nicolas-maduro.rss", server + "feeds/briefs.rss"} <= set(rss)
    channel = ET.fromstring(page.request.get(server + "feeds/actors/nicolas-maduro.rss").body()).find("channel")
    assert server + "briefs/maduro-trump-securite/" in [i.findtext("link") for i in channel.iter("item")]
    page.goto(server + "404.html")
    assert page.locator("h1").inner_text() == "Page introuvable"
    assert not errors, errors
    assert not outside, f"requests to other hosts: {outside}"


def test_the_actor_index_filter_box_and_a_phone_width(server: str, browser_page: tuple) -> None:
    page, errors, outside = browser_page
    # Without JavaScript the index lists every actor, with no box: the script makes it.
    html = page.request.get(server + "actors/").text()
    assert 'class="nb-filter"' not in html and html.count('href="nicolas-maduro/"') == 1
    assert page.request.get(server + "assets/actors-filter.js").ok
    page.goto(server + "actors/")
    rows = page.locator(".nb-actors tbody tr")
    total = rows.count()
    assert total > 10 and page.locator(".nb-actors h2").count() > 3
    box = page.locator("input.nb-filter")
    assert box.get_attribute("placeholder") == "Filtrer par nom"
    box.fill("MADU")
    visible = page.locator(".nb-actors tbody tr:visible")
    assert visible.count() == 1 and "Nicolás Maduro" in visible.inner_text()
    assert [h.inner_text() for h in page.locator(".nb-actors h2:visible").all()] == ["N"]
    assert page.locator(".nb-filter-none").is_hidden()
    box.fill("zzqx")
    assert page.locator(".nb-actors tbody tr:visible").count() == 0
    assert page.locator(".nb-filter-none").is_visible()
    box.fill("")
    assert page.locator(".nb-actors tbody tr:visible").count() == total

    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.reload()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "actors-390.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page is {overflow} px wider than a 390 px screen"
        # The tables fit as well: no column is cut off behind a scroll bar (Material scrolls a
        # wide table inside its wrapper).
        for wrapper in page.locator(".nb-actors .md-typeset__scrollwrap").all():
            assert wrapper.evaluate("w => w.scrollWidth - w.clientWidth") <= 0
        assert page.locator("input.nb-filter").bounding_box()["width"] <= 390
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not errors, errors
    assert not outside, f"requests to other hosts: {outside}"
