"""The `newsbrief` MkDocs plugin: generate the pages before MkDocs reads its docs folder.

A thin wrapper over `generator.build.generate`: options mirror `generator.config.Config`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .build import generate
from .config import Config, make_config
from .errors import NewsbriefError
from .langdata import load_lang, supported_languages

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


class NewsbriefPlugin(BasePlugin[NewsbriefOptions]):
    """Writes the brief, actor and index pages into MkDocs' docs_dir at the start of each build."""

    def __init__(self) -> None:
        self.settings: Config | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check the options once, with paths relative to the folder of mkdocs.yml."""
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        options: dict[str, Any] = dict(self.config)
        # The site's language is the theme's unless the plugin block says otherwise.
        theme_lang = config.theme.get("language")
        if options.get("site_lang") is None and theme_lang in supported_languages():
            options["site_lang"] = theme_lang
        # What the feeds need to know about the published site.
        options.update(site_url=config.site_url or None, site_name=config.site_name,
                       use_directory_urls=config.use_directory_urls)
        try:
            settings = make_config(options, source=config.config_file_path or "mkdocs.yml")
        except NewsbriefError as exc:
            raise PluginError(f"newsbrief: {exc}") from exc
        self.settings = dataclasses.replace(settings.resolve(root), docs_dir=Path(config.docs_dir))
        if theme_lang and theme_lang != settings.site_lang:
            log.warning("site_lang %r differs from the theme's language %r: the pages mix two languages",
                        settings.site_lang, theme_lang)
        labels = load_lang(settings.site_lang).labels
        # Words of the theme's own pages (the 404 page) in the site's language.
        config.extra["newsbrief_labels"] = {k: labels[k] for k in ("not_found", "not_found_help", "back_home")}
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Generate the pages; a failed article is a warning, so `mkdocs build --strict` fails."""
        assert self.settings is not None
        try:
            report = generate(self.settings)
        except NewsbriefError as exc:
            raise PluginError(f"newsbrief: {exc}") from exc
        for failure in report.failures:
            log.warning("%s", failure)
        if report.failures and self.settings.strict:
            raise PluginError(f"newsbrief: {len(report.failures)} article(s) failed (strict: true)")
        log.info("%d briefs; %d pages written, %d unchanged, %d removed",
                 len(report.briefs), report.written, report.unchanged, report.removed)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer | None:
        """Rebuild when an article or a template changes."""
        assert self.settings is not None
        for folder in (self.settings.content_dir, self.settings.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server
