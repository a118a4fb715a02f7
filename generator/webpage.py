"""The article of a web page, by trafilatura: its main text and metadata.

One extractor for both ways a page comes in: `newsbrief add` (a URL or a saved file) and the
build's reader of `.html` files in content/, so a saved page gives the same text either way.
Telling the language is left to the caller (`read.page_language`), which knows the file.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

import trafilatura

# trafilatura logs as errors what is, to newsbrief, one page without an article: reported by the
# caller, naming the page, instead of twice.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
# A page whose main text has fewer words is a menu, a list or an error page, not an article.
MIN_WORDS = 20


class NotAnArticle(ValueError):
    """The page holds no article: the message says why; the caller names the page."""


@dataclass(frozen=True)
class PageArticle:
    """What a page says about its article; every field but `text` may be missing."""

    text: str
    title: str = ""
    lang: str | None = None  # as the page declares it (`<html lang>`, og:locale…), unchecked
    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    license: str | None = None

    def front_matter(self) -> dict[str, str]:
        """The metadata as front matter fields, in reading order, the missing ones left out."""
        fields = {
            "title": self.title,
            "date": self.date,
            "lang": self.lang,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "license": self.license,
        }
        return {k: v for k, v in fields.items() if v}


def extract_article(html: bytes | str, url: str | None = None) -> PageArticle:
    """The article of an HTML page (bytes: its own charset declaration is honoured); `url` is
    where it was fetched, used when the page gives no canonical address."""
    tree = trafilatura.load_html(html)
    if tree is None:  # trafilatura expects a whole document: a saved fragment (`<p>…</p>`) is wrapped
        tree = trafilatura.load_html(
            b"<html><body>%b</body></html>" % html if isinstance(html, bytes) else f"<html><body>{html}</body></html>"
        )
    if tree is None:
        raise NotAnArticle("not an HTML page")
    found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False, fast=False)
    if found is None or isinstance(found, dict) or not (found.text or "").strip():
        raise NotAnArticle("no article text found")
    title = " ".join((found.title or "").split())
    paragraphs = [" ".join(line.split()) for line in (found.text or "").splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and paragraphs[0] == title:  # the page's <h1>, already the title
        paragraphs = paragraphs[1:]
    text = "\n\n".join(paragraphs)
    if len(text.split()) < MIN_WORDS:
        raise NotAnArticle(f"no article text found (fewer than {MIN_WORDS} words of main text)")
    return PageArticle(
        text=text,
        title=title,
        lang=tree.get("lang") or None,
        date=_iso_date(found.date),
        source=found.sitename or found.hostname or None,
        url=found.url or url,
        author=found.author or None,
        license=found.license or _license_link(tree),
    )


def _license_link(tree: Any) -> str | None:
    """The address of the page's licence (`<link rel="license">` or `<a rel="license">`), if any."""
    hrefs = tree.xpath('//link[@rel="license"]/@href | //a[@rel="license"]/@href')
    return str(hrefs[0]).strip() or None if hrefs else None


def _iso_date(value: str | None) -> str | None:
    """`2024-05-02` from what trafilatura found, or None."""
    try:
        return dt.date.fromisoformat((value or "")[:10]).isoformat()
    except ValueError:
        return None
