"""The corpus: briefs newest first, one actor per real actor across briefs, links between them."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from generator.corpus import Corpus, aggregate
from generator.editorial import Edit, apply_edits
from generator.models import Actor, Brief, Context, Event, Quote, Statement


def actor(
    name: str,
    type: str = "person",
    aliases: tuple[str, ...] = (),
    mentions: int = 1,
    key: bool = False,
    roles: tuple[str, ...] = (),
    id: str | None = None,
) -> Actor:
    """A brief-level actor; its id is a slug of its name unless given."""
    return Actor(
        id=id or name.lower().replace(" ", "-"),
        name=name,
        type=type,
        aliases=aliases,
        roles=roles,
        mentions=mentions,
        key=key,
    )


def brief(
    id: str,
    *actors: Actor,
    date: str | None = "2024-01-01",
    title: str | None = None,
    quotes: tuple[Quote, ...] = (),
    statements: tuple[Statement, ...] = (),
    events: tuple[Event, ...] = (),
) -> Brief:
    """A brief with only what the corpus looks at."""
    return Brief(
        id=id,
        title=title or id.title(),
        lang="fr",
        path=f"{id}.md",
        text="…",
        date=date,
        actors=actors,
        quotes=quotes,
        statements=statements,
        context=Context(events=events),
    )


def event(text: str, date: str, *actors: str, start: int = 0) -> Event:
    """A dated event of a brief, naming brief-level actor ids."""
    return Event(text, start, start + len(text), date, date, actors)


def names(corpus: Corpus) -> set[str]:
    return {a.name for a in corpus.actors}


def test_briefs_newest_first_undated_last_then_title() -> None:
    corpus = aggregate(
        [
            brief("a", date=None, title="Zèbre"),
            brief("b", date="2024-03-01", title="Bravo"),
            brief("c", date="2024-05-01", title="Charlie"),
            brief("d", date="2024-03-01", title="Alpha"),
            brief("e", date=None, title="Écureuil"),
        ]
    )
    assert [b.id for b in corpus.briefs] == ["c", "d", "b", "e", "a"]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        # Same folded name: accents and case do not matter.
        (actor("Nicolás Maduro"), actor("Nicolas MADURO"), True),
        # The name in one brief is an alias of the actor in the other, both ways round.
        (actor("Trump"), actor("Donald Trump", aliases=("Trump",)), True),
        (actor("Donald Trump", aliases=("Trump",)), actor("Trump"), True),
        (
            actor("OTAN", "organization"),
            actor("Organisation du traité de l'Atlantique nord", "organization", aliases=("OTAN",)),
            True,
        ),
        # Same name, another type: not the same actor.
        (actor("Paris", "place"), actor("Paris", "person"), False),
        (actor("Trump", "organization"), actor("Donald Trump", aliases=("Trump",)), False),
        # Sharing an alias only is not enough.
        (actor("Joe Biden", aliases=("Biden",)), actor("Hunter Biden", aliases=("Biden",)), False),
        (actor("Marie Curie"), actor("Pierre Curie"), False),
    ],
)
def test_actors_merge_across_briefs(first: Actor, second: Actor, merged: bool) -> None:
    corpus = aggregate([brief("one", first), brief("two", second)])
    assert len(corpus.actors) == (1 if merged else 2)
    if merged:
        (only,) = corpus.actors
        assert only.brief_count == 2
        assert corpus.page_of("one", first.id) == corpus.page_of("two", second.id) == only.id


def test_merged_actor_takes_the_fullest_name_and_keeps_the_others_as_aliases() -> None:
    corpus = aggregate(
        [
            brief("one", actor("Trump", mentions=2, roles=("président élu",))),
            brief(
                "two",
                actor(
                    "Donald Trump",
                    aliases=("Trump", "D. Trump"),
                    mentions=3,
                    key=True,
                    roles=("Président élu", "homme d'affaires"),
                ),
            ),
        ]
    )
    (trump,) = corpus.actors
    assert (trump.id, trump.name) == ("donald-trump", "Donald Trump")
    assert trump.aliases == ("D. Trump", "Trump")
    assert trump.roles == ("président élu", "homme d'affaires")  # first written form kept
    assert trump.mentions == 5 and trump.key_count == 1
    assert [(a.brief_id, a.actor_id, a.key) for a in trump.appearances] == [
        ("one", "trump", False),
        ("two", "donald-trump", True),
    ]


def test_ambiguous_alias_is_not_merged() -> None:
    corpus = aggregate(
        [
            brief("a", actor("Joe Biden", aliases=("Biden",))),
            brief("b", actor("Hunter Biden", aliases=("Biden",))),
            brief("c", actor("Biden")),
        ]
    )
    assert names(corpus) == {"Joe Biden", "Hunter Biden", "Biden"}


def test_alias_does_not_merge_two_actors_kept_apart_in_one_brief() -> None:
    corpus = aggregate(
        [
            brief("a", actor("Trump"), actor("Donald Trump", aliases=("Trump",))),
        ]
    )
    assert names(corpus) == {"Trump", "Donald Trump"}


def test_page_ids_are_unique_slugs_and_never_index() -> None:
    corpus = aggregate(
        [
            brief("a", actor("Paris", "place"), actor("Index", "organization")),
            brief("b", actor("Paris", "person"), actor("Paris!", "place")),
        ]
    )
    ids = {(a.name, a.type): a.id for a in corpus.actors}
    assert ids[("Paris", "person")] == "paris"
    assert ids[("Paris", "place")] == "paris-2"
    assert ids[("Paris!", "place")] == "paris-3"
    assert ids[("Index", "organization")] == "index-2"
    assert len(set(ids.values())) == len(ids)


def test_brief_ids_made_unique_slugs() -> None:
    corpus = aggregate(
        [brief("x", title="One"), brief("x", title="Two"), brief("index"), brief("../Été (2)"), brief("")]
    )
    assert sorted(b.id for b in corpus.briefs) == ["brief", "ete-2", "index-2", "x", "x-2"]


def test_quotes_and_statements_newest_first_with_their_brief() -> None:
    older = brief(
        "older",
        actor("Paul Martin", id="pm"),
        date="2024-01-05",
        title="Avant",
        quotes=(
            Quote("Nous verrons bien demain matin", 10, 40, speaker="pm", cue="dire"),
            Quote("Rien de plus à ajouter ici", 80, 100, speaker=None),
            Quote("Premier dans le texte, donc avant", 0, 9, speaker="pm"),
        ),
    )
    newer = brief(
        "newer",
        actor("Martin", id="m"),
        actor("Paul Martin", id="pm2"),
        date="2024-02-01",
        title="Après",
        quotes=(Quote("Le port sera prêt en été", 5, 30, speaker="pm2", cue="affirmer"),),
        statements=(Statement("qu'il partirait", 50, 65, speaker="pm2", cue="annoncer"),),
    )
    corpus = aggregate([older, newer])
    martin = corpus.actor(corpus.page_of("newer", "pm2"))
    assert martin is not None
    assert [(q.brief_id, q.date, q.text, q.cue) for q in martin.quotes] == [
        ("newer", "2024-02-01", "Le port sera prêt en été", "affirmer"),
        ("older", "2024-01-05", "Premier dans le texte, donc avant", None),
        ("older", "2024-01-05", "Nous verrons bien demain matin", "dire"),
    ]
    assert [(s.brief_title, s.text) for s in martin.statements] == [("Après", "qu'il partirait")]
    # "Martin" is the surname of one actor only here, but it is a separate actor of "newer".
    assert corpus.page_of("newer", "m") != martin.id


def test_co_mentions_counted_by_brief_most_frequent_first() -> None:
    corpus = aggregate(
        [
            brief("a", actor("Ana"), actor("Bob"), actor("Cyd")),
            brief("b", actor("Ana"), actor("Cyd")),
            brief("c", actor("Ana"), actor("Cyd"), actor("Dan")),
        ]
    )
    ana = corpus.actor("ana")
    assert ana is not None
    assert [(c.actor_id, c.count) for c in ana.co_mentions] == [("cyd", 3), ("bob", 1), ("dan", 1)]
    # Most present first: in three briefs, then in one.
    assert [a.id for a in corpus.actors][:2] == ["ana", "cyd"]


def test_lookups_by_name_and_by_id() -> None:
    corpus = aggregate([brief("a", actor("Nicolás Maduro", aliases=("Maduro",)))])
    assert corpus.page_named("a", "MADURO") == "nicolas-maduro"
    assert corpus.page_named("a", "Guaidó") is None
    assert corpus.page_named("missing", "Maduro") is None
    assert corpus.page_of("a", None) is None
    assert corpus.brief("a") is not None and corpus.brief("b") is None


def test_corpus_is_frozen() -> None:
    corpus = aggregate([brief("a", actor("Ana"))])
    with pytest.raises(dataclasses.FrozenInstanceError):
        corpus.briefs = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        corpus.pages[("a", "x")] = "x"  # type: ignore[index]


def test_empty_corpus() -> None:
    corpus = aggregate([])
    assert corpus.briefs == () and corpus.actors == ()


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        # The same person in a French and an English article.
        (actor("Donald Trump", aliases=("Trump",)), actor("Donald Trump", aliases=("Trump",)), True),
        # The same country in both languages, because the countries data says so.
        (actor("États-Unis", "place"), actor("United States", "place", aliases=("U.S.",)), True),
        (actor("Syrie", "place"), actor("Syria", "place"), True),
        # Not in the data: two spellings of a city stay apart (no guessing).
        (actor("Londres", "place"), actor("London", "place"), False),
        # A country name is matched only as a place.
        (actor("Syrie", "place"), actor("Syria", "organization"), False),
    ],
)
def test_actors_merge_across_languages(first: Actor, second: Actor, merged: bool) -> None:
    fr_brief = brief("un", first)
    en_brief = dataclasses.replace(brief("two", second), lang="en")
    corpus = aggregate([fr_brief, en_brief])
    assert len(corpus.actors) == (1 if merged else 2)
    if merged:
        assert corpus.page_of("un", first.id) == corpus.page_of("two", second.id)


def test_a_country_in_two_languages_is_named_in_the_corpus_majority_language() -> None:
    french = [brief(f"fr-{i}", actor("États-Unis", "place")) for i in range(2)]
    english = dataclasses.replace(brief("en-1", actor("United States", "place")), lang="en")
    corpus = aggregate([*french, english])
    assert names(corpus) == {"États-Unis"}
    assert "United States" in next(iter(corpus.actors)).aliases


def test_two_files_with_one_address_are_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    """ "a.md" beside "a.txt": the second is published elsewhere, and the user is told which."""
    first = dataclasses.replace(brief("a", title="Un"), path="a.md")
    second = dataclasses.replace(brief("a", title="Deux"), path="a.txt")
    with caplog.at_level(logging.WARNING):
        corpus = aggregate([second, first])
    assert sorted((b.path, b.id) for b in corpus.briefs) == [("a.md", "a"), ("a.txt", "a-2")]
    assert "a.txt" in caplog.text and "a.md" in caplog.text and "rename one" in caplog.text


# --- chronology and actor timelines --------------------------------------------------------------


def story() -> list[Brief]:
    """Two briefs on one story, naming the same people in other words, plus an undated one."""
    return [
        brief(
            "vote",
            actor("Nicolás Maduro", aliases=("Maduro",)),
            actor("CNE", "organization"),
            actor("TVE", "organization"),
            date="2024-07-30",
            events=(
                event("le CNE a proclamé Maduro vainqueur", "2024-07-29", "cne", "nicolás-maduro", start=50),
                event("TVE a diffusé le scrutin", "2024-07-28", "tve", start=80),
                event("les élections", "2024-07-28", "nicolás-maduro", start=10),
            ),
            statements=(Statement("qu'il avait gagné", 0, 5, speaker="nicolás-maduro", cue="a affirmé"),),
        ),
        brief(
            "sanctions",
            actor("Maduro"),
            actor("RTVE", "organization"),
            date="2024-08-10",
            events=(
                event("Washington a annoncé des sanctions", "2024-08", "maduro", "rtve"),
                event("un premier scrutin", "2019", "ghost"),
            ),
            statements=(Statement("qu'il ne céderait pas", 0, 5, speaker="maduro", cue="a assuré"),),
        ),
        brief("undated", actor("Maduro"), date=None, statements=(Statement("sans date", 0, 5, speaker="maduro"),)),
    ]


def test_chronology_holds_every_event_oldest_first_with_corpus_actor_ids() -> None:
    corpus = aggregate(story())
    assert [(d.date, d.text) for d in corpus.chronology] == [
        ("2019", "un premier scrutin"),
        ("2024-07-28", "les élections"),  # same day: reading order of the brief
        ("2024-07-28", "TVE a diffusé le scrutin"),
        ("2024-07-29", "le CNE a proclamé Maduro vainqueur"),
        ("2024-08", "Washington a annoncé des sanctions"),
    ]
    by_text = {d.text: d for d in corpus.chronology}
    assert by_text["le CNE a proclamé Maduro vainqueur"].actors == ("cne", "nicolas-maduro")
    assert by_text["Washington a annoncé des sanctions"].actors == ("nicolas-maduro", "rtve")
    assert by_text["un premier scrutin"].actors == ()  # an id the brief does not hold
    sanctions = by_text["Washington a annoncé des sanctions"]
    assert (sanctions.kind, sanctions.brief_id, sanctions.brief_title) == ("event", "sanctions", "Sanctions")


def test_actor_timeline_merges_events_and_dated_statements_across_briefs() -> None:
    corpus = aggregate(story())
    maduro = corpus.actor("nicolas-maduro")
    assert maduro is not None and maduro.brief_count == 3
    assert [(d.date, d.kind, d.text) for d in maduro.timeline] == [
        ("2024-07-28", "event", "les élections"),
        ("2024-07-29", "event", "le CNE a proclamé Maduro vainqueur"),
        ("2024-07-30", "statement", "qu'il avait gagné"),
        ("2024-08", "event", "Washington a annoncé des sanctions"),
        ("2024-08-10", "statement", "qu'il ne céderait pas"),
    ]  # the undated brief's statement has no date to be placed at
    assert maduro.timeline[2].cue == "a affirmé" and maduro.timeline[2].actors == ("nicolas-maduro",)
    assert len(maduro.statements) == 3


def test_editors_merges_and_hides_apply_to_the_chronology_and_timelines() -> None:
    corpus = apply_edits(aggregate(story()), (Edit("RTVE", merge=("TVE",)), Edit("CNE", hide=True)))
    rtve = corpus.actor("rtve")
    assert rtve is not None
    assert [d.text for d in rtve.timeline] == ["TVE a diffusé le scrutin", "Washington a annoncé des sanctions"]
    by_text = {d.text: d for d in corpus.chronology}
    assert by_text["TVE a diffusé le scrutin"].actors == ("rtve",)
    assert by_text["le CNE a proclamé Maduro vainqueur"].actors == ("nicolas-maduro",)
    assert corpus.actor("tve") is None and corpus.actor("cne") is None


def test_no_events_no_chronology() -> None:
    corpus = aggregate([brief("a", actor("Ana Lopez"))])
    assert corpus.chronology == () and corpus.actors[0].timeline == ()
