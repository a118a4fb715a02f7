"""Atom feeds of the site: the latest briefs, and one feed per actor ("follow this person").

Feeds are built with ElementTree, so every piece of article text is XML-escaped, and characters
XML 1.0 forbids are dropped. Links are absolute when the site's `site_url` is known; otherwise
they are relative to the feed file (RFC 4287 allows it, but many readers need absolute links:
set `site_url`). Pure: the feeds are returned as text and written with the pages.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
# XML 1.0 forbids most control characters, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EPOCH = "1970-01-01T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    """One feed entry: a page of the site (path under docs_dir) and what to say about it."""

    page: str
    title: str
    date: str | None
    summary: str
    author: str | None = None


def atom_feed(
    *,
    path: str,
    page: str,
    title: str,
    entries: Sequence[Entry],
    lang: str,
    author: str,
    site_url: str | None,
    page_url: Callable[[str], str],
) -> str:
    """The Atom document of `entries`, to be published at `path` (under docs_dir) for `page`.

    `page_url` turns a page path (`briefs/x.md`) into its address under the site root
    (`briefs/x/`); `site_url` makes every link absolute.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": _clean(lang)})

    def href(target: str) -> str:
        url = page_url(target) if target.endswith(".md") else target
        if site_url:
            return site_url.rstrip("/") + "/" + url
        relative = posixpath.relpath(url or ".", posixpath.dirname(path) or ".")
        return relative + "/" if url.endswith("/") or not url else relative

    def ident(target: str) -> str:
        return href(target) if site_url else "urn:newsbrief:" + target.removesuffix(".md")

    updated = max((_timestamp(e.date) for e in entries), default=EPOCH)
    _add(feed, "id", ident(page))
    _add(feed, "title", title)
    _add(feed, "updated", updated)
    _add(feed, "link", None, rel="self", type="application/atom+xml", href=href(path))
    _add(feed, "link", None, rel="alternate", type="text/html", href=href(page))
    _add(_add(feed, "author", None), "name", author)
    _add(feed, "generator", "newsbrief")
    for e in entries:
        entry = _add(feed, "entry", None)
        _add(entry, "id", ident(e.page))
        _add(entry, "title", e.title)
        _add(entry, "updated", _timestamp(e.date))
        _add(entry, "link", None, rel="alternate", type="text/html", href=href(e.page))
        if e.author:
            _add(_add(entry, "author", None), "name", e.author)
        _add(entry, "summary", e.summary, type="text")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _add(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> ET.Element:
    """A child element in the Atom namespace, with cleaned text and attributes."""
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        child.text = _clean(text)
    return child


def _clean(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold removed."""
    return _NOT_XML.sub("", str(text))


def _timestamp(date: str | None) -> str:
    """An RFC 3339 timestamp for an ISO date (midnight UTC); the epoch when there is none."""
    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return EPOCH
    return f"{day.isoformat()}T00:00:00Z"
