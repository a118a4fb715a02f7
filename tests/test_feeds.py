"""Feeds: valid Atom (RFC 4287) and RSS 2.0, escaped text, absolute links with site_url, ids that
do not depend on the address, and a date for every entry (never 1970)."""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.config import Config
from generator.corpus import aggregate
from generator.models import Actor, Brief, Context, Quote
from generator.render import page_url, render_site

ROOT = Path(__file__).resolve().parent.parent
NS = {"a": "http://www.w3.org/2005/Atom"}


def briefs() -> list[Brief]:
    hostile = "<script>alert(1)</script> & ]]> \x00\x0b"
    return [
        Brief(
            id="lyon",
            title="Lyon « vélo » & co",
            lang="fr",
            path="lyon.md",
            text="…",
            summary="Un plan.",
            date="2024-03-04",
            source="Journal",
            actors=(Actor("doucet", "Grégory Doucet", "person", aliases=("Doucet",), mentions=2, key=True),),
            quotes=(Quote("Chaque quartier sera relié", 0, 5, speaker="doucet"),),
        ),
        Brief(
            id="hostile",
            title=hostile,
            lang="fr",
            path="hostile.md",
            text="…",
            summary=hostile,
            source=hostile,
            actors=(Actor("doucet", "Doucet", "person", mentions=1),),
        ),
        Brief(
            id="vote",
            title="Le vote",
            lang="fr",
            path="vote.md",
            text="…",
            summary="Vote.",
            date="2024-03-18",
            actors=(Actor("doucet", "Grégory Doucet", "person", mentions=1),),
        ),
    ]


def feeds(site_url: str | None, extra: tuple[Brief, ...] = (), suffix: str = ".xml") -> dict[str, ET.Element]:
    pages = render_site(
        aggregate([*briefs(), *extra]),
        Config(templates_dir=ROOT / "templates", site_url=site_url, site_name="Mon <site>"),
    )
    return {path: ET.fromstring(text.encode("utf-8")) for path, text in pages.items() if path.endswith(suffix)}


@pytest.mark.parametrize("site_url", ["https://example.org/news/", None])
def test_every_feed_is_valid_atom(site_url: str | None) -> None:
    found = feeds(site_url)
    assert set(found) == {"feeds/briefs.xml", "feeds/actors/gregory-doucet.xml"}
    for path, feed in found.items():
        assert feed.tag == "{http://www.w3.org/2005/Atom}feed", path
        for required in ("a:id", "a:title", "a:updated", "a:author/a:name", "a:link[@rel='self']"):
            assert feed.find(required, NS) is not None, (path, required)
        for entry in feed.findall("a:entry", NS):
            for required in ("a:id", "a:title", "a:updated", "a:link[@rel='alternate']", "a:summary"):
                assert entry.find(required, NS) is not None, (path, required)
            assert entry.findtext("a:updated", namespaces=NS).endswith("T00:00:00Z")


def test_site_feed_is_newest_first_with_absolute_links() -> None:
    feed = feeds("https://example.org/news")["feeds/briefs.xml"]
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries][:2] == ["Le vote", "Lyon « vélo » & co"]
    assert entries[0].find("a:link", NS).get("href") == "https://example.org/news/briefs/vote/"
    assert entries[0].findtext("a:id", namespaces=NS) == "urn:newsbrief:mon-site:briefs/vote"
    assert feed.find("a:link[@rel='self']", NS).get("href") == "https://example.org/news/feeds/briefs.xml"
    assert feed.findtext("a:updated", namespaces=NS) == "2024-03-18T00:00:00Z"
    assert feed.findtext("a:author/a:name", namespaces=NS) == "Mon <site>"


def test_feeds_without_site_url_link_relative_to_the_feed() -> None:
    feed = feeds(None)["feeds/actors/gregory-doucet.xml"]
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == "../../actors/gregory-doucet/"
    first = feed.find("a:entry", NS)
    assert first.find("a:link", NS).get("href") == "../../briefs/vote/"
    assert first.findtext("a:id", namespaces=NS) == "urn:newsbrief:mon-site:briefs/vote"


def test_actor_feed_has_their_quotes_and_appearances() -> None:
    feed = feeds("https://example.org/")["feeds/actors/gregory-doucet.xml"]
    entries = {
        e.findtext("a:title", namespaces=NS): e.findtext("a:summary", namespaces=NS)
        for e in feed.findall("a:entry", NS)
    }
    assert len(entries) == 3
    assert entries["Lyon « vélo » & co"].startswith("« Chaque quartier sera relié »")
    assert feed.findtext("a:title", namespaces=NS) == "Grégory Doucet — Mon <site>"


def test_article_text_is_escaped_and_cleaned() -> None:
    pages = render_site(aggregate(briefs()), Config(templates_dir=ROOT / "templates"))
    text = pages["feeds/briefs.xml"]
    assert "<script>" not in text and "&lt;script&gt;" in text and "\x00" not in text and "\x0b" not in text
    titles = [e.findtext("a:title", namespaces=NS) for e in ET.fromstring(text).findall("a:entry", NS)]
    assert "<script>alert(1)</script> & ]]> " in titles


def ids(feed: ET.Element) -> list[str | None]:
    """The ids of an Atom feed and of its entries, or the guids of an RSS feed's items."""
    if feed.tag == "rss":
        return [g.text for g in feed.iter("guid")]
    return [feed.findtext("a:id", namespaces=NS)] + [
        e.findtext("a:id", namespaces=NS) for e in feed.findall("a:entry", NS)
    ]


@pytest.mark.parametrize("suffix", [".xml", ".rss"])
def test_ids_are_the_same_whatever_the_address(suffix: str) -> None:
    """No site_url (`mkdocs build`), the dev server's (`mkdocs serve`), the published one."""
    built = {path: ids(feed) for path, feed in feeds(None, suffix=suffix).items()}
    assert built and all(all(i and i.startswith("urn:newsbrief:mon-site:") for i in v) for v in built.values())
    for site_url in ("http://127.0.0.1:8000/", "https://example.org/news/"):
        assert {path: ids(feed) for path, feed in feeds(site_url, suffix=suffix).items()} == built


UNDATED = Brief(
    id="sans-date",
    title="Sans date",
    lang="fr",
    path="sans-date.md",
    text="…",
    summary="Rien.",
    actors=(Actor("doucet", "Grégory Doucet", "person", mentions=1),),
    context=Context(reference_date="2024-02-29", reference="file"),
)


def test_an_undated_brief_is_dated_by_its_file() -> None:
    atom = feeds(None, (UNDATED,))["feeds/actors/gregory-doucet.xml"]
    dates = {
        e.findtext("a:title", namespaces=NS): e.findtext("a:updated", namespaces=NS)
        for e in atom.findall("a:entry", NS)
    }
    assert dates["Sans date"] == "2024-02-29T00:00:00Z"
    rss = feeds(None, (UNDATED,), ".rss")["feeds/actors/gregory-doucet.rss"]
    days = {i.findtext("title"): i.findtext("pubDate") for i in rss.iter("item")}
    assert days["Sans date"] == "Thu, 29 Feb 2024 00:00:00 GMT"


@pytest.mark.parametrize("suffix", [".xml", ".rss"])
def test_no_feed_says_1970(suffix: str) -> None:
    """A brief with neither a date nor a file date (made by hand) takes the feed's newest date."""
    pages = render_site(aggregate(briefs()), Config(templates_dir=ROOT / "templates"))
    assert all("1970" not in text for path, text in pages.items() if path.endswith(suffix))
    site = feeds(None)["feeds/briefs.xml"]
    dates = {
        e.findtext("a:title", namespaces=NS): e.findtext("a:updated", namespaces=NS)
        for e in site.findall("a:entry", NS)
    }
    assert dates["<script>alert(1)</script> & ]]> "] == "2024-03-18T00:00:00Z"


# RFC 822 as RSS 2.0 uses it (four-digit years): "Mon, 18 Mar 2024 00:00:00 GMT".
RFC822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT"
)


@pytest.mark.parametrize("site_url", ["https://example.org/news/", None])
def test_every_rss_feed_is_valid_rss_2(site_url: str | None) -> None:
    found = feeds(site_url, suffix=".rss")
    assert set(found) == {"feeds/briefs.rss", "feeds/actors/gregory-doucet.rss"}
    for path, rss in found.items():
        assert rss.tag == "rss" and rss.get("version") == "2.0", path
        channel = rss.find("channel")
        assert channel is not None and len(rss) == 1, path
        for required in ("title", "link", "description"):
            assert (channel.findtext(required) or "").strip(), (path, required)
        assert RFC822.fullmatch(channel.findtext("lastBuildDate") or ""), path
        assert (
            channel.find("a:link[@rel='self']", NS)
            .get("href")
            .endswith(path.removeprefix("feeds/").removeprefix("actors/"))
        )
        items = channel.findall("item")
        assert len(items) == 3, path
        for item in items:
            for required in ("title", "link", "description", "guid", "pubDate"):
                assert item.find(required) is not None, (path, required)
            assert item.find("guid").get("isPermaLink") == "false"
            assert RFC822.fullmatch(item.findtext("pubDate")), item.findtext("pubDate")
            assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).utcoffset().total_seconds() == 0


def test_rss_links_are_absolute_with_site_url_and_relative_without() -> None:
    absolute = feeds("https://example.org/news/", suffix=".rss")["feeds/briefs.rss"].find("channel")
    assert absolute.findtext("link") == "https://example.org/news/"
    assert absolute.find("item").findtext("link") == "https://example.org/news/briefs/vote/"
    relative = feeds(None, suffix=".rss")["feeds/actors/gregory-doucet.rss"].find("channel")
    assert relative.findtext("link") == "../../actors/gregory-doucet/"
    assert relative.find("item").findtext("link") == "../../briefs/vote/"
    assert relative.findtext("description") == "Les citations et apparitions de Grégory Doucet dans Mon <site>"


def test_rss_text_is_escaped_and_cleaned() -> None:
    text = render_site(aggregate(briefs()), Config(templates_dir=ROOT / "templates"))["feeds/briefs.rss"]
    assert "<script>" not in text and "&lt;script&gt;" in text and "\x00" not in text and "\x0b" not in text
    titles = [i.findtext("title") for i in ET.fromstring(text).iter("item")]
    assert "<script>alert(1)</script> & ]]> " in titles


@pytest.mark.parametrize(
    ("path", "directory", "expected"),
    [
        ("index.md", True, ""),
        ("briefs/index.md", True, "briefs/"),
        ("briefs/x.md", True, "briefs/x/"),
        ("index.md", False, "index.html"),
        ("briefs/x.md", False, "briefs/x.html"),
    ],
)
def test_page_url(path: str, directory: bool, expected: str) -> None:
    assert page_url(path, directory) == expected
