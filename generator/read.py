"""Read one article file from `content/` into an `Article`.

Markdown files carry YAML front matter; plain text files may start with a title line; a saved web
page (`.html`) gives its article and metadata as `newsbrief add` would save them (`webpage`).
Every problem is a `ContentError` naming the file.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from .errors import ContentError
from .langdata import LANG_DIR, fold, load_lang, supported_languages
from .models import Article
from .safeyaml import YamlError, load_yaml
from .text import slugify

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # little- and big-endian byte-order marks
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
_FRONT_MATTER_KEYS = {"title", "date", "lang", "source", "url", "tags", "license", "author"}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# CommonMark (fenced code, link definitions, raw HTML) and tables, by markdown-it-py: its time grows
# linearly with any input, where Python-Markdown takes minutes on a hostile run of "[" (10 s for 8,000).
_MARKDOWN = MarkdownIt("commonmark").enable("table")
# A language newsbrief does not support is reported only on clear evidence: this many of its common
# words, and twice as many as the best supported language has (on news text the right language has
# two to four times the next one's; a headline alone is no evidence: "E.U. leaders…" has Spanish "e", "u").
_FOREIGN_MIN_WORDS = 5
_FOREIGN_RATIO = 2
# An article of this many words with none of any known language's common words is in a language
# newsbrief cannot tell (Russian, Arabic…); a shorter one (a caption, a list of names) is not judged.
_UNRECOGNISED_AFTER = 20


def read_article(path: Path, root: Path | None = None, default_lang: str = "fr") -> Article:
    """Read, validate and decode one article; `root` makes its id relative to `content/`."""
    path = Path(path)
    if root is not None and not path.resolve().is_relative_to(Path(root).resolve()):
        # "ln -s /etc/passwd content/x.txt" must not publish the file: links stay inside content/.
        raise ContentError(
            "is a link to a file outside the content folder: refused (copy the article in instead)", path
        )
    raw = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):  # bytes: the page's own charset declaration is honoured
        meta, body = _read_html(raw, path)
    elif suffix in (".md", ".markdown"):
        meta, body = _split_front_matter(_decode(raw, path), path)
        try:
            body = markdown_to_text(body)
        except (AssertionError, ValueError) as exc:  # html.parser gives up on some broken markup
            raise ContentError(
                f"holds HTML the reader cannot parse ({exc}): fix it or save the article as .txt", path
            ) from exc
    elif suffix == ".txt":
        meta, body = _read_txt(_decode(raw, path))
    else:
        raise ContentError(f"unsupported file type {suffix!r} (use {', '.join(ARTICLE_SUFFIXES)})", path)
    body = body.strip()
    if not body:
        raise ContentError("has no article text after its front matter", path)
    rel = path.relative_to(root) if root is not None and path.is_relative_to(root) else Path(path.name)
    lang = _language(meta.get("lang"), body, default_lang, path)
    date = _date(meta.get("date"), path) or _date_from_name(path)
    return Article(
        path=rel.as_posix(),
        id=slugify(rel.with_suffix("").as_posix(), fallback="article"),
        title=_optional_str(meta, "title", path) or _title_from_name(path),
        lang=lang,
        text=body,
        date=date,
        source=_optional_str(meta, "source", path),
        url=_optional_str(meta, "url", path),
        license=_optional_str(meta, "license", path),
        author=_optional_str(meta, "author", path),
        tags=_tags(meta.get("tags"), path),
        file_date=None if date else _file_date(path),
    )


def read_front_matter(path: Path) -> dict[str, Any]:
    """The front matter of a Markdown article (empty for other files): `newsbrief add` reads the
    `url:` of every article already in content/ so as not to add one twice."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return {}
    return _split_front_matter(_decode(_read_bytes(path), path), path)[0]


def page_language(declared: str | None, body: str, default: str, source: Path | str) -> str:
    """The language of a web page's article: as `_language`, but a page's own declaration
    (`<html lang>`) counts only when its text does not clearly say otherwise — sites keep their
    template's `lang="en"` over French articles. A `ContentError` naming `source` when newsbrief
    does not support it. Needs no spaCy."""
    return _language(_page_declaration(declared, body), body, default, Path(source))


def _page_declaration(declared: str | None, body: str) -> str | None:
    """`declared`, or None when another language's common words are clearly more frequent in the
    text (by the same margin that refuses a foreign article)."""
    if not declared:
        return None
    code = declared.strip().lower().split("-")[0].split("_")[0]
    scores = _word_scores(_words(body))
    best = max(scores, key=lambda c: scores[c], default=code)
    if best != code and scores[best] >= max(_FOREIGN_MIN_WORDS, _FOREIGN_RATIO * scores.get(code, 0)):
        return None
    return declared


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; empty and binary files are refused."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot be read: {exc.strerror or exc}", path) from exc
    if not raw.strip():
        raise ContentError("is empty: write the article text or remove the file", path)
    if _utf16(raw):
        return raw  # UTF-16 text has NUL bytes in it: decoded by its byte-order mark
    if b"\x00" in raw[:8192]:
        raise ContentError("looks like a binary file, not an article: remove it from content/", path)
    return raw


def _utf16(raw: bytes) -> bool:
    """UTF-16 text of a supported language: a byte-order mark, whole 16-bit units, and the zero
    high bytes of Latin letters (a mark before stray bytes is no such text)."""
    return raw.startswith(_UTF16_BOMS) and len(raw) % 2 == 0 and raw.count(0) * 4 >= len(raw)


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is allowed), or UTF-16 with its BOM; line endings made Unix."""
    try:
        text = raw.decode("utf-16") if _utf16(raw) else raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(f"is not valid {exc.encoding.upper()} (byte {exc.start}): save it as UTF-8", path) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """YAML front matter between `---` lines, and the body after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], flags=re.MULTILINE)
    if end is None:
        raise ContentError("front matter starts with '---' but has no closing '---' line", path)
    block = text[4 : 4 + end.start()]
    try:
        meta = load_yaml(block) if block.strip() else {}
    except YamlError as exc:
        if exc.key:
            raise ContentError(f"front matter {exc.key!r}: {exc.message}", path) from exc
        if exc.line is not None:  # the file's line: the front matter starts on line 2
            raise ContentError(
                f"front matter is not valid YAML (line {exc.line + 1}): fix it or remove it", path
            ) from exc
        raise ContentError(f"front matter {exc.message}", path) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError("front matter must be a mapping of keys (title: …, date: …)", path)
    unknown = set(map(str, meta)) - _FRONT_MATTER_KEYS
    if unknown:
        raise ContentError(
            f"unknown front matter key(s) {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(_FRONT_MATTER_KEYS))})",
            path,
        )
    return meta, text[4 + end.end() :]


def markdown_to_text(body: str) -> str:
    """Plain text of a Markdown body as its reader sees it rendered: markup, list markers, table
    pipes, code fences and link definitions dropped, words kept, each block its own paragraph."""
    html = _MARKDOWN.render(body)
    return _html_text(html).strip()


class _HTMLText(HTMLParser):
    """Collect the visible block text of the HTML a Markdown body renders to (raw HTML included)."""

    _BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "section",
            "article",
            "pre",
            "table",
            "tr",
            "caption",
            "figcaption",
            "hr",
        }
    )
    _CELLS = frozenset({"td", "th"})
    # Tags whose own text is only the layout of the source: the line breaks between table cells.
    _CONTAINERS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl"})
    _SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a tag: a block tag starts a new paragraph, a table cell is set apart by a space."""
        if tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in self._CELLS:
            self.parts.append(" ")
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close a tag (and any left open inside it); a block tag ends its paragraph."""
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Keep visible text: outside skipped tags, and not the layout between table cells."""
        if any(t in self._SKIP for t in self._stack):
            return
        if self._stack and self._stack[-1] in self._CONTAINERS and data.isspace():
            return
        self.parts.append(data)


def _html_text(html: str) -> str:
    """The paragraph text of an HTML document."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    body = "".join(parser.parts)
    body = re.sub(r"[ \t]*\n[ \t]*", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body)
    body = re.sub(r"[ \t]{2,}", " ", body)
    return body


def _read_html(raw: bytes, path: Path) -> tuple[dict[str, Any], str]:
    """The article of a saved web page and its metadata, as `newsbrief add` finds them."""
    from .webpage import NotAnArticle, extract_article  # trafilatura: only when a page is read

    try:
        page = extract_article(raw)
    except NotAnArticle as exc:
        raise ContentError(f"{exc}: save the article text as .md or .txt", path) from exc
    return replace(page, lang=_page_declaration(page.lang, page.text)).front_matter(), page.text


def _closing_marks() -> tuple[str, ...]:
    """Closing quotation marks of every supported language: a line ending in one is prose."""
    return tuple({close for code in supported_languages() for _, close in load_lang(code).quote_pairs})


def _read_txt(text: str) -> tuple[dict[str, Any], str]:
    """A first line that looks like a title (short, no final full stop, then a blank line)."""
    first, sep, rest = text.lstrip().partition("\n")
    looks_like_title = (
        sep
        and rest.startswith("\n")
        and 0 < len(first.strip()) <= 150
        and not first.rstrip().endswith((".", ":", ",", ";", *_closing_marks()))
    )
    if looks_like_title:
        return {"title": first.strip()}, rest
    return {}, text


@functools.lru_cache(maxsize=1)
def _common_words() -> dict[str, frozenset[str]]:
    """Language code -> the folded words of `lang/<code>/common_words.txt`, for every language
    newsbrief can recognise, supported or not (spaCy is not needed to tell a language)."""
    words: dict[str, frozenset[str]] = {}
    for path in sorted(LANG_DIR.glob("*/common_words.txt")):
        lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
        words[path.parent.name] = frozenset(fold(line) for line in lines if line)
    return words


def _words(body: str) -> list[str]:
    """The folded words of the first 5,000 characters: enough to tell a language."""
    return [fold(w) for w in _WORD.findall(body[:5000])]


def _word_scores(words: list[str]) -> dict[str, int]:
    """Language code -> how many of `words` are its common words."""
    return {code: sum(w in common for w in words) for code, common in _common_words().items()}


def _language(declared: Any, body: str, default: str, path: Path) -> str:
    """The declared language if supported, else the one whose common words the text uses most;
    an article in a language newsbrief does not support is a `ContentError` listing those it does."""
    supported = supported_languages()
    listed = f"supported: {', '.join(supported)}"
    override = "if it is in one of these, say so with `lang:` in its front matter"
    if declared is not None:
        code = str(declared).strip().lower().split("-")[0].split("_")[0]
        if code not in supported:
            raise ContentError(f"lang {declared!r} is not supported ({listed})", path)
        return code
    words = _words(body)
    scores = _word_scores(words)
    ours = {code: scores.get(code, 0) for code in supported}
    best = max(ours, key=lambda c: (ours[c], c == default))
    foreign = max((c for c in scores if c not in ours), key=lambda c: scores[c], default=None)
    if foreign and scores[foreign] >= max(_FOREIGN_MIN_WORDS, _FOREIGN_RATIO * ours[best]):
        raise ContentError(
            f"is written in {foreign!r}, a language newsbrief does not support ({listed}); {override}", path
        )
    if ours[best] == 0 and not any(scores.values()) and len(words) >= _UNRECOGNISED_AFTER:
        raise ContentError(f"is in a language newsbrief does not recognise ({listed}); {override}", path)
    return best if ours[best] > 0 else default


def _date(value: Any, path: Path) -> str | None:
    """An ISO date from front matter (`2024-11-12` or a full timestamp)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as exc:
        raise ContentError(f"front matter 'date': {text!r} is not a date like 2024-11-12", path) from exc


def _date_from_name(path: Path) -> str | None:
    """A date at the start of the file name (`2024-11-12-title.md`)."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})", path.name)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def _file_date(path: Path) -> str | None:
    """The day the file was last modified (local time), ISO: the reference for the relative dates
    of an article that gives no date of its own."""
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    except (OSError, OverflowError, ValueError):
        return None


def _title_from_name(path: Path) -> str:
    """A readable title made from the file name, when the article gives none."""
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}[-_]?", "", path.stem)
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else path.name


def _optional_str(meta: dict[str, Any], key: str, path: Path) -> str | None:
    """A front matter value that must be text when present."""
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        kind = {dict: "mapping", list: "list", bool: "yes/no value"}.get(type(value), type(value).__name__)
        raise ContentError(f"front matter {key!r} must be text, not a {kind}", path)
    return str(value).strip() or None


def _tags(value: Any, path: Path) -> tuple[str, ...]:
    """Tags as a tuple of strings; a comma-separated string is accepted."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(",") if t.strip())
    if isinstance(value, list) and all(isinstance(t, (str, int, float)) for t in value):
        return tuple(str(t).strip() for t in value if str(t).strip())
    raise ContentError("front matter 'tags' must be a list of words", path)
