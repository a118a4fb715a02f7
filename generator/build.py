"""The order of the stages: read → parse → brief → aggregate → edit → render → write.

Only this module knows that order. A failing article is skipped and returned as a failure for
the caller (CLI or plugin) to report; the rest of the site still builds.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .brief import make_brief
from .cache import cache_key, load_cached, store
from .config import Config
from .corpus import aggregate
from .editorial import EDITS_FILE, apply_edits, load_edits
from .errors import ContentError, ExtractionError, NewsbriefError
from .langdata import load_lang
from .models import Article, Brief
from .parse import parse_many
from .read import ARTICLE_SUFFIXES, read_article
from .render import render_site
from .write import write_pages

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    """What a generation did: briefs made, articles that failed, pages written."""

    briefs: list[Brief] = field(default_factory=list)
    failures: list[NewsbriefError] = field(default_factory=list)
    written: int = 0
    removed: int = 0
    unchanged: int = 0


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
) -> tuple[list[Brief | None], list[NewsbriefError]]:
    """One brief per path, in order (None where the article failed), and the failures."""
    briefs: list[Brief | None] = [None] * len(paths)
    failures: list[NewsbriefError] = []
    pending: dict[str, list[tuple[int, Article, str]]] = defaultdict(list)
    for i, path in enumerate(paths):
        try:
            article = read_article(path, root, config.default_lang)
            model = config.model_for(load_lang(article.lang).model, article.lang)
            key = cache_key(article, model)
        except NewsbriefError as exc:
            failures.append(exc)
            continue
        cached = load_cached(config.cache_dir, key) if use_cache else None
        if cached is not None:
            briefs[i] = cached
        else:
            pending[model].append((i, article, key))
    done, total = 0, sum(len(v) for v in pending.values())
    for model, items in pending.items():
        docs = parse_many([article.text for _, article, _ in items], model)
        for (i, article, key), doc in zip(items, docs):
            try:
                brief = make_brief(article, doc, load_lang(article.lang))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the site
                log.debug("analysis of %s failed", paths[i], exc_info=True)
                failures.append(ExtractionError(f"analysis failed: {exc.__class__.__name__}: {exc}", paths[i]))
                continue
            briefs[i] = brief
            if use_cache:
                store(config.cache_dir, key, brief)
            done += 1
            if progress:
                progress(done, total)
    return briefs, failures


def generate(config: Config, *, progress: Progress | None = None) -> BuildReport:
    """Generate the Markdown pages of the whole site from `config.content_dir`."""
    paths = find_articles(config.content_dir)
    # Read before the long analysis, so that a malformed file stops the build at once.
    edits = load_edits(config.content_dir / EDITS_FILE)
    briefs, failures = make_briefs(paths, config, root=config.content_dir, progress=progress)
    made = [b for b in briefs if b is not None]
    corpus = apply_edits(aggregate(made), edits)
    pages = render_site(corpus, config)
    result = write_pages(pages, config.docs_dir)
    return BuildReport(made, failures, result.written, result.removed, result.unchanged)
