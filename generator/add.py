"""`newsbrief add`: turn a web page or a saved HTML file into `content/<date>-<slug>.md`.

`webpage.extract_article` (trafilatura) finds the article text and its metadata, as the build's
reader of `.html` files does; the file is written with YAML front matter
through a temporary file, never over an existing one, and an article whose URL is already in
content/ is skipped. Needs neither spaCy nor MkDocs.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .errors import NewsbriefError
from .fetch import FetchError, fetch
from .read import ARTICLE_SUFFIXES, page_language, read_front_matter
from .text import slugify
from .webpage import NotAnArticle, PageArticle, extract_article

log = logging.getLogger(__name__)

# Characters Markdown would read as markup: backslash-escaped so the saved body reads back as the
# extracted text (CommonMark lets any ASCII punctuation be escaped).
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>&!|~])")
_BLOCK_START = re.compile(r"^(\s*)([#+=>-])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")
# Tried names per slug before giving up: `-2`, `-3`…
_MAX_SUFFIX = 100


@dataclass(frozen=True)
class Outcome:
    """What `add` did with one item: `path` saved, or `skipped` (already there), or `error`."""

    item: str
    path: Path | None = None
    skipped: str | None = None
    error: NewsbriefError | None = None


def extract(html: bytes | str, source: str, url: str | None = None, default_lang: str = "fr") -> PageArticle:
    """The article of an HTML page as it is saved: its language told, a title always (the
    address when the page gives none); `source` names it in errors, `url` is where it was fetched."""
    try:
        page = extract_article(html, url=url)
        lang = page_language(page.lang, page.text, default_lang, source)
    except NotAnArticle as exc:
        raise FetchError(str(exc), source) from exc
    except NewsbriefError as exc:
        raise FetchError(exc.message, source) from exc
    return replace(page, lang=lang, title=page.title or page.url or source)


def markdown_body(text: str) -> str:
    """The text as a Markdown body that reads back as the same text: markup characters escaped."""
    lines = []
    for line in text.splitlines():
        line = _INLINE_MARKUP.sub(r"\\\1", line)
        line = _LIST_NUMBER.sub(r"\1\\\2", line, count=1)
        lines.append(_BLOCK_START.sub(r"\1\\\2", line, count=1))
    return "\n".join(lines)


def article_file(article: PageArticle) -> str:
    """The Markdown file of an article: YAML front matter (safe_dump of a dict) and its body."""
    head = yaml.safe_dump(article.front_matter(), allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n\n{markdown_body(article.text)}\n"


def known_urls(content_dir: Path) -> dict[str, Path]:
    """The `url:` of every Markdown article already in `content_dir` -> its file."""
    urls: dict[str, Path] = {}
    if not content_dir.is_dir():
        return urls
    for path in sorted(content_dir.rglob("*")):
        if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
            continue
        try:
            url = read_front_matter(path).get("url")
        except NewsbriefError as exc:  # a broken article is the build's to report, not add's
            log.debug("%s", exc)
            continue
        if isinstance(url, str) and url.strip():
            urls[url.strip()] = path
    return urls


def save(article: PageArticle, content_dir: Path) -> Path:
    """Write the article as `<date>-<slug>.md` (`-2`, `-3`… when taken): a temporary file first,
    then linked to its name, which fails rather than replace a file that appeared meanwhile."""
    content_dir.mkdir(parents=True, exist_ok=True)
    stem = slugify(article.title, fallback="article")
    if article.date:
        stem = f"{article.date}-{stem}"
    fd, tmp = tempfile.mkstemp(prefix=".add-", suffix=".tmp", dir=content_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(article_file(article))
        for n in range(1, _MAX_SUFFIX + 1):
            target = content_dir / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            return target
        raise FetchError(f"{_MAX_SUFFIX} files named {stem}*.md already: rename some", article.url or stem)
    finally:
        os.unlink(tmp)


def add(items: Iterable[str], content_dir: Path, *, default_lang: str = "fr") -> list[Outcome]:
    """Add each URL or HTML file to `content_dir`; one failed item never stops the others."""
    urls = known_urls(content_dir)
    outcomes = []
    for item in items:
        if item in urls:  # asked again for the same address: no need to fetch it
            outcomes.append(Outcome(item, skipped=f"already in {urls[item]}"))
            continue
        try:
            article = _extract_item(item, default_lang)
            if article.url and article.url in urls:
                outcomes.append(Outcome(item, skipped=f"already in {urls[article.url]}"))
                continue
            path = save(article, content_dir)
        except NewsbriefError as exc:
            outcomes.append(Outcome(item, error=exc))
            continue
        if article.url:
            urls[article.url] = path
        outcomes.append(Outcome(item, path=path))
    return outcomes


def _extract_item(item: str, default_lang: str) -> PageArticle:
    """The article of a URL (fetched) or of a saved HTML file."""
    if item.startswith(("http://", "https://")):
        page = fetch(item)
        return extract(page.content, item, url=page.url, default_lang=default_lang)
    path = Path(item)
    if path.suffix.lower() not in (".html", ".htm"):
        raise FetchError("not a URL (http:// or https://) nor an .html file", item)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FetchError(f"cannot be read: {exc.strerror or exc}", item) from exc
    return extract(raw, item, default_lang=default_lang)
