"""What a careless or hostile contributor can drop into content/: each input gets a clear message
naming its file, the other articles still build, `--strict` fails, nothing from outside content/
is published, and no page of the built site opens a dialog or logs an error in a real browser.
"""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "content"
SECRET = "hunter2-outside-content"
CHROMIUM = Path("/usr/bin/chromium")

GOOD = {
    "vote.md": "---\ntitle: Vote\nlang: fr\ndate: 2024-03-02\n---\n\n« Nous voterons contre ce texte demain "
    "matin », a déclaré Marie Dupont.\n",
    # Hostile text that must be shown as text, never run: already held before issue 9.
    "fr-hostile-body.txt": (SAMPLES / "fr-hostile-body.txt").read_text(encoding="utf-8"),
    "fr-hostile-front-matter.md": (SAMPLES / "fr-hostile-front-matter.md").read_text(encoding="utf-8"),
    "invisible.md": "---\ntitle: Invisible\n---\n\n\u200b\u200b    \u200fpas du code\n\n\u2060- pas une liste\n\n"
    "\u200e***\n\nLe maire Paul Girard a parlé ce matin devant la presse.\n",
    "utf16.md": "\ufeff---\ntitle: Seize\n---\nLe syndicat a appelé à la grève lundi.\n",
}
# Nine levels of nine aliases inside one title: 9**9 values once expanded, from a few hundred bytes.
ALIAS_BOMB = (
    "title: ["
    + ", ".join(
        [f"&a [{', '.join(['lol'] * 9)}]"]
        + [f"&{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefg", "bcdefgh")]
        + [f"[{', '.join(['*h'] * 9)}]"]
    )
    + "]\n"
)
# File name -> (bytes or text, words of the message that must name what is wrong).
BAD: dict[str, tuple[str | bytes, str]] = {
    "empty.md": (b"", "is empty"),
    "binary.txt": (b"\x00\x01\x02\x03", "binary"),
    "latin1.txt": ("Déclaration du ministre".encode("latin-1"), "not valid UTF-8"),
    "broken.md": ("---\ntitle: [oops\n---\nTexte.\n", "not valid YAML"),
    "month.md": ("---\ndate: 2024-13-45\n---\nTexte.\n", "front matter 'date'"),
    "leap.md": ("---\ndate: 2024-02-30\n---\nTexte.\n", "front matter 'date'"),
    "zero.md": ("---\ndate: 0000-00-00\n---\nTexte.\n", "front matter 'date'"),
    "int.md": ("---\ntitle: !!int\n---\nTexte.\n", "front matter 'title'"),
    "float.md": ("---\ntitle: !!float ;\n---\nTexte.\n", "front matter 'title'"),
    "list-title.md": ("---\ntitle: [Un, Deux]\n---\nTexte.\n", "must be text, not a list"),
    "map-source.md": ("---\nsource: {a: 1}\n---\nTexte.\n", "must be text, not a mapping"),
    "unknown-key.md": ("---\ntitel: Faute\n---\nTexte.\n", "unknown front matter key"),
    "bomb.md": (f"---\n{ALIAS_BOMB}---\nTexte.\n", "aliases"),
    "notes.docx": ("Texte", ""),  # not an article suffix: silently not read
}


def _config(tmp: Path, content: Path) -> Path:
    """The project's mkdocs.yml, reading `content` and writing under `tmp`."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data.update(docs_dir=str(tmp / "docs"), site_dir=str(tmp / "site"))
    data["theme"]["custom_dir"] = str(ROOT / data["theme"]["custom_dir"])
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "newsbrief" in plugin:
            plugin["newsbrief"].update(
                content_dir=str(content),
                templates_dir=str(ROOT / "templates"),
                cache_dir=str(ROOT / ".cache" / "newsbrief"),
            )
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Result, Result]:
    """A project whose content/ holds good, hostile and broken files; generated twice."""
    tmp = tmp_path_factory.mktemp("hostile")
    content, outside = tmp / "content", tmp / "outside"
    content.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Secret\n\nLe mot de passe est {SECRET}.\n", encoding="utf-8")
    (content / "passwd.txt").symlink_to(outside / "secret.txt")
    (content / "elsewhere").symlink_to(outside, target_is_directory=True)
    for name, text in GOOD.items():
        data = text.encode("utf-16") if name == "utf16.md" else text.encode("utf-8")
        (content / name).write_bytes(data)
    (content / "alias.md").symlink_to(content / "vote.md")  # a link inside content/ keeps working
    for name, (data, _) in BAD.items():
        (content / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    config = _config(tmp, content)
    before = {p.name: p.read_bytes() for p in content.iterdir() if p.is_file() and not p.is_symlink()}
    loose = CliRunner().invoke(cli, ["generate", "-f", str(config)])
    strict = CliRunner().invoke(cli, ["generate", "--strict", "-f", str(config)])
    after = {p.name: p.read_bytes() for p in content.iterdir() if p.is_file() and not p.is_symlink()}
    assert before == after, "a build never modifies content/"
    return tmp, config, loose, strict


def test_every_bad_file_is_named_with_what_is_wrong(hostile: tuple[Path, Path, Result, Result]) -> None:
    _, _, loose, _ = hostile
    lines = loose.stderr.splitlines()
    for name, (_, words) in BAD.items():
        if not words:
            assert name not in loose.stderr
            continue
        line = next((ln for ln in lines if f"{name}:" in ln), "")
        assert words in line, (name, line)
    assert "passwd.txt" in loose.stderr and "outside the content folder" in loose.stderr
    assert "Traceback" not in loose.output


def test_the_rest_builds_and_strict_fails(hostile: tuple[Path, Path, Result, Result]) -> None:
    tmp, _, loose, strict = hostile
    assert loose.exit_code == 0, loose.output
    assert strict.exit_code == 1
    briefs = {p.name for p in (tmp / "docs" / "briefs").iterdir()}
    assert {"vote", "alias", "fr-hostile-body", "fr-hostile-front-matter", "invisible", "utf16"} <= {
        b.removesuffix(".md") for b in briefs
    }


def test_nothing_from_outside_content_is_published(hostile: tuple[Path, Path, Result, Result]) -> None:
    tmp, *_ = hostile
    for path in (tmp / "docs").rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.mark.slow  # a full MkDocs build
def test_invisible_characters_open_no_markdown_block(hostile: tuple[Path, Path, Result, Result]) -> None:
    tmp, config, *_ = hostile
    site = _built(config)
    page = (site / "briefs" / "invisible" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    for tag in ("<pre", "<hr", "<ul>\n<li>pas une liste"):
        assert tag not in article, tag


@functools.cache
def _built(config: Path) -> Path:
    """The MkDocs site of the hostile project (not strict: the bad files are warnings)."""
    cfg = load_config(str(config))
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return Path(cfg["site_dir"])


class _Quiet(SimpleHTTPRequestHandler):
    timeout = 10

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.mark.browser
@pytest.mark.slow
def test_no_page_of_the_hostile_site_opens_a_dialog_or_logs_an_error(
    hostile: tuple[Path, Path, Result, Result], tmp_path: Path
) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not found: install the Debian package `chromium` (CI does, see .ci/run)")
    _, config, *_ = hostile
    site = _built(config)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    problems: list[str] = []
    try:
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM),
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page.on("dialog", lambda d: (problems.append(f"dialog {d.message!r} on {page.url}"), d.dismiss()))
            page.on(
                "console", lambda m: problems.append(f"console {m.text} on {page.url}") if m.type == "error" else None
            )
            page.on("pageerror", lambda e: problems.append(f"page error {e} on {page.url}"))
            for rel in pages:
                page.goto(base + ("" if rel == "." else rel + "/"))
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
        shutil.rmtree(tmp_path, ignore_errors=True)
    assert pages and not problems, problems
