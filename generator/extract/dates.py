"""Dates written in an article: every day, month or year it names, with its calendar value.

Expressions are found by the patterns of `date_patterns.py` (spelled from `dates.yml`) and
resolved against a reference day (the article's date) with dateutil's relativedelta: a day
without its year is the latest such day not after the reference unless the text says future
("prochain", a verb in the future). The dateparser library, measured on the annotated articles,
resolved only 83 of 128 gold values (it misses "l'an dernier", "vendredi dernier", "hier soir",
"ce matin", future weekdays and the publication weekday), so it is not used.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta, weekday
from spacy.tokens import Doc, Token

from ..langdata import LangData, load_lang
from ..models import DateMention
from .date_patterns import Pattern, build_patterns
from .doctext import text_of

Grain = Literal["day", "month", "year"]
# Which way a date lies from the reference: -1 strictly before ("dernier"), +1 strictly after
# ("prochain"), 0 on or before, 2 on or after (a verb in the future).
Sense = Literal[-1, 0, 1, 2]
_FORMATS: dict[str, Callable[[dt.date], str]] = {
    "day": lambda d: d.isoformat(),
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "year": lambda d: f"{d.year:04d}",
}
_VERBS = ("VERB", "AUX")


@dataclass(frozen=True)
class When:
    """A resolved date: a day, and the grain it is known at (its month's first day for a month)."""

    day: dt.date
    grain: Grain

    def iso(self) -> str:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""
        return _FORMATS[self.grain](self.day)


@dataclass(frozen=True)
class _Match:
    """One date expression found in the text, before resolution."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]


@functools.cache
def _patterns(code: str) -> tuple[Pattern, ...]:
    """The date patterns of a language, built once."""
    return build_patterns(load_lang(code))


def find_dates(doc: Doc, lang: LangData, reference: dt.date | None, text: str | None = None) -> list[DateMention]:
    """Every date expression of `doc`, in text order, resolved against `reference` (None: values
    only for dates that carry their year). `text` is the original of `doc.text` (same offsets)."""
    original = text if text is not None else text_of(doc)
    matches = _find(doc, lang)
    resolved: list[When | None] = []
    for m in matches:
        last = next((w for w in reversed(resolved) if w is not None), None)
        resolved.append(_resolve(m, doc, lang, reference, last))
    joiner = re.compile(rf"\s+{_words_regex(lang.dates.range_joiners)}\s+$", re.IGNORECASE)
    for i, m in enumerate(matches[:-1]):
        first, following = resolved[i], resolved[i + 1]
        # The first day of a range ("du 22 au 24 juin") takes its month and year from the end.
        if m.kind == "range" and following is not None and following.grain == "day":
            resolved[i] = _on(following.day.year, following.day.month, int(m.groups["day"]))
        # The end of a range of weekdays ("entre vendredi et lundi") comes after its start.
        after = matches[i + 1]
        if (
            first is not None
            and following is not None
            and first.grain == following.grain == "day"
            and "wd" in m.groups
            and "wd" in after.groups
            and following.day < first.day
            and joiner.fullmatch(" " + original[m.end : after.start])
        ):
            index = _index(after.groups["wd"], lang.weekdays)
            resolved[i + 1] = When(first.day + relativedelta(weekday=weekday(index)(+1)), "day")
    return [
        DateMention(original[m.start : m.end], m.start, m.end, w.iso() if w else None)
        for m, w in zip(matches, resolved)
    ]


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the words at [start, end) depend on, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    while tok.pos_ not in _VERBS:
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok


def _find(doc: Doc, lang: LangData) -> list[_Match]:
    """Matches of every pattern that pass their checks, longest first where they overlap."""
    text = text_of(doc)
    found: list[_Match] = []
    for pattern in _patterns(lang.code):
        for hit in pattern.regex.finditer(text):
            groups = {k: v for k, v in hit.groupdict().items() if v is not None}
            match = _Match(hit.start(), hit.end(), pattern.kind, groups)
            if _plausible(match, doc, lang):
                found.append(match)
    chosen: list[_Match] = []
    for m in sorted(found, key=lambda m: m.start - m.end):  # stable: earlier patterns win ties
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return sorted((m for m in chosen if m.kind != "none"), key=lambda m: m.start)


def _plausible(m: _Match, doc: Doc, lang: LangData) -> bool:
    """Checks a pattern cannot make: no habit, a real day number and year, a month that is no name
    or verb, a year that is no amount, a unit that names one period."""
    g, words = m.groups, lang.dates
    before = text_of(doc)[max(0, m.start - 30) : m.start]
    if re.search(rf"(?<!\w){_words_regex(words.habitual)}\s+$", before, flags=re.IGNORECASE):
        return False  # "chaque lundi": a habit
    if "day" in g and not 1 <= int(g["day"]) <= 31:
        return False
    if "year" in g and not 1000 <= int(g["year"]) <= 2100:
        return False
    if "month" in g and not _month_word(m, doc, lang):
        return False
    if m.kind == "year" and "edge" not in g and not _year_alone(m, doc, lang):
        return False
    if m.kind == "unit":
        grain = _grain_of(g["unit"], words.units)
        marked = any(k in g for k in ("this", "thatb", "that", "dirb", "dira", "year"))
        return marked or ("edge" in g and grain in ("year", "month"))
    return True


def _month_word(m: _Match, doc: Doc, lang: LangData) -> bool:
    """A month name written as one: capitalised in English (not the verb "may"), lowercase in
    French unless it opens a sentence or sits in a full date ("Mars" alone is the planet)."""
    name = m.groups["month"]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = next((t for t in span if t.text.lower() == name.lower()), None) if span is not None else None
    if lang.dates.capitalized_months:
        return name[:1].isupper() and (tok is None or tok.pos_ not in _VERBS)
    if name[:1].islower() or "day" in m.groups or "year" in m.groups:
        return True
    return tok is not None and bool(tok.is_sent_start)


def _year_alone(m: _Match, doc: Doc, lang: LangData) -> bool:
    """A four-digit number that is a year: not counting things ("2000 manifestants": it quantifies
    a plural noun), not a decade ("les années 1970"), not part of a name ("l'Euro 2012")."""
    before = text_of(doc)[max(0, m.start - 30) : m.start]
    if re.search(rf"(?<!\w){_words_regex(lang.dates.decades)}\s+$", before, flags=re.IGNORECASE):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return True
    first, last = span[0], span[-1]
    if first.i > 0 and not first.is_sent_start:
        name = doc[first.i - 1]
        if name.is_title and not name.is_sent_start and name.pos_ in ("PROPN", "NOUN"):
            return False
    if last.i + 1 >= len(doc):
        return True
    after = doc[last.i + 1]
    return not (after.pos_ == "NOUN" and lang.has_morph(after, "plural"))


def _words_regex(words: tuple[str, ...]) -> str:
    """An alternation of data words, or a pattern that never matches."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")" if words else "(?!)"


def _grain_of(word: str, table: Mapping[str, tuple[str, ...]]) -> str | None:
    """The grain of a unit word ("année" -> "year")."""
    key = _key(word)
    return next((grain for grain, forms in table.items() if key in {_key(f) for f in forms}), None)


def _key(word: str) -> str:
    """A matched word as the data writes it: lowercase, plain apostrophe, single blanks."""
    return re.sub(r"\s+", " ", word.lower().replace("’", "'").replace("‑", "-"))


def _index(word: str, names: tuple[str, ...]) -> int:
    """The position of a month or weekday name in the data (January, Monday first)."""
    return [_key(n) for n in names].index(_key(word))


def _sense(m: _Match, doc: Doc, lang: LangData) -> Sense:
    """Which way the date lies: a direction word decides, else the tense of its verb."""
    words = lang.dates
    for key in ("dirb", "dira"):
        if key in m.groups:
            word = _key(m.groups[key])
            return -1 if word in words.past_before + words.past_after else 1
    verb = governing_verb(doc, m.start, m.end)
    return 2 if verb is not None and _future(verb, lang) else 0


def _future(verb: Token, lang: LangData) -> bool:
    """A verb in the future tense ("sera présenté"), or an infinitive under a verb that looks
    ahead ("va fermer", "a promis de remettre", "will close"); an infinitive takes its time from
    the verb it depends on."""
    words = lang.dates
    for _ in range(len(verb.doc)):
        helpers = [c for c in verb.children if c.i < verb.i and c.pos_ == "AUX"]
        if any(lang.has_morph(t, "future") for t in (verb, *helpers)):
            return True
        if any(c.lemma_.lower() in words.future_auxiliaries for c in helpers):
            return True
        if not lang.has_morph(verb, "infinitive") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in words.future_auxiliaries:
            return True
    return False


def _resolve(m: _Match, doc: Doc, lang: LangData, ref: dt.date | None, last: When | None) -> When | None:
    """The calendar value of one expression (None when the text does not fix it)."""
    g, words = m.groups, lang.dates
    if m.kind == "year":
        return When(dt.date(int(g["year"]), 1, 1), "year")
    if m.kind == "anaphor":
        if last is None or last.grain != "day":
            return None
        shift = -1 if "prev" in g else 1 if "next" in g else 0
        return When(last.day + relativedelta(days=shift), "day")
    if m.kind == "unit" and ("that" in g or "thatb" in g):
        return _at(last.day, _grain_of(g["unit"], words.units)) if last is not None else None
    if m.kind in ("date", "month") and "year" in g:
        day = int(g.get("day", 1))
        found = _on(int(g["year"]), _index(g["month"], lang.months) + 1, day)
        return found if "day" in g or found is None else When(found.day, "month")
    if m.kind == "date" and "ryunit" in g and ref is not None:
        shift = -1 if _key(g["rydir"]) in words.past_after else 1
        return _on(ref.year + shift, _index(g["month"], lang.months) + 1, int(g["day"]))
    if ref is None:
        return None
    if "rel" in g:
        return When(ref + relativedelta(days=words.relative_days[_key(g["rel"])]), "day")
    sense = _sense(m, doc, lang)
    if m.kind == "date":
        month, day = _index(g["month"], lang.months) + 1, int(g["day"])
        return _nearest(ref, sense, "day", lambda y: _on(y, month, day))
    if m.kind == "month":
        month = _index(g["month"], lang.months) + 1
        return _nearest(ref, sense, "month", lambda y: When(dt.date(y, month, 1), "month"))
    if m.kind in ("weekday", "night"):
        return When(_weekday(ref, _index(g.get("wd2") or g["wd"], lang.weekdays), sense), "day")
    if m.kind == "part":
        shift = 0 if "this" in g else (-1 if sense == -1 else 1)
        return When(ref + relativedelta(days=shift), "day")
    if m.kind == "unit":
        grain = _grain_of(g["unit"], words.units)
        if "year" in g:
            return When(dt.date(int(g["year"]), 1, 1), "year")
        shift = 0 if sense in (0, 2) else sense
        return _shifted(ref, grain, shift)
    if m.kind == "ago":
        count = int(g["n"]) if g["n"].isdigit() else words.numbers.get(_key(g["n"]))
        grain = _grain_of(g["unit"], words.counted_units)
        return _shifted(ref, grain, -count) if count is not None else None
    return None


def _on(year: int, month: int, day: int) -> When | None:
    """That day, if the calendar has it."""
    try:
        return When(dt.date(year, month, day), "day")
    except ValueError:
        return None


def _at(day: dt.date, grain: str | None) -> When | None:
    """`day` known at a grain ("year", "month", "day"); None for another (a week)."""
    if grain == "year":
        return When(dt.date(day.year, 1, 1), "year")
    if grain == "month":
        return When(day.replace(day=1), "month")
    return When(day, "day") if grain == "day" else None


def _shifted(ref: dt.date, grain: str | None, count: int) -> When | None:
    """The period `count` units of `grain` from the reference's own ("l'an dernier": -1 year)."""
    if grain == "year":
        return _at(ref + relativedelta(years=count), "year")
    if grain == "month":
        return _at(ref + relativedelta(months=count), "month")
    if grain == "day":
        return _at(ref + relativedelta(days=count), "day")
    return None  # a week straddles days and months: no value at their grain


def _nearest(ref: dt.date, sense: Sense, grain: Grain, make: Callable[[int], When | None]) -> When | None:
    """The occurrence of a yearless day or month the sense asks for, among three years around."""
    options = [w for y in (ref.year - 1, ref.year, ref.year + 1) if (w := make(y)) is not None]
    here = _at(ref, grain)
    assert here is not None
    tests: dict[int, Callable[[dt.date], bool]] = {
        -1: lambda d: d < here.day,
        0: lambda d: d <= here.day,
        1: lambda d: d > here.day,
        2: lambda d: d >= here.day,
    }
    fitting = [w for w in options if tests[sense](w.day)]
    if not fitting:
        return None
    return max(fitting, key=lambda w: w.day) if sense in (-1, 0) else min(fitting, key=lambda w: w.day)


def _weekday(ref: dt.date, index: int, sense: Sense) -> dt.date:
    """The weekday the sense asks for: the reference's own weekday is the reference day itself."""
    if sense == -1:
        return ref + relativedelta(days=-1, weekday=weekday(index)(-1))
    if sense == 1:
        return ref + relativedelta(days=1, weekday=weekday(index)(+1))
    if sense == 2:
        return ref + relativedelta(weekday=weekday(index)(+1))
    return ref + relativedelta(weekday=weekday(index)(-1))
