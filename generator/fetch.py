"""Fetch a web page for `newsbrief add`: httpx with a timeout, a size limit, a clear user agent and
a bounded number of redirects. Every failure is a `FetchError` naming the URL."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from . import __version__
from .errors import NewsbriefError

USER_AGENT = f"newsbrief/{__version__} (+https://github.com/newsbrief; article fetcher)"
# A news page is well under 5 MB; past this the download stops (a 20 MB page is not an article).
MAX_BYTES = 5_000_000
# Seconds to connect and between two reads: a server slower than this is reported, not waited for.
TIMEOUT = 15.0
# Redirects followed before giving up (a loop stops here too).
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(NewsbriefError):
    """A page could not be fetched or is not an article: names the URL or file as given (a URL is
    not a path: `Path` would fold its `//`)."""

    kind = "add error"

    def __init__(self, message: str, source: str) -> None:
        self.source = source
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Page:
    """A fetched page: its final address (after redirects) and its bytes."""

    url: str
    content: bytes


def fetch(
    url: str, *, timeout: float | None = None, max_bytes: int | None = None, accept: tuple[str, ...] = _HTML_TYPES
) -> Page:
    """The page at `url`, streamed and stopped past `max_bytes`; its type must be one of `accept`."""
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if not url.startswith(("http://", "https://")):
        raise FetchError("not an http(s) address", url)
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"HTTP status {response.status_code} {response.reason_phrase}", url)
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in accept:
                raise FetchError(f"not an HTML page (content type {kind!r})", url)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large: {int(length):,} bytes (limit {max_bytes:,})", url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: more than {max_bytes:,} bytes", url)
                chunks.append(chunk)
            return Page(str(response.url), b"".join(chunks))
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})", url) from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {timeout:g} s", url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"network error: {exc}", url) from exc
