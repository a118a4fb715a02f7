"""Text helpers: slugs for page addresses, parser-safe normalisation."""

from __future__ import annotations

import pytest

from generator.text import normalize_for_parser, slugify, unique_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # Latin names that already slugged well keep their page address.
        ("Nicolás Maduro", "nicolas-maduro"),
        ("États-Unis", "etats-unis"),
        ("Jean-Marie Le Pen", "jean-marie-le-pen"),
        ("l’Élysée", "l-elysee"),
        ("O'Brien", "o-brien"),
        ("1,5 million", "1-5-million"),
        ("Briefs étiquetés « Venezuela »", "briefs-etiquetes-venezuela"),
        ("2024/11-12 sommet", "2024-11-12-sommet"),
        # Letters without a decomposition are transliterated, not dropped.
        ("Søren Kierkegaard", "soren-kierkegaard"),
        ("Łukasz", "lukasz"),
        ("Straße", "strasse"),
        ("Cœur", "coeur"),
        # Other scripts are transliterated instead of all becoming the fallback.
        ("Владимир Путин", "vladimir-putin"),
        ("Игорь", "igor"),
        ("محمد بن سلمان", "mhmd-bn-slmn"),
        # Nothing left: the fallback.
        ("???", "item"),
        ("", "item"),
        ("«  »", "item"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_fallback_and_length() -> None:
    assert slugify("…", fallback="actor") == "actor"
    long = slugify("mot " * 40)
    assert len(long) <= 80 and not long.endswith("-") and long.startswith("mot-mot")


def test_different_scripts_no_longer_share_one_address() -> None:
    taken: set[str] = set()
    ids = [unique_slug(slugify(name, fallback="actor"), taken) for name in ("Владимир Путин", "Сергей Лавров")]
    assert ids == ["vladimir-putin", "sergei-lavrov"]


def test_unique_slug_numbers_repeats() -> None:
    taken: set[str] = set()
    assert [unique_slug("a", taken) for _ in range(3)] == ["a", "a-2", "a-3"]


def test_normalisation_keeps_offsets() -> None:
    text = "Il l\u2019a dit\u00a0: «\u202fnon\u202f»."
    plain = normalize_for_parser(text)
    assert len(plain) == len(text)
    assert plain == "Il l'a dit : « non »."
