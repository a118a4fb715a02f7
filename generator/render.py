"""Render the corpus into Markdown pages with the Jinja2 templates of `config.templates_dir`.

Autoescaping is off since the output is Markdown, not HTML; instead the Environment's `finalize`
passes every `{{ … }}` through `md_escape`, so article text cannot inject markup even where a
template forgets a filter. Only `Markdown` values, built by the link helpers below from escaped
text and our own page addresses, go through as they are.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from .config import Config
from .corpus import Corpus, CorpusActor
from .errors import RenderError
from .escape import Markdown, md_escape, md_link, page_title, safe_url
from .langdata import load_lang
from .models import ACTOR_TYPES, Brief

log = logging.getLogger(__name__)

# The templates newsbrief comes with; a project's own templates_dir overrides them file by file.
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def render_site(corpus: Corpus, config: Config) -> dict[str, str]:
    """Take the corpus and config; return every page's Markdown keyed by its path under docs_dir."""
    env = make_environment(config.templates_dir)
    labels = load_lang(config.site_lang).labels
    types = [t for t in ACTOR_TYPES if corpus.by_type(t)]
    types += sorted({a.type for a in corpus.actors} - set(types))
    pages = {
        "index.md": _render(env, "home.md.j2", "", corpus, labels,
                            briefs=corpus.briefs[: config.latest]),
        "briefs/index.md": _render(env, "briefs.md.j2", "../", corpus, labels),
        "actors/index.md": _render(env, "actors.md.j2", "../", corpus, labels, types=types),
    }
    for brief in corpus.briefs:
        pages[f"briefs/{brief.id}.md"] = _render(env, "brief.md.j2", "../", corpus, labels, brief=brief)
    for actor in corpus.actors:
        pages[f"actors/{actor.id}.md"] = _render(env, "actor.md.j2", "../", corpus, labels, actor=actor)
    return pages


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment of the site: strict, Markdown-escaping, `templates_dir` first."""
    folders = [Path(p).resolve() for p in (templates_dir, DEFAULT_TEMPLATES) if Path(p).is_dir()]
    if not folders:
        raise RenderError("templates folder not found", templates_dir)
    if not Path(templates_dir).is_dir():
        log.info("%s not found: using the templates newsbrief comes with", templates_dir)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in dict.fromkeys(folders)]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["mdjoin"] = md_join
    env.filters["page_title"] = page_title
    return env


def md_join(items: Iterable[Any], separator: str = ", ") -> Markdown:
    """Items escaped (links kept) and joined, as one piece of Markdown."""
    return Markdown(md_escape(separator).join(md_escape(item) for item in items))


def _render(env: jinja2.Environment, name: str, root: str, corpus: Corpus,
            labels: dict[str, str], **context: Any) -> str:
    """One page from one template; a template problem becomes a `RenderError`."""
    try:
        template = env.get_template(name)
        text = template.render(corpus=corpus, labels=labels, link=Links(root, corpus, labels),
                               **context)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {exc.name} not found", _templates_of(env)) from exc
    except jinja2.TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        raise RenderError(f"{exc.__class__.__name__}: {exc}" + (f" (line {line})" if line else ""),
                          where) from exc
    # One blank line at most between blocks, one final newline: clean diffs of golden files.
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1]):
            lines.append(line.rstrip() if line.strip() else "")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _templates_of(env: jinja2.Environment) -> str | None:
    """The folders templates are loaded from, for error messages."""
    loader = env.loader
    return ", ".join(loader.searchpath) if isinstance(loader, jinja2.FileSystemLoader) else None


class Links:
    """Links from one page to the others, as Markdown; `root` leads from the page to docs_dir."""

    def __init__(self, root: str, corpus: Corpus, labels: dict[str, str]) -> None:
        self.root = root
        self.corpus = corpus
        self.labels = labels

    def home(self, text: str) -> Markdown:
        """A link to the home page."""
        return md_link(text, f"{self.root}index.md")

    def briefs(self, text: str) -> Markdown:
        """A link to the list of every brief."""
        return md_link(text, f"{self.root}briefs/index.md")

    def actors(self, text: str) -> Markdown:
        """A link to the actor index."""
        return md_link(text, f"{self.root}actors/index.md")

    def brief(self, brief_id: str, text: str | None = None) -> Markdown:
        """A link to a brief page, showing its title unless told otherwise."""
        found = self.corpus.brief(brief_id)
        label = text if text is not None else (found.title if found else brief_id)
        return md_link(label, f"{self.root}briefs/{brief_id}.md" if found else None)

    def actor(self, actor: CorpusActor | str | None, text: str | None = None) -> Markdown:
        """A link to a corpus actor page (given the actor or its page id), showing its name."""
        if isinstance(actor, str):
            actor = self.corpus.actor(actor)
        if actor is None:
            return md_escape(text)
        return md_link(text if text is not None else actor.name, f"{self.root}actors/{actor.id}.md")

    def member(self, brief: Brief, actor_id: str | None, fallback: str | None = None) -> Markdown:
        """A link to the page of a brief-level actor; its name, or `fallback`, as plain text otherwise."""
        page = self.corpus.actor(self.corpus.page_of(brief.id, actor_id))
        if page is not None:
            return self.actor(page)
        own = brief.actor(actor_id)
        return md_escape(fallback or (own.name if own else "") or self.labels["speaker_unknown"])

    def named(self, brief: Brief, name: str) -> Markdown:
        """A link to the page of the actor of `brief` called `name`, or `name` as plain text."""
        page = self.corpus.actor(self.corpus.page_named(brief.id, name))
        return self.actor(page) if page is not None else md_escape(name)

    def external(self, text: str | None, url: str | None) -> Markdown:
        """A link to an outside http(s) address; plain text for any other kind of address."""
        return md_link(text or url, safe_url(url))

    def date(self, iso: str | None) -> Markdown:
        """An ISO date written the way the site's language writes dates."""
        return md_escape(format_date(iso, self.labels))


def format_date(iso: str | None, labels: dict[str, str]) -> str:
    """`2024-11-12` as "12 novembre 2024" (by the labels' `date_format`); other text unchanged."""
    if not iso:
        return ""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    months = labels["month_names"].split()
    name = months[day.month - 1] if len(months) == 12 else str(day.month)
    number = labels["first_day"] if day.day == 1 else str(day.day)
    return labels["date_format"].format(day=number, month=name, year=day.year)
