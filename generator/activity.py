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

# A chart shows at most this many months: three years stay readable at 390 px. A longer span is
# shown year by year, so that no brief falls off the chart.
MAX_MONTHS = 36
# Key actors named for each month of the corpus chart.
KEY_ACTORS_PER_MONTH = 3


@dataclass(frozen=True)
class MonthCount:
    """One period, a month (`YYYY-MM`) or, over a long span, a year (`YYYY`): how many briefs, how
    many of them in the highlighted part (the actor quoted), the period's key actors (corpus ids,
    most key first), and the archive page of its newest month (`archive/YYYY-MM.md`)."""

    key: str
    briefs: int
    part: int = 0
    actors: tuple[str, ...] = ()
    page: str = ""


def month_span(keys: Iterable[str]) -> list[str]:
    """Every month from the earliest to the latest of `keys` (gaps filled); every year instead
    when that is more than `MAX_MONTHS` months."""
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
    if len(out) > MAX_MONTHS:
        return [str(y) for y in range(int(dated[0][:4]), int(last[:4]) + 1)]
    return out


def _periods(months: dict[str, set[str]] | Counter[str], span: list[str]) -> dict[str, str]:
    """Each month key of `months` -> the period of `span` holding it (itself, or its year)."""
    by_year = bool(span) and len(span[0]) == 4
    return {m: (m[:4] if by_year else m) for m in months if m != UNDATED}


def _newest_pages(months: Iterable[str], periods: dict[str, str]) -> dict[str, str]:
    """The archive page of the newest month of each period."""
    pages: dict[str, str] = {}
    for m in sorted(months):
        if m in periods:
            pages[periods[m]] = f"archive/{m}.md"
    return pages


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
    span = month_span(seen)
    periods = _periods(seen, span)
    seen_in: dict[str, set[str]] = defaultdict(set)
    quoted_in: dict[str, set[str]] = defaultdict(set)
    for m, ids in seen.items():
        if m in periods:
            seen_in[periods[m]] |= ids
            quoted_in[periods[m]] |= quoted[m] & ids
    pages = _newest_pages(seen, periods)
    return tuple(MonthCount(k, len(seen_in[k]), len(quoted_in[k]), page=pages.get(k, "")) for k in span)


def corpus_months(corpus: Corpus) -> tuple[MonthCount, ...]:
    """The corpus's briefs month by month, with each month's key actors (places left out)."""
    months: Counter[str] = Counter(month_of(b.date) for b in corpus.briefs)
    span = month_span(months)
    periods = _periods(months, span)
    briefs: Counter[str] = Counter()
    key: dict[str, Counter[str]] = defaultdict(Counter)
    for brief in corpus.briefs:
        period = periods.get(month_of(brief.date))
        if period is None:
            continue
        briefs[period] += 1
        for a in brief.actors:
            page = corpus.page_of(brief.id, a.id)
            if a.key and a.type != "place" and page is not None:
                key[period][page] += 1
    pages = _newest_pages(months, periods)
    return tuple(
        MonthCount(
            k,
            briefs[k],
            actors=tuple(i for i, _ in sorted(key[k].items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_ACTORS_PER_MONTH]),
            page=pages.get(k, ""),
        )
        for k in span
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
