"""The reader's site in a real browser: names in the site's language, editors' corrections on
every page, quote cards, charts and graphs, and every page type at desktop and phone width.

Same setup as test_browser.py (headless Debian Chromium driven by Playwright, the sample content
built with site_url set and served on 127.0.0.1); screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from test_browser import ARTIFACTS, browser_page, server  # noqa: F401 - the fixtures of the built site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SEED = "briefs/maduro-trump-securite/"


def text_of(page: object) -> str:
    """The visible text of the page's main content."""
    return page.locator(".md-content").inner_text()


def test_the_french_site_names_countries_in_french(server: str, browser_page: tuple) -> None:
    page, errors, outside = browser_page
    page.set_viewport_size(DESKTOP)
    page.goto(server + "places/")
    places = text_of(page)
    assert "États-Unis" in places and "United States" not in places
    # An English article's page, on the French site, names the country in French too.
    page.goto(server + "briefs/2017-07-21-en-01/")
    assert "États-Unis" in text_of(page)
    assert page.locator('.md-content a[href$="actors/etats-unis/"]').count() >= 1
    assert not errors and not outside


def test_editors_corrections_show_on_every_page(server: str, browser_page: tuple) -> None:
    """content/actors.yml merges "East L.A." into East Los Angeles, retypes Scientology as an
    organisation and hides "Sheriff": the places index, the actors index, the brief, the actor
    page and the search index all show the corrected corpus."""
    page, errors, outside = browser_page
    page.set_viewport_size(DESKTOP)
    page.goto(server + "places/")
    for gone in ("scientology", "sheriff", "east-l-a"):
        assert page.locator(f'.md-content a[href$="actors/{gone}/"]').count() == 0, gone
    assert page.locator('.md-content a[href$="actors/east-los-angeles/"]').count() == 1

    page.goto(server + "actors/")
    # Scientology's row in the A–Z index says "organisation".
    row = page.locator("tr", has=page.locator('a[href$="scientology/"]'))
    assert row.count() == 1 and "organisation" in row.inner_text()
    assert page.locator('.md-content a[href$="actors/sheriff/"]').count() == 0

    page.goto(server + "actors/east-los-angeles/")
    briefs = page.locator('.md-content a[href*="briefs/2010-10-09-en-02/"]')
    assert briefs.count() >= 1
    listed = [a for a in briefs.all() if a.inner_text().startswith("Scientology defector")]
    assert len({a.get_attribute("href") for a in listed}) == 1

    page.goto(server + "briefs/2010-10-09-en-02/")
    assert page.locator('.md-content a[href$="actors/sheriff/"]').count() == 0
    assert page.locator('.md-content a[href$="actors/east-los-angeles/"]').count() >= 1
    response = page.request.get(server + "actors/sheriff/")
    assert response.status == 404

    index = json.loads(page.request.get(server + "search/search_index.json").text())
    locations = {d["location"] for d in index["docs"]}
    assert not any(loc.startswith("actors/sheriff/") for loc in locations)
    assert any(loc.startswith("actors/east-los-angeles/") for loc in locations)
    assert not errors and not outside


def test_quotes_are_cards_and_the_timeline_leads_to_the_archive(server: str, browser_page: tuple) -> None:
    """Nine quotes on one brief are nine cards, each with its speaker and a way back to the words
    in the source text; the timeline's periods are links to archive pages that exist."""
    page, errors, outside = browser_page
    page.set_viewport_size(DESKTOP)
    page.goto(server + "briefs/2012-07-06-fr-01/")
    cards = page.locator(".md-content figure.nb-quote")
    assert cards.count() == 9
    for card in cards.all():
        assert card.locator("blockquote").inner_text().strip()
        assert card.locator("figcaption").inner_text().startswith("—")
    anchors = page.locator('.md-content figure.nb-quote a[href^="#source-quote-"]')
    assert anchors.count() >= 1
    target = anchors.first.get_attribute("href")
    assert page.locator(f"mark{target}").count() == 1

    page.goto(server + "timeline/")
    assert page.locator(".md-content .nb-chart svg").count() == 1
    periods = page.locator('.md-content li a[href*="archive/"]')
    assert periods.count() >= 5
    for link in periods.all():
        assert page.request.get(link.evaluate("a => a.href")).status == 200
    assert not errors and not outside


@pytest.mark.parametrize(("name", "size"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_every_page_type_fits_and_is_saved_as_a_screenshot(
    server: str, browser_page: tuple, name: str, size: dict[str, int]
) -> None:
    """Home, a brief, an actor page, the actors index and the timeline: no page wider than the
    screen at 390 px, no request leaving 127.0.0.1; a screenshot of each for a person to look at."""
    page, errors, outside = browser_page
    page.set_viewport_size(size)
    ARTIFACTS.mkdir(exist_ok=True)
    for label, path in [
        ("home", ""),
        ("brief", SEED),
        ("actor", "actors/nicolas-maduro/"),
        ("actors", "actors/"),
        ("timeline", "timeline/"),
    ]:
        page.goto(server + path)
        assert urlsplit(page.url).path.endswith("/" + path)
        wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 1, f"{label} is {wide} px wider than a {size['width']} px screen"
        page.screenshot(path=str(ARTIFACTS / f"{label}-{name}.png"), full_page=True)
        page.screenshot(path=str(ARTIFACTS / f"{label}-{name}-first-screen.png"))
    assert not errors and not outside
