"""The build's settings: read from mkdocs.yml as MkDocs reads it, the same for the CLI and the plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import (
    load_mkdocs_config,
    make_config,
    options_from_mkdocs,
    options_from_mkdocs_yml,
)
from generator.errors import ConfigError
from generator.plugin import NewsbriefPlugin


def write_yml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_env_values_are_read_as_mkdocs_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NB_CONTENT", "articles")
    monkeypatch.setenv("NB_SITE", "Revue de presse")
    monkeypatch.delenv("NB_UNSET", raising=False)
    path = write_yml(
        tmp_path,
        (
            "site_name: !ENV NB_SITE\n"
            "docs_dir: !ENV [NB_UNSET, pages]\n"
            "plugins:\n  - newsbrief:\n      content_dir: !ENV NB_CONTENT\n      latest: !ENV [NB_UNSET, 7]\n"
        ),
    )
    options = options_from_mkdocs_yml(path)
    assert options["content_dir"] == "articles" and options["latest"] == 7
    assert options["site_name"] == "Revue de presse"
    assert (tmp_path / "pages").is_dir(), "MkDocs needs its docs folder: it is created first"
    config = make_config(options).resolve(tmp_path)
    assert config.content_dir == tmp_path / "articles"
    assert config.docs_dir == tmp_path / "pages"


def test_the_cli_and_the_plugin_see_the_same_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NB_LANG", "en")
    path = write_yml(
        tmp_path,
        (
            "site_name: t\nsite_url: https://e.x/news/\ndocs_dir: pages\ntheme:\n  name: mkdocs\n  locale: en\n"
            "plugins:\n  - newsbrief:\n      default_lang: !ENV NB_LANG\n"
        ),
    )
    cli = make_config(options_from_mkdocs_yml(path)).resolve(tmp_path)
    mkdocs = load_mkdocs_config(path)
    plugin = mkdocs.plugins["newsbrief"]
    assert isinstance(plugin, NewsbriefPlugin)
    plugin.on_config(mkdocs)
    assert plugin.settings == cli
    assert cli.default_lang == "en" and cli.site_url == "https://e.x/news/"


def test_the_theme_language_is_the_site_language(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    path = write_yml(tmp_path, "site_name: t\ntheme:\n  name: material\n  language: en\nplugins:\n  - newsbrief\n")
    mkdocs = load_mkdocs_config(path)
    assert options_from_mkdocs(mkdocs, {})["site_lang"] == "en"
    assert options_from_mkdocs(mkdocs, {"site_lang": "fr"})["site_lang"] == "fr"


def test_no_mkdocs_yml_gives_no_options(tmp_path: Path) -> None:
    assert options_from_mkdocs_yml(tmp_path / "mkdocs.yml") == {}
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list\n", "Expected a key-value mapping"),
        ("site_name: [unclosed\n", "error parsing the configuration file"),
        ("site_name: t\nplugins:\n  - newsbrief: [1]\n", "Invalid config options for the 'newsbrief' plugin"),
        ("site_name: t\nplugins:\n  - newsbrief:\n      latest: many\n", "option 'latest': Expected type"),
    ],
)
def test_what_mkdocs_refuses_is_one_config_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        options_from_mkdocs_yml(write_yml(tmp_path, text))
    assert message in str(caught.value) and "mkdocs.yml" in str(caught.value)


def test_every_problem_of_the_plugin_block_is_reported_at_once(tmp_path: Path) -> None:
    path = write_yml(tmp_path, "site_name: t\nplugins:\n  - newsbrief:\n      colour: red\n      latest: 0\n")
    with pytest.raises(ConfigError) as caught:
        make_config(options_from_mkdocs_yml(path))
    assert "colour" in str(caught.value) and "latest" in str(caught.value)


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("tcp://scheduler:8786", True),
        ("tls://10.0.0.5:8786", True),
        ("inproc://192.0.2.2/123/1", True),
        ("scheduler:8786", True),
        ("scheduler", False),
        ("tcp://", False),
        ("tcp://a b:8786", False),
        ("", False),
    ],
)
def test_dask_is_a_scheduler_address(address: str, valid: bool) -> None:
    if valid:
        assert make_config({"dask": address}).dask == address
    else:
        with pytest.raises(ConfigError, match="dask: .* is not a scheduler address"):
            make_config({"dask": address})
