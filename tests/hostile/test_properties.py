"""Property-based tests on hostile input: the reader, the escaper through Python-Markdown, the URL
check and the quote scanner, each fed text that hypothesis makes up.

Every test runs a bounded number of examples (no deadline: a slow CI machine must not fail them),
so the whole file stays within a few seconds. A failing example is printed by hypothesis; add it
to the explicit cases below it so that it is checked on every run, not only when drawn again.
"""

from __future__ import annotations

import html
import re
import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.escape import md_escape, md_link, safe_url
from generator.extract.quote_marks import find_quote_spans
from generator.langdata import load_lang, supported_languages
from generator.models import Article
from generator.read import read_article

# Fuzzing: part of `make test` (and CI), left out of the quick loop (`make test-fast`).
pytestmark = pytest.mark.slow

# The extensions of mkdocs.yml, plus the ones MkDocs always loads.
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "fenced_code", "md_in_html"]
# Bounded so the file runs in seconds; the explicit @example cases run every time as well.
FEW = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\ufeff",
    "\u00ad",
    "\x00",
    "\x02",
    "\x03",
    "\x1b",
    "\U000e0067",
    "\U000e007f",
]
SPACES = [" ", "  ", "    ", "\t", "\n", "\n\n", "\r\n", "\u00a0", "\u202f", "\u2028", "\u2029", "\x85", "\x1c"]
MARKUP = list("#*_>-+=|~[]()!<&`{}\\:.'\"") + [
    "1.",
    "2024.",
    "1)",
    "---",
    "***",
    "___",
    "===",
    "```",
    "~~~",
    "- ",
    "* ",
    "+ ",
    "> ",
    "# ",
    "###### ",
    "!!! note",
    "[TOC]",
    "{: onclick=x }",
    "{ .nb-summary }",
    "*[HTML]: x",
    "[^1]",
    "[a]: javascript:x",
    "[x](javascript:alert(1))",
    "![i](http://e.x/i.png)",
    "<https://e.x>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<div markdown>",
    "</div>",
    "<!--",
    "-->",
    "&lt;",
    "&#60;",
    "&amp;",
    "| a | b |",
    "| --- |",
    "Titre\n===",
    "\\[",
    "\\",
    "  \n",
]
EMOJI = ["👩", "💻", "🏳", "\ufe0f", "🌈", "🏽", "❤", "🔥", "🧑", "🤝", "♀", "🏴", "☠"]
WORDS = ["a", "Paris", "été", "Nous", "x1", "élu", "«", "»", "—", "’"]


# Invisible characters among spaces: what hid indentation from the escaper (issue 9, item 5).
BLANK_RUN = st.lists(st.sampled_from(INVISIBLE[:8] + [" ", " ", " ", "\t", "\n"]), max_size=10).map("".join)


def _hostile_text() -> st.SearchStrategy[str]:
    """Hostile text: a blank run, then markup, invisible characters and spaces mixed with words
    and any character (the lead matters most: Markdown opens a block at the start of a line)."""
    piece = st.one_of(
        BLANK_RUN,
        st.sampled_from(INVISIBLE),
        st.sampled_from(SPACES),
        st.sampled_from(MARKUP),
        st.sampled_from(EMOJI),
        st.sampled_from(WORDS),
        st.text(max_size=4),
    )
    return st.builds(str.__add__, BLANK_RUN, st.lists(piece, max_size=20).map("".join))


HOSTILE_TEXT = _hostile_text()


class _Html(HTMLParser):
    """Tags, attributes and visible text of an HTML fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text = ""
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text += data


def _render(source: str) -> _Html:
    return _Html(markdown.markdown(source, extensions=EXTENSIONS))


def _words(text: str) -> str:
    """The words a reader sees: invisible characters (joiners included) gone, spaces collapsed."""
    seen = "".join(c for c in text if (c.isprintable() or c.isspace()) and unicodedata.category(c) != "Cf")
    return " ".join(seen.split())


# --- the escaper, through Python-Markdown ---------------------------------------------------------


@MANY
@given(HOSTILE_TEXT)
@example("\u200b \u200b \u200b \u200b code")  # issue 9, item 5: a code block
@example("\u200e \u200e - item")  # a list
@example("\u200b \u200b 1. item")  # an ordered list
@example("\u2060 \u2060 * * *")  # a rule
@example("\ufeff \ufeff \ufeff \ufeff# title")
@example("x \u200b \nb")  # two spaces then a line break: <br>
def test_escaped_text_is_one_plain_paragraph_with_the_same_words(text: str) -> None:
    safe = md_escape(text)
    assert "\n" not in safe and "\r" not in safe
    page = _render(safe)
    assert set(page.tags) <= {"p"} and page.attrs == []
    assert _words(page.text) == _words(text)


# Where templates put escaped text: a brief page's title, summary, list items, quotes and actor
# table, and a home page card (a list item in a `grid cards` block, summary under an attribute list).
CONTEXTS = {  # template (the text at @@), the tags it may give, how many list items
    "heading": ("# @@\n", {"h1"}, 0),
    "list item": ("- @@\n- y\n", {"ul", "li"}, 2),
    "labelled item": ("- **Lieux** : @@\n", {"ul", "li", "strong"}, 1),
    "quote": ("> @@\n>\n> — x, *dit*\n", {"blockquote", "p", "em"}, 0),
    "table cell": ("| a | b |\n| --- | --- |\n| @@ | z |\n", {"table", "thead", "tbody", "tr", "th", "td"}, 0),
    "card": (
        '<div class="grid cards" markdown>\n\n-   ## x\n\n    @@\n    { .nb-summary }\n\n</div>\n',
        {"div", "ul", "li", "h2", "p"},
        1,
    ),
}
CONTEXT_ATTRS = {("div", "class", "grid cards"), ("p", "class", "nb-summary"), ("h2", "id", "x")}


@FEW
@given(HOSTILE_TEXT, st.sampled_from(sorted(CONTEXTS)))
@example("\u200b \u200b \u200b \u200b code", "card")
@example("\u200e \u200e - item", "card")
@example("x } { .evil onclick=alert(1) }", "card")
def test_escaped_text_opens_nothing_where_templates_put_it(text: str, context: str) -> None:
    template, allowed, items = CONTEXTS[context]
    page = _render(template.replace("@@", md_escape(text)))
    assert set(page.tags) <= allowed, page.tags
    assert all(attr in CONTEXT_ATTRS or attr[:2] == ("h1", "id") for attr in page.attrs), page.attrs
    assert page.tags.count("li") == items
    if context == "table cell":
        assert page.tags.count("td") == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👩\u200d💻", "👩\u200d💻"),  # a woman technologist keeps her joiner
        ("🏳\ufe0f\u200d🌈", "🏳\ufe0f\u200d🌈"),  # after a presentation selector
        ("👩🏽\u200d💻", "👩🏽\u200d💻"),  # after a skin tone
        ("🧑\u200d🤝\u200d🧑", "🧑\u200d🤝\u200d🧑"),
        (
            "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
            "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        ),
        ("a\u200db", "ab"),  # between letters: invisible, dropped
        ("\u200d👩", "👩"),
        ("👩\u200d", "👩"),
        ("👩\u200d\u200d💻", "👩💻"),
        ("👩\u200d \u200d💻", "👩 💻"),
        ("x\U000e0067\U000e007f", "x"),  # tag characters outside a flag smuggle text
    ],
)
def test_zero_width_joiners_stay_inside_emoji_sequences_only(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@FEW
@given(st.lists(st.sampled_from(EMOJI + ["\u200d"]), max_size=12).map("".join))
def test_a_kept_joiner_always_stands_between_two_symbols(text: str) -> None:
    safe = md_escape(text)
    for i, c in enumerate(safe):
        if c == "\u200d":
            before = safe[i - 2] if safe[i - 1] in "\ufe0f🏻🏼🏽🏾🏿" else safe[i - 1]
            assert unicodedata.category(before) == unicodedata.category(safe[i + 1]) == "So"


# --- the URL check ------------------------------------------------------------------------------

SCHEMES = [
    "http",
    "https",
    "HTTPS",
    "hTtP",
    "javascript",
    "JaVaScRiPt",
    " javascript",
    "java\tscript",
    "\x01javascript",
    "data",
    "vbscript",
    "file",
    "ftp",
    "",
    "http\u200b",
    "https\ufeff",
]
URL_PARTS = [
    "/",
    "//",
    ":",
    "@",
    "?",
    "#",
    "%",
    "%0a",
    "%3C",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    '"',
    "'",
    " ",
    "\t",
    "\n",
    "\\",
    "`",
    "javascript:",
    "evil.example",
    "example.org",
    "[::1]",
    "[",
    "é",
    "\u202e",
]
HOSTS = [
    "example.org",
    "e.x",
    "[::1]",
    "[::1",
    "a@b.c",
    "user:pass@e.x",
    "e.x:80",
    "e.x:99999",
    "é.fr",
    "",
    "evil.example\\@e.x",
    "xn--e-x.org",
    "%65.x",
    "localhost",
]
URL_REST = st.lists(st.one_of(st.sampled_from(URL_PARTS), st.text(max_size=3)), max_size=10).map("".join)
URLS = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}{rest}",
        st.sampled_from(SCHEMES[:4]),
        st.sampled_from(HOSTS),
        URL_REST,
    ),
    st.builds(
        lambda scheme, slashes, rest: f"{scheme}:{slashes}{rest}",
        st.sampled_from(SCHEMES),
        st.sampled_from(["//", "/", "", "///", "\\\\"]),
        URL_REST,
    ),
)
URL_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~/:?#@!$&*+,;=%")


@MANY
@given(URLS)
@example("javascript:alert(1)")
@example('https://example.org/a)(b){x} "><script>')
@example("https://exa\u200bmple.org")
@example("http://[::1")
def test_safe_url_gives_an_inert_http_link_or_nothing(url: str) -> None:
    safe = safe_url(url)
    if safe is None:
        return
    assert re.match(r"(?i)https?://[^/?#]", safe)
    assert set(safe) <= URL_CHARS
    page = _render(md_link("lien", safe))
    assert page.tags == ["p", "a"]
    assert page.attrs == [("a", "href", html.unescape(safe))]
    assert page.text == "lien"


# --- the reader ---------------------------------------------------------------------------------

SUFFIXES = [".md", ".markdown", ".txt", ".html", ".htm", ".MD", ".rst", ""]
YAML_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2024-11-12",
            "2024-13-45",
            "2024-11-12T10:00:00",
            "fr",
            "en",
            "de",
            "fr-CA",
            "",
            "https://e.x",
            "javascript:x",
            "&a",
            "*a",
            "!!int x",
            "!!binary x",
            ".inf",
            "~",
            "yes",
        ]
    ),
)
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8,
)
KEYS = st.one_of(st.sampled_from(["title", "date", "lang", "source", "url", "tags", "license"]), st.text(max_size=8))
RAW_YAML = st.lists(
    st.sampled_from(
        [
            "title: x",
            "date: 2024-02-30",
            "lang: xx",
            "tags: [a, b",
            "tags: {a: 1}",
            "&a [*a, *a]",
            "a: &a [*a]",
            "url: !!python/object:os.system x",
            "title: !!int x",
            "title: !!timestamp 2024-13-45",
            "? [a]\n: b",
            "title: |\n  x",
            "- a",
            "'",
            '"',
            "\t",
            ":",
            "---",
            "...",
            "title: @",
            "date: !!float x",
            "<<: *b",
            "title: !custom x",
            "source: !!binary AAAA",
            "license: [[[[[[",
            "%YAML 1.1",
        ]
    ),
    max_size=5,
).map("\n".join)
HTML_PIECES = [
    "<p>",
    "</p>",
    "<title>",
    "</title>",
    "<h1>",
    "</h1>",
    "<script>",
    "</script>",
    "<nav>",
    "<br/>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<!DOCTYPE x [",
    "<!ELEMENT",
    "<!",
    "<?xml ?>",
    "<?",
    "]]>",
    "<![",
    "<![CDATA[",
    "<![if x]>",
    "<![endif]>",
    "<![foo[",
    "&#0;",
    "&#x110000;",
    "&#99999999999;",
    "&nbsp;",
    "&",
    "<a href='",
    "<div",
    ">",
    "Un article.",
]
BODIES = st.one_of(
    HOSTILE_TEXT,
    st.lists(st.one_of(st.sampled_from(HTML_PIECES), HOSTILE_TEXT), max_size=8).map("".join),
    st.sampled_from(["", "\n", " ", "Un article.", "<p>Un article.</p>"]),
)


@st.composite
def _article_bytes(draw: st.DrawFn) -> bytes:
    """A file's bytes: anything, or text (UTF-8 or UTF-16), or Markdown with fuzzed front matter."""
    kind = draw(st.sampled_from(["bytes", "bom bytes", "text", "utf-16", "front matter", "raw front matter"]))
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    if kind == "bom bytes":
        return draw(st.sampled_from([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"])) + draw(st.binary(max_size=64))
    if kind == "text":
        return draw(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
    if kind == "utf-16":
        return draw(st.one_of(HOSTILE_TEXT, BODIES)).encode(
            draw(st.sampled_from(["utf-16", "utf-16-le"])), "surrogatepass"
        )
    if kind == "front matter":
        meta = draw(st.dictionaries(KEYS, YAML_VALUES, max_size=4))
        block = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
    else:
        block = draw(RAW_YAML)
    bom = draw(st.sampled_from(["", "\ufeff"]))
    close = draw(st.sampled_from(["---", "...", "--- ", ""]))
    return f"{bom}---\n{block}\n{close}\n{draw(BODIES)}".encode("utf-8", "surrogatepass")


@MANY
@given(_article_bytes(), st.sampled_from(SUFFIXES), st.sampled_from(["fr", "en"]))
@example(b"---\ntags: [[]]\n---\nUn article.", ".md", "fr")
@example(b"---\ntitle: !!int x\n---\nUn article.", ".md", "fr")
@example(b"---\n&a [*a]\n---\nx", ".md", "fr")
@example(b"\xff\xfe", ".txt", "fr")
@example(b"<![foo[ x ]]> Un article.", ".html", "fr")  # html.parser's AssertionError (fixed in read.py)
@example(b"<p>Un article.</p><![ x", ".htm", "en")
def test_reader_returns_an_article_or_a_content_error(raw: bytes, suffix: str, default_lang: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2024-11-12-article{suffix}"
        path.write_bytes(raw)
        try:
            article = read_article(path, root=Path(folder), default_lang=default_lang)
        except ContentError as exc:
            assert exc.path == path and exc.message
            return
    assert isinstance(article, Article)
    assert article.text.strip() and article.lang in supported_languages()
    assert isinstance(article.title, str) and article.title
    assert all(isinstance(v, str) for v in (article.source, article.url, article.license) if v is not None)
    assert all(isinstance(t, str) and t for t in article.tags)


# --- the quote scanner --------------------------------------------------------------------------

QUOTE_PIECES = st.one_of(
    st.sampled_from(["«", "»", "“", "”", "„", '"', "‹", "›", "‘", "’", "'", "—", "–", "―", "-"]),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\u00a0", "\u202f", "\t", ".", "!", "?", "…", ",", ";", ":"]),
    st.sampled_from(["a", "dit", "l", "Il", "aujourd", "hui", "X"]),
    st.sampled_from(["« a b »", "« a, » dit-il", "“a b”", '"a b"', "‘a’", "\n— A. — B", "\n\n« ", ". — ", ", a-t-il"]),
    st.text(max_size=3),
)
QUOTE_TEXT = st.lists(QUOTE_PIECES, max_size=40).map("".join)


@MANY
@given(QUOTE_TEXT, st.sampled_from(["fr", "en"]))
@example("« a\n\n« b", "fr")
@example("— a. — b. — c", "fr")
@example("\"\"\"'''", "en")
def test_quote_spans_are_ordered_non_overlapping_and_inside_the_text(text: str, code: str) -> None:
    spans = find_quote_spans(text, load_lang(code))
    end = 0
    for span in spans:
        assert 0 <= span.open <= span.start < span.end <= span.close <= len(text)
        assert span.start >= end, "spans overlap or are out of order"
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert span.kind in ("pair", "dash", "exchange")
        end = span.end
