"""Atom feeds: valid XML with the elements RFC 4287 requires, escaped text, absolute links with site_url."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.config import Config
from generator.corpus import aggregate
from generator.models import Actor, Brief, Quote
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


def feeds(site_url: str | None) -> dict[str, ET.Element]:
    pages = render_site(
        aggregate(briefs()), Config(templates_dir=ROOT / "templates", site_url=site_url, site_name="Mon <site>")
    )
    return {path: ET.fromstring(text.encode("utf-8")) for path, text in pages.items() if path.endswith(".xml")}


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
    assert entries[0].findtext("a:id", namespaces=NS) == "https://example.org/news/briefs/vote/"
    assert feed.find("a:link[@rel='self']", NS).get("href") == "https://example.org/news/feeds/briefs.xml"
    assert feed.findtext("a:updated", namespaces=NS) == "2024-03-18T00:00:00Z"
    assert feed.findtext("a:author/a:name", namespaces=NS) == "Mon <site>"


def test_feeds_without_site_url_link_relative_to_the_feed() -> None:
    feed = feeds(None)["feeds/actors/gregory-doucet.xml"]
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == "../../actors/gregory-doucet/"
    first = feed.find("a:entry", NS)
    assert first.find("a:link", NS).get("href") == "../../briefs/vote/"
    assert first.findtext("a:id", namespaces=NS) == "urn:newsbrief:briefs/vote"


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
