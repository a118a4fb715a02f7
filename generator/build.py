"""The order of the stages: read → parse → brief → aggregate → edit → render → write.

Only this module knows that order. A failing article is skipped and returned as a failure for
the caller (CLI or plugin) to report; the rest of the site still builds.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .build_state import BuildState, inputs_fingerprint, load_state, page_stats, save_state
from .cache import cache_key, load_cached, store
from .config import Config
from .corpus import aggregate
from .editorial import EDITS_FILE, apply_edits, load_edits
from .errors import ContentError, ExtractionError, NewsbriefError
from .langdata import load_lang
from .models import Article, Brief
from .page_inputs import template_folders, templates_digest
from .read import ARTICLE_SUFFIXES, read_article
from .write import generated_pages, write_pages

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    """What a generation did: briefs made, articles that failed, warnings, pages written."""

    briefs: list[Brief] = field(default_factory=list)
    failures: list[NewsbriefError] = field(default_factory=list)
    written: int = 0
    removed: int = 0
    unchanged: int = 0
    # Every warning logged while generating (an actors.yml entry naming no actor…): `strict` fails on them.
    warnings: list[str] = field(default_factory=list)
    # How many briefs the site holds (`briefs` is empty when nothing changed and nothing was read).
    brief_count: int = 0


# An article as read, remembered by file, folder, default language, modification time and size.
_ArticleKey = tuple[Path, Path | None, str, int, int]


@dataclass
class Memo:
    """What a long-running process (`mkdocs serve`) keeps from one build to the next.

    An article whose file has not changed is not read again, and its brief is not loaded from
    the disk cache again. Each build keeps only what it used, so the memo never outgrows the site.
    """

    articles: dict[_ArticleKey, Article] = field(default_factory=dict)
    briefs: dict[str, Brief] = field(default_factory=dict)


def find_articles(content_dir: Path) -> list[Path]:
    """Article files under `content_dir`, sorted; hidden files and folders are left out."""
    if not content_dir.is_dir():
        raise ContentError("content folder not found: create it and put articles in it", content_dir)
    found = []
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(path)
    return found


def make_briefs(
    paths: Sequence[Path],
    config: Config,
    *,
    root: Path | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    memo: Memo | None = None,
) -> tuple[list[Brief | None], list[NewsbriefError]]:
    """One brief per path, in order (None where the article failed), and the failures.

    `memo`, kept by the caller between builds, spares re-reading unchanged articles.
    """
    briefs: list[Brief | None] = [None] * len(paths)
    failures: list[NewsbriefError] = []
    pending: dict[str, list[tuple[int, Article, str]]] = defaultdict(list)
    used = Memo()
    for i, path in enumerate(paths):
        try:
            article = _read(path, root, config.default_lang, memo, used)
            _check_length(article, path, config.max_article_chars)
            model = config.model_for(load_lang(article.lang).model, article.lang)
            key = cache_key(article, model)
        except NewsbriefError as exc:
            failures.append(exc)
            continue
        cached = None
        if use_cache:
            cached = memo.briefs.get(key) if memo is not None else None
            if cached is None:
                cached = load_cached(config.cache_dir, key)
        if cached is not None:
            briefs[i] = used.briefs[key] = cached
        else:
            pending[model].append((i, article, key))
    done, total = 0, sum(len(v) for v in pending.values())
    for model, items in pending.items():
        for (i, _, key), result in _analysed(items, model, config.jobs, config.dask):
            if isinstance(result, str):
                failures.append(ExtractionError(f"analysis failed: {result}", paths[i]))
                continue
            briefs[i] = result
            if use_cache:
                store(config.cache_dir, key, result)
                used.briefs[key] = result
            done += 1
            if progress:
                progress(done, total)
    if memo is not None:
        memo.articles, memo.briefs = used.articles, used.briefs
    # Reported in the order of the files, whatever order the workers finished in.
    order = {Path(p): i for i, p in enumerate(paths)}
    failures.sort(key=lambda f: order.get(f.path, len(paths)) if f.path is not None else len(paths))
    return briefs, failures


# Starting a worker process costs a model load: fewer new articles than this per worker are
# analysed in this process.
MIN_ARTICLES_PER_WORKER = 20

Pending = tuple[int, Article, str]
# Articles per task of a worker process: as many as spaCy parses at once (`parse.BATCH`).
TASK_SIZE = 64


def _analysed(
    items: list[Pending], model: str, jobs: int, dask: str | None = None
) -> Iterator[tuple[Pending, Brief | str]]:
    """Each pending article with its brief, or the reason its analysis failed: on the Dask
    cluster at `dask`, in this process, or over `jobs` worker processes (0: one per core) when
    there are enough articles. Workers return briefs, never spaCy Docs, and a brief does not
    depend on which process or machine made it."""
    if dask:
        from .cluster import analyse_on_cluster  # imports `distributed`: only when asked for

        for k, result in analyse_on_cluster(dask, model, [article for _, article, _ in items], analyse_batch):
            yield items[k], result
        return
    workers = min(jobs or os.cpu_count() or 1, len(items) // MIN_ARTICLES_PER_WORKER)
    if workers <= 1:
        yield from zip(items, _analyse(model, [article for _, article, _ in items]))
        return
    # Longest articles first, in batches of at most TASK_SIZE: the last tasks are the shortest,
    # so no core waits long for the other at the end, and each batch parses texts of like length.
    ordered = sorted(items, key=lambda item: -len(item[1].text))
    size = max(1, min(TASK_SIZE, len(items) // (workers * 4)))
    batches = [ordered[k : k + size] for k in range(0, len(ordered), size)]
    context = multiprocessing.get_context("spawn")  # no fork of a process that may run threads
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(analyse_batch, model, [a for _, a, _ in batch]): batch for batch in batches}
        for future in concurrent.futures.as_completed(futures):
            yield from zip(futures[future], future.result())


def analyse_batch(model: str, articles: list[Article]) -> list[Brief | str]:
    """The work of one worker process: a brief for each article, or why its analysis failed."""
    return list(_analyse(model, articles))


def _analyse(model: str, articles: list[Article]) -> Iterator[Brief | str]:
    """Parse and analyse articles one after the other, each brief as soon as it is made.

    spaCy is imported here, only when something is to be analysed: a build whose briefs are all
    cached starts in a fraction of a second."""
    from .brief import make_brief
    from .parse import parse_many

    for article, doc in zip(articles, parse_many([a.text for a in articles], model)):
        try:
            yield make_brief(article, doc, load_lang(article.lang))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the site
            log.debug("analysis of %s failed", article.path, exc_info=True)
            yield f"{exc.__class__.__name__}: {exc}"


def _check_length(article: Article, path: Path, limit: int) -> None:
    """Refuse an article longer than `limit` characters, before any parsing: one huge file must
    not take the build's time and memory (the rest of the site still builds)."""
    if len(article.text) > limit:
        raise ContentError(
            f"is {len(article.text):,} characters long, over the limit of {limit:,} (max_article_chars): "
            "split it into several articles, or raise max_article_chars in mkdocs.yml",
            path,
        )


def _read(path: Path, root: Path | None, default_lang: str, memo: Memo | None, used: Memo) -> Article:
    """`read_article`, or the article the memo holds for this file unchanged."""
    try:
        stat = Path(path).stat()
    except OSError:
        return read_article(path, root, default_lang)  # reports why the file cannot be read
    key = (Path(path), root, default_lang, stat.st_mtime_ns, stat.st_size)
    article = memo.articles.get(key) if memo is not None else None
    if article is None:
        article = read_article(path, root, default_lang)
    used.articles[key] = article
    return article


def generate(config: Config, *, progress: Progress | None = None, memo: Memo | None = None) -> BuildReport:
    """Generate the Markdown pages of the whole site from `config.content_dir`.

    Takes the config (and, from a long-running process, the `Memo` of the previous build);
    returns what was done. Pages are written into `config.docs_dir`, only where they changed.
    When nothing the site is made from changed since the last generation (`build_state.py`),
    nothing is read, analysed or rendered, and the last report is given again.
    """
    with _warnings_logged() as warnings:
        paths = find_articles(config.content_dir)
        edits_path = config.content_dir / EDITS_FILE
        state = load_state(config)
        fingerprint = inputs_fingerprint(config, paths, [edits_path], templates_digest(template_folders(config)))
        # A memo to fill (the first build of `mkdocs serve`) needs the briefs read even so.
        if fingerprint == state.inputs and state.intact(config.docs_dir) and (memo is None or memo.briefs):
            for warning in state.warnings:
                log.warning("%s", warning)
            return BuildReport(
                failures=state.errors(), unchanged=len(state.pages), warnings=warnings, brief_count=state.briefs
            )
        # Read before the long analysis, so that a malformed file stops the build at once.
        edits = load_edits(edits_path)
        briefs, failures = make_briefs(paths, config, root=config.content_dir, progress=progress, memo=memo)
        made = [b for b in briefs if b is not None]
        corpus = apply_edits(aggregate(made, site_lang=config.site_lang), edits)
        from .render import render_changed  # jinja2 and the renderer: only when something changed

        previous = state.digests(config.docs_dir)
        ours = generated_pages(config.docs_dir)
        rendered = render_changed(corpus, config, {k: v for k, v in previous.items() if k in ours})
        result = write_pages(rendered.pages, config.docs_dir, rendered.kept)
        every = dict.fromkeys([*rendered.pages, *rendered.kept], "") | rendered.digests
        failed = [(f.kind, f.message, None if f.path is None else str(f.path)) for f in failures]
        save_state(
            config,
            BuildState(fingerprint, page_stats(config.docs_dir, every), len(made), failed, list(warnings)),
        )
    return BuildReport(made, failures, result.written, result.removed, result.unchanged, warnings, len(made))


class _Collect(logging.Handler):
    """Keeps the text of every warning it sees."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record's message."""
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings_logged() -> Iterator[list[str]]:
    """The warnings newsbrief's modules log meanwhile; they are still logged as usual."""
    handler = _Collect()
    package = logging.getLogger(__package__)
    package.addHandler(handler)
    try:
        yield handler.messages
    finally:
        package.removeHandler(handler)
