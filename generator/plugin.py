"""The `newsbrief` MkDocs plugin: generate the pages before MkDocs reads its docs folder.

A thin wrapper over `generator.build.generate`: options mirror `generator.config.Config`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .build import Memo, generate
from .config import Config, make_config, options_from_mkdocs
from .errors import NewsbriefError
from .langdata import load_lang
from .write import generated_pages

if TYPE_CHECKING:  # the live-reload server (and watchdog) are only imported by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("newsbrief")


class NewsbriefOptions(base.Config):
    """The plugin block of mkdocs.yml; every option left out keeps `Config`'s default."""

    content_dir = c.Optional(c.Type(str))
    templates_dir = c.Optional(c.Type(str))
    cache_dir = c.Optional(c.Type(str))
    default_lang = c.Optional(c.Type(str))
    site_lang = c.Optional(c.Type(str))
    models = c.Optional(c.Type(dict))
    latest = c.Optional(c.Type(int))
    strict = c.Optional(c.Type(bool))
    max_article_chars = c.Optional(c.Type(int))
    jobs = c.Optional(c.Type(int))
    dask = c.Optional(c.Type(str))


class NewsbriefPlugin(BasePlugin[NewsbriefOptions]):
    """Writes the brief, actor and index pages into MkDocs' docs_dir at the start of each build."""

    def __init__(self) -> None:
        self.settings: Config | None = None
        self.memo = Memo()
        self.serving = False
        self.deploying = False
        self.preloading: threading.Thread | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Having this hook makes MkDocs keep one plugin instance across the rebuilds of
        `mkdocs serve`, and with it the memo of unchanged articles and briefs."""
        self.serving = command == "serve"
        self.deploying = command == "gh-deploy"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check the options once, with paths relative to the folder of mkdocs.yml."""
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        try:
            settings = make_config(
                options_from_mkdocs(config, self.config), source=config.config_file_path or "mkdocs.yml"
            )
        except NewsbriefError as exc:
            raise PluginError(f"newsbrief: {exc}") from exc
        self.settings = settings.resolve(root)
        if self.deploying and not config.site_url:
            # Counted by `mkdocs gh-deploy --strict`, which then publishes nothing.
            log.warning(
                "site_url is not set: gh-deploy publishes an empty sitemap and feeds with relative links; "
                "set site_url in mkdocs.yml"
            )
        theme_lang = config.theme.get("language")
        if theme_lang and theme_lang != settings.site_lang:
            log.warning(
                "site_lang %r differs from the theme's language %r: the pages mix two languages",
                settings.site_lang,
                theme_lang,
            )
        # Words of the theme's own pages (the 404 page) in the site's language. mkdocs.yml may
        # spell them out for builds without this plugin (Zensical): they must agree.
        words = theme_labels(settings.site_lang)
        written = config.extra.get("newsbrief_labels")
        if written is not None and written != words:
            log.warning(
                "extra.newsbrief_labels in mkdocs.yml differ from site_lang %r's words %s: a build without "
                "the plugin (zensical) shows them on its 404 page",
                settings.site_lang,
                words,
            )
        config.extra["newsbrief_labels"] = words
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Generate the pages; a failed article is a warning, so `mkdocs build --strict` fails."""
        assert self.settings is not None
        try:
            with _through_mkdocs_log():
                report = generate(self.settings, memo=self.memo)
        except NewsbriefError as exc:
            raise PluginError(f"newsbrief: {exc}") from exc
        for failure in report.failures:
            log.warning("%s", failure)
        if (report.failures or report.warnings) and self.settings.strict:
            raise PluginError(
                f"newsbrief: {len(report.failures)} article(s) failed, {len(report.warnings)} warning(s) (strict: true)"
            )
        if self.serving and self.preloading is None:
            self.preloading = _preload(self.settings, {b.lang for b in self.memo.briefs.values()})
        log.info(
            "%d briefs; %d pages written, %d unchanged, %d removed",
            report.brief_count,
            report.written,
            report.unchanged,
            report.removed,
        )

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        """Rebuild when an article or a template changes, once: MkDocs watches docs_dir, where
        the build writes its pages, so each edit used to rebuild twice. docs_dir is watched
        for what is not ours (hand-written pages, assets) instead of as a whole."""
        assert self.settings is not None
        for folder in (self.settings.content_dir, self.settings.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        docs = Path(config.docs_dir)
        ours = {Path(rel).parts[0] for rel in generated_pages(docs)}
        server.unwatch(str(docs))
        for entry in sorted(docs.iterdir()) if docs.is_dir() else ():
            if entry.name not in ours and not entry.name.startswith("."):
                server.watch(str(entry))
        return server


def _preload(settings: Config, langs: set[str]) -> threading.Thread:
    """Load the spaCy models of the corpus' languages in the background while `mkdocs serve`
    waits for edits: the first edited article is then analysed at once, not after a model load."""

    def load() -> None:
        from .parse import load_model

        for lang in sorted(langs):
            try:
                load_model(settings.model_for(load_lang(lang).model, lang))
            except NewsbriefError as exc:  # the build that needs it reports it
                log.debug("not preloaded: %s", exc)

    thread = threading.Thread(target=load, name="newsbrief-preload", daemon=True)
    thread.start()
    return thread


def theme_labels(site_lang: str) -> dict[str, str]:
    """The words the theme's own templates (the 404 page) read from `extra.newsbrief_labels`."""
    labels = load_lang(site_lang).labels
    return {k: labels[k] for k in ("not_found", "not_found_help", "back_home")}


class _Forward(logging.Handler):
    """Passes a record of newsbrief's modules on to the plugin's MkDocs logger."""

    def emit(self, record: logging.LogRecord) -> None:
        """Log the record's message again, at its level, through MkDocs."""
        log.log(record.levelno, "%s", record.getMessage())


@contextlib.contextmanager
def _through_mkdocs_log() -> Iterator[None]:
    """Meanwhile, newsbrief's warnings (an actors.yml entry naming no actor…) go through MkDocs'
    logger: shown like MkDocs' own and counted by `mkdocs build --strict`."""
    package = logging.getLogger("generator")
    handler, propagate = _Forward(logging.WARNING), package.propagate
    package.addHandler(handler)
    package.propagate = False
    try:
        yield
    finally:
        package.removeHandler(handler)
        package.propagate = propagate
