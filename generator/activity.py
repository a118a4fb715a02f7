"""How much happens each month: the briefs an actor appears (and is quoted) in, the corpus's
briefs and the key actors of each month, and who was quoted most in the newest month.

"This month" is the month of the newest dated brief, never the clock's: the same content gives
the same site whenever it is built. Pure functions of the corpus; undated briefs are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .corpus import Corpus, CorpusActor
from .navigation import UNDATED, month_of

# A chart shows at most this many months (the latest): three years stay readable at 390 px.
MAX_MONTHS = 36
# Key actors named for each month of the corpus chart.
KEY_ACTORS_PER_MONTH = 3


@dataclass(frozen=True)
class MonthCount:
    """One month (`YYYY-MM`): how many briefs, how many of them in the highlighted part (the
    actor quoted), and the month's key actors (corpus ids, most key first)."""

    key: str
    briefs: int
    part: int = 0
    actors: tuple[str, ...] = ()


def month_span(keys: Iterable[str]) -> list[str]:
    """Every month from the earliest to the latest of `keys` (gaps filled), the latest `MAX_MONTHS`."""
    dated = sorted(k for k in keys if k != UNDATED)
    if not dated:
        return []
    year, month = map(int, dated[0].split("-"))
    last = dated[-1]
    out = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append(key)
        if key >= last:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out[-MAX_MONTHS:]


def actor_months(corpus: Corpus, actor: CorpusActor) -> tuple[MonthCount, ...]:
    """The briefs an actor appears in, month by month, and in how many of them it is quoted."""
    seen: dict[str, set[str]] = defaultdict(set)
    quoted: dict[str, set[str]] = defaultdict(set)
    for ap in actor.appearances:
        brief = corpus.brief(ap.brief_id)
        if brief is not None:
            seen[month_of(brief.date)].add(brief.id)
    for q in actor.quotes:
        quoted[month_of(q.date)].add(q.brief_id)
    return tuple(MonthCount(k, len(seen[k]), len(quoted[k] & seen[k])) for k in month_span(seen))


def corpus_months(corpus: Corpus) -> tuple[MonthCount, ...]:
    """The corpus's briefs month by month, with each month's key actors (places left out)."""
    briefs: Counter[str] = Counter()
    key: dict[str, Counter[str]] = defaultdict(Counter)
    for brief in corpus.briefs:
        month = month_of(brief.date)
        briefs[month] += 1
        for a in brief.actors:
            page = corpus.page_of(brief.id, a.id)
            if a.key and a.type != "place" and page is not None:
                key[month][page] += 1
    return tuple(
        MonthCount(
            k,
            briefs[k],
            actors=tuple(i for i, _ in sorted(key[k].items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_ACTORS_PER_MONTH]),
        )
        for k in month_span(briefs)
    )


def latest_month(corpus: Corpus) -> str | None:
    """The month of the newest dated brief (`YYYY-MM`), if any brief is dated."""
    return next((m for b in corpus.briefs if (m := month_of(b.date)) != UNDATED), None)


def most_quoted(corpus: Corpus, month: str | None, size: int) -> tuple[tuple[CorpusActor, int], ...]:
    """The actors quoted most in `month` (direct quotes counted), most first, at most `size`."""
    if month is None:
        return ()
    counts = [(a, sum(1 for q in a.quotes if month_of(q.date) == month)) for a in corpus.actors]
    ranked = sorted((c for c in counts if c[1]), key=lambda c: (-c[1], c[0].name, c[0].id))
    return tuple(ranked[:size])
