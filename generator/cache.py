"""A cache of briefs on disk, so that an unchanged article is not parsed again.

A cached brief is keyed by the article as read (text and metadata), the spaCy model and a fingerprint
of the generator's own code and language data: any change to one of them makes a new key.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from .models import SCHEMA_VERSION, Actor, Article, Brief, Context, Quote, Statement

log = logging.getLogger(__name__)
_PACKAGE = Path(__file__).parent


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the generator's Python files and language data."""
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yml", ".txt", ".tsv"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(article: Article, model: str) -> str:
    """The key of one article's brief: everything read from the file, the model, the code."""
    payload = json.dumps(dataclasses.asdict(article), ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(payload.encode("utf-8"))
    digest.update(f"\0{model}\0{code_fingerprint()}".encode())
    return digest.hexdigest()


def load_cached(cache_dir: Path, key: str) -> Brief | None:
    """The cached brief for `key`, or None when absent; a damaged entry (not JSON, another shape,
    wrong types) is dropped with a warning, so the article is analysed again."""
    path = cache_dir / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        _drop(path, exc)
        return None
    try:
        brief = Brief.from_dict(data) if isinstance(data, dict) else None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        _drop(path, exc)
        return None
    if brief is None or not _well_formed(brief):
        _drop(path, "not a brief")
        return None
    return brief


def _drop(path: Path, why: object) -> None:
    """Warn about a damaged cache entry and remove it (the next build rewrites it)."""
    log.warning("%s: damaged cached brief (%s): removed, the article is analysed again", path, why)
    try:
        path.unlink()
    except OSError:
        pass
    return None


def _well_formed(brief: Brief) -> bool:
    """Whether a brief read back has the types its pages rely on."""
    texts = (brief.id, brief.title, brief.lang, brief.path, brief.text, brief.summary)
    optional = (brief.date, brief.source, brief.url, brief.license, brief.author)
    return (
        all(isinstance(t, str) for t in texts)
        and all(t is None or isinstance(t, str) for t in optional)
        and all(isinstance(t, str) for t in brief.tags)
        and all(isinstance(a, Actor) and isinstance(a.id, str) and isinstance(a.name, str) for a in brief.actors)
        and all(
            isinstance(q, Quote) and isinstance(q.text, str) and isinstance(q.start, int) and isinstance(q.end, int)
            for q in brief.quotes
        )
        and all(isinstance(q, Statement) and isinstance(q.text, str) for q in brief.statements)
        and isinstance(brief.context, Context)
    )


def store(cache_dir: Path, key: str, brief: Brief) -> None:
    """Write a brief to the cache atomically; a cache that cannot be written is only logged."""
    try:
        write_json(cache_dir / f"{key}.json", brief.to_dict())
    except OSError as exc:
        log.warning("could not write the brief cache in %s: %s", cache_dir, exc)


def write_json(path: Path, data: object, *, prefix: str = ".tmp-", indent: int | None = None) -> None:
    """Write `data` as JSON at `path` through a temporary file (named `prefix`…`.tmp`) in the same
    folder, so a killed run never leaves half a file; raises OSError when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=indent, sort_keys=indent is not None)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
