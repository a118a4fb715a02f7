"""What the last generation of a docs folder was made from, so the next one does only what changed.

Kept in the cache folder, one file per docs folder:

- a fingerprint of everything a generation reads: each article file's path, size and modification
  time, content/actors.yml, the templates, the settings and newsbrief's own code. When it is the
  same and every page is still as written, nothing is read, analysed or rendered: the last
  report (briefs, failures, warnings) is given again;
- for each page, the digest of its inputs (`page_inputs.py`) and the size and modification time
  of the file written for it: a page whose inputs did not change is not rendered again, unless
  its file was edited or removed by hand.

A missing, damaged or foreign state file only costs one full generation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .cache import code_fingerprint, write_json
from .config import Config
from .errors import NewsbriefError

log = logging.getLogger(__name__)

VERSION = 1
# Settings that change how the work is done, not what it gives.
_NOT_OUTPUT = {"jobs", "dask", "strict"}


@dataclass
class BuildState:
    """The inputs fingerprint of the last generation, its pages and what it reported."""

    inputs: str = ""
    # page path -> [input digest, file size, file modification time in ns]
    pages: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    briefs: int = 0
    failures: list[tuple[str, str, str | None]] = field(default_factory=list)  # (kind, message, path)
    warnings: list[str] = field(default_factory=list)

    def digests(self, docs_dir: Path) -> dict[str, str]:
        """The input digest of each page whose file is still exactly as written."""
        return {rel: d for rel, (d, size, mtime) in self.pages.items() if _stat(docs_dir / rel) == (size, mtime)}

    def intact(self, docs_dir: Path) -> bool:
        """Whether every page is still in docs_dir as written (none edited, none removed)."""
        return bool(self.pages) and len(self.digests(docs_dir)) == len(self.pages)

    def errors(self) -> list[NewsbriefError]:
        """The failures of the last generation, as errors to report again."""
        kinds = {cls.kind: cls for cls in _subclasses(NewsbriefError)}
        return [kinds.get(kind, NewsbriefError)(message, path) for kind, message, path in self.failures]


def inputs_fingerprint(config: Config, articles: list[Path], extra: list[Path], templates: str) -> str:
    """A hash of what a generation reads: the article files (path, size, time), the `extra`
    files (content/actors.yml) by content, the templates' digest, the settings, the code."""
    h = hashlib.blake2b(digest_size=16)
    settings = {k: v for k, v in dataclasses.asdict(config).items() if k not in _NOT_OUTPUT}
    h.update(json.dumps([VERSION, code_fingerprint(), templates, settings], default=str, sort_keys=True).encode())
    for path in articles:
        h.update(f"\0{path}\0{_stat(path)}".encode())
    for path in extra:
        h.update(f"\0{path}\0".encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()


def state_path(config: Config) -> Path:
    """Where the state of `config.docs_dir` is kept: in the cache folder, named after the docs folder."""
    key = hashlib.blake2b(str(Path(config.docs_dir).resolve()).encode(), digest_size=8).hexdigest()
    return Path(config.cache_dir) / f"build-{key}.json"


def load_state(config: Config) -> BuildState:
    """The state of the last generation into `config.docs_dir`; an empty one if there is none usable."""
    path = state_path(config)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return BuildState()
        return BuildState(
            inputs=str(data["inputs"]),
            pages={str(k): (str(d), int(s), int(t)) for k, (d, s, t) in data["pages"].items()},
            briefs=int(data["briefs"]),
            failures=[(str(k), str(m), None if p is None else str(p)) for k, m, p in data["failures"]],
            warnings=[str(w) for w in data["warnings"]],
        )
    except FileNotFoundError:
        return BuildState()
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.debug("%s: unusable build state (%s): every page is rendered", path, exc)
        return BuildState()


def save_state(config: Config, state: BuildState) -> None:
    """Store the state atomically; a cache folder that cannot be written is only logged."""
    path = state_path(config)
    data = {"version": VERSION, **dataclasses.asdict(state)}
    try:
        write_json(path, data, prefix=".build-")
    except OSError as exc:
        log.warning("could not write the build state in %s: %s", path.parent, exc)


def page_stats(docs_dir: Path, digests: dict[str, str]) -> dict[str, tuple[str, int, int]]:
    """Each page's input digest with the size and time of its file as it is now."""
    out = {}
    for rel, d in digests.items():
        st = _stat(docs_dir / rel)
        if st is not None:
            out[rel] = (d, *st)
    return out


def _stat(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time in ns, or None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _subclasses(cls: type[NewsbriefError]) -> list[type[NewsbriefError]]:
    """Every error class, to give a failure back its kind."""
    return [cls, *(c for sub in cls.__subclasses__() for c in _subclasses(sub))]
