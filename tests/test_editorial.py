"""Editors' corrections (content/actors.yml): loading with clear errors, and each kind of edit."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.build import find_articles
from generator.corpus import Corpus, aggregate
from generator.editorial import Edit, Split, apply_edits, load_edits
from generator.errors import ContentError
from generator.models import Actor, Brief, Quote


def actor(name: str, type: str = "person", aliases: tuple[str, ...] = (), id: str | None = None) -> Actor:
    return Actor(id=id or name.lower().replace(" ", "-"), name=name, type=type, aliases=aliases, mentions=1)


def brief(id: str, *actors: Actor, date: str = "2024-01-01", quotes: tuple[Quote, ...] = ()) -> Brief:
    return Brief(id=id, title=id.title(), lang="fr", path=f"{id}.md", text="…", date=date, actors=actors, quotes=quotes)


def sample() -> Corpus:
    return aggregate(
        [
            brief(
                "a",
                actor("RTVE", "organization"),
                actor("Paul Martin"),
                actor("Sheriff", "place"),
                quotes=(Quote("Nous partirons demain matin", 0, 10, speaker="paul-martin"),),
            ),
            brief(
                "b",
                actor("TVE", "organization", id="tve"),
                actor("Paul Martin"),
                actor("Scientology", "place"),
                date="2024-02-01",
            ),
        ]
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yml"
    path.write_text(text, encoding="utf-8")
    return path


# --- loading ------------------------------------------------------------------------------------


def test_missing_or_empty_file_means_no_edits(tmp_path: Path) -> None:
    assert load_edits(tmp_path / "actors.yml") == ()
    assert load_edits(write(tmp_path, "# nothing yet\n")) == ()


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
actors:
  - name: RTVE
    merge: TVE
    rename: Radio Televisión Española
    type: organization
    description: Public broadcaster.
  - name: Paul Martin
    split:
      - {name: Paul Martin (footballeur), briefs: [b], type: person}
  - name: Sheriff
    hide: true
""",
    )
    first, second, third = load_edits(path)
    assert (first.name, first.merge, first.rename, first.type, first.description) == (
        "RTVE",
        ("TVE",),
        "Radio Televisión Española",
        "organization",
        "Public broadcaster.",
    )
    assert second.split == (Split("Paul Martin (footballeur)", ("b",), "person"),)
    assert third.hide


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors: [name: x\n", "not valid YAML"),
        ("- name: RTVE\n", "top-level key"),
        ("actors: {name: RTVE}\n", "must be a list"),
        ("actors:\n  - RTVE\n", "entry 1: must be a mapping"),
        ("actors:\n  - merge: [TVE]\n", "entry 1: `name:`"),
        ("actors:\n  - name: RTVE\n  - name: TVE\n    colour: red\n", "entry 2 (TVE): unknown key(s) colour"),
        ("actors:\n  - name: RTVE\n    type: company\n", "entry 1 (RTVE): `type:` must be one of"),
        ("actors:\n  - name: RTVE\n    hide: yes please\n", "`hide:` must be true or false"),
        ("actors:\n  - name: Paul Martin\n    split: [{name: Paul}]\n", "needs `briefs:`"),
        ("actors:\n  - name: RTVE\n    description: !!int x\n", "description': value 'x' cannot be read as int"),
    ],
)
def test_malformed_file_is_an_error_naming_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        load_edits(path)
    assert info.value.path == path


def test_actors_yml_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    (tmp_path / "one.md").write_text("Un texte.", encoding="utf-8")
    assert [p.name for p in find_articles(tmp_path)] == ["one.md"]


# --- applying -----------------------------------------------------------------------------------


def test_merge_keeps_the_target_page_and_takes_the_other_as_alias() -> None:
    corpus = apply_edits(sample(), (Edit("RTVE", merge=("TVE",)),))
    rtve = corpus.actor("rtve")
    assert rtve is not None and rtve.aliases == ("TVE",) and rtve.brief_count == 2
    assert corpus.page_of("b", "tve") == "rtve" and corpus.actor("tve") is None


def test_split_moves_the_listed_briefs_to_a_new_actor() -> None:
    corpus = apply_edits(sample(), (Edit("Paul Martin", split=(Split("Paul Martin (footballeur)", ("b",)),)),))
    kept, other = corpus.actor("paul-martin"), corpus.actor("paul-martin-footballeur")
    assert kept is not None and other is not None
    assert [a.brief_id for a in kept.appearances] == ["a"] and len(kept.quotes) == 1
    assert [a.brief_id for a in other.appearances] == ["b"] and other.quotes == ()
    assert corpus.page_of("b", "paul-martin") == "paul-martin-footballeur"


def test_rename_retype_describe_and_hide() -> None:
    corpus = apply_edits(
        sample(),
        (
            Edit("Scientology", type="organization", rename="Church of Scientology", description="Une Église."),
            Edit("Sheriff", hide=True),
        ),
    )
    church = corpus.actor("church-of-scientology")
    assert church is not None and (church.type, church.description) == ("organization", "Une Église.")
    assert corpus.actor("scientology") is None and church.aliases == ("Scientology",)
    assert corpus.actor("sheriff") is None and corpus.page_of("a", "sheriff") is None
    assert all(c.actor_id != "sheriff" for a in corpus.actors for c in a.co_mentions)


def test_actor_found_by_alias_or_page_id() -> None:
    corpus = apply_edits(sample(), (Edit("tve", description="par id"), Edit("RTVE", merge=("tve",))))
    rtve = corpus.actor("rtve")
    assert rtve is not None and rtve.brief_count == 2


def test_unknown_actor_is_a_warning_and_the_rest_applies(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        corpus = apply_edits(
            sample(), (Edit("Nobody", hide=True, where="actors.yml, entry 1 (Nobody)"), Edit("Sheriff", hide=True))
        )
    assert "entry 1 (Nobody)" in caplog.text and "Nobody" in caplog.text
    assert corpus.actor("sheriff") is None and len(corpus.actors) == len(sample().actors) - 1


def test_no_edits_leave_the_corpus_as_it_is() -> None:
    corpus = sample()
    assert apply_edits(corpus, ()) is corpus


def test_sample_actors_yml_is_valid_and_does_something() -> None:
    edits = load_edits(Path(__file__).parent.parent / "content" / "actors.yml")
    assert edits and any(e.description for e in edits) and any(e.merge for e in edits)


def test_merging_actors_of_another_type_is_a_warning_unless_the_entry_sets_the_type(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        corpus = apply_edits(sample(), (Edit("Paul Martin", merge=("RTVE",), where="actors.yml, entry 1"),))
    assert "not merged" in caplog.text and corpus.actor("rtve") is not None
    retyped = apply_edits(sample(), (Edit("Paul Martin", merge=("RTVE",), type="person"),))
    assert retyped.actor("rtve") is None


def test_renaming_to_a_name_another_actor_has_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        corpus = apply_edits(sample(), (Edit("TVE", rename="RTVE", where="actors.yml, entry 1"),))
    assert "already called" in caplog.text
    assert sorted(a.name for a in corpus.actors if a.name in ("RTVE", "TVE")) == ["RTVE", "TVE"]
