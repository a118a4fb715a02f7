"""Language knowledge is data: loaded per language, and never written into the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.langdata import LANG_DIR, load_lang, supported_languages

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def test_supported_languages() -> None:
    assert supported_languages() == ["en", "fr"]


def test_unsupported_language_lists_the_supported_ones() -> None:
    with pytest.raises(ConfigError, match="supported: en, fr"):
        load_lang("de")


@pytest.mark.parametrize("code", ["fr", "en"])
def test_every_language_has_the_same_data(code: str) -> None:
    lang = load_lang(code)
    assert lang.speech_verbs and lang.quote_pairs and lang.titles and lang.nationalities
    assert set(load_lang("fr").labels) == set(lang.labels), "label tables must have the same keys"


@pytest.mark.parametrize(("code", "word"), [("fr", "Vénézuéliens"), ("fr", "turc"), ("en", "Turks")])
def test_nationalities(code: str, word: str) -> None:
    assert load_lang(code).is_nationality(word)


def test_no_language_words_in_python_code() -> None:
    """Speech verbs, titles and nationality words live in generator/lang/, not in .py files."""
    words: set[str] = set()
    for code in supported_languages():
        lang = load_lang(code)
        words |= {w for w in lang.speech_verbs | lang.titles if len(w) > 4}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for literal in re.findall(r"[\"']([^\"'\n]{3,40})[\"']", path.read_text(encoding="utf-8")):
            if literal.lower() in words:
                offenders.append(f"{path.relative_to(PACKAGE)}: {literal!r}")
    assert not offenders, "language words belong in generator/lang/: " + ", ".join(offenders)
    assert LANG_DIR.is_dir()


# The modules that read the parse to find speakers: every dependency label they test comes from
# the language data (`dependency_labels`, `speaker_deps`), so a new parser scheme is a data change.
ATTRIBUTION_MODULES = ("docindex", "verbs", "nominal", "antecedents", "speakers", "quote_window", "incises",
                       "introductions", "continuations", "quote_filter", "quotes", "statements")


def test_attribution_modules_spell_no_dependency_label() -> None:
    labels: set[str] = set()
    for code in supported_languages():
        lang = load_lang(code)
        labels |= set(lang.speaker_deps) | {label for group in lang.deps.values() for label in group}
    offenders = []
    for name in ATTRIBUTION_MODULES:
        path = PACKAGE / "extract" / f"{name}.py"
        for literal in re.findall(r"[\"']([a-zA-Z:]{2,12})[\"']", path.read_text(encoding="utf-8")):
            if literal in labels:
                offenders.append(f"{path.name}: {literal!r}")
    assert not offenders, "dependency labels belong in lang.yml (dependency_labels): " + ", ".join(offenders)


def test_every_language_names_the_same_dependency_roles() -> None:
    roles = {code: set(load_lang(code).deps) for code in supported_languages()}
    assert all(r == roles["fr"] for r in roles.values()), roles
    assert {"chain", "object", "apposition", "auxiliary", "complement"} <= roles["fr"]


def test_dependency_labels_are_read_only() -> None:
    deps = load_lang("fr").deps
    with pytest.raises(TypeError):
        deps["chain"] = frozenset()  # type: ignore[index]
