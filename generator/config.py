"""One typed configuration for a build, filled from mkdocs.yml's `newsbrief` block and CLI flags."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .langdata import supported_languages


@dataclass(frozen=True)
class Config:
    """Settings of one build. Paths are relative to the project folder (where mkdocs.yml is)."""

    content_dir: Path = Path("content")
    """Folder of articles (.md with front matter, .txt, .html). Never modified by a build."""

    docs_dir: Path = Path("docs")
    """Folder the generated Markdown pages are written to: MkDocs' `docs_dir`."""

    templates_dir: Path = Path("templates")
    """Folder of the Jinja2 templates that turn briefs into Markdown."""

    cache_dir: Path = Path(".cache/newsbrief")
    """Folder of cached briefs, so an unchanged article is not parsed again."""

    default_lang: str = "fr"
    """Language of an article whose front matter gives none and whose language is unclear."""

    site_lang: str = "fr"
    """Language of the interface words on the pages (labels under generator/lang/<code>/)."""

    models: dict[str, str] = field(default_factory=dict)
    """spaCy model per language code, overriding the language data's default (en: en_core_web_sm)."""

    latest: int = 20
    """How many briefs the home page lists."""

    max_article_chars: int = 2_000_000
    """Longest article text analysed, in characters; a longer article is reported and skipped (a
    failure under `strict`). Articles past 100,000 characters are parsed in paragraph-aligned
    pieces, so time grows linearly with length; this bounds the time and memory one file can take."""

    strict: bool = False
    """Fail the build when any article cannot be read or analysed, or anything is warned about
    (such as an entry of content/actors.yml that names no actor)."""

    site_url: str | None = None
    """MkDocs' `site_url`: feeds link to absolute addresses under it (relative ones without it)."""

    site_name: str = "newsbrief"
    """MkDocs' `site_name`: the author and title of the feeds."""

    use_directory_urls: bool = True
    """MkDocs' `use_directory_urls`: whether `briefs/x.md` is published at `briefs/x/`."""

    def model_for(self, lang_model: str, code: str) -> str:
        """The spaCy model to load for a language: the configured one, else the language default."""
        return self.models.get(code, lang_model)

    def resolve(self, root: Path) -> Config:
        """The same config with its folders made absolute against `root`."""
        def absolute(p: Path) -> Path:
            return p if p.is_absolute() else (root / p)

        return dataclasses.replace(
            self,
            content_dir=absolute(self.content_dir),
            docs_dir=absolute(self.docs_dir),
            templates_dir=absolute(self.templates_dir),
            cache_dir=absolute(self.cache_dir),
        )


_PATH_FIELDS = {"content_dir", "docs_dir", "templates_dir", "cache_dir"}
OPTION_NAMES = tuple(f.name for f in dataclasses.fields(Config))


def make_config(options: dict[str, Any], *, source: str = "options") -> Config:
    """Validate raw options (from mkdocs.yml or flags); every problem is reported in one error."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in options.items():
        if value is None:
            continue
        if key not in OPTION_NAMES:
            problems.append(f"unknown option {key!r} (known: {', '.join(OPTION_NAMES)})")
        elif key in _PATH_FIELDS:
            values[key] = Path(str(value))
        elif key in ("default_lang", "site_lang"):
            if str(value) not in supported_languages():
                problems.append(f"{key}: {value!r} is not supported ({', '.join(supported_languages())})")
            values[key] = str(value)
        elif key == "models":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                problems.append("models: must map a language code to a spaCy package name")
            else:
                values[key] = {str(k): v for k, v in value.items()}
        elif key in ("latest", "max_article_chars"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                problems.append(f"{key}: must be a whole number of at least 1")
            values[key] = value
        elif key in ("strict", "use_directory_urls"):
            if not isinstance(value, bool):
                problems.append(f"{key}: must be true or false")
            values[key] = value
        elif key in ("site_url", "site_name"):
            values[key] = str(value)
    if problems:
        raise ConfigError("; ".join(problems), source)
    return Config(**values)


class _Loader(yaml.SafeLoader):
    """A safe loader that tolerates MkDocs' `!ENV` and `!relative` tags."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _mkdocs_yml(path: Path) -> dict[str, Any]:
    """The settings of an mkdocs.yml, or {} when there is none."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"is not valid YAML: {exc}", path) from exc
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping of settings (site_name: …, plugins: …)", path)
    return data


def mkdocs_docs_dir(path: Path) -> Path:
    """MkDocs' `docs_dir` for an mkdocs.yml (default `docs`), relative to the file's folder:
    MkDocs refuses to start when it is missing, so the commands that run MkDocs create it."""
    return path.parent / str(_mkdocs_yml(path).get("docs_dir") or "docs")  # an absolute one stays as is


def options_from_mkdocs_yml(path: Path) -> dict[str, Any]:
    """The `newsbrief` plugin block of an mkdocs.yml, or {} when there is none."""
    data = _mkdocs_yml(path)
    # MkDocs' own settings the feeds need, unless the plugin block sets them.
    site = {k: data[k] for k in ("site_url", "site_name", "use_directory_urls") if data.get(k) is not None}
    plugins = data.get("plugins") or []
    for plugin in plugins if isinstance(plugins, list) else [plugins]:
        if isinstance(plugin, dict) and "newsbrief" in plugin:
            block = plugin["newsbrief"] or {}
            if not isinstance(block, dict):
                raise ConfigError("the `newsbrief` plugin options must be a mapping (content_dir: …)", path)
            return {**site, **block}
    return site
