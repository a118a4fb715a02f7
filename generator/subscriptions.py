"""News feeds to add articles from: what a feed lists, and which of its items were added before.

A feed (RSS or Atom, read by feedparser) is fetched like a page, with the same limits. The items
already handled are remembered, by GUID and by link, per feed, in `content/.newsbrief-feeds.json`:
a dot file, so it is never read as an article. An item whose page failed is not remembered, so
the next `add --feed` tries it again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .add import Outcome, add
from .cache import write_json
from .errors import ContentError
from .fetch import FetchError, fetch

STATE_FILE = ".newsbrief-feeds.json"
# What servers send feeds as (some send them as plain XML or text).
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "text/plain",
)


@dataclass(frozen=True)
class Item:
    """One entry of a feed: its page, its id (the GUID, else the link) and its date, if any."""

    link: str
    id: str
    date: dt.date | None


def read_feed(url: str) -> list[Item]:
    """The items of the feed at `url`, in the feed's order; a clear error when it is no feed."""
    import feedparser  # only `add --feed` needs it

    page = fetch(url, accept=_FEED_TYPES)
    parsed = feedparser.parse(page.content)
    # feedparser reads what it can of a damaged feed: it is refused only when nothing usable is left.
    if parsed.get("bozo") and not any(entry.get("link") for entry in parsed.entries):
        raise FetchError(f"not a readable RSS or Atom feed ({parsed.get('bozo_exception')})", url)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*when[:3]) if when else None
        items.append(Item(link, entry.get("id") or link, date))
    return items


def add_feed(
    url: str,
    content_dir: Path,
    *,
    limit: int | None = None,
    since: dt.date | None = None,
    default_lang: str = "fr",
) -> list[Outcome]:
    """Add the items of the feed at `url` not seen before (at most `limit`, none older than
    `since`); remember those added or already in `content_dir`."""
    seen = _load(content_dir)
    known = set(seen.get(url, []))
    new = [i for i in read_feed(url) if i.id not in known and i.link not in known]
    if since is not None:
        new = [i for i in new if i.date is None or i.date >= since]
    if limit is not None:
        new = new[:limit]
    outcomes = add([i.link for i in new], content_dir, default_lang=default_lang)
    done = [i for i, o in zip(new, outcomes) if o.error is None]
    if done:
        seen[url] = sorted(known | {i.id for i in done} | {i.link for i in done})
        _save(content_dir, seen)
    return outcomes


def _load(content_dir: Path) -> dict[str, list[str]]:
    """The items seen per feed; nothing when there is no state file yet."""
    path = content_dir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ContentError(f"unreadable ({exc}): remove it, and every feed item is added again", path) from exc
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ContentError("not a map of feed address to seen items: remove it to start again", path)
    return {str(k): [str(x) for x in v] for k, v in data.items()}


def _save(content_dir: Path, seen: dict[str, list[str]]) -> None:
    """Write the state file through a temporary file: a killed run never leaves half of it."""
    write_json(content_dir / STATE_FILE, seen, prefix=".newsbrief-feeds-", indent=1)
