"""The founding example: what the seed article's brief and site must show."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import make_briefs
from generator.config import Config
from generator.models import Brief

SEED = Path(__file__).resolve().parent / "content" / "fr-seed-maduro-trump.md"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    config = Config(cache_dir=tmp_path_factory.mktemp("cache"))
    briefs, failures = make_briefs([SEED], config, root=SEED.parent, use_cache=False)
    assert not failures and briefs[0] is not None
    return briefs[0]


def test_the_long_quote_is_one_quote_by_maduro(seed: Brief) -> None:
    long = [q for q in seed.quotes if q.text.startswith("Cette administration [Biden]")]
    assert len(long) == 1
    quote = long[0]
    assert quote.text.endswith("nous l’avons toujours")
    nested = "« nous allons nous coordonner pour lutter contre les gangs et les réseaux criminels »"
    assert nested in " ".join(quote.text.split()), "the nested quote stays inside, marks and all"
    assert not any("nous allons nous coordonner" in q.text for q in seed.quotes if q is not quote)
    assert quote.speaker_name == "Nicolás Maduro"
    assert seed.actor(quote.speaker).name == "Nicolás Maduro"
    assert seed.text[quote.start : quote.end] == quote.text


def test_actors_have_clean_names_and_one_identity(seed: Brief) -> None:
    names = {a.name: a for a in seed.actors}
    assert set(names) == {
        "Nicolás Maduro",
        "Donald Trump",
        "Joe Biden",
        "Juan Guaidó",
        "Vladimir Poutine",
        "Recep Tayyip Erdogan",
        "Wall Street Journal",
        "Maison Blanche",
        "États-Unis",
        "Venezuela",
    }
    assert {"Trump", "D. Trump"} <= set(names["Donald Trump"].aliases)
    assert "Maduro" in names["Nicolás Maduro"].aliases
    assert "président vénézuélien" in names["Nicolás Maduro"].roles
    assert names["Nicolás Maduro"].key and names["Donald Trump"].key
    types = {n: a.type for n, a in names.items()}
    assert types["Wall Street Journal"] == "organization"
    assert types["Venezuela"] == types["États-Unis"] == "place"


def test_context(seed: Brief) -> None:
    assert seed.summary.startswith("Nicolás Maduro a proposé aux États-Unis")
    assert "28 juillet" in [d.text for d in seed.context.dates]
    assert "Wall Street Journal" in seed.context.sources


def test_statements_with_their_speakers(seed: Brief) -> None:
    """Reported speech without quote marks: Maduro's, the unnamed adviser's, the newspaper's."""
    maduro = next(s for s in seed.statements if s.text.startswith("il avait tenté de parvenir"))
    assert maduro.speaker_name == "Nicolás Maduro" and maduro.cue == "a expliqué"
    assert maduro.text.endswith("mais qu’il n’avait reçu aucune réponse")
    adviser = next(s for s in seed.statements if "l’éloge de Maduro" in s.text)
    assert adviser.speaker is None and adviser.speaker_desc == "l’un de ses conseillers"
    assert adviser.cue == "selon"
    journal = next(s for s in seed.statements if s.text.startswith("des hommes d’affaires pétroliers"))
    assert journal.speaker_name == "Wall Street Journal"
    for statement in seed.statements:
        assert seed.text[statement.start : statement.end] == statement.text
        assert not any(q.start <= statement.start and statement.end <= q.end for q in seed.quotes)


def test_dates_resolve_against_the_article_date(seed: Brief) -> None:
    assert seed.context.reference_date == "2024-11-12" and seed.context.reference == "article"
    july = next(d for d in seed.context.dates if d.text == "28 juillet")
    assert july.value == "2024-07-28"
    event = next(e for e in seed.context.events if e.date_text == "28 juillet")
    assert event.date == "2024-07-28" and "élections présidentielles" in event.text


def test_background_and_a_salient_summary(seed: Brief) -> None:
    assert any(b.text.startswith("Lors de son premier mandat présidentiel") for b in seed.context.background)
    assert 1 <= seed.summary.count(". ") + 1 <= 3
    assert all(part in seed.text for part in seed.summary.split(". "))
