"""Render the corpus into Markdown pages with the Jinja2 templates of `config.templates_dir`.

Autoescaping is off since the output is Markdown, not HTML; instead the Environment's `finalize`
passes every `{{ … }}` through `md_escape`, so article text cannot inject markup even where a
template forgets a filter. Only `Markdown` values, built by the link helpers below from escaped
text and our own page addresses, go through as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import activity, navigation
from .annotate import Piece, annotate, source_anchor
from .config import Config
from .corpus import Corpus, CorpusActor
from .errors import RenderError
from .escape import Markdown, md_escape, md_link, page_title, safe_url
from .feeds import Entry, Feed, atom_feed, entry_date, rss_feed
from .figures import actor_chart, months_chart, network_figure
from .langdata import fold, load_lang
from .mentions import quotes_naming
from .models import Brief, Quote, Statement
from .neighbours import Networks, appears_with
from .page_inputs import DEFAULT_TEMPLATES, PageInputs, templates_digest

log = logging.getLogger(__name__)

# Briefs per page of the archive and of each month.
PER_PAGE = 20
# Entries of the site feed and of each actor's feed.
FEED_SIZE = 50
ACTOR_FEED_SIZE = 20
# Actors in each "appears most with" list of an actor page; quotes of others naming an actor.
APPEARS_WITH = 15
NAMED_PER_ACTOR = 20
# Most-quoted actors of the newest month, on the home page.
MOST_QUOTED = 8


@dataclass
class Rendered:
    """The pages rendered (path under docs_dir -> text), the digest of each page's inputs, and the
    pages left as they are because their inputs did not change."""

    pages: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)


def render_site(corpus: Corpus, config: Config) -> dict[str, str]:
    """Take the corpus and config; return every page (Markdown) and feed (Atom, RSS) keyed by its path under docs_dir."""
    return render_changed(corpus, config, {}).pages


def render_changed(corpus: Corpus, config: Config, previous: Mapping[str, str]) -> Rendered:
    """Render the pages whose inputs changed: `previous` holds the input digests of the pages
    already in docs_dir (`page_inputs.py`); a page whose digest is the same is kept, not rendered."""
    env = make_environment(config.templates_dir)
    labels = load_lang(config.site_lang).labels
    by_month = navigation.months(corpus, PER_PAGE)
    tags = navigation.tags(corpus)
    index = Index(corpus, tags)
    inputs = PageInputs(corpus, config, labels, templates_digest(_template_folders(env)), index.places, index.tags)
    out = Rendered()

    def needed(path: str, template: str, own: str | None) -> bool:
        """False when the page's inputs are those of the page already written."""
        if own is None:
            return True
        out.digests[path] = now = inputs.page(path, template, own)
        if previous.get(path) == now:
            out.kept.add(path)
            return False
        return True

    def page(path: str, template: str, own: str | None = None, **context: Any) -> None:
        if needed(path, template, own):
            root = "../" * path.count("/")
            out.pages[path] = _render(env, template, root, corpus, labels, index, months=by_month, **context)

    @functools.cache
    def month_name(key: str) -> str:
        return format_date(key, labels)

    def href(page_path: str, target: str) -> str:
        return relative_url(page_path, target, config.use_directory_urls)

    periods = activity.corpus_months(corpus)
    chart_title = labels["briefs_by_year" if periods and len(periods[0].key) == 4 else "briefs_by_month"]
    chart = months_chart(periods, chart_title, labels, month_name)
    this_month = activity.latest_month(corpus)
    page(
        "index.md",
        "home.md.j2",
        briefs=corpus.briefs[: config.latest],
        chart=chart,
        chart_title=chart_title,
        this_month=this_month,
        most_quoted=activity.most_quoted(corpus, this_month, MOST_QUOTED),
    )
    page("briefs/index.md", "briefs.md.j2")
    for listing in navigation.paginate(corpus.briefs, "archive/index.md", "archive/page-", PER_PAGE):
        page(listing.path, "archive.md.j2", inputs.listing(listing, None, by_month), listing=listing, month=None)
    for month in by_month:
        for listing in month.pages:
            page(listing.path, "archive.md.j2", inputs.listing(listing, month, by_month), listing=listing, month=month)
    page("tags/index.md", "tags.md.j2", tags=tags)
    for tag in tags:
        page(tag.path, "tag.md.j2", inputs.tag(tag), tag=tag)
    page("actors/index.md", "actors.md.j2", letters=navigation.letters(corpus.actors))
    page("places/index.md", "places.md.j2")
    page(TIMELINE, "timeline.md.j2", chart=chart, chart_title=chart_title, periods=tuple(reversed(periods)))
    networks = Networks(corpus)
    network = network_figure(*networks.corpus_wide(), labels["actor_network"], NETWORK, href)
    page(NETWORK, "network.md.j2", graph=network)
    for brief in corpus.briefs:
        path = f"briefs/{brief.id}.md"
        if not needed(path, "brief.md.j2", inputs.brief(brief.id)):
            continue
        source = annotate(brief)
        # The anchors of the quotes and statements marked in the source text, by index.
        pieces = [p for paragraph in source for p in paragraph]
        quoted = {p.quote: source_anchor("quote", p.quote) for p in pieces if p.quote is not None}
        stated = {p.statement: source_anchor("statement", p.statement) for p in pieces if p.statement is not None}
        page(path, "brief.md.j2", brief=brief, source=source, quote_anchors=quoted, statement_anchors=stated)
    named = quotes_naming(corpus, NAMED_PER_ACTOR)
    for actor in corpus.actors:
        path = f"actors/{actor.id}.md"
        nodes, edges = networks.actor(actor)
        naming = named.get(actor.id, ())
        if not needed(path, "actor.md.j2", inputs.actor_page(actor.id, (nodes, edges), naming)):
            continue
        people, places = appears_with(corpus, actor, APPEARS_WITH)
        page(
            path,
            "actor.md.j2",
            actor=actor,
            chart=actor_chart(corpus, actor, labels, month_name),
            graph=network_figure(nodes, edges, f"{actor.name} — {labels['co_graph']}", path, href, centre=actor.id),
            with_actors=people,
            with_places=places,
            named=[(b, b.quotes[n.index], n.anchor) for n in naming if (b := corpus.brief(n.brief_id)) is not None],
        )
    render_feeds(corpus, config, labels, index, out, inputs, previous)
    return out


def render_feeds(
    corpus: Corpus,
    config: Config,
    labels: Mapping[str, str],
    index: Index,
    out: Rendered,
    inputs: PageInputs,
    previous: Mapping[str, str],
) -> None:
    """The feeds of the latest briefs (always) and of each actor (when its inputs changed), in
    Atom and RSS 2.0, into `out`."""

    def url(path: str) -> str:
        return page_url(path, config.use_directory_urls)

    def write(feed: Feed, atom: str, rss: str) -> None:
        out.pages[atom] = atom_feed(feed, path=atom, page_url=url)
        out.pages[rss] = rss_feed(feed, path=rss, page_url=url)

    def entry(brief: Brief, summary: str) -> Entry:
        return Entry(f"briefs/{brief.id}.md", brief.title, entry_date(brief), summary, brief.author or brief.source)

    def feed(page: str, title: str, description: str, entries: list[Entry]) -> Feed:
        return Feed(page, title, description, entries, config.site_lang, config.site_name, config.site_url)

    site = config.site_name
    latest = [entry(b, b.summary) for b in corpus.briefs[:FEED_SIZE]]
    about = labels["feed_site_description"].format(site=site)
    write(feed("index.md", f"{site} — {labels['latest_briefs']}", about, latest), SITE_FEED, SITE_RSS)
    for actor in corpus.actors:
        paths = actor_feed(actor.id), actor_feed(actor.id, rss=True)
        own = inputs.actor_feed(actor.id, ACTOR_FEED_SIZE)
        for path, kind in zip(paths, ("atom", "rss")):
            out.digests[path] = inputs.page(path, kind, own)
        if all(previous.get(path) == out.digests[path] for path in paths):
            out.kept.update(paths)
            continue
        entries = []
        for ap in actor.appearances[:ACTOR_FEED_SIZE]:
            brief = corpus.brief(ap.brief_id)
            if brief is None:
                continue
            said = [labels["quoted"].format(text=q.text) for q in actor.quotes if q.brief_id == brief.id]
            entries.append(entry(brief, "\n\n".join([*said, brief.summary])))
        about = labels["feed_actor_description"].format(name=actor.name, site=site)
        write(feed(f"actors/{actor.id}.md", f"{actor.name} — {site}", about, entries), *paths)


SITE_FEED = "feeds/briefs.xml"
SITE_RSS = "feeds/briefs.rss"
# The chronology of every dated event across the briefs.
TIMELINE = "timeline/index.md"
# The who-appears-with graph of the whole corpus.
NETWORK = "network/index.md"


def actor_feed(actor_id: str, rss: bool = False) -> str:
    """The path (under docs_dir) of an actor's Atom feed, or of its RSS feed."""
    return f"feeds/actors/{actor_id}.{'rss' if rss else 'xml'}"


def page_url(path: str, directory_urls: bool = True) -> str:
    """The address of a page under the site root, as MkDocs publishes it (`briefs/x.md` -> `briefs/x/`)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(page: str, target: str, directory_urls: bool = True) -> str:
    """The address of `target` from `page` (both paths under docs_dir) as MkDocs publishes them,
    for links MkDocs does not rewrite (inside raw HTML such as an SVG)."""
    source, dest = page_url(page, directory_urls), page_url(target, directory_urls)
    # Folders of the page's address, against those of the target: up from what differs, then down.
    folders, parts = source.split("/")[:-1], dest.split("/")
    same = 0
    while same < min(len(folders), len(parts) - 1) and folders[same] == parts[same]:
        same += 1
    return "../" * (len(folders) - same) + "/".join(parts[same:]) or "./"


class Index:
    """Lookups by id built once per site, so that rendering thousands of pages stays linear."""

    def __init__(self, corpus: Corpus, tags: tuple[navigation.Tag, ...] = ()) -> None:
        self.corpus = corpus
        # The tags of each brief (front matter tags, then key actors), by brief id.
        self.tags = navigation.brief_tags(corpus, tags)
        self.named: dict[tuple[str, str], str] = {}
        # Names of brief actors an editor hid: no page, and no place in a list of places or sources.
        self.hidden: set[tuple[str, str]] = set()
        for brief in corpus.briefs:
            for a in brief.actors:
                page = corpus.page_of(brief.id, a.id)
                for name in (a.name, *a.aliases):
                    if page is not None:
                        self.named.setdefault((brief.id, fold(name)), page)
                    else:
                        self.hidden.add((brief.id, fold(name)))
        # Places of each brief: its place actors, then the places of its context that are actors,
        # each corpus actor once and by the type the corpus (after editors' edits) gives it.
        self.places = {b.id: self._places(b) for b in corpus.briefs}

    def _places(self, brief: Brief) -> tuple[str, ...]:
        """The page ids of a brief's places, in the order `places` gives."""
        pages = [self.corpus.page_of(brief.id, a.id) for a in brief.actors]
        pages += [self.named.get((brief.id, fold(name))) for name in brief.context.places]
        return tuple(p for p in dict.fromkeys(pages) if p is not None and self.type_of(p) == "place")

    def type_of(self, page: str | None) -> str | None:
        """The type of the corpus actor with that page id (an editor's `type:` included)."""
        actor = self.actor(page)
        return actor.type if actor is not None else None

    def names(self, brief: Brief, names: Iterable[str], type: str | None = None) -> list[str | CorpusActor]:
        """Names from a brief's context as the corpus sees them: the corpus actor each names, once
        (two names of one merged actor are one), or the name itself when it names no actor; a
        hidden actor is left out, and so is an actor whose type is not `type` (when given)."""
        out: dict[str, str | CorpusActor] = {}
        for name in names:
            key = (brief.id, fold(name))
            actor = self.actor(self.named.get(key))
            if actor is not None:
                if type is None or actor.type == type:
                    out.setdefault(f"actor:{actor.id}", actor)
            elif key not in self.hidden:
                out.setdefault(f"name:{fold(name)}", name)
        return list(out.values())

    def brief(self, brief_id: str) -> Brief | None:
        """The brief with that id, if any."""
        return self.corpus.brief(brief_id)

    def actor(self, actor_id: str | None) -> CorpusActor | None:
        """The corpus actor with that page id, if any."""
        return self.corpus.actor(actor_id) if actor_id else None


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment of the site: strict, Markdown-escaping, `templates_dir` first."""
    folders = [Path(p).resolve() for p in (templates_dir, DEFAULT_TEMPLATES) if Path(p).is_dir()]
    if not folders:
        raise RenderError("templates folder not found", templates_dir)
    if not Path(templates_dir).is_dir():
        log.info("%s not found: using the templates newsbrief comes with", templates_dir)
    return _environment(tuple(str(p) for p in dict.fromkeys(folders)))


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]) -> jinja2.Environment:
    """One environment per list of folders and process: `mkdocs serve` does not compile the
    templates again at every rebuild, and Jinja2 still reloads a template whose file changed."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters["md"] = md_escape
    env.filters["mdjoin"] = md_join
    env.filters["page_title"] = page_title
    return env


def md_join(items: Iterable[Any], separator: str = ", ") -> Markdown:
    """Items escaped (links kept) and joined, as one piece of Markdown."""
    return Markdown(md_escape(separator).join(md_escape(item) for item in items))


def _render(
    env: jinja2.Environment,
    name: str,
    root: str,
    corpus: Corpus,
    labels: Mapping[str, str],
    index: Index,
    **context: Any,
) -> str:
    """One page from one template; a template problem becomes a `RenderError`."""
    try:
        template = env.get_template(name)
        text = template.render(
            corpus=corpus, labels=labels, index=index, link=Links(root, corpus, labels, index), **context
        )
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {exc.name} not found", _templates_of(env)) from exc
    except jinja2.TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        raise RenderError(f"{exc.__class__.__name__}: {exc}" + (f" (line {line})" if line else ""), where) from exc
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
    return ", ".join(str(p) for p in _template_folders(env)) or None


def _template_folders(env: jinja2.Environment) -> list[Path]:
    """The folders templates are loaded from, first first."""
    loader = env.loader
    return [Path(p) for p in loader.searchpath] if isinstance(loader, jinja2.FileSystemLoader) else []


class Links:
    """Links from one page to the others, as Markdown; `root` leads from the page to docs_dir."""

    def __init__(self, root: str, corpus: Corpus, labels: Mapping[str, str], index: Index | None = None) -> None:
        self.root = root
        self.corpus = corpus
        self.labels = labels
        self.index = index or Index(corpus)

    def page(self, path: str, text: str) -> Markdown:
        """A link to any generated page or file, by its path under docs_dir."""
        return md_link(text, f"{self.root}{path}")

    def anchor(self, anchor: str, text: str) -> Markdown:
        """A link to a place on the same page."""
        return md_link(text, f"#{anchor}")

    def tags(self, brief: Brief) -> list[Markdown]:
        """The tags of a brief as links to their pages: its own tags, then its key actors."""
        return [md_link(t.name, f"{self.root}{t.path}") for t in self.index.tags.get(brief.id, ())]

    def home(self, text: str) -> Markdown:
        """A link to the home page."""
        return md_link(text, f"{self.root}index.md")

    def briefs(self, text: str) -> Markdown:
        """A link to the chronology of every brief."""
        return md_link(text, f"{self.root}briefs/index.md")

    def actors(self, text: str) -> Markdown:
        """A link to the actor index."""
        return md_link(text, f"{self.root}actors/index.md")

    def timeline(self, text: str) -> Markdown:
        """A link to the chronology of dated events."""
        return md_link(text, f"{self.root}{TIMELINE}")

    def brief(self, brief_id: str, text: str | None = None) -> Markdown:
        """A link to a brief page, showing its title unless told otherwise."""
        found = self.index.brief(brief_id)
        label = text if text is not None else (found.title if found else brief_id)
        return md_link(label, f"{self.root}briefs/{brief_id}.md" if found else None)

    def actor(self, actor: CorpusActor | str | None, text: str | None = None) -> Markdown:
        """A link to a corpus actor page (given the actor or its page id), showing its name."""
        if isinstance(actor, str):
            actor = self.index.actor(actor)
        if actor is None:
            return md_escape(text)
        return md_link(text if text is not None else actor.name, f"{self.root}actors/{actor.id}.md")

    def member(self, brief: Brief, actor_id: str | None, fallback: str | None = None) -> Markdown:
        """A link to the page of a brief-level actor; its name, or `fallback`, as plain text otherwise."""
        page = self.index.actor(self.corpus.page_of(brief.id, actor_id))
        if page is not None:
            return self.actor(page)
        own = brief.actor(actor_id)
        return md_escape(fallback or (own.name if own else "") or self.labels["speaker_unknown"])

    def members(self, brief: Brief, actor_ids: Iterable[str]) -> list[Markdown]:
        """Links to the pages of those actors of a brief (names where they have none); an id the
        brief does not hold is left out."""
        return [self.member(brief, i) for i in dict.fromkeys(actor_ids) if brief.actor(i) is not None]

    def speaker(self, brief: Brief, said: Quote | Statement) -> Markdown:
        """Who said a quote or statement: a link to their page, else how the text describes an
        unnamed source ("l'un de ses conseillers", in italics), else the unknown-speaker label."""
        desc = (said.speaker_desc or "").strip()
        if said.speaker is None and not said.speaker_name and desc:
            return Markdown(f"*{md_escape(desc)}*")
        return self.member(brief, said.speaker, said.speaker_name)

    def context_names(self, brief: Brief, names: Iterable[str], type: str | None = None) -> list[Markdown]:
        """Names from a brief's context (its places, its sources), each actor once as a link to
        its page, other names as plain text, hidden actors left out (`Index.names`)."""
        return [
            self.actor(n) if isinstance(n, CorpusActor) else md_escape(n) for n in self.index.names(brief, names, type)
        ]

    def named(self, brief: Brief, name: str) -> Markdown:
        """A link to the page of the actor of `brief` called `name`, or `name` as plain text."""
        page = self.index.actor(self.index.named.get((brief.id, fold(name))))
        return self.actor(page) if page is not None else md_escape(name)

    def external(self, text: str | None, url: str | None) -> Markdown:
        """A link to an outside http(s) address; plain text for any other kind of address."""
        return md_link(text or url, safe_url(url))

    def date(self, iso: str | None) -> Markdown:
        """An ISO date (a day, a month or a year) written the way the site's language writes dates."""
        return md_escape(format_date(iso, self.labels))

    def month(self, key: str) -> Markdown:
        """A month key (`2024-11`, or `undated`) written out: "novembre 2024"."""
        if key == navigation.UNDATED:
            return md_escape(self.labels["undated"])
        return md_escape(format_date(key, self.labels))

    def feed(self, actor: CorpusActor | None = None, rss: bool = False) -> str:
        """The path under docs_dir of the site feed, or of an actor's feed: Atom, or RSS 2.0."""
        if actor is not None:
            return actor_feed(actor.id, rss)
        return SITE_RSS if rss else SITE_FEED

    def source(self, brief: Brief, paragraphs: list[list[Piece]]) -> Markdown:
        """The original text as Markdown paragraphs: quotes and statements marked, mentions linked."""
        out = []
        for pieces in paragraphs:
            line, open_mark = [], None
            for piece in pieces:
                mark = (
                    ("quote", piece.quote)
                    if piece.quote is not None
                    else ("statement", piece.statement)
                    if piece.statement is not None
                    else None
                )
                if mark != open_mark:
                    if open_mark is not None:
                        line.append("</mark>")
                    if mark is not None:
                        kind, number = mark
                        line.append(f'<mark class="nb-{kind}" id="{source_anchor(kind, number)}">')
                    open_mark = mark
                page = self.index.actor(self.corpus.page_of(brief.id, piece.actor))
                text = piece.text.replace("\n", " ")
                line.append(md_link(text, f"{self.root}actors/{page.id}.md") if page else md_escape(text))
            if open_mark is not None:
                line.append("</mark>")
            out.append("".join(line).strip())
        return Markdown("\n\n".join(p for p in out if p))


# A month (`2024-11`) or a year (`2024`): how precise a date of an article can be short of a day.
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_YEAR = re.compile(r"\d{4}")


def format_date(iso: str | None, labels: Mapping[str, str]) -> str:
    """`2024-11-12` as "12 novembre 2024" (by the labels' `date_format`), `2024-11` as "novembre
    2024" (`month_format`), `2024` as it is; other text unchanged."""
    if not iso:
        return ""
    months = labels["month_names"].split()
    if month := _MONTH.fullmatch(iso):
        year, number = month.group(1), int(month.group(2))
        month_name = months[number - 1] if len(months) == 12 else str(number)
        return labels["month_format"].format(month=month_name, year=year)
    if _YEAR.fullmatch(iso):
        return iso
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    name = months[day.month - 1] if len(months) == 12 else str(day.month)
    day_number = labels["first_day"] if day.day == 1 else str(day.day)
    return labels["date_format"].format(day=day_number, month=name, year=day.year)
