"""The one escaping filter between article text and Markdown, and the check on outside links.

Article text is untrusted. On its way into a page it becomes one line of inert Markdown: invisible
characters are dropped (emoji sequences keep their joiners), then HTML special characters turn
into entities and Markdown punctuation is backslash-escaped, so raw HTML, links, emphasis,
headings, lists, tables, code fences and attribute lists (`{: onclick=… }`) written in an article
show as plain text.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit


class Markdown(str):
    """Text that is already safe Markdown: escaped article text or markup we wrote ourselves."""

    __slots__ = ()


# Entities for HTML, and for characters Python-Markdown cannot backslash-escape but that
# open a block ("~~~" fences, "===" setext underlines).
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "~": "&#126;", "=": "&#61;"}
# Punctuation Python-Markdown (with the tables extension MkDocs always loads) unescapes.
_PUNCTUATION = set("\\`*_{}[]()#+!|")
# Each HTML special character becomes its entity, each Markdown punctuation mark is backslashed.
_ESCAPES = str.maketrans({**{c: "\\" + c for c in _PUNCTUATION}, **_ENTITIES})
_BREAKS = re.compile(r"[ \t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]+")
_ZWJ = "\u200d"
# What may stand between an emoji and the joiner after it: the emoji presentation selector, a
# skin tone. Python has no Extended_Pictographic property; every emoji a ZWJ sequence joins
# is a "So" (other symbol) character, and keeping a joiner between two symbols opens nothing.
_EMOJI_TAIL = {"\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))}
# A subdivision flag (England, Scotland, Wales): a black flag, tag letters, a cancel tag.
_TAG_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
# "-" and "1." only open a list or a rule at the start of a line; escaping them only there
# keeps ordinary hyphens and full stops readable in the generated source.
_LINE_START = re.compile(r"^( ?)(?:(\d+)\.|-)")


def md_escape(value: Any) -> Markdown:
    """`value` as one line of inert Markdown text; already-safe `Markdown` passes unchanged."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        return Markdown("")
    return Markdown(_escape(str(value)))


@functools.lru_cache(maxsize=65536)
def _escape(text: str) -> str:
    """The escaping itself, memoised: names, labels and summaries recur on many pages."""
    # Invisible characters go first: left in, a zero-width space between spaces keeps them from
    # collapsing, and once it is dropped four spaces open a code block, "  - " a list.
    # Line breaks would let text open a block; no-break spaces are kept for French typography.
    escaped = _BREAKS.sub(" ", _visible(text)).translate(_ESCAPES)
    return _LINE_START.sub(lambda m: m.group(1) + (f"{m.group(2)}\\." if m.group(2) else "\\-"), escaped)


def _visible(text: str) -> str:
    """`text` without invisible characters (format, control, private-use, unassigned); whitespace
    is kept for the caller to collapse, and so are the joiners and tags inside emoji sequences."""
    if text.isprintable():
        return text
    flags = {i for m in _TAG_FLAG.finditer(text) for i in range(m.start() + 1, m.end())}
    return "".join(
        c
        for i, c in enumerate(text)
        if c.isprintable() or c.isspace() or i in flags or c == _ZWJ and _joins_emoji(text, i)
    )


def _joins_emoji(text: str, i: int) -> bool:
    """Whether the zero-width joiner at `i` joins two emoji (👩‍💻, 🏳️‍🌈), not two letters."""
    before = text[i - 1] if i else ""
    if before in _EMOJI_TAIL and i > 1:
        before = text[i - 2]
    after = text[i + 1 : i + 2]
    return bool(before and after) and unicodedata.category(before) == unicodedata.category(after) == "So"


def page_title(value: Any) -> Markdown:
    """A page title for front matter: one HTML-escaped line, written as a YAML quoted string.

    Themes print the title into `<title>`; MkDocs' own title taken from the first heading goes
    through Jinja's `striptags`, which turns `&lt;` back into `<`, so every page sets its title
    here, already escaped for HTML.
    """
    text = _BREAKS.sub(" ", _visible(str(value))).strip(" ")
    return Markdown(json.dumps(html.escape(text, quote=True), ensure_ascii=False))


# Characters left as they are in a link address; everything else is percent-encoded, so that
# no ")", space, quote, angle bracket or brace can end the link or start markup after it.
_URL_SAFE = "/:?#@!$&*+,;=%~-._"


def safe_url(url: str | None) -> str | None:
    """An http(s) address made safe as a Markdown link target, or None for any other address."""
    if not url:
        return None
    url = url.strip()
    if any(not c.isprintable() or c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe=_URL_SAFE)


def md_link(text: Any, target: str | None) -> Markdown:
    """A Markdown link `[text](target)` with `text` escaped; plain escaped text when no target."""
    label = md_escape(text)
    if not target:
        return label
    return Markdown(f"[{label}]({target})")
