"""Patterns of date expressions, spelled from one language's date words (`dates.yml`).

Each pattern names the parts it found with groups that `dates.py` reads to resolve a match:
`day`, `month`, `year`, `wd` (weekday), `rel` ("hier"), `part` ("soir"), `unit` ("année"),
`edge` ("fin"), `this`, `that`, `dirb`/`dira` (a direction word before/after), `n` (a count),
`prev`/`next`/`same` (a day named from the one dated before). Kind "none" marks idioms that
date nothing: they outrank the shorter date inside them and are then dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..langdata import LangData

# Blanks inside one expression: never a line break (a date does not run across paragraphs).
_S = r"[ \t\u00a0\u202f]+"
_S0 = r"[ \t\u00a0\u202f]*"
# A four-digit number, not part of a longer number ("1 500", "2,000", "12.2012").
_YEAR = r"(?<![\w.,])(?<!\d[ \u00a0\u202f])(?P<year>\d{4})(?![\w%€$£]|[.,]\d|[ \u00a0\u202f]\d{3}(?!\d))"


@dataclass(frozen=True)
class Pattern:
    """One kind of date expression and the regular expression that finds it."""

    kind: str
    regex: re.Pattern[str]


def _spell(word: str) -> str:
    """A word as a regex: either apostrophe, any blank between words."""
    return re.escape(word).replace("'", "['’]").replace(r"\ ", _S).replace(r"\-", "[-‑]")


def _alt(words: Iterable[str], name: str | None = None) -> str:
    """An alternation of words, longest first, optionally as a named group; never matches if empty."""
    forms = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(_spell(w) for w in forms) if forms else "(?!)"
    return f"(?P<{name}>{body})" if name else f"(?:{body})"


def _joiners(words: Iterable[str]) -> str:
    """Any run of joining words ("de l'", "du", "of the"): elided ones need no blank after."""
    forms = [(_spell(w) + (_S0 if w.endswith("'") else _S)) for w in sorted(words, key=len, reverse=True)]
    return f"(?:(?:{'|'.join(forms)})*)" if forms else ""


def build_patterns(lang: LangData) -> tuple[Pattern, ...]:
    """Every date pattern of `lang`, in order of preference for matches of equal length."""
    w = lang.dates
    month = _alt(lang.months, "month")
    weekday = _alt(lang.weekdays, "wd")
    suffix = _alt(w.day_suffixes)
    day = rf"(?<![\w.,])(?P<day>[0-3]?\d)(?!\d){suffix}?"
    this = _alt(w.this, "this")
    rel = _alt(w.relative_days, "rel")
    part = _alt(w.day_parts, "part")
    dirb = _alt(w.past_before + w.future_before, "dirb")
    dira = _alt(w.past_after + w.future_after, "dira")
    join = _joiners(w.joiners)
    edge = rf"(?:(?P<edge>{_alt(w.edges)})(?:{_S}|[-‑]){join})"
    units = _alt((u for us in w.units.values() for u in us), "unit")
    counted = _alt((u for us in w.counted_units.values() for u in us), "unit")
    number = rf"(?P<n>\d{{1,3}}|{_alt(w.numbers)})"
    year_after = rf"(?:,?{_S}{_YEAR})"
    # "15 septembre l'an prochain": a year named by a unit and a direction.
    rel_year = (
        rf"(?:{_S}(?P<ryunit>{_alt(w.units.get('year', ()))}){_S}(?P<rydir>{_alt(w.past_after + w.future_after)}))"
    )
    # "Hier mardi" is one expression; "hier, jeudi 16 août" two.
    lead = rf"(?:{this}{_S})?(?:{rel}{_S})?(?:{weekday},?{_S}(?:{_alt(w.articles)}{_S})?)?"
    tail = rf"{year_after}?(?:{_S}{dira})?{rel_year}?"
    raw = [
        ("date", rf"{lead}{day}{_S}{join}{month}{tail}"),
        ("date", rf"{lead}{month}{_S}{day}(?!\w){tail}"),
        ("month", rf"{edge}?(?:{units}{_S}{join})?(?:{dirb}{_S})?{month}{tail}"),
        ("night", rf"{part}{_S}{join}{weekday}(?:{_S}{_alt(w.range_joiners)}{_S}(?P<wd2>{_alt(lang.weekdays)}))?"),
        ("weekday", rf"(?:{rel}{_S}|{this}{_S}|{dirb}{_S})?{weekday}(?:{_S}{part})?(?:{_S}{dira})?"),
        ("relday", rf"{rel}(?:{_S}{part})?"),
        ("part", rf"{this}{_S}{part}"),
        ("part", rf"{part}{_S}{dira}"),
        ("part", rf"{dirb}{_S}{part}"),
        (
            "unit",
            rf"{edge}?(?:(?P<thatb>{_alt(w.that_before)}){_S}|{this}{_S}|{dirb}{_S})?{units}"
            rf"(?P<that>[-‑ ]{_alt(w.that_after)})?(?:{_S}{dira}|{_S}{_YEAR})?",
        ),
        ("ago", rf"{_alt(w.ago_before)}{_S}{number}{_S}{counted}"),
        ("ago", rf"{number}{_S}{counted}{_S}{_alt(w.ago_after)}"),
        ("anaphor", rf"(?:{_alt(w.previous_day, 'prev')}|{_alt(w.next_day, 'next')}|{_alt(w.same_day, 'same')})"),
        ("range", rf"{day}(?={_S}{_alt(w.range_joiners)}{_S}[0-3]?\d{suffix}?{_S}{join}{_alt(lang.months)}(?!\w))"),
        ("year", rf"{edge}?{_YEAR}"),
        # Idioms of date words that date nothing ("à ce jour"): found to be dropped.
        ("none", _alt(w.non_dates)),
    ]
    flags = re.IGNORECASE
    return tuple(Pattern(kind, re.compile(rf"(?<!\w){body}(?!\w)", flags)) for kind, body in raw)
