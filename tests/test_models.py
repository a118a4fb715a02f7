"""The brief model: JSON round trip and schema version."""

from __future__ import annotations

import json

import pytest

from generator.models import SCHEMA_VERSION, Actor, Brief, Context, DateMention, Quote, Span


def sample() -> Brief:
    return Brief(
        id="a",
        title="T",
        lang="fr",
        path="a.md",
        text="« Bonjour à tous les amis », dit Jean Dupont.",
        actors=(
            Actor(
                id="jean-dupont",
                name="Jean Dupont",
                type="person",
                aliases=("Dupont",),
                mentions=1,
                key=True,
                spans=(Span(33, 44),),
            ),
        ),
        quotes=(
            Quote(
                text="Bonjour à tous les amis",
                start=2,
                end=25,
                speaker="jean-dupont",
                speaker_name="Jean Dupont",
                cue="dire",
                confidence=0.9,
            ),
        ),
        context=Context(dates=(DateMention("3 mars", 0, 6),), places=("Paris",)),
    )


def test_round_trip_through_json() -> None:
    brief = sample()
    data = json.loads(json.dumps(brief.to_dict()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert Brief.from_dict(data) == brief


def test_other_schema_version_is_refused() -> None:
    data = sample().to_dict() | {"schema_version": SCHEMA_VERSION + 1}
    with pytest.raises(ValueError):
        Brief.from_dict(data)


def test_actor_lookup() -> None:
    brief = sample()
    assert brief.actor("jean-dupont").name == "Jean Dupont"
    assert brief.actor(None) is None
