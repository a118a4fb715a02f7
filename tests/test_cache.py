"""The brief cache: a damaged entry is dropped with a warning, never a crash of the build."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from generator.cache import load_cached, store
from generator.models import SCHEMA_VERSION, Brief, Quote


def good() -> Brief:
    return Brief(
        id="a",
        title="T",
        lang="fr",
        path="a.md",
        text="Texte « cité ici ».",
        quotes=(Quote(text="cité ici", start=8, end=16),),
    )


def test_a_stored_brief_comes_back(tmp_path: Path) -> None:
    store(tmp_path, "k", good())
    assert load_cached(tmp_path, "k") == good()


def test_an_absent_entry_is_none_without_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert load_cached(tmp_path, "missing") is None
    assert not caplog.records


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        "42",
        json.dumps({"schema_version": SCHEMA_VERSION, "id": 5, "title": "T", "lang": "fr", "path": "a", "text": "x"}),
        json.dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "id": "a",
                "title": "T",
                "lang": "fr",
                "path": "a",
                "text": "x",
                "actors": "not a list",
            }
        ),
        json.dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "id": "a",
                "title": "T",
                "lang": "fr",
                "path": "a",
                "text": "x",
                "quotes": [{"text": "q", "start": "0", "end": 1}],
            }
        ),
        json.dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "id": "a",
                "title": "T",
                "lang": "fr",
                "path": "a",
                "text": "x",
                "quotes": [{"unknown": 1}],
            }
        ),
    ],
)
def test_a_damaged_entry_is_dropped_with_a_warning(
    tmp_path: Path, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "k.json").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_cached(tmp_path, "k") is None
    assert "damaged cached brief" in caplog.text
    assert not (tmp_path / "k.json").exists()


def test_another_schema_version_is_dropped(tmp_path: Path) -> None:
    data = good().to_dict() | {"schema_version": SCHEMA_VERSION + 1}
    (tmp_path / "k.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_cached(tmp_path, "k") is None
