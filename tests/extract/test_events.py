"""Events: the clause each resolved date places in time, with the actors named in it."""

from __future__ import annotations

import json
from collections.abc import Callable

from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.context import extract_context
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData
from generator.models import Article, Brief, Context


def context(
    parse: Callable[[str], Doc],
    lang: LangData,
    text: str,
    date: str | None = "2023-03-16",
    file_date: str | None = None,
) -> Context:
    doc = parse(text)
    table = extract_actors(doc, lang)
    quotes, _ = extract_quotes(doc, lang, table)
    article = Article(path="a.md", id="a", title="", lang=lang.code, text=text, date=date, file_date=file_date)
    return extract_context(doc, lang, table, quotes, article)


def test_each_dated_clause_is_an_event_in_date_order(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Emmanuel Macron a reçu mardi le chancelier Olaf Scholz à Paris. "
        "Les deux dirigeants s'étaient déjà vus en 2021 à Berlin."
    )
    events = context(parse_fr, fr, text).events
    assert [(e.date, e.date_text) for e in events] == [("2021", "2021"), ("2023-03-14", "mardi")]
    latest = events[1]
    assert latest.text == text[latest.start : latest.end]
    assert latest.text.startswith("Emmanuel Macron a reçu mardi") and not latest.text.endswith(".")
    assert any("macron" in a for a in latest.actors) and any("scholz" in a for a in latest.actors)


def test_dates_without_value_or_inside_quotes_make_no_event(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "« Nous avons tout perdu mardi », a déclaré Marie Dupont. "
        "La semaine dernière, la rivière est sortie de son lit."
    )
    ctx = context(parse_fr, fr, text)
    assert [d.text for d in ctx.dates] == ["mardi", "semaine dernière"]
    assert ctx.events == ()


def test_english_events(parse_en: Callable[[str], Doc], en: LangData) -> None:
    text = "The mayor of Boston resigned on Tuesday. Elections will be held next year."
    events = context(parse_en, en, text).events
    assert [(e.date, e.date_text) for e in events] == [("2023-03-14", "Tuesday"), ("2024", "next year")]
    assert events[0].text == "The mayor of Boston resigned on Tuesday"


def test_the_reference_is_the_article_date_else_the_file_day(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    dated = context(parse_fr, fr, "Le pont a fermé hier.")
    assert (dated.reference_date, dated.reference, dated.dates[0].value) == ("2023-03-16", "article", "2023-03-15")
    undated = context(parse_fr, fr, "Le pont a fermé hier.", date=None, file_date="2024-01-10")
    assert (undated.reference_date, undated.reference, undated.dates[0].value) == ("2024-01-10", "file", "2024-01-09")
    unknown = context(parse_fr, fr, "Le pont a fermé hier.", date=None)
    assert (unknown.reference, unknown.dates[0].value, unknown.events) == (None, None, ())


def test_events_survive_the_json_round_trip(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    ctx = context(parse_fr, fr, "Emmanuel Macron a reçu mardi le chancelier Olaf Scholz.")
    assert ctx.events and ctx.events[0].actors
    brief = Brief(id="a", title="", lang="fr", path="a.md", text="", context=ctx)
    assert Brief.from_dict(json.loads(json.dumps(brief.to_dict()))).context == ctx
