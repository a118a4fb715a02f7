"""The errors newsbrief reports: each kind names the file it is about."""

from __future__ import annotations

from pathlib import Path


class NewsbriefError(Exception):
    """Base of every error newsbrief reports to the user."""

    kind = "error"

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        return f"{where}{self.message}"


class ConfigError(NewsbriefError):
    """A setting in mkdocs.yml or on the command line is wrong."""

    kind = "config error"


class ContentError(NewsbriefError):
    """An article cannot be read: empty, binary, bad encoding, broken front matter."""

    kind = "content error"


class ExtractionError(NewsbriefError):
    """An article was read but could not be analysed."""

    kind = "extraction error"


class RenderError(NewsbriefError):
    """A template failed or a page could not be written."""

    kind = "render error"


class ClusterError(NewsbriefError):
    """The Dask cluster named by `--dask` cannot be used: `distributed` missing, scheduler
    unreachable, no worker."""

    kind = "cluster error"
