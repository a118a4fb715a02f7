"""Feeds of the site, in Atom and RSS 2.0: the latest briefs, and one feed per actor ("follow this person").

Feeds are built with ElementTree, so every piece of article text is XML-escaped, and characters
XML 1.0 forbids are dropped. Links are absolute when the site's `site_url` is known; otherwise
they are relative to the feed file (many readers need absolute links: set `site_url`). Entry ids
never depend on the address: `urn:newsbrief:<site>:<page>` is the same for `mkdocs serve`,
`mkdocs build` and any `site_url`, so a reader does not show a brief twice when the site moves.
Pure: the feeds are returned as text and written with the pages.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import Brief
from .text import slugify

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# XML 1.0 forbids most control characters, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


@dataclass(frozen=True)
class Entry:
    """One feed entry: a page of the site (path under docs_dir) and what to say about it."""

    page: str
    title: str
    date: str | None
    summary: str
    author: str | None = None


@dataclass(frozen=True)
class Feed:
    """What a feed says, whatever its format: the page it follows (path under docs_dir), its
    entries newest first, and the site it belongs to."""

    page: str
    title: str
    description: str
    entries: Sequence[Entry]
    lang: str
    site_name: str
    site_url: str | None


def entry_date(brief: Brief) -> str | None:
    """The day a brief is dated in the feeds: its own date, else its file's (`context.reference_date`
    is the file's modification day for an undated article)."""
    return brief.date or brief.context.reference_date


def feed_id(site_name: str, page: str) -> str:
    """The id of a page in the feeds, from the site's name and the page's path, never its address."""
    return f"urn:newsbrief:{slugify(site_name, fallback='site')}:{page.removesuffix('.md')}"


def atom_feed(feed: Feed, *, path: str, page_url: Callable[[str], str]) -> str:
    """The Atom document of `feed`, to be published at `path` (under docs_dir).

    `page_url` turns a page path (`briefs/x.md`) into its address under the site root (`briefs/x/`).
    """
    href = _linker(feed.site_url, path, page_url)
    days = _days(feed.entries)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: _clean(feed.lang)})
    _add(root, "id", feed_id(feed.site_name, feed.page))
    _add(root, "title", feed.title)
    _add(root, "subtitle", feed.description)
    _add(root, "updated", _rfc3339(max(days, default=_today())))
    _add(root, "link", None, rel="self", type="application/atom+xml", href=href(path))
    _add(root, "link", None, rel="alternate", type="text/html", href=href(feed.page))
    _add(_add(root, "author", None), "name", feed.site_name)
    _add(root, "generator", "newsbrief")
    for e, day in zip(feed.entries, days):
        entry = _add(root, "entry", None)
        _add(entry, "id", feed_id(feed.site_name, e.page))
        _add(entry, "title", e.title)
        _add(entry, "updated", _rfc3339(day))
        _add(entry, "link", None, rel="alternate", type="text/html", href=href(e.page))
        if e.author:
            _add(_add(entry, "author", None), "name", e.author)
        _add(entry, "summary", e.summary, type="text")
    return _serialized(root, "")


def rss_feed(feed: Feed, *, path: str, page_url: Callable[[str], str]) -> str:
    """The RSS 2.0 document of `feed`, to be published at `path` (under docs_dir).

    Each item's `guid` is the entry's id (not a permalink); `atom:link rel="self"` names the
    feed's own address, as RSS readers and validators expect.
    """
    href = _linker(feed.site_url, path, page_url)
    days = _days(feed.entries)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", href(feed.page))
    _sub(channel, "description", feed.description)
    _sub(channel, "language", feed.lang)
    _sub(channel, "lastBuildDate", _rfc822(max(days, default=_today())))
    _sub(channel, "generator", "newsbrief")
    _add(channel, "link", None, rel="self", type="application/rss+xml", href=href(path))
    for e, day in zip(feed.entries, days):
        item = ET.SubElement(channel, "item")
        _sub(item, "title", e.title)
        _sub(item, "link", href(e.page))
        _sub(item, "description", e.summary)
        _sub(item, "guid", feed_id(feed.site_name, e.page)).set("isPermaLink", "false")
        _sub(item, "pubDate", _rfc822(day))
    return _serialized(root, "atom")


def _serialized(root: ET.Element, atom_prefix: str) -> str:
    """The document of `root`, with `atom_prefix` for the Atom namespace: none in an Atom feed,
    `atom:` in an RSS one (ElementTree's prefixes are global, so they are set for each document)."""
    ET.register_namespace(atom_prefix, ATOM)
    ET.indent(root, space=" ")
    return _DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _linker(site_url: str | None, path: str, page_url: Callable[[str], str]) -> Callable[[str], str]:
    """Turns a page path or a file path (under docs_dir) into a link from the feed at `path`:
    absolute under `site_url`, else relative to the feed file."""

    def href(target: str) -> str:
        url = page_url(target) if target.endswith(".md") else target
        if site_url:
            return site_url.rstrip("/") + "/" + url
        relative = posixpath.relpath(url or ".", posixpath.dirname(path) or ".")
        return relative + "/" if url.endswith("/") or not url else relative

    return href


def _days(entries: Sequence[Entry]) -> list[dt.date]:
    """The day of each entry; one with no date at all takes the newest day of the others (else
    today's), so no entry claims 1970."""
    days = [_day(e.date) for e in entries]
    newest = max((d for d in days if d is not None), default=_today())
    return [d or newest for d in days]


def _day(date: str | None) -> dt.date | None:
    """An ISO day as a date; None for none or a malformed one."""
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None


def _today() -> dt.date:
    """Today in UTC: the date of a feed none of whose entries is dated."""
    return dt.datetime.now(dt.UTC).date()


def _rfc3339(day: dt.date) -> str:
    """Atom's timestamp of a day: midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _rfc822(day: dt.date) -> str:
    """RSS's timestamp of a day (RFC 822): midnight GMT, English day and month names."""
    return email.utils.format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), usegmt=True)


def _add(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> ET.Element:
    """A child element in the Atom namespace, with cleaned text and attributes."""
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        child.text = _clean(text)
    return child


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    """A child element without a namespace (RSS), with cleaned text."""
    child = ET.SubElement(parent, tag)
    child.text = _clean(text)
    return child


def _clean(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold removed."""
    return _NOT_XML.sub("", str(text))
