"""Installing and running newsbrief as a user would: outside a project folder, and from a plain
(non-editable) install that has only what the wheel packages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.langdata import load_lang, supported_languages

ROOT = Path(__file__).resolve().parent.parent

ENGLISH = (
    "---\ntitle: Vote\nlang: en\n---\n"
    '"We will vote against this bill tomorrow," said John Smith, the leader of the group.\n'
)


def _normalized(name: str) -> str:
    """A package name as the package index compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _pinned() -> set[str]:
    """The package names requirements.txt pins."""
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return {_normalized(line.split("==")[0]) for line in lines if "==" in line and not line.startswith("#")}


@pytest.mark.parametrize("code", supported_languages())
def test_each_language_defaults_to_a_model_requirements_txt_installs(code: str) -> None:
    assert _normalized(load_lang(code).model) in _pinned()


def test_brief_of_an_english_file_outside_a_project_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml: the language data's defaults alone
    (tmp_path / "vote.md").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(cli, ["brief", "--json", "--no-cache", "vote.md"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["lang"] == "en"
    assert [q["speaker_name"] for q in brief["quotes"]] == ["John Smith"]


def test_the_models_of_mkdocs_yml_still_override_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vote.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - newsbrief:\n      models: {en: no_such_model_installed}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["brief", "--json", "--no-cache", "vote.md"])
    assert result.exit_code == 1
    assert "no_such_model_installed" in result.output


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; its output, or a failure that shows it."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def plain_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with newsbrief installed from its wheel (not editable); the
    dependencies come from the running environment's site-packages. Returns its bin/ folder."""
    tmp = tmp_path_factory.mktemp("install")
    # Build from a copy, so that setuptools' build/ and egg-info never land in the work tree.
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    # Build isolation fetches setuptools as `make install` does (the venv may have none).
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp / "dist", src], cwd=tmp)
    wheel = next((tmp / "dist").glob("newsbrief-*.whl"))

    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / "bin" / "python"
    _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel],
        cwd=tmp,
    )
    # `venv --system-site-packages` would reach the base interpreter's packages, not this
    # environment's: a .pth file adds these. Their own .pth files are not read, so the editable
    # install of the work tree stays out, and the wheel's `generator` comes first on sys.path.
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp).strip())
    here = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (site / "running-env.pth").write_text("\n".join(here) + "\n", encoding="utf-8")
    where = _run([python, "-c", "import generator.render as r; print(r.__file__); print(r.DEFAULT_TEMPLATES)"], cwd=tmp)
    module, templates = where.split()
    assert Path(module).is_relative_to(venv) and Path(templates) == Path(module).parent / "templates", where
    return venv / "bin"


@pytest.mark.slow
def test_a_plain_install_builds_the_sample_site_with_its_own_templates(plain_install: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    assert not (project / "templates").exists()
    # A strict build publishes: it needs the site's address, as the publish workflow gives it.
    env = {**os.environ, "NO_COLOR": "1", "SITE_URL": "https://someone.github.io/newsbrief/"}
    _run([plain_install / "newsbrief", "build", "--strict"], cwd=project, env=env)
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "briefs" / "maduro-trump-securite" / "index.html").is_file()
    assert (project / "site" / "actors" / "nicolas-maduro" / "index.html").is_file()

    # A project's own template still wins over the packaged one, file by file.
    (project / "templates").mkdir()
    (project / "templates" / "home.md.j2").write_text("# Our own home page\n", encoding="utf-8")
    _run([plain_install / "newsbrief", "generate", "--strict"], cwd=project, env=env)
    assert (project / "docs" / "index.md").read_text(encoding="utf-8") == "# Our own home page\n"
    assert "Maduro" in (project / "docs" / "briefs" / "maduro-trump-securite.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_plain_install_briefs_an_english_file_anywhere(plain_install: Path, tmp_path: Path) -> None:
    (tmp_path / "vote.md").write_text(ENGLISH, encoding="utf-8")
    brief = json.loads(_run([plain_install / "newsbrief", "brief", "--json", "vote.md"], cwd=tmp_path))
    assert brief["lang"] == "en" and brief["quotes"][0]["speaker_name"] == "John Smith"
